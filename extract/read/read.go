// Package read holds what a format reader (PDF, DOCX, XLSX) makes of a file before the
// rules see it: the text a user can look at (records' line and col count in it, and
// --dump-text prints it), the page each line stands on, and the tables, whose cells point
// into that text. HTML and plain text need no reader of this kind: their source is the
// file itself.
package read

import (
	"errors"
	"strings"
	"unicode/utf8"
)

// Doc is a document as a format reader extracted it.
type Doc struct {
	// Text is the extracted text, lines split on '\n'. Table rows are written one line
	// each, cells separated by '\t', so that a cell's text can be found in it.
	Text string
	// PageStarts[k] is the 0-based index of the first line of page k+1; nil for formats
	// without pages (DOCX, XLSX).
	PageStarts []int
	// Tables are the tables of the document in order.
	Tables []Table
	// Paragraphs are the rune ranges of Text that form one paragraph each when a reader
	// knows them (DOCX); nil when it does not (PDF: the reflow decides).
	Paragraphs []Span
}

// Span is a range of runes [Start, End) in Doc.Text.
type Span struct{ Start, End int }

// Table is a table with its rows of cells. Merged cells are repeated in every row and
// column they cover, with the same Offset, so each row has the full width.
type Table struct {
	// Name is the sheet name (XLSX) or "" .
	Name string
	// Caption is the text that stands right before the table and says what it is
	// (表1 …, 单位：亿元), when the reader knows it.
	Caption string
	Rows    [][]Cell
}

// Cell is one cell of a table.
type Cell struct {
	Text string
	// Offset is the rune offset of the cell's text in Doc.Text, -1 when it is not there.
	Offset int
}

// ErrNoTextLayer is returned for a PDF whose pages carry no text (a scan).
var ErrNoTextLayer = errors.New("no text layer; scanned? OCR it first")

// TextWriter builds Doc.Text piece by piece, counting runes so that each piece's offset
// is known (a cell's Offset, a paragraph's Span).
type TextWriter struct {
	sb    strings.Builder
	runes int
}

// Write appends s and returns the rune offset it starts at.
func (w *TextWriter) Write(s string) int {
	at := w.runes
	w.sb.WriteString(s)
	w.runes += utf8.RuneCountInString(s)
	return at
}

// Line appends s and a line end, returning the offset s starts at.
func (w *TextWriter) Line(s string) int {
	at := w.Write(s)
	w.Write("\n")
	return at
}

// Len is the number of runes written.
func (w *TextWriter) Len() int { return w.runes }

// String is the text written.
func (w *TextWriter) String() string { return w.sb.String() }
