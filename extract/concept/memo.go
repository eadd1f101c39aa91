package concept

import (
	"hash/maphash"
	"sync/atomic"
)

// memo remembers what stripping found for a phrase: indicator phrases repeat within and
// across documents. It is an open-addressed table that only grows, of atomic slots: a
// look is one hash and a few atomic loads, with no lock, so workers never wait for each
// other, and a phrase once stored stays (a table that dropped phrases on collision
// stripped a few hundred phrases again each pass over a long document).
type memo struct {
	slots atomic.Pointer[[memoSlots]atomic.Pointer[memoEntry]] // made on first store
	n     atomic.Int32                                         // phrases stored
}

// memoSlots is twice maxMemo, so that probes stay short even when the memo is full.
const (
	memoSlots = 2 * maxMemo
	maxMemo   = 1 << 15 // bounds the memo: a long batch must not grow it without end
)

type memoEntry struct {
	phrase string
	s      *stripped
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
		if e.phrase == phrase {
			return e.s, true
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
	e := &memoEntry{phrase: phrase, s: s}
	for i := slotOf(phrase); ; i = (i + 1) % memoSlots {
		if slots[i].CompareAndSwap(nil, e) {
			m.n.Add(1)
			return
		}
		if slots[i].Load().phrase == phrase {
			return // another worker stored it first
		}
	}
}
