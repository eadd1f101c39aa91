package doc

import (
	"strings"

	"github.com/policymetrics/policymetrics/extract/internal/cjk"
	"github.com/policymetrics/policymetrics/extract/lexicon"
	"github.com/policymetrics/policymetrics/units"
)

var (
	forwardHeading = lexicon.Get("forward-heading")
	forwardOpening = lexicon.Get("forward-opening")
	reportHeading  = lexicon.Get("report-heading")
	reviewOpening  = lexicon.Get("review-opening")
	notesHeading   = lexicon.Get("notes-heading")
	notesEnd       = lexicon.Get("notes-heading-end")
)

// maxHeadingLen is the longest line still read as a numbered heading (二、2017年主要任务);
// maxTitleLen the longest unnumbered line read as a section title (2026年重点工作).
const (
	maxHeadingLen = 40
	maxTitleLen   = 30
)

// titleLevel is the level of an unnumbered section title: above 一、.
const titleLevel = 1

// PlanYears maps the plan names to their years (“十三五”期间 is 2016-2020).
var PlanYears = map[string]string{
	"十一五": "2006-2010", "十二五": "2011-2015", "十三五": "2016-2020", "十四五": "2021-2025", "十五五": "2026-2030", "十六五": "2031-2035",
}

// HeadingLevel returns the level of a heading line (1 for unnumbered section titles, 2 for
// 一、, 3 for (一), 4 for 1.), or 0 when the line is not a heading.
func HeadingLevel(line []rune) int {
	line = cjk.TrimLeft(line)
	for len(line) > 0 && (line[len(line)-1] == ' ' || line[len(line)-1] == '\r') {
		line = line[:len(line)-1]
	}
	if len(line) == 0 || len(line) > maxHeadingLen {
		return 0
	}
	j := 0
	switch {
	case line[0] == '(' || line[0] == '（':
		j = 1
		for j < len(line) && units.IsChineseNumeral(line[j]) {
			j++
		}
		if j > 1 && j < len(line) && (line[j] == ')' || line[j] == '）') {
			return 3
		}
		k := 1
		for k < len(line) && cjk.IsDigit(line[k]) {
			k++
		}
		if k > 1 && k < len(line) && (line[k] == ')' || line[k] == '）') {
			return 5 // (1) under 1.
		}
	case units.IsChineseNumeral(line[0]):
		for j < len(line) && units.IsChineseNumeral(line[j]) {
			j++
		}
		if j < len(line) && (line[j] == '、' || line[j] == '.') {
			return 2
		}
	case cjk.IsDigit(line[0]):
		for j < len(line) && cjk.IsDigit(line[j]) {
			j++
		}
		if j < len(line) && (line[j] == '.' || line[j] == '、') && j+1 < len(line) && !cjk.IsDigit(line[j+1]) {
			return 4
		}
	}
	// An unnumbered title (2026年重点工作, 2026年省十件民生实事): short, mostly Han, not a
	// sentence. It ranks above numbered headings, which may sit under it.
	if len(line) <= maxTitleLen && cjk.HanCount(line) >= 4 && !cjk.IsDigit(line[0]) &&
		sentenceMarks.IndexIn(line, 0, len(line)) < 0 {
		return titleLevel
	}
	return 0
}

// sentenceMarks are the marks of a sentence, which no unnumbered title holds: one test a
// rune where cjk.IndexRune makes one for each mark, on every short line of a document.
var sentenceMarks = lexicon.FirstRunes(nil, '。', '；', ';', '：', ':', '，', ',', '！', '？', '!', '?')

// forwardPass marks the lines of a forward-looking passage: from a heading that announces
// tasks or targets (二、2017年主要任务), or that names a year or plan period not yet past
// when the document was written (三、2026年主要工作 in a 2026 report), to the next heading
// of the same or a higher level; or from a paragraph opening with 下一步 to the next
// heading. It reads a document line by line, so that a long one can be read in chunks.
type forwardPass struct {
	docYear      int // the year the document was written, 0 when unknown
	on           bool
	level        int
	pendingLevel int // a level-1 heading not yet classified: its first paragraph decides
}

