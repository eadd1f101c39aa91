package decode

import (
	"bytes"
	"math/rand"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// TestLegacyMatchesWholeDecode: legacy, which decodes into memory sized from the source
// and grows it only when the text outgrows that guess, gives what x/text's decoder gives
// over the whole input at once, text and U+FFFD count, for GB18030 and Big5: Chinese
// text, ASCII, invalid bytes (three bytes of text for each, more than the guess allows),
// sequences cut at the end, and random bytes.
func TestLegacyMatchesWholeDecode(t *testing.T) {
	han := strings.Repeat("规模以上工业增加值增长6.5%，全年完成投资1234亿元。\n", 40)
	gb, _ := simplifiedchinese.GB18030.NewEncoder().String(han)
	b5, _ := traditionalchinese.Big5.NewEncoder().String(strings.Repeat("規模以上工業增加值增長6.5%。\n", 40))
	rng := rand.New(rand.NewSource(1))
	random := make([]byte, 20000)
	rng.Read(random)
	inputs := map[string][]byte{
		"empty":                    nil,
		"ascii":                    []byte(strings.Repeat("GDP 6.5% 2025\n", 100)),
		"gb18030":                  []byte(gb),
		"big5":                     []byte(b5),
		"invalid bytes only":       bytes.Repeat([]byte{0xFF}, 5000),
		"invalid after text":       append([]byte(gb), bytes.Repeat([]byte{0x80}, 3000)...),
		"cut at the end":           []byte(gb[:len(gb)-1]),
		"a lead byte at the start": append([]byte{0x81}, gb...),
		"random":                   random,
	}
	for name, data := range inputs {
		for _, enc := range []string{GB18030, Big5} {
			var e encoding.Encoding = simplifiedchinese.GB18030
			if enc == Big5 {
				e = traditionalchinese.Big5
			}
			want, err := e.NewDecoder().Bytes(data)
			if err != nil {
				t.Fatalf("%s as %s: x/text: %v", name, enc, err)
			}
			text, invalid := legacy(data, enc)
			if text != string(want) {
				t.Errorf("%s as %s: legacy gives %d bytes, x/text %d", name, enc, len(text), len(want))
			}
			if n := bytes.Count(want, []byte("\uFFFD")); invalid != n {
				t.Errorf("%s as %s: %d invalid, want %d", name, enc, invalid, n)
			}
		}
	}
}

// TestAppendInSteps: text longer than a step is appended whole and in order.
func TestAppendInSteps(t *testing.T) {
	p := make([]byte, 3<<20+5)
	for i := range p {
		p[i] = byte(i % 251)
	}
	for _, prefix := range []string{"", "前"} {
		got := appendInSteps([]byte(prefix), p)
		if !bytes.Equal(got, append([]byte(prefix), p...)) {
			t.Errorf("prefix %q: the appended bytes differ", prefix)
		}
	}
}

// TestWithinTolerance: the shortcut on the text's length agrees with counting its runes.
func TestWithinTolerance(t *testing.T) {
	for _, text := range []string{"", "a", strings.Repeat("增", 1000), strings.Repeat("a", 1000), strings.Repeat("𠀀", 900)} {
		runes := len([]rune(text))
		for invalid := 0; invalid <= tolerance(runes)+2; invalid++ {
			if got, want := withinTolerance(invalid, text), invalid <= tolerance(runes); got != want {
				t.Errorf("%d runes, %d invalid: %v, want %v", runes, invalid, got, want)
			}
		}
	}
}

var pairEncodings = []struct {
	name  string
	enc   encoding.Encoding
	pairs func() *pairTable
}{
	{GB18030, simplifiedchinese.GB18030, gb18030Pairs},
	{Big5, traditionalchinese.Big5, big5Pairs},
}

// checkPairs fails t when decodePairs, and x/text for what it leaves, read src otherwise
// than x/text's decoder does alone. It returns how much decodePairs read.
func checkPairs(t *testing.T, name string, enc encoding.Encoding, pairs *pairTable, src []byte) (read int) {
	t.Helper()
	want, err := enc.NewDecoder().Bytes(src)
	if err != nil {
		t.Fatalf("%s: x/text: %v", name, err)
	}
	got, read := decodePairs(nil, src, pairs, enc.NewDecoder())
	rest, err := enc.NewDecoder().Bytes(src[read:])
	if err != nil || !bytes.Equal(append(got, rest...), want) {
		t.Fatalf("%s % x: decodePairs gives %q for %d bytes, then x/text %q; x/text alone %q", name, src, got, read, rest, want)
	}
	return read
}

// TestPairsMatchXText: every two bytes from a byte ≥ 0x80, alone, at the end of a text
// and followed by ASCII, by a lead byte and by the rest of a four-byte sequence, read as
// x/text reads them, in both encodings.
func TestPairsMatchXText(t *testing.T) {
	for _, e := range pairEncodings {
		pairs := e.pairs()
		for lead := 0x80; lead <= 0xFF; lead++ {
			for trail := 0; trail <= 0xFF; trail++ {
				for _, after := range []string{"", "a", "\x81", "\x81\x30", "\x30\x81\x30", "\xFF\xFF"} {
					src := append([]byte{'x', byte(lead), byte(trail)}, after...)
					checkPairs(t, e.name, e.enc, pairs, src)
				}
			}
		}
	}
}

// TestPairsText: Chinese text, long runs of ASCII, and the same text broken by stray bytes
// at random, read as x/text reads them.
func TestPairsText(t *testing.T) {
	text := strings.Repeat("2025年全市地区生产总值增长5.5%，一般公共预算收入34.1亿元；GDP per capita 10万元。\n", 200)
	rng := rand.New(rand.NewSource(7))
	for _, e := range pairEncodings {
		src, err := encoding.ReplaceUnsupported(e.enc.NewEncoder()).Bytes([]byte(text)) // Big5 has no 亿
		if err != nil {
			t.Fatal(err)
		}
		checkPairs(t, e.name, e.enc, e.pairs(), src)
		for range 200 {
			b := bytes.Clone(src)
			for range 1 + rng.Intn(8) {
				b[rng.Intn(len(b))] = byte(rng.Intn(256))
			}
			checkPairs(t, e.name, e.enc, e.pairs(), b[:rng.Intn(len(b)+1)])
		}
		random := make([]byte, 5000)
		rng.Read(random)
		checkPairs(t, e.name, e.enc, e.pairs(), random)
	}
	// A script GBK lacks: four-byte sequences throughout, left to x/text once they are
	// most of what was read.
	uyghur := strings.Repeat("ئۇيغۇر تىلى يېزىقى 2025年 ", 2000)
	src, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(uyghur))
	if err != nil {
		t.Fatal(err)
	}
	if read := checkPairs(t, "uyghur", simplifiedchinese.GB18030, gb18030Pairs(), src); read == len(src) || read < mostlySlow {
		t.Errorf("decodePairs read %d of %d bytes of four-byte sequences, not left to x/text after %d", read, len(src), mostlySlow)
	}
}

