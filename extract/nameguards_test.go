package extract

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/policymetrics/policymetrics/extract/lexicon"
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
		for _, set := range wordSets {
			if got, want := isWord(set, s), set.Contains(s); got != want {
				t.Fatalf("isWord(%q) = %v, want %v", s, got, want)
			}
		}
		if got, want := startsComparison(s), plainStartsComparison(s); got != want {
			t.Fatalf("startsComparison(%q) = %v, want %v", s, got, want)
		}
	}
}

// wordSets are the lists attributeSentence asks through isWord.
var wordSets = []*lexicon.Set{verbOnly, adjustVerbs, budgetStages, purposeAdverbs, bareMeasures}

// plainStartsComparison is startsComparison without its first-rune test: each opener in turn.
func plainStartsComparison(indicator string) bool {
	for _, w := range comparisonOpeners.Words() {
		if strings.HasPrefix(indicator, w) {
			return true
		}
	}
	return false
}

// TestYearsAheadMatchesAtoi: yearsAhead, reading the year's four digits in place, says what
// it said with strconv.Atoi, for years, spans, months, signs, letters and odd lengths.
func TestYearsAheadMatchesAtoi(t *testing.T) {
	plain := func(period string, unbegun int) bool {
		if unbegun == 0 || len(period) != 4 && len(period) != 9 || len(period) == 9 && period[4] != '-' {
			return false
		}
		y, err := strconv.Atoi(period[:4])
		return err == nil && y >= unbegun
	}
	periods := []string{"", "2025", "2026", "2027", "0000", "9999", "+202", "-202", " 202", "202 ", "20a6", "2O26", "２０２６",
		"2026-2030", "2025-2030", "2026-02", "2026-02-04", "2026/2030", "+202-2030", "-999-2030", "2026年", "\xff026", "202\x00"}
	for y := 1990; y <= 2040; y++ {
		periods = append(periods, strconv.Itoa(y), fmt.Sprintf("%d-%d", y, y+4), fmt.Sprintf("%d-%02d", y, 3))
	}
	for _, p := range periods {
		// Unbegun is 0 or a year after a date of the text: four digits, above any Atoi read
		// from a sign and three digits (+202), which the plain test took and yearsAhead does not.
		for _, unbegun := range []int{0, 1000, 1999, 2024, 2025, 2026, 2027, 9999} {
			if got, want := yearsAhead(p, unbegun), plain(p, unbegun); got != want {
				t.Fatalf("yearsAhead(%q, %d) = %v, want %v", p, unbegun, got, want)
			}
		}
	}
}
