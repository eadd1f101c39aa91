package lexicon

import "math/bits"

// RuneSet is a set of runes of the Basic Multilingual Plane as a bitmap: Has is small
// enough to be inlined, so a rule that tries several word lists at every rune of a
// sentence can pass over the runes none of them starts with before making any call.
type RuneSet struct {
	bits [0x10000 / 64]uint64
}

// Has reports whether r is in the set.
func (s *RuneSet) Has(r rune) bool {
	return uint32(r) < 0x10000 && s.bits[r>>6]&(1<<(r&63)) != 0
}

// IndexIn returns the first k in [from, to) whose rune is in the set, or -1: a tight loop
// for the scans that pass over most runes of a sentence.
func (s *RuneSet) IndexIn(text []rune, from, to int) int {
	from, to = max(from, 0), min(to, len(text))
	if from >= to {
		return -1
	}
	for k, r := range text[from:to] {
		if s.Has(r) {
			return from + k
		}
	}
	return -1
}

// AppendRunes appends the runes of the set to rs, in order: a table of the runes of a few
// sets is filled from them, not by a sweep of the whole plane.
func (s *RuneSet) AppendRunes(rs []rune) []rune {
	for w, word := range s.bits {
		for ; word != 0; word &= word - 1 {
			rs = append(rs, rune(w*64+bits.TrailingZeros64(word)))
		}
	}
	return rs
}

func (s *RuneSet) add(r rune) {
	if uint32(r) < 0x10000 {
		s.bits[r>>6] |= 1 << (r & 63)
	}
}

// FirstRunes returns the set of the first runes of the words of sets, and of extra.
// It panics if a word starts outside the BMP, where Has would miss it.
func FirstRunes(sets []*Set, extra ...rune) *RuneSet {
	out := new(RuneSet)
	for _, s := range sets {
		out.addEntries(&s.first, "FirstRunes of a word starting")
	}
	for _, r := range extra {
		if uint32(r) >= 0x10000 {
			panic("lexicon: FirstRunes of a rune outside the BMP")
		}
		out.add(r)
	}
	return out
}

// LastRunes returns the set of the last runes of the words of sets. It panics if a word
// ends outside the BMP, where Has would miss it.
func LastRunes(sets ...*Set) *RuneSet {
	out := new(RuneSet)
	for _, s := range sets {
		out.addEntries(&s.last, "LastRunes of a word ending")
	}
	return out
}

// addEntries adds the runes x indexes words by: one entry a rune, not a decoding of each
// word (a process builds some thirty of these sets as it starts; by the words, they took
// about a millisecond of its 35).
func (out *RuneSet) addEntries(x *runeIndex, what string) {
	for k := range x.entries {
		r := x.entries[k].r
		if uint32(r) >= 0x10000 {
			panic("lexicon: " + what + " outside the BMP: " + string(x.entries[k].words[0]))
		}
		out.add(r)
	}
}

// Runes returns the set of every rune of the words of sets: a text none of whose runes is
// in it meets no word of the sets, however the words lie. It panics if a word holds a rune
// outside the BMP, where Has would miss it.
func Runes(sets ...*Set) *RuneSet {
	out := new(RuneSet)
	for _, s := range sets {
		// The first runes, and the runes past them: the words' tries by first rune.
		out.addEntries(&s.first, "Runes of a word starting")
		for k := range s.first.nodes {
			r := s.first.nodes[k].r
			if uint32(r) >= 0x10000 {
				panic("lexicon: Runes of a word holding a rune outside the BMP")
			}
			out.add(r)
		}
	}
	return out
}
