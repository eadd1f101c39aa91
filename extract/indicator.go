package extract

import (
	"strings"

	"github.com/policymetrics/policymetrics/extract/internal/cjk"
	"github.com/policymetrics/policymetrics/extract/lexicon"
	"github.com/policymetrics/policymetrics/units"
)

var (
	dropBefore       = lexicon.Get("indicator-drop-before")
	dropAfter        = lexicon.Get("indicator-drop-after")
	baselineFigures  = lexicon.Get("baseline-figures")
	indicatorKeep    = lexicon.Get("indicator-keep")
	verbsObject      = lexicon.Get("verbs-object")
	verbNouns        = lexicon.Get("verb-in-noun")
	verbsPredicate   = lexicon.Get("verbs-predicate")
	honourVerbs      = lexicon.Get("honour-verbs")
	adverbs          = lexicon.Get("adverbs")
	listBreaks       = lexicon.Get("list-breaks")
	nextItemOpeners  = lexicon.Get("next-item-openers")
	wordsEndingEtc   = lexicon.Get("words-ending-etc")
	wordsStartingEtc = lexicon.Get("words-starting-etc")
	frameOpeners     = lexicon.Get("frame-openers")
	frameNouns       = lexicon.Get("frame-nouns")
	moneyHeads       = lexicon.Get("money-heads")
	coordinatedVerbs = lexicon.Get("coordinated-verbs")
	changeNames      = lexicon.Get("change-names")
	relativeOpeners  = lexicon.Get("relative-openers")
	levelMetaphors   = lexicon.Get("level-metaphors")

	verbNounGuard = newCoverGuard(verbNouns, verbsObject) // mainVerb's first test of a verb
)

// isRateUnit reports a unit that measures a change or a share of something named before
// it, never a thing counted after it. (A switch, not a map: it is asked several times per
// mention.)
func isRateUnit(u string) bool {
	switch u {
	case "%", "‰", "百分点", "倍":
		return true
	}
	return false
}

// isMoneyUnit reports a currency: amounts whose purpose may name them
// (投入34.1亿元支持产业转型升级).
func isMoneyUnit(u string) bool {
	switch u {
	case "元", "美元", "港元", "欧元", "日元", "英镑", "澳元":
		return true
	}
	return false
}

// phrase is a stretch [s, e) of the analysis text considered as an indicator.
type phrase struct{ s, e int }

func (p phrase) empty() bool { return p.e <= p.s }
func (p phrase) len() int    { return max(0, p.e-p.s) }

// indicatorParts finds the two candidate phrases of a mention: the text before it back to
// the previous number or the clause start (left), and the text after it up to the next
// number or the clause end (right), without the qualifier words touching it.
func indicatorParts(a []rune, lb, start, end, rb int) (left, right phrase) {
	_, qs := units.QualifierBefore(a, start) // asked once: lastListSep reads it too
	return indicatorPartsBefore(a, lb, start, qs, end, rb)
}

// indicatorPartsBefore is indicatorParts when the qualifier before start starts at qs
// (start if none): a mention's, which findMentions has read (qualifierOf), is not asked
// again.
func indicatorPartsBefore(a []rune, lb, start, qs, end, rb int) (left, right phrase) {
	left = phrase{lb, start}
	// Words before a 、 belong to the previous list item (设立再担保机构、3亿元设立…), and a
	// number right after 和/及/与 has no words of its own before it (院校与30家企业).
	if k := lastListSepBefore(a, lb, start, qs); k >= 0 {
		left.s = k + 1
	}
	if qs >= lb {
		left.e = qs
	}
	right = phrase{end, rb}
	if _, qe := units.QualifierAfter(a, end); qe <= rb {
		right.s = qe
	}
	return left, right
}

// cleanLeft narrows the text before a number to what it measures: drop framing words at
// the start (全市, 2016年, 其中) and function words at the end (达, 为, 共计, 同比增长), then
// keep what the main verb governs (完成总产值 → 总产值); when a verb ends the text keep
// what precedes it (市级财政投入 → 市级财政), or the verb itself when nothing else is left.
func cleanLeft(a []rune, p phrase) phrase {
	q, _ := cleanLeftKind(a, p)
	return q
}

