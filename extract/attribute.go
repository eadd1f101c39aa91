package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/policymetrics/policymetrics/extract/doc"
	"github.com/policymetrics/policymetrics/extract/internal/cjk"
	"github.com/policymetrics/policymetrics/extract/lexicon"
	"github.com/policymetrics/policymetrics/extract/segment"
	"github.com/policymetrics/policymetrics/units"
)

// attrs are the attribution fields of one mention (SPEC.md §1, §4, §5).
type attrs struct {
	indicator string
	concept   string
	area      string
	period    string
	qualifier units.Qualifier
	change    string
	modality  string
}

var (
	boundWords = lexicon.Get("distant-qualifier")
	boundVerbs = lexicon.Get("bound-verbs")
)

// distantQualifierWindow is how far before a number a bound word (最高, 最多) may stand
// with a verb between: 最多遴选100名, 最高给予单人5万元.
const distantQualifierWindow = 8

// attribute fills the attribution fields of every mention. ms are in text order; mentions
// that are not records (6947亿 without a unit) take part as context only.
// stop, when set, is asked before each sentence that may hold a mention: true ends the
// work early.
//
// The clauses of the sentences are appended to *clauseArena (nil: a slice each). The
// sentences that hold a mention are encoded into texts (nil: each name is encoded alone),
// the names cut from them.
func attribute(d *doc.Document, sentences []segment.Sentence, ms []mention, opts Options, stop func() bool, buf []attrs, clauseArena *[]segment.Span, texts *sentenceTexts) []attrs {
	out := slices.Grow(buf[:0], len(ms))[:len(ms)]
	clear(out)
	if texts != nil {
		texts.encode(d.Text.Runes, sentences, ms, clauseArena) // and their clauses split
	}
	k := 0
	var goals []int // the goal words' starts of a sentence, the slice reused
	var lines lineCursor
	for si := 0; si < len(sentences) && k < len(ms); si++ {
		// Most sentences hold no mention: one ending before the next mention holds none of
		// the mentions left, and is passed over without a look at them or at stop.
		for si < len(sentences) && sentences[si].End <= ms[k].Start {
			si++
		}
		if si == len(sentences) {
			break
		}
		if stop != nil && stop() {
			return out
		}
		sen := &sentences[si]
		for k < len(ms) && ms[k].Start < sen.Start {
			k++
		}
		first := k
		for k < len(ms) && ms[k].Start < sen.End {
			k++
		}
		if first < k {
			if clauseArena != nil {
				*clauseArena = sen.WithClausesIn(d.Text.Runes, *clauseArena)
			} else {
				sen.WithClauses(d.Text.Runes)
			}
			var st *sentenceText
			if texts != nil {
				st = texts.of(sen.Span)
			}
			goals = attributeSentence(d, *sen, st, lines.of(d, sen.Start), ms[first:k], out[first:k], opts, goals[:0])
		}
	}
	return out
}

// lineCursor finds the lines of the sentences, which come in text order, by reading the
// line starts forward rather than by a search from each sentence.
type lineCursor struct {
	line  int
	known bool
}

// of is d.LineOf(i); it searches only for the first i or one before the last.
func (lc *lineCursor) of(d *doc.Document, i int) int {
	if !lc.known || lc.line >= 0 && i < d.LineStarts[lc.line] {
		lc.line, lc.known = d.LineOf(i), true
	}
	for lc.line+1 < len(d.LineStarts) && d.LineStarts[lc.line+1] <= i {
		lc.line++
	}
	return lc.line
}

// clauseCursor finds the clauses of a sentence's mentions, which come in text order, by
// reading the clauses forward rather than by a search from each mention.
type clauseCursor struct{ k int }

// of is clauseSpan(sen, i), for i no smaller than the last one asked.
func (cc *clauseCursor) of(sen segment.Sentence, i int) segment.Span {
	for cc.k < len(sen.Clauses) && sen.Clauses[cc.k].End <= i {
		cc.k++
	}
	if cc.k < len(sen.Clauses) && sen.Clauses[cc.k].Contains(i) {
		return sen.Clauses[cc.k]
	}
	return sen.Span
}

