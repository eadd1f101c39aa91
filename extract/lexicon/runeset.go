package lexicon

import (
	"math/bits"
	"unicode/utf8"
)

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
		for _, w := range s.Words() {
			for _, r := range w {
				if uint32(r) >= 0x10000 {
					panic("lexicon: FirstRunes of a word starting outside the BMP: " + w)
				}
				out.add(r)
				break
			}
		}
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
	var last []rune
	for _, s := range sets {
		for _, w := range s.Words() {
			r, _ := utf8.DecodeLastRuneInString(w)
			last = append(last, r)
		}
	}
	return FirstRunes(nil, last...)
}

// Runes returns the set of every rune of the words of sets: a text none of whose runes is
// in it meets no word of the sets, however the words lie. It panics if a word holds a rune
// outside the BMP, where Has would miss it.
func Runes(sets ...*Set) *RuneSet {
	var all []rune
	for _, s := range sets {
		for _, w := range s.Words() {
			all = append(all, []rune(w)...)
		}
	}
	return FirstRunes(nil, all...)
}
