package concept

import (
	"hash/maphash"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"
)

// memo remembers what stripping found for a phrase: indicator phrases repeat within and
// across documents. It is an open-addressed table of atomic slots: a look is one hash and
// a few atomic loads, with no lock, so workers never wait for each other, and a phrase
// once stored stays (a table that dropped phrases on collision stripped a few hundred
// phrases again each pass over a long document). Stores, one per distinct phrase, take a
// lock.
//
// In a real run the rest of the work evicts the memo between looks, so that each line a
// look reads is a cache miss: the table grows with the phrases it holds, rather than
// being made at its bound (a run of a few thousand phrases read slots scattered over
// 512 KB), and entries are cut from blocks, side by side. A look that holds the table a
// store has just outgrown may miss a phrase the new one has: it strips it again, to the
// same result.
type memo struct {
	table atomic.Pointer[memoTable] // nil until the first store
	full  atomic.Bool               // maxMemo phrases are stored: stores stop

	mu     sync.Mutex  // serialises stores
	n      int         // phrases stored
	cloned int         // bytes of the strings entries hold beyond themselves
	block  []memoEntry // what is left of the block entries are cut from
}

// memoTable is a power of two of slots, at least twice the phrases it holds, so that
// probes stay short.
type memoTable struct {
	slots []atomic.Pointer[memoEntry]
	mask  uint64
}

const (
	maxMemo = 1 << 15 // bounds the memo: a long batch must not grow it without end
	// maxMemoCloned bounds the bytes of the phrases too long for an entry's key, and of
	// cores and places not cut from the phrase: Chinese phrases mostly fit the key (at
	// most 0.6 MB beyond it for the 14.6 K phrases of the test corpora), but a script of
	// longer words does not (Uyghur in Arabic letters: a phrase of 109 bytes on average),
	// and 32 K such phrases held 13 MB beside a document for the rest of the run.
	maxMemoCloned  = 2 << 20
	firstMemoSlots = 1 << 10
	memoBlock      = 64 // entries allocated at once
)

// memoEntry holds the phrase, when short (most), and its stripping by value: a look that
// finds its phrase reads on in the entry rather than following a pointer to each part.
// What a look reads comes first, the long phrase's string last; an entry takes 160
// bytes (TestMemoEntrySize): a look's cost is its cache misses, and 192 bytes, with the
// stripping behind the string, made a hit read three lines more often than two.
type memoEntry struct {
	n    int      // the phrase's length in bytes
	key  [40]byte // the phrase, when it fits
	s    stripped
	long string // the phrase, when it does not
}

// newEntry copies the strings it keeps: a phrase, and its core and place cut from it,
// may be cuts of a whole chunk's text (extract's sentenceTexts), which the memo, kept from
// document to document, must not hold. The core and place are most often cuts of the
// phrase: they are cut from the entry's copy of it, not copied again. It is called with
// m.mu held.
func (m *memo) newEntry(phrase string, s *stripped) *memoEntry {
	if len(m.block) == 0 {
		m.block = make([]memoEntry, memoBlock)
	}
	e := &m.block[0]
	m.block = m.block[1:]
	*e = memoEntry{n: len(phrase), s: *s}
	if len(phrase) <= len(e.key) {
		copy(e.key[:], phrase)
	} else {
		e.long = strings.Clone(phrase)
		m.cloned += len(phrase)
	}
	kept := e.phrase()
	e.s.core = m.cutOrClone(kept, s.core)
	e.s.place = m.cutOrClone(kept, s.place)
	return e
}

// cutOrClone returns part as a cut of kept when kept holds it, else a copy of it.
func (m *memo) cutOrClone(kept, part string) string {
	if i := strings.Index(kept, part); i >= 0 {
		return kept[i : i+len(part)]
	}
	m.cloned += len(part)
	return strings.Clone(part)
}

// phrase is the phrase e is the entry of: a view of its key, for a short one. An entry
// is never written once stored, so the view, and the cuts of it newEntry keeps, stay
// as they were.
func (e *memoEntry) phrase() string {
	if e.n <= len(e.key) {
		return unsafe.String(&e.key[0], e.n)
	}
	return e.long
}

// is reports whether e is phrase's entry.
func (e *memoEntry) is(phrase string) bool {
	if len(phrase) != e.n {
		return false
	}
	if e.n <= len(e.key) {
		return string(e.key[:e.n]) == phrase
	}
	return e.long == phrase
}

var memoSeed = maphash.MakeSeed()

func (t *memoTable) find(phrase string, h uint64) (*memoEntry, uint64) {
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		if e := t.slots[i].Load(); e == nil || e.is(phrase) {
			return e, i
		}
	}
}

func (m *memo) load(phrase string) (*stripped, bool) {
	t := m.table.Load()
	if t == nil {
		return nil, false
	}
	if e, _ := t.find(phrase, maphash.String(memoSeed, phrase)); e != nil {
		return &e.s, true
	}
	return nil, false
}

func (m *memo) store(phrase string, s *stripped) {
	if m.full.Load() {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.full.Load() {
		return
	}
	h := maphash.String(memoSeed, phrase)
	t := m.table.Load()
	if t == nil {
		t = newMemoTable(firstMemoSlots)
		m.table.Store(t)
	}
	e, i := t.find(phrase, h)
	if e != nil {
		return // another worker stored it first
	}
	if 2*(m.n+1) > len(t.slots) {
		t = m.grown(t)
		_, i = t.find(phrase, h)
	}
	t.slots[i].Store(m.newEntry(phrase, s))
	m.n++
	m.full.Store(m.n >= maxMemo || m.cloned >= maxMemoCloned)
}

func newMemoTable(slots int) *memoTable {
	return &memoTable{slots: make([]atomic.Pointer[memoEntry], slots), mask: uint64(slots - 1)}
}

// grown moves t's entries to a table twice its size and makes it the memo's.
func (m *memo) grown(t *memoTable) *memoTable {
	bigger := newMemoTable(2 * len(t.slots))
	for k := range t.slots {
		if e := t.slots[k].Load(); e != nil {
			p := e.phrase()
			_, i := bigger.find(p, maphash.String(memoSeed, p))
			bigger.slots[i].Store(e)
		}
	}
	m.table.Store(bigger)
	return bigger
}
