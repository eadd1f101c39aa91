package extract

import (
	"github.com/policymetrics/policymetrics/extract/lexicon"
	"github.com/policymetrics/policymetrics/extract/segment"
	"github.com/policymetrics/policymetrics/units"
)

var (
	targetBefore   = lexicon.Get("target-before")
	targetNot      = lexicon.Get("target-not")
	forwardHeading = lexicon.Get("forward-heading")
	forwardOpening = lexicon.Get("forward-opening")
	reportHeading  = lexicon.Get("report-heading")
	willVerbs      = lexicon.Get("will-verbs")
)

// maxHeadingLen is the longest line still read as a numbered heading (二、2017年主要任务);
// maxTitleLen the longest unnumbered line read as a section title (2026年重点工作).
const (
	maxHeadingLen = 40
	maxTitleLen   = 30
)

// headingLevel returns the level of a heading line (1 for unnumbered section titles, 2 for
// 一、, 3 for (一), 4 for 1.), or 0 when the line is not a heading.
func headingLevel(line []rune) int {
	line = trimLeft(line)
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
	case units.IsChineseNumeral(line[0]):
		for j < len(line) && units.IsChineseNumeral(line[j]) {
			j++
		}
		if j < len(line) && (line[j] == '、' || line[j] == '.') {
			return 2
		}
	case isDigit(line[0]):
		for j < len(line) && isDigit(line[j]) {
			j++
		}
		if j < len(line) && (line[j] == '.' || line[j] == '、') && j+1 < len(line) && !isDigit(line[j+1]) {
			return 4
		}
	}
	// An unnumbered title (2026年重点工作, 2026年省十件民生实事): short, mostly Han, not a
	// sentence. It ranks above numbered headings, which may sit under it.
	if len(line) <= maxTitleLen && hanCount(line) >= 4 && !isDigit(line[0]) &&
		indexRune(line, 0, len(line), '。', '；', ';', '：', ':', '，', ',', '！', '？', '!', '?') < 0 {
		return titleLevel
	}
	return 0
}

// titleLevel is the level of an unnumbered section title: above 一、.
const titleLevel = 1

func hanCount(line []rune) int {
	n := 0
	for _, r := range line {
		if isHan(r) {
			n++
		}
	}
	return n
}

// forwardLines marks the lines of a forward-looking passage: from a heading that announces
// tasks or targets (二、2017年主要任务), or that names a year or plan period not yet past
// when the document was written (三、2026年主要工作 in a 2026 report), to the next heading
// of the same or a higher level; or from a paragraph opening with 下一步 to the next
// heading. docYear is the year the document was written, 0 when unknown.
func forwardLines(a []rune, lineStarts []int, docYear int) []bool {
	fwd := make([]bool, len(lineStarts))
	on, level := false, 0
	pendingLevel := 0 // a level-1 heading not yet classified: its first paragraph decides
	for k, s := range lineStarts {
		e := len(a)
		if k+1 < len(lineStarts) {
			e = lineStarts[k+1] - 1
		}
		line := a[s:e]
		if lv := headingLevel(line); lv > 0 {
			if on && lv <= level {
				on = false
			}
			switch headingKind(line, docYear) {
			case "forward":
				if !on {
					on, level = true, lv // sub-headings of a forward section keep its level
				}
			case "report":
				if lv <= level {
					on = false
				}
			default:
				if !on && lv == 2 && len(trimLeft(line)) > 2 && isNumberedHeading(line) {
					pendingLevel = lv
				}
			}
			fwd[k] = on
			continue
		}
		t := trimLeft(line)
		if len(t) == 0 {
			fwd[k] = on
			continue
		}
		if pendingLevel > 0 {
			// 二、一张蓝图绘到底…, then “十五五”时期是…: the section is about what is to come.
			if startsWithFuture(t, docYear) {
				on, level = true, pendingLevel
			}
			pendingLevel = 0
		}
		if !on && forwardOpening.PrefixAt(t, 0) > 0 {
			on, level = true, 99 // an opening phrase: ends at any heading
		}
		fwd[k] = on
	}
	return fwd
}

func isNumberedHeading(line []rune) bool {
	t := trimLeft(line)
	return len(t) > 0 && (units.IsChineseNumeral(t[0]) || t[0] == '(' || t[0] == '（' || isDigit(t[0]))
}

// headingKind classifies a heading as "forward", "report" or "".
func headingKind(line []rune, docYear int) string {
	future := mentionsFuture(line, docYear)
	if i, _ := forwardHeading.IndexIn(line, 0, len(line)); i >= 0 || future {
		return "forward"
	}
	if i, _ := reportHeading.IndexIn(line, 0, len(line)); i >= 0 {
		return "report"
	}
	return ""
}

// mentionsFuture reports a year (2026年) or a five-year plan (十五五) that had not begun
// before the document was written.
func mentionsFuture(line []rune, docYear int) bool {
	if docYear == 0 {
		return false
	}
	for i := range line {
		if y, n := yearAt(line, i); n > 0 && i+n < len(line) && line[i+n] == '年' {
			if y < docYear {
				return false // 2025年和“十四五”时期工作回顾: a review that names the past
			}
			return true
		}
		if isPlanName(line, i) && planStart(line, i) >= docYear {
			return true
		}
	}
	return false
}

// startsWithFuture reports a paragraph that opens with a year or plan period still ahead.
func startsWithFuture(t []rune, docYear int) bool {
	if docYear == 0 {
		return false
	}
	i := 0
	if i < len(t) && (t[i] == '“' || t[i] == '"') {
		i++
	}
	if y, n := yearAt(t, i); n > 0 {
		return y >= docYear
	}
	return isPlanName(t, i) && planStart(t, i) >= docYear
}