// insideLastItem reports a verb at a[vs] after the last 、 of a list phrase: it belongs to
// that item (…、上解上级支出、安排预算稳定调节基金), not to the whole list.
func insideLastItem(a []rune, p phrase, vs int) bool {
	for k := vs - 1; k >= p.s; k-- {
		if a[k] == '、' {
			return true
		}
	}
	return false
}

// What the text before a number turned out to be.
type leftKind int

const (
	leftPlain   leftKind = iota // no verb: a noun phrase (众创空间达270家)
	leftObject                  // the object of a verb (完成总产值19556亿元)
	leftSubject                 // the subject of a verb that ends the text (市级财政投入78.52亿元)
	leftVerb                    // only a verb (培训47.8万人次)
)

// cleanLeftRate is cleanLeft for a rate: what grew or what the share is of is a noun
// phrase that may hold verb-like words (全社会研发投入强度), so it is split only at a verb
// that opens it (实现规模以上工业增加值增长6.5%).
func cleanLeftRate(a []rune, p phrase) (phrase, leftKind) {
	p = dropTrailingFunction(a, trimPhrase(a, p))
	if p.empty() {
		return p, leftPlain
	}
	if n := verbsObject.PrefixAt(a, p.s); n > 0 && !relativeClauseHead(a, p.s+n, p.e) {
		if after := dropTrailingFunction(a, trimPhrase(a, phrase{p.s + n, p.e})); after.len() >= 2 {
			return after, leftObject
		}
	}
	return p, leftPlain
}

func cleanLeftKind(a []rune, p phrase) (phrase, leftKind) {
	p = dropTrailingFunction(a, trimPhrase(a, p))
	if p.empty() {
		return p, leftPlain
	}
	kind := leftPlain
	if vs, vn := mainVerb(a, p); vs >= 0 && !insideLastItem(a, p, vs) {
		after := dropTrailingFunction(a, trimPhrase(a, pastCoordinatedVerb(a, phrase{vs + vn, p.e})))
		switch {
		case after.len() == 2 && vs-p.s >= 1 && vs-p.s <= 3 && !strings.ContainsRune("后前时中内来", a[vs-1]):
			// 城镇新增就业52万人: a short subject, verb and object make one name.
			p, kind = trimPhrase(a, phrase{p.s, after.e}), leftObject
		case after.len() >= 2:
			p, kind = after, leftObject
		case vs > p.s:
			if before := dropTrailingFunction(a, trimPhrase(a, phrase{p.s, vs})); before.len() >= 2 {
				p, kind = before, leftSubject
			} else {
				p, kind = phrase{vs, vs + vn}, leftVerb
			}
		default:
			p, kind = phrase{vs, vs + vn}, leftVerb
		}
	}
	return trimPhrase(a, p), kind
}

// pastCoordinatedVerb skips a second verb joined to the main one (新建和改造高标准农田, 制定、
// 修改和废止…规章): the object follows it. 和美乡村 is a noun: only listed verbs are skipped.
func pastCoordinatedVerb(a []rune, p phrase) phrase {
	for p.len() > 2 && isCoordinator(a[p.s]) {
		n := coordinatedVerbs.PrefixAt(a, p.s+1)
		if n == 0 || p.s+1+n >= p.e {
			break
		}
		p.s += 1 + n
	}
	return p
}

// isCoordinator reports a word joining two verbs or items: 和, 及, 与, 或, 、. (A switch, as
// in isAuxiliary: strings.ContainsRune on a constant searches its bytes, and both are asked
// once per mention or more.)
func isCoordinator(r rune) bool {
	switch r {
	case '和', '及', '与', '或', '、':
		return true
	}
	return false
}

// isAuxiliary reports a word of time or mood opening a predicate (将, 要, 已, 可, 拟): no part
// of the thing counted before it.
func isAuxiliary(r rune) bool {
	switch r {
	case '将', '要', '已', '可', '拟':
		return true
	}
	return false
}

