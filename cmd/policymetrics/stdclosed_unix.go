//go:build unix

package main

import (
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// startedClosed tells whether f (a standard stream) was closed when the process started.
// The Go runtime opens /dev/null read-write on a closed standard descriptor, so writes
// would vanish without an error; a shell's >/dev/null opens it write-only, so /dev/null
// open read-write on standard output is taken as "closed".
func startedClosed(f *os.File) bool {
	fl, err := unix.FcntlInt(f.Fd(), unix.F_GETFL, 0)
	if err != nil {
		return true
	}
	if fl&unix.O_ACCMODE != unix.O_RDWR {
		return false
	}
	var st, null syscall.Stat_t
	if syscall.Fstat(int(f.Fd()), &st) != nil || syscall.Stat("/dev/null", &null) != nil {
		return false
	}
	return st.Rdev == null.Rdev && st.Mode&syscall.S_IFMT == syscall.S_IFCHR
}
