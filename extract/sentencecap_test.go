package extract

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/policymetrics/policymetrics/extract/segment"
)

// SPEC §1 sentence: at most MaxSentence characters around the mention, … where cut.
func TestSentenceCap(t *testing.T) {
	pad := strings.Repeat("各项工作扎实推进", 100) // 800 characters without numbers
	tests := []struct {
		name, text     string
		prefix, suffix bool // … expected at the start, at the end
		whole          bool
	}{
		{"short sentence whole", "投资5亿元。", false, false, true},
		{"mention at the start", "投资5亿元" + pad + "。", false, true, false},
		{"mention in the middle", pad + "投资5亿元" + pad + "。", true, true, false},
		{"mention at the end", pad + "投资5亿元。", true, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs := Text("t", tt.text)
			if len(recs) != 1 {
				t.Fatalf("%d records", len(recs))
			}
			s := recs[0].Sentence
			if tt.whole {
				if s != tt.text {
					t.Errorf("sentence %q, want it whole", s)
				}
				return
			}
			body := strings.TrimSuffix(strings.TrimPrefix(s, "…"), "…")
			if n := utf8.RuneCountInString(body); n != MaxSentence {
				t.Errorf("%d characters, want %d", n, MaxSentence)
			}
			if !strings.Contains(s, "5亿元") || strings.HasPrefix(s, "…") != tt.prefix || strings.HasSuffix(s, "…") != tt.suffix {
				t.Errorf("sentence %q: want the mention, … at start %v, at end %v", s, tt.prefix, tt.suffix)
			}
		})
	}
}

// Output stays linear in the input: a sentence of n counts no longer gives n records of
// n clauses each.
func TestSentenceCapBoundsOutput(t *testing.T) {
	text := pathological[1].line(20000)
	total := 0
	for _, r := range Text("t", text) {
		total += len(r.Sentence)
	}
	if total > 20000*(MaxSentence*3+6) {
		t.Errorf("%d bytes of sentences for %d bytes in", total, len(text))
	}
}

// A window is made in one allocation of its size, whichever ends are cut: a long list of
// figures makes one a record, and the record keeps it.
func TestSentenceAroundAllocatesOnce(t *testing.T) {
	pad := []rune(strings.Repeat("各项工作扎实推进", 100))
	sen := segment.Span{Start: 0, End: len(pad)}
	for _, at := range []int{0, 400, len(pad) - 4} {
		var s string
		if n := testing.AllocsPerRun(20, func() { s = sentenceAround(pad, sen, at, at+4) }); n != 1 {
			t.Errorf("mention at %d: %.0f allocations, want 1", at, n)
		}
		if want := string(pad[max(0, min(at-198, len(pad)-MaxSentence)):][:MaxSentence]); !strings.Contains(s, want) {
			t.Errorf("mention at %d: window %q", at, s)
		}
	}
}