// mainVerb finds the verb whose object is measured: the last verb of the phrase, except
// one right after a closing quote, which is part of a name (“互联网+”创建小镇).
func mainVerb(a []rune, p phrase) (int, int) {
	for e := p.e; e > p.s; {
		k, n := verbsObject.LastIndexIn(a, p.s, e)
		if k < 0 {
			return -1, 0
		}
		if k > p.s && (a[k-1] == '”' || a[k-1] == '"') || verbNounGuard.mayCover(a, k, k+n) && coveredBy(verbNouns, a, k, k+n) || k+n < p.e && (a[k+n] == '性' || a[k+n] == '的' && k > p.s) || k == p.s && relativeClauseHead(a, k+n, p.e) {
			e = k // 调出资金: a noun that holds a verb (出资) is no verb; nor is 帮扶性 (an adjective), nor 安排的 after its subject (地方财力安排的支出: a clause that qualifies the noun; 入围的… alone is the verb)
			continue
		}
		if last := k + n - 1; coordinatedVerbs.SuffixBefore(a, last) > 0 {
			if m := coordinatedVerbs.PrefixAt(a, last); m > 1 && last+m <= p.e {
				return last, m // 维修改造公办幼儿园: 维修|改造, not 修改 and 造
			}
		}
		return k, n
	}
	return -1, 0
}

// relativeClauseHead reports a noun after a 的 that a clause opening a phrase qualifies
// (达到或优于Ⅲ类标准的断面比例: the share of sections, not the verb 达到): a 的 in a[from:to],
// after the verb's own words and before two characters or more, and no list break.
func relativeClauseHead(a []rune, from, to int) bool {
	k := cjk.IndexRune(a, from, to, '的')
	if k <= from || to-k-1 < 2 {
		return false // 入围的…: the verb alone before 的 is the verb (the dev gold reads so)
	}
	for j := from; j < to; j++ {
		if isPunctBreak(a[j]) {
			return false
		}
	}
	return true
}

// cleanRight narrows the text after a number to the thing counted. It returns the phrase
// and whether it is a noun (the thing counted) rather than a purpose (投入34.1亿元支持
// 产业转型升级): a noun ends at a list separator or a verb (14位市领导担任… → 市领导),
// except that a selection keeps its verb and object (8家企业入选“中国互联网企业100强”).
func cleanRight(a []rune, p phrase) (phrase, bool) {
	if !p.empty() && (isPunctBreak(a[p.s]) || a[p.s] == '(' || a[p.s] == '（') {
		return phrase{p.s, p.s}, false // what follows a separator belongs to the next item
	}
	if p.len() > 1 && (a[p.s] == ')' || a[p.s] == '）') && isPunctBreak(a[p.s+1]) {
		return phrase{p.s, p.s}, false // (…、再融资债券152.6亿元)、地方上年…结转使用141.5亿元: past the bracket, the next item
	}
	// Each word list below is asked only when the first rune may start one of its words.
	if listBreaks.MayStartAt(a, p.s) {
		if n := listBreaks.PrefixAt(a, p.s); n > 0 && a[p.s] != '等' && (p.s+n >= p.e || nextIsNumber(a, p.s+n)) {
			return phrase{p.s, p.s}, false // 18家院校与30家企业: 与 starts the next item (not 和美乡村)
		}
	}
	if !p.empty() && p.e < len(a) && nextIsNumber(a, p.e) && belongsToNext(a, p) {
		return phrase{p.s, p.s}, false
	}
	p = trimPhrase(a, p)
	for !p.empty() && isAuxiliary(a[p.s]) {
		p.s++
	}
	if p.empty() || isEtc(a, p) {
		return phrase{p.s, p.s}, false // …补助0.1亿元等: "and so on" names nothing
	}
	if levelMetaphors.MayStartAt(a, p.s) && levelMetaphors.PrefixAt(a, p.s) > 0 {
		return phrase{p.s, p.s}, false // 迈上1000亿斤新台阶: a level reached, nothing counted
	}
	if h, ok := relativeHead(a, p); ok {
		return h, true
	}
	if verbsPredicate.MayStartAt(a, p.s) && verbsPredicate.PrefixAt(a, p.s) > 0 ||
		verbsObject.MayStartAt(a, p.s) && verbsObject.PrefixAt(a, p.s) > 0 || startsChange(a, p.s) {
		if honourVerbs.PrefixAt(a, p.s) == 0 {
			return endOfItem(a, p, false), false
		}
	}
	q := endOfItem(a, p, true)
	if q.len() > 2 && a[q.e-1] == '的' && q.e < len(a) && nextIsNumber(a, q.e) {
		q.e-- // 127个国家和地区的584个港口: 的 joins the next figure, no part of this noun
	}
	return q, true
}

