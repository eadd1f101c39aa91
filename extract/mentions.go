package extract

import (
	"math/bits"
	"slices"
	"unicode/utf8"

	"github.com/policymetrics/policymetrics/extract/internal/cjk"
	"github.com/policymetrics/policymetrics/extract/lexicon"
	"github.com/policymetrics/policymetrics/extract/segment"
	"github.com/policymetrics/policymetrics/units"
)

// mention is a quantity found in the analysis text: a record (SPEC.md §3), or a number
// kept only as context for the attribution of its neighbours.
type mention struct {
	units.Match // offsets into the analysis text
	qualifier   units.Qualifier
	record      bool // false for context-only numbers (6947亿: a scaled amount without unit)
	// beforeLen is the length of the qualifier word touching the number before it (约,
	// 不超过), 0 when none: qualifierOf reads it first, attribution's cap, change and
	// period rules again (qualifierBefore). An int32 beside record takes no room.
	beforeLen int32
	// listBack and listFwd count the mentions before and after this one that inListWith
	// chains to it (5家、6家和7家): computed once in findMentions so that listGroup is not
	// a walk along the list from every item (quadratic in the list's length).
	listBack, listFwd int
	// titleNear and nameNear tell a quote of the kind within reach before it on its line
	// (quoteWithin): without one, neverRecord's quote test is false.
	titleNear, nameNear bool
}

var (
	ordinalBefore  = lexicon.Get("ordinal-before")
	rankAfter      = lexicon.Get("rank-after")
	rankContext    = lexicon.Get("rank-context")
	streakBefore   = lexicon.Get("streak-before")
	sessionAfter   = lexicon.Get("session-after")
	durationUnits  = lexicon.Get("duration-units")
	durationBefore = lexicon.Get("duration-before")
	durationAfter  = lexicon.Get("duration-after")
	structureNouns = lexicon.Get("structure-nouns")
	countNameAfter = lexicon.Get("count-name-after")
	counterLabels  = lexicon.Get("counter-labels")
	bareScaleLead  = lexicon.Get("bare-scale-lead")
	numeralNames   = lexicon.Get("numeral-names")
	nameQuotes     = quotePairs(lexicon.Get("name-quotes"))
	titleQuotes    = quotePairs(lexicon.Get("title-quotes"))
	// numeralNameCover finds the names by their first runes, numerals all, within the
	// longest name's reach before a mention.
	numeralNameCover = newWordCover(numeralNames)
	// numeralNameRunes holds every rune of the names: a name starting before a mention
	// and covering it covers its first rune, one of them.
	numeralNameRunes = lexicon.Runes(numeralNames)
	// idiomOrNameFirst holds the Chinese numerals, by which idioms are found, and the
	// names' first runes (numerals too).
	idiomOrNameFirst = lexicon.FirstRunes([]*lexicon.Set{numeralNames}, chineseNumerals()...)
	// beforeEnds are the last runes of the lists neverRecord asks about the words right
	// before a mention: a rune before it that is none of them settles every such ask.
	beforeEnds  = lexicon.LastRunes(beforeLists...)
	beforeLists = []*lexicon.Set{ordinalBefore, streakBefore, durationBefore, bareScaleLead}
)

// maxNameQuote is the longest quoted text still read as a name or slogan (“最后100米”,
// “两个不低于”); longer quotations are reported speech and keep their numbers.
const maxNameQuote = 12

type quotePair struct{ open, close rune }

// quoteSet is a list of quote pairs and the range their runes lie in, so that inQuotes
// passes over any other rune by two comparisons.
type quoteSet struct {
	pairs  []quotePair
	lo, hi rune
}

func quotePairs(s *lexicon.Set) quoteSet {
	q := quoteSet{lo: utf8.MaxRune, hi: -1}
	for _, w := range s.Words() {
		rs := []rune(w)
		if len(rs) == 2 {
			q.pairs = append(q.pairs, quotePair{rs[0], rs[1]})
			q.lo, q.hi = min(q.lo, rs[0], rs[1]), max(q.hi, rs[0], rs[1])
		}
	}
	return q
}

// findMentions scans the analysis text once and returns the quantities that are records,
// in text order, together with scaled amounts that lack a unit (工业增加值6947亿): those
// are not records but tell the attribution what the next numbers are about. It gives up
// (returning nil) once stop (nil: never) says so, asking every checkEvery positions. The
// mentions are appended to buf[:0] when it has room.
func findMentions(a []rune, buf []mention, stop func() bool) []mention {
	found, ok := scanMentions(a, buf, stop)
	if !ok {
		return nil
	}
	return keepMentions(a, found, stop)
}

