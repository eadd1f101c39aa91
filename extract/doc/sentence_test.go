package doc

import (
	"math/rand"
	"slices"
	"testing"

	"github.com/policymetrics/policymetrics/extract/lexicon"
)

// TestNextSentence: the range test that passes most characters over finds the ends a test
// of each rune against 。！？!? finds, around the range's edges and on odd runes.
func TestNextSentence(t *testing.T) {
	slow := func(line []rune, s int) int {
		for i := s; i+1 < len(line); i++ {
			if slices.Contains([]rune("。！？!?"), line[i]) {
				return i + 1
			}
		}
		return -1
	}
	pool := []rune{'。', '。' + 1, '。' - 1, '！', '！' - 1, '？', '？' + 1, '!', '?', '@', '>', 'A', '\r', '\n',
		'中', '，', 0, -1, 0xD800, 0xFFFD, 0x10FFFF, 0x110000, '\u3000'}
	rng := rand.New(rand.NewSource(1))
	for range 50000 {
		line := make([]rune, rng.Intn(10))
		for i := range line {
			line[i] = pool[rng.Intn(len(pool))]
		}
		s := rng.Intn(len(line) + 1)
		if got, want := nextSentence(line, s), slow(line, s); got != want {
			t.Fatalf("nextSentence(%q, %d) = %d, want %d", string(line), s, got, want)
		}
	}
}

// TestLineStarts: the starts found eight runes at a time are those after every newline,
// wherever the newlines fall against the groups of eight.
func TestLineStarts(t *testing.T) {
	slow := func(a []rune) []int {
		starts := []int{0}
		for i, r := range a {
			if r == '\n' {
				starts = append(starts, i+1)
			}
		}
		return starts
	}
	pool := []rune{'\n', '\r', '中', 'a', 0, -1, 0xFFFD, '\n' + 0x100}
	rng := rand.New(rand.NewSource(1))
	for range 20000 {
		a := make([]rune, rng.Intn(40))
		for i := range a {
			a[i] = pool[rng.Intn(len(pool))]
		}
		if got, want := lineStarts(a), slow(a); !slices.Equal(got, want) {
			t.Fatalf("lineStarts(%q) = %v, want %v", string(a), got, want)
		}
	}
}

// TestMayStartTime: every rune a time read by timeAt can start with passes mayStartTime,
// which rejects characters before timeAt is called: the first runes of the relative
// words, of the plan names, of the years YearAt reads (1900–2199), and the quotes.
func TestMayStartTime(t *testing.T) {
	starts := []rune{'“', '"', '1', '2'}
	for _, set := range []*lexicon.Set{yearThis, yearLast, yearNext, yearsPastFive} {
		for _, w := range set.Words() {
			starts = append(starts, []rune(w)[0])
		}
	}
	for name := range PlanYears {
		starts = append(starts, []rune(name)[0])
	}
	for _, r := range starts {
		if !mayStartTime(r, 2026) {
			t.Errorf("mayStartTime(%q) = false: a time starts with it", r)
		}
	}
	// Without a year no relative word is read: only years, plans and quotes pass.
	for _, r := range []rune("今去明过本全") {
		if mayStartTime(r, 0) {
			t.Errorf("mayStartTime(%q, 0) = true", r)
		}
	}
	for _, line := range []string{"2025年，", "“十四五”时期", "\"2021-2025年", "今年以来", "过去五年，", "上年"} {
		a := []rune(line)
		if _, n := timeAt(a, 0, 2026); n == 0 {
			t.Errorf("timeAt(%q) read nothing", line)
		}
	}
}