// endOfItem ends the phrase at the first list break, and for a noun at the first verb.
func endOfItem(a []rune, p phrase, noun bool) phrase {
	for i := p.s; i < p.e; i++ {
		r := a[i]
		if !itemStops.Has(r) {
			continue // most runes: no rule below reads them, told by one bit
		}
		if r == '(' || r == '（' {
			// A bracket inside a name (重点企业(项目)服务专责小组) is skipped whole.
			if j := matchingClose(a, i, p.e); j > 0 && j+1 < p.e && cjk.IsHan(a[j+1]) && listBreaks.PrefixAt(a, j+1) == 0 {
				i = j
				continue
			}
			return trimPhrase(a, phrase{p.s, i})
		}
		if r == '“' {
			// Words inside quotes are a name (“链金合作”金融机构), never a verb.
			if j := cjk.IndexRune(a, i+1, p.e, '”'); j > 0 {
				i = j
				continue
			}
		}
		if i == p.s {
			continue
		}
		if isPunctBreak(r) || isEtcAt(a, i) {
			return trimPhrase(a, phrase{p.s, i})
		}
		// Each list is asked only when r may start one of its words: most runes start none.
		if listBreaks.MayStartWith(r) {
			if n := listBreaks.PrefixAt(a, i); n > 0 && nextIsNumber(a, i+n) {
				return trimPhrase(a, phrase{p.s, i}) // 18家院校与30家企业: the next item
			}
		}
		if !noun {
			continue
		}
		if r == '在' && i > p.s+1 && indicatorKeep.PrefixAt(a, i) == 0 && !strings.ContainsRune("所存现实正自旨潜内外好不", a[i-1]) {
			return trimPhrase(a, phrase{p.s, i}) // 5件作品在全省…评选中获奖: 在 opens where, not what (所在, 存在, 正在… are words)
		}
		if honourVerbs.MayStartWith(r) && honourVerbs.PrefixAt(a, i) > 0 {
			return trimPhrase(a, cutAtPunct(a, p))
		}
		if adverbs.MayStartWith(r) {
			if n := adverbs.PrefixAt(a, i); n > 0 && honourVerbs.PrefixAt(a, i+n) > 0 {
				return trimPhrase(a, cutAtPunct(a, p)) // 9家单位成功入围…
			}
		}
		if verbsPredicate.MayStartWith(r) && verbsPredicate.PrefixAt(a, i) > 0 || adverbs.MayStartWith(r) && adverbs.PrefixAt(a, i) > 0 {
			return trimPhrase(a, phrase{p.s, i})
		}
	}
	return trimPhrase(a, p)
}

// itemStops are the runes endOfItem reads further: brackets, a quote, list breaks, 等,
// 在, and the first runes of the words it looks for.
var itemStops = lexicon.FirstRunes([]*lexicon.Set{listBreaks, honourVerbs, adverbs, verbsPredicate},
	'(', '（', '“', '在', '等', '、', ',', '，', ';', '；', '。', ':', '：', '!', '?', '！', '？')

// startsChange reports a change word or 从/由 at a[i]: what follows a number there is a
// predicate (27136元增长到36439元), not the thing counted.
func startsChange(a []rune, i int) bool {
	if !changeStarts.Has(a[i]) {
		return false // most runes: told without a look into the four lists
	}
	return increaseWords.PrefixAt(a, i) > 0 || decreaseWords.PrefixAt(a, i) > 0 ||
		increaseDirect.PrefixAt(a, i) > 0 || decreaseDirect.PrefixAt(a, i) > 0 ||
		a[i] == '从' || a[i] == '由' || a[i] == '到' || a[i] == '至'
}

// changeStarts are the runes a change word (startsChange) may start with.
var changeStarts = lexicon.FirstRunes([]*lexicon.Set{increaseWords, decreaseWords, increaseDirect, decreaseDirect}, '从', '由', '到', '至')

