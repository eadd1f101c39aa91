package extract

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// plainDateMarks is what dateMarks finds, from every byte of text rather than from
// decode's spans: the marks are dateMark's yes wherever it may stop.
func plainDateMarks(text string) []int {
	var m dateMarks
	m.visit(text, 0, len(text))
	return m
}

// TestDateMarksFromSpans: the marks found from the spans decode.ViewSpans shows and the
// search for EF leads (dateMarks) are those a visit of every byte finds, on the test
// documents and pages, and on random texts dense with EF-led characters (every third byte
// after EF BC and EF BB: fullwidth punctuation, digits and separators, the byte order
// mark) set among runs of Han characters of every length, so that a mark falls at every
// place of decode's steps. It fails with the byte order mark's marks left out, or with
// the byte before a lone three-byte character left out of the spans.
func TestDateMarksFromSpans(t *testing.T) {
	checked, wide := 0, 0
	check := func(text string) {
		t.Helper()
		res, marks, err := viewMarks([]byte(text), "")
		if err != nil || marks == nil || res.Text != text {
			return
		}
		checked++
		got, want := *marks, plainDateMarks(text)
		if !slices.Equal(got, want) {
			t.Fatalf("marks of %q from the spans = %v; from every byte %v", text, got, want)
		}
		for _, k := range want {
			if text[k] == 0xEF {
				wide++
			}
		}
	}
	for _, pattern := range []string{"*/*.txt", "genres/*.html"} {
		for _, data := range readTestdata(t, pattern) {
			check(string(data))
		}
	}
	var pieces []string
	for c := 0x80; c <= 0xBF; c++ {
		pieces = append(pieces, string([]byte{0xEF, 0xBC, byte(c)}), string([]byte{0xEF, 0xBB, byte(c)}))
	}
	pieces = append(pieces, "\ufeff", "０７", "２０１７", "－", "．", "／", "日", "年", "月", "1", "14", "2017-", "&#", "<", "\u00ad",
		"\n", " ", "，", "。", "ǎ", "\u200b", "\ufffd", "\uE000", "\u0800", "\uD7FF", "𠀀", "a1b2c3d4e5")
	han := []rune("增长百分之国内生产总值亿元")
	rng := rand.New(rand.NewSource(31))
	for range 20000 {
		var b strings.Builder
		for range rng.Intn(30) {
			if rng.Intn(2) == 0 {
				for range rng.Intn(9) {
					b.WriteRune(han[rng.Intn(len(han))])
				}
			}
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		check(b.String())
	}
	if checked < 19000 || wide < 1000 {
		t.Fatalf("only %d texts read in one pass, %d marks at wide characters", checked, wide)
	}
}

// BenchmarkViewMarks measures decoding BenchmarkLongDocument's text with its date marks
// (view), the pre-scan's part of a long document.
func BenchmarkViewMarks(b *testing.B) {
	long := longBenchText(b)
	b.SetBytes(int64(len(long)))
	for b.Loop() {
		if _, marks, err := view(long, "", true); err != nil || marks == nil {
			b.Fatal(err, marks == nil)
		}
	}
}
