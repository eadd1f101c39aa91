package normalize

import "sort"

// The table itself (t2sPairs) is generated from Unihan data: see gen.go and
// internal/gent2s. Lookups go through a dense index over the BMP ideograph blocks
// (CJK Extension A and Unified Ideographs, U+3400–U+9FFF, where all BMP traditional
// characters of the table lie) and a binary search above U+FFFF.

const denseLo, denseHi = 0x3400, 0xA000

// t2sDense[r-denseLo] is 1 + the index of r in t2sPairs, or 0 when r has no mapping.
var t2sDense [denseHi - denseLo]uint16

// t2sSupp is the part of t2sPairs above the dense range.
var t2sSupp []([2]rune)

func init() {
	supp := len(t2sPairs)
	for i, p := range t2sPairs {
		switch {
		case p[0] >= denseLo && p[0] < denseHi:
			t2sDense[p[0]-denseLo] = uint16(i + 1)
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
func simplifyDense(r rune) rune {
	if k := t2sDense[r-denseLo]; k != 0 {
		return t2sPairs[k-1][1]
	}
	return r
}
