package units

import (
	"encoding/json"
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
