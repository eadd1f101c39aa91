package units

import "slices"

// NumeralKind says how the number of a mention is written.
type NumeralKind uint8

const (
	Arabic  NumeralKind = iota + 1 // 19556, 1,035.5, １２３, 3.5 (with or without 亿)
	Chinese                        // 十五, 两千三百万, 百分之六点五
)

// Match is one quantity found at a position of a text: a number, its scale words, 多/余,
// and its unit. Offsets are rune indexes into the scanned slice.
type Match struct {
	Start, End int // the mention: s[Start:End] is what SPEC calls `text`
	NumberEnd  int // end of the number and its scale words (before 多/余 and the unit)

	Value    Decimal // in the canonical unit, scale words folded in
	Upper    Decimal // the high end of a range, when HasUpper
	HasUpper bool

	Unit    string // canonical unit; "" for a bare number
	RawUnit string // the unit as written (個, 个百分点, 片每月)

	Qualifier Qualifier   // from 多/余 inside the mention (8500多个)
	Kind      NumeralKind // Arabic or Chinese
	Scaled    bool        // a scale word (万, 亿, 千万…) was folded in
	Scale     int         // the power of ten the scale words added (4 for 万)
	BareScale bool        // the numeral is scale words only: 千 in 超千家, 百亿, 万亿
}

// isRangeSep reports a rune that joins the low and high end of a range: 2000-3000,
// 2000～3000, 2000至3000. (A switch: it is asked after every number.)
func isRangeSep(r rune) bool {
	switch r {
	case '-', '－', '~', '～', '〜', '—', '–', '至', '到':
		return true
	}
	return false
}

// isPerSep reports a rune that joins a unit to the unit it is counted per: 元/人, 片每月.
func isPerSep(r rune) bool { return r == '/' || r == '／' || r == '每' }

// MayStartNumber reports whether a number may begin with r: false means NumberStartsAt is
// false wherever r stands. It is one table look, inlined, for a scan that asks at every
// rune of a text: the look first, by the rune's low 16 bits, so that the test of the
// plane is left for the few runes it says yes to.
func MayStartNumber(r rune) bool {
	return numeralTable[uint16(r)]&mayStartBit != 0 && uint32(r) < 0x10000
}

// mayStartNumberOf is MayStartNumber written out, from which the table is made.
func mayStartNumberOf(r rune) bool {
	return r >= '0' && r <= '9' || r >= '０' && r <= '９' || r == '.' || r == '．' || r == '半' || numeralClassOf(r) != 0
}

// NumberStartsAt reports whether a number can begin at s[i].
func NumberStartsAt(s []rune, i int) bool {
	if i >= len(s) {
		return false
	}
	if _, ok := ArabicDigit(s[i]); ok {
		return true
	}
	return IsChineseNumeral(s[i]) || leadingPointAt(s, i) || halfAt(s, i)
}

// leadingPointAt reports a decimal written without its 0 (.5), which is not the point or
// dot of something before it (3.5, v2.5, 1.2.5).
func leadingPointAt(s []rune, i int) bool {
	if s[i] != '.' && s[i] != '．' || i+1 >= len(s) {
		return false
	}
	if _, ok := ArabicDigit(s[i+1]); !ok {
		return false
	}
	if i == 0 {
		return true
	}
	_, digit := ArabicDigit(s[i-1])
	return !digit && !isASCIIAlnum(s[i-1]) && s[i-1] != '.' && s[i-1] != '．'
}

// halfAt reports 半 before 成 (半成 is 5 %); 半 is a number nowhere else (半年, 半数).
func halfAt(s []rune, i int) bool {
	if s[i] != '半' {
		return false
	}
	f, ok := unitAt(s, i+1)
	return ok && f.factor == 10
}

// isSpace reports the spaces PDF extraction and letter-spaced pages put inside a
// quantity (一百 五 十 二, 2479.6 亿元); a line break is never inside one, nor a tab, which
// parts the cells of a table (10106<tab>个人所得税 is a code, then an item, not 10106个).
func isSpace(r rune) bool { return r == ' ' || r == '\u3000' || r == '\u00a0' }

// skipSpaces returns the index after the spaces at s[k].
func skipSpaces(s []rune, k int) int {
	for k < len(s) && isSpace(s[k]) {
		k++
	}
	return k
}

// Scan reads the longest quantity starting at s[i]. It reads forward only; whether the
// quantity is a record (and not a date, a name or an ordinal) is for the caller to judge
// from the context. Spaces between the parts of a quantity are part of its span.
func Scan(s []rune, i int) (Match, bool) {
	var m Match
	if !ScanInto(s, i, &m) {
		return Match{}, false
	}
	return m, true
}

