package docx

import (
	"archive/zip"
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/policymetrics/policymetrics/extract/read"
)

// zipOf packs files (name, content, name, content…) into a zip archive.
func zipOf(t testing.TB, files ...string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(files); i += 2 {
		w, err := zw.Create(files[i])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(files[i+1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// docx makes a minimal .docx whose body is the given WordprocessingML.
func docx(t testing.TB, body string) []byte {
	return zipOf(t, "[Content_Types].xml", `<Types/>`, documentPart, document(body))
}

func document(body string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document xmlns:w="` + nsW + `" xmlns:mc="` + nsMC + `"><w:body>` + body + `</w:body></w:document>`
}

func p(runs ...string) string {
	var b strings.Builder
	b.WriteString("<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>")
	for _, r := range runs {
		b.WriteString("<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">" + r + "</w:t></w:r>")
	}
	b.WriteString("</w:p>")
	return b.String()
}

// tc is a cell: props go into w:tcPr.
func tc(props string, paras ...string) string {
	return "<w:tc><w:tcPr>" + props + "</w:tcPr>" + strings.Join(paras, "") + "</w:tc>"
}

func tr(cells ...string) string { return "<w:tr>" + strings.Join(cells, "") + "</w:tr>" }

func tbl(rows ...string) string {
	return "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid>" + strings.Join(rows, "") + "</w:tbl>"
}

const span2 = `<w:gridSpan w:val="2"/>`

// texts lists the cell texts of a table, row by row.
func texts(t read.Table) [][]string {
	out := make([][]string, len(t.Rows))
	for i, r := range t.Rows {
		for _, c := range r {
			out[i] = append(out[i], c.Text)
		}
	}
	return out
}

// checkOffsets asserts that every cell's text stands in Doc.Text at its offset, and
// every paragraph span in range.
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
	for _, s := range doc.Paragraphs {
		if s.Start < 0 || s.Start > s.End || s.End > len(runes) {
			t.Fatalf("paragraph span %v out of %d runes", s, len(runes))
		}
	}
}

func TestRead(t *testing.T) {
	tests := []struct {
		name     string
		body     string
		text     string
		paras    []string
		captions []string
		tables   [][][]string
	}{{
		name:  "paragraphs: runs joined, tab and break as spaces, empty ones dropped",
		body:  p("一、", "预算执行") + p() + `<w:p><w:r><w:t>收入</w:t><w:tab/><w:t>144.8亿元</w:t><w:br/><w:t>增长3%</w:t></w:r></w:p>`,
		text:  "一、预算执行\n收入 144.8亿元 增长3%\n",
		paras: []string{"一、预算执行", "收入 144.8亿元 增长3%"},
	}, {
		name: "table with spans and vertical merges, caption from the paragraph before",
		body: p("正文很长。") + p("单位：亿元") + tbl(
			tr(tc(`<w:vMerge w:val="restart"/>`, p("项目")), tc(span2, p("2025年"))),
			tr(tc(`<w:vMerge/>`, p()), tc("", p("预算")), tc("", p("完成"))),
			tr(tc("", p("收入"), p("合计")), tc("", p("150")), tc("", p("144.8"))),
		),
		text:     "正文很长。\n单位：亿元\n项目\t2025年\t\n\t预算\t完成\n收入 合计\t150\t144.8\n",
		paras:    []string{"正文很长。", "单位：亿元"},
		captions: []string{"单位：亿元"},
		tables: [][][]string{{
			{"项目", "2025年", "2025年"},
			{"项目", "预算", "完成"},
			{"收入 合计", "150", "144.8"},
		}},
	}, {
		name:     "long paragraph before a table is no caption; short rows are padded",
		body:     p(strings.Repeat("长", 60)) + tbl(tr(tc("", p("a")), tc("", p("b"))), tr(tc("", p("c")))),
		text:     strings.Repeat("长", 60) + "\na\tb\nc\t\n",
		paras:    []string{strings.Repeat("长", 60)},
		captions: []string{""},
		tables:   [][][]string{{{"a", "b"}, {"c", ""}}},
	}, {
		name: "title rows inside the table make the caption; a second title splits it",
		body: tbl(
			tr(tc(span2, p("附表1"))),
			tr(tc(span2, p("2025年收入表"))),
			tr(tc("", p("项目")), tc("", p("金额"))),
			tr(tc("", p("税收")), tc("", p("84.9"))),
			tr(tc(span2, p("一、其他"))),
			tr(tc(span2, p("附表2"))),
			tr(tc("", p()), tc("", p("单位：万元"))),
			tr(tc("", p("项目")), tc("", p("金额"))),
		),
		text:     "附表1\t\n2025年收入表\t\n项目\t金额\n税收\t84.9\n一、其他\t\n附表2\t\n\t单位：万元\n项目\t金额\n",
		captions: []string{"附表1 2025年收入表", "附表2 单位：万元"},
		tables: [][][]string{
			{{"项目", "金额"}, {"税收", "84.9"}, {"一、其他", "一、其他"}},
			{{"项目", "金额"}},
		},
	}, {
		name: "gridBefore, nested table flattened, fallback content skipped",
		body: tbl(
			tr(`<w:trPr><w:gridBefore w:val="1"/></w:trPr>`+tc("", p("x"))+tc("", p("z"))),
			tr(tc("", p("y")), tc("", tbl(tr(tc("", p("内")), tc("", p("表")))))),
		) + `<w:p><w:r><mc:AlternateContent><mc:Choice><w:t>选</w:t></mc:Choice><mc:Fallback><w:t>旧</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>`,
		text:     "\tx\tz\ny\t内 表\t\n选\n",
		paras:    []string{"选"},
		captions: []string{""},
		tables:   [][][]string{{{"", "x", "z"}, {"y", "内 表", ""}}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read(docx(t, tt.body))
			if err != nil {
				t.Fatal(err)
			}
			if doc.Text != tt.text {
				t.Errorf("text:\n%q\nwant\n%q", doc.Text, tt.text)
			}
			checkOffsets(t, doc)
			runes := []rune(doc.Text)
			var paras []string
			for _, s := range doc.Paragraphs {
				paras = append(paras, string(runes[s.Start:s.End]))
			}
			if !reflect.DeepEqual(paras, tt.paras) {
				t.Errorf("paragraphs %q, want %q", paras, tt.paras)
			}
			var captions []string
			var tables [][][]string
			for _, tb := range doc.Tables {
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
	doc, err := Read(docx(t, tbl(
		tr(tc(`<w:vMerge w:val="restart"/>`+span2, p("合并"))),
		tr(tc(`<w:vMerge/>`+span2, p())),
	)))
	if err != nil {
		t.Fatal(err)
	}
	rows := doc.Tables[0].Rows
	for _, r := range rows {
		for _, c := range r {
			if c != rows[0][0] {
				t.Errorf("cell %+v, want the merged cell %+v", c, rows[0][0])
			}
		}
	}
}

func TestReadErrors(t *testing.T) {
	defer func(n int64) { maxDocumentXML = n }(maxDocumentXML)
	maxDocumentXML = 1 << 10
	tests := []struct {
		name, data, want string
	}{
		{"not a zip", "plain text", "not a zip"},
		{"no document part", string(zipOf(t, "xl/workbook.xml", "<workbook/>")), "no word/document.xml"},
		{"cut XML", string(zipOf(t, documentPart, document(p("a"))[:120])), "word/document.xml"},
		{"zip bomb", string(zipOf(t, documentPart, document(strings.Repeat(" ", 2<<10)))), "zip bomb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read([]byte(tt.data))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Read = %v, %v; want an error with %q", doc, err, tt.want)
			}
		})
	}
}

func TestSniff(t *testing.T) {
	if got := read.Sniff(docx(t, p("a"))); got != "docx" {
		t.Errorf("Sniff = %q, want docx", got)
	}
}

func FuzzRead(f *testing.F) {
	f.Add(docx(f, p("收入", "144.8亿元")))
	f.Add(docx(f, tbl(tr(tc(`<w:vMerge w:val="restart"/>`+span2, p("a"))), tr(tc(`<w:vMerge/>`, p())))))
	f.Add([]byte(document(p("单位：亿元") + tbl(tr(tc(`<w:gridSpan w:val="3"/>`, p("附表1"))), tr(tc("", p("x")))))))
	f.Fuzz(func(t *testing.T, data []byte) {
		// data as the whole file, and as document.xml: zip bytes rarely reach the XML.
		for _, in := range [][]byte{data, zipOf(t, documentPart, string(data))} {
			doc, err := Read(in)
			if (doc == nil) == (err == nil) {
				t.Fatalf("Read = %v, %v; want a Doc or an error", doc, err)
			}
			if doc != nil {
				checkOffsets(t, doc)
			}
		}
	})
}
