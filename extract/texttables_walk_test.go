package extract

import (
	"fmt"
	"math/rand"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/policymetrics/policymetrics/extract/read"
)

// textTablesReference is textTables as it walked every line, before it went from tab to
// tab outside tables: the two must find the same tables.
func textTablesReference(text []rune, covered func(offset int) bool) []read.Table {
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

func TestTextTablesMatchesLineWalk(t *testing.T) {
	rng := rand.New(rand.NewSource(4))
	lines := []string{
		"", "  ", "表1 2025年主要指标", "单位：亿元", "指标\t数值\t增长(%)", "地区生产总值\t5000\t5.2",
		"（%）", "比上年增长", "（万亩）", strings.Repeat("长段落", 30), "全市经济运行稳中有进。", "\t", "a\tb",
	}
	for range 5000 {
		var b strings.Builder
		for k := range rng.Intn(14) {
			if k > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(lines[rng.Intn(len(lines))])
		}
		text := []rune(b.String())
		covered := func(int) bool { return false }
		if rng.Intn(4) == 0 {
			cut := rng.Intn(len(text) + 1)
			covered = func(o int) bool { return o < cut }
		}
		got, want := textTables(text, covered), textTablesReference(text, covered)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q:\ngot  %+v\nwant %+v", string(text), got, want)
		}
	}
}

// TestTabGuard: streamChunks leaves textTables out when normalisation kept its marks and
// none is a tab (tabAt); the source has no tab then. Over every line window of the test
// documents and texts whose tabs a rule drops (in a tag or a note) or an entity makes.
func TestTabGuard(t *testing.T) {
	docs := readTestdata(t, "corpus/*.txt")
	for name, data := range readTestdata(t, "seeds/*.txt") {
		docs[name] = data
	}
	docs["tables.txt"] = []byte(tabledText(3))
	for i, s := range []string{"一<td\tclass=\"x\">二", "(以下简称\t经开区)", "表1&Tab;收入&#9;支出", "项目\t预算数", "一\t", "\t", "无表格。"} {
		docs[fmt.Sprint("odd", i)] = []byte(s)
	}
	for name, data := range docs {
		p := longDoc{text: strings.ToValidUTF8(string(data), "\uFFFD")}
		for from := 0; from < len(p.text); from = linesAhead(p.text, from, 1) {
			to := linesAhead(p.text, from, 3)
			src, _, an, marks, kept := p.analysisIn(nil, nil, nil, nil, nil, nil, from, to)
			if kept && !tabAt(an.Runes, marks) && slices.Contains(src, '\t') {
				t.Fatalf("%s: %q has a tab, but normalisation's marks say none", name, string(src))
			}
			if tabAt(an.Runes, marks) != slices.Contains(an.Runes, '\t') {
				t.Fatalf("%s: %q: tabAt says %v", name, string(an.Runes), tabAt(an.Runes, marks))
			}
		}
	}
}