// keepMentions is findMentions after the scan: it drops the scanned quantities that are
// neither records nor context, in place, and tells the kept ones' qualifiers and lists.
func keepMentions(a []rune, found []mention, stop func() bool) []mention {
	rank := rankInClause(a, found)
	keep := make([]bool, len(found))
	for k := len(found) - 1; k >= 0; k-- {
		if stop != nil && k%checkEvery == 0 && stop() {
			return nil
		}
		if (found[k].Unit == "" || found[k].RawUnit == "个") && k+1 < len(found) && keep[k+1] {
			shareListUnit(a, &found[k], found[k+1])
		}
		keep[k] = found[k].Unit != "" && neverRecord(a, &found[k], rank[k]) == ""
	}
	out := found[:0]
	for k := range found {
		m := &found[k] // out is found's prefix, written at k or before: m is whole until copied
		if keep[k] || m.Unit == "" && m.Scaled && m.Kind == units.Arabic && neverRecord(a, m, rank[k]) == "" {
			m.record = keep[k]
			qualifierOf(a, m)
			out = append(out, *m)
		}
	}
	for k := 1; k < len(out); k++ {
		if inListWith(a, &out[k-1], &out[k]) {
			out[k].listBack = out[k-1].listBack + 1
		}
	}
	for k := len(out) - 2; k >= 0; k-- {
		if out[k+1].listBack > 0 {
			out[k].listFwd = out[k+1].listFwd + 1
		}
	}
	shareListQualifiers(a, out)
	return out
}

// scanMentions reads the quantities of the analysis text in order, each telling whether
// quotes lie close before it; false when stop said to give up.
func scanMentions(a []rune, buf []mention, stop func() bool) ([]mention, bool) {
	found := buf[:0]
	if cap(found) == 0 {
		found = make([]mention, 0, len(a)/64) // about one number per 32 to 64 characters of a report
	}
	marks := quoteMarks{title: -1, name: -1}
	for i, next := 0, checkEvery; i < len(a); {
		if i >= next {
			next = i + checkEvery
			if stop != nil && stop() {
				return nil, false
			}
		}
		if i = nextNumberStart(a, i, min(next, len(a)), &marks); i == next || i == len(a) {
			continue
		}
		// An ASCII digit, where most numbers start, starts one and is no numeral.
		digit := cjk.IsDigit(a[i])
		if !digit && (!units.NumberStartsAt(a, i) || units.LoneNumeralAt(a, i) && (i+1 == len(a) || a[i+1] != '、')) {
			// No number, or one that is no record: a numeral alone in a word (一般, 统一) has
			// no unit, nor a list's next item to share one with (10、20家). Most such
			// numerals nextNumberStart passes over (loneNumeralAt).
			i++
			continue
		}
		// The run of numerals the number starts: where the scan goes on when the number
		// is left out, fails, or ends inside it (1.2.3, 十四五).
		runEnd := numeralRunEnd(a, i)
		if (digit || units.IsChineseNumeral(a[i])) && (runEnd == len(a) || bareAfter(a[runEnd])) {
			marks.seeIn(a, i+1, runEnd) // as after a run the scan fails on
			i = runEnd
			continue
		}
		if skipDropped && mayDrop(a, i, digit) {
			if end, ok := droppedAt(a, i, digit); ok {
				marks.seeIn(a, i+1, end) // as after any number (its run ends before end)
				i = end
				continue
			}
		}
		found = append(found, mention{}) // scanned in place: a Match is many words
		found[len(found)-1].titleNear = quoteWithin(a, marks.title, i, maxTitleSearch)
		found[len(found)-1].nameNear = quoteWithin(a, marks.name, i, maxNameQuote)
		m := &found[len(found)-1].Match
		if !units.ScanInto(a, i, m) {
			found = found[:len(found)-1]
			marks.seeIn(a, i+1, runEnd)
			i = runEnd // a malformed run (十四五, 二〇二三) is skipped whole, never re-read from inside
			continue
		}
		// A number ending inside its run (1.2.3) is not read again from inside it; one
		// ending past it goes on there.
		end := max(m.End, runEnd)
		marks.seeIn(a, i+1, end) // passed over, though no unit holds a quote today
		i = end
	}
	return found, true
}

// mayDrop tells, by the runes around a number at a[i] (digit: a[i] is an ASCII digit),
// the few numbers droppedAt may drop: a digit four runes before 年, or a numeral that
// is dropped before any unit (一, 二, 零) or before a unit starting with the next rune.
func mayDrop(a []rune, i int, digit bool) bool {
	if digit {
		return i+4 < len(a) && a[i+4] == '年'
	}
	return i+1 < len(a) && (droppedNumerals.Has(a[i]) || durationFirst.Has(a[i+1]))
}

// droppedAt reports a number at a[i] that neverRecord drops whatever stands around it,
// told without the full scan, and the end of its mention: a calendar year (2016年,
// 2014年-2016年: isYear), or a numeral character before a unit that neverRecord's tests of
// the numeral alone reject (一个, 零件, 二类, 五年, 十分). Left out by the scan, it
// changes nothing after: a dropped mention gives no unit to the list item before it
// (shareListUnit), and passes no rank word on (rankInClause reads the clause, not the
// mentions between). About one number scanned in eight is such a one. Asked where
// mayDrop says yes.
func droppedAt(a []rune, i int, digit bool) (int, bool) {
	if digit {
		n, end, ok := units.YearAt(a, i)
		return end, ok && n >= 1000 && n < 2200
	}
	r := a[i]
	alone := r == '一' || r == '零' || r == '〇' || r == '二' && !(i > 0 && units.IsChineseNumeral(a[i-1]))
	if alone && units.IsChineseNumeral(a[i+1]) {
		return i, false // 二十, 一百: not the numeral alone
	}
	unit, end, ok := units.NumeralUnitAt(a, i)
	if !ok || !alone && !durationUnits.Contains(unit) && !digitsOnlyUnit(unit) {
		return i, false
	}
	return end, true
}

