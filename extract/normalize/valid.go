package normalize

import (
	"slices"
	"unicode/utf8"

	"github.com/policymetrics/policymetrics/extract/internal/cjk"
	"github.com/policymetrics/policymetrics/extract/textmap"
)

// NormalizeValid returns the runes of s, source text in valid UTF-8, in srcBuf, and
// their analysis text, Normalize(textmap.Identity(runes)), in buf. One pass decodes s and
// folds the runes that Normalize reads without their context (freeFold), almost all
// of a Chinese text, noting where the others stand; a second pass reads only those with
// the rules, moving the folded runes between them into place. On invalid s the runes are
// unspecified, as cjk.AppendValidRunes'.
func NormalizeValid(srcBuf, buf []rune, s string) ([]rune, textmap.Text) {
	src, an, _, _ := normalizeValid(srcBuf, buf, s, &freeFold, nil, nil, nil)
	return src, an
}

// A Marker tells where chosen runes stand in NormalizeValid's output, for a caller that
// would otherwise read the whole output again to find them. The first pass notes the
// runes that fold to a chosen one, as it notes those read with their context, and the
// second turns their places into the output's; a chosen rune that a rule makes (an
// entity's) is seen as the rule's output is.
type Marker struct {
	free   *[0x10000]rune // freeFold, with the runes that fold to a chosen one marked
	ascii  [2]uint64      // a bit for each chosen rune below 128
	others []rune         // the other chosen runes
}

// marked is set, in a Marker's fold table, on the fold of a rune that folds to a chosen
// one: the entry is then negative, as is the -1 of a rune read with its context, which
// alone has the bit context (a fold is below 1<<30).
const (
	marked  rune = -1 << 31
	context rune = 1 << 30
)

// NewMarker returns a Marker of runes. It reads the tables init fills: a variable of
// this package cannot be made with it.
func NewMarker(runes ...rune) *Marker {
	m := &Marker{free: new([0x10000]rune)}
	for _, r := range runes {
		if uint32(r) < 128 {
			m.ascii[r>>6] |= 1 << (r & 63)
		} else {
			m.others = append(m.others, r)
		}
	}
	*m.free = freeFold
	for r, f := range m.free {
		if f >= 0 && m.marks(f) {
			m.free[r] = f | marked
		}
	}
	return m
}

// marks reports a chosen rune.
func (m *Marker) marks(r rune) bool {
	if uint32(r) < 128 {
		return m.ascii[r>>6]>>(r&63)&1 != 0
	}
	return slices.Contains(m.others, r)
}

// appendMarks appends to at the indexes k >= from of out whose rune m chose.
func (m *Marker) appendMarks(at []int, out []rune, from int) []int {
	for k := from; k < len(out); k++ {
		if m.marks(out[k]) {
			at = append(at, k)
		}
	}
	return at
}

// NormalizeValid is the package's NormalizeValid that also appends to at the indexes of
// the analysis runes that m chose, in order. Kept reports that no rule dropped or made
// a chosen rune: the runes at those places are then, one for one, the folds of the runes
// of s that fold to a chosen one (so that s holds a chosen rune that folds to itself only
// if the output has it there). scratch, when not nil, keeps the memory of the runes left
// to the rules from call to call (a chunk notes thousands).
func (m *Marker) NormalizeValid(srcBuf, buf []rune, s string, at []int, scratch *[]int) (src []rune, an textmap.Text, places []int, kept bool) {
	return normalizeValid(srcBuf, buf, s, m.free, m, at, scratch)
}

// keeps reports whether the chosen runes of out at places are, one for one, the folds
// of the runes of rs that fold to a chosen one.
func (m *Marker) keeps(rs, out []rune, places []int) bool {
	for _, r := range rs {
		if f := fold(r); m.marks(f) {
			if len(places) == 0 || out[places[0]] != f {
				return false
			}
			places = places[1:]
		}
	}
	return len(places) == 0
}

