package units

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// numeralRun returns the end of the run of numerals at s[i], a digit or a Chinese numeral:
// digits (ASCII or fullwidth) with '.' and ',', or Chinese numerals.
func numeralRun(s []rune, i int) int {
	j := i + 1
	_, arabic := ArabicDigit(s[i])
	for j < len(s) {
		_, digit := ArabicDigit(s[j])
		if arabic && !(digit || s[j] == '.' || s[j] == ',') || !arabic && !IsChineseNumeral(s[j]) {
			break
		}
		j++
	}
	return j
}

// TestRunGoesOnRunes: wherever a run of numerals is followed by a rune RunGoesOnRunes
// leaves out (or by the text's end), ScanInto at the run's start fails or reads a number
// ending within the run, with no unit, range or qualifier, unscaled where it is digits;
// over random text of numerals, every unit form, fraction, qualifier and range, and other
// runes. Many runs are followed by such a rune.
func TestRunGoesOnRunes(t *testing.T) {
	goesOn := RunGoesOnRunes()
	numerals := []string{"二十", "十四五", "两", "千亿", "五百", "十万零", "二十几", "3", "2026", "1.2", "1,000", "1,23", "５", "3．5", "3."}
	pieces := []string{"届", "大", "级", "A", "G", " ", "\u3000", "、", "，", ",", ".", "．", "/", "每", "·", "半", "点", "点五", "多", "余", "几", "\n"}
	for _, r := range "-－~～〜—–至到" { // isRangeSep's
		pieces = append(pieces, string(r))
	}
	lex.units.values(func(fs *[]unitForm) {
		for _, f := range *fs {
			pieces = append(pieces, f.raw, string(f.form[1:]))
		}
	})
	for _, f := range lex.fractions {
		pieces = append(pieces, string(f.prefix), string(f.prefix[1:]))
	}
	rng := rand.New(rand.NewPCG(30, 31))
	ended, runs := 0, 0
	for range 100000 {
		// Numerals, then anything, by turns: most runs stand before a piece of interest.
		var s []rune
		for n := 1 + rng.IntN(3); n > 0; n-- {
			s = append(s, []rune(numerals[rng.IntN(len(numerals))])...)
			s = append(s, []rune(pieces[rng.IntN(len(pieces))])...)
			if rng.IntN(2) == 0 {
				s = append(s, []rune(numerals[rng.IntN(len(numerals))])...)
			}
		}
		for i := range s {
			if _, digit := ArabicDigit(s[i]); !digit && !IsChineseNumeral(s[i]) {
				continue
			}
			runs++
			end := numeralRun(s, i)
			if end < len(s) && slices.Contains(goesOn, s[end]) {
				continue
			}
			ended++
			var m Match
			if !ScanInto(s, i, &m) {
				continue
			}
			if m.End > end || m.Unit != "" || m.HasUpper || m.Qualifier != NoQualifier || m.Kind == Arabic && m.Scaled {
				t.Fatalf("ScanInto(%q, %d) reads %q (unit %q, upper %v, scaled %v) past or beside the run ending at %d, before %q",
					string(s), i, string(s[i:m.End]), m.Unit, m.HasUpper, m.Scaled, end, string(s[end:min(end+1, len(s))]))
			}
		}
	}
	if ended < runs/10 {
		t.Errorf("only %d of %d runs end before a rune that goes on with none: the test no longer tries them", ended, runs)
	}
}
