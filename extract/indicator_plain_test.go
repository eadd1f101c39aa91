package extract

import (
	"testing"

	"github.com/policymetrics/policymetrics/extract/segment"
)

// TestIndicatorOfMatchesPlain compares indicatorOf, which cleans a phrase only when a rule
// reads it (and reads the qualifier before the number as findMentions found it, a list's
// names only after a 、, a generic name of money on the runes), with indicatorOfPlain,
// which cleans both phrases first and then asks the rules in their order, for every
// mention of the corpus and of odd sentences, with the left bound attributeSentence gives
// and with the clause start (a class bound's whole name).
func TestIndicatorOfMatchesPlain(t *testing.T) {
	texts := []string{
		"全省生产总值增长6.5%,高于全国1.2个百分点,占全国9成,比上年提高0.3个百分点。",
		"无人机产量增长39%、占全国9成;增加值2066.56亿元,占GDP比重为73.0%,同比增长6.2%。",
		"省财政安排8亿元支持产业转型升级,统筹7.12亿元,支持三明高新区发展,安排资金41亿元,支持乡村振兴。",
		"抓好赛得利纤维等3500多个拟竣工投产项目,培训47.8万人次,新增2个创建小镇,12类45件民生实事。",
		"地区生产总值连跨5万亿元、6万亿元两个台阶,达14.2万亿元,年均增长5.7%。",
		"65%以上的大中型企业开展研发,其中70%将投入企业科研,同比增长15%。",
		"诊所、卫生所、医务室1053个;小麦、玉米等主栽品种良种覆盖率97%,投入34.1亿元。",
		"收入1009亿元加上转移支付收入395.61亿元,18家院校与30家企业,分别给予500万元、100万元、50万元一次性薪酬补贴。",
		"每千人口3岁以下婴幼儿托位数达4.76个,城镇新增就业52万人,市级财政投入78.52亿元。",
	}
	for _, d := range readTestdata(t, "corpus/*.txt") {
		texts = append(texts, string(d))
	}
	calls := 0
	forSentences(texts, func(a []rune, sen segment.Sentence, sm []mention) {
		memos := [2]subjectMemo{newSubjectMemo(nil), newSubjectMemo(nil)}
		var lists [2]listMemo
		prevOf := func() string { return "前项" }
		for i := range sm {
			m := &sm[i]
			c := clauseSpan(sen, m.Start)
			memos[0].enter(c)
			memos[1].enter(c)
			lb, rb := c.Start, c.End
			if i > 0 && sm[i-1].End > lb && sm[i-1].End <= m.Start {
				lb = sm[i-1].End
			}
			if i+1 < len(sm) && sm[i+1].Start < rb && sm[i+1].Start >= m.End {
				rb = sm[i+1].Start
			}
			for _, from := range []int{lb, c.Start} {
				from = afterFrame(a, from, m.Start)
				got := indicatorOf(nil, a, sm, i, from, rb, c, sen.End, prevOf, &memos[0], &lists[0])
				want := indicatorOfPlain(a, sm, i, from, rb, c, sen.End, prevOf, &memos[1], &lists[1])
				if got != want {
					t.Fatalf("indicator of %q in %q from %d = %q, want %q", string(a[m.Start:m.End]),
						string(a[sen.Start:sen.End]), from-sen.Start, got, want)
				}
				calls++
			}
		}
	})
	if calls < 1000 {
		t.Fatalf("only %d mentions checked", calls)
	}
}

