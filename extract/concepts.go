package extract

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/policymetrics/policymetrics/extract/concept"
	"github.com/policymetrics/policymetrics/extract/doc"
	"github.com/policymetrics/policymetrics/extract/internal/cjk"
	"github.com/policymetrics/policymetrics/extract/lexicon"
	"github.com/policymetrics/policymetrics/extract/segment"
)

// placeLinkers may stand between a place and what is measured there (郑州市实现地区生产总值,
// 伊州区的生产总值, 其中喀什市): the place still owns the figure.
var (
	placeLinkers  = lexicon.Get("place-linkers")
	bareMeasures  = lexicon.Get("bare-measures")
	subjectSuffix = lexicon.Get("subject-suffixes")
	nationWide    = lexicon.Get("nation-wide")
)

// pairWords name two wholes at once, in the order a 分别 list gives their figures
// (城乡居民人均可支配收入分别达6.9万元、3.4万元: 城镇 first, then 农村).
var pairWords = map[string][2]string{
	"城乡": {"城镇", "农村"},
}

// maxAfterRunes bounds the text after an indicator a concept pattern may look at (经济 +
// 增长): the few words before the number, never the rest of the clause.
const maxAfterRunes = 8

// conceptAndArea names the concept of a record's indicator and the place it is about
// (SPEC.md §1, §7), own being the document's own area. When placed, the indicator is
// looked for as written before the number at a[numStart] in its clause (locate), but only
// once what that finds is read: the text after it by a pattern, or the place before it by
// a concept whose words name none. Most indicators need neither, and the search decodes
// the indicator and scans the clause.
func conceptAndArea(list *concept.List, a []rune, clauseFrom, numStart int, indicator, own string, placed bool) (string, string, error) {
	if indicator == "" {
		return "", "", nil
	}
	is, ie, looked := -1, -1, !placed
	span := func() (int, int) {
		if !looked {
			is, ie = locate(a, clauseFrom, numStart, indicator)
			looked = true
		}
		return is, ie
	}
	c, place, err := list.MatchPlaceAfter(indicator, func() []rune {
		if _, e := span(); e >= 0 && e <= numStart {
			return a[e:min(numStart, e+maxAfterRunes)]
		}
		return nil
	})
	if c == "" {
		return "", "", err
	}
	if place == "" {
		if s, _ := span(); s > clauseFrom {
			place = placeBefore(a, clauseFrom, s)
		}
	}
	return c, areaOf(place, own), err
}

// areaOf is the area a place in front of a concept gives its figure: none when it is the
// document's own area (own), or 全国 in a document of no narrower area.
func areaOf(place, own string) string {
	if place == "" || sameArea(place, own) || own == "" && nationWide.Contains(place) {
		return ""
	}
	return place
}

// recordConcept names the concept and area of the indicator of the number at a[start]
// in the clause from clauseFrom: by its own words, else as the bare measure of the
// sentence's subject (规模以上工业企业…、增加值增长3%), else as one level's share of a
// budget item (市本级一般公共预算支出), by list. A pattern that timed out is reported to warn
// (nil: to none). The caller asks opts.concepts() once, not once per figure.
func recordConcept(d *doc.Document, list *concept.List, warn func(error), clauseFrom, start int, indicator, subject string) (string, string) {
	a := d.Text.Runes
	concept, area, err := conceptAndArea(list, a, clauseFrom, start, indicator, d.Area, true)
	// Most indicators name no concept, and most of those neither a bare measure nor a
	// level: the first tests of subjectMeasure and splitLevel, inline, spare the calls.
	if concept == "" && err == nil && subject != "" && bareMeasures.MayStart(indicator) {
		if whole := subjectMeasure(subject, indicator); whole != "" {
			concept, _, err = conceptAndArea(list, a, clauseFrom, start, whole, d.Area, false)
		}
	}
	if err != nil && warn != nil {
		warn(err)
	}
	if concept == "" && err == nil && budgetLevels.MayStart(indicator) {
		concept, area = levelConcept(list, indicator)
	}
	return concept, area
}

// levelConcept returns the concept of a budget item named with its level in front
// (市本级一般公共预算支出) and that level as its area, or "", "".
func levelConcept(list *concept.List, indicator string) (string, string) {
	if level, rest := splitLevel(indicator); level != "" {
		if c, _ := list.Match(rest, ""); c != "" {
			return c, level
		}
	}
	return "", ""
}

