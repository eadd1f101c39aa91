package output

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/policymetrics/policymetrics/extract"
)

func BenchmarkJSONL(b *testing.B) {
	r := extract.Record{Doc: "corpus/gwr2026_anhui.txt", Line: 12, Col: 57, Text: "34.1亿元", Value: dec(341, 7), Unit: "元",
		Indicator: "规模以上工业增加值", Period: "2025", Qualifier: "approx", Change: "increase",
		Sentence: strings.Repeat("全市规模以上工业完成总产值19556亿元、增加值4878亿元，同比均增长6.5%，", 4), RawUnit: "元"}
	w, _ := New(io.Discard, JSONL, Options{})
	b.SetBytes(int64(len(appendRecordJSON(nil, &r, new(encodedStrings)))))
	for b.Loop() {
		w.Write(&r)
	}
}

// BenchmarkJSONString measures escaping a sentence, done once per sentence written: most
// of its bytes are CJK characters.
func BenchmarkJSONString(b *testing.B) {
	s := strings.Repeat("全市规模以上工业完成总产值19556亿元、增加值4878亿元，同比均增长6.5%，", 4)
	b.SetBytes(int64(len(s)))
	var buf []byte
	for b.Loop() {
		buf = appendJSONString(buf[:0], s)
	}
}

// BenchmarkJSONLCorpus measures writing the records of the testdata corpus as JSON Lines,
// as the extract command's writer does: unlike BenchmarkJSONL, the fields vary from record
// to record and the sentence changes every few records. Extraction is done once, outside.
func BenchmarkJSONLCorpus(b *testing.B) {
	paths, err := filepath.Glob("../../testdata/corpus/*.txt")
	if err != nil || len(paths) == 0 {
		b.Fatal("no corpus", err)
	}
	var recs []extract.Record
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		rs, err := extract.Document("corpus/"+filepath.Base(p), data, extract.Options{})
		if err != nil {
			b.Fatal(err)
		}
		recs = append(recs, rs...)
	}
	out, err := Encode(JSONL, Options{}, recs)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(out)))
	b.ReportAllocs()
	for b.Loop() {
		w, _ := New(io.Discard, JSONL, Options{})
		for i := range recs {
			w.Write(&recs[i])
		}
		w.Close()
	}
}
