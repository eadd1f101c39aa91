package output

import (
	"archive/zip"
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"

	"github.com/policymetrics/policymetrics/extract"
)

// The sheets of an XLSX file of records.
const (
	RecordsSheet   = "records"   // one row per record, columns in extract.Fields order
	DocumentsSheet = "documents" // one row per document: doc, records, error
)

// DocumentsHeader is the header row of the documents sheet.
var DocumentsHeader = []string{"doc", "records", "error"}

// maxXLSXRows is the most rows a worksheet holds (Excel's limit), the header included.
const maxXLSXRows = excelize.TotalRows

// DocumentWriter is a Writer that also lists the documents of a run: XLSX's documents
// sheet. A caller that knows each document's outcome (batch.Config.Done) reports it here,
// in input order; documents it never reports are not listed.
type DocumentWriter interface {
	Writer
	// Document lists one document: its name, how many records it gave, and why it failed
	// ("" when it did not).
	Document(name string, records int, failure string) error
}

// colWidths are the column widths of the records sheet, in characters, by field: wide
// enough for the usual cell (Chinese characters count two), since a stream cannot look
// ahead at the content.
var colWidths = map[string]float64{
	"doc": 36, "line": 7, "col": 7, "text": 16, "value": 16, "unit": 8, "indicator": 24,
	"concept": 20, "area": 10, "period": 11, "qualifier": 10, "change": 10, "modality": 10,
	"sentence": 80, "upper": 12, "raw_unit": 10, "page": 6,
}

// xlsxWriter streams records into the records sheet of a workbook; Close writes the whole
// workbook to w. Rows go through excelize's StreamWriter, which spills to a temporary file
// past a few megabytes, so memory stays flat however many records pass.
type xlsxWriter struct {
	w       io.Writer
	f       *excelize.File
	recs    *excelize.StreamWriter
	docs    *excelize.StreamWriter
	nrec    int // rows written to the records sheet, header included
	ndoc    int // rows written to the documents sheet, header included
	styles  xlsxStyles
	row     []any
	closed  bool
	lastErr error
}

type xlsxStyles struct {
	header  int // bold, on a grey band
	text    int // number format @: what is typed later stays text too
	integer int // number format 0: 1955600000000, not 1.9556E+12
}

func newXLSXStyles(f *excelize.File) (xlsxStyles, error) {
	var s xlsxStyles
	var err error
	if s.header, err = f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDE4EE"}},
		Alignment: &excelize.Alignment{Vertical: "center"},
	}); err != nil {
		return s, err
	}
	if s.text, err = f.NewStyle(&excelize.Style{NumFmt: 49}); err != nil {
		return s, err
	}
	s.integer, err = f.NewStyle(&excelize.Style{NumFmt: 1})
	return s, err
}

