package input

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Tables hold one document per row. A CSV table has a header row naming its columns; the
// text column holds the document, the optional id column names it (file.csv#<id>;
// without it, file.csv#<row>, rows counted from 1 after the header). A JSON Lines table
// has one object a line, {"doc": "...", "text": "..."}; "doc" names the document (without
// it, file.jsonl#<line>), and blank lines are skipped.

var utf8BOM = []byte("\xEF\xBB\xBF")

// silentReadErr tells whether a read error is an archive limit, which the archive reports.
func silentReadErr(err error) bool {
	return errors.Is(err, errBudget) || errors.Is(err, errRatio)
}

func (w *walker) csvTable(name string, r io.Reader) {
	br := bufio.NewReaderSize(r, 64<<10)
	if b, _ := br.Peek(3); bytes.Equal(b, utf8BOM) {
		br.Discard(3)
	}
	// The size limit applies while reading: a row may not run more than rowMax bytes past
	// the end of the previous one, so a cell is never buffered whole before it is refused
	// (/dev/zero read as CSV ends with an error, not out of memory).
	lr := &rowLimitReader{r: br, max: -1}
	if w.maxFile >= 0 {
		lr.max = 2*w.maxFile + 64<<10
	}
	cr := csv.NewReader(lr)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err == io.EOF {
		return
	}
	if err != nil {
		if !silentReadErr(err) {
			w.failf(name, "not a CSV table: %v", err)
		}
		return
	}
	col := func(c string) int {
		for i, h := range header {
			if strings.TrimSpace(h) == c {
				return i
			}
		}
		return -1
	}
	textCol, idCol := col(w.opts.TextColumn), -1
	if textCol < 0 {
		w.failf(name, "no column %q (the header has %s)", w.opts.TextColumn, quoteList(header))
		return
	}
	if w.opts.IDColumn != "" {
		if idCol = col(w.opts.IDColumn); idCol < 0 {
			w.failf(name, "no column %q (the header has %s)", w.opts.IDColumn, quoteList(header))
			return
		}
	}
	for row := 1; !w.stopped(); row++ {
		lr.rowStart = cr.InputOffset()
		rec, err := cr.Read()
		if errors.Is(err, errRowTooLarge) {
			w.failf(name, "row %d is larger than %s (--max-file-size); the rest of the table not read", row, humanBytes(lr.max))
			return
		}
		if err == io.EOF {
			return
		}
		if err != nil {
			if !silentReadErr(err) {
				w.failf(name, "%s; the rest of the table not read", csvErrorText(err, row))
			}
			return
		}
		id := strconv.Itoa(row)
		if idCol >= 0 && idCol < len(rec) && strings.TrimSpace(rec[idCol]) != "" {
			id = strings.TrimSpace(rec[idCol])
		}
		doc := name + "#" + id
		if textCol >= len(rec) {
			w.failf(doc, "row %d has no %q cell", row, w.opts.TextColumn)
			continue
		}
		if w.maxFile >= 0 && int64(len(rec[textCol])) > w.maxFile {
			w.fail(doc, tooLarge(int64(len(rec[textCol])), w.maxFile))
			continue
		}
		w.emit(Item{Name: doc, Data: []byte(rec[textCol])})
	}
}

var errRowTooLarge = errors.New("row too large")

// rowLimitReader fails with errRowTooLarge once more than max bytes (max < 0: no limit)
// were read past rowStart, the offset where the row being read began.
type rowLimitReader struct {
	r             io.Reader
	max, rowStart int64
	n             int64 // bytes read
}

func (l *rowLimitReader) Read(p []byte) (int, error) {
	if l.max >= 0 {
		left := l.rowStart + l.max + 4096 - l.n // csv reads ahead a buffer's worth
		if left <= 0 {
			return 0, errRowTooLarge
		}
		if int64(len(p)) > left {
			p = p[:left]
		}
	}
	n, err := l.r.Read(p)
	l.n += int64(n)
	return n, err
}

