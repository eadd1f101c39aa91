package normalize

import (
	"os"
	"testing"

	"github.com/policymetrics/policymetrics/extract/textmap"
)

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{
		"", "區(qū)", "?zhí)", "?/span>", "&amp;&#x4e00;&#12345", "<p class=\"x\">１２％</p>",
		"產（chǎn）", "a&nbsp;b\u3000c", "\ufffdqū)", "執zhí)行", "81.63\u2002\u2003亿元", "\u2009\u202f1",
	} {
		f.Add(s)
	}
	if b, err := os.ReadFile("../../testdata/seeds/004_19462e9e61cbea4a.txt"); err == nil {
		f.Add(string(b[:2000]))
	}
	f.Fuzz(func(t *testing.T, s string) {
		src := []rune(s)
		// a source offset map with gaps, as after HTML extraction
		in := textmap.Text{Runes: src, Src: make([]int32, len(src))}
		for i := range src {
			in.Src[i] = int32(2 * i)
		}
		got := Normalize(in)
		if len(got.Runes) != len(got.Src) {
			t.Fatalf("len(Runes) %d != len(Src) %d", len(got.Runes), len(got.Src))
		}
		if len(got.Runes) > len(src) {
			t.Fatalf("output longer than input: %d > %d", len(got.Runes), len(src))
		}
		for i, s := range got.Src {
			if s < 0 || int(s) > 2*(len(src)-1) || s%2 != 0 {
				t.Fatalf("Src[%d] = %d not an input offset", i, s)
			}
			if i > 0 && s < got.Src[i-1] {
				t.Fatalf("Src decreases at %d", i)
			}
		}
	})
}
