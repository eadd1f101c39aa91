package doc

import (
	"slices"
	"strconv"
	"strings"

	"github.com/policymetrics/policymetrics/extract/concept"
	"github.com/policymetrics/policymetrics/extract/internal/cjk"
	"github.com/policymetrics/policymetrics/extract/lexicon"
	"github.com/policymetrics/policymetrics/units"
)

// Genre is the kind of document, as its title says; it decides what a passage without a
// time of its own refers to (SPEC.md §5 rule 3).
type Genre int

const (
	OtherGenre   Genre = iota
	Bulletin           // a statistical bulletin: its year throughout
	WorkReport         // a government work report: forward passages are the year's work
	BudgetReport       // a budget report: execution and draft parts by their headings
	Plan               // a plan or programme: its figures are goals
)

var (
	yearThis         = lexicon.Get("year-this")
	yearLast         = lexicon.Get("year-last")
	yearJustPast     = lexicon.Get("year-just-past")
	yearNext         = lexicon.Get("year-next")
	yearsPastFive    = lexicon.Get("years-past-five")
	titleWords       = lexicon.Get("title-words")
	bulletinTitle    = lexicon.Get("bulletin-title")
	reportTitle      = lexicon.Get("report-title")
	budgetTitle      = lexicon.Get("budget-title")
	budgetDisclosure = lexicon.Get("budget-disclosure-title")
	planTitle        = lexicon.Get("plan-title")
	baselineWords    = lexicon.Get("baseline-before")
	vocatives        = lexicon.Get("vocatives")
	planLeadIn       = lexicon.Get("plan-lead-in")
	captionOpeners   = lexicon.Get("caption-openers")
	levelWords       = lexicon.Get("budget-levels")
	wholeAreaWords   = lexicon.Get("whole-area")

	budgetUnitSuffixes = lexicon.Get("budget-unit-suffixes")
	budgetUnitTails    = lexicon.Get("budget-unit-tails")
	notUnitPlaces      = lexicon.Get("budget-unit-not")
)

// titleSearchLines is how far into a document its title or date line is looked for: a
// portal page puts some navigation first.
const titleSearchLines = 60

// maxTitleLines is how many lines a wrapped title may take.
const maxTitleLines = 4

// maxTitleRunes is the longest line still read as a title.
const maxTitleRunes = 90

// ownArea returns the place a document is about (SPEC.md §1 area): the place its title
// names (2026年河南省政府工作报告 → 河南省), else the one its date line names (——2026年1月
// 26日在广东省第十四届人民代表大会… → 广东省); "" when neither names one. The head is its
// first n lines (headLines).
func ownArea(a []rune, lineStarts []int, n, titleLine int) string {
	if titleLine >= 0 {
		if p := placeOpening(lineAt(a, lineStarts, titleLine)); p != "" {
			return p
		}
	}
	var joined []rune // one buffer for the lines joined below
	for k := 0; k < n; k++ {
		line := lineAt(a, lineStarts, k)
		if len(line) > maxTitleRunes {
			continue
		}
		if k+1 < n && indexWord(line, congressWord) < 0 {
			// ——2026年1月26日在广东省第十四届 / 人民代表大会第五次会议上: one date line
			joined = append(append(joined[:0], line...), lineAt(a, lineStarts, k+1)...)
			line = joined
		}
		if i := indexWord(line, congressWord); i > 0 {
			if j := lastIndexWord(line[:i], atWord); j >= 0 {
				if p := placeOpening(line[j+1 : i]); p != "" {
					return p
				}
			}
		}
	}
	for k := 0; k < n; k++ {
		line := lineAt(a, lineStarts, k)
		if len(line) <= maxTitleRunes && genreOf(line) != OtherGenre {
			if p := placeOpening(line); p != "" {
				return p
			}
		}
	}
	return ""
}