// startSheet prepares a streamed sheet: column widths, text columns as text, the frozen
// header row. It must run before the sheet's first row.
func startSheet(sw *excelize.StreamWriter, header []string, widths []float64, textCol []bool, st xlsxStyles) error {
	for i, isText := range textCol {
		if isText {
			if err := sw.SetColStyle(i+1, i+1, st.text); err != nil {
				return err
			}
		}
	}
	// Widths last, from the last column to the first: excelize puts the column it sets in
	// front of the others, and Excel wants the <col> elements in ascending order.
	for i := len(widths) - 1; i >= 0; i-- {
		if err := sw.SetColWidth(i+1, i+1, widths[i]); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	row := make([]any, len(header))
	for i, h := range header {
		row[i] = excelize.Cell{StyleID: st.header, Value: h}
	}
	return sw.SetRow("A1", row)
}

func newXLSXWriter(w io.Writer) (*xlsxWriter, error) {
	f := excelize.NewFile()
	x := &xlsxWriter{w: w, f: f}
	fail := func(err error) (*xlsxWriter, error) {
		f.Close()
		return nil, fmt.Errorf("xlsx: %w", err)
	}
	if err := f.SetSheetName("Sheet1", RecordsSheet); err != nil {
		return fail(err)
	}
	if _, err := f.NewSheet(DocumentsSheet); err != nil {
		return fail(err)
	}
	var err error
	if x.styles, err = newXLSXStyles(f); err != nil {
		return fail(err)
	}
	if x.recs, err = f.NewStreamWriter(RecordsSheet); err != nil {
		return fail(err)
	}
	widths := make([]float64, len(extract.Fields))
	text := make([]bool, len(extract.Fields))
	for i, name := range extract.Fields {
		widths[i] = colWidths[name]
		if widths[i] == 0 {
			widths[i] = 12
		}
		text[i] = !isNumeric[i]
	}
	if err := startSheet(x.recs, extract.Fields, widths, text, x.styles); err != nil {
		return fail(err)
	}
	if x.docs, err = f.NewStreamWriter(DocumentsSheet); err != nil {
		return fail(err)
	}
	if err := startSheet(x.docs, DocumentsHeader, []float64{48, 10, 60}, []bool{true, false, true}, x.styles); err != nil {
		return fail(err)
	}
	x.nrec, x.ndoc = 1, 1
	return x, nil
}

// number is a numeric cell: an integer shown whole (format 0), any other value as Excel
// shows it by default. Excel holds a double, 15 significant digits.
func (x *xlsxWriter) number(integer bool, v float64) excelize.Cell {
	if integer {
		return excelize.Cell{StyleID: x.styles.integer, Value: v}
	}
	return excelize.Cell{Value: v}
}

// text is a text cell: an inline string, so Excel never reads 5.5% or 2025 as a number.
// Empty fields stay empty cells.
func text(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func (x *xlsxWriter) Write(r *extract.Record) error {
	if x.lastErr != nil {
		return x.lastErr
	}
	if x.nrec >= maxXLSXRows {
		x.lastErr = fmt.Errorf("xlsx: more than %d records, the most a worksheet holds: write csv or jsonl instead", maxXLSXRows-1)
		return x.lastErr
	}
	var up, page any
	if r.Upper != nil {
		up = x.number(r.Upper.IsInteger(), r.Upper.Float64())
	}
	if r.Page != 0 {
		page = x.number(true, float64(r.Page))
	}
	x.row = append(x.row[:0],
		text(r.Doc), x.number(true, float64(r.Line)), x.number(true, float64(r.Col)), text(r.Text),
		x.number(r.Value.IsInteger(), r.Value.Float64()), text(r.Unit), text(r.Indicator), text(r.Concept),
		text(r.Area), text(r.Period), text(r.Qualifier), text(r.Change), text(r.Modality), text(r.Sentence),
		up, text(r.RawUnit), page)
	x.nrec++
	if err := x.recs.SetRow("A"+strconv.Itoa(x.nrec), x.row); err != nil {
		x.lastErr = fmt.Errorf("xlsx: %w", err)
	}
	return x.lastErr
}

func (x *xlsxWriter) Document(name string, records int, failure string) error {
	if x.lastErr != nil {
		return x.lastErr
	}
	if x.ndoc >= maxXLSXRows {
		x.lastErr = fmt.Errorf("xlsx: more than %d documents, the most a worksheet holds: write csv or jsonl instead", maxXLSXRows-1)
		return x.lastErr
	}
	x.ndoc++
	if err := x.docs.SetRow("A"+strconv.Itoa(x.ndoc), []any{text(name), records, text(failure)}); err != nil {
		x.lastErr = fmt.Errorf("xlsx: %w", err)
	}
	return x.lastErr
}

// Close ends both sheets, adds the autofilters and writes the workbook. The workbook is
// written only whole: after an earlier error, Close writes nothing and returns it.
func (x *xlsxWriter) Close() error {
	if x.closed {
		return x.lastErr
	}
	x.closed = true
	defer x.f.Close() // removes the streams' temporary files
	if x.lastErr != nil {
		return x.lastErr
	}
	err := finishSheet(x.f, x.recs, RecordsSheet, len(extract.Fields), x.nrec)
	if err == nil {
		err = finishSheet(x.f, x.docs, DocumentsSheet, len(DocumentsHeader), x.ndoc)
	}
	if err == nil {
		err = writeWorkbook(x.f, x.w)
	}
	if err != nil {
		x.lastErr = fmt.Errorf("xlsx: %w", err)
	}
	return x.lastErr
}

// writeWorkbook zips f straight into w. (excelize's own Write builds the whole zip in
// memory first; its streams are read from their temporary files either way.)
func writeWorkbook(f *excelize.File, w io.Writer) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return zip.NewWriter(bw) })
	if _, err := f.WriteToBuffer(); err != nil {
		return err
	}
	return bw.Flush()
}

// finishSheet puts an autofilter on the header over all rows and ends the stream.
func finishSheet(f *excelize.File, sw *excelize.StreamWriter, sheet string, cols, rows int) error {
	last, err := excelize.CoordinatesToCellName(cols, rows)
	if err != nil {
		return err
	}
	if err := f.AutoFilter(sheet, "A1:"+last, nil); err != nil {
		return err
	}
	return sw.Flush()
}

// errNoXLSXOnTerminal is what a command says when XLSX would go to a terminal.
var errNoXLSXOnTerminal = errors.New("xlsx is a binary format: write it with -o FILE.xlsx or redirect standard output")

// ErrBinaryToTerminal reports whether format f must not be written to a terminal, and
// the error that says so.
func ErrBinaryToTerminal(f Format) error {
	if f == XLSX {
		return errNoXLSXOnTerminal
	}
	return nil
}
