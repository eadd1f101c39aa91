package extract

import (
	"fmt"
	"github.com/policymetrics/policymetrics/extract/doc"
	"github.com/policymetrics/policymetrics/extract/internal/cjk"
	"math/bits"
	"sort"
	"strconv"
	"strings"

	"github.com/policymetrics/policymetrics/extract/lexicon"
	"github.com/policymetrics/policymetrics/units"
)

var (
	yearThis        = lexicon.Get("year-this")
	yearThisPassage = lexicon.Get("year-this-passage")
	stockNouns      = lexicon.Get("stock-nouns")
	yearLast        = lexicon.Get("year-last")
	yearNext        = lexicon.Get("year-next")
	yearsPastFive   = lexicon.Get("years-past-five")
	yearPart        = lexicon.Get("year-part")
	nowWords        = lexicon.Get("now")
	levelVerbs      = lexicon.Get("level-verbs")
	recipients      = lexicon.Get("rate-recipients")
	standardBefore  = lexicon.Get("standard-before")
	carryover       = lexicon.Get("carryover")
	spanOpeners     = lexicon.Get("span-openers")
	changeAfterSpan = lexicon.Get("change-after-span")
	startLevel      = lexicon.Get("start-level")
	cumulative      = lexicon.Get("cumulative")
	timeOpeners     = lexicon.Get("time-openers")
	steadyLevel     = lexicon.Get("steady-level")
	averageWords    = lexicon.Get("average-words")
	recurring       = lexicon.Get("recurring")
	baselineBefore  = lexicon.Get("baseline-before")
	priceBaseAfter  = lexicon.Get("price-base-after")
	yearNameAfter   = lexicon.Get("year-name-after")
	periodReset     = lexicon.Get("period-reset")
	planPeriodAfter = lexicon.Get("plan-period-after")
	planEndAfter    = lexicon.Get("plan-end-after")
)

// timeExpr is a time a sentence states: a year, a year range, a month, or a list of years
// (2021、2022年).
type timeExpr struct {
	start, end int      // span in the analysis text
	values     []string // one period per listed year; a single value otherwise
	baseline   bool     // a reference (较2020年), not a period, unless it owns a number (2020年的3.68万亿元)
	forward    bool     // a span counted back before its change (5年提升10.6个百分点): it frames what follows only
}

// timeContext is what relative time words resolve against (SPEC.md §5 rule 2): the
// document's year and the time of the passage the sentence stands in.
type timeContext struct {
	year    int    // the document's own year, 0 when it states none
	passage string // "2025", "2021-2025" or ""
}

// passageYear is the year a part of a year (全年, 12月份) belongs to, and the last year
// of a span counted back (近五年累计…): the passage's year, or the last of a past
// passage's years, else the document's.
func (tc timeContext) passageYear() int {
	if len(tc.passage) == 4 {
		y, _ := strconv.Atoi(tc.passage)
		return y
	}
	if len(tc.passage) == 9 {
		// The review of 2021-2025 in a 2026 report ends in 2025; the plan for 2026-2030
		// begins with the document's own year.
		if y, _ := strconv.Atoi(tc.passage[5:]); y > 0 && y < tc.year {
			return y
		}
	}
	return tc.year
}

// relativeAt reads a relative time word at a[i] (今年, 去年, 过去五年, 全年, 12月份,
// 目前) and resolves it; a word after 比/较/同 (比上年增长) is a baseline and is skipped.
func relativeAt(a []rune, i, to int, tc timeContext) (timeExpr, bool) {
	if tc.year == 0 || !mayStartRelative(a[i]) || baselineBefore.SuffixBefore(a, i) > 0 {
		return timeExpr{}, false
	}
	one := func(n, y int) (timeExpr, bool) {
		if y == 0 {
			return timeExpr{}, false
		}
		return timeExpr{start: i, end: i + n, values: []string{strconv.Itoa(y)}}, true
	}
	if n, k := spanBack(a, i, to); k > 0 {
		if y := tc.passageYear(); y > 0 && n > 1 {
			return timeExpr{start: i, end: i + k, values: []string{fmt.Sprintf("%d-%d", y-n+1, y)}, forward: true}, true
		}
		return timeExpr{}, false
	}
	if m, n := monthAt(a, i, to); n > 0 {
		if y := tc.passageYear(); y > 0 {
			return timeExpr{start: i, end: i + n, values: []string{fmt.Sprintf("%d-%02d", y, m)}}, true
		}
		return timeExpr{}, false
	}
	if !relativeWordStarts.Has(a[i]) {
		return timeExpr{}, false // a digit or a numeral: no relative word starts here
	}
	switch {
	case yearsPastFive.PrefixAt(a, i) > 0:
		n := yearsPastFive.PrefixAt(a, i)
		return timeExpr{start: i, end: i + n, values: []string{fmt.Sprintf("%d-%d", tc.year-5, tc.year-1)}}, true
	case yearThisPassage.PrefixAt(a, i) > 0:
		return one(yearThisPassage.PrefixAt(a, i), tc.passageYear()) // 本年收支结余 in the execution of 2025
	case yearThis.PrefixAt(a, i) > 0:
		return one(yearThis.PrefixAt(a, i), tc.year)
	case yearLast.PrefixAt(a, i) > 0:
		n := yearLast.PrefixAt(a, i)
		if carryoverAfter(a, i+n, to) {
			return timeExpr{}, false // 上年结余, 上年专项政策性结转: a line of the budget's account, no time
		}
		return one(n, tc.year-1)
	case yearNext.PrefixAt(a, i) > 0:
		return one(yearNext.PrefixAt(a, i), tc.year+1)
	case yearPart.PrefixAt(a, i) > 0:
		return one(yearPart.PrefixAt(a, i), tc.passageYear())
	case nowWords.PrefixAt(a, i) > 0:
		return one(nowWords.PrefixAt(a, i), tc.passageYear())
	}
	return timeExpr{}, false
}

