// Package output writes indicator records as JSON Lines, a JSON array, CSV, TSV or an
// XLSX workbook.
//
// Every format puts the fields in extract.Fields order (JSON keys and CSV/TSV columns
// alike), prints values as plain decimals (3410000000, never 3.41e+09), and streams: a
// writer holds at most one buffer of output, however many records pass through it.
package output

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/policymetrics/policymetrics/extract"
	"github.com/policymetrics/policymetrics/units"
)

// Format is an output format name as given to --format.
type Format string

// The output formats.
const (
	JSONL Format = "jsonl" // one JSON object a line
	JSON  Format = "json"  // one JSON array, one record a line
	CSV   Format = "csv"   // RFC 4180, header row, CRLF line ends, formula-injection guard
	TSV   Format = "tsv"   // tab-separated, header row; tabs and line breaks in cells become spaces
	XLSX  Format = "xlsx"  // a workbook: sheets records and documents, numbers as numbers, text as text
)

// Formats lists the formats in the order help texts show them.
var Formats = []Format{JSONL, JSON, CSV, TSV, XLSX}

// ParseFormat reads a --format value (case-insensitive; "ndjson" is JSONL).
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "jsonl", "ndjson":
		return JSONL, nil
	case "json":
		return JSON, nil
	case "csv":
		return CSV, nil
	case "tsv":
		return TSV, nil
	case "xlsx":
		return XLSX, nil
	}
	return "", fmt.Errorf("unknown format %q (want jsonl, json, csv, tsv or xlsx)", s)
}

// FormatFromPath tells the format from a file name or a bare extension: ".csv" and
// "out/x.csv" are CSV; .jsonl/.ndjson JSONL, .json JSON, .tsv/.tab TSV, .xlsx XLSX. ok is
// false for any other extension.
func FormatFromPath(path string) (f Format, ok bool) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".jsonl", ".ndjson":
		return JSONL, true
	case ".json":
		return JSON, true
	case ".csv":
		return CSV, true
	case ".tsv", ".tab":
		return TSV, true
	case ".xlsx":
		return XLSX, true
	}
	return "", false
}

// Options tune a writer.
type Options struct {
	// BOM starts CSV and TSV output with a UTF-8 byte-order mark, so that Excel reads the
	// file as UTF-8 rather than the system code page. JSON formats never carry one.
	BOM bool
	// Fields, when set, are the fields written, in this order (ParseFields): JSON keys or
	// CSV/TSV columns. Nil writes every field in extract.Fields order.
	Fields []string
}

// Writer writes records in one format. It is not safe for concurrent use.
type Writer interface {
	// Write appends one record.
	Write(r *extract.Record) error
	// Close finishes the output (a JSON array's closing bracket; a header when no record
	// was written) and flushes it. It does not close the underlying io.Writer.
	Close() error
}

// Forgetful is a Writer that keeps nothing of a record once Write returns (strings
// aside: they never change), so that its caller may write other records into the same
// memory (batch.Config.Reuse).
type Forgetful interface {
	Writer
	ForgetsRecords()
}

