package extract

import (
	"math"
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// withPieces lowers the bounds for a test: chunks of 2 KB, lines past 4 KB cut into
// pieces of 512 bytes and more (2 KB at most before a cut inside a sentence).
func withPieces(t testing.TB) {
	t.Helper()
	c, m, l, pb, h := chunkBytes, maxChunkBytes, maxLineBytes, pieceBytes, hardPieceBytes
	t.Cleanup(func() { chunkBytes, maxChunkBytes, maxLineBytes, pieceBytes, hardPieceBytes = c, m, l, pb, h })
	chunkBytes, maxChunkBytes, maxLineBytes, pieceBytes, hardPieceBytes = 2<<10, 4<<10, 4<<10, 512, 2<<10
}

// readWholeLines reads text in chunks with no line cut (the bound out of reach): what
// reading it in pieces must give.
func readWholeLines(t *testing.T, name, text string) []Record {
	t.Helper()
	defer func(l int) { maxLineBytes = l }(maxLineBytes)
	maxLineBytes = math.MaxInt
	p := longDoc{text: text}
	got, done := readInChunks(t, name, p, p.chunks(), Options{})
	if !done {
		t.Fatalf("%s: read whole", name)
	}
	return got
}

// longLineShapes are the test documents made of long lines: their newlines removed,
// turned into \r (one line, as SPEC splits lines on \n only), and every run of 30 lines
// joined into one among the short lines left.
func longLineShapes(t *testing.T) map[string]string {
	docs := readTestdata(t, "corpus/*.txt")
	for name, data := range readTestdata(t, "genres/*.txt") {
		docs[name] = data
	}
	for name, data := range readTestdata(t, "seeds/*.txt") {
		docs[name] = data
	}
	shapes := map[string]string{}
	for name, data := range docs {
		text := string(data)
		shapes[name+" oneline"] = strings.ReplaceAll(text, "\n", "")
		shapes[name+" cr"] = strings.ReplaceAll(text, "\n", "\r")
		lines := strings.Split(text, "\n")
		for i := 40; i < len(lines); i += 60 {
			lines[i] = strings.Join(lines[i:min(i+30, len(lines))], "")
			lines = append(lines[:i+1], lines[min(i+30, len(lines)):]...)
		}
		shapes[name+" mixed"] = strings.Join(lines, "\n")
	}
	shapes["tables oneline"] = strings.ReplaceAll(tabledText(120), "\n", "")
	// No sentence end for long stretches: cut at clause marks, then anywhere.
	shapes["no ends"] = "2025年统计公报\n" + strings.Repeat("全市生产总值增长5%，投资增长3%", 400) + "\n" + strings.Repeat("增长5%投资3亿元", 400)
	return shapes
}

// TestLongLinesReadAsWhole: a document of long lines read in pieces gives, record for
// record and field for field, what reading its lines whole gives; and its lines are cut.
// One rule reads past what a piece's context holds: budgetLevel takes a budget level
// (县级, 区级) named anywhere before a figure in its line, which in a document of one line
// may be thousands of characters back; what the line said before a chunk is carried to
// it (Document.LevelBefore). Before that was carried, 7 of the shapes' 19,000 records had
// another area.
func TestLongLinesReadAsWhole(t *testing.T) {
	withPieces(t)
	cut, differ, records := 0, 0, 0
	for name, text := range longLineShapes(t) {
		want := readWholeLines(t, name, text)
		p := longDoc{text: text}
		cuts := p.cuts()
		cut += len(cuts)
		got, done := readInChunks(t, name, p, p.chunks(), Options{})
		if !done {
			t.Fatalf("%s: read whole", name)
		}
		if name == "no ends" {
			continue // cut inside sentences: checked by TestLineCuts
		}
		records += len(want)
		if len(got) != len(want) {
			t.Errorf("%s (%d cuts): %s", name, len(cuts), firstDifference(got, want))
			continue
		}
		for i := range got {
			if !reflect.DeepEqual(got[i], want[i]) {
				differ++
				t.Errorf("%s (%d cuts) record %d:\n got  %+v\n want %+v", name, len(cuts), i, got[i], want[i])
			}
		}
	}
	t.Logf("%d records, %d differ", records, differ)
	if cut < 1000 {
		t.Errorf("only %d cuts: the long lines were hardly cut", cut)
	}
}

// TestLineCuts: every cut of a long line falls inside it, after 。！？ and before a
// Chinese character when a sentence end is within reach, pieces no smaller than
// pieceBytes, no larger than hardPieceBytes, and the cuts' columns count the runes before them.
func TestLineCuts(t *testing.T) {
	withPieces(t)
	rng := rand.New(rand.NewSource(7))
	words := []string{"全市", "增长5%", "。", "，", "！", "？", "；", "<b>", "</b>", "<a title=", ">", "\r", "2025年", "abc", "\U0001F600", "、", "。”", "”"}
	texts := []string{}
	for _, text := range longLineShapes(t) {
		texts = append(texts, text)
	}
	for range 200 {
		var b strings.Builder
		for b.Len() < 20<<10 {
			b.WriteString(words[rng.Intn(len(words))])
			if rng.Intn(500) == 0 {
				b.WriteByte('\n')
			}
		}
		texts = append(texts, b.String())
	}
	for _, text := range texts {
		checkCuts(t, text)
	}
}

func checkCuts(t *testing.T, text string) {
	t.Helper()
	cuts := lineCuts(text)
	if want := plainLineCuts(text); !reflect.DeepEqual(cuts, want) {
		t.Fatalf("lineCuts: %d cuts, the plain reading of every line %d", len(cuts), len(want))
	}
	lineStart, prev := 0, 0
	for _, c := range cuts {
		if nl := strings.LastIndexByte(text[:c.at], '\n'); nl+1 > prev {
			lineStart, prev = nl+1, nl+1
		}
		if c.at <= prev || strings.IndexByte(text[c.at:], '\n') == 0 {
			t.Fatalf("cut at %d: not inside a line after %d", c.at, prev)
		}
		if !utf8.RuneStart(text[c.at]) {
			t.Fatalf("cut at %d inside a character", c.at)
		}
		if n := c.at - prev; n < pieceBytes || n > hardPieceBytes {
			t.Fatalf("piece of %d bytes", n)
		}
		if want := utf8.RuneCountInString(text[lineStart:c.at]); c.col != want {
			t.Fatalf("cut at %d: col %d, want %d", c.at, c.col, want)
		}
		if sentenceEndCut(text, lineStart, prev+pieceBytes, c.at+1) >= 0 && sentenceEndCut(text, lineStart, prev+pieceBytes, c.at+1) != c.at {
			t.Fatalf("cut at %d passes a sentence end", c.at)
		}
		prev = c.at
	}
}

// plainLineCuts is lineCuts reading every line: what its search by windows must find.
func plainLineCuts(text string) []lineCut {
	var cuts []lineCut
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if end-start > maxLineBytes {
			cuts = appendCuts(cuts, text, start, end)
		}
		start = end + 1
	}
	return cuts
}