// maxCarryoverGap is how many characters may qualify a carryover after 上年 (上年专项政策性
// 结转使用).
const maxCarryoverGap = 6

// carryoverAfter reports a budget carryover word (结余, 结转) at a[i] or a few characters
// after it, within the same clause.
func carryoverAfter(a []rune, i, to int) bool {
	for k := i; k < min(to, i+maxCarryoverGap+1); k++ {
		if carryover.PrefixAt(a, k) > 0 {
			return true
		}
		if isPunctBreak(a[k]) || units.MayStartNumber(a[k]) && units.NumberStartsAt(a, k) {
			return false
		}
	}
	return false
}

// planStartLevel is the period of the first number of 从X增长到Y in the review of a plan
// period (the year before it began), whatever years the sentence named before for other
// figures; "" elsewhere. A year that owns the number (从2020年的X) decides by itself.
func planStartLevel(a []rune, passage string, start int) string {
	if len(passage) != 9 || start == 0 || a[start-1] == '的' || startLevel.SuffixBefore(a, start) == 0 {
		return ""
	}
	y, _ := strconv.Atoi(passage[:4])
	return strconv.Itoa(y - 1)
}

// isRecurring reports an amount stated per year or month (每年近300余人, 每月2次): it has
// no period of its own (SPEC.md §5 rule 4). q and qs are units.QualifierBefore(a, start),
// which the caller reads too.
func isRecurring(a []rune, start int, q units.Qualifier, qs int) bool {
	if q != units.NoQualifier {
		start = qs
	}
	k := ratePrefixStart(a, start)
	if k == start {
		return false
	}
	// 提高至每人每月190元, 低保标准每人每月877元, 由每人每年94元提高至99元: a standard set
	// or reached is a level of the passage's year; 按每孩每年3600元的标准发放 is the rule.
	return !(levelVerbs.SuffixBefore(a, k) > 0 || standardBefore.SuffixBefore(a, k) > 0)
}

// ratePrefixStart returns where the words stating a figure per year or month begin right
// before a[start] (每人每月190元 → 每人), or start when there are none.
func ratePrefixStart(a []rune, start int) int {
	if start <= 0 || start > len(a) || !recurring.MayEndWith(a[start-1]) {
		return start // most figures: told without a call
	}
	n := recurring.SuffixBefore(a, start)
	if n == 0 {
		return start
	}
	k := start - n
	return k - recipients.SuffixBefore(a, k)
}

// relativeWordStarts are the first runes of relativeAt's word lists; listStarts adds
// those of spanOpeners, and relativeFirst the digits and numerals a count of years or a
// month starts with: most characters of a text start none, and these reject them before
// any word list is looked at.
var (
	relativeWordStarts = lexicon.FirstRunes([]*lexicon.Set{yearThis, yearLast, yearNext, yearsPastFive, yearPart, nowWords})
	listStarts         = lexicon.FirstRunes([]*lexicon.Set{yearThis, yearLast, yearNext, yearsPastFive, yearPart, nowWords, spanOpeners})
	relativeFirst      = lexicon.FirstRunes([]*lexicon.Set{yearThis, yearLast, yearNext, yearsPastFive, yearPart, nowWords, spanOpeners},
		[]rune("0123456789十一二两三四五六七八九")...)
	// timeOrGoalFirst adds the first runes of goal words (targetStarts).
	timeOrGoalFirst = lexicon.FirstRunes([]*lexicon.Set{yearThis, yearLast, yearNext, yearsPastFive, yearPart, nowWords, spanOpeners, targetBefore},
		[]rune("0123456789十一二两三四五六七八九到")...)
	listOpenings = wordOpenings(yearThis, yearLast, yearNext, yearsPastFive, yearPart, nowWords, spanOpeners)
)

// openings holds the first two runes of words, hashed into a bitmap, and the first runes
// of one-rune words: whether a word may start at a[i] is told from a[i] and a[i+1] without
// a call. Hash collisions only let a few more places through to the word lists.
type openings struct {
	pairs  [1 << 16 / 64]uint64
	single *lexicon.RuneSet
}

func wordOpenings(sets ...*lexicon.Set) *openings {
	o := new(openings)
	var single []rune
	for _, s := range sets {
		for _, w := range s.Words() {
			rs := []rune(w)
			if len(rs) == 1 {
				single = append(single, rs[0])
				continue
			}
			h := pairHash(rs[0], rs[1])
			o.pairs[h/64] |= 1 << (h % 64)
		}
	}
	o.single = lexicon.FirstRunes(nil, single...)
	return o
}

func pairHash(r0, r1 rune) uint32 { return (uint32(r0)*31 + uint32(r1)) & (1<<16 - 1) }

