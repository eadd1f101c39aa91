package units

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

// scanIntoFull is ScanInto without its paths for plain decimals and for a plain decimal
// and one big scale word: the full path, kept to check the fast ones against.
func scanIntoFull(s []rune, i int, m *Match) bool {
	*m = Match{Start: i}
	if mayStartFractionAt(s, i) {
		if f, isFraction := fractionPrefixAt(s, i); isFraction {
			var ok bool
			*m, ok = scanPercentWords(s, i, f)
			return ok
		}
	}
	v, j, shift, ok := scanNumber(s, i, m)
	if !ok {
		return false
	}
	m.Scale = shift
	if j < len(s) && isRangeSep(s[j]) {
		var hi Match
		if hv, k, shift, ok := scanNumber(s, j+1, &hi); ok && hi.Kind == m.Kind {
			lo := v
			scale := m.Scale
			if !m.Scaled && hi.Scaled {
				lo, _ = v.MulPow10(shift)
				scale = shift
			}
			if lo.Less(hv) {
				v, m.Upper, m.HasUpper, m.Scaled, m.Scale = lo, hv, true, m.Scaled || hi.Scaled, scale
				j = k
			}
		}
	}
	m.NumberEnd = j
	if j < len(s) && innerFirst.has(s[j]) {
		v, j = scanInner(s, j, v, m)
	}
	if u := skipSpaces(s, j); u < len(s) {
		if f, ok := unitAt(s, u); ok && (!f.scaledOnly || m.Scaled) {
			v, j = scanUnit(s, u, f, v, m)
		}
	}
	m.Value, m.End = v, j
	return true
}

// plainDecimalAt is the number ScanInto reads by its path for plain decimals (5.5%, 1200个).
func plainDecimalAt(s []rune, i int) (Decimal, int, bool) {
	v, j, ok := asciiDecimalAt(s, i)
	if !ok || j < len(s) && !plainEnd(s[j]) {
		return Decimal{}, i, false
	}
	return v, j, true
}

// scaledDecimalAt reports a number ScanInto reads by its path for a plain decimal and one
// big scale word (1200万元, 3.5亿).
func scaledDecimalAt(s []rune, i int) bool {
	_, j, ok := asciiDecimalAt(s, i)
	if !ok || j == len(s) || plainEnd(s[j]) {
		return false
	}
	_, scaled := loneBigScaleAt(s, j)
	return scaled
}

// TestScanIntoMatchesFullPath: ScanInto, with its paths for plain decimals, reads what the
// full path reads (the same Match, its Decimals coefficient for coefficient, or both
// fail), at every offset of the corpus and of random text of digits, points, separators,
// scale words, qualifiers, spaces and every unit's forms.
func TestScanIntoMatchesFullPath(t *testing.T) {
	plain, scaled := 0, 0
	check := func(s []rune) {
		t.Helper()
		for i := range s {
			var got, want Match
			ok, wantOK := ScanInto(s, i, &got), scanIntoFull(s, i, &want)
			if ok != wantOK || ok && got != want {
				t.Fatalf("ScanInto at %q = %v %+v; the full path: %v %+v", string(s[i:min(len(s), i+20)]), ok, got, wantOK, want)
			}
			if _, _, fast := plainDecimalAt(s, i); fast {
				plain++
			}
			if scaledDecimalAt(s, i) {
				scaled++
			}
		}
	}
	var docs int
	for _, dir := range []string{"corpus", "genres", "seeds"} {
		paths, _ := filepath.Glob(filepath.Join("..", "testdata", dir, "*.txt"))
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			check([]rune(string(data)))
			docs++
		}
	}
	if docs == 0 {
		t.Fatal("no test documents")
	}
	var pieces []string
	for _, r := range "0123456789０５.．,，%、万亿萬億千百十零〇多余几-－~～〜—–至到/每 　\u00a0\t\na点" {
		pieces = append(pieces, string(r))
	}
	for _, w := range []string{"5.5", "1200", "2.9", "12345678901234567", "1234567890123456789", "0.000001", "1,035", "3.", "1.2.3", "5万4千", "3.5亿", "1200万", "万元", "亿方", "以上", "左右", "年代"} {
		pieces = append(pieces, w)
	}
	lex.units.values(func(fs *[]unitForm) {
		for _, f := range *fs {
			pieces = append(pieces, f.raw)
		}
	})
	rng := rand.New(rand.NewPCG(32, 5))
	for range 300000 {
		check(randomText(rng, pieces, 7))
	}
	if plain < 50000 {
		t.Errorf("only %d plain decimals: the test text no longer tries the fast path", plain)
	}
	if scaled < 10000 {
		t.Errorf("only %d scaled decimals: the test text no longer tries their fast path", scaled)
	}
}

// plainEndFull is plainEnd written out from the tests it stands for.
func plainEndFull(r rune) bool {
	_, digit := ArabicDigit(r)
	return !digit && r != ',' && !scaleMayFollow(r) && !isRangeSep(r) && !innerFirst.has(r)
}

// TestPlainEnd: plainStops holds every rune of the plane that plainEndFull says goes on,
// and no other; past the plane plainEnd may only say no more often.
func TestPlainEnd(t *testing.T) {
	for r := rune(0); r < 0x10000; r++ {
		if plainEnd(r) != plainEndFull(r) {
			t.Fatalf("plainEnd(%q) = %v, written out %v", r, plainEnd(r), plainEndFull(r))
		}
	}
	for _, r := range []rune{0x10000, 0x1F600, 0x20000 + '万', 0x10000 + '0', 0x10FFFF} {
		if plainEnd(r) && !plainEndFull(r) {
			t.Fatalf("plainEnd(%q) past the plane says it ends a number, written out not", r)
		}
	}
}