// ScanInto is Scan writing the quantity to *m, which the caller may keep in place (a
// Match is many words, and findMentions scans at every number). On false, *m is
// undefined.
func ScanInto(s []rune, i int, m *Match) bool {
	*m = Match{Start: i}
	if v, j, ok := asciiDecimalAt(s, i); ok {
		if j == len(s) || plainEnd(s[j]) {
			// Most numbers (5.5%, 1200个, 2.9%): no scale word, range nor qualifier to read.
			m.Kind, m.NumberEnd = Arabic, j
			if f, ok := unitAt(s, j); ok && !f.scaledOnly {
				v, j = scanUnit(s, j, f, v, m)
			}
			m.Value, m.End = v, j
			return true
		}
		if shift, ok := loneBigScaleAt(s, j); ok {
			if sv, err := v.MulPow10(shift); err == nil {
				// 1200万元, 3.5亿: one scale word, then nothing the full path reads on into
				// but a unit; not parseArabic, scanMixed and scaleChain's unit looks again.
				m.Kind, m.Scaled, m.Scale, m.NumberEnd = Arabic, true, shift, j+1
				j++
				if f, ok := unitAt(s, j); ok {
					sv, j = scanUnit(s, j, f, sv, m)
				}
				m.Value, m.End = sv, j
				return true
			}
		}
	}
	if mayStartFractionAt(s, i) {
		if f, isFraction := fractionPrefixAt(s, i); isFraction {
			var ok bool
			*m, ok = scanPercentWords(s, i, f)
			return ok
		}
	}
	v, j, shift, ok := scanNumber(s, i, m)
	if !ok {
		return false
	}
	m.Scale = shift
	// Range joined before the unit: 2000-3000片, 3至5年, 3-5万元.
	if j < len(s) && isRangeSep(s[j]) {
		var hi Match
		if hv, k, shift, ok := scanNumber(s, j+1, &hi); ok && hi.Kind == m.Kind {
			lo := v
			scale := m.Scale
			if !m.Scaled && hi.Scaled {
				// 3-5万元: the scale written once applies to both ends.
				lo, _ = v.MulPow10(shift)
				scale = shift
			}
			if lo.Less(hv) {
				v, m.Upper, m.HasUpper, m.Scaled, m.Scale = lo, hv, true, m.Scaled || hi.Scaled, scale
				j = k
			}
		}
	}
	m.NumberEnd = j
	if j < len(s) && innerFirst.has(s[j]) {
		v, j = scanInner(s, j, v, m)
	}
	if u := skipSpaces(s, j); u < len(s) {
		if f, ok := unitAt(s, u); ok && (!f.scaledOnly || m.Scaled) {
			v, j = scanUnit(s, u, f, v, m)
		}
	}
	m.Value, m.End = v, j
	return true
}

// maxPlainDigits bounds the digits asciiDecimalAt reads: no such number overflows a
// Decimal, and a longer run is left to parseArabic.
const maxPlainDigits = 18

// loneBigScaleAt reports, after the ASCII digits asciiDecimalAt read, one big scale word
// at s[j] (万, 亿) that starts no unit, followed by a rune that plainEnd says ends the
// number (or the text's end): the full path reads it as that scale word alone, then
// perhaps a unit, even one written only after a scale word (22亿方). It returns the power
// of ten of the word.
func loneBigScaleAt(s []rune, j int) (int, bool) {
	p := bigUnitPower(s[j])
	if p == 0 || j+1 < len(s) && !plainEnd(s[j+1]) || lex.units.get(s[j]) != nil {
		return 0, false
	}
	return p, true
}

// asciiDecimalAt reads ASCII digits at s[i] with perhaps a point and more ASCII digits
// (12, 5.5, 0.25) as parseArabic reads them, when the rune after them is not one
// parseArabic reads on into: its value and end. False for any other (1,035, １２３, a run
// too long for one int64).
func asciiDecimalAt(s []rune, i int) (Decimal, int, bool) {
	var coef int64
	j, exp := i, 0
	for ; j < len(s) && isASCIIDigit(s[j]); j++ {
		coef = coef*10 + int64(s[j]-'0')
	}
	if j == i {
		return Decimal{}, i, false
	}
	if j+1 < len(s) && (s[j] == '.' || s[j] == '．') {
		if _, digit := ArabicDigit(s[j+1]); digit {
			k := j + 1
			for ; k < len(s) && isASCIIDigit(s[k]); k++ {
				coef = coef*10 + int64(s[k]-'0')
			}
			exp, j = j+1-k, k
		}
	}
	// Past maxPlainDigits the loops may have overflowed: the full path tells.
	if j-i > maxPlainDigits || j < len(s) && arabicGoesOn(s[j]) {
		return Decimal{}, i, false
	}
	return NewDecimal(coef, exp), j, true
}

// arabicGoesOn reports a rune after ASCII digits that parseArabic may read on into: a
// fullwidth digit or a thousands separator.
func arabicGoesOn(r rune) bool {
	_, digit := ArabicDigit(r)
	return digit || r == ','
}

// plainEnd reports a rune after ASCII digits at which parseArabic stops and ScanInto
// reads on only into a unit: none of plainStops (a rune past the plane may be taken for
// one of them, and the full path reads it).
func plainEnd(r rune) bool { return !plainStops.has(r) }

// plainStops holds the runes after ASCII digits that parseArabic or ScanInto reads on
// from, but into a unit: digits (a fullwidth one goes on), the thousands separator, what
// scaleMayFollow, isRangeSep and innerFirst tell. One bit, where the tests are a dozen
// compares.
var plainStops = makePlainStops()

