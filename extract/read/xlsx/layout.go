package xlsx

import (
	"fmt"
	"strings"

	"github.com/policymetrics/policymetrics/extract/read"
)

// writer builds Doc.Text (the read package's TextWriter).
type writer struct{ read.TextWriter }

func (w *writer) field(s string) int { return w.Write(s) }
func (w *writer) line(s string) int  { return w.Line(s) }

type cellAt struct{ r, c int }

// sheet writes a sheet: a line with its name, a line per caption row (a title or
// 单位 row before the table: one value), then a line per row, one field per column.
// Merged ranges are repeated in Rows; their covered fields stay empty in the text.
func (w *writer) sheet(name string, g grid) (read.Table, error) {
	t := read.Table{Name: name}
	w.line(name)
	width := g.width(0)
	if len(g.rows)*width > maxCells {
		return t, fmt.Errorf("%d rows of %d columns: more than %d cells", len(g.rows), width, maxCells)
	}
	i, caption := w.captionRows(g.rows, width)
	t.Caption = caption
	width = g.width(i) // the caption rows' merges do not widen the table
	cover, err := g.covered(width)
	if err != nil {
		return t, err
	}
	for r := i; r < len(g.rows); r++ {
		row := make([]read.Cell, width)
		for c := range row {
			if c > 0 {
				w.field("\t")
			}
			if tl, ok := cover[cellAt{r, c}]; ok && tl.r >= i {
				if tl.r == r {
					row[c] = row[tl.c]
				} else {
					row[c] = t.Rows[tl.r-i][tl.c]
				}
				continue
			}
			v := at(g.rows[r], c)
			row[c] = read.Cell{Text: v, Offset: w.field(v)}
		}
		w.field("\n")
		t.Rows = append(t.Rows, row)
	}
	return t, nil
}

// captionRows writes the leading rows that hold one value, or only a table number and
// a unit (blank ones skipped), and
// returns the index of the first table row and the caption. A one-column sheet has
// no caption rows: all its rows hold one value.
func (w *writer) captionRows(rows [][]string, width int) (int, string) {
	var parts []string
	i := 0
	for ; width > 1 && i < len(rows)-1; i++ {
		vs := nonEmpty(rows[i])
		if len(vs) > 1 && !titles(vs) {
			break
		}
		if len(vs) > 0 {
			v := strings.Join(vs, " ")
			w.line(v)
			parts = append(parts, v)
		}
	}
	return i, strings.Join(parts, " ")
}

// nonEmpty returns the values of a row, trimmed.
func nonEmpty(row []string) []string {
	var vs []string
	for _, s := range row {
		if s = strings.TrimSpace(s); s != "" {
			vs = append(vs, s)
		}
	}
	return vs
}

// titles tells a row made only of a table number and a unit (表一 … 单位：万元), which
// budget sheets put on one row under the title.
func titles(vs []string) bool {
	for _, v := range vs {
		if !strings.HasPrefix(v, "单位") && !tableNumber(v) {
			return false
		}
	}
	return true
}

// tableNumber tells 表一, 表二十, 附表3, 表 2 …
func tableNumber(v string) bool {
	for _, p := range []string{"附表", "表"} {
		if rest, ok := strings.CutPrefix(v, p); ok {
			rest = strings.TrimSpace(rest)
			return rest != "" && strings.Trim(rest, "0123456789一二三四五六七八九十百-－") == ""
		}
	}
	return false
}

func at(row []string, c int) string {
	if c < len(row) {
		return row[c]
	}
	return ""
}

// width is the number of columns of the rows from the given one on: the longest row,
// or a merged range reaching further.
func (g grid) width(from int) int {
	w := 0
	for _, r := range g.rows[from:] {
		w = max(w, len(r))
	}
	for _, m := range g.merges {
		if m.r1 >= from && m.r1 < len(g.rows) {
			w = max(w, m.c2+1)
		}
	}
	return w
}

// covered maps each cell inside a merged range, but its top-left, to the top-left.
// Ranges are clipped to the grid; overlapping ones could still cost a lot, so the
// cells visited are bounded too.
func (g grid) covered(width int) (map[cellAt]cellAt, error) {
	cover := map[cellAt]cellAt{}
	n := 0
	for _, m := range g.merges {
		for r := m.r1; r <= m.r2 && r < len(g.rows); r++ {
			for c := m.c1; c <= m.c2 && c < width; c++ {
				if n++; n > maxCells {
					return nil, fmt.Errorf("merged ranges cover more than %d cells", maxCells)
				}
				if r != m.r1 || c != m.c1 {
					cover[cellAt{r, c}] = cellAt{m.r1, m.c1}
				}
			}
		}
	}
	return cover, nil
}
