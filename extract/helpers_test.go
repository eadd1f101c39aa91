package extract

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// TestHelpersStop: a document whose chunks are on helpers stops at the first error, its
// emit's or its context's, emits nothing after it, and gives back every token before
// Stream returns (no helper is left at work).
func TestHelpersStop(t *testing.T) {
	defer func(c, m int) { chunkBytes, maxChunkBytes = c, m }(chunkBytes, maxChunkBytes)
	chunkBytes, maxChunkBytes = 2<<10, 4<<10
	text := []byte(strings.Repeat("全市新增企业5家，增长3.5%，投资12.5亿元。\n", 2000)) // about 40 chunks
	stop := errors.New("stop")
	for _, c := range []struct {
		name   string
		cancel bool // else emit fails
	}{{"emit fails", false}, {"cancelled", true}} {
		t.Run(c.name, func(t *testing.T) {
			h := NewHelpers(3)
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			parts := 0
			err := Stream("d", text, Options{Helpers: h, Context: ctx}, func([]Record) error {
				parts++
				if parts == 3 {
					if c.cancel {
						cancel()
						return nil
					}
					return stop
				}
				if parts > 3 {
					t.Errorf("part %d emitted after the stop", parts)
				}
				return nil
			})
			if want := map[bool]error{false: stop, true: context.Canceled}[c.cancel]; !errors.Is(err, want) {
				t.Errorf("Stream: %v, want %v", err, want)
			}
			for range 3 {
				if !h.TryAcquire() {
					t.Fatal("a helper's token was not given back")
				}
			}
		})
	}
}

// TestHelpersLendOnlyFreeTokens: with every token held (a run's workers, all busy), a
// long document is extracted on its own goroutine, as without helpers.
func TestHelpersLendOnlyFreeTokens(t *testing.T) {
	defer func(c, m int) { chunkBytes, maxChunkBytes = c, m }(chunkBytes, maxChunkBytes)
	chunkBytes, maxChunkBytes = 2<<10, 4<<10
	h := NewHelpers(2)
	h.TryAcquire()
	h.TryAcquire()
	if h.InUse() != 2 {
		t.Fatalf("%d tokens in use, want 2", h.InUse())
	}
	text := []byte(strings.Repeat("全市新增企业5家，增长3.5%。\n", 500))
	want, err := Document("d", text, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := Document("d", text, Options{Helpers: h})
	if err != nil || len(got) != len(want) {
		t.Fatalf("%d records (%v), want %d", len(got), err, len(want))
	}
	if h.TryAcquire() {
		t.Error("a token came free that was held")
	}
	var none *Helpers // no helpers at all
	if none.TryAcquire() || none.InUse() != 0 {
		t.Error("nil Helpers lent a token")
	}
	none.Release()
}

// TestHelperPanicFailsTheDocument: a panic in a chunk extracted on a helper fails its
// document with the error batch gives a panic (naming where), instead of ending the run.
func TestHelperPanicFailsTheDocument(t *testing.T) {
	h := NewHelpers(2)
	q := newChunkQueue(t.Context(), Options{Helpers: h}, func([]Record) error { return nil }, new(chunkBuffers))
	err := q.add(&chunkWork{bufs: new(chunkBuffers)}) // no document: recordsWith panics
	if err == nil {
		err = q.drain()
	}
	q.close()
	if err == nil || !strings.Contains(err.Error(), "extractor panic: ") || !strings.Contains(err.Error(), ".go:") {
		t.Errorf("got %v, want the panic and its place", err)
	}
	if h.InUse() != 0 {
		t.Errorf("%d tokens still held", h.InUse())
	}
}