// mayStartAt reports whether a word of the sets may start at a[i].
func (o *openings) mayStartAt(a []rune, i int) bool {
	return o.pairAt(a, i) || o.single.Has(a[i])
}

// pairAt reports whether a word of two runes or more may start at a[i].
func (o *openings) pairAt(a []rune, i int) bool {
	if i+1 < len(a) {
		h := pairHash(a[i], a[i+1])
		return o.pairs[h/64]&(1<<(h%64)) != 0
	}
	return false
}

func mayStartRelative(r rune) bool {
	return relativeFirst.Has(r)
}

// nextTimeOrGoalStart is nextTimeStart that stops at a rune a goal word starts with too
// (timeExprs notes those for targetScope: one scan of the sentence serves both), and only
// where timeExprs may read something: a goal word, a year (1/2 and three more digits), a
// plan name (十), a count of years or a month (年 or 月 within two runes: yearOrMonthSoon),
// or a relative word by its first two runes (listOpenings). Most digits and numerals of a
// sentence start a number, no time, and are passed over here rather than tried one by one
// there. One table look a rune (timeStops), eight runes a step, passes over the runes
// that start nothing and tells what the rune alone settles. A digit that may start no year
// is found from the 年 or 月 after it (countBefore), so that the digits of most numbers
// pass like Han characters; a goal word's first rune that starts no time (力争, 目标) is
// noted in goals and passed over, as timeExprs would do, without a return to it.
func nextTimeOrGoalStart(a []rune, i, to int, goals *[]int) int {
	// Eight runes a step, their bytes of timeStops packed into one word, as in
	// nextNumberStart: a stop that settles nothing goes on to the next stop of the word.
	// w keeps more than eight runes while it steps (the last eight or fewer are read
	// apart), so that a step needs no guard against a pointer past the end.
	for w := a[i:to]; ; w = w[8:] {
		var x uint64
		if len(w) > 8 {
			t := &timeStops
			x = uint64(t[uint16(w[0])]) | uint64(t[uint16(w[1])])<<8 | uint64(t[uint16(w[2])])<<16 | uint64(t[uint16(w[3])])<<24 |
				uint64(t[uint16(w[4])])<<32 | uint64(t[uint16(w[5])])<<40 | uint64(t[uint16(w[6])])<<48 | uint64(t[uint16(w[7])])<<56
		} else {
			x = stopWordTail(&timeStops, w)
		}
		for x != 0 {
			at := bits.TrailingZeros64(x) / 8
			stop := uint8(x >> (at * 8))
			x &^= 0xff << (at * 8)
			k := to - len(w) + at
			if uint32(a[k]) >= 0x10000 {
				continue // past the plane: its low bits looked up a rune of the plane
			}
			if stop&timeCountEnd != 0 {
				if c := countBefore(a, i, k, to); c >= 0 {
					return c
				}
				if stop&timeFirst == 0 {
					continue
				}
			}
			switch {
			case stop&timeGoal != 0:
				*goals = append(*goals, k)
			case stop&timeSure != 0:
				return k
			case stop&timeInNumber != 0 && k > 0 && cjk.IsDigit(a[k-1]):
				continue
			case stop&timeYear != 0 && k+3 < len(a) && cjk.IsDigit(a[k+3]):
				return k
			case stop&timeInNumber != 0: // no list word starts with a digit
				if countAt(a, k, to) {
					return k
				}
			case yearOrMonthSoon(a, k, to), listOpenings.pairAt(a, k):
				return k
			}
		}
		if len(w) <= 8 {
			return to
		}
	}
}

// countBefore returns the first digit, at i or after, of a count of years or a month whose
// 年 or 月 is a[j] (5年, 12月份; not the 5 of 2025年, inside a number), or -1.
func countBefore(a []rune, i, j, to int) int {
	for x := max(i, j-2); x < j; x++ {
		if cjk.IsDigit(a[x]) && !(x > 0 && cjk.IsDigit(a[x-1])) && countAt(a, x, to) {
			return x
		}
	}
	return -1
}

// countAt reports one or two digits at a[i] followed by 年 or 月, the only counts of years
// (spanBack) and months (monthAt) relativeAt reads: a digit starts no other time word.
func countAt(a []rune, i, to int) bool {
	return i+1 < to && (isYearOrMonth(a[i+1]) || cjk.IsDigit(a[i+1]) && i+2 < to && isYearOrMonth(a[i+2]))
}

// Bits of timeStops.
const (
	timeFirst    = 1 << iota // a first rune of the time and goal words, a digit a year may start with, or a numeral
	timeSure                 // one that is a stop whatever follows: a goal word's that may start a time, a one-rune word's, 十
	timeInNumber             // a digit that starts nothing after a digit: no list word starts with it
	timeYear                 // a digit a year may start with
	timeCountEnd             // 年 or 月: a digit one or two runes before it may start a count (countBefore)
	timeGoal                 // a goal word's first rune that starts no time: noted, no stop
)

// timeStops tells the runes of the Basic Multilingual Plane nextTimeOrGoalStart stops at.
var timeStops = makeTimeStops()

func makeTimeStops() (t [0x10000]uint8) {
	// Only 年, 月 and timeOrGoalFirst's runes have bits: not a sweep of the plane, which a
	// run started once per file would pay at every start.
	for _, r := range timeOrGoalFirst.AppendRunes([]rune{'年', '月'}) {
		t[r] = timeStopOf(r)
	}
	return t
}

