package extract

import (
	"reflect"
	"slices"
	"testing"

	"github.com/policymetrics/policymetrics/extract/doc"
	"github.com/policymetrics/policymetrics/extract/internal/cjk"
	"github.com/policymetrics/policymetrics/extract/segment"
	"github.com/policymetrics/policymetrics/extract/textmap"
)

// attributeReference is attribute's loop as first written: every sentence is visited and
// asked for its mentions.
func attributeReference(d *doc.Document, sentences []segment.Sentence, ms []mention, opts Options) []attrs {
	out := make([]attrs, len(ms))
	k := 0
	var goals []int
	for si := range sentences {
		sen := &sentences[si]
		for k < len(ms) && ms[k].Start < sen.Start {
			k++
		}
		first := k
		for k < len(ms) && ms[k].Start < sen.End {
			k++
		}
		if first < k {
			sen.WithClauses(d.Text.Runes)
			goals = attributeSentence(d, *sen, nil, d.LineOf(sen.Start), ms[first:k], out[first:k], opts, goals[:0])
		}
	}
	return out
}

// TestAttributeMatchesReference: passing over the sentences that end before the next
// mention, and cutting the names from the sentences' strings (one sentenceTexts reused
// from document to document, as a worker's), fills the same fields as visiting each and
// encoding each name, over the test documents with all their sentences and with some left
// out (as ownSentences leaves out those of other chunks).
func TestAttributeMatchesReference(t *testing.T) {
	var texts sentenceTexts
	for name, data := range readTestdata(t, "*/*.txt") {
		d, err := Build(name, data, Options{})
		if err != nil {
			t.Fatal(err)
		}
		a := d.Text.Runes
		all := segment.AppendSentenceSpans(nil, a)
		ms := findMentions(a, nil, nil)
		subsets := map[string][]segment.Sentence{"all": all, "none": nil}
		var odd, firstHalf []segment.Sentence
		for k, sen := range all {
			if k%3 != 1 {
				odd = append(odd, sen)
			}
			if k < len(all)/2 {
				firstHalf = append(firstHalf, sen)
			}
		}
		subsets["two in three"], subsets["first half"] = odd, firstHalf
		if len(all) > 2 {
			subsets["middle"] = all[1 : len(all)-1]
		}
		for subset, sentences := range subsets {
			got := attribute(d, slices.Clone(sentences), ms, Options{}, nil, nil, nil, &texts)
			want := attributeReference(d, slices.Clone(sentences), ms, Options{})
			if !reflect.DeepEqual(got, want) {
				for k := range got {
					if got[k] != want[k] {
						t.Fatalf("%s (%s sentences): mention %d %q: %+v, want %+v", name, subset, k, string(a[ms[k].Start:ms[k].End]), got[k], want[k])
					}
				}
				t.Fatalf("%s (%s sentences): %d fields, want %d", name, subset, len(got), len(want))
			}
		}
	}
}

// sharesVerbOfReference is sharesVerbOf as first written: it asks inListWith itself.
func sharesVerbOfReference(a []rune, prev, m *mention) bool {
	if !inListWith(a, prev, m) {
		return false
	}
	k := lastListSep(a, prev.End, m.Start)
	if k < 0 {
		return false
	}
	if c, _ := comparison.IndexIn(a, k+1, m.Start); c >= 0 {
		return false
	}
	if cjk.IndexRune(a, k+1, m.Start, '占') >= 0 {
		return false
	}
	if v, _ := verbsObject.IndexIn(a, k+1, m.Start); v >= 0 {
		return false
	}
	if v, n := verbsPredicate.IndexIn(a, k+1, m.Start); v >= 0 && !coveredBy(verbNouns, a, v, v+n) {
		return false
	}
	return true
}

// TestSharesVerbOfMatchesReference: the list link findMentions notes (listBack) is the one
// inListWith finds, for every pair of neighbouring mentions of the test documents and of
// lists written on purpose (qualifiers, conjunctions, breaks between the items).
func TestSharesVerbOfMatchesReference(t *testing.T) {
	texts := []string{
		"新增8家单项冠军、2家示范企业。", "分别达24.1%和50.2%。", "4%左右和6%左右。", "约4%和约6%,约8%与超过9%。",
		"21、44项", "新增国家级孵化器8家、省级孵化器20家、入驻企业300家。", "增长7.6%、高于全国1.7个百分点。",
		"产量增长39%、占全国9成。", "5家、6家和7家;8家,9家。", "投资5亿元以及约3亿元或不到2亿元。", "1、2、3", "",
	}
	for _, data := range readTestdata(t, "*/*.txt") {
		texts = append(texts, string(data))
	}
	for _, s := range texts {
		a := analysisText(textmap.Identity([]rune(s))).Runes
		ms := findMentions(a, nil, nil)
		for k := 1; k < len(ms); k++ {
			if got, want := sharesVerbOf(a, &ms[k-1], &ms[k]), sharesVerbOfReference(a, &ms[k-1], &ms[k]); got != want {
				t.Fatalf("sharesVerbOf(%q, %q) = %v, want %v", string(a[ms[k-1].Start:ms[k-1].End]), string(a[ms[k].Start:ms[k].End]), got, want)
			}
		}
	}
}

// TestCursorsMatchSearches: the clause cursor finds the clause clauseSpan finds for every
// mention of the test documents and every offset of each sentence, read in order; the line
// cursor the line LineOf finds for every sentence start, read in order and out of it.
func TestCursorsMatchSearches(t *testing.T) {
	for name, data := range readTestdata(t, "*/*.txt") {
		d, err := Build(name, data, Options{})
		if err != nil {
			t.Fatal(err)
		}
		a := d.Text.Runes
		ms := findMentions(a, nil, nil)
		k := 0
		var lines, back lineCursor
		sentences := segment.AppendSentenceSpans(nil, a)
		for si, sen := range sentences {
			if got, want := lines.of(d, sen.Start), d.LineOf(sen.Start); got != want {
				t.Fatalf("%s: sentence at %d: line %d, want %d", name, sen.Start, got, want)
			}
			if at := sentences[len(sentences)-1-si].End; back.of(d, at) != d.LineOf(at) {
				t.Fatalf("%s: read backwards, offset %d: line %d, want %d", name, at, back.of(d, at), d.LineOf(at))
			}
			sen.WithClauses(a)
			var byMention, byOffset clauseCursor
			for ; k < len(ms) && ms[k].Start < sen.End; k++ {
				if got, want := byMention.of(sen, ms[k].Start), clauseSpan(sen, ms[k].Start); got != want {
					t.Fatalf("%s: mention at %d: clause %v, want %v", name, ms[k].Start, got, want)
				}
			}
			for i := sen.Start - 1; i <= sen.End; i++ {
				if got, want := byOffset.of(sen, i), clauseSpan(sen, i); got != want {
					t.Fatalf("%s: offset %d of sentence %v: clause %v, want %v", name, i, sen.Span, got, want)
				}
			}
		}
	}
}
