package units

import "math/bits"

// runeTable maps runes to values for the lexicon's indexes, which are looked up at every
// candidate number: a table of chains, so that a rune that is no key (most runes) is told
// by one load, and a key is found by a short walk, without hashing.
type runeTable[V any] struct {
	slot    [runeSlots]uint16 // 1 + the first entry of the runes in the slot; 0: none
	entries []runeEntry[V]
}

const runeSlots = 1024

type runeEntry[V any] struct {
	r    rune
	v    V
	next uint16 // 1 + the next entry of the slot; 0: none
}

// get returns the value of r, or the zero value.
func (t *runeTable[V]) get(r rune) V {
	if i := t.slot[r&(runeSlots-1)]; i != 0 {
		return t.walk(i, r)
	}
	var zero V
	return zero
}

func (t *runeTable[V]) walk(i uint16, r rune) V {
	for i != 0 {
		e := &t.entries[i-1]
		if e.r == r {
			return e.v
		}
		i = e.next
	}
	var zero V
	return zero
}

// at returns the value of r to set, adding r with the zero value if it is no key yet.
func (t *runeTable[V]) at(r rune) *V {
	h := r & (runeSlots - 1)
	for i := t.slot[h]; i != 0; {
		e := &t.entries[i-1]
		if e.r == r {
			return &e.v
		}
		i = e.next
	}
	if len(t.entries) >= 1<<16-1 {
		panic("units: a rune table of more than 65535 keys")
	}
	t.entries = append(t.entries, runeEntry[V]{r: r, next: t.slot[h]})
	t.slot[h] = uint16(len(t.entries))
	return &t.entries[len(t.entries)-1].v
}

// values calls f with a pointer to every value, keys in the order they were added.
func (t *runeTable[V]) values(f func(v *V)) {
	for k := range t.entries {
		f(&t.entries[k].v)
	}
}

// runeBits is a set of runes by their low 16 bits, for a test inline in front of a look-up
// that most runes would fail: has may say yes for a rune past the plane (the look-up then
// tells), never no for one added.
type runeBits [1 << 16 / 64]uint64

func (b *runeBits) add(r rune) { b[uint16(r)/64] |= 1 << (uint16(r) % 64) }

func (b *runeBits) has(r rune) bool { return b[uint16(r)/64]>>(uint16(r)%64)&1 != 0 }

// appendRunes appends the runes of the set to rs, in order.
func (b *runeBits) appendRunes(rs []rune) []rune {
	for w, word := range b {
		for ; word != 0; word &= word - 1 {
			rs = append(rs, rune(w*64+bits.TrailingZeros64(word)))
		}
	}
	return rs
}
