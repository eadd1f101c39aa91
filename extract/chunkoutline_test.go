package extract

import (
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/policymetrics/policymetrics/extract/doc"
)

// mayHoldDate reports a source line that may hold a full date once normalised
// (dateMark): the per-line form the pre-scans are checked against.
func mayHoldDate(line string) bool { return dateMark(line) >= 0 }

// TestQuietBytes: quietBytes' one loop (pairs of CJK characters, then one character, CJK
// or quiet punctuation) covers what reading rune by rune does, on the test documents'
// lines from every offset and on random splices of them with odd pieces (cut and invalid
// characters, the punctuation at quietPunct's edges).
func TestQuietBytes(t *testing.T) {
	slow := func(s string) int {
		n := 0
		for n < len(s) {
			r, size := utf8.DecodeRuneInString(s[n:])
			quiet := r >= 0x3000 && r <= 0x9FFF || r >= 0xFF00 && r <= 0xFF0C || r >= 0xFF1A && r <= 0xFF3F ||
				r >= 0x2000 && r <= 0x203F
			if size != 3 || !quiet {
				break
			}
			n += size
		}
		return n
	}
	var lines []string
	for _, data := range readTestdata(t, "*/*.txt") {
		lines = append(lines, strings.Split(string(data), "\n")...)
	}
	odd := []string{"a", "1", "，", "－", "１", "９", "：", "\uFF0C", "\uFF0D", "\uFF19", "\uFF1A", "\uFF3F", "\uFF40",
		"\u2000", "\u200a", "\u200b", "\u200d", "\u200e", "\u203f", "\u2040", "“", "…", "\xe4\xb8", "\xe4", "\xb8",
		"\xed\xa0\x80", "\xe0\xa0\x80", "\xea\xb0\x80", "\xe2\x80", "\xef\xbc", "\xef\xbc1", "\xf0\x9f\x98\x80", "\xe3\x80\x80", "\xe9\xbf\xbf", "\r"}
	rng := rand.New(rand.NewSource(1))
	check := func(s string) {
		t.Helper()
		if got, want := quietBytes(s), slow(s); got != want {
			t.Fatalf("quietBytes(%q) = %d, want %d", s, got, want)
		}
	}
	for range 100000 {
		a, b := lines[rng.Intn(len(lines))], lines[rng.Intn(len(lines))]
		i, j := rng.Intn(len(a)+1), rng.Intn(len(b)+1)
		check(a[i:])
		check(a[i:] + odd[rng.Intn(len(odd))] + b[j:])
	}
}

// TestDateLines: scanning a text whole finds the lines that mayHoldDate finds looking at
// each line alone, on the test documents and on random joins of their lines with odd
// ones (a date's parts at the ends of lines, an & before a line end, no final newline).
func TestDateLines(t *testing.T) {
	perLine := func(text string, start, end int) (lines [][2]int, last int) {
		last = start
		for at := start; at < end; {
			to := min(linesAhead(text, at, 1), end)
			if mayHoldDate(text[at:to]) {
				lines, last = append(lines, [2]int{at, to}), to
			}
			at = to
		}
		return lines, last
	}
	check := func(text string, start, end int) {
		t.Helper()
		var got [][2]int
		last := dateLines(text, start, end, func(from, to int) { got = append(got, [2]int{from, to}) })
		want, wantLast := perLine(text, start, end)
		if !slices.Equal(got, want) || last != wantLast {
			t.Fatalf("dateLines(%q, %d, %d) = %v, %d; line by line %v, %d", text, start, end, got, last, want, wantLast)
		}
	}
	var lines []string
	for _, data := range readTestdata(t, "*/*.txt") {
		text := string(data)
		check(text, 0, len(text))
		lines = append(lines, strings.SplitAfter(text, "\n")...)
	}
	odd := []string{"", "\n", "2017-07-27\n", "14\n", " 日\n", "日", "R&\n", "#10;\n", "&amp\n", ";", "&#10;", "１４\n", "-07-\n",
		"07-27", "\xe4\xb8", "\r\n", "2017年7月14日", "１", "．０７．"}
	rng := rand.New(rand.NewSource(1))
	for range 20000 {
		var b strings.Builder
		for range rng.Intn(8) {
			if rng.Intn(2) == 0 {
				b.WriteString(odd[rng.Intn(len(odd))])
			} else {
				b.WriteString(lines[rng.Intn(len(lines))])
			}
		}
		text := b.String()
		start := linesAhead(text, 0, rng.Intn(3))
		end := linesAhead(text, start, 1+rng.Intn(6))
		check(text, start, end)
	}
}

