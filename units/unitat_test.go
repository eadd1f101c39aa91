package units

import (
	"math/rand/v2"
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
			if gok != wok || got.raw != want.raw {
				t.Fatalf("unitAt(%q, %d) = %q %v, want %q %v", string(s), i, got.raw, gok, want.raw, wok)
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