// droppedNumerals are the numerals neverRecord drops alone before any unit (一个, 二类,
// 零件); durationFirst the first runes of the units it drops after any numeral
// (spelled-out spans, digitsOnlyUnit), but 个 (个月), which starts most counts (三个).
var (
	droppedNumerals = lexicon.FirstRunes(nil, '一', '二', '零', '〇')
	durationFirst   = makeDurationFirst()
)

func makeDurationFirst() *lexicon.RuneSet {
	var rs []rune
	for _, w := range append(durationUnits.Words(), "分", "门") {
		if r, _ := utf8.DecodeRuneInString(w); r != '个' {
			rs = append(rs, r)
		}
	}
	return lexicon.FirstRunes(nil, rs...)
}

// skipDropped lets scanMentions leave out the numbers droppedAt tells; false only in the
// test that compares findMentions with the full scan.
var skipDropped = true

// bareAfter reports a rune after a run of numerals (numeralRunEnd) that makes the number
// there no mention findMentions returns: the scan reads no unit, range nor scale word past
// the run (units.RunGoesOnRunes), so it fails or reads a number without unit, Chinese or
// unscaled, ending in the run: scanMentions would step to the run's end, and findMentions
// drop it (shareListUnit gives a unit only before 、, which is no such rune). About one
// number in eight that gets past nextNumberStart is such a one (二十届, 十四届, 5G, 5A级),
// each a full scan and its mention's bookkeeping saved for a look at the run.
func bareAfter(r rune) bool { return runEnds.has(r) }

// runEnds has the bit of every rune of the plane bareAfter says yes to.
var runEnds = planeBut(append(units.RunGoesOnRunes(), '、'))

// planeBits has a bit for each rune of the Basic Multilingual Plane: one load and a bit
// test, where a table of bytes would be 64 KB.
type planeBits [1 << 16 / 64]uint64

// planeBut returns the bits of every rune of the plane but runes.
func planeBut(runes []rune) *planeBits {
	var t planeBits
	for k := range t {
		t[k] = ^uint64(0)
	}
	for _, r := range runes {
		if uint32(r) < 0x10000 {
			t[r/64] &^= 1 << (r % 64)
		}
	}
	return &t
}

// has reports r's bit, false for a rune past the plane.
func (t *planeBits) has(r rune) bool {
	return t[uint16(r)/64]>>(uint16(r)%64)&1 != 0 && uint32(r) < 0x10000
}

// Bits of scanStops.
const (
	stopNumber  = 1 << iota // a number may start with the rune (units.MayStartNumber)
	stopTitle               // a title quote or a line break
	stopName                // a name quote or a line break
	stopNumeral             // a Chinese numeral character, also a stopNumber
)

// scanStops tells the runes of the Basic Multilingual Plane findMentions's scan stops at:
// those a number may start with, and the quotes and line breaks that neverRecord's quote
// tests look back for. Noted as the scan passes them, the last of each before a mention
// spares most mentions that look back (a line's text read again per mention).
var scanStops = makeScanStops()

func makeScanStops() (t [0x10000]uint8) {
	for _, r := range units.NumberStartRunes() { // not a sweep of the plane, paid at every start
		if units.MayStartNumber(r) {
			t[r] |= stopNumber
		}
		if units.IsChineseNumeral(r) {
			t[r] |= stopNumeral
		}
	}
	for _, c := range []struct {
		q   quoteSet
		bit uint8
	}{{titleQuotes, stopTitle}, {nameQuotes, stopName}} {
		for _, p := range c.q.pairs {
			for _, r := range []rune{p.open, p.close, '\n'} {
				if r >= 0x10000 || t[r]&stopNumber != 0 {
					panic("findMentions: a quote outside the table or starting a number: " + string(r))
				}
				t[r] |= c.bit
			}
		}
	}
	return t
}

// nextNumberStart returns the first index in [i, end) where a number may start, or end,
// noting the quotes and line breaks before it in marks: most of a text (Han characters
// that are no numeral, punctuation) is passed over by one table look a rune, in a loop of
// its own, and so are most numerals that are no number (一般, 统一: loneNumeralAt), which
// scanMentions would step past after two calls. Kept out of line: inlined into
// scanMentions, the loop reloaded spilled registers at every rune.
//
//go:noinline
func nextNumberStart(a []rune, i, end int, marks *quoteMarks) int {
	// Eight runes a step, their bytes of scanStops packed into one word (the first rune's
	// the lowest): stops are tens of runes apart in a report, but three blocks in ten hold
	// one, and the word tells where each stop of the block is, rather than a walk over its
	// runes again. w keeps more than eight runes while it steps (the last eight or fewer
	// are read apart), so that the step needs no guard against a pointer past the end.
	for w := a[i:end]; ; w = w[8:] {
		var x uint64
		if len(w) > 8 {
			t := &scanStops
			x = uint64(t[uint16(w[0])]) | uint64(t[uint16(w[1])])<<8 | uint64(t[uint16(w[2])])<<16 | uint64(t[uint16(w[3])])<<24 |
				uint64(t[uint16(w[4])])<<32 | uint64(t[uint16(w[5])])<<40 | uint64(t[uint16(w[6])])<<48 | uint64(t[uint16(w[7])])<<56
		} else {
			x = stopWordTail(&scanStops, w)
		}
		for x != 0 {
			at := bits.TrailingZeros64(x) / 8
			stop := uint8(x >> (at * 8))
			x &^= 0xff << (at * 8)
			if j := end - len(w) + at; uint32(a[j]) >= 0x10000 {
				continue // past the plane: its low bits looked up a rune of the plane
			} else if stop&stopNumber == 0 {
				marks.note(stop, j)
			} else if stop&stopNumeral == 0 || !loneNumeralAt(a, j) { // 一般, 统一: scanMentions would step past it
				return j
			}
		}
		if len(w) <= 8 {
			return end
		}
	}
}