// placeOpening returns the place a title names: the one right before its year
// (湖南省统计局 - 长沙市2025年…统计公报 → 长沙市), else the one it opens with after 关于.
func placeOpening(line []rune) string {
	for i := range line {
		if _, n := cjk.YearAt(line, i); n > 0 && i+n < len(line) && line[i+n] == '年' && i > 0 {
			seg := line[:i]
			if k := cjk.LastIndexRune(seg, ' ', '-', '—', '|', ':', '：', '_'); k >= 0 {
				seg = seg[k+1:]
			}
			seg = []rune(strings.TrimPrefix(string(seg), "关于"))
			if place, rest := concept.StripPlace(string(seg) + "。"); place != "" && rest == "。" {
				return place
			}
			break
		}
	}
	s := string(cjk.TrimLeft(line))
	for _, skip := range []string{"关于", "《"} {
		s = strings.TrimPrefix(s, skip)
	}
	rs := []rune(s)
	if _, n := cjk.YearAt(rs, 0); n > 0 && n < len(rs) && rs[n] == '年' {
		s = string(rs[n+1:])
	}
	place, _ := concept.StripPlace(s)
	return place
}

// congressWord and atWord are the words a date line names its session by (在…人民代表大会),
// as runes once.
var congressWord, atWord = []rune("人民代表大会"), []rune("在")

func indexWord(a []rune, ws []rune) int {
	for i := 0; i+len(ws) <= len(a); i++ {
		if slices.Equal(a[i:i+len(ws)], ws) {
			return i
		}
	}
	return -1
}

func lastIndexWord(a []rune, ws []rune) int {
	for i := len(a) - len(ws); i >= 0; i-- {
		if slices.Equal(a[i:i+len(ws)], ws) {
			return i
		}
	}
	return -1
}

// statedYear returns the year a document states about itself (SPEC.md §5): the first year
// of its title line (2026年河南省政府工作报告), else the year of the first full date in its
// head (发布日期:2017-07-27, ——2026年1月27日在…会议上), else written (the latest full date
// anywhere: a reply letter dates itself at its end). It also returns the title line's
// index (-1 when none) and the genre the title names. The head is a's first n lines
// (headLines).
func statedYear(a []rune, lineStarts []int, n, written int) (int, int, Genre) {
	for k := 0; k < n; k++ {
		line := lineAt(a, lineStarts, k)
		if len(line) > maxTitleRunes || !titleShaped(line) {
			continue
		}
		if !titleWords.In(line) {
			// A title wrapped over two lines (2025年焦作市国民经济和社会发展 / 统计公报).
			if k+1 >= n {
				continue
			}
			next := lineAt(a, lineStarts, k+1)
			if !titleWords.In(next) || len(line)+len(next) > maxTitleRunes {
				continue
			}
			line = append(append([]rune{}, line...), next...)
		}
		for i := range line {
			if y, yn := cjk.YearAt(line, i); yn > 0 && i+yn < len(line) && line[i+yn] == '年' {
				if budgetDisclosure.In(line) {
					// 红河州2026年度政府预算公开: the publication of the year's budget, whose
					// report executes the year before (SPEC §5: that year is the document's).
					return y - 1, k, BudgetReport
				}
				g := genreOf(line)
				for j := k + 1; g == OtherGenre && j < min(n, k+maxTitleLines); j++ {
					line = append(append([]rune{}, line...), lineAt(a, lineStarts, j)...)
					g = genreOf(line) // a title wrapped over several lines
				}
				return y, k, g
			}
		}
	}
	genre := OtherGenre
	for k := 0; k < n && genre == OtherGenre; k++ {
		if line := lineAt(a, lineStarts, k); len(line) <= maxTitleRunes && titleShaped(line) {
			genre = genreOf(line)
		}
	}
	for k := 0; k < n; k++ {
		if y := fullDateYear(lineAt(a, lineStarts, k)); y > 0 {
			return y, -1, genre
		}
	}
	return written, -1, genre
}

// headLines returns how many lines form the document's head, where its title and date
// line stand: up to its first numbered heading (一、…) or titleSearchLines.
func headLines(a []rune, lineStarts []int) int {
	n := min(len(lineStarts), titleSearchLines)
	for k := 0; k < n; k++ {
		if line := cjk.TrimLeft(lineAt(a, lineStarts, k)); HeadingLevel(line) > titleLevel {
			return k
		}
	}
	return n
}

// titleShaped reports a line that may be a title: no sentence inside it (。，；).
func titleShaped(line []rune) bool {
	return cjk.IndexRune(line, 0, len(line), '。', '，', ',', '；', ';') < 0
}

func genreOf(title []rune) Genre {
	switch {
	case bulletinTitle.In(title):
		return Bulletin
	case budgetTitle.In(title):
		return BudgetReport // before 工作报告: a portal may file a budget report under it (…(草案)的报告_工作报告_…)
	case reportTitle.In(title):
		return WorkReport
	case planTitle.In(title):
		return Plan
	}
	return OtherGenre
}

