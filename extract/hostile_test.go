package extract

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// TestDateAtEntityHere: an & is a date's mark (a character reference may join a date's
// parts) only when a reference may start at it; one further on the line is a mark of its
// own. Reading the rest of the line from every & made a line of many cost its length
// squared (a MiB of & took minutes).
func TestDateAtEntityHere(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool
	}{
		{"&#10;", true},
		{"&amp;B", true},
		{"&#", true},
		{"&", false},
		{"&nbsp 无分号", false},
		{"R&D经费", false},
		{"&x&#10;", false}, // the reference is the second &'s
		{"& &amp;", false},
		{"&&#26085;", false},
		{"&" + strings.Repeat("a", maxEntityName) + ";", true},
		{"&" + strings.Repeat("a", maxEntityName+2) + ";", false},
		{"&abc\n;", false},
	} {
		if got := dateAt(c.line, 0); got != c.want {
			t.Errorf("dateAt(%q, 0) = %v, want %v", c.line, got, c.want)
		}
	}
}

// TestHostileShapesInTime: a document of one odd piece repeated over a long line or many
// lines extracts in time about proportional to its size. Each takes well under a second
// here; a cost that grows with the square of a line's length takes minutes.
func TestHostileShapesInTime(t *testing.T) {
	const size = 1 << 20
	for _, c := range []struct{ name, piece string }{
		{"ampersands", "&"},
		{"ampersands and a reference", "&&#10;"},
		{"one clause of figures", "全市规模以上工业完成总产值19556亿元增加值4878亿元同比均增长6.5%"},
		{"one sentence of years and figures", "2021年、2022年增长5%、"}, // periodOf, insideFrame: 22 s a MiB
		{"years and figures after 年均", "年均增长2021年、2022年增长5%、"},    // averageSpan: 7 s a MiB
	} {
		data := []byte(strings.Repeat(c.piece, size/len(c.piece)))
		done := make(chan error, 1)
		go func() {
			_, err := Document("hostile.txt", data, Options{})
			done <- err
		}()
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			t.Fatalf("%s: a document of %d bytes took over 30 s", c.name, len(data))
		}
	}
}

// TestLocateReach: an indicator is looked for in the clause only within maxLocateReach
// runes before its number: a clause of n figures whose indicator is not written (joined
// from a list's noun, 规模以上工业完成总产值 → 规模以上工业总产值) searched all of it for
// each, n² in all.
func TestLocateReach(t *testing.T) {
	pad := strings.Repeat("各", maxLocateReach)
	for _, c := range []struct {
		text, indicator string
		want            int // the indicator's start, or -1
	}{
		{"总产值" + pad[:len(pad)-len("各")*3], "总产值", 0},
		{"总产值" + pad, "总产值", -1},
		{"总产值" + pad + "总产值", "总产值", maxLocateReach + 3},
		{pad + pad, "总产值", -1},
		{"总产值增加值" + pad[:len(pad)-len("各")*6], "总产值", 0},
	} {
		a := []rune(c.text)
		if s, _ := locate(a, 0, len(a), c.indicator); s != c.want {
			t.Errorf("locate(%q) in %d runes = %d, want %d", c.indicator, len(a), s, c.want)
		}
	}
}

// TestIndicatorBounded: no record's indicator has more than MaxSentence characters, so
// that output stays linear in the input, as the sentence cap keeps it: a list of names
// whose figures do not pair with them one for one gave each figure the whole list.
func TestIndicatorBounded(t *testing.T) {
	for _, c := range []struct {
		name, text string
		records    int
	}{
		{"names before twice the figures", strings.Repeat("钢铁、", 1000) + "分别增长" + strings.Repeat("5%、", 2000), 2000},
		{"names before as many figures", strings.Repeat("钢铁、", 1000) + "分别增长" + strings.Repeat("5%、", 1000), 1000},
		{"a short list keeps its name", "钢铁、煤炭分别增长5%、6%、7%", 3},
	} {
		recs := Text("t", c.text)
		if len(recs) != c.records {
			t.Errorf("%s: %d records, want %d", c.name, len(recs), c.records)
		}
		for _, r := range recs {
			if n := utf8.RuneCountInString(r.Indicator); n > MaxSentence {
				t.Fatalf("%s: an indicator of %d characters (%.30q…)", c.name, n, r.Indicator)
			}
		}
	}
	for _, c := range []struct{ name, want string }{
		{"地区生产总值", "地区生产总值"},
		{strings.Repeat("各", MaxSentence), strings.Repeat("各", MaxSentence)},
		{strings.Repeat("各", MaxSentence+1), ""},
		{strings.Repeat("a", MaxSentence+1), ""},
		{strings.Repeat("a", MaxSentence), strings.Repeat("a", MaxSentence)},
	} {
		if got := nameOrNone(c.name); got != c.want {
			t.Errorf("nameOrNone(%d bytes) = %d bytes, want %d", len(c.name), len(got), len(c.want))
		}
	}
}
