package extract

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"

	"github.com/policymetrics/policymetrics/extract/internal/cjk"
	"github.com/policymetrics/policymetrics/extract/normalize"
	"github.com/policymetrics/policymetrics/extract/textmap"
	"github.com/policymetrics/policymetrics/units"
)

// plainScanMentions is scanMentions as it was before it left out numbers unscanned (bare
// runs, droppedAt's): every number start nextNumberStart stops at is scanned, and the
// scan goes on past a number's run only where runOn says the run goes on.
func plainScanMentions(a []rune) []mention {
	var found []mention
	marks := quoteMarks{title: -1, name: -1}
	for i := 0; i < len(a); {
		if i = nextNumberStart(a, i, len(a), &marks); i == len(a) {
			break
		}
		digit := cjk.IsDigit(a[i])
		if !digit && (!units.NumberStartsAt(a, i) || units.LoneNumeralAt(a, i) && (i+1 == len(a) || a[i+1] != '、')) {
			i++
			continue
		}
		found = append(found, mention{})
		found[len(found)-1].titleNear = quoteWithin(a, marks.title, i, maxTitleSearch)
		found[len(found)-1].nameNear = quoteWithin(a, marks.name, i, maxNameQuote)
		m := &found[len(found)-1].Match
		if !units.ScanInto(a, i, m) {
			found = found[:len(found)-1]
			runEnd := numeralRunEnd(a, i)
			marks.seeIn(a, i+1, runEnd)
			i = runEnd
			continue
		}
		end := m.End
		if runOn(a, i, end) {
			end = max(end, numeralRunEnd(a, i))
		}
		marks.seeIn(a, i+1, end)
		i = end
	}
	return found
}

// runOn reports whether the run of numeral characters at a[i] (numeralRunEnd) may go on
// past end: only if a[end] is of the run's kind.
func runOn(a []rune, i, end int) bool {
	if end >= len(a) {
		return false
	}
	if _, ok := units.ArabicDigit(a[i]); ok {
		_, ok := units.ArabicDigit(a[end])
		return ok || a[end] == '.' || a[end] == ','
	}
	return units.IsChineseNumeral(a[end])
}

// TestScanLeavesOutOnlyDropped: findMentions finds the same mentions as the plain scan
// followed by the same filters, over the corpus's analysis text and random text of
// numeral runs and what may follow them (units, scale words, ranges, qualifiers, list
// marks, quotes, other words); and the scan leaves out unscanned (bareAfter) numbers of
// both scripts, many of them.
func TestScanLeavesOutOnlyDropped(t *testing.T) {
	bare, runs := 0, 0
	check := func(a []rune) {
		t.Helper()
		for i := range a {
			if cjk.IsDigit(a[i]) || units.IsChineseNumeral(a[i]) {
				runs++
				if e := numeralRunEnd(a, i); e == len(a) || bareAfter(a[e]) {
					bare++
				}
			}
		}
		got := findMentions(a, nil, nil)
		want := keepMentions(a, plainScanMentions(a), nil)
		if len(got) == 0 && len(want) == 0 {
			return
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: findMentions\n%+v\nthe plain scan\n%+v", string(a), got, want)
		}
	}
	for _, data := range readTestdata(t, "corpus/*.txt") {
		check(normalize.Normalize(textmap.Identity(cjk.Runes(string(data)))).Runes)
	}
	words := []string{"二十", "十四", "两", "千亿", "五百亿", "3", "2026", "1.2.3", "3.", "1,000", "1,23", "５", "十万零", "二十几",
		"届", "大", "级", "新", "”", "“", "《", "》", "+", "]", "-", "A", "G", "日", "月", "\n", "、", "，", ",", ".", "．", " ",
		"元", "个", "个百分点", "%", "万", "亿", "千瓦", "瓦", "多", "余", "几", "至", "~", "/", "每", "半", "点", "分之", "百分之", "成", "年", "的"}
	rng := rand.New(rand.NewSource(30))
	for range 30000 {
		var b strings.Builder
		for range 1 + rng.Intn(8) {
			b.WriteString(words[rng.Intn(len(words))])
		}
		check([]rune(b.String()))
	}
	if bare < runs/20 {
		t.Errorf("only %d of %d numeral runs left out unscanned: the test text no longer tries the fast path", bare, runs)
	}
}
