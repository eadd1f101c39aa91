package xlsx

import (
	"archive/zip"
	"bytes"
	"reflect"
	"strings"
	"testing"
)

// TestMergesFromTheirTag: reading a sheet part from its first mergeCell tag finds the
// merged ranges reading it whole finds: none, unprefixed, prefixed (read whole), a tag
// across the edge of a read, and the tag's name in a cell's text first.
func TestMergesFromTheirTag(t *testing.T) {
	row := `<row r="1"><c r="A1" t="inlineStr"><is><t>全市生产总值</t></is></c></row>`
	data := func(n int) string { return "<sheetData>" + strings.Repeat(row, n) + "</sheetData>" }
	sheet := func(body string) string {
		return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` + body + `</worksheet>`
	}
	merges := `<mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell` + "\n" + `ref="C3:D4"/></mergeCells>`
	// A sheet whose first tag starts five bytes before the end of mergesFrom's first read.
	head := sheet("<sheetData>")
	head = head[:len(head)-len("</worksheet>")]
	pad := 64<<10 - 5 - len(head) - len(`<row r="1"><c r="A1" t="inlineStr"><is><t></t></is></c></row></sheetData>`)
	// No container: the first range's own tag is the one cut.
	across := head + `<row r="1"><c r="A1" t="inlineStr"><is><t>` + strings.Repeat("x", pad) + `</t></is></c></row></sheetData>` +
		`<mergeCell ref="A1:B2"/><mergeCell ref="C3:D4"/></worksheet>`
	if i := strings.Index(across, "<mergeCell"); i != 64<<10-5 {
		t.Fatalf("the tag starts at %d", i)
	}
	for name, part := range map[string]string{
		"none":               sheet(data(10)),
		"merges":             sheet(data(10) + merges),
		"prefixed":           strings.ReplaceAll(sheet(data(10)+merges), "mergeCell", "x:mergeCell"),
		"across a read":      across,
		"long sheet":         sheet(data(5000) + merges),
		"named in a text":    sheet(`<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>mergeCell &lt;mergeCell</t></is></c></row></sheetData>` + merges),
		"container only":     sheet(data(3) + `<mergeCells count="0"></mergeCells>`),
		"merges before data": sheet(merges + data(3)),
	} {
		zr := zipOf(t, "xl/worksheets/sheet1.xml", part)
		got, err := scanMerges(zr, "xl/worksheets/sheet1.xml")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		want, err := mergesIn(strings.NewReader(part), "sheet1.xml")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %v, read whole %v", name, got, want)
		}
		if strings.Contains(part, "<mergeCell ") != (len(want) > 0) && name != "named in a text" && name != "prefixed" {
			t.Errorf("%s: %d merges read whole", name, len(want))
		}
	}
}

// zipOf is an archive of one part.
func zipOf(t *testing.T, name, content string) *zip.Reader {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	f, err := w.Create(name)
	if err == nil {
		_, err = f.Write([]byte(content))
	}
	if err == nil {
		err = w.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	return zr
}
