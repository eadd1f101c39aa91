package decode

import (
	"encoding/binary"
	"math/rand"
	"testing"
	"unicode/utf8"

	"github.com/policymetrics/policymetrics/extract/internal/cjk"
)

// scanUTF8 is scanSpans without a visitor, as detect calls it for most documents.
func scanUTF8(data []byte) (valid, binaryText bool) { return scanSpans(data, nil) }

// scanReference is what scanUTF8 replaces: utf8.Valid, then isBinary on valid text.
func scanReference(data []byte) (bool, bool) {
	if !utf8.Valid(data) {
		return false, false
	}
	return true, isBinary(string(data))
}

func TestScanUTF8(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   string
	}{
		{"empty", ""},
		{"ascii", "GDP grew 5.2% in 2025, as planned."},
		{"chinese", "全市地区生产总值增长5.2%。\n"},
		{"two-byte", "café ü"},
		{"four-byte", "𠀀𪚥 and 😀"},
		{"E0 lower bound", "\xE0\xA0\x80"},
		{"E0 overlong", "\xE0\x80\x80"},
		{"ED surrogate", "\xED\xA0\x80"},
		{"ED last valid", "\xED\x9F\xBF"},
		{"EF replacement char", "\xEF\xBF\xBD"},
		{"F4 out of range", "\xF4\x90\x80\x80"},
		{"cut three-byte", "增长\xE5\xA2"},
		{"cut at the fast path's end", "增\xE5"},
		{"lone continuation", "a\x80b"},
		{"C0 overlong", "\xC0\xAF"},
		{"NUL", "ab\x00cd"},
		{"three controls in short text", "\x01\x02\x03abc"},
		{"three controls in long text", "\x01\x02\x03这是一段很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长的文本"},
		{"DEL", "\x7F\x7F\x7F"},
		{"whitespace controls", "a\tb\nc\rd\fe\vf"},
	} {
		gotValid, gotBinary := scanUTF8([]byte(tc.in))
		wantValid, wantBinary := scanReference([]byte(tc.in))
		if gotValid != wantValid || gotBinary != wantBinary {
			t.Errorf("%s: scanUTF8(%q) = %v, %v; want %v, %v", tc.name, tc.in, gotValid, gotBinary, wantValid, wantBinary)
		}
	}
}

// TestScanUTF8Random compares scanUTF8 with the two passes on random byte strings drawn
// from an alphabet of lead, continuation, control and ASCII bytes.
func TestScanUTF8Random(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	alphabet := []byte{'a', '\n', 0x01, 0x7F, 0, 0x80, 0x9F, 0xA0, 0xBF, 0xC2, 0xDF, 0xE0, 0xE4, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF}
	for range 50000 {
		b := make([]byte, rng.Intn(24))
		for k := range b {
			b[k] = alphabet[rng.Intn(len(alphabet))]
		}
		gv, gb := scanUTF8(b)
		wv, wb := scanReference(b)
		if gv != wv || gb != wb {
			t.Fatalf("scanUTF8(%q) = %v, %v; want %v, %v", b, gv, gb, wv, wb)
		}
	}
}

// TestFourHanRunes: the four-character test says yes only to what two cjk.ThreeByteRunes
// accept, and to all of it when no lead is E0 or ED (those it leaves to the slower path).
func TestFourHanRunes(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	leads := []byte{0xE0, 0xE1, 0xE3, 0xE4, 0xE9, 0xEC, 0xED, 0xEE, 0xEF, 0xC3, 0xF0, 0x80, 'a'}
	conts := []byte{0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0x7F, 'a', 0xE4}
	word := func() (uint64, bool) {
		var b [8]byte
		special := false
		for k := range 6 {
			if k%3 == 0 {
				b[k] = leads[rng.Intn(len(leads))]
				special = special || b[k] == 0xE0 || b[k] == 0xED
			} else {
				b[k] = conts[rng.Intn(len(conts))]
			}
		}
		b[6], b[7] = byte(rng.Intn(256)), byte(rng.Intn(256))
		return binary.LittleEndian.Uint64(b[:]), special
	}
	for range 200000 {
		w0, s0 := word()
		w1, s1 := word()
		got, want := fourHanRunes(w0, w1), cjk.ThreeByteRunes(w0) && cjk.ThreeByteRunes(w1)
		if got && !want || !got && want && !s0 && !s1 {
			t.Fatalf("fourHanRunes(%#x, %#x) = %v, two ThreeByteRunes say %v", w0, w1, got, want)
		}
	}
}