func makePlainStops() runeBits {
	b := innerFirst
	for _, r := range numeralTableRunes() {
		if _, digit := ArabicDigit(r); digit || scaleMayFollow(r) {
			b.add(r)
		}
	}
	for _, r := range []rune{',', ' ', '\u3000', '\u00a0', '-', '－', '~', '～', '〜', '—', '–', '至', '到'} { // isSpace's, isRangeSep's
		b.add(r)
	}
	return b
}

func isASCIIDigit(r rune) bool { return uint32(r-'0') < 10 }

// YearAt reads a year written N年 at s[i] as ScanInto reads it, for a caller that drops
// every year and would otherwise scan each in full to learn only that: four ASCII digits,
// the unit 年 (not 年代) with no rate after it (年/人), and perhaps a range after the unit
// (2014年-2016年). It returns N and the End of ScanInto's Match, whose Kind is Arabic,
// Unit 年 and Value N, unscaled; false where the number is any other, for the caller to
// scan.
func YearAt(s []rune, i int) (year, end int, ok bool) {
	year, j, ok := yearUnitAt(s, i)
	if !ok || j < len(s) && isPerSep(s[j]) {
		return 0, i, false
	}
	// scanUnit's range after the unit: its high end must be a year too, to be told here.
	if j < len(s) && isRangeSep(s[j]) && s[j] != '至' && s[j] != '到' {
		hi, k, ok := yearUnitAt(s, j+1)
		if !ok {
			return 0, i, false
		}
		if year < hi {
			j = k
		}
	}
	return year, j, true
}

// yearUnitAt reads four ASCII digits at s[i] and the unit form of 年 after them, returning
// the number and the end of the unit.
func yearUnitAt(s []rune, i int) (int, int, bool) {
	if i+4 >= len(s) || s[i+4] != '年' {
		return 0, i, false
	}
	n := 0
	for _, r := range s[i : i+4] {
		if r < '0' || r > '9' {
			return 0, i, false
		}
		n = n*10 + int(r-'0')
	}
	f, ok := unitAt(s, i+4)
	if !ok || f.canonical != "年" || f.factor != 1 || f.scaledOnly {
		return 0, i, false
	}
	return n, i + 4 + len(f.form), true
}

// NumeralUnitAt reads a Chinese numeral of one character at s[i] and the unit form right
// after it (一个, 五年, 二类) as ScanInto reads them, for a caller that drops some such
// mentions whatever stands around them: the Match has Kind Chinese, NumberEnd i+1, the
// unit's canonical form and End end. False where the number is any other (一千, 三至五年,
// 一多个) or a rate or range follows the unit (一个/人, 三年-五年), for the caller to scan.
func NumeralUnitAt(s []rune, i int) (unit string, end int, ok bool) {
	if i+1 >= len(s) || mayStartFractionAt(s, i) {
		return "", i, false
	}
	if n := loneNumerals.get(s[i]); !n.ok || n.scaled {
		return "", i, false
	}
	// What would carry scanChinese on past the character (a space or a qualifier before a
	// unit, for scanInner, is no unit's first rune).
	if r := s[i+1]; IsChineseNumeral(r) || r == '点' || r == '點' || isRangeSep(r) {
		return "", i, false
	}
	f, ok := unitAt(s, i+1)
	if !ok || f.scaledOnly || f.factor != 1 {
		return "", i, false
	}
	end = i + 1 + len(f.form)
	if end < len(s) && (isPerSep(s[end]) || isRangeSep(s[end]) && s[end] != '至' && s[end] != '到') {
		return "", i, false
	}
	return f.canonical, end, true
}

// LoneNumeralAt reports a Chinese numeral character at s[i] that Scan reads as a bare
// number of that one character, if at all: the rune after it ends the numeral and starts
// no unit, qualifier, range, decimal or fraction (一 in 一般, 统一; 万 in 万众). Told by a
// few table looks, where Scan is a long call; it is asked at every numeral of a text.
func LoneNumeralAt(s []rune, i int) bool {
	if i < 0 || i >= len(s) || !IsChineseNumeral(s[i]) {
		return false
	}
	if i+1 == len(s) {
		return true
	}
	r := s[i+1]
	if IsChineseNumeral(r) || isSpace(r) || isRangeSep(r) || r == '点' || r == '點' {
		return false
	}
	if lex.units.get(r) != nil || lex.qualInner.get(r) != NoQualifier {
		return false
	}
	if !mayStartFractionAt(s, i) {
		return true
	}
	_, fraction := fractionPrefixAt(s, i)
	return !fraction
}

// EndsNumeral reports whether r after a Chinese numeral character makes LoneNumeralAt
// true there, whatever stands around: r goes on with no numeral, unit, qualifier, range,
// decimal nor fraction prefix (般 in 一般). For a scan that passes over such numerals
// without a call; false for a rune past the plane.
func EndsNumeral(r rune) bool {
	if uint32(r) >= 0x10000 || IsChineseNumeral(r) || isSpace(r) || isRangeSep(r) || r == '点' || r == '點' {
		return false
	}
	return !lex.fractionSecond.has(r) && lex.units.get(r) == nil && lex.qualInner.get(r) == NoQualifier
}