// loneNumeralAt reports a numeral character at a[k] that scanMentions would step past, as
// told by the rune after it alone: units.LoneNumeralAt, and no list's 、 after it. It may
// say false where scanMentions steps past (a rune past the plane after it), never true
// where it does not.
func loneNumeralAt(a []rune, k int) bool {
	if k+1 == len(a) {
		return true
	}
	return numeralEnds.has(a[k+1])
}

// numeralEnds has the bit of every rune that units.EndsNumeral says ends a numeral, but 、.
// Most runes end a numeral: only the few that may not are asked, not the whole plane.
var numeralEnds = planeBut(slices.DeleteFunc(append(units.NumeralGoesOnRunes(), '、'), func(r rune) bool {
	return units.EndsNumeral(r) && r != '、'
}))

// quoteMarks are the places of the last title quote and of the last name quote before a
// place, or of the last line break where that is later; -1 for none. inQuotes is false
// unless the mark is a quote within its reach: most mentions are told so without it.
type quoteMarks struct{ title, name int }

// note notes a stop at k, whose bits in scanStops are bits.
func (q *quoteMarks) note(bits uint8, k int) {
	if bits&stopTitle != 0 {
		q.title = k
	}
	if bits&stopName != 0 {
		q.name = k
	}
}

// seeIn notes the quotes and line breaks of a[from:to].
func (q *quoteMarks) seeIn(a []rune, from, to int) {
	for k := from; k < to; k++ {
		if scanStops[uint16(a[k])]&(stopTitle|stopName) != 0 && uint32(a[k]) < 0x10000 {
			q.note(scanStops[uint16(a[k])], k)
		}
	}
}

// quoteWithin reports whether mark, the last quote or line break before s (-1: none), is a
// quote within reach: only then may inQuotes find s inside quotes.
func quoteWithin(a []rune, mark, s, reach int) bool {
	return mark >= max(0, s-reach) && a[mark] != '\n'
}

// shareListQualifiers gives the items of a tight list of one unit the qualifier its ends
// carry: a word before the first (分别超过2%、5%: both over) or after the last (分别控制在
// 3%、5%以内: both under) qualifies the whole list. Only items with no qualifier of their
// own, joined by nothing but 、 or a conjunction, take it.
func shareListQualifiers(a []rune, ms []mention) {
	tight := func(k int) bool { // ms[k-1] and ms[k] are items of one tight list
		prev, m := &ms[k-1], &ms[k]
		if m.listBack == 0 || prev.Unit != m.Unit || m.Start <= prev.End {
			return false
		}
		return m.Start == prev.End+1 && a[prev.End] == '、' || conjunctions.SuffixBeforeFrom(a, m.Start, prev.End) == m.Start-prev.End
	}
	for k := 1; k < len(ms); k++ {
		if ms[k].qualifier == units.NoQualifier && tight(k) && ms[k-1].qualifier != units.NoQualifier {
			if _, qs := units.QualifierBefore(a, ms[k-1].Start); qs < ms[k-1].Start || ms[k-1].listBack > 0 {
				ms[k].qualifier = ms[k-1].qualifier
			}
		}
	}
	for k := len(ms) - 1; k > 0; k-- {
		if ms[k-1].qualifier == units.NoQualifier && tight(k) && ms[k].qualifier != units.NoQualifier {
			if q, _ := units.QualifierAfter(a, ms[k].End); q == ms[k].qualifier && ms[k].Qualifier == units.NoQualifier {
				ms[k-1].qualifier = ms[k].qualifier
			}
		}
	}
}

// numeralRunEnd returns the end of the run of numeral characters of one script at a[i].
func numeralRunEnd(a []rune, i int) int {
	j := i + 1
	if _, ok := units.ArabicDigit(a[i]); ok {
		for j < len(a) {
			if _, ok := units.ArabicDigit(a[j]); ok || a[j] == '.' || a[j] == ',' {
				j++
				continue
			}
			break
		}
		return j
	}
	for j < len(a) && units.IsChineseNumeral(a[j]) {
		j++
	}
	return j
}

// shareListUnit gives a bare number the unit of the next list item when that item is a
// record: in 分别支持21、44项 the 21 is 21 项 (and 10、20、30家 are all 家, read right to
// left).
func shareListUnit(a []rune, m *mention, next mention) {
	if m.RawUnit == "个" && next.Unit == "百分点" && m.End < len(a) && a[m.End] == '、' && m.End+1 == next.Start {
		m.Unit, m.RawUnit = "百分点", "个百分点" // 快于全国3.4个、1个百分点
		return
	}
	if m.Unit != "" || m.HasUpper || m.Kind != next.Kind || m.End+1 != next.Start || a[m.End] != '、' {
		return
	}
	v := m.Value
	if next.Scaled && !m.Scaled {
		var err error
		if v, err = v.MulPow10(next.Scale); err != nil {
			return
		}
	}
	if f := unitFactor(next); f != 1 {
		var err error
		if v, err = v.MulInt(f); err != nil {
			return
		}
	}
	m.Value, m.Scaled, m.Scale = v, m.Scaled || next.Scaled, max(m.Scale, next.Scale)
	m.Unit, m.RawUnit = next.Unit, next.RawUnit
}

