package extract

import (
	"unicode/utf8"

	"github.com/policymetrics/policymetrics/extract/lexicon"
)

var (
	increaseWords  = lexicon.Get("change-increase")
	decreaseWords  = lexicon.Get("change-decrease")
	increaseDirect = lexicon.Get("change-increase-direct")
	decreaseDirect = lexicon.Get("change-decrease-direct")
	levelSuffix    = lexicon.Get("change-level-suffix")
	changeNot      = lexicon.Get("change-not")
	comparison     = lexicon.Get("comparison")
	directOnly     = lexicon.Get("change-direct-only")

	comparisonStarts = lexicon.FirstRunes([]*lexicon.Set{comparison})
	changeEnds       = lexicon.LastRunes(increaseWords, decreaseWords)
	changeWordRunes  = pairedRunes(increaseWords, decreaseWords)
	changeNotGuard   = newCoverGuard(changeNot, increaseWords, decreaseWords)
)

// pairedRunes is lexicon.Runes(sets...) for sets whose words all have two runes or more, as
// the scans reading every other rune need; it panics otherwise.
func pairedRunes(sets ...*lexicon.Set) *lexicon.RuneSet {
	for _, s := range sets {
		for _, w := range s.Words() {
			if utf8.RuneCountInString(w) < 2 {
				panic("extract: a one-rune word in a list read by every other rune: " + w)
			}
		}
	}
	return lexicon.Runes(sets...)
}

// changeWindow is how far before a number a change word may stand and still govern it
// (净增高新技术企业2823家 has the word nine characters away).
const changeWindow = 16

// changeOf says whether the mention starting at a[start] states a change of its
// indicator: the nearest change word before it, after the previous number of its clause
// (增长, 下降, 新增, 淘汰…), unless that word sets a new level (增至, 提高到) or the number
// is a gap to a reference (增速高于全国0.5个百分点). qs is where a qualifier touching the
// number starts (units.QualifierBefore(a, start), start when none), which the caller reads too.
func changeOf(a []rune, clauseFrom, start, qs int) string {
	kind := changeBefore(a, clauseFrom, start, qs)
	// A comparison word anywhere before the number overrules the rest, which is asked
	// first: most numbers have no change word, and the scan of the clause is then saved.
	if kind != "" {
		if k, _ := indexWordIn(comparison, comparisonStarts, a, clauseFrom, start); k >= 0 {
			return "" // 高于全市工业平均增速1.2个百分点: a gap, whatever the words
		}
	}
	return kind
}

// changeBefore is changeOf without its comparison rule.
func changeBefore(a []rune, clauseFrom, start, qs int) string {
	// Qualifiers touching the number (超, 约, 不少于) sit between the word and the number.
	numStart := start
	if qs < start && qs >= clauseFrom {
		numStart = qs
	}
	if comparedBefore(a, clauseFrom, numStart) {
		return "" // 增速比全市平均水平高2.2个百分点: a gap, not a change
	}
	// Single characters count only right before the number: 增8.1%, 降5%.
	if numStart > 0 && (increaseDirect.MayEndWith(a[numStart-1]) || decreaseDirect.MayEndWith(a[numStart-1])) {
		if increaseDirect.SuffixBefore(a, numStart) > 0 && levelSuffix.PrefixAt(a, numStart) == 0 {
			return "increase"
		}
		if decreaseDirect.SuffixBefore(a, numStart) > 0 {
			return "decrease"
		}
	}
	// Every change word has two runes or more (changeWordRunes): a rune at q that no word
	// holds rules out the words ending at q+1 and at q+2, so every other rune is read.
	from := max(clauseFrom, numStart-changeWindow)
	for q := numStart - 2; q >= from; q -= 2 {
		if !changeWordRunes.Has(a[q]) {
			continue // most runes: told without a call
		}
		for e := q + 2; e > q; e-- {
			if !changeEnds.Has(a[e-1]) {
				continue // no change word ends here: told without a call
			}
			if kind, ok := changeEndingAt(a, from, e, numStart); ok {
				return kind
			}
		}
	}
	return ""
}

// changeKinds are the word lists changeBefore reads, with what each states.
var changeKinds = [...]struct {
	set  *lexicon.Set
	kind string
}{{increaseWords, "increase"}, {decreaseWords, "decrease"}}

