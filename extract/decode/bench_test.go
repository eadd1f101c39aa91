package decode

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func corpus(b *testing.B) []byte {
	paths, _ := filepath.Glob("../../testdata/corpus/*.txt")
	if len(paths) == 0 {
		b.Skip("no corpus")
	}
	var all []byte
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		all = append(all, data...)
	}
	return all
}

func BenchmarkDecode(b *testing.B) {
	text := corpus(b)
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes(text)
	if err != nil {
		b.Fatal(err)
	}
	big5, _ := encodeBig5(readSeed(b, seedTraditional))
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"utf-8", text},
		{"utf-16le", encodeUTF16(string(text), false, true)},
		{"gb18030", gb},
		{"big5-seed004", big5},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.data)))
			for b.Loop() {
				if _, err := Decode(c.data, ""); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDecodeDocs decodes the corpus documents one by one, as the CLI does: each
// GB18030 document is judged on all of itself.
func BenchmarkDecodeDocs(b *testing.B) {
	paths, _ := filepath.Glob("../../testdata/corpus/*.txt")
	if len(paths) == 0 {
		b.Skip("no corpus")
	}
	var docs [][]byte
	size := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes(data)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, gb)
		size += len(gb)
	}
	b.Run("gb18030", func(b *testing.B) {
		b.SetBytes(int64(size))
		for b.Loop() {
			for _, d := range docs {
				if _, err := Decode(d, ""); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

func BenchmarkHTMLText(b *testing.B) {
	data, err := os.ReadFile("testdata/page.html")
	if err != nil {
		b.Fatal(err)
	}
	src := []rune(string(data))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		HTMLText(src)
	}
}
