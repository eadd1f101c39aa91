package units

import (
	"errors"
	"math"
	"math/bits"
	"strconv"
	"strings"
)

// Decimal is an exact decimal number, coef × 10^exp. Quantities are kept exact from the
// source text to the output (34.1亿 is 341 × 10^7, never 3409999999.9999995); a float64
// exists only when a caller asks for one.
type Decimal struct {
	coef int64
	exp  int32
}

// errOverflow reports a number too large to be a real quantity (more than 18 significant
// digits); such digit runs are identifiers, not amounts.
var errOverflow = errors.New("number too large")

const maxExp = 40

// NewDecimal returns coef × 10^exp.
func NewDecimal(coef int64, exp int) Decimal {
	return Decimal{coef: coef, exp: int32(exp)}.norm()
}

// IsZero reports whether d is 0.
func (d Decimal) IsZero() bool { return d.coef == 0 }

// norm strips trailing zeros from the coefficient so equal values compare equal.
func (d Decimal) norm() Decimal {
	if d.coef == 0 {
		return Decimal{}
	}
	for d.coef%10 == 0 {
		d.coef /= 10
		d.exp++
	}
	return d
}

// Equal reports whether d and e are the same number.
func (d Decimal) Equal(e Decimal) bool {
	d, e = d.norm(), e.norm()
	return d == e
}

// Less reports whether d < e, exactly.
func (d Decimal) Less(e Decimal) bool {
	if d.Sign() != e.Sign() {
		return d.Sign() < e.Sign()
	}
	a, b, err := align(d, e)
	if err != nil {
		// The one with the larger exponent has the larger magnitude when aligning overflows.
		return (d.exp < e.exp) == (d.Sign() > 0)
	}
	return a < b
}

// Sign returns -1, 0 or 1.
func (d Decimal) Sign() int {
	switch {
	case d.coef < 0:
		return -1
	case d.coef > 0:
		return 1
	}
	return 0
}

// Neg returns -d.
func (d Decimal) Neg() Decimal { return Decimal{coef: -d.coef, exp: d.exp} }

// IsInteger reports whether d has no fractional part.
func (d Decimal) IsInteger() bool { return d.norm().exp >= 0 }

// Int64 returns d as an integer when it is one and fits.
func (d Decimal) Int64() (int64, bool) {
	d = d.norm()
	if d.exp < 0 {
		return 0, false
	}
	v := d.coef
	for i := int32(0); i < d.exp; i++ {
		if v > math.MaxInt64/10 || v < math.MinInt64/10 {
			return 0, false
		}
		v *= 10
	}
	return v, true
}

// MulPow10 returns d × 10^n.
func (d Decimal) MulPow10(n int) (Decimal, error) {
	if d.coef == 0 {
		return d, nil
	}
	e := int(d.exp) + n
	if e > maxExp || e < -maxExp {
		return Decimal{}, errOverflow
	}
	return Decimal{coef: d.coef, exp: int32(e)}, nil
}

// MulInt returns d × k.
func (d Decimal) MulInt(k int64) (Decimal, error) {
	hi, lo := bits.Mul64(uint64(abs64(d.coef)), uint64(abs64(k)))
	if hi != 0 || lo > math.MaxInt64 {
		return Decimal{}, errOverflow
	}
	c := int64(lo)
	if (d.coef < 0) != (k < 0) {
		c = -c
	}
	return Decimal{coef: c, exp: d.exp}.norm(), nil
}

// Add returns d + e.
func (d Decimal) Add(e Decimal) (Decimal, error) {
	if d.coef == 0 {
		return e, nil
	}
	if e.coef == 0 {
		return d, nil
	}
	a, b, err := align(d, e)
	if err != nil {
		return Decimal{}, err
	}
	s := a + b
	if (a > 0 && b > 0 && s < 0) || (a < 0 && b < 0 && s > 0) {
		return Decimal{}, errOverflow
	}
	return Decimal{coef: s, exp: min(d.exp, e.exp)}.norm(), nil
}

// align returns the coefficients of d and e scaled to their common (smaller) exponent.
func align(d, e Decimal) (int64, int64, error) {
	a, b := d.coef, e.coef
	for x := d.exp; x > e.exp; x-- {
		if abs64(a) > math.MaxInt64/10 {
			return 0, 0, errOverflow
		}
		a *= 10
	}
	for x := e.exp; x > d.exp; x-- {
		if abs64(b) > math.MaxInt64/10 {
			return 0, 0, errOverflow
		}
		b *= 10
	}
	return a, b, nil
}

