package batch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/policymetrics/policymetrics/extract"
	"github.com/policymetrics/policymetrics/extract/input"
	"github.com/policymetrics/policymetrics/extract/output"
	"github.com/policymetrics/policymetrics/units"
)

func TestOrderedKeepsOrderAndBound(t *testing.T) {
	for _, c := range []struct{ workers, window int }{{1, 0}, {2, 0}, {4, 4}, {8, 3}, {3, 100}} {
		t.Run(fmt.Sprintf("j%d_w%d", c.workers, c.window), func(t *testing.T) {
			const n = 300
			window := c.window
			if window < c.workers {
				window = 2 * c.workers
			}
			var inFlight, maxInFlight, running, maxRunning atomic.Int64
			var got []int
			err := Ordered(context.Background(), c.workers, c.window,
				func(submit func(int) error) error {
					for i := range n {
						if v := inFlight.Add(1); v > maxInFlight.Load() {
							maxInFlight.Store(v)
						}
						if err := submit(i); err != nil {
							return err
						}
					}
					return nil
				},
				func(i int) int {
					if v := running.Add(1); v > maxRunning.Load() {
						maxRunning.Store(v)
					}
					time.Sleep(time.Duration(rand.IntN(300)) * time.Microsecond)
					running.Add(-1)
					return i * 10
				},
				func(v int) error {
					got = append(got, v)
					inFlight.Add(-1)
					return nil
				})
			if err != nil {
				t.Fatal(err)
			}
			for i, v := range got {
				if v != i*10 {
					t.Fatalf("result %d is %d: out of order", i, v)
				}
			}
			if len(got) != n {
				t.Fatalf("%d results, want %d", len(got), n)
			}
			// +1: the producer counts a value before submit blocks on it.
			if m := maxInFlight.Load(); m > int64(window)+1 {
				t.Errorf("%d values in flight, window %d", m, window)
			}
			if m := maxRunning.Load(); m > int64(c.workers) {
				t.Errorf("%d workers ran at once, want ≤ %d", m, c.workers)
			}
		})
	}
}

func TestOrderedStops(t *testing.T) {
	boom := errors.New("boom")
	before := runtime.NumGoroutine()

	// emit fails: submit reports it, Ordered returns it.
	var submitErr error
	emitted := 0
	err := Ordered(context.Background(), 2, 0,
		func(submit func(int) error) error {
			for i := 0; ; i++ {
				if submitErr = submit(i); submitErr != nil {
					return submitErr
				}
			}
		},
		func(i int) int { return i },
		func(int) error {
			emitted++
			if emitted == 5 {
				return boom
			}
			return nil
		})
	if err != boom || submitErr != boom || emitted != 5 {
		t.Errorf("emit error: got %v (submit %v), %d emitted", err, submitErr, emitted)
	}

	// ctx cancelled: nothing more is emitted, ctx's error comes back.
	ctx, cancel := context.WithCancel(context.Background())
	emitted = 0
	err = Ordered(ctx, 2, 0,
		func(submit func(int) error) error {
			for i := 0; ; i++ {
				if err := submit(i); err != nil {
					return err
				}
			}
		},
		func(i int) int { time.Sleep(time.Millisecond); return i },
		func(int) error {
			emitted++
			if emitted == 3 {
				cancel()
			}
			return nil
		})
	if !errors.Is(err, context.Canceled) || emitted != 3 {
		t.Errorf("cancel: got %v, %d emitted", err, emitted)
	}

	// produce fails on its own.
	err = Ordered(context.Background(), 2, 0,
		func(submit func(int) error) error { submit(1); return boom },
		func(i int) int { return i }, func(int) error { return nil })
	if err != boom {
		t.Errorf("produce error: got %v", err)
	}

	time.Sleep(10 * time.Millisecond)
	if after := runtime.NumGoroutine(); after > before {
		t.Errorf("%d goroutines before, %d after", before, after)
	}
}

// fake extracts one record per word of the document; "fail" fails, "panic" panics.
func fake(it input.Item) ([]extract.Record, error) {
	text := string(it.Data)
	switch {
	case strings.HasPrefix(text, "fail"):
		return nil, errors.New("cannot read this")
	case strings.HasPrefix(text, "panic"):
		var m map[string]int
		m["x"]++
	}
	var recs []extract.Record
	for i, w := range strings.Fields(text) {
		recs = append(recs, extract.Record{Doc: it.Name, Line: 1, Col: i + 1, Text: w, Value: units.NewDecimal(int64(len(w)), 0)})
	}
	return recs, nil
}

func items(n int) []input.Item {
	var its []input.Item
	for i := range n {
		it := input.Item{Name: fmt.Sprintf("doc%03d", i)}
		switch i % 7 {
		case 3:
			it.Data = []byte("fail here")
		case 5:
			it.Err = errors.New("unreadable")
		case 6:
			if i%2 == 0 {
				it.Data = []byte("panic now")
			} else {
				it.Data = []byte(strings.Repeat("word ", i))
			}
		default:
			it.Data = []byte(strings.Repeat("字 ", i%13))
		}
		its = append(its, it)
	}
	return its
}

