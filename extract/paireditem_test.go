package extract

import (
	"testing"

	"github.com/policymetrics/policymetrics/extract/segment"
)

// TestPairedItemOnlyInLists checks what attributeSentence relies on to skip pairedItem for
// a figure in no list: over every mention of the corpus and of odd sentences, one with no
// list link pairs with nothing; and list figures do pair, so the look-up is exercised.
func TestPairedItemOnlyInLists(t *testing.T) {
	texts := []string{
		"国内游客17.52亿人次、旅游花费1.27万亿元,分别增长32.9%、41.6%。",
		"游客17.52亿人次,分别增长32.9%;收入5亿元、支出6亿元,分别增长1%、2%、3%。",
	}
	for _, d := range readTestdata(t, "corpus/*.txt") {
		texts = append(texts, string(d))
	}
	alone, paired := 0, 0
	forSentences(texts, func(a []rune, sen segment.Sentence, sm []mention) {
		for i := range sm {
			c := clauseSpan(sen, sm[i].Start)
			f, l := listGroup(a, sm, i, c)
			j := pairedItem(a, sen, sm, i, f, l, c)
			switch {
			case sm[i].listBack == 0 && sm[i].listFwd == 0 && j >= 0:
				t.Fatalf("%q in %q, in no list, pairs with %d", string(a[sm[i].Start:sm[i].End]), string(a[sen.Start:sen.End]), j)
			case sm[i].listBack == 0 && sm[i].listFwd == 0:
				alone++
			case j >= 0:
				paired++
			}
		}
	})
	if alone < 1000 || paired < 2 {
		t.Fatalf("only %d figures in no list and %d paired checked", alone, paired)
	}
}