// TestDateMarks: the date lines found from the marks of decode's spans (dateMarks,
// dateLinesAt) are those a scan of every line finds (dateLines), over every chunk-like
// range of line starts, on the test documents and on joins of their lines with odd ones:
// dates split by tags, entities, pinyin, zero-width characters, fullwidth digits and
// separators, typographic spaces before 日, ASCII runs long enough for decode's word step.
func TestDateMarks(t *testing.T) {
	checked := 0
	check := func(text string) {
		t.Helper()
		res, found, err := viewMarks([]byte(text), "")
		if err != nil || found == nil {
			return // not read in one pass (a byte order mark): dateLines scans the text
		}
		if res.Text != text {
			t.Fatalf("ViewSpans(%q).Text = %q", text, res.Text)
		}
		checked++
		marks := *found
		starts := []int{0}
		for i := range len(text) {
			if text[i] == '\n' {
				starts = append(starts, i+1)
			}
		}
		for k := 0; k < len(starts); k += 1 + k/3 {
			for _, end := range []int{starts[min(k+1, len(starts)-1)], starts[min(k+5, len(starts)-1)], len(text)} {
				if end < starts[k] {
					continue
				}
				var got, want [][2]int
				gotLast := dateLinesAt(text, marks, starts[k], end, func(from, to int) { got = append(got, [2]int{from, to}) })
				wantLast := dateLines(text, starts[k], end, func(from, to int) { want = append(want, [2]int{from, to}) })
				if !slices.Equal(got, want) || gotLast != wantLast {
					t.Fatalf("dateLinesAt(%q, %d, %d) = %v, %d; dateLines %v, %d", text, starts[k], end, got, gotLast, want, wantLast)
				}
			}
		}
	}
	var lines []string
	for _, data := range readTestdata(t, "*/*.txt") {
		check(string(data))
		lines = append(lines, strings.SplitAfter(string(data), "\n")...)
	}
	odd := []string{"2017年7月<b>14</b>日\n", "2017年7月1&#26085;\n", "2017年7月14ǎ日", "2017\u200b-07-27", "２０１７－０７－２７",
		"２０１７年７月１４ 日", "2017年7月14\u2002日\n", "14\u202f日", "1 \u205f日", "\ufeff", "\ufffd", "\u00ad", "\u2060", "ḿ",
		"见http://www.gov.cn/2017-07/27.html。", "发布日期:2017-07-27\n", "2017/07/27", "2017.07.27", "?", "R&D", "日", "1", "\n", "，", "“"}
	rng := rand.New(rand.NewSource(1))
	for range 3000 {
		var b strings.Builder
		for range 1 + rng.Intn(8) {
			if rng.Intn(2) == 0 {
				b.WriteString(odd[rng.Intn(len(odd))])
			} else {
				line := lines[rng.Intn(len(lines))]
				b.WriteString(strings.ToValidUTF8(line[:rng.Intn(len(line)+1)], ""))
			}
		}
		check(b.String())
	}
	if checked < 2000 {
		t.Fatalf("only %d texts read in one pass", checked)
	}
}