// timeStopOf is r's byte of timeStops.
func timeStopOf(r rune) uint8 {
	var b uint8
	if isYearOrMonth(r) {
		b = timeCountEnd
	}
	if !timeOrGoalFirst.Has(r) {
		return b
	}
	if cjk.IsDigit(r) && !cjk.MayStartYear(r) && !listStarts.Has(r) && !targetStarts.Has(r) {
		return b // 0, 3-9: countBefore finds those that start a count
	}
	b |= timeFirst
	if targetStarts.Has(r) && !relativeFirst.Has(r) {
		b |= timeGoal // timeExprs reads no time at it (timeMayStart)
	} else if targetStarts.Has(r) || r == '十' || listOpenings.single.Has(r) {
		b |= timeSure
	} else if cjk.IsDigit(r) && !listStarts.Has(r) {
		b |= timeInNumber
	}
	if cjk.MayStartYear(r) {
		b |= timeYear
	}
	return b
}

// timeMayStart is nextTimeStart's test of a[i].
func timeMayStart(a []rune, i int) bool {
	r := a[i]
	return mayStartRelative(r) && !(cjk.IsDigit(r) && i > 0 && cjk.IsDigit(a[i-1]) && !listStarts.Has(r))
}

// passOver moves timeExprs' scan from a[i] past a time read up to end, noting the runes
// in it a goal word starts with: it returns end's index less one, as the loop goes on.
func passOver(a []rune, i, end int, goals []int) (int, []int) {
	for k := i + 1; k < end; k++ {
		if targetStarts.Has(a[k]) {
			goals = append(goals, k)
		}
	}
	return end - 1, goals
}

// nextTimeStart returns the first k in [i, to) at which a time may start, or to: most
// runes of a text start none (a year starts with a digit, a plan name with 十), nor does a
// digit inside a number (2025, 0.37). Its own loop, with no call in it, keeps the scan in
// registers.
func nextTimeStart(a []rune, i, to int) int {
	for ; i < to; i++ {
		r := a[i]
		if !mayStartRelative(r) {
			continue
		}
		if cjk.IsDigit(r) && i > 0 && cjk.IsDigit(a[i-1]) && !listStarts.Has(r) {
			continue
		}
		return i
	}
	return to
}

// yearOrMonthSoon and listOpenings tell whether relativeAt may read a time at a[i], a rune
// of relativeFirst: a count of years or a month (5年, 十二年, 12月份) has its 年 or 月 within
// the two runes after it, or a word of its lists may start there by its first two runes
// (全年, not 全市). Most digits, numerals and first runes of a text are neither, and are
// told without a call.
func yearOrMonthSoon(a []rune, i, to int) bool {
	return i+1 < to && isYearOrMonth(a[i+1]) || i+2 < to && isYearOrMonth(a[i+2])
}

func isYearOrMonth(r rune) bool { return r == '年' || r == '月' }

// hasStated reports a time among exprs that is not a baseline.
func hasStated(exprs []timeExpr) bool {
	for _, e := range exprs {
		if !e.baseline {
			return true
		}
	}
	return false
}

// spanBack reads a number of years ending with the passage's year, stated before the change
// over them (五年增长30.8%, 近3年提升21个百分点, 过去三年累计): it returns the years and the
// runes read. 连续5年 (a duration) and 5年内 (a deadline) are not such spans.
func spanBack(a []rune, i, to int) (int, int) {
	if r := a[i]; !cjk.IsDigit(r) && yearDigit(r) == 0 && r != '十' && spanOpeners.PrefixAt(a, i) == 0 {
		return 0, 0 // the common case: no span starts here
	}
	j := i
	if n := spanOpeners.PrefixAt(a, j); n > 0 {
		j += n
	} else if i > 0 && (a[i-1] == '连' || a[i-1] == '续' || a[i-1] == '.' || cjk.IsDigit(a[i-1]) || cjk.IsASCIILetter(a[i-1]) || units.IsChineseNumeral(a[i-1])) {
		return 0, 0 // 连续5年; PM10年累计平均浓度, PM2.5年…: a name's digits, no span
	}
	years, n := smallYears(a, j)
	if n == 0 || j+n >= to || a[j+n] != '年' {
		return 0, 0
	}
	k := j + n + 1
	if k < to && a[k] == '来' {
		k++
	}
	if changeAfterSpan.PrefixAt(a, k) == 0 {
		return 0, 0
	}
	return years, k - i
}

// smallYears reads a count of years from 2 to 20 at a[j] (3, 五, 十, 十二), in digits or
// Chinese.
func smallYears(a []rune, j int) (int, int) {
	if v, n := cjk.SmallInt(a, j, 2); n > 0 {
		return v, n
	}
	d := func(k int) int {
		if k < len(a) {
			return yearDigit(a[k])
		}
		return 0
	}
	switch {
	case j < len(a) && a[j] == '十':
		if v := d(j + 1); v > 0 && v < 10 {
			return 10 + v, 2 // 十二
		}
		return 10, 1
	case d(j) >= 2 && d(j) < 10 && j+1 < len(a) && a[j+1] == '十':
		return d(j) * 10, 2 // 二十
	case d(j) >= 2 && d(j) < 10:
		return d(j), 1
	}
	return 0, 0
}

