package extract

import (
	"math/rand"
	"slices"
	"testing"
)

// TestLastAmountMatchesRunning checks the name a change after a share is of, read back
// over the names prevIndicator took (lastAmount), against the running form attributeSentence
// kept before (each name tested as it came), after every name of random runs of shares,
// amounts and empty names.
func TestLastAmountMatchesRunning(t *testing.T) {
	pool := []string{"", "增加值", "地区生产总值", "占GDP比重", "比重", "民营经济增加值占GDP", "占比",
		"一般公共预算收入", "第三产业比重", "收入占全省", "税收收入"}
	rng := rand.New(rand.NewSource(90))
	shares := 0
	for range 2000 {
		var names []string
		running := ""
		for range rng.Intn(12) {
			name := pool[rng.Intn(len(pool))]
			names = append(names, name)
			if !isShareName(name) {
				running = name
			} else {
				shares++
			}
			if got := lastAmount(names); got != running {
				t.Fatalf("lastAmount(%q) = %q, want %q", names, got, running)
			}
		}
	}
	if shares < 1000 {
		t.Fatalf("only %d shares among the names", shares)
	}
}

// TestLastIndexWordMatchesPlain checks lastIndexWord, which tells most places by the first
// rune, against the plain search, for the words its callers ask, over the corpus and over
// random text made of those words' runes.
func TestLastIndexWordMatchesPlain(t *testing.T) {
	plain := func(a, w []rune, from, to int) int {
		for k := to - len(w); k >= from; k-- {
			if slices.Equal(a[k:k+len(w)], w) {
				return k
			}
		}
		return -1
	}
	words := [][]rune{[]rune("分别"), []rune("其中"), []rune("天气"), []rune("别"), []rune("分分别")}
	var texts [][]rune
	for _, d := range readTestdata(t, "corpus/*.txt") {
		texts = append(texts, []rune(string(d)))
	}
	rng := rand.New(rand.NewSource(91))
	alphabet := []rune("分别其中天气,、")
	for range 300 {
		a := make([]rune, 20)
		for j := range a {
			a[j] = alphabet[rng.Intn(len(alphabet))]
		}
		texts = append(texts, a)
	}
	found := 0
	for _, a := range texts {
		for range 200 {
			from := rng.Intn(len(a))
			to := from + rng.Intn(min(len(a)-from, 400)+1)
			for _, w := range words {
				got, want := lastIndexWord(a, w, from, to), plain(a, w, from, to)
				if got != want {
					t.Fatalf("lastIndexWord(%q, %q) = %d, want %d", string(a[from:to]), string(w), got, want)
				}
				if got >= 0 {
					found++
				}
			}
		}
	}
	if found < 1000 {
		t.Fatalf("only %d words found", found)
	}
}
