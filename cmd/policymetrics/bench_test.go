package main

import (
	"io"
	"strings"
	"testing"
)

// BenchmarkExtract runs `extract -j 1` over the bundled corpus and genres, output
// discarded: the work a batch run does, in process (bench/ measures the binary).
func BenchmarkExtract(b *testing.B) {
	args := []string{"extract", "-q", "-j", "1", "../../testdata/corpus", "../../testdata/genres"}
	for b.Loop() {
		ios := &IOStreams{In: strings.NewReader(""), Out: io.Discard, ErrOut: io.Discard}
		if code := run(args, ios); code != 0 {
			b.Fatalf("extract exited %d", code)
		}
	}
}
