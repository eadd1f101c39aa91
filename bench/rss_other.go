//go:build !unix

package main

import "os"

// childPeakRSS reports no figure where the process's rusage holds none (Windows): the
// RSS targets are then reported as not measured, never as met.
func childPeakRSS(*os.ProcessState) (float64, bool) { return 0, false }

// selfCPU reports no figure where this process's rusage cannot be read: the speedup
// ceiling is then not reported.
func selfCPU() (float64, bool) { return 0, false }