// NumeralGoesOnRunes returns the runes of the plane that EndsNumeral may be false of (it is
// true of every other rune of the plane): numerals, spaces, range separators, 点, and the
// first runes of fractions' second halves, units and inner qualifiers. A table of
// EndsNumeral is made from these, without a sweep of the whole plane at start-up.
func NumeralGoesOnRunes() []rune {
	rs := []rune{' ', '\u3000', '\u00a0', '点', '點', '-', '－', '~', '～', '〜', '—', '–', '至', '到'} // isSpace's, isRangeSep's
	for _, r := range numeralTableRunes() {
		if IsChineseNumeral(r) {
			rs = append(rs, r)
		}
	}
	rs = lex.fractionSecond.appendRunes(rs)
	for _, e := range lex.units.entries {
		rs = append(rs, e.r)
	}
	for _, e := range lex.qualInner.entries {
		rs = append(rs, e.r)
	}
	return rs
}

// RunGoesOnRunes returns the runes of the plane that ScanInto may read into a mention when
// they stand right after a run of numeral characters: digits (ASCII or fullwidth) with '.'
// and ',', or Chinese numerals. They are the runs' own runes and '．', 点, spaces, range
// and rate separators, 半 and ·, the qualifiers inside a mention, the second runes of
// fractions and every rune of a unit form. After a run that any other rune (or the text's
// end) follows, ScanInto at the run's first rune fails or reads a number that ends within
// the run and has no unit and no range; unscaled, where the run is digits. So a caller can
// tell such numbers (二十届, 5G, 5A级) by one look after the run, without the scan.
//
// It holds as long as no unit form starts with '.' or ',' (the point or separator a run of
// digits may end its number before) and none is made of numerals only (a unit inside the
// run): the lexicon is checked for both, and a panic at start-up tells a change that
// breaks them.
func RunGoesOnRunes() []rune {
	rs := []rune{'.', ',', '．', '点', '點', '半', '·', ' ', '\u3000', '\u00a0', '/', '／', '每'} // isSpace's, isPerSep's
	rs = append(rs, '-', '－', '~', '～', '〜', '—', '–', '至', '到')                            // isRangeSep's
	for _, r := range numeralTableRunes() {
		if _, digit := ArabicDigit(r); digit || IsChineseNumeral(r) {
			rs = append(rs, r)
		}
	}
	rs = lex.fractionSecond.appendRunes(rs)
	for _, e := range lex.qualInner.entries {
		rs = append(rs, e.r)
	}
	for _, e := range lex.units.entries {
		for _, f := range e.v {
			if f.form[0] == '.' || f.form[0] == ',' || !slices.ContainsFunc(f.form, func(r rune) bool { return !IsChineseNumeral(r) }) {
				panic("units: a unit form a run of numerals may hold or end before: " + f.raw)
			}
			rs = append(rs, f.form...)
		}
	}
	return rs
}

// NumberStartRunes returns the runes MayStartNumber is true of, for a table made without
// a sweep of the whole plane.
func NumberStartRunes() []rune {
	var rs []rune
	for _, r := range numeralTableRunes() {
		if MayStartNumber(r) {
			rs = append(rs, r)
		}
	}
	return rs
}

// innerFirst holds the runes scanInner may read on from: the qualifiers it reads and the
// spaces before them. After most numbers stands none, and scanInner is not called.
var innerFirst = makeInnerFirst()

func makeInnerFirst() (b runeBits) {
	for _, r := range []rune{' ', '\u3000', '\u00a0'} { // isSpace's
		b.add(r)
	}
	for _, e := range lex.qualInner.entries {
		if uint32(e.r) >= 0x10000 {
			panic("units: a qualifier inside a mention past the plane: " + string(e.r))
		}
		if e.v != NoQualifier {
			b.add(e.r)
		}
	}
	return b
}

// scanInner reads 多/余/几 between the number and its unit or scale word (8500多个,
// 10多万, 4000余项, 十 余 万, 二十几万) and returns the value and end after them.
func scanInner(s []rune, j int, v Decimal, m *Match) (Decimal, int) {
	p := skipSpaces(s, j)
	if p >= len(s) {
		return v, j
	}
	q := lex.qualInner.get(s[p])
	if q == NoQualifier || isSomeDigit(s[p]) && !(m.Kind == Chinese && onesPlaceAfter(s[j-1])) {
		return v, j
	}
	k0 := p + 1
	k := k0
	if !m.Scaled {
		if sv, kk, ok := scaleChain(s, skipSpaces(s, k0)); ok {
			if nv, err := v.MulPow10(sv); err == nil {
				v, k, m.Scaled, m.Scale = nv, kk, true, sv
				if m.HasUpper {
					m.Upper, _ = m.Upper.MulPow10(sv)
				}
			}
		}
	}
	if _, ok := unitAt(s, skipSpaces(s, k)); ok || k > k0 {
		m.Qualifier = q
		return v, k
	}
	return v, j
}

// isSomeDigit reports 几, which stands for a digit: only in the ones place of a Chinese
// numeral, after 十 or 零 (二十几万, 一百零几万); 几十万 states no number.
func isSomeDigit(r rune) bool { return r == '几' || r == '幾' }

