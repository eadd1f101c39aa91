package extract

import (
	"math/rand"
	"testing"

	"github.com/policymetrics/policymetrics/extract/internal/cjk"
	"github.com/policymetrics/policymetrics/extract/segment"
)

// TestPlaceNamesMemoMatchesPlain compares placeListHead's memo of the words before a list
// with the two scans read afresh, as every list figure of the corpus and of odd sentences
// asks it (in text order, twice, and backwards), and over random stretches of random text;
// and placeListHead with one memo for a sentence against a new memo for each figure.
func TestPlaceNamesMemoMatchesPlain(t *testing.T) {
	texts := []string{
		"博乐市、精河县、阿拉山口市年平均气温分别为8.8摄氏度、9.1摄氏度、7.5摄氏度。",
		"甲县、乙县分别增长1%、2%,丙市和丁市分别为3%、4%;戊、己分别为5%、6%,庚州、辛旗分别为7个、8个。",
		"城镇和农村居民人均可支配收入分别增长4.3%、5.9%,分别从771家、481家增加到1076家、636家。",
	}
	for _, d := range readTestdata(t, "corpus/*.txt") {
		texts = append(texts, string(d))
	}
	plain := func(a []rune, from, to int) bool {
		return cjk.IndexRune(a, from, to, '、') >= 0 && cjk.IndexRune(a, from, to, placeSuffixes...) >= 0
	}
	calls := 0
	forSentences(texts, func(a []rune, sen segment.Sentence, sm []mention) {
		var p placeNamesMemo
		var lists listMemo
		check := func(i int) {
			c := clauseSpan(sen, sm[i].Start)
			f, _ := listGroup(a, sm, i, c)
			if got, want := p.mayName(a, c.Start, sm[f].Start), plain(a, c.Start, sm[f].Start); got != want {
				t.Fatalf("mayName(%q) = %v, want %v", string(a[c.Start:sm[f].Start]), got, want)
			}
			var fresh listMemo
			h, pl := placeListHead(a, sm, i, f, c, &lists)
			wh, wpl := placeListHead(a, sm, i, f, c, &fresh)
			if h != wh || pl != wpl {
				t.Fatalf("placeListHead of %q = %q %q, want %q %q", string(a[sm[i].Start:sm[i].End]), h, pl, wh, wpl)
			}
			calls++
		}
		for i := range sm {
			check(i)
			check(i)
		}
		for i := len(sm) - 1; i >= 0; i-- {
			check(i)
		}
	})
	rng := rand.New(rand.NewSource(62))
	alphabet := append([]rune("、甲乙,分别"), placeSuffixes...) // every suffix, which hasPlaceSuffix spells out again
	for range 500 {
		a := make([]rune, 12)
		for j := range a {
			a[j] = alphabet[rng.Intn(len(alphabet))]
		}
		var p placeNamesMemo // a new text: a new sentence's memo
		for range 40 {
			from := rng.Intn(len(a))
			to := from + rng.Intn(len(a)-from+1)
			if got, want := p.mayName(a, from, to), plain(a, from, to); got != want {
				t.Fatalf("mayName(%q) = %v, want %v", string(a[from:to]), got, want)
			}
			calls++
		}
	}
	if calls < 1000 {
		t.Fatalf("only %d look-ups checked", calls)
	}
}