// goals is a buffer for the sentence's goal-word starts, returned for the next sentence.
// line is the sentence's line (a sentence never crosses a line: every mention's line).
// st is the sentence's string, the names cut from it (nil: each encoded alone).
func attributeSentence(d *doc.Document, sen segment.Sentence, st *sentenceText, line int, ms []mention, out []attrs, opts Options, goals []int) []int {
	a := d.Text.Runes
	tc := timeContext{year: d.Now, passage: d.PassageAt(sen.Start)}
	exprs, goals := timeExprs(a, sen.Start, sen.End, tc, goals)
	var averages averageMemo // what averageSpan has read of the sentence: each clause and year once
	// Most sentences list no years: then no figure asks its place in such a list.
	yearList := hasYearList(exprs)
	var targets lazyTargets // read only when no cheaper test settles a figure's modality
	prevIndicator, prevUnit, prevConcept := "", "", ""
	// The names prevIndicator took, in order: the last that is no share (占GDP比重) is what a
	// change after a share is of (lastAmount), asked only then, so most are never tested.
	var namedBuf [8]string
	named := namedBuf[:0]
	afterStep := false // the last figure counted the steps a level crossed
	subjects := newSubjectMemo(st)
	var lists listMemo
	var frames frameMemo        // the frame openers before each figure, read on from the last
	concepts := opts.concepts() // the same list for every figure: asked once, not per use
	var clauses clauseCursor
	for i := range ms {
		m := &ms[i]
		money := isMoneyUnit(baseUnit(m.Unit))
		// The qualifier touching the number (约, 不超过) and where it starts (m.Start when
		// none): the cap, change, adjustment and period rules all read past it.
		q, qs := m.qualifierBefore()
		c := clauses.of(sen, m.Start)
		// The figure's list in its clause, which the list rules below ask up to five times.
		first, last := i, i
		if m.listBack > 0 || m.listFwd > 0 {
			first, last = lists.at(a, ms, i, c)
		}
		subjects.enter(c)
		opener := frames.before(a, c.Start, m.Start) // what the frame rules look for
		lb, rb := c.Start, c.End
		classFrom := -1 // where a name holding a class bound (3岁以下) would start
		if i > 0 && ms[i-1].End > lb && ms[i-1].End <= m.Start {
			if !isRateUnit(ms[i-1].Unit) && boundInName(a, ms[i-1].End, m.Start) {
				classFrom = lb
			}
			lb = ms[i-1].End
		}
		if i+1 < len(ms) && ms[i+1].Start < rb && ms[i+1].Start >= m.End {
			rb = ms[i+1].Start
		}
		at := &out[i]
		prevOf := func() string { // read only when the figure's own words name nothing
			if afterStep || prevUnit != m.Unit && !isRateUnit(m.Unit) {
				// 跨越3个千亿元台阶,达到1.5万亿元: an amount after a count of something else
				// is about the sentence's subject, not about that count.
				if subj := subjects.sentence(a, c); subj != "" {
					return subj
				}
			}
			if isShareName(prevIndicator) && m.Unit == "%" &&
				(increaseWords.SuffixBefore(a, m.Start) > 0 || decreaseWords.SuffixBefore(a, m.Start) > 0) {
				if amount := lastAmount(named); amount != "" {
					return amount // …增加值2066.56亿元,占GDP比重为73.0%,同比增长6.2%: the value's growth
				}
			}
			return prevIndicator
		}
		changeFrom, changeAt, changeQs, bracketed := lb, m.Start, qs, false
		name, from, open := "", 0, 0
		if closedAfter(a, m) { // most figures are in no brackets: bracketedAfter would say ""
			name, from, open = bracketedAfter(st, a, ms, i, sen.Start)
		}
		if name != "" {
			at.indicator, bracketed = name, true
			changeFrom, changeAt = from, open // 新增转移支付(127.92亿元): the noun's change word
			_, changeQs = units.QualifierBefore(a, open)
		} else {
			at.indicator = indicatorOf(st, a, ms, i, opener.after(a, lb), rb, c, sen.End, prevOf, &subjects, &lists)
			if classFrom >= 0 {
				// 每千人口3岁以下婴幼儿托位数达4.76个: the name through the bound, when that
				// names a concept the name after the bound does not
				if whole := indicatorOf(st, a, ms, i, opener.after(a, classFrom), rb, c, sen.End, prevOf, &subjects, &lists); whole != at.indicator {
					if con, _ := concepts.Match(whole, ""); con != "" {
						if own, _ := concepts.Match(at.indicator, ""); own == "" {
							at.indicator = whole
						}
					}
				}
			}
			// A figure in no list (most) pairs with none: told without a call.
			if m.listBack > 0 || m.listFwd > 0 {
				if j := pairedItem(a, sen, ms, i, first, last, c); j >= 0 && out[j].indicator != "" {
					at.indicator = out[j].indicator // 游客17.52亿人次、花费1.27万亿元,分别增长32.9%、41.6%
				}
			}
		}
		fromStage := false // 从年初预算的X: the budget a change starts from, a plan
		if money && (at.indicator == "" || isWord(verbOnly, at.indicator) || isWord(adjustVerbs, at.indicator) || isWord(budgetStages, at.indicator)) {
			if name := subjectBeforeFrom(st, a, opener.after(a, c.Start), m.Start, adjustVerbs.Contains(at.indicator)); name != "" {
				at.indicator, fromStage = name, true // 收支总计从年初预算的3,724,171万元调整为…: what went from it
			}
		}
		// The rules reading the words before the figure ask one scan of them first.
		trig := triggersBefore(a, sen.Start, qs, m.Start)
		capAt := -1
		if trig.mayCap(a, lb, qs) {
			capAt = capBefore(a, lb, m.Start, qs)
		}
		budgetRate := isRateUnit(m.Unit) && againstBudget(a, m.Start)
		aside := ""
		if trig.mayAside() {
			aside = asidePlace(a, sen.Start, m.Start)
		}
		budgetStage := fromStage // a budget's figure before its outturn: a plan (年初预算, 调整为)
		if name, ok := withoutBudgetStage(at.indicator); ok && money {
			at.indicator, budgetStage = name, true // 一般公共预算收入年初预算合计2357308万元
		} else if money && budgetItself(at.indicator) {
			budgetStage = true // 支出预算合计3861207万元: the budget of an account's item
		}
		switch {
		case prevIndicator != "" && money && isWord(budgetStages, at.indicator):
			at.indicator, budgetStage = prevIndicator, true // 收入完成515444万元,为年初预算513000万元的100.48%
		case prevIndicator != "" && adjustedTo(a, lb, m.Start, qs):
			at.indicator, budgetStage = prevIndicator, true // …,执行中经各级人代会批准调整为2366949万元
		case budgetRate && prevIndicator != "":
			at.indicator = prevIndicator // 收入144.8亿元,完成预算的100.5%: the revenue's rate
		case capAt >= 0 && at.indicator != "":
			at.indicator = capIndicator(a, sen.Start, m.Start, at.indicator)
		case prevIndicator != "" && aside != "":
			at.indicator = prevIndicator // 收入28.7亿元(不含辽滨经开区36.4亿元): the same item
		case prevIndicator != "" && (verbOnly.MayStart(at.indicator) && verbOnly.Contains(at.indicator) ||
			purposeAdverbs.MayStart(at.indicator) && purposeAdverbs.Contains(at.indicator) ||
			(!isRateUnit(m.Unit) || m.Unit == "倍") && startsComparison(at.indicator)):
			// 比“十三五”时期增加799.2亿元, 是“十三五”时期的1.21倍: the subject's change or
			// multiple (a rate's gap, 比全国水平高出10.3%, keeps its comparison)
			if item := outturnOf(at.indicator, prevIndicator); item != "" && money {
				at.indicator = item // 支出预算100.5亿元,…,实际完成102.1亿元: the item's outturn
			} else {
				at.indicator = prevIndicator
			}
		}
		if money {
			if item := approvedItem(at.indicator); item != "" {
				at.indicator, budgetStage = item, true // 批准的支出预算100.5亿元: the budget approved
			}
		}
		at.indicator = joinSpacedHan(nameOrNone(at.indicator)) // a justified PDF line: 地 方 政 府 债 券
		// The suffix first: most names are no level, and levelLen decodes runes.
		if strings.HasSuffix(at.indicator, "级") && levelLen(at.indicator) == len(at.indicator) && levelAfter(a, m.End, at.indicator) {
			// 培育6个世界级、7个国家级、9个区域级产业集群: a level alone after the number; the
			// list's noun is counted (其中国家级8家,省级68家: a level before it is the name)
			if shared := listSharedNoun(st, a, ms, i, c); m.listFwd > 0 && shared != "" {
				at.indicator = shared[levelLen(shared):]
			} else if noun := levelNounAfter(st, a, m.End, sen.End); noun != "" {
				at.indicator = noun // 现代商贸3个千亿级,食品工业、现代种业2个百亿级产业集群
			}
		}
		listPlace := ""
		// placeListHead, respectiveConcept and sharesVerbOf name nothing for a figure in no
		// list (most): the list links tell it without the calls.
		if m.listBack > 0 || m.listFwd > 0 {
			if head, place := placeListHead(a, ms, i, first, c, &lists); head != "" {
				at.indicator, listPlace = head, place // 博乐市、精河县年平均气温分别为…: the measure, of a place
			}
		}
		if bareMeasures.MayStart(at.indicator) && bareMeasures.Contains(at.indicator) { // isWord, inline
			// 民营经济完成增加值2066.56亿元: the measure of the clause's subject, when the two
			// name a concept (民营经济增加值)
			if joined := subjectMeasure(subjects.clause(a, ms, i, c), at.indicator); joined != "" {
				if con, _ := concepts.Match(joined, ""); con != "" {
					at.indicator = joined
				}
			}
		}
		if at.indicator != "" {
			at.concept, at.area = recordConcept(d, concepts, opts.Warn, c.Start, m.Start, at.indicator, prevIndicator)
			if at.concept == "" && m.listFwd > 0 { // only a list's figure before its last asks respectiveHead
				at.concept = respectiveConcept(concepts, a, ms, i, c, at.indicator, &lists)
				if at.concept != "" && residenceModifiers.Contains(at.indicator) {
					// 城镇和农村居民人均可支配收入分别增长4.3%、…: 城镇 alone names no measure;
					// the list, a substring of the sentence, names it with the head it shares.
					at.indicator = nameOrNone(respectiveListText(st, a, ms, i, c, at.indicator, &lists))
				}
			}
			if at.concept == "" && bareAccountItems.MayStart(at.indicator) { // accountConcept's first test, inline
				at.concept = accountConcept(concepts, d, line, sen.Start, c.Start, m.Start, at.indicator)
			}
			if at.concept == "" && !bracketed && strings.Contains(at.indicator, "、") && listNamesWhole(a, ms, i, opener.after(a, lb), c) {
				if last, con := lastItemConcept(concepts, at.indicator); con != "" {
					at.indicator, at.concept = last, con
				}
			}
			if at.concept == "" && strings.Contains(at.indicator, "的") {
				if name, con := afterRelativeClause(concepts, at.indicator); con != "" {
					if approvedBudget(at.indicator) && money {
						budgetStage = true // 人代会批准的…预算收入3216万元: the budget approved, a plan
					}
					at.indicator, at.concept = name, con
				}
			}
			if at.concept == "" && at.indicator == prevIndicator {
				at.concept = prevConcept // 支出完成300.55亿元,…增长7.44%: the same item, however its concept was found
			}
			if aside != "" && !sameArea(aside, d.Area) {
				at.area = aside
			}
			if listPlace != "" && !sameArea(listPlace, d.Area) {
				at.area = listPlace
			}
			if budgetRate {
				at.concept = "" // 完成预算的100.5%: a rate of execution, not the item's own measure
			}
			if at.area == "" && at.concept != "" { // budgetLevel gives no level to a figure of no concept
				var before lineLevel // what a chunk's first line says before the chunk
				if line == 0 {
					before = lineLevel{d.LevelBefore, d.WholeAreaBefore}
				}
				at.area = budgetLevel(a, d.LineStarts[line], m.Start, at.concept, d.LevelOfLine(line), before)
			}
			afterStep = isLevelStep(at.indicator)
			if !opener.inside(a) && !afterStep {
				// 剔除…投入26亿元等因素后,增长13.7%: the item left out is not what the next
				// figures are about; nor are the steps a level crossed (地区生产总值连跨两个
				// 万亿元台阶,年均增长5.7%).
				prevIndicator, prevUnit = at.indicator, m.Unit
				named = append(named, at.indicator)
				if !budgetRate {
					prevConcept = at.concept
				}
			}
		}
		if bracketed || trig.mayChange(lb, m.Start, qs) { // the guard knows the figure's own reach, not its bracket's
			at.change = changeOf(a, changeFrom, changeAt, changeQs)
		}
		// A list item with no verb of its own takes the change and the period of the item
		// before: asked by both, read once.
		sharesVerb := i > 0 && m.listBack > 0 && sharesVerbOf(a, &ms[i-1], m)
		if at.change == "" && !bracketed && sharesVerb && isRateUnit(ms[i-1].Unit) == isRateUnit(m.Unit) &&
			!changeNameBefore(a, c.Start, ms[i-1].Start) {
			at.change = out[i-1].change // 新增8家…、2家…: one change word for the list
		}
		var stated bool
		listIdx := 0
		if yearList {
			listIdx = listIndexAfter(exprs, ms, i)
		}
		at.period, stated = periodOf(exprs, a, m.Start, m.End, c.End, listIdx, m.Unit == "倍")
		if !stated {
			// A stock (营业里程, 总装机) reviewed over a plan period past is its last year's level;
			// in a plan ahead (县道建设里程600公里) it may be the work of the whole period.
			stock := len(tc.passage) == 9 && !isRateUnit(m.Unit) && stockNouns.MayEnd(at.indicator) && tc.passageYear() < tc.year && stockNouns.SuffixOf(at.indicator) > 0
			level := m.Unit == "%" || m.Unit == "‰" || stock
			at.period = passagePeriod(a, tc.passage, c.Start, m.Start, q, qs, at.change, level)
			if fromStage && len(tc.passage) == 4 {
				at.period = tc.passage // 从X调整为Y: the year's budget before its adjustment, not last year's level
			}
			if sharesVerb && ms[i-1].Unit == m.Unit {
				at.period = out[i-1].period // 分别超过8万元、4.5万元: one level verb for the list
			}
		} else if span := averageSpan(exprs, a, c.Start, m.Start, &averages); span != "" && at.change != "" {
			at.period = span // 从2020年的168.4亿元提高到2025年的200.1亿元,年均增长3.5%: 2021-2025
		} else if p := planStartLevel(a, tc.passage, m.Start); p != "" {
			at.period = p // …从3826.5亿元增长到4398.6亿元 in the review of 2021-2025: 2020's level
		}
		if len(tc.passage) == 4 && !timeInSpan(exprs, c.Start, m.Start) {
			if span := cumulativeSpan(exprs, a, c.Start, m.Start, m.End); span != "" {
				at.period = span // 累计完成672亿元,从2020年的…增加到2025年的…: 2021-2025
			}
		}
		at.qualifier = m.qualifier
		if at.qualifier == units.NoQualifier && trig.mayBound(a, lb, m.Start) {
			at.qualifier = distantQualifier(a, lb, m.Start)
		}
		if at.qualifier == units.NoQualifier && i > 0 && ms[i-1].qualifier == units.NoQualifier && m.listBack > 0 &&
			ms[i-1].Unit == m.Unit && ms[i-1].End+1 == m.Start && a[ms[i-1].End] == '、' {
			at.qualifier = out[i-1].qualifier // 分别约为全国平均的70%、60%: the list's bound word
		}
		if at.qualifier == units.NoQualifier && capAt >= 0 {
			at.qualifier = units.Under // 不超过项目投资额的30%
		}
		if capAt >= 0 && !stated {
			at.period = "" // a subsidy cap is a rule: no period of its own (SPEC §5 rule 4)
		}
		baseFigure := false
		if y := baselineFigureYear(a, c.Start, m.Start, tc); y != "" {
			at.period, baseFigure = y, true // 比上年执行数515444万元增长1%: last year's outturn, the base
		}
		if !baseFigure && !countsIndicators(at.indicator, m.Unit) &&
			(d.Forward[line] || budgetStage || yearsAhead(at.period, d.Unbegun) || targets.of(a, sen, ms, d.Written, goals, i)) {
			at.modality = "target"
		}
	}
	if len(ms) > 1 { // both pair figures of one sentence: a sentence of one figure has none
		splitPairs(concepts, ms, out)
		splitOrdinals(concepts, ms, out)
	}
	return goals
}

