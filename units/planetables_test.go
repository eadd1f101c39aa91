package units

import (
	"slices"
	"testing"
)

// The tables below are filled from the runes that can have an entry, not by a sweep of
// the whole plane at start-up. Each test compares with the plain sweep, kept here.

func TestInnerFirstRunes(t *testing.T) {
	var plain runeBits
	for r := range rune(0x10000) {
		if isSpace(r) || lex.qualInner.get(r) != NoQualifier {
			plain.add(r)
		}
	}
	if innerFirst != plain {
		t.Errorf("innerFirst is not the plain sweep's: %q, the sweep %q", innerFirst.appendRunes(nil), plain.appendRunes(nil))
	}
}

func TestLoneNumeralsRunes(t *testing.T) {
	n := 0
	for r := range rune(0x10000) {
		if !IsChineseNumeral(r) {
			if loneNumerals.get(r) != (loneNumeral{}) {
				t.Errorf("loneNumerals has %q, no numeral", r)
			}
			continue
		}
		n++
		var m Match
		v, _, shift, ok := readChinese([]rune{r}, 0, 1, nil, nil, &m)
		if want := (loneNumeral{v: v, shift: shift, ok: ok, scaled: m.Scaled, bare: m.BareScale}); loneNumerals.get(r) != want {
			t.Errorf("loneNumerals[%q] = %+v, the sweep's %+v", r, loneNumerals.get(r), want)
		}
	}
	if len(loneNumerals.entries) != n {
		t.Errorf("loneNumerals has %d entries, the plane %d numerals", len(loneNumerals.entries), n)
	}
}

func TestNumeralGoesOnRunes(t *testing.T) {
	listed := NumeralGoesOnRunes()
	for r := range rune(0x10000) {
		if !EndsNumeral(r) && !slices.Contains(listed, r) {
			t.Errorf("EndsNumeral(%q) is false, and %q is not in NumeralGoesOnRunes", r, r)
		}
	}
}

func TestNumberStartRunes(t *testing.T) {
	var plain []rune
	for r := range rune(0x10000) {
		if MayStartNumber(r) {
			plain = append(plain, r)
		}
	}
	got := NumberStartRunes()
	slices.Sort(got)
	if got = slices.Compact(got); !slices.Equal(got, plain) {
		t.Errorf("NumberStartRunes = %q, the sweep's %q", got, plain)
	}
}