// yearDigit is the value of a Chinese digit a count of years is written with, or 0 (a
// switch: it is asked at most characters of a sentence with a number).
func yearDigit(r rune) int {
	switch r {
	case '一':
		return 1
	case '二', '两':
		return 2
	case '三':
		return 3
	case '四':
		return 4
	case '五':
		return 5
	case '六':
		return 6
	case '七':
		return 7
	case '八':
		return 8
	case '九':
		return 9
	}
	return 0
}

// monthAt reads a month without a year (12月份, 12月末, 11月底; not 12月5日, a date), or a
// range of months (1-9月) which is the year, at a[i].
func monthAt(a []rune, i, to int) (int, int) {
	if i > 0 && (cjk.IsDigit(a[i-1]) || a[i-1] == '年') {
		return 0, 0
	}
	m, n := cjk.SmallInt(a, i, 2)
	if n == 0 || m < 1 || m > 12 || i+n >= to || a[i+n] != '月' {
		return 0, 0
	}
	j := i + n + 1
	if j < to && (a[j] == '份' || a[j] == '末' || a[j] == '底') {
		return m, j + 1 - i
	}
	return 0, 0
}

// timeExprs finds the periods stated in a[from:to], relative words resolved by tc. Years
// that are baselines (较2020年) or inside titles (《…(2016-2018)》) are left out. It also
// returns, appended to goals[:0], the runes a goal word may start at (targetStarts):
// targetScope's scan of the same runes, done while reading them.
func timeExprs(a []rune, from, to int, tc timeContext, goals []int) ([]timeExpr, []int) {
	var out []timeExpr
	var frames frameMemo // insideFrame(a, from, i) for the years in order: the sentence read once
	goals = goals[:0]
	for i := from; i < to; i++ {
		if i = nextTimeOrGoalStart(a, i, to, &goals); i == to {
			break
		}
		r := a[i]
		if targetStarts.Has(r) {
			goals = append(goals, i)
			if !timeMayStart(a, i) {
				continue
			}
		}
		if yearOrMonthSoon(a, i, to) || listOpenings.mayStartAt(a, i) {
			if te, ok := relativeAt(a, i, to, tc); ok {
				// 2016年全年: a part of a year stated before belongs to that year; 上年不变价
				// is a base of prices.
				if !(yearPart.PrefixAt(a, i) > 0 && hasStated(out)) && priceBaseAfter.PrefixAt(a, te.end) == 0 {
					out = append(out, te)
				}
				i, goals = passOver(a, i, te.end, goals)
				continue
			}
		}
		if i+3 < to && doc.IsPlanName(a, i) {
			if te, ok := planPeriod(a, i, to); ok {
				te.baseline = isBaseline(a, i)
				out = append(out, te)
				i, goals = passOver(a, i, te.end, goals)
			}
			continue
		}
		if !cjk.MayStartYear(r) {
			continue // no year (1900-2199) starts here: told without a call
		}
		y, n := cjk.YearAt(a, i)
		if n == 0 {
			continue
		}
		te, ok := yearExpr(a, i, to, y, n)
		if !ok {
			i, goals = passOver(a, i, i+n, goals)
			continue
		}
		if inQuotes(a, i, te.end, titleQuotes, 0) {
			i, goals = passOver(a, i, te.end, goals)
			continue
		}
		te.baseline = isBaseline(a, i) && !isRangeFrom(a, i, te) || priceBaseAfter.PrefixAt(a, te.end) > 0 || yearNameAfter.PrefixAt(a, te.end) > 0 || frames.before(a, from, i).inside(a)
		out = append(out, te)
		i, goals = passOver(a, i, te.end, goals)
	}
	return out, goals
}

// isBaseline reports a time that is a reference, not the period: after 较/比/与 or a
// comparison word (较“十三五”末增长36.2%, 快于2024年1.8个百分点).
func isBaseline(a []rune, i int) bool {
	if i > 0 && (a[i-1] == '“' || a[i-1] == '"') {
		i--
	}
	return baselineBefore.SuffixBefore(a, i) > 0 || comparison.SuffixBefore(a, i) > 0
}

// isRangeFrom tells 从2017年到2020年 (a range) from 从2020年的82.4岁 (a baseline).
func isRangeFrom(a []rune, i int, te timeExpr) bool {
	return i > 0 && a[i-1] == '从' && len(te.values) == 1 && len(te.values[0]) == 9
}

