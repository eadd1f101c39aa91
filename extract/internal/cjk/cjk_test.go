package cjk

import (
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestYearAt(t *testing.T) {
	tests := []struct {
		in      string
		at      int
		year, n int
	}{
		{"2016年", 0, 2016, 4},
		{"较2020年", 1, 2020, 4},
		{"12016年", 1, 0, 0}, // part of a longer number
		{"20161", 0, 0, 0},
		{"1899年", 0, 0, 0},
		{"2200年", 0, 0, 0},
		{"201", 0, 0, 0},
		{"3016", 0, 0, 0},
	}
	for _, tc := range tests {
		y, n := YearAt([]rune(tc.in), tc.at)
		if y != tc.year || n != tc.n {
			t.Errorf("YearAt(%q, %d) = %d, %d; want %d, %d", tc.in, tc.at, y, n, tc.year, tc.n)
		}
	}
}

func TestSmallInt(t *testing.T) {
	v, n := SmallInt([]rune("12月"), 0, 2)
	if v != 12 || n != 2 {
		t.Errorf("SmallInt(12月) = %d, %d", v, n)
	}
	if v, n := SmallInt([]rune("月"), 0, 2); v != 0 || n != 0 {
		t.Errorf("SmallInt(月) = %d, %d", v, n)
	}
}

func TestClassesAndSearch(t *testing.T) {
	if !IsHan('国') || IsHan('a') || !IsDigit('7') || IsDigit('七') || !IsASCIILetter('G') {
		t.Error("character classes wrong")
	}
	if got := string(TrimLeft([]rune(" \u3000\t一、"))); got != "一、" {
		t.Errorf("TrimLeft = %q", got)
	}
	a := []rune("增长5%，达到")
	if k := IndexRune(a, 0, len(a), '，', '。'); k != 4 {
		t.Errorf("IndexRune = %d", k)
	}
	if HanCount([]rune("GDP增长")) != 2 {
		t.Error("HanCount")
	}
}

// TestRunes: Runes is []rune(s) on every kind of byte sequence, valid or not.
func TestRunes(t *testing.T) {
	for _, s := range []string{
		"", "abc", "全市生产总值增长5.2%", "\u0800\uD7FF\uE000\uFFFF", "𠀀😀", // 3- and 4-byte edges
		"\xE0\x80\x80", "\xED\xA0\x80", "\xE4\xB8", "\xE4\xB8x", "\xE4x\xB8", "\x80\xBF", "a\xFFb",
	} {
		if got, want := Runes(s), []rune(s); !slices.Equal(got, want) {
			t.Errorf("Runes(%q) = %U, want %U", s, got, want)
		}
		if got, want := AppendRunes(make([]rune, 1, 1+len(s)), s)[1:], []rune(s); !slices.Equal(got, want) {
			t.Errorf("AppendRunes(roomy, %q) = %U, want %U", s, got, want)
		}
	}
}

func FuzzRunes(f *testing.F) {
	f.Add("全市\xE4\xB8生产\xED\xA0\x80总值")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Runes(s), []rune(s); !slices.Equal(got, want) {
			t.Errorf("Runes(%q) = %U, want %U", s, got, want)
		}
		// with room for len(s) runes: written in place
		if got, want := AppendRunes(make([]rune, 0, len(s)), s), []rune(s); !slices.Equal(got, want) {
			t.Errorf("AppendRunes(roomy, %q) = %U, want %U", s, got, want)
		}
	})
}

// TestAppendRunesRandom: AppendRunes is []rune(s) on random byte strings of lead,
// continuation and ASCII bytes, at every alignment of its word-at-a-time path (the E0 and
// ED leads, whose second bytes are limited, and cuts inside a character among them).
func TestAppendRunesRandom(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	alphabet := []byte{'a', '\n', 0x80, 0x9F, 0xA0, 0xBF, 0xC2, 0xDF, 0xE0, 0xE1, 0xE4, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF4, 0xFF}
	for range 50000 {
		b := make([]byte, rng.Intn(30))
		for k := range b {
			b[k] = alphabet[rng.Intn(len(alphabet))]
		}
		s := string(b)
		if got, want := AppendRunes(make([]rune, 0, len(s)), s), []rune(s); !slices.Equal(got, want) {
			t.Fatalf("AppendRunes(roomy, %q) = %U, want %U", s, got, want)
		}
	}
}

