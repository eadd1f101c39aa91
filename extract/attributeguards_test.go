package extract

import (
	"testing"

	"github.com/policymetrics/policymetrics/extract/doc"
	"github.com/policymetrics/policymetrics/extract/segment"
)

// TestAttributeSentenceGuards: the tests attributeSentence makes before some calls skip
// only calls that would answer nothing. Over every mention of the corpus and of odd
// sentences (lists, brackets, years listed), each guarded call is made anyway where its
// guard fails, and must give the zero answer.
func TestAttributeSentenceGuards(t *testing.T) {
	texts := []string{
		"新增转移支付(127.92亿元)、上年结转（20.41亿元）,增长5%(不含债券)。", "收入100亿元)。", "(3)",
		"博乐市、精河县年平均气温分别为8.8摄氏度、9.1摄氏度。", "城镇、农村居民人均可支配收入分别增长4.3%、5.9%。",
		"2021、2022年分别支持21、44项,2023年支持50项。", "新增8家单项冠军、2家示范企业。", "第一、二、三产业增加值分别增长1%、2%、3%。",
		"市本级一般公共预算支出100亿元,增长3%。", "政府性基金预算:收入100亿元,支出80亿元。", "增长3%", "",
	}
	for _, d := range readTestdata(t, "corpus/*.txt") {
		texts = append(texts, string(d))
	}
	concepts := Options{}.concepts()
	checked := 0
	forSentences(texts, func(a []rune, sen segment.Sentence, sm []mention) {
		exprs, _ := timeExprs(a, sen.Start, sen.End, timeContext{year: 2025, passage: "2025"}, nil)
		var lists listMemo
		where := string(a[sen.Start:sen.End])
		d := &doc.Document{LineStarts: []int{0}} // one line: accountConcept reads back to its start
		d.Text.Runes = a
		for i := range sm {
			m, c := &sm[i], clauseSpan(sen, sm[i].Start)
			if !closedAfter(a, m) {
				if name, from, open := bracketedAfter(nil, a, sm, i, sen.Start); name != "" || from != 0 || open != 0 {
					t.Fatalf("%q: bracketedAfter of %d without a closing bracket: %q", where, i, name)
				}
			}
			if m.listBack == 0 && m.listFwd == 0 {
				if head, place := placeListHead(a, sm, i, i, c, &lists); head != "" || place != "" {
					t.Fatalf("%q: placeListHead of %d in no list: %q %q", where, i, head, place)
				}
			}
			if m.listFwd == 0 {
				names, k, _ := respectiveNames(a, sm, i, c)
				indicators := []string{"", "城镇", text(a, phrase{c.Start, m.Start})}
				if names != nil {
					indicators = append(indicators, text(a, names[k]))
				}
				for _, ind := range indicators {
					if con := respectiveConcept(concepts, a, sm, i, c, ind, &lists); con != "" {
						t.Fatalf("%q: respectiveConcept of %d, the last of its list: %q", where, i, con)
					}
				}
			}
			if i > 0 && m.listBack == 0 && sharesVerbOf(a, &sm[i-1], m) {
				t.Fatalf("%q: sharesVerbOf of %d in no list", where, i)
			}
			for _, ind := range []string{text(a, phrase{c.Start, m.Start}), text(a, phrase{m.End, c.End}), "支出", "收入合计"} {
				if !bareAccountItems.MayStart(ind) && accountConcept(concepts, d, 0, sen.Start, c.Start, m.Start, ind) != "" {
					t.Fatalf("%q: accountConcept of %d named by %q, which bareAccountItems cannot start", where, i, ind)
				}
			}
			for _, level := range []string{"", "市级"} {
				if area := budgetLevel(a, sen.Start, m.Start, "", level, lineLevel{}); area != "" {
					t.Fatalf("%q: budgetLevel of %d with no concept: %q", where, i, area)
				}
			}
			if !hasYearList(exprs) && listIndexAfter(exprs, sm, i) != 0 {
				t.Fatalf("%q: listIndexAfter of %d with no list of years", where, i)
			}
			checked++
		}
		if len(sm) == 1 {
			out := []attrs{{indicator: "第一、二产业增加值", concept: "x"}}
			want := out[0]
			splitPairs(concepts, sm, out)
			splitOrdinals(concepts, sm, out)
			if out[0] != want {
				t.Fatalf("%q: the pairs of one figure split: %+v", where, out[0])
			}
		}
	})
	if checked < 1000 {
		t.Fatalf("only %d mentions checked", checked)
	}
}
