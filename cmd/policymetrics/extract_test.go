package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/xuri/excelize/v2"

	"github.com/policymetrics/policymetrics/extract"
	"github.com/policymetrics/policymetrics/extract/output"
	"github.com/policymetrics/policymetrics/units"
)

// extractFakeDoc stands in for extract.Document: one record per run of ASCII digits, on
// its line and column; indicator says which encoding it was asked for. A document
// starting with FAIL fails, one starting with PANIC panics, one starting with SLEEP
// takes 5 ms, one starting with SIGINT interrupts the process (once).
func extractFakeDoc(name string, data []byte, opts extract.Options) ([]extract.Record, error) {
	text := string(data)
	switch {
	case strings.HasPrefix(text, "FAIL"):
		return nil, fmt.Errorf("%s: %s", name, "cannot make sense of it")
	case strings.HasPrefix(text, "PANIC"):
		panic("fake extractor gave up")
	case strings.HasPrefix(text, "SLEEP"):
		time.Sleep(5 * time.Millisecond)
	case strings.HasPrefix(text, "SIGINT"):
		interruptSelf()
		time.Sleep(50 * time.Millisecond)
	}
	var recs []extract.Record
	for i, line := range strings.Split(text, "\n") {
		runes := []rune(line)
		for c := 0; c < len(runes); c++ {
			if !unicode.IsDigit(runes[c]) || runes[c] > 127 {
				continue
			}
			e := c
			for e < len(runes) && runes[e] >= '0' && runes[e] <= '9' {
				e++
			}
			v, err := units.ParseDecimal(string(runes[c:e]))
			if err != nil {
				return nil, err
			}
			recs = append(recs, extract.Record{Doc: name, Line: i + 1, Col: c + 1, Text: string(runes[c:e]), Value: v,
				Unit: "个", Indicator: "enc=" + opts.Encoding, Sentence: line})
			c = e
		}
	}
	return recs, nil
}

func useExtractFake(t *testing.T) {
	t.Helper()
	old := extractCmdDocument
	extractCmdDocument = streamOf(extractFakeDoc)
	t.Cleanup(func() { extractCmdDocument = old })
}

// runExtractCLI runs the command line in process with stderr a terminal or not.
func runExtractCLI(t *testing.T, stdin string, errTerminal bool, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	ios := &IOStreams{In: strings.NewReader(stdin), Out: &out, ErrOut: &errOut, ErrIsTerminal: errTerminal}
	code := run(args, ios)
	return out.String(), errOut.String(), code
}

