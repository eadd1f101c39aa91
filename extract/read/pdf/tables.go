package pdf

import (
	"strings"
	"unicode/utf8"

	"github.com/policymetrics/policymetrics/extract/read"
)

// Tables finds the tables of a PDF's text (Doc.Text, Doc.PageStarts) that PDFium gives
// as lines of cells separated by spaces, as a statistical bulletin prints them:
//
//	表 3：2025 年主要农产品产量          ← caption (optional)
//	产品名称 产量（万吨） 比上年增长（%）  ← header: one cell per column
//	粮食 211.28 -0.4                      ← rows: a label, then one figure per column
//	#夏粮 117.41 0.04
//	— 5 —                                 ← a page number between rows is skipped
//	蔬菜及食用菌 191.49 2.2
//
// A table is a header followed by at least two rows whose figures fill the header's
// other columns. A label may hold spaces (烧碱（折 100%）); a line with a sentence's
// punctuation (，。；) is never a row. Cells point into text.
func Tables(text string, pageStarts []int) []read.Table {
	src := []rune(text)
	lines := splitLines(src)
	nPages := assignPages(lines, pageStarts)
	markPageNumbers(lines, nPages)
	markRunning(lines, nPages)

	var out []read.Table
	for i := 0; i < len(lines); i++ {
		head := lineCells(src, &lines[i])
		if len(head) == 0 || !isHeader(head) {
			continue
		}
		unitCol := -1
		for k, c := range head {
			if c.Text == "单位" || c.Text == "计量单位" {
				unitCol = k
			}
		}
		// The header names the label column (产品名称 产量…) or leaves it unnamed (比上年增长（%）
		// over rows 合计 5.8); a 单位 column holds words, not figures.
		var rows [][]read.Cell
		j := i + 1
		for _, figures := range []int{len(head) - 1, len(head)} {
			if unitCol >= 0 {
				figures--
			}
			if figures < 1 {
				continue
			}
			rows, j = tableRows(src, lines, i+1, figures, unitCol >= 0)
			if len(rows) >= 2 {
				if figures == len(head) || unitCol >= 0 && figures == len(head)-1 {
					// The rows' label column has no name in the PDF: it gets the generic
					// one, so that the header reads as a header, not as a title line.
					head = append([]read.Cell{{Text: "指标", Offset: -1}}, head...)
				}
				break
			}
		}
		if len(rows) < 2 || len(head) == 1 && !strings.ContainsAny(head[0].Text, "(（") {
			continue // a one-cell header is a column's name with its unit, not a heading
		}
		t := read.Table{Caption: captionAbove(lines, i), Rows: append([][]read.Cell{head}, rows...)}
		out = append(out, t)
		i = j - 1
	}
	return out
}

// tableRows reads the rows from line i on: a label, a unit word when unit, then figures.
// It returns them and the line after the last.
func tableRows(src []rune, lines []line, i, figures int, unit bool) ([][]read.Cell, int) {
	var rows [][]read.Cell
	for ; i < len(lines); i++ {
		if lines[i].noise {
			continue
		}
		row, ok := dataRow(src, &lines[i], figures, unit)
		if !ok {
			pairs := pairedRows(src, &lines[i], figures, unit)
			if pairs == nil {
				break
			}
			rows = append(rows, pairs...)
			continue
		}
		rows = append(rows, row)
	}
	return rows, i
}

// pairedRows reads a line that holds two rows or more side by side, each a label and its
// figures (居民消费价格指数 100.0 一、食品烟酒 98.1: PDFium joins rows that stand at one
// height), or returns nil. A table with a 单位 column is never read so.
func pairedRows(src []rune, l *line, figures int, unit bool) [][]read.Cell {
	cells := lineCells(src, l)
	if unit || strings.ContainsAny(l.text, "，。；;") {
		return nil
	}
	var rows [][]read.Cell
	for k := 0; k < len(cells); {
		s := k
		for k < len(cells) && !numeric(cells[k].Text) {
			k++
		}
		if k == s || k+figures > len(cells) {
			return nil
		}
		for _, c := range cells[k : k+figures] {
			if !numeric(c.Text) {
				return nil
			}
		}
		first, last := cells[s], cells[k-1]
		label := string(src[first.Offset : last.Offset+utf8.RuneCountInString(last.Text)])
		if utf8.RuneCountInString(label) > maxLabel {
			return nil
		}
		row := append([]read.Cell{{Text: label, Offset: first.Offset}}, cells[k:k+figures]...)
		rows = append(rows, row)
		k += figures
	}
	if len(rows) < 2 {
		return nil
	}
	return rows
}

// maxLabel is the longest row label (in runes) a table row is read with; longer text is
// prose.
const maxLabel = 30

// lineCells splits a line into its space-separated cells, with their offsets.
func lineCells(src []rune, l *line) []read.Cell {
	var cells []read.Cell
	for k := l.start; k < l.end; {
		for k < l.end && isBlank(src[k]) {
			k++
		}
		s := k
		for k < l.end && !isBlank(src[k]) {
			k++
		}
		if k > s {
			cells = append(cells, read.Cell{Text: string(src[s:k]), Offset: s})
		}
	}
	return cells
}

func isBlank(r rune) bool { return r == ' ' || r == '\t' || r == '\u3000' || r == '\r' }

// isHeader reports a line of column names: no figure, no sentence.
func isHeader(cells []read.Cell) bool {
	for _, c := range cells {
		if numeric(c.Text) || strings.ContainsAny(c.Text, "，。；,;") || utf8.RuneCountInString(c.Text) > 16 {
			return false
		}
	}
	return true
}

// dataRow reads a row of a table: a label (its cells joined), a unit word when unit, and
// then the figures.
func dataRow(src []rune, l *line, figures int, unit bool) ([]read.Cell, bool) {
	cells := lineCells(src, l)
	extra := 0
	if unit {
		extra = 1
	}
	if len(cells) < figures+extra+1 || strings.ContainsAny(l.text, "，。；;") {
		return nil, false
	}
	tail := cells[len(cells)-figures:]
	for _, c := range tail {
		if !numeric(c.Text) {
			return nil, false
		}
	}
	head := cells[:len(cells)-figures]
	var unitCell []read.Cell
	if unit {
		u := head[len(head)-1]
		if numeric(u.Text) || utf8.RuneCountInString(u.Text) > 6 {
			return nil, false
		}
		unitCell, head = []read.Cell{u}, head[:len(head)-1]
	}
	for _, c := range head {
		if numeric(c.Text) {
			return nil, false // 居民消费价格指数 100.0 一、食品烟酒 98.1: two pairs, not a row
		}
	}
	first, last := head[0], head[len(head)-1]
	end := last.Offset + utf8.RuneCountInString(last.Text)
	label := string(src[first.Offset:end])
	if utf8.RuneCountInString(label) > maxLabel {
		return nil, false
	}
	row := append([]read.Cell{{Text: label, Offset: first.Offset}}, unitCell...)
	return append(row, tail...), true
}

// captionAbove is the line right above a header when it names the table (表 3：…, 单位：…).
func captionAbove(lines []line, header int) string {
	for k := header - 1; k >= 0 && k >= header-2; k-- {
		if lines[k].noise || lines[k].text == "" {
			continue
		}
		t := lines[k].text
		if strings.HasPrefix(t, "表") || strings.Contains(t, "单位") {
			return t
		}
		return ""
	}
	return ""
}
