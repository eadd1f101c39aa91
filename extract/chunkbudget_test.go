package extract

import (
	"reflect"
	"strings"
	"testing"
)

// TestSampleWeight: lines count one each, and a figure counts figureWeight when it stands
// more than farBytes after a sentence end (a record of it then carries a window of its
// own); a decimal is one figure.
func TestSampleWeight(t *testing.T) {
	long := strings.Repeat("推进", farBytes/6+1) // more than farBytes with no sentence end
	for _, tc := range []struct {
		name string
		s    string
		want int
	}{
		{"empty", "", 0},
		{"a report's sentence", "全市生产总值增长5.5%，一般公共预算收入34.1亿元。\n", 1},
		{"blank lines", strings.Repeat("\n", 100), 100},
		{"figures near a sentence end", long + "。增长12.5%、收入3.4亿元", 0},
		{"figures far from one", long + "增长12.5%、收入3.4亿元", 2 * figureWeight},
		{"far after a line end", "\n" + long + "增长5%", 1 + figureWeight},
		{"after ；！？", long + "；增长5%" + long + "！增长5%" + long + "？增长5%", 0},
	} {
		if got := sampleWeight(tc.s); got != tc.want {
			t.Errorf("%s: weight %d, want %d", tc.name, got, tc.want)
		}
	}
}

// TestChunkBudget: the test documents (reports, bulletins, plans) keep whole chunks at
// every place a chunk may start; blank lines and a list of figures with no sentence end
// get smaller ones, never below minChunkBudget.
func TestChunkBudget(t *testing.T) {
	docs := readTestdata(t, "corpus/*.txt")
	for name, data := range readTestdata(t, "genres/*.txt") {
		docs[name] = data
	}
	for name, data := range docs {
		text := string(data)
		for start := 0; start < len(text); start += 512 {
			if b := chunkBudget(text, start); b != chunkBytes {
				t.Fatalf("%s: a chunk at byte %d gets %d bytes, not %d", name, start, b, chunkBytes)
			}
		}
	}
	for name, text := range map[string]string{
		"blank lines":   strings.Repeat("\n", 1<<20),
		"dense figures": strings.Repeat("增长12.5%、收入3.4亿元、", 1<<15),
	} {
		b := chunkBudget(text, 0)
		if b > chunkBytes/2 || b < minChunkBudget {
			t.Errorf("%s: a chunk gets %d bytes, want between %d and %d", name, b, minChunkBudget, chunkBytes/2)
		}
	}
}

// TestDenseChunksReadAsWhole: a document whose chunks shrink where blank lines crowd, and
// whose long lines of figures have no sentence end, read in chunks gives the records
// reading it whole gives.
func TestDenseChunksReadAsWhole(t *testing.T) {
	var b strings.Builder
	b.WriteString("2025年某市国民经济和社会发展统计公报\n")
	for i := range 12 {
		b.WriteString("全市生产总值增长5.5%，一般公共预算收入34.1亿元。\n")
		b.WriteString(strings.Repeat("\n", 20000))
		if i%3 == 0 {
			b.WriteString(strings.Repeat("工业增长12.5%、收入3.4亿元、", 1000) + "\n")
		}
	}
	text := b.String()
	chunks := chunksOf(text, nil)
	small := 0
	for _, c := range chunks {
		if c.end < len(text) && c.end-c.start < chunkBytes/2 {
			small++
		}
	}
	if small < 10 {
		t.Fatalf("%d of %d chunks are small: the budget did not shrink them", small, len(chunks))
	}
	want := Records(plainDocument("dense.txt", text), Options{})
	got, done := readInChunks(t, "dense.txt", longDoc{text: text}, chunks, Options{})
	if !done {
		t.Fatal("read whole")
	}
	if len(want) < 8000 || !reflect.DeepEqual(got, want) {
		t.Errorf("%d records whole, in %d chunks: %s", len(want), len(chunks), firstDifference(got, want))
	}
}