func lineAt(a []rune, lineStarts []int, k int) []rune {
	e := len(a)
	if k+1 < len(lineStarts) {
		e = lineStarts[k+1] - 1
	}
	return a[lineStarts[k]:e]
}

// fullDateYear returns the year of the first full date in line (2017年7月14日,
// 2017-07-27), or 0.
func fullDateYear(line []rune) int {
	for i := range line {
		if y, n := cjk.YearAt(line, i); n > 0 && isFullDate(line, i+n) {
			return y
		}
	}
	return 0
}

// isFullDate reports a month and day after a year ending at a[j]: 年7月14日 or -07-27.
func isFullDate(a []rune, j int) bool {
	switch {
	case j < len(a) && a[j] == '年':
		m, mn := cjk.SmallInt(a, j+1, 2)
		if mn == 0 || m < 1 || m > 12 || j+1+mn >= len(a) || a[j+1+mn] != '月' {
			return false
		}
		k := j + 2 + mn
		d, dn := cjk.SmallInt(a, k, 2)
		return dn > 0 && d >= 1 && d <= 31 && k+dn < len(a) && a[k+dn] == '日'
	case j < len(a) && (a[j] == '-' || a[j] == '/' || a[j] == '.'):
		m, mn := cjk.SmallInt(a, j+1, 2)
		if mn != 2 || m < 1 || m > 12 || j+1+mn >= len(a) || a[j+1+mn] != a[j] {
			return false
		}
		d, dn := cjk.SmallInt(a, j+2+mn, 2)
		return dn == 2 && d >= 1 && d <= 31
	}
	return false
}

// passageChange is where the time of the passage changes, and what it becomes.
type passageChange struct {
	at     int // offset in the analysis text
	period string
}

// passagePass finds where the time of the passage changes (SPEC.md §5 rule 3): at a
// heading, to the time it names, kept by its sub-headings; at a sentence that opens with a
// time of its own (过去五年，… ; 2022年，…; 五年来，… after another sentence of the same
// paragraph), to that time, until the next heading. A bulletin's passages default to its
// year. It reads a document line by line, so that a long one can be read in chunks.
type passagePass struct {
	now, titleLine int
	def            string     // the time of a passage under no heading
	justPast       string     // what 一年来 opening a paragraph means: "" when Y-1
	period         string     // the time in force
	stack          []openTime // the headings in force, outermost first
	opens          uint8      // the bits of openingRunes that may start a time here (openingMask)
}

type openTime struct {
	level  int
	period string
}

func newPassagePass(year, now, titleLine int, genre Genre) passagePass {
	def := ""
	if genre == Bulletin && year > 0 {
		def = strconv.Itoa(year)
	}
	justPast := ""
	if (genre == Bulletin || genre == BudgetReport) && year > 0 {
		justPast = strconv.Itoa(year) // the year described or executed, whenever written
	}
	return passagePass{now: now, titleLine: titleLine, def: def, justPast: justPast, period: def, opens: openingMask(now)}
}

// clone returns a pass that goes on from the same state without sharing it.
func (p passagePass) clone() passagePass {
	p.stack = slices.Clone(p.stack)
	return p
}

