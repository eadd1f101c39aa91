package doc

import (
	"reflect"
	"strings"
	"testing"

	"github.com/policymetrics/policymetrics/extract/segment"
)

// TestHeadOf: the head BuildFrom gives ReadOutline, with the line starts the sentence scan
// found, is the chunked reading's (the first HeadLines+1 lines) and its starts are
// lineStarts of it: over windows of the corpus lines around HeadLines+1 lines long, with
// and without a final newline, and texts of blank lines.
func TestHeadOf(t *testing.T) {
	lines := corpusLines(t)
	var texts []string
	for n := 0; n <= HeadLines+3; n++ {
		for i := 0; i+n <= len(lines); i += 197 {
			s := strings.Join(lines[i:i+n], "\n")
			texts = append(texts, s, s+"\n")
		}
		texts = append(texts, strings.Repeat("\n", n), strings.Repeat("一\r\n", n))
	}
	for _, s := range texts {
		a := []rune(s)
		_, starts, _ := segment.AppendSentencesAndLines(nil, nil, nil, a)
		head, headStarts := headOf(a, starts)
		if want := lineStarts(head); !reflect.DeepEqual(headStarts, want) {
			t.Fatalf("%q: head's starts %v, lineStarts %v", s, headStarts, want)
		}
		if n := strings.Count(string(head), "\n"); n != min(HeadLines+1, strings.Count(s, "\n")) {
			t.Fatalf("%q: head of %d newlines", s, n)
		}
		if !strings.HasPrefix(s, string(head)) {
			t.Fatalf("%q: head %q", s, string(head))
		}
	}
}
