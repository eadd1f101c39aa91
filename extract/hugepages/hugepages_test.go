package hugepages

import (
	"math"
	"runtime/debug"
	"sync"
	"testing"
)

func TestParseMode(t *testing.T) {
	for _, c := range []struct {
		in   string
		want mode
	}{
		{"always [madvise] never\n", madvise},
		{"[always] madvise never\n", always},
		{"always madvise [never]\n", never},
		{"always defer defer+madvise [madvise] never", madvise}, // the defrag file's shape
		{"always madvise never", unknown},                       // nothing chosen
		{"[inherit] always", unknown},                           // a word we do not know
		{"] [", unknown},
		{"", unknown},
	} {
		if got := parseMode(c.in); got != c.want {
			t.Errorf("parseMode(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestDisabledByGODEBUG(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"", false},
		{"disablethp=1", true},
		{"gctrace=1,disablethp=1", true},
		{"disablethp=0", false},
		{"disablethp=1,disablethp=0", false}, // the last one wins
		{"xdisablethp=1", false},
		{" disablethp=1 ", true},
	} {
		if got := disabledByGODEBUG(c.in); got != c.want {
			t.Errorf("disabledByGODEBUG(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestInner(t *testing.T) {
	const h = hugePage
	for _, c := range []struct {
		lo, hi, wantLo, wantHi uintptr
	}{
		{0, 4 * h, 0, 4 * h},
		{1, 4 * h, h, 4 * h},
		{h + 4096, 3*h - 1, 2 * h, 2 * h}, // under one whole page: empty
		{h + 4096, 2 * h, 2 * h, 2 * h},   // exactly none
		{h - 4096, 3*h + 4096, h, 3 * h},  // two whole pages inside
		{5*h + 1, 5*h + 2, 6 * h, 6 * h},  // tiny: empty, never inverted
	} {
		lo, hi := inner(c.lo, c.hi)
		if lo != c.wantLo || hi != c.wantHi {
			t.Errorf("inner(%#x, %#x) = %#x, %#x; want %#x, %#x", c.lo, c.hi, lo, hi, c.wantLo, c.wantHi)
		}
	}
}

func TestWithinMemoryLimit(t *testing.T) {
	const mb = 1 << 20
	for _, c := range []struct {
		n     int
		limit int64
		want  int
	}{
		{64 * mb, math.MaxInt64, 64 * mb}, // no limit (the default)
		{64 * mb, 1 << 40, 64 * mb},       // a limit far above
		{64 * mb, 100 * mb, 25 * mb},      // a quarter of the limit
		{8 * mb, 100 * mb, 8 * mb},
		{64 * mb, 0, 64 * mb},
	} {
		if got := withinMemoryLimit(c.n, c.limit); got != c.want {
			t.Errorf("withinMemoryLimit(%d, %d) = %d, want %d", c.n, c.limit, got, c.want)
		}
	}
}

// Small or empty buffers are no work, whatever the system.
func TestNothingToAdvise(t *testing.T) {
	Advise(nil)
	Advise(make([]byte, hugePage-1))
}

// TestReserveLeavesCollectionAsItWas: calls at once from several goroutines (only the
// first reserves) leave the collector's setting as it was.
func TestReserveLeavesCollectionAsItWas(t *testing.T) {
	old := debug.SetGCPercent(77)
	defer debug.SetGCPercent(old)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() { Reserve(8 << 20) })
	}
	wg.Wait()
	Reserve(0)
	if got := debug.SetGCPercent(77); got != 77 {
		t.Errorf("GC percent %d after Reserve, want 77", got)
	}
}