// line reads line k (raw, as in the analysis text; lv its heading level) and appends to
// changes where the time changes in it, at offsets into the line.
// breaks are the offsets after each 。！？!? of the line (Reader.LineWithBreaks).
func (p *passagePass) line(k int, raw []rune, lv int, changes []passageChange, breaks []int) []passageChange {
	line := cjk.TrimLeft(raw)
	if k == p.titleLine || captionOpeners.MayStartAt(line, 0) && isCaption(line) {
		return changes // 图1 2021—2025年地区生产总值…: a figure's caption frames nothing
	}
	// Nor does a table's line (isTableText). It is asked only before the line changes
	// anything: most paragraphs open no passage, and reading them is pure until then.
	if isNotesHeading(line) {
		if isTableText(line) {
			return changes
		}
		// 注释, 名词解释: the notes define terms; no passage's time holds in them (SPEC §5
		// rule 4), whatever section they follow. Read before headings: a notes heading is
		// short enough to be read as a run-in label of the section before.
		p.stack = p.stack[:0]
		return p.change(changes, 0, "")
	}
	if lv > 0 {
		if isTableText(line) {
			return changes
		}
		period, _ := timeIn(line, p.now, false)
		if lv == titleLevel && period == "" && len(p.stack) > 0 {
			return changes // a run-in label (主要预期目标) inside a numbered section
		}
		sibling := ""
		for len(p.stack) > 0 && p.stack[len(p.stack)-1].level >= lv {
			if p.stack[len(p.stack)-1].level == lv {
				sibling = p.stack[len(p.stack)-1].period
			}
			p.stack = p.stack[:len(p.stack)-1]
		}
		if period == "" {
			period = p.def
			if len(p.stack) > 0 {
				period = p.stack[len(p.stack)-1].period
			}
			if lv == 2 && p.now > 0 && sibling == strconv.Itoa(p.now) {
				// 四、…建设服务型政府 after 三、…2026年的工作: still the year's work, whatever
				// an outer line read as a heading said (“十五五”时期经济社会发展的 / 主要目标)
				period = sibling
			}
		}
		p.stack = append(p.stack, openTime{lv, period})
		return p.change(changes, 0, period)
	}
	return p.sentences(line, raw, changes, breaks)
}

// sentences is line for a paragraph (raw, line without its leading spaces) that is no
// caption, no notes heading and not the title: it reads the time each of its sentences
// opens with.
func (p *passagePass) sentences(line, raw []rune, changes []passageChange, breaks []int) []passageChange {
	return p.sentencesFrom(line, raw, changes, breaks, false)
}

// sentencesFrom is sentences of raw, a paragraph's start or, inside set, a piece of it
// that starts where a sentence does (its first sentence then opens inside the paragraph);
// line is the paragraph's start without its leading spaces, for isTableText.
func (p *passagePass) sentencesFrom(line, raw []rune, changes []passageChange, breaks []int, inside bool) []passageChange {
	tableAsked := false
	for x := nextOpening(raw, breaks, -1, p.opens); x < len(breaks); x = nextOpening(raw, breaks, x+1, p.opens) {
		s := 0
		if x >= 0 {
			s = breaks[x]
		}
		sen := cjk.TrimLeft(raw[s:])
		if (s > 0 || inside) && (len(sen) == 0 || cjk.IsDigit(sen[0])) {
			continue // inside a paragraph, 2022年以来，… frames its sentence; 五年来，… the review
		}
		if period, ok := openingTime(sen, p.now); ok {
			if !tableAsked {
				if isTableText(line) {
					return changes // nothing changed yet
				}
				tableAsked = true
			}
			if p.justPast != "" && yearJustPast.PrefixAt(sen, 0) > 0 {
				period = p.justPast // a bulletin's or budget report's 一年来: the year it describes
			}
			changes = p.change(changes, s, period)
			if len(p.stack) > 0 {
				p.stack[len(p.stack)-1].period = period // its sub-headings follow the opening
			}
		}
	}
	return changes
}

// nextOpening returns the first sentence of the paragraph raw from the one after break x
// on that may open with a time (mayOpenWithTime), or len(breaks) when none does. A
// sentence starts at the paragraph's start (x = -1) and after each break (x) but one at
// its end. Most sentences are told here, most of them by plainOpening.
func nextOpening(raw []rune, breaks []int, x int, mask uint8) int {
	for ; x < len(breaks); x++ {
		s := 0
		if x >= 0 {
			if s = breaks[x]; s >= len(raw) {
				break
			}
		}
		if !plainOpening(raw, s) && mayOpenWithTime(raw, s, mask) {
			return x
		}
	}
	return len(breaks)
}

// plainOpening reports a sentence at raw[s:] whose first runes (as many as the longest
// lead-in, and the one after) are all Han characters that start no time or lead-in word
// (openPlain): it opens with no time (mayOpenWithTime). Their classes are read without a
// test each, and most sentences open so.
func plainOpening(raw []rune, s int) bool {
	if s+maxLeadIn+1 > len(raw) {
		return false
	}
	w := (*[maxLeadIn + 1]rune)(raw[s:])
	return openingRunes[uint16(w[0])]&openingRunes[uint16(w[1])]&openingRunes[uint16(w[2])]&openingRunes[uint16(w[3])]&
		openingRunes[uint16(w[4])]&openingRunes[uint16(w[5])]&openingRunes[uint16(w[6])]&openPlain != 0
}

