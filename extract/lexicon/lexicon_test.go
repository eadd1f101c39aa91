package lexicon

import (
	"bufio"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSetLookups(t *testing.T) {
	s := NewSet("连续", "近", "最近", "未来")
	text := []rune("最近3年和连续5年")
	if n := s.SuffixBefore(text, 2); n != 2 {
		t.Errorf("SuffixBefore at 3 = %d, want 2 (最近, not 近)", n)
	}
	if n := s.SuffixBefore(text, 7); n != 2 {
		t.Errorf("SuffixBefore at 5 = %d, want 2 (连续)", n)
	}
	if n := s.PrefixAt(text, 5); n != 2 {
		t.Errorf("PrefixAt 连续 = %d", n)
	}
	if i, n := s.IndexIn(text, 0, len(text)); i != 0 || n != 2 {
		t.Errorf("IndexIn = %d,%d", i, n)
	}
	if i, n := s.LastIndexIn(text, 0, len(text)); i != 5 || n != 2 {
		t.Errorf("LastIndexIn = %d,%d", i, n)
	}
	if !s.Contains("未来") || s.Contains("未") {
		t.Errorf("Contains is wrong")
	}
	if n := s.SuffixBefore(text, 0); n != 0 {
		t.Errorf("SuffixBefore at 0 = %d", n)
	}
	for str, want := range map[string]int{"最近3年": len("最近"), "近期": len("近"), "最": 0, "": 0, "未来\xff": len("未来"), "\xff": 0} {
		if n := s.PrefixOf(str); n != want {
			t.Errorf("PrefixOf(%q) = %d, want %d", str, n, want)
		}
	}
	for str, want := range map[string]int{"3年最近": len("最近"), "附近": len("近"), "近似": 0, "": 0, "\xff连续": len("连续"), "\xff": 0} {
		if n := s.SuffixOf(str); n != want {
			t.Errorf("SuffixOf(%q) = %d, want %d", str, n, want)
		}
	}
	if !s.Contains("未来") || s.Contains("未") || s.Contains("未来来") || s.Contains("") {
		t.Errorf("Contains is wrong on a prefix or extension")
	}
}

func TestEmbeddedSectionsLoad(t *testing.T) {
	for _, name := range []string{"ordinal-before", "duration-before", "duration-after", "bare-scale-lead", "structure-nouns"} {
		if len(Get(name).Words()) == 0 {
			t.Errorf("section [%s] is empty", name)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, bad := range []string{"word before section\n", "[a]\nx\n[a]\ny\n"} {
		if err := parse("t.txt", bad, map[string][]string{}); err == nil {
			t.Errorf("parse(%q) accepted", bad)
		}
	}
}

func TestSetIn(t *testing.T) {
	s := NewSet("预算草案", "统计公报")
	for text, want := range map[string]bool{"关于2026年预算草案的报告": true, "2025年统计公报": true, "政府工作报告": false, "": false} {
		if got := s.In([]rune(text)); got != want {
			t.Errorf("In(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestSetSlotCollisions: words whose first runes share a slot of the index are all found,
// each under its own rune.
func TestSetSlotCollisions(t *testing.T) {
	a, b, c := rune(0x4E00), rune(0x4E00+indexSlots), rune(0x4E00+2*indexSlots) // one slot
	s := NewSet(string([]rune{a, 'x'}), string([]rune{b, 'y'}), string([]rune{b, 'y', 'z'}))
	for _, tc := range []struct {
		text []rune
		want int
	}{{[]rune{a, 'x'}, 2}, {[]rune{b, 'y', 'z'}, 3}, {[]rune{b, 'y'}, 2}, {[]rune{c, 'x'}, 0}, {[]rune{a, 'y'}, 0}} {
		if n := s.PrefixAt(tc.text, 0); n != tc.want {
			t.Errorf("PrefixAt(%q) = %d, want %d", string(tc.text), n, tc.want)
		}
	}
}

func TestFirstRunes(t *testing.T) {
	a, b := NewSet("增长", "提高"), NewSet("下降")
	s := FirstRunes([]*Set{a, b}, '从')
	for _, r := range []rune{'增', '提', '下', '从'} {
		if !s.Has(r) {
			t.Errorf("Has(%q) = false", r)
		}
	}
	for _, r := range []rune{'长', '降', '到', -1, 0x10000, 0x1F600} {
		if s.Has(r) {
			t.Errorf("Has(%q) = true", r)
		}
	}
}

// TestMayStartWith: every word's first rune may start a word; nothing starts a word of an
// empty set.
func TestMayStartWith(t *testing.T) {
	s := NewSet("增长", "提高", "下降")
	for _, r := range []rune{'增', '提', '下'} {
		if !s.MayStartWith(r) {
			t.Errorf("MayStartWith(%q) = false", r)
		}
	}
	if NewSet().MayStartWith('增') {
		t.Error("an empty set may start with 增")
	}
	for _, r := range []rune{'长', '高', '降'} {
		if !s.MayEndWith(r) {
			t.Errorf("MayEndWith(%q) = false", r)
		}
	}
	if NewSet().MayEndWith('长') {
		t.Error("an empty set may end with 长")
	}
}

// containsSlow is Contains as a decoding of the asked word, compared rune by rune.
func containsSlow(words []string, w string) bool {
	for _, x := range words {
		if x != "" && slices.Equal([]rune(x), []rune(w)) {
			return true
		}
	}
	return false
}

func TestContainsMatchesDecoding(t *testing.T) {
	sets := [][]string{
		{"未来", "近", "最近", "a", "\r\n", "𠀋年", "\uE000", "\uFFFF"},
		{"未来", "\uFFFD", "x\uFFFD"}, // U+FFFD: compared by decoding
		{"\xff", "未\xed\xa0\x80"},   // invalid bytes in a word: as U+FFFD
		{},
	}
	asked := []string{
		"", "未来", "未", "未来来", "近", "最近", "a", "A", "\r\n", "\r", "𠀋年", "𠀋",
		"\uE000", "\uFFFF", "\uFFFD", "\xff", "x\xff", "x\uFFFD", "未\xed\xa0\x80", "未\uFFFD\uFFFD\uFFFD",
		"\xe0\x80\x80", "\xed\xa0\x80", "\xe6\x9c", "\xe6",
	}
	for _, words := range sets {
		s := NewSet(words...)
		for _, w := range asked {
			if got, want := s.Contains(w), containsSlow(words, w); got != want {
				t.Errorf("NewSet(%q).Contains(%q) = %v, want %v", words, w, got, want)
			}
		}
	}
}

// naive is the lookups of a Set by brute force over its words, for comparison.
type naive []string

func (n naive) at(text []rune, s, e int) int { // longest word equal to text[s:e'] for e' ≤ e starting at s
	best := 0
	for _, w := range n {
		rs := []rune(w)
		if s+len(rs) <= e && slices.Equal(text[s:s+len(rs)], rs) && len(rs) > best {
			best = len(rs)
		}
	}
	return best
}

func (n naive) before(text []rune, i, from int) int { // longest word ending at i, starting ≥ from
	best := 0
	for _, w := range n {
		rs := []rune(w)
		if i-len(rs) >= from && slices.Equal(text[i-len(rs):i], rs) && len(rs) > best {
			best = len(rs)
		}
	}
	return best
}

// TestLookupsMatchNaive: the slot table and its chains find what a look at every word
// finds, also for runes that share a slot (r and r+indexSlots) and at the text's ends.
func TestLookupsMatchNaive(t *testing.T) {
	c := rune(0x4E00 + 3*indexSlots) // shares its slot with 一
	n := '二' + 64                    // shares its bit of an entry's near runes with 二
	words := naive{"一", "一二", "一二三", string(c), string(c) + "一", "二" + string(c), "\r\n", "\uFFFD", "a\uFFFD",
		"三" + string(n), string(n) + "一", "四𠀀", "𠀀", "𠀀五", "五𠀀六", "六"}
	var pairs naive // no word of one rune: IndexIn and LastIndexIn read every other rune
	for _, w := range words {
		if utf8.RuneCountInString(w) >= 2 {
			pairs = append(pairs, w)
		}
	}
	b := rune('二' + bloomBits) // shares its bit of the words' runes with 二
	var texts [][]rune
	for _, str := range []string{"", "一二三", string(c) + "一二" + string(c), "a\r\nb", "\xff一\xff", "三二一" + string(c+indexSlots), "二" + string(c) + "一二三四",
		"三二一三" + string(n) + "一", "四𠀀五𠀀六", "𠀀𠀀", "五" + string('𠀀'+64) + "六",
		"一" + string(b) + "一二" + string(b) + "二", "x一二三一二y", "一二" + string(c) + "一" + string(b) + "三"} {
		texts = append(texts, []rune(str))
	}
	// runes no decoding makes: negative, past the last, sharing a slot or a bit with a word's
	texts = append(texts, []rune{-1, '一', -1, '二', -'二'}, []rune{'三', n - 1<<30, utf8.MaxRune + 1, '一', 0x7FFFFFFF}, []rune{'一', '二' - 1<<31, '三'})
	for _, words := range []naive{words, pairs} {
		lookupsMatchNaive(t, words, texts)
	}
}

func lookupsMatchNaive(t *testing.T, words naive, texts [][]rune) {
	s := NewSet(words...)
	for _, text := range texts {
		str := string(text)
		for i := -1; i <= len(text)+1; i++ {
			want := 0
			if i >= 0 && i < len(text) {
				want = words.at(text, i, len(text))
			}
			if got := s.PrefixAt(text, i); got != want {
				t.Errorf("PrefixAt(%q, %d) = %d, want %d", str, i, got, want)
			}
			want = 0
			if i > 0 && i <= len(text) {
				want = words.before(text, i, 0)
			}
			if got := s.SuffixBefore(text, i); got != want {
				t.Errorf("SuffixBefore(%q, %d) = %d, want %d", str, i, got, want)
			}
			for from := -1; from <= len(text); from++ {
				want = 0
				if i > 0 && i <= len(text) {
					want = words.before(text, i, max(from, 0))
				}
				if got := s.SuffixBeforeFrom(text, i, from); got != want {
					t.Errorf("SuffixBeforeFrom(%q, %d, %d) = %d, want %d", str, i, from, got, want)
				}
			}
		}
		for from := -1; from <= len(text)+1; from++ {
			for to := from; to <= len(text)+1; to++ {
				wk, wn := -1, 0
				for k := max(from, 0); k < min(to, len(text)); k++ {
					if n := words.at(text, k, min(to, len(text))); n > 0 {
						wk, wn = k, n
						break
					}
				}
				if k, n := s.IndexIn(text, from, to); k != wk || n != wn {
					t.Errorf("IndexIn(%q, %d, %d) = %d, %d, want %d, %d", str, from, to, k, n, wk, wn)
				}
				wk, wn = -1, 0
				for e := min(to, len(text)); e > max(from, 0); e-- {
					if n := words.before(text, e, max(from, 0)); n > 0 {
						wk, wn = e-n, n
						break
					}
				}
				if k, n := s.LastIndexIn(text, from, to); k != wk || n != wn {
					t.Errorf("LastIndexIn(%q, %d, %d) = %d, %d, want %d, %d", str, from, to, k, n, wk, wn)
				}
			}
		}
	}
}

func TestRuneSetIndexInAndLastRunes(t *testing.T) {
	set := NewSet("增长", "下降", "增")
	first, last := FirstRunes([]*Set{set}), LastRunes(set)
	text := []rune("全市增加值下降3%")
	for _, c := range []struct {
		rs       *RuneSet
		from, to int
		want     int
	}{
		{first, 0, len(text), 2}, // 增
		{first, 3, len(text), 5}, // 下
		{first, 3, 5, -1},        // 下 lies at the end, outside
		{first, -4, 99, 2},       // bounds are clamped
		{first, 6, 2, -1},        // an empty range
		{last, 0, len(text), 2},  // 增 ends a word too
		{last, 3, len(text), 6},  // 降
	} {
		if got := c.rs.IndexIn(text, c.from, c.to); got != c.want {
			t.Errorf("IndexIn(%d, %d) = %d, want %d", c.from, c.to, got, c.want)
		}
	}
	for i, want := range map[int]bool{-1: false, 0: false, 2: true, 5: true, len(text): false} {
		if got := set.MayStartAt(text, i); got != want {
			t.Errorf("MayStartAt(%d) = %v, want %v", i, got, want)
		}
	}
}

// byRune is the lookups of a Set by its words sorted by their first and last rune, as
// plain loops: the reference for the slot table and its near-rune masks on real text.
type byRune struct{ first, last map[rune][][]rune }

func newByRune(s *Set) byRune {
	b := byRune{map[rune][][]rune{}, map[rune][][]rune{}}
	for _, w := range s.Words() {
		rs := []rune(w)
		b.first[rs[0]] = append(b.first[rs[0]], rs)
		b.last[rs[len(rs)-1]] = append(b.last[rs[len(rs)-1]], rs)
	}
	return b
}

func (b byRune) at(text []rune, i, to int) int { // longest word at i, ending ≤ to
	best := 0
	for _, w := range b.first[text[i]] {
		if i+len(w) <= to && slices.Equal(text[i:i+len(w)], w) {
			best = max(best, len(w))
		}
	}
	return best
}

func (b byRune) before(text []rune, i, from int) int { // longest word ending at i, starting ≥ from
	best := 0
	for _, w := range b.last[text[i-1]] {
		if i-len(w) >= from && slices.Equal(text[i-len(w):i], w) {
			best = max(best, len(w))
		}
	}
	return best
}

// TestEmbeddedSetsMatchPlainLoops: every section's lookups over the corpus's lines give
// what plain loops over its words give.
func TestEmbeddedSetsMatchPlainLoops(t *testing.T) {
	lines := corpusLines(t, 600)
	for name, s := range all {
		b := newByRune(s)
		for _, text := range lines {
			for i := range text {
				if got, want := s.PrefixAt(text, i), b.at(text, i, len(text)); got != want {
					t.Fatalf("[%s].PrefixAt(%q, %d) = %d, want %d", name, string(text), i, got, want)
				}
				from := max(i-3, 0)
				if got, want := s.SuffixBefore(text, i+1), b.before(text, i+1, 0); got != want {
					t.Fatalf("[%s].SuffixBefore(%q, %d) = %d, want %d", name, string(text), i+1, got, want)
				}
				if got, want := s.SuffixBeforeFrom(text, i+1, from), b.before(text, i+1, from); got != want {
					t.Fatalf("[%s].SuffixBeforeFrom(%q, %d, %d) = %d, want %d", name, string(text), i+1, from, got, want)
				}
			}
			for _, r := range [][2]int{{0, len(text)}, {len(text) / 3, len(text)}, {0, len(text) * 2 / 3}, {len(text) / 3, len(text) * 2 / 3}} {
				from, to := r[0], r[1]
				wk, wn := -1, 0
				for k := from; k < to && wn == 0; k++ {
					if n := b.at(text, k, to); n > 0 {
						wk, wn = k, n
					}
				}
				if k, n := s.IndexIn(text, from, to); k != wk || n != wn {
					t.Fatalf("[%s].IndexIn(%q, %d, %d) = %d, %d, want %d, %d", name, string(text), from, to, k, n, wk, wn)
				}
				wk, wn = -1, 0
				for e := to; e > from && wn == 0; e-- {
					if n := b.before(text, e, from); n > 0 {
						wk, wn = e-n, n
					}
				}
				if k, n := s.LastIndexIn(text, from, to); k != wk || n != wn {
					t.Fatalf("[%s].LastIndexIn(%q, %d, %d) = %d, %d, want %d, %d", name, string(text), from, to, k, n, wk, wn)
				}
			}
		}
	}
}

// corpusLines returns up to n distinct non-empty lines of the test corpus, as runes.
func corpusLines(t *testing.T, n int) [][]rune {
	paths, err := filepath.Glob(filepath.Join("..", "..", "testdata", "corpus", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatal("no corpus documents")
	}
	seen := map[string]bool{}
	var lines [][]rune
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() && len(lines) < n {
			if l := sc.Text(); l != "" && !seen[l] {
				seen[l] = true
				lines = append(lines, []rune(l))
			}
		}
		f.Close()
	}
	return lines
}

// TestPrefixSuffixOfMatchDecoding: PrefixOf and SuffixOf, which decode a three-byte
// character in place and compare words as strings, find the longest word that decoding
// the asked string rune by rune finds, also where it holds or is cut into invalid bytes;
// MayStart and MayEnd say false only where they find none.
func TestPrefixSuffixOfMatchDecoding(t *testing.T) {
	runes := map[*Set][][]rune{}
	check := func(name string, s *Set, str string) {
		t.Helper()
		if runes[s] == nil {
			for _, w := range s.Words() {
				runes[s] = append(runes[s], []rune(w))
			}
		}
		wantP, wantS := 0, 0
		for _, rs := range runes[s] {
			wantP = max(wantP, prefixBytes(str, rs))
			wantS = max(wantS, suffixBytes(str, rs))
		}
		if got := s.PrefixOf(str); got != wantP {
			t.Errorf("[%s].PrefixOf(%q) = %d, want %d", name, str, got, wantP)
		}
		if got := s.SuffixOf(str); got != wantS {
			t.Errorf("[%s].SuffixOf(%q) = %d, want %d", name, str, got, wantS)
		}
		// MayStart and MayEnd: false only for a three-byte character led by neither E0
		// nor ED whose rune no word starts or ends with.
		mayBy := func(r rune, n int, lead byte, may func(rune) bool) bool {
			return n != 3 || lead == 0xE0 || lead == 0xED || may(r)
		}
		if len(str) >= 3 {
			r, n := utf8.DecodeRuneInString(str)
			if got, want := s.MayStart(str), mayBy(r, n, str[0], s.MayStartWith); got != want || !got && wantP > 0 {
				t.Errorf("[%s].MayStart(%q) = %v, want %v (PrefixOf %d)", name, str, got, want, wantP)
			}
			r, n = utf8.DecodeLastRuneInString(str)
			if got, want := s.MayEnd(str), mayBy(r, n, str[len(str)-3], s.MayEndWith); got != want || !got && wantS > 0 {
				t.Errorf("[%s].MayEnd(%q) = %v, want %v (SuffixOf %d)", name, str, got, want, wantS)
			}
		} else if !s.MayStart(str) || !s.MayEnd(str) {
			t.Errorf("[%s]: MayStart or MayEnd false for %q, shorter than a three-byte character", name, str)
		}
	}
	sets := [][]string{
		{"未来", "近", "最近", "a", "\r\n", "𠀋年", "\uE000", "\uFFFF", "年初预算", "预算", "算"},
		{"未来", "\uFFFD", "x\uFFFD"}, // U+FFFD: compared by decoding
		{"\xff", "未\xed\xa0\x80"},   // invalid bytes in a word: as U+FFFD
		{},
	}
	asked := []string{
		"", "未来", "未", "未来来", "来未来", "近", "最近", "靠近", "a", "A", "\r\n", "\r", "𠀋年", "𠀋", "年𠀋",
		"\uE000", "\uFFFF", "\uFFFD", "\xff", "x\xff", "\xffx", "x\uFFFD", "未\xed\xa0\x80", "未\uFFFD\uFFFD\uFFFD",
		"\xe0\x80\x80", "\xed\xa0\x80", "\xe6\x9c", "\xe6", "\x9c\xaa", "\xe6\x9c\xaa\x9c", "\xe6\xe6\x9c\xaa",
		"收入年初预算", "年初预算收入", "\x80预算", "预算\xe7",
		"\xe6\x9ca", "\xe6a\x9c", "a\xe6\x9c", "\xe6\x9c\xc0", "\xc0\xe6\x9c",
	}
	for _, words := range sets {
		s := NewSet(words...)
		for _, str := range asked {
			check(fmt.Sprint(words), s, str)
		}
	}
	// The embedded sections over stretches of the corpus's lines that start and end at
	// every byte: names, and the invalid ends of a character cut in two.
	lines := corpusLines(t, 30)
	for name, s := range all {
		for _, text := range lines {
			str := string(text)
			for k := 0; k <= len(str); k++ {
				check(name, s, str[max(0, k-18):k])
				check(name, s, str[k:min(len(str), k+18)])
			}
		}
	}
}

// TestEmbeddedSetsMatchPlainLoopsOnWords: the same over random text made of each
// section's words, cut and run together, and their runes: the tries' walks go deep and
// branch there, which the corpus's lines seldom make them do.
func TestEmbeddedSetsMatchPlainLoopsOnWords(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for name, s := range all {
		b := newByRune(s)
		words := s.Words()
		for range 200 {
			var text []rune
			for len(text) < 12 {
				w := []rune(words[rng.Intn(len(words))])
				switch rng.Intn(3) {
				case 0:
					w = w[rng.Intn(len(w)):]
				case 1:
					w = w[:1+rng.Intn(len(w))]
				}
				text = append(text, w...)
				if rng.Intn(4) == 0 {
					text = append(text, '的')
				}
			}
			for i := range text {
				if got, want := s.PrefixAt(text, i), b.at(text, i, len(text)); got != want {
					t.Fatalf("[%s].PrefixAt(%q, %d) = %d, want %d", name, string(text), i, got, want)
				}
				to := min(i+1+rng.Intn(4), len(text))
				if got, want := s.prefixWithin(text, i, to), b.at(text, i, to); got != want {
					t.Fatalf("[%s].prefixWithin(%q, %d, %d) = %d, want %d", name, string(text), i, to, got, want)
				}
				from := max(i-rng.Intn(5), 0)
				if got, want := s.SuffixBeforeFrom(text, i+1, from), b.before(text, i+1, from); got != want {
					t.Fatalf("[%s].SuffixBeforeFrom(%q, %d, %d) = %d, want %d", name, string(text), i+1, from, got, want)
				}
			}
		}
	}
}

// TestIsWordAtMatchesContains compares IsWordAt with Contains of the string over every
// stretch of random text made of each section's words, cut and run together, with odd
// runes (a surrogate, a negative rune) among them; and out-of-range bounds.
func TestIsWordAtMatchesContains(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	checked := 0
	for name, s := range all {
		words := s.Words()
		if slices.ContainsFunc(words, func(w string) bool { return strings.ContainsRune(w, utf8.RuneError) }) {
			continue // a word with U+FFFD matches an odd rune's string, never the rune: documented
		}
		for range 50 {
			var text []rune
			for len(text) < 10 {
				w := []rune(words[rng.Intn(len(words))])
				switch rng.Intn(4) {
				case 0:
					w = w[rng.Intn(len(w)):]
				case 1:
					w = w[:1+rng.Intn(len(w))]
				case 2:
					w = append(w, []rune{0xD800, -1, '的'}[rng.Intn(3)])
				}
				text = append(text, w...)
			}
			for i := -1; i <= len(text); i++ {
				for j := i - 1; j <= len(text)+1; j++ {
					want := i >= 0 && i < j && j <= len(text) && s.Contains(string(text[i:j]))
					if got := s.IsWordAt(text, i, j); got != want {
						t.Fatalf("[%s].IsWordAt(%q, %d, %d) = %v, want %v", name, string(text), i, j, got, want)
					}
					if want {
						checked++
					}
				}
			}
		}
	}
	if checked < 1000 {
		t.Fatalf("only %d words found", checked)
	}
}

// TestFirstAndLastRunesOfEverySet: read off the index, FirstRunes, LastRunes and Runes
// are the first, last and all runes of every word, decoded one by one, for every embedded
// set and for words of ASCII, of one rune and with an invalid byte.
func TestFirstAndLastRunesOfEverySet(t *testing.T) {
	secs, err := load()
	if err != nil {
		t.Fatal(err)
	}
	named := map[string]*Set{"mixed": NewSet("GDP", "增", "增长率", "\xff下降", "下降\xfe", "km²")}
	for name, s := range secs {
		named[name] = Get(name) // the compiled set, which the package uses
		if len(s.Words()) != len(named[name].Words()) {
			t.Fatalf("[%s]: %d words compiled, %d in the file", name, len(named[name].Words()), len(s.Words()))
		}
	}
	for name, s := range named {
		var first, last, all RuneSet
		for _, w := range s.Words() {
			for _, r := range w {
				first.add(r)
				break
			}
			r, _ := utf8.DecodeLastRuneInString(w)
			last.add(r)
			for _, r := range w {
				all.add(r)
			}
		}
		if got := Runes(s); *got != all {
			t.Errorf("[%s]: Runes %q, want %q", name, string(got.AppendRunes(nil)), string(all.AppendRunes(nil)))
		}
		if got := FirstRunes([]*Set{s}); *got != first {
			t.Errorf("[%s]: FirstRunes %q, want %q", name, string(got.AppendRunes(nil)), string(first.AppendRunes(nil)))
		}
		if got := LastRunes(s); *got != last {
			t.Errorf("[%s]: LastRunes %q, want %q", name, string(got.AppendRunes(nil)), string(last.AppendRunes(nil)))
		}
	}
}