func onesPlaceAfter(r rune) bool { return r == '十' || r == '拾' || r == '零' || r == '〇' }

// scanUnit reads the unit form f at s[u], a rate per another unit after it (元/人) and a
// range written with the unit on both ends (20%-30%).
func scanUnit(s []rune, u int, f *unitForm, v Decimal, m *Match) (Decimal, int) {
	m.RawUnit = f.raw
	m.Unit = f.canonical
	j := u + len(f.form)
	if f.factor != 1 && !m.HasUpper && j < len(s) && s[j] == '半' && lex.nonunits.longestAt(s, j) == 0 {
		// 三成半 is 3.5 成 (not in 三成半导体); the unit stays 成, so a list sharing it
		// (两、三成半) is 两成.
		v, _ = v.Add(NewDecimal(5, -1))
		j++
	}
	v = applyUnit(v, f)
	if m.HasUpper {
		m.Upper = applyUnit(m.Upper, f)
	}
	// 元/人, 片每月: a rate per another unit.
	if j+1 < len(s) && isPerSep(s[j]) {
		if form, canon, ok := perUnitAt(s, j+1); ok {
			m.RawUnit += string(s[j]) + form
			m.Unit += "/" + canon
			j += 1 + len([]rune(form))
			// 元/人/月, 元/人·月, 元/月/人: a rate per head per span of time.
			if j+1 < len(s) && (s[j] == '/' || s[j] == '／' || s[j] == '·') {
				if form2, canon2, ok := perUnitAt(s, j+1); ok && isRateSpan(canon2) != isRateSpan(canon) && (isRateSpan(canon2) || isHead(canon2)) {
					m.RawUnit += string(s[j]) + form2
					m.Unit += "/" + canon2
					j += 1 + len([]rune(form2))
				}
			}
		}
	}
	// Range joined after the unit: 20%-30%, 3万元-5万元.
	if !m.HasUpper && j < len(s) && isRangeSep(s[j]) && s[j] != '至' && s[j] != '到' {
		var hi Match
		if hv, k, _, ok := scanNumber(s, j+1, &hi); ok && hi.Kind == m.Kind {
			if g, ok := unitAt(s, k); ok && g.canonical == f.canonical {
				hv = applyUnit(hv, g)
				if v.Less(hv) {
					m.Upper, m.HasUpper = hv, true
					j = k + len(g.form)
				}
			}
		}
	}
	return v, j
}

// applyUnit folds a unit form's factor into v (9成 is 90).
func applyUnit(v Decimal, f *unitForm) Decimal {
	if f.factor != 1 {
		v, _ = v.MulInt(f.factor)
	}
	return v
}

// isHead reports what a rate per span of time may be per in turn (元/月/人).
func isHead(u string) bool { return u == "人" || u == "户" || u == "人次" }

// isRateSpan reports the spans a rate per head may be per in turn (元/人/月).
func isRateSpan(u string) bool {
	switch u {
	case "年", "月", "个月", "天", "日", "周", "小时":
		return true
	}
	return false
}

// perUnits may follow 每 or / to make a rate (片每月, 元/人, 元/吨, 毫克/升), or an
// alternative measure (文物781件/套).
var perUnits = map[string]bool{
	"年": true, "个月": true, "天": true, "小时": true, "人": true, "户": true, "人次": true,
	"吨": true, "亩": true, "平方米": true, "公里": true, "千瓦时": true, "件": true, "台": true,
	"辆": true, "次": true, "度": true, "立方米": true, "千克": true, "公斤": true, "株": true,
	"升": true, "毫升": true, "米": true, "千米": true, "套": true, "张": true, "头": true, "只": true,
}

// perOnlyUnits are units only after 每 or /: 月 and 日 alone are dates (5月, 15日).
var perOnlyUnits = map[rune]string{'月': "月", '日': "日", '周': "周", '週': "周"}

// perScaledUnits may follow a scale word in the unit of a rate (公里/百平方公里, 部/百人,
// 吨标准煤/万元, 人/万辆): per a hundred, thousand or ten thousand of them.
var perScaledUnits = map[string]bool{"人": true, "户": true, "平方公里": true, "元": true, "平方米": true, "亩": true, "辆": true}

// perUnitAt reads the unit of a rate after 每 or /.
func perUnitAt(s []rune, i int) (form, canonical string, ok bool) {
	if f, ok := unitAt(s, i); ok && f.factor == 1 && perUnits[f.canonical] {
		return string(f.form), f.canonical, true
	}
	if i+1 < len(s) && (s[i] == '百' || s[i] == '千' || s[i] == '万') {
		if f, ok := unitAt(s, i+1); ok && f.factor == 1 && perScaledUnits[f.canonical] {
			return string(s[i]) + string(f.form), string(s[i]) + f.canonical, true
		}
	}
	if i < len(s) {
		if c, ok := perOnlyUnits[s[i]]; ok {
			return string(s[i]), c, true
		}
	}
	return "", "", false
}

