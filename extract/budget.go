package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/policymetrics/policymetrics/extract/concept"
	"github.com/policymetrics/policymetrics/extract/doc"
	"github.com/policymetrics/policymetrics/extract/internal/cjk"
	"github.com/policymetrics/policymetrics/extract/lexicon"
)

// Budget and subsidy phrasing (budget reports, policy notices): rates against a budget,
// and the caps of subsidy rules.

var (
	budgetRatio  = lexicon.Get("budget-ratio")
	capWords     = lexicon.Get("caps")
	subsidyNouns = lexicon.Get("subsidy-nouns")
	perRecipient = lexicon.Get("per-recipient")

	budgetLevels      = lexicon.Get("budget-levels")
	fiscalConcepts    = lexicon.Get("fiscal-concepts")
	wholeArea         = lexicon.Get("whole-area")
	verbOnly          = lexicon.Get("verb-only-indicators")
	outturnWords      = lexicon.Get("outturn-words")
	purposeVerbs      = lexicon.Get("purpose-verbs")
	asideOpeners      = lexicon.Get("aside-openers")
	comparisonOpeners = lexicon.Get("comparison-openers")
	budgetAccounts    = lexicon.Get("budget-accounts")
	bareAccountItems  = lexicon.Get("bare-account-items")
	budgetStages      = lexicon.Get("budget-stage-suffixes")
	adjustVerbs       = lexicon.Get("adjust-verbs")
	adjustmentVerbs   = lexicon.Get("budget-adjustment-verbs")
)

// maxCapReach is how far before a number a cap word may stand with "X的" between
// (不超过项目投资额的30%).
const maxCapReach = 14

// againstBudget reports a rate stated against a budget (完成预算的100.5%).
func againstBudget(a []rune, start int) bool {
	for start > 0 && a[start-1] == ' ' {
		start-- // 完成调整预算 85.7%: a PDF's gap before a figure
	}
	if budgetRatio.SuffixBefore(a, start) > 0 {
		return true
	}
	// 为年初预算1,067,400万元的101.2%: the budget's amount stated before its 的.
	if start < 2 || a[start-1] != '的' {
		return false
	}
	k := start - 1
	for k > 0 && strings.ContainsRune("0123456789,.，万亿元 ", a[k-1]) {
		k--
	}
	if k == start-1 || !cjk.IsDigit(a[k]) {
		return false
	}
	return budgetRatio.SuffixOf(string(a[max(0, k-maxBudgetRatio):k])+"的") > 0
}

// maxBudgetRatio is the longest budget-ratio word before its 的 (完成调整后预算).
const maxBudgetRatio = 8

// capBefore returns where a cap word governing the number at a[start] begins, or -1: right
// before it (最高1000万元), before a subsidy verb (最高奖补500万元), or before a base of the
// rate (不超过项目投资额的30%). lb bounds the search (the clause or the previous number).
// qs is where a qualifier touching the number starts (units.QualifierBefore(a, start)).
func capBefore(a []rune, lb, start, qs int) int {
	if n := capWords.SuffixBefore(a, start); n > 0 {
		return start - n // 最高1000万元 (最高 is also the mention's qualifier)
	}
	// Past the qualifier (start when none: then asked above).
	k := qs
	if k != start {
		if n := capWords.SuffixBefore(a, k); n > 0 {
			return k - n
		}
	}
	if n := boundVerbs.SuffixBefore(a, k); n > 0 {
		if m := capWords.SuffixBefore(a, k-n); m > 0 {
			return k - n - m
		}
	}
	if k > lb && a[k-1] == '的' {
		for j := k - 2; j >= max(lb, k-maxCapReach); j-- {
			if isPunctBreak(a[j]) {
				break
			}
			if n := capWords.SuffixBefore(a, j+1); n > 0 {
				return j + 1 - n
			}
		}
	}
	return -1
}

// capIndicator is what a capped amount measures: the part of the indicator after the cap
// word (企业最高奖补 → 奖补), or, when it names only the recipient (单个企业最高1000万元),
// the subsidy the sentence named before it (…给予补助,单个企业… → 补助).
func capIndicator(a []rune, senStart, start int, indicator string) string {
	for _, w := range capWords.Words() {
		if i := strings.LastIndex(indicator, w); i >= 0 && i+len(w) < len(indicator) {
			return indicator[i+len(w):]
		}
	}
	if perRecipient.Contains(indicator) {
		if k, n := subsidyNouns.LastIndexIn(a, senStart, start); k >= 0 {
			return string(a[k : k+n])
		}
	}
	return indicator
}