// docsDir writes files (name → content) into a new directory.
func docsDir(t *testing.T, files map[string]string) string {
	t.Helper()
	d := t.TempDir()
	for name, content := range files {
		p := filepath.Join(d, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return d
}

func stderrLines(s string) []string {
	s = strings.TrimRight(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

func TestExtractFormats(t *testing.T) {
	useExtractFake(t)
	d := docsDir(t, map[string]string{"a.txt": "增长12%，达到3400亿元\n第2行", "b.txt": "=1+1 is 2"})
	a, b := filepath.Join(d, "a.txt"), filepath.Join(d, "b.txt")
	for _, c := range []struct {
		name  string
		args  []string
		file  string // output file to read instead of stdout
		check func(t *testing.T, out string)
	}{
		{"jsonl default", []string{a, b}, "", func(t *testing.T, out string) {
			lines := stderrLines(out)
			if len(lines) != 6 || !strings.HasPrefix(lines[0], `{"doc":"`+a+`","line":1,"col":3,"text":"12","value":12,"unit":"个"`) {
				t.Errorf("got %q", out)
			}
		}},
		{"json array", []string{"--format", "json", a}, "", func(t *testing.T, out string) {
			var recs []map[string]any
			if err := json.Unmarshal([]byte(out), &recs); err != nil || len(recs) != 3 {
				t.Errorf("%v: %q", err, out)
			}
		}},
		{"csv on stdout: no BOM", []string{"--format", "csv", b}, "", func(t *testing.T, out string) {
			want := "doc,line,col,text,value,unit,indicator,concept,area,period,qualifier,change,modality,sentence,upper,raw_unit,page\r\n" +
				b + ",1,2,1,1,个,enc=,,,,,,,'=1+1 is 2,,,\r\n"
			if !strings.HasPrefix(out, want) {
				t.Errorf("got %q\nwant prefix %q", out, want)
			}
		}},
		{"csv on stdout with --bom", []string{"--format", "csv", "--bom", b}, "", func(t *testing.T, out string) {
			if !strings.HasPrefix(out, "\uFEFFdoc,") {
				t.Errorf("no BOM: %q", out)
			}
		}},
		{"-o x.csv: format from the name, BOM", []string{"-o", "OUT/x.csv", b}, "x.csv", func(t *testing.T, out string) {
			if !strings.HasPrefix(out, "\uFEFFdoc,line,") {
				t.Errorf("got %q", out)
			}
		}},
		{"-o x.csv --bom=false", []string{"-o", "OUT/x.csv", "--bom=false", b}, "x.csv", func(t *testing.T, out string) {
			if !strings.HasPrefix(out, "doc,line,") {
				t.Errorf("got %q", out)
			}
		}},
		{"-o x.tsv", []string{"-o", "OUT/x.tsv", b}, "x.tsv", func(t *testing.T, out string) {
			if !strings.HasPrefix(out, "doc\tline\t") || !strings.Contains(out, "\t=1+1 is 2\t") {
				t.Errorf("got %q", out)
			}
		}},
		{"--format beats the extension", []string{"-o", "OUT/x.csv", "--format", "jsonl", b}, "x.csv", func(t *testing.T, out string) {
			if !strings.HasPrefix(out, `{"doc":`) {
				t.Errorf("got %q", out)
			}
		}},
		{"--encoding passes through", []string{"--encoding", "gbk", b}, "", func(t *testing.T, out string) {
			if !strings.Contains(out, `"indicator":"enc=gbk"`) {
				t.Errorf("got %q", out)
			}
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			outDir := t.TempDir()
			args := append([]string{"extract"}, c.args...)
			for i := range args {
				args[i] = strings.Replace(args[i], "OUT/", outDir+"/", 1)
			}
			out, errOut, code := runExtractCLI(t, "", false, args...)
			if code != 0 || errOut != "" {
				t.Fatalf("exit %d, stderr %q", code, errOut)
			}
			if c.file != "" {
				if out != "" {
					t.Errorf("stdout %q with -o", out)
				}
				b, err := os.ReadFile(filepath.Join(outDir, c.file))
				if err != nil {
					t.Fatal(err)
				}
				out = string(b)
			}
			c.check(t, out)
		})
	}
}

func TestExtractUsageErrors(t *testing.T) {
	useExtractFake(t)
	d := docsDir(t, map[string]string{"a.txt": "1"})
	a := filepath.Join(d, "a.txt")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--format", "xml", a}, "unknown format"},
		{[]string{"-o", filepath.Join(d, "out.xls"), a}, "give --format"},
		{[]string{"-o", d, a}, "-o " + d + " is a directory: give a file name in it"},
		{[]string{"-o", "nosuchdir/", a}, "-o nosuchdir/ is a directory"},
		{[]string{"-j", "0", a}, "-j must be at least 1"},
		{[]string{"--encoding", "gbkk", a}, "unknown encoding \"gbkk\""},
		{[]string{"--input-format", "csv", a}, "needs --text-column"},
		{[]string{"--input-format", "xml", a}, "unknown input format"},
		{[]string{"--text-column", "t", a}, "need --input-format csv or jsonl"},
		{[]string{"--bom", a}, "--bom is for csv and tsv"},
		{[]string{"--include", "[", a}, "bad pattern"},
		{[]string{"--max-file-size", "lots", a}, "not a size"},
		{[]string{"-", "-"}, "only once"},
		{[]string{"-o", filepath.Join(d, "x.jsonl"), "--errors", filepath.Join(d, "x.jsonl"), a}, "a file of its own"},
		{[]string{"--no-such-flag", a}, "unknown flag"},
		{[]string{"--doc-name", "full", a}, "--doc-name: unknown document naming"},
	} {
		out, errOut, code := runExtractCLI(t, "", false, append([]string{"extract"}, c.args...)...)
		if code != 2 || out != "" || !strings.Contains(errOut, c.want) || len(stderrLines(errOut)) != 1 {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 and %q", c.args, code, out, errOut, c.want)
		}
	}
}

// manyDocs is a directory of small documents, some failing in each way there is.
func manyDocs(t *testing.T, n int) string {
	files := map[string]string{}
	for i := range n {
		name := fmt.Sprintf("d%03d/doc%04d.txt", i%7, i)
		switch i % 10 {
		case 3:
			files[name] = "FAIL at once"
		case 5:
			files[name] = "PANIC now"
		case 7:
			files[name] = "bin\x00\x00ary\x01\x02\x03"
		case 8:
			files[name] = "SLEEP then 1 and 22 and 333"
		default:
			files[name] = strings.Repeat(fmt.Sprintf("第%d行：%d个, %d%%\n", i, i*3, i%100), 1+i%5)
		}
	}
	return docsDir(t, files)
}

func TestExtractSameOutputAtAnyJ(t *testing.T) {
	useExtractFake(t)
	d := manyDocs(t, 300)
	for _, format := range []string{"jsonl", "csv"} {
		out1, err1, code1 := runExtractCLI(t, "", false, "extract", "-j", "1", "--format", format, d)
		if code1 != 1 || len(stderrLines(err1)) != 90 || out1 == "" {
			t.Fatalf("-j 1: exit %d, %d stderr lines, %d bytes out", code1, len(stderrLines(err1)), len(out1))
		}
		for _, j := range []string{"2", "3", "8"} {
			out, errOut, code := runExtractCLI(t, "", false, "extract", "-j", j, "--format", format, d)
			if out != out1 || errOut != err1 || code != code1 {
				t.Errorf("%s at -j %s differs from -j 1 (exit %d vs %d)", format, j, code, code1)
			}
		}
	}
}

func TestExtractBadInputs(t *testing.T) {
	useExtractFake(t)
	zipOf := func(members map[string]string) string {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, name := range []string{"a.txt", "b.txt"} {
			if c, ok := members[name]; ok {
				w, _ := zw.Create(name)
				w.Write([]byte(c))
			}
		}
		zw.Close()
		return buf.String()
	}
	good := "有1个好文件"
	for _, c := range []struct {
		name  string
		setup func(t *testing.T, dir string) // makes the bad input in dir
		args  []string
		bad   string // the input the stderr line names, relative to dir
		why   string
	}{
		{"corrupt zip", func(t *testing.T, d string) {
			os.WriteFile(filepath.Join(d, "x.zip"), []byte("PK\x03\x04 broken"), 0o644)
		}, nil, "x.zip", "corrupt zip archive"},
		{"binary file", func(t *testing.T, d string) {
			os.WriteFile(filepath.Join(d, "x.txt"), []byte("\x89PNG\r\n\x1a\n\x00\x01\x02"), 0o644)
		}, nil, "x.txt", "binary file (PNG image)"},
		{"oversized file", func(t *testing.T, d string) {
			os.WriteFile(filepath.Join(d, "x.txt"), bytes.Repeat([]byte("大"), 1000), 0o644)
		}, []string{"--max-file-size", "2KiB"}, "x.txt", "3000 bytes, larger than the 2 KiB limit (--max-file-size)"},
		{"zip bomb", func(t *testing.T, d string) {
			os.WriteFile(filepath.Join(d, "x.zip"), []byte(zipOf(map[string]string{"a.txt": strings.Repeat(" ", 5<<20), "b.txt": good})), 0o644)
		}, nil, "x.zip!a.txt", "over the limit of 200:1 (--max-ratio)"},
		{"symlink loop", func(t *testing.T, d string) {
			if err := os.Symlink(".", filepath.Join(d, "loop")); err != nil {
				t.Skip(err)
			}
		}, nil, "loop", "symbolic link loop"},
		{"broken link", func(t *testing.T, d string) {
			if err := os.Symlink("nowhere", filepath.Join(d, "x.txt")); err != nil {
				t.Skip(err)
			}
		}, nil, "x.txt", "broken symbolic link"},
		{"unreadable file", func(t *testing.T, d string) {
			if os.Geteuid() == 0 {
				t.Skip("root reads files whatever their mode")
			}
			os.WriteFile(filepath.Join(d, "x.txt"), []byte("1"), 0)
		}, nil, "x.txt", "permission denied"},
		{"extraction fails", func(t *testing.T, d string) { os.WriteFile(filepath.Join(d, "x.txt"), []byte("FAIL"), 0o644) }, nil, "x.txt", "cannot make sense of it"},
		{"extractor panics", func(t *testing.T, d string) { os.WriteFile(filepath.Join(d, "x.txt"), []byte("PANIC"), 0o644) }, nil, "x.txt", "extractor panic: fake extractor gave up"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := docsDir(t, map[string]string{"good1.txt": good, "z/good2.txt": good})
			c.setup(t, d)
			args := append(append([]string{"extract"}, c.args...), d, filepath.Join(d, "missing.txt"))
			out, errOut, code := runExtractCLI(t, "", false, args...)
			lines := stderrLines(errOut)
			wantLine := "policymetrics: " + filepath.Join(d, c.bad) + ": "
			if code != 1 || len(lines) != 2 || !strings.HasPrefix(lines[0], wantLine) || !strings.Contains(lines[0], c.why) {
				t.Errorf("exit %d, stderr:\n%s\nwant exit 1 and one line %q…%q", code, errOut, wantLine, c.why)
			}
			if len(lines) > 1 && lines[1] != "policymetrics: "+filepath.Join(d, "missing.txt")+": no such file or directory" {
				t.Errorf("missing file reported as %q", lines[1])
			}
			// The good documents are read all the same (and, for the bomb, the member after it).
			if n := strings.Count(out, `"text":"1"`); n < 2 {
				t.Errorf("%d good documents in the output:\n%s", n, out)
			}
		})
	}
}

func TestExtractAtomicOutput(t *testing.T) {
	useExtractFake(t)
	d := docsDir(t, map[string]string{"a.txt": "1", "b.txt": "SIGINT 2", "c.txt": "3", "d.txt": "SLEEP 4", "e.txt": "SLEEP 5", "f.txt": "SLEEP 6"})
	outDir := t.TempDir()
	target := filepath.Join(outDir, "records.jsonl")
	errFile := filepath.Join(outDir, "errors.jsonl")
	if err := os.WriteFile(target, []byte("previous run\n"), 0o640); err != nil {
		t.Fatal(err)
	}
	left := func() []string {
		ents, _ := os.ReadDir(outDir)
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		return names
	}

	// Interrupted (the fake sends SIGINT to this process): the old file stays, no temp file.
	_, errOut, code := runExtractCLI(t, "", false, "extract", "-j", "1", "-o", target, "--errors", errFile, d)
	if code != exitInterrupted || !strings.Contains(errOut, "interrupted; "+target+" not written") {
		t.Errorf("interrupt: exit %d, stderr %q", code, errOut)
	}
	if b, _ := os.ReadFile(target); string(b) != "previous run\n" {
		t.Errorf("interrupted run changed the file: %q", b)
	}
	if got := left(); len(got) != 1 || got[0] != "records.jsonl" {
		t.Errorf("left behind: %v", got)
	}

	// Completed, some inputs failing: the file is replaced, keeping its mode.
	os.WriteFile(filepath.Join(d, "b.txt"), []byte("FAIL"), 0o644)
	_, errOut, code = runExtractCLI(t, "", false, "extract", "-o", target, "--errors", errFile, "--quiet", d)
	if code != 1 || errOut != "" {
		t.Errorf("exit %d, stderr %q (with --quiet and --errors, failures go to the file only)", code, errOut)
	}
	b, _ := os.ReadFile(target)
	if strings.Count(string(b), "\n") != 5 || strings.Contains(string(b), "previous") {
		t.Errorf("output file: %q", b)
	}
	if fi, _ := os.Stat(target); fi.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640 as before", fi.Mode().Perm())
	}
	if e, _ := os.ReadFile(errFile); string(e) != `{"doc":"`+filepath.Join(d, "b.txt")+`","error":"cannot make sense of it"}`+"\n" {
		t.Errorf("errors file: %q", e)
	}
	if got := left(); strings.Join(got, " ") != "errors.jsonl records.jsonl" {
		t.Errorf("left behind: %v", got)
	}

	// An output that cannot be created is a failure before anything is read.
	_, errOut, code = runExtractCLI(t, "", false, "extract", "-o", filepath.Join(outDir, "no/such/dir/x.jsonl"), d)
	if code != 1 || !strings.Contains(errOut, "cannot write") || !strings.Contains(errOut, "no such file or directory") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

func TestExtractStatsAndProgress(t *testing.T) {
	useExtractFake(t)
	d := manyDocs(t, 40)
	_, errOut, code := runExtractCLI(t, "", false, "extract", "--stats", "--quiet", "--errors", filepath.Join(t.TempDir(), "e.jsonl"), d)
	lines := stderrLines(errOut)
	if code != 1 || len(lines) != 1 || !strings.HasPrefix(lines[0], "policymetrics: 28 documents, 0.0 MB, ") || !strings.Contains(lines[0], " records, 12 errors, ") || !strings.Contains(lines[0], " MB/s (") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	// No terminal: no progress bar.
	_, errOut, _ = runExtractCLI(t, "", false, "extract", d)
	if strings.Contains(errOut, "extracting") || strings.Contains(errOut, "\r") {
		t.Errorf("progress without a terminal: %q", errOut)
	}
	// A terminal: a progress bar (cleared at the end), error lines over it.
	_, errOut, _ = runExtractCLI(t, "", true, "extract", d)
	if !strings.Contains(errOut, " extracting (") && !strings.Contains(errOut, "docs, ") || !strings.Contains(errOut, "\r\x1b[2Kpolicymetrics: ") {
		t.Errorf("no progress on a terminal: %q", errOut)
	}
	// Records to the same terminal: no bar drawn into them; with -o FILE, a bar.
	var out, errBuf bytes.Buffer
	run([]string{"extract", d}, &IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errBuf, OutIsTerminal: true, ErrIsTerminal: true})
	if strings.Contains(errBuf.String(), "extracting") || strings.Contains(out.String(), "\r") {
		t.Errorf("progress with records on the terminal: %q", errBuf.String())
	}
	errBuf.Reset()
	run([]string{"extract", "-o", filepath.Join(t.TempDir(), "x.jsonl"), d}, &IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errBuf, OutIsTerminal: true, ErrIsTerminal: true})
	if !strings.Contains(errBuf.String(), "extracting") {
		t.Errorf("no progress with -o FILE on a terminal: %q", errBuf.String())
	}
	_, errOut, _ = runExtractCLI(t, "", true, "extract", "--quiet", d)
	if strings.Contains(errOut, "extracting") || strings.Contains(errOut, "docs, ") {
		t.Errorf("progress with --quiet: %q", errOut)
	}
}