// scanNumber reads a number with its scale words at s[i], returning the value, the end,
// and the power of ten the scale words added. It fills Kind, Scaled and BareScale of m.
func scanNumber(s []rune, i int, m *Match) (Decimal, int, int, bool) {
	if i >= len(s) {
		return Decimal{}, i, 0, false
	}
	if _, ok := ArabicDigit(s[i]); ok || leadingPointAt(s, i) {
		return scanArabic(s, i, m)
	}
	if halfAt(s, i) {
		m.Kind, m.Value = Chinese, NewDecimal(5, -1)
		return m.Value, i + 1, 0, true
	}
	if !IsChineseNumeral(s[i]) {
		return Decimal{}, i, 0, false
	}
	return scanChinese(s, i, m)
}

// scanArabic reads an Arabic number and its scale words: 19556, 3.5亿, 2479.6 亿,
// 5万4千6百.
func scanArabic(s []rune, i int, m *Match) (Decimal, int, int, bool) {
	v, n, err := parseArabic(s[i:])
	if err != nil {
		return Decimal{}, i, 0, false
	}
	m.Kind = Arabic
	if j := i + n; j == len(s) || !scaleMayFollow(s[j]) {
		m.Value = v // most numbers (12.5%, 2016年): scanMixed and scaleChain would read nothing
		return v, j, 0, true
	}
	if mv, k, shift, ok := scanMixed(s, i, n); ok {
		m.Value, m.Scaled = mv, true
		return mv, k, shift, true
	}
	j, applied := i+n, 0
	if shift, k, ok := scaleChain(s, skipSpaces(s, j)); ok {
		if sv, err := v.MulPow10(shift); err == nil {
			v, j, m.Scaled, applied = sv, k, true, shift
		}
	}
	m.Value = v
	return v, j, applied, true
}

// scaleMayFollow reports a rune after an Arabic number that scanMixed or scaleChain may
// read on from: a scale word (万, 千), 零 or 〇, or a space before one (2479.6 亿). Any
// other rune ends the number there.
func scaleMayFollow(r rune) bool {
	return isSmallUnit(r) || isBigUnit(r) || r == '零' || r == '〇' || isSpace(r)
}

// Token kinds of a mixed numeral.
const (
	tokArabic = iota
	tokScale
	tokZero
)

// scanMixed reads a scale chain with Arabic digits after its scale words: 5万4千6百,
// 3万4000, 1千零20, 5亿1万4千6百, with spaces between the parts (7万 5千 4百). The
// numeral is rewritten in Chinese and read by the Chinese grammar, so 25千 stays refused.
// s[i:i+n] is the Arabic number it starts with.
func scanMixed(s []rune, i, n int) (Decimal, int, int, bool) {
	if !digitAfterScale(s, i+n) {
		return Decimal{}, i, 0, false // most numbers: 3.5亿元, 2016年
	}
	cn, ok := appendArabicSection(make([]rune, 0, 16), s[i:i+n])
	if !ok {
		return Decimal{}, i, 0, false
	}
	type cut struct{ n, end int }
	var cuts []cut
	prev, arabicLater, place := tokArabic, false, 0
	for k := i + n; len(cn) <= maxNumeral; {
		p := skipSpaces(s, k)
		kind, q, ok := mixedToken(s, p, prev)
		if !ok {
			break
		}
		switch kind {
		case tokScale:
			cn, place = append(cn, s[p]), placesBelow(s[p])
			if arabicLater {
				cuts = append(cuts, cut{len(cn), q})
			}
		case tokZero:
			cn = append(cn, '零')
		case tokArabic:
			if cn, ok = appendArabicSection(cn, s[p:q]); !ok {
				return Decimal{}, i, 0, false
			}
			arabicLater = true
			if p == k && closesMixed(prev, place, q-p) {
				cuts = append(cuts, cut{len(cn), q})
			}
		}
		prev, k = kind, q
	}
	for c := len(cuts) - 1; c >= 0; c-- {
		run := cn[:cuts[c].n]
		if v, err := parseChinese(run); err == nil {
			return v, cuts[c].end, trailingScale(run), true
		}
	}
	return Decimal{}, i, 0, false
}

// digitAfterScale reports scale words (and 零, spaces) at s[k] followed by an Arabic digit.
func digitAfterScale(s []rune, k int) bool {
	scale := false
	for end := min(len(s), k+maxNumeral); k < end; k++ {
		r := s[k]
		switch {
		case isSmallUnit(r) || isBigUnit(r):
			scale = true
		case r == '零' || r == '〇' || isSpace(r):
		default:
			_, digit := ArabicDigit(r)
			return scale && digit
		}
	}
	return false
}

// closesMixed reports whether an Arabic number of n digits may end a mixed numeral after a
// part of kind prev. Straight after a scale word it must fill the places below it (3万4000,
// 1千234): 1万5 is an abbreviation in Chinese and ambiguous in digits, and 390万65岁 is two
// numbers. After 零 it is shorter by definition (1千零20). Across spaces it never ends one
// (10万 2019年 is two); the caller checks that.
func closesMixed(prev, place, n int) bool {
	return prev == tokZero || prev == tokScale && n == place
}

