package hugepages

import (
	"math/bits"
	"runtime"
	"unsafe"

	"golang.org/x/sys/unix"
)

// supported: a 32-bit heap is too small, and laid out otherwise, to be worth it.
const supported = bits.UintSize == 64

func reserve(n int) (lo, hi uintptr) {
	b := make([]byte, n)
	lo, hi = advise(b)
	// b is garbage from here: the collection its size starts frees it, and what the run
	// allocates next reuses its pages, mapped and advised. (Collecting here instead cost
	// every run 5 ms.)
	return lo, hi
}

// advise gives MADV_HUGEPAGE for buf's whole huge pages and returns their range. Errors
// are ignored: advice refused changes nothing but speed.
func advise(buf []byte) (lo, hi uintptr) {
	if len(buf) == 0 {
		return 0, 0
	}
	p := uintptr(unsafe.Pointer(unsafe.SliceData(buf)))
	lo, hi = inner(p, p+uintptr(len(buf)))
	if lo < hi {
		_, _, _ = unix.Syscall(unix.SYS_MADVISE, lo, hi-lo, unix.MADV_HUGEPAGE)
	}
	runtime.KeepAlive(buf)
	return lo, hi
}