// TestAppendRunesThreeByteForms: AppendRunes is []rune(s) for every three-byte form, valid
// or not (overlong, surrogate), first or second of a pair read as one word, and beside
// ASCII and CRLF.
func TestAppendRunesThreeByteForms(t *testing.T) {
	for c := 0xE0; c <= 0xEF; c++ {
		for c1 := 0x80; c1 <= 0xBF; c1++ {
			for _, c2 := range []byte{0x80, 0xBF} {
				seq := string([]byte{byte(c), byte(c1), c2})
				for _, s := range []string{seq + "一" + seq + "\r\n", "一" + seq + "a二三" + seq + seq, "ab" + seq + seq + seq + "x"} {
					if got, want := AppendRunes(make([]rune, 0, len(s)), s), []rune(s); !slices.Equal(got, want) {
						t.Fatalf("AppendRunes(roomy, %q) = %U, want %U", s, got, want)
					}
				}
			}
		}
	}
}

// TestThreeByteRunes: a pair of three-byte sequences is valid as utf8.DecodeRune finds
// each, whichever place a sequence has in the pair.
func TestThreeByteRunes(t *testing.T) {
	for c := 0xE0; c <= 0xEF; c++ {
		for c1 := 0x70; c1 <= 0xD0; c1++ {
			seq := []byte{byte(c), byte(c1), 0x80 | byte(c1&0x3F)}
			_, n := utf8.DecodeRune(seq)
			for _, pair := range [][]byte{append(seq, "\u4e00"...), append([]byte("\u4e00"), seq...)} {
				w := uint64(0)
				for k, x := range pair {
					w |= uint64(x) << (8 * k)
				}
				if ThreeByteRunes(w) != (n == 3) {
					t.Errorf("ThreeByteRunes(% X) = %v, want %v", pair, !(n == 3), n == 3)
				}
			}
		}
	}
	if ThreeByteRunes(0) || !ThreeByteRunes(0xFFFF_8080E1_BFBFEF) {
		t.Error("ThreeByteRunes wrong on NULs or on U+1000 U+FFFF")
	}
}

// TestRuneCount: on valid UTF-8, runeCount is the number of runes, at every alignment.
func TestRuneCount(t *testing.T) {
	s := "全市生产总值增长5.2%，𠀀😀 abc\u00e9\u0800"
	for i := range len(s) {
		for j := i; j <= len(s); j++ {
			if sub := s[i:j]; utf8.ValidString(sub) && runeCount(sub) != utf8.RuneCountInString(sub) {
				t.Errorf("runeCount(%q) = %d, want %d", sub, runeCount(sub), utf8.RuneCountInString(sub))
			}
		}
	}
}

// TestString: String is string(a) and UTF8Len its length, for every kind of rune, valid
// or not.
func TestString(t *testing.T) {
	for _, a := range [][]rune{
		nil, []rune("abc"), []rune("全市生产总值增长5.2%，𠀀😀é"), {0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xD800, 0xDFFF, 0xE000, 0xFFFF, 0x10000, 0x10FFFF, 0x110000, -1},
	} {
		if got, want := String(a), string(a); got != want {
			t.Errorf("String(%U) = %q, want %q", a, got, want)
		}
		if got, want := UTF8Len(a), len(string(a)); got != want {
			t.Errorf("UTF8Len(%U) = %d, want %d", a, got, want)
		}
	}
}

