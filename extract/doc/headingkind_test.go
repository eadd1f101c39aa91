package doc

import (
	"testing"

	"github.com/policymetrics/policymetrics/extract/internal/cjk"
)

// plainHeadingKind is headingKind as first written: namesPast and mentionsFuture each
// look for the first year at every rune.
func plainHeadingKind(line []rune, docYear int) string {
	namesPast := func() bool {
		if docYear == 0 {
			return false
		}
		for i := range line {
			if y, n := cjk.YearAt(line, i); n > 0 && i+n < len(line) && line[i+n] == '年' {
				return y < docYear
			}
		}
		return false
	}
	mentionsFuture := func() bool {
		if docYear == 0 {
			return false
		}
		for i := range line {
			if y, n := cjk.YearAt(line, i); n > 0 && i+n < len(line) && line[i+n] == '年' {
				return !isFullDate(line, i+n) && y >= docYear
			}
			if IsPlanName(line, i) && PlanStart(line, i) >= docYear {
				return true
			}
		}
		return false
	}
	if namesPast() {
		return "report"
	}
	future := mentionsFuture()
	fk, fn := forwardHeading.LastIndexIn(line, 0, len(line))
	rk, rn := reportHeading.LastIndexIn(line, 0, len(line))
	if rk >= 0 && fk >= 0 && rk+rn > fk+fn && !future {
		return "report"
	}
	if fk >= 0 || future {
		return "forward"
	}
	if rk >= 0 {
		return "report"
	}
	return ""
}

// plainHeadingLevel's title test looks for each sentence mark with cjk.IndexRune.
func plainIsTitle(line []rune) bool {
	line = cjk.TrimLeft(line)
	for len(line) > 0 && (line[len(line)-1] == ' ' || line[len(line)-1] == '\r') {
		line = line[:len(line)-1]
	}
	return len(line) > 0 && len(line) <= maxTitleLen && cjk.HanCount(line) >= 4 && !cjk.IsDigit(line[0]) &&
		cjk.IndexRune(line, 0, len(line), '。', '；', ';', '：', ':', '，', ',', '！', '？', '!', '?') < 0
}

// headingTexts are the corpus's lines and odd headings: years before and after plans,
// full dates, years inside numbers, plans in quotes, sentence marks.
func headingTexts(t *testing.T) []string {
	texts := []string{"", "2026年", "二、2026年主要工作", "三、“十五五”时期和2026年工作", "2025年和“十四五”时期工作回顾",
		"—2026年2月10日在第十四届人民代表大会上", "12026年工作", "20261年", "2026-2030年目标任务", "十四五2024年回顾",
		"（一）十五五规划主要目标", "2026年重点工作情况", "财政重点工作情况", "2027年", "十六五", "十五", "2026", "2026年2月",
		"2026年主要预期目标。", "2026年主要预期目标;", "全市经济运行总体平稳", "经济运行!", "—2026年2月10日“十五五”规划纲要",
		"2026年1月“十六五”", "“十五五”十大工程", "十六五十", "十五五时期十", "十四五和十五五", "十五五和十四五2027年"}
	for _, m := range "。；;：:，,！？!?、.—" {
		texts = append(texts, "全市经济运行"+string(m)+"总体平稳")
	}
	for _, l := range corpusLines(t) {
		if len([]rune(l)) <= 2*maxHeadingLen {
			texts = append(texts, l)
		}
	}
	return texts
}

// TestHeadingKindFirstYear: headingKind, which finds the first year once for both of its
// tests, classifies every heading as the plain one does, in documents of any year.
func TestHeadingKindFirstYear(t *testing.T) {
	for _, l := range headingTexts(t) {
		r := []rune(l)
		for _, year := range []int{0, 2015, 2016, 2021, 2025, 2026, 2027, 2031} {
			if got, want := headingKind(r, year), plainHeadingKind(r, year); got != want {
				t.Fatalf("headingKind(%q, %d) = %q, want %q", l, year, got, want)
			}
		}
	}
}

// TestHeadingLevelTitle: HeadingLevel's test for sentence marks by a RuneSet reads the
// lines that cjk.IndexRune reads as unnumbered titles, and no other.
func TestHeadingLevelTitle(t *testing.T) {
	for _, l := range headingTexts(t) {
		for _, r := range [][]rune{[]rune(l), append([]rune("各位代表来宾"), []rune(l)...), append([]rune(l), 0x10000+'。')} {
			if lv := HeadingLevel(r); lv <= titleLevel && (lv == titleLevel) != plainIsTitle(r) {
				t.Fatalf("HeadingLevel(%q) = %d; the plain title test says %v", string(r), lv, plainIsTitle(r))
			}
		}
	}
}

// TestLoneQuote: a paragraph of a lone opening quote opens with no year or plan: the
// forward pass reads it, in a forward section and after a pending heading, without
// reading past its end.
func TestLoneQuote(t *testing.T) {
	for _, q := range []string{"“", "\""} {
		p := forwardPass{docYear: 2026, on: true, level: 2}
		if !p.line([]rune(q), 0) {
			t.Errorf("%q ends a forward section", q)
		}
		p = forwardPass{docYear: 2026, pendingLevel: 2}
		if p.line([]rune(q), 0) || p.pendingLevel != 0 {
			t.Errorf("%q read as opening a forward section: %+v", q, p)
		}
	}
}