// nameConcept is the concept and area of a name read alone, with no sentence around it (a
// table row's label): as a record of prose names them, a place in front (高新区一般公共预算
// 收入) or a budget level (市本级…) being the area unless it is the document's own.
func nameConcept(list *concept.List, name, own string) (string, string) {
	c, place, err := list.MatchPlace(name, "")
	if err != nil {
		return "", ""
	}
	if c == "" {
		return levelConcept(list, name)
	}
	return c, areaOf(place, own)
}

// respectiveConcept is the concept of a name of a 分别 list that measures nothing by
// itself (城镇 in 城镇、农村居民人均可支配收入分别增长4.4%、5.9%): that of the name
// joined with the head the list shares; "" when none is a concept.
func respectiveConcept(list *concept.List, a []rune, ms []mention, i int, c segment.Span, indicator string, lists *listMemo) string {
	joined, last := respectiveHead(a, ms, i, c, indicator, lists)
	if joined == nil {
		return ""
	}
	lastConcept, _ := list.Match(last, "")
	for _, j := range joined {
		// 工业、制造业、工业技改投资: 工业 + 技改投资 is the last name again, not a head.
		if con, _ := list.Match(j, ""); con != "" && con != lastConcept {
			return con
		}
	}
	return ""
}

// lastItemConcept returns the last item of a list read whole and its concept when that
// item is a measure of its own and the whole is none (社会消费品零售总额、固定资产投资增长
// 4%左右: two measures, not one sum; the last names the figure, as the dev gold does), or
// "", "".
func lastItemConcept(list *concept.List, indicator string) (string, string) {
	k := strings.LastIndex(indicator, "、")
	if k < 0 {
		return "", ""
	}
	last := indicator[k+len("、"):]
	c, _ := list.Match(last, "")
	return last, c
}

// afterRelativeClause returns the measure a relative clause qualifies and its concept, when
// it is one (市十二届人大三次会议批准的2025年一般公共预算收入 → 一般公共预算收入): the clause
// says which figure it is, the measure what is measured. "", "" otherwise (地方财力安排的
// 支出 keeps its clause: 支出 alone is no concept).
func afterRelativeClause(list *concept.List, indicator string) (string, string) {
	k := strings.LastIndex(indicator, "的")
	if k < 0 {
		return "", ""
	}
	rs := []rune(indicator[k+len("的"):])
	p := trimPhrase(rs, phrase{0, len(rs)})
	if p.len() < 2 {
		return "", ""
	}
	name := string(rs[p.s:p.e])
	c, _ := list.Match(name, "")
	if c == "" {
		if level, rest := splitLevel(name); level != "" {
			c, _ = list.Match(rest, "") // …批准的市本级一般公共预算收入: a level's part, named so
		}
	}
	if c == "" {
		return "", ""
	}
	return name, c
}

// placeBefore returns the place the clause opens with when only linking words stand
// between it and the indicator at a[to] (其中，郑州市实现地区生产总值…).
func placeBefore(a []rune, from, to int) string {
	for to > from {
		n := placeLinkers.SuffixBefore(a, to)
		if n == 0 {
			break
		}
		to -= n
	}
	from += itemNumberAt(a, from, to) // 2.高新区完成…: the number of an item in a list
	for from < to {
		n := placeLinkers.PrefixAt(a, from)
		if n == 0 {
			break
		}
		from += n
	}
	if to-from < 2 || to-from > 12 {
		return ""
	}
	s := string(a[from:to])
	place, rest := concept.StripPlace(s + "。")
	if rest != "。" {
		return ""
	}
	return place
}

// sameArea reports two names of one place: 河南省 and 河南, 昌吉州 and 昌吉回族自治州; not
// a place inside another (岳阳经济技术开发区 is not 岳阳市).
func sameArea(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	a, b = concept.PlaceStem(a), concept.PlaceStem(b)
	if len(a) < len(b) {
		a, b = b, a
	}
	if a == b {
		return true
	}
	rest, ok := strings.CutPrefix(a, b)
	return ok && len([]rune(b)) >= 2 && (strings.Contains(rest, "自治") || strings.HasSuffix(rest, "族"))
}