// unitFactor is the multiplier a unit form applies (9成 is 90 %).
func unitFactor(m mention) int64 {
	if q, err := units.Parse("1" + m.RawUnit); err == nil {
		if n, ok := q.Value.Int64(); ok && n > 0 {
			return n
		}
	}
	return 1
}

// qualifierOf sets the qualifier of a mention: a word touching it before (约, 超过) wins,
// then 多/余 inside it, then a word after (左右, 以上). It keeps the length of the word
// before (beforeLen), for attribution.
func qualifierOf(a []rune, m *mention) {
	q, qs := units.QualifierBefore(a, m.Start)
	m.beforeLen = int32(m.Start - qs)
	switch {
	case q != units.NoQualifier:
		m.qualifier = q
	case m.Qualifier != units.NoQualifier:
		m.qualifier = m.Qualifier
	default:
		m.qualifier, _ = units.QualifierAfter(a, m.End)
	}
}

// qualifierBefore is units.QualifierBefore(a, m.Start), as qualifierOf read it: a word
// touching the number is its qualifier (shareListQualifiers gives one only to a mention
// with none).
func (m *mention) qualifierBefore() (units.Qualifier, int) {
	if m.beforeLen == 0 {
		return units.NoQualifier, m.Start
	}
	return m.qualifier, m.Start - int(m.beforeLen)
}

// rankInClause tells whether a rank word (排名…) lies in a mention's clause before it
// (排名由369位上升到235位), for the mentions where that matters: counts of 位 or 名, and the
// bare numbers of a list that may share such a unit (10、20、30名). A cursor reads
// forward, jumping to the last clause break before each of them, so that every rune is
// read at most twice and most not at all: a clause of n numbers costs O(n), not O(n²) as
// a search back from every number would (2025年、 × 40,000 took 17 s).
func rankInClause(a []rune, ms []mention) []bool {
	out := make([]bool, len(ms))
	need := make([]bool, len(ms))
	for k := len(ms) - 1; k >= 0; k-- {
		m := &ms[k]
		need[k] = m.Unit == "位" || m.Unit == "名" ||
			m.Unit == "" && k+1 < len(ms) && need[k+1] && m.End < len(a) && a[m.End] == '、' && m.End+1 == ms[k+1].Start
	}
	p, cs, has := 0, 0, false // the cursor, the start of its clause, a rank word seen in it
	for k := range ms {
		if !need[k] {
			continue
		}
		m := &ms[k]
		for q := m.Start - 1; q >= p; q-- {
			if clauseBreak(a, q) {
				p, cs, has = q+1, q+1, false
				break
			}
		}
		for ; p < m.Start && p < len(a); p++ {
			if !has && rankContext.SuffixBeforeFrom(a, p+1, cs) > 0 {
				has = true
			}
		}
		out[k] = has
	}
	return out
}

// clauseBreak reports a line end, a full stop or a clause separator at a[i].
func clauseBreak(a []rune, i int) bool {
	return a[i] == '\n' || a[i] == '。' || segment.IsClauseSeparator(a, i)
}

// itemThenYear reports a number a[s:e] that is an item number, a point and a year
// (4.2017年起, 12.2025年): no decimal has a year after its point.
func itemThenYear(a []rune, s, e int) bool {
	dot := cjk.IndexRune(a, s, e, '.')
	if dot < 0 || dot-s > 2 || e-dot-1 != 4 {
		return false
	}
	_, n := cjk.YearAt(a, dot+1)
	return n == 4
}

