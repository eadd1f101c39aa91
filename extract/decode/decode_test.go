package decode

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	"github.com/policymetrics/policymetrics/extract/internal/golden"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

const (
	seedSimplified  = "../../testdata/seeds/002_15ed48a196308db7.txt"
	seedTraditional = "../../testdata/seeds/004_19462e9e61cbea4a.txt"
)

func readSeed(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// fixture is a seed re-encoded, and what Decode must return for it.
type fixture struct {
	name, enc string
	data      []byte
	want      string
}

func encodeUTF16(s string, bigEndian, bom bool) []byte {
	u := utf16.Encode([]rune(s))
	if bom {
		u = append([]uint16{0xFEFF}, u...)
	}
	b := make([]byte, 0, 2*len(u))
	for _, c := range u {
		if bigEndian {
			b = append(b, byte(c>>8), byte(c))
		} else {
			b = append(b, byte(c), byte(c>>8))
		}
	}
	return b
}

// encodeBig5 encodes s in Big5, skipping the characters Big5 cannot encode; it
// returns the bytes and the text they stand for.
func encodeBig5(s string) ([]byte, string) {
	enc := traditionalchinese.Big5.NewEncoder()
	var out []byte
	var kept strings.Builder
	for _, r := range s {
		b, err := enc.Bytes([]byte(string(r)))
		if err != nil {
			continue
		}
		out = append(out, b...)
		kept.WriteRune(r)
	}
	return out, kept.String()
}

func fixtures(t testing.TB) []fixture {
	var fs []fixture
	for _, seed := range []struct{ name, path string }{{"002", seedSimplified}, {"004", seedTraditional}} {
		text := readSeed(t, seed.path)
		gb, err := simplifiedchinese.GB18030.NewEncoder().String(text)
		if err != nil {
			t.Fatal(err)
		}
		fs = append(fs,
			fixture{seed.name + ".utf8", UTF8, []byte(text), text},
			fixture{seed.name + ".utf8bom", UTF8BOM, append([]byte("\xEF\xBB\xBF"), text...), text},
			fixture{seed.name + ".utf16le-bom", UTF16LE, encodeUTF16(text, false, true), text},
			fixture{seed.name + ".utf16be-bom", UTF16BE, encodeUTF16(text, true, true), text},
			fixture{seed.name + ".utf16le", UTF16LE, encodeUTF16(text, false, false), text},
			fixture{seed.name + ".utf16be", UTF16BE, encodeUTF16(text, true, false), text},
			fixture{seed.name + ".gb18030", GB18030, []byte(gb), text},
		)
		if seed.name == "004" {
			b5, kept := encodeBig5(text)
			fs = append(fs, fixture{seed.name + ".big5", Big5, b5, kept})
		}
	}
	return fs
}

// TestDecodeSeeds re-encodes the simplified seed 002 and the traditional seed 004 and
// checks that detection returns exactly the UTF-8 text and the right encoding. The
// golden file records the fixtures (sizes, and a hash of the text) and the result.
func TestDecodeSeeds(t *testing.T) {
	var table bytes.Buffer
	fmt.Fprintf(&table, "# fixture\tbytes\tencoding\trunes\tsha256(text)[:12]\n")
	for _, f := range fixtures(t) {
		got, err := Decode(f.data, "auto")
		if err != nil {
			t.Errorf("%s: Decode: %v", f.name, err)
			continue
		}
		if got.Encoding != f.enc {
			t.Errorf("%s: Encoding = %q, want %q", f.name, got.Encoding, f.enc)
		}
		if got.Text != f.want {
			t.Errorf("%s: text differs from the seed (%d vs %d bytes)", f.name, len(got.Text), len(f.want))
		}
		// forcing the encoding gives the same text
		forced, err := Decode(f.data, f.enc)
		if err != nil || forced.Text != f.want {
			t.Errorf("%s: forced %s: err %v, same text %v", f.name, f.enc, err, forced.Text == f.want)
		}
		sum := sha256.Sum256([]byte(got.Text))
		fmt.Fprintf(&table, "%s\t%d\t%s\t%d\t%x\n", f.name, len(f.data), got.Encoding,
			len([]rune(got.Text)), sum[:6])
	}
	golden.Check(t, "decode.golden", table.Bytes())
}

func TestDecodeShort(t *testing.T) {
	gb := func(s string) []byte {
		b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	big5 := func(s string) []byte {
		b, err := traditionalchinese.Big5.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	for _, tc := range []struct {
		name     string
		data     []byte
		enc      string
		wantEnc  string
		wantText string
		wantErr  string
	}{
		{"empty", nil, "", UTF8, "", ""},
		{"ascii", []byte("GDP 6.5%\n"), "", UTF8, "GDP 6.5%\n", ""},
		{"bom only", []byte("\xEF\xBB\xBF"), "", UTF8BOM, "", ""},
		{"utf-8", []byte("增长6.5%"), "auto", UTF8, "增长6.5%", ""},
		{"gb sentence", gb("规模以上工业增加值增长6.5%。"), "", GB18030, "规模以上工业增加值增长6.5%。", ""},
		{"big5 sentence", big5("規模以上工業增加值增長6.5%。"), "", Big5, "規模以上工業增加值增長6.5%。", ""},
		{"gb traditional", gb("發展改革局"), "", GB18030, "發展改革局", ""},
		{"big5 short", big5("產業發展"), "", Big5, "產業發展", ""},
		{"gb short", gb("产业发展"), "", GB18030, "产业发展", ""},
		{"forced gbk", gb("亿元"), "GBK", GB18030, "亿元", ""},
		{"forced gb2312", gb("亿元"), "gb2312", GB18030, "亿元", ""},
		{"forced big5", big5("億元"), "Big5", Big5, "億元", ""},
		{"forced utf8 keeps bad bytes as U+FFFD", []byte("a\xffb"), "utf8", UTF8, "a\uFFFDb", ""},
		{"forced utf-16 sniffs", encodeUTF16("十四五", true, false), "utf-16", UTF16BE, "十四五", ""},
		{"forced utf-16 BOM", encodeUTF16("十四五", true, true), "UTF-16", UTF16BE, "十四五", ""},
		{"forced utf-16le", encodeUTF16("ab", false, false), "utf-16le", UTF16LE, "ab", ""},
		{"utf-16 odd byte", append(encodeUTF16("ab", false, true), 'x'), "", UTF16LE, "ab\uFFFD", ""},
		// UTF-16 with no byte order mark: ASCII reads as valid UTF-8 holding NULs, Chinese
		// as invalid UTF-8; both are found by their NULs.
		{"utf-16le no BOM, ascii", encodeUTF16("GDP grew 6.5% in 2025", false, false), "", UTF16LE, "GDP grew 6.5% in 2025", ""},
		{"utf-16be no BOM, ascii", encodeUTF16("GDP grew 6.5% in 2025", true, false), "", UTF16BE, "GDP grew 6.5% in 2025", ""},
		{"utf-16le no BOM, chinese", encodeUTF16("地区生产总值增长6.5%。", false, false), "", UTF16LE, "地区生产总值增长6.5%。", ""},
		{"utf-16be no BOM, chinese", encodeUTF16("地区生产总值增长6.5%。", true, false), "", UTF16BE, "地区生产总值增长6.5%。", ""},
		{"invalid with nul", []byte("abc\xff\x00defgh"), "", "", "", ErrBinary.Error()},
		{"unknown encoding", []byte("x"), "latin1", "", "", "unknown encoding"},
		{"undecodable", []byte("caf\xe9 au lait, na\xefve \xff\xfe\xfd"), "", "", "", "not UTF-8, GB18030 or Big5"},
		{"nul", []byte("abc\x00def\x00\x00\x01"), "", "", "", ErrBinary.Error()},
		{"controls", []byte("\x01\x02\x03\x04abc"), "", "", "", ErrBinary.Error()},
		{"forced nul", []byte("ab\x00"), "gb18030", "", "", ErrBinary.Error()},
		{"one control is text", []byte("page\x0c2 \x1b"), "", UTF8, "page\x0c2 \x1b", ""},
	} {
		got, err := Decode(tc.data, tc.enc)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("%s: err = %v, want %q", tc.name, err, tc.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if got.Encoding != tc.wantEnc || got.Text != tc.wantText {
			t.Errorf("%s: Decode = %q %q, want %q %q", tc.name, got.Encoding, got.Text, tc.wantEnc, tc.wantText)
		}
	}
	// ViewSpans reads such a document as UTF-16 too, and says its spans are not to be used.
	for _, bigEndian := range []bool{false, true} {
		data := encodeUTF16("地区生产总值增长6.5%，GDP", bigEndian, false)
		res, spanned, err := ViewSpans(data, "", func(string, int, int) {})
		if err != nil || spanned || res.Text != "地区生产总值增长6.5%，GDP" {
			t.Errorf("ViewSpans(UTF-16, big-endian %v) = %q, spanned %v, %v", bigEndian, res.Text, spanned, err)
		}
	}
	if _, err := Decode([]byte("\x00\x01\x02\x03"), ""); !errors.Is(err, ErrBinary) {
		t.Errorf("binary: err = %v, want ErrBinary", err)
	}
}

// A UTF-8 document with a stray bad byte is still UTF-8, not mojibake.
func TestDecodeBrokenUTF8(t *testing.T) {
	text := readSeed(t, seedSimplified)
	data := []byte(text)
	i := len(data) / 2
	for data[i]&0xC0 != 0x80 { // the middle of a character
		i++
	}
	data = append(data[:i:i], data[i+1:]...)
	got, err := Decode(data, "")
	if err != nil {
		t.Fatal(err)
	}
	if got.Encoding != UTF8 || !strings.Contains(got.Text, "\uFFFD") || len(got.Text) < len(text)-4 {
		t.Errorf("broken UTF-8: Encoding %q, %d bytes", got.Encoding, len(got.Text))
	}
}

// TestDecodeCutCharacter: a file cut at a byte count inside its last character reads as
// UTF-8 with one U+FFFD per byte of the cut character, from Decode (in Text) and from View
// (in Tail, Text being the input's own bytes), forced to UTF-8 or detected.
func TestDecodeCutCharacter(t *testing.T) {
	body := "全市生产总值增长5.2%。\n" + strings.Repeat("国", 40)
	for k := 1; k <= 3; k++ {
		cut := "𠀀"[:k] // a 4-byte character cut after k bytes
		data := []byte(body + cut)
		want := body + strings.Repeat("\uFFFD", k)
		for _, enc := range []string{"", "utf-8"} {
			dec, err := Decode(data, enc)
			if err != nil || dec.Text != want || dec.Tail != "" || dec.Encoding != UTF8 {
				t.Errorf("Decode(cut after %d, %q) = %q+%q %s %v", k, enc, dec.Text[len(body):], dec.Tail, dec.Encoding, err)
			}
			view, err := View(data, enc)
			if err != nil || view.Text != body || view.Text+view.Tail != want || unsafe.StringData(view.Text) != &data[0] {
				t.Errorf("View(cut after %d, %q): Text %d bytes, Tail %q, shares the input: %v; %v", k, enc, len(view.Text), view.Tail, unsafe.StringData(view.Text) == &data[0], err)
			}
		}
	}
	// Not a cut character: a stray continuation byte after ASCII is no cut.
	if res, ok := cutUTF8([]byte("abc\x80"), false, UTF8); ok {
		t.Errorf("cutUTF8(abc + continuation byte) = %q, true", res.Text)
	}
}

// TestDecodeLines re-encodes each line of the corpus and of the seeds on its own, in
// GB18030 and (where it fits) Big5: short texts are where a byte-range guess fails.
// Every line with a few Han characters must be read in its own encoding.
func TestDecodeLines(t *testing.T) {
	paths, _ := filepath.Glob("../../testdata/corpus/*.txt")
	paths = append(paths, seedSimplified, seedTraditional)
	gbEnc := simplifiedchinese.GB18030.NewEncoder()
	lines, big5Lines := 0, 0
	for _, p := range paths {
		for _, line := range strings.Split(readSeed(t, p), "\n") {
			han := 0
			for _, r := range line {
				if r >= 0x3400 && r < 0xA000 {
					han++
				}
			}
			if han < 4 {
				continue
			}
			gb, err := gbEnc.String(line)
			if err != nil {
				t.Fatal(err)
			}
			lines++
			if got, err := Decode([]byte(gb), ""); err != nil || got.Encoding != GB18030 || got.Text != line {
				t.Errorf("GB18030 line read as %q (%v): %s", got.Encoding, err, line)
			}
			b5, kept := encodeBig5(line)
			if len([]rune(kept)) < len([]rune(line))*9/10 {
				continue // mostly simplified: not a Big5 text
			}
			big5Lines++
			if got, err := Decode(b5, ""); err != nil || got.Encoding != Big5 || got.Text != kept {
				t.Errorf("Big5 line read as %q (%v): %s", got.Encoding, err, kept)
			}
		}
	}
	t.Logf("%d lines in GB18030, %d in Big5", lines, big5Lines)
}

// Large documents are judged on a sample and checked in full.
func TestDecodeLarge(t *testing.T) {
	s002 := readSeed(t, seedSimplified)
	s004 := readSeed(t, seedTraditional)
	gb, _ := simplifiedchinese.GB18030.NewEncoder().String(strings.Repeat(s002, 3))
	b5, kept := encodeBig5(strings.Repeat(s004, 4))
	broken := []byte(strings.Repeat(s002, 3))
	broken[len(broken)-3] = 0xFF // one bad byte after the sample
	for _, tc := range []struct {
		name, data, enc, want string
	}{
		{"gb18030", gb, GB18030, strings.Repeat(s002, 3)},
		{"big5", string(b5), Big5, kept},
		{"utf-8 with a bad byte", string(broken), UTF8, perByteReplacement(broken)},
	} {
		if len(tc.data) <= 2*sampleSize {
			t.Fatalf("%s: fixture too small for the sample path", tc.name)
		}
		got, err := Decode([]byte(tc.data), "")
		if err != nil || got.Encoding != tc.enc || got.Text != tc.want {
			t.Errorf("%s: Decode = %q, %v (same text: %v)", tc.name, got.Encoding, err, got.Text == tc.want)
		}
	}
	// the sample says GB18030 but the tail is garbage: the full check catches it
	tail := append([]byte(gb), bytes.Repeat([]byte{0xFF}, 3000)...)
	if _, err := Decode(tail, ""); err == nil || !strings.Contains(err.Error(), "not UTF-8, GB18030 or Big5") {
		t.Errorf("garbage tail: err = %v", err)
	}
}

// perByteReplacement is data with each invalid byte replaced by U+FFFD.
func perByteReplacement(data []byte) string {
	var b strings.Builder
	for len(data) > 0 {
		r, n := utf8.DecodeRune(data)
		b.WriteRune(r)
		data = data[n:]
	}
	return b.String()
}

func TestEncodingsAreKnown(t *testing.T) {
	for _, e := range Encodings {
		if err := CheckEncoding(e); err != nil {
			t.Error(err)
		}
	}
}

// TestControlIn: the eight-byte test finds a control byte or DEL at every position, and
// nothing in text without one.
func TestControlIn(t *testing.T) {
	clean := []byte("全市增长5%ab")
	for len(clean) < 8 {
		clean = append(clean, 'x')
	}
	clean = clean[:8]
	if controlIn(string(clean)) {
		t.Fatalf("controlIn(%q) = true", clean)
	}
	for _, c := range []byte{0, 1, '\t', '\n', 0x1F, 0x7F} {
		for k := range 8 {
			b := []byte("abcdefgh")
			b[k] = c
			if !controlIn(string(b)) {
				t.Errorf("controlIn(%q) = false", b)
			}
		}
	}
	for _, c := range []byte{0x20, 0x7E, 0x80, 0x9F, 0xA0, 0xFF} {
		if b := []byte{c, c, c, c, c, c, c, c}; controlIn(string(b)) {
			t.Errorf("controlIn(%q) = true", b)
		}
	}
}

// TestIsBinaryMatchesByteLoop: the eight-byte fast path answers as one test per byte does.
func TestIsBinaryMatchesByteLoop(t *testing.T) {
	ref := func(text string) bool {
		ctrl := 0
		for i := 0; i < len(text); i++ {
			c := text[i]
			if c == 0 {
				return true
			}
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' || c == 0x7F {
				ctrl++
			}
		}
		return ctrl > 2 && ctrl*50 > utf8.RuneCountInString(text)
	}
	rng := rand.New(rand.NewSource(1))
	alphabet := []byte{'a', ' ', '\n', '\t', 0x01, 0x1F, 0x7F, 0, 0xE4, 0xB8, 0x80, 0x20}
	for range 20000 {
		b := make([]byte, rng.Intn(40))
		for k := range b {
			if rng.Intn(6) == 0 {
				b[k] = alphabet[rng.Intn(len(alphabet))]
			} else {
				b[k] = 'a' + byte(rng.Intn(26))
			}
		}
		if got, want := isBinary(string(b)), ref(string(b)); got != want {
			t.Fatalf("isBinary(%q) = %v, want %v", b, got, want)
		}
	}
}
