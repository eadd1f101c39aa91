package units

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"testing"
)

func TestDecimalString(t *testing.T) {
	for _, c := range []struct {
		coef int64
		exp  int
		want string
	}{
		{341, 7, "3410000000"},
		{65, -1, "6.5"},
		{5, -3, "0.005"},
		{0, 5, "0"},
		{1000, -3, "1"},
		{12345, -2, "123.45"},
		{1, 12, "1000000000000"},
		{-25, -1, "-2.5"},
		{10355, 7, "103550000000"},
	} {
		if got := NewDecimal(c.coef, c.exp).String(); got != c.want {
			t.Errorf("NewDecimal(%d, %d) = %s, want %s", c.coef, c.exp, got, c.want)
		}
	}
}

func TestDecimalExactScale(t *testing.T) {
	// The point of exact decimals: 34.1 × 10^8 must not become 3409999999.9999995.
	v, err := ParseDecimal("34.1")
	if err != nil {
		t.Fatal(err)
	}
	v, _ = v.MulPow10(8)
	if v.String() != "3410000000" || v.Float64() != 3410000000 {
		t.Errorf("34.1亿 = %s (%v)", v, v.Float64())
	}
}

func TestDecimalArithmetic(t *testing.T) {
	a, _ := ParseDecimal("11.2")
	b, _ := ParseDecimal("0.05")
	s, err := a.Add(b)
	if err != nil || s.String() != "11.25" {
		t.Errorf("11.2 + 0.05 = %v, %v", s, err)
	}
	m, err := a.MulInt(10)
	if err != nil || m.String() != "112" {
		t.Errorf("11.2 × 10 = %v, %v", m, err)
	}
	if !b.Less(a) || a.Less(b) || a.Less(a) {
		t.Errorf("Less is wrong for %v, %v", a, b)
	}
	if _, err := NewDecimal(1<<62, 0).MulInt(4); err == nil {
		t.Errorf("overflow not reported")
	}
	if _, err := NewDecimal(1, 0).MulPow10(100); err == nil {
		t.Errorf("exponent overflow not reported")
	}
	if !NewDecimal(10, 0).Equal(NewDecimal(1, 1)) {
		t.Errorf("10 != 1e1")
	}
	if n, ok := NewDecimal(12, 3).Int64(); !ok || n != 12000 {
		t.Errorf("Int64(12e3) = %d, %v", n, ok)
	}
	if _, ok := NewDecimal(125, -1).Int64(); ok {
		t.Errorf("Int64(12.5) reported an integer")
	}
}

func TestDecimalJSON(t *testing.T) {
	for _, in := range []string{"3410000000", "6.5", "0.001", "1e3", "1000000000000"} {
		var d Decimal
		if err := json.Unmarshal([]byte(in), &d); err != nil {
			t.Fatalf("unmarshal %s: %v", in, err)
		}
		out, _ := json.Marshal(d)
		want := map[string]string{"1e3": "1000"}[in]
		if want == "" {
			want = in
		}
		if string(out) != want {
			t.Errorf("%s round-trips to %s, want %s", in, out, want)
		}
	}
	for _, bad := range []string{"", "abc", "1.2.3", "--1", "1e", "99999999999999999999"} {
		if _, err := ParseDecimal(bad); err == nil {
			t.Errorf("ParseDecimal(%q) accepted", bad)
		}
	}
}

// TestSignedDecimals: a sign read by Parse survives printing and comparison.
func TestSignedDecimals(t *testing.T) {
	for _, c := range []struct {
		a, b string
		less bool
	}{
		{"-1", "1", true}, {"1", "-1", false}, {"-2", "-1", true}, {"-1", "-2", false},
		{"-0.7", "0", true}, {"0", "-0.7", false}, {"-1e30", "-1", true}, {"-1", "-1e30", false},
		{"1e30", "1", false}, {"-5", "-5", false},
	} {
		a, _ := ParseDecimal(c.a)
		b, _ := ParseDecimal(c.b)
		if got := a.Less(b); got != c.less {
			t.Errorf("%s < %s = %v, want %v", c.a, c.b, got, c.less)
		}
	}
	d := NewDecimal(7, -1).Neg()
	if d.String() != "-0.7" || d.Sign() != -1 || d.Neg().Sign() != 1 || (Decimal{}).Neg().Sign() != 0 {
		t.Errorf("Neg(0.7) = %s, sign %d", d, d.Sign())
	}
}

// appendPlain is Decimal.Append as it was first written, through strconv and a buffer:
// the reference for the fast one.
func appendPlain(d Decimal, dst []byte) []byte {
	d = d.norm()
	if d.coef < 0 {
		dst = append(dst, '-')
	}
	digits := strconv.AppendUint(nil, uint64(abs64(d.coef)), 10)
	switch {
	case d.exp >= 0:
		dst = append(dst, digits...)
		dst = append(dst, strings.Repeat("0", int(d.exp))...)
	case int(-d.exp) < len(digits):
		cut := len(digits) + int(d.exp)
		dst = append(dst, digits[:cut]...)
		dst = append(dst, '.')
		dst = append(dst, digits[cut:]...)
	default:
		dst = append(dst, "0."...)
		dst = append(dst, strings.Repeat("0", int(-d.exp)-len(digits))...)
		dst = append(dst, digits...)
	}
	return dst
}

// TestDecimalAppend holds Append, which writes small coefficients digit by digit and puts
// a fraction's point in after them, to appendPlain over coefficients of every length,
// both signs and exponents from -45 to 45.
func TestDecimalAppend(t *testing.T) {
	coefs := []int64{0, 1, 7, 10, 99, 100, 341, 999, 1000, 1234, 9999, 10000, 19556, 65536,
		123456789, 1000000007, math.MaxInt64, math.MinInt64}
	for n := int64(1); n < 1e18; n *= 10 {
		coefs = append(coefs, n-1, n+1)
	}
	for _, c := range coefs {
		for _, sign := range []int64{1, -1} {
			for exp := int32(-45); exp <= 45; exp++ {
				d := Decimal{coef: sign * c, exp: exp}
				if got, want := d.Append([]byte("v=")), appendPlain(d, []byte("v=")); string(got) != string(want) {
					t.Fatalf("%d×10^%d: got %s, want %s", sign*c, exp, got, want)
				}
			}
		}
	}
}

// TestAppendUint: the digits written in place are strconv's, below and above 10000.
func TestAppendUint(t *testing.T) {
	check := func(u uint64) {
		if got, want := AppendUint([]byte("x"), u), strconv.AppendUint([]byte("x"), u, 10); string(got) != string(want) {
			t.Fatalf("AppendUint(%d) = %s, want %s", u, got, want)
		}
	}
	for u := range uint64(20000) {
		check(u)
	}
	for _, u := range []uint64{99999, 100000, 1<<32 - 1, 1<<63 - 1, 1<<64 - 1} {
		check(u)
	}
}