// neverRecord says why a scanned quantity is not a record (SPEC.md §3), or "" when it is.
// The tests are pure and callers read only whether a reason is found, so they run cheapest
// first; where several would reject, the reason named is the first one's.
// Each test serves one family of text. rankBefore tells whether a rank word precedes it
// in its clause (rankInClause); m.titleNear and m.nameNear tell quotes before it
// (scanMentions).
func neverRecord(a []rune, m *mention, rankBefore bool) string {
	s, e := m.Start, m.End
	wordBefore := mayEndBefore(a, s) // false: no word of beforeLists ends right before s
	// The tests of the rune right before the number, asked only where it is one they read.
	if s > 0 && prevTested.Has(a[s-1]) {
		if cjk.IsASCIILetter(a[s-1]) || s > 1 && (a[s-1] == '-' || a[s-1] == '_') && cjk.IsASCIILetter(a[s-2]) {
			return "name" // TOP10, t9, COVID-19
		}
		if ordinalListBefore(a, s) {
			return "ordinal" // 第一、二轮
		}
		if a[s-1] == '前' && (rankAfter.PrefixAt(a, m.NumberEnd) > 0 || m.Unit == "名" || m.Unit == "位") {
			return "rank" // 前三甲, 前10名
		}
		if a[s-1] == '+' {
			return "formula name" // 1+X
		}
		if s > 1 && a[s-1] == ':' && counterLabels.SuffixBefore(a, s-1) > 0 {
			return "page chrome" // 浏览：4015次: the page's view counter
		}
		if s > 1 && (a[s-1] == ':' || a[s-1] == '：') && cjk.IsDigit(a[s-2]) {
			return "ratio" // 1:27, 10:30
		}
		if a[s-1] == '每' && e < len(a) && cjk.IsHan(a[e]) && !(m.Kind != units.Chinese && durationUnits.Contains(m.Unit)) {
			return "rate base" // 每10万人口高等教育在校生, 每100元营业收入中的成本: what a rate is per
		}
	}
	if m.Unit == "年" && itemThenYear(a, s, m.NumberEnd) {
		return "item number" // 4.2017年起,…: a footnote's number, then a year
	}
	if wordBefore && ordinalBefore.SuffixBefore(a, s) > 0 {
		return "ordinal" // 第18届, 第二批
	}
	if m.Kind == units.Chinese && m.NumberEnd == s+1 && a[s] == '二' && !(s > 0 && units.IsChineseNumeral(a[s-1])) {
		return "ordinal" // 二次分配, 二类水质: a count of two says 两 (两次, 两类)
	}
	if m.Kind == units.Chinese && m.Unit == "元" && e < len(a) && cjk.IndexRune(a, e, e+1, '区', '县', '市', '镇', '乡', '村', '街', '路') == e {
		return "name" // 三元区, 五元路: a place, not money spelled out
	}
	if m.Unit == "次" && (sessionAfter.PrefixAt(a, e) > 0 || lastIndex(a, '届', s-6, s) >= 0) {
		return "session" // 十六届人大三次会议, 省委十次全会, 十一届十次、十一次全会
	}
	if rankBefore && (m.Unit == "位" || m.Unit == "名") {
		return "rank" // 排名由369位上升到235位, 排名提升6位
	}
	if wordBefore && streakBefore.SuffixBefore(a, s) > 0 {
		return "streak" // 连续4次获评, 连续11年: how long a run lasted (optional in SPEC)
	}
	if m.Kind == units.Chinese && durationUnits.Contains(m.Unit) {
		return "spelled-out span" // 过去的五年, 十年禁渔, 九年义务教育, 三十年一遇
	}
	if isYear(m) {
		return "date" // 2016年, 2014-2016年, 2021、2022年
	}
	// A duration is told by a word before or after it: its unit is looked up only where
	// one may stand (a table look each), for most mentions have neither. A mention in
	// Chinese numerals that gets here has no duration unit.
	if (wordBefore || durationAfter.MayStartAt(a, e)) && m.Kind != units.Chinese && durationUnits.Contains(m.Unit) &&
		(wordBefore && durationBefore.SuffixBefore(a, s) > 0 || durationAfter.PrefixAt(a, e) > 0) {
		return "duration" // 连续11年, 3年内, 未来三年
	}
	if structureNouns.MayStartAt(a, e) && structureNouns.PrefixAt(a, e) > 0 {
		return "structure" // 三个方面, 分三个等次
	}
	if countNameAfter.MayStartAt(a, e) && countNameAfter.PrefixAt(a, e) > 0 {
		return "count name" // 青年50人论坛
	}
	if m.NumberEnd < len(a) && a[m.NumberEnd] == '+' {
		return "formula name" // “8+4”
	}
	if ratioAfter(a, m.NumberEnd) || m.Unit == "对" && e < len(a) && (units.NumberStartsAt(a, e) || a[e] == '一') {
		return "ratio" // 1:27, 10:30, 1对1, 一对一
	}
	if m.Kind == units.Chinese && (a[s] == '零' || a[s] == '〇') {
		return "zero word" // 零部件, 零售, 零距离: 零 starting a word is not a count
	}
	if m.Unit == "所" && m.Kind == units.Chinese && e < len(a) && institutesEnd(a[e]) {
		return "institute name" // 中电科七所, 电子五所: "No. 7 Institute", no noun counted
	}
	if (m.Unit == "℃" || m.Unit == "摄氏度") && weatherWidget(a, s) {
		return "page chrome" // 温度：24-30℃ 天气现象：阴天 风向风速：偏东风3-4级, a portal's forecast
	}
	if m.Kind == units.Chinese && digitsOnlyUnit(m.Unit) || m.Unit == "分" && clockBefore(a, s) {
		return "name or word" // 十分重要, 三分天下, 三门峡, 07时41分: these units follow digits only
	}
	if m.Kind == units.Chinese && m.NumberEnd-s == 1 && a[s] == '一' {
		return "indefinite" // 一个, 一项, 一张: the article "a", not a count
	}
	if m.BareScale && m.Qualifier == units.NoQualifier && (!wordBefore || bareScaleLead.SuffixBefore(a, s) == 0 || s > 1 && a[s-1] == '上' && a[s-2] == '以') {
		return "bare scale" // 万亿级, 百年, 以上万元工业增加值: 千/百/万 alone count only after 超, 近, 达… or before 余/多 (千余家)
	}
	// The look-ups in word lists and the searches of the line come last: the tests above
	// are table looks and a few runes' reads, and only whether a reason is found is read.
	// Both start at a numeral: an idiom in the span, a name there or before it, where it
	// covers the span's first rune (a name's rune, never a digit). Most spans (12.5%,
	// 300家) hold no numeral, and most others none that starts a name (5万元).
	named := s < e && numeralNameRunes.Has(a[s])
	for k := idiomOrNameFirst.IndexIn(a, s, e); k >= 0; k = idiomOrNameFirst.IndexIn(a, k+1, e) {
		if units.IsChineseNumeral(a[k]) { // the set holds names' first runes too
			if _, _, ok := units.IdiomAt(a, k); ok {
				return "idiom" // 一批, 千方百计, 四个全面
			}
		}
		named = named || numeralNameCover.first.Has(a[k])
	}
	if named && numeralNameCover.in(a, s, e) {
		return "name" // 七台河, 五家渠
	}
	if m.Kind == units.Chinese && noteHeadword(a, s) {
		return "note headword" // ［10］两个基地、两个枢纽、两个网络：…: the term a note defines
	}
	if m.titleNear && inQuotes(a, s, e, titleQuotes, 0) {
		return "title" // 《…三年行动计划(2022-2024年)》
	}
	if m.nameNear && inQuotes(a, s, e, nameQuotes, maxNameQuote) {
		return "quoted name" // “最后100米”, “两个不低于”
	}
	return ""
}

