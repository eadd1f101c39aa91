// Package hugepages asks Linux to back the heap with transparent huge pages (2 MB) where
// the system leaves that to each program (THP "madvise", the default of many
// distributions). A run touches tens of MB of fresh heap; in 4 KB pages each touch is a
// page fault, dear under a hypervisor or with page-table isolation, and the TLB covers
// little of the working set. With huge pages a 25 MB document is read a quarter faster
// and a -j 2 run about 8% faster on the benchmark's VM (see the README).
//
// It is advice: the kernel may refuse it, and nothing changes but speed. Elsewhere than
// Linux, on 32-bit systems, with THP "always" (already given) or "never", and with
// GODEBUG=disablethp=1 (the Go runtime's own switch to keep huge pages off the heap) it
// does nothing.
package hugepages

import (
	"math"
	"os"
	"runtime/debug"
	"strings"
	"sync"
)

// mode is the system's transparent huge page setting.
type mode int

const (
	unknown mode = iota // no such setting (not Linux, no THP, unreadable)
	never
	madvise // only memory a program advises; advice is worth giving
	always
)

// parseMode reads /sys/kernel/mm/transparent_hugepage/enabled, where the chosen word is
// bracketed: "always [madvise] never".
func parseMode(s string) mode {
	i := strings.IndexByte(s, '[')
	j := strings.IndexByte(s, ']')
	if i < 0 || j < i {
		return unknown
	}
	switch s[i+1 : j] {
	case "always":
		return always
	case "madvise":
		return madvise
	case "never":
		return never
	}
	return unknown
}

// disabledByGODEBUG says whether GODEBUG holds disablethp=1: whoever set it wants no huge
// pages on the heap, and advice would overrule the runtime's.
func disabledByGODEBUG(godebug string) bool {
	off := false
	for _, kv := range strings.Split(godebug, ",") { // the last setting wins, as in the runtime
		if k, v, ok := strings.Cut(strings.TrimSpace(kv), "="); ok && k == "disablethp" {
			off = v == "1"
		}
	}
	return off
}

var worthIt = sync.OnceValue(func() bool {
	if disabledByGODEBUG(os.Getenv("GODEBUG")) || !supported {
		return false
	}
	b, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	return err == nil && parseMode(string(b)) == madvise
})

// Reserve makes the heap's next n bytes huge-page backed: it maps them, by allocating n
// bytes and dropping them, advises them, and leaves them to the next collection, so that
// what the run allocates next reuses them. It touches none of them: unused, they cost no
// memory. Call it at a run's start, with about the heap the run will use; only the first
// call in a process reserves (it turns collection off for a moment, which two at once
// could leave off).
func Reserve(n int) {
	reserveOnce.Do(func() {
		n = withinMemoryLimit(n, debug.SetMemoryLimit(-1))
		if n > 0 && worthIt() {
			reserve(n)
		}
	})
}

var reserveOnce sync.Once

// withinMemoryLimit caps a reservation at a quarter of a memory limit set (GOMEMLIMIT):
// whoever set one means the heap to stay well under it, and a reservation the size of the
// limit would make the collector run until it is dropped.
func withinMemoryLimit(n int, limit int64) int {
	if limit > 0 && limit < math.MaxInt64 && int64(n) > limit/4 {
		return int(limit / 4)
	}
	return n
}

// Advise asks for buf's whole huge pages (the 2 MB-aligned part of its capacity) to be
// huge-page backed when first touched: call it before filling a large fresh buffer.
func Advise(buf []byte) {
	if cap(buf) < hugePage || !worthIt() {
		return
	}
	advise(buf[:cap(buf)])
}

// Populate asks the kernel to back buf's pages at once (MADV_POPULATE_WRITE, Linux 5.14),
// its whole 2 MB pages as huge pages (Advise), before a large fresh buffer is filled: a page
// fault for each 4 KB page costs more, under a hypervisor most of all (128 MB touched page
// by page: 0.5 s on the benchmark's VM). Buffers under a megabyte are left alone, as are
// all on older kernels and other systems: it changes nothing but speed.
func Populate(buf []byte) {
	if cap(buf) >= populateMin {
		Advise(buf)
		populate(buf[:cap(buf)])
	}
}

// populateMin is the size from which Populate populates.
const populateMin = 1 << 20

// hugePage is the size of a transparent huge page on x86-64 and (4 KB base pages) arm64.
const hugePage = 2 << 20

// inner is the part of [lo, hi) made of whole huge pages: lo rounded up, hi down.
func inner(lo, hi uintptr) (uintptr, uintptr) {
	lo = (lo + hugePage - 1) &^ (hugePage - 1)
	hi &^= hugePage - 1
	if hi < lo {
		hi = lo
	}
	return lo, hi
}
