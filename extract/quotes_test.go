package extract

import (
	"math/rand"
	"testing"

	"github.com/policymetrics/policymetrics/extract/lexicon"
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

// coveredReference is coveredIn as neverRecord first asked it, rune by rune.
func coveredReference(set *lexicon.Set, a []rune, s, e int) bool {
	for k := s; k < e; k++ {
		for from := max(0, k-6); from <= k; from++ {
			if n := set.PrefixAt(a, from); n > 0 && from+n > k {
				return true
			}
		}
	}
	return false
}

// TestCoveredInMatchesReference: asking each start once for a span answers as asking
// every rune of it, over random text made of the names' runes, numerals and others.
func TestCoveredInMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	var alphabet []rune
	for _, w := range numeralNames.Words() {
		alphabet = append(alphabet, []rune(w)...)
	}
	alphabet = append(alphabet, []rune("一二十万5、\n\ufffd的")...)
	// Words longer than the reach, to try its edge.
	long := lexicon.NewSet("一二十万的5一二十", "的一二十万的一二十", "万万", "三峡")
	for _, set := range []*lexicon.Set{numeralNames, structureNouns, long} {
		words := set.Words()
		for range 20000 {
			var a []rune
			for len(a) < 1+rng.Intn(30) {
				if rng.Intn(4) == 0 {
					a = append(a, []rune(words[rng.Intn(len(words))])...)
				} else {
					a = append(a, alphabet[rng.Intn(len(alphabet))])
				}
			}
			s := rng.Intn(len(a) + 1)
			e := s + rng.Intn(len(a)-s+1)
			if got, want := coveredIn(set, a, s, e), coveredReference(set, a, s, e); got != want {
				t.Fatalf("coveredIn(%q, %d, %d) = %v, want %v", string(a), s, e, got, want)
			}
		}
	}
}

// TestLookBackMatchesOneLook: asked from the last position to the first (and now and
// then out of order), lookBack finds a quote where a look back from each position does.
func TestLookBackMatchesOneLook(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	alphabet := []rune("增长5%“”「」《》〈〉\n\r的、\ufffd")
	for _, c := range []struct {
		q     quoteSet
		reach int
	}{{titleQuotes, maxTitleSearch}, {nameQuotes, maxNameQuote}, {titleQuotes, 3}} {
		for range 3000 {
			a := make([]rune, rng.Intn(300))
			for k := range a {
				a[k] = alphabet[rng.Intn(len(alphabet))]
				if rng.Intn(3) > 0 {
					a[k] = '的' // mostly plain text, so that quotes fall in and out of reach
				}
			}
			b := newLookBack(a, c.q, c.reach)
			s := len(a)
			for range 20 {
				if rng.Intn(10) == 0 {
					s = rng.Intn(len(a) + 1) // out of order
				} else {
					s = max(0, s-rng.Intn(c.reach+20))
				}
				lim := max(0, s-c.reach)
				k := lastQuoteOrBreak(a[lim:s], c.q)
				want := k >= 0 && a[lim+k] != '\n'
				if got := b.quoteBefore(s); got != want {
					t.Fatalf("quoteBefore(%d) in %q = %v, want %v", s, string(a), got, want)
				}
			}
		}
	}
}
