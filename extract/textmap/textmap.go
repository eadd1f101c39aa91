// Package textmap holds text that was derived from a source text (by HTML extraction or
// normalisation) together with where each of its runes came from, so that every record
// can point at the source as written.
package textmap

import "sort"

// Text is derived text: Runes[i] came from source rune SrcOf(i), which is non-decreasing.
// A rune that replaces several source runes (an HTML entity, a pinyin-free character)
// points at the first of them. The map is Src, one entry a rune, or else Shifts, where
// the runes keep their order and only a few runs of source runes were dropped (text
// normalised): with neither, Runes are the source itself.
type Text struct {
	Runes  []rune
	Src    []int32
	Shifts []Shift // used when Src is nil; At increasing; nil or at least one
}

// Shift says that rune At and those after it, up to the next shift, came from the source
// rune By places further on: SrcOf(i) = i + By. Before the first shift, SrcOf(i) = i.
type Shift struct{ At, By int32 }

// Identity returns text whose runes are the source runes themselves (without building a
// map: on large documents that is megabytes saved per document in flight).
func Identity(src []rune) Text { return Text{Runes: src} }

// Mapped reports whether t has a map: without one, rune i came from source rune i.
func (t Text) Mapped() bool { return t.Src != nil || t.Shifts != nil }

// SrcOf returns the source rune index of rune i.
func (t Text) SrcOf(i int) int32 {
	if t.Src != nil {
		return t.Src[i]
	}
	if t.Shifts != nil {
		return t.shifted(i)
	}
	return int32(i)
}

// shifted returns the source index of rune i by shifts. Not inlined: SrcOf, called for
// every record, stays small enough to be, and most texts have no shifts.
//
//go:noinline
func (t Text) shifted(i int) int32 {
	return int32(i) + byAt(t.Shifts, i)
}

// byAt returns the By of the last of shifts at or before rune i, or 0. A text has a few
// shifts, most of its runes after the last one: asked first, a search only before it.
func byAt(shifts []Shift, i int) int32 {
	if last := shifts[len(shifts)-1]; int(last.At) <= i {
		return last.By
	}
	lo, hi := 0, len(shifts)-1 // shifts[:lo] start at or before i, shifts[hi:] after it
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if int(shifts[m].At) <= i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == 0 {
		return 0
	}
	return shifts[lo-1].By
}

// Walker is SrcOf for runes asked in increasing order (each line's last, one line after
// another): it walks the shifts on with them rather than looking one up for each rune.
type Walker struct {
	t    Text
	next int // the shifts before next are at or before the last rune asked
}

// Walk returns a Walker of t, before its first rune.
func (t Text) Walk() Walker { return Walker{t: t} }

// SrcOf returns t.SrcOf(i), for i no less than the rune asked before.
func (w *Walker) SrcOf(i int) int32 {
	shifts := w.t.Shifts
	if w.t.Src != nil || shifts == nil {
		return w.t.SrcOf(i)
	}
	for w.next < len(shifts) && int(shifts[w.next].At) <= i {
		w.next++
	}
	if w.next == 0 {
		return int32(i)
	}
	return int32(i) + shifts[w.next-1].By
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
	// SrcOf's cases written out: a call to it copied t, 72 bytes, through the stack, and
	// the copy's wide loads of the narrow stores just made stalled (about 1% of a run,
	// once per record).
	start, end := i, j-1
	switch {
	case t.Src != nil:
		start, end = int(t.Src[i]), int(t.Src[j-1])
	case t.Shifts != nil:
		start, end = i+int(byAt(t.Shifts, i)), j-1+int(byAt(t.Shifts, j-1))
	}
	end++
	if end > srcLen {
		end = srcLen
	}
	return start, end
}

// FirstFrom returns the index of the first rune that came from source rune s or a later
// one, or Len() when none did.
func (t Text) FirstFrom(s int) int {
	if !t.Mapped() {
		return min(max(s, 0), len(t.Runes))
	}
	if t.Src != nil {
		return sort.Search(len(t.Src), func(i int) bool { return int(t.Src[i]) >= s })
	}
	return sort.Search(len(t.Runes), func(i int) bool { return int(t.SrcOf(i)) >= s })
}

// IndexOfSrc returns the index of the rune that came from source rune s, or -1 when none
// did (the source rune was deleted).
func (t Text) IndexOfSrc(s int) int {
	i := t.FirstFrom(s)
	if i < len(t.Runes) && int(t.SrcOf(i)) == s {
		return i
	}
	return -1
}

// SrcOfShifted returns the source index of rune i of a text mapped by shifts alone (a
// Text's Shifts, kept without its runes): a large page's map, a shift a run of
// consecutive source runes rather than an index a rune.
func SrcOfShifted(shifts []Shift, i int) int32 {
	if len(shifts) == 0 {
		return int32(i)
	}
	return int32(i) + byAt(shifts, i)
}

// AppendShifted appends to dst the source indices of runes [from, to) of a text mapped by
// shifts alone, as SrcOfShifted gives them: the map of a part of the text, one index a rune.
func AppendShifted(dst []int32, shifts []Shift, from, to int) []int32 {
	next := sort.Search(len(shifts), func(k int) bool { return int(shifts[k].At) > from })
	by := int32(0)
	if next > 0 {
		by = shifts[next-1].By
	}
	for i := from; i < to; next++ {
		end := to
		if next < len(shifts) {
			end = min(end, int(shifts[next].At))
		}
		for ; i < end; i++ {
			dst = append(dst, int32(i)+by)
		}
		if next < len(shifts) {
			by = shifts[next].By
		}
	}
	return dst
}
