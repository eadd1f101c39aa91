package pdf

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/policymetrics/policymetrics/extract/read"
)

// tokens is a Lender of n tokens that counts what it lent; onLend, when set, runs at each
// token lent.
type tokens struct {
	free, lent atomic.Int64
	onLend     func()
}

func newTokens(n int) *tokens {
	t := &tokens{}
	t.free.Store(int64(n))
	return t
}

func (t *tokens) TryAcquire() bool {
	if t.free.Add(-1) < 0 {
		t.free.Add(1)
		return false
	}
	t.lent.Add(1)
	if t.onLend != nil {
		t.onLend()
	}
	return true
}

func (t *tokens) Release() { t.free.Add(1) }

func bulletin(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "jiaozuo_bulletin_p1-3.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestReadLendingReadsTheSame: pages read on two or three instances at once give the
// document read on one, and every token lent comes back.
func TestReadLendingReadsTheSame(t *testing.T) {
	data := bulletin(t)
	want, err := Read(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{1, 2, 5} {
		lend := newTokens(n)
		got, err := ReadLending(context.Background(), data, lend)
		if err != nil {
			t.Fatalf("%d tokens: %v", n, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%d tokens: the document differs from Read's", n)
		}
		if lend.lent.Load() == 0 || lend.lent.Load() > 2 { // a helper a page after the first
			t.Errorf("%d tokens: %d lent, want 1 or 2 for 3 pages", n, lend.lent.Load())
		}
		if lend.free.Load() != int64(n) {
			t.Errorf("%d tokens: %d given back", n, lend.free.Load())
		}
	}
	// A scan and an empty document say so with helpers too.
	if _, err := ReadLending(context.Background(), emptyPDF(), newTokens(2)); !errors.Is(err, read.ErrNoTextLayer) {
		t.Errorf("empty PDF: %v", err)
	}
}

// TestReadLendingCancelled: a run cancelled while helpers read stops with the context's
// error, every token back, and the engine works afterwards.
func TestReadLendingCancelled(t *testing.T) {
	data := bulletin(t)
	ctx, cancel := context.WithCancel(context.Background())
	lend := newTokens(2)
	lend.onLend = cancel // the document is open: cancelled as its pages are read
	if _, err := ReadLending(ctx, data, lend); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if lend.free.Load() != 2 {
		t.Errorf("%d tokens given back, want 2", lend.free.Load())
	}
	if _, err := Read(context.Background(), data); err != nil {
		t.Fatal(err)
	}
}

// TestReadLendingWithoutInstance: with one engine instance (GOMAXPROCS 1), a helper
// waits for one in vain; it gives up once the pages are all read, and the read succeeds.
func TestReadLendingWithoutInstance(t *testing.T) {
	data := bulletin(t)
	want, err := Read(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	if err := Close(); err != nil { // the next Read starts a pool of one instance
		t.Fatal(err)
	}
	defer Close() // and the next test a pool of GOMAXPROCS again
	lend := newTokens(2)
	got, err := ReadLending(context.Background(), data, lend)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("err %v, or the document differs", err)
	}
	if lend.lent.Load() == 0 || lend.free.Load() != 2 {
		t.Errorf("%d lent, %d given back: want a helper, and its token back", lend.lent.Load(), lend.free.Load())
	}
}

// TestBigEndianRefused: on a big-endian system a Read says so, rather than that the PDF
// has no text layer (what the engine's empty pages would make it say).
func TestBigEndianRefused(t *testing.T) {
	if err := Close(); err != nil {
		t.Fatal(err)
	}
	defer Close()
	defer func(b bool) { bigEndian = b }(bigEndian)
	bigEndian = true
	_, err := Read(context.Background(), textPDF())
	if err == nil || errors.Is(err, read.ErrNoTextLayer) || !strings.Contains(err.Error(), "big-endian") {
		t.Fatalf("err = %v, want one naming the big-endian system", err)
	}
}
