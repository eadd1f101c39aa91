package extract

import "testing"

// BenchmarkDocument measures extraction of the whole corpus, the hot path of every run.
func BenchmarkDocument(b *testing.B) {
	docs := readTestdata(b, "corpus/*.txt")
	total := 0
	for _, d := range docs {
		total += len(d)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		for name, d := range docs {
			if _, err := Document(name, d, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}
