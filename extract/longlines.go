package extract

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// A line is never cut by chunking, so a document of very long lines (a scraped text with
// no line breaks at all) would be one chunk, its memory and time the document's (issue
// 14). A line longer than maxLineBytes is therefore cut into pieces of about pieceBytes
// at sentence ends, and the pieces are read as chunks, or parts of chunks, are: records
// keep their line and column (the cuts know their column), and the structure passes
// read a piece that does not start a line as the continuation it is
// (doc.Reader.ContinueWithBreaks). A cut falls where the sentence scan and the passage
// pass break, before a Chinese character that normalisation keeps in place, so that
// reading the pieces gives what reading the line whole gives; TestLongLinesReadAsWhole
// checks that on the test documents with their lines joined.

// maxLineBytes is the longest line read whole; pieceBytes is the least size of a piece of
// a longer one, and hardPieceBytes the size past which a piece is cut inside a sentence
// (at a clause mark, else before any character) for want of a sentence end.
var (
	maxLineBytes   = chunkBytes
	pieceBytes     = chunkBytes / 16
	hardPieceBytes = 4 * pieceBytes
)

// lineCut is where a long line is cut: at byte at, col runes into its line.
type lineCut struct{ at, col int }

// lineCuts returns the cuts of every line of text longer than maxLineBytes, in order.
//
// Such a line holds a whole window of half its bound (the windows tile the text), so
// only windows with no line end are looked at: a text of short lines costs a search
// that stops at the first line end of each window, not a search per line.
func lineCuts(text string) []lineCut {
	var cuts []lineCut
	window := max(1, maxLineBytes/2)
	for w := 0; w < len(text); w += window {
		if strings.IndexByte(text[w:min(w+window, len(text))], '\n') >= 0 {
			continue
		}
		start := strings.LastIndexByte(text[:w], '\n') + 1
		end := len(text)
		if k := strings.IndexByte(text[w:], '\n'); k >= 0 {
			end = w + k
		}
		if end-start > maxLineBytes {
			cuts = appendCuts(cuts, text, start, end)
		}
		w = end - end%window // the windows from the line's end on
	}
	return cuts
}

// appendCuts appends the cuts of the line text[start:end] (without its newline): one at
// the first good place from pieceBytes on, again from there, while more than two pieces'
// bytes are left.
func appendCuts(cuts []lineCut, text string, start, end int) []lineCut {
	col := 0
	for at := start; end-at > 2*pieceBytes; {
		lo, hi := at+pieceBytes, min(at+hardPieceBytes, end-1)
		c := sentenceEndCut(text, start, lo, hi)
		if c < 0 {
			c = clauseEndCut(text, start, lo, hi)
		}
		if c < 0 {
			c = anyCut(text, hi)
		}
		col += utf8.RuneCountInString(text[at:c])
		cuts = append(cuts, lineCut{c, col})
		at = c
	}
	return cuts
}

// sentenceEndCut returns the first offset in [lo, hi) right after a 。！？ that a Chinese
// character follows (keptHanAt), or -1. There the sentence scan breaks and starts the next
// sentence with no closer or end between; ASCII ! and ? are left alone, as normalisation
// may read a '?' as garbled residue.
func sentenceEndCut(text string, lineStart, lo, hi int) int {
	for j := lo; j < hi; j++ {
		switch text[j-1] { // the last byte of 。(E3 80 82), ！(EF BC 81), ？(EF BC 9F)
		case 0x82, 0x81, 0x9F:
			if end := text[j-3 : j]; (end == "。" || end == "！" || end == "？") && keptHanAt(text, lineStart, j) {
				return j
			}
		}
	}
	return -1
}

// clauseEndCut is sentenceEndCut after a clause mark (，；): a sentence too long to keep whole.
func clauseEndCut(text string, lineStart, lo, hi int) int {
	for j := lo; j < hi; j++ {
		switch text[j-1] { // ，(EF BC 8C), ；(EF BC 9B)
		case 0x8C, 0x9B:
			if end := text[j-3 : j]; (end == "，" || end == "；") && keptHanAt(text, lineStart, j) {
				return j
			}
		}
	}
	return -1
}

