package units

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

// rangeSeps join the low and high end of a range: 2000-3000, 2000～3000, 2000至3000.
var rangeSeps = map[rune]bool{
	'-': true, '－': true, '~': true, '～': true, '〜': true, '—': true, '–': true, '至': true, '到': true,
}

// perSeps join a unit to the unit it is counted per: 元/人, 片每月.
var perSeps = map[rune]bool{'/': true, '／': true, '每': true}

// NumberStartsAt reports whether a number can begin at s[i].
func NumberStartsAt(s []rune, i int) bool {
	if i >= len(s) {
		return false
	}
	if _, ok := ArabicDigit(s[i]); ok {
		return true
	}
	return IsChineseNumeral(s[i])
}

// Scan reads the longest quantity starting at s[i]. It reads forward only; whether the
// quantity is a record (and not a date, a name or an ordinal) is for the caller to judge
// from the context.
func Scan(s []rune, i int) (Match, bool) {
	m := Match{Start: i}
	if pct, ok := fractionPrefixAt(s, i); ok {
		return scanPercentWords(s, i, pct)
	}
	v, j, shift, ok := scanNumber(s, i, &m)
	if !ok {
		return Match{}, false
	}
	m.Scale = shift
	// Range joined before the unit: 2000-3000片, 3至5年, 3-5万元.
	if j < len(s) && rangeSeps[s[j]] {
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
	// 多/余 between the number and its unit (8500多个, 10多万, 4000余项).
	if j < len(s) && (s[j] == '多' || s[j] == '余' || s[j] == '餘') {
		k := j + 1
		if !m.Scaled {
			if sv, kk, ok := scaleChain(s, k); ok {
				if nv, err := v.MulPow10(sv); err == nil {
					v, k, m.Scaled, m.Scale = nv, kk, true, sv
					if m.HasUpper {
						m.Upper, _ = m.Upper.MulPow10(sv)
					}
				}
			}
		}
		if _, ok := unitAt(s, k); ok || k > j+1 {
			m.Qualifier = Over
			j = k
		}
	}
	if f, ok := unitAt(s, j); ok {
		m.RawUnit = string(f.form)
		m.Unit = f.canonical
		j += len(f.form)
		if f.factor != 1 {
			v, _ = v.MulInt(f.factor)
			if m.HasUpper {
				m.Upper, _ = m.Upper.MulInt(f.factor)
			}
		}
		// 元/人, 片每月: a rate per another unit.
		if j+1 < len(s) && perSeps[s[j]] {
			if form, canon, ok := perUnitAt(s, j+1); ok {
				m.RawUnit += string(s[j]) + form
				m.Unit += "/" + canon
				j += 1 + len([]rune(form))
			}
		}
		// Range joined after the unit: 20%-30%, 3万元-5万元.
		if !m.HasUpper && j < len(s) && rangeSeps[s[j]] && s[j] != '至' && s[j] != '到' {
			var hi Match
			if hv, k, _, ok := scanNumber(s, j+1, &hi); ok && hi.Kind == m.Kind {
				if g, ok := unitAt(s, k); ok && g.canonical == f.canonical {
					if g.factor != 1 {
						hv, _ = hv.MulInt(g.factor)
					}
					if v.Less(hv) {
						m.Upper, m.HasUpper = hv, true
						j = k + len(g.form)
					}
				}
			}
		}
	}
	m.Value, m.End = v, j
	return m, true
}

// perUnits may follow 每 or / to make a rate (片每月, 元/人, 元/吨).
var perUnits = map[string]bool{
	"年": true, "个月": true, "天": true, "小时": true, "人": true, "户": true, "人次": true,
	"吨": true, "亩": true, "平方米": true, "公里": true, "千瓦时": true, "件": true, "台": true,
	"辆": true, "次": true, "度": true, "立方米": true, "千克": true, "公斤": true, "株": true,
}

// perOnlyUnits are units only after 每 or /: 月 and 日 alone are dates (5月, 15日).
var perOnlyUnits = map[rune]string{'月': "月", '日': "日", '周': "周", '週': "周"}

// perUnitAt reads the unit of a rate after 每 or /.
func perUnitAt(s []rune, i int) (form, canonical string, ok bool) {
	if f, ok := unitAt(s, i); ok && f.factor == 1 && perUnits[f.canonical] {
		return string(f.form), f.canonical, true
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
	if _, ok := ArabicDigit(s[i]); ok {
		v, n, err := parseArabic(s[i:])
		if err != nil {
			return Decimal{}, i, 0, false
		}
		j, applied := i+n, 0
		m.Kind = Arabic
		if shift, k, ok := scaleChain(s, j); ok {
			if sv, err := v.MulPow10(shift); err == nil {
				v, j, m.Scaled, applied = sv, k, true, shift
			}
		}
		m.Value = v
		return v, j, applied, true
	}
	if !IsChineseNumeral(s[i]) {
		return Decimal{}, i, 0, false
	}
	k := i
	for k < len(s) {
		r := s[k]
		if k > i && (isSmallUnit(r) || isBigUnit(r)) {
			// A unit that begins with a scale character ends the numeral: 三千瓦 is 3 千瓦.
			if f, ok := unitAt(s, k); ok && len(f.form) > 1 {
				break
			}
		}
		if IsChineseNumeral(r) {
			k++
			continue
		}
		if (r == '点' || r == '點') && k > i && k+1 < len(s) && isChineseDigit(s[k+1]) {
			k++
			continue
		}
		break
	}
	run := s[i:k]
	v, err := parseChinese(run)
	if err != nil {
		return Decimal{}, i, 0, false
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
	return v, k, trailingScale(run), true
}

// trailingScale is the power of ten of the big units closing a Chinese numeral (五万 → 4),
// which a range's low end shares (三至五万 is 30000-50000).
func trailingScale(run []rune) int {
	shift := 0
	for k := len(run) - 1; k >= 0 && isBigUnit(run[k]); k-- {
		shift += bigUnits[run[k]]
	}
	return shift
}

// scaleChain reads the scale words after an Arabic number: 万, 亿, 千万, 十亿, 万亿. A unit
// starting at a scale character (千瓦, 千米) ends the chain.
func scaleChain(s []rune, j int) (int, int, bool) {
	shift, k := 0, j
	small, big := 0, 0
	for k < len(s) {
		if _, ok := unitAt(s, k); ok {
			break
		}
		r := s[k]
		if u, ok := smallUnits[r]; ok && small == 0 && big == 0 && !financialDigits[r] {
			small = pow10(u)
			shift += small
			k++
			continue
		}
		if p, ok := bigUnits[r]; ok && (big == 0 || (big == 4 && p == 8)) {
			big = p
			shift += p
			k++
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

// fractionPrefixAt reports 百分之 (percent) or 千分之 (per mille) at s[i].
func fractionPrefixAt(s []rune, i int) (string, bool) {
	if i+3 >= len(s) || s[i+1] != '分' || s[i+2] != '之' {
		return "", false
	}
	switch s[i] {
	case '百':
		return "%", true
	case '千':
		return "‰", true
	}
	return "", false
}

// scanPercentWords reads 百分之六点五 / 百分之6.5 / 千分之五.
func scanPercentWords(s []rune, i int, unit string) (Match, bool) {
	m := Match{Start: i, Unit: unit, RawUnit: string(s[i : i+3])}
	v, j, _, ok := scanNumber(s, i+3, &m)
	if !ok || m.Scaled && m.Kind == Arabic {
		return Match{}, false
	}
	m.Value, m.NumberEnd, m.End, m.Scaled, m.BareScale = v, j, j, false, false
	return m, true
}