func cutAtPunct(a []rune, p phrase) phrase {
	for i := p.s; i < p.e; i++ {
		if isPunctBreak(a[i]) || a[i] == '(' || a[i] == '（' {
			return phrase{p.s, i}
		}
	}
	return p
}

// relativeHead reads a number followed by a relative clause (7家为中小企业提供…服务等的
// 市级…示范平台; 100名长期扎根我区…的专家): the thing counted is the head after 的.
func relativeHead(a []rune, p phrase) (phrase, bool) {
	k := lastIndex(a, '的', p.s, p.e)
	if k < 0 {
		return phrase{}, false
	}
	before := phrase{p.s, k}
	if relativeOpeners.PrefixAt(a, p.s) == 0 {
		// No verb, or a noun first (1000多家样本企业的线上监测运行平台): the count is of that noun.
		if v, _ := verbsPredicate.IndexIn(a, before.s, before.e); v < 0 || v > before.s+4 {
			return phrase{}, false
		}
	}
	head := endOfItem(a, phrase{k + 1, p.e}, true)
	if head.len() < 2 {
		return phrase{}, false
	}
	return head, true
}

// lastListSep returns the last 、 in a[from:to] outside brackets, or the conjunction that
// ends the text (…院校与|30家), or -1.
func lastListSep(a []rune, from, to int) int {
	_, qs := units.QualifierBefore(a, to)
	return lastListSepBefore(a, from, to, qs)
}

// lastListSepBefore is lastListSep when the qualifier before to starts at qs (to if none).
func lastListSepBefore(a []rune, from, to, qs int) int {
	e := to
	if qs >= from {
		e = qs
	}
	if e > from && listBreaks.MayEndWith(a[e-1]) { // most texts end with no conjunction: no call
		if n := listBreaks.SuffixBeforeFrom(a, e, from); n > 0 && a[e-1] != '等' {
			return e - 1
		}
	}
	if e > from && a[e-1] == '等' && e-1 > from && a[e-2] != ')' && a[e-2] != '）' {
		return -1 // 债务还本支出、上解上级支出等150.1亿元: the sum of the whole list
	}
	depth := 0
	for k := to - 1; k >= from; k-- {
		if r := a[k]; r > '、' && r < '（' {
			continue // Han and most other text, told by two compares
		}
		switch a[k] {
		case ')', '）':
			depth++
		case '(', '（':
			depth--
		case '、':
			if depth <= 0 {
				return k
			}
		}
	}
	return -1
}

func matchingClose(a []rune, i, to int) int {
	for j := i + 1; j < to; j++ {
		if a[j] == ')' || a[j] == '）' {
			return j
		}
	}
	return -1
}

// belongsToNext reports words after a number that run into the next number and are about
// it, not this one: the verb of the level it reaches (从15家跃升到38家), its qualifier
// (129天超1亿千瓦), or the name of the next item of a chain, opened by a conjunction or an
// operator and unbroken (基金88亿元和调入资金201.1亿元; 收入1009亿元加上转移支付收入
// 395.61亿元; not 及以上, nor a list: 和美乡村中心村、161个…).
func belongsToNext(a []rune, p phrase) bool {
	if levelVerbs.PrefixAt(a, p.s) >= 2 {
		return true
	}
	if _, qs := units.QualifierBefore(a, p.e); qs <= p.s {
		return true
	}
	n := nextItemOpeners.PrefixAt(a, p.s)
	if n == 0 || p.s+n >= p.e || a[p.s+n] == '以' {
		return false
	}
	for k := p.s + n; k < p.e; k++ {
		if isNounBreak(a[k]) {
			return false
		}
	}
	return true
}

func nextIsNumber(a []rune, i int) bool {
	for i < len(a) && (a[i] == ' ' || a[i] == '约' || a[i] == '近' || a[i] == '超') {
		i++
	}
	return units.NumberStartsAt(a, i)
}

func isPunctBreak(r rune) bool {
	switch r {
	case '、', ',', '，', ';', '；', '。', ':', '：', '!', '?', '！', '？':
		return true
	}
	return false
}

