package units

import "errors"

// Numeral characters. Financial forms (壹贰…) and traditional forms (萬億兩) read like the
// common ones; 〇 and 零 are both zero.
var chineseDigits = map[rune]int{
	'零': 0, '〇': 0, 'Ｏ': 0,
	'一': 1, '壹': 1,
	'二': 2, '两': 2, '兩': 2, '贰': 2, '貳': 2,
	'三': 3, '叁': 3,
	'四': 4, '肆': 4,
	'五': 5, '伍': 5,
	'六': 6, '陆': 6, '陸': 6,
	'七': 7, '柒': 7,
	'八': 8, '捌': 8,
	'九': 9, '玖': 9,
}

// financialDigits are the anti-fraud forms; alone they are also ordinary words (陆 in 陆家,
// 伍 in 队伍), so a numeral made of a single one of them is not read as a number.
var financialDigits = map[rune]bool{
	'壹': true, '贰': true, '貳': true, '叁': true, '肆': true, '伍': true,
	'陆': true, '陸': true, '柒': true, '捌': true, '玖': true,
	'拾': true, '佰': true, '仟': true,
}

// smallUnits multiply the digit before them inside a group of four.
var smallUnits = map[rune]int64{'十': 10, '拾': 10, '百': 100, '佰': 100, '千': 1000, '仟': 1000}

// bigUnits close a group of four: 万 (10^4) and 亿 (10^8).
var bigUnits = map[rune]int{'万': 4, '萬': 4, '亿': 8, '億': 8}

func isChineseDigit(r rune) bool { return numeralClass(r) == classDigit }

func digitOf(r rune) int      { d, _ := digitValue(r); return d }
func isSmallUnit(r rune) bool { return numeralClass(r) == classSmall }
func isBigUnit(r rune) bool   { return numeralClass(r) == classBig }

// IsChineseNumeral reports whether r can be part of a Chinese numeral (digit or unit).
// It is asked of every character of every document, so it is a switch, not a map lookup.
func IsChineseNumeral(r rune) bool { return numeralClass(r) != 0 }

const (
	classDigit = 1 + iota
	classSmall
	classBig
)

// numeralTable holds, for the Basic Multilingual Plane, each rune's numeral class
// (numeralClassOf) and what the maps above say of it, packed in a byte, so that reading a
// numeral looks up one table instead of hashing into maps:
//
//	bits 0–1  class (classDigit, classSmall, classBig)
//	bits 2–5  a digit's value; a small unit's power of ten (1–3); a big unit's (4 or 8) / 4
//	bit 6     a financial form (financialDigits)
//	bit 7     a number may start with the rune (mayStartNumberOf)
//
// It is an array, not a pointer to one, so that a scan asking at every rune loads the byte
// without first loading where the table is; and a variable set by a call, not in init, as
// the lexicon, read with the package's variables, already asks it.
var numeralTable = makeNumeralTable()

func makeNumeralTable() (t [0x10000]uint8) {
	for _, r := range numeralTableRunes() {
		t[r] = numeralByte(r)
	}
	return t
}

// numeralTableRunes are the runes whose numeralByte may be other than 0: the keys of the
// maps above and the runes a number starts with. Only these are visited at start-up, not
// the whole plane (a run started once per file pays the sweep every time).
func numeralTableRunes() []rune {
	rs := []rune{'.', '．', '半'}
	for r := '0'; r <= '9'; r++ {
		rs = append(rs, r, r-'0'+'０')
	}
	for r := range chineseDigits {
		rs = append(rs, r)
	}
	for r := range smallUnits {
		rs = append(rs, r)
	}
	for r := range bigUnits {
		rs = append(rs, r)
	}
	for r := range financialDigits {
		rs = append(rs, r)
	}
	return rs
}

// numeralByte is r's byte of numeralTable.
func numeralByte(r rune) uint8 {
	class := numeralClassOf(r)
	v := 0
	switch class {
	case classDigit:
		v = chineseDigits[r]
	case classSmall:
		for p := smallUnits[r]; p > 1; p /= 10 {
			v++
		}
	case classBig:
		v = bigUnits[r] / 4
	}
	b := uint8(class) | uint8(v)<<2
	if financialDigits[r] {
		b |= 1 << 6
	}
	if mayStartNumberOf(r) {
		b |= mayStartBit
	}
	return b
}

