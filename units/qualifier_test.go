package units

import (
	"math/rand/v2"
	"testing"
)

// qualifierBeforeReference is QualifierBefore as the lexicon reads: the longest word of
// qualBefore ending at s[i], looked up by its text.
func qualifierBeforeReference(s []rune, i int) (Qualifier, int) {
	for n := min(lex.maxQual, i); n > 0 && i <= len(s); n-- {
		if q, ok := lex.qualBefore[string(s[i-n:i])]; ok {
			if q == NoQualifier {
				return NoQualifier, i
			}
			return q, i - n
		}
	}
	return NoQualifier, i
}

// TestQualifierBeforeMatchesReference: the filters on the last rune (qualEnds) and on the
// one before it (qualWord.prev) leave the answer of a look-up of every word, at every
// position of random text made of the qualifier words, their heads and tails, the
// blocking words and other runes.
func TestQualifierBeforeMatchesReference(t *testing.T) {
	var pieces []string
	for w := range lex.qualBefore {
		rs := []rune(w)
		pieces = append(pieces, w, string(rs[1:]), string(rs[:len(rs)-1]))
	}
	for _, r := range "300人、的 \n\ufffd" {
		pieces = append(pieces, string(r))
	}
	pieces = append(pieces, string(rune(0x10000+'于')), string(rune(0x20000+'近')))
	rng := rand.New(rand.NewPCG(9, 10))
	found := 0
	for range 50000 {
		s := randomText(rng, pieces, 4)
		for i := -1; i <= len(s)+1; i++ {
			gq, gs := QualifierBefore(s, i)
			wq, ws := qualifierBeforeReference(s, i)
			if gq != wq || gs != ws {
				t.Fatalf("QualifierBefore(%q, %d) = %q %d, want %q %d", string(s), i, gq, gs, wq, ws)
			}
			if wq != NoQualifier {
				found++
			}
		}
	}
	if found < 10000 {
		t.Errorf("only %d qualifiers found: the test text no longer holds the words", found)
	}
}