func TestExtractTables(t *testing.T) {
	useExtractFake(t)
	in := `{"doc":"a.txt","text":"增长5%"}` + "\n" + `{"doc":"b.txt","text":"FAIL"}` + "\n" + "bad line\n" + `{"doc":"c.txt","text":"7个"}` + "\n"
	out, errOut, code := runExtractCLI(t, in, false, "extract", "--input-format", "jsonl", "--encoding", "gbk", "-")
	if code != 1 {
		t.Errorf("exit %d", code)
	}
	if got := stderrLines(errOut); strings.Join(got, "\n") != "policymetrics: b.txt: cannot make sense of it\npolicymetrics: -#3: not a JSON object: invalid character 'b' looking for beginning of value" {
		t.Errorf("stderr %q", errOut)
	}
	want := `{"doc":"a.txt","line":1,"col":3,"text":"5","value":5,"unit":"个","indicator":"enc=utf-8",`
	if !strings.HasPrefix(out, want) || !strings.Contains(out, `"doc":"c.txt"`) {
		t.Errorf("stdout %q", out)
	}

	d := docsDir(t, map[string]string{"t.csv": "province,full_text\n安徽,增长5%\n北京,\"3个\n4个\"\n"})
	out, errOut, code = runExtractCLI(t, "", false, "extract", "--input-format", "csv", "--text-column", "full_text", "--id-column", "province", "--format", "tsv", filepath.Join(d, "t.csv"))
	lines := stderrLines(out)
	if code != 0 || errOut != "" || len(lines) != 4 || !strings.HasPrefix(lines[1], filepath.Join(d, "t.csv")+"#安徽\t1\t3\t5\t") || !strings.HasPrefix(lines[3], filepath.Join(d, "t.csv")+"#北京\t2\t1\t4\t") {
		t.Errorf("exit %d, stderr %q, stdout %q", code, errOut, out)
	}
}