// TestLineCutsAtBounds: lines of about the bound's length, and windows' lengths, at
// every place against the windows lineCuts searches by.
func TestLineCutsAtBounds(t *testing.T) {
	withPieces(t)
	sentence := "全市增长5%。"
	for _, n := range []int{maxLineBytes/2 - 1, maxLineBytes / 2, maxLineBytes - 1, maxLineBytes, maxLineBytes + 1, 2*maxLineBytes + 3} {
		for lead := range 9 {
			line := strings.Repeat("x", n%len(sentence)) + strings.Repeat(sentence, n/len(sentence))
			for _, text := range []string{
				strings.Repeat("ab\n", lead*97) + line,
				strings.Repeat("ab\n", lead*97) + line + "\n",
				strings.Repeat("ab\n", lead*97) + line + "\n" + line + "\nend",
				line + strings.Repeat("\n", lead) + line,
			} {
				checkCuts(t, text)
			}
		}
	}
}

// FuzzLineCuts: the cuts of any text hold as TestLineCuts says, and any text read in
// pieces gives the records reading its lines whole gives, unless it was cut inside a
// sentence for want of an end.
func FuzzLineCuts(f *testing.F) {
	for _, s := range []string{
		"全市生产总值增长5%。投资增长3%！",
		"一、2025年工作回顾。新增企业5家。二、2026年主要任务。增长6%左右。市本级收入3亿元。",
		"2022年以来，增长5%。过去五年，投资3亿元。<b>。全</b>",
		"表1 收支\t100\t200。全市增长5%",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || len(s) == 0 || len(s) > 2048 {
			return
		}
		withPieces(t)
		text := "政府工作报告\n" + strings.Repeat(s, 6<<10/len(s)+1)
		checkCuts(t, text)
		p := longDoc{text: text}
		if !sentencesOnly(text, p.cuts()) {
			return
		}
		want := readWholeLines(t, "f", text)
		got, done := readInChunks(t, "f", p, p.chunks(), Options{})
		if done && !reflect.DeepEqual(got, want) && len(got)+len(want) > 0 {
			t.Errorf("in pieces: %s", firstDifference(got, want))
		}
	})
}

// sentencesOnly reports cuts all at sentence ends.
func sentencesOnly(text string, cuts []lineCut) bool {
	for _, c := range cuts {
		if e := text[c.at-3 : c.at]; e != "。" && e != "！" && e != "？" {
			return false
		}
	}
	return true
}