// isWord is set.Contains(s), told without a call when no word starts with s's first rune
// (most names). The rules asked of most figures write the test inline: there the call to
// isWord costs about what the test saves.
func isWord(set *lexicon.Set, s string) bool {
	return set.MayStart(s) && set.Contains(s)
}

// maxFromFrame bounds the words between 从 and the figure it opens (年初预算的, 2021年的).
const maxFromFrame = 8

// subjectBeforeFrom names a figure a change starts from by what changed, the words before
// 从/由 (州本级一般公共预算收支总计从年初预算的3,724,171万元调整为…), when only a budget
// stage (年初预算) and 的 stand between 从 and the figure, or nothing when the figure is
// adjusted (均从3,754,241万元调整为…); "" otherwise.
func subjectBeforeFrom(st *sentenceText, a []rune, from, start int, adjusted bool) string {
	k := start
	if k > from && a[k-1] == '的' {
		k--
	}
	for j := k - 1; j >= from && k-j <= maxFromFrame; j-- {
		if startLevel.PrefixAt(a, j) == 0 {
			continue
		}
		if between := string(a[j+1 : k]); !budgetStages.Contains(between) && !(between == "" && adjusted) {
			return "" // 从2021年的…: the years' own rules name it; 均从X调整为Y: a budget adjusted
		}
		if p := cleanLeft(a, phrase{from, j}); p.len() >= 2 {
			return st.text(a, p)
		}
		return ""
	}
	return ""
}

// shareOwner is what a share opening its item (占全国9成) is of: the clause's subject, else
// the name before; "" when both are shares themselves.
func shareOwner(clauseOrPrev, prev func() string) string {
	if p := clauseOrPrev(); p != "" && !isShareName(p) {
		return p
	}
	if p := prev(); !isShareName(p) {
		return p
	}
	return ""
}

// lastAmount is the last of names that is no share, "" when none.
func lastAmount(names []string) string {
	for k := len(names) - 1; k >= 0; k-- {
		if !isShareName(names[k]) {
			return names[k]
		}
	}
	return ""
}

// isShareName reports the name of a share (民营经济增加值占GDP, 占比, 比重): no amount a later
// change can be of.
func isShareName(name string) bool {
	return strings.Contains(name, "占") || strings.HasSuffix(name, "比重")
}

// boundInName reports a figure before a[from:to] that bounds a class inside the next
// figure's name (每千人口3岁以下婴幼儿托位数达4.76个: 3岁以下 says which infants): 以下/以上
// follow it, then words with no break up to the next figure. A share so bounded (95%以上的
// 村…) quantifies the noun and is asked no such question (the caller checks the unit).
func boundInName(a []rune, from, to int) bool {
	n := classBounds.PrefixAt(a, from)
	if n == 0 {
		return false
	}
	for k := from + n; k < to; k++ {
		if isPunctBreak(a[k]) {
			return false
		}
	}
	return to-from-n >= 2
}

// moneyHead reports a head that names money by what it is made of (低保、特困等救助资金,
// 专项债券等资金, 运行维护等支出): the items before 等 name it, so they stay.
func moneyHead(a []rune, p phrase) bool {
	return p.len() < 2 || moneyHeads.SuffixBeforeFrom(a, p.e, p.s) > 0
}

// listNamesWhole reports a mention ms[i] whose indicator is the whole list of names that
// opens its clause (sharedListNames), lb being where its left phrase may start.
func listNamesWhole(a []rune, ms []mention, i, lb int, c segment.Span) bool {
	left, _ := indicatorParts(a, lb, ms[i].Start, ms[i].End, ms[i].End)
	return wholeList(a, ms, lb, left, c)
}

// wholeList is listNamesWhole for the left phrase indicatorParts found.
func wholeList(a []rune, ms []mention, lb int, left phrase, c segment.Span) bool {
	return lb == c.Start && left.s > lb && a[left.s-1] == '、' && sharedListNames(a, ms, lb, left.s-1, left.e)
}

// sharedListNames reports a list of names that one number counts whole (诊所、卫生所、医务室
// 1053个; 国家技术创新中心、新兴产业创新中心、制造业创新中心8家): the list opens the
// clause, sep is its last 、, and no item has a number or a verb. Not a list closed by 等
// (小麦、玉米等主栽品种良种覆盖率): what follows 等 names the whole; nor one whose items
// each have the figure (均, 都): the last item names it, as the dev gold does.
func sharedListNames(a []rune, ms []mention, from, sep, start int) bool {
	k := sort.Search(len(ms), func(k int) bool { return ms[k].Start >= from })
	if k < len(ms) && ms[k].Start < start || trimPhrase(a, phrase{sep + 1, start}).empty() {
		return false // …增速高于经济增速、突破3万元: the last item is only the figure's verb
	}
	if k, _ := comparison.IndexIn(a, from, start); k >= 0 {
		return false
	}
	for e := sep + 1; e < start; e++ {
		if isEtcAt(a, e) || units.IsChineseNumeral(a[e]) || cjk.IsDigit(a[e]) {
			return false // 人工智能三大先导产业规模: a count of the items, a title
		}
		if a[e] == '均' || a[e] == '都' {
			return false // 工业增加值、规模以上工业总产值均增长6.5%: each, not all together
		}
	}
	// A verb anywhere makes the items objects or places (优先在边境地区、集体经济薄弱村新建
	// 各类棚室), not names of what is counted.
	if v, _ := verbsObject.IndexIn(a, from, start); v >= 0 {
		return false
	}
	v, _ := verbsPredicate.IndexIn(a, from, start)
	return v < 0
}

// maxModifierName is the longest 分别 list name read as a modifier of the list's shared
// head (城镇, 装备制造业, 规模以上高技术制造业).
const maxModifierName = 10

// maxChangeName bounds the look back for a name that holds a change word.
const maxChangeName = 16

