package hugepages

import (
	"math/bits"
	"runtime"
	"runtime/debug"
	"unsafe"

	"golang.org/x/sys/unix"
)

// supported: a 32-bit heap is too small, and laid out otherwise, to be worth it.
const supported = bits.UintSize == 64

func reserve(n int) (lo, hi uintptr) {
	// No collection may run while b is held: one that found it live would set the next
	// collection at twice the heap with b, and the run would fill the heap to that before
	// reusing b's pages (an RSS of 154 MB instead of 62, about one -j 2 run in ten).
	gcPercent := debug.SetGCPercent(-1) // waits for a collection under way to end
	b := make([]byte, n)
	lo, hi = advise(b)
	b = nil // garbage: the next collection frees it, and what the run allocates reuses it
	debug.SetGCPercent(gcPercent)
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

// populate backs buf's pages at once; errors (an older kernel) are ignored.
func populate(buf []byte) { _ = unix.Madvise(buf, unix.MADV_POPULATE_WRITE) }
