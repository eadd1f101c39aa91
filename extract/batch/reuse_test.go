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

// TestRunReuseSameOutput: with Reuse, records written into recycled slices, the output is
// the same as without, at any -j: over the corpus reports and a long document made of
// them (read in chunks), read from files.
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

// TestRunReuseOnlyForgetfulWriters: records are given back only when Out keeps nothing
// of them: a writer that keeps them sees them as they were written.
func TestRunReuseOnlyForgetfulWriters(t *testing.T) {
	var keep keeper
	_, err := Run(context.Background(), Config{Workers: 2, Reuse: true, Out: &keep,
		Stream: func(it input.Item, emit func([]extract.Record) error) error {
			return extract.Stream(it.Name, it.Data, extract.Options{}, emit)
		}}, func(yield func(input.Item) error) error {
		for i := range 20 {
			text := fmt.Sprintf("第%d项：2025年全省地区生产总值增长%d.5%%，粮食产量%d万吨。", i, i, 100+i)
			if err := yield(input.Item{Name: fmt.Sprintf("d%d", i), Data: []byte(text)}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range keep.recs {
		if r.Doc != fmt.Sprintf("d%d", i/2) {
			t.Fatalf("record %d, kept by the writer, is now of %s", i, r.Doc)
		}
	}
	if len(keep.recs) != 40 {
		t.Fatalf("%d records, want 40", len(keep.recs))
	}
}

// keeper keeps the records written: it is no output.Forgetful.
type keeper struct{ recs []*extract.Record }

func (k *keeper) Write(r *extract.Record) error { k.recs = append(k.recs, r); return nil }
func (k *keeper) Close() error                  { return nil }
