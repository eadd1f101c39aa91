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
