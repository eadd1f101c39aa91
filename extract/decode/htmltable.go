package decode

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"

	"github.com/policymetrics/policymetrics/extract/read"
)

// Limits that keep a hostile page's tables small: a rowspan or colspan beyond these is
// read as these.
const (
	maxSpan      = 100
	maxTableRows = 10000
	maxTableCols = 200
)

// tableBuilder follows <table>, <tr>, <td>, <th> while HTMLDocument extracts the text, and
// collects each table's cells as ranges of that text. A nested table is a table of its
// own; its text also stays in the enclosing cell.
type tableBuilder struct {
	open []*openTable
	done []read.Table
}

type openTable struct {
	rows [][]openCell
	cell *openCell // the cell being read
}

type openCell struct {
	start, end       int // range in the extracted text
	rowspan, colspan int
}

func (tb *tableBuilder) top() *openTable {
	if len(tb.open) == 0 {
		return nil
	}
	return tb.open[len(tb.open)-1]
}

// tag updates the tables on a start or end tag; b is the text built so far. Tables are
// read from b.out, all of whose runes are held while a table is open.
func (tb *tableBuilder) tag(name string, tt html.TokenType, z *html.Tokenizer, b *htmlBuilder) {
	t := tb.top()
	switch name {
	case "table":
		if tt == html.StartTagToken {
			if t != nil {
				t.closeCell(b.runes())
			}
			tb.open = append(tb.open, &openTable{})
		} else if tt == html.EndTagToken && t != nil {
			t.closeCell(b.runes())
			tb.open = tb.open[:len(tb.open)-1]
			tb.finish(t, b.out, b.base)
		}
	case "tr":
		if t == nil {
			return
		}
		t.closeCell(b.runes())
		if tt == html.StartTagToken && len(t.rows) < maxTableRows {
			t.rows = append(t.rows, nil)
		}
	case "td", "th":
		if t == nil {
			return
		}
		t.closeCell(b.runes())
		if tt == html.EndTagToken {
			return
		}
		if len(t.rows) == 0 {
			t.rows = append(t.rows, nil)
		}
		c := openCell{start: -1, rowspan: 1, colspan: 1}
		for {
			k, v, more := z.TagAttr()
			switch string(k) {
			case "rowspan":
				c.rowspan = spanAttr(string(v))
			case "colspan":
				c.colspan = spanAttr(string(v))
			}
			if !more {
				break
			}
		}
		row := &t.rows[len(t.rows)-1]
		if len(*row) < maxTableCols {
			*row = append(*row, c)
			t.cell = &(*row)[len(*row)-1]
		}
	}
}

// cellStart marks where the current cell's text begins (after its separator).
func (tb *tableBuilder) cellStart(at int) {
	if t := tb.top(); t != nil && t.cell != nil && t.cell.start < 0 {
		t.cell.start = at
	}
}

func (t *openTable) closeCell(at int) {
	if t.cell != nil {
		if t.cell.start < 0 {
			t.cell.start = at
		}
		t.cell.end = at
		t.cell = nil
	}
}

func spanAttr(v string) int {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 1 {
		return 1
	}
	return min(n, maxSpan)
}

// finish lays the table's cells on a grid, spans repeated, and keeps it when it has a
// row of two cells or more. text is the runes of the text from rune base on.
func (tb *tableBuilder) finish(t *openTable, text []rune, base int) {
	var grid [][]read.Cell
	taken := map[[2]int]bool{}
	for r, row := range t.rows {
		c := 0
		for _, oc := range row {
			for taken[[2]int{r, c}] {
				c++
			}
			cell := cellOf(oc, text, base)
			for dr := 0; dr < oc.rowspan && r+dr < len(t.rows); dr++ {
				for dc := 0; dc < oc.colspan && c+dc < maxTableCols; dc++ {
					put(&grid, r+dr, c+dc, cell)
					taken[[2]int{r + dr, c + dc}] = true
				}
			}
			c += oc.colspan
		}
	}
	wide := false
	for _, row := range grid {
		wide = wide || len(row) >= 2
	}
	if wide {
		tb.done = append(tb.done, read.Table{Rows: grid})
	}
}

// cellOf is the cell's text with its separators and spaces trimmed, and where it starts;
// text is the runes of the text from rune base on.
func cellOf(oc openCell, text []rune, base int) read.Cell {
	s, e := oc.start-base, oc.end-base
	if s < 0 || e > len(text) || s > e { // a start of -1: none

		return read.Cell{Offset: -1}
	}
	for s < e && isBlank(text[s]) {
		s++
	}
	for e > s && isBlank(text[e-1]) {
		e--
	}
	if s == e {
		return read.Cell{Offset: -1}
	}
	return read.Cell{Text: strings.Join(strings.Fields(string(text[s:e])), " "), Offset: base + s}
}

func isBlank(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\u3000' || r == '\u00a0'
}

func put(grid *[][]read.Cell, r, c int, cell read.Cell) {
	for len(*grid) <= r {
		*grid = append(*grid, nil)
	}
	row := &(*grid)[r]
	for len(*row) <= c {
		*row = append(*row, read.Cell{Offset: -1})
	}
	(*row)[c] = cell
}