// line reads the next line, whose heading level is lv (HeadingLevel), and reports whether
// it is forward-looking.
func (p *forwardPass) line(line []rune, lv int) bool {
	if lv > 0 {
		wasOn, wasLevel := p.on, p.level
		if p.on && lv <= p.level {
			p.on = false
		}
		switch headingKind(line, p.docYear) {
		case "forward":
			if !p.on {
				p.on, p.level = true, lv // sub-headings of a forward section keep its level
			}
		case "report":
			if lv <= p.level {
				p.on = false
			}
		default:
			if wasOn && lv == 2 && wasLevel == lv && isNumberedHeading(line) {
				// 四、一以贯之转作风…服务型政府 after 三、…2026年工作: a numbered section
				// that names no time goes on from the forward one before it.
				p.on = true
				break
			}
			if !p.on && lv == 2 && len(cjk.TrimLeft(line)) > 2 && isNumberedHeading(line) {
				p.pendingLevel = lv
			}
		}
		return p.on
	}
	t := cjk.TrimLeft(line)
	if len(t) == 0 {
		return p.on
	}
	if isNotesHeading(t) {
		p.on, p.pendingLevel = false, 0
		return false
	}
	if p.pendingLevel > 0 {
		// 二、一张蓝图绘到底…, then “十五五”时期是…: the section is about what is to come.
		if startsWithFuture(t, p.docYear) {
			p.on, p.level = true, p.pendingLevel
		}
		p.pendingLevel = 0
	}
	// The guards before PrefixAt tell most paragraphs, which open with none of these
	// words, without a call.
	if !p.on && forwardOpening.MayStartAt(t, 0) && forwardOpening.PrefixAt(t, 0) > 0 {
		p.on, p.level = true, 99 // an opening phrase: ends at any heading
	}
	if p.on && (reviewOpening.MayStartAt(t, 0) && reviewOpening.PrefixAt(t, 0) > 0 ||
		yearsPastFive.MayStartAt(t, 0) && yearsPastFive.PrefixAt(t, 0) > 0 || startsWithPastPlan(t, p.docYear)) {
		// 过去五年,我们…, “十四五”时期是极不平凡的五年: a review paragraph in a section
		// that also sets the next plan's goals; the section goes on after it
		return false
	}
	return p.on
}

func isNumberedHeading(line []rune) bool {
	t := cjk.TrimLeft(line)
	return len(t) > 0 && (units.IsChineseNumeral(t[0]) || t[0] == '(' || t[0] == '（' || cjk.IsDigit(t[0]))
}

// isNotesHeading reports the line that opens a document's notes (注释, 名词解释:). Only a
// short line can be one: most lines are paragraphs, never converted to a string for this.
func isNotesHeading(t []rune) bool {
	if len(t) > maxNotesTitle || !notesLast.Has(lastUntrimmed(t)) {
		return false // most short lines (headings, table rows) end in no notes word's last rune
	}
	s := strings.TrimRight(string(t), " :：\r")
	return len(t) <= maxNotesHeading && notesHeading.Contains(s) || notesEnd.SuffixOf(s) > 0
}

// notesLast holds the last runes of the notes words: a line that is one, or ends in one,
// ends in one of them once trimmed as isNotesHeading trims it.
var notesLast = lexicon.LastRunes(notesHeading, notesEnd)

// lastUntrimmed returns the last rune of t that isNotesHeading's trim keeps, or -1.
func lastUntrimmed(t []rune) rune {
	for k := len(t) - 1; k >= 0; k-- {
		switch t[k] {
		case ' ', ':', '：', '\r':
		default:
			return t[k]
		}
	}
	return -1
}

// maxNotesHeading is the longest line read as a notes heading (名词注释：), and
// maxNotesTitle the longest that ends in one (《政府工作报告》有关内容名词注释).
const maxNotesHeading, maxNotesTitle = 8, 24

// headingKind classifies a heading as "forward", "report" or "".
func headingKind(line []rune, docYear int) string {
	y, at, n, plan := firstYear(line, docYear) // both tests below read the first year: found once
	if namesPast(docYear, y, at) {
		return "report" // 2025年财政重点工作 in a report of 2026: the work was done
	}
	if mentionsFuture(line, docYear, y, at, n, plan) {
		return "forward" // whatever words it holds: no need to look for them
	}
	fk, fn := forwardHeading.LastIndexIn(line, 0, len(line))
	rk, rn := reportHeading.LastIndexIn(line, 0, len(line))
	if rk >= 0 && fk >= 0 && rk+rn > fk+fn {
		return "report" // 财政重点工作情况: a report on the key work, not the work to do
	}
	if fk >= 0 {
		return "forward"
	}
	if rk >= 0 {
		return "report"
	}
	return ""
}