// changeNameBefore reports a budget term holding a change word (新增地方政府债务转贷支出)
// in the words right before a[start], within the clause from from.
func changeNameBefore(a []rune, from, start int) bool {
	k, _ := changeNames.IndexIn(a, max(from, start-maxChangeName), start)
	return k >= 0
}

// isLevelStep reports an indicator that names the steps a level crossed (万亿元台阶,
// 千亿级关口): a metaphor, not a measure.
func isLevelStep(indicator string) bool {
	return levelMetaphors.MayEnd(indicator) && levelMetaphors.SuffixOf(indicator) > 0
}

// yearsAhead reports a period of whole years (2026, 2026-2030) none of which had begun when
// the document was written (Document.Unbegun; 0: unknown): its figures are planned or forecast (SPEC
// §1), whatever passage they stand in (2026年年初预算…安排转移支付资金186,374万元 in an
// annex of a budget report). A month (截至2026年2月4日…, 2026-02) may be past already.
func yearsAhead(period string, unbegun int) bool {
	if unbegun == 0 || len(period) != 4 && len(period) != 9 || len(period) == 9 && period[4] != '-' {
		return false
	}
	// Four digits, read in place: strconv.Atoi's sign and error handling cost more than the
	// rule, asked of most figures. (Atoi read +202 as 202, below any year unbegun is.)
	y := 0
	for k := range 4 {
		c := period[k]
		if c < '0' || c > '9' {
			return false
		}
		y = y*10 + int(c-'0')
	}
	return y >= unbegun
}

// countsIndicators reports a count of a plan's indicators (提出25项主要指标, 16个预期性
// 指标): it describes the plan as written, a fact, whatever the targets those indicators set.
func countsIndicators(indicator, unit string) bool {
	return (unit == "个" || unit == "项") && strings.HasSuffix(indicator, "指标")
}

// clauseSpan returns the clause of sen holding rune offset i (the sentence if none does).
func clauseSpan(sen segment.Sentence, i int) segment.Span {
	if k := sen.ClauseOf(i); k >= 0 {
		return sen.Clauses[k]
	}
	return sen.Span
}

// inListWith reports two mentions of one list: only the first item's words and a 、
// between them (8家单项冠军、2家示范企业; 21、44项), or a conjunction right before the
// second number (分别达24.1%和50.2%). It takes pointers: a mention is large to copy.
func inListWith(a []rune, prev, m *mention) bool {
	for k := prev.End; k < m.Start; k++ {
		switch a[k] {
		case '、':
			return true
		case ',', '，', ';', '；', '。', ':', '：':
			return false
		}
	}
	from := prev.End
	if _, qe := units.QualifierAfter(a, from); qe > from && qe <= m.Start {
		from = qe // 4%左右和6%左右: the first figure's own qualifier, then the conjunction
	}
	k := m.Start
	if _, qs := units.QualifierBefore(a, k); qs >= from {
		k = qs
	}
	return k > from && conjunctions.SuffixBeforeFrom(a, k, from) == k-from
}

var conjunctions = lexicon.NewSet("和", "及", "与", "以及", "或")

// classBounds close a threshold that defines a class (3岁以下婴幼儿, 2000万元及以上企业).
var classBounds = lexicon.NewSet("以下", "以上", "及以下", "及以上")

var (
	// genericMoney are names of money that say nothing of what it is (安排资金41亿元,
	// 支持…): its use in the next clause names it, as for money with no name at all.
	genericMoney = lexicon.Get("generic-money")
	// purposeLinks only link money to its use (支持, 用于) and purposeAdverbs say how it was
	// used (积极推动): neither is part of the use that names it.
	purposeLinks   = lexicon.Get("purpose-links")
	purposeAdverbs = lexicon.Get("purpose-adverbs")
	// residenceModifiers name whose measure a 分别 list gives, not what it is (城镇、农村).
	residenceModifiers = lexicon.Get("residence-modifiers")
)

// sharesVerbOf reports a list item with no verb of its own: after its 、 come only a
// noun and the number (新增8家…、2家…; 新增国家级孵化器8家、省级孵化器20家). prev is the
// mention before m among findMentions's.
func sharesVerbOf(a []rune, prev, m *mention) bool {
	if m.listBack == 0 {
		return false // not inListWith(a, prev, m), as findMentions found: most figures
	}
	k := lastListSep(a, prev.End, m.Start)
	if k < 0 {
		return false
	}
	if c, _ := comparison.IndexIn(a, k+1, m.Start); c >= 0 {
		return false // 增长7.6%、高于全国1.7个百分点: a gap, not the same change
	}
	if cjk.IndexRune(a, k+1, m.Start, '占') >= 0 {
		return false // 产量增长39%、占全国9成: a share, not the same change
	}
	if v, _ := verbsObject.IndexIn(a, k+1, m.Start); v >= 0 {
		return false
	}
	if v, n := verbsPredicate.IndexIn(a, k+1, m.Start); v >= 0 && !coveredBy(verbNouns, a, v, v+n) {
		return false // 、2家入驻…: a verb of its own (not 运营 in 知识产权运营中心)
	}
	return true
}

// hasYearList reports a list of years among exprs, which listIndexAfter looks for.
func hasYearList(exprs []timeExpr) bool {
	for k := range exprs {
		if len(exprs[k].values) > 1 && !exprs[k].baseline {
			return true
		}
	}
	return false
}

// listIndexAfter is the position of mention i among the mentions that follow the same
// list of years (2021、2022年分别支持21、44项: 21 is 0, 44项 is 1).
func listIndexAfter(exprs []timeExpr, ms []mention, i int) int {
	var list *timeExpr
	for k := range exprs {
		if exprs[k].end <= ms[i].Start && len(exprs[k].values) > 1 && !exprs[k].baseline {
			list = &exprs[k]
		}
	}
	if list == nil {
		return 0
	}
	idx := 0
	for k := 0; k < i; k++ {
		if ms[k].Start >= list.end {
			idx++
		}
	}
	return idx
}

// distantQualifier reads a bound word a little before the number with a verb between
// (最多遴选100名 → under), stopping at the previous number or clause start.
func distantQualifier(a []rune, lb, start int) units.Qualifier {
	from := max(lb, start-distantQualifierWindow)
	if k, n := boundWords.LastIndexIn(a, from, start); k >= 0 && (verbsObject.PrefixAt(a, k+n) > 0 || boundVerbs.PrefixAt(a, k+n) > 0) {
		if q, _ := units.QualifierBefore(a, k+n); q != units.NoQualifier {
			return q
		}
	}
	// 约为全国平均的70%, 超过全省的一半: a bound word before what the figure is a part of.
	if start > 1 && a[start-1] == '的' {
		for p := start - 2; p > max(lb, start-shareQualifierWindow); p-- {
			if isPunctBreak(a[p]) {
				break
			}
			if q, qs := units.QualifierBefore(a, p); q != units.NoQualifier && qs >= lb {
				return q
			}
		}
	}
	return units.NoQualifier
}

// shareQualifierWindow bounds how far before X的 a bound word may qualify the figure after
// it (约为全国平均的70%).
const shareQualifierWindow = 12

