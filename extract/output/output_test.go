package output

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/policymetrics/policymetrics/extract/internal/golden"

	"github.com/policymetrics/policymetrics/extract"
	"github.com/policymetrics/policymetrics/units"
)

func dec(coef int64, exp int) units.Decimal { return units.NewDecimal(coef, exp) }

func decp(coef int64, exp int) *units.Decimal {
	d := dec(coef, exp)
	return &d
}

// sample holds the cells that are hard to write: quotes, separators, line breaks, formula
// starts, HTML characters, big and small numbers, a negative value, a range.
var sample = []extract.Record{
	{Doc: "002_15ed48a196308db7.txt", Line: 3, Col: 57, Text: "34.1亿元", Value: dec(341, 7), Unit: "元",
		Indicator: "科技投入", Period: "2016", Qualifier: "approx", Change: "", Modality: "",
		Sentence: "2016年投入约34.1亿元，同比增长6.5%。", RawUnit: "元"},
	{Doc: "reports.zip!2017/a,b.txt", Line: 10, Col: 1, Text: "2000-3000片每月", Value: dec(2000, 0), Unit: "片/月",
		Indicator: `"芯片"产能`, Period: "2021-10", Qualifier: "over", Change: "increase", Modality: "target",
		Sentence: "产能\"2000-3000片每月\"，\n第二行\r\n第三行\t制表", Upper: decp(3000, 0)},
	{Doc: "=HYPERLINK(\"http://x\")", Line: 1, Col: 2, Text: "-5%", Value: dec(-5, 0), Unit: "%",
		Indicator: "+增速", Period: "", Qualifier: "under", Change: "decrease", Modality: "",
		Sentence: "@SUM(A1:A2) <b>&amp;</b>"},
	{Doc: "-", Line: 7, Col: 9, Text: "0.0005%", Value: dec(5, -4), Unit: "%",
		Indicator: "\t制表开头", Period: "", Sentence: "\r回车开头", RawUnit: " 前后空格 "},
	{Doc: "big.txt", Line: 1, Col: 1, Text: "1.2万亿元", Value: dec(12, 11), Unit: "元",
		Indicator: "GDP", Sentence: "a,b"},
}

func render(t *testing.T, f Format, opts Options, recs []extract.Record) []byte {
	t.Helper()
	b, err := Encode(f, opts, recs)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		file string
		f    Format
		opts Options
		recs []extract.Record
	}{
		{"sample.jsonl", JSONL, Options{}, sample},
		{"sample.json", JSON, Options{}, sample},
		{"empty.json", JSON, Options{}, nil},
		{"sample.csv", CSV, Options{}, sample},
		{"sample_bom.csv", CSV, Options{BOM: true}, sample[:1]},
		{"empty.csv", CSV, Options{}, nil},
		{"sample.tsv", TSV, Options{}, sample},
	} {
		t.Run(tc.file, func(t *testing.T) {
			golden.Check(t, tc.file, render(t, tc.f, tc.opts, tc.recs))
		})
	}
}

func TestJSONReadsBack(t *testing.T) {
	// JSON Lines and the array carry the same objects, keys in extract.Fields order.
	lines := strings.Split(strings.TrimSpace(string(render(t, JSONL, Options{}, sample))), "\n")
	var arr []json.RawMessage
	if err := json.Unmarshal(render(t, JSON, Options{}, sample), &arr); err != nil {
		t.Fatal(err)
	}
	if len(arr) != len(sample) || len(lines) != len(sample) {
		t.Fatalf("%d array items, %d lines, want %d", len(arr), len(lines), len(sample))
	}
	for i := range arr {
		if string(arr[i]) != lines[i] {
			t.Errorf("record %d: array %s, line %s", i, arr[i], lines[i])
		}
		var back extract.Record
		if err := json.Unmarshal(arr[i], &back); err != nil {
			t.Fatal(err)
		}
		if !back.Value.Equal(sample[i].Value) || back.Sentence != sample[i].Sentence {
			t.Errorf("record %d does not read back: %+v", i, back)
		}
		last := -1
		for _, f := range extract.Fields {
			at := strings.Index(lines[i], `"`+f+`":`)
			if at < 0 {
				continue // omitted extras
			}
			if at < last {
				t.Errorf("record %d: key %q out of extract.Fields order: %s", i, f, lines[i])
			}
			last = at
		}
	}
	if !strings.Contains(lines[0], `"value":3410000000,`) || !strings.Contains(lines[4], `"value":1200000000000,`) {
		t.Errorf("values not plain decimals: %s / %s", lines[0], lines[4])
	}
	if !strings.Contains(lines[2], "<b>&amp;</b>") {
		t.Errorf("HTML was escaped: %s", lines[2])
	}
}

