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
	src := slices.Grow(srcBuf[:0], len(s))[:len(s)] // no fewer bytes than runes
	out := slices.Grow(buf[:0], len(s))[:len(s)]
	n, ctx := decodeFolding(src, out, s)
	src, out = src[:n], out[:n]
	b := builder{in: textmap.Identity(src), out: out[:0]}
	var prev rune
	i := 0
	for _, k := range ctx {
		if k < i {
			continue // read by a rule with a rune before it
		}
		if k > i {
			b.moveFolded(out, i, k)
			prev = src[k-1]
		}
		i, prev = b.step(src, k, prev)
		if len(b.out) > i {
			// The output, in out's memory, reached folded runes not yet moved. No rule
			// makes more runes than it reads, so this cannot happen; should one ever, the
			// plain reading stays exact.
			return src, NormalizeReusing(nil, nil, textmap.Identity(src))
		}
	}
	if i < n {
		b.moveFolded(out, i, n)
	}
	return src, b.text()
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
// in order. src and out have room for len(s) runes.
func decodeFolding(src, out []rune, s string) (int, []int) {
	var ctx []int
	// o and f shrink as runes are written (as in cjk.AppendValidRunes: their lengths let
	// the compiler drop the bounds checks); n is then len(s) less what is left of o.
	o, f := src[:len(s)], out[:len(s)]
	n := len(o)
	for len(s) > 0 && len(o) > 0 && len(f) > 0 {
		// Four three-byte characters a step, while they come in a row and all fold
		// without context (ideographs and the punctuation between them), then two. The
		// runes and folds are written before the test (fewer values live at once): past
		// the last step taken, o and f are written again.
		for len(s) >= 14 && len(o) > 4 && len(f) > 4 {
			w0, w1 := cjk.Word(s), cjk.Word(s[6:])
			if !cjk.ThreeByteForm(w0) || !cjk.ThreeByteForm(w1) {
				break
			}
			p0, p1 := cjk.RunePair(w0), cjk.RunePair(w1)
			o[0], f[0] = rune(uint16(p0)), freeFold[uint16(p0)]
			o[1], f[1] = rune(uint16(p0>>24)), freeFold[uint16(p0>>24)]
			o[2], f[2] = rune(uint16(p1)), freeFold[uint16(p1)]
			o[3], f[3] = rune(uint16(p1>>24)), freeFold[uint16(p1>>24)]
			if f[0]|f[1]|f[2]|f[3] < 0 { // one of them is read with its context
				break
			}
			s, o, f = s[12:], o[4:], f[4:]
		}
		for len(s) >= 8 && len(o) > 2 && len(f) > 2 {
			w := cjk.Word(s)
			if !cjk.ThreeByteForm(w) {
				break
			}
			p := cjk.RunePair(w)
			r0, r1 := uint16(p), uint16(p>>24)
			f0, f1 := freeFold[r0], freeFold[r1]
			if f0|f1 < 0 {
				break
			}
			o[0], o[1] = rune(r0), rune(r1)
			f[0], f[1] = f0, f1
			s, o, f = s[6:], o[2:], f[2:]
		}
		if len(s) == 0 {
			break
		}
		var r rune
		c := s[0]
		switch {
		case c < utf8.RuneSelf:
			r = rune(c)
			s = s[1:]
		case c >= 0xE0 && c < 0xF0 && len(s) >= 3:
			r = rune(c&0x0F)<<12 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F)
			s = s[3:]
		default:
			var size int
			r, size = utf8.DecodeRuneInString(s)
			s = s[size:]
		}
		o[0] = r
		if uint32(r) < uint32(len(freeFold)) && freeFold[r] >= 0 {
			f[0] = freeFold[r]
		} else {
			ctx = append(ctx, n-len(o))
		}
		o, f = o[1:], f[1:]
	}
	return n - len(o), ctx
}

// freeFold[r] is fold(r) for a rune that Normalize folds whatever stands around it: the
// runes of its CJK runs (simplifyHan), and ASCII but '<', '&', '(', ' ', '?' and a–z,
// which its rules look at. It is -1 for any other rune: one load tells both of a rune of
// three bytes or less (256 KB; the ideographs' part is foldDense's).
var freeFold [0x10000]rune

func init() {
	for r := range freeFold {
		freeFold[r] = -1
	}
	for r := rune(0); r < 0x80; r++ {
		if !(r < 64 && contextASCII>>r&1 != 0 || r >= 'a' && r <= 'z') {
			freeFold[r] = r
		}
	}
	for r := rune(0x2010); r <= 0x2027; r++ { // foldPunct's
		freeFold[r] = r
	}
	copy(freeFold[foldLo:denseHi], foldDense[:])
	for r := rune(0xFF01); r <= 0xFF5E; r++ {
		if r != 0xFF08 { // fullwidth '(': read with its context
			freeFold[r] = r - 0xFF01 + 0x21
		}
	}
}

// contextASCII has a bit for each ASCII rune below 64 that Normalize's rules look at.
const contextASCII uint64 = 1<<'<' | 1<<'&' | 1<<'(' | 1<<' ' | 1<<'?'
