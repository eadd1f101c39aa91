package normalize

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/policymetrics/policymetrics/extract/internal/cjk"

	"github.com/policymetrics/policymetrics/extract/textmap"
)

func BenchmarkNormalize(b *testing.B) {
	paths, _ := filepath.Glob("../../testdata/corpus/*.txt")
	if len(paths) == 0 {
		b.Skip("no corpus")
	}
	var docs []textmap.Text
	size := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		size += len(data)
		docs = append(docs, textmap.Identity([]rune(string(data))))
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			Normalize(d)
		}
	}
}

// BenchmarkNormalizeValid measures the fused decoding and normalisation of the corpus;
// BenchmarkDecodeThenNormalize the two passes it replaces.
func BenchmarkNormalizeValid(b *testing.B) {
	texts, size := corpusTexts(b)
	b.SetBytes(int64(size))
	var src, out []rune
	for b.Loop() {
		for _, s := range texts {
			var an textmap.Text
			src, an = NormalizeValid(src, out, s)
			out = an.Runes
		}
	}
}

// BenchmarkMarker is BenchmarkNormalizeValid noting where a sentence's ends and the line
// breaks and tabs are, as a chunk of plain text is read.
func BenchmarkMarker(b *testing.B) {
	texts, size := corpusTexts(b)
	b.SetBytes(int64(size))
	m := NewMarker('\n', '.', '!', '?', '。', '！', '？', '\t')
	var src, out []rune
	var at []int
	for b.Loop() {
		for _, s := range texts {
			var an textmap.Text
			src, an, at, _ = m.NormalizeValid(src, out, s, at[:0], nil)
			out = an.Runes
		}
	}
}

func BenchmarkDecodeThenNormalize(b *testing.B) {
	texts, size := corpusTexts(b)
	b.SetBytes(int64(size))
	var src, out []rune
	for b.Loop() {
		for _, s := range texts {
			src = cjk.AppendValidRunes(slices.Grow(src[:0], len(s)), s)
			out = NormalizeReusing(out, nil, textmap.Identity(src)).Runes
		}
	}
}

func corpusTexts(b *testing.B) ([]string, int) {
	paths, _ := filepath.Glob("../../testdata/corpus/*.txt")
	if len(paths) == 0 {
		b.Skip("no corpus")
	}
	var texts []string
	size := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		size += len(data)
		texts = append(texts, string(data))
	}
	return texts, size
}
