// Package xlsx reads the sheets of an Excel 2007+ workbook (.xlsx) as tables, with
// excelize. Each sheet is streamed row by row; merged ranges come from a streaming scan
// of the sheet part, since excelize's GetMergeCells loads the whole sheet into memory.
package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"

	"github.com/policymetrics/policymetrics/extract/read"
	"github.com/xuri/excelize/v2"
)

// Limits, vars so tests can lower them. maxUnzip caps what the archive unpacks to (a
// zip bomb fails with an error); maxCells caps a sheet's cells once laid out as a full
// grid, so that a forged or huge sheet fails instead of filling the memory.
var (
	maxUnzip int64 = 256 << 20
	maxCells       = 1_000_000
)

// Read extracts every sheet of an .xlsx file as a table, in workbook order.
func Read(data []byte) (*read.Doc, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("xlsx: not a zip archive: %w", err)
	}
	if err := checkUnzipSize(zr); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    maxUnzip,
		UnzipXMLSizeLimit: min(maxUnzip, 16<<20),
	})
	if err != nil {
		return nil, fmt.Errorf("xlsx: %w", err)
	}
	defer f.Close()
	parts, err := sheetParts(zr)
	if err != nil {
		return nil, err
	}
	var w writer
	doc := &read.Doc{}
	for _, name := range f.GetSheetList() {
		t, err := readSheet(f, zr, parts[name], name)
		if err != nil {
			return nil, fmt.Errorf("xlsx: sheet %q: %w", name, err)
		}
		tb, err := w.sheet(name, t)
		if err != nil {
			return nil, fmt.Errorf("xlsx: sheet %q: %w", name, err)
		}
		doc.Tables = append(doc.Tables, tb)
	}
	doc.Text = w.String()
	return doc, nil
}

// checkUnzipSize refuses an archive that unpacks to more than maxUnzip, before
// excelize reads it all into memory. archive/zip holds entries to their declared size.
func checkUnzipSize(zr *zip.Reader) error {
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if total > uint64(maxUnzip) {
			return fmt.Errorf("xlsx: the archive unpacks to more than %d bytes; refusing it (zip bomb?)", maxUnzip)
		}
	}
	return nil
}

// grid is a sheet as read: values by row (ragged) and merged ranges.
type grid struct {
	rows   [][]string
	merges []rect
}

// readSheet streams a sheet's values and scans its merged ranges.
func readSheet(f *excelize.File, zr *zip.Reader, part, name string) (grid, error) {
	var g grid
	var err error
	if part != "" {
		if g.merges, err = scanMerges(zr, part); err != nil {
			return g, err
		}
	}
	g.rows, err = values(f, name)
	return g, err
}

// values streams the rows of a sheet twice in step, formatted and raw, to choose each
// cell's text (see cellText), stopping at maxCells values.
func values(f *excelize.File, sheet string) ([][]string, error) {
	shown, err := f.Rows(sheet)
	if err != nil {
		return nil, err
	}
	defer shown.Close()
	raw, err := f.Rows(sheet)
	if err != nil {
		return nil, err
	}
	defer raw.Close()
	var rows [][]string
	cells := 0
	for shown.Next() && raw.Next() {
		s, err := shown.Columns()
		if err != nil {
			return nil, err
		}
		r, err := raw.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, err
		}
		if cells += len(s); cells > maxCells {
			return nil, fmt.Errorf("more than %d cells; too large to read", maxCells)
		}
		rows = append(rows, rowText(s, r))
	}
	if err := shown.Error(); err != nil {
		return nil, err
	}
	return trimEmpty(rows), nil
}

func rowText(shown, raw []string) []string {
	out := make([]string, len(shown))
	for i, s := range shown {
		r := s
		if i < len(raw) {
			r = raw[i]
		}
		out[i] = oneLine(cellText(s, r))
	}
	return out
}

// trimEmpty drops the empty rows at the end of a sheet (formatting only).
func trimEmpty(rows [][]string) [][]string {
	for len(rows) > 0 && blank(rows[len(rows)-1]) {
		rows = rows[:len(rows)-1]
	}
	return rows
}

func blank(row []string) bool {
	for _, v := range row {
		if v != "" {
			return false
		}
	}
	return true
}

// oneLine keeps a cell on its row's line: '\t' and '\n' structure Doc.Text, and
// wrapped cell text (Alt+Enter) is common in titles.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '\t', '\n', '\r', '\v', '\f':
			return ' '
		}
		return r
	}, s)
}
