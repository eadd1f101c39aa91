package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/policymetrics/policymetrics/extract/output"
)

// writeDocs writes small work reports into a temporary folder.
func writeDocs(t *testing.T, docs map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range docs {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

var tableDocs = map[string]string{
	"a.txt": "2026年甲省政府工作报告\n一、2025年工作回顾\n全省地区生产总值增长5.2%。\n二、2026年工作安排\n今年主要预期目标是：地区生产总值增长5%左右，城镇调查失业率5.5%左右。\n",
	"b.txt": "2026年乙省政府工作报告\n一、2025年工作回顾\n全省地区生产总值增长4.8%，郑州市地区生产总值增长6%。\n二、2026年工作安排\n今年主要预期目标是：地区生产总值增长5%以上。\n",
	"c.txt": "2026年丙省政府工作报告\n一、2025年工作回顾\n全省一般公共预算收入增长3%。\n",
}

func TestTableFromDocuments(t *testing.T) {
	dir := writeDocs(t, tableDocs)
	out, errOut, code := runCLI(t, "", false, "table", "--format", "tsv", "--where", "concept=地区生产总值,unit=%,modality=target,period=2026,area=", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	want := "doc\t地区生产总值 (%)\tconflicts\n" +
		filepath.Join(dir, "a.txt") + "\t5 (approx)\t\n" +
		filepath.Join(dir, "b.txt") + "\t5 (over)\t\n" +
		filepath.Join(dir, "c.txt") + "\t\t\n" // read, no target: an empty row, not a missing one
	if out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}

func TestTableAreaAndPeriodColumns(t *testing.T) {
	dir := writeDocs(t, tableDocs)
	out, errOut, code := runCLI(t, "", false, "table", "--format", "csv", "--where", "concept=地区生产总值,unit=%", "--rows", "doc,area", "--cols", "period", filepath.Join(dir, "b.txt"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	b := filepath.Join(dir, "b.txt")
	want := "doc,area,2025 (%),2026 (%),conflicts\r\n" + b + ",,4.8,5 (over),\r\n" + b + ",郑州市,6,,\r\n"
	if out != want {
		t.Errorf("got\n%q\nwant\n%q", out, want)
	}
}

func TestTableConflictShowsBoth(t *testing.T) {
	recs := `{"doc":"x.txt","line":1,"col":1,"text":"5%","value":5,"unit":"%","indicator":"地区生产总值","concept":"地区生产总值","area":"","period":"2025","qualifier":"","change":"increase","modality":"","sentence":"s"}
{"doc":"x.txt","line":9,"col":1,"text":"5.1%","value":5.1,"unit":"%","indicator":"地区生产总值","concept":"地区生产总值","area":"","period":"2025","qualifier":"","change":"increase","modality":"","sentence":"t"}
`
	dir := t.TempDir()
	path := filepath.Join(dir, "r.jsonl")
	os.WriteFile(path, []byte(recs), 0o644)
	out, errOut, code := runCLI(t, "", false, "table", "--records", path, "--format", "jsonl")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	want := `{"doc":"x.txt","地区生产总值 (%)":"5; 5.1","conflicts":"地区生产总值 (%)"}` + "\n"
	if out != want {
		t.Errorf("got %q\nwant %q", out, want)
	}
}

func TestTableErrors(t *testing.T) {
	dir := writeDocs(t, tableDocs)
	bad := filepath.Join(t.TempDir(), "bad.jsonl")
	os.WriteFile(bad, []byte("{\"doc\":1}\nnot json\n"), 0o644)
	tests := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"table"}, 2, "give documents"},
		{[]string{"table", "--where", "colour=red", dir}, 2, `no field "colour"`},
		{[]string{"table", "--cols", "nope", dir}, 2, `no field "nope"`},
		{[]string{"table", "--records", bad}, 1, "bad.jsonl:1: not a record"},
		{[]string{"table", "--records", bad, dir}, 2, "not both"},
		{[]string{"table", t.TempDir()}, 1, "no documents found"},
	}
	for _, tc := range tests {
		_, errOut, code := runCLI(t, "", false, tc.args...)
		if code != tc.code || !strings.Contains(errOut, tc.msg) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tc.args, code, errOut, tc.code, tc.msg)
		}
	}
}

func TestExtractWhere(t *testing.T) {
	dir := writeDocs(t, tableDocs)
	out, errOut, code := runCLI(t, "", false, "extract", "--where", "concept=城镇调查失业率", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if n := strings.Count(out, "\n"); n != 1 || !strings.Contains(out, `"text":"5.5%"`) || !strings.Contains(out, `"period":"2026"`) {
		t.Errorf("want the one 2026 unemployment target, got %s", out)
	}
	_, errOut, code = runCLI(t, "", false, "extract", "--where", "bogus", dir)
	if code != 2 || !strings.Contains(errOut, "--where") {
		t.Errorf("bad --where: exit %d, %s", code, errOut)
	}
}

func TestConceptsFlag(t *testing.T) {
	dir := writeDocs(t, map[string]string{"a.txt": "全市独角兽企业达到12家。\n"})
	concepts := filepath.Join(t.TempDir(), "mine.txt")
	os.WriteFile(concepts, []byte("# my own\n独角兽企业数量 = 独角兽企业\n"), 0o644)
	out, errOut, code := runCLI(t, "", false, "extract", "--concepts", concepts, dir)
	if code != 0 || !strings.Contains(out, `"concept":"独角兽企业数量"`) {
		t.Errorf("exit %d, %s, %s", code, out, errOut)
	}
	bad := filepath.Join(t.TempDir(), "bad.txt")
	os.WriteFile(bad, []byte("# ok\nno equals sign here\n"), 0o644)
	_, errOut, code = runCLI(t, "", false, "extract", "--concepts", bad, dir)
	if code != 2 || !strings.Contains(errOut, "bad.txt:2") {
		t.Errorf("malformed concepts file: exit %d, %s", code, errOut)
	}
}

func TestTableXLSX(t *testing.T) {
	dir := writeDocs(t, tableDocs)
	out := filepath.Join(t.TempDir(), "t.xlsx")
	_, errOut, code := runCLI(t, "", false, "table", "-o", out, "--where", "concept=地区生产总值,unit=%,area=", "--cols", "period", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue(output.PivotSheet, "B1"); v != "2025 (%)" {
		t.Errorf("B1 = %q", v)
	}
	if v, _ := f.GetCellValue(output.PivotSheet, "B2"); v != "5.2" {
		t.Errorf("B2 = %q", v)
	}
	if ty, _ := f.GetCellType(output.PivotSheet, "B2"); ty != excelize.CellTypeUnset {
		t.Errorf("B2 is not a number: %v", ty)
	}
	if idx, _ := f.GetSheetIndex(output.ChartSheet); idx < 0 {
		t.Error("no chart sheet")
	}
}
