package extract

import (
	"testing"

	"github.com/policymetrics/policymetrics/extract/segment"
	"github.com/policymetrics/policymetrics/extract/textmap"
)

// sentenceSubjectReference is the subject as first written: a look back from the clause
// to the sentence's opening, each time.
func sentenceSubjectReference(a []rune, c segment.Span) string {
	if subj := clauseBeforeSubject(nil, a, c); subj != "" {
		return subj // the clause before, when it names the subject, goes first
	}
	s := c.Start
	for s > 0 && a[s-1] != '\n' && a[s-1] != '。' && a[s-1] != '！' && a[s-1] != '？' {
		s--
	}
	if s == c.Start {
		return ""
	}
	return subjectOfOpening(nil, a, s, firstClauseEnd(a, s, c.Start))
}

// TestSubjectMemoMatchesReference: over every clause of every sentence of the test
// documents, in order as attribution meets them, the remembered look back reads the
// subject the look back from the clause reads.
func TestSubjectMemoMatchesReference(t *testing.T) {
	for name, data := range readTestdata(t, "*/*.txt") {
		a := analysisText(textmap.Identity([]rune(string(data)))).Runes
		for _, sen := range segment.AppendSentenceSpans(nil, a) {
			sen.WithClauses(a)
			m := newSubjectMemo(nil)
			for _, c := range sen.Clauses {
				m.enter(c)
				if got, want := m.sentence(a, c), sentenceSubjectReference(a, c); got != want {
					t.Fatalf("%s: clause %q: subject %q, want %q", name, string(a[c.Start:c.End]), got, want)
				}
			}
		}
	}
}
