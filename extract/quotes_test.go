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