// indicatorOf chooses what mention i measures (SPEC §4).
func indicatorOf(st *sentenceText, a []rune, ms []mention, i, lb, rb int, c segment.Span, senEnd int, prevOf func() string, subjects *subjectMemo, lists *listMemo) string {
	m := &ms[i]
	// A figure in no list (most) has no 分别 name: told without a call.
	if m.listBack > 0 || m.listFwd > 0 {
		if name := respectiveName(st, a, ms, i, c, lists); name != "" {
			return name // read first: the list names the figure, whatever its own words say
		}
	}
	_, qs := m.qualifierBefore() // as findMentions read it: not asked again
	left, right := indicatorPartsBefore(a, lb, m.Start, qs, m.End, rb)
	// Only a left phrase after a 、 may be a list's: wholeList's first test, asked here once
	// (most figures follow no 、).
	if lb == c.Start && left.s > lb && a[left.s-1] == '、' {
		if sharedListNames(a, ms, lb, left.s-1, left.e) { // wholeList
			left.s = lb // 诊所、卫生所、医务室1053个
		} else {
			// 小麦、玉米、马铃薯等主栽品种良种覆盖率97%: the head after 等 names the list's
			// figure, not the last item with it (…转贷支出407.9亿元、地方政府债券等还本164.8亿元:
			// items with numbers of their own make no list of names).
			for k := left.s; k+1 < left.e; k++ {
				if isEtcAt(a, k) {
					if head := trimPhrase(a, phrase{k + 1, left.e}); !moneyHead(a, head) {
						left.s = k + 1
					}
					break
				}
			}
		}
	}
	if rb == m.End && i+1 < len(ms) && ms[i+1].Start == m.End && !isDivisionUnit(m.Unit) {
		// 12类45件民生实事: adjacent numbers count the same thing.
		nrb := c.End
		if i+2 < len(ms) && ms[i+2].Start < nrb {
			nrb = ms[i+2].Start
		}
		right = phrase{ms[i+1].End, nrb}
	}
	if m.Unit == "个" && !right.empty() {
		if n := levelMetaphors.PrefixAt(a, right.s); n > 0 {
			return st.text(a, phrase{right.s, right.s + n}) // 连跨5万亿元、6万亿元两个台阶: the steps are counted
		}
	}
	// Each phrase is cleaned only when a rule reads it: a rate is mostly named by its left
	// phrase, a count or an amount with a noun after it by its right one.
	if isRateUnit(m.Unit) { // never money
		if before, ok := comparisonSplit(a, left); ok {
			if p := cleanLeft(a, before); p.len() >= 2 {
				return st.text(a, p)
			}
			return prevNameOf(st, a, ms, i, c, prevOf, subjects) // 高于全国1.2个百分点: the gap of what the sentence is about
		}
		l, _ := cleanLeftRate(a, left)
		if l.len() >= 2 && !isOnlyVerb(a, l) {
			if a[l.s] == '占' && (l.s == c.Start || isPunctBreak(a[l.s-1])) {
				// 无人机产量增长39%、占全国9成; 增加值2066.56亿元,占GDP比重为73.0%: the share
				// is of what the clause, or the clause before, is about
				prevName := func() string { return prevNameOf(st, a, ms, i, c, prevOf, subjects) }
				if owner := shareOwner(prevName, prevOf); owner != "" {
					return owner + st.text(a, l)
				}
			}
			return st.text(a, l)
		}
		if r, noun := cleanRight(a, right); !r.empty() && (noun || l.empty()) {
			return st.text(a, r) // 65%以上的大中型企业…; 其中70%将投入企业科研
		}
		if prev := prevNameOf(st, a, ms, i, c, prevOf, subjects); prev != "" {
			return prev // 同比增长15%: the rate of what was just named
		}
		return st.text(a, l)
	}
	r, noun := cleanRight(a, right)
	if noun && !r.empty() {
		return st.text(a, r) // no rule before this one reads the left phrase with a noun after the number
	}
	money := isMoneyUnit(baseUnit(m.Unit)) // a rate, told above, is never money
	l, lk := cleanLeftKind(a, left)
	strongLeft := l.len() >= 2 && !isOnlyVerb(a, l)
	if money && (lk == leftSubject || lk == leftVerb || l.empty()) && !noun && !r.empty() && !startsChange(a, r.s) {
		return st.text(a, r) // 省财政安排8亿元支持…: who pays is not what the money is for
	}
	if money && r.empty() && (lk == leftVerb || l.empty() || isOnlyVerb(a, l) || genericMoney.IsWordAt(a, l.s, l.e)) {
		if p, ok := purposeInNextClause(a[:senEnd], ms, i); ok {
			return st.text(a, p) // 统筹7.12亿元,支持三明高新区发展: the money named by its use
		}
	}
	switch {
	case !r.empty() && m.Start > 0 && a[m.Start-1] == '等' && !money:
		// 抓好赛得利纤维等3500多个拟竣工投产项目: what 等 closes are examples of the thing
		// counted, which follows the number.
		if r.len() >= 2 {
			return st.text(a, r)
		}
		if strongLeft {
			return st.text(a, l)
		}
	case strongLeft:
		return st.text(a, l)
	case !r.empty() && !money && !isTimeUnit(m.Unit):
		// A count is of a thing even when its name starts like a verb (2个创建小镇).
		if rr := endOfItem(a, r, true); rr.len() >= 2 {
			return st.text(a, rr)
		}
	}
	if shared := listSharedNoun(st, a, ms, i, c); shared != "" {
		return shared // 分别给予500万元、100万元、50万元一次性薪酬补贴
	}
	switch {
	case !r.empty() && money && !startsChange(a, r.s):
		return st.text(a, r) // 投入34.1亿元支持产业转型升级: the purpose names the money
	case !l.empty() && lk != leftVerb && !isOnlyVerb(a, l):
		return st.text(a, l)
	case !l.empty() && lk == leftVerb && verbsObject.PrefixAt(a, l.s) == l.len() && !(i > 0 && ms[i-1].Start >= c.Start && ms[i-1].Unit == m.Unit):
		return st.text(a, l) // 培训47.8万人次: the activity, when nothing names the thing
	case !r.empty() && !startsChange(a, r.s):
		return st.text(a, r)
	}
	if prev := prevNameOf(st, a, ms, i, c, prevOf, subjects); prev != "" {
		return prev
	}
	return subjects.sentence(a, c)
}

// prevNameOf is what mention i is of when its own words name nothing: the clause's
// subject, else the name before. Asked only then, at most once a mention: most figures
// name their own.
func prevNameOf(st *sentenceText, a []rune, ms []mention, i int, c segment.Span, prevOf func() string, subjects *subjectMemo) string {
	if subj := subjects.clause(a, ms, i, c); subj != "" && !(i > 0 && ms[i-1].End > c.Start && ms[i-1].Unit == ms[i].Unit) {
		return subj // 地区生产总值连续迈上4个台阶、达14.2万亿元 (not 新推出7项成果、累计达到161项)
	}
	return prevOf()
}

// isDivisionUnit reports a unit that counts places and names them: in 玉树3县5乡 the 3
// counts 县, not what the 乡 are about.
func isDivisionUnit(u string) bool {
	switch u {
	case "市", "县", "乡", "镇", "村":
		return true
	}
	return false
}

func isTimeUnit(u string) bool {
	switch u {
	case "年", "个月", "天", "小时", "分钟", "秒", "岁":
		return true
	}
	return false
}

func baseUnit(u string) string {
	// A byte search: '/' is never part of a longer UTF-8 sequence, valid or not.
	if i := strings.IndexByte(u, '/'); i >= 0 {
		return u[:i]
	}
	return u
}

func isOnlyVerb(a []rune, p phrase) bool {
	if p.empty() {
		return verbsObject.PrefixAt(a, p.s) == 0 || verbsPredicate.PrefixAt(a, p.s) == 0 // 0 == p.len()
	}
	// The first rune tells most phrases inline, before a call into either list.
	return verbsObject.MayStartAt(a, p.s) && verbsObject.PrefixAt(a, p.s) == p.len() ||
		verbsPredicate.MayStartAt(a, p.s) && verbsPredicate.PrefixAt(a, p.s) == p.len()
}

// text encodes phrase p of a; attribution cuts its names from the sentence's string
// instead (sentenceText.text), the same text.
func text(a []rune, p phrase) string {
	if p.empty() {
		return ""
	}
	return cjk.String(a[p.s:p.e])
}

// clauseSubject returns what a clause is about when the mention is not its first number
// (地区生产总值连续迈上4个万亿元台阶、达14.2万亿元、年均增长5.7%): the words from the
// clause start to its first verb or number; "" when there are none.
func clauseSubject(st *sentenceText, a []rune, ms []mention, i int, c segment.Span) string {
	first := sort.Search(i, func(k int) bool { return ms[k].Start >= c.Start }) // the clause's first number
	end := ms[first].Start
	from := afterFrame(a, c.Start, end) // 剔除增发国债等因素后…: no subject
	if v, _ := verbsObject.IndexIn(a, from, end); v >= 0 {
		end = v
	}
	if v, _ := verbsPredicate.IndexIn(a, from, end); v >= 0 {
		end = v
	}
	for k := from; k < end; k++ {
		if !subjectEnds.Has(a[k]) {
			continue
		}
		if startsChange(a, k) && !coveredBy(changeNot, a, k, k+1) || comparison.PrefixAt(a, k) > 0 {
			end = k // (not 增加值: 第一产业增加值111.77亿元、增长5.2%)
			break
		}
	}
	p := dropTrailingFunction(a, trimPhrase(a, phrase{from, end}))
	if p.len() < 2 {
		return ""
	}
	return st.text(a, p)
}

// subjectEnds are the runes a change word or a comparison may start with: where
// clauseSubject's subject may end.
var subjectEnds = lexicon.FirstRunes([]*lexicon.Set{increaseWords, decreaseWords, increaseDirect, decreaseDirect, comparison}, '从', '由', '到', '至')

// subjectMemo holds the subjects of the clause being attributed: clauseSubject and
// sentenceSubject depend on the clause only, and a clause may hold many numbers.
type subjectMemo struct {
	start                    int // the clause's start; -1 before the first
	clauseSubj, sentenceSubj string
	haveClause, haveSentence bool
	opening                  openingMemo   // kept from clause to clause of the sentence
	st                       *sentenceText // the sentence's string, the subjects cut from it
}

// openingMemo remembers, across the clauses of a sentence, where sentenceSubject's look
// back ended and the subject it read there, so that each clause does not read back over
// the clauses before it again.
type openingMemo struct {
	from, s      int // a look back from from found the opening at s; from < 0: none yet
	subjS, subjE int // the subject was read from a[subjS:subjE]
	subj         string
	have         bool
}

