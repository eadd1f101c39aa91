package extract

import (
	"bytes"
	"reflect"
	"sort"
	"testing"
)

// TestStreamKeepsNothingOfData: once Stream has returned, nothing it gave out or kept
// (records, memos kept from document to document) reads the document's bytes, so that
// the command may read the next file into them (input.Recycle). Valid UTF-8 is read in
// place (decode.View), so a record's string cut from the text, not copied, would change
// here. Every test document, and a long one read in chunks on helpers, is extracted, its
// bytes overwritten, and its records compared with those extracted before any was.
func TestStreamKeepsNothingOfData(t *testing.T) {
	docs := readTestdata(t, "corpus/*.txt")
	for name, data := range readTestdata(t, "genres/*") {
		docs[name] = data
	}
	var long []byte
	for _, d := range readTestdata(t, "corpus/*.txt") {
		long = append(long, d...)
	}
	docs["long.txt"] = long
	names := make([]string, 0, len(docs))
	for name := range docs {
		names = append(names, name)
	}
	sort.Strings(names)

	want := map[string][]Record{}
	for _, name := range names {
		recs, err := Document(name, bytes.Clone(docs[name]), Options{})
		if err != nil {
			t.Fatal(err)
		}
		want[name] = recs
	}
	opts := Options{Helpers: NewHelpers(3)}
	for _, name := range names {
		data := bytes.Clone(docs[name])
		var got []Record
		err := Stream(name, data, opts, func(recs []Record) error {
			got = append(got, recs...)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		for i := range data {
			data[i] = 0xff
		}
		if !reflect.DeepEqual(got, want[name]) {
			t.Errorf("%s: records changed with the document's bytes overwritten after Stream returned", name)
		}
	}
}
