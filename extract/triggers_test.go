package extract

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/policymetrics/policymetrics/extract/segment"
	"github.com/policymetrics/policymetrics/units"
)

// checkTriggers fails when a guard of triggersBefore says a rule cannot answer and the
// rule, asked anyway, answers: over the figure at a[start] with its qualifier at qs, lb the
// clause's start or the previous number's end (as attributeSentence asks them).
func checkTriggers(t *testing.T, a []rune, senStart, lb, qs, start int) {
	t.Helper()
	trig := triggersBefore(a, senStart, qs, start)
	where := func() string { return string(a[max(0, start-20):start]) + "|" + string(a[start:min(len(a), start+4)]) }
	if !trig.mayCap(a, lb, qs) {
		if got := capBefore(a, lb, start, qs); got != -1 {
			t.Fatalf("%q (lb %d, qs %d, start %d): capBefore = %d past its guard", where(), lb, qs, start, got)
		}
	}
	if !trig.mayAside() {
		if got := asidePlace(a, senStart, start); got != "" || asideOpen(a, senStart, start) >= 0 {
			t.Fatalf("%q (sentence %d, start %d): asidePlace = %q past its guard", where(), senStart, start, got)
		}
	}
	if !trig.mayChange(lb, start, qs) {
		if got := changeOf(a, lb, start, qs); got != "" {
			t.Fatalf("%q (lb %d, qs %d, start %d): changeOf = %q past its guard", where(), lb, qs, start, got)
		}
	}
	if !trig.mayBound(a, lb, start) {
		if got := distantQualifier(a, lb, start); got != units.NoQualifier {
			t.Fatalf("%q (lb %d, start %d): distantQualifier = %v past its guard", where(), lb, start, got)
		}
	}
}

// TestTriggersBeforeGuards: every rule passed over for want of its trigger runes would have
// answered nothing, at every figure of the corpus, the seeds and the genres, and at every
// position of random strings made of the rules' words, with bounds near and far.
func TestTriggersBeforeGuards(t *testing.T) {
	var texts []string
	for _, pattern := range []string{"corpus/*.txt", "seeds/*.txt", "genres/*"} {
		for _, d := range readTestdata(t, pattern) {
			texts = append(texts, string(d))
		}
	}
	texts = append(texts,
		"收入28.7亿元(不含辽滨经开区36.4亿元),增长5%。", "最高奖补500万元,不超过项目投资额的30%。",
		"最多遴选100名,约为全国平均的70%。", "增8.1%,降5%,增速比全市平均水平高2.2个百分点。", "新增转移支付(127.92亿元)。",
	)
	figures := 0
	forSentences(texts, func(a []rune, sen segment.Sentence, sm []mention) {
		for i := range sm {
			m := &sm[i]
			_, qs := m.qualifierBefore()
			c := clauseSpan(sen, m.Start)
			lb := c.Start
			if i > 0 && sm[i-1].End > lb && sm[i-1].End <= m.Start {
				lb = sm[i-1].End
			}
			checkTriggers(t, a, sen.Start, lb, qs, m.Start)
			checkTriggers(t, a, sen.Start, c.Start, qs, m.Start)
			figures++
		}
	})
	if figures < 5000 {
		t.Fatalf("only %d figures checked", figures)
	}

	// Random strings of the rules' words, brackets, 的, qualifiers, digits and breaks.
	var words []string
	for _, s := range []interface{ Words() []string }{capWords, boundWords, boundVerbs, increaseWords, decreaseWords,
		increaseDirect, decreaseDirect, levelSuffix, changeNot, comparison, directOnly, asideOpeners, verbsObject} {
		words = append(words, s.Words()...)
	}
	words = append(words, "(", ")", "（", "）", "的", "约", "超过", "不少于", "不超过", "比", "较", "高", "快",
		"1", "2.5", "%", "亿元", ",", "、", "。", "项目", "投资额", "全国", "平均", "企业", " ", "丈", "\U0001FF08")
	rng := rand.New(rand.NewSource(103))
	for n := 0; n < 3000; n++ {
		var b strings.Builder
		for k := rng.Intn(12); k >= 0; k-- {
			b.WriteString(words[rng.Intn(len(words))])
		}
		a := []rune(b.String() + "12")
		for start := 0; start < len(a); start++ {
			for _, senStart := range []int{0, start / 2, start} {
				for _, lb := range []int{senStart, max(senStart, start-3), start} {
					for _, qs := range []int{start, max(0, start-1), max(0, start-3)} {
						checkTriggers(t, a, senStart, lb, qs, start)
					}
				}
			}
		}
	}
}

// TestTriggerTable: every rune that ends a word of a guarded list carries its rule's bit.
func TestTriggerTable(t *testing.T) {
	for bit, words := range map[uint8][]string{
		triggerCap:    capWords.Words(),
		triggerBound:  boundWords.Words(),
		triggerChange: append(append(append(increaseWords.Words(), decreaseWords.Words()...), increaseDirect.Words()...), decreaseDirect.Words()...),
	} {
		for _, w := range words {
			rs := []rune(w)
			if triggerRunes[uint16(rs[len(rs)-1])]&bit == 0 {
				t.Errorf("%q: its last rune lacks bit %d", w, bit)
			}
		}
	}
}
