package extract

import "github.com/policymetrics/policymetrics/extract/internal/spare"

// spareRecords holds record slices given back (Recycle), for later chunks' records: a
// chunk's records are most of what extraction allocates.
var spareRecords = spare.New[[]Record](maxSpareRecords)

// Bounds on spareRecords: enough for the chunks a batch holds in flight; a larger slice
// (a document read whole) is left to the collector rather than held on to.
const (
	maxSpareRecords   = 2
	maxSpareRecordCap = 1 << 16
)

// Recycle gives back a slice of records that Stream or Document made, for later records to
// be written into: the caller must hold nothing of it any more (no slice of it, no
// pointer to a record in it; the strings records carry may be kept, they never change).
// Recycle a slice once at most.
func Recycle(recs []Record) {
	if cap(recs) > 0 && cap(recs) <= maxSpareRecordCap {
		spareRecords.Put(recs[:0])
	}
}

// takeRecords returns an empty slice with room for n records: a recycled one when one is
// large enough (reused: its records past those written must then be cleared, see
// clearStale). When only smaller ones were given back, one is dropped and the new slice
// gets room to spare, so that chunks of about the same size fit in it later.
func takeRecords(n int) (recs []Record, reused bool) {
	recs, found, dropped := spareRecords.Take(func(r []Record) bool { return cap(r) >= n })
	switch {
	case found:
		return recs, true
	case dropped:
		return make([]Record, 0, n+n/4), false
	}
	return make([]Record, 0, n), false
}

// clearStale clears a reused slice past its records, where those of an earlier chunk
// may be: they would keep that chunk's strings from the collector.
func clearStale(recs []Record) {
	clear(recs[len(recs):cap(recs)])
}
