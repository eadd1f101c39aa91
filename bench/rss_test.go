package main

import (
	"os"
	"os/exec"
	"runtime"
	"testing"
)

// TestChildPeakRSS runs this test binary again, doing nothing, and reads its peak RSS:
// a Go process holds a few MB, which a figure in the wrong unit (bytes read as kilobytes
// on Darwin, or the reverse) would miss by a thousandfold.
func TestChildPeakRSS(t *testing.T) {
	self, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	cmd := exec.Command(self, "-test.run=^$")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	mb, ok := childPeakRSS(cmd.ProcessState)
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		if ok {
			t.Errorf("childPeakRSS = %.1f MB, ok where rusage holds no RSS", mb)
		}
		return
	}
	if !ok || mb < 0.5 || mb > 1000 {
		t.Errorf("childPeakRSS = %.3f MB, %v; want a few MB", mb, ok)
	}
}