// yearExpr reads what follows a year: 年, a range (2014-2016年, 2017年到2020年,
// 2016-2017年度), a month (2021年10月底), or a list (2021、2022年).
func yearExpr(a []rune, i, to, y, n int) (timeExpr, bool) {
	j := i + n
	// A list of years sharing one 年: 2021、2022年.
	if j < to && a[j] == '、' {
		years := []int{y}
		k := j
		for k < to && a[k] == '、' {
			y2, n2 := cjk.YearAt(a, k+1)
			if n2 == 0 {
				break
			}
			years = append(years, y2)
			k += 1 + n2
		}
		if len(years) > 1 && k < to && a[k] == '年' {
			te := timeExpr{start: i, end: k + 1}
			for _, yy := range years {
				te.values = append(te.values, strconv.Itoa(yy))
			}
			return te, true
		}
	}
	// A range written before 年: 2014-2016年, 2016—2017年度, 2014至2016年.
	if j < to && isRangeSep(a[j]) {
		if y2, n2 := cjk.YearAt(a, j+1); n2 > 0 && y2 > y && j+1+n2 < to && a[j+1+n2] == '年' {
			return timeExpr{start: i, end: j + 2 + n2, values: []string{fmt.Sprintf("%d-%d", y, y2)}}, true
		}
	}
	if j >= to || a[j] != '年' {
		return timeExpr{}, false
	}
	j++
	// A range written with 年 on both ends: 2017年到2020年, 2014年至2016年.
	if j < to && (a[j] == '到' || a[j] == '至' || isRangeSep(a[j])) {
		if y2, n2 := cjk.YearAt(a, j+1); n2 > 0 && y2 > y && j+1+n2 < to && a[j+1+n2] == '年' {
			return timeExpr{start: i, end: j + 2 + n2, values: []string{fmt.Sprintf("%d-%d", y, y2)}}, true
		}
	}
	// A month: 2021年10月, 2021年10月底.
	if m, n2 := cjk.SmallInt(a, j, 2); n2 > 0 && m >= 1 && m <= 12 && j+n2 < to && a[j+n2] == '月' {
		return timeExpr{start: i, end: j + n2 + 1, values: []string{fmt.Sprintf("%d-%02d", y, m)}}, true
	}
	if cm, n2 := chineseMonth(a, j); n2 > 0 {
		return timeExpr{start: i, end: j + n2 + 1, values: []string{fmt.Sprintf("%d-%02d", y, cm)}}, true
	}
	return timeExpr{start: i, end: j, values: []string{strconv.Itoa(y)}}, true
}

// passagePeriod is the period of a mention whose sentence states no time (SPEC.md §5 rule
// 3): the passage's. In the review of a plan period (2021-2025), totals, averages and
// changes over it (累计, 年均, 增长) take the range, and a level the period ends at takes its
// last year. q and qs are units.QualifierBefore(a, start), which the caller reads too.
func passagePeriod(a []rune, passage string, clauseFrom, start int, q units.Qualifier, qs int, change string, level bool) string {
	if isRecurring(a, start, q, qs) {
		return ""
	}
	k := ratePrefixStart(a, start) // 提高到每月815元: the verb before the rate's words
	if k != start {
		_, qs = units.QualifierBefore(a, k)
	}
	// A qualifier that is itself a level verb (突破1万公里) states the level reached.
	reached := false
	if qs < k {
		reached = levelVerbs.SuffixBefore(a, k) > 0
		k = qs
	}
	if len(passage) == 4 {
		if startLevel.SuffixBefore(a, k) > 0 && change == "" {
			y, _ := strconv.Atoi(passage)
			return strconv.Itoa(y - 1) // 从39个拓展到91个 in the review of a year: 39 was last year's
		}
		return passage
	}
	if len(passage) != 9 {
		return passage
	}
	switch {
	case startLevel.SuffixBefore(a, k) > 0:
		y, _ := strconv.Atoi(passage[:4])
		return strconv.Itoa(y - 1) // 从0.94万家增加到…: the level the period started from
	case change == "" && (reached || level || levelVerbs.SuffixBefore(a, k) > 0):
		// A level reached (达到6.66万亿元, 突破1万公里) and a share or a rate (优质鲜切花占比60%,
		// 化解率99.95%: never a total) are the level the period ends at, unless the words
		// sum or average it over the period (累计突破9千亿元, 年均) or hold a rate through it
		// (占比稳定在80%, 保持100%; not 水土保持率: the word must touch the number).
		if i, _ := cumulative.IndexIn(a, clauseFrom, k); i >= 0 {
			return passage
		}
		if level && steadyLevel.SuffixBefore(a, k) > 0 {
			return passage
		}
		return passage[5:]
	}
	return passage
}

// averageSpan is the period of an annual average change (年均增长3.5%) that follows a
// from-to of two stated years in its sentence (从2020年的168.4亿元提高到2025年的200.1
// 亿元): the years after the first up to the second. "" when the clause has no 年均 or
// the sentence states fewer than two years before it. memo, asked for a sentence's
// figures in order, reads the clause for 年均 and the years before the figure once.
func averageSpan(exprs []timeExpr, a []rune, clauseFrom, start int, memo *averageMemo) string {
	if !memo.seen.in(averageWords, a, clauseFrom, start) {
		return ""
	}
	lo, hi := memo.years(exprs, endingBy(exprs, start))
	if lo == 0 || hi-lo < 2 {
		return "" // one year, or two in a row: no span to average over
	}
	return fmt.Sprintf("%d-%d", lo+1, hi)
}

// averageMemo is what averageSpan has read of a sentence: whether a clause holds 年均, and
// the least and greatest single stated years of exprs[:n] (0, 0: none).
type averageMemo struct {
	seen      wordSeen
	n, lo, hi int
}

// years returns the least and greatest single stated years of exprs[:by].
func (m *averageMemo) years(exprs []timeExpr, by int) (lo, hi int) {
	if by < m.n {
		m.n, m.lo, m.hi = 0, 0, 0
	}
	for ; m.n < by; m.n++ {
		e := exprs[m.n]
		if len(e.values) != 1 || len(e.values[0]) != 4 {
			continue
		}
		y, err := strconv.Atoi(e.values[0])
		if err != nil {
			continue
		}
		if m.lo == 0 || y < m.lo {
			m.lo = y
		}
		m.hi = max(m.hi, y)
	}
	return m.lo, m.hi
}