func newSubjectMemo(st *sentenceText) subjectMemo {
	return subjectMemo{start: -1, opening: openingMemo{from: -1}, st: st}
}

// enter starts the clause c, forgetting the last clause's subjects if c is another.
func (m *subjectMemo) enter(c segment.Span) {
	if c.Start != m.start {
		*m = subjectMemo{start: c.Start, opening: m.opening, st: m.st}
	}
}

func (m *subjectMemo) clause(a []rune, ms []mention, i int, c segment.Span) string {
	if !m.haveClause {
		m.clauseSubj, m.haveClause = clauseSubject(m.st, a, ms, i, c), true
	}
	return m.clauseSubj
}

func (m *subjectMemo) sentence(a []rune, c segment.Span) string {
	if !m.haveSentence {
		m.sentenceSubj = clauseBeforeSubject(m.st, a, c)
		if m.sentenceSubj == "" {
			m.sentenceSubj = m.opening.subject(m.st, a, c)
		}
		m.haveSentence = true
	}
	return m.sentenceSubj
}

// clauseBeforeSubject names a number that nothing near it names from the clause right
// before its own, when that clause states no figure and is not the sentence's first (…,
// 全省进出口总值创历史新高,达到5379亿元 → 全省进出口总值): the subject a bare 达到 goes on
// with. "" otherwise.
func clauseBeforeSubject(st *sentenceText, a []rune, c segment.Span) string {
	e := c.Start - 1
	if e <= 0 || e >= len(a) || !segment.IsClauseSeparator(a, e) || levelVerbs.PrefixAt(a, c.Start) == 0 {
		return "" // only a clause opening with its verb (达到5379亿元) goes on with the one before
	}
	s := e
	for s > 0 && !segment.IsClauseSeparator(a, s-1) {
		switch a[s-1] {
		case '\n', '。', '！', '？':
			return "" // the sentence's first clause: its opening, read as such
		}
		s--
	}
	if s == 0 {
		return ""
	}
	for k := s; k < e; k++ {
		if units.MayStartNumber(a[k]) && units.NumberStartsAt(a, k) {
			return "" // a clause with figures of its own is about them
		}
	}
	return subjectOfOpening(st, a, s, e)
}

// subject names a number that nothing near it names, from the first clause of its
// sentence (粮食总产再创历史新高,…,增量39.7亿斤 → 粮食总产). It reads back only to where
// the last clause's look back started, and reads the subject again only from other text.
func (o *openingMemo) subject(st *sentenceText, a []rune, c segment.Span) string {
	var s int
	if o.from >= 0 && o.from <= c.Start {
		s = openingBack(a, c.Start, o.from)
		if s < 0 {
			s = o.s // no sentence end between: the same opening
		}
	} else {
		s = max(openingBack(a, c.Start, 0), 0)
	}
	o.from, o.s = c.Start, s
	if s == c.Start {
		return ""
	}
	e := firstClauseEnd(a, s, c.Start)
	if !o.have || o.subjS != s || o.subjE != e {
		o.subjS, o.subjE, o.subj, o.have = s, e, subjectOfOpening(st, a, s, e), true
	}
	return o.subj
}

// openingBack returns where the sentence holding a[at] opens, looking back no further than
// a[to] (after \n, 。, ！, ？), or -1 when no sentence end lies in a[to:at] (0 when to is 0).
func openingBack(a []rune, at, to int) int {
	s := at
	for s > to && a[s-1] != '\n' && a[s-1] != '。' && a[s-1] != '！' && a[s-1] != '？' {
		s--
	}
	if s == to && to > 0 {
		return -1
	}
	return s
}

// firstClauseEnd returns where the clause opening at a[s] ends, at most at a[to].
func firstClauseEnd(a []rune, s, to int) int {
	e := s
	for e < to && !segment.IsClauseSeparator(a, e) {
		e++
	}
	return e
}

// subjectOfOpening reads the subject of a sentence from its opening a[s:e] (up to the
// first clause's end).
func subjectOfOpening(st *sentenceText, a []rune, s, e int) string {
	end := e
	if v, _ := verbsObject.IndexIn(a, s, end); v >= 0 {
		end = v
	}
	if v, _ := verbsPredicate.IndexIn(a, s, end); v >= 0 {
		end = v
	}
	for k := s; k < end; k++ {
		if startsChange(a, k) || units.NumberStartsAt(a, k) || adverbs.PrefixAt(a, k) > 0 {
			end = k
			break
		}
	}
	p := dropTrailingFunction(a, trimPhrase(a, phrase{s, end}))
	if p.len() < 2 || p.len() > 16 || unclosedQuote(a, p) {
		return "" // “新|三样”: cut inside a quotation, no name
	}
	return st.text(a, p)
}

// unclosedQuote reports a quotation opened in p and not closed there.
func unclosedQuote(a []rune, p phrase) bool {
	open := 0
	for _, r := range a[p.s:p.e] {
		switch r {
		case '“', '《':
			open++
		case '”', '》':
			open--
		}
	}
	return open > 0
}

// listSharedNoun returns the noun after the last item of a list the mention belongs to
// (500万元、100万元、50万元一次性薪酬补贴).
func listSharedNoun(st *sentenceText, a []rune, ms []mention, i int, c segment.Span) string {
	_, j := listGroup(a, ms, i, c)
	if j == i {
		return ""
	}
	end := c.End
	if j+1 < len(ms) && ms[j+1].Start < end {
		end = ms[j+1].Start
	}
	_, right := indicatorParts(a, ms[j].End, ms[j].Start, ms[j].End, end)
	if r, noun := cleanRight(a, right); noun && !r.empty() {
		return st.text(a, r)
	}
	return ""
}

// respectiveName pairs a list of names with a list of numbers after 分别
// (战略性新兴产业、高新技术产业增加值分别增长10%、7.9%).
func respectiveName(st *sentenceText, a []rune, ms []mention, i int, c segment.Span, lists *listMemo) string {
	names, k, whole := lists.names(a, ms, i, c)
	switch {
	case whole.len() > 0:
		return st.text(a, whole)
	case names == nil:
		return ""
	}
	return st.text(a, names[k])
}

// respectiveNames returns the names of the 分别 list the mention ms[i] belongs to and
// which of them is its own; or, for ordinals sharing one noun (第一、二、三产业), no names
// and the whole phrase; or nothing when the mention is in no such list.
func respectiveNames(a []rune, ms []mention, i int, c segment.Span) (names []phrase, k int, whole phrase) {
	first, last := listGroup(a, ms, i, c)
	return respectiveNamesOf(a, ms, i, first, last, c)
}

// respectiveNamesOf is respectiveNames for the list ms[first..last], mention i's list in c.
func respectiveNamesOf(a []rune, ms []mention, i, first, last int, c segment.Span) (names []phrase, k int, whole phrase) {
	if last == first {
		return nil, 0, phrase{}
	}
	lb := c.Start
	if first > 0 && ms[first-1].End > lb {
		lb = ms[first-1].End
	}
	at := lastIndexWord(a, []rune("分别"), lb, ms[first].Start)
	if at < 0 {
		// 分别从771家、481家增加到1076家、636家: the second list pairs like the first.
		if first > 0 && ms[first-1].Start >= c.Start {
			pf, pl := listGroup(a, ms, first-1, c)
			if pl-pf == last-first && pl > pf {
				return respectiveNamesOf(a, ms, pf+(i-first), pf, pl, c) // the same list for each of its figures
			}
		}
		if names := tightPairs(a, ms, first, last, lb); names != nil {
			return names, i - first, phrase{}
		}
		return nil, 0, phrase{}
	}
	p := dropTrailingFunction(a, phrase{lb, at})
	names = splitNames(a, p, '、')
	if len(names) != last-first+1 {
		// 入境游客数量和花费分别增长…: names joined by 和 too.
		names = splitNames(a, p, '、', '和', '及', '与')
	}
	if len(names) != last-first+1 {
		if len(names) <= 1 && lb == c.Start {
			// 海工装备、生物医药、…产业集群实现快速增长,同比增速分别为20.2%、13.7%、8.6%:
			// the names are the clause before, the subject the 分别 clause goes on with.
			if prev := previousClauseNames(a, c.Start, last-first+1); prev != nil {
				return prev, i - first, phrase{}
			}
		}
		return nil, 0, phrase{}
	}
	if slices.ContainsFunc(names, func(p phrase) bool { return isOrdinalFragment(a, p) }) {
		return nil, 0, p // 第一、二、三产业对经济增长的贡献率分别为…: ordinals sharing one noun, named whole
	}
	return names, i - first, phrase{}
}

// listMemo keeps the names of the last 分别 list read in a sentence: they depend only on
// the clause and the list's first and last figure, and each figure of the list asks for
// them up to four times (its name, a place list's head, its concept, the list's text).
// It keeps the list group of the figure being attributed too (at), which the list rules
// ask up to five times a figure.
type listMemo struct {
	c           segment.Span
	first, last int
	list        []phrase
	whole       phrase
	have        bool
	places      placeNamesMemo // placeListHead's first look, for the list's figures
	fig         listFigure
}