// TestPairsKeepTheirBuffer: a buffer with room for the text, and the few bytes of the
// longest step, is not grown; one with too little is grown, and holds the same text.
func TestPairsKeepTheirBuffer(t *testing.T) {
	src, _ := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(strings.Repeat("规模以上工业增加值增长6.5%，GDP 5.2%。\n", 3000)))
	want, _ := simplifiedchinese.GB18030.NewDecoder().Bytes(src)
	for _, room := range []int{len(want) + 3*fallbackWindow, len(want) / 2} {
		out, read := decodePairs(make([]byte, 0, room), src, gb18030Pairs(), simplifiedchinese.GB18030.NewDecoder())
		if read != len(src) || !bytes.Equal(out, want) {
			t.Fatalf("room %d: read %d of %d bytes; same text: %v", room, read, len(src), bytes.Equal(out, want))
		}
		if grown := cap(out) != room; grown != (room < len(want)) {
			t.Errorf("room %d for %d bytes: grown to %d", room, len(want), cap(out))
		}
	}
}

// TestLegacyThroughPairs: legacy reads a text past pairsAfter through the table, with the
// same text and count of U+FFFD as x/text.
func TestLegacyThroughPairs(t *testing.T) {
	gb, _ := simplifiedchinese.GB18030.NewEncoder().String(strings.Repeat("规模以上工业增加值增长6.5%。\n", 12000))
	data := append([]byte(gb), 0xFF, 0x81)
	if len(data) < pairsAfter {
		t.Fatalf("%d bytes: too short for the table", len(data))
	}
	want, _ := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	text, invalid := legacy(data, GB18030)
	if text != string(want) || invalid != 2 {
		t.Errorf("legacy: %d bytes, %d invalid; x/text %d bytes, 2 invalid", len(text), invalid, len(want))
	}
}

func FuzzPairs(f *testing.F) {
	gb, _ := simplifiedchinese.GB18030.NewEncoder().String("规模以上工业增加值增长6.5%€𠀀")
	b5, _ := traditionalchinese.Big5.NewEncoder().String("規模以上工業增加值增長6.5%")
	for _, s := range []string{"", "a", gb, b5, "\x81", "\x81\x30\x81\x30", "\x88\x62\x88\x64", "\x80\xFF"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, e := range pairEncodings {
			checkPairs(t, e.name, e.enc, e.pairs(), src)
		}
	})
}

// TestUTF16TextSize: the size decodeUTF16 counts before it decodes is the text's, for
// ASCII, two- and three-byte characters, surrogate pairs, unpaired surrogates at any place
// and an odd final byte, in both byte orders: the buffer is made that size, and a count
// short of the text would grow it by doubling.
func TestUTF16TextSize(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	units := []uint16{'a', 0x7F, 0x80, 0x7FF, 0x800, 0x4E2D, 0xFFFD, 0xD83D, 0xDE00, 0xDBFF, 0xDC00, 0xDFFF}
	for range 3000 {
		le := rng.Intn(2) == 0
		data := []byte{}
		for range rng.Intn(40) {
			u := units[rng.Intn(len(units))]
			if le {
				data = append(data, byte(u), byte(u>>8))
			} else {
				data = append(data, byte(u>>8), byte(u))
			}
		}
		if rng.Intn(4) == 0 {
			data = append(data, 'x') // an odd byte
		}
		enc := UTF16BE
		if le {
			enc = UTF16LE
		}
		text := decodeUTF16(data, enc).Text
		unit := func(i int) rune {
			if le {
				return rune(data[2*i]) | rune(data[2*i+1])<<8
			}
			return rune(data[2*i])<<8 | rune(data[2*i+1])
		}
		if got := utf16TextSize(len(data)/2, len(data)%2 == 1, unit); got != len(text) {
			t.Fatalf("% x (%s): counted %d bytes, the text has %d", data, enc, got, len(text))
		}
	}
}
