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

// TestMayStartNumber4: four runes at once say what any of them says alone, for every BMP
// rune in each of the four places among runes that start nothing; past the plane it may
// say yes (its caller asks rune by rune then), never no where one alone says yes.
func TestMayStartNumber4(t *testing.T) {
	for r := rune(0); r < 0x10000; r++ {
		want := MayStartNumber(r)
		for place := range 4 {
			q := [4]rune{'的', '的', '的', '的'}
			q[place] = r
			if got := MayStartNumber4(q[0], q[1], q[2], q[3]); got != want {
				t.Fatalf("MayStartNumber4(%q) = %v, want %v", q[:], got, want)
			}
		}
	}
	for _, r := range []rune{'5', '五', '半'} {
		if !MayStartNumber4(0x10030, r, utf8.RuneError, -1) {
			t.Errorf("MayStartNumber4 misses %q after a rune past the plane", r)
		}
	}
}