// listFigure is listGroup(a, ms, i, c): first and last.
type listFigure struct {
	i, first, last int
	c              segment.Span
	known          bool
}

// at is listGroup(a, ms, i, c), kept for names to ask again.
func (m *listMemo) at(a []rune, ms []mention, i int, c segment.Span) (first, last int) {
	first, last = listGroup(a, ms, i, c)
	m.fig = listFigure{i: i, first: first, last: last, c: c, known: true}
	return first, last
}

// names is respectiveNames(a, ms, i, c), read once per list.
func (m *listMemo) names(a []rune, ms []mention, i int, c segment.Span) (names []phrase, k int, whole phrase) {
	if ms[i].listBack == 0 && ms[i].listFwd == 0 {
		return nil, 0, phrase{} // no list: most figures
	}
	first, last := m.fig.first, m.fig.last
	if !m.fig.known || m.fig.i != i || m.fig.c != c {
		first, last = listGroup(a, ms, i, c)
	}
	if last == first {
		return nil, 0, phrase{} // a list cut by the clause
	}
	if !m.have || m.c != c || m.first != first || m.last != last {
		m.list, _, m.whole = respectiveNamesOf(a, ms, i, first, last, c)
		m.c, m.first, m.last, m.have = c, first, last, true
	}
	if m.list == nil {
		return nil, 0, m.whole
	}
	return m.list, i - first, m.whole
}

// maxPreviousClause bounds how far back previousClauseNames reads.
const maxPreviousClause = 120

// previousClauseNames returns the n names joined by 、 that open the clause before the one
// starting at cs (up to its first verb), when that clause ends with a comma or semicolon
// and holds no number; else nil.
func previousClauseNames(a []rune, cs, n int) []phrase {
	if cs < 2 || !strings.ContainsRune(",，;；", a[cs-1]) {
		return nil
	}
	pe := cs - 1
	ps := pe
	for ps > 0 && pe-ps < maxPreviousClause && a[ps-1] != '\n' && (a[ps-1] == '、' || !isPunctBreak(a[ps-1])) {
		if cjk.IsDigit(a[ps-1]) {
			return nil // a clause of figures: its names are its own (新一代 is a name)
		}
		ps--
	}
	if ps > 0 && a[ps-1] != '\n' && !isPunctBreak(a[ps-1]) {
		return nil // longer than a subject
	}
	end := pe
	if v, _ := verbsObject.IndexIn(a, ps, pe); v > ps {
		end = v
	}
	names := splitNames(a, phrase{ps, end}, '、')
	if len(names) != n {
		return nil
	}
	return names
}

// tightPairs returns the names a list of figures ms[first..last] pairs with without 分别:
// as many names joined by 、, right before the figures but for a verb, the figures joined
// by 、 alone (国内游客人次、总花费增长5.6%、7.5%; 每千人床位数、执业医师数增至7.83张、3.57个).
// Else nil.
func tightPairs(a []rune, ms []mention, first, last, lb int) []phrase {
	for k := first; k < last; k++ {
		if ms[k+1].Start != ms[k].End+1 || a[ms[k].End] != '、' {
			return nil
		}
	}
	if cjk.IndexRune(a, lb, ms[first].Start, '、') < 0 {
		return nil // one name: most lists of figures
	}
	p := dropTrailingFunction(a, phrase{lb, ms[first].Start})
	if p.e == ms[first].Start {
		return nil // no verb between: 诊所、卫生所1053个、… is another shape
	}
	names := splitNames(a, p, '、')
	if len(names) != last-first+1 || slices.ContainsFunc(names, func(n phrase) bool { return isOrdinalFragment(a, n) }) {
		return nil
	}
	return names
}

// respectiveListText is the text of the 分别 list ms[i] is named in, from its first name
// to its last; name when there is none.
func respectiveListText(st *sentenceText, a []rune, ms []mention, i int, c segment.Span, name string, lists *listMemo) string {
	names, _, _ := lists.names(a, ms, i, c)
	if len(names) < 2 {
		return name
	}
	return st.text(a, phrase{names[0].s, names[len(names)-1].e})
}

// respectiveHead returns, for a name of a 分别 list that is not its last, the name joined
// with the head the list's last name shares (城镇、农村居民人均可支配收入 → 城镇 +
// 居民人均可支配收入): what the name may measure, for its concept; the last name, to tell
// that concept from its own. The head starts where the last name's first word ends,
// told by a word as long as one of the list's names (城镇/农村, 水利/电网) or ending in
// the same character as this one (城镇居民/农村居民, 装备制造业/高技术制造业).
func respectiveHead(a []rune, ms []mention, i int, c segment.Span, indicator string, lists *listMemo) (joined []string, last string) {
	if ms[i].listFwd == 0 {
		return nil, "" // not in a list, or its last item: most numbers, told without a look
	}
	names, k, _ := lists.names(a, ms, i, c)
	if names == nil || k == len(names)-1 || !runesEqual(a[names[k].s:names[k].e], indicator) {
		return nil, ""
	}
	name, lastName := a[names[k].s:names[k].e], a[names[len(names)-1].s:names[len(names)-1].e]
	if len(name) > maxModifierName {
		return nil, "" // a name of its own, no modifier of the head: most list names
	}
	var tried [8]int // where the head was tried to start, so that no join is tried twice
	n := 0
	try := func(at int) {
		if at < 1 || len(lastName)-at < 2 || slices.Contains(tried[:n], at) || n == len(tried) {
			return
		}
		tried[n] = at
		n++
		joined = append(joined, string(name)+string(lastName[at:]))
	}
	try(len(name))
	for _, other := range names[:len(names)-1] {
		try(other.len())
	}
	for at := 1; at < len(lastName); at++ {
		if lastName[at-1] == name[len(name)-1] {
			try(at)
		}
	}
	return joined, string(lastName)
}

// afterFrame moves lb past what a figure is stated without (剔除增发国债等因素后同比增长
// 6.7%): those words name neither the figure nor what it measures.
func afterFrame(a []rune, lb, start int) int {
	if k, n := frameOpeners.LastIndexIn(a, lb, start); k >= 0 {
		return frameEnd(a, k, n, start)
	}
	return lb
}

// frameEnd is where the frame that the opener a[k:k+n] begins ends before a[start].
func frameEnd(a []rune, k, n, start int) int {
	if h := cjk.IndexRune(a, k+n, start, '后', '外'); h >= 0 {
		return h + 1
	}
	return k + n // 剔除一次性投入26亿元等因素后: the figure left out, named after the opener
}

// maxFrameOpener is the most runes a frame opener has.
var maxFrameOpener = maxRunes(frameOpeners.Words())

func maxRunes(words []string) int {
	n := 0
	for _, w := range words {
		n = max(n, utf8.RuneCountInString(w))
	}
	return n
}

// frameMemo answers afterFrame and insideFrame for the figures of a sentence, which are
// asked in text order: the last frame opener from a clause's start up to a figure is the
// one up to the figure before, unless a word ends after that figure. The clause is read
// once, not again from its start by each frame rule at every figure.
type frameMemo struct {
	ok       bool
	from, to int // the last search: a[from:to]
	k, n     int // its answer, frameOpeners.LastIndexIn(a, from, to)
}

// last is frameOpeners.LastIndexIn(a, from, to).
func (f *frameMemo) last(a []rune, from, to int) (int, int) {
	if !f.ok || f.from != from || to < f.to {
		f.ok, f.from, f.to = true, from, to
		f.k, f.n = frameOpeners.LastIndexIn(a, from, to)
		return f.k, f.n
	}
	if to > f.to {
		// A word ending after f.to starts at most maxFrameOpener-1 runes before its end;
		// one ending by f.to is known already.
		if k, n := frameOpeners.LastIndexIn(a, max(from, f.to+1-maxFrameOpener), to); k >= 0 && k+n > f.to {
			f.k, f.n = k, n
		}
		f.to = to
	}
	return f.k, f.n
}

// openerBefore is the last frame opener from a figure's clause start up to the figure:
// what afterFrame and insideFrame both look for, found once per figure.
type openerBefore struct {
	from, start int // the clause start and the figure
	k, n        int // frameOpeners.LastIndexIn(a, from, start)
}

// before is the last frame opener in a[from:start], from being a clause start.
func (f *frameMemo) before(a []rune, from, start int) openerBefore {
	k, n := f.last(a, from, start)
	return openerBefore{from, start, k, n}
}

// after is afterFrame(a, lb, o.start).
func (o openerBefore) after(a []rune, lb int) int {
	switch {
	case lb < o.from || o.k >= 0 && o.k < lb:
		return afterFrame(a, lb, o.start) // the last opener after lb is not the clause's last
	case o.k < 0:
		return lb
	}
	// The clause's last opener starts after lb: the longest word at the last end past lb.
	return frameEnd(a, o.k, o.n, o.start)
}

