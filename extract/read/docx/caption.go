package docx

import (
	"strings"
	"unicode"

	"github.com/policymetrics/policymetrics/extract/read"
)

// split turns the rows of a Word table into tables with captions. Budget reports put
// the title (附表1, 2025年…情况表, 单位：万元) in rows of the table itself, a single
// merged cell wide, and often run several such tables into one Word table: leading rows
// that hold one value join the caption, and a run of such rows further down that names
// a table (附表2…, 单位…) starts the next one.
func split(rows [][]read.Cell, caption string) []read.Table {
	var parts []string
	if caption != "" {
		parts = append(parts, caption)
	}
	i := 0
	for ; i < len(rows)-1 && single(rows[i]); i++ {
		parts = append(parts, value(rows[i]))
	}
	var tables []read.Table
	cur := read.Table{Caption: strings.Join(parts, " ")}
	for i < len(rows) {
		j := i
		for j < len(rows) && single(rows[j]) {
			j++
		}
		if k := titleAt(rows[i:j]); k >= 0 && j < len(rows) && len(cur.Rows)+k > 0 {
			// Single rows before the title are the last rows of the table above
			// (a section row with its numbers left empty).
			cur.Rows = append(cur.Rows, rows[i:i+k]...)
			tables = append(tables, cur)
			cur = read.Table{Caption: captionOf(rows[i+k : j])}
			i = j
			continue
		}
		cur.Rows = append(cur.Rows, rows[i:max(j, i+1)]...)
		i = max(j, i+1)
	}
	return append(tables, cur)
}

// single tells a row whose cells hold one value, merged across the row or alone.
func single(row []read.Cell) bool {
	v := ""
	for _, c := range row {
		if c.Text == "" || c.Text == v {
			continue
		}
		if v != "" {
			return false
		}
		v = c.Text
	}
	return v != ""
}

// value returns the one value of a single row.
func value(row []read.Cell) string {
	for _, c := range row {
		if c.Text != "" {
			return c.Text
		}
	}
	return ""
}

func captionOf(rows [][]read.Cell) string {
	parts := make([]string, len(rows))
	for k, r := range rows {
		parts[k] = value(r)
	}
	return strings.Join(parts, " ")
}

// titleAt returns the index of the first row of a run of single rows that titles a
// table (附表2…, 单位…), unlike a section row (一、税收收入) with its numbers left
// empty; -1 when there is none.
func titleAt(rows [][]read.Cell) int {
	for k, r := range rows {
		v := value(r)
		if strings.HasPrefix(v, "单位") || tableNumber(v) {
			return k
		}
	}
	return -1
}

// tableNumber tells 附表3, 表 2, 附件1 …
func tableNumber(v string) bool {
	for _, p := range []string{"附表", "表", "附件"} {
		if rest, ok := strings.CutPrefix(v, p); ok {
			rest = strings.TrimLeft(rest, " ")
			r := []rune(rest)
			return len(r) > 0 && unicode.IsDigit(r[0])
		}
	}
	return false
}
