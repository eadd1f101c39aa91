package normalize

import (
	"os"
	"path/filepath"
	"testing"

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
