package output

import (
	"io"
	"strings"
	"testing"

	"github.com/policymetrics/policymetrics/extract"
)

func BenchmarkJSONL(b *testing.B) {
	r := extract.Record{Doc: "corpus/gwr2026_anhui.txt", Line: 12, Col: 57, Text: "34.1亿元", Value: dec(341, 7), Unit: "元",
		Indicator: "规模以上工业增加值", Period: "2025", Qualifier: "approx", Change: "increase",
		Sentence: strings.Repeat("全市规模以上工业完成总产值19556亿元、增加值4878亿元，同比均增长6.5%，", 4), RawUnit: "元"}
	w, _ := New(io.Discard, JSONL, Options{})
	b.SetBytes(int64(len(appendRecordJSON(nil, &r))))
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
