package xlsx

import (
	"strconv"
	"strings"
)

// cellText chooses what a cell shows: the formatted value, except for numbers whose
// format would change them. excelize applies number formats faithfully, so "#,##0"
// gives "1,235" for 1234.5, and General gives "1.23456789E+13" for 12345678901234.5:
// thousands separators that the rules would read as list commas, and rounding that
// loses the figure. So for a number:
//   - thousands separators and currency signs are dropped ("¥1,234.50" → "1234.50");
//   - the formatted digits are kept when they are the number itself, trailing zeros
//     and all ("1234.50");
//   - otherwise the raw value is written, to 15 significant digits as Excel holds it;
//   - a percentage is kept as shown ("2.0%" for 0.0199996536856505): it is a ratio
//     computed from the cells beside it, and the report's text quotes it rounded.
//
// Dates, text and anything else that does not read as a number are kept as formatted.
func cellText(shown, raw string) string {
	if shown == raw {
		return withoutFloatNoise(shown)
	}
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		return shown
	}
	digits, percent := plain(shown)
	f, err := strconv.ParseFloat(digits, 64)
	switch {
	case err != nil:
		return shown
	case percent:
		return digits + "%"
	case canon(f) == canon(v):
		return digits
	}
	return withoutFloatNoise(canon(v))
}

// plain strips a formatted number of separators, currency signs and padding, turns
// accounting parentheses into a minus sign, and tells a trailing %.
func plain(s string) (string, bool) {
	s = strings.Map(func(r rune) rune {
		switch r {
		case ',', ' ', '¥', '￥', '$', '\u00a0':
			return -1
		}
		return r
	}, s)
	if inner, ok := strings.CutPrefix(s, "("); ok {
		if inner, ok = strings.CutSuffix(inner, ")"); ok {
			s = "-" + inner
		}
	}
	s, percent := strings.CutSuffix(s, "%")
	return s, percent
}

// canon writes v to 15 significant digits without an exponent.
func canon(v float64) string {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'e', 14, 64), 64)
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// withoutFloatNoise drops the binary noise a sum of decimals leaves in a stored number
// (-11422.5000000001 for -11422.5): a number of 14 or more significant digits that reads
// in 10 or fewer once rounded to 12 is written rounded, as a spreadsheet shows it. Any
// other text is returned as it is.
func withoutFloatNoise(s string) string {
	if significantDigits(s) < 14 {
		return s
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return s
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'e', 11, 64), 64)
	if short := strconv.FormatFloat(r, 'f', -1, 64); significantDigits(short) <= 10 {
		return short
	}
	return s
}

// significantDigits counts the digits of a decimal numeral from its first non-zero one,
// trailing zeros of a fraction excluded.
func significantDigits(s string) int {
	s = strings.TrimLeft(strings.TrimPrefix(s, "-"), "0.")
	if strings.Contains(s, ".") {
		s = strings.TrimRight(s, "0")
	}
	n := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			n++
		}
	}
	return n
}
