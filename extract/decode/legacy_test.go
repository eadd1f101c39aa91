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
