package batch

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/policymetrics/policymetrics/extract"
	"github.com/policymetrics/policymetrics/extract/input"
	"github.com/policymetrics/policymetrics/extract/output"
)

// TestRunReuseSameOutput: with Reuse, files read into recycled buffers, the output is
// the same as without, at any -j: over the
// corpus reports and a long document made of them (read in chunks), read from files.
func TestRunReuseSameOutput(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "corpus", "*.txt"))
	if len(paths) == 0 {
		t.Fatal("no corpus documents")
	}
	dir := t.TempDir()
	var long []byte
	for i, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		long = append(long, data...)
		// Documents of different sizes in turn, so that recycled buffers and slices are
		// sometimes too small and sometimes larger than needed.
		if i%3 == 0 {
			data = append(data, long...)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("d%02d.txt", i)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run := func(workers int, reuse bool) string {
		var buf bytes.Buffer
		w, _ := output.New(&buf, output.JSONL, output.Options{})
		_, err := Run(context.Background(), Config{Workers: workers, Reuse: reuse, Out: w,
			Stream: func(it input.Item, emit func([]extract.Record) error) error {
				return extract.Stream(it.Name, it.Data, extract.Options{}, emit)
			}}, func(yield func(input.Item) error) error {
			return input.Walk(context.Background(), []string{dir}, input.Options{}, yield)
		})
		if err != nil {
			t.Fatal(err)
		}
		w.Close()
		return buf.String()
	}
	want := run(1, false)
	if want == "" {
		t.Fatal("no records")
	}
	for _, workers := range []int{1, 2, 3} {
		for pass := range 2 { // the second pass starts with what the first gave back
			if got := run(workers, true); got != want {
				t.Errorf("-j %d, pass %d: output with Reuse differs from without (%d bytes, want %d)", workers, pass, len(got), len(want))
			}
		}
	}
}
