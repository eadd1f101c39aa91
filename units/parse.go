package units

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
)

// Quantity is the number-and-unit part of a mention, read by Parse.
type Quantity struct {
	Text      string  // the mention without qualifier words: 34.1亿元, 8500多个, 百分之六点五
	Value     Decimal // negative only for a phrase with a sign (负三十二, −0.7)
	Upper     Decimal
	HasUpper  bool
	Unit      string // canonical (SPEC.md §2)
	RawUnit   string // as written
	Qualifier Qualifier
}

// Parse reads a whole phrase such as "约34.1亿元", "近4万项", "百分之六点五", "9成",
// "2000-3000片每月", "18.1万千瓦" or "−0.7" into an exact value, a canonical unit and a
// qualifier.
// The whole phrase must be one quantity; anything else is an error saying what is wrong.
func Parse(phrase string) (Quantity, error) {
	s := []rune(strings.TrimFunc(phrase, unicode.IsSpace))
	if len(s) == 0 {
		return Quantity{}, fmt.Errorf("empty phrase")
	}
	start, q := 0, NoQualifier
	for n := min(lex.maxQual, len(s)-1); n >= 1; n-- {
		if bq, ok := lex.qualBefore[string(s[:n])]; ok && bq != NoQualifier && signedNumberAt(s, n) {
			start, q = n, bq
			break
		}
	}
	textStart, sign := start, signAt(s, start)
	if sign != 0 {
		start++
	}
	m, ok := Scan(s, start)
	if !ok && start < len(s) {
		if _, n, err := parseArabic(s[start:]); errors.Is(err, errOverflow) {
			return Quantity{}, fmt.Errorf("%q: %q has too many significant digits to be read exactly (more than 18): an identifier, not an amount?", phrase, string(s[start:start+n]))
		}
	}
	if !ok || m.Unit == "" && m.BareScale && m.NumberEnd-m.Start == 1 && isBigUnit(s[m.Start]) {
		return Quantity{}, fmt.Errorf("%q: no number here", phrase) // 亿 alone is a word
	}
	for k := m.Start; k < m.End; k++ {
		if a, b, ok := IdiomAt(s, k); ok && a >= 0 && b <= len(s) {
			return Quantity{}, fmt.Errorf("%q: %q is a word, not a quantity", phrase, string(s[a:b]))
		}
	}
	end := m.End
	if q == NoQualifier {
		q = m.Qualifier
	}
	if aq, e := QualifierAfter(s, end); aq != NoQualifier {
		if q == NoQualifier {
			q = aq
		}
		end = e
	}
	if end != len(s) {
		return Quantity{}, fmt.Errorf("%q: %q after the quantity is not a unit", phrase, string(s[end:]))
	}
	if sign < 0 {
		if m.HasUpper {
			return Quantity{}, fmt.Errorf("%q: a signed range is ambiguous", phrase)
		}
		m.Value = m.Value.Neg()
	}
	return Quantity{
		Text:      string(s[textStart:m.End]),
		Value:     m.Value,
		Upper:     m.Upper,
		HasUpper:  m.HasUpper,
		Unit:      m.Unit,
		RawUnit:   m.RawUnit,
		Qualifier: q,
	}, nil
}

// signAt returns -1 for a minus sign or 负 before a number at s[i] (负三十二, −0.7 in a
// table of growth rates), 1 for a plus sign, else 0. Only a standalone phrase is read
// with its sign: in running text a hyphen is a range or a dash, and 负 is a word.
func signAt(s []rune, i int) int {
	if i+1 >= len(s) || !NumberStartsAt(s, i+1) {
		return 0
	}
	switch s[i] {
	case '-', '−', '－', '﹣', '负', '負':
		return -1
	case '+', '＋':
		return 1
	}
	return 0
}

func signedNumberAt(s []rune, i int) bool {
	return NumberStartsAt(s, i) || signAt(s, i) != 0
}