// change makes period the time in force from at on, appending the change to changes
// when it is one.
func (p *passagePass) change(changes []passageChange, at int, period string) []passageChange {
	if p.period != period {
		p.period = period
		changes = append(changes, passageChange{at, period})
	}
	return changes
}

// sentenceBreaks returns the offsets into line just after each 。！？!?, for a line read
// without them (Reader.Line).
func sentenceBreaks(line []rune) []int {
	breaks := []int{}
	for i, r := range line {
		if uint32(r)-('。'+1) < '！'-('。'+1) {
			continue // past 。 and before ！, as Chinese characters (U+4E00–U+9FFF) are: no end
		}
		if r == '。' || r == '！' || r == '？' || r == '!' || r == '?' {
			breaks = append(breaks, i+1)
		}
	}
	return breaks
}

// isTableText reports a line of a table (cells with tabs, 上年同期=100, 比上年增长(%)):
// never a heading, and its words frame nothing.
func isTableText(line []rune) bool {
	head := line[:min(len(line), 2*maxHeadingRunes)] // a row shows itself early; paragraphs are long
	// One pass over head, which is all of a line short enough to be a header cell, for
	// both kinds of mark; most runes are Han characters, none of them, told by one test.
	percent := false
	for _, r := range head {
		if uint32(r)-0x3400 < 0xA000-0x3400 {
			continue
		}
		if r == '\t' || r == '=' || r == '＝' {
			return true
		}
		percent = percent || r == '%' || r == '％'
	}
	return percent && len(line) <= maxHeadingRunes
}

// maxHeadingRunes is the longest line a table's header cell is checked as (比上年增长(%)).
const maxHeadingRunes = 20

// isCaption reports the caption of a figure or table (图1 …, 表2 …, 附表3 …).
func isCaption(line []rune) bool {
	n := captionOpeners.PrefixAt(line, 0)
	if n == 0 {
		return false
	}
	for n < len(line) && line[n] == ' ' {
		n++
	}
	return n < len(line) && (cjk.IsDigit(line[n]) || units.IsChineseNumeral(line[n]))
}

// timeIn reads the time a heading names (the first one in it), or, with opening set,
// the time a paragraph opens with (过去五年，…; 2022年，…; “十四五”时期是…).
func timeIn(line []rune, year int, opening bool) (string, bool) {
	if opening {
		return openingTime(line, year)
	}
	for i := range line {
		if !mayStartTime(line[i], year) || i > 0 && baselineWords.SuffixBefore(line, i) > 0 {
			continue
		}
		if p, n := timeAt(line, i, year); n > 0 {
			return p, true
		}
	}
	return "", false
}

// openingTime is timeIn with opening set: the time a sentence opens with. It is asked at
// every sentence of every paragraph, and reads each of the first runes with one load of
// openingRunes.
func openingTime(line []rune, year int) (string, bool) {
	if len(line) == 0 {
		return "", false
	}
	if openingClass(line[0])&openSpecial != 0 {
		var p string
		var done bool
		if line, p, done = skipLeadIns(line); done {
			return p, p != ""
		}
	}
	mask := openingMask(year)
	for i, r := range line[:min(maxLeadIn+1, len(line))] {
		c := openingClass(r)
		if c&mask == openRelative && (i+1 == len(line) || !relativeYearSeconds.Has(line[i+1])) {
			continue // 一, 上, 这 before no rune of a relative word: a Han character (timeAt's guard)
		}
		if c&mask != 0 {
			if p, n := timeAt(line, i, year); n > 0 {
				if cjk.IsDigit(r) && len(p) == 9 {
					return "", false // 2014-2016年,…: a span stated for its own paragraph's totals
				}
				return p, p != "" && opensPassage(line, i+n)
			}
		}
		if c&openLead == 0 {
			break // the lead-in ends: no time after it opens the paragraph
		}
	}
	return "", false
}

// openingMask returns the bits of openingRunes that may start a time in a document whose
// relative words count from year (none when 0).
func openingMask(year int) uint8 {
	if year == 0 {
		return openAbsolute
	}
	return openAbsolute | openRelative
}

