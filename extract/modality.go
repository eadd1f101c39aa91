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
)

// maxHeadingLen is the longest line still read as a heading (二、2017年主要任务).
const maxHeadingLen = 40

// headingLevel returns the level of a heading line (1 for 一、, 2 for (一), 3 for 1.),
// or 0 when the line is not a heading.
func headingLevel(line []rune) int {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t' || line[i] == '\u3000') {
		i++
	}
	line = line[i:]
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
			return 2
		}
	case units.IsChineseNumeral(line[0]):
		for j < len(line) && units.IsChineseNumeral(line[j]) {
			j++
		}
		if j < len(line) && (line[j] == '、' || line[j] == '.') {
			return 1
		}
	case isDigit(line[0]):
		for j < len(line) && isDigit(line[j]) {
			j++
		}
		if j < len(line) && (line[j] == '.' || line[j] == '、') && j+1 < len(line) && !isDigit(line[j+1]) {
			return 3
		}
	}
	return 0
}

// forwardLines marks the lines of a forward-looking passage: from a heading that announces
// tasks or targets (二、2017年主要任务) to the next heading of the same or a higher level,
// or from a paragraph opening with 下一步 to the next heading. lines are rune offsets of
// line starts in a.
func forwardLines(a []rune, lineStarts []int) []bool {
	fwd := make([]bool, len(lineStarts))
	on, level := false, 0
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
			if i, _ := forwardHeading.IndexIn(line, 0, len(line)); i >= 0 {
				if !on {
					on, level = true, lv // sub-headings of a forward section keep its level
				}
			} else if i, _ := reportHeading.IndexIn(line, 0, len(line)); i >= 0 && lv <= level {
				on = false
			}
		} else if !on {
			t := trimLeft(line)
			if forwardOpening.PrefixAt(t, 0) > 0 {
				on, level = true, 99 // an opening phrase: ends at any heading
			}
		}
		fwd[k] = on
	}
	return fwd
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
func targetScope(a []rune, sen segment.Sentence, ms []mention) []bool {
	out := make([]bool, len(ms))
	for t := sen.Start; t < sen.End; t++ {
		n := targetWordAt(a, t, sen.End)
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

// targetWordAt returns the length of a goal, plan or forecast word at a[t], or 0. Words
// inside titles, words that are parts of other words (主要, 将近, 计划生育) and 计划 used
// as a noun (行动计划。) do not count.
func targetWordAt(a []rune, t, end int) int {
	n := targetBefore.PrefixAt(a, t)
	if n == 0 {
		if a[t] == '到' && t+5 < end {
			if _, yn := yearAt(a, t+1); yn > 0 && a[t+5] == '年' {
				return 5 // 到2020年
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