func abs64(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// String prints d as a plain decimal: no exponent, no trailing fractional zeros.
func (d Decimal) String() string {
	var buf [32]byte
	return string(d.Append(buf[:0]))
}

// Append appends d as String prints it to dst: for writers of many records, with no
// string made for each. The digits go straight into dst; a fraction's point is put in
// after them.
func (d Decimal) Append(dst []byte) []byte {
	d = d.norm()
	if d.coef < 0 {
		dst = append(dst, '-')
	}
	start := len(dst)
	dst = AppendUint(dst, uint64(abs64(d.coef)))
	if d.exp >= 0 {
		return appendZeros(dst, int(d.exp))
	}
	frac, n := int(-d.exp), len(dst)-start
	if frac < n {
		dst = append(dst, 0)
		point := len(dst) - 1 - frac
		copy(dst[point+1:], dst[point:])
		dst[point] = '.'
		return dst
	}
	var digits [20]byte
	k := copy(digits[:], dst[start:])
	dst = append(dst[:start], "0."...)
	dst = appendZeros(dst, frac-n)
	return append(dst, digits[:k]...)
}

// AppendUint is strconv.AppendUint(b, u, 10) written in place for the numbers below 10000
// that most coefficients, lines and columns are, without its calls, buffer and copy: for
// writers of many records.
func AppendUint(b []byte, u uint64) []byte {
	switch {
	case u >= 10000:
		return strconv.AppendUint(b, u, 10)
	case u < 10:
		return append(b, byte('0'+u))
	case u < 100:
		return append(b, byte('0'+u/10), byte('0'+u%10))
	case u < 1000:
		return append(b, byte('0'+u/100), byte('0'+u/10%10), byte('0'+u%10))
	}
	return append(b, byte('0'+u/1000), byte('0'+u/100%10), byte('0'+u/10%10), byte('0'+u%10))
}

const zeros = "0000000000000000"

// appendZeros appends n zeros.
func appendZeros(b []byte, n int) []byte {
	for ; n > len(zeros); n -= len(zeros) {
		b = append(b, zeros...)
	}
	return append(b, zeros[:n]...)
}

func allZeros(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != '0' {
			return false
		}
	}
	return true
}

// Float64 returns the float64 nearest to d.
func (d Decimal) Float64() float64 {
	f, _ := strconv.ParseFloat(d.String(), 64)
	return f
}

// MarshalJSON writes d as a JSON number in plain decimal form.
func (d Decimal) MarshalJSON() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalJSON reads a JSON number (or a numeric string) exactly.
func (d *Decimal) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	v, err := ParseDecimal(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// ParseDecimal reads a plain or exponent-form ASCII decimal ("3410000000", "6.5", "1e3").
func ParseDecimal(s string) (Decimal, error) {
	if s == "" {
		return Decimal{}, errors.New("empty number")
	}
	exp := 0
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		e, err := strconv.Atoi(s[i+1:])
		if err != nil {
			return Decimal{}, errors.New("bad exponent in " + strconv.Quote(s))
		}
		exp, s = e, s[:i]
	}
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg, s = s[0] == '-', s[1:]
	}
	var coef int64
	seenDigit, seenPoint := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			seenDigit = true
			if coef > (math.MaxInt64-9)/10 {
				// Trailing zeros of a large integer go to the exponent (1e19 prints as
				// 10000000000000000000 and must read back); other digits would be lost.
				if c != '0' || seenPoint || !allZeros(s[i:]) {
					return Decimal{}, errOverflow
				}
				exp += len(s) - i
				i = len(s)
				continue
			}
			coef = coef*10 + int64(c-'0')
			if seenPoint {
				exp--
			}
		case c == '.' && !seenPoint:
			seenPoint = true
		default:
			return Decimal{}, errors.New("not a number: " + strconv.Quote(s))
		}
	}
	if !seenDigit {
		return Decimal{}, errors.New("not a number: " + strconv.Quote(s))
	}
	if neg {
		coef = -coef
	}
	if exp > maxExp || exp < -maxExp {
		return Decimal{}, errOverflow
	}
	return Decimal{coef: coef, exp: int32(exp)}.norm(), nil
}