// TestScanUTF8Runs compares scanUTF8 with the two passes on longer strings, mostly runs
// of three-byte characters (the four-character step) with now and then a broken one.
func TestScanUTF8Runs(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	pieces := []string{"增", "长", "，", "。", "\u0800", "\uD7FF", "\uE000", "\uFFFF", "\u0FFF", "\uD000",
		"a", "\n", "é", "𠀀", "\xE0\x80\x80", "\xED\xA0\x80", "\xE4\xB8", "\x80"}
	for range 20000 {
		var b []byte
		for range rng.Intn(40) {
			p := pieces[rng.Intn(len(pieces))]
			if rng.Intn(4) > 0 {
				p = pieces[rng.Intn(4)] // mostly Chinese
			}
			b = append(b, p...)
		}
		gv, gb := scanUTF8(b)
		wv, wb := scanReference(b)
		if gv != wv || gb != wb {
			t.Fatalf("scanUTF8(%q) = %v, %v; want %v, %v", b, gv, gb, wv, wb)
		}
	}
}

func FuzzScanUTF8(f *testing.F) {
	for _, s := range []string{"", "增长5%\n", "\xED\xA0\x80", "\xE0\x80\x80", "\x01\x02\x03", "ab\x00"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		gv, gb := scanUTF8(b)
		wv, wb := scanReference(b)
		if gv != wv || gb != wb {
			t.Fatalf("scanUTF8(%q) = %v, %v; want %v, %v", b, gv, gb, wv, wb)
		}
		checkSpans(t, b)
	})
}

// scanBenchText is a megabyte of report-like text, mostly three-byte characters.
func scanBenchText() []byte {
	data := []byte{}
	for len(data) < 1<<20 {
		data = append(data, "全市地区生产总值增长5.2%，一般公共预算收入完成34.1亿元。\n"...)
	}
	return data
}

func BenchmarkScanUTF8(b *testing.B) {
	data := scanBenchText()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		scanUTF8(data)
	}
}

// BenchmarkValidThenIsBinary is what scanUTF8 replaced, for comparison.
func BenchmarkValidThenIsBinary(b *testing.B) {
	data := scanBenchText()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		scanReference(data)
	}
}

// TestScanSpans: the spans scanSpans shows are in order, apart (one call a run), and hold every byte of
// valid text outside three-byte characters; its verdicts are scanUTF8's.
func TestScanSpans(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	pieces := []string{"增", "长", "，", "。", "“", "\u200b", "\ufffd", "\u0800", "\uD7FF", "\uE000", "\u0FFF",
		"a", "1", "-", "\n", "é", "ǎ", "\u00ad", "𠀀", "2017-07-27 ", "http://example.org/a.html", "\xE0\x80\x80", "\xE4\xB8", "\x80"}
	for range 20000 {
		var b []byte
		for range rng.Intn(40) {
			p := pieces[rng.Intn(len(pieces))]
			if rng.Intn(3) == 0 {
				p = pieces[rng.Intn(4)]
			}
			b = append(b, p...)
		}
		checkSpans(t, b)
	}
}

// checkSpans tests scanSpans on b: the verdicts are scanUTF8's and, for valid UTF-8, the
// spans come in order, never adjacent (a run is shown in one call), and hold every byte
// outside three-byte characters.
func checkSpans(t *testing.T, b []byte) {
	t.Helper()
	var spans [][2]int
	gv, gb := scanSpans(b, func(from, to int) { spans = append(spans, [2]int{from, to}) })
	if wv, wb := scanUTF8(b); gv != wv || gb != wb {
		t.Fatalf("scanSpans(%q) = %v, %v; scanUTF8 %v, %v", b, gv, gb, wv, wb)
	}
	if !gv {
		return
	}
	in := make([]bool, len(b))
	for k, s := range spans {
		if s[0] >= s[1] || s[1] > len(b) || k > 0 && s[0] <= spans[k-1][1] {
			t.Fatalf("scanSpans(%q): spans %v out of order or adjacent", b, spans)
		}
		for i := s[0]; i < s[1]; i++ {
			in[i] = true
		}
	}
	for i := 0; i < len(b); {
		_, size := utf8.DecodeRune(b[i:])
		if size != 3 && !in[i] {
			t.Fatalf("scanSpans(%q): byte %d (%q) in no span %v", b, i, b[i:i+size], spans)
		}
		i += size
	}
}