// cumulativeSpan is the period of a total over the years (累计完成672亿元) in the review of
// one year when its sentence goes on from one stated year to another (从2020年的110.4亿元
// 增加到2025年的155.2亿元): the years after the first up to the second, the span the total
// sums. "" when the clause has no word of a total before the figure, or no such from-to
// follows it.
func cumulativeSpan(exprs []timeExpr, a []rune, clauseFrom, start, end int) string {
	lo, hi := 0, 0
	for _, e := range exprs {
		if e.start < end || len(e.values) != 1 || len(e.values[0]) != 4 {
			continue
		}
		y, err := strconv.Atoi(e.values[0])
		if err != nil {
			continue
		}
		if lo == 0 {
			if e.start == 0 || (a[e.start-1] != '从' && a[e.start-1] != '由') {
				return "" // the first year after the figure opens no from-to
			}
			lo = y
			continue
		}
		hi = y
		break
	}
	if lo == 0 || hi-lo < 2 {
		return "" // most figures: no from-to after them, told without a look at the clause
	}
	if k, n := cumulative.IndexIn(a, clauseFrom, start); k < 0 || averageWords.PrefixAt(a, k) == n {
		return "" // 年均 is an average: averageSpan's
	}
	return fmt.Sprintf("%d-%d", lo+1, hi)
}

// timeInSpan reports a time expression within a[from:to].
func timeInSpan(exprs []timeExpr, from, to int) bool {
	for _, e := range exprs {
		if e.start >= from && e.end <= to {
			return true
		}
	}
	return false
}

// chineseMonth reads 十月 / 十二月 / 三月 at a[j].
func chineseMonth(a []rune, j int) (int, int) {
	for n := 3; n >= 1; n-- {
		if j+n < len(a) && a[j+n] == '月' {
			if q, err := units.Parse(string(a[j : j+n])); err == nil && q.Unit == "" {
				if v, ok := q.Value.Int64(); ok && v >= 1 && v <= 12 {
					return int(v), n
				}
			}
		}
	}
	return 0, 0
}

func isRangeSep(r rune) bool {
	switch r {
	case '-', '－', '—', '–', '~', '～', '〜', '至':
		return true
	}
	return false
}

// planPeriod reads “十三五”期间 / 十四五以来 / 十四五时期 as a year range and “十三五”末 as
// its last year; a plan name
// followed by anything else (“十四五”规划) is a title, not a period.
func planPeriod(a []rune, i, to int) (timeExpr, bool) {
	years := doc.PlanYears[string(a[i:i+3])]
	j := i + 3
	if j < to && (a[j] == '”' || a[j] == '"' || a[j] == '’') {
		j++
	}
	if n := planPeriodAfter.PrefixAt(a, j); n > 0 && j+n <= to {
		return timeExpr{start: i, end: j + n, values: []string{years}}, true
	}
	if n := planEndAfter.PrefixAt(a, j); n > 0 && j+n <= to {
		return timeExpr{start: i, end: j + n, values: []string{years[5:]}}, true // “十三五”末: 2020
	}
	return timeExpr{}, false
}

// periodOf returns the period of the mention at a[start:end] in the sentence a[sFrom:sTo]
// whose clause is a[cFrom:cTo]: the nearest time stated before it in the sentence, unless
// a relative time word (目前, 今年) comes between; otherwise a time stated after it in the
// same clause (7家企业入选2022年…项目). idx is the mention's position in a list that shares
// a list of years (2021、2022年分别支持21、44项). stated is false when the sentence says
// nothing of the mention's time, so that its passage's time applies (SPEC.md §5 rule 3).
func periodOf(exprs []timeExpr, a []rune, start, end, cTo int, idx int, multiple bool) (period string, stated bool) {
	var best *timeExpr
	// The expressions come in text order, one after another (timeExprs): those ending by
	// the number are a prefix, found by a search rather than by reading all of a sentence's
	// at each of its figures (a sentence of n years and figures cost n²).
	by := endingBy(exprs, start)
	// A year that owns the number (从2020年的3.68万亿元) is its period, baseline or not;
	// not a multiple of it (是2020年的1.1倍: 2020 is what it is compared with).
	for k := by - 1; k >= 0 && exprs[k].end+1 >= start && !multiple; k-- {
		if exprs[k].end+1 == start && a[exprs[k].end] == '的' {
			return pick(exprs[k].values, 0), true
		}
	}
	for k := by - 1; k >= 0; k-- {
		if multiple && exprs[k].end+1 == start && a[exprs[k].end] == '的' {
			continue // 为“十三五”时期的2.2倍: the time a multiple is of is its base
		}
		if exprs[k].end <= start && !exprs[k].baseline && !asideClosed(a, exprs[k].end, start) {
			if !opensClause(a, exprs[k].start) && cjk.IndexRune(a, exprs[k].end, start, ';', '；') >= 0 {
				continue // 主要是部分国企2024年利润收入好于预期;加中央转移支付收入1.0亿元: a time inside a clause's words ends with it
			}
			best = &exprs[k]
			break
		}
	}
	if best != nil {
		for from := best.end; ; {
			k, n := periodReset.IndexIn(a, from, start)
			if k < 0 {
				break
			}
			if baselineBefore.SuffixBefore(a, k) == 0 {
				return "", true // …于2021年10月启用,此后…: the time stated no longer holds
			}
			from = k + n // 全年…,较去年减少27.1%: a baseline, not a new time
		}
		if p, ok := fromToEnd(a, best, start); ok {
			return p, true
		}
		return pick(best.values, idx), true
	}
	for k := sort.Search(len(exprs), func(k int) bool { return exprs[k].start >= end }); k < len(exprs) && exprs[k].end <= cTo; k++ {
		if !exprs[k].baseline && !exprs[k].forward && !ownsNumber(a, exprs[k]) {
			return pick(exprs[k].values, 0), true
		}
	}
	return "", false
}

