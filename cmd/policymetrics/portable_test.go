package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// TestBuildsEverywhere type-checks the whole module, tests too, for two kinds of system a
// user may run it on that a CI machine is not: a 32-bit one (a constant past 1<<31 used
// as an int, as decode's NUL flag and three tests' 1<<40 were, builds on 64-bit systems
// only) and Windows (rusage fields, signals, pipe sizes: what build tags set apart). go
// vet compiles what the packages import and checks the packages and their tests; cgo is
// off, so no C toolchain is needed.
func TestBuildsEverywhere(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the module twice")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		goTool = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	for _, target := range [][2]string{{"linux", "386"}, {"windows", "amd64"}} {
		cmd := exec.Command(goTool, "vet", "./...")
		cmd.Dir = "../.."
		cmd.Env = append(os.Environ(), "GOOS="+target[0], "GOARCH="+target[1], "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("GOOS=%s GOARCH=%s go vet ./...: %v\n%s", target[0], target[1], err, out)
		}
	}
}
