package extract

import (
	"math/rand"
	"testing"
)

// inQuotesReference is inQuotes as it was first written, one look back per pair: the
// single look back must answer as it does.
func inQuotesReference(a []rune, s, e int, pairs []quotePair, maxLen int) bool {
	reach := maxLen
	if reach == 0 {
		reach = maxTitleSearch
	}
	for _, p := range pairs {
		open := -1
		for k := s - 1; k >= 0 && k >= s-reach && a[k] != '\n'; k-- {
			if a[k] == p.close {
				break
			}
			if a[k] == p.open {
				open = k
				break
			}
		}
		if open < 0 {
			continue
		}
		for k := e; k < len(a) && k < e+reach && a[k] != '\n'; k++ {
			if a[k] == p.open {
				break
			}
			if a[k] == p.close {
				if maxLen == 0 || k-open-1 <= maxLen {
					return true
				}
				break
			}
		}
	}
	return false
}

func TestInQuotesMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	alphabet := []rune("增长5%“”「」『』‘’《》〈〉\n\r的、\ufffd")
	for _, q := range []struct {
		set    quoteSet
		maxLen int
	}{{nameQuotes, maxNameQuote}, {titleQuotes, 0}, {nameQuotes, 0}, {titleQuotes, 3}} {
		for range 20000 {
			a := make([]rune, 1+rng.Intn(40))
			for k := range a {
				a[k] = alphabet[rng.Intn(len(alphabet))]
			}
			s := rng.Intn(len(a))
			e := s + rng.Intn(len(a)-s+1)
			if got, want := inQuotes(a, s, e, q.set, q.maxLen), inQuotesReference(a, s, e, q.set.pairs, q.maxLen); got != want {
				t.Fatalf("inQuotes(%q, %d, %d, max %d) = %v, want %v", string(a), s, e, q.maxLen, got, want)
			}
		}
	}
}
