package extract

import "testing"

// TestAsideOpenMatchesPlainLoop: asideOpen, one test per rune for the four brackets, finds
// what a loop comparing each rune with each bracket finds, at every position of the corpus
// and of odd text (runes that agree with a bracket outside the bits the test ignores: 丈
// U+4E08, Ĉ U+0108, Ｈ U+FF28; negative and past-Unicode runes).
func TestAsideOpenMatchesPlainLoop(t *testing.T) {
	plain := func(a []rune, from, start int) int {
		for k := start - 1; k >= from && k >= start-maxCapReach; k-- {
			if a[k] == '(' || a[k] == '（' {
				return k
			}
			if a[k] == ')' || a[k] == '）' {
				return -1
			}
		}
		return -1
	}
	texts := [][]rune{
		[]rune("全市一般公共预算收入100亿元(不含辽滨经开区36.4亿元),增长5%。"),
		[]rune("（其中市本级12亿元）丈量(土地)30亩，Ĉ（Ｈ2亿元）"),
		{0x4E08, 0x4E09, 0x4E28, 0x4E29, 0x0108, 0x0109, 0xFF28, 0xFF29, 0x1FF08, -0xFF08, 0x7FFFFF08, '1', 0x10FF08, '2'},
		{'(', ')', '（', '）', 0x08, 0x09, 0x28 | 0x100, 0xFF08 | 0x10000, '3'},
		{},
	}
	for _, d := range readTestdata(t, "corpus/*.txt") {
		texts = append(texts, []rune(string(d)))
	}
	for _, a := range texts {
		for start := 0; start <= len(a); start++ {
			for _, from := range []int{0, start - 3, start - maxCapReach, start - maxCapReach - 1, start, start + 1} {
				if from < 0 {
					continue
				}
				if got, want := asideOpen(a, from, start), plain(a, from, start); got != want {
					t.Fatalf("asideOpen(%q, %d, %d) = %d, want %d", string(a[max(0, start-maxCapReach):start]), from, start, got, want)
				}
			}
		}
	}
}
