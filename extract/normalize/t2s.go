package normalize

import "sort"

// The table itself (t2sPairs) is generated from Unihan data: see gen.go and
// internal/gent2s. Lookups go through a dense table over the BMP ideograph blocks
// (CJK Extension A and Unified Ideographs, U+3400–U+9FFF, where all BMP traditional
// characters of the table lie) and a binary search above U+FFFF.

const denseLo, denseHi = 0x3400, 0xA000

// t2sDense[r-denseLo] is the simplified form of r, or r itself: one load a character
// with no branch (110 KB).
var t2sDense [denseHi - denseLo]rune

// t2sSupp is the part of t2sPairs above the dense range.
var t2sSupp []([2]rune)

func init() {
	for k := range t2sDense {
		t2sDense[k] = rune(denseLo + k)
	}
	supp := len(t2sPairs)
	for i, p := range t2sPairs {
		switch {
		case p[0] >= denseLo && p[0] < denseHi:
			t2sDense[p[0]-denseLo] = p[1]
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
func simplifyDense(r rune) rune { return t2sDense[r-denseLo] }

// simplifyHan writes the simplified forms of the CJK ideographs at the start of run to
// out, which has room for all of run, and returns how many there are: simplifyDense over
// a run, the bulk of a text, with one range check and one load a rune.
func simplifyHan(out, run []rune) int {
	out = out[:len(run)]
	for k, r := range run {
		d := uint32(r) - denseLo
		if d >= denseHi-denseLo {
			return k
		}
		out[k] = t2sDense[d]
	}
	return len(run)
}
