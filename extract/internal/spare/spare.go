// Package spare keeps values given back for reuse: a few buffers, each too costly to make
// again for every document (cleared by the allocator, scanned and freed by the collector).
//
// Not a sync.Pool: a pool empties at every other collection, so a worker grows its buffers
// again while the old ones wait for the collector, and a value put by a goroutine on one P
// stays in that P's private slot, out of reach of a goroutine on another.
package spare

import "sync"

// List holds up to max values given back (Put) for Take. The zero List keeps nothing;
// make one with New. It is safe for concurrent use.
type List[T any] struct {
	mu    sync.Mutex
	items []T
	max   int
}

// New returns a list that keeps at most max values.
func New[T any](max int) *List[T] { return &List[T]{max: max} }

// Put keeps v for a later Take, unless the list is full (v is then left to the collector).
func (l *List[T]) Put(v T) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.items) < l.max {
		l.items = append(l.items, v)
	}
}

// Take removes and returns the value last kept that fits accepts (found). When values are
// kept but none fits, it drops one, too small for what is asked now and likely to be
// again, and reports dropped: the caller then makes one with room to spare.
func (l *List[T]) Take(fits func(T) bool) (v T, found, dropped bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := len(l.items)
	for i := n - 1; i >= 0; i-- {
		if fits(l.items[i]) {
			v = l.items[i]
			l.remove(i)
			return v, true, false
		}
	}
	if n == 0 {
		return v, false, false
	}
	l.remove(0)
	return v, false, true
}

// remove takes item i out, the last one in its place.
func (l *List[T]) remove(i int) {
	n := len(l.items)
	var zero T
	l.items[i] = l.items[n-1]
	l.items[n-1] = zero // no reference kept to what was taken
	l.items = l.items[:n-1]
}
