package normalize

import (
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// plainFolding is decodeFolding read rune by rune, the plain reading its word-at-a-time
// loops must agree with: the runes of s, their folds (0 where a rule reads the rune, whose
// fold decodeFolding leaves unwritten), and the indexes of the runes read with their
// context, those of the marked runes as ^index.
func plainFolding(s string, free *[0x10000]rune) (src, out []rune, ctx []int) {
	for _, r := range s {
		k := len(src)
		src = append(src, r)
		v := rune(-1)
		if uint32(r) < uint32(len(free)) {
			v = free[r]
		}
		switch {
		case v >= 0:
			out = append(out, v)
		case v&context != 0:
			out = append(out, 0)
			ctx = append(ctx, k)
		default:
			out = append(out, v&^marked)
			ctx = append(ctx, ^k)
		}
	}
	return src, out, ctx
}

// checkFolding fails when decodeFolding(s), with the fold table free, writes into stale
// buffers other runes, folds or indexes than plainFolding(s).
func checkFolding(t *testing.T, s string, free *[0x10000]rune) {
	t.Helper()
	wantSrc, wantOut, wantCtx := plainFolding(s, free)
	src := []rune(strings.Repeat("旧", len(s)+2))
	out := slices.Clone(src)
	n, ctx := decodeFolding(src, out, s, free, []int{-5})
	if n != len(wantSrc) || !slices.Equal(src[:n], wantSrc) {
		t.Fatalf("decodeFolding(%s): %d runes %s, want %d %s", excerpt(s), n, excerpt(string(src[:min(n, len(src))])), len(wantSrc), excerpt(string(wantSrc)))
	}
	if !slices.Equal(ctx[1:], wantCtx) || ctx[0] != -5 {
		t.Fatalf("decodeFolding(%s): context %v, want %v after -5", excerpt(s), excerptInts(ctx), excerptInts(wantCtx))
	}
	for _, k := range wantCtx {
		if k >= 0 {
			out[k] = 0 // unwritten: the rules fold it
		}
	}
	for k := range wantOut {
		if out[k] != wantOut[k] {
			t.Fatalf("decodeFolding(%s): fold %d of %U is %U, want %U", excerpt(s), k, wantSrc[k], out[k], wantOut[k])
		}
	}
}

// excerpt quotes s, or its start when it is long (a test document).
func excerpt(s string) string {
	if r := []rune(s); len(r) > 60 {
		return fmt.Sprintf("%q… (%d runes)", string(r[:60]), len(r))
	}
	return fmt.Sprintf("%q", s)
}

// excerptInts is excerpt for a list of indexes.
func excerptInts(a []int) string {
	if len(a) > 30 {
		return fmt.Sprintf("%v… (%d)", a[:30], len(a))
	}
	return fmt.Sprint(a)
}

// foldTables are the fold tables decodeFolding is tested with: freeFold, and the marked
// tables of the Markers tested (which mark sentence ends, among them runes that the
// four-rune loop meets, and runes the rules read).
func foldTables() []*[0x10000]rune {
	tables := []*[0x10000]rune{&freeFold}
	for _, m := range markers() {
		tables = append(tables, m.free)
	}
	return tables
}

// TestFoldingCorpus: on the test documents, whole and in windows that start and end
// anywhere (so that the word loops meet every end of text), decodeFolding gives the plain
// reading.
func TestFoldingCorpus(t *testing.T) {
	for _, free := range foldTables() {
		for _, s := range testTexts(t) {
			checkFolding(t, s, free)
			for at := 0; at < len(s); at += 661 {
				for at < len(s) && !utf8.RuneStart(s[at]) {
					at++
				}
				end := min(len(s), at+40+at%97)
				for end < len(s) && !utf8.RuneStart(s[end]) {
					end++
				}
				checkFolding(t, s[at:end], free)
			}
		}
	}
}

// TestFoldingRandom: random text of three-byte runes that fold alone, that are marked, or
// that a rule reads, among runes of one, two and four bytes, in runs of every length and
// every alignment with the four-rune steps, and runs of ASCII that end every way.
func TestFoldingRandom(t *testing.T) {
	pieces := []string{
		"區", "区", "一", "，", "、", "“", "—", "１", "％", "。", "！", "？", "\u3000", "\u3400", "\u9fff", "\u2010", "\u2027",
		"（", "\ufffd", "\u200b", "\u2002", "\ua000", "\u2fff", "\uff5f", "\uffe5",
		"1", ".", "\n", "\t", "?", "!", "a", " ", "<", "&", "(",
		"é", "ü", "ā", "\u00a0", "\U00020000", "\U0002F800",
		"全市生产总值增长", "經濟發展", "二〇二五年",
		"2025", "3.9%", "\n\n", "１２", "No.", // runs of ASCII, some stopped by a marked or read rune
	}
	rng := rand.New(rand.NewSource(12))
	tables := foldTables()
	for range 30000 {
		var b strings.Builder
		for n := rng.Intn(30); n > 0; n-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		checkFolding(t, b.String(), tables[rng.Intn(len(tables))])
	}
}

// FuzzFolding: on any valid UTF-8, decodeFolding gives the plain reading, with each table.
func FuzzFolding(f *testing.F) {
	for _, s := range []string{"", "全市生产总值增长。经济发展", "区区区区。区区区区区", "一二三1四五六七八九十", "а一二三四五六七"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		for _, free := range foldTables() {
			checkFolding(t, s, free)
		}
	})
}
