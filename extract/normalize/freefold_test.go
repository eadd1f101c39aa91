package normalize

import "testing"

// TestFreeFoldPlain compares freeFold, whose dense part is filled once as ToSimplified's
// table, with the plain build, kept here: a dense table of its own, then a sweep of the
// plane to -1 and a copy of the dense table.
func TestFreeFoldPlain(t *testing.T) {
	var dense [denseHi - foldLo]rune
	for k := range dense {
		dense[k] = rune(foldLo + k)
	}
	dense[0x3000-foldLo] = ' '
	for _, p := range t2sPairs {
		if p[0] >= denseLo && p[0] < denseHi {
			dense[p[0]-foldLo] = p[1]
		}
	}
	var plain [0x10000]rune
	for r := range plain {
		plain[r] = -1
	}
	for r := rune(0); r < 0x80; r++ {
		if !(r < 64 && contextASCII>>r&1 != 0 || r >= 'a' && r <= 'z') {
			plain[r] = r
		}
	}
	for r := rune(0x2010); r <= 0x2027; r++ {
		plain[r] = r
	}
	copy(plain[foldLo:denseHi], dense[:])
	for r := rune(0xFF01); r <= 0xFF5E; r++ {
		if r != 0xFF08 {
			plain[r] = r - 0xFF01 + 0x21
		}
	}
	for r := range plain {
		if freeFold[r] != plain[r] {
			t.Fatalf("freeFold[%U] = %d, the plain build's %d", r, freeFold[r], plain[r])
		}
	}
	for r := rune(denseLo); r < denseHi; r++ {
		if got, want := simplifyDense(r), dense[r-foldLo]; got != want {
			t.Fatalf("simplifyDense(%U) = %U, the plain table's %U", r, got, want)
		}
	}
}