// Encode writes recs in format f to a byte slice, as a run of New, Write and Close would.
func Encode(f Format, opts Options, recs []extract.Record) ([]byte, error) {
	var buf bytes.Buffer
	w, err := New(&buf, f, opts)
	if err != nil {
		return nil, err
	}
	for i := range recs {
		if err := w.Write(&recs[i]); err != nil {
			return nil, err
		}
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// New returns a writer of format f on w.
func New(w io.Writer, f Format, opts Options) (Writer, error) {
	if f == XLSX {
		return newXLSXWriter(w)
	}
	switch f {
	case JSONL, JSON:
		return &jsonWriter{w: w, buf: make([]byte, 0, jsonBuffer+4<<10), array: f == JSON,
			fields: opts.Fields, idx: fieldIndex(opts.Fields)}, nil
	}
	bw := bufio.NewWriterSize(w, writeBuffer)
	switch f {
	case CSV, TSV:
		return &tableWriter{w: bw, tsv: f == TSV, bom: opts.BOM, fields: opts.Fields, idx: fieldIndex(opts.Fields)}, nil
	}
	return nil, fmt.Errorf("unknown format %q", f)
}

// writeBuffer is how much output a writer gathers before it writes to its io.Writer: a
// write a 256 KB pipe buffer (cmd's growPipe) takes whole. At 64 KB, a -j 2 run over
// 100 MB (174 MB of JSON Lines, through a pipe) took about 4% longer, in twice the
// writes and context switches.
const writeBuffer = 256 << 10

// jsonBuffer is how much JSON output a writer gathers before it writes to its io.Writer.
const jsonBuffer = writeBuffer

// jsonWriter encodes records straight into its buffer, which is its own rather than a
// bufio.Writer's so that a record is not copied once more on its way out.
type jsonWriter struct {
	w      io.Writer
	buf    []byte // output not yet written to w
	err    error  // w's first error: every later call returns it
	array  bool
	n      int
	fields []string // chosen fields (nil: all)
	idx    []int
	cells  []string
	last   encodedStrings
}

func (j *jsonWriter) Write(r *extract.Record) error {
	if j.err != nil {
		return j.err
	}
	b := j.buf
	if j.array {
		if j.n == 0 {
			b = append(b, "[\n"...)
		} else {
			b = append(b, ",\n"...)
		}
	}
	if j.fields != nil {
		b = appendFieldsJSON(b, r, j.fields, j.idx, j.cells)
	} else {
		b = appendRecordJSON(b, r, &j.last)
	}
	if !j.array {
		b = append(b, '\n')
	}
	j.buf = b
	j.n++
	if len(b) >= jsonBuffer {
		return j.flush()
	}
	return nil
}

// ForgetsRecords: Write encodes a record into the buffer, and what it remembers for the
// next one (encodedStrings) is strings.
func (j *jsonWriter) ForgetsRecords() {}

// flush writes the buffer to w.
func (j *jsonWriter) flush() error {
	if j.err == nil && len(j.buf) > 0 {
		n, err := j.w.Write(j.buf)
		if err == nil && n < len(j.buf) {
			err = io.ErrShortWrite
		}
		j.err = err
		j.buf = j.buf[:0]
	}
	return j.err
}

func (j *jsonWriter) Close() error {
	if j.err != nil {
		return j.err
	}
	if j.array {
		end := "\n]\n"
		if j.n == 0 {
			end = "[]\n"
		}
		j.buf = append(j.buf, end...)
	}
	return j.flush()
}

// tableWriter writes CSV (RFC 4180) or TSV.
type tableWriter struct {
	w      *bufio.Writer
	tsv    bool
	bom    bool
	header bool
	cells  [14]string
	fields []string // chosen columns (nil: all)
	idx    []int
	chosen []string
	num    []bool
}

func (t *tableWriter) writeHeader() error {
	t.header = true
	if t.bom {
		if _, err := t.w.WriteString("\uFEFF"); err != nil {
			return err
		}
	}
	if t.fields != nil {
		return t.writeRow(t.fields, nil)
	}
	return t.writeRow(extract.Fields, nil)
}

// ForgetsRecords: Write writes a record's cells through, and keeps only strings.
func (t *tableWriter) ForgetsRecords() {}

func (t *tableWriter) Write(r *extract.Record) error {
	if !t.header {
		if err := t.writeHeader(); err != nil {
			return err
		}
	}
	c := recordCells(t.cells[:0], r)
	if t.fields != nil {
		if t.num == nil {
			for _, i := range t.idx {
				t.num = append(t.num, isNumeric[i])
			}
		}
		t.chosen = t.chosen[:0]
		for _, i := range t.idx {
			t.chosen = append(t.chosen, c[i])
		}
		return t.writeRow(t.chosen, t.num)
	}
	return t.writeRow(c, isNumeric)
}

func upper(u *units.Decimal) string {
	if u == nil {
		return ""
	}
	return u.String()
}

// isNumeric[i] tells whether column i of extract.Fields holds a number. Numeric cells are
// written as they are, never guarded against formula injection (a negative value keeps
// its minus sign).
var isNumeric = func() []bool {
	b := make([]bool, len(extract.Fields))
	for i, f := range extract.Fields {
		switch f {
		case "line", "col", "value", "upper", "page":
			b[i] = true
		}
	}
	return b
}()

func (t *tableWriter) writeRow(cells []string, num []bool) error {
	sep, end := byte(','), "\r\n"
	if t.tsv {
		sep, end = '\t', "\n"
	}
	for i, c := range cells {
		if i > 0 {
			t.w.WriteByte(sep)
		}
		isNum := num != nil && i < len(num) && num[i]
		if t.tsv {
			t.w.WriteString(TSVCell(c))
		} else {
			t.w.WriteString(CSVCell(c, isNum))
		}
	}
	_, err := t.w.WriteString(end)
	return err
}

func (t *tableWriter) Close() error {
	if !t.header {
		if err := t.writeHeader(); err != nil {
			return err
		}
	}
	return t.w.Flush()
}

// CSVCell returns s as one RFC 4180 field. A text cell (numeric false) that begins with
// =, +, -, @, a tab or a carriage return is prefixed with ' so that a spreadsheet shows it
// as text instead of running it as a formula. The cell is quoted when it holds a comma, a
// double quote, a line break, or begins or ends with a space; quotes are doubled.
func CSVCell(s string, numeric bool) string {
	if !numeric && s != "" {
		switch s[0] {
		case '=', '+', '-', '@', '\t', '\r':
			s = "'" + s
		}
	}
	if s == "" || !needsQuotes(s) {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

func needsQuotes(s string) bool {
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return true
	}
	return strings.ContainsAny(s, ",\"\r\n")
}

// tsvSpace maps the characters a TSV cell cannot hold to spaces.
var tsvSpace = strings.NewReplacer("\r\n", " ", "\t", " ", "\n", " ", "\r", " ")

// TSVCell returns s as one TSV field: tabs, line feeds and carriage returns (a CRLF pair
// counts as one) become single spaces, since TSV has no quoting. Nothing else changes.
func TSVCell(s string) string {
	if !strings.ContainsAny(s, "\t\r\n") {
		return s
	}
	return tsvSpace.Replace(s)
}
