package concept

import (
	"hash/maphash"
	"strings"
	"sync/atomic"
)

// memo remembers what stripping found for a phrase: indicator phrases repeat within and
// across documents. It is an open-addressed table that only grows, of atomic slots: a
// look is one hash and a few atomic loads, with no lock, so workers never wait for each
// other, and a phrase once stored stays (a table that dropped phrases on collision
// stripped a few hundred phrases again each pass over a long document). In a real run the
// rest of the work evicts the memo between looks, so that each line a look reads is a
// cache miss: an entry holds what a look reads in one allocation.
type memo struct {
	slots atomic.Pointer[[memoSlots]atomic.Pointer[memoEntry]] // made on first store
	n     atomic.Int32                                         // phrases stored
}

// memoSlots is twice maxMemo, so that probes stay short even when the memo is full.
const (
	memoSlots = 2 * maxMemo
	maxMemo   = 1 << 15 // bounds the memo: a long batch must not grow it without end
)

// memoEntry holds the phrase, when short (most), and its stripping by value: a look that
// finds its phrase reads on in the entry rather than following a pointer to each part.
type memoEntry struct {
	n    int      // the phrase's length in bytes
	key  [40]byte // the phrase, when it fits
	long string   // the phrase, when it does not
	s    stripped
}

// newMemoEntry copies the strings it keeps: a phrase, and its core and place cut from it,
// may be cuts of a whole chunk's text (extract's sentenceTexts), which the memo, kept from
// document to document, must not hold.
func newMemoEntry(phrase string, s *stripped) *memoEntry {
	e := &memoEntry{n: len(phrase), s: *s}
	e.s.core, e.s.place = strings.Clone(s.core), strings.Clone(s.place)
	if len(phrase) <= len(e.key) {
		copy(e.key[:], phrase)
	} else {
		e.long = strings.Clone(phrase)
	}
	return e
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

func slotOf(phrase string) uint64 {
	return maphash.String(memoSeed, phrase) % memoSlots
}

func (m *memo) load(phrase string) (*stripped, bool) {
	slots := m.slots.Load()
	if slots == nil {
		return nil, false
	}
	for i := slotOf(phrase); ; i = (i + 1) % memoSlots {
		e := slots[i].Load()
		if e == nil {
			return nil, false
		}
		if e.is(phrase) {
			return &e.s, true
		}
	}
}

func (m *memo) store(phrase string, s *stripped) {
	if m.n.Load() >= maxMemo {
		return
	}
	slots := m.slots.Load()
	if slots == nil {
		m.slots.CompareAndSwap(nil, new([memoSlots]atomic.Pointer[memoEntry]))
		slots = m.slots.Load()
	}
	e := newMemoEntry(phrase, s)
	for i := slotOf(phrase); ; i = (i + 1) % memoSlots {
		if slots[i].CompareAndSwap(nil, e) {
			m.n.Add(1)
			return
		}
		if slots[i].Load().is(phrase) {
			return // another worker stored it first
		}
	}
}