// mayOpenWithTime is false when the sentence at raw[s:] opens with no time that
// openingTime reads: past the spaces cjk.TrimLeft drops, its first runes (as many as
// the longest lead-in, and the one after) are lead-in runes that start no time (mask:
// openingMask), up to the end or a rune that ends the lead-in. Most sentences are told so
// here, without openingTime's call; it is small enough to be inlined.
func mayOpenWithTime(raw []rune, s int, mask uint8) bool {
	for s < len(raw) && (raw[s] == ' ' || raw[s] == '\t' || raw[s] == '\u3000') {
		s++
	}
	for _, r := range raw[s:min(s+maxLeadIn+1, len(raw))] {
		// A rune past the BMP reads as the BMP rune of its low bits: it ends the lead-in
		// (openingClass), so whatever that rune is, reading on can turn away no sentence
		// openingTime would not, and an answer of true is only a call.
		c := openingRunes[uint16(r)]
		if c&openPlain != 0 {
			continue // most runes: a Han character that starts no time
		}
		if c&(mask|openSpecial) != 0 {
			return true
		}
		if c&openLead == 0 {
			return false
		}
	}
	return false
}

// skipLeadIns passes over what may stand before a sentence's opening time: an address to
// the audience (各位代表，) and dashes (——这五年，…: an item of a list of reviews). It is
// done when that settles the sentence's time: p, from a plan lead-in (planOfLeadIn), or
// none when nothing follows the address.
func skipLeadIns(line []rune) (rest []rune, p string, done bool) {
	if n := vocatives.PrefixAt(line, 0); n > 0 {
		line = line[n:]
		for len(line) > 0 && isPause(line[0]) {
			line = line[1:]
		}
		if len(line) == 0 {
			return nil, "", true
		}
	}
	for len(line) > 0 && isDash(line[0]) {
		line = line[1:]
	}
	if p := planOfLeadIn(line); p != "" {
		return nil, p, true
	}
	return line, "", false
}

// Bits of openingRunes.
const (
	openLead     = 1 << iota // a Han character or 的: a lead-in goes on past it
	openAbsolute             // may start a time whatever the year (mayStartTime(r, 0))
	openRelative             // may start a relative word only: a time when there is a year
	openSpecial              // may start a vocative, a dash or a plan lead-in (skipLeadIns)
	openPlain                // openLead and no other bit (plainOpening)
)

// openingRunes classifies the runes of the Basic Multilingual Plane for openingTime.
var openingRunes = makeOpeningRunes()

func makeOpeningRunes() (t [0x10000]uint8) {
	for r := rune(0x3400); r < 0xA000; r++ {
		t[r] = openLead // cjk.IsHan, which 的 is
	}
	for _, r := range []rune{'“', '"', '1', '2', '十'} {
		t[r] |= openAbsolute
	}
	for _, set := range []*lexicon.Set{yearThis, yearLast, yearNext, yearsPastFive} {
		for _, w := range set.Words() {
			if r := []rune(w)[0]; t[r]&openAbsolute == 0 {
				t[r] |= openRelative
			}
		}
	}
	for _, set := range []*lexicon.Set{vocatives, planLeadIn} {
		for _, w := range set.Words() {
			t[[]rune(w)[0]] |= openSpecial
		}
	}
	for _, r := range []rune{'—', '－', '-', '―', '─'} {
		t[r] |= openSpecial // isDash
	}
	for r := rune(0x3400); r < 0xA000; r++ { // openLead is only here: not a sweep of the plane
		if t[r] == openLead {
			t[r] |= openPlain
		}
	}
	return t
}

// openingClass returns the bits of r in openingRunes; none outside the table.
func openingClass(r rune) uint8 {
	if uint32(r) >= 0x10000 {
		return 0
	}
	return openingRunes[uint16(r)]
}

// planOfLeadIn is the plan period of a paragraph that opens by citing the plan it presents
// (根据《…第十五个五年规划的建议》，我们编制了“十五五”规划纲要…: 2026-2030): the outline's
// targets follow, though the plan is named only inside a title. Only the lead-in clause is
// read.
func planOfLeadIn(line []rune) string {
	if planLeadIn.PrefixAt(line, 0) == 0 {
		return ""
	}
	for i := 0; i < len(line) && !isPause(line[i]) && line[i] != '。'; i++ {
		if IsPlanName(line, i) {
			return PlanYears[string(line[i:i+3])]
		}
		if p := planOrdinalAt(line, i); p != "" {
			return p
		}
	}
	return ""
}