// endingBy is how many of exprs, in text order, end at or before i.
func endingBy(exprs []timeExpr, i int) int {
	return sort.Search(len(exprs), func(k int) bool { return exprs[k].end > i })
}

// wordSeen tells whether a set holds a word in a[from:to], asked with one from and a
// growing to (the figures of a clause, in order): each rune is read about once, not again
// from the clause's start at every figure.
type wordSeen struct {
	set      *lexicon.Set
	longest  int // the set's longest word, in runes
	from, to int
	found    bool
}

func (w *wordSeen) in(set *lexicon.Set, a []rune, from, to int) bool {
	switch {
	case w.set != set || w.from != from || to < w.to:
		longest := w.longest
		if w.set != set {
			longest = maxRunes(set.Words())
		}
		k, _ := set.IndexIn(a, from, to)
		*w = wordSeen{set: set, longest: longest, from: from, to: to, found: k >= 0}
	case !w.found && to > w.to:
		// A word not in a[from:w.to] ends after w.to: it starts at most its length before.
		k, _ := set.IndexIn(a, max(from, w.to+1-w.longest), to)
		w.found, w.to = k >= 0, to
	}
	return w.found
}

// opensClause reports a time expression at a[i] that opens its clause (2025年,…; …;全年…):
// what it says goes on over the clauses after it. A time inside a clause's words (部分国企
// 2024年利润收入) qualifies them only.
func opensClause(a []rune, i int) bool {
	for i > 0 && (a[i-1] == '“' || a[i-1] == '"') {
		i-- // “十四五”期间,…
	}
	if n := timeOpeners.SuffixBefore(a, i); n > 0 {
		i -= n // 截至2026年1月底,…
	}
	return i == 0 || strings.ContainsRune(",，;；。:：\n", a[i-1])
}

// fromToEnd dates the ends of a change stated over a range of years (2020年到2025年,…比重
// 从17.9%提升到35.5%): the level after 从/由 is the first year's, the level reached the last
// year's. ok is false for any other figure.
func fromToEnd(a []rune, te *timeExpr, start int) (string, bool) {
	if len(te.values) != 1 || len(te.values[0]) != 9 || te.forward {
		return "", false
	}
	k := start
	if _, qs := units.QualifierBefore(a, start); qs < start {
		k = qs
	}
	switch {
	case startLevel.SuffixBefore(a, k) > 0:
		return te.values[0][:4], true
	case k > 0 && levelVerbs.SuffixBefore(a, k) > 0 && (a[k-1] == '到' || a[k-1] == '至'):
		if s, _ := startLevel.LastIndexIn(a, te.end, k); s >= 0 {
			return te.values[0][5:], true
		}
	}
	return "", false
}

// baselineFigureYear is the year of a figure stated as the base a change is measured
// against (比上年执行数515444万元增长1%, 较2025年完成数…): last year's outturn in a draft
// budget, not the draft's plan. "" for any other figure.
func baselineFigureYear(a []rune, from, start int, tc timeContext) string {
	k := start
	n := baselineFigures.SuffixBeforeFrom(a, k, from)
	if n == 0 {
		return ""
	}
	k -= n
	comparedFrom := func(at int) bool { return at > from && (a[at-1] == '比' || a[at-1] == '较') }
	if m := yearLast.SuffixBeforeFrom(a, k, from); m > 0 && comparedFrom(k-m) {
		if y := tc.passageYear(); y > 0 {
			return strconv.Itoa(y - 1)
		}
		return ""
	}
	if ts := timeSuffixStart(a, phrase{from, k}); ts >= 0 && comparedFrom(ts) {
		if y, yn := cjk.YearAt(a, ts); yn > 0 {
			return strconv.Itoa(y)
		}
	}
	return ""
}

// asideClosed reports a bracket closing in a[from:to] that opened before from: a time stated
// in an aside ((按政策要求2025年上解支出约9亿元抬高基数),主要包括…支出12.7亿元) holds
// only inside it.
func asideClosed(a []rune, from, to int) bool {
	depth := 0
	for k := from; k < to; k++ {
		switch a[k] { // the analysis text's brackets are halfwidth
		case '(':
			depth++
		case ')':
			if depth == 0 {
				return true
			}
			depth--
		}
	}
	return false
}

// ownsNumber reports a year written as the owner of the next number (2025年的4.93万亿元).
func ownsNumber(a []rune, te timeExpr) bool {
	return te.end+1 < len(a) && a[te.end] == '的' && units.NumberStartsAt(a, te.end+1)
}

func pick(values []string, idx int) string {
	if len(values) == 1 {
		return values[0]
	}
	if idx >= 0 && idx < len(values) {
		return values[idx]
	}
	return ""
}