// trimPhrase drops punctuation, framing words, years and distributive words (每家) at the
// start, and punctuation at the end.
func trimPhrase(a []rune, p phrase) phrase {
	if !p.empty() && !trimStarts.Has(a[p.s]) {
		if r := a[p.e-1]; !isTrimmable(r) && r != ']' && r != '］' {
			return p // most phrases: a Han character at each end, which no rule drops
		}
	}
	return trimEnds(a, p)
}

// trimStarts are the runes a phrase may start with when trimPhrase drops words at its
// start: the trimmable ones, a year's first digit, an item number's opener, 每, and the
// first runes of dropBefore's words.
var trimStarts = func() *lexicon.RuneSet {
	extra := []rune{'每'}
	for r := rune(0); r < 0x10000; r++ {
		if r == '。'+1 {
			r = '（' // none of the three holds between: Han and most other text
		}
		if isTrimmable(r) || cjk.MayStartYear(r) || mayOpenItemNumber(r) {
			extra = append(extra, r)
		}
	}
	return lexicon.FirstRunes([]*lexicon.Set{dropBefore}, extra...)
}()

// trimEnds is trimPhrase for a phrase whose ends it may drop.
func trimEnds(a []rune, p phrase) phrase {
	for changed := true; changed && !p.empty(); {
		changed = false
		for !p.empty() && isTrimmable(a[p.s]) && !(isOpenBracket(a[p.s]) && closesIn(a, p)) {
			p.s++
			changed = true
		}
		// Each rule below is asked only when the first rune may start what it reads: most
		// phrases start with a Han character that starts none of them.
		if dropBefore.MayStartAt(a, p.s) {
			if n := dropBefore.PrefixAt(a, p.s); n > 0 && p.s+n <= p.e && indicatorKeep.PrefixAt(a, p.s) <= n {
				p.s += n
				changed = true
			}
		}
		if p.s < len(a) && cjk.MayStartYear(a[p.s]) {
			if te, ok := timePrefix(a, p.s, p.e); ok {
				p.s = te
				changed = true
			}
		}
		if !p.empty() && mayOpenItemNumber(a[p.s]) {
			if n := itemNumberAt(a, p.s, p.e); n > 0 {
				p.s += n // 46.全市…: the number of a task in a list
				changed = true
			}
		}
		// 每家予以…: "each", not what is measured. A base with a number (每千人口执业医师,
		// 每万人口发明专利拥有量) is what a rate is per: part of its name.
		if !p.empty() && a[p.s] == '每' && p.s+1 < p.e && !units.IsChineseNumeral(a[p.s+1]) && !cjk.IsDigit(a[p.s+1]) {
			if f, ok := unitWordAt(a, p.s+1); ok {
				p.s += 1 + f
				changed = true
			}
		}
	}
	for !p.empty() {
		if r := a[p.e-1]; r == ']' || r == '］' {
			if n := footnoteBefore(a, p); n > 0 {
				p.e -= n
				continue
			}
		}
		if !isTrimmable(a[p.e-1]) || closesBracketIn(a, p) {
			break
		}
		p.e--
	}
	return dropLoneRemark(a, p)
}

// footnoteBefore returns the length of a footnote mark ending p ([10], ［2］), or 0:
// 政府债务限额[10]5525亿元 measures the 限额, not the note.
func footnoteBefore(a []rune, p phrase) int {
	e := p.e
	if e-p.s < 3 || a[e-1] != ']' && a[e-1] != '］' {
		return 0
	}
	k := e - 2
	for k > p.s && cjk.IsDigit(a[k]) {
		k--
	}
	if k == e-2 || a[k] != '[' && a[k] != '［' {
		return 0
	}
	return e - k
}

