package extract

import (
	"slices"
	"testing"

	"github.com/policymetrics/policymetrics/extract/segment"
)

// TestSentenceTextCuts: every phrase of a sentence that holds a mention, cut from the
// sentence's string, is the phrase encoded alone (text), and so is a phrase reaching out
// of the sentence, encoded; each sentence's string is the sentence encoded. Over the
// corpus and sentences of odd runes: two- and four-byte ones, and runes that are not
// valid (a surrogate, one past utf8.MaxRune, one below zero), which encode as U+FFFD.
func TestSentenceTextCuts(t *testing.T) {
	texts := []string{
		"café增长5%,𠀀𠀁达到3亿元。",
		"ñ收入1009亿元加上转移支付收入395.61亿元。\n第二句增长7%,😀。",
		"ASCII only: 12 people, 5% growth. 第三句100万元",
	}
	for _, d := range readTestdata(t, "corpus/*.txt") {
		texts = append(texts, string(d))
	}
	odd := []rune("无效字符增长5%,达到3亿元。")
	odd[1], odd[2], odd[3] = 0xD800, 0x110000, -1
	docs := [][]rune{odd}
	for _, s := range texts {
		docs = append(docs, []rune(s))
	}
	var st sentenceTexts // reused from text to text, as a worker's
	phrases, sentences := 0, 0
	for _, a := range docs {
		all := segment.AppendSentenceSpans(nil, a)
		ms := findMentions(a, nil, nil)
		st.encode(a, all, ms, nil)
		k := 0
		for _, sen := range all {
			for k < len(ms) && ms[k].Start < sen.Start {
				k++
			}
			holds := k < len(ms) && ms[k].Start < sen.End
			s, ok := st.sentence(sen.Span)
			if ok != holds {
				t.Fatalf("sentence %q encoded: %v, holds a mention: %v", string(a[sen.Start:sen.End]), ok, holds)
			}
			if !ok {
				continue
			}
			if want := text(a, phrase{sen.Start, sen.End}); s != want {
				t.Fatalf("sentence %q, want %q", s, want)
			}
			sentences++
			cut := st.of(sen.Span)
			from, to := max(0, sen.Start-2), min(len(a), sen.End+2) // a little out of it too
			for i := from; i <= to; i++ {
				for j := i - 1; j <= min(to, i+40); j++ {
					p := phrase{i, j}
					if got, want := cut.text(a, p), text(a, p); got != want {
						t.Fatalf("phrase %v of sentence %v: %q, want %q", p, sen.Span, got, want)
					}
					phrases++
				}
			}
		}
	}
	if sentences < 100 || phrases < 100000 {
		t.Fatalf("only %d sentences, %d phrases checked", sentences, phrases)
	}
}

// TestEncodeClauses: the clauses encode splits, reading only the runes it noted as it
// encoded each sentence, are those segment.Sentences finds reading every rune, over the
// corpus and odd text (two- and four-byte runes, fullwidth separators and brackets, runes
// that are not valid); and the runes it notes are, over every rune value, those
// segment.IsClauseStop says yes to.
func TestEncodeClauses(t *testing.T) {
	texts := []string{
		"café增长5%,𠀀𠀁达到3亿元；其中(含税,下同)1,035.5亿元：完成。",
		"ñ收入1009亿元，加上（转移支付）收入395.61亿元;增长1:27。\n第二句增长7%,😀。",
	}
	for _, d := range readTestdata(t, "corpus/*.txt") {
		texts = append(texts, string(d))
	}
	odd := []rune("无效字符增长5%,达到3亿元，（一）。")
	odd[1], odd[2], odd[3] = 0xD800, 0x110000, -1
	docs := [][]rune{odd}
	for _, s := range texts {
		docs = append(docs, []rune(s))
	}
	var st sentenceTexts
	var arena []segment.Span
	split := 0
	for _, a := range docs {
		all := segment.AppendSentenceSpans(nil, a)
		ms := findMentions(a, nil, nil)
		st.encode(a, all, ms, &arena)
		plain := segment.Sentences(a) // each split reading every rune
		for i, sen := range all {
			if _, encoded := st.sentence(sen.Span); !encoded {
				continue
			}
			if want := plain[i]; want.Span != sen.Span || !slices.Equal(sen.Clauses, want.Clauses) {
				t.Fatalf("sentence %q: clauses %v, want %v", string(a[sen.Start:sen.End]), sen.Clauses, want.Clauses)
			}
			split++
		}
	}
	if split < 100 {
		t.Fatalf("only %d sentences split", split)
	}
	const step = 4096 // runes a sentence
	for r := rune(0); r <= 0x110000; r += step {
		rs := make([]rune, 0, step)
		for k := r; k < r+step; k++ {
			rs = append(rs, k)
		}
		_, _, stops := appendIndexed(nil, nil, nil, rs)
		var want []int32
		for i, x := range rs {
			if segment.IsClauseStop(x) {
				want = append(want, int32(i))
			}
		}
		if !slices.Equal(stops, want) {
			t.Fatalf("runes from %U: stops %v, want %v", r, stops, want)
		}
	}
}