// budgetLevel returns the level of a budget a figure belongs to (市级, 市本级) when the
// paragraph, before the figure, names one after any word of the whole area (全市), or
// when it names neither and its passage is about a level: the level's figures are not the
// area's own. before is what the line says ahead of lineStart, when the text read starts
// inside it (a chunk of a long line).
func budgetLevel(a []rune, lineStart, start int, concept, passageLevel string, before lineLevel) string {
	if !fiscalConcepts.MayStart(concept) || fiscalConcepts.PrefixOf(concept) == 0 {
		return "" // only the figures a budget is made of have levels
	}
	k, n := budgetLevels.LastIndexIn(a, lineStart, start)
	if k < 0 {
		if w, _ := wholeArea.LastIndexIn(a, lineStart, start); w >= 0 {
			return ""
		}
		switch { // what the line said before a chunk that starts inside it
		case before.whole:
			return ""
		case before.level != "":
			return before.level
		}
		return passageLevel // (2)市级收支。 a paragraph before: its level goes on
	}
	if w, _ := wholeArea.LastIndexIn(a, k+n, start); w >= 0 {
		return ""
	}
	return string(a[k : k+n])
}

// lineLevel is what a line says of the budget level before some place (budgetLevel):
// the level it names last, or that a word of the whole area follows any level (whole).
type lineLevel struct {
	level string
	whole bool
}

// lineLevelIn is what a[from:to] says of the budget level, on from what before says of
// the line before it.
func lineLevelIn(a []rune, from, to int, before lineLevel) lineLevel {
	k, n := budgetLevels.LastIndexIn(a, from, to)
	w, _ := wholeArea.LastIndexIn(a, max(from, k+n), to)
	switch {
	case w >= 0:
		return lineLevel{whole: true}
	case k >= 0:
		return lineLevel{level: string(a[k : k+n])}
	}
	return before
}

// withoutBudgetStage cuts the stage of a budget off an item's name (一般公共预算收入年初预算合计
// → 一般公共预算收入): the figure is the item's, budgeted, not an item of its own. ok is false
// when the name holds no stage or nothing is left of it.
func withoutBudgetStage(indicator string) (string, bool) {
	if budgetStages.MayEnd(indicator) { // most names end with a rune no stage ends with
		if n := budgetStages.SuffixOf(indicator); n > 0 && utf8.RuneCountInString(indicator[:len(indicator)-n]) >= 2 {
			return indicator[:len(indicator)-n], true
		}
	}
	// 一般公共预算收入调整为290.95亿元, 支出调整为631.54亿元: 调整 after an account's item
	// (not 支持…优化调整, a use).
	if name, found := strings.CutSuffix(indicator, "调整"); found && accountItemEnd(name) {
		return name, true
	}
	return indicator, false
}

// accountItemEnd reports a name that ends with an item of a budget's account (收入, 支出,
// 支出预算).
func accountItemEnd(name string) bool {
	name = strings.TrimSuffix(name, "预算")
	return bareAccountItems.MayEnd(name) && bareAccountItems.SuffixOf(name) > 0
}

// budgetItself reports an indicator that names the budget of an account's item (支出预算,
// 收入预算): its figure is planned, whatever section it stands in.
func budgetItself(indicator string) bool {
	name, ok := strings.CutSuffix(indicator, "预算")
	return ok && accountItemEnd(name)
}

// approvedBudget reports an indicator whose clause says a congress approved it (市十二届
// 人大三次会议批准的…预算收入): a budget, not its outturn.
func approvedBudget(indicator string) bool {
	// 批准 before the last 的: looked for first, for few names hold it.
	i := strings.Index(indicator, "批准")
	return i >= 0 && strings.Contains(indicator[i+len("批准"):], "的")
}

// adjustedTo reports a figure a budget was adjusted to in a clause that names no item of
// its own (执行中经各级人代会批准调整为2366949万元): a new level of the item the sentence
// is about. qs is where a qualifier touching the number starts (units.QualifierBefore(a, start)).
func adjustedTo(a []rune, lb, start, qs int) bool {
	if qs >= lb {
		start = qs
	}
	n := adjustmentVerbs.SuffixBeforeFrom(a, start, lb)
	if n == 0 {
		return false
	}
	// 支出调整为631.54亿元: the clause names its own item.
	k, _ := bareAccountItems.IndexIn(a, lb, start-n)
	return k < 0
}

// maxHeadingRunes is the longest line read as a heading whose budget account a bare 收入
// or 支出 of the paragraph after it may take ((一)一般公共预算执行情况).
const maxHeadingRunes = 40

