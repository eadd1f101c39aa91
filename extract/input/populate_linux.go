package input

import (
	"golang.org/x/sys/unix"

	"github.com/policymetrics/policymetrics/extract/hugepages"
)

// populateMin is the size from which a file's buffer is populated before it is read.
const populateMin = 1 << 20

// populate asks the kernel to back buf's pages at once (MADV_POPULATE_WRITE, Linux 5.14),
// before read() copies the file into it: a page fault for each 4 KB page of a fresh
// buffer costs more, under a hypervisor most of all. Its whole 2 MB pages are asked for as
// huge pages first (hugepages.Advise), which leaves fewer pages to back. On an older
// kernel, or a buffer not page-aligned, it does nothing.
func populate(buf []byte) {
	if cap(buf) >= populateMin {
		hugepages.Advise(buf)
		_ = unix.Madvise(buf[:cap(buf)], unix.MADV_POPULATE_WRITE)
	}
}
