package units

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// scanArabicPlain is scanArabic without its early end (scaleMayFollow): scanMixed and
// scaleChain asked after every number.
func scanArabicPlain(s []rune, i int, m *Match) (Decimal, int, int, bool) {
	v, n, err := parseArabic(s[i:])
	if err != nil {
		return Decimal{}, i, 0, false
	}
	m.Kind = Arabic
	if mv, k, shift, ok := scanMixed(s, i, n); ok {
		m.Value, m.Scaled = mv, true
		return mv, k, shift, true
	}
	j, applied := i+n, 0
	if shift, k, ok := scaleChain(s, skipSpaces(s, j)); ok {
		if sv, err := v.MulPow10(shift); err == nil {
			v, j, m.Scaled, applied = sv, k, true, shift
		}
	}
	m.Value = v
	return v, j, applied, true
}

// TestScanArabicMatchesPlain: scanArabic reads what scanArabicPlain reads at every digit
// of the corpus and of random text of digits, scale words, spaces, units and other runes.
func TestScanArabicMatchesPlain(t *testing.T) {
	check := func(s []rune, i int) {
		t.Helper()
		var got, want Match
		gv, gj, gs, gok := scanArabic(s, i, &got)
		wv, wj, ws, wok := scanArabicPlain(s, i, &want)
		if gok != wok || gok && (gv != wv || gj != wj || gs != ws || !reflect.DeepEqual(got, want)) {
			t.Fatalf("scanArabic(%q, %d) = %v, %d, %d, %v, %+v; plain %v, %d, %d, %v, %+v",
				string(s[i:min(len(s), i+12)]), i, gv, gj, gs, gok, got, wv, wj, ws, wok, want)
		}
	}
	paths, _ := filepath.Glob(filepath.Join("..", "testdata", "corpus", "*.txt"))
	if len(paths) == 0 {
		t.Fatal("no corpus documents")
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		s := []rune(string(data))
		for i := range s {
			if _, ok := ArabicDigit(s[i]); ok || s[i] == '.' {
				check(s, i)
			}
		}
	}
	alphabet := []rune("0123456789０５.,，万亿千百十拾佰零〇 \u3000\u00a0\t元%家个多余几-至年度的\n\U00014e07")
	rng := rand.New(rand.NewPCG(5, 6))
	for range 100000 {
		s := make([]rune, 1+rng.IntN(12))
		for k := range s {
			s[k] = alphabet[rng.IntN(len(alphabet))]
		}
		check(s, rng.IntN(len(s)))
	}
}

// TestInnerFirstSettlesScanInner: where innerFirst has not the rune after the number,
// scanInner reads nothing, whatever follows: ScanInto does not call it there.
func TestInnerFirstSettlesScanInner(t *testing.T) {
	tails := []string{"", "万元", "多万", " 万", "个", "几十"}
	for r := rune(0); r < 0x10000+0x10000; r++ {
		if r < 0x10000 && innerFirst.has(r) {
			continue
		}
		for _, tail := range tails {
			for _, kind := range []NumeralKind{Arabic, Chinese} {
				s := append([]rune("二十"), r)
				s = append(s, []rune(tail)...)
				m := Match{Kind: kind}
				v, j := scanInner(s, 2, NewDecimal(20, 0), &m)
				if j != 2 || v != NewDecimal(20, 0) || m != (Match{Kind: kind}) {
					t.Fatalf("scanInner(%q, 2) read on to %d, %+v", string(s), j, m)
				}
			}
		}
	}
}