// changeEndingAt is changeBefore's answer for a change word ending at a[e-1] and starting at
// or after from; ok is false when no word ends there or the one that does is not counted.
func changeEndingAt(a []rune, from, e, numStart int) (kind string, ok bool) {
	r := a[e-1]
	for _, w := range changeKinds {
		if !w.set.MayEndWith(r) {
			continue
		}
		n := w.set.SuffixBefore(a, e)
		if n == 0 || e-n < from || changeNotGuard.mayCover(a, e-n, e) && coveredBy(changeNot, a, e-n, e) {
			continue
		}
		if levelSuffix.PrefixAt(a, e) > 0 {
			return "", true // 增至, 提高到: a new level
		}
		if e < numStart && directOnly.IsWordAt(a, e-n, e) {
			return "", true // 改善提升绿水长廊1000公里: an upgrade of a thing, not a change of it
		}
		if n := listBreaks.SuffixBeforeFrom(a, numStart, e); n > 0 && a[numStart-1] != '等' {
			return "", true // 提升质量品牌技术创新项目和|4个: the word belongs to the item before
		}
		if e < numStart && attributive(a, e, numStart) {
			return "", true // 对经济增长的贡献率分别为14.2%, 降幅较大的5048种商品: the word describes a noun
		}
		return w.kind, true
	}
	return "", false
}

// indexWordIn is set.IndexIn(a, from, to), passing over the runes no word starts with
// (starts: the set's first runes) in a tight loop before it asks the word list: most
// clauses a mention is asked about hold none of its words.
func indexWordIn(set *lexicon.Set, starts *lexicon.RuneSet, a []rune, from, to int) (int, int) {
	if k := starts.IndexIn(a, from, to); k >= 0 {
		return set.IndexIn(a, k, to)
	}
	return -1, 0
}

// coveredBy reports whether a word of set covers a[s:e] (增加 inside 增加值).
func coveredBy(set *lexicon.Set, a []rune, s, e int) bool {
	for from := max(0, s-3); from <= s; from++ {
		if !set.MayStartAt(a, from) {
			continue // no word starts here (most runes): told without a call
		}
		if n := set.PrefixAt(a, from); n > 0 && from+n >= e {
			return true
		}
	}
	return false
}

// coverGuard is a first test before coveredBy(set, a, s, e) for a[s:e] a word of inner
// lists: a longer word of set covering it holds the rune before s or the one at e, so when
// set's words hold neither rune, no call is needed (most words found: 增长 before a number).
type coverGuard struct {
	runes *lexicon.RuneSet // every rune of set's words
	equal bool             // a word of inner is a word of set: it covers itself, only coveredBy tells
}

func newCoverGuard(set *lexicon.Set, inner ...*lexicon.Set) *coverGuard {
	g := &coverGuard{runes: lexicon.Runes(set)}
	for _, in := range inner {
		for _, w := range in.Words() {
			g.equal = g.equal || set.Contains(w)
		}
	}
	return g
}

// mayCover is false when no word of the guard's set covers a[s:e], for 0 ≤ s < e ≤ len(a).
func (g *coverGuard) mayCover(a []rune, s, e int) bool {
	return g.equal || s > 0 && g.runes.Has(a[s-1]) || e < len(a) && g.runes.Has(a[e])
}

// attributive reports a 的 in a[e:numStart], between a change word and its number: the word
// then qualifies a noun (经济增长的贡献率, 关税降幅较大的5048种商品), and the number is no
// change. A 的 after a year or level word (增长到2025年的4.93万亿元) never gets here: those
// are levels already.
func attributive(a []rune, e, numStart int) bool {
	for k := e; k < numStart; k++ {
		if a[k] == '的' {
			return true
		}
	}
	return false
}

// comparedBefore reports a bare comparative right before the number after 比 or 较 in its
// clause (比上年高0.2个百分点, 较全省快1.5个百分点): the number is a gap to the reference.
// 提高, 降低 and the other change words ending so are not bare.
func comparedBefore(a []rune, clauseFrom, numStart int) bool {
	k := numStart - 1
	if k <= clauseFrom {
		return false
	}
	switch a[k] {
	case '高', '低', '快', '慢':
	default:
		return false
	}
	switch a[k-1] {
	case '提', '降', '减', '升', '增', '最', '较':
		return false
	}
	for j := k - 1; j >= clauseFrom; j-- {
		if a[j] == '比' || a[j] == '较' {
			return true
		}
	}
	return false
}
