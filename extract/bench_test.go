package extract

import "testing"

// BenchmarkDocument measures extraction of the whole corpus, the hot path of every run.
func BenchmarkDocument(b *testing.B) { benchDocuments(b, "corpus/*.txt") }

// benchDocuments measures Document over the test documents pattern names.
func benchDocuments(b *testing.B, pattern string) {
	docs := readTestdata(b, pattern)
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

// BenchmarkLongDocument measures a document long enough to be read in chunks (the corpus
// one report after another, 1.6 MB: a file of bench/).
func BenchmarkLongDocument(b *testing.B) {
	var long []byte
	for len(long) < 1_600_000 {
		for _, d := range readTestdata(b, "corpus/*.txt") {
			long = append(long, d...)
		}
	}
	b.SetBytes(int64(len(long)))
	b.ReportAllocs()
	for b.Loop() {
		if err := Stream("long.txt", long, Options{}, func([]Record) error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPages measures HTML pages read whole (statistical bulletins and budget
// reports, each under chunkBytes): the visible text, its normalisation and the document's
// scans are those of htmlDocument.
func BenchmarkPages(b *testing.B) { benchDocuments(b, "genres/*.html") }
