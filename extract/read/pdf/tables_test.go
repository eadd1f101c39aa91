package pdf

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/policymetrics/policymetrics/extract/read"
)

func TestTables(t *testing.T) {
	tests := []struct {
		name    string
		pages   []string
		caption string
		rows    [][]string // cell texts; nil: no table
	}{
		{"header naming the label column, rows, a page number between",
			[]string{page(l1, "表 3：2025 年主要农产品产量", "产品名称 产量（万吨） 比上年增长（%）", "粮食 211.28 -0.4", "#夏粮 117.41 0.04", "— 5 —"), page("— 6 —", "蔬菜及食用菌 191.49 2.2", "三、工业和建筑业")},
			"表 3：2025 年主要农产品产量",
			[][]string{{"产品名称", "产量（万吨）", "比上年增长（%）"}, {"粮食", "211.28", "-0.4"}, {"#夏粮", "117.41", "0.04"}, {"蔬菜及食用菌", "191.49", "2.2"}}},
		{"a 单位 column holds words",
			[]string{page("产品名称 单位 产量 比上年增长（%）", "液压元件 万件 130.8 -10.4", "烧碱（折 100%） 万吨 70.6 1.3", l1)},
			"",
			[][]string{{"产品名称", "单位", "产量", "比上年增长（%）"}, {"液压元件", "万件", "130.8", "-10.4"}, {"烧碱（折 100%）", "万吨", "70.6", "1.3"}}},
		{"a header that leaves the label column unnamed",
			[]string{page("表 5：2025 年分行业固定资产投资完成情况", "比上年增长（%）", "合计 5.8", "农、林、牧、渔业 10.9", "工业 2.0")},
			"表 5：2025 年分行业固定资产投资完成情况",
			[][]string{{"指标", "比上年增长（%）"}, {"合计", "5.8"}, {"农、林、牧、渔业", "10.9"}, {"工业", "2.0"}}},
		{"prose with figures is no table",
			[]string{page("一、综合", "牛奶产量 8.32 万吨，增加 0.12 万吨，增长 1.5%。", "栏 44.75 万头，增长 2.6%；生猪出栏 84.00 万头，增长 7.7%。")},
			"", nil},
		{"one row is no table",
			[]string{page("指标 年末数（万人）", "全市常住人口 346.7", l1)},
			"", nil},
		{"two label-figure pairs on a line are two rows",
			[]string{page("类别 指数", "居民消费价格指数 100.0 一、食品烟酒 98.1", "衣着 103.5")},
			"",
			[][]string{{"类别", "指数"}, {"居民消费价格指数", "100.0"}, {"一、食品烟酒", "98.1"}, {"衣着", "103.5"}}},
		{"a pair missing a figure is no row",
			[]string{page("类别 指数", "居民消费价格指数 100.0 一、食品烟酒", "衣着 103.5")},
			"", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text, starts := doc(tc.pages...)
			got := Tables(text, starts)
			if tc.rows == nil {
				if len(got) != 0 {
					t.Fatalf("Tables = %v, want none", got)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("%d tables, want 1: %v", len(got), got)
			}
			if got[0].Caption != tc.caption {
				t.Errorf("caption %q, want %q", got[0].Caption, tc.caption)
			}
			var rows [][]string
			for _, row := range got[0].Rows {
				var cells []string
				for _, c := range row {
					cells = append(cells, c.Text)
				}
				rows = append(rows, cells)
			}
			if !reflect.DeepEqual(rows, tc.rows) {
				t.Errorf("rows\n %v\nwant\n %v", rows, tc.rows)
			}
			checkOffsets(t, text, got)
		})
	}
}

// checkOffsets asserts what extraction relies on: a cell with an offset stands at it.
func checkOffsets(t *testing.T, text string, tables []read.Table) {
	t.Helper()
	src := []rune(text)
	for _, tb := range tables {
		for _, row := range tb.Rows {
			for _, c := range row {
				if c.Offset < 0 {
					continue
				}
				n := utf8.RuneCountInString(c.Text)
				if c.Offset+n > len(src) || string(src[c.Offset:c.Offset+n]) != c.Text {
					t.Fatalf("cell %q at %d is not in the text", c.Text, c.Offset)
				}
			}
		}
	}
}

func FuzzTables(f *testing.F) {
	f.Add(page("产品名称 产量（万吨） 比上年增长（%）", "粮食 211.28 -0.4", "#夏粮 117.41 0.04"), 0)
	f.Add(page("产品名称 单位 产量 比上年增长（%）", "液压元件 万件 130.8 -10.4", "— 5 —", "烧碱（折 100%） 万吨 70.6 1.3"), 1)
	f.Add(page("比上年增长（%）", "合计 5.8", "工业 2.0"), 2)
	f.Fuzz(func(t *testing.T, text string, split int) {
		if !utf8.ValidString(text) {
			text = strings.ToValidUTF8(text, "?")
		}
		starts := []int{0}
		if n := strings.Count(text, "\n"); n > 1 && split > 0 {
			starts = append(starts, 1+split%n)
		}
		tables := Tables(text, starts)
		checkOffsets(t, text, tables)
		for _, tb := range tables {
			if len(tb.Rows) < 3 {
				t.Fatalf("a table of %d rows", len(tb.Rows))
			}
		}
	})
}
