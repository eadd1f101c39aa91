package extract

import (
	"math/rand"
	"testing"

	"github.com/policymetrics/policymetrics/extract/segment"
)

// TestFrameMemoMatchesPlain compares the frame memo, which reads a clause on from the last
// figure, with afterFrame and insideFrame read afresh: for every mention of the corpus and
// of odd sentences in text order (as attributeSentence asks), and for every offset of every
// clause in order with each left bound before it, over the corpus and random runs of
// openers, 后, 外, commas and Han.
func TestFrameMemoMatchesPlain(t *testing.T) {
	texts := []string{
		"剔除增发国债等因素后同比增长6.7%,扣除价格因素后增长4.9%,剔除掉2024年增发国债一次性因素后,增长4.9%。",
		"剔除一次性投入26亿元等因素后,增长13.7%;除去除去5亿元、不考虑剔除10亿元外增长3%,剔除3亿元。",
		"不考虑4亿元剔除掉5亿元扣除6亿元后7亿元外8亿元,剔除",
	}
	for _, d := range readTestdata(t, "corpus/*.txt") {
		texts = append(texts, string(d))
	}
	rng := rand.New(rand.NewSource(62))
	pieces := []string{"剔除", "扣除", "除去", "不考虑", "剔除掉", "掉", "除", "后", "外", ",", "，", "收入", "5亿元", "、", "。"}
	for range 300 {
		s := ""
		for range 4 + rng.Intn(20) {
			s += pieces[rng.Intn(len(pieces))]
		}
		texts = append(texts, s)
	}
	calls := 0
	check := func(f *frameMemo, a []rune, c segment.Span, lb, start int) {
		o := f.before(a, c.Start, start)
		if got, want := o.after(a, lb), afterFrame(a, lb, start); got != want {
			t.Fatalf("after(%q, lb %d) = %d, want %d", string(a[c.Start:start]), lb-c.Start, got, want)
		}
		if got, want := o.inside(a), insideFrame(a, c.Start, start); got != want {
			t.Fatalf("inside(%q) = %v, want %v", string(a[c.Start:start]), got, want)
		}
		calls++
	}
	forSentences(texts, func(a []rune, sen segment.Sentence, sm []mention) {
		var f frameMemo
		for i := range sm {
			m := &sm[i]
			c := clauseSpan(sen, m.Start)
			lb := c.Start
			if i > 0 && sm[i-1].End > lb && sm[i-1].End <= m.Start {
				lb = sm[i-1].End
			}
			check(&f, a, c, lb, m.Start)
			check(&f, a, c, c.Start, m.Start)
		}
		var g frameMemo
		for _, c := range append(sen.Clauses, sen.Span) {
			for to := c.Start; to <= c.End; to++ {
				// The clause start, a bound before it, and each bound near the offset.
				check(&g, a, c, max(0, c.Start-1), to)
				for lb := max(c.Start, to-8); lb <= to; lb++ {
					check(&g, a, c, lb, to)
				}
			}
		}
	})
	if calls < 10000 {
		t.Fatalf("only %d look-ups checked", calls)
	}
}
