//go:build unix

package main

import (
	"os"
	"runtime"
	"syscall"
)

// childPeakRSS is the peak RSS of the exited process ps in MB (10^6 bytes), from its
// rusage: ru_maxrss counts kilobytes on Linux and the BSDs, bytes on Darwin.
func childPeakRSS(ps *os.ProcessState) (float64, bool) {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok || ru.Maxrss <= 0 {
		return 0, false
	}
	unit := 1024.0
	if runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		unit = 1
	}
	return float64(ru.Maxrss) * unit / 1e6, true
}

// selfCPU is the CPU seconds (user + system) this process has used so far. Around a run,
// it is the harness's reading of the run's output through the pipe: work on the same
// cores as the run's own.
func selfCPU() (float64, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9, true
}
