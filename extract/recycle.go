package extract

import "sync"

// spareRecords holds record slices given back (Recycle), for later chunks' records: a
// chunk's records are most of what extraction allocates, and a new slice must be cleared
// and, in time, scanned and collected. (Not a sync.Pool: a slice put by the writer on one
// P would stay in that P's private slot, out of reach of a worker on another.)
var spareRecords struct {
	sync.Mutex
	recs [][]Record
}

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
	if cap(recs) == 0 || cap(recs) > maxSpareRecordCap {
		return
	}
	spareRecords.Lock()
	if len(spareRecords.recs) < maxSpareRecords {
		spareRecords.recs = append(spareRecords.recs, recs[:0])
	}
	spareRecords.Unlock()
}

// takeRecords returns an empty slice with room for n records: a recycled one when one is
// large enough (reused: its records past those written must then be cleared, see
// clearStale). When only smaller ones were given back, one is dropped and the new slice
// gets room to spare, so that chunks of about the same size fit in it later.
func takeRecords(n int) (recs []Record, reused bool) {
	spareRecords.Lock()
	defer spareRecords.Unlock()
	k := len(spareRecords.recs)
	if k == 0 {
		return make([]Record, 0, n), false
	}
	for i, r := range spareRecords.recs {
		if cap(r) >= n {
			spareRecords.recs[i] = spareRecords.recs[k-1]
			spareRecords.recs[k-1] = nil
			spareRecords.recs = spareRecords.recs[:k-1]
			return r, true
		}
	}
	spareRecords.recs[0] = spareRecords.recs[k-1]
	spareRecords.recs[k-1] = nil
	spareRecords.recs = spareRecords.recs[:k-1]
	return make([]Record, 0, n+n/4), false
}

// clearStale clears a reused slice past its records, where those of an earlier chunk
// may be: they would keep that chunk's strings from the collector.
func clearStale(recs []Record) {
	clear(recs[len(recs):cap(recs)])
}
