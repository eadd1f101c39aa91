//go:build !unix

package main

import "os"

// interruptSelf would send SIGINT to this process; where there are no signals to send,
// it ends the test run.
func interruptSelf() {
	p, _ := os.FindProcess(os.Getpid())
	p.Signal(os.Interrupt)
}
