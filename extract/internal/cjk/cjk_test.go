package cjk

import "testing"

func TestYearAt(t *testing.T) {
	tests := []struct {
		in      string
		at      int
		year, n int
	}{
		{"2016年", 0, 2016, 4},
		{"较2020年", 1, 2020, 4},
		{"12016年", 1, 0, 0}, // part of a longer number
		{"20161", 0, 0, 0},
		{"1899年", 0, 0, 0},
		{"2200年", 0, 0, 0},
		{"201", 0, 0, 0},
		{"3016", 0, 0, 0},
	}
	for _, tc := range tests {
		y, n := YearAt([]rune(tc.in), tc.at)
		if y != tc.year || n != tc.n {
			t.Errorf("YearAt(%q, %d) = %d, %d; want %d, %d", tc.in, tc.at, y, n, tc.year, tc.n)
		}
	}
}

func TestSmallInt(t *testing.T) {
	v, n := SmallInt([]rune("12月"), 0, 2)
	if v != 12 || n != 2 {
		t.Errorf("SmallInt(12月) = %d, %d", v, n)
	}
	if v, n := SmallInt([]rune("月"), 0, 2); v != 0 || n != 0 {
		t.Errorf("SmallInt(月) = %d, %d", v, n)
	}
}

func TestClassesAndSearch(t *testing.T) {
	if !IsHan('国') || IsHan('a') || !IsDigit('7') || IsDigit('七') || !IsASCIILetter('G') {
		t.Error("character classes wrong")
	}
	if got := string(TrimLeft([]rune(" \u3000\t一、"))); got != "一、" {
		t.Errorf("TrimLeft = %q", got)
	}
	a := []rune("增长5%，达到")
	if k := IndexRune(a, 0, len(a), '，', '。'); k != 4 {
		t.Errorf("IndexRune = %d", k)
	}
	if HanCount([]rune("GDP增长")) != 2 {
		t.Error("HanCount")
	}
}
