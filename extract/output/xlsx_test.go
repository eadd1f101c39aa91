package output

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/policymetrics/policymetrics/extract"
)

func openXLSX(t *testing.T, b []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("reading the workbook back: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// cellOf reads one cell: its value as Excel shows it raw, and its type.
func cellOf(t *testing.T, f *excelize.File, sheet, ref string) (string, excelize.CellType) {
	t.Helper()
	v, err := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	ty, err := f.GetCellType(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	return v, ty
}

// checkHeader checks a sheet's header: the names, bold, frozen, under an autofilter.
func checkHeader(t *testing.T, f *excelize.File, sheet string, want []string) {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil || len(rows) == 0 {
		t.Fatalf("%s: no rows (%v)", sheet, err)
	}
	if strings.Join(rows[0], ",") != strings.Join(want, ",") {
		t.Errorf("%s header = %q, want %q", sheet, rows[0], want)
	}
	for i := range want {
		ref, _ := excelize.CoordinatesToCellName(i+1, 1)
		id, err := f.GetCellStyle(sheet, ref)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil || st.Font == nil || !st.Font.Bold {
			t.Errorf("%s!%s is not bold", sheet, ref)
		}
	}
	panes, err := f.GetPanes(sheet)
	if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
		t.Errorf("%s: panes %+v (%v), want the header frozen", sheet, panes, err)
	}
	found := false
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm._FilterDatabase" && dn.Scope == sheet && strings.HasPrefix(dn.RefersTo, "'"+sheet+"'!$A$1:") {
			found = true
		}
	}
	if !found {
		t.Errorf("%s: no autofilter", sheet)
	}
}

func TestXLSXRecords(t *testing.T) {
	var buf bytes.Buffer
	w, err := New(&buf, XLSX, Options{})
	if err != nil {
		t.Fatal(err)
	}
	recs := append([]extract.Record{}, sample...)
	recs = append(recs, extract.Record{Doc: "a.txt", Line: 2, Col: 3, Text: "5.5%", Value: dec(55, -1), Unit: "%",
		Period: "2025", Indicator: "0012", Sentence: "=1+1"})
	for i := range recs {
		if err := w.Write(&recs[i]); err != nil {
			t.Fatal(err)
		}
	}
	dw := w.(DocumentWriter)
	if err := dw.Document("a.txt", 6, ""); err != nil {
		t.Fatal(err)
	}
	if err := dw.Document("bad.txt", 0, "binary file"); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	f := openXLSX(t, buf.Bytes())
	if got := f.GetSheetList(); strings.Join(got, ",") != RecordsSheet+","+DocumentsSheet {
		t.Fatalf("sheets %q", got)
	}
	checkHeader(t, f, RecordsSheet, extract.Fields)
	checkHeader(t, f, DocumentsSheet, DocumentsHeader)

	rows, _ := f.GetRows(RecordsSheet)
	if len(rows) != len(recs)+1 {
		t.Fatalf("%d rows, want %d", len(rows), len(recs)+1)
	}
	last := len(recs) + 1
	for _, c := range []struct {
		col   string
		row   int
		want  string
		wantT excelize.CellType
	}{
		{"A", 2, "002_15ed48a196308db7.txt", excelize.CellTypeInlineString},
		{"B", 2, "3", excelize.CellTypeUnset}, // a number: no type attribute
		{"C", 2, "57", excelize.CellTypeUnset},
		{"E", 2, "3410000000", excelize.CellTypeUnset},
		{"E", 4, "-5", excelize.CellTypeUnset},
		{"E", 5, "0.0005", excelize.CellTypeUnset},
		{"O", 3, "3000", excelize.CellTypeUnset},
		{"A", 4, `=HYPERLINK("http://x")`, excelize.CellTypeInlineString},
		{"D", last, "5.5%", excelize.CellTypeInlineString},
		{"E", last, "5.5", excelize.CellTypeUnset},
		{"G", last, "0012", excelize.CellTypeInlineString},
		{"J", last, "2025", excelize.CellTypeInlineString},
		{"N", last, "=1+1", excelize.CellTypeInlineString},
	} {
		ref := c.col + strconv.Itoa(c.row)
		v, ty := cellOf(t, f, RecordsSheet, ref)
		if v != c.want || ty != c.wantT {
			t.Errorf("%s = %q (type %v), want %q (type %v)", ref, v, ty, c.want, c.wantT)
		}
		if formula, _ := f.GetCellFormula(RecordsSheet, ref); formula != "" {
			t.Errorf("%s holds a formula %q", ref, formula)
		}
	}
	// Empty fields stay empty; the sentence with line breaks comes back whole.
	if v, _ := cellOf(t, f, RecordsSheet, "O2"); v != "" {
		t.Errorf("upper of a record without one = %q", v)
	}
	if v, _ := cellOf(t, f, RecordsSheet, "N3"); v != sample[1].Sentence {
		t.Errorf("sentence = %q, want %q", v, sample[1].Sentence)
	}
	if wd, _ := f.GetColWidth(RecordsSheet, "N"); wd < 40 {
		t.Errorf("sentence column %v wide", wd)
	}
	// Excel repairs a sheet whose <col> elements are out of order.
	for _, sheet := range []string{"sheet1", "sheet2"} {
		xml := zipFile(t, buf.Bytes(), "xl/worksheets/"+sheet+".xml")
		var mins []int
		for _, m := range regexp.MustCompile(`<col min="(\d+)"`).FindAllStringSubmatch(xml, -1) {
			n, _ := strconv.Atoi(m[1])
			mins = append(mins, n)
		}
		if len(mins) == 0 || !sort.IntsAreSorted(mins) {
			t.Errorf("%s: columns in the order %v", sheet, mins)
		}
	}
	docs, _ := f.GetRows(DocumentsSheet)
	if len(docs) != 3 || strings.Join(docs[2], "|") != "bad.txt|0|binary file" {
		t.Errorf("documents sheet %q", docs)
	}
	if _, ty := cellOf(t, f, DocumentsSheet, "B2"); ty != excelize.CellTypeUnset {
		t.Errorf("records count typed %v, want a number", ty)
	}
}

