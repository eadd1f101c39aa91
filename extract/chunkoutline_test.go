package extract

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"
)

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
				r >= 0x2000 && r <= 0x200A || r >= 0x200E && r <= 0x203F
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