// csvErrorText says what is wrong with a CSV table and where: the row (counted as the
// documents are, from 1 after the header) and the line of the file.
func csvErrorText(err error, row int) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		what := pe.Err.Error()
		switch {
		case errors.Is(pe.Err, csv.ErrQuote):
			what = "a quote that does not end (\"...) or stray quotes in an unquoted cell"
		case errors.Is(pe.Err, csv.ErrBareQuote):
			what = "a bare \" in an unquoted cell (write it as \"\" inside a quoted cell)"
		}
		return fmt.Sprintf("row %d (line %d of the file, column %d): %s", row, pe.StartLine, pe.Column, what)
	}
	return fmt.Sprintf("row %d: %v", row, err)
}

func quoteList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}

var errLineTooLong = errors.New("line too long")

// readLine reads one line (without its "\n") of at most max bytes (max < 0: no limit). A
// longer line is skipped to its end and reported with errLineTooLong.
func readLine(br *bufio.Reader, max int64, buf []byte) ([]byte, error) {
	buf = buf[:0]
	tooLong := false
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if max >= 0 && int64(len(buf)+len(chunk)) > max+1 {
				tooLong, buf = true, buf[:0]
			} else {
				buf = append(buf, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if tooLong && (err == nil || err == io.EOF) {
			return nil, errLineTooLong
		}
		return bytes.TrimSuffix(buf, []byte("\n")), err
	}
}

func (w *walker) jsonlTable(name string, r io.Reader) {
	br := bufio.NewReaderSize(r, 64<<10)
	maxLine := int64(-1)
	if w.maxFile >= 0 {
		// JSON escapes (\u4e2d for 中) at most double the size of Chinese text.
		maxLine = 2*w.maxFile + 64<<10
	}
	var buf []byte
	for lineNo := 1; !w.stopped(); lineNo++ {
		line, err := readLine(br, maxLine, buf)
		buf = line
		switch {
		case err == errLineTooLong:
			w.failf(fmt.Sprintf("%s#%d", name, lineNo), "line longer than %s; not read", humanBytes(maxLine))
			continue
		case err != nil && err != io.EOF:
			if !silentReadErr(err) {
				w.failf(name, "read error at line %d: %v", lineNo, err)
			}
			return
		}
		if lineNo == 1 {
			line = bytes.TrimPrefix(line, utf8BOM)
		}
		if it, ok := parseJSONLLine(line, name, lineNo, w.opts.TextColumn, w.opts.IDColumn); ok {
			if it.Err == nil && w.maxFile >= 0 && int64(len(it.Data)) > w.maxFile {
				it = Item{Name: it.Name, Err: tooLarge(int64(len(it.Data)), w.maxFile)}
			}
			w.emit(it)
		}
		if err == io.EOF {
			return
		}
	}
}

// parseJSONLLine reads one line of a JSON Lines table: an object whose textKey holds the
// document and whose idKey, when present, names it (else file#line). ok is false for a
// blank line. Lines that are not such objects give an Item with Err set.
func parseJSONLLine(line []byte, file string, lineNo int, textKey, idKey string) (it Item, ok bool) {
	line = bytes.TrimSpace(line)
	if len(line) == 0 {
		return Item{}, false
	}
	it.Name = fmt.Sprintf("%s#%d", file, lineNo)
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(line, &obj); err != nil || obj == nil {
		if err == nil {
			err = errors.New("null")
		}
		it.Err = fmt.Errorf("not a JSON object: %v", err)
		return it, true
	}
	if raw, has := obj[idKey]; has {
		var s string
		if err := json.Unmarshal(raw, &s); err == nil {
			if s != "" {
				it.Name = s
			}
		} else if n := strings.TrimSpace(string(raw)); n != "null" {
			var num json.Number
			if json.Unmarshal(raw, &num) == nil {
				it.Name = num.String()
			} else {
				it.Err = fmt.Errorf("%q is neither a string nor a number", idKey)
				return it, true
			}
		}
	}
	raw, has := obj[textKey]
	if !has {
		it.Err = fmt.Errorf("no %q key", textKey)
		return it, true
	}
	var text string
	if err := json.Unmarshal(raw, &text); err != nil {
		it.Err = fmt.Errorf("%q is not a string", textKey)
		return it, true
	}
	it.Data = []byte(text)
	it.Encoding = "utf-8"
	return it, true
}