// planOrdinalAt reads a plan named by its ordinal at line[i] (第十五个五年规划 is 十五五:
// 2026-2030).
func planOrdinalAt(line []rune, i int) string {
	if line[i] != '第' || i+6 > len(line) {
		return ""
	}
	if hasPrefix(line, i+3, "个五年") {
		return PlanYears[string(line[i+1:i+3])+"五"]
	}
	return ""
}

func isDash(r rune) bool { return r == '—' || r == '－' || r == '-' || r == '―' || r == '─' }

func isPause(r rune) bool {
	return r == ',' || r == '，' || r == '!' || r == '！' || r == ':' || r == '：'
}

// maxLeadIn is the longest lead-in before a paragraph's opening time (刚刚过去的).
const maxLeadIn = 6

// opensPassage reports what may follow a time that frames a paragraph: a comma, 是, 以来,
// or the subject (我们, 全市).
func opensPassage(line []rune, j int) bool {
	if j < len(line) && (line[j] == '”' || line[j] == '"') {
		j++
	}
	for _, w := range []string{"以来", "时期", "期间", "来"} {
		if hasPrefix(line, j, w) {
			j += len([]rune(w))
			break
		}
	}
	return j < len(line) && (line[j] == ',' || line[j] == '，' || line[j] == '是')
}

func hasPrefix(a []rune, i int, w string) bool {
	for _, r := range w {
		if i >= len(a) || a[i] != r {
			return false
		}
		i++
	}
	return true
}

// timeAt reads a time at line[i]: a year (2025年), a year range (2021-2025年), a plan
// period (十四五), or a relative word resolved against year. It returns the period and
// the runes read.
func timeAt(line []rune, i, year int) (string, int) {
	if i >= len(line) {
		return "", 0
	}
	if !mayStartTime(line[i], year) {
		return "", 0
	}
	if line[i] == '“' || line[i] == '"' {
		if p, n := timeAt(line, i+1, year); n > 0 {
			return p, n + 1
		}
		return "", 0
	}
	if y, n := cjk.YearAt(line, i); n > 0 {
		j := i + n
		if j < len(line) && (line[j] == '-' || line[j] == '—' || line[j] == '至') {
			if y2, n2 := cjk.YearAt(line, j+1); n2 > 0 && y2 > y && j+1+n2 < len(line) && line[j+1+n2] == '年' {
				return span(y, y2), j + 2 + n2 - i
			}
		}
		if j < len(line) && line[j] == '年' && !(j+1 < len(line) && cjk.IsDigit(line[j+1])) {
			return strconv.Itoa(y), j + 1 - i
		}
		return "", 0
	}
	if IsPlanName(line, i) {
		return PlanYears[string(line[i:i+3])], 3
	}
	if year == 0 || !relativeYearStarts.Has(line[i]) || i+1 >= len(line) || !relativeYearSeconds.Has(line[i+1]) {
		return "", 0 // most runes a relative word starts with (一, 上, 这) start none here
	}
	if n := yearThis.PrefixAt(line, i); n > 0 {
		return strconv.Itoa(year), n
	}
	if n := yearLast.PrefixAt(line, i); n > 0 {
		return strconv.Itoa(year - 1), n
	}
	if n := yearNext.PrefixAt(line, i); n > 0 {
		return strconv.Itoa(year + 1), n
	}
	if n := yearsPastFive.PrefixAt(line, i); n > 0 {
		return span(year-5, year-1), n
	}
	return "", 0
}

// mayStartTime reports a rune timeAt may read a time from: a quote, a year's first digit,
// 十 of a plan, or the first rune of a relative word. Most characters are none, and are
// told so before any call.
// It is one load of openingRunes, whose bits are these tests (TestOpeningRunes).
func mayStartTime(r rune, year int) bool {
	return openingClass(r)&openingMask(year) != 0
}

// relativeYearStarts and relativeYearSeconds are the first and the second runes of the
// words of timeAt's relative years.
var (
	relativeYearStarts  = lexicon.FirstRunes([]*lexicon.Set{yearThis, yearLast, yearNext, yearsPastFive})
	relativeYearSeconds = secondRunes(yearThis, yearLast, yearNext, yearsPastFive)
)