// prevTested holds the runes before a number that neverRecord's tests of that rune read:
// ASCII letters, the joiners of a name's letters and digits, the list mark of an ordinal
// list, 前, +, the colons of a counter or a ratio and 每. Before most numbers stands none.
var prevTested = lexicon.FirstRunes(nil, []rune("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_、前+:：每")...)

// chineseNumerals returns the runes of the plane units.IsChineseNumeral says yes to.
func chineseNumerals() []rune {
	var out []rune
	for r := range rune(0x10000) {
		if units.IsChineseNumeral(r) {
			out = append(out, r)
		}
	}
	return out
}

// mayEndBefore reports whether a word of beforeLists may end right before a[s]: false
// means SuffixBefore(a, s) is 0 for each.
func mayEndBefore(a []rune, s int) bool {
	return s > 0 && s <= len(a) && beforeEnds.Has(a[s-1])
}

// weatherWidget reports a temperature in a portal's weather forecast: its line (within 60
// characters either way) also names the weather and the wind, as no report's sentence does.
func weatherWidget(a []rune, s int) bool {
	from, to := max(0, s-60), min(len(a), s+60)
	for k := s - 1; k >= from; k-- {
		if a[k] == '\n' {
			from = k + 1
			break
		}
	}
	for k := s; k < to; k++ {
		if a[k] == '\n' {
			to = k
			break
		}
	}
	line := a[from:to]
	return lastIndexWord(line, []rune("天气"), 0, len(line)) >= 0 && lastIndexWord(line, []rune("风向"), 0, len(line)) >= 0
}

// digitsOnlyUnit reports a unit that follows only Arabic digits: after a Chinese numeral
// its character makes a word or a name instead (十分 "very", 三分天下; 三门峡, 七门核电).
func digitsOnlyUnit(u string) bool {
	return u == "分" || u == "门"
}

// clockBefore reports an hour just before a[s] (07时41分, 8点30分): the 分 after it are
// minutes of a clock time.
func clockBefore(a []rune, s int) bool {
	return s > 1 && (a[s-1] == '时' || a[s-1] == '点' || a[s-1] == ':') && cjk.IsDigit(a[s-2]) // analysis text is simplified
}

// ordinalListBefore reports a number listed after an ordinal (第一、二轮: the 二 is 第二).
func ordinalListBefore(a []rune, s int) bool {
	if s < 3 || a[s-1] != '、' {
		return false
	}
	k := s - 1
	for k > 0 && (units.IsChineseNumeral(a[k-1]) || cjk.IsDigit(a[k-1])) {
		k--
	}
	return k < s-1 && ordinalBefore.SuffixBefore(a, k) > 0
}

// wordCover finds the words of a set covering a rune of a span, each looked for from at
// most 6 runes before the rune it covers, as neverRecord first asked it.
type wordCover struct {
	set   *lexicon.Set
	first *lexicon.RuneSet // the words' first runes: most starts are passed over by one look
	reach int              // how far before a span a word covering it may start
}

func newWordCover(set *lexicon.Set) wordCover {
	longest := 0
	for _, w := range set.Words() {
		longest = max(longest, utf8.RuneCountInString(w))
	}
	return wordCover{set: set, first: lexicon.FirstRunes([]*lexicon.Set{set}), reach: min(6, longest-1)}
}

// in reports a word covering a rune of a[s:e]. Each start is asked once for the whole
// span: a word starting at from < e covers a rune of the span within the reach exactly
// when it reaches past s, and one starting before s-reach cannot.
func (c *wordCover) in(a []rune, s, e int) bool {
	if s >= e {
		return false
	}
	for from := c.first.IndexIn(a, s-c.reach, e); from >= 0; from = c.first.IndexIn(a, from+1, e) {
		if n := c.set.PrefixAt(a, from); n > 0 && from+n > s {
			return true
		}
	}
	return false
}

