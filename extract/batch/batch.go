// Package batch runs extraction over many documents in parallel and writes the results in
// input order, so that the output at any -j is byte-identical to the output at -j 1.
package batch

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"
	"time"

	"github.com/policymetrics/policymetrics/extract"
	"github.com/policymetrics/policymetrics/extract/input"
	"github.com/policymetrics/policymetrics/extract/internal/panics"
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
	return OrderedParts(ctx, workers, window, 1, produce,
		func(in In, send func(Out) error) { send(work(in)) }, emit, nil, nil)
}

// OrderedParts is Ordered for work that produces each value's result in parts: emit
// receives the parts of the values in submission order, those of the oldest value in
// flight as work sends them, so that a value's parts need not all be held at once. The
// others' parts wait, up to pending each; then their work waits in send. done, when set,
// is called after a value's last part (work has returned). send returns an error when the
// run has ended early: work should stop. tokens, when set, is held by each worker from its
// start until no value is left for it (extract.Helpers: a token comes free for other work
// only then).
func OrderedParts[In, Part any](ctx context.Context, workers, window, pending int,
	produce func(submit func(In) error) error,
	work func(in In, send func(Part) error),
	emit func(Part) error,
	done func(In) error,
	tokens Tokens,
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
		in    In
		parts chan Part // closed when work returns
	}
	jobs := make(chan job)
	queue := make(chan job, window)      // values to emit, in order
	slots := make(chan struct{}, window) // values in flight

	// A goroutine that a worker wakes (the emitter, given a part; through it, produce, given
	// a slot back) waits on the worker's processor until the worker blocks or its time slice
	// ends, up to 10 ms, when no processor is idle to take it: the window then fills, and
	// the other workers wait for values. So when workers keep every processor busy, a
	// worker yields after each part it sends. With a processor idle (-j 1 of 2), the woken
	// goroutine runs there at once, and a yield would only delay the worker (19% slower).
	// With tokens, the goroutines at work are those holding one: a lone document at -j 2,
	// once the other worker has ended, yields only while a helper works beside it (else
	// 20% slower than at -j 1).
	procs := runtime.GOMAXPROCS(0)
	busy := func() bool { return workers >= procs }
	if tokens != nil {
		busy = func() bool { return tokens.InUse() >= procs }
	}
	yield := func() {
		if busy() {
			runtime.Gosched()
		}
	}
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		// Taken here, not in the worker, so that all are held before produce runs. A
		// worker takes none when there are fewer tokens than workers.
		held := tokens != nil && tokens.TryAcquire()
		go func() {
			defer wg.Done()
			if held {
				defer tokens.Release()
			}
			for j := range jobs {
				work(j.in, func(p Part) error {
					select {
					case j.parts <- p:
						yield()
						return nil
					case <-ctx.Done():
						return context.Cause(ctx)
					}
				})
				close(j.parts)
				yield()
			}
		}()
	}

	var emitErr error
	fail := func(err error) {
		emitErr = err
		cancel(err)
	}
	emitted := make(chan struct{})
	go func() {
		defer close(emitted)
		for j := range queue {
			for p := range j.parts { // every queued value is a worker's: it closes parts
				if ctx.Err() == nil {
					if err := emit(p); err != nil {
						fail(err)
					}
				}
			}
			if ctx.Err() == nil && done != nil {
				if err := done(j.in); err != nil {
					fail(err)
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
		j := job{in: in, parts: make(chan Part, pending)}
		select {
		case jobs <- j:
		case <-ctx.Done():
			<-slots
			return context.Cause(ctx)
		}
		queue <- j // never blocks: it has room for every slot
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
	// Reuse says that Stream (or Extract) keeps nothing of the records it passes on, so
	// that Run gives each part's records back (extract.Recycle) once written, when Out
	// keeps nothing of them either (output.Forgetful). (Files' buffers are the Stream
	// function's to give back: input.Recycle, once the document is extracted.)
	Reuse bool
	// Helpers, when set, are the run's tokens (extract.NewHelpers(Workers)): a worker
	// holds one until no document is left to start, and a document read in chunks lends
	// the free ones to its chunks (extract.Options.Helpers, which should be the same). So
	// a run's last documents, or a lone long one, keep the cores busy that their workers
	// would leave idle; a run with documents to start lends none.
	Helpers *extract.Helpers
}

// Tokens are held by OrderedParts' workers (extract.Helpers).
type Tokens interface {
	TryAcquire() bool
	Release()
	InUse() int // tokens held
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

// doc is one input on its way; result is final once its extraction has returned.
type doc struct {
	item   input.Item
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
	written := 0 // records of the document being written
	_, forgetful := cfg.Out.(output.Forgetful)
	recycle := cfg.Reuse && forgetful
	var tokens Tokens
	if cfg.Helpers != nil {
		tokens = cfg.Helpers
	}
	err := OrderedParts(ctx, cfg.Workers, cfg.Window, pendingParts,
		func(submit func(*doc) error) error {
			return walk(func(it input.Item) error { return submit(&doc{item: it}) })
		},
		func(d *doc, send func([]extract.Record) error) { extractOne(stream, d, send) },
		func(recs []extract.Record) error {
			for i := range recs {
				if err := cfg.Out.Write(&recs[i]); err != nil {
					return fmt.Errorf("writing the output: %w", err)
				}
				written++
			}
			if recycle {
				extract.Recycle(recs)
			}
			return nil
		},
		func(d *doc) error {
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
			written = 0
			if cfg.Done != nil {
				return cfg.Done(r)
			}
			return nil
		}, tokens)
	st.Elapsed = time.Since(start)
	return st, err
}

// extractOne runs fn on one item, sending its records on. A panic in the extractor
// fails that document only.
func extractOne(fn StreamFunc, d *doc, send func([]extract.Record) error) {
	it := d.item
	d.item.Data = nil // the extractor's from here: a large page's source is let go once read (extract.Stream)
	d.result = Result{Name: it.Name, Bytes: int64(len(it.Data)), Err: it.Err}
	if it.Err != nil {
		return
	}
	defer func() {
		if p := recover(); p != nil {
			d.result.Err = panics.Error(p, debug.Stack())
		}
	}()
	if err := fn(it, send); err != nil {
		d.result.Err = err
	}
}
