package extract

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestNameGuardsMatchPlainTests: the rules on a figure's name with a cheap rune guard
// before their word-list test (withoutBudgetStage, accountItemEnd, isLevelStep,
// splitLevel, approvedBudget, the stock-noun, fiscal-concept and account-item tests) give
// what the plain tests give, over every stretch of up to 14 runes of the corpus, names
// made of its words, and byte-cut or invalid text.
func TestNameGuardsMatchPlainTests(t *testing.T) {
	plainStage := func(indicator string) (string, bool) {
		if n := budgetStages.SuffixOf(indicator); n > 0 && utf8.RuneCountInString(indicator[:len(indicator)-n]) >= 2 {
			return indicator[:len(indicator)-n], true
		}
		if name, found := strings.CutSuffix(indicator, "调整"); found && bareAccountItems.SuffixOf(strings.TrimSuffix(name, "预算")) > 0 {
			return name, true
		}
		return indicator, false
	}
	plainSplit := func(indicator string) (string, string) {
		if n := budgetLevels.PrefixOf(indicator); n > 0 && n < len(indicator) {
			return indicator[:n], indicator[n:]
		}
		return "", indicator
	}
	plainApproved := func(indicator string) bool {
		k := strings.LastIndex(indicator, "的")
		return k >= 0 && strings.Contains(indicator[:k], "批准")
	}
	names := []string{"", "的", "批准", "批准的", "的批准", "批准的的批准", "人大批准的一般公共预算收入", "批准批准的",
		"一般公共预算收入年初预算合计", "收入调整", "支出预算调整", "支持优化调整", "收入预算", "万亿元台阶", "千亿级关口",
		"市本级一般公共预算支出", "市本级", "营业里程", "总装机", "\xe6\x9ca", "a\xe6\x9c", "\xed\xa0\x80", "预算\xff"}
	for _, set := range [][]string{budgetStages.Words(), bareAccountItems.Words(), levelMetaphors.Words(), budgetLevels.Words(),
		stockNouns.Words(), fiscalConcepts.Words()} {
		for _, w := range set {
			names = append(names, w, "全市"+w, w+"调整", w+"预算调整", "市本级"+w, w[1:], w[:len(w)-1])
		}
	}
	for _, d := range readTestdata(t, "corpus/*.txt") {
		a := []rune(string(d))
		for i := range a {
			for n := 1; n <= 14 && i+n <= len(a); n++ {
				names = append(names, string(a[i:i+n]))
			}
		}
	}
	for _, s := range names {
		got, ok := withoutBudgetStage(s)
		if want, wantOK := plainStage(s); got != want || ok != wantOK {
			t.Fatalf("withoutBudgetStage(%q) = %q %v, want %q %v", s, got, ok, want, wantOK)
		}
		if got, want := isLevelStep(s), levelMetaphors.SuffixOf(s) > 0; got != want {
			t.Fatalf("isLevelStep(%q) = %v, want %v", s, got, want)
		}
		l, r := splitLevel(s)
		if wl, wr := plainSplit(s); l != wl || r != wr {
			t.Fatalf("splitLevel(%q) = %q %q, want %q %q", s, l, r, wl, wr)
		}
		if got, want := approvedBudget(s), plainApproved(s); got != want {
			t.Fatalf("approvedBudget(%q) = %v, want %v", s, got, want)
		}
		if !stockNouns.MayEnd(s) && stockNouns.SuffixOf(s) > 0 {
			t.Fatalf("stockNouns.MayEnd(%q) = false, but a stock noun ends it", s)
		}
		if !fiscalConcepts.MayStart(s) && fiscalConcepts.PrefixOf(s) > 0 {
			t.Fatalf("fiscalConcepts.MayStart(%q) = false, but a fiscal concept starts it", s)
		}
		if !bareAccountItems.MayStart(s) && bareAccountItems.Contains(s) {
			t.Fatalf("bareAccountItems.MayStart(%q) = false, but it is an item", s)
		}
	}
}
