package docx

import (
	"fmt"
	"unicode/utf8"

	"github.com/policymetrics/policymetrics/extract/read"
)

// maxCaption is the length under which the paragraph right before a table is taken as
// its caption (表1 …, 单位：亿元) rather than body text.
const maxCaption = 60

// maxCells bounds the cells of all tables once merged cells are repeated: spans
// multiply, and a forged document must give an error, not fill the memory.
const maxCells = 5_000_000

// writer builds Doc.Text (the read package's TextWriter).
type writer struct{ read.TextWriter }

func (w *writer) field(s string) int { return w.Write(s) }
func (w *writer) endLine()           { w.Write("\n") }

// layout writes the blocks as Doc.Text: a line per paragraph, a line per table row.
func layout(blocks []block) (*read.Doc, error) {
	doc := &read.Doc{}
	var w writer
	caption := ""
	cells := 0
	for _, b := range blocks {
		if !b.table {
			if b.para == "" {
				continue
			}
			start := w.field(b.para)
			doc.Paragraphs = append(doc.Paragraphs, read.Span{Start: start, End: w.Len()})
			w.endLine()
			caption = b.para
			continue
		}
		if len(b.rows) == 0 {
			continue
		}
		cells += len(b.rows) * tableWidth(b.rows)
		if cells > maxCells {
			return nil, fmt.Errorf("docx: tables hold more than %d cells once merged cells are repeated", maxCells)
		}
		if utf8.RuneCountInString(caption) >= maxCaption {
			caption = ""
		}
		doc.Tables = append(doc.Tables, split(writeTable(&w, b.rows), caption)...)
		caption = ""
	}
	doc.Text = w.String()
	return doc, nil
}

// writeTable writes each row on a line, one field per grid column, and returns the
// rows with merged cells repeated: a spanned cell fills the columns it spans, a cell
// that continues a vertical merge takes the cell above. Covered fields stay empty in
// the text, so the text holds each cell once.
func writeTable(w *writer, rows [][]tcell) [][]read.Cell {
	width := tableWidth(rows)
	out := make([][]read.Cell, 0, len(rows))
	var above []read.Cell
	for _, r := range rows {
		row := make([]read.Cell, 0, width)
		for _, c := range r {
			col := len(row)
			text := c.text
			if c.continues {
				text = ""
			}
			if col > 0 {
				w.field("\t")
			}
			cell := read.Cell{Text: text, Offset: w.field(text)}
			if c.continues && col < len(above) {
				cell = above[col]
			}
			for k := 0; k < c.span; k++ {
				if k > 0 {
					w.field("\t")
				}
				row = append(row, cell)
			}
		}
		for len(row) < width {
			if len(row) > 0 {
				w.field("\t")
			}
			row = append(row, read.Cell{Offset: w.Len()})
		}
		w.endLine()
		out = append(out, row)
		above = row
	}
	return out
}

func tableWidth(rows [][]tcell) int {
	width := 0
	for _, r := range rows {
		width = max(width, rowWidth(r))
	}
	return width
}

func rowWidth(r []tcell) int {
	n := 0
	for _, c := range r {
		n += c.span
	}
	return n
}
