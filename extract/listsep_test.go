package extract

import (
	"math/rand"
	"sort"
	"testing"

	"github.com/policymetrics/policymetrics/extract/segment"
	"github.com/policymetrics/policymetrics/units"
)

// lastListSepPlain is lastListSep as first written: the qualifier asked again, every rune
// of the backward scan through the switch.
func lastListSepPlain(a []rune, from, to int) int {
	e := to
	if _, qs := units.QualifierBefore(a, to); qs >= from {
		e = qs
	}
	if n := listBreaks.SuffixBeforeFrom(a, e, from); n > 0 && a[e-1] != '等' {
		return e - 1
	}
	if e > from && a[e-1] == '等' && e-1 > from && a[e-2] != ')' && a[e-2] != '）' {
		return -1
	}
	depth := 0
	for k := to - 1; k >= from; k-- {
		switch a[k] {
		case ')', '）':
			depth++
		case '(', '（':
			depth--
		case '、':
			if depth <= 0 {
				return k
			}
		}
	}
	return -1
}

// listGroupPlain is listGroup without its early answers: for a figure in no list, and for
// a list the span does not cut.
func listGroupPlain(ms []mention, i int, c segment.Span) (int, int) {
	first, last := max(0, i-ms[i].listBack), min(len(ms)-1, i+ms[i].listFwd)
	first += sort.Search(i-first, func(k int) bool { return ms[first+k].Start >= c.Start })
	last = i + sort.Search(last-i, func(k int) bool { return ms[i+1+k].Start >= c.End })
	return first, last
}

// TestListSepMatchesPlain compares lastListSep and indicatorParts (one qualifier look, a
// range test before the switch) with the plain scan over every stretch before a mention of
// the corpus and odd sentences, from each earlier position of its clause, and over random
// runs of separators, brackets, qualifiers and Han; and listGroup with the plain search.
func TestListSepMatchesPlain(t *testing.T) {
	texts := []string{
		"设立再担保机构、3亿元设立基金,院校与30家企业,债务还本支出、上解上级支出等150.1亿元。",
		"重点企业(项目、基地)约20家,(一、二)近30家、（甲、乙）超过5个,“十四五”、约8%,（下同、）、9个。",
		"诊所、卫生所、医务室1053个;分别给予500万元、100万元、50万元一次性薪酬补贴,5家、6家和7家。",
	}
	for _, d := range readTestdata(t, "corpus/*.txt") {
		texts = append(texts, string(d))
	}
	calls := 0
	check := func(a []rune, from, to int) {
		if got, want := lastListSep(a, from, to), lastListSepPlain(a, from, to); got != want {
			t.Fatalf("lastListSep(%q) = %d, want %d", string(a[from:to]), got, want)
		}
		l, r := indicatorParts(a, from, to, to, len(a))
		wl := phrase{from, to}
		if k := lastListSepPlain(a, from, to); k >= 0 {
			wl.s = k + 1
		}
		if _, qs := units.QualifierBefore(a, to); qs >= from {
			wl.e = qs
		}
		wr := phrase{to, len(a)}
		if _, qe := units.QualifierAfter(a, to); qe <= len(a) {
			wr.s = qe
		}
		if l != wl || r != wr {
			t.Fatalf("indicatorParts(%q) = %v %v, want %v %v", string(a[from:to]), l, r, wl, wr)
		}
		calls++
	}
	forSentences(texts, func(a []rune, sen segment.Sentence, sm []mention) {
		for i := range sm {
			c := clauseSpan(sen, sm[i].Start)
			// Its clause, and stretches that cut its list at either end (listGroup searches
			// only then) or leave the figure out.
			for _, span := range []segment.Span{c, sen.Span, {Start: sm[i].Start, End: sen.End}, {Start: sen.Start, End: sm[i].End},
				{Start: sm[i].End, End: sen.End}, {Start: sen.Start, End: sm[i].Start}} {
				f, l := listGroup(a, sm, i, span)
				if wf, wl := listGroupPlain(sm, i, span); f != wf || l != wl {
					t.Fatalf("listGroup of %q in %q = %d %d, want %d %d", string(a[sm[i].Start:sm[i].End]),
						string(a[span.Start:span.End]), f, l, wf, wl)
				}
			}
			for from := c.Start; from <= sm[i].Start; from++ {
				check(a, from, sm[i].Start)
			}
		}
	})
	alphabet := []rune("、()（）和与及等约近超过以上左右年产值亿元3,，")
	rng := rand.New(rand.NewSource(54))
	for n := 0; n < 20000; n++ {
		a := make([]rune, 1+rng.Intn(14))
		for j := range a {
			a[j] = alphabet[rng.Intn(len(alphabet))]
		}
		to := rng.Intn(len(a) + 1)
		check(a, rng.Intn(to+1), to)
	}
	if calls < 50000 {
		t.Fatalf("only %d stretches checked", calls)
	}
}