// secondRunes returns the set of the second runes of the words of sets. It panics on a
// word of one rune, or one whose second rune is outside the BMP, which the set would miss.
func secondRunes(sets ...*lexicon.Set) *lexicon.RuneSet {
	var second []rune
	for _, s := range sets {
		for _, w := range s.Words() {
			r := []rune(w)
			if len(r) < 2 {
				panic("doc: a relative year of one rune: " + w)
			}
			second = append(second, r[1])
		}
	}
	return lexicon.FirstRunes(nil, second...)
}

// span writes the years from y to y2 as a period: 2021-2025.
func span(y, y2 int) string { return strconv.Itoa(y) + "-" + strconv.Itoa(y2) }

// levelPass finds the level of a budget each line's passage is about: a line opening
// with a level (（2）市级收支。…, 市本级一般公共预算收入…) sets it for the lines after it, up
// to a line opening with the whole area (全市…) or a heading that names no level. "" is
// the whole area.
//
// A heading naming a part of the area the report gives accounts of its own (（三）高新区
// 预算执行情况, 一、常德经济技术开发区) sets that part for its sub-headings too (1.一般公共
// 预算), up to the next heading of its rank or above.
type levelPass struct {
	cur    string
	unitLv int // the heading level that set cur to a part of the area; 0: none
}

// line reads the next line, whose heading level is lv, and returns its budget level.
func (p *levelPass) line(raw []rune, lv int) string {
	line := skipNumbering(cjk.TrimLeft(raw))
	switch { // the guards tell most lines, which open with no level word, without a call
	case levelWords.MayStartAt(line, 0) && levelWords.PrefixAt(line, 0) > 0:
		if w := string(line[:levelWords.PrefixAt(line, 0)]); w != p.cur {
			p.cur = w
		}
		p.unitLv = 0
	case lv > 0 && p.unitLv > 0 && lv > p.unitLv && !(wholeAreaWords.MayStartAt(line, 0) && wholeAreaWords.PrefixAt(line, 0) > 0):
		// a sub-heading of a part's section: still the part's
	case lv > 0:
		p.cur, p.unitLv = "", 0
		if unit := budgetUnitHeading(line); unit != "" {
			p.cur, p.unitLv = unit, lv
		}
	case wholeAreaWords.MayStartAt(line, 0) && wholeAreaWords.PrefixAt(line, 0) > 0:
		p.cur, p.unitLv = "", 0
	}
	return p.cur
}

// budgetUnitHeading returns the part of the area a heading names, alone or before the
// accounts it heads (高新区预算执行情况, 益阳高新区预算草案, 常德经济技术开发区); "" for any
// other heading (城乡社区支出, 市对区转移支付情况, 全市及市本级预算安排).
func budgetUnitHeading(line []rune) string {
	for len(line) > 0 && (line[len(line)-1] == ' ' || line[len(line)-1] == '\r') {
		line = line[:len(line)-1]
	}
	end := len(line)
	if k, _ := budgetUnitTails.IndexIn(line, 0, len(line)); k > 0 {
		if n := budgetUnitTails.PrefixAt(line, k); k+n != len(line) {
			return "" // more after the accounts' words: some other heading
		}
		end = k
	}
	name := line[:end]
	n := budgetUnitSuffixes.SuffixBefore(name, len(name))
	if n == 0 || len(name) < 3 || notUnitPlaces.SuffixBefore(name, len(name)) > 0 {
		return ""
	}
	for _, r := range name {
		if r == '全' || r == '和' || r == '及' || r == '、' || r == '对' || r == '与' || cjk.IsDigit(r) {
			return "" // the whole area, several parts, a transfer between levels, a year
		}
	}
	return string(name)
}

// skipNumbering drops an item's number at the start of a line: (2), （二）, 2., 二、.
func skipNumbering(line []rune) []rune {
	i := 0
	if i < len(line) && (line[i] == '(' || line[i] == '（') {
		j := i + 1
		for j < len(line) && (cjk.IsDigit(line[j]) || units.IsChineseNumeral(line[j])) {
			j++
		}
		if j > i+1 && j < len(line) && (line[j] == ')' || line[j] == '）') {
			return line[j+1:]
		}
		return line
	}
	j := i
	for j < len(line) && (cjk.IsDigit(line[j]) || units.IsChineseNumeral(line[j])) {
		j++
	}
	if j > i && j < len(line) && (line[j] == '.' || line[j] == '、') {
		return line[j+1:]
	}
	return line
}
