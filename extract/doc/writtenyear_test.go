package doc

import (
	"math/rand"
	"strings"
	"testing"
)

// TestWrittenYearAt: WrittenYearAt told where the '1's and '2's are (and some other
// places) finds the year WrittenYear finds reading every rune, over windows of the corpus
// lines and random mixtures of dates, digits and text, up to their ends.
func TestWrittenYearAt(t *testing.T) {
	lines := corpusLines(t)
	var texts []string
	for i := 0; i < len(lines); i += 7 {
		texts = append(texts, strings.Join(lines[i:min(i+7, len(lines))], "\n"))
	}
	parts := []string{"2017年7月14日", "2017-07-27", "2019.08.01", "1998年1月2日", "2021-1-1", "12", "2", "1",
		"年", "月", "日", "-", ".", "印发", "\n", " ", "2020年", "21年3月"}
	rng := rand.New(rand.NewSource(92))
	for range 3000 {
		var b strings.Builder
		for range 1 + rng.Intn(8) {
			b.WriteString(parts[rng.Intn(len(parts))])
		}
		texts = append(texts, b.String())
	}
	dated := 0
	for _, s := range texts {
		a := []rune(s)
		var places []int
		for i, r := range a {
			if r == '1' || r == '2' || rng.Intn(20) == 0 {
				places = append(places, i)
			}
		}
		want := WrittenYear(a)
		if got := WrittenYearAt(a, places); got != want {
			t.Fatalf("%q: WrittenYearAt %d, WrittenYear %d", s, got, want)
		}
		if want > 0 {
			dated++
		}
	}
	if dated < 100 {
		t.Fatalf("only %d texts hold a full date", dated)
	}
}