// TestDateMarkMissesNoDate: a line dateMark passes over holds no full date once
// normalised, on the test documents' lines and on random dates of both forms, in ASCII or
// fullwidth digits and separators, with what normalisation deletes or joins put between
// any two of their parts (zero-width characters, which have no mark of their own, among
// them), set in pieces of the test documents.
func TestDateMarkMissesNoDate(t *testing.T) {
	var lines []string
	for _, data := range readTestdata(t, "*/*.txt") {
		lines = append(lines, strings.Split(string(data), "\n")...)
	}
	// Editorial notes, (下同), are left out: dateMark does not see them join a date.
	gaps := []string{"", "", "", " ", "  ", "\u2002", "\u202f", "\u3000", "\u200b", "\u200c", "\u200d", "\u2060", "\u200b\u2060",
		"\u200b ", " \u200b", "\u00ad", "\ufeff", "<b>", "</span>", "ǎ)", "(zhí)", "?zhí)", "\ufffdzhí)", "ḿ)", "(ḿ)", "?/b>", "\u200e", "，", "x",
		"（ḿ）", "ǎ）", "(zhí）", "ǎ)ǎ)", "\u200bǎ)", "ǎ)\u200b", "ü)", "lǚ)", "qiǎngǎ)", "×", "?", "\ufffd", "ḿ", " ǎ)"}
	digit := func(rng *rand.Rand, d byte, wide bool) string {
		if wide {
			return string(rune(0xFF10 + rune(d-'0')))
		}
		return string(d)
	}
	checked := 0
	check := func(line string) {
		t.Helper()
		_, _, an := (longDoc{text: line}).analysisOf(0, len(line))
		if y := doc.WrittenYear(an.Runes); y != 0 {
			checked++
			if !mayHoldDate(line) {
				t.Fatalf("dateMark(%q) = -1, but it holds a date of %d once normalised (%q)", line, y, string(an.Runes))
			}
		}
	}
	for _, line := range lines {
		check(line)
	}
	rng := rand.New(rand.NewSource(1))
	for range 50000 {
		wide := rng.Intn(3) == 0
		var parts []string
		for _, d := range fmt.Sprintf("%04d", 1900+rng.Intn(300)) {
			parts = append(parts, digit(rng, byte(d), wide && rng.Intn(4) > 0))
		}
		month, day := fmt.Sprint(1+rng.Intn(12)), fmt.Sprint(1+rng.Intn(31))
		if rng.Intn(2) == 0 {
			seps := []string{"-", "/", ".", "－", "／", "．"}
			sep := seps[rng.Intn(len(seps))]
			month, day = fmt.Sprintf("%02s", month), fmt.Sprintf("%02s", day)
			parts = append(parts, sep, digit(rng, month[0], wide), digit(rng, month[1], wide), sep, digit(rng, day[0], wide), digit(rng, day[1], wide))
		} else {
			parts = append(parts, "年")
			for _, d := range month {
				parts = append(parts, digit(rng, byte(d), wide))
			}
			parts = append(parts, "月")
			for _, d := range day {
				parts = append(parts, digit(rng, byte(d), wide))
			}
			parts = append(parts, "日")
		}
		var b strings.Builder
		before := lines[rng.Intn(len(lines))]
		b.WriteString(strings.ToValidUTF8(before[:rng.Intn(len(before)+1)], ""))
		for k, p := range parts {
			if k > 0 && rng.Intn(3) == 0 {
				b.WriteString(gaps[rng.Intn(len(gaps))])
			}
			b.WriteString(p)
		}
		after := lines[rng.Intn(len(lines))]
		b.WriteString(strings.ToValidUTF8(after[:rng.Intn(len(after)+1)], ""))
		check(b.String())
	}
	if checked < 5000 {
		t.Fatalf("only %d lines held a date", checked)
	}
}

// TestEntityFromMarks: whether a chunk may hold a character reference, told from the
// date marks (longDoc.mayHoldEntity), is what a search of its text says, over every
// chunk-like range of line starts of the test documents and of joins of their lines with
// odd ones (references, an & before a line end or a semicolon too far, R&D).
func TestEntityFromMarks(t *testing.T) {
	held := 0
	check := func(text string) {
		t.Helper()
		res, marks, err := viewMarks([]byte(text), "")
		if err != nil || marks == nil || res.Text != text {
			return
		}
		p := longDoc{text: text, marks: marks}
		starts := []int{0}
		for i := range len(text) {
			if text[i] == '\n' {
				starts = append(starts, i+1)
			}
		}
		for k, start := range starts {
			for _, end := range []int{starts[min(k+1, len(starts)-1)], starts[min(k+3, len(starts)-1)], len(text)} {
				if end < start {
					continue
				}
				want := mayHoldEntity(text[start:end])
				if got := p.mayHoldEntity(start, end); got != want {
					t.Fatalf("mayHoldEntity(%q, %d, %d) = %v from the marks, %v from the text", text, start, end, got, want)
				}
				if want {
					held++
				}
			}
		}
	}
	var lines []string
	for _, data := range readTestdata(t, "*/*.txt") {
		check(string(data))
		lines = append(lines, strings.SplitAfter(string(data), "\n")...)
	}
	odd := []string{"&#10;", "&amp;", "&nbsp;\n", "R&D", "&\n", "&#", "&\n#", "&abc\n;", "&" + strings.Repeat("a", maxEntityName+2) + ";",
		"&" + strings.Repeat("a", maxEntityName) + ";", "&&#26085;", "& amp;", "&amp", "\n", "2017年7月14日\n", "１&#10;"}
	rng := rand.New(rand.NewSource(1))
	for range 3000 {
		var b strings.Builder
		for range 1 + rng.Intn(8) {
			if rng.Intn(2) == 0 {
				b.WriteString(odd[rng.Intn(len(odd))])
			} else {
				line := lines[rng.Intn(len(lines))]
				b.WriteString(strings.ToValidUTF8(line[:rng.Intn(len(line)+1)], ""))
			}
		}
		check(b.String())
	}
	if held < 1000 {
		t.Fatalf("only %d ranges held a reference", held)
	}
}