const mayStartBit = 1 << 7

func numeralClass(r rune) int {
	if uint32(r) < 0x10000 {
		return int(numeralTable[r] & 3)
	}
	return 0
}

// digitValue is chineseDigits[r] from the table.
func digitValue(r rune) (int, bool) {
	if uint32(r) < 0x10000 {
		if b := numeralTable[r]; b&3 == classDigit {
			return int(b >> 2 & 15), true
		}
	}
	return 0, false
}

// smallUnitValue is smallUnits[r] from the table.
func smallUnitValue(r rune) (int64, bool) {
	if uint32(r) < 0x10000 {
		if b := numeralTable[r]; b&3 == classSmall {
			return pow10Small[b>>2&15], true
		}
	}
	return 0, false
}

var pow10Small = [4]int64{1, 10, 100, 1000}

// bigUnitPower is bigUnits[r] from the table: 4, 8, or 0 for no big unit.
func bigUnitPower(r rune) int {
	if uint32(r) < 0x10000 {
		if b := numeralTable[r]; b&3 == classBig {
			return 4 * int(b>>2&15)
		}
	}
	return 0
}

// isFinancialForm is financialDigits[r] from the table.
func isFinancialForm(r rune) bool {
	return uint32(r) < 0x10000 && numeralTable[r]&(1<<6) != 0
}

func numeralClassOf(r rune) int {
	switch r {
	case '零', '〇', 'Ｏ', '一', '壹', '二', '两', '兩', '贰', '貳', '三', '叁', '四', '肆', '五', '伍',
		'六', '陆', '陸', '七', '柒', '八', '捌', '九', '玖':
		return classDigit
	case '十', '拾', '百', '佰', '千', '仟':
		return classSmall
	case '万', '萬', '亿', '億':
		return classBig
	}
	return 0
}

// ArabicDigit returns the value of an ASCII or fullwidth digit.
func ArabicDigit(r rune) (int, bool) {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0'), true
	case r >= '０' && r <= '９':
		return int(r - '０'), true
	}
	return 0, false
}

var errNotNumeral = errors.New("not a numeral")

// parseArabic reads an Arabic numeral at the start of rs: digits (ASCII or fullwidth), ASCII
// thousands separators in groups of three, and one decimal point. It returns the value and
// the number of runes read.
func parseArabic(rs []rune) (Decimal, int, error) {
	var coef int64
	exp := 0
	n, digitsInGroup, groups := 0, 0, 0
	overflow := false
	addDigit := func(d int) {
		if coef > (1<<63-1-9)/10 {
			overflow = true
			return
		}
		coef = coef*10 + int64(d)
	}
	for n < len(rs) {
		d, ok := ArabicDigit(rs[n])
		if ok {
			addDigit(d)
			digitsInGroup++
			n++
			continue
		}
		// A thousands separator needs exactly three digits after it, and a first group of 1-3.
		if rs[n] == ',' && (groups > 0 || digitsInGroup <= 3) && digitsInGroup > 0 &&
			(groups == 0 || digitsInGroup == 3) && threeDigitsAt(rs, n+1) {
			groups++
			digitsInGroup = 0
			n++
			continue
		}
		break
	}
	if groups > 0 && digitsInGroup != 3 {
		return Decimal{}, 0, errNotNumeral
	}
	if n+1 < len(rs) && (rs[n] == '.' || rs[n] == '．') { // also .5, a decimal without its 0
		if _, ok := ArabicDigit(rs[n+1]); ok {
			n++
			for n < len(rs) {
				d, ok := ArabicDigit(rs[n])
				if !ok {
					break
				}
				addDigit(d)
				exp--
				n++
			}
		}
	}
	if n == 0 {
		return Decimal{}, 0, errNotNumeral
	}
	d := NewDecimal(coef, exp)
	if overflow || d.exp < -maxExp {
		return Decimal{}, n, errOverflow // a run of digits no quantity has (0.000…001)
	}
	return d, n, nil
}

