// Package memlimit bounds a run's memory by the documents it is reading. The collector
// lets garbage grow the heap to twice what is live (GOGC=100), and what is live while a
// large document is read is the document itself and its working set: a document whose
// working set is large for its size (a list of figures with a record each and no
// sentence end, or a text in a script of long words whose phrases fill the concept memo)
// peaked well above twice its size. While a large document is in flight, a soft memory
// limit (runtime/debug.SetMemoryLimit) of twice the bytes in flight plus a slack makes
// the collector run before the heap reaches that: such a document costs some collector
// time instead of memory. The limit does not bind a document whose heap stays under it
// (the benchmark's reports), nor reading that holds two copies of a text at once (a
// source and its decoding), which no collection can free.
//
// A limit the user set (GOMEMLIMIT, even "off") is theirs: the package then does nothing.
package memlimit

import (
	"os"
	"runtime/debug"
	"sync"
)

const (
	// LargeDocument is the size from which a document bounds the heap: under it, the
	// run's own working memory (tens of MB at -j 2, more with a page's or a workbook's
	// structures) weighs as much as the document, and a limit from its size would only
	// make the collector run more.
	LargeDocument = 16 << 20
	// slack is what the limit allows beyond twice the bytes in flight. The target is a
	// peak RSS of 2× a document + 48 MB; about 11 MB of RSS is not under the limit (the
	// binary's text and data, and what the soft limit lets through): 30 MB leaves a few
	// MB to spare. A 24 MB list of figures with no sentence end then peaks at about 90 MB
	// (114–138 MB with no limit), in about the same time.
	slack = 30 << 20
)

// limit is the soft memory limit while large documents of inflight bytes in all are read.
func limit(inflight int64) int64 { return 2*inflight + slack }

// budget tracks the large documents being read and sets the runtime's memory limit from
// them.
type budget struct {
	mu       sync.Mutex
	inflight int64 // bytes of the large documents being read
	set      func(int64) int64
	none     int64 // the limit when no large document is in flight
	off      bool  // the user set GOMEMLIMIT: leave the limit alone
}

// newBudget returns a budget that sets the limit through set (debug.SetMemoryLimit),
// or does nothing when userSet.
func newBudget(set func(int64) int64, userSet bool) *budget {
	return &budget{set: set, none: set(-1), off: userSet}
}

var process = sync.OnceValue(func() *budget {
	_, userSet := os.LookupEnv("GOMEMLIMIT")
	return newBudget(debug.SetMemoryLimit, userSet)
})

// Enter notes a document of size bytes as being read, and returns the function that
// notes it done: a large one (LargeDocument) bounds the heap meanwhile. Call it around
// the reading of a document whose memory is its size and a little work (one read in
// chunks), not of one read whole at many times its size (a PDF, a workbook): the
// collector would run without end to keep such a document's heap under the limit.
func Enter(size int) (leave func()) { return process().Enter(size) }

// Enter is the package's Enter on b.
func (b *budget) Enter(size int) (leave func()) {
	if b.off || size < LargeDocument {
		return func() {}
	}
	n := int64(size)
	b.add(n)
	var once sync.Once
	return func() { once.Do(func() { b.add(-n) }) }
}

// add adds n bytes in flight (negative: a document done) and sets the limit that
// follows: from the bytes in flight, never above the limit the process had, and that
// limit again once none is in flight.
func (b *budget) add(n int64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.inflight += n
	l := b.none
	if b.inflight > 0 {
		l = min(b.none, limit(b.inflight))
	}
	b.set(l)
}