func TestCSVReadsBack(t *testing.T) {
	out := render(t, CSV, Options{BOM: true}, sample)
	if !bytes.HasPrefix(out, []byte("\xEF\xBB\xBFdoc,line,")) {
		t.Fatalf("no BOM and header: %q", out[:20])
	}
	r := csv.NewReader(bytes.NewReader(out[3:]))
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != strings.Join(extract.Fields, ",") {
		t.Errorf("header %v", rows[0])
	}
	col := map[string]int{}
	for i, f := range rows[0] {
		col[f] = i
	}
	// encoding/csv turns \r\n inside a quoted field into \n.
	if got, want := rows[2][col["sentence"]], "产能\"2000-3000片每月\"，\n第二行\n第三行\t制表"; got != want {
		t.Errorf("sentence %q, want %q", got, want)
	}
	for _, c := range []struct {
		row  int
		f    string
		want string
	}{
		{3, "doc", `'=HYPERLINK("http://x")`},
		{3, "text", "'-5%"},
		{3, "value", "-5"},
		{3, "indicator", "'+增速"},
		{3, "sentence", "'@SUM(A1:A2) <b>&amp;</b>"},
		{4, "doc", "'-"},
		{4, "indicator", "'\t制表开头"},
		{4, "sentence", "'\r回车开头"},
		{4, "value", "0.0005"},
		{4, "raw_unit", " 前后空格 "},
		{2, "upper", "3000"},
		{1, "upper", ""},
		{5, "value", "1200000000000"},
	} {
		if got := rows[c.row][col[c.f]]; got != c.want {
			t.Errorf("row %d %s = %q, want %q", c.row, c.f, got, c.want)
		}
	}
}

