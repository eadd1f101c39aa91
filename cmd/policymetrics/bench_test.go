package main

import (
	"io"
	"strings"
	"testing"
)

// BenchmarkExtract runs `extract -j 1` over the bundled corpus and genres, output
// discarded: the work a batch run does, in process (bench/ measures the binary).
func BenchmarkExtract(b *testing.B) { benchmarkExtract(b, "1") }

// BenchmarkExtractJ2 is BenchmarkExtract at -j 2: with -trace, the goroutines of a
// parallel run (bench/goroutines.sh).
func BenchmarkExtractJ2(b *testing.B) { benchmarkExtract(b, "2") }

func benchmarkExtract(b *testing.B, jobs string) {
	args := []string{"extract", "-q", "-j", jobs, "../../testdata/corpus", "../../testdata/genres"}
	for b.Loop() {
		ios := &IOStreams{In: strings.NewReader(""), Out: io.Discard, ErrOut: io.Discard}
		if code := run(args, ios); code != 0 {
			b.Fatalf("extract exited %d", code)
		}
	}
}
