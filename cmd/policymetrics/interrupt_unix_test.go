//go:build unix

package main

import (
	"os"
	"syscall"
)

// interruptSelf sends SIGINT to this process, as Ctrl-C does.
func interruptSelf() { syscall.Kill(os.Getpid(), syscall.SIGINT) }
