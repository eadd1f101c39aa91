package units

import (
	"testing"
	"unicode/utf8"
)

// TestNumeralTableMatchesMaps: over the whole Basic Multilingual Plane, the packed table
// answers as the maps it is built from (a rune the class switch misses would read as no
// numeral).
func TestNumeralTableMatchesMaps(t *testing.T) {
	for r := rune(0); r < 0x10000; r++ {
		d, ok := digitValue(r)
		if wd, wok := chineseDigits[r]; d != wd || ok != wok {
			t.Fatalf("digitValue(%q) = %d, %v; want %d, %v", r, d, ok, wd, wok)
		}
		u, ok := smallUnitValue(r)
		if wu, wok := smallUnits[r]; u != wu || ok != wok {
			t.Fatalf("smallUnitValue(%q) = %d, %v; want %d, %v", r, u, ok, wu, wok)
		}
		if got, want := bigUnitPower(r), bigUnits[r]; got != want {
			t.Fatalf("bigUnitPower(%q) = %d, want %d", r, got, want)
		}
		if got, want := isFinancialForm(r), financialDigits[r]; got != want {
			t.Fatalf("isFinancialForm(%q) = %v, want %v", r, got, want)
		}
		if got, want := MayStartNumber(r), mayStartNumberOf(r); got != want {
			t.Fatalf("MayStartNumber(%q) = %v, want %v", r, got, want)
		}
	}
	for _, r := range []rune{-1, 0x10000, 0x20000, 0x10030, utf8.RuneError} {
		if _, ok := digitValue(r); ok || bigUnitPower(r) != 0 || isFinancialForm(r) || MayStartNumber(r) {
			t.Errorf("rune %#x outside the table reads as a numeral", r)
		}
	}
}
