package extract

import (
	"fmt"
	"math/rand"
	"strconv"
	"testing"

	"github.com/policymetrics/policymetrics/extract/segment"
)

// TestTimeExprsInOrder: a sentence's time expressions come in text order, one after
// another (each starts at or after the end of the one before, and ends after it starts),
// which periodOf and averageSpan's searches (endingBy) rely on. Over every sentence of the
// test documents and random mixtures of their pieces.
func TestTimeExprsInOrder(t *testing.T) {
	forEachSentence(t, func(a []rune, sen segment.Span) {
		exprs, _ := timeExprs(a, sen.Start, sen.End, timeContext{year: 2025, passage: "2025"}, nil)
		for k, e := range exprs {
			if e.end <= e.start || k > 0 && e.start < exprs[k-1].end {
				t.Fatalf("%q: time expressions out of order: %+v", string(a[sen.Start:sen.End]), exprs)
			}
		}
	})
}

// TestAverageSpanMemo: averageSpan with one memo for a sentence's figures, asked in
// order, is the plain reading of the clause and of every year before each figure
// (plainAverageSpan): over every figure of the test documents and random mixtures, with
// each figure's clause start.
func TestAverageSpanMemo(t *testing.T) {
	checked := 0
	forEachSentence(t, func(a []rune, sen segment.Span) {
		exprs, _ := timeExprs(a, sen.Start, sen.End, timeContext{year: 2025, passage: "2025"}, nil)
		s := segment.Sentence{Span: sen}
		s.WithClauses(a)
		var memo averageMemo
		for _, c := range s.Clauses {
			for i := c.Start; i < c.End; i++ {
				if a[i] < '0' || a[i] > '9' || i > c.Start && a[i-1] >= '0' && a[i-1] <= '9' {
					continue // figures start at a digit
				}
				got := averageSpan(exprs, a, c.Start, i, &memo)
				if want := plainAverageSpan(exprs, a, c.Start, i); got != want {
					t.Fatalf("%q at %d: %q with the sentence's memo, want %q", string(a[sen.Start:sen.End]), i-sen.Start, got, want)
				}
				if got != "" {
					checked++
				}
			}
		}
	})
	if checked < 20 {
		t.Fatalf("only %d figures with an average span", checked)
	}
}

// plainAverageSpan is averageSpan reading the clause from its start and every time
// expression at each figure.
func plainAverageSpan(exprs []timeExpr, a []rune, clauseFrom, start int) string {
	if k, _ := averageWords.IndexIn(a, clauseFrom, start); k < 0 {
		return ""
	}
	lo, hi := 0, 0
	for _, e := range exprs {
		if e.end > start || len(e.values) != 1 || len(e.values[0]) != 4 {
			continue
		}
		y, err := strconv.Atoi(e.values[0])
		if err != nil {
			continue
		}
		if lo == 0 || y < lo {
			lo = y
		}
		hi = max(hi, y)
	}
	if lo == 0 || hi-lo < 2 {
		return ""
	}
	return fmt.Sprintf("%d-%d", lo+1, hi)
}

// TestWordSeen: wordSeen.in is whether IndexIn finds a word, asked with random froms and
// growing or shrinking tos over text rich in the set's words.
func TestWordSeen(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	words := averageWords.Words()
	for range 300 {
		var a []rune
		for range rng.Intn(40) {
			switch rng.Intn(3) {
			case 0:
				a = append(a, []rune(words[rng.Intn(len(words))])...)
			case 1:
				w := []rune(words[rng.Intn(len(words))])
				a = append(a, w[:rng.Intn(len(w))]...)
			default:
				a = append(a, []rune("增长5%,年")[rng.Intn(6)])
			}
		}
		var w wordSeen
		from := 0
		for range 30 {
			if rng.Intn(5) == 0 {
				from = rng.Intn(len(a) + 1)
			}
			to := from + rng.Intn(len(a)-from+1)
			k, _ := averageWords.IndexIn(a, from, to)
			if got := w.in(averageWords, a, from, to); got != (k >= 0) {
				t.Fatalf("%q [%d:%d]: seen %v, IndexIn %d", string(a), from, to, got, k)
			}
		}
	}
}

// forEachSentence calls f with the analysis text and each sentence of the test documents
// and of random mixtures of their lines (years, lists and 年均 brought together).
func forEachSentence(t *testing.T, f func(a []rune, sen segment.Span)) {
	t.Helper()
	var texts []string
	for _, pattern := range []string{"corpus/*.txt", "seeds/*.txt", "genres/*.txt"} {
		for _, data := range readTestdata(t, pattern) {
			texts = append(texts, string(data))
		}
	}
	rng := rand.New(rand.NewSource(8))
	pieces := []string{"年均增长", "2021年、2022年", "从2020年的168.4亿元提高到2025年的200.1亿元,", "增长5%、", "的", "比2024年", "，"}
	for range 200 {
		var b []rune
		for range 1 + rng.Intn(12) {
			b = append(b, []rune(pieces[rng.Intn(len(pieces))])...)
		}
		texts = append(texts, string(b)+"。")
	}
	for _, text := range texts {
		d := plainDocument("t.txt", text)
		for _, s := range d.Sentences {
			f(d.Text.Runes, s.Span)
		}
	}
}
