package extract

import (
	"github.com/policymetrics/policymetrics/extract/doc"
	"github.com/policymetrics/policymetrics/extract/internal/cjk"
	"github.com/policymetrics/policymetrics/extract/segment"
	"math/rand"
	"reflect"
	"slices"
	"testing"
)

// timeExprsReference is timeExprs without its filters: relativeAt, a plan name and a year
// are tried at every rune. The filters must only save calls, never change what is found.
func timeExprsReference(a []rune, from, to int, tc timeContext) []timeExpr {
	var out []timeExpr
	for i := from; i < to; i++ {
		if te, ok := relativeAt(a, i, to, tc); ok {
			if !(yearPart.PrefixAt(a, i) > 0 && hasStated(out)) && priceBaseAfter.PrefixAt(a, te.end) == 0 {
				out = append(out, te)
			}
			i = te.end - 1
			continue
		}
		if i+3 < to && doc.IsPlanName(a, i) {
			if te, ok := planPeriod(a, i, to); ok {
				te.baseline = isBaseline(a, i)
				out = append(out, te)
				i = te.end - 1
			}
			continue
		}
		y, n := cjk.YearAt(a, i)
		if n == 0 {
			continue
		}
		te, ok := yearExpr(a, i, to, y, n)
		if !ok {
			i += n - 1
			continue
		}
		if inQuotes(a, i, te.end, titleQuotes, 0) {
			i = te.end - 1
			continue
		}
		te.baseline = isBaseline(a, i) && !isRangeFrom(a, i, te) || priceBaseAfter.PrefixAt(a, te.end) > 0 || yearNameAfter.PrefixAt(a, te.end) > 0 || insideFrame(a, from, i)
		out = append(out, te)
		i = te.end - 1
	}
	return out
}

// TestTimeExprsCorpus: timeExprs finds what timeExprsReference finds in every sentence of
// the test documents, where most digits and numerals start numbers, not times
// (nextTimeOrGoalStart passes over those).
func TestTimeExprsCorpus(t *testing.T) {
	tcs := []timeContext{{year: 2026}, {year: 2026, passage: "2025"}, {year: 2026, passage: "2021-2025"}}
	for name, d := range readTestdata(t, "corpus/*.txt") {
		a := []rune(string(d))
		for _, sen := range segment.AppendSentenceSpans(nil, a) {
			for _, tc := range tcs {
				got, goals := timeExprs(a, sen.Start, sen.End, tc, nil)
				if want := timeExprsReference(a, sen.Start, sen.End, tc); !reflect.DeepEqual(got, want) {
					t.Fatalf("%s: timeExprs(%q, %+v) = %+v, want %+v", name, string(a[sen.Start:sen.End]), tc, got, want)
				}
				if want := goalStarts(a, sen.Start, sen.End); !slices.Equal(goals, want) {
					t.Fatalf("%s: timeExprs(%q) noted goal starts %v, want %v", name, string(a[sen.Start:sen.End]), goals, want)
				}
			}
		}
	}
}

func TestTimeExprsMatchesReference(t *testing.T) {
	fixed := []string{
		"2025年全年交通事故死亡人数293人、较去年减少27.1%。",
		"过去五年,近5年累计完成投资12.5亿元,五年增长30.8%,近3年提升21个百分点,十二年来增长2倍。",
		"“十三五”期间,十四五以来,2021、2022年分别新增8万、9万个,2014-2016年,2017年到2020年。",
		"12月份,1-9月,11月底,2021年10月底,2021年十月,上半年,前三季度,第一季度,目前,截至目前。",
		"PM2.5年均浓度下降3%,PM10年累计平均浓度60.63,连续5年增长,5年内完成,二十年增长。",
		"上年结余0.5亿元,上年不变价增长5%,本年度收入12亿元,明年预计增长6%,今年以来新增3家。",
		"较2020年下降13.5%,从2017年到2020年,从2020年的82.4岁,剔除2024年增发国债因素后增长4.9%。",
		"近十二年增长3倍,近二十年累计增长,最近十二年来提升2个百分点。",
		"力争到2025年新增5家,预计2026年增长3%,计划将到2030年达到,目标是2027年底前完成。",
		"到2020年到2021、2022年到“十四五”期间力争上年到,将近5年预计。",
		"", "2", "2025", "十", "近", "5年", "12月", "\r\n2025年\r\n近5年增长\r\n",
		"a\uFFFD2025年\uFFFD近\uFFFD5年增长",
	}
	alphabet := []rune("0123456789力争预计将目标年月份末底来增长提升累计近过去最五十二两一三全上下本今去前第季度目现在“”《》()、-至到从较比的,。;\n\r\uFFFDa.")
	contexts := []timeContext{{}, {year: 2026}, {year: 2026, passage: "2025"}, {year: 2026, passage: "2021-2025"}, {year: 2025, passage: "2026-2030"}}
	check := func(a []rune, from, to int) {
		t.Helper()
		for _, tc := range contexts {
			got, goals := timeExprs(a, from, to, tc, []int{-1})
			if want := timeExprsReference(a, from, to, tc); !reflect.DeepEqual(got, want) {
				t.Fatalf("timeExprs(%q, %d, %d, %+v) = %+v, want %+v", string(a), from, to, tc, got, want)
			}
			// The goal words' starts, noted over runes the scan reads or jumps past.
			if want := goalStarts(a, from, to); !slices.Equal(goals, want) {
				t.Fatalf("timeExprs(%q, %d, %d, %+v) noted goal starts %v, want %v", string(a), from, to, tc, goals, want)
			}
		}
	}
	for _, s := range fixed {
		a := []rune(s)
		check(a, 0, len(a))
		if len(a) > 4 {
			check(a, 2, len(a)-2) // a sentence inside a longer text: words may reach past its end
		}
	}
	oddRunes := []rune{0xD800, 0xDFFF, -1, 0x110000, 0x1F600}
	rng := rand.New(rand.NewSource(1))
	for range 30000 {
		a := make([]rune, 1+rng.Intn(30))
		for k := range a {
			if rng.Intn(50) == 0 {
				a[k] = oddRunes[rng.Intn(len(oddRunes))]
			} else {
				a[k] = alphabet[rng.Intn(len(alphabet))]
			}
		}
		from := rng.Intn(len(a))
		to := from + rng.Intn(len(a)-from+1)
		check(a, from, to)
	}
}