// locate finds the indicator as written last in a[from:to], returning its span, or -1, -1
// when it is not there (an indicator joined from a list's shared noun). Only the last
// maxLocateReach runes are searched: an indicator is written near its number, and one
// that is not there (most often joined) made a clause of n figures cost n² to search.
func locate(a []rune, from, to int, indicator string) (int, int) {
	from = max(from, to-maxLocateReach)
	// Decoded once, not again at every place its first rune matches; AppendRunes
	// fills the stack buffer in place for an indicator of up to 64 bytes (most).
	var buf [64]rune
	ind := cjk.AppendRunes(buf[:0], indicator)
	n := len(ind)
	if n == 0 {
		if to >= from {
			return to, to
		}
		return -1, -1
	}
	first := ind[0]
	for s := to - n; s >= from; s-- {
		if a[s] == first && slices.Equal(a[s:s+n], ind) {
			return s, s + n
		}
	}
	return -1, -1
}

// maxLocateReach bounds how far before its number locate looks for an indicator: as far
// as a record's sentence shows, far beyond any written in a clause (a few dozen runes).
const maxLocateReach = MaxSentence

// runesEqual reports whether rs spell s, without converting either.
func runesEqual(rs []rune, s string) bool {
	i := 0
	for _, r := range s {
		if i >= len(rs) || rs[i] != r {
			return false
		}
		i++
	}
	return i == len(rs)
}

// subjectMeasure joins a bare measure (增加值, 利润) to the subject an earlier figure of the
// sentence counted (规模以上工业企业 → 规模以上工业增加值), or returns "".
func subjectMeasure(subject, measure string) string {
	if subject == "" || !bareMeasures.Contains(measure) {
		return ""
	}
	s := []rune(subject)
	if n := subjectSuffix.SuffixBefore(s, len(s)); n > 0 && n < len(s) {
		s = s[:len(s)-n]
	}
	return string(s) + measure
}

// splitPairs gives the two figures of one pair phrase (城乡居民人均可支配收入分别增长4.4%、
// 5.6%) the concepts of its two halves (城镇…, 农村…), in order: one concept is one
// figure, never two. A run of four is two pairs when each pair shares its unit (分别达6.9万元、
// 3.4万元,增长4.2%、5.3%); a run of three or more otherwise is no pair.
func splitPairs(list *concept.List, ms []mention, out []attrs) {
	for i := 0; i+1 < len(out); {
		j := i + 1
		for j < len(out) && out[j].indicator == out[i].indicator && out[j].concept == out[i].concept {
			j++
		}
		switch {
		case out[i].concept == "":
		case j-i == 2:
			splitPair(list, &out[i], &out[i+1])
		case j-i == 4 && blocksShareUnit(ms, i, j, 2):
			splitPair(list, &out[i], &out[i+1])
			splitPair(list, &out[i+2], &out[i+3])
		}
		i = j
	}
}

// splitPair gives x and y the concepts of the two halves of their pair word, when both are
// concepts.
func splitPair(list *concept.List, x, y *attrs) {
	for w, halves := range pairWords {
		k := strings.Index(x.indicator, w)
		if k < 0 {
			continue
		}
		before, after := x.indicator[:k], x.indicator[k+len(w):]
		c1, _ := list.Match(before+halves[0]+after, "")
		c2, _ := list.Match(before+halves[1]+after, "")
		if c1 != "" && c2 != "" {
			x.concept, y.concept = c1, c2
		}
	}
}

// splitOrdinals gives the figures of a list of industries named by their ordinals alone
// (一二三产增加值分别增长3.5%、6%、5%; 第一、二、三产业增加值…) the concepts of each
// industry in turn: the k-th figure is 第k产业's, never the list's. The indicator stays the
// list's words. A run of figures sharing the indicator pairs with the ordinals when it is
// as long as they are, or a multiple (values, then rates).
func splitOrdinals(list *concept.List, ms []mention, out []attrs) {
	for i := 0; i < len(out); {
		j := i + 1
		for j < len(out) && out[j].indicator == out[i].indicator {
			j++
		}
		if j-i >= 2 && out[i].concept == "" {
			// each block of as many figures as ordinals shares its unit: one figure per industry
			if ords, rest := industryOrdinals(out[i].indicator); len(ords) >= 2 && (j-i)%len(ords) == 0 && blocksShareUnit(ms, i, j, len(ords)) {
				for k := i; k < j; k++ {
					out[k].concept, _ = list.Match("第"+ords[(k-i)%len(ords)]+"产业"+rest, "")
				}
			}
		}
		i = j
	}
}

