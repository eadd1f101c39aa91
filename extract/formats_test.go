package extract_test

import (
	"archive/zip"
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/policymetrics/policymetrics/extract"
	"github.com/policymetrics/policymetrics/extract/internal/golden"
	"github.com/policymetrics/policymetrics/extract/output"
)

// recordsJSONL extracts a document and renders its records as JSON Lines.
func recordsJSONL(t *testing.T, name string, data []byte) []byte {
	t.Helper()
	recs, err := extract.Document(name, data, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := output.Encode(output.JSONL, output.Options{}, recs)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestHTMLTables: cells of HTML tables are records, with the unit from the column header
// (地区生产总值（亿元）), a 单位 column, or a caption (单位：万元); rows of places are areas;
// signed growth cells are changes; an index table's cells have no unit; a total row is
// what the caption names, a rate against the budget no measure of it; a layout table
// of page chrome gives nothing; text is
// what a reader sees (no tags, 5&#37; is 5%); a change column with no rate word under a
// caption's unit (比2025年预算数增减, 单位：万元) is an amount in that unit.
func TestHTMLTables(t *testing.T) {
	data, err := os.ReadFile("testdata/tables.html")
	if err != nil {
		t.Fatal(err)
	}
	got := recordsJSONL(t, "tables.html", data)
	golden.Check(t, "tables.html.golden.jsonl", got)
	for _, bad := range []string{"<", "&#", "&nbsp"} {
		if bytes.Contains(got, []byte(`"text":"`+bad)) || bytes.Contains(got, []byte(bad+`","value"`)) {
			t.Errorf("a text field holds %q", bad)
		}
	}
	for _, want := range []string{`"text":"1162.95亿元"`, `"text":"5%"`, `"text":"664.08","value":66408000000,"unit":"元","indicator":"地区生产总值","concept":"地区生产总值","area":"伊州区"`,
		`"text":"-1.2","value":1.2,"unit":"%"`, `"change":"decrease"`, `"text":"120.5","value":1205000,"unit":"吨","indicator":"粮食产量"`,
		`"text":"1,302,500","value":13025000000,"unit":"元","indicator":"一般公共预算收入"`,
		`"text":"86.7","value":86.7,"unit":"","indicator":"蛋"`,
		`"text":"1448177","value":14481770000,"unit":"元","indicator":"本年收入合计","concept":"一般公共预算收入"`,
		`"text":"100","value":100,"unit":"%","indicator":"本年收入合计占预算","concept":""`,
		`"text":"3","value":3,"unit":"%","indicator":"本年收入合计","concept":"一般公共预算收入"`,
		`"text":"30","value":300000,"unit":"元"`, `"text":"-0.6","value":6000,"unit":"元"`} {
		if !bytes.Contains(got, []byte(want)) {
			t.Errorf("no %s in\n%s", want, got)
		}
	}
}

// TestPDF: a PDF's records carry their page; hard-wrapped lines are one sentence; 2479.6
// 亿元 (a space before the unit) is one mention; a table printed as lines of cells gives
// a record per figure.
func TestPDF(t *testing.T) {
	data, err := os.ReadFile("read/pdf/testdata/jiaozuo_bulletin_p1-3.pdf")
	if err != nil {
		t.Fatal(err)
	}
	got := recordsJSONL(t, "jiaozuo.pdf", data)
	golden.Check(t, "jiaozuo.pdf.golden.jsonl", got)
	first := string(got[:bytes.IndexByte(got, '\n')])
	for _, want := range []string{`"text":"2479.6 亿元"`, `"value":247960000000`, `"concept":"地区生产总值"`, `"period":"2025"`, `"page":1`, `同比增长6.5%。"`} {
		if !strings.Contains(first, want) {
			t.Errorf("first record %s lacks %s", first, want)
		}
	}
	if !bytes.Contains(got, []byte(`"page":3`)) {
		t.Error("no record on page 3")
	}
	// 表1's rows are lines of cells with spaces: each figure is a record, its unit from
	// the column header (年末数（万人）), on the line it stands on.
	if !bytes.Contains(got, []byte(`"line":28,"col":8,"text":"346.7","value":3467000,"unit":"人","indicator":"全市常住人口"`)) {
		t.Error("no record of table 1's first cell")
	}
}

// TestDOCX: paragraphs and a table of a Word document, in document order.
func TestDOCX(t *testing.T) {
	body := `<w:p><w:r><w:t>关于2025年预算执行情况的报告</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>全市一般公共预算收入完成</w:t></w:r><w:r><w:t>144.8亿元，增长3.2%。</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>单位：万元</w:t></w:r></w:p>` +
		`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>项目</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>执行数</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>比上年增长（%）</w:t></w:r></w:p></w:tc></w:tr>` +
		`<w:tr><w:tc><w:p><w:r><w:t>税收收入</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>905600</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>-1.5</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("[Content_Types].xml")
	w.Write([]byte(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>`))
	w, _ = zw.Create("word/document.xml")
	w.Write([]byte(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`))
	zw.Close()
	got := recordsJSONL(t, "report.docx", buf.Bytes())
	golden.Check(t, "report.docx.golden.jsonl", got)
	if !bytes.Contains(got, []byte(`"text":"905600","value":9056000000,"unit":"元","indicator":"税收收入","concept":"税收收入"`)) {
		t.Errorf("table cell missing:\n%s", got)
	}
}

// TestXLSX: every sheet is a table; its title and 单位 rows are the caption.
func TestXLSX(t *testing.T) {
	rows := [][]any{
		{"2025年乙市政府债务余额表"},
		{"单位：亿元"},
		{"项目", "年末余额", "比上年增长（%）"},
		{"地方政府债务余额", 512.3, 6.4},
		{"其中：专项债务", 301.7, 9.8},
	}
	got := recordsJSONL(t, "debt.xlsx", workbook(t, rows))
	golden.Check(t, "debt.xlsx.golden.jsonl", got)
	if !bytes.Contains(got, []byte(`"value":51230000000,"unit":"元","indicator":"地方政府债务余额"`)) || !bytes.Contains(got, []byte(`"period":"2025"`)) {
		t.Errorf("debt amounts missing:\n%s", got)
	}
}

// TestXLSXIndentedLabels: a budget table shows 类, 款 and 项 by indenting its labels; an
// empty 款 row names the 项 rows under it, not its siblings after them.
func TestXLSXIndentedLabels(t *testing.T) {
	rows := [][]any{
		{"2025年乙市一般公共预算支出表"},
		{"单位：万元"},
		{"科目", "预算数"},
		{"一般公共服务支出", 900},
		{"   数据事务", nil},
		{"     其他数据事务支出", 12},
		{"   人大事务", 300},
		{"     行政运行", 250},
	}
	got := recordsJSONL(t, "budget.xlsx", workbook(t, rows))
	if !bytes.Contains(got, []byte(`"indicator":"数据事务其他数据事务支出"`)) {
		t.Errorf("the 项 under the empty 款 lost it:\n%s", got)
	}
	for _, bad := range []string{`"indicator":"数据事务人大事务"`, `"indicator":"数据事务行政运行"`} {
		if bytes.Contains(got, []byte(bad)) {
			t.Errorf("a sibling of the empty 款 took its name (%s):\n%s", bad, got)
		}
	}
}

// TestXLSXNumberedSiblings: an empty numbered row (四、卫生健康) names no part of the next
// row numbered alike (五、城乡社区); a row numbered deeper is its part.
func TestXLSXNumberedSiblings(t *testing.T) {
	rows := [][]any{
		{"2025年乙市政府性基金预算支出完成情况表"},
		{"单位：万元"},
		{"预算科目", "完成数"},
		{"三、节能环保", 24498},
		{"四、卫生健康", nil},
		{"五、城乡社区", 237667},
		{"六、农林水", nil},
		{"（一）农业", 8886},
	}
	got := recordsJSONL(t, "budget.xlsx", workbook(t, rows))
	if bytes.Contains(got, []byte(`"indicator":"卫生健康城乡社区`)) {
		t.Errorf("a numbered sibling took the empty row's name:\n%s", got)
	}
	if !bytes.Contains(got, []byte(`"indicator":"城乡社区`)) || !bytes.Contains(got, []byte(`"indicator":"农林水农业`)) {
		t.Errorf("rows misnamed:\n%s", got)
	}
}

// TestXLSXLayoutColumns: a print layout's helper column of row references (a header
// ending in a bare number over rising integers) gives no records, nor does its 是/否 print
// flag keep a row of one figure out of the data; a negative amount keeps its sign; a sum's binary noise
// (-11422.5000000001) is written as the sheet shows it, and 增减变化 under 单位：万元 is an
// amount.
func TestXLSXLayoutColumns(t *testing.T) {
	rows := [][]any{
		{"2025年乙市一般公共预算收支情况表"},
		{"单位：万元"},
		{"项目", "2025年预算数", "3", "执行数"},
		{"税收收入", 292946, 8, 288755},
		{"非税收入", 100000, 10, 90000},
		{"罚没收入", 29964, 22, 19234},
		{"捐赠收入", 100, 40, 6},
		{"其他收入", 11, 45, 9},
	}
	got := recordsJSONL(t, "budget.xlsx", workbook(t, rows))
	for _, v := range []string{"8", "10", "22", "40", "45"} {
		if bytes.Contains(got, []byte(`"text":"`+v+`"`)) {
			t.Errorf("row reference %s read as a figure:\n%s", v, got)
		}
	}
	if !bytes.Contains(got, []byte(`"text":"288755"`)) {
		t.Errorf("data cells lost:\n%s", got)
	}
	flags := [][]any{
		{"2025年乙市政府性基金预算收入执行情况表"},
		{"单位：万元"},
		{"科目编码", "项目", "2024年决算数", "2025年执行数", "打印"},
		{"1030102", "一、农网还贷资金收入", 0, nil, "是"},
		{"1030148", "二、国有土地使用权出让收入", 52985, 42707, "是"},
		{"103014898", "   缴纳新增建设用地土地有偿使用费", -1375, -1416, "是"},
	}
	got = recordsJSONL(t, "fund.xlsx", workbook(t, flags))
	for _, want := range []string{`"text":"0","value":0,"unit":"元","indicator":"农网还贷资金收入"`, `"text":"-1375","value":-13750000,"unit":"元"`} {
		if !bytes.Contains(got, []byte(want)) {
			t.Errorf("no %s in\n%s", want, got)
		}
	}
	noise := [][]any{
		{"2025年乙市地方政府债务投向情况表"},
		{"单位：万元"},
		{"项目", "政府债务2025年增减变化"},
		{"基础设施", -11422.500000000091},
	}
	got = recordsJSONL(t, "debt.xlsx", workbook(t, noise))
	if want := `"text":"-11422.5","value":114225000,"unit":"元"`; !bytes.Contains(got, []byte(want)) {
		t.Errorf("no %s in\n%s", want, got)
	}
}

// workbook returns an XLSX file whose first sheet holds rows, from A1 down.
func workbook(t *testing.T, rows [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	sheet := f.GetSheetName(0)
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestLegacyOffice: a .doc is a clear error naming the format, not silence.
func TestLegacyOffice(t *testing.T) {
	data := append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), make([]byte, 600)...)
	copy(data[520:], []byte("W\x00o\x00r\x00d\x00D\x00o\x00c\x00u\x00m\x00e\x00n\x00t\x00"))
	_, err := extract.Document("old.doc", data, extract.Options{})
	if err == nil || !strings.Contains(err.Error(), "legacy Office file (doc)") {
		t.Errorf("err = %v", err)
	}
}

// TestTableRowConcepts: a table row's label is named as prose names it: a budget level in
// front (市本级) or a place (高新区) is the area of the concept after it, the document's
// own place is none; and a ratio column is one whatever year stands in its header.
func TestTableRowConcepts(t *testing.T) {
	page := `<html><body><p>丽江市2025年预算执行情况表</p><p>单位：万元</p><table>` +
		`<tr><td>项目</td><td>执行数</td><td>完成2025年预算数的%</td></tr>` +
		`<tr><td>市本级一般公共预算收入</td><td>237059</td><td>83.5</td></tr>` +
		`<tr><td>高新区政府性基金预算收入</td><td>5100</td><td>92.1</td></tr>` +
		`<tr><td>全市一般公共预算支出</td><td>1763231</td><td>96.0</td></tr>` +
		`<tr><td>行政运行</td><td>3100</td><td>90.2</td></tr>` +
		`</table></body></html>`
	recs, err := extract.Document("budget.html", []byte(page), extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	type named struct{ indicator, concept, area string }
	got := map[string]named{}
	for _, r := range recs {
		got[r.Text] = named{r.Indicator, r.Concept, r.Area}
	}
	for text, want := range map[string]named{
		"237059":  {"市本级一般公共预算收入", "一般公共预算收入", "市本级"},
		"83.5":    {"市本级一般公共预算收入", "", ""}, // a rate of execution: not the item's measure
		"5100":    {"高新区政府性基金预算收入", "政府性基金预算收入", "高新区"},
		"1763231": {"全市一般公共预算支出", "一般公共预算支出", ""},
		"96.0":    {"全市一般公共预算支出", "", ""},
		"3100":    {"行政运行", "", ""},
	} {
		if g, ok := got[text]; !ok {
			t.Errorf("no record of %s in %v", text, got)
		} else if g != want {
			t.Errorf("%s: indicator, concept, area %q, want %q", text, g, want)
		}
	}
}
