package extract

import (
	"slices"
	"strings"

	"github.com/policymetrics/policymetrics/extract/read"
)

// Tables written as lines of tab-separated cells (a bulletin page that lays its tables out
// in paragraphs with tabs; a text export of a spreadsheet): consecutive lines with tabs
// form one table, a short line in brackets right under a row finishes its last cell
// (比上年增长 / （%）), and the line above, when short, is its caption.

// textTables finds such tables in text, leaving out lines inside known tables (covered).
func textTables(text []rune, covered func(offset int) bool) []read.Table {
	if slices.Index(text, '\t') < 0 {
		return nil // every table here has a row with a tab
	}
	var out []read.Table
	var cur *read.Table
	var prevLine []rune // the last short line: a table's caption when one starts below it
	flush := func() {
		if cur != nil && len(cur.Rows) >= 2 {
			out = append(out, *cur)
		}
		cur = nil
	}
	for start := 0; start < len(text); {
		if cur == nil {
			// Outside a table, lines without tabs change nothing but the caption candidate:
			// go to the line of the next tab.
			t := slices.Index(text[start:], '\t')
			if t < 0 {
				break
			}
			ls := start + t
			for ls > start && text[ls-1] != '\n' {
				ls--
			}
			if ls > start {
				prevLine = lastCaption(text[start:ls-1], prevLine)
				start = ls
			}
		}
		end, tab := start, false
		for ; end < len(text) && text[end] != '\n'; end++ {
			tab = tab || text[end] == '\t'
		}
		line := text[start:end]
		switch {
		case covered(start):
			flush()
		case tab:
			cells := splitCells(line, start)
			if cur == nil {
				cur = &read.Table{Caption: captionLine(strings.TrimSpace(string(prevLine)))}
			} else if len(cur.Rows) == 1 && isHeaderTail([]rune(cells[0].Text)) {
				// （%）<tab>行业<tab>比上年增长: the header row goes on over this line
				row := &cur.Rows[0]
				(*row)[len(*row)-1].Text += cells[0].Text
				*row = append(*row, cells[1:]...)
				break
			}
			cur.Rows = append(cur.Rows, cells)
		case cur != nil && len(cur.Rows) == 1 && isHeaderFragment(line):
			// 播种面积 / （万亩） / 比上年增长 / （%）: a header cut into short lines
			row := &cur.Rows[0]
			s := strings.TrimSpace(string(line))
			if isHeaderTail(line) {
				(*row)[len(*row)-1].Text += s
			} else {
				*row = append(*row, read.Cell{Text: strings.ReplaceAll(s, " ", ""), Offset: start})
			}
		default:
			flush()
		}
		if len(line) > 0 && len(line) <= 80 && hasNonSpace(line) {
			prevLine = line // a caption is short; longer lines are no caption
		} else if len(line) > 80 {
			prevLine = nil
		}
		start = end + 1
	}
	flush()
	return out
}

// tabAt reports a tab in text at one of places: where normalisation noted the tabs, a
// test that spares textTables' scan of the whole text.
func tabAt(text []rune, places []int) bool {
	for _, i := range places {
		if text[i] == '\t' {
			return true
		}
	}
	return false
}

// lastCaption is the caption candidate after the lines of seg (no trailing newline), read
// one after the other from prev as textTables does: the last line that is short and not
// blank, unless a long line follows it.
func lastCaption(seg []rune, prev []rune) []rune {
	for end := len(seg); end >= 0; {
		start := end
		for start > 0 && seg[start-1] != '\n' {
			start--
		}
		line := seg[start:end]
		switch {
		case len(line) > 80:
			return nil
		case len(line) > 0 && hasNonSpace(line):
			return line
		}
		end = start - 1
	}
	return prev
}

func hasNonSpace(line []rune) bool {
	for _, r := range line {
		if r != ' ' && r != '\u3000' && r != '\r' {
			return true
		}
	}
	return false
}

// splitCells splits a line at its tabs into cells whose offsets count from the text start.
func splitCells(line []rune, at int) []read.Cell {
	var cells []read.Cell
	s := 0
	for i := 0; i <= len(line); i++ {
		if i == len(line) || line[i] == '\t' {
			a, b := s, i
			for a < b && line[a] == ' ' {
				a++
			}
			for b > a && line[b-1] == ' ' {
				b--
			}
			c := read.Cell{Text: string(line[a:b]), Offset: at + a}
			if a == b {
				c.Offset = -1
			}
			cells = append(cells, c)
			s = i + 1
		}
	}
	return cells
}

// isHeaderFragment reports a short line without a number: a piece of a header.
func isHeaderFragment(line []rune) bool {
	s := strings.TrimSpace(string(line))
	if s == "" || len([]rune(s)) > 10 {
		return false
	}
	for _, r := range s {
		if r >= '0' && r <= '9' {
			return false
		}
	}
	return true
}

// isHeaderTail reports a short bracketed line finishing a header cell: （%）, (亿元).
func isHeaderTail(line []rune) bool {
	s := strings.TrimSpace(string(line))
	r := []rune(s)
	return len(r) >= 3 && len(r) <= 10 && (r[0] == '(' || r[0] == '（') && (r[len(r)-1] == ')' || r[len(r)-1] == '）')
}

// captionLine keeps the line above a table when it can be its title (表3 2025年…, 单位：亿元).
func captionLine(s string) string {
	if len([]rune(s)) > 60 || strings.ContainsRune(s, '\t') {
		return ""
	}
	return s
}

// insideTables returns a test for offsets inside the rows of tables (their first to last
// cell on each row's line).
func insideTables(tables []read.Table) func(int) bool {
	var spans [][2]int
	for _, t := range tables {
		for _, row := range t.Rows {
			lo, hi := -1, -1
			for _, c := range row {
				if c.Offset < 0 {
					continue
				}
				if lo < 0 || c.Offset < lo {
					lo = c.Offset
				}
				hi = max(hi, c.Offset+len([]rune(c.Text)))
			}
			if lo >= 0 {
				spans = append(spans, [2]int{lo, hi})
			}
		}
	}
	return func(i int) bool {
		for _, s := range spans {
			if i >= s[0]-1 && i <= s[1] {
				return true
			}
		}
		return false
	}
}
