package extract

import (
	"math/rand"
	"slices"
	"testing"

	"github.com/policymetrics/policymetrics/extract/segment"
)

// TestFindFrom: findFrom, stepping on from the last sentence found, finds what
// segment.Find does for offsets asked in order (every one, and a mention's apart), backwards
// and anywhere (in the gaps between sentences too), over the test documents and text of
// short sentences, blank lines and none.
func TestFindFrom(t *testing.T) {
	texts := []string{"", "。", "\n\n\n", "增长3.5%。\n\n\n\n下降2%。"}
	for _, data := range readTestdata(t, "corpus/*.txt") {
		texts = append(texts, string(data))
	}
	for _, data := range readTestdata(t, "genres/*.txt") {
		texts = append(texts, string(data))
	}
	rng := rand.New(rand.NewSource(73))
	pieces := []string{"增长", "3.5%", "。", "\n", "\n\n\n\n", "；", " ", "！"}
	for range 300 {
		var b []byte
		for range rng.Intn(40) {
			b = append(b, pieces[rng.Intn(len(pieces))]...)
		}
		texts = append(texts, string(b))
	}
	for _, text := range texts {
		a := []rune(text)
		sentences := segment.AppendSentenceSpans(nil, a)
		var every, apart []int
		for i := -1; i <= len(a); i++ {
			every = append(every, i)
		}
		for i := 0; i < len(a); i += 1 + rng.Intn(120) {
			apart = append(apart, i)
		}
		back := slices.Clone(apart)
		slices.Reverse(back)
		anywhere := make([]int, len(apart))
		for k := range anywhere {
			anywhere[k] = rng.Intn(len(a) + 1)
		}
		for _, order := range [][]int{every, apart, back, anywhere} {
			k := 0
			for _, i := range order {
				if got, want := findFrom(sentences, i, &k), segment.Find(sentences, i); got != want {
					t.Fatalf("%.30q: offset %d in sentence %d, Find says %d", text, i, got, want)
				}
			}
		}
	}
}
