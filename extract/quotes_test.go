package extract

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/policymetrics/policymetrics/extract/internal/cjk"
	"github.com/policymetrics/policymetrics/extract/lexicon"
	"github.com/policymetrics/policymetrics/extract/normalize"
	"github.com/policymetrics/policymetrics/extract/textmap"
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

// coveredReference is wordCover.in as neverRecord first asked it, rune by rune.
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

// TestWordCoverMatchesReference: asking each start once for a span, only where a word
// starts and only within the longest word's reach before it, answers as asking every rune
// of it, over random text made of the names' runes, numerals, digits and others.
func TestWordCoverMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	var alphabet []rune
	for _, w := range numeralNames.Words() {
		alphabet = append(alphabet, []rune(w)...)
	}
	alphabet = append(alphabet, []rune("一二十万5、\n\ufffd的0个%.")...)
	// Words longer than the reach, to try its edge.
	long := lexicon.NewSet("一二十万的5一二十", "的一二十万的一二十", "万万", "三峡")
	for _, set := range []*lexicon.Set{numeralNames, structureNouns, long} {
		words, cover := set.Words(), newWordCover(set)
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
			if got, want := cover.in(a, s, e), coveredReference(set, a, s, e); got != want {
				t.Fatalf("wordCover.in(%q, %d, %d) = %v, want %v", string(a), s, e, got, want)
			}
		}
	}
}

// TestWordCoverCorpusMentions: the same over the mentions of the corpus's analysis text
// (most written in digits, which the first-rune test passes over), with spans one rune
// wider on each side.
func TestWordCoverCorpusMentions(t *testing.T) {
	for name, data := range readTestdata(t, "corpus/*.txt") {
		a := analysisText(textmap.Identity([]rune(string(data)))).Runes
		for _, m := range findMentions(a, nil, nil) {
			for _, sp := range [][2]int{{m.Start, m.End}, {max(m.Start-1, 0), m.End}, {m.Start, min(m.End+1, len(a))}} {
				s, e := sp[0], sp[1]
				if got, want := numeralNameCover.in(a, s, e), coveredReference(numeralNames, a, s, e); got != want {
					t.Fatalf("%s: numeralNameCover.in(%q, %d, %d) = %v, want %v", name, string(a[max(s-8, 0):e]), s, e, got, want)
				}
			}
		}
	}
}

// TestQuoteNearMatchesLookBack: every mention scanMentions finds tells a title quote and
// a name quote within reach before it where a look back from it finds one; over the
// corpus's analysis text and random text of numbers, units, quotes and line breaks (and
// runes past the table whose low 16 bits are a quote's or a line break's).
func TestQuoteNearMatchesLookBack(t *testing.T) {
	near := func(a []rune, s, reach int, q quoteSet) bool {
		lim := max(0, s-reach)
		k := lastQuoteOrBreak(a[lim:s], q)
		return k >= 0 && a[lim+k] != '\n'
	}
	check := func(a []rune) {
		t.Helper()
		found, _ := scanMentions(a, nil, nil)
		for _, m := range found {
			if want := near(a, m.Start, maxTitleSearch, titleQuotes); m.titleNear != want {
				t.Fatalf("titleNear at %d in %q = %v, want %v", m.Start, string(a), m.titleNear, want)
			}
			if want := near(a, m.Start, maxNameQuote, nameQuotes); m.nameNear != want {
				t.Fatalf("nameNear at %d in %q = %v, want %v", m.Start, string(a), m.nameNear, want)
			}
		}
	}
	for _, data := range readTestdata(t, "corpus/*.txt") {
		check(normalize.Normalize(textmap.Identity(cjk.Runes(string(data)))).Runes)
	}
	for d := range maxTitleSearch + 3 { // a quote at every distance around the reaches
		pad := strings.Repeat("的", d)
		check([]rune("《" + pad + "5》“" + pad + "5”\n「" + pad + "5」"))
	}
	rng := rand.New(rand.NewSource(2))
	words := []string{"增长5%", "“最后100米”", "「3个」", "《三年行动计划(2022-2024年)》", "〈5〉", "\n", "\r", "的", "、", "十五", "3万元",
		"2025年", "\U0001200a", "\U0002300b", "\U0001000a", "『", "』", "’", "‘", "12.5亿元", "一般"}
	for range 3000 {
		var b strings.Builder
		for range rng.Intn(60) {
			b.WriteString(words[rng.Intn(len(words))])
			if rng.Intn(3) == 0 {
				b.WriteString("的的的的的的的的的的的的的的的的的") // plain text, so that quotes fall in and out of reach
			}
		}
		check([]rune(b.String()))
	}
}
