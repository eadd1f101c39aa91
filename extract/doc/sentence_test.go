package doc

import (
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/policymetrics/policymetrics/extract/segment"
)

// TestSentenceBreaks: the range test that passes most characters over finds the ends a
// test of each rune against 。！？!? finds, around the range's edges and on odd runes.
func TestSentenceBreaks(t *testing.T) {
	slow := func(line []rune) []int {
		out := []int{}
		for i, r := range line {
			if slices.Contains([]rune("。！？!?"), r) {
				out = append(out, i+1)
			}
		}
		return out
	}
	pool := []rune{'。', '。' + 1, '。' - 1, '！', '！' - 1, '？', '？' + 1, '!', '?', '@', '>', 'A', '\r', '\n',
		'中', '，', 0, -1, 0xD800, 0xFFFD, 0x10FFFF, 0x110000, '\u3000'}
	rng := rand.New(rand.NewSource(1))
	for range 50000 {
		line := make([]rune, rng.Intn(10))
		for i := range line {
			line[i] = pool[rng.Intn(len(pool))]
		}
		if got, want := sentenceBreaks(line), slow(line); !slices.Equal(got, want) {
			t.Fatalf("sentenceBreaks(%q) = %v, want %v", string(line), got, want)
		}
	}
}

// sentenceStarts returns where the passage pass starts the sentences of line: 0, and after
// each 。！？!? but one that ends the line.
func sentenceStarts(line []rune) []int {
	starts := []int{0}
	for _, b := range sentenceBreaks(line) {
		if b < len(line) {
			starts = append(starts, b)
		}
	}
	return starts
}

// TestLineWithBreaks: a Reader told each line's breaks by the text's sentence scan
// (segment.AppendSentencesAndLines, as chunks and BuildFrom do) reads every line as a
// Reader finding them itself, on the corpus and seed documents and lines of odd ends.
func TestLineWithBreaks(t *testing.T) {
	var texts []string
	for _, pattern := range []string{"corpus/*.txt", "seeds/*.txt"} {
		paths, _ := filepath.Glob(filepath.Join("..", "..", "testdata", pattern))
		if len(paths) == 0 {
			t.Fatalf("no documents match %s", pattern)
		}
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, string(data))
		}
	}
	texts = append(texts, "一、2025年工作回顾\n2025年。！？2026年，增长5%。\n。\n！2024年\r\n过去五年，!?2021年？”2022年\n？“十四五”时期，全市生产总值增长\n")
	for _, text := range texts {
		a := []rune(text)
		_, starts, breaks := segment.AppendSentencesAndLines(nil, nil, nil, a)
		o := ReadOutline(a, 0)
		told, found := o.NewReader(), o.NewReader()
		x := 0
		var rel []int
		for k, st := range starts {
			line := lineAt(a, starts, k)
			rel = BreaksIn(rel, breaks, &x, st, st+len(line))
			if got, want := told.LineWithBreaks(k, line, rel), found.Line(k, line); !reflect.DeepEqual(got, want) {
				t.Fatalf("line %d %q: told its breaks %v, read %+v; finding them, %+v", k, string(line), rel, got, want)
			}
		}
	}
}

// corpusLines returns the lines of the testdata corpus's documents.
func corpusLines(t *testing.T) []string {
	t.Helper()
	paths, err := filepath.Glob("../../testdata/corpus/*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatal("no corpus documents")
	}
	var lines []string
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(data), "\n")...)
	}
	return lines
}
