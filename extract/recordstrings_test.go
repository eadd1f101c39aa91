package extract

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/policymetrics/policymetrics/extract/doc"
	"github.com/policymetrics/policymetrics/extract/internal/cjk"
	"github.com/policymetrics/policymetrics/extract/segment"
)

// TestRecordStrings: the text and sentence that recordsWith cuts for each record from
// one string are what it would make alone: the source it points at (doc.Visible) and the
// sentence holding it, over the corpus and genres, pages, and odd texts (a sentence
// over MaxSentence, one without an end, a record at a minus sign, an empty line).
func TestRecordStrings(t *testing.T) {
	docs := map[string]*doc.Document{}
	for _, pattern := range []string{"corpus/*.txt", "genres/*.txt", "seeds/*.txt"} {
		for name, data := range readTestdata(t, pattern) {
			docs[name] = plainDocument(name, string(data))
		}
	}
	pages := readTestdata(t, "genres/*.html")
	for name, data := range pages {
		docs[name] = htmlDocument(name, string(data))
	}
	docs["odd.txt"] = plainDocument("odd.txt", "自然增长率为-0.83‰，增速：-3.2%。\n\n"+
		strings.Repeat("全市生产总值增长5%，投资增长3%，", 40)+"\n人口1.2万人")
	records := 0
	for name, d := range docs {
		recs := Records(d, Options{})
		records += len(recs)
		checkRecordStrings(t, name, d, recs)
	}
	if records < 1000 || len(pages) == 0 {
		t.Fatalf("only %d records, %d pages", records, len(pages))
	}
}

func checkRecordStrings(t *testing.T, name string, d *doc.Document, recs []Record) {
	t.Helper()
	var lineStarts []int // the source's, in runes
	for i := range d.SrcLen + 1 {
		if i == 0 || d.Src[i-1] == '\n' {
			lineStarts = append(lineStarts, i)
		}
	}
	a := d.Text.Runes
	sentences := segment.AppendSentenceSpans(nil, a)
	_, claimed := tableRecords(d, Options{})
	for _, r := range recs {
		start := lineStarts[r.Line-1] + r.Col - 1
		if inSpans(claimed, start) {
			continue // a table cell's record, made by tableRecords
		}
		off := d.AnalysisOffset(start)
		// The record ends where its text, read from the source, ends.
		end := start
		for end < d.SrcLen && d.Visible(start, end) != r.Text && len(d.Visible(start, end)) < len(r.Text) {
			end++
		}
		if got := d.Visible(start, end); got != r.Text {
			t.Fatalf("%s %d:%d: text %q, the source %q", name, r.Line, r.Col, r.Text, got)
		}
		want := ""
		if k := segment.Find(sentences, off); k >= 0 {
			sen := sentences[k]
			want = cjk.String(a[sen.Start:sen.End])
			if sen.End-sen.Start > MaxSentence {
				want = sentenceAround(a, sen.Span, off, off+utf8.RuneCountInString(r.Text))
			}
		}
		if r.Sentence != want {
			t.Fatalf("%s %d:%d (%q): sentence %q, want %q", name, r.Line, r.Col, r.Text, r.Sentence, want)
		}
	}
}