// planStart returns the first year of the five-year plan named at a[i].
func planStart(a []rune, i int) int {
	y := fiveYearPlans[string(a[i:i+3])]
	n := 0
	for _, c := range y[:4] {
		n = n*10 + int(c-'0')
	}
	return n
}

// documentYear estimates when the document was written: the latest year among the full
// dates it carries (2017年7月14日, 发布日期:2017-07-27). 0 when it has none.
func documentYear(a []rune) int {
	best := 0
	for i := 0; i+8 <= len(a); i++ {
		y, n := yearAt(a, i)
		if n == 0 {
			continue
		}
		j := i + n
		switch {
		case j < len(a) && a[j] == '年':
			if m, mn := smallInt(a, j+1, 2); mn > 0 && m >= 1 && m <= 12 && j+1+mn < len(a) && a[j+1+mn] == '月' {
				k := j + 2 + mn
				if d, dn := smallInt(a, k, 2); dn > 0 && d >= 1 && d <= 31 && k+dn < len(a) && a[k+dn] == '日' {
					best = max(best, y)
				}
			}
		case j < len(a) && (a[j] == '-' || a[j] == '/' || a[j] == '.'):
			if m, mn := smallInt(a, j+1, 2); mn == 2 && m >= 1 && m <= 12 && j+1+mn < len(a) && a[j+1+mn] == a[j] {
				if d, dn := smallInt(a, j+2+mn, 2); dn == 2 && d >= 1 && d <= 31 {
					best = max(best, y)
				}
			}
		}
	}
	return best
}

func trimLeft(r []rune) []rune {
	for len(r) > 0 && (r[0] == ' ' || r[0] == '\t' || r[0] == '\u3000') {
		r = r[1:]
	}
	return r
}

// targetScope marks the mentions of a sentence that a goal, plan or forecast word governs
// (力争, 预计, 计划, 到2020年): those after the word in the first clause holding one, or,
// when a colon introduces them (主要预期目标是：…), all after it in the sentence.
func targetScope(a []rune, sen segment.Sentence, ms []mention, docYear int) []bool {
	out := make([]bool, len(ms))
	for t := sen.Start; t < sen.End; t++ {
		n := targetWordAt(a, t, sen.End, docYear)
		if n == 0 {
			continue
		}
		first := -1
		for k := range ms {
			if ms[k].Start >= t+n {
				first = k
				break
			}
		}
		if first < 0 {
			break
		}
		tc := clauseSpan(sen, t)
		if ms[first].Start >= tc.End && !introClause(a, t+n, tc.End) {
			t += n - 1
			continue // 营养改善计划提质扩面,新增…: the word's own clause says what is planned
		}
		scopeEnd := clauseSpan(sen, ms[first].Start).End
		if k := indexRune(a, t+n, ms[first].Start, ':', '：'); k >= 0 {
			scopeEnd = sen.End
		}
		for k := first; k < len(ms) && ms[k].Start < scopeEnd; k++ {
			out[k] = true
		}
		t += n - 1
	}
	return out
}

// introClause reports a clause that, after its goal word, holds nothing but a time or a
// colon (力争到2025年, / 预计, / 目标是:), so the goal carries to the next clause.
func introClause(a []rune, from, to int) bool {
	k := from
	for k < to {
		if te, ok := timePrefix(a, k, to); ok {
			k = te
			continue
		}
		if n := targetBefore.PrefixAt(a, k); n > 0 {
			k += n
			continue
		}
		if a[k] == '到' || a[k] == '在' || a[k] == '是' || a[k] == '为' || a[k] == ':' || a[k] == '：' || a[k] == ' ' {
			k++
			continue
		}
		break
	}
	return k >= to
}

// targetWordAt returns the length of a goal, plan or forecast word at a[t], or 0. Words
// inside titles, words that are parts of other words (主要, 将近, 计划生育) and 计划 used
// as a noun (行动计划。) do not count.
func targetWordAt(a []rune, t, end, docYear int) int {
	n := targetBefore.PrefixAt(a, t)
	if n == 0 {
		if a[t] == '到' && t+5 < end {
			if y, yn := yearAt(a, t+1); yn > 0 && a[t+5] == '年' && (docYear == 0 || y >= docYear) {
				return 6 // 到2020年, unless that year is already past (到2025年底 in a 2026 report)
			}
		}
		return 0
	}
	if coveredBy(targetNot, a, t, t+n) || inQuotes(a, t, t+n, titleQuotes, 0) {
		return 0
	}
	if t+n < end && nounFollower(a[t+n]) && (a[t] == '计' || a[t] == '目') {
		return 0 // 三年行动计划, 的目标: a noun, not "plans to"
	}
	if t+n < end && a[t] == '计' && a[t+n] == '项' {
		return 0 // 科技计划项目: a noun
	}
	if n == 1 && a[t] == '将' && willVerbs.PrefixAt(a, t+1) == 0 {
		return 0 // 将8个公司运营的基金整合为…: 将 as 把, not "will"
	}
	return n
}

func nounFollower(r rune) bool {
	switch r {
	case ',', '，', '。', '、', ';', '；', '的', '和', '及', '与', '》', ')', '）', '”':
		return true
	}
	return false
}

func indexRune(a []rune, from, to int, rs ...rune) int {
	for k := from; k < to; k++ {
		for _, r := range rs {
			if a[k] == r {
				return k
			}
		}
	}
	return -1
}
