package extract

import (
	"context"
	"errors"
	"testing"
	"time"
)

// A cancelled context stops the extraction of one document inside the scanning loops,
// not only between documents.
func TestDocumentCancelled(t *testing.T) {
	for _, p := range pathological {
		t.Run(p.name, func(t *testing.T) {
			data := []byte(p.line(400000))
			ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
			defer cancel()
			start := time.Now()
			recs, err := Document("slow.txt", data, Options{Context: ctx})
			took := time.Since(start)
			if !errors.Is(err, context.DeadlineExceeded) || recs != nil {
				t.Fatalf("%d records, error %v; want none and the context's error (took %v)", len(recs), err, took)
			}
			if took > time.Second {
				t.Errorf("took %v to stop, want under a second", took)
			}
		})
	}
	// Not cancelled: the records as without a context.
	recs, err := Document("a.txt", []byte("投资5亿元。"), Options{Context: context.Background()})
	if err != nil || len(recs) != 1 {
		t.Errorf("%d records, %v", len(recs), err)
	}
}
