package extract

import (
	"slices"
	"testing"

	"github.com/policymetrics/policymetrics/extract/concept"
	"github.com/policymetrics/policymetrics/extract/doc"
	"github.com/policymetrics/policymetrics/extract/segment"
)

// locateSlow is locate as first written: the indicator read again at every place.
func locateSlow(a []rune, from, to int, indicator string) (int, int) {
	n := len([]rune(indicator))
	for s := to - n; s >= from; s-- {
		if string(a[s:s+n]) == string([]rune(indicator)) {
			return s, s + n
		}
	}
	return -1, -1
}

func TestLocateMatchesSlow(t *testing.T) {
	texts := []string{
		"全市地区生产总值增长5.2%，地区生产总值达到1200亿元",
		"",
		"ab\r\ncd\r\nab",
		"\xff\xfe增长\xed\xa0\x80增长",
		"一般公共预算收入一般公共预算收入",
		"𠀋𠀋增长𠀋",
	}
	indicators := []string{
		"地区生产总值", "生产总值", "", "增长", "\xff", "\xed\xa0\x80增长", "ab", "\r\n",
		"一般公共预算收入", "𠀋增长", "收入一般", "不在其中", "增长\xff",
		"这是一个很长很长很长的指标名称超过了六十四个字节的缓冲区所以它要走另一条路径",
	}
	for _, text := range texts {
		a := []rune(text)
		for _, ind := range indicators {
			for from := 0; from <= len(a); from++ {
				for to := from; to <= len(a); to++ {
					s1, e1 := locate(a, from, to, ind)
					s2, e2 := locateSlow(a, from, to, ind)
					if s1 != s2 || e1 != e2 {
						t.Fatalf("locate(%q, %d, %d, %q) = %d, %d; slow: %d, %d", text, from, to, ind, s1, e1, s2, e2)
					}
				}
			}
		}
	}
}

// conceptAndAreaEager is conceptAndArea as first written: the indicator located in its
// clause before any lookup, whether or not what is found is read.
func conceptAndAreaEager(list *concept.List, a []rune, clauseFrom, numStart int, indicator, own string, placed bool) (string, string, error) {
	if indicator == "" {
		return "", "", nil
	}
	indStart, indEnd := -1, -1
	if placed {
		indStart, indEnd = locate(a, clauseFrom, numStart, indicator)
	}
	var after []rune
	if indEnd >= 0 && indEnd <= numStart {
		after = a[indEnd:min(numStart, indEnd+maxAfterRunes)]
	}
	c, place, err := list.MatchPlaceRunes(indicator, after)
	if c == "" {
		return "", "", err
	}
	if place == "" && indStart > clauseFrom {
		place = placeBefore(a, clauseFrom, indStart)
	}
	return c, areaOf(place, own), err
}

