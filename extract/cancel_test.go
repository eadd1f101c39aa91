package extract

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
)

// countdownContext reports itself done from its n-th Err on: a deadline that passes at a
// given check rather than at a given time, so that the test does not race the machine's
// speed (a 50 ms deadline once came after a document finished in 48 ms).
type countdownContext struct {
	context.Context
	calls, at atomic.Int64
}

func (c *countdownContext) Err() error {
	if n := c.calls.Add(1); c.at.Load() > 0 && n >= c.at.Load() {
		return context.DeadlineExceeded
	}
	return nil
}

// A cancelled context stops the extraction of one document inside the scanning loops,
// not only between documents.
func TestDocumentCancelled(t *testing.T) {
	for _, p := range pathological {
		t.Run(p.name, func(t *testing.T) {
			data := []byte(p.line(40000))
			// Never done: count the checks a whole run makes.
			counting := &countdownContext{Context: context.Background()}
			whole, err := Document("slow.txt", data, Options{Context: counting})
			checks := counting.calls.Load()
			if err != nil {
				t.Fatalf("not cancelled: %d records, error %v", len(whole), err)
			}
			t.Logf("%d checks", checks)
			// A few checks between the stages would leave a slow stage running to its end.
			if checks < 50 {
				t.Fatalf("%d context checks in a run over %d bytes; want the loops to check too", checks, len(data))
			}
			// Done halfway: the context's error and no records, at once.
			halfway := &countdownContext{Context: context.Background()}
			halfway.at.Store(checks / 2)
			recs, err := Document("slow.txt", data, Options{Context: halfway})
			if !errors.Is(err, context.DeadlineExceeded) || recs != nil {
				t.Fatalf("%d records, error %v; want none and the context's error", len(recs), err)
			}
			// The check that saw it, and the stages' returns reading the error again.
			if after := halfway.calls.Load() - checks/2; after > 3 {
				t.Errorf("%d more checks once done; want it to stop at once", after)
			}
		})
	}
	// Not cancelled: the records as without a context.
	recs, err := Document("a.txt", []byte("投资5亿元。"), Options{Context: context.Background()})
	if err != nil || len(recs) != 1 {
		t.Errorf("%d records, %v", len(recs), err)
	}
}
