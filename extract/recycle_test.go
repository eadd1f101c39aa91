package extract

import (
	"reflect"
	"testing"

	"github.com/policymetrics/policymetrics/extract/internal/spare"
)

// TestRecycledRecordsAsFresh: records written into recycled slices, which held other
// records before, are those written into new ones; over the corpus reports and a long
// document made of them (read in chunks, of different record counts).
func TestRecycledRecordsAsFresh(t *testing.T) {
	docs := readTestdata(t, "corpus/*.txt")
	var long []byte
	for _, d := range docs {
		long = append(long, d...)
	}
	docs["long.txt"] = append(long, long...)
	stale := Record{Doc: "stale", Line: 99, Text: "旧", Sentence: "旧的句子", Indicator: "旧"}
	for name, data := range docs {
		want, err := Document(name, data, Options{})
		if err != nil {
			t.Fatal(err)
		}
		var got []Record
		err = Stream(name, data, Options{}, func(recs []Record) error {
			got = append(got, recs...)
			// What the next chunk finds in the slice: nothing of these records.
			recs = recs[:cap(recs)]
			for i := range recs {
				recs[i] = stale
			}
			Recycle(recs)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %d records from recycled slices differ from %d new ones", name, len(got), len(want))
		}
	}
}

// TestTakeRecordsClearsStale: a recycled slice comes back empty, and once filled, what
// its last user left past the new records is cleared; one too small is not used.
func TestTakeRecordsClearsStale(t *testing.T) {
	spareRecords = spare.New[[]Record](maxSpareRecords)
	old := make([]Record, 100)
	for i := range old {
		old[i] = Record{Doc: "stale", Text: "旧"}
	}
	Recycle(old[:3])
	if recs, reused := takeRecords(101); reused || cap(recs) < 101 || len(recs) != 0 {
		t.Fatalf("takeRecords(101) = len %d cap %d, reused %v; want a new slice", len(recs), cap(recs), reused)
	}
	Recycle(old[:3])
	recs, reused := takeRecords(50)
	if !reused || len(recs) != 0 || &recs[:1][0] != &old[0] {
		t.Fatalf("takeRecords(50) = len %d, reused %v; want the recycled slice, empty", len(recs), reused)
	}
	recs = append(recs, Record{Doc: "new"}, Record{Doc: "new"})
	clearStale(recs)
	for i := 2; i < len(old); i++ {
		if old[i] != (Record{}) {
			t.Fatalf("record %d past the new ones still holds %+v", i, old[i])
		}
	}
}