// inside is insideFrame(a, o.from, o.start).
func (o openerBefore) inside(a []rune) bool {
	return o.k >= 0 && cjk.IndexRune(a, o.k+o.n, o.start, '后', '外', ',', '，') < 0
}

// pairedItem returns the mention that mention i pairs with when its list opens a clause
// with 分别 and names nothing (…游客17.52亿人次、旅游花费1.27万亿元,分别增长32.9%、41.6%):
// the list of the clause before, item for item, when it is as long. -1 otherwise.
// first and last are listGroup(a, ms, i, c).
func pairedItem(a []rune, sen segment.Sentence, ms []mention, i, first, last int, c segment.Span) int {
	if last == first || first == 0 || ms[first-1].End > c.Start {
		return -1
	}
	k := lastIndexWord(a, []rune("分别"), c.Start, ms[first].Start)
	if k < 0 || !trimPhrase(a, phrase{c.Start, k}).empty() {
		return -1
	}
	numStart := ms[first].Start
	if _, qs := ms[first].qualifierBefore(); qs > k {
		numStart = qs
	}
	if verb := trimPhrase(a, phrase{k + 2, numStart}); !verb.empty() && !verbOnly.Contains(text(a, verb)) {
		return -1 // 分别拉动全市GDP增长0.8个…: a measure of its own
	}
	pc := clauseSpan(sen, ms[first-1].Start)
	pf, pl := listGroup(a, ms, first-1, pc)
	if pc.End+1 < c.Start || pl != first-1 || pl-pf != last-first {
		return -1 // the list must end the clause right before
	}
	return pf + (i - first)
}

// bracketedAfter returns the noun a number in brackets stands right after
// (新增转移支付(127.92亿元)、上年结转(20.41亿元)): the brackets make the number the noun's
// own figure, whatever the sentence goes on to say; and where the noun's phrase starts and
// the bracket opens, for its change word. "" when the number is not so written.
func bracketedAfter(st *sentenceText, a []rune, ms []mention, i, sentStart int) (name string, from, open int) {
	m := &ms[i]
	open = m.Start - 1
	if open <= sentStart || !isOpenBracket(a[open]) || m.End >= len(a) || a[m.End] != ')' && a[m.End] != '）' {
		return "", 0, 0
	}
	from = sentStart // the noun runs back to a break or to the number before
	if i > 0 && ms[i-1].End > from && ms[i-1].End <= open {
		from = ms[i-1].End
	}
	for k := open - 1; k > from; k-- {
		if isNounBreak(a[k]) {
			from = k + 1
			break
		}
	}
	if l := cleanLeft(a, phrase{from, open}); l.len() >= 2 {
		return st.text(a, l), from, open
	}
	return "", 0, 0
}

// closedAfter reports a bracket closing right after m, which bracketedAfter asks first.
func closedAfter(a []rune, m *mention) bool {
	return m.End < len(a) && (a[m.End] == ')' || a[m.End] == '）')
}

// isNounBreak reports punctuation no noun phrase runs across.
func isNounBreak(r rune) bool {
	return isPunctBreak(r) || isOpenBracket(r) || r == ')' || r == '）'
}

// purposeInNextClause returns the purpose of money ms[i] when the clause right after it
// opens with a purpose verb (统筹7.12亿元,支持三明高新区、三明经济开发区发展), up to that
// clause's end or the next number. a ends with the sentence.
func purposeInNextClause(a []rune, ms []mention, i int) (phrase, bool) {
	k := ms[i].End
	if _, qe := units.QualifierAfter(a, k); qe > k {
		k = qe
	}
	if k >= len(a) || a[k] != ',' && a[k] != '，' {
		return phrase{}, false
	}
	s := k + 1
	if n := purposeAdverbs.PrefixAt(a, s); n > 0 && purposeVerbs.PrefixAt(a, s+n) > 0 {
		s += n // 安排3.4亿元,积极推动以旧换新…: how it was used is not what for
	}
	if purposeVerbs.PrefixAt(a, s) == 0 {
		return phrase{}, false
	}
	e := s
	for e < len(a) && (a[e] == '、' || !isPunctBreak(a[e])) {
		if i+1 < len(ms) && e >= ms[i+1].Start {
			break
		}
		e++
	}
	p := trimPhrase(a, phrase{s, e})
	if n := purposeLinks.PrefixAt(a, p.s); n > 0 && p.len()-n >= 3 {
		p = trimPhrase(a, phrase{p.s + n, p.e}) // 支持举办各类促消费活动: 举办各类促消费活动
	}
	return p, p.len() >= 3
}

// isOrdinalFragment reports a listed name that is only an ordinal (第一, 二): a list such as
// 第一、二、三产业 shares one noun among its ordinals.
func isOrdinalFragment(a []rune, p phrase) bool {
	s := p.s
	if s < p.e && a[s] == '第' {
		s++
	}
	if s == p.e {
		return false
	}
	for k := s; k < p.e; k++ {
		if !units.IsChineseNumeral(a[k]) && !cjk.IsDigit(a[k]) {
			return false
		}
	}
	return true
}

// listGroup returns the first and last mention of the list in clause c that mention i
// belongs to (i, i when it stands alone).
func listGroup(a []rune, ms []mention, i int, c segment.Span) (int, int) {
	if ms[i].listBack == 0 && ms[i].listFwd == 0 {
		return i, i // in no list: most figures, asked up to four times each
	}
	// The chain of inListWith links is known (listBack, listFwd); the clause bounds it,
	// searched for only when it cuts the chain (the figures are in text order).
	first, last := max(0, i-ms[i].listBack), min(len(ms)-1, i+ms[i].listFwd)
	if ms[first].Start < c.Start {
		first += sort.Search(i-first, func(k int) bool { return ms[first+k].Start >= c.Start })
	}
	if ms[last].Start >= c.End {
		last = i + sort.Search(last-i, func(k int) bool { return ms[i+1+k].Start >= c.End })
	}
	return first, last
}

// splitNames cuts a list of names at the given separators. What follows 等 in the last
// name is the list's shared head (食品、石化、医药、信息等产业增加值 → 信息).
func splitNames(a []rune, p phrase, seps ...rune) []phrase {
	if k := lastIndex(a, '等', p.s, p.e); k >= 0 && isEtcAt(a, k) && lastIndex(a, '、', p.s, k) >= 0 {
		p.e = k
	}
	var names []phrase
	s := p.s
	for x := p.s; x <= p.e; x++ {
		if x == p.e || cjk.IndexRune(a, x, x+1, seps...) == x {
			if n := cleanLeft(a, phrase{s, x}); !n.empty() {
				names = append(names, n)
			}
			s = x + 1
		}
	}
	return names
}

// lastIndexWord returns where the last w (a word: not empty) in a[from:to] starts; -1
// when there is none.
func lastIndexWord(a, w []rune, from, to int) int {
	for k := to - len(w); k >= from; k-- {
		if a[k] == w[0] && slices.Equal(a[k:k+len(w)], w) { // the first rune tells most places
			return k
		}
	}
	return -1
}

// levelNounAfter is the noun after the next level in a[from:to] (…,2个百亿级产业集群 →
// 产业集群): what a count named by its level alone counts when the sentence names it only
// once, after its last level. "" when no level is followed by a noun.
func levelNounAfter(st *sentenceText, a []rune, from, to int) string {
	for k := from; k+1 < to; k++ {
		if a[k] != '级' || !cjk.IsHan(a[k+1]) {
			continue
		}
		e := k + 1
		for e < to && cjk.IsHan(a[e]) {
			e++
		}
		if p := trimPhrase(a, phrase{k + 1, e}); p.len() >= 2 {
			return st.text(a, p)
		}
		return ""
	}
	return ""
}

// levelLen is the length in bytes of the level a name opens with (国家级, 省级, 世界级,
// 区域级: up to three characters and 级), 0 when it opens with none.
func levelLen(name string) int {
	for n, k := 0, 0; k < len(name) && n <= 3; n++ {
		r, size := utf8.DecodeRuneInString(name[k:])
		k += size
		if r == '级' && n > 0 {
			return k
		}
	}
	return 0
}

// levelAfter reports the level right after a number (3个|千亿级): not one before it
// (其中国家级8家), which names the figure.
func levelAfter(a []rune, end int, level string) bool {
	n := utf8.RuneCountInString(level)
	return end+n <= len(a) && runesEqual(a[end:end+n], level)
}

// nameOrNone is name, or "" when it has more than MaxSentence characters: no indicator is
// that long (the longest written, a list of budget items, has some 70), but a list of
// names whose figures do not pair with them one for one gave each figure the whole list,
// output the square of the input (a list of n names before 2n figures). As MaxSentence
// bounds the sentence a record carries, this bounds its indicator.
func nameOrNone(name string) string {
	if len(name) > MaxSentence && utf8.RuneCountInString(name) > MaxSentence {
		return ""
	}
	return name
}
