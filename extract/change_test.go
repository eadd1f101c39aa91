package extract

import (
	"math/rand"
	"strconv"
	"testing"

	"github.com/policymetrics/policymetrics/extract/lexicon"
	"github.com/policymetrics/policymetrics/extract/segment"
	"github.com/policymetrics/policymetrics/units"
)

// The references below are changeOf, coveredBy and passagePeriod as they were before their
// first-rune filters: every lexicon call made at every place. The filters must only save
// calls, never change an answer.

func changeOfReference(a []rune, clauseFrom, start int) string {
	if k, _ := comparison.IndexIn(a, clauseFrom, start); k >= 0 {
		return ""
	}
	numStart := start
	if _, qs := units.QualifierBefore(a, start); qs < start && qs >= clauseFrom {
		numStart = qs
	}
	if comparedBefore(a, clauseFrom, numStart) {
		return ""
	}
	if increaseDirect.SuffixBefore(a, numStart) > 0 && levelSuffix.PrefixAt(a, numStart) == 0 {
		return "increase"
	}
	if decreaseDirect.SuffixBefore(a, numStart) > 0 {
		return "decrease"
	}
	from := max(clauseFrom, numStart-changeWindow)
	for e := numStart; e > from; e-- {
		for _, w := range []struct {
			set  *lexicon.Set
			kind string
		}{{increaseWords, "increase"}, {decreaseWords, "decrease"}} {
			n := w.set.SuffixBefore(a, e)
			if n == 0 || e-n < from || coveredByReference(changeNot, a, e-n, e) {
				continue
			}
			if levelSuffix.PrefixAt(a, e) > 0 {
				return ""
			}
			if e < numStart && directOnly.Contains(string(a[e-n:e])) {
				return ""
			}
			if n := listBreaks.SuffixBeforeFrom(a, numStart, e); n > 0 && a[numStart-1] != '等' {
				return ""
			}
			if e < numStart && attributive(a, e, numStart) {
				return ""
			}
			return w.kind
		}
	}
	return ""
}

func coveredByReference(set *lexicon.Set, a []rune, s, e int) bool {
	for from := max(0, s-3); from <= s; from++ {
		if n := set.PrefixAt(a, from); n > 0 && from+n >= e {
			return true
		}
	}
	return false
}

func passagePeriodReference(a []rune, passage string, clauseFrom, start int, change string, level bool) string {
	ratePrefix := func(start int) int {
		n := recurring.SuffixBefore(a, start)
		if n == 0 {
			return start
		}
		k := start - n
		return k - recipients.SuffixBefore(a, k)
	}
	from := start
	if q, qs := units.QualifierBefore(a, start); q != units.NoQualifier {
		from = qs
	}
	if k := ratePrefix(from); k != from && !(levelVerbs.SuffixBefore(a, k) > 0 || standardBefore.SuffixBefore(a, k) > 0) {
		return "" // recurring
	}
	k := ratePrefix(start)
	reached := false
	if _, qs := units.QualifierBefore(a, k); qs < k {
		reached = levelVerbs.SuffixBefore(a, k) > 0
		k = qs
	}
	if len(passage) == 4 {
		if startLevel.SuffixBefore(a, k) > 0 && change == "" {
			y, _ := strconv.Atoi(passage)
			return strconv.Itoa(y - 1)
		}
		return passage
	}
	if len(passage) != 9 {
		return passage
	}
	switch {
	case startLevel.SuffixBefore(a, k) > 0:
		y, _ := strconv.Atoi(passage[:4])
		return strconv.Itoa(y - 1)
	case change == "" && (reached || level || levelVerbs.SuffixBefore(a, k) > 0):
		if i, _ := cumulative.IndexIn(a, clauseFrom, k); i >= 0 {
			return passage
		}
		if level && steadyLevel.SuffixBefore(a, k) > 0 {
			return passage
		}
		return passage[5:]
	}
	return passage
}

// randomClauses returns texts of the runes the word lists of change and period words are
// made of, with the odd runes a text may hold (invalid UTF-8's U+FFFD, lone surrogates, CR).
func randomClauses(rng *rand.Rand, n int) [][]rune {
	alphabet := []rune("增长速幅加提高升降低下减少新净扩大至到为了值税点比较于全国市省的是和、,，;。等约超近达到突破从由累计年均每人月年保持稳定在占比率2.50%万元个家\r\n\uFFFD")
	odd := []rune{0xD800, 0xDFFF, -1, 0x110000}
	var out [][]rune
	for range n {
		a := make([]rune, 1+rng.Intn(30))
		for k := range a {
			if rng.Intn(60) == 0 {
				a[k] = odd[rng.Intn(len(odd))]
			} else {
				a[k] = alphabet[rng.Intn(len(alphabet))]
			}
		}
		out = append(out, a)
	}
	return out
}

