package extract

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/policymetrics/policymetrics/extract/internal/cjk"
)

// plainJoinSpacedHan is joinSpacedHan with a substring search for U+3000 before the
// rune walk, not joinSpacedHan's byte search.
func plainJoinSpacedHan(s string) string {
	if strings.IndexByte(s, ' ') < 0 && !strings.Contains(s, "\u3000") {
		return s
	}
	rs := []rune(s)
	out := rs[:0:0]
	for i, r := range rs {
		if (r == ' ' || r == '\u3000') && len(out) > 0 && cjk.IsHan(out[len(out)-1]) {
			k := i
			for k < len(rs) && (rs[k] == ' ' || rs[k] == '\u3000') {
				k++
			}
			if k < len(rs) && cjk.IsHan(rs[k]) {
				continue
			}
		}
		out = append(out, r)
	}
	return string(out)
}

// oddNames are strings no report spells but a name may be cut to: empty, ASCII, invalid
// UTF-8 (a lead byte E3 cut short, a lone continuation byte), U+3000 at either end, and
// CJK punctuation led by E3 like U+3000.
var oddNames = []string{
	"", "a", "ab c", " ", "\u3000", "\u3000地方", "地方\u3000", "地\u3000方", "地 方 政 府 债 券",
	"\xe3", "\xe3\x80", "地方\xe3\x80", "\xe3\x80\x80", "\xe3\x80\x81", "地、方", "《地方》", "\x80\x80",
	"地方\xff 债券", "地\u3000 \u3000方", "A 地", "地 A", "\t地\t方", "地\xe3\x80\x80\xe3方",
}

// TestJoinSpacedHanMatchesPlain compares joinSpacedHan with the rune walk over the
// corpus's names and lines, stretches of them cut at any byte (invalid UTF-8 at the
// ends), and odd strings.
func TestJoinSpacedHanMatchesPlain(t *testing.T) {
	names := append([]string(nil), oddNames...)
	rng := rand.New(rand.NewSource(104))
	for name, d := range readTestdata(t, "corpus/*.txt") {
		recs, err := Document(name, d, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range recs {
			names = append(names, r.Indicator, r.Concept, r.Text)
		}
		for _, line := range strings.Split(string(d), "\n") {
			names = append(names, line)
			if len(line) > 0 {
				i, j := rng.Intn(len(line)), rng.Intn(len(line)+1)
				names = append(names, line[min(i, j):max(i, j)])
			}
		}
	}
	// Every length to 24 bytes, the mark (' ', U+3000, a lone E3) at every place.
	for n := range 25 {
		for p := range n {
			for _, mark := range []string{" ", "\u3000", "\xe3"} {
				b := []byte(strings.Repeat("地", n)[:n])
				s := string(b[:p]) + mark + string(b[p:])
				names = append(names, s, strings.Repeat("x", n)[:p]+mark+strings.Repeat("y", n-p))
			}
		}
	}
	spaced := 0
	for _, s := range names {
		got, want := joinSpacedHan(s), plainJoinSpacedHan(s)
		if got != want {
			t.Fatalf("joinSpacedHan(%q) = %q, want %q", s, got, want)
		}
		if got != s {
			spaced++
		}
	}
	if spaced == 0 {
		t.Fatal("no string joined: the test compares nothing but the fast path")
	}
}