// placesBelow is the number of digit places a scale word leaves inside its group of four
// (万 4, 千 3, 百 2, 十 1), and 0 for 亿, whose lower part is two groups.
func placesBelow(r rune) int {
	switch {
	case bigUnitPower(r) == 4:
		return 4
	case isSmallUnit(r):
		u, _ := smallUnitValue(r)
		return pow10(u)
	}
	return 0
}

// mixedToken reads the part of a mixed numeral at s[p] after a part of kind prev: an
// Arabic integer, a scale word or 零. It returns the kind and the end.
func mixedToken(s []rune, p, prev int) (int, int, bool) {
	if p >= len(s) {
		return 0, p, false
	}
	r := s[p]
	if _, digit := ArabicDigit(r); digit {
		q := p
		for q < len(s) && isASCIIorWideDigit(s[q]) {
			q++
		}
		if prev == tokArabic || q < len(s) && (s[q] == '.' || s[q] == ',' || s[q] == '．') {
			return 0, p, false
		}
		return tokArabic, q, true
	}
	switch {
	case (isSmallUnit(r) || isBigUnit(r)) && prev != tokZero && !isFinancialForm(r):
		if f, ok := unitAt(s, p); ok && len(f.form) > 1 {
			return 0, p, false // 4千瓦: the unit 千瓦 ends the numeral
		}
		return tokScale, p + 1, true
	case (r == '零' || r == '〇') && prev == tokScale:
		return tokZero, p + 1, true
	}
	return 0, p, false
}

func isASCIIorWideDigit(r rune) bool {
	_, ok := ArabicDigit(r)
	return ok
}

// appendArabicSection appends an Arabic integer below 10^4 without a leading zero,
// rewritten in Chinese.
func appendArabicSection(dst, rs []rune) ([]rune, bool) {
	if len(rs) == 0 || len(rs) > 4 {
		return dst, false
	}
	var n int64
	for k, r := range rs {
		d, ok := ArabicDigit(r)
		if !ok || d == 0 && k == 0 && len(rs) > 1 {
			return dst, false
		}
		n = n*10 + int64(d)
	}
	return appendSection(dst, n), true
}

// scanChinese reads a Chinese numeral, through spaces between its characters (一百 五 十
// 二). When the whole run is not a numeral, the part before a space may be (二十 三十).
func scanChinese(s []rune, i int, m *Match) (Decimal, int, int, bool) {
	end, joined, cuts := chineseRun(s, i)
	if joined == nil && end == i+1 {
		// A numeral of one character (三, 两, 百): most are, and the answer depends on the
		// character alone.
		n := loneNumerals.get(s[i])
		if !n.ok {
			return Decimal{}, i, 0, false
		}
		m.Kind = Chinese
		m.Scaled = m.Scaled || n.scaled
		m.BareScale = m.BareScale || n.bare
		m.Value = n.v
		return n.v, end, n.shift, true
	}
	return readChinese(s, i, end, joined, cuts, m)
}

// loneNumeral is what readChinese makes of a numeral character standing alone.
type loneNumeral struct {
	v                Decimal
	shift            int
	ok, scaled, bare bool
}

var loneNumerals = makeLoneNumerals()

func makeLoneNumerals() *runeTable[loneNumeral] {
	t := &runeTable[loneNumeral]{}
	// The numerals, in order, not a sweep of the plane: a run started once per file pays it.
	rs := numeralTableRunes()
	slices.Sort(rs)
	for _, r := range slices.Compact(rs) {
		if !IsChineseNumeral(r) {
			continue
		}
		var m Match
		v, _, shift, ok := readChinese([]rune{r}, 0, 1, nil, nil, &m)
		*t.at(r) = loneNumeral{v: v, shift: shift, ok: ok, scaled: m.Scaled, bare: m.BareScale}
	}
	return t
}

// readChinese reads the numeral of the run s[i:end] (joined without its spaces, cut
// where each spaced piece ended, as chineseRun returns them).
func readChinese(s []rune, i, end int, joined []rune, cuts []chineseCut, m *Match) (Decimal, int, int, bool) {
	if joined == nil {
		joined = s[i:end]
	}
	for c := len(cuts); c >= 0; c-- {
		cut := chineseCut{len(joined), end} // the whole run first
		if c < len(cuts) {
			cut = cuts[c]
		}
		run, e := trimTrailingZero(s, joined[:cut.n], cut.end)
		v, err := parseChinese(run)
		if err != nil {
			continue
		}
		m.Kind = Chinese
		for _, r := range run {
			if isBigUnit(r) { // 十 and 百 inside a Chinese numeral are places, not scale words
				m.Scaled = true
			}
		}
		switch run[0] {
		case '百', '千', '万', '亿', '佰', '仟', '萬', '億':
			m.BareScale = true
		}
		m.Value = v
		return v, e, trailingScale(run), true
	}
	return Decimal{}, i, 0, false
}

// maxNumeral bounds the numerals read through spaces and in mixed scripts: the longest
// integer below 10^16 has 31 characters, and a bound keeps a text of spaced digits from
// being read again from every one of them.
const maxNumeral = 48

// chineseCut says that joined[:n] ends at s[end].
type chineseCut struct{ n, end int }

