package extract

import (
	"strings"
	"testing"
	"time"
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
