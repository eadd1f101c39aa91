package main

import (
	"math"
	"os"
	"os/exec"
	"runtime"
	"testing"
	"time"
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

// TestSpeedupCeiling: a -j 1 run of 1 s that kept 1.25 cores busy (its own CPU and the
// harness's reading) can gain at most 1.6× on two cores; two workers can never gain
// more than 2×; unmeasured CPU gives no ceiling.
func TestSpeedupCeiling(t *testing.T) {
	for _, c := range []struct {
		j1    result
		cores int
		want  float64
		ok    bool
	}{
		{result{secs: 1, cpu: 1.15, readCPU: 0.1}, 2, 1.6, true},
		{result{secs: 1, cpu: 1.0, readCPU: 0}, 2, 2, true},
		{result{secs: 1, cpu: 1.25, readCPU: 0}, 4, 2, true},
		{result{secs: 1, cpu: 1.25, readCPU: 0}, 1, 0.8, true},
		{result{secs: 1, cpu: 1.2, readCPU: math.NaN()}, 2, 0, false},
		{result{secs: 0, cpu: 1.2}, 2, 0, false},
	} {
		got, ok := speedupCeiling(c.j1, c.cores)
		if ok != c.ok || math.Abs(got-c.want) > 1e-9 {
			t.Errorf("speedupCeiling(%+v, %d) = %v, %v; want %v, %v", c.j1, c.cores, got, ok, c.want, c.ok)
		}
	}
}

// TestSelfCPU: spinning for 50 ms of wall time shows as CPU time where rusage is read.
func TestSelfCPU(t *testing.T) {
	before, ok := selfCPU()
	if !ok {
		if runtime.GOOS != "windows" && runtime.GOOS != "plan9" {
			t.Fatal("selfCPU: no figure on a system with rusage")
		}
		return
	}
	n := 0
	for start := time.Now(); time.Since(start) < 50*time.Millisecond; {
		n++
	}
	after, _ := selfCPU()
	if d := after - before; d < 0.01 || d > 10 {
		t.Errorf("selfCPU grew by %.3f s over 50 ms of spinning (%d spins)", d, n)
	}
}