// nextTimeOrGoalStartPlain is nextTimeOrGoalStart with the word lists asked at every
// rune, as first written, before timeStops.
func nextTimeOrGoalStartPlain(a []rune, i, to int) int {
	for j := i; j < to; j++ {
		r := a[j]
		if !timeOrGoalFirst.Has(r) {
			continue
		}
		if cjk.IsDigit(r) && j > 0 && cjk.IsDigit(a[j-1]) && !listStarts.Has(r) && !targetStarts.Has(r) {
			continue
		}
		if mayReadAt(a, j, to) {
			return j
		}
	}
	return to
}

// nextTimeOrGoalStartNoting is nextTimeOrGoalStartPlain that notes in goals, and passes
// over, the stops at a goal word's rune that starts no time (timeExprs reads nothing more
// there: timeMayStart).
func nextTimeOrGoalStartNoting(a []rune, i, to int, goals []int) (int, []int) {
	for {
		j := nextTimeOrGoalStartPlain(a, i, to)
		if j == to || !targetStarts.Has(a[j]) || timeMayStart(a, j) {
			return j, goals
		}
		goals, i = append(goals, j), j+1
	}
}

// TestNextTimeOrGoalStartMatchesPlain: the table gives what the word lists give, from
// every rune of the corpus sentences and of random text of the lists' first runes.
func TestNextTimeOrGoalStartMatchesPlain(t *testing.T) {
	check := func(a []rune, from, to int) {
		t.Helper()
		for i := from; i < to; i++ {
			gotGoals := []int{-1}
			got := nextTimeOrGoalStart(a, i, to, &gotGoals)
			want, wantGoals := nextTimeOrGoalStartNoting(a, i, to, []int{-1})
			if got != want || !slices.Equal(gotGoals, wantGoals) {
				t.Fatalf("nextTimeOrGoalStart in %q from %d = %d, goals %v, want %d, %v (offsets in it)", string(a[from:to]), i-from, got-from, gotGoals, want-from, wantGoals)
			}
		}
	}
	for _, d := range readTestdata(t, "corpus/*.txt") {
		a := []rune(string(d))
		for _, sen := range segment.AppendSentenceSpans(nil, a) {
			check(a, sen.Start, sen.End)
		}
	}
	alphabet := []rune("0123456789十一二两三四五六七八九到力争预计目标确保年月份全上下本今去近过第季度、.,的增长\n")
	oddRunes := []rune{0xD800, -1, 0x110000, 0x1F600, 0x10000 + '1', 0x10000 + '十', 0x10000 + '年', 0x10000 + '力'}
	rng := rand.New(rand.NewSource(2))
	for range 20000 {
		a := make([]rune, 1+rng.Intn(20))
		for k := range a {
			if rng.Intn(30) == 0 {
				a[k] = oddRunes[rng.Intn(len(oddRunes))]
			} else {
				a[k] = alphabet[rng.Intn(len(alphabet))]
			}
		}
		from := rng.Intn(len(a))
		check(a, from, from+rng.Intn(len(a)-from+1))
	}
}

// mayReadAt is false at a rune of timeOrGoalFirst where timeExprs would read nothing: no goal
// word starts there (targetStarts), no year (1/2 and three more digits), no plan name (十),
// no count of years or month (yearOrMonthSoon; at a digit, countAt: one or two digits and
// 年 or 月, as spanBack and monthAt read them), and no relative word by its first two runes
// (listOpenings; none starts with a digit).
func mayReadAt(a []rune, i, to int) bool {
	r := a[i]
	if cjk.IsDigit(r) && !targetStarts.Has(r) {
		return cjk.MayStartYear(r) && i+3 < len(a) && cjk.IsDigit(a[i+3]) || countAt(a, i, to)
	}
	return targetStarts.Has(r) || r == '十' || yearOrMonthSoon(a, i, to) || listOpenings.mayStartAt(a, i)
}

// insideFrame reports a year in what a figure is stated without (剔除2024年增发国债一次性
// 因素后,增长4.9%): the year of what is left out, not the figure's. The plain reading of
// the sentence from its start, which frameMemo's openerBefore.inside answers in one pass.
func insideFrame(a []rune, from, i int) bool {
	k, n := frameOpeners.LastIndexIn(a, from, i)
	return k >= 0 && cjk.IndexRune(a, k+n, i, '后', '外', ',', '，') < 0
}
