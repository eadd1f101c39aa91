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
