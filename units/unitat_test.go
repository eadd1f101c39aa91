package units

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// unitAtReference is unitAt as first written: the non-unit words are asked for every form.
func unitAtReference(s []rune, i int) (unitForm, bool) {
	if i >= len(s) {
		return unitForm{}, false
	}
	for _, f := range lex.units.get(s[i]) {
		if hasPrefixAt(s, i, f.form) {
			if lex.nonunits.longestAt(s, i) > len(f.form) {
				if q, _ := QualifierAfter(s, i+len(f.form)); q == NoQualifier {
					return unitForm{}, false
				}
			}
			if end := i + len(f.form); end < len(s) && isASCIIAlnum(f.form[len(f.form)-1]) && isASCIIAlnum(s[end]) {
				continue
			}
			return f, true
		}
	}
	return unitForm{}, false
}

// TestUnitAtMatchesReference: asking the non-unit words only where two runes of one of
// them stand across the form's end (longerAt) finds the unit the reference finds, over
// random text made of every unit form, every non-unit word and its tail, the bound words
// after a unit and other runes.
func TestUnitAtMatchesReference(t *testing.T) {
	var pieces []string
	lex.units.values(func(fs *[]unitForm) {
		for _, f := range *fs {
			pieces = append(pieces, f.raw)
		}
	})
	lex.nonunits.byFirst.values(func(ws *[][]rune) {
		for _, w := range *ws {
			pieces = append(pieces, string(w), string(w[1:]))
		}
	})
	for w := range lex.qualAfter {
		pieces = append(pieces, w)
	}
	for _, r := range "以上下内的5a、 \n\ufffd" {
		pieces = append(pieces, string(r))
	}
	rng := rand.New(rand.NewPCG(3, 4))
	refused := 0
	for range 100000 {
		s := randomText(rng, pieces, 4)
		for i := range s {
			got, gok := unitAt(s, i)
			want, wok := unitAtReference(s, i)
			if gok != wok || gok && got.raw != want.raw {
				t.Fatalf("unitAt(%q, %d) = %q %v, want %q %v", string(s), i, rawOf(got), gok, want.raw, wok)
			}
			if !wok && lex.units.get(s[i]) != nil {
				refused++
			}
		}
	}
	if refused < 1000 {
		t.Errorf("only %d unit runes refused: the test text no longer tries the non-unit words", refused)
	}
}

func rawOf(f *unitForm) string {
	if f == nil {
		return "<nil>"
	}
	return f.raw
}

// TestScanIntoOverwrites: ScanInto fills a Match that held another quantity exactly as
// Scan fills a new one, at every position of random text, so that findMentions may scan
// into a reused buffer.
func TestScanIntoOverwrites(t *testing.T) {
	pieces := []string{"3", "十五", "2000-3000", "万元", "%", "多", "个", "亿", "成半", "元/人",
		"百分之", "六点五", "、", "至", "年", "两", "。", "增长", "1.5", "千瓦", "半"}
	rng := rand.New(rand.NewPCG(5, 6))
	dirty := Match{Start: -1, End: 99, NumberEnd: 7, Value: NewDecimal(9, 1), Upper: NewDecimal(8, 0),
		HasUpper: true, Unit: "x", RawUnit: "y", Qualifier: Over, Kind: Chinese, Scaled: true, Scale: 8, BareScale: true}
	for range 20000 {
		s := randomText(rng, pieces, 5)
		for i := range s {
			want, wok := Scan(s, i)
			got := dirty
			if gok := ScanInto(s, i, &got); gok != wok || wok && got != want {
				t.Fatalf("ScanInto(%q, %d) = %+v %v, want %+v %v", string(s), i, got, gok, want, wok)
			}
		}
	}
}

// TestLoneNumeralsMatchReading: the one-character fast path of scanChinese answers as
// reading the run does, for every numeral character alone and in random text around it.
func TestLoneNumeralsMatchReading(t *testing.T) {
	var numerals []string
	for r := rune(0); r < 0x10000; r++ {
		if IsChineseNumeral(r) {
			numerals = append(numerals, string(r))
		}
	}
	pieces := append(numerals, "万元", "个", " ", "年", "点", "五", "、", "瓦", "千瓦", "几", "零件", "3", "多")
	rng := rand.New(rand.NewPCG(7, 8))
	for range 50000 {
		s := randomText(rng, pieces, 4)
		for i := range s {
			if !IsChineseNumeral(s[i]) {
				continue
			}
			got, want := Match{Scaled: i%2 == 0}, Match{Scaled: i%2 == 0}
			gv, ge, gs, gok := scanChinese(s, i, &got)
			end, joined, cuts := chineseRun(s, i)
			wv, we, ws, wok := readChinese(s, i, end, joined, cuts, &want)
			if gv != wv || ge != we || gs != ws || gok != wok || got != want {
				t.Fatalf("scanChinese(%q, %d) = %v %d %d %v %+v, want %v %d %d %v %+v", string(s), i, gv, ge, gs, gok, got, wv, we, ws, wok, want)
			}
		}
	}
}

// TestEndsNumeral: every rune EndsNumeral says ends a numeral makes every numeral character
// before it lone, whatever follows (a fraction's 之, a unit, a digit), and it says so for
// the runes that end most numerals in text.
func TestEndsNumeral(t *testing.T) {
	var numerals []rune
	for r := rune(0); r < 0x10000; r++ {
		if IsChineseNumeral(r) {
			numerals = append(numerals, r)
		}
	}
	for r := rune(-1); r < 0x10000+64; r++ {
		if !EndsNumeral(r) {
			continue
		}
		for _, n := range numerals {
			for _, s := range [][]rune{{n, r}, {n, r, '之'}, {n, r, '5'}, {n, r, '元'}, {'第', n, r, '多'}} {
				if i := slices.Index(s, n); !LoneNumeralAt(s, i) {
					t.Fatalf("EndsNumeral(%q) but %q is no lone numeral in %q", r, n, string(s))
				}
			}
		}
	}
	for _, r := range "般统的，。\n" {
		if !EndsNumeral(r) {
			t.Errorf("EndsNumeral(%q) = false, want true", r)
		}
	}
}