func TestExtractHelp(t *testing.T) {
	out, _, code := runExtractCLI(t, "", false, "extract", "--help")
	for _, want := range []string{"Exit status: 0 when every input was read, 1 when some input failed", "2 on a usage error", "Examples:", "--max-ratio", "parallel --pipe"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("help lacks %q", want)
		}
	}
}

func TestByteSize(t *testing.T) {
	for in, want := range map[string]int64{"100MiB": 100 << 20, "100M": 100 << 20, "1.5G": 3 << 29, "2KB": 2000, "4096": 4096, "0": 0, "10 mb": 10e6, "7B": 7} {
		var b byteSize
		if err := b.Set(in); err != nil || int64(b) != want {
			t.Errorf("Set(%q) = %d, %v; want %d", in, b, err, want)
		}
	}
	for _, in := range []string{"", "MiB", "-1", "x", "1e30"} {
		var b byteSize
		if err := b.Set(in); err == nil {
			t.Errorf("Set(%q) accepted", in)
		}
	}
	b := byteSize(100 << 20)
	if b.String() != "100MiB" {
		t.Errorf("String() = %q", b.String())
	}
}

func TestExtractXLSX(t *testing.T) {
	useExtractFake(t)
	d := docsDir(t, map[string]string{"a.txt": "增长12%，达到3400亿元\n2025", "b.txt": "FAIL", "c.txt": "无"})
	out := filepath.Join(t.TempDir(), "x.xlsx")
	stdout, errOut, code := runExtractCLI(t, "", false, "extract", "-o", out, d)
	if code != 1 || stdout != "" || !strings.Contains(errOut, "b.txt: cannot make sense of it") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, errOut)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, _ := f.GetRows(output.RecordsSheet)
	docs, _ := f.GetRows(output.DocumentsSheet)
	if len(recs) != 4 || recs[3][3] != "2025" {
		t.Errorf("records sheet %q", recs)
	}
	if ty, _ := f.GetCellType(output.RecordsSheet, "D4"); ty != excelize.CellTypeInlineString {
		t.Errorf("text 2025 typed %v, want text", ty)
	}
	if ty, _ := f.GetCellType(output.RecordsSheet, "E4"); ty != excelize.CellTypeUnset {
		t.Errorf("value 2025 typed %v, want a number", ty)
	}
	want := [][]string{{"doc", "records", "error"}, {filepath.Join(d, "a.txt"), "3"},
		{filepath.Join(d, "b.txt"), "0", "cannot make sense of it"}, {filepath.Join(d, "c.txt"), "0"}}
	if fmt.Sprint(docs) != fmt.Sprint(want) {
		t.Errorf("documents sheet %q, want %q", docs, want)
	}

	// --format xlsx on standard output, when it is not a terminal; never on one.
	stdout, errOut, code = runCLI(t, "", false, "extract", "--format", "xlsx", filepath.Join(d, "a.txt"))
	if code != 0 || errOut != "" || !strings.HasPrefix(stdout, "PK") {
		t.Errorf("xlsx to a pipe: exit %d, stderr %q", code, errOut)
	}
	stdout, errOut, code = runCLI(t, "", true, "extract", "--format", "xlsx", filepath.Join(d, "a.txt"))
	if code != 2 || stdout != "" || !strings.Contains(errOut, "-o FILE.xlsx") {
		t.Errorf("xlsx to a terminal: exit %d, stdout %q, stderr %q", code, stdout, errOut)
	}
}

