// Package csvtable reads a CSV or TSV file as one table of figures (a statistical table
// exported from a spreadsheet), for `--input-format table`: its cells point into the file
// as written, so records keep the cell's own line and column.
package csvtable

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/policymetrics/policymetrics/extract/read"
)

// maxCells bounds a table: a larger one is an error, not a run out of memory.
const maxCells = 1_000_000

// Read parses text (CSV, or TSV when comma is '\t') strictly: an unterminated quote is an
// error naming its line. The table's rows are the records of the file, each cell's Offset
// the rune offset of its text in text.
func Read(text string, comma rune) (*read.Doc, error) {
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = comma
	r.FieldsPerRecord = -1 // rows of a report table differ in width
	lines := lineStarts(text)
	var t read.Table
	cells := 0
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("not a CSV table: %w", err)
		}
		cells += len(rec)
		if cells > maxCells {
			return nil, fmt.Errorf("more than %d cells: too large a table", maxCells)
		}
		row := make([]read.Cell, len(rec))
		for i, field := range rec {
			line, col := r.FieldPos(i)
			row[i] = read.Cell{Text: strings.TrimSpace(field), Offset: cellOffset(text, lines, line, col, field)}
		}
		t.Rows = append(t.Rows, row)
	}
	return &read.Doc{Text: text, Tables: []read.Table{t}}, nil
}

// lineStarts returns the byte offsets where the lines of text start.
func lineStarts(text string) []int {
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// cellOffset turns a field's line and byte column into the rune offset of its text (past
// an opening quote and leading spaces), or -1 for an empty field.
func cellOffset(text string, lines []int, line, col int, field string) int {
	if strings.TrimSpace(field) == "" || line < 1 || line > len(lines) {
		return -1
	}
	b := lines[line-1] + col - 1
	for b < len(text) && (text[b] == '"' || text[b] == ' ') {
		b++
	}
	if b > len(text) {
		return -1
	}
	return len([]rune(text[:b]))
}