// normalizeValid is NormalizeValid with free as freeFold; with m not nil, it appends the
// places of m's runes to at, free being m's. scratch is NormalizeValid's.
func normalizeValid(srcBuf, buf []rune, s string, free *[0x10000]rune, m *Marker, at []int, scratch *[]int) (_ []rune, _ textmap.Text, _ []int, kept bool) {
	src := slices.Grow(srcBuf[:0], len(s))[:len(s)] // no fewer bytes than runes
	out := slices.Grow(buf[:0], len(s))[:len(s)]
	var ctx []int
	if scratch != nil {
		ctx = (*scratch)[:0]
	}
	n, ctx := decodeFolding(src, out, s, free, ctx)
	if scratch != nil {
		*scratch = ctx[:0]
	}
	src, out = src[:n], out[:n]
	b := builder{in: textmap.Identity(src), out: out[:0]}
	from := len(at)
	kept = true
	var prev rune
	i := 0
	for _, k := range ctx {
		if k < 0 {
			// A marked rune ^k, folded: unless a rule read it, it lands where the folded
			// runes from i on will be moved to.
			if j := ^k; j >= i {
				at = append(at, j-i+len(b.out))
			}
			continue
		}
		if k < i {
			continue // read by a rule with a rune before it
		}
		if k > i {
			b.moveFolded(out, i, k)
			prev = src[k-1]
		}
		made, marks := len(b.out), len(at)
		i, prev = b.step(src, k, prev)
		if m != nil {
			// The folded runes of a rule's reading are not moved: the rule's output,
			// read here, stands for them.
			at = m.appendMarks(at, b.out, made)
			kept = kept && m.keeps(src[k:i], b.out, at[marks:])
		}
		if len(b.out) > i {
			// The output, in out's memory, reached folded runes not yet moved. No rule
			// makes more runes than it reads, so this cannot happen; should one ever, the
			// plain reading stays exact.
			an := NormalizeReusing(nil, nil, textmap.Identity(src))
			if m != nil {
				at = m.appendMarks(at[:from], an.Runes, 0)
			}
			return src, an, at, false
		}
	}
	if i < n {
		b.moveFolded(out, i, n)
	}
	return src, b.text(), at, kept
}

// moveFolded appends folded[i:k], the folded input runes i…k-1 (decodeFolding), to the
// output, which shares folded's memory and is no longer than i: in place until a rule
// drops a rune, then a copy.
func (b *builder) moveFolded(folded []rune, i, k int) {
	b.shiftTo(i)
	n := len(b.out)
	b.out = b.out[:n+k-i]
	if n != i {
		copy(b.out[n:], folded[i:k])
	}
}

// decodeFolding decodes s into src and writes fold of each rune that freeFold has to
// out at the same index; it returns the number of runes and the indexes of the others,
// in order, with those of the marked runes (a Marker's free) among them as ^index,
// appended to ctx. src and out have room for len(s) runes; free is freeFold, or a Marker's.
func decodeFolding(src, out []rune, s string, free *[0x10000]rune, ctx []int) (int, []int) {
	n := foldRunes(src, out, s, free, &ctx)
	return n, ctx
}