func FuzzString(f *testing.F) {
	f.Add("全市生产总值", int32(0xD800))
	f.Fuzz(func(t *testing.T, s string, extra int32) {
		a := append([]rune(s), rune(extra))
		if got, want := String(a), string(a); got != want {
			t.Errorf("String(%U) = %q, want %q", a, got, want)
		}
		if got, want := UTF8Len(a), len(string(a)); got != want {
			t.Errorf("UTF8Len(%U) = %d, want %d", a, got, want)
		}
	})
}

func BenchmarkAppendRunes(b *testing.B) {
	var s string
	for len(s) < 1<<20 {
		s += "全市地区生产总值增长5.2%，一般公共预算收入完成34.1亿元。\n"
	}
	buf := make([]rune, 0, len(s))
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		buf = AppendRunes(buf[:0], s)
	}
}

// validSamples are valid UTF-8 strings of every width, at every alignment of the pair
// loop: the corpus's Chinese, the edges of the three-byte range, and mixtures.
func validSamples(t testing.TB) []string {
	out := []string{
		"", "a", "一", "一二", "全市生产总值增长5.2%\r\n", "\u0800\uD7FF\uE000\uFFFF", "𠀀😀",
		"é一二三四五六七八ü", "ab\u0800\u0800\u0800\u0800x", "\uFFFD\uFFFD\uFFFD一",
	}
	files, _ := filepath.Glob("../../../testdata/corpus/*.txt")
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.SplitAfter(string(b), "\n") {
			if utf8.ValidString(line) {
				out = append(out, line)
			}
		}
	}
	return out
}

// TestAppendValidRunes: AppendValidRunes is []rune(s) on valid UTF-8, at every start
// (every alignment of the pair loop), with and without room.
func TestAppendValidRunes(t *testing.T) {
	samples := validSamples(t)
	if len(samples) < 100 {
		t.Fatalf("%d samples: corpus not found", len(samples))
	}
	for _, s := range samples {
		for i := range s {
			if !utf8.RuneStart(s[i]) {
				continue
			}
			sub := s[i:]
			if got, want := AppendValidRunes(make([]rune, 1, 1+len(sub)), sub)[1:], []rune(sub); !slices.Equal(got, want) {
				t.Fatalf("AppendValidRunes(roomy, %q) = %U, want %U", sub, got, want)
			}
			if got, want := AppendValidRunes(nil, sub), []rune(sub); !slices.Equal(got, want) {
				t.Fatalf("AppendValidRunes(nil, %q) = %U, want %U", sub, got, want)
			}
			if i > 64 {
				break
			}
		}
	}
	rng := rand.New(rand.NewSource(2))
	widths := []rune{'a', '\n', 0x80, 0x7FF, 0x800, 0x4E00, 0xD7FF, 0xE000, 0xFFFF, 0x10000, 0x10FFFF}
	for range 20000 {
		a := make([]rune, rng.Intn(20))
		for k := range a {
			a[k] = widths[rng.Intn(len(widths))]
		}
		s := string(a)
		if got := AppendValidRunes(make([]rune, 0, len(s)), s); !slices.Equal(got, a) {
			t.Fatalf("AppendValidRunes(roomy, %q) = %U, want %U", s, got, a)
		}
	}
}

// FuzzAppendValidRunes: AppendValidRunes is []rune(s) on valid UTF-8, and on any other
// input writes no more runes than it has room for.
func FuzzAppendValidRunes(f *testing.F) {
	f.Add("全市\xE4\xB8生产\xED\xA0\x80总值")
	f.Add("全市生产总值增长5.2%")
	f.Fuzz(func(t *testing.T, s string) {
		got := AppendValidRunes(make([]rune, 0, len(s)), s)
		if utf8.ValidString(s) && !slices.Equal(got, []rune(s)) {
			t.Errorf("AppendValidRunes(roomy, %q) = %U, want %U", s, got, []rune(s))
		}
		if len(got) > len(s) {
			t.Errorf("AppendValidRunes(roomy, %q): %d runes from %d bytes", s, len(got), len(s))
		}
	})
}
