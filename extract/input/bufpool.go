package input

import (
	"math/bits"
	"sync"
)

// Files' buffers are reused: a fresh one is zeroed by the runtime and then faulted in
// page by page, only for read() to overwrite it, and a run of many files of a few MB
// spent 5-7% of its CPU on that. A buffer comes back once its document is done with
// (Recycle), and goes to the next file of its size class. The pools are sync.Pools, so
// that buffers no file wants are dropped at the next collections: a run's memory stays
// that of the files in flight (+3-4 MB on the benchmark's corpus).
//
// Classes are powers of two from 1 MB (the least hugepages.Populate backs) to 16 MB: class
// k holds buffers of capacity 1<<(k+minPooledShift). Smaller files cost little to
// allocate; larger ones are rare, and a class would round them up by as much as they hold.
const (
	minPooledShift = 20
	maxPooledShift = 24
)

var filePools [maxPooledShift - minPooledShift + 1]sync.Pool

// pooledClass is the class of a buffer that must hold c bytes, and whether there is one.
func pooledClass(c int64) (int, bool) {
	if c < 1<<minPooledShift || c > 1<<maxPooledShift {
		return 0, false
	}
	return bits.Len64(uint64(c-1)) - minPooledShift, true
}

// fileBuffer returns an empty buffer of capacity c or more: a recycled one of c's class
// (fresh false), or a new one (of the class's capacity when c has one). pooled says that
// Recycle may take it back.
func fileBuffer(c int64) (buf []byte, pooled, fresh bool) {
	k, ok := pooledClass(c)
	if !ok {
		return make([]byte, 0, c), false, true
	}
	if b, ok := filePools[k].Get().(*[]byte); ok {
		return (*b)[:0], true, false
	}
	return make([]byte, 0, 1<<(k+minPooledShift)), true, true
}

// Recycle gives back the buffer of a document Walk read, for a later file to be read
// into. Call it once the document is done with and nothing holds any of its Data: the
// buffer is overwritten. (extract.Stream keeps nothing of the data once it returns: its
// records copy what they carry.) Items Walk did not read from a file, and those read into
// a buffer of no class, are left alone.
func Recycle(it *Item) {
	if !it.pooled {
		return
	}
	b := it.Data[:0] // its capacity is its class's (fileBuffer)
	it.Data, it.pooled = nil, false
	if k, ok := pooledClass(int64(cap(b))); ok {
		filePools[k].Put(&b)
	}
}

// Take returns its Data for extraction and lets it hold the bytes no longer, unless they
// go back to a pool afterwards (Recycle): a large document's bytes (no pool's) are then
// the extractor's alone, which lets them go once it has decoded them into a text of their
// own (extract.Options.Release), rather than holding them beside that text to the end.
func Take(it *Item) []byte {
	data := it.Data
	if !it.pooled {
		it.Data = nil
	}
	return data
}

// Release is extract.Options.Release for an item whose bytes were taken (Take): a pooled
// buffer goes back to its pool at once (Recycle), for the next file while this one is
// still extracted, and it reports whether the bytes were let go, held by nothing: true
// but for a pooled buffer, which its pool holds.
func Release(it *Item) (letGo bool) {
	pooled := it.pooled
	Recycle(it)
	return !pooled
}
