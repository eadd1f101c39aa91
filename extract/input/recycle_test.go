package input

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/policymetrics/policymetrics/extract/internal/spare"
)

// TestRecycleReusesBuffers: files read after their predecessors' items were given back
// are read into those buffers, whole and nothing more, whatever their sizes; a table's
// rows are not the walk's buffers and are never taken back.
func TestRecycleReusesBuffers(t *testing.T) {
	spareBuffers = spare.New[[]byte](maxSpare)
	dir := t.TempDir()
	want := map[string][]byte{}
	for i, n := range []int{5000, 4000, 6000, 100, 9000, 0, 8999, 70000, 3} {
		data := bytes.Repeat([]byte{byte('a' + i)}, n)
		name := filepath.Join(dir, fmt.Sprintf("f%d.txt", i))
		if err := os.WriteFile(name, data, 0o644); err != nil {
			t.Fatal(err)
		}
		want[name] = data
	}
	seen := map[*byte]bool{}
	reused := 0
	err := Walk(context.Background(), []string{dir}, Options{}, func(it Item) error {
		if !bytes.Equal(it.Data, want[it.Name]) {
			t.Errorf("%s: %d bytes read, want %d", it.Name, len(it.Data), len(want[it.Name]))
		}
		p := &it.buf[:1][0]
		if seen[p] {
			reused++
		}
		seen[p] = true
		Recycle(it)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if reused < 5 {
		t.Errorf("%d of 9 files read into recycled buffers, want most", reused)
	}

	csv := filepath.Join(dir, "t.csv")
	os.WriteFile(csv, []byte("text\nabc\ndef\n"), 0o644)
	spareBuffers = spare.New[[]byte](maxSpare)
	Walk(context.Background(), []string{csv}, Options{Format: CSV, TextColumn: "text"}, func(it Item) error {
		Recycle(it)
		return nil
	})
	if spareBuffers.Len() != 0 {
		t.Errorf("a table's rows were taken back as buffers")
	}
}

// TestReadLimitedRecycledBuffer: a recycled buffer larger than the limit does not let a
// read go past it.
func TestReadLimitedRecycledBuffer(t *testing.T) {
	for _, c := range []struct {
		n, hint, max int64
		ok           bool
	}{
		{100, 100, 100, true}, {100, -1, 100, true}, {101, -1, 100, false}, {101, 50, 100, false},
		{200 << 10, -1, -1, true}, {0, 0, 0, true}, {1, 0, 0, false}, {5000, -1, 100, false}, {5000, 50, 100, false},
	} {
		spareBuffers = spare.New[[]byte](maxSpare)
		Recycle(Item{buf: make([]byte, 1000, 300<<10)})
		r := &countingReader{r: bytes.NewReader(make([]byte, c.n))}
		b, err := readLimited(r, c.hint, c.max)
		if (err == nil) != c.ok || (c.ok && int64(len(b)) != c.n) {
			t.Errorf("readLimited(%d bytes, hint %d, max %d) = %d bytes, %v", c.n, c.hint, c.max, len(b), err)
		}
		if c.max >= 0 && r.read > c.max+1 {
			t.Errorf("readLimited(%d bytes, max %d) read %d bytes", c.n, c.max, r.read)
		}
	}
}

type countingReader struct {
	r    *bytes.Reader
	read int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.read += int64(n)
	return n, err
}
