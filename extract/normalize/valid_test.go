package normalize

import (
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/policymetrics/policymetrics/extract/internal/cjk"
	"github.com/policymetrics/policymetrics/extract/textmap"
)

// checkValid fails when NormalizeValid(s) is not what decoding s and then normalising its
// runes gives: the same runes, the same analysis runes and the same map (shifts).
func checkValid(t *testing.T, s string) {
	t.Helper()
	wantSrc := cjk.AppendValidRunes(nil, s)
	want := NormalizeReusing(nil, nil, textmap.Identity(wantSrc))
	// Reused buffers with stale runes in them, as from chunk to chunk.
	stale := []rune(strings.Repeat("旧", len(s)+3))
	src, got := NormalizeValid(stale[:1], slices.Clone(stale), s)
	if !slices.Equal(src, wantSrc) {
		t.Fatalf("NormalizeValid(%q) runes %q, want %q", s, string(src), string(wantSrc))
	}
	if !slices.Equal(got.Runes, want.Runes) || !slices.Equal(got.Shifts, want.Shifts) || got.Src != nil {
		t.Fatalf("NormalizeValid(%q) = %q %v, want %q %v", s, string(got.Runes), got.Shifts, string(want.Runes), want.Shifts)
	}
}

// testTexts returns the test documents (corpus and seeds) as valid UTF-8, as decode
// gives plain text.
func testTexts(t *testing.T) []string {
	paths, _ := filepath.Glob("../../testdata/corpus/*.txt")
	seeds, _ := filepath.Glob("../../testdata/seeds/*.txt")
	paths = append(paths, seeds...)
	if len(paths) < 10 {
		t.Fatalf("%d test documents: corpus not found", len(paths))
	}
	var texts []string
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.ToValidUTF8(string(data), "\uFFFD"))
	}
	return texts
}

// TestNormalizeValidCorpus: on the test documents, whole and cut at every line start (as
// a chunk's text starts), the fused pass gives what the two passes give.
func TestNormalizeValidCorpus(t *testing.T) {
	for _, s := range testTexts(t) {
		checkValid(t, s)
		for at := 0; at < len(s); {
			k := strings.IndexByte(s[at:], '\n')
			if k < 0 {
				break
			}
			checkValid(t, s[at:min(len(s), at+k+1+200)])
			at += k + 1
		}
	}
}

// TestNormalizeValidRandom: random text of the runes the rules read with their context
// (tags, entities, pinyin, notes, spaces between digits and Han, garbled residue), runes
// they fold alone, and runes of every width, in runs long and short.
func TestNormalizeValidRandom(t *testing.T) {
	pieces := []string{
		"區", "区", "萬", "一", "。", "，", "、", "“", "”", "—", "…", "１", "％", "（", "）", "(", ")",
		"qū)", "(qū)", "（zhí）", "?zhí)", "?/span>", "\ufffdqū)", "ā", "ü", "<p>", "</span>", "<b class=\"x\">",
		"&amp;", "&#x4e00;", "&#12345;", "&nbsp;", "&lt", "(下同)", "（以下简称经开区）", "(以下简称",
		" ", "  ", "    ", "\u3000", "\u00a0", "\u2002", "\u202f", "\u200b", "\u00ad", "\ufeff", "\t", "\n", "\r\n",
		"2025", "年", "3.9", "%", "a", "GDP", "x", "?", "!", "<", "&", "Ж", "é", "\U00020000", "\U0002F800", "𠀀",
		"\u9fff", "\ua000", "\u2fff", "\u3400", "\uff5e", "\uff5f", "\uffe5", "\u2010", "\u2027", "\u2028",
		"全市生产总值增长", "經濟發展", "二〇二五年",
	}
	rng := rand.New(rand.NewSource(81))
	for range 20000 {
		var b strings.Builder
		for n := rng.Intn(24); n > 0; n-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		checkValid(t, b.String())
	}
}

// TestFreeFold: the runes freeFold has fold as fold does, and the rules read none of
// them with its context: each gives, alone and between the contexts that the rules look
// at, what the rune-by-rune reading gives (checkValid); the others are the rules' runes.
func TestFreeFold(t *testing.T) {
	contexts := []string{"", "一", "2", "a", "(", "qū)", "/span>", " 年", "&amp;", "Ж"}
	for r := rune(0); r < rune(len(freeFold)); r++ {
		f := freeFold[r]
		if f < 0 {
			continue
		}
		if f != fold(r) {
			t.Fatalf("freeFold[%U] = %U, fold gives %U", r, f, fold(r))
		}
		if r >= 0xD800 && r < 0xE000 {
			t.Fatalf("freeFold has the surrogate %U", r)
		}
		for _, c := range contexts {
			checkValid(t, c+string(r))
			checkValid(t, string(r)+c)
		}
		checkValid(t, "一"+string(r)+"qū)")
	}
	for _, r := range []rune{'<', '&', '(', ' ', '?', 'a', 'q', 'z', '（', '\ufffd', '\u00ad', '\u200b', '\u2002', '\u202f', '\u205f', '\ufeff', 'ā', 'ü', '\u00a0'} {
		if freeFold[r] >= 0 {
			t.Errorf("freeFold has %U, which the rules read with its context", r)
		}
	}
}

// FuzzNormalizeValid: on any valid UTF-8, the fused pass gives what the two passes give.
func FuzzNormalizeValid(f *testing.F) {
	for _, s := range []string{"", "區(qū)", "?zhí)", "?/span>", "&amp;&#x4e00;&#12345", "<p class=\"x\">１２％</p>",
		"產（chǎn）", "a&nbsp;b\u3000c", "\ufffdqū)", "執zhí)行", "81.63\u2002\u2003亿元", "\u2009\u202f1", "2025 年 增长 3.9%"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		checkValid(t, s)
	})
}