// foldRunes is decodeFolding appending to *ctx: the slice stays in memory, out of the
// registers that the loops over the runes want.
func foldRunes(src, out []rune, s string, free *[0x10000]rune, ctx *[]int) int {
	// i reads s, j writes src and out: j <= i, as no rune is shorter than a byte. Both
	// have len(s) as length and capacity, so that one bounds check covers both.
	src, out = src[:len(s):len(s)], out[:len(s):len(s)]
	_ = free[0] // its nil check, out of the loops
	i, j := 0, 0
	for i < len(s) {
		// A run of ASCII that folds alone (a number, a date): read here byte by byte, not
		// tried first, at each byte, as three-byte characters by the word loops.
		for ; i < len(s) && s[i] < utf8.RuneSelf && free[s[i]] >= 0; i, j = i+1, j+1 {
			src[j], out[j] = rune(s[i]), free[s[i]]
		}
		// Four three-byte characters a step, while they come in a row and all fold
		// without context (ideographs and the punctuation between them), then two. The
		// runes and folds are written before the test (fewer values live at once): past
		// the last step taken, src and out are written again.
		var v rune // the four folds' bits where that loop stops
		for i+14 <= len(s) {
			b := s[i : i+14] // one bounds check for both words
			if !cjk.ThreeByteForm(cjk.Word(b)) || !cjk.ThreeByteForm(cjk.Word(b[6:])) {
				break
			}
			// Each word read again where it is decoded: a load costs less than the
			// register it would hold meanwhile.
			o, f := (*[4]rune)(src[j:j+4]), (*[4]rune)(out[j:j+4])
			p := cjk.RunePair(cjk.Word(b))
			r0, r1 := rune(uint16(p)), rune(uint16(p>>24))
			o[0], o[1] = r0, r1
			f[0], f[1] = free[r0], free[r1]
			p = cjk.RunePair(cjk.Word(b[6:]))
			r2, r3 := rune(uint16(p)), rune(uint16(p>>24))
			o[2], o[3] = r2, r3
			f[2], f[3] = free[r2], free[r3]
			if v = f[0] | f[1] | f[2] | f[3]; v < 0 { // one of them is read with its context, or marked
				break
			}
			i, j = i+12, j+4
		}
		if v < 0 && v&context == 0 {
			// Marked runes among the four, none read with its context (a sentence's end,
			// say): noted here, the four loop goes on.
			*ctx = noteMarked(*ctx, out[j:j+4], j)
			i, j = i+12, j+4
			continue
		}
		for i+8 <= len(s) {
			w := cjk.Word(s[i : i+8])
			if !cjk.ThreeByteForm(w) {
				break
			}
			p := cjk.RunePair(w)
			r0, r1 := rune(uint16(p)), rune(uint16(p>>24))
			f0, f1 := free[r0], free[r1]
			if f0|f1 < 0 {
				break
			}
			o, f := (*[2]rune)(src[j:j+2]), (*[2]rune)(out[j:j+2])
			o[0], o[1] = r0, r1
			f[0], f[1] = f0, f1
			i, j = i+6, j+2
		}
		if i == len(s) {
			break
		}
		var r rune
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			r = rune(c)
			i++
		case c >= 0xE0 && c < 0xF0 && i+2 < len(s):
			r = rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
			i += 3
		default:
			var size int
			r, size = utf8.DecodeRuneInString(s[i:])
			i += size
		}
		src[j] = r
		v = -1
		if uint32(r) < uint32(len(free)) {
			v = free[r]
		}
		switch {
		case v >= 0:
			out[j] = v
		case v&context != 0:
			*ctx = append(*ctx, j)
		default:
			out[j] = v &^ marked
			*ctx = append(*ctx, ^j)
		}
		j++
	}
	return j
}

// noteMarked appends to ctx, as ^index, the indexes of the marked folds in f, the first
// of which is the fold of rune at, and clears their marks.
func noteMarked(ctx []int, f []rune, at int) []int {
	for q, v := range f {
		if v < 0 {
			f[q] = v &^ marked
			ctx = append(ctx, ^(at + q))
		}
	}
	return ctx
}

// freeFold[r] is fold(r) for a rune that Normalize folds whatever stands around it: the
// runes of its CJK runs (simplifyHan), and ASCII but '<', '&', '(', ' ', '?' and a–z,
// which its rules look at. It is -1 for any other rune: one load tells both of a rune of
// three bytes or less (256 KB; its part from foldLo to denseHi is the dense table of
// ToSimplified).
var freeFold [0x10000]rune

func init() {
	for r := range freeFold[:foldLo] {
		freeFold[r] = -1
	}
	for r := range freeFold[denseHi:] {
		freeFold[denseHi+r] = -1
	}
	fillDense()
	for r := rune(0); r < 0x80; r++ {
		if !(r < 64 && contextASCII>>r&1 != 0 || r >= 'a' && r <= 'z') {
			freeFold[r] = r
		}
	}
	for r := rune(0x2010); r <= 0x2027; r++ { // foldPunct's
		freeFold[r] = r
	}
	for r := rune(0xFF01); r <= 0xFF5E; r++ {
		if r != 0xFF08 { // fullwidth '(': read with its context
			freeFold[r] = r - 0xFF01 + 0x21
		}
	}
}

// contextASCII has a bit for each ASCII rune below 64 that Normalize's rules look at.
const contextASCII uint64 = 1<<'<' | 1<<'&' | 1<<'(' | 1<<' ' | 1<<'?'
