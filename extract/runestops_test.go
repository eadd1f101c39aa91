package extract

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/policymetrics/policymetrics/extract/internal/cjk"
)

// endOfItemPlain is endOfItem as first written: every rune through every rule.
func endOfItemPlain(a []rune, p phrase, noun bool) phrase {
	for i := p.s; i < p.e; i++ {
		r := a[i]
		if r == '(' || r == '（' {
			if j := matchingClose(a, i, p.e); j > 0 && j+1 < p.e && cjk.IsHan(a[j+1]) && listBreaks.PrefixAt(a, j+1) == 0 {
				i = j
				continue
			}
			return trimPhrase(a, phrase{p.s, i})
		}
		if r == '“' {
			if j := cjk.IndexRune(a, i+1, p.e, '”'); j > 0 {
				i = j
				continue
			}
		}
		if i == p.s {
			continue
		}
		if isPunctBreak(r) || isEtcAt(a, i) {
			return trimPhrase(a, phrase{p.s, i})
		}
		if n := listBreaks.PrefixAt(a, i); n > 0 && nextIsNumber(a, i+n) {
			return trimPhrase(a, phrase{p.s, i})
		}
		if !noun {
			continue
		}
		if r == '在' && i > p.s+1 && indicatorKeep.PrefixAt(a, i) == 0 && !strings.ContainsRune("所存现实正自旨潜内外好不", a[i-1]) {
			return trimPhrase(a, phrase{p.s, i})
		}
		if honourVerbs.PrefixAt(a, i) > 0 {
			return trimPhrase(a, cutAtPunct(a, p))
		}
		if n := adverbs.PrefixAt(a, i); n > 0 && honourVerbs.PrefixAt(a, i+n) > 0 {
			return trimPhrase(a, cutAtPunct(a, p))
		}
		if verbsPredicate.PrefixAt(a, i) > 0 || adverbs.PrefixAt(a, i) > 0 {
			return trimPhrase(a, phrase{p.s, i})
		}
	}
	return trimPhrase(a, p)
}

// TestRuneStopsMatchPlain compares trimPhrase, which returns most phrases after a look at
// their two ends, with trimEnds, its rules asked in full, and endOfItem, which passes over
// the runes no rule reads, with endOfItemPlain: over the stretches of the corpus and odd
// sentences between each pair of nearby positions, and over random text.
func TestRuneStopsMatchPlain(t *testing.T) {
	for r := rune(0); r < 0x10000; r++ {
		if isPunctBreak(r) && !itemStops.Has(r) {
			t.Fatalf("itemStops lacks the break %q", r)
		}
		if (isTrimmable(r) || cjk.MayStartYear(r) || mayOpenItemNumber(r)) && !trimStarts.Has(r) {
			t.Fatalf("trimStarts lacks %q", r)
		}
	}
	texts := []string{
		"(一)全市2016年每家企业达到3家,①重点企业(项目)服务专责小组[10]、“链金合作”金融机构等。",
		"18家院校与30家企业,5件作品在全省评选中获奖,9家单位成功入围,8家企业入选“中国互联网企业100强”。",
		"46.全市　（下同）每千人口执业医师,2021年10月底累计，其中：年末、 约 ［2］ 。",
	}
	for _, d := range readTestdata(t, "corpus/*.txt") {
		texts = append(texts, string(d))
	}
	calls := 0
	check := func(a []rune, p phrase) {
		if got, want := trimPhrase(a, p), trimEnds(a, p); got != want {
			t.Fatalf("trimPhrase(%q) = %v, want %v", string(a[p.s:p.e]), got, want)
		}
		for _, noun := range []bool{false, true} {
			if got, want := endOfItem(a, p, noun), endOfItemPlain(a, p, noun); got != want {
				t.Fatalf("endOfItem(%q, %v) = %v, want %v", string(a[p.s:p.e]), noun, got, want)
			}
		}
		calls++
	}
	for _, s := range texts {
		a := []rune(s)
		for i := 0; i < len(a); i += 4 {
			for e := i; e <= min(len(a), i+16); e++ {
				check(a, phrase{i, e})
			}
		}
	}
	alphabet := []rune("(（)）“”、,，。:[]［］1202每全市年月底等在所获入选成功为的企业项目 　\u2002-—/")
	rng := rand.New(rand.NewSource(54))
	for n := 0; n < 50000; n++ {
		a := make([]rune, 1+rng.Intn(12))
		for j := range a {
			a[j] = alphabet[rng.Intn(len(alphabet))]
		}
		s := rng.Intn(len(a) + 1)
		check(a, phrase{s, s + rng.Intn(len(a)-s+1)})
	}
	if calls < 100000 {
		t.Fatalf("only %d phrases checked", calls)
	}
}
