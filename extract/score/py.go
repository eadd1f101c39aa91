package score

import (
	"encoding/json"
	"errors"
	"math"
	"math/big"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// This file holds the few Python semantics score.py relies on, so the port behaves the
// same on odd input: str(), truthiness, ==, int(), float(), str.strip/split, round().
// Values are what encoding/json gives with UseNumber: nil, bool, json.Number, string,
// []any, map[string]any. A json.Number is a Python int when its literal has no '.', 'e'
// or 'E' (that is how Python's json module decides), and a float otherwise.

// errCrash marks input on which score.py itself stops with a traceback; the port reports
// an error instead.
var errCrash = errors.New("score.py would stop here")

// errConvert is a TypeError or ValueError, which score.py catches in one place.
var errConvert = errors.New("not convertible")

func isIntLiteral(n json.Number) bool { return !strings.ContainsAny(string(n), ".eE") }

// pyFloatOf is Python's float() of a JSON number literal.
func numberFloat(n json.Number) float64 {
	if isIntLiteral(n) {
		i, ok := new(big.Int).SetString(string(n), 10)
		if !ok {
			return math.NaN()
		}
		f, _ := new(big.Float).SetInt(i).Float64()
		return f
	}
	f, err := strconv.ParseFloat(string(n), 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return math.NaN()
	}
	return f // like Python, 1e400 is inf
}

// pyTruthy is bool(v).
func pyTruthy(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case json.Number:
		if isIntLiteral(x) {
			i, ok := new(big.Int).SetString(string(x), 10)
			return !ok || i.Sign() != 0
		}
		return numberFloat(x) != 0 // NaN is true, as in Python
	case string:
		return x != ""
	case []any:
		return len(x) > 0
	case map[string]any:
		return len(x) > 0
	}
	return true
}

// orEmpty is `v or ""`.
func orEmpty(v any) any {
	if pyTruthy(v) {
		return v
	}
	return ""
}

// pyNumber returns v as an exact number for ==, and whether v is numeric (bools are).
func pyNumber(v any) (*big.Float, bool, bool) { // value, isNaN, ok
	switch x := v.(type) {
	case bool:
		if x {
			return big.NewFloat(1), false, true
		}
		return big.NewFloat(0), false, true
	case json.Number:
		if isIntLiteral(x) {
			i, ok := new(big.Int).SetString(string(x), 10)
			if !ok {
				return nil, false, false
			}
			return new(big.Float).SetInt(i), false, true
		}
		f := numberFloat(x)
		if math.IsNaN(f) {
			return nil, true, true
		}
		return new(big.Float).SetFloat64(f), false, true
	}
	return nil, false, false
}

// pyEqual is Python's == on decoded JSON values.
func pyEqual(a, b any) bool {
	if na, nanA, okA := pyNumber(a); okA {
		nb, nanB, okB := pyNumber(b)
		if !okB || nanA || nanB {
			return false
		}
		return na.Cmp(nb) == 0
	}
	switch x := a.(type) {
	case nil:
		return b == nil
	case string:
		y, ok := b.(string)
		return ok && x == y
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !pyEqual(x[i], y[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			w, ok := y[k]
			if !ok || !pyEqual(v, w) {
				return false
			}
		}
		return true
	}
	return false
}

// pyStr is str(v).
func pyStr(v any) string {
	switch x := v.(type) {
	case string:
		return x
	default:
		return pyRepr(v)
	}
}

// pyRepr is repr(v). (Dict keys print sorted: the decoded map has no order.)
func pyRepr(v any) string {
	switch x := v.(type) {
	case nil:
		return "None"
	case bool:
		if x {
			return "True"
		}
		return "False"
	case json.Number:
		if isIntLiteral(x) {
			if i, ok := new(big.Int).SetString(string(x), 10); ok {
				return i.String()
			}
			return string(x)
		}
		return pyFloatRepr(numberFloat(x))
	case string:
		return pyStrRepr(x)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = pyRepr(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = pyStrRepr(k) + ": " + pyRepr(x[k])
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return "?"
}

func pyStrRepr(s string) string {
	q := byte('\'')
	if strings.ContainsRune(s, '\'') && !strings.ContainsRune(s, '"') {
		q = '"'
	}
	var b strings.Builder
	b.WriteByte(q)
	for _, r := range s {
		switch {
		case r == rune(q) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == ' ' || (unicode.IsPrint(r) && r != '\u00a0' && r != '\u00ad'):
			b.WriteRune(r)
		case r < 0x100:
			b.WriteString(`\x` + hex(int(r), 2))
		case r < 0x10000:
			b.WriteString(`\u` + hex(int(r), 4))
		default:
			b.WriteString(`\U` + hex(int(r), 8))
		}
	}
	b.WriteByte(q)
	return b.String()
}

func hex(n, width int) string {
	s := strconv.FormatInt(int64(n), 16)
	return strings.Repeat("0", max(0, width-len(s))) + s
}

// pyFloatRepr is repr(float): the shortest digits that read back, in positional form when
// the decimal exponent is in [-4, 16), with ".0" on whole numbers.
func pyFloatRepr(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	s := strconv.FormatFloat(f, 'e', -1, 64) // -d.ddde±XX
	sign := ""
	if s[0] == '-' {
		sign, s = "-", s[1:]
	}
	e := strings.IndexByte(s, 'e')
	exp, _ := strconv.Atoi(s[e+1:])
	digits := strings.Replace(s[:e], ".", "", 1)
	if -4 <= exp && exp < 16 {
		var whole, frac string
		if exp >= 0 {
			if len(digits) <= exp+1 {
				whole, frac = digits+strings.Repeat("0", exp+1-len(digits)), "0"
			} else {
				whole, frac = digits[:exp+1], digits[exp+1:]
			}
		} else {
			whole, frac = "0", strings.Repeat("0", -exp-1)+digits
		}
		return sign + whole + "." + frac
	}
	m := digits[:1]
	if len(digits) > 1 {
		m += "." + digits[1:]
	}
	es := "+"
	if exp < 0 {
		es, exp = "-", -exp
	}
	x := strconv.Itoa(exp)
	if len(x) < 2 {
		x = "0" + x
	}
	return sign + m + "e" + es + x
}

// pyJSONFloat is how json.dumps writes a float.
func pyJSONFloat(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	}
	return pyFloatRepr(f)
}

// pyRound is round(x, n) on a float: correctly rounded, ties to even.
func pyRound(x float64, n int) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', n, 64), 64)
	return r
}

// pyIsSpace is str.isspace for one character: Unicode White_Space plus the ASCII
// information separators U+001C..U+001F.
func pyIsSpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

func pyStrip(s string) string  { return strings.TrimFunc(s, pyIsSpace) }
func pyLStrip(s string) string { return strings.TrimLeftFunc(s, pyIsSpace) }

// pyJoinSplit is "".join(s.split()).
func pyJoinSplit(s string) string {
	return strings.Join(strings.FieldsFunc(s, pyIsSpace), "")
}

// pySplitLines is str.splitlines().
func pySplitLines(s string) []string {
	var out []string
	start := 0
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		switch rs[i] {
		case '\n', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
			out = append(out, string(rs[start:i]))
			start = i + 1
		case '\r':
			out = append(out, string(rs[start:i]))
			if i+1 < len(rs) && rs[i+1] == '\n' {
				i++
			}
			start = i + 1
		}
	}
	if start < len(rs) {
		out = append(out, string(rs[start:]))
	}
	return out
}

