// Package pivot turns records into the analyst's table: one row per document (or per
// chosen fields), one column per concept (or per chosen fields), each cell the value.
// A cell that gets two different values shows both and is flagged, never one picked
// silently.
package pivot

import (
	"sort"
	"strings"

	"github.com/policymetrics/policymetrics/extract"
	"github.com/policymetrics/policymetrics/units"
)

// Options say which fields make the rows and the columns.
type Options struct {
	Rows []string // default: doc
	Cols []string // default: concept
}

// Table is a pivot of records.
type Table struct {
	RowFields []string
	ColFields []string
	Cols      []string // column keys: the col fields' values joined with " "
	Rows      []Row
}

// Row is one row: its key (the row fields' values) and one cell per column.
type Row struct {
	Key   []string
	Cells []Cell
}

// Cell holds the distinct values the records of one row and column state.
type Cell struct {
	Values []Value
}

// Value is one distinct value of a cell, as records state it.
type Value struct {
	Value     units.Decimal
	Upper     *units.Decimal
	Unit      string
	Qualifier string
	Records   int // how many records state it
}

// Conflict reports a cell whose records disagree.
func (c Cell) Conflict() bool { return len(c.Values) > 1 }

// Empty reports a cell no record filled.
func (c Cell) Empty() bool { return len(c.Values) == 0 }

// Text is the cell as a spreadsheet shows it: 5, 5-5.5, 5 (approx); values that
// disagree joined with "; ".
func (c Cell) Text() string {
	parts := make([]string, len(c.Values))
	for i, v := range c.Values {
		parts[i] = v.Text()
	}
	return strings.Join(parts, "; ")
}

// Text is the value with its range and qualifier: 5-5.5, 5 (over).
func (v Value) Text() string {
	s := v.Value.String()
	if v.Upper != nil {
		s += "-" + v.Upper.String()
	}
	if v.Qualifier != "" {
		s += " (" + v.Qualifier + ")"
	}
	return s
}

// ColumnUnit returns the unit every value of column j shares, or "" when they differ.
func (t *Table) ColumnUnit(j int) string {
	unit, seen := "", false
	for _, r := range t.Rows {
		for _, v := range r.Cells[j].Values {
			if !seen {
				unit, seen = v.Unit, true
			} else if v.Unit != unit {
				return ""
			}
		}
	}
	return unit
}

// Build pivots recs. seed lists row keys that get a row even with no record (every
// document read), in order; rows of recs not in seed follow in order of appearance.
func Build(recs []extract.Record, opts Options, seed [][]string) *Table {
	if len(opts.Rows) == 0 {
		opts.Rows = []string{"doc"}
	}
	if len(opts.Cols) == 0 {
		opts.Cols = []string{"concept"}
	}
	t := &Table{RowFields: opts.Rows, ColFields: opts.Cols}
	colSet := map[string]bool{}
	for i := range recs {
		colSet[key(&recs[i], opts.Cols)] = true
	}
	for c := range colSet {
		t.Cols = append(t.Cols, c)
	}
	sort.Strings(t.Cols)
	colIndex := map[string]int{}
	for j, c := range t.Cols {
		colIndex[c] = j
	}
	rowIndex := map[string]int{}
	addRow := func(k []string) int {
		id := strings.Join(k, "\x00")
		if i, ok := rowIndex[id]; ok {
			return i
		}
		rowIndex[id] = len(t.Rows)
		t.Rows = append(t.Rows, Row{Key: k, Cells: make([]Cell, len(t.Cols))})
		return len(t.Rows) - 1
	}
	for _, k := range seed {
		addRow(k)
	}
	for i := range recs {
		r := &recs[i]
		row := addRow(values(r, opts.Rows))
		cell := &t.Rows[row].Cells[colIndex[key(r, opts.Cols)]]
		cell.add(r)
	}
	return t
}

func (c *Cell) add(r *extract.Record) {
	for k := range c.Values {
		v := &c.Values[k]
		if v.Value.Equal(r.Value) && v.Unit == r.Unit && v.Qualifier == r.Qualifier && sameUpper(v.Upper, r.Upper) {
			v.Records++
			return
		}
	}
	c.Values = append(c.Values, Value{Value: r.Value, Upper: r.Upper, Unit: r.Unit, Qualifier: r.Qualifier, Records: 1})
}

func sameUpper(a, b *units.Decimal) bool {
	return a == nil && b == nil || a != nil && b != nil && a.Equal(*b)
}

func values(r *extract.Record, fields []string) []string {
	out := make([]string, len(fields))
	for i, f := range fields {
		out[i], _ = r.Field(f)
	}
	return out
}

func key(r *extract.Record, fields []string) string {
	return strings.Join(values(r, fields), " ")
}

// Grid is the table as rows of text: a header (the row fields, one column per key with
// its unit when all its values share one, then "conflicts"), then one line per row whose
// last cell names the columns whose records disagree.
func (t *Table) Grid() [][]string {
	header := append([]string{}, t.RowFields...)
	for j, c := range t.Cols {
		if c == "" {
			c = "(none)"
		}
		if u := t.ColumnUnit(j); u != "" {
			c += " (" + u + ")"
		}
		header = append(header, c)
	}
	header = append(header, "conflicts")
	out := [][]string{header}
	for _, r := range t.Rows {
		line := append([]string{}, r.Key...)
		var conflicts []string
		for j, c := range r.Cells {
			line = append(line, c.Text())
			if c.Conflict() {
				conflicts = append(conflicts, header[len(t.RowFields)+j])
			}
		}
		line = append(line, strings.Join(conflicts, "; "))
		out = append(out, line)
	}
	return out
}
