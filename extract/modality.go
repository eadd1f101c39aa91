package extract

import (
	"github.com/policymetrics/policymetrics/extract/internal/cjk"
	"github.com/policymetrics/policymetrics/extract/lexicon"
	"github.com/policymetrics/policymetrics/extract/segment"
)

var (
	targetBefore  = lexicon.Get("target-before")
	forecastWords = lexicon.Get("forecast-words")
	targetNot     = lexicon.Get("target-not")
	willVerbs     = lexicon.Get("will-verbs")

	// targetStarts are the runes a target word (targetWordAt) may start with.
	targetStarts = lexicon.FirstRunes([]*lexicon.Set{targetBefore}, '到')
)

// targetScope marks the mentions of a sentence that a goal, plan or forecast word governs
// (力争, 预计, 计划, 到2020年): those after the word in the first clause holding one, or,
// when a colon introduces them (主要预期目标是：…), all after it in the sentence. starts
// are the sentence's runes a goal word may start at (targetStarts), in text order (timeExprs).
func targetScope(a []rune, sen segment.Sentence, ms []mention, docYear int, starts []int) []bool {
	out := make([]bool, len(ms))
	if len(ms) == 0 {
		return out
	}
	// A word governs mentions after it only: none starts at or after the last one's start.
	last := ms[len(ms)-1].Start
	j := 0
	for t := sen.Start; t < last; t++ {
		for j < len(starts) && starts[j] < t {
			j++
		}
		if j == len(starts) || starts[j] >= last {
			break
		}
		t = starts[j]
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
		if k := cjk.IndexRune(a, t+n, ms[first].Start, ':', '：'); k >= 0 {
			scopeEnd = sen.End
		} else if forecastWords.PrefixAt(a, t) > 0 {
			scopeEnd = forecastEnd(a, sen, ms, scopeEnd)
		}
		for k := first; k < len(ms) && ms[k].Start < scopeEnd; k++ {
			out[k] = true
		}
		t += n - 1
	}
	return out
}

// lazyTargets is targetScope for a sentence, found at the first figure that asks: a
// forward line, a budget stage or a year ahead already make most figures targets, and a
// base figure none, so many sentences never need it.
type lazyTargets struct{ scope []bool }

// of reports whether mention i of the sentence is in a goal word's scope.
func (t *lazyTargets) of(a []rune, sen segment.Sentence, ms []mention, docYear int, starts []int, i int) bool {
	if t.scope == nil {
		t.scope = targetScope(a, sen, ms, docYear, starts)
	}
	return t.scope[i]
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

// forecastEnd extends a forecast over the clauses after its own that only go on with it
// (预计完成207亿元左右,同比增长3.2%左右; 预计…收入174.1亿元,支出141.8亿元,本年收支结余
// 32.3亿元): a noun or a change word, then a number. A clause with a verb of its own
// (…,完成18.1万千瓦电机改造) or a semicolon ends it.
func forecastEnd(a []rune, sen segment.Sentence, ms []mention, end int) int {
	for end < sen.End && a[end] != ';' && a[end] != '；' {
		c := clauseSpan(sen, end+1)
		if c.Start <= end {
			break
		}
		k := 0
		for k < len(ms) && ms[k].Start < c.Start {
			k++
		}
		if k == len(ms) || ms[k].Start >= c.End {
			break // no number in it
		}
		if v, _ := verbsObject.IndexIn(a, c.Start, ms[k].Start); v >= 0 {
			break
		}
		end = c.End
	}
	return end
}

// targetWordAt returns the length of a goal, plan or forecast word at a[t], or 0. Words
// inside titles, words that are parts of other words (主要, 将近, 计划生育) and 计划 used
// as a noun (行动计划。) do not count.
func targetWordAt(a []rune, t, end, docYear int) int {
	n := targetBefore.PrefixAt(a, t)
	if n == 0 {
		if a[t] == '到' && t+5 < end {
			if y, yn := cjk.YearAt(a, t+1); yn > 0 && a[t+5] == '年' && (docYear == 0 || y >= docYear) {
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