// TestConceptAndAreaLazy compares conceptAndArea, which locates the indicator only when a
// pattern or a place needs it, with the eager search, for every figure of the corpus and
// of odd sentences, with names ending before it (经济 of 经济增长, 郑州市 of a place before),
// the last item of a list and names not in the text.
func TestConceptAndAreaLazy(t *testing.T) {
	texts := []string{
		"其中，郑州市实现地区生产总值1200亿元，经济增长6.1%，全省经济同比增长5%。",
		"2.高新区完成一般公共预算收入12亿元，经济总量达到300亿元。",
		"全市经济实际增长5.5%，河南省郑州市经济增速7%，经济增长、社会消费品零售总额增长4%。",
		"经济1%，经2%，济增长3%，\xff经济增长4%。",
	}
	for _, d := range readTestdata(t, "corpus/*.txt") {
		texts = append(texts, string(d))
	}
	list := concept.Default()
	extra := []string{"经济", "经", "地区生产总值", "不在文中的指标", "一般公共预算收入", "郑州市经济", ""}
	calls, found := 0, 0
	for _, s := range texts {
		a := []rune(s)
		ms := findMentions(a, nil, nil)
		for _, sen := range segment.AppendSentenceSpans(nil, a) {
			sen.WithClauses(a)
			for _, m := range ms {
				if m.Start < sen.Start || m.Start >= sen.End {
					continue
				}
				c := clauseSpan(sen, m.Start)
				names := slices.Clone(extra)
				for n := 1; n <= 12 && m.Start-n >= c.Start; n++ {
					names = append(names, string(a[m.Start-n:m.Start]), string(a[m.Start-n:max(m.Start-n+1, m.Start-2)]))
				}
				for _, name := range names {
					for _, placed := range []bool{true, false} {
						c1, a1, err1 := conceptAndArea(list, a, c.Start, m.Start, name, "郑州市", placed)
						c2, a2, err2 := conceptAndAreaEager(list, a, c.Start, m.Start, name, "郑州市", placed)
						if c1 != c2 || a1 != a2 || (err1 == nil) != (err2 == nil) {
							t.Fatalf("conceptAndArea(%q before %q, placed %v) = %q, %q, %v; eager: %q, %q, %v",
								name, string(a[c.Start:m.End]), placed, c1, a1, err1, c2, a2, err2)
						}
						calls++
						if c1 != "" {
							found++
						}
					}
				}
			}
		}
	}
	if calls < 10000 || found < 500 {
		t.Fatalf("only %d names checked, %d with a concept", calls, found)
	}
}

// recordConceptPlain is recordConcept without the inline first tests before subjectMeasure
// and levelConcept.
func recordConceptPlain(d *doc.Document, opts Options, clauseFrom, start int, indicator, subject string) (string, string) {
	a, list := d.Text.Runes, opts.concepts()
	concept, area, err := conceptAndArea(list, a, clauseFrom, start, indicator, d.Area, true)
	if concept == "" && err == nil {
		if whole := subjectMeasure(subject, indicator); whole != "" {
			concept, _, err = conceptAndArea(list, a, clauseFrom, start, whole, d.Area, false)
		}
	}
	if concept == "" && err == nil {
		concept, area = levelConcept(list, indicator)
	}
	return concept, area
}

// TestRecordConceptGuards compares recordConcept with the plain form for every mention of
// the corpus and of odd sentences, named by the words before it in its clause, each
// shorter tail of them, and names of a level or a bare measure, after no subject and after
// subjects that make a bare measure a concept.
func TestRecordConceptGuards(t *testing.T) {
	texts := []string{
		"市本级一般公共预算支出100亿元,增长3%。", "规模以上工业企业实现利润50亿元,增加值增长3%。",
		"民营经济完成增加值2066.56亿元。", "县级一般公共预算收入8亿元。", "增长3%",
	}
	for _, d := range readTestdata(t, "corpus/*.txt") {
		texts = append(texts, string(d))
	}
	opts := Options{}
	checked, named := 0, 0
	forSentences(texts, func(a []rune, sen segment.Sentence, sm []mention) {
		d := &doc.Document{Area: "郑州市"}
		d.Text.Runes = a
		for i := range sm {
			c := clauseSpan(sen, sm[i].Start)
			indicators := []string{"市本级一般公共预算支出", "增加值", "利润", "收入"}
			for s := max(c.Start, sm[i].Start-12); s < sm[i].Start; s++ {
				indicators = append(indicators, string(a[s:sm[i].Start]))
			}
			for _, ind := range indicators {
				for _, subject := range []string{"", "规模以上工业企业", "民营经济", "地区生产总值"} {
					con, area := recordConcept(d, opts.concepts(), opts.Warn, c.Start, sm[i].Start, ind, subject)
					wcon, warea := recordConceptPlain(d, opts, c.Start, sm[i].Start, ind, subject)
					if con != wcon || area != warea {
						t.Fatalf("recordConcept(%q after %q) = %q, %q, want %q, %q", ind, subject, con, area, wcon, warea)
					}
					checked++
					if con != "" {
						named++
					}
				}
			}
		}
	})
	if checked < 10000 || named < 1000 {
		t.Fatalf("only %d names checked, %d with a concept", checked, named)
	}
}
