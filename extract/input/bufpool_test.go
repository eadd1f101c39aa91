package input

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
)

func TestPooledClass(t *testing.T) {
	for _, c := range []struct {
		n     int64
		class int
		ok    bool
	}{
		{1<<20 - 1, 0, false}, // small files are not pooled
		{1 << 20, 0, true},
		{1<<20 + 1, 1, true},
		{3 << 20, 2, true}, // 4 MB
		{1 << 24, 4, true},
		{1<<24 + 1, 0, false}, // large ones neither
	} {
		k, ok := pooledClass(c.n)
		if k != c.class || ok != c.ok {
			t.Errorf("pooledClass(%d) = %d, %v; want %d, %v", c.n, k, ok, c.class, c.ok)
		}
		if ok && int64(1)<<(k+minPooledShift) < c.n {
			t.Errorf("class %d of %d bytes holds less", k, c.n)
		}
	}
}

// TestRecycledBufferReadsAsNew: a file read into a recycled buffer, whose bytes are
// another file's, is read exactly; Recycle leaves alone items that Walk did not read into
// a pooled buffer, and takes a pooled buffer once.
func TestRecycledBufferReadsAsNew(t *testing.T) {
	dir := t.TempDir()
	big := bytes.Repeat([]byte("二〇二五年增长5.5%。\n"), 60000) // 1.7 MB
	mid := big[:1<<20+12345]                             // the class of big: read into big's buffer once recycled
	small := big[:1<<19]                                 // not pooled
	for name, data := range map[string][]byte{"a.txt": big, "b.txt": mid, "c.txt": small} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var items []Item
	err := Walk(context.Background(), []string{dir}, Options{}, func(it Item) error {
		if it.Err != nil {
			return it.Err
		}
		want := map[string][]byte{"a.txt": big, "b.txt": mid, "c.txt": small}[filepath.Base(it.Name)]
		if !bytes.Equal(it.Data, want) {
			t.Errorf("%s: read %d bytes, not the file's %d", it.Name, len(it.Data), len(want))
		}
		if it.pooled != (len(want) >= 1<<20) {
			t.Errorf("%s: pooled %v for %d bytes", it.Name, it.pooled, len(want))
		}
		if it.pooled {
			for i := range it.Data[:cap(it.Data)] { // what the next file finds: nothing of this one
				it.Data[:cap(it.Data)][i] = 0xee
			}
		}
		items = append(items, it)
		pooled := it.pooled
		Recycle(&it)
		if pooled && (it.Data != nil || it.pooled) {
			t.Errorf("%s: Recycle left the item its buffer", it.Name)
		}
		if !pooled && it.Data == nil {
			t.Errorf("%s: Recycle took a buffer not pooled", it.Name)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 3 {
		t.Fatalf("%d items, want 3", len(items))
	}

	own := Item{Name: "x", Data: make([]byte, 2<<20)}
	Recycle(&own)
	if own.Data == nil {
		t.Error("Recycle took the buffer of an item Walk did not read")
	}
}

// TestTake: Take gives the item's bytes and leaves it holding them only when they go back
// to a pool (Recycle or Release then takes them); the rest are the extractor's alone, and
// Release says they were let go.
func TestTake(t *testing.T) {
	buf, pooled, _ := fileBuffer(2 << 20)
	if !pooled {
		t.Fatal("a 2 MB buffer is not pooled")
	}
	buf = append(buf, "增长"...)
	for _, it := range []Item{{Name: "pooled", Data: buf, pooled: true}, {Name: "own", Data: []byte("增长")}} {
		was := it.pooled
		data := Take(&it)
		if string(data) != "增长" {
			t.Errorf("%s: Take gave %q", it.Name, data)
		}
		if held := it.Data != nil; held != was {
			t.Errorf("%s: after Take the item holds its bytes: %v, want %v", it.Name, held, was)
		}
		if letGo := Release(&it); letGo == was {
			t.Errorf("%s: Release says the bytes were let go: %v", it.Name, letGo)
		}
		if it.Data != nil || it.pooled {
			t.Errorf("%s: after Release the item still holds a buffer", it.Name)
		}
		Recycle(&it) // after Release: nothing left to give back
	}
}