// anyCut returns the start of the character at or before hi: the last resort.
func anyCut(text string, hi int) int {
	for hi > 0 && !utf8.RuneStart(text[hi]) {
		hi--
	}
	return hi
}

// keptHanAt reports a Chinese character at text[j] outside a stray tag: normalisation
// keeps it where it is, and nothing it deletes or joins spans it (a tag it deletes may
// hold any character but '<', '>' and a line end, in up to maxTagBytes).
func keptHanAt(text string, lineStart, j int) bool {
	r, _ := utf8.DecodeRuneInString(text[j:])
	if uint32(r)-0x3400 >= 0xA000-0x3400 {
		return false
	}
	k := strings.LastIndexAny(text[max(lineStart, j-maxTagBytes):j], "<>")
	return k < 0 || text[max(lineStart, j-maxTagBytes)+k] == '>'
}

// maxTagBytes bounds a stray tag's bytes (normalize's maxTag runes, of up to 4 bytes).
const maxTagBytes = 4 * 512

// cutAt returns the index in cuts of the cut at byte at, or -1.
func cutAt(cuts []lineCut, at int) int {
	k, found := slices.BinarySearchFunc(cuts, at, func(c lineCut, at int) int { return c.at - at })
	if !found {
		return -1
	}
	return k
}

// colAt returns the column (runes into its line) of a unit start: 0 at a line start.
func colAt(cuts []lineCut, at int) int {
	if k := cutAt(cuts, at); k >= 0 {
		return cuts[k].col
	}
	return 0
}

// nextCut returns the first cut at or after at, or len(text) when none.
func nextCut(text string, cuts []lineCut, at int) int {
	k, _ := slices.BinarySearchFunc(cuts, at, func(c lineCut, at int) int { return c.at - at })
	if k < len(cuts) {
		return cuts[k].at
	}
	return len(text)
}

// unitEnd returns the end of the unit (a line with its newline, or a piece of a long
// line) that starts at, or len(text). The newline is looked for only up to the next cut:
// never over the rest of a long line.
func unitEnd(text string, cuts []lineCut, at int) int {
	c := nextCut(text, cuts, at+1)
	if k := strings.IndexByte(text[at:c], '\n'); k >= 0 {
		return at + k + 1
	}
	return c
}

// unitStart returns the start of the unit that ends at at (> 0).
func unitStart(text string, cuts []lineCut, at int) int {
	lo := 0
	k, _ := slices.BinarySearchFunc(cuts, at, func(c lineCut, at int) int { return c.at - at })
	if k > 0 {
		lo = cuts[k-1].at
	}
	return lo + strings.LastIndexByte(text[lo:at-1], '\n') + 1
}

// isPiece reports a unit [from, to) that is a piece of a long line.
func isPiece(text string, cuts []lineCut, from, to int) bool {
	return cutAt(cuts, from) >= 0 || to < len(text) && cutAt(cuts, to) >= 0
}

// unitsBack returns the start of the n units before at (a unit start), or 0; a piece
// ends the way back, as it holds sentences enough for any rule's look back.
func unitsBack(text string, cuts []lineCut, at, n int) int {
	if cuts == nil {
		return linesBack(text, at, n)
	}
	for ; n > 0 && at > 0; n-- {
		from := unitStart(text, cuts, at)
		if isPiece(text, cuts, from, at) {
			return from
		}
		at = from
	}
	return at
}

// unitsAhead returns the end of the n units after at (a unit start), or len(text); a
// piece ends the way ahead.
func unitsAhead(text string, cuts []lineCut, at, n int) int {
	if cuts == nil {
		return linesAhead(text, at, n)
	}
	for ; n > 0 && at < len(text); n-- {
		to := unitEnd(text, cuts, at)
		if isPiece(text, cuts, at, to) {
			return to
		}
		at = to
	}
	return at
}

// pos is a place in a document: a 0-based line and a column (runes into it).
type pos struct{ line, col int }

func (p pos) before(q pos) bool { return p.line < q.line || p.line == q.line && p.col < q.col }