// accountConcept is the concept of a bare 收入 or 支出 that opens its clause (支出完成
// 300.55亿元) in a paragraph that named its budget account before (全市一般公共预算收入完成
// 148.21亿元…), or whose heading did: the account's 收入 or 支出. "" for any other
// indicator, for one inside the clause (…安排的支出: a part), for a total (收入总计: the
// account and its transfers), in a sentence of parts (其中:养老保险基金收入9.5亿元,支出9.1亿元),
// or with no account.
func accountConcept(list *concept.List, d *doc.Document, line, senFrom, clauseFrom, start int, indicator string) string {
	if !bareAccountItems.MayStart(indicator) || !bareAccountItems.Contains(indicator) {
		return ""
	}
	a := d.Text.Runes
	is, ie := locate(a, clauseFrom, start, indicator)
	if is < 0 || trimPhrase(a, phrase{clauseFrom, is}).len() > 0 || cjk.IndexRune(a, ie, start, '计') >= 0 ||
		lastIndexWord(a, []rune("其中"), senFrom, is) >= 0 {
		return ""
	}
	from := d.LineStarts[line]
	k, n := budgetAccounts.LastIndexIn(a, from, is)
	if k < 0 && line > 0 && from-d.LineStarts[line-1] <= maxHeadingRunes {
		k, n = budgetAccounts.LastIndexIn(a, d.LineStarts[line-1], from)
	}
	if k < 0 {
		return ""
	}
	c, _ := list.Match(string(a[k:k+n])+indicator, "")
	return c
}

// splitLevel cuts a budget level off the front of an indicator (市本级一般公共预算支出 →
// 市本级, 一般公共预算支出), or returns "".
func splitLevel(indicator string) (string, string) {
	if !budgetLevels.MayStart(indicator) {
		return "", indicator
	}
	if n := budgetLevels.PrefixOf(indicator); n > 0 && n < len(indicator) {
		return indicator[:n], indicator[n:]
	}
	return "", indicator
}

// asidePlace returns the place a bracketed aside names before the number at a[start]
// ((不含辽滨经开区36.4亿元): 辽滨经开区), or "": the amount is that place's share of the
// item the sentence measured before the bracket.
func asidePlace(a []rune, from, start int) string {
	open := asideOpen(a, from, start)
	if open < 0 {
		return ""
	}
	n := asideOpeners.PrefixAt(a, open+1)
	if n == 0 || open+1+n >= start {
		return ""
	}
	place, rest := concept.StripPlace(string(a[open+1+n:start]) + "。")
	if place == "" || rest != "。" {
		return ""
	}
	return place
}

// asideOpen returns the open bracket within maxCapReach runes before a[start], and after
// from, that no bracket closes before it; -1 when there is none.
func asideOpen(a []rune, from, start int) int {
	open := lastBracket(a, max(from, start-maxCapReach), start)
	if open < 0 || a[open] == ')' || a[open] == '）' {
		return -1
	}
	return open
}

// lastBracket returns the last of a[from:to] that is a parenthesis, open or closing, half
// or full width, or -1. It is asked before every figure and seldom finds one, so each rune
// gets one test: the four ('(' 0x28, ')' 0x29, '（' 0xFF08, '）' 0xFF09) differ only in
// the bits of 0xFF21, and the few other runes that agree with them outside those bits (丈
// U+4E08) are told by a second test.
func lastBracket(a []rune, from, to int) int {
	from = max(from, 0)
	if from >= to {
		return -1
	}
	s := a[from:to]
	for k := len(s) - 1; k >= 0; k-- {
		if r := s[k]; r&^0xFF21 == 0x08 && (r&^1 == '(' || r&^1 == '（') {
			return from + k
		}
	}
	return -1
}

// startsComparison reports an indicator that opens with a comparison word (比“十三五”时期).
// Most indicators start with no opener's first rune: told without a look at the words.
func startsComparison(indicator string) bool {
	return comparisonOpeners.MayStart(indicator) && comparisonOpeners.PrefixOf(indicator) > 0
}

// outturnOf is the item whose outturn a figure named only by an outturn word (实际完成) is,
// when the figure before was that item's budget (支出预算 → 支出); "" otherwise.
func outturnOf(word, prevIndicator string) string {
	if !outturnWords.Contains(word) || !budgetItself(prevIndicator) {
		return ""
	}
	return strings.TrimSuffix(prevIndicator, "预算")
}

// approvedItem is the budget an approving relative clause introduces (批准的支出预算 →
// 支出预算), when what follows the clause is the budget of an account's item; else "".
func approvedItem(indicator string) string {
	if !approvedBudget(indicator) {
		return ""
	}
	rs := []rune(indicator[strings.LastIndex(indicator, "的")+len("的"):])
	name := text(rs, trimPhrase(rs, phrase{0, len(rs)})) // 批准的2025年支出预算: no time
	if !budgetItself(name) {
		return ""
	}
	return name
}
