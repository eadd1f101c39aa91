package xlsx

import (
	"archive/zip"
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/policymetrics/policymetrics/extract/read"
	"github.com/xuri/excelize/v2"
)

// book builds a workbook: cells by sheet and cell name, merged ranges, number formats.
type book struct {
	sheets  []string
	cells   map[string]map[string]any
	merges  map[string][]string
	formats map[string]string // cell (first sheet) → custom number format
}

func (b book) bytes(t testing.TB) []byte {
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range b.sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(s); err != nil {
			t.Fatal(err)
		}
		for cell, v := range b.cells[s] {
			if err := f.SetCellValue(s, cell, v); err != nil {
				t.Fatal(err)
			}
		}
		for _, m := range b.merges[s] {
			a, z, _ := strings.Cut(m, ":")
			if err := f.MergeCell(s, a, z); err != nil {
				t.Fatal(err)
			}
		}
	}
	for cell, nf := range b.formats {
		st, err := f.NewStyle(&excelize.Style{CustomNumFmt: &nf})
		if err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellStyle(b.sheets[0], cell, cell, st); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func texts(t read.Table) [][]string {
	out := make([][]string, len(t.Rows))
	for i, r := range t.Rows {
		for _, c := range r {
			out[i] = append(out[i], c.Text)
		}
	}
	return out
}

func checkOffsets(t testing.TB, doc *read.Doc) {
	t.Helper()
	runes := []rune(doc.Text)
	for ti, tb := range doc.Tables {
		for ri, r := range tb.Rows {
			for ci, c := range r {
				if c.Offset < 0 || c.Offset > len(runes) || !strings.HasPrefix(string(runes[c.Offset:]), c.Text) {
					t.Fatalf("table %d row %d cell %d %q: offset %d does not point at it", ti, ri, ci, c.Text, c.Offset)
				}
			}
		}
	}
}

func TestRead(t *testing.T) {
	tests := []struct {
		name     string
		book     book
		text     string
		captions []string
		tables   [][][]string
	}{{
		name: "title and 单位 rows make the caption; merged header repeated",
		book: book{
			sheets: []string{"表1"},
			cells: map[string]map[string]any{"表1": {
				"A1": "2025年丽江市政府债务余额表", "C2": "单位：亿元",
				"A3": "项目", "B3": "2025年", "B4": "限额", "C4": "余额",
				"A5": "一般债务", "B5": 120, "C5": 115.5,
			}},
			merges: map[string][]string{"表1": {"A1:C1", "B3:C3", "A3:A4"}},
		},
		text:     "表1\n2025年丽江市政府债务余额表\n单位：亿元\n项目\t2025年\t\n\t限额\t余额\n一般债务\t120\t115.5\n",
		captions: []string{"2025年丽江市政府债务余额表 单位：亿元"},
		tables:   [][][]string{{{"项目", "2025年", "2025年"}, {"项目", "限额", "余额"}, {"一般债务", "120", "115.5"}}},
	}, {
		name: "table number and unit on one row; two sheets; one-column sheet has no caption",
		book: book{
			sheets: []string{"01", "说明"},
			cells: map[string]map[string]any{
				"01": {"B1": "表一", "D1": "单位：万元", "A2": "科目", "B2": "金额", "A3": "税收\n收入", "B3": 5},
				"说明": {"A1": "注：", "A2": "数据为快报数"},
			},
		},
		text:     "01\n表一 单位：万元\n科目\t金额\n税收 收入\t5\n说明\n注：\n数据为快报数\n",
		captions: []string{"表一 单位：万元", ""},
		tables:   [][][]string{{{"科目", "金额"}, {"税收 收入", "5"}}, {{"注："}, {"数据为快报数"}}},
	}, {
		name: "number formats: no separators, no lost digits, percent and dates as shown",
		book: book{
			sheets: []string{"数"},
			cells: map[string]map[string]any{"数": {
				"A1": "a", "B1": "b", "C1": "c", "D1": "d", "E1": "e", "F1": "f",
				"A2": 1234.5, "B2": 1234.5, "C2": 1234567.891, "D2": 0.052345, "E2": 45000, "F2": 12345678901234.5,
			}},
			formats: map[string]string{"A2": "#,##0", "B2": "#,##0.00", "C2": "¥#,##0.00", "D2": "0.0%", "E2": "yyyy-mm-dd"},
		},
		text:     "数\na\tb\tc\td\te\tf\n1234.5\t1234.50\t1234567.891\t5.2%\t2023-03-15\t12345678901234.5\n",
		captions: []string{""},
		tables:   [][][]string{{{"a", "b", "c", "d", "e", "f"}, {"1234.5", "1234.50", "1234567.891", "5.2%", "2023-03-15", "12345678901234.5"}}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read(tt.book.bytes(t))
			if err != nil {
				t.Fatal(err)
			}
			if doc.Text != tt.text {
				t.Errorf("text:\n%q\nwant\n%q", doc.Text, tt.text)
			}
			checkOffsets(t, doc)
			var captions []string
			var tables [][][]string
			for i, tb := range doc.Tables {
				if tb.Name != tt.book.sheets[i] {
					t.Errorf("table %d name %q, want %q", i, tb.Name, tt.book.sheets[i])
				}
				captions = append(captions, tb.Caption)
				tables = append(tables, texts(tb))
			}
			if !reflect.DeepEqual(captions, tt.captions) {
				t.Errorf("captions %q, want %q", captions, tt.captions)
			}
			if !reflect.DeepEqual(tables, tt.tables) {
				t.Errorf("tables %q, want %q", tables, tt.tables)
			}
		})
	}
}

func TestMergedCellsShareOffset(t *testing.T) {
	b := book{sheets: []string{"S"}, cells: map[string]map[string]any{"S": {"A1": "x", "B1": "y", "A2": "合并"}}, merges: map[string][]string{"S": {"A2:B3"}}}
	doc, err := Read(b.bytes(t))
	if err != nil {
		t.Fatal(err)
	}
	rows := doc.Tables[0].Rows
	for _, r := range rows[1:] {
		for _, c := range r {
			if c != rows[1][0] {
				t.Errorf("cell %+v, want the merged cell %+v", c, rows[1][0])
			}
		}
	}
}

func TestReadErrors(t *testing.T) {
	big := book{sheets: []string{"S"}, cells: map[string]map[string]any{"S": {"A1": 1, "B1": 2, "A2": 3}}}
	bomb := func(t testing.TB) []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, _ := zw.Create("xl/worksheets/sheet1.xml")
		w.Write(bytes.Repeat([]byte(" "), 4<<10))
		zw.Close()
		return buf.Bytes()
	}
	tests := []struct {
		name  string
		data  func(testing.TB) []byte
		unzip int64
		cells int
		want  string
	}{
		{"not a zip", func(testing.TB) []byte { return []byte("plain") }, 256 << 20, 1_000_000, "not a zip"},
		{"zip bomb", bomb, 1 << 10, 1_000_000, "zip bomb"},
		{"too many cells", big.bytes, 256 << 20, 2, "more than 2 cells"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func(u int64, c int) { maxUnzip, maxCells = u, c }(maxUnzip, maxCells)
			maxUnzip, maxCells = tt.unzip, tt.cells
			doc, err := Read(tt.data(t))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Read = %v, %v; want an error with %q", doc, err, tt.want)
			}
		})
	}
}

func TestSniff(t *testing.T) {
	b := book{sheets: []string{"S"}}
	if got := read.Sniff(b.bytes(t)); got != "xlsx" {
		t.Errorf("Sniff = %q, want xlsx", got)
	}
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, "W\x00o\x00r\x00k\x00b\x00o\x00o\x00k\x00"...)
	if got := read.Sniff(ole); got != "xls" {
		t.Errorf("Sniff(OLE2 with Workbook) = %q, want xls", got)
	}
}

func FuzzRead(f *testing.F) {
	f.Add(book{sheets: []string{"S"}, cells: map[string]map[string]any{"S": {"A1": "标题", "A2": 1, "B2": "x"}}, merges: map[string][]string{"S": {"A1:B1"}}}.bytes(f))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Read(data)
		if (doc == nil) == (err == nil) {
			t.Fatalf("Read = %v, %v; want a Doc or an error", doc, err)
		}
		if doc != nil {
			checkOffsets(t, doc)
		}
	})
}