func runOnce(t *testing.T, workers int, its []input.Item) (string, []string, Stats) {
	t.Helper()
	out, results, st := runItems(t, Config{Workers: workers, Extract: fake}, its)
	var failed []string
	for _, r := range results {
		if r.Err != nil {
			failed = append(failed, r.Name+": "+r.Err.Error())
		}
	}
	return out, failed, st
}

// runItems runs cfg over its with JSON Lines output, and returns the output and what
// became of each input.
func runItems(t *testing.T, cfg Config, its []input.Item) (string, []Result, Stats) {
	t.Helper()
	var buf bytes.Buffer
	w, _ := output.New(&buf, output.JSONL, output.Options{})
	var results []Result
	cfg.Out = w
	cfg.Done = func(r Result) error {
		results = append(results, r)
		return nil
	}
	st, err := Run(context.Background(), cfg, func(yield func(input.Item) error) error {
		for _, it := range its {
			if err := yield(it); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	return buf.String(), results, st
}

func TestRunIsDeterministic(t *testing.T) {
	its := items(500)
	out1, failed1, st1 := runOnce(t, 1, its)
	for _, j := range []int{2, 4, 16} {
		out, failed, st := runOnce(t, j, its)
		if out != out1 {
			t.Fatalf("-j %d output differs from -j 1", j)
		}
		if strings.Join(failed, "\n") != strings.Join(failed1, "\n") {
			t.Fatalf("-j %d failures differ from -j 1", j)
		}
		st.Elapsed = st1.Elapsed
		if st != st1 {
			t.Errorf("-j %d stats %+v, -j 1 %+v", j, st, st1)
		}
	}
	if st1.Errors != int64(len(failed1)) || st1.Documents+st1.Errors != 500 || st1.Records != int64(strings.Count(out1, "\n")) {
		t.Errorf("stats %+v for %d failures and %d lines", st1, len(failed1), strings.Count(out1, "\n"))
	}
	var panics int
	for _, f := range failed1 {
		if strings.Contains(f, "extractor panic: assignment to entry in nil map [") {
			panics++
			if !strings.Contains(f, "batch_test.go:") {
				t.Errorf("panic site not named: %s", f)
			}
		}
	}
	if panics == 0 {
		t.Error("no panic reported")
	}
}

type failingWriter struct{ n int }

func (f *failingWriter) Write(r *extract.Record) error {
	f.n++
	if f.n > 3 {
		return errors.New("disk full")
	}
	return nil
}
func (f *failingWriter) Close() error { return nil }

func TestRunStopsOnWriteError(t *testing.T) {
	its := items(100)
	_, err := Run(context.Background(), Config{Workers: 2, Extract: fake, Out: &failingWriter{}}, func(yield func(input.Item) error) error {
		for _, it := range its {
			if err := yield(it); err != nil {
				return err
			}
		}
		t.Error("the walk went on after the write error")
		return nil
	})
	if err == nil || !strings.Contains(err.Error(), "writing the output: disk full") {
		t.Errorf("got %v", err)
	}
}

func TestStatsString(t *testing.T) {
	s := Stats{Documents: 3, Errors: 1, Records: 10, Bytes: 5_000_000, Elapsed: 2 * time.Second}
	if got, want := s.String(), "3 documents, 5.0 MB, 10 records, 1 errors, 2.5 MB/s (2.00 s)"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
}

// streamParts emits a document's words one record per part, so that a document has many
// more parts than pendingParts; a document reading "fail" fails after its parts.
func streamParts(it input.Item, emit func([]extract.Record) error) error {
	recs, _ := fake(input.Item{Name: it.Name, Data: bytes.ReplaceAll(it.Data, []byte("fail"), []byte("ok"))})
	for _, r := range recs {
		if err := emit([]extract.Record{r}); err != nil {
			return err
		}
	}
	if bytes.Contains(it.Data, []byte("fail")) {
		return errors.New("failed at the end")
	}
	return nil
}

// TestRunStreams: documents that come in many parts, more than a waiting document may
// hold, are written whole and in input order at any -j (a waiting worker never holds up
// the one being written); a document that fails after some of its records were written
// says how many, and they count.
func TestRunStreams(t *testing.T) {
	var its []input.Item
	for i := range 12 {
		words := strings.Repeat("字 ", 3*pendingParts+i)
		if i == 5 {
			words += "fail"
		}
		its = append(its, input.Item{Name: fmt.Sprintf("doc%02d", i), Data: []byte(words)})
	}
	run := func(workers int) (string, []Result) {
		out, results, _ := runItems(t, Config{Workers: workers, Stream: streamParts}, its)
		return out, results
	}
	out1, res1 := run(1)
	want := 0
	for i := range its {
		want += 3*pendingParts + i + map[bool]int{true: 1}[i == 5]
	}
	if got := strings.Count(out1, "\n"); got != want {
		t.Errorf("-j 1 wrote %d records, want %d", got, want)
	}
	if r := res1[5]; r.Err == nil || !strings.Contains(r.Err.Error(), fmt.Sprintf("failed at the end (after %d of its records were written)", r.Records)) || r.Records == 0 {
		t.Errorf("failed document: %+v", r)
	}
	for _, j := range []int{2, 3, 8} {
		if out, _ := run(j); out != out1 {
			t.Errorf("-j %d output differs from -j 1", j)
		}
	}
}

// TestRunLetsGoOfData: once a document is handed to its extractor, Run holds its bytes no
// more, so that an extractor done with them (a large page read in chunks) lets them be
// collected, at any -j.
func TestRunLetsGoOfData(t *testing.T) {
	for _, workers := range []int{1, 2} {
		var freed atomic.Bool
		held := func(it input.Item, emit func([]extract.Record) error) error {
			it.Data = nil // the extractor is done with them
			// A part sent: the document is being written, and Run holds it.
			if err := emit(nil); err != nil {
				return err
			}
			for range 100 {
				if runtime.GC(); freed.Load() {
					return nil
				}
				time.Sleep(time.Millisecond)
			}
			return errors.New("its bytes are still held")
		}
		_, results, _ := runItems(t, Config{Workers: workers, Stream: held}, []input.Item{{Name: "page.html", Data: bytesFreedTo(4<<10, &freed)}})
		if len(results) != 1 || results[0].Err != nil || results[0].Bytes != 4<<10 {
			t.Errorf("-j %d: %+v", workers, results)
		}
	}
}

// bytesFreedTo returns n bytes that set freed once collected.
func bytesFreedTo(n int, freed *atomic.Bool) []byte {
	data := make([]byte, n)
	runtime.SetFinalizer(&data[0], func(*byte) { freed.Store(true) })
	return data
}

// TestWorkerYieldsWhenNoProcessorIsIdle checks that a part a worker sends is emitted at
// once when the workers hold every processor (one here): without the yield, the emitter
// waits until the worker blocks or is preempted, 10 ms or more, and the worker's wait
// below ends first. One yield in 61 lets the worker itself run on (the scheduler looks at
// its global queue first each 61st time, where runtime.Gosched puts the worker): so three
// tries, of which one must see the part emitted.
func TestWorkerYieldsWhenNoProcessorIsIdle(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	for range 3 {
		if emittedWhileWorkerRan(t) {
			return
		}
	}
	t.Error("the part was not emitted while its worker ran on: the worker did not yield")
}

func emittedWhileWorkerRan(t *testing.T) bool {
	var emitted atomic.Bool
	seen := make(chan bool, 1)
	err := OrderedParts(context.Background(), 1, 1, 1,
		func(submit func(int) error) error { return submit(0) },
		func(_ int, send func(int) error) {
			send(1)
			deadline := time.Now().Add(5 * time.Millisecond)
			for !emitted.Load() && time.Now().Before(deadline) {
			} // busy, as extraction is: no call that blocks
			seen <- emitted.Load()
		},
		func(int) error { emitted.Store(true); return nil },
		nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	return <-seen
}

// TestWorkersLendTokensOnlyWhenNoDocumentIsLeft: while documents may still come, every
// worker holds its token, so a document's chunks get no helper; once the walk has ended,
// an idle worker gives its token back for the last documents' chunks to use; and every
// token is free when Run returns.
func TestWorkersLendTokensOnlyWhenNoDocumentIsLeft(t *testing.T) {
	h := extract.NewHelpers(2)
	var lentEarly, lentLate atomic.Bool
	checked := make(chan struct{})
	stream := func(it input.Item, emit func([]extract.Record) error) error {
		if it.Name == "first" { // the walk waits for this look before it ends
			if h.TryAcquire() {
				lentEarly.Store(true)
				h.Release()
			}
			close(checked)
			return nil
		}
		// The last document: the walk has ended, and the other worker has nothing left.
		for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
			if h.TryAcquire() {
				lentLate.Store(true)
				h.Release()
				break
			}
		}
		return nil
	}
	var out bytes.Buffer
	w, _ := output.New(&out, output.JSONL, output.Options{})
	_, err := Run(context.Background(), Config{Workers: 2, Stream: stream, Out: w, Helpers: h},
		func(yield func(input.Item) error) error {
			if err := yield(input.Item{Name: "first"}); err != nil {
				return err
			}
			<-checked
			return yield(input.Item{Name: "last"})
		})
	if err != nil {
		t.Fatal(err)
	}
	if lentEarly.Load() {
		t.Error("a token was free while the walk went on")
	}
	if !lentLate.Load() {
		t.Error("no token came free for the last document")
	}
	for range 2 {
		if !h.TryAcquire() {
			t.Fatal("a worker's token was not given back")
		}
	}
}