func threeDigitsAt(rs []rune, i int) bool {
	if i+3 > len(rs) {
		return false
	}
	for k := i; k < i+3; k++ {
		if _, ok := ArabicDigit(rs[k]); !ok {
			return false
		}
	}
	if i+3 < len(rs) {
		if _, ok := ArabicDigit(rs[i+3]); ok {
			return false
		}
	}
	return true
}

// parseChinese reads a whole Chinese numeral: 十五, 一百零八, 两千三百万, 一亿零五百万,
// 六点五, 十一点二万, 百亿, 万亿, 壹佰贰拾. It refuses malformed runs (十四五, 二〇二三),
// which in running text are names and dates rather than amounts.
func parseChinese(rs []rune) (Decimal, error) {
	if len(rs) == 0 {
		return Decimal{}, errNotNumeral
	}
	// A lone financial digit is a word (陆 in 陆家, 伍 in 队伍), not an amount. A lone big
	// unit (万, 亿) is 10^4 or 10^8 only before a unit (突破万列); Parse refuses it alone.
	if len(rs) == 1 && isFinancialForm(rs[0]) {
		return Decimal{}, errNotNumeral
	}
	point := -1
	for i, r := range rs {
		if r == '点' || r == '點' {
			if point >= 0 {
				return Decimal{}, errNotNumeral
			}
			point = i
		}
	}
	if point < 0 {
		v, err := parseBelow1e16(rs)
		if err != nil {
			return Decimal{}, err
		}
		return NewDecimal(v, 0), nil
	}
	// 十一点二万: an integer part without big units, fraction digits, then big units.
	intPart := rs[:point]
	k := point + 1
	var frac int64
	exp := 0
	for k < len(rs) {
		d, ok := digitValue(rs[k])
		if !ok {
			break
		}
		if frac > (1<<63-1-9)/10 {
			return Decimal{}, errOverflow
		}
		frac = frac*10 + int64(d)
		exp--
		k++
	}
	if exp == 0 || exp < -maxExp {
		return Decimal{}, errNotNumeral
	}
	ip, err := decimalIntPart(intPart, k == len(rs))
	if err != nil {
		return Decimal{}, err
	}
	v, err := NewDecimal(ip, 0).Add(NewDecimal(frac, exp))
	if err != nil {
		return Decimal{}, err
	}
	shift, ok := bigUnitChain(rs[k:])
	if !ok {
		return Decimal{}, errNotNumeral
	}
	return v.MulPow10(shift)
}

// decimalIntPart reads the integer part of a Chinese decimal: a section before big units
// that scale the whole (十一点二万), or any integer when none follow (一万二千三百四十五点六七)
// except one that ends in a big unit or its abbreviation (一亿点五, 一万二点五 could mean
// 1.5亿, 1.25万).
func decimalIntPart(rs []rune, last bool) (int64, error) {
	b := -1
	for k, r := range rs {
		if isBigUnit(r) {
			b = k
		}
	}
	switch {
	case len(rs) == 0:
		return 0, errNotNumeral
	case b < 0:
		return parseSection(rs, false)
	case !last || b == len(rs)-1 || abbreviated(rs[b+1:]):
		return 0, errNotNumeral
	}
	return parseBelow1e16(rs)
}

// bigUnitChain reads a run of big units (万, 亿, 万亿) and returns its power of ten.
func bigUnitChain(rs []rune) (int, bool) {
	shift, last := 0, 0
	for _, r := range rs {
		p := bigUnitPower(r)
		if p == 0 || p <= last && !(last == 4 && p == 8) {
			return 0, false
		}
		if p == 4 && last == 8 { // 亿万 is not a scale
			return 0, false
		}
		shift += p
		last = p
	}
	return shift, true
}

