// Package memlimit bounds a run's memory by the documents it is reading. The collector
// lets garbage grow the heap to twice what is live (GOGC=100), and what is live while a
// large document is read is the document itself and its working set: a document whose
// working set is large for its size (a list of figures with a record each and no
// sentence end, or a text in a script of long words whose phrases fill the concept memo)
// peaked well above twice its size. While the documents being extracted are all large
// texts (one alone, most often), a soft memory limit (runtime/debug.SetMemoryLimit) of
// twice their bytes plus a slack makes the collector run before the heap reaches that:
// such a text costs some collector time instead of memory. The limit does not bind a text
// whose heap stays under it (the benchmark's reports), nor reading that holds two copies
// of a text at once (a source and its decoding), which no collection can free; and a
// document of another kind beside it lifts it (Document).
//
// A limit the user set (GOMEMLIMIT, even "off") is theirs: the package then does nothing.
package memlimit

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"
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

// The limit is given up when what the collector found live after a collection passes
// liveShare of it: under a limit it cannot keep, the collector runs without end, capped at
// half the CPU. A 24 MB list of figures at -j 2 held several chunks' records (about 20 MB
// each) beside the helpers, and took 11.4 s instead of 3.6.
// The heap is looked at every watchEvery while a limit is set.
const liveShare = 0.75

var watchEvery = 20 * time.Millisecond // a variable for tests, which call check themselves

// budget tracks the documents being extracted and, of them, the large texts that bound
// the heap, and sets the runtime's memory limit from them.
type budget struct {
	mu       sync.Mutex
	docs     int   // documents being extracted (Document)
	large    int   // of them, large texts bounding the heap (Enter)
	inflight int64 // the large texts' bytes
	set      func(int64) int64
	none     int64 // the limit when none bounds the heap
	last     int64 // the limit last set
	off      bool  // the user set GOMEMLIMIT: leave the limit alone
	gaveUp   bool  // the live heap outgrew the limit: none until no large text is left
	watching bool  // a watch goroutine runs
	live     func() uint64
}

// newBudget returns a budget that sets the limit through set (debug.SetMemoryLimit),
// or does nothing when userSet.
func newBudget(set func(int64) int64, userSet bool) *budget {
	none := set(-1)
	return &budget{set: set, none: none, last: none, off: userSet, live: liveHeap}
}

var process = sync.OnceValue(func() *budget {
	_, userSet := os.LookupEnv("GOMEMLIMIT")
	return newBudget(debug.SetMemoryLimit, userSet)
})

// Document notes a document of any kind as being extracted, and returns the function
// that notes it done. While one is extracted that is not a large text bounding the heap
// (Enter), no limit is set: its memory is not counted (a PDF or a workbook is read whole
// at many times its size), and a limit that left it out made the collector run without
// end (a -j 2 run of two large texts and some PDFs took 5.8 s instead of 3.6). Callers
// that note no documents leave the limit to Enter alone.
func Document() (done func()) { return process().Document() }

// Enter notes a document of size bytes as being read, and returns the function that
// notes it done: a large one (LargeDocument) bounds the heap meanwhile. Call it around
// the reading of a document whose memory is its size and a little work (one read in
// chunks), not of one read whole at many times its size (a PDF, a workbook): the
// collector would run without end to keep such a document's heap under the limit.
func Enter(size int) (leave func()) { return process().Enter(size) }

// Document is the package's Document on b.
func (b *budget) Document() (done func()) {
	if b.off {
		return func() {}
	}
	return b.counted(1, 0, 0)
}

// Enter is the package's Enter on b.
func (b *budget) Enter(size int) (leave func()) {
	if b.off || size < LargeDocument {
		return func() {}
	}
	return b.counted(0, 1, int64(size))
}

// counted counts docs, large and n in, and returns the function that counts them out
// once, however often it is called.
func (b *budget) counted(docs, large int, n int64) func() {
	b.update(docs, large, n)
	var once sync.Once
	return func() { once.Do(func() { b.update(-docs, -large, -n) }) }
}

// update counts docs documents, large texts and their n bytes in (negative: out), and
// sets the limit that follows: from the large texts' bytes while every document being
// extracted is one of them, never above the limit the process had; that limit otherwise.
func (b *budget) update(docs, large int, n int64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.docs += docs
	b.large += large
	b.inflight += n
	if b.large == 0 {
		b.gaveUp = false
	}
	b.apply()
}

// apply sets the limit that follows from what b counts, b.mu held.
func (b *budget) apply() {
	l := b.none
	if b.large > 0 && b.docs <= b.large && !b.gaveUp {
		l = min(b.none, limit(b.inflight))
	}
	if l != b.last { // each document of a batch of small ones: no call
		b.set(l)
		b.last = l
	}
	if l != b.none && !b.watching {
		b.watching = true
		go b.watch()
	}
}

// watch looks at the live heap while a limit is set, and gives the limit up when the heap
// outgrows it.
func (b *budget) watch() {
	t := time.NewTicker(watchEvery)
	defer t.Stop()
	for range t.C {
		if !b.check() {
			return
		}
	}
}

// check gives the limit up when the live heap has passed liveShare of it, and reports
// whether a limit is still set.
func (b *budget) check() bool {
	live := b.live()
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.last != b.none && float64(live) > liveShare*float64(b.last) {
		b.gaveUp = true
		b.apply()
	}
	if b.last == b.none {
		b.watching = false
		return false
	}
	return true
}

// liveHeap is the heap the last collection found live.
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}
