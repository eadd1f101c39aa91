package output

import (
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/width"
)

// The sheets of a pivot workbook.
const (
	PivotSheet = "table" // the pivot: header row, one row per row label
	ChartSheet = "chart" // a chart sheet drawing the pivot
)

// The chart kinds of a pivot workbook.
const (
	ChartBar  = "bar"  // a clustered column chart: one series per column, the row labels along the axis
	ChartLine = "line" // a line chart: one line per row, the columns (periods) along the axis
	ChartNone = ""     // no chart sheet
)

// maxChartSeries is the most series an Excel chart holds.
const maxChartSeries = 255

// Pivot is a table to write as a workbook: Header names the columns (the first, the row
// labels'); each row has at most len(Header) cells. A cell is a number when Number is set,
// else the text Text (written as text, never read as a number).
type Pivot struct {
	Header []string
	Rows   [][]PivotCell
	// ChartKind is ChartBar (one series per column), ChartLine (one line per row: for
	// columns that are periods) or ChartNone.
	ChartKind string
	Title     string // the chart's title
}

// PivotCell is one cell of a Pivot.
type PivotCell struct {
	Text   string
	Number *float64
}

// Num is a numeric PivotCell.
func Num(v float64) PivotCell { return PivotCell{Number: &v} }

// Txt is a text PivotCell.
func Txt(s string) PivotCell { return PivotCell{Text: s} }

// WritePivotXLSX writes p to w as a workbook: the sheet "table" (bold frozen header with
// an autofilter, numbers as numbers, text as text) and, unless p.ChartKind is ChartNone or
// the table has no row, the chart sheet "chart". A chart draws the numbers of the table's
// first 255 series (Excel's limit); columns after the first are its data. Nothing is
// written when p is malformed.
func WritePivotXLSX(w io.Writer, p Pivot) error {
	if err := p.check(); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := writePivot(f, p); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	if err := writeWorkbook(f, w); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	return nil
}

func (p *Pivot) check() error {
	switch p.ChartKind {
	case ChartBar, ChartLine, ChartNone:
	default:
		return fmt.Errorf("unknown chart kind %q (want bar or line)", p.ChartKind)
	}
	if len(p.Header) == 0 {
		return errors.New("a pivot needs a header")
	}
	if len(p.Header) > excelize.MaxColumns {
		return fmt.Errorf("%d columns, more than the %d a worksheet holds", len(p.Header), excelize.MaxColumns)
	}
	if len(p.Rows) >= maxXLSXRows {
		return fmt.Errorf("%d rows, more than the %d a worksheet holds", len(p.Rows), maxXLSXRows-1)
	}
	for i, r := range p.Rows {
		if len(r) > len(p.Header) {
			return fmt.Errorf("row %d has %d cells, the header %d", i+1, len(r), len(p.Header))
		}
	}
	return nil
}

func writePivot(f *excelize.File, p Pivot) error {
	if err := f.SetSheetName("Sheet1", PivotSheet); err != nil {
		return err
	}
	st, err := newXLSXStyles(f)
	if err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(PivotSheet)
	if err != nil {
		return err
	}
	widths := make([]float64, len(p.Header))
	for i, h := range p.Header {
		widths[i] = float64(min(max(DisplayWidth(h)+4, 10), 60))
	}
	for _, r := range p.Rows {
		if len(r) > 0 && r[0].Number == nil {
			widths[0] = float64(min(max(int(widths[0]), DisplayWidth(r[0].Text)+2), 60))
		}
	}
	if err := startSheet(sw, p.Header, widths, nil, st); err != nil {
		return err
	}
	row := make([]any, 0, len(p.Header))
	for i, r := range p.Rows {
		row = row[:0]
		for _, c := range r {
			switch {
			case c.Number != nil:
				v := *c.Number
				if v == float64(int64(v)) {
					row = append(row, excelize.Cell{StyleID: st.integer, Value: v})
				} else {
					row = append(row, v)
				}
			case c.Text != "":
				row = append(row, c.Text)
			default:
				row = append(row, nil)
			}
		}
		if err := sw.SetRow("A"+strconv.Itoa(i+2), row); err != nil {
			return err
		}
	}
	if err := finishSheet(f, sw, PivotSheet, len(p.Header), len(p.Rows)+1); err != nil {
		return err
	}
	if p.ChartKind == ChartNone || len(p.Rows) == 0 || len(p.Header) < 2 {
		return nil
	}
	if err := f.AddChartSheet(ChartSheet, pivotChart(p)); err != nil {
		return err
	}
	// The table opens first; the chart is a click away.
	f.SetActiveSheet(0)
	return nil
}

// pivotChart is the chart of p: bars per column, or lines per row along the columns.
func pivotChart(p Pivot) *excelize.Chart {
	cell := func(col, row int) string {
		name, _ := excelize.CoordinatesToCellName(col, row, true)
		return name
	}
	// span is the range from (c1, r1) to (c2, r2) on the table sheet.
	span := func(c1, r1, c2, r2 int) string {
		return "'" + PivotSheet + "'!" + cell(c1, r1) + ":" + cell(c2, r2)
	}
	lastRow, lastCol := len(p.Rows)+1, len(p.Header)
	c := &excelize.Chart{
		Legend: excelize.ChartLegend{Position: "bottom"},
		// Dark axis labels: excelize's default grey is hard to read in print.
		XAxis: excelize.ChartAxis{Font: excelize.Font{Color: "404040"}},
		YAxis: excelize.ChartAxis{Font: excelize.Font{Color: "404040"}, MajorGridLines: true},
	}
	if p.Title != "" {
		c.Title = excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: p.Title}}}
	}
	switch p.ChartKind {
	case ChartLine:
		c.Type = excelize.Line
		for r := 2; r <= lastRow && len(c.Series) < maxChartSeries; r++ {
			c.Series = append(c.Series, excelize.ChartSeries{
				Name:       "'" + PivotSheet + "'!" + cell(1, r),
				Categories: span(2, 1, lastCol, 1),
				Values:     span(2, r, lastCol, r),
				Marker:     excelize.ChartMarker{Symbol: "circle", Size: 5},
			})
		}
	default:
		c.Type = excelize.Col
		for col := 2; col <= lastCol && len(c.Series) < maxChartSeries; col++ {
			c.Series = append(c.Series, excelize.ChartSeries{
				Name:       "'" + PivotSheet + "'!" + cell(col, 1),
				Categories: span(1, 2, 1, lastRow),
				Values:     span(col, 2, col, lastRow),
			})
		}
	}
	return c
}

// DisplayWidth is the number of columns s takes in a spreadsheet or terminal: Chinese
// characters take two (text/tabwriter counts runes, which misaligns every column after a
// Chinese cell).
func DisplayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}