func TestTSVCells(t *testing.T) {
	out := string(render(t, TSV, Options{}, sample))
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(sample)+1 {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), len(sample)+1, out)
	}
	for i, l := range lines {
		if n := strings.Count(l, "\t"); n != len(extract.Fields)-1 {
			t.Errorf("line %d has %d tabs: %q", i, n, l)
		}
	}
	for in, want := range map[string]string{"a\tb": "a b", "a\r\nb": "a b", "a\n\nb": "a  b", "=x": "=x", "plain": "plain"} {
		if got := TSVCell(in); got != want {
			t.Errorf("TSVCell(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCSVCell(t *testing.T) {
	for _, c := range []struct {
		in   string
		num  bool
		want string
	}{
		{"", false, ""},
		{"abc", false, "abc"},
		{"a,b", false, `"a,b"`},
		{`say "hi"`, false, `"say ""hi"""`},
		{"=1+1", false, "'=1+1"},
		{"=1,2", false, `"'=1,2"`},
		{"-3", true, "-3"},
		{"-3", false, "'-3"},
		{"@x", false, "'@x"},
		{"+x", false, "'+x"},
		{"\tx", false, "'\tx"},
		{"\rx", false, "\"'\rx\""},
		{"x=1", false, "x=1"},
		{" x", false, `" x"`},
	} {
		if got := CSVCell(c.in, c.num); got != c.want {
			t.Errorf("CSVCell(%q, %v) = %q, want %q", c.in, c.num, got, c.want)
		}
	}
}

func TestFormats(t *testing.T) {
	for in, want := range map[string]Format{".csv": CSV, "out/x.CSV": CSV, "a.jsonl": JSONL, "a.ndjson": JSONL,
		"a.json": JSON, "a.tsv": TSV, "a.tab": TSV, "a.XLSX": XLSX, ".xlsx": XLSX} {
		if got, ok := FormatFromPath(in); !ok || got != want {
			t.Errorf("FormatFromPath(%q) = %q, %v", in, got, ok)
		}
	}
	for _, in := range []string{"a.txt", "a", ".xls"} {
		if got, ok := FormatFromPath(in); ok {
			t.Errorf("FormatFromPath(%q) = %q", in, got)
		}
	}
	for _, f := range Formats {
		if got, err := ParseFormat(strings.ToUpper(string(f))); err != nil || got != f {
			t.Errorf("ParseFormat(%q) = %q, %v", f, got, err)
		}
	}
	if _, err := ParseFormat("xls"); err == nil {
		t.Error("xls accepted")
	}
	if _, err := New(&bytes.Buffer{}, "xml", Options{}); err == nil {
		t.Error("New accepted format xml")
	}
}

// failWriter fails every write, as a full disk or a closed pipe does.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, os.ErrClosed }

func TestWriteErrorsSurface(t *testing.T) {
	for _, f := range Formats {
		w, _ := New(failWriter{}, f, Options{})
		var err error
		for i := 0; i < 2000 && err == nil; i++ {
			err = w.Write(&sample[1])
		}
		if err == nil {
			err = w.Close()
		}
		if err == nil {
			t.Errorf("%s: write error lost", f)
		}
	}
}

// The hand-written JSON is encoding/json's, byte for byte.
func checkSameAsEncodingJSON(t *testing.T, r *extract.Record) {
	t.Helper()
	var want bytes.Buffer
	enc := json.NewEncoder(&want)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		t.Fatal(err)
	}
	got := append(appendRecordJSON(nil, r, new(encodedStrings)), '\n')
	if !bytes.Equal(got, want.Bytes()) {
		t.Fatalf("record %+v\ngot  %s\nwant %s", r, got, want.Bytes())
	}
}

func TestJSONMatchesEncodingJSON(t *testing.T) {
	for i := range sample {
		checkSameAsEncodingJSON(t, &sample[i])
	}
	// Every field set: a field added to Record and not to appendRecordJSON fails here.
	all := extract.Record{Doc: "d", Line: 1, Col: 2, Text: "t", Value: dec(15, -1), Unit: "u", Indicator: "i", Period: "p",
		Qualifier: "q", Change: "c", Modality: "m", Sentence: "s", Upper: decp(2, 0), RawUnit: "r"}
	checkSameAsEncodingJSON(t, &all)
	checkSameAsEncodingJSON(t, &extract.Record{Sentence: "\x00\x01\x1f\x7f\b\f\u2028\u2029\xff\xfe<>&'\"\\ 中"})
	// The edges of the three-byte fast path.
	for _, s := range []string{"\xe0\xa0\x80", "\xe0\x80\x80", "\xed\x9f\xbf", "\xed\xa0\x80", "\xef\xbf\xbf", "\xe2\x80\xa8x",
		"\xe2\x80\xa9", "\xe2\x80\xaa", "\xe3\x80", "中\xe3", "\xe3\x80\xc0", "\xf0\x9f\x98\x80", "\xc3\xa9"} {
		checkSameAsEncodingJSON(t, &extract.Record{Sentence: s, Doc: "a" + s + "b"})
	}
}

func FuzzJSONString(f *testing.F) {
	for _, s := range []string{"", "abc", "中文\n", "\x00\xff", "\u2028", `"\`, "\xe2\x80", "<&>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkSameAsEncodingJSON(t, &extract.Record{Doc: s, Sentence: s, RawUnit: s})
	})
}

// TestJSONStringMatchesEncodingJSON holds appendJSONString, with its runs of plain ASCII
// and CJK read in loops of their own, to encoding/json over every string field of the
// corpus records and over ASCII runs ended at each kind of byte that needs care.
func TestJSONStringMatchesEncodingJSON(t *testing.T) {
	var strs []string
	paths, err := filepath.Glob("../../testdata/corpus/*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatal("no corpus", err)
	}
	for _, p := range paths[:4] {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		recs, err := extract.Document(p, data, extract.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range recs {
			strs = append(strs, r.Text, r.Unit, r.Indicator, r.Concept, r.Period, r.Qualifier, r.Sentence, r.RawUnit)
		}
	}
	for _, end := range []string{"", "\"", "\\", "\n", "\x00", "\x1f", "\x7f", " ", "中", "\u2028", "\xff", "\xe4\xb8", "é", "😀"} {
		for _, run := range []string{"", "1", "19556", "6.5% of ", "abcdefghijklmnopq"} {
			strs = append(strs, run+end, run+end+run, "增长"+run+end+"亿元")
		}
	}
	for _, s := range strs {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		if got := appendJSONString(nil, s); !bytes.Equal(append(got, '\n'), want.Bytes()) {
			t.Fatalf("%q: got %s, want %s", s, got, want.Bytes())
		}
	}
}

// TestAppendInt holds appendInt, which writes numbers below 10000 digit by digit, to
// strconv over those numbers, their edges and beyond.
func TestAppendInt(t *testing.T) {
	ns := []int{math.MinInt, math.MaxInt, -10000, 99999, 100000, 1 << 30}
	for n := -100; n <= 20000; n++ {
		ns = append(ns, n)
	}
	for _, n := range ns {
		if got, want := appendInt([]byte("x"), n), strconv.AppendInt([]byte("x"), int64(n), 10); !bytes.Equal(got, want) {
			t.Fatalf("%d: got %s, want %s", n, got, want)
		}
	}
}

// TestJSONWriterBuffer: records written past the writer's buffer, and so in several writes
// to the io.Writer, come out whole and in order, as JSON Lines and as a JSON array.
func TestJSONWriterBuffer(t *testing.T) {
	var recs []extract.Record
	for len(recs)*len(sample[0].Sentence) < 3*jsonBuffer {
		recs = append(recs, sample...)
	}
	var lines, array []byte
	for i := range recs {
		lines = append(appendRecordJSONPlain(lines, &recs[i]), '\n')
		sep := ",\n"
		if i == 0 {
			sep = "[\n"
		}
		array = appendRecordJSONPlain(append(array, sep...), &recs[i])
	}
	array = append(array, "\n]\n"...)
	for f, want := range map[Format][]byte{JSONL: lines, JSON: array} {
		var w chunks
		jw, _ := New(&w, f, Options{})
		for i := range recs {
			if err := jw.Write(&recs[i]); err != nil {
				t.Fatal(err)
			}
		}
		if err := jw.Close(); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(w.Bytes(), want) || w.n < 3 {
			t.Errorf("%s: %d bytes in %d writes, want %d bytes in 3 or more", f, w.Len(), w.n, len(want))
		}
	}
}

// chunks is a bytes.Buffer that counts the writes to it.
type chunks struct {
	bytes.Buffer
	n int
}

func (c *chunks) Write(p []byte) (int, error) {
	c.n++
	return c.Buffer.Write(p)
}