// institutesEnd reports what may follow a numbered institute's name: punctuation or a
// conjunction, where a count would go on to name what it counts (五所学校).
func institutesEnd(r rune) bool {
	switch r {
	case '、', ',', '，', '。', ';', '；', '等', '和', '与', '及', ')', '）':
		return true
	}
	return false
}

func lastIndex(a []rune, r rune, from, to int) int {
	for k := min(to, len(a)) - 1; k >= max(from, 0); k-- {
		if a[k] == r {
			return k
		}
	}
	return -1
}

// isYear reports a calendar year written with 年: an Arabic integer from 1000 to 2199.
func isYear(m *mention) bool {
	if m.Unit != "年" || m.Kind != units.Arabic {
		return false
	}
	n, ok := m.Value.Int64()
	return ok && n >= 1000 && n < 2200 && !m.Scaled
}

// ratioAfter reports a number a[:e] joined to the next by a colon (1:27, 10:30); neverRecord
// asks the colon before a number with the other tests of the rune before it.
func ratioAfter(a []rune, e int) bool {
	return e+1 < len(a) && (a[e] == ':' || a[e] == '：') && cjk.IsDigit(a[e+1])
}

// maxTitleSearch bounds how far a title bracket is looked for around a number: titles of
// documents are rarely longer, and an unbounded search is quadratic on long paragraphs.
const maxTitleSearch = 120

// inQuotes reports whether a[s:e] lies inside a pair of the given quotes on the same line,
// with at most maxLen runes between them (0: up to maxTitleSearch either side).
func inQuotes(a []rune, s, e int, q quoteSet, maxLen int) bool {
	reach := maxLen
	if reach == 0 {
		reach = maxTitleSearch
	}
	lim := max(0, s-reach)
	before := a[lim:s]
	last := lastQuoteOrBreak(before, q)
	if last < 0 || before[last] == '\n' {
		return false // most numbers: no quote before them on their line, told before any setup
	}
	// One look back for all pairs: open[p] is the nearest opening quote of pair p before s
	// with no closing one of p between; -1 when none.
	var openAt [4]int
	open := openAt[:0]
	if len(q.pairs) > len(openAt) {
		open = make([]int, 0, len(q.pairs))
	}
	for range q.pairs {
		open = append(open, -1)
	}
	unresolved := len(q.pairs)
	for k := last; k >= 0 && before[k] != '\n'; k = lastQuoteOrBreak(before[:k], q) {
		r := before[k]
		for p, pair := range q.pairs {
			if open[p] != -1 {
				continue
			}
			if r == pair.close {
				open[p] = -2 // closed before it opened: not inside this pair
				unresolved--
			} else if r == pair.open {
				open[p] = lim + k
				unresolved--
			}
		}
		if unresolved == 0 {
			break
		}
	}
	for p, pair := range q.pairs {
		if open[p] < 0 {
			continue
		}
		for k := e; k < len(a) && k < e+reach && a[k] != '\n'; k++ {
			if a[k] == pair.open {
				break
			}
			if a[k] == pair.close {
				if maxLen == 0 || k-open[p]-1 <= maxLen {
					return true
				}
				break
			}
		}
	}
	return false
}

// lastQuoteOrBreak returns the index of the last quote of q in a or of the last line
// break, whichever is later; -1 when there is none. Kept out of line: a loop of its own,
// with little else live, passes over the other runes in a few instructions each, where
// inlined into inQuotes it spilled registers at every rune.
//
//go:noinline
func lastQuoteOrBreak(a []rune, q quoteSet) int {
	lo, hi, span := q.lo, q.hi, uint32(q.hi-q.lo)
	for k := len(a) - 1; k >= 0; k-- {
		// The quotes and \n lie below every Han character: those pass by one comparison.
		// Other runes in the quotes' range (、 and 。 among “” and 「」) are no stop: at
		// one, inQuotes would look for pairs back to the line's start only to find none.
		if r := a[k]; r <= hi && (uint32(r-lo) <= span && q.has(r) || r == '\n') {
			return k
		}
	}
	return -1
}

// has reports a quote of the set.
func (q quoteSet) has(r rune) bool {
	for _, p := range q.pairs {
		if r == p.open || r == p.close {
			return true
		}
	}
	return false
}

// maxHeadword is the longest note headword looked at (［10］两个基地、两个枢纽、两个网络：).
const maxHeadword = 40

// noteHeadword reports a number in the term a note defines: between a line's opening note
// mark ([10]; the analysis text has ［10］ halfwidth) and the colon after the term, with no
// other colon between. Such terms
// count in words (两个基地, 五张清单): only those are asked, most numbers being digits.
func noteHeadword(a []rune, s int) bool {
	// The walk back reads at most maxHeadword runes: over a window of them, a loop of
	// two comparisons a rune (most numbers' walks run to the cap).
	lim := max(0, s-maxHeadword)
	back := a[lim:s]
	k := len(back)
	for k > 0 && back[k-1] != '\n' {
		if back[k-1] == ':' {
			return false
		}
		k--
	}
	k += lim
	if k >= s || a[k] != '[' {
		return false
	}
	j := k + 1
	for j < s && cjk.IsDigit(a[j]) {
		j++
	}
	if j == k+1 || j >= s || a[j] != ']' {
		return false
	}
	for e := s; e < len(a) && e-s < maxHeadword && a[e] != '\n'; e++ {
		if a[e] == ':' {
			return true
		}
	}
	return false
}
