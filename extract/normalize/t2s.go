package normalize

import "sort"

// The table itself (t2sPairs) is generated from Unihan data: see gen.go and
// internal/gent2s. Lookups go through a dense table over the BMP ideograph blocks
// (CJK Extension A and Unified Ideographs, U+3400–U+9FFF, where all BMP traditional
// characters of the table lie) and a binary search above U+FFFF.

const denseLo, denseHi = 0x3400, 0xA000

// foldLo is where the dense table starts: below the ideographs it covers the CJK symbols
// and punctuation (、。《》「」) and the kana, so that one table loop reads a clause.
const foldLo = 0x3000

// The dense table is freeFold[foldLo:denseHi]: freeFold[r] is fold(r) for foldLo <= r <
// denseHi, the simplified form of an ideograph, a space for the ideographic space, else r
// itself: one load a character with no branch. (One table, not a copy of its own: the
// 112 KB are written once at start-up, which a run started once per file pays.)

// t2sSupp is the part of t2sPairs above the dense range.
var t2sSupp []([2]rune)

// fillDense fills freeFold[foldLo:denseHi] and t2sSupp.
func fillDense() {
	for r := rune(foldLo); r < denseHi; r++ {
		freeFold[r] = r
	}
	freeFold[0x3000] = ' '
	supp := len(t2sPairs)
	for i, p := range t2sPairs {
		switch {
		case p[0] >= denseLo && p[0] < denseHi:
			freeFold[p[0]] = p[1]
		case p[0] >= denseHi && i < supp:
			supp = i
		case p[0] < denseLo:
			panic("normalize: t2s table has a key below U+3400; widen the dense index")
		}
	}
	t2sSupp = t2sPairs[supp:]
}

// ToSimplified returns the simplified form of a traditional character, or r itself.
func ToSimplified(r rune) rune {
	switch {
	case r < denseLo:
		return r
	case r < denseHi:
		return simplifyDense(r)
	case len(t2sSupp) == 0 || r < t2sSupp[0][0]:
		return r
	}
	i := sort.Search(len(t2sSupp), func(i int) bool { return t2sSupp[i][0] >= r })
	if i < len(t2sSupp) && t2sSupp[i][0] == r {
		return t2sSupp[i][1]
	}
	return r
}

// simplifyDense is ToSimplified for denseLo <= r < denseHi.
func simplifyDense(r rune) rune { return freeFold[uint16(r)] }

// simplifyHan writes fold of the runes at the start of run to out, which has room for all
// of run, and returns how many it wrote: it stops at the first rune that Normalize reads
// with its context. The bulk of a text, ideographs and the punctuation between them,
// costs one range check and one load a rune, and a clause or more is one call.
func simplifyHan(out, run []rune) int {
	out = out[:len(run)]
	for k, r := range run {
		if d := uint32(r) - foldLo; d < denseHi-foldLo {
			out[k] = freeFold[uint16(r)]
			continue
		}
		f, ok := foldPunct(r)
		if !ok {
			return k
		}
		out[k] = f
	}
	return len(run)
}

// foldPunct returns fold(r) for the punctuation above and below the dense table that
// Normalize folds without looking at its neighbours: the fullwidth forms but '（' (，：；）！？％)
// and the general punctuation U+2010–U+2027 (‘’“”—…); ok is false for any other rune.
func foldPunct(r rune) (f rune, ok bool) {
	if uint32(r)-0xFF01 <= 0xFF5E-0xFF01 && r != 0xFF08 {
		return r - 0xFF01 + 0x21, true
	}
	if uint32(r)-0x2010 <= 0x2027-0x2010 {
		return r, true
	}
	return r, false
}