func TestChangeOfMatchesReference(t *testing.T) {
	fixed := []string{
		"全市地区生产总值增长5.5%", "增速高于全国0.5个百分点", "增速比全市平均水平高2.2个百分点",
		"净增高新技术企业2823家", "增8.1%", "降5%", "增至120亿元", "增加值增长6%", "改善提升绿水长廊1000公里",
		"对经济增长的贡献率分别为14.2%", "提升质量品牌技术创新项目和4个", "同比下降3.2%", "约增长10%", "",
	}
	for _, s := range fixed {
		a := []rune(s)
		for start := 0; start <= len(a); start++ {
			_, qs := units.QualifierBefore(a, start)
			if got, want := changeOf(a, 0, start, qs), changeOfReference(a, 0, start); got != want {
				t.Fatalf("changeOf(%q, 0, %d) = %q, want %q", s, start, got, want)
			}
		}
	}
	// Every mention of the corpus, from its clause, from the number before it and from 16
	// runes before it or less: the reads of every other rune must find the same words.
	var texts []string
	for _, d := range readTestdata(t, "corpus/*.txt") {
		texts = append(texts, string(d))
	}
	calls := 0
	forSentences(texts, func(a []rune, sen segment.Sentence, sm []mention) {
		for i, m := range sm {
			_, qs := units.QualifierBefore(a, m.Start)
			c := clauseSpan(sen, m.Start)
			froms := []int{c.Start, sen.Start, max(c.Start, m.Start-17), max(c.Start, m.Start-18)}
			if i > 0 && sm[i-1].End > c.Start && sm[i-1].End <= m.Start {
				froms = append(froms, sm[i-1].End)
			}
			for _, from := range froms {
				if got, want := changeOf(a, from, m.Start, qs), changeOfReference(a, from, m.Start); got != want {
					t.Fatalf("changeOf(%q, %d, %d) = %q, want %q", string(a[sen.Start:sen.End]), from-sen.Start, m.Start-sen.Start, got, want)
				}
				calls++
			}
		}
	})
	if calls < 1000 {
		t.Fatalf("only %d mentions checked", calls)
	}
	rng := rand.New(rand.NewSource(1))
	for _, a := range randomClauses(rng, 30000) {
		from := rng.Intn(len(a) + 1)
		start := from + rng.Intn(len(a)-from+1)
		_, qs := units.QualifierBefore(a, start)
		if got, want := changeOf(a, from, start, qs), changeOfReference(a, from, start); got != want {
			t.Fatalf("changeOf(%q, %d, %d) = %q, want %q", string(a), from, start, got, want)
		}
		s := rng.Intn(len(a) + 1)
		e := s + rng.Intn(3)
		for _, set := range []*lexicon.Set{changeNot, verbNouns, targetNot} {
			if got, want := coveredBy(set, a, s, e), coveredByReference(set, a, s, e); got != want {
				t.Fatalf("coveredBy(%q, %d, %d) = %v, want %v", string(a), s, e, got, want)
			}
		}
	}
}

func TestPassagePeriodMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	for _, a := range randomClauses(rng, 30000) {
		from := rng.Intn(len(a) + 1)
		start := from + rng.Intn(len(a)-from+1)
		for _, passage := range []string{"", "2025", "2021-2025"} {
			for _, change := range []string{"", "increase"} {
				level := rng.Intn(2) == 0
				q, qs := units.QualifierBefore(a, start)
				if got, want := passagePeriod(a, passage, from, start, q, qs, change, level), passagePeriodReference(a, passage, from, start, change, level); got != want {
					t.Fatalf("passagePeriod(%q, %q, %d, %d, %q, %v) = %q, want %q", string(a), passage, from, start, change, level, got, want)
				}
			}
		}
	}
}

// TestCoverGuardRulesOutOnlyUncovered checks each coverGuard against coveredBy: at every
// word of its inner lists in the corpus, in odd sentences and in random clauses, a guard
// that says no cover must find coveredBy false.
func TestCoverGuardRulesOutOnlyUncovered(t *testing.T) {
	texts := []string{
		"稳增长保增长促增长", "新增长点增长极", "城镇新增就业52万人", "增加值增长6%", "人口自然增长率",
		"调出资金出资", "增长", "增加值", "下降趋势下降3%",
	}
	for _, d := range readTestdata(t, "corpus/*.txt") {
		texts = append(texts, string(d))
	}
	rng := rand.New(rand.NewSource(3))
	for _, a := range randomClauses(rng, 20000) {
		texts = append(texts, string(a))
	}
	for _, c := range []struct {
		name  string
		guard *coverGuard
		set   *lexicon.Set
		inner []*lexicon.Set
	}{
		{"changeNot", changeNotGuard, changeNot, []*lexicon.Set{increaseWords, decreaseWords}},
		{"verbNouns", verbNounGuard, verbNouns, []*lexicon.Set{verbsObject}},
	} {
		covered := 0
		for _, s := range texts {
			a := []rune(s)
			for i := range a {
				for _, in := range c.inner {
					for e := i + 1; e <= min(len(a), i+8); e++ {
						if !in.IsWordAt(a, i, e) {
							continue
						}
						if coveredBy(c.set, a, i, e) {
							covered++
							if !c.guard.mayCover(a, i, e) {
								t.Fatalf("%s guard rules out %q in %q, which a word covers", c.name, string(a[i:e]), s)
							}
						}
					}
				}
			}
		}
		if covered < 10 {
			t.Fatalf("%s: only %d covered words met", c.name, covered)
		}
	}
	// A set holding a word of the inner lists covers it with nothing beside it.
	set := lexicon.NewSet("增长")
	if a := []rune("增长"); !coveredBy(set, a, 0, 2) || !newCoverGuard(set, increaseWords).mayCover(a, 0, 2) {
		t.Fatal("a guard rules out a word its set holds")
	}
}