// indicatorOfPlain is indicatorOf as first written: both phrases cleaned before any rule.
func indicatorOfPlain(a []rune, ms []mention, i, lb, rb int, c segment.Span, senEnd int, prevOf func() string, subjects *subjectMemo, lists *listMemo) string {
	m := &ms[i]
	money := isMoneyUnit(baseUnit(m.Unit))
	left, right := indicatorParts(a, lb, m.Start, m.End, rb)
	if wholeList(a, ms, lb, left, c) {
		left.s = lb // 诊所、卫生所、医务室1053个
	} else if lb == c.Start && left.s > lb && a[left.s-1] == '、' {
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
	if name := respectiveName(nil, a, ms, i, c, lists); name != "" {
		return name
	}
	if rb == m.End && i+1 < len(ms) && ms[i+1].Start == m.End && !isDivisionUnit(m.Unit) {
		// 12类45件民生实事: adjacent numbers count the same thing.
		nrb := c.End
		if i+2 < len(ms) && ms[i+2].Start < nrb {
			nrb = ms[i+2].Start
		}
		right = phrase{ms[i+1].End, nrb}
	}
	// What the figure is of when its own words name nothing: the clause's subject, else
	// the name before. Read only when asked: most figures name their own.
	prev, prevRead := "", false
	prevName := func() string {
		if !prevRead {
			prevRead = true
			if subj := subjects.clause(a, ms, i, c); subj != "" && !(i > 0 && ms[i-1].End > c.Start && ms[i-1].Unit == m.Unit) {
				prev = subj // 地区生产总值连续迈上4个台阶、达14.2万亿元 (not 新推出7项成果、累计达到161项)
			} else {
				prev = prevOf()
			}
		}
		return prev
	}
	leftOf := cleanLeftKind // a rate's name is read as a noun phrase: cleanLeftRate
	if isRateUnit(m.Unit) {
		leftOf = cleanLeftRate
	}
	l, lk := leftOf(a, left)
	if m.Unit == "个" && !right.empty() {
		if n := levelMetaphors.PrefixAt(a, right.s); n > 0 {
			return text(a, phrase{right.s, right.s + n}) // 连跨5万亿元、6万亿元两个台阶: the steps are counted
		}
	}
	r, noun := cleanRight(a, right)
	strongLeft := l.len() >= 2 && !isOnlyVerb(a, l)
	if money && (lk == leftSubject || lk == leftVerb || l.empty()) && !noun && !r.empty() && !startsChange(a, r.s) {
		return text(a, r) // 省财政安排8亿元支持…: who pays is not what the money is for
	}
	if money && r.empty() && (lk == leftVerb || l.empty() || isOnlyVerb(a, l) || genericMoney.Contains(text(a, l))) {
		if p, ok := purposeInNextClause(a[:senEnd], ms, i); ok {
			return text(a, p) // 统筹7.12亿元,支持三明高新区发展: the money named by its use
		}
	}
	if isRateUnit(m.Unit) {
		if before, ok := comparisonSplit(a, left); ok {
			if p := cleanLeft(a, before); p.len() >= 2 {
				return text(a, p)
			}
			return prevName() // 高于全国1.2个百分点: the gap of what the sentence is about
		}
		switch {
		case strongLeft:
			if a[l.s] == '占' && (l.s == c.Start || isPunctBreak(a[l.s-1])) {
				// 无人机产量增长39%、占全国9成; 增加值2066.56亿元,占GDP比重为73.0%: the share
				// is of what the clause, or the clause before, is about
				if owner := shareOwner(prevName, prevOf); owner != "" {
					return owner + text(a, l)
				}
			}
			return text(a, l)
		case !r.empty() && (noun || l.empty()):
			return text(a, r) // 65%以上的大中型企业…; 其中70%将投入企业科研
		case prevName() != "":
			return prevName() // 同比增长15%: the rate of what was just named
		}
		return text(a, l)
	}
	switch {
	case noun && !r.empty():
		return text(a, r)
	case !r.empty() && m.Start > 0 && a[m.Start-1] == '等' && !money:
		// 抓好赛得利纤维等3500多个拟竣工投产项目: what 等 closes are examples of the thing
		// counted, which follows the number.
		if r.len() >= 2 {
			return text(a, r)
		}
		if strongLeft {
			return text(a, l)
		}
	case strongLeft:
		return text(a, l)
	case !r.empty() && !money && !isTimeUnit(m.Unit):
		// A count is of a thing even when its name starts like a verb (2个创建小镇).
		if rr := endOfItem(a, r, true); rr.len() >= 2 {
			return text(a, rr)
		}
	}
	if shared := listSharedNoun(nil, a, ms, i, c); shared != "" {
		return shared // 分别给予500万元、100万元、50万元一次性薪酬补贴
	}
	switch {
	case !r.empty() && money && !startsChange(a, r.s):
		return text(a, r) // 投入34.1亿元支持产业转型升级: the purpose names the money
	case !l.empty() && lk != leftVerb && !isOnlyVerb(a, l):
		return text(a, l)
	case !l.empty() && lk == leftVerb && verbsObject.PrefixAt(a, l.s) == l.len() && !(i > 0 && ms[i-1].Start >= c.Start && ms[i-1].Unit == m.Unit):
		return text(a, l) // 培训47.8万人次: the activity, when nothing names the thing
	case !r.empty() && !startsChange(a, r.s):
		return text(a, r)
	case prevName() == "":
		return subjects.sentence(a, c)
	}
	return prevName()
}
