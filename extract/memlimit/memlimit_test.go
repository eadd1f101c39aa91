package memlimit

import (
	"math"
	"os"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestMain keeps the watch goroutines from calling the tests' fakes at their own time:
// the tests call check themselves.
func TestMain(m *testing.M) {
	watchEvery = time.Hour
	os.Exit(m.Run())
}

func TestLimit(t *testing.T) {
	for _, c := range []struct {
		inflight, want int64
	}{
		{0, 30 << 20},
		{16 << 20, 62 << 20},
		{24 << 20, 78 << 20},  // the benchmark's document: 2×24 + 30
		{96 << 20, 222 << 20}, //
	} {
		if got := limit(c.inflight); got != c.want {
			t.Errorf("limit(%d MB) = %d MB, want %d MB", c.inflight>>20, got>>20, c.want>>20)
		}
	}
}

// fakeLimit stands for debug.SetMemoryLimit: it records the calls that set a limit.
type fakeLimit struct {
	limit int64
	sets  []int64
}

func (f *fakeLimit) set(n int64) int64 {
	old := f.limit
	if n >= 0 {
		f.limit = n
		f.sets = append(f.sets, n)
	}
	return old
}

// A limit is set while a large document is in flight, from the large documents' bytes,
// and the limit the process had is back once none is; small documents set nothing.
func TestBudget(t *testing.T) {
	f := &fakeLimit{limit: math.MaxInt64}
	b := newBudget(f.set, false)
	small := b.Enter(LargeDocument - 1)
	if len(f.sets) != 0 {
		t.Fatalf("a small document set the limit: %v", f.sets)
	}
	large := b.Enter(24 << 20)
	if want := limit(24 << 20); f.limit != want {
		t.Fatalf("with 24 MB in flight: limit %d, want %d", f.limit, want)
	}
	small()
	other := b.Enter(40 << 20)
	if want := limit(64 << 20); f.limit != want {
		t.Fatalf("with 24 + 40 MB in flight: limit %d, want %d", f.limit, want)
	}
	large()
	large() // a second call changes nothing
	if want := limit(40 << 20); f.limit != want {
		t.Fatalf("with 40 MB in flight: limit %d, want %d", f.limit, want)
	}
	other()
	if f.limit != math.MaxInt64 {
		t.Fatalf("none in flight: limit %d, want none", f.limit)
	}
	n := len(f.sets)
	b.Enter(1 << 20)()
	if len(f.sets) != n {
		t.Errorf("a small document alone set the limit: %v", f.sets[n:])
	}
}

// A document of another kind in extraction (a PDF, a short text) lifts the limit until
// it is done: its memory is not counted. Documents noted with Document and bounded with
// Enter set the limit only while every one in extraction is a large text.
func TestBudgetLiftedBesideOtherDocuments(t *testing.T) {
	f := &fakeLimit{limit: math.MaxInt64}
	b := newBudget(f.set, false)
	textDone := b.Document()
	leave := b.Enter(24 << 20)
	if want := limit(24 << 20); f.limit != want {
		t.Fatalf("a lone large text: limit %d, want %d", f.limit, want)
	}
	pdfDone := b.Document() // a PDF on the other worker
	if f.limit != math.MaxInt64 {
		t.Fatalf("beside a PDF: limit %d, want none", f.limit)
	}
	pdfDone()
	if want := limit(24 << 20); f.limit != want {
		t.Fatalf("the PDF done: limit %d, want %d", f.limit, want)
	}
	leave()
	textDone()
	if f.limit != math.MaxInt64 || b.docs != 0 || b.large != 0 {
		t.Fatalf("all done: limit %d, %d documents, %d large", f.limit, b.docs, b.large)
	}
	n := len(f.sets)
	for range 10 {
		b.Document()()
	}
	if len(f.sets) != n {
		t.Errorf("small documents alone set the limit: %v", f.sets[n:])
	}
}

// A limit the live heap outgrows is given up until no large text is left: the collector
// would otherwise run without end. Under it, the limit stays.
func TestBudgetGivesUpALimitOutgrown(t *testing.T) {
	f := &fakeLimit{limit: math.MaxInt64}
	b := newBudget(f.set, false)
	var live atomic.Uint64 // read by the watch goroutine too
	b.live = live.Load
	leave := b.Enter(24 << 20)
	l := limit(24 << 20)
	live.Store(uint64(float64(l) * (liveShare - 0.05)))
	if !b.check() || f.limit != l {
		t.Fatalf("live heap under the share: limit %d, want %d", f.limit, l)
	}
	live.Store(uint64(float64(l) * (liveShare + 0.05)))
	if b.check() || f.limit != math.MaxInt64 {
		t.Fatalf("live heap past the share: limit %d, want none", f.limit)
	}
	other := b.Enter(30 << 20)
	if f.limit != math.MaxInt64 {
		t.Fatalf("given up, then another large text: limit %d, want none", f.limit)
	}
	other()
	leave()
	live.Store(0)
	b.Enter(24 << 20)()
	if len(f.sets) < 2 || f.sets[len(f.sets)-2] != l {
		t.Errorf("after every large text was done, a new one set no limit: %v", f.sets)
	}
}

// A limit the process started with (GOMEMLIMIT) is never raised; set by the user, it is
// never touched.
func TestBudgetKeepsTheUsersLimit(t *testing.T) {
	f := &fakeLimit{limit: 100 << 20}
	b := newBudget(f.set, false)
	leave := b.Enter(96 << 20) // 228 MB from its size: the lower limit stays
	if f.limit != 100<<20 {
		t.Errorf("limit %d MB, want the 100 MB the process had", f.limit>>20)
	}
	leave()
	f = &fakeLimit{limit: 100 << 20}
	b = newBudget(f.set, true)
	b.Document()()
	b.Enter(24 << 20)()
	if len(f.sets) != 0 {
		t.Errorf("GOMEMLIMIT set by the user, yet the limit was set: %v", f.sets)
	}
}

// Documents entered and left from many goroutines leave the limit as it was (run with -race).
func TestBudgetConcurrent(t *testing.T) {
	f := &fakeLimit{limit: math.MaxInt64}
	b := newBudget(f.set, false) // budget serialises its calls to set
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				done := b.Document()
				b.Enter((g*i%5 + 1) << 22)() // 4 to 20 MB
				done()
			}
		}()
	}
	wg.Wait()
	if f.limit != math.MaxInt64 || b.inflight != 0 || b.docs != 0 || b.large != 0 {
		t.Errorf("after all left: limit %d, %d bytes, %d documents, %d large in flight", f.limit, b.inflight, b.docs, b.large)
	}
}

// The process's budget sets the runtime's own limit, and puts it back.
func TestProcessBudget(t *testing.T) {
	if process().off {
		t.Skip("GOMEMLIMIT is set")
	}
	before := debug.SetMemoryLimit(-1)
	leave := Enter(24 << 20)
	if got := debug.SetMemoryLimit(-1); got != min(before, limit(24<<20)) {
		t.Errorf("runtime limit %d, want %d", got, limit(24<<20))
	}
	leave()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("runtime limit %d after, want %d as before", got, before)
	}
}