// zipNames lists the members of a workbook whose names start with prefix.
func zipNames(t *testing.T, b []byte, prefix string) []string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, prefix) {
			names = append(names, f.Name)
		}
	}
	return names
}

func zipFile(t *testing.T, b []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestXLSXEmpty(t *testing.T) {
	b, err := Encode(XLSX, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	f := openXLSX(t, b)
	checkHeader(t, f, RecordsSheet, extract.Fields)
	checkHeader(t, f, DocumentsSheet, DocumentsHeader)
}

func TestPivotXLSX(t *testing.T) {
	header := []string{"indicator", "2023", "2024", "2025"}
	rows := [][]PivotCell{
		{Txt("地区生产总值"), Num(100), Num(105.5), Num(111)},
		{Txt("研发投入"), Num(3), {}, Num(4)},
		{Txt("2025"), Txt("5.5%"), Num(-1), Num(1e12)},
	}
	for _, kind := range []string{ChartBar, ChartLine, ChartNone} {
		t.Run("kind="+kind, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WritePivotXLSX(&buf, Pivot{Header: header, Rows: rows, ChartKind: kind, Title: "指标"}); err != nil {
				t.Fatal(err)
			}
			f := openXLSX(t, buf.Bytes())
			checkHeader(t, f, PivotSheet, header)
			for _, c := range []struct {
				ref   string
				want  string
				wantT excelize.CellType
			}{
				{"A2", "地区生产总值", excelize.CellTypeInlineString},
				{"C2", "105.5", excelize.CellTypeUnset},
				{"C3", "", excelize.CellTypeUnset},
				{"A4", "2025", excelize.CellTypeInlineString},
				{"B4", "5.5%", excelize.CellTypeInlineString},
				{"D4", "1000000000000", excelize.CellTypeUnset},
			} {
				v, ty := cellOf(t, f, PivotSheet, c.ref)
				if v != c.want || ty != c.wantT {
					t.Errorf("%s = %q (type %v), want %q (type %v)", c.ref, v, ty, c.want, c.wantT)
				}
			}
			sheets := strings.Join(f.GetSheetList(), ",")
			charts := zipNames(t, buf.Bytes(), "xl/charts/chart")
			if kind == ChartNone {
				if sheets != PivotSheet || len(charts) != 0 {
					t.Errorf("no chart asked: sheets %q, charts %q", sheets, charts)
				}
				return
			}
			if sheets != PivotSheet+","+ChartSheet {
				t.Errorf("sheets %q", sheets)
			}
			if len(charts) != 1 {
				t.Fatalf("charts %q, want one", charts)
			}
			xml := zipFile(t, buf.Bytes(), charts[0])
			wantTag, series := "<barChart>", 3 // a series per column
			if kind == ChartLine {
				wantTag, series = "<lineChart>", 3 // a series per row
			}
			if !strings.Contains(xml, wantTag) || strings.Count(xml, "<ser>") != series || !strings.Contains(xml, "指标") {
				t.Errorf("chart: want %s with %d series titled 指标:\n%.600s", wantTag, series, xml)
			}
			if kind == ChartLine && !strings.Contains(xml, "&#39;table&#39;!$B$1:$D$1") {
				t.Errorf("line chart does not run along the header (periods): %q", regexp.MustCompile(`<f>[^<]*</f>`).FindAllString(xml, -1))
			}
		})
	}
}

func TestPivotXLSXRejects(t *testing.T) {
	for name, p := range map[string]Pivot{
		"no header":  {},
		"long row":   {Header: []string{"a"}, Rows: [][]PivotCell{{Txt("x"), Num(1)}}},
		"chart kind": {Header: []string{"a", "b"}, ChartKind: "pie"},
	} {
		var buf bytes.Buffer
		if err := WritePivotXLSX(&buf, p); err == nil || buf.Len() != 0 {
			t.Errorf("%s: err %v, %d bytes written", name, err, buf.Len())
		}
	}
}