// itemNumberAt returns the length of a list item's number at a[i] (46. or 3、, (1), （一）
// or ① before words), or 0: digits and one '.' or '、', a bracketed number, or a circled
// one, followed by a Han character.
func itemNumberAt(a []rune, i, end int) int {
	if i >= end {
		return 0
	}
	switch r := a[i]; {
	case r == '(' || r == '（':
		j := i + 1
		for j < end && j-i <= 3 && (cjk.IsDigit(a[j]) || units.IsChineseNumeral(a[j])) {
			j++
		}
		if j > i+1 && j+1 < end && (a[j] == ')' || a[j] == '）') && cjk.IsHan(a[j+1]) {
			return j + 1 - i
		}
		return 0
	case r >= '①' && r <= '⑳':
		if i+1 < end && cjk.IsHan(a[i+1]) {
			return 1
		}
		return 0
	case !cjk.IsDigit(r):
		return 0 // most phrases start with a Han character
	}
	j := i
	for j < end && j-i < 3 && cjk.IsDigit(a[j]) {
		j++
	}
	if j == i || j+1 >= end || a[j] != '.' && a[j] != '、' || !cjk.IsHan(a[j+1]) {
		return 0
	}
	return j + 1 - i
}

// mayOpenItemNumber reports a rune itemNumberAt may read a number from: a digit, an
// opening bracket or a circled number.
func mayOpenItemNumber(r rune) bool {
	return cjk.IsDigit(r) || r == '(' || r == '（' || r >= '①' && r <= '⑳'
}

// dropLoneRemark empties a phrase that is only a remark in brackets ((下同), (现价)).
func dropLoneRemark(a []rune, p phrase) phrase {
	if !p.empty() && isOpenBracket(a[p.s]) && matchingClose(a, p.s, p.e) == p.e-1 {
		return phrase{p.s, p.s}
	}
	return p
}

// unitWordAt returns the length of a unit word at a[i] (家 in 每家).
func unitWordAt(a []rune, i int) (int, bool) {
	m, ok := units.Scan(append([]rune{'1'}, a[i:min(len(a), i+4)]...), 0)
	if !ok || m.Unit == "" {
		return 0, false
	}
	return m.End - 1, true
}

func isOpenBracket(r rune) bool { return r == '(' || r == '（' }

func closesIn(a []rune, p phrase) bool {
	return matchingClose(a, p.s, p.e) > 0
}

// timePrefix reads a year or a date phrase at a[i] (2016年, 2021年10月底, 2014-2016年).
func timePrefix(a []rune, i, to int) (int, bool) {
	if y, n := cjk.YearAt(a, i); n > 0 {
		if te, ok := yearExpr(a, i, to, y, n); ok {
			e := te.end
			for e < to && strings.ContainsRune("底末初度以来内", a[e]) {
				e++
			}
			return e, true
		}
	}
	return 0, false
}

func isTrimmable(r rune) bool {
	if r > '。' && r < '（' {
		return false // Han and most other text: between the last of these below U+FF00 and the first above, told by two compares
	}
	switch r {
	case ' ', '\t', '\r', '\n', ',', '，', '、', ';', '；', ':', '：', '。', '.', '!', '?', '(', ')', '（', '）', '-', '—', '/':
		return true
	}
	// An indent of en or ideographic spaces (\u2002\u2002年末…); most runes asked are Han,
	// past all of these.
	return r <= 0x3000 && (r == 0x3000 || r == 0xA0 || r >= 0x2000 && r <= 0x200A || r == 0x202F || r == 0x205F)
}

// closesBracketIn keeps a closing bracket whose opening one is in the phrase
// (各级示范平台(基地)).
func closesBracketIn(a []rune, p phrase) bool {
	r := a[p.e-1]
	if r != ')' && r != '）' {
		return false
	}
	for k := p.e - 2; k >= p.s; k-- {
		if isOpenBracket(a[k]) {
			return true
		}
	}
	return false
}