// blocksShareUnit reports that ms[i:j], cut into blocks of size figures, has one unit in
// each block (6.9万元、3.4万元 | 4.2%、5.3%: values, then rates).
func blocksShareUnit(ms []mention, i, j, size int) bool {
	for k := i; k < j; k++ {
		if ms[k].Unit != ms[i+(k-i)/size*size].Unit {
			return false
		}
	}
	return true
}

// industryOrdinals splits an indicator opening with industries named by ordinals alone
// (一二三产增加值, 第一、二、三产业增加值, 第二、第三产业…) into the ordinals and what
// follows 产业 (or 产); nil when it opens otherwise.
func industryOrdinals(indicator string) (ords []string, rest string) {
	s := indicator
	for {
		s = strings.TrimPrefix(s, "第")
		r, n := utf8.DecodeRuneInString(s)
		if r != '一' && r != '二' && r != '三' {
			break
		}
		ords = append(ords, s[:n])
		s = strings.TrimPrefix(s[n:], "、")
	}
	switch {
	case strings.HasPrefix(s, "产业"):
		rest = s[len("产业"):]
	case strings.HasPrefix(s, "产") && !strings.HasPrefix(s, "产品") && !strings.HasPrefix(s, "产量"):
		rest = s[len("产"):]
	default:
		return nil, ""
	}
	return ords, rest
}

// placeListHead reads a 分别 list whose names are places and whose last name carries the
// measure they share (博乐市、精河县、阿拉山口市年平均气温分别为8.8摄氏度、…): it returns
// that measure and the place of the figure's own name; "" when the list is no such list.
// first is the list's first figure (listGroup).
func placeListHead(a []rune, ms []mention, i, first int, c segment.Span, lists *listMemo) (head, place string) {
	if ms[i].listBack == 0 && ms[i].listFwd == 0 {
		return "", "" // not in a list: most numbers, told without a look
	}
	if !lists.places.mayName(a, c.Start, ms[first].Start) {
		return "", "" // no names joined by 、, or no place among them: most lists
	}
	names, k, _ := lists.names(a, ms, i, c)
	if len(names) < 2 {
		return "", ""
	}
	last := names[len(names)-1]
	lastPlace, rest := concept.StripPlace(string(a[last.s:last.e]))
	if lastPlace == "" || utf8.RuneCountInString(rest) < 2 {
		return "", ""
	}
	for _, n := range names[:len(names)-1] {
		if p, r := concept.StripPlace(string(a[n.s:n.e]) + "。"); p == "" || r != "。" {
			return "", ""
		}
	}
	if k == len(names)-1 {
		return rest, lastPlace
	}
	p, _ := concept.StripPlace(string(a[names[k].s:names[k].e]) + "。")
	return rest, p
}

// placeNamesMemo keeps whether the words before a list may name places, which all the
// list's figures ask: the words are read once per list, not once per figure.
type placeNamesMemo struct {
	from, to int
	known    bool
	may      bool
}

// mayName reports a 、 and a place suffix in a[from:to].
func (p *placeNamesMemo) mayName(a []rune, from, to int) bool {
	if !p.known || p.from != from || p.to != to {
		p.from, p.to, p.known = from, to, true
		p.may = cjk.IndexRune(a, from, to, '、') >= 0 && hasPlaceSuffix(a[from:to])
	}
	return p.may
}

// placeSuffixes are the last characters of the place names a list may name (精河县).
var placeSuffixes = []rune("省市县区州旗盟镇乡")

// hasPlaceSuffix reports one of placeSuffixes in rs: a switch, which tells a rune by a few
// comparisons, where a loop over the suffixes takes nine for each rune of the clause.
func hasPlaceSuffix(rs []rune) bool {
	for _, r := range rs {
		switch r {
		case '省', '市', '县', '区', '州', '旗', '盟', '镇', '乡':
			return true
		}
	}
	return false
}
