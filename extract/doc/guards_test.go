package doc

import (
	"slices"
	"testing"

	"github.com/policymetrics/policymetrics/extract/internal/cjk"
	"github.com/policymetrics/policymetrics/extract/lexicon"
)

// openingSets are the word lists whose lookup at a line's or sentence's first rune sits
// behind MayStartAt.
var openingSets = map[string]*lexicon.Set{
	"vocatives": vocatives, "planLeadIn": planLeadIn, "captionOpeners": captionOpeners,
	"levelWords": levelWords, "wholeAreaWords": wholeAreaWords, "forwardOpening": forwardOpening,
	"reviewOpening": reviewOpening, "yearsPastFive": yearsPastFive,
}

// TestOpeningGuardsSound: a guard turns away only lines that open with no word of its
// list, on the lists' words, the corpus's lines and sentences, and odd text.
func TestOpeningGuardsSound(t *testing.T) {
	texts := []string{"", " ", "\xff全市", "\r", "2025年", "（2）市级收支。"}
	for _, set := range openingSets {
		for _, w := range set.Words() {
			texts = append(texts, w, w+"，2022年", w[:len(w)-1])
		}
	}
	for _, l := range corpusLines(t) {
		r := []rune(l)
		for _, s := range sentenceStarts(r) {
			texts = append(texts, string(r[s:]))
		}
	}
	for _, s := range texts {
		for _, a := range [][]rune{[]rune(s), append([]rune(s), 0xD800)} {
			for name, set := range openingSets {
				if n := set.PrefixAt(a, 0); n > 0 && !set.MayStartAt(a, 0) {
					t.Fatalf("%q: %s opens with a word of %d runes, which MayStartAt rejects", s, name, n)
				}
			}
		}
	}
}

// TestOpeningGuardsRead: every word of each guarded list, opening a line or sentence,
// still has its effect on the rule that reads it.
func TestOpeningGuardsRead(t *testing.T) {
	for _, w := range vocatives.Words() {
		if p, ok := timeIn([]rune(w+"，2022年，我们"), 2026, true); p != "2022" || !ok {
			t.Errorf("timeIn after vocative %s = %q, %v; want 2022", w, p, ok)
		}
	}
	for _, w := range planLeadIn.Words() {
		l := w + "《中共中央关于制定国民经济和社会发展第十五个五年规划的建议》，我们编制了规划纲要"
		if p, ok := timeIn([]rune(l), 2026, true); p != "2026-2030" || !ok {
			t.Errorf("timeIn(%q) = %q, %v; want 2026-2030", l, p, ok)
		}
	}
	for _, w := range captionOpeners.Words() {
		p := newPassagePass(2025, 2026, -1, OtherGenre)
		line := []rune(w + "1 全市概况。“十四五”时期，全市生产总值增长")
		if ch := p.line(5, line, 0, nil, sentenceBreaks(line)); len(ch) != 0 {
			t.Errorf("caption %s1 read as a passage: %v", w, ch)
		}
	}
	for _, w := range levelWords.Words() {
		var p levelPass
		if got := p.line([]rune("（2）"+w+"收支。一般公共预算收入"), 0); got != w {
			t.Errorf("level of a line opening with %s = %q", w, got)
		}
	}
	for _, w := range wholeAreaWords.Words() {
		p := levelPass{cur: "市级"}
		if got := p.line([]rune(w+"一般公共预算收入"), 0); got != "" {
			t.Errorf("level of a line opening with %s = %q, want the whole area", w, got)
		}
		p = levelPass{cur: "高新区", unitLv: 2}
		if got := p.line([]rune(w+"收支情况"), 3); got != "" {
			t.Errorf("level of a sub-heading opening with %s = %q, want the whole area", w, got)
		}
	}
	for _, w := range forwardOpening.Words() {
		p := forwardPass{docYear: 2026}
		if !p.line([]rune(w+"，我们将继续推进"), 0) {
			t.Errorf("a paragraph opening with %s is not forward", w)
		}
	}
	for _, w := range append(reviewOpening.Words(), yearsPastFive.Words()...) {
		p := forwardPass{docYear: 2026, on: true, level: 2}
		if p.line([]rune(w+"，我们坚持稳中求进"), 0) {
			t.Errorf("a paragraph opening with %s is forward", w)
		}
	}
}

// TestPassageTableLate: passagePass.line asks isTableText only before the line would
// change something; a table's line must still change nothing, whatever it holds (a notes
// heading, a heading's time, sentences opening with times) and whatever the state.
func TestPassageTableLate(t *testing.T) {
	lines := []string{"2022年，全市\t生产总值", "注释\t", "名词解释=", "一、2026年主要任务\t", "过去五年，GDP增长(%)",
		"2025年，增长5%", "各位代表，2025年，全市＝100", "指标\t2025年\t增长", "比上年增长(%)", "（一）2021—2025年=",
		"根据《第十五个五年规划的建议》，\t", "全市。“十四五”时期，\t上年同期=100", "\t2024年，", "“十五五”时期，%"}
	for _, l := range corpusLines(t) {
		// the corpus has no tables: each line made a table's by a cell mark
		r := []rune(l)
		k := min(len(r), 10)
		lines = append(lines, l, string(r[:k])+"\t"+string(r[k:]), l+"＝100")
	}
	tables := 0
	for _, l := range lines {
		raw := []rune(l)
		if !isTableText(cjk.TrimLeft(raw)) {
			continue
		}
		tables++
		for _, lv := range []int{0, 1, 2, 3, HeadingLevel(raw)} {
			for _, start := range []passagePass{
				newPassagePass(2025, 2026, -1, Bulletin),
				{now: 2026, titleLine: -1, period: "2019", stack: []openTime{{2, "2019"}}},
			} {
				p := start.clone()
				if ch := p.line(3, raw, lv, nil, sentenceBreaks(raw)); len(ch) != 0 || p.period != start.period || !slices.Equal(p.stack, start.stack) {
					t.Fatalf("table line %q (level %d) changed the passage: %v, %q, %v", l, lv, ch, p.period, p.stack)
				}
			}
		}
	}
	if tables < 1000 {
		t.Fatalf("only %d table lines", tables)
	}
}