// dropTrailingFunction removes function words and change words at the end of the text
// before a number (达, 为, 共计, 同比增长, 分别).
func dropTrailingFunction(a []rune, p phrase) phrase {
	for !p.empty() {
		// As in trimPhrase, each rule is asked only when the last rune may end what it reads.
		last := a[p.e-1]
		if dropAfter.MayEndWith(last) {
			if n := longestSuffixWithin(dropAfter, a, p); n > 0 {
				if q, _ := units.QualifierBefore(a[p.e-n:p.e], n); q != units.NoQualifier {
					if q, _ := units.QualifierBefore(a, p.e); q == units.NoQualifier {
						break // 节约, 签约: a word ending in a qualifier's character (约) is no qualifier
					}
				}
				p.e -= n
				continue
			}
		}
		if isTrimmable(last) && !closesBracketIn(a, p) {
			p.e--
			continue
		}
		if adverbs.MayEndWith(last) {
			if n := adverbs.SuffixBeforeFrom(a, p.e, p.s); n > 0 {
				p.e -= n // 出庭应诉率首次|达到100%
				continue
			}
		}
		if last == '年' || last == '月' {
			if k := timeSuffixStart(a, p); k >= 0 {
				p.e = k // 生产总值从2020年的|3.68万亿元
				continue
			}
		}
		if baselineFigures.MayEndWith(last) {
			if n := baselineFigures.SuffixBeforeFrom(a, p.e, p.s); n > 0 && p.e-n > p.s {
				if k := timeSuffixStart(a, phrase{p.s, p.e - n}); k > p.s && (a[k-1] == '比' || a[k-1] == '较') {
					p.e = k - 1 // 收入|比2025年执行数增长2%: the figure compared with
					continue
				}
			}
		}
		if last == '年' {
			if k := yearSpanStart(a, p); k >= 0 {
				p.e = k // 工业投资两年|平均增长8.6%, 比例近3年|提升21个百分点
				continue
			}
		}
		break
	}
	return dropLoneRemark(a, p)
}

// yearSpanStart returns where a span of years ending p starts (两年, 近3年, 连续五年), or -1.
func yearSpanStart(a []rune, p phrase) int {
	if p.len() < 2 || a[p.e-1] != '年' {
		return -1
	}
	k := p.e - 1
	for k > p.s && (cjk.IsDigit(a[k-1]) || units.IsChineseNumeral(a[k-1])) {
		k--
	}
	if k == p.e-1 {
		return -1
	}
	if n := durationBefore.SuffixBefore(a, k); n > 0 && k-n >= p.s {
		k -= n
	} else if n := streakBefore.SuffixBefore(a, k); n > 0 && k-n >= p.s {
		k -= n
	}
	return k
}

// timeSuffixStart returns where a year expression ending p starts (…从2020年), or -1.
func timeSuffixStart(a []rune, p phrase) int {
	if p.empty() || a[p.e-1] != '年' && a[p.e-1] != '月' { // empty: a baseline word opening the text
		return -1
	}
	for i := max(p.s, p.e-16); i <= p.e-5; i++ {
		if y, n := cjk.YearAt(a, i); n > 0 {
			if te, ok := yearExpr(a, i, p.e, y, n); ok && te.end == p.e {
				return i
			}
		}
	}
	return -1
}

// longestSuffixWithin returns the length of the longest word of set that ends p and lies
// within it.
func longestSuffixWithin(set *lexicon.Set, a []rune, p phrase) int {
	return set.SuffixBeforeFrom(a, p.e, p.s)
}

// comparisonSplit returns the part of the text before a comparison word
// (增速高于全国平均水平 → 增速), and whether one was found.
func comparisonSplit(a []rune, p phrase) (phrase, bool) {
	if k, n := comparison.IndexIn(a, p.s, p.e); k >= 0 && !relativeClauseHead(a, k+n, p.e) {
		return phrase{p.s, k}, true
	}
	return p, false // 达到或优于Ⅲ类标准的断面比例: a comparison inside what qualifies the noun
}

// isEtcAt reports a 等 at a[i] that is "and so on", not part of a word (高等院校, 中等职业
// 学校, 平等, 同等).
func isEtcAt(a []rune, i int) bool {
	return a[i] == '等' && wordsEndingEtc.SuffixBefore(a, i+1) == 0 && wordsStartingEtc.PrefixAt(a, i) == 0
}

// isEtc reports a phrase that is only 等 or 等等, closing a list, or 等 and the noun that
// closes a frame (26亿元等因素后).
func isEtc(a []rune, p phrase) bool {
	return p.len() == 1 && a[p.s] == '等' || p.len() == 2 && a[p.s] == '等' && a[p.s+1] == '等' ||
		p.len() > 1 && a[p.s] == '等' && frameNouns.PrefixAt(a, p.s+1) > 0
}