// firstYear returns the first year of line written as one (2026年), where it starts and
// its length; at is -1 when there is none. plan reports a five-year plan named before it
// (before the end when none) that had not begun by docYear: the same scan finds both.
func firstYear(line []rune, docYear int) (y, at, n int, plan bool) {
	for i, r := range line {
		switch {
		case r == '十':
			plan = plan || IsPlanName(line, i) && PlanStart(line, i) >= docYear
		case cjk.MayStartYear(r):
			if y, n := cjk.YearAt(line, i); n > 0 && i+n < len(line) && line[i+n] == '年' {
				return y, i, n, plan
			}
		}
	}
	return 0, -1, 0, plan
}

// namesPast reports a heading whose first year (y at at: firstYear) is before the
// document was written.
func namesPast(docYear, y, at int) bool {
	return docYear != 0 && at >= 0 && y < docYear
}

// mentionsFuture reports a year (2026年) or a five-year plan (十五五) that had not begun
// before the document was written, in a heading whose first year is y, of n runes at at,
// with plan set when a plan named before it had not begun (firstYear).
func mentionsFuture(line []rune, docYear, y, at, n int, plan bool) bool {
	if docYear == 0 {
		return false
	}
	if plan {
		return true // a plan named before the first year
	}
	if at < 0 {
		return false
	}
	if isFullDate(line, at+n) {
		return false // —2026年2月10日在…会议上: the day it was delivered, no year's work
	}
	return y >= docYear // 2025年和“十四五”时期工作回顾: a review that names the past
}

// startsWithFuture reports a paragraph that opens with a year or plan period still ahead.
func startsWithFuture(t []rune, docYear int) bool {
	if docYear == 0 {
		return false
	}
	i := afterOpeningQuote(t)
	if y, n := cjk.YearAt(t, i); n > 0 {
		return y >= docYear
	}
	return IsPlanName(t, i) && PlanStart(t, i) >= docYear
}

// afterOpeningQuote is where a paragraph's words start past an opening quote (“十五五”).
func afterOpeningQuote(t []rune) int {
	if len(t) > 0 && (t[0] == '“' || t[0] == '"') {
		return 1
	}
	return 0
}

// startsWithPastPlan reports a paragraph that opens with a five-year plan ended before the
// document's year (“十四五”时期是… in a 2026 report): it reviews that plan.
func startsWithPastPlan(t []rune, docYear int) bool {
	i := afterOpeningQuote(t)
	return docYear > 0 && IsPlanName(t, i) && PlanStart(t, i)+5 <= docYear
}

// PlanStart returns the first year of the five-year plan named at a[i].
func PlanStart(a []rune, i int) int {
	y := PlanYears[string(a[i:i+3])]
	n := 0
	for _, c := range y[:4] {
		n = n*10 + int(c-'0')
	}
	return n
}

// WrittenYear estimates when the document was written: the latest year among the full
// dates it carries (2017年7月14日, 发布日期:2017-07-27). 0 when it has none.
func WrittenYear(a []rune) int {
	best := 0
	for i := 0; i+8 <= len(a); i++ {
		if a[i] != '1' && a[i] != '2' {
			continue // no year starts here (YearAt reads 1900–2199): told without a call
		}
		if y, n := cjk.YearAt(a, i); n > 0 && isFullDate(a, i+n) {
			best = max(best, y)
		}
	}
	return best
}

// WrittenYearAt is WrittenYear of a reading only the runes at places: the indexes, in
// order, of every '1' and '2' of a (others may be among them), where a year may start.
func WrittenYearAt(a []rune, places []int) int {
	best := 0
	for _, i := range places {
		if i+8 > len(a) {
			break // as WrittenYear: no date starts this late
		}
		if a[i] != '1' && a[i] != '2' {
			continue
		}
		if y, n := cjk.YearAt(a, i); n > 0 && isFullDate(a, i+n) {
			best = max(best, y)
		}
	}
	return best
}

// IsPlanName reports 十一五…十六五 at a[i] (possibly in quotes).
func IsPlanName(a []rune, i int) bool {
	return i+2 < len(a) && a[i] == '十' && PlanYears[string(a[i:i+3])] != "" // i may be len(a): a lone “ opens nothing
}

// planPass marks every line of a plan forward-looking (its figures are goals), except
// the passages under a heading that reviews what was done (一、发展基础, 2025年工作回顾),
// up to the next heading of the same or a higher level.
type planPass struct {
	docYear int
	report  bool
	level   int
}

// line reads the next line, whose heading level is lv, and reports whether it is
// forward-looking.
func (p *planPass) line(line []rune, lv int) bool {
	if lv > 0 {
		if p.report && lv <= p.level {
			p.report = false
		}
		if !p.report && headingKind(line, p.docYear) == "report" {
			p.report, p.level = true, lv
		}
	}
	return !p.report
}