// markerSets are the chosen runes of the Markers tested: a sentence's ends and the line
// break, which fold from fullwidth forms too and one of which ('?') the rules read; a tab;
// and runes that rules read or make (' ', also ideographic space's fold; U+FFFD; 'a');
// and a whole document's marks (doc.Marks and the tab), digits among them, which stop
// foldRunes' run of ASCII.
var markerSets = [][]rune{
	{'\n', '.', '!', '?', '。', '！', '？'}, {'\t'}, {' ', '区', '\ufffd', 'a'},
	{'\n', '.', '!', '?', '。', '！', '？', '1', '2', '\t'},
}

// markers are made on first use: freeFold is filled by init, after the package's variables.
var markers = sync.OnceValue(func() []*Marker {
	var ms []*Marker
	for _, set := range markerSets {
		ms = append(ms, NewMarker(set...))
	}
	return ms
})

// checkMarked fails when a Marker's NormalizeValid(s) is not NormalizeValid(s), or its
// places are not the indexes of its chosen runes in the analysis text, counted there.
func checkMarked(t *testing.T, s string) {
	t.Helper()
	wantSrc, want := NormalizeValid(nil, nil, s)
	for k, m := range markers() {
		var wantAt []int
		for i, r := range want.Runes {
			if slices.Contains(markerSets[k], r) {
				wantAt = append(wantAt, i)
			}
		}
		stale := []rune(strings.Repeat("旧", len(s)+3))
		// The scratch comes with stale entries, of this text's places and of none: they are
		// not read.
		scratch := []int{0, 5, ^1, -3, math.MaxInt}
		src, got, at, kept := m.NormalizeValid(stale[:1], slices.Clone(stale), s, []int{-7}, &scratch)
		if _, again, _, _ := m.NormalizeValid(nil, nil, s, nil, &scratch); !slices.Equal(again.Runes, want.Runes) {
			t.Fatalf("marking %q in %q, with a used scratch: %q, want %q", markerSets[k], s, string(again.Runes), string(want.Runes))
		}
		if !slices.Equal(src, wantSrc) || !slices.Equal(got.Runes, want.Runes) || !slices.Equal(got.Shifts, want.Shifts) {
			t.Fatalf("marking %q, NormalizeValid(%q) = %q %v, want %q %v", markerSets[k], s, string(got.Runes), got.Shifts, string(want.Runes), want.Shifts)
		}
		if !slices.Equal(at[1:], wantAt) || at[0] != -7 {
			t.Fatalf("marking %q in %q (analysis %q): places %v, want %v after -7", markerSets[k], s, string(want.Runes), at, wantAt)
		}
		var folds, marked []rune // the chosen folds of the source's runes, and the chosen runes made
		for _, r := range src {
			if slices.Contains(markerSets[k], fold(r)) {
				folds = append(folds, fold(r))
			}
		}
		for _, i := range wantAt {
			marked = append(marked, want.Runes[i])
		}
		if kept && !slices.Equal(folds, marked) {
			t.Fatalf("marking %q in %q: kept, but the source's chosen folds are %q, the output's %q", markerSets[k], s, string(folds), string(marked))
		}
		if !kept && readsNone(s) {
			t.Fatalf("marking %q in %q, which no rule reads: not kept", markerSets[k], s)
		}
	}
}

// readsNone reports text that no rule of Normalize reads: every rune folds alone (freeFold).
func readsNone(s string) bool {
	for _, r := range s {
		if r >= rune(len(freeFold)) || freeFold[r] < 0 {
			return false
		}
	}
	return true
}

// TestMarkerCorpus, TestMarkerRandom and FuzzMarker: a Marker finds its runes where a
// scan of the analysis text finds them, on the texts NormalizeValid is tested with, and
// its output is NormalizeValid's.
func TestMarkerCorpus(t *testing.T) {
	for _, s := range testTexts(t) {
		checkMarked(t, s)
		for at := 0; at < len(s); at += 997 {
			at := at
			for at < len(s) && !utf8.RuneStart(s[at]) {
				at++
			}
			checkMarked(t, s[at:min(len(s), at+300)])
		}
	}
}

func TestMarkerRandom(t *testing.T) {
	pieces := []string{
		"區", "一", "。", "．", "，", "！", "？", "!", "?", ".", "\n", "\r\n", "\t", "&#9;", "&#10;", "&excl;", "&#x3002;",
		"&quest;", "&period;", "&#65311;", "。。。", "3.9", "”", "）", "(", "qū)", "?zhí)", "?/span>", "\ufffdqū)",
		"<p>", "<b title=\"a.b\tc\">", "(以下简称经开区)", "(下同)", "2025 年", "年 3", " ", "\u3000", "a", "区", "\ufffd",
		"全市生产总值增长", "經濟發展。", "二〇二五年！", "\U00020000", "Ж", "&Tab;", "<td\tclass=\"x\">", "(以下简称\t经开区)",
	}
	rng := rand.New(rand.NewSource(88))
	for range 20000 {
		var b strings.Builder
		for n := rng.Intn(24); n > 0; n-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		checkMarked(t, b.String())
	}
}

func FuzzMarker(f *testing.F) {
	for _, s := range []string{"", "一。二！三？四.五\n", "全市生产总值增长。经济发展。", "&#10;&#x3002;&quest;", "<b title=\"a.b\">。</b>",
		"區(qū)。", "?zhí)", "a\u3000b\t。", "2025 年。增长 3.9%！"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		checkMarked(t, s)
	})
}
