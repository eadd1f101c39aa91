package decode

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"
)

// countInvalidPlain is countInvalidUTF8 without a limit, a rune at a time.
func countInvalidPlain(data []byte) int {
	n := 0
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size == 1 {
			n++
		}
		data = data[size:]
	}
	return n
}

// TestRepairMatchesPlain: the repair that copies valid stretches whole gives what the
// rune-at-a-time repair gives, and counts the same invalid bytes, on Chinese text broken
// at every offset of an eight-byte word (the fast loops' steps) by stray bytes, cut
// characters, surrogates and overlong forms, and on random bytes.
func TestRepairMatchesPlain(t *testing.T) {
	check := func(data []byte) {
		t.Helper()
		if utf8.Valid(data) {
			return // decodeUTF8 returns it as it is before any repair
		}
		want := perByteReplacement(data) // the repair as first written, a rune at a time
		got := decodeUTF8(data, false)
		if strings.HasPrefix(string(data), "\uFEFF") {
			want = strings.TrimPrefix(want, "\uFEFF")
		}
		if got.Text+got.Tail != want {
			t.Fatalf("decodeUTF8(%q) = %q + %q, want %q", data, got.Text, got.Tail, want)
		}
		if got, want := countInvalidUTF8(data, len(data)), countInvalidPlain(data); got != want {
			t.Fatalf("countInvalidUTF8(%q) = %d, want %d", data, got, want)
		}
	}
	text := "全市规模以上工业增加值增长6.5%，完成投资34.1亿元。ok\n"
	breaks := []string{"\xff", "\x80", "\xe5\x85", "\xe5", "\xed\xa0\x80", "\xc0\xaf", "\xf0\x9f", "\xfe\xfe\xfe"}
	for _, br := range breaks {
		for at := 0; at <= len(text); at++ {
			check([]byte(text[:at] + br + text[at:]))
			check([]byte(text[:at] + br + text[at:] + text + br))
			check([]byte(br + text[:at]))
		}
	}
	rng := rand.New(rand.NewSource(1))
	pieces := []string{"增", "长", "a", "6", "\xff", "\x80", "\xe5\x85", "\xf0\x9f\x98\x80", "\xef\xbb\xbf", "\u00e9", "\ufffd"}
	for range 5000 {
		var b strings.Builder
		for range rng.Intn(40) {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		check([]byte(b.String()))
	}
}
