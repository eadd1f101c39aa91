package extract

import (
	"math/rand"
	"reflect"
	"testing"

	"github.com/policymetrics/policymetrics/extract/internal/cjk"
	"github.com/policymetrics/policymetrics/extract/segment"
	"github.com/policymetrics/policymetrics/units"
)

// targetScopeReference is targetScope looking for a goal word at every rune of the
// sentence: its shorter scan must mark the same mentions.
func targetScopeReference(a []rune, sen segment.Sentence, ms []mention, docYear int) []bool {
	out := make([]bool, len(ms))
	for t := sen.Start; t < sen.End; t++ {
		n := targetWordAt(a, t, sen.End, docYear)
		if n == 0 {
			continue
		}
		first := -1
		for k := range ms {
			if ms[k].Start >= t+n {
				first = k
				break
			}
		}
		if first < 0 {
			break
		}
		tc := clauseSpan(sen, t)
		if ms[first].Start >= tc.End && !introClause(a, t+n, tc.End) {
			t += n - 1
			continue
		}
		scopeEnd := clauseSpan(sen, ms[first].Start).End
		if k := cjk.IndexRune(a, t+n, ms[first].Start, ':', '：'); k >= 0 {
			scopeEnd = sen.End
		} else if forecastWords.PrefixAt(a, t) > 0 {
			scopeEnd = forecastEnd(a, sen, ms, scopeEnd)
		}
		for k := first; k < len(ms) && ms[k].Start < scopeEnd; k++ {
			out[k] = true
		}
		t += n - 1
	}
	return out
}

func TestTargetScopeMatchesReference(t *testing.T) {
	fixed := []string{
		"力争到2025年,全市地区生产总值达到5000亿元,年均增长6%。",
		"预计全年完成207亿元左右,同比增长3.2%左右;支出141.8亿元。",
		"主要预期目标是：地区生产总值增长5.5%左右,城镇新增就业1.2万人。",
		"营养改善计划提质扩面,新增受益学生3万人,三年行动计划完成80%。",
		"将8个公司运营的基金整合为2个,计划投资12亿元,到2020年建成3个园区。",
		"完成投资12亿元,力争", "", "\r\n目标:\r\n新增5家\r\n",
	}
	alphabet := []rune("力争到年预计划目标将要拟确保是为:：,，;；。、的和2025万亿元新增增长\r\n\uFFFD")
	rng := rand.New(rand.NewSource(1))
	check := func(a []rune, start, end int, ms []mention) {
		t.Helper()
		sen := segment.Sentence{Span: segment.Span{Start: start, End: end}}
		sen.WithClauses(a)
		for _, year := range []int{0, 2021, 2026} {
			if got, want := targetScope(a, sen, ms, year, goalStarts(a, start, end)), targetScopeReference(a, sen, ms, year); !reflect.DeepEqual(got, want) {
				t.Fatalf("targetScope(%q, %d-%d, %v, %d) = %v, want %v", string(a), start, end, ms, year, got, want)
			}
		}
	}
	// mentionsIn places mentions at the digit runs of a[start:end], as findMentions would.
	mentionsIn := func(a []rune, start, end int) []mention {
		var ms []mention
		for k := start; k < end; k++ {
			if a[k] >= '0' && a[k] <= '9' && (k == start || a[k-1] < '0' || a[k-1] > '9') {
				e := k
				for e < end && a[e] >= '0' && a[e] <= '9' {
					e++
				}
				ms = append(ms, mention{Match: units.Match{Start: k, End: e}})
			}
		}
		return ms
	}
	for _, s := range fixed {
		a := []rune(s)
		check(a, 0, len(a), mentionsIn(a, 0, len(a)))
	}
	odd := []rune{0xD800, -1, 0x110000}
	for range 20000 {
		a := make([]rune, 1+rng.Intn(40))
		for k := range a {
			if rng.Intn(60) == 0 {
				a[k] = odd[rng.Intn(len(odd))]
			} else {
				a[k] = alphabet[rng.Intn(len(alphabet))]
			}
		}
		start := rng.Intn(len(a))
		end := start + rng.Intn(len(a)-start+1)
		check(a, start, end, mentionsIn(a, start, end))
	}
}

// goalStarts are the k in [from, to) where a goal word may start (a rune of targetStarts):
// what timeExprs notes as it reads a sentence's times, found by a plain scan.
func goalStarts(a []rune, from, to int) []int {
	var out []int
	for k := from; k < to; k++ {
		if targetStarts.Has(a[k]) {
			out = append(out, k)
		}
	}
	return out
}
