package extract

import (
	"math/rand"
	"testing"
)

// TestLastQuoteOrBreakStopsAtQuotes: the look back stops at a quote of the set or a line
// break only, never at the other runes between the quotes' code points (、。〇… among
// ‘’“”「」『』), and finds the last one a plain search over the pairs finds.
func TestLastQuoteOrBreakStopsAtQuotes(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	alphabet := []rune("增长5%“”「」『』‘’《》〈〉\n\r的、。〇…‰•\u3003\u3006\ufffd")
	for _, q := range []quoteSet{nameQuotes, titleQuotes} {
		for range 20000 {
			a := make([]rune, rng.Intn(30))
			for k := range a {
				a[k] = alphabet[rng.Intn(len(alphabet))]
			}
			want := -1
			for k := len(a) - 1; k >= 0 && want < 0; k-- {
				if a[k] == '\n' {
					want = k
				}
				for _, p := range q.pairs {
					if a[k] == p.open || a[k] == p.close {
						want = k
					}
				}
			}
			if got := lastQuoteOrBreak(a, q); got != want {
				t.Fatalf("lastQuoteOrBreak(%q) = %d, want %d", string(a), got, want)
			}
		}
	}
}
