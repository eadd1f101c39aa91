// Package textmap holds text that was derived from a source text (by HTML extraction or
// normalisation) together with where each of its runes came from, so that every record
// can point at the source as written.
package textmap

import "sort"

// Text is derived text: Runes[i] came from source rune Src[i]. Src is non-decreasing.
// A rune that replaces several source runes (an HTML entity, a pinyin-free character)
// points at the first of them. A nil Src means Runes are the source itself.
type Text struct {
	Runes []rune
	Src   []int32
}

// Identity returns text whose runes are the source runes themselves (without building a
// map: on large documents that is megabytes saved per document in flight).
func Identity(src []rune) Text { return Text{Runes: src} }

// SrcOf returns the source rune index of rune i.
func (t Text) SrcOf(i int) int32 {
	if t.Src == nil {
		return int32(i)
	}
	return t.Src[i]
}

// Len returns the number of runes.
func (t Text) Len() int { return len(t.Runes) }

// SourceSpan returns the source rune range [start, end) covered by t.Runes[i:j]: from the
// source of rune i to just after the source of rune j-1. srcLen bounds the end.
func (t Text) SourceSpan(i, j int, srcLen int) (int, int) {
	if i >= j {
		s := int(t.SrcOf(i))
		return s, s
	}
	start := int(t.SrcOf(i))
	end := int(t.SrcOf(j-1)) + 1
	if end > srcLen {
		end = srcLen
	}
	return start, end
}

// IndexOfSrc returns the index of the rune that came from source rune s, or -1 when none
// did (the source rune was deleted).
func (t Text) IndexOfSrc(s int) int {
	if t.Src == nil {
		if s >= 0 && s < len(t.Runes) {
			return s
		}
		return -1
	}
	i := sort.Search(len(t.Src), func(i int) bool { return int(t.Src[i]) >= s })
	if i < len(t.Src) && int(t.Src[i]) == s {
		return i
	}
	return -1
}