func TestExtractStdin(t *testing.T) {
	useExtractFake(t)
	// No input named, stdin a pipe: stdin is read, as -.
	out, errOut, code := runCLIIn(t, "增长12%", false, "extract", "--format", "tsv")
	if code != 0 || errOut != "" || !strings.Contains(out, "\n-\t1\t3\t12\t") {
		t.Errorf("stdin: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	// On a terminal: the usage error, nothing read.
	out, errOut, code = runCLIIn(t, "增长12%", true, "extract")
	if code != 2 || out != "" || !strings.Contains(errOut, "extract needs an input") {
		t.Errorf("terminal: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

func TestExtractNoDocuments(t *testing.T) {
	useExtractFake(t)
	empty := t.TempDir()
	d := docsDir(t, map[string]string{"a.txt": "1"})
	out := filepath.Join(t.TempDir(), "x.csv")
	os.WriteFile(out, []byte("earlier"), 0o644)
	for _, args := range [][]string{{empty}, {"--include", "*.pdf", d}, {"-o", out, empty}, {"-q", empty}} {
		stdout, errOut, code := runCLIIn(t, "", true, append([]string{"extract"}, args...)...)
		want := "policymetrics: no documents found in " + args[len(args)-1] + "\n"
		if code != 1 || stdout != "" || errOut != want {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 1 and %q", args, code, stdout, errOut, want)
		}
	}
	if b, _ := os.ReadFile(out); string(b) != "earlier" {
		t.Errorf("-o FILE replaced by a run that read nothing: %q", b)
	}
}

func TestExtractDocName(t *testing.T) {
	useExtractFake(t)
	d := docsDir(t, map[string]string{"2020/a.txt": "1"})
	for mode, want := range map[string]string{"path": filepath.Join(d, "2020", "a.txt"), "rel": "2020/a.txt", "base": "a.txt"} {
		out, errOut, code := runExtractCLI(t, "", false, "extract", "--doc-name", mode, "--format", "tsv", d)
		if code != 0 || errOut != "" || !strings.Contains(out, "\n"+want+"\t1\t1\t") {
			t.Errorf("--doc-name %s: exit %d, stdout %q, stderr %q; want doc %q", mode, code, out, errOut, want)
		}
	}
}

func TestFlagCompletion(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"extract", "--format", ""}, "jsonl\njson\ncsv\ntsv\nxlsx\n:4\n"},
		{[]string{"extract", "--encoding", "gb"}, "auto\nutf-8\ngb18030\ngbk\ngb2312\nbig5\nutf-16\nutf-16le\nutf-16be\n:4\n"},
		{[]string{"extract", "--input-format", ""}, "text\ncsv\njsonl\ntable\n:4\n"},
		{[]string{"extract", "--doc-name", ""}, "path\nbase\nrel\n:4\n"},
		{[]string{"check", "--encoding", ""}, "auto\nutf-8\n"},
	} {
		out, _, code := runCLI(t, "", false, append([]string{"__complete"}, c.args...)...)
		if code != 0 || !strings.HasPrefix(out, c.want) && !strings.Contains(out, c.want) {
			t.Errorf("completing %v: exit %d, %q; want %q", c.args, code, out, c.want)
		}
	}
}

// streamOf makes a Document-like fake stream its records in one part.
func streamOf(fn func(string, []byte, extract.Options) ([]extract.Record, error)) func(string, []byte, extract.Options, func([]extract.Record) error) error {
	return func(name string, data []byte, opts extract.Options, emit func([]extract.Record) error) error {
		recs, err := fn(name, data, opts)
		if err != nil {
			return err
		}
		return emit(recs)
	}
}

// A page that publishes its document as pictures yields at most its menus' figures: it
// must not pass for a page with none, so extract warns, naming it, and goes on.
func TestExtractWarnsOfScannedPage(t *testing.T) {
	scanned := "<html><body><p>喀什地区2025年统计公报</p><div>" +
		strings.Repeat(`<img src="images/p.png" border="0"><br>`+"\n", 12) + "</div></body></html>"
	withCharts := "<html><body><p>全市生产总值1000亿元。</p><img src=c1.png><p>图1</p><img src=c2.png></body></html>"
	d := docsDir(t, map[string]string{"scanned.html": scanned, "charts.html": withCharts})
	out, errOut, code := runCLI(t, "", false, "extract", "-q", d)
	want := "policymetrics: warning: " + filepath.Join(d, "scanned.html") + ": 12 images in a row with no text between them"
	if code != 0 || !strings.HasPrefix(errOut, want) || strings.Count(errOut, "\n") != 1 {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 0 and one line %q…", code, errOut, want)
	}
	if !strings.Contains(out, `"text":"1000亿元"`) {
		t.Errorf("the page with text lost its records:\n%s", out)
	}
}

// TestExtractRecycledBuffers: files of a pooled size (input.Recycle: from 1 MB) read into
// buffers that held other files give the records each gives read alone, at -j 1 and with
// workers recycling side by side.
func TestExtractRecycledBuffers(t *testing.T) {
	reports, err := filepath.Glob(filepath.Join("..", "..", "testdata", "corpus", "*.txt"))
	if err != nil || len(reports) < 6 {
		t.Fatalf("need six test reports, found %d (%v)", len(reports), err)
	}
	files := map[string]string{}
	for i, p := range reports[:6] {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		size := 1<<20 + i*150<<10 // 1 to 1.8 MB: one class and the next
		if i == 3 {
			size = 300 << 10 // not pooled, between pooled ones
		}
		files[fmt.Sprintf("f%d.txt", i)] = strings.Repeat(string(b), size/len(b)+1)[:size]
	}
	d := docsDir(t, files)
	var alone strings.Builder
	for i := range 6 {
		out, errOut, code := runExtractCLI(t, "", false, "extract", "-j", "1", filepath.Join(d, fmt.Sprintf("f%d.txt", i)))
		if code != 0 {
			t.Fatalf("f%d.txt alone: exit %d: %s", i, code, errOut)
		}
		alone.WriteString(out)
	}
	for _, j := range []string{"1", "3"} {
		out, errOut, code := runExtractCLI(t, "", false, "extract", "-j", j, d)
		if code != 0 || out != alone.String() {
			t.Errorf("-j %s: exit %d (%s), %d bytes; not the records of each file read alone (%d bytes)", j, code, errOut, len(out), alone.Len())
		}
	}
}
