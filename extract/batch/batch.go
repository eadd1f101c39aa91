// Package batch runs extraction over many documents in parallel and writes the results in
// input order, so that the output at any -j is byte-identical to the output at -j 1.
package batch

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/policymetrics/policymetrics/extract"
	"github.com/policymetrics/policymetrics/extract/input"
	"github.com/policymetrics/policymetrics/extract/output"
)

// Ordered is an ordered parallel map. produce calls submit for each value in turn; work
// runs on workers goroutines (runtime.NumCPU() when workers < 1); emit receives the
// results in submission order, on a single goroutine.
//
// At most window values (2×workers when window < workers) are in flight, submitted and
// not yet emitted: submit blocks until one is emitted. So memory is bounded however long
// the input, and a slow value holds up the output of at most window others.
//
// Ordered returns when produce has returned and everything submitted is emitted, or
// early when ctx is cancelled or emit fails: submit then returns an error (produce should
// stop and return it), no more values are emitted, and Ordered returns once the workers
// have finished the values they hold (it leaves no goroutine behind). The error is emit's,
// else produce's, else ctx's.
func Ordered[In, Out any](ctx context.Context, workers, window int,
	produce func(submit func(In) error) error,
	work func(In) Out,
	emit func(Out) error,
) error {
	if workers < 1 {
		workers = runtime.NumCPU()
	}
	if window < workers {
		window = 2 * workers
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)

	type job struct {
		in  In
		out chan Out
	}
	jobs := make(chan job)
	queue := make(chan chan Out, window) // results to emit, in order
	slots := make(chan struct{}, window) // values in flight

	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.out <- work(j.in) // buffered: never blocks
			}
		}()
	}

	var emitErr error
	emitted := make(chan struct{})
	go func() {
		defer close(emitted)
		for ch := range queue {
			var out Out
			select {
			case out = <-ch:
			case <-ctx.Done():
			}
			if ctx.Err() == nil {
				if err := emit(out); err != nil {
					emitErr = err
					cancel(err)
				}
			}
			<-slots
		}
	}()

	submit := func(in In) error {
		select {
		case slots <- struct{}{}:
		case <-ctx.Done():
			return context.Cause(ctx)
		}
		ch := make(chan Out, 1)
		select {
		case jobs <- job{in: in, out: ch}:
		case <-ctx.Done():
			<-slots
			return context.Cause(ctx)
		}
		queue <- ch // never blocks: it has room for every slot
		return nil
	}
	perr := produce(submit)
	close(jobs)
	close(queue)
	<-emitted
	wg.Wait()

	switch {
	case emitErr != nil:
		return emitErr
	case perr != nil:
		return perr
	}
	return ctx.Err()
}

// Func extracts the records of one document (an Item without Err).
type Func func(it input.Item) ([]extract.Record, error)

// StreamFunc extracts the records of one document (an Item without Err), passing them to
// emit a part at a time in document order (extract.Stream). It stops with emit's error.
type StreamFunc func(it input.Item, emit func([]extract.Record) error) error

// Config is how Run works.
type Config struct {
	Workers int // ≤ 0: runtime.NumCPU()
	Window  int // documents in flight; < Workers: 2×Workers
	// Stream extracts a document; Extract is used when Stream is nil.
	Stream  StreamFunc
	Extract Func
	// Out receives every record, document by document in input order.
	Out output.Writer
	// Done, when set, is called once per input in input order, after the input's records
	// were written: to report a failure, count, show progress. An error from it ends the run.
	Done func(Result) error
}

// Result is what became of one input.
type Result struct {
	Name    string
	Bytes   int64 // bytes read
	Records int   // records written
	Err     error // why the input failed (it could not be read, or extraction failed)
}

// Stats sum up a run.
type Stats struct {
	Documents int64 // inputs extracted
	Errors    int64 // inputs that failed
	Records   int64
	Bytes     int64 // bytes read, of failed inputs too
	Elapsed   time.Duration
}

// MBps is the throughput in megabytes (10^6 bytes) of input per second.
func (s Stats) MBps() float64 {
	if s.Elapsed <= 0 {
		return 0
	}
	return float64(s.Bytes) / 1e6 / s.Elapsed.Seconds()
}

func (s Stats) String() string {
	return fmt.Sprintf("%d documents, %.1f MB, %d records, %d errors, %.1f MB/s (%.2f s)",
		s.Documents, float64(s.Bytes)/1e6, s.Records, s.Errors, s.MBps(), s.Elapsed.Seconds())
}

// pendingParts is how many parts of its records (a chunk's each, for a long document) a
// document may hold before its turn to be written: then its worker waits. It bounds
// memory when a long document follows another; a document of usual size fits whole.
const pendingParts = 16

// doc is one input on its way: its records come through parts as they are extracted
// (parts is closed when it is done) and result is final once parts is closed.
type doc struct {
	item   input.Item
	parts  chan []extract.Record
	result Result
}