// chineseRun returns the end of the run of Chinese numeral characters at s[i], and when
// spaces stand inside it, the run without them and where each spaced piece ended.
func chineseRun(s []rune, i int) (int, []rune, []chineseCut) {
	k := chineseChars(s, i, i)
	var joined []rune
	var cuts []chineseCut
	for {
		p := skipSpaces(s, k)
		if p == k || p >= len(s) || !chineseContinues(s, i, p) || len(joined) > maxNumeral {
			return k, joined, cuts
		}
		q := chineseChars(s, i, p)
		if joined == nil {
			joined = append(make([]rune, 0, 2*(q-i)), s[i:k]...)
		}
		cuts = append(cuts, chineseCut{len(joined), k})
		joined = append(joined, s[p:q]...)
		k = q
	}
}

// chineseChars returns the end of the numeral characters from s[k] on, in a numeral that
// starts at s[i].
func chineseChars(s []rune, i, k int) int {
	for k < len(s) && chineseContinues(s, i, k) {
		k++
	}
	return k
}

// chineseContinues reports whether s[k] can continue a Chinese numeral started at s[i].
func chineseContinues(s []rune, i, k int) bool {
	r := s[k]
	if k > i && (isSmallUnit(r) || isBigUnit(r)) {
		// A unit that begins with a scale character ends the numeral: 三千瓦 is 3 千瓦.
		if f, ok := unitAt(s, k); ok && len(f.form) > 1 {
			return false
		}
	}
	if IsChineseNumeral(r) {
		return true
	}
	return (r == '点' || r == '點') && k > i && k+1 < len(s) && isChineseDigit(s[k+1])
}

// trimTrailingZero drops a 零 closing a numeral (十万零件 is 十万 零件) unless 几 follows
// it (一百零几万).
func trimTrailingZero(s, run []rune, end int) ([]rune, int) {
	n := len(run)
	if n < 2 || run[n-1] != '零' && run[n-1] != '〇' {
		return run, end
	}
	if p := skipSpaces(s, end); p < len(s) && isSomeDigit(s[p]) {
		return run, end
	}
	// The 零 is the last character before end (spaces are skipped only before a numeral).
	return run[:n-1], end - 1
}

// trailingScale is the power of ten of the big units closing a Chinese numeral (五万 → 4),
// which a range's low end shares (三至五万 is 30000-50000).
func trailingScale(run []rune) int {
	shift := 0
	for k := len(run) - 1; k >= 0 && isBigUnit(run[k]); k-- {
		shift += bigUnitPower(run[k])
	}
	return shift
}

// scaleChain reads the scale words after an Arabic number: 万, 亿, 千万, 十亿, 万亿. A unit
// starting at a scale character (千瓦, 千米) ends the chain.
func scaleChain(s []rune, j int) (int, int, bool) {
	shift, k := 0, j
	small, big := 0, 0
	for k < len(s) {
		at := k
		if k > j {
			at = skipSpaces(s, k) // 6十 万
		}
		if at >= len(s) || !isSmallUnit(s[at]) && !isBigUnit(s[at]) {
			break // no scale word here: nothing more to read (and no unit form to look up)
		}
		if _, ok := unitAt(s, at); ok {
			break
		}
		r := s[at]
		if u, ok := smallUnitValue(r); ok && small == 0 && big == 0 && !isFinancialForm(r) {
			small = pow10(u)
			shift += small
			k = at + 1
			continue
		}
		if p := bigUnitPower(r); p != 0 && (big == 0 || (big == 4 && p == 8)) {
			big = p
			shift += p
			k = at + 1
			continue
		}
		break
	}
	if k == j || (small > 0 && big == 0 && k < len(s) && isChineseDigit(s[k])) {
		return 0, j, false // 2千5 is not a scale chain we read
	}
	return shift, k, true
}

func pow10(u int64) int {
	n := 0
	for u >= 10 {
		u /= 10
		n++
	}
	return n
}

// fractionPrefixAt returns the unit written before the number at s[i]: 百分之 (%),
// 千分之 (‰), 万分之 (‱).
func fractionPrefixAt(s []rune, i int) (fraction, bool) {
	if !mayStartFractionAt(s, i) {
		return fraction{}, false
	}
	for _, f := range lex.fractions {
		if i+len(f.prefix) < len(s) && hasPrefixAt(s, i, f.prefix) {
			return f, true
		}
	}
	return fraction{}, false
}

// mayStartFractionAt reports whether a fraction's prefix may start at s[i]: false for
// most numbers, told inline by one bit where fractionPrefixAt is a call.
func mayStartFractionAt(s []rune, i int) bool {
	return i < len(s) && lex.fractionFirst.has(s[i])
}

// scanPercentWords reads 百分之六点五 / 百分之6.5 / 千分之五 / 万分之三.
func scanPercentWords(s []rune, i int, f fraction) (Match, bool) {
	m := Match{Start: i, Unit: f.canonical, RawUnit: string(f.prefix)}
	v, j, _, ok := scanNumber(s, i+len(f.prefix), &m)
	if !ok || m.Scaled && m.Kind == Arabic {
		return Match{}, false
	}
	m.Value, m.NumberEnd, m.End, m.Scaled, m.BareScale = v, j, j, false, false
	return m, true
}