// parseBelow1e16 reads an integer numeral of up to four groups of four digits.
func parseBelow1e16(rs []rune) (int64, error) {
	yi := -1
	for i, r := range rs {
		if bigUnitPower(r) == 8 {
			yi = i
		}
	}
	if yi < 0 {
		return parseBelow1e8(rs, false)
	}
	left, right := rs[:yi], rs[yi+1:]
	for _, r := range left {
		if bigUnitPower(r) == 8 {
			return 0, errNotNumeral
		}
	}
	l := int64(1) // 亿 with nothing before it: 亿 alone is refused earlier, 百亿/万亿 get here
	if len(left) > 0 {
		var err error
		if l, err = parseBelow1e8(left, false); err != nil {
			return 0, err
		}
	}
	r, err := parseBelow1e8(right, true)
	if err != nil {
		return 0, err
	}
	if abbreviated(right) {
		r *= 10_000_000 // 一亿五 is 1.5亿
	}
	return l*100_000_000 + r, nil
}

// parseBelow1e8 reads a numeral below 10^8: [group]万[group]. afterBig allows a leading 零
// (一亿零五百万).
func parseBelow1e8(rs []rune, afterBig bool) (int64, error) {
	wan := -1
	for i, r := range rs {
		if bigUnitPower(r) == 4 {
			if wan >= 0 {
				return 0, errNotNumeral
			}
			wan = i
		}
	}
	if wan < 0 {
		return parseSection(rs, afterBig)
	}
	left, right := rs[:wan], rs[wan+1:]
	l := int64(1) // 万亿: the 万 stands for 一万
	if len(left) > 0 {
		var err error
		if l, err = parseSection(left, afterBig); err != nil {
			return 0, err
		}
		if l == 0 {
			return 0, errNotNumeral
		}
	}
	r, err := parseSection(right, true)
	if err != nil {
		return 0, err
	}
	if abbreviated(right) {
		r *= 1000 // 一万五 is 15000
	}
	return l*10_000 + r, nil
}

// abbreviated reports a group that is a single bare digit after a big unit (一万五).
func abbreviated(rs []rune) bool {
	return len(rs) == 1 && isChineseDigit(rs[0]) && digitOf(rs[0]) != 0
}

// parseSection reads a group below 10^4: digits with 千/百/十 in falling order, 零 as a
// placeholder. 十 may stand alone at the start (十五); so may 百 and 千 (百亿, 千家).
func parseSection(rs []rune, leadingZeroOK bool) (int64, error) {
	var value int64
	pending := -1
	last := int64(10_000)
	zero := false
	for i, r := range rs {
		if d, ok := digitValue(r); ok {
			if d == 0 {
				if pending >= 0 || (i == 0 && !leadingZeroOK && len(rs) > 1) {
					return 0, errNotNumeral
				}
				zero = true
				continue
			}
			if pending >= 0 {
				return 0, errNotNumeral // two digits in a row: 十四五, 二三
			}
			pending = d
			continue
		}
		u, ok := smallUnitValue(r)
		if !ok || u >= last {
			return 0, errNotNumeral
		}
		m := int64(pending)
		if pending < 0 {
			// 一百十 needs 一百一十, but after 零 a bare 十 is common (一千零十二).
			if (value != 0 || zero) && !(zero && u == 10) {
				return 0, errNotNumeral
			}
			m = 1
		}
		value += m * u
		last, pending, zero = u, -1, false
	}
	if pending >= 0 {
		switch {
		case zero || last == 10 || last == 10_000:
			value += int64(pending)
		default:
			value += int64(pending) * last / 10 // 两千三 is 2300
		}
	}
	if len(rs) > 0 && value == 0 && !zero {
		return 0, errNotNumeral
	}
	return value, nil
}

// appendSection appends 0 ≤ n < 10^4 written as a Chinese section with 零 for skipped
// places (1020 is 一千零二十), so that Arabic parts of a mixed numeral (1千零20, 3万4000)
// are read by the same grammar as Chinese ones.
func appendSection(dst []rune, n int64) []rune {
	if n == 0 {
		return append(dst, '零')
	}
	places := [4]rune{'千', '百', '十', 0}
	digits := [10]rune{'零', '一', '二', '三', '四', '五', '六', '七', '八', '九'}
	zero, started := false, false
	for i, d := range [4]int64{1000, 100, 10, 1} {
		digit := n / d % 10
		if digit == 0 {
			zero = started
			continue
		}
		if zero {
			dst = append(dst, '零')
			zero = false
		}
		dst = append(dst, digits[digit])
		if places[i] != 0 {
			dst = append(dst, places[i])
		}
		started = true
	}
	return dst
}