// digitValue is the decimal value of a Unicode Nd character (Python's int() and float()
// accept any of them). Nd characters come in runs of ten starting at zero.
func digitValue(r rune) (int, bool) {
	if r >= '0' && r <= '9' {
		return int(r - '0'), true
	}
	if !unicode.Is(unicode.Nd, r) {
		return 0, false
	}
	n := 0
	for unicode.Is(unicode.Nd, r-rune(n)-1) {
		n++
	}
	return n % 10, true
}

// pyIntString is int(s) for a str, in base 10; the result is the decimal string.
func pyIntString(s string) (string, error) {
	s = pyStrip(s)
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg, s = s[0] == '-', s[1:]
	}
	var digits strings.Builder
	prevDigit := false
	for _, r := range s {
		if r == '_' {
			if !prevDigit {
				return "", errConvert
			}
			prevDigit = false
			continue
		}
		d, ok := digitValue(r)
		if !ok {
			return "", errConvert
		}
		digits.WriteByte(byte('0' + d))
		prevDigit = true
	}
	if !prevDigit { // empty, or ends with '_'
		return "", errConvert
	}
	i, _ := new(big.Int).SetString(digits.String(), 10)
	if neg {
		i.Neg(i)
	}
	return i.String(), nil
}

// pyInt is int(v) as score.py applies it to a line number: errConvert for Python's
// TypeError/ValueError, errCrash for OverflowError (int(inf)).
func pyInt(v any) (string, error) {
	switch x := v.(type) {
	case bool:
		if x {
			return "1", nil
		}
		return "0", nil
	case json.Number:
		if isIntLiteral(x) {
			i, ok := new(big.Int).SetString(string(x), 10)
			if !ok {
				return "", errConvert
			}
			return i.String(), nil
		}
		f := numberFloat(x)
		if math.IsNaN(f) {
			return "", errConvert
		}
		if math.IsInf(f, 0) {
			return "", errCrash
		}
		i, _ := new(big.Float).SetFloat64(math.Trunc(f)).Int(nil)
		return i.String(), nil
	case string:
		return pyIntString(x)
	}
	return "", errConvert
}

// pyFloat is float(v): ok is false where Python raises TypeError or ValueError.
func pyFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case bool:
		if x {
			return 1, true
		}
		return 0, true
	case json.Number:
		return numberFloat(x), true
	case string:
		return pyFloatString(x)
	}
	return 0, false
}

func pyFloatString(s string) (float64, bool) {
	s = pyStrip(s)
	var b strings.Builder
	for _, r := range s {
		if d, ok := digitValue(r); ok {
			b.WriteByte(byte('0' + d))
			continue
		}
		if r > 0x7f || r == 'x' || r == 'X' || r == 'p' || r == 'P' {
			return 0, false // no hex floats in Python's float()
		}
		b.WriteRune(r)
	}
	t := b.String()
	if l := strings.ToLower(strings.TrimLeft(t, "+-")); l == "nan" && len(t)-len(l) <= 1 {
		return math.NaN(), true // Go refuses a signed NaN
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return 0, false
	}
	return f, true
}
