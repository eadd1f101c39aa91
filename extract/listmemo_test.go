package extract

import (
	"reflect"
	"testing"

	"github.com/policymetrics/policymetrics/extract/segment"
)

// TestListMemoMatchesRespectiveNames asks the per-sentence list memo for the names of every
// mention of the corpus and of odd sentences, in text order and again backwards, and
// compares each answer with respectiveNames read afresh.
func TestListMemoMatchesRespectiveNames(t *testing.T) {
	texts := []string{
		"战略性新兴产业、高新技术产业增加值分别增长10%、7.9%。",
		"城镇和农村居民人均可支配收入分别增长4.3%、5.9%,分别从771家、481家增加到1076家、636家。",
		"第一、二、三产业对经济增长的贡献率分别为3.1%、40.2%、56.7%。",
		"海工装备、生物医药、新材料产业集群实现快速增长,同比增速分别为20.2%、13.7%、8.6%。",
		"国内游客人次、总花费增长5.6%、7.5%;每千人床位数、执业医师数增至7.83张、3.57个。",
		"博乐市、精河县、阿拉山口市年平均气温分别为8.8摄氏度、9.1摄氏度、7.5摄氏度。",
		"食品、石化、医药、信息等产业增加值分别增长3%、4%,游客17.52亿人次、花费1.27万亿元,分别增长32.9%、41.6%。",
		"分别增长1%、2%、3%;甲、乙分别为4%、5%,丙分别为6%、7%。",
	}
	for _, d := range readTestdata(t, "corpus/*.txt") {
		texts = append(texts, string(d))
	}
	calls := 0
	forSentences(texts, func(a []rune, sen segment.Sentence, sm []mention) {
		var lists listMemo
		check := func(i int) {
			c := clauseSpan(sen, sm[i].Start)
			names, n, whole := lists.names(a, sm, i, c)
			wantNames, wantN, wantWhole := respectiveNames(a, sm, i, c)
			if !reflect.DeepEqual(names, wantNames) || n != wantN || whole != wantWhole {
				t.Fatalf("names of %q in %q = %v %d %v, want %v %d %v", string(a[sm[i].Start:sm[i].End]),
					string(a[sen.Start:sen.End]), names, n, whole, wantNames, wantN, wantWhole)
			}
			calls++
		}
		for i := range sm {
			check(i)
			check(i)
		}
		for i := len(sm) - 1; i >= 0; i-- {
			check(i)
		}
		// As attributeSentence asks: the figure's group read first (at), for a list's figures.
		for i := range sm {
			c := clauseSpan(sen, sm[i].Start)
			if sm[i].listBack > 0 || sm[i].listFwd > 0 {
				lists.at(a, sm, i, c)
			}
			check(i)
		}
	})
	if calls < 1000 {
		t.Fatalf("only %d mentions checked", calls)
	}
}

// TestListFigureMatchesListGroup checks the list group attributeSentence reads once per
// figure (listMemo.at) against listGroup for every mention of the corpus and of odd
// sentences, in its clause and in the whole sentence; that names, after at was read for
// the figure, for the one before or for none, gives what a fresh memo gives; and that
// pairedItem and placeListHead, handed that group, answer as with listGroup's.
func TestListFigureMatchesListGroup(t *testing.T) {
	texts := []string{
		"食品、石化、医药、信息等产业增加值分别增长3%、4%,游客17.52亿人次、花费1.27万亿元,分别增长32.9%、41.6%。",
		"5家、6家和7家;8家、9家,10家、11家。分别增长1%、2%、3%;甲、乙分别为4%、5%,丙分别为6%、7%。",
		"博乐市、精河县、阿拉山口市年平均气温分别为8.8摄氏度、9.1摄氏度、7.5摄氏度。",
	}
	for _, d := range readTestdata(t, "corpus/*.txt") {
		texts = append(texts, string(d))
	}
	checked, inList := 0, 0
	forSentences(texts, func(a []rune, sen segment.Sentence, sm []mention) {
		var lists listMemo
		for i := range sm {
			c := clauseSpan(sen, sm[i].Start)
			for _, span := range []segment.Span{c, sen.Span} {
				for _, at := range []int{-1, i - 1, i} {
					if at >= 0 {
						atC := clauseSpan(sen, sm[at].Start)
						if f, l := lists.at(a, sm, at, atC); at == i && span == atC {
							if wf, wl := listGroup(a, sm, i, span); f != wf || l != wl {
								t.Fatalf("group of %q in %q = %d %d, want %d %d", string(a[sm[i].Start:sm[i].End]),
									string(a[span.Start:span.End]), f, l, wf, wl)
							}
						}
					}
					var fresh listMemo
					names, k, whole := lists.names(a, sm, i, span)
					if wn, wk, ww := fresh.names(a, sm, i, span); !reflect.DeepEqual(names, wn) || k != wk || whole != ww {
						t.Fatalf("names of %q in %q = %v %d %v, want %v %d %v", string(a[sm[i].Start:sm[i].End]),
							string(a[span.Start:span.End]), names, k, whole, wn, wk, ww)
					}
					checked++
				}
			}
			if sm[i].listBack == 0 && sm[i].listFwd == 0 {
				continue
			}
			inList++
			first, last := lists.at(a, sm, i, c)
			var fresh listMemo
			wf, wl := listGroup(a, sm, i, c)
			if got, want := pairedItem(a, sen, sm, i, first, last, c), pairedItem(a, sen, sm, i, wf, wl, c); got != want {
				t.Fatalf("pairedItem of %q = %d, want %d", string(a[sm[i].Start:sm[i].End]), got, want)
			}
			h, p := placeListHead(a, sm, i, first, c, &lists)
			if wh, wp := placeListHead(a, sm, i, wf, c, &fresh); h != wh || p != wp {
				t.Fatalf("placeListHead of %q = %q %q, want %q %q", string(a[sm[i].Start:sm[i].End]), h, p, wh, wp)
			}
		}
	})
	if checked < 1000 || inList < 100 {
		t.Fatalf("only %d figures checked, %d in lists", checked, inList)
	}
}
