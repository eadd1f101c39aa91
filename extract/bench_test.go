package extract

import (
	"maps"
	"slices"
	"testing"
)

// BenchmarkDocument measures extraction of the whole corpus, the hot path of every run.
func BenchmarkDocument(b *testing.B) { benchDocuments(b, "corpus/*.txt") }

// benchDocuments measures Document over the test documents pattern names.
func benchDocuments(b *testing.B, pattern string) {
	docs := readTestdata(b, pattern)
	names := sortedNames(docs)
	total := 0
	for _, d := range docs {
		total += len(d)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		for _, name := range names {
			if _, err := Document(name, docs[name], Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkLongDocument measures a document long enough to be read in chunks (the corpus
// one report after another, 1.6 MB: a file of bench/).
func BenchmarkLongDocument(b *testing.B) {
	long := longBenchText(b)
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

// sortedNames returns the documents' names in order: the benchmarks read them in it, for
// a map's order made LongDocument's text (where it passes 1.6 MB) and so its instruction
// count vary by a million from run to run, as large as the changes measured with it.
func sortedNames(docs map[string][]byte) []string {
	return slices.Sorted(maps.Keys(docs))
}

// longBenchText is the test corpus one report after another, in order, up to 1.6 MB:
// BenchmarkLongDocument's text.
func longBenchText(b *testing.B) []byte {
	docs := readTestdata(b, "corpus/*.txt")
	var long []byte
	for len(long) < 1_600_000 {
		for _, name := range sortedNames(docs) {
			long = append(long, docs[name]...)
		}
	}
	return long
}
