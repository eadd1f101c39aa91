package concept

import (
	"hash/maphash"
	"sync"
	"sync/atomic"
)

// memo remembers what stripping found for a phrase: indicator phrases repeat within and
// across documents. It is an open-addressed table that only grows, of slots written once:
// a look is one hash and a few atomic loads, with no lock, so workers never wait for each
// other (but for a store while the table grows), and a phrase once stored stays (a table
// that dropped phrases on collision stripped a few hundred phrases again each pass over a
// long document). In a real run the rest of the work evicts the memo between looks, so
// that each line a look reads is a cache miss: a slot holds its entry by value, so that a
// look reads the slot's lines and no other (slots of pointers to entries cost a miss more
// a look), and the table is a few times the phrases stored, not the most it may hold.
type memo struct {
	table atomic.Pointer[memoTable] // made on first store, replaced by a larger one as it fills
	grow  sync.Mutex                // held by the one worker growing the table
}

// memoTable is the memo's slots: at most half of them are used, so that probes stay short.
type memoTable struct {
	slots []memoSlot // a power of two
	n     atomic.Int32
}

// The table's sizes: it starts small (a run meets a few thousand phrases) and doubles up
// to memoSlots, twice maxMemo.
const (
	minMemoSlots = 1 << 10
	memoSlots    = 2 * maxMemo
	maxMemo      = 1 << 15 // bounds the memo: a long batch must not grow it without end
)

// A slot's states.
const (
	slotEmpty = iota
	slotWriting
	slotWritten
)

// memoSlot holds a phrase, when short (most), and its stripping by value, in 192 bytes
// (three cache lines): the state and the phrase in the first, what a look returns for most
// phrases (stripped's concept, core, place, firstPattern) in the second. Its state says
// whether the rest may be read: it is written by the one store that claimed the slot, then
// published, and never changes after.
type memoSlot struct {
	state atomic.Uint32
	n     uint32   // the phrase's length in bytes
	key   [40]byte // the phrase, when it fits
	long  string   // the phrase, when it does not
	s     stripped
}

func (sl *memoSlot) set(phrase string, s *stripped) {
	sl.n, sl.s = uint32(len(phrase)), *s
	if len(phrase) <= len(sl.key) {
		copy(sl.key[:], phrase)
	} else {
		sl.long = phrase
	}
}

// is reports whether sl holds phrase.
func (sl *memoSlot) is(phrase string) bool {
	if len(phrase) != int(sl.n) {
		return false
	}
	if sl.n <= uint32(len(sl.key)) {
		return string(sl.key[:sl.n]) == phrase
	}
	return sl.long == phrase
}

// phrase is the phrase sl holds.
func (sl *memoSlot) phrase() string {
	if sl.n <= uint32(len(sl.key)) {
		return string(sl.key[:sl.n])
	}
	return sl.long
}

var memoSeed = maphash.MakeSeed()

func hashOf(phrase string) uint64 {
	return maphash.String(memoSeed, phrase)
}

func (m *memo) load(phrase string) (*stripped, bool) {
	t := m.table.Load()
	if t == nil {
		return nil, false
	}
	mask := uint64(len(t.slots) - 1)
	for i := hashOf(phrase) & mask; ; i = (i + 1) & mask {
		sl := &t.slots[i]
		switch sl.state.Load() {
		case slotEmpty:
			return nil, false
		case slotWritten:
			if sl.is(phrase) {
				return &sl.s, true
			}
		} // slotWriting: another phrase's, or phrase's own, being stored; look on
	}
}

// len is the number of phrases stored.
func (m *memo) len() int {
	if t := m.table.Load(); t != nil {
		return int(t.n.Load())
	}
	return 0
}

func (m *memo) store(phrase string, s *stripped) {
	t := m.table.Load()
	if t == nil {
		m.table.CompareAndSwap(nil, &memoTable{slots: make([]memoSlot, minMemoSlots)})
		t = m.table.Load()
	}
	for int(t.n.Load()) >= len(t.slots)/2 {
		if len(t.slots) >= memoSlots {
			return // full
		}
		t = m.grown(t)
	}
	t.put(phrase, s)
}

// put stores phrase's stripping in the first slot it claims, unless it finds the phrase
// stored. Two stores of one phrase at once may both store it; a look finds either.
func (t *memoTable) put(phrase string, s *stripped) {
	mask := uint64(len(t.slots) - 1)
	for i := hashOf(phrase) & mask; ; i = (i + 1) & mask {
		sl := &t.slots[i]
		if sl.state.CompareAndSwap(slotEmpty, slotWriting) {
			sl.set(phrase, s)
			sl.state.Store(slotWritten)
			t.n.Add(1)
			return
		}
		if sl.state.Load() == slotWritten && sl.is(phrase) {
			return // another worker stored it first
		}
	}
}

// grown replaces t, when it is still the memo's table, by one twice its size holding its
// written entries, and returns the memo's table. Stores wait for it (it happens six times
// at most); a store into t that started before is lost (its phrase is stripped again when
// met again). Looks go on in t until the new table is in place.
func (m *memo) grown(t *memoTable) *memoTable {
	m.grow.Lock()
	defer m.grow.Unlock()
	if cur := m.table.Load(); cur != t {
		return cur
	}
	nt := &memoTable{slots: make([]memoSlot, 2*len(t.slots))}
	for i := range t.slots {
		if sl := &t.slots[i]; sl.state.Load() == slotWritten {
			nt.put(sl.phrase(), &sl.s)
		}
	}
	m.table.Store(nt)
	return nt
}