// Run extracts every document walk yields (as input.Walk does: walk must stop and return
// the error when yield returns one) and writes the records to cfg.Out in input order. A
// failed input does not stop the run; it is counted and passed to cfg.Done. The error is
// a fatal one: writing failed, cfg.Done failed, or ctx was cancelled. cfg.Out is not closed.
//
// Records are written as they are extracted when the document is the next one in input
// order, so that a long document's records never all wait in memory; the others' wait,
// up to pendingParts parts each. A document that fails after some of its records were
// written says so in its error.
func Run(ctx context.Context, cfg Config, walk func(yield func(input.Item) error) error) (Stats, error) {
	start := time.Now()
	var st Stats
	stream := cfg.Stream
	if stream == nil {
		stream = func(it input.Item, emit func([]extract.Record) error) error {
			recs, err := cfg.Extract(it)
			if err != nil {
				return err
			}
			return emit(recs)
		}
	}
	workers, window := cfg.Workers, cfg.Window
	if workers < 1 {
		workers = runtime.NumCPU()
	}
	if window < workers {
		window = 2 * workers
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)

	jobs := make(chan *doc)
	queue := make(chan *doc, window)     // documents to write, in order
	slots := make(chan struct{}, window) // documents in flight
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for d := range jobs {
				extractOne(ctx, stream, d)
			}
		}()
	}

	var emitErr error
	emitted := make(chan struct{})
	go func() {
		defer close(emitted)
		for d := range queue {
			written := 0
			for part := range d.parts { // every queued document is a worker's: it closes parts
				if ctx.Err() != nil {
					continue
				}
				for i := range part {
					if err := cfg.Out.Write(&part[i]); err != nil {
						emitErr = fmt.Errorf("writing the output: %w", err)
						cancel(emitErr)
						break
					}
					written++
				}
			}
			if ctx.Err() == nil {
				r := d.result
				st.Bytes += r.Bytes
				if r.Err != nil {
					st.Errors++
					if written > 0 {
						r.Err = fmt.Errorf("%w (after %d of its records were written)", r.Err, written)
					}
				} else {
					st.Documents++
				}
				r.Records = written
				st.Records += int64(written)
				if cfg.Done != nil {
					if err := cfg.Done(r); err != nil {
						emitErr = err
						cancel(err)
					}
				}
			}
			<-slots
		}
	}()

	submit := func(it input.Item) error {
		select {
		case slots <- struct{}{}:
		case <-ctx.Done():
			return context.Cause(ctx)
		}
		d := &doc{item: it, parts: make(chan []extract.Record, pendingParts)}
		select {
		case jobs <- d:
		case <-ctx.Done():
			<-slots
			return context.Cause(ctx)
		}
		queue <- d // never blocks: it has room for every slot
		return nil
	}
	perr := walk(submit)
	close(jobs)
	close(queue)
	<-emitted
	wg.Wait()
	st.Elapsed = time.Since(start)
	switch {
	case emitErr != nil:
		return st, emitErr
	case perr != nil:
		return st, perr
	}
	return st, ctx.Err()
}

// extractOne runs fn on one item, sending its records to d.parts and closing it. A panic
// in the extractor fails that document only.
func extractOne(ctx context.Context, fn StreamFunc, d *doc) {
	it := d.item
	d.result = Result{Name: it.Name, Bytes: int64(len(it.Data)), Err: it.Err}
	defer close(d.parts)
	if it.Err != nil {
		return
	}
	defer func() {
		if p := recover(); p != nil {
			d.result.Err = fmt.Errorf("extractor panic: %v [%s]", p, panicSite(debug.Stack()))
		}
	}()
	err := fn(it, func(recs []extract.Record) error {
		select {
		case d.parts <- recs:
			return nil
		case <-ctx.Done():
			return context.Cause(ctx)
		}
	})
	if err != nil {
		d.result.Err = err
	}
}

// panicSite picks the innermost frame outside the runtime from a stack trace, so that a
// one-line error still says where the extractor failed.
func panicSite(stack []byte) string {
	lines := strings.Split(string(stack), "\n")
	for i := 0; i+1 < len(lines); i++ {
		fn := strings.TrimSpace(lines[i])
		if strings.HasPrefix(fn, "panic(") {
			for j := i + 2; j+1 < len(lines); j += 2 {
				if f := strings.TrimSpace(lines[j]); !strings.HasPrefix(f, "runtime.") {
					at := strings.TrimSpace(lines[j+1])
					if k := strings.LastIndex(at, " +0x"); k >= 0 {
						at = at[:k]
					}
					// package folder and file are enough: extract/mentions.go:123
					if parts := strings.Split(at, "/"); len(parts) > 2 {
						at = strings.Join(parts[len(parts)-2:], "/")
					}
					return at
				}
			}
		}
	}
	return "unknown site"
}
