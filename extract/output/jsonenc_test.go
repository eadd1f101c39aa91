package output

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/policymetrics/policymetrics/extract"
)

// appendRecordJSONPlain is appendRecordJSON without anything remembered from the records
// before, nor copied from another field: every string escaped where it is written. The
// tests hold the encoder with its memos to it.
func appendRecordJSONPlain(b []byte, r *extract.Record) []byte {
	b = append(b, `{"doc":`...)
	b = appendJSONString(b, r.Doc)
	b = append(b, `,"line":`...)
	b = strconv.AppendInt(b, int64(r.Line), 10)
	b = append(b, `,"col":`...)
	b = strconv.AppendInt(b, int64(r.Col), 10)
	b = append(b, `,"text":`...)
	b = appendJSONString(b, r.Text)
	b = append(b, `,"value":`...)
	b = r.Value.Append(b)
	for _, f := range []struct{ key, s string }{{"unit", r.Unit}, {"indicator", r.Indicator}, {"concept", r.Concept},
		{"area", r.Area}, {"period", r.Period}, {"qualifier", r.Qualifier}, {"change", r.Change},
		{"modality", r.Modality}, {"sentence", r.Sentence}} {
		b = append(append(append(b, ",\""...), f.key...), "\":"...)
		b = appendJSONString(b, f.s)
	}
	if r.Upper != nil {
		b = append(b, `,"upper":`...)
		b = r.Upper.Append(b)
	}
	if r.RawUnit != "" {
		b = append(b, `,"raw_unit":`...)
		b = appendJSONString(b, r.RawUnit)
	}
	if r.Page != 0 {
		b = append(b, `,"page":`...)
		b = strconv.AppendInt(b, int64(r.Page), 10)
	}
	return append(b, '}')
}

// checkMemoEncodings encodes recs in order through one set of memos, as a writer does, and
// holds every record to its plain encoding.
func checkMemoEncodings(t *testing.T, name string, recs []extract.Record) {
	t.Helper()
	c := new(encodedStrings)
	for i := range recs {
		got := appendRecordJSON(nil, &recs[i], c)
		if want := appendRecordJSONPlain(nil, &recs[i]); !bytes.Equal(got, want) {
			t.Fatalf("%s, record %d:\ngot  %s\nwant %s", name, i, got, want)
		}
	}
}

// corpusRecords are the records of the first n corpus documents, in the writer's order.
func corpusRecords(t testing.TB, n int) []extract.Record {
	paths, err := filepath.Glob("../../testdata/corpus/*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatal("no corpus", err)
	}
	var recs []extract.Record
	for _, p := range paths[:min(n, len(paths))] {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rs, err := extract.Document("corpus/"+filepath.Base(p), data, extract.Options{})
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, rs...)
	}
	return recs
}

// TestJSONMemos: what the encoder remembers from the records before (document name,
// sentence, period, qualifier, change, modality) and copies from another field (raw_unit
// from unit, an indicator that is a slice of the sentence) writes what each record alone writes, over the corpus in order and reversed,
// and over random records whose fields repeat, change, are empty or need escapes.
func TestJSONMemos(t *testing.T) {
	recs := corpusRecords(t, 8)
	checkMemoEncodings(t, "corpus", recs)
	slices.Reverse(recs)
	checkMemoEncodings(t, "corpus reversed", recs)
	checkMemoEncodings(t, "random", randomRecords(rand.New(rand.NewPCG(1, 2)), 20000))
}

// randomRecords makes n records from a few values a field, odd ones among them: a writer
// sees a field repeat, come back after another value, or turn empty.
func randomRecords(rng *rand.Rand, n int) []extract.Record {
	strs := []string{"", "", "元", "%", "a\"b", "增\\长", "\n", "\u2028", "\xff", "中\xe4\xb8", "2025", "2021-2025", "approx", "over",
		"increase", "target", "规模以上工业增加值", "2016年投入约34.1亿元，同比增长6.5%。"}
	recs := make([]extract.Record, n)
	for i := range recs {
		r := &recs[i]
		if i > 0 {
			*r = recs[i-1]
		}
		// Each field the previous record's or another, one time in two.
		for _, f := range []*string{&r.Doc, &r.Text, &r.Unit, &r.Indicator, &r.Concept, &r.Area, &r.Period,
			&r.Qualifier, &r.Change, &r.Modality, &r.Sentence, &r.RawUnit} {
			if i == 0 || rng.IntN(2) == 0 {
				*f = strs[rng.IntN(len(strs))]
			}
		}
		r.Line, r.Col, r.Value = rng.IntN(3000), rng.IntN(300), dec(rng.Int64N(1e6)-1000, rng.IntN(12)-6)
		if rng.IntN(2) == 0 {
			r.RawUnit = r.Unit
		}
		if n := len(r.Sentence); n > 0 && rng.IntN(3) == 0 {
			// The indicator a slice of the sentence's memory, as extraction's are, cut
			// anywhere: mid-character too.
			from := rng.IntN(n)
			r.Indicator = r.Sentence[from : from+1+rng.IntN(n-from)]
		}
		r.Upper, r.Page = nil, 0
		if rng.IntN(8) == 0 {
			r.Upper, r.Page = decp(rng.Int64N(1e6), 0), rng.IntN(5)
		}
	}
	return recs
}
