package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/policymetrics/policymetrics/extract"
	"github.com/policymetrics/policymetrics/extract/score"
)

// fakeExtract stands in for extract.Document: a "document" is the JSON Lines of the
// records it yields (doc is set to the name); a document containing BROKEN fails.
func fakeExtract(name string, data []byte, _ extract.Options) ([]extract.Record, error) {
	if bytes.Contains(data, []byte("BROKEN")) {
		return nil, errors.New("cannot read this")
	}
	var out []extract.Record
	for _, line := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		var r extract.Record
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			return nil, err
		}
		r.Doc = name
		out = append(out, r)
	}
	return out, nil
}

func useFakeExtract(t *testing.T) {
	t.Helper()
	old := extractDocument
	extractDocument = fakeExtract
	t.Cleanup(func() { extractDocument = old })
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

const (
	recMoney   = `{"doc":"a.txt","line":24,"col":52,"text":"34.1亿元","value":3410000000,"unit":"元","indicator":"投入","concept":"","area":"","period":"2016","qualifier":"","change":"","modality":"","sentence":"2016年投入34.1亿元。"}`
	recPercent = `{"doc":"a.txt","line":3,"col":5,"text":"6.5%","value":6.5,"unit":"%","indicator":"增加值","concept":"","area":"","period":"","qualifier":"","change":"increase","modality":"","sentence":"增加值增长6.5%。"}`
	recCount   = `{"doc":"a.txt","line":30,"col":1,"text":"350万户","value":3500000,"unit":"户","indicator":"市场主体","period":"","qualifier":"over","change":"","modality":"","sentence":"市场主体超350万户。"}`
)

func TestCheckExpected(t *testing.T) {
	useFakeExtract(t)
	cases := []struct {
		name      string
		doc       string // the records the fake extracts
		expected  string // X.expected.jsonl; "-" for none
		code      int
		want      []string // lines the output must hold
		notWanted []string
	}{
		{
			name: "match", doc: recMoney + "\n" + recPercent, expected: recPercent + "\n" + recMoney + "\n",
			code: 0, want: []string{"1 document: 1 match, 0 differ, 0 without expected file"},
		},
		{
			name: "numbers compare as decimals, doc by base name, absent like empty",
			doc:  recPercent,
			expected: strings.NewReplacer(`"value":6.5`, `"value":6.50`, `"doc":"a.txt"`, `"doc":"elsewhere/a.txt"`,
				`"qualifier":"",`, ``).Replace(recPercent),
			code: 0, want: []string{"1 match"},
		},
		{
			name: "changed field", doc: strings.Replace(recMoney, `"unit":"元"`, `"unit":"万元"`, 1), expected: recMoney,
			code: 1, want: []string{"FAIL  ", "a.txt: 1 changed", "  line 24 col 52 34.1亿元: unit 元 → 万元", "1 differ"},
		},
		{
			name:     "several changed fields, one line each",
			doc:      strings.NewReplacer(`"period":"2016"`, `"period":""`, `"value":3410000000`, `"value":341000`).Replace(recMoney),
			expected: recMoney, code: 1,
			want: []string{"line 24 col 52 34.1亿元: value 3410000000 → 341000", `line 24 col 52 34.1亿元: period 2016 → ""`},
		},
		{
			name: "missing record", doc: recMoney, expected: recPercent + "\n" + recMoney,
			code: 1, want: []string{"a.txt: 1 missing", "  line 3 col 5 6.5%: missing (6.5 %)"},
		},
		{
			name: "unexpected record", doc: recMoney + "\n" + recCount, expected: recMoney,
			code: 1, want: []string{"a.txt: 1 unexpected", "  line 30 col 1 350万户: unexpected (3500000 户)"},
		},
		{
			name: "an extra field is a change", doc: strings.Replace(recMoney, `"sentence"`, `"upper":4000000000,"sentence"`, 1), expected: recMoney,
			code: 1, want: []string{"34.1亿元: upper (none) → 4000000000"},
		},
		{
			name: "no expected file", doc: recMoney, expected: "-",
			code: 1, want: []string{"NONE  ", "a.txt: no expected file", "a.txt.expected.jsonl (write it with check --update)", "1 without expected file"},
		},
		{
			name: "extraction fails", doc: "BROKEN", expected: recMoney,
			code: 1, want: []string{"policymetrics: ", "a.txt: cannot read this", "1 failed"},
		},
		{
			name: "expected file is not JSON Lines", doc: recMoney, expected: "{oops",
			code: 1, want: []string{"policymetrics: ", "a.txt.expected.jsonl:1: not a JSON object"},
		},
		{
			name: "expected record without a position", doc: recMoney, expected: strings.Replace(recMoney, `"col":52`, `"col":0`, 1),
			code: 1, want: []string{"col is not a positive integer"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			doc := filepath.Join(dir, "a.txt")
			writeFile(t, doc, c.doc)
			if c.expected != "-" {
				writeFile(t, doc+".expected.jsonl", c.expected)
			}
			out, errOut, code := runCLI(t, "", false, "check", doc)
			if code != c.code {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, c.code, out, errOut)
			}
			for _, w := range c.want {
				if !strings.Contains(out+errOut, w) {
					t.Errorf("output lacks %q:\n%s%s", w, out, errOut)
				}
			}
		})
	}
}

func TestCheckReportOrder(t *testing.T) {
	useFakeExtract(t)
	dir := t.TempDir()
	doc := filepath.Join(dir, "a.txt")
	writeFile(t, doc, recCount+"\n"+strings.Replace(recMoney, `"change":""`, `"change":"increase"`, 1))
	writeFile(t, doc+".expected.jsonl", recPercent+"\n"+recMoney)
	out, _, code := runCLI(t, "", false, "check", doc)
	want := "FAIL  " + doc + ": 1 missing, 1 unexpected, 1 changed\n" +
		"  line 3 col 5 6.5%: missing (6.5 %)\n" +
		`  line 24 col 52 34.1亿元: change "" → increase` + "\n" +
		"  line 30 col 1 350万户: unexpected (3500000 户)\n" +
		"1 document: 0 match, 1 differ, 0 without expected file\n"
	if code != 1 || out != want {
		t.Errorf("exit %d, report:\n%s\nwant:\n%s", code, out, want)
	}
}

func TestCheckUpdateThenPass(t *testing.T) {
	useFakeExtract(t)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.txt"), recMoney+"\n"+recPercent)
	writeFile(t, filepath.Join(dir, "sub", "b.txt"), recCount)
	writeFile(t, filepath.Join(dir, "empty.txt"), "")
	writeFile(t, filepath.Join(dir, ".hidden.txt"), recCount)
	writeFile(t, filepath.Join(dir, "notes.md"), "not a document")

	// Before: nothing expected yet.
	out, _, code := runCLI(t, "", false, "check", dir)
	if code != 1 || strings.Count(out, "NONE  ") != 3 {
		t.Fatalf("exit %d, want 1 and three documents without expected file:\n%s", code, out)
	}

	out, errOut, code := runCLI(t, "", false, "check", "--update", dir)
	if code != 0 {
		t.Fatalf("--update: exit %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(out, "3 documents: 3 written, 0 unchanged") {
		t.Errorf("--update report:\n%s", out)
	}
	got, err := os.ReadFile(filepath.Join(dir, "a.txt.expected.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	// Fields order, plain decimals, doc as the base name: the same bytes wherever check runs.
	want := `{"doc":"a.txt","line":24,"col":52,"text":"34.1亿元","value":3410000000,"unit":"元","indicator":"投入","concept":"","area":"","period":"2016","qualifier":"","change":"","modality":"","sentence":"2016年投入34.1亿元。"}` + "\n" +
		`{"doc":"a.txt","line":3,"col":5,"text":"6.5%","value":6.5,"unit":"%","indicator":"增加值","concept":"","area":"","period":"","qualifier":"","change":"increase","modality":"","sentence":"增加值增长6.5%。"}` + "\n"
	if string(got) != want {
		t.Errorf("a.txt.expected.jsonl:\n%s\nwant:\n%s", got, want)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "empty.txt.expected.jsonl")); err != nil || len(b) != 0 {
		t.Errorf("a document without records gets an empty expected file: %q %v", b, err)
	}
	if _, err := os.Stat(filepath.Join(dir, ".hidden.txt.expected.jsonl")); err == nil {
		t.Error("hidden files are not documents")
	}

	// The expected files in the directory are not inputs, so the rerun sees three documents.
	out, _, code = runCLI(t, "", false, "check", "-v", dir)
	if code != 0 || !strings.Contains(out, "3 documents: 3 match, 0 differ, 0 without expected file") {
		t.Errorf("rerun: exit %d\n%s", code, out)
	}
	if !strings.Contains(out, "ok    "+filepath.Join(dir, "sub", "b.txt")+" (1 records)") {
		t.Errorf("-v lists matching documents:\n%s", out)
	}

	// Updating again changes nothing.
	out, _, code = runCLI(t, "", false, "check", "--update", dir)
	if code != 0 || !strings.Contains(out, "0 written, 3 unchanged") {
		t.Errorf("second --update: exit %d\n%s", code, out)
	}

	// A change in extraction is caught, and --update takes it in.
	writeFile(t, filepath.Join(dir, "sub", "b.txt"), strings.Replace(recCount, `"qualifier":"over"`, `"qualifier":"approx"`, 1))
	out, _, code = runCLI(t, "", false, "check", dir)
	if code != 1 || !strings.Contains(out, "line 30 col 1 350万户: qualifier over → approx") {
		t.Errorf("after a change: exit %d\n%s", code, out)
	}
	if _, _, code = runCLI(t, "", false, "check", "--update", dir); code != 0 {
		t.Errorf("--update after a change: exit %d", code)
	}
	if _, _, code = runCLI(t, "", false, "check", dir); code != 0 {
		t.Errorf("check after --update: exit %d", code)
	}
}

func TestCheckStdinAndFailures(t *testing.T) {
	useFakeExtract(t)
	out, _, code := runCLI(t, recMoney, false, "check", "-")
	if code != 1 || !strings.Contains(out, "NONE  -: no expected file") {
		t.Errorf("stdin has no expected file: exit %d\n%s", code, out)
	}
	_, errOut, code := runCLI(t, recMoney, false, "check", "--update", "-")
	if code != 1 || !strings.Contains(errOut, "policymetrics: -: no place for an expected file") {
		t.Errorf("--update of stdin: exit %d\n%s", code, errOut)
	}
	missing := filepath.Join(t.TempDir(), "nope.txt")
	_, errOut, code = runCLI(t, "", false, "check", missing)
	if code != 1 || !strings.Contains(errOut, "policymetrics: "+missing+": no such file or directory") {
		t.Errorf("a missing input: exit %d\n%s", code, errOut)
	}
	_, errOut, code = runCLI(t, "", false, "check", t.TempDir())
	if code != 1 || !strings.Contains(errOut, "no documents found") {
		t.Errorf("an empty directory: exit %d, stderr %q", code, errOut)
	}
}

func TestCheckUsageErrors(t *testing.T) {
	useFakeExtract(t)
	for _, args := range [][]string{
		{"check"},
		{"check", "--min-f1", "0.5", "x.txt"},
		{"check", "--min-record-f1", "0.5", "x.txt"},
		{"check", "--json", "x.txt"},
		{"check", "--gold", "g", "--update", "x.txt"},
		{"check", "--gold", "g", "--min-f1", "high", "x.txt"},
		{"check", "--nope", "x.txt"},
		{"schema", "extra"},
	} {
		if _, errOut, code := runCLI(t, "", false, args...); code != 2 || errOut == "" {
			t.Errorf("%v: exit %d, stderr %q; want 2 and a message", args, code, errOut)
		}
	}
}

// seedDocs writes, for each document of preds, a file of that base name whose fake
// extraction yields its records.
func seedDocs(t *testing.T, preds []score.Record) string {
	t.Helper()
	dir := t.TempDir()
	byDoc := map[string]*strings.Builder{}
	var order []string
	for _, p := range preds {
		d := score.BaseDoc(p["doc"].(string))
		if byDoc[d] == nil {
			byDoc[d] = &strings.Builder{}
			order = append(order, d)
		}
		b, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		byDoc[d].Write(append(b, '\n'))
	}
	for _, d := range order {
		writeFile(t, filepath.Join(dir, d), byDoc[d].String())
	}
	return dir
}

const devGold = "../../testdata/gold/dev"

func TestCheckGoldMatchesScorePy(t *testing.T) {
	useFakeExtract(t)
	// The exact predictions of the score.py equivalence fixtures, as extracted documents:
	// check --gold --json must print what score.py printed for them.
	preds, err := score.ReadRecords("../../testdata/score/pred/exact.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	docs := seedDocs(t, preds)
	out, errOut, code := runCLI(t, "", false, "check", "--gold", devGold, "--json", docs)
	want, err := os.ReadFile("../../testdata/score/expected/exact.json")
	if err != nil {
		t.Fatal(err)
	}
	if code != 0 || out != string(want) || errOut != "" {
		t.Errorf("exit %d, stderr %q\n got %s\nwant %s", code, errOut, out, want)
	}
}

func TestCheckGold(t *testing.T) {
	useFakeExtract(t)
	gold := t.TempDir()
	writeFile(t, filepath.Join(gold, "a.jsonl"),
		strings.Replace(recMoney, `"sentence"`, `"status":"required","sentence"`, 1)+"\n"+
			strings.Replace(recPercent, `"sentence"`, `"status":"required","sentence"`, 1)+"\n"+
			strings.Replace(recCount, `"sentence"`, `"status":"required","sentence"`, 1)+"\n")
	writeFile(t, filepath.Join(gold, "b.jsonl"), strings.NewReplacer(`"a.txt"`, `"b.txt"`, `"sentence"`, `"status":"required","sentence"`).Replace(recCount)+"\n")
	docs := t.TempDir()
	// a.txt: one right, one with a wrong period, one missed, one false alarm.
	writeFile(t, filepath.Join(docs, "a.txt"), recMoney+"\n"+
		strings.Replace(recPercent, `"period":""`, `"period":"2015"`, 1)+"\n"+
		strings.Replace(recCount, `"line":30`, `"line":31`, 1))
	writeFile(t, filepath.Join(docs, "x.expected.jsonl"), "ignored")

	t.Run("piped: score.py's text", func(t *testing.T) {
		out, errOut, code := runCLI(t, "", false, "check", "--gold", gold, "-v", docs)
		if code != 0 {
			t.Errorf("exit %d, stderr %s", code, errOut)
		}
		for _, w := range []string{
			"a.txt                                        2     1     1  0.667  0.667  0.667",
			"b.txt                                        0     0     1  0.000  0.000  0.000",
			"ALL                                          2     1     2  0.667  0.500  0.571",
			"MISS  a.txt:30  350万户  = 3500000 户  [市场主体]",
			"MISS  b.txt:30  350万户  = 3500000 户  [市场主体]",
			"FALSE a.txt:31  350万户  = 3500000 户",
			"FIELD a.txt:3  6.5%  period: 2015 (gold -)",
			"mention F1 0.571 (P 0.667 R 0.500); record F1 0.286; indicator overlap 1.000",
		} {
			if !strings.Contains(out, w+"\n") {
				t.Errorf("output lacks %q:\n%s", w, out)
			}
		}
		if !strings.Contains(errOut, "gold document b.txt is not among the inputs") {
			t.Errorf("no warning about b.txt: %q", errOut)
		}
	})
	t.Run("--json: score.py's object", func(t *testing.T) {
		out, _, _ := runCLI(t, "", false, "check", "--gold", gold, "--json", filepath.Join(docs, "a.txt"))
		var m map[string]any
		if err := json.Unmarshal([]byte(out), &m); err != nil {
			t.Fatalf("%v: %q", err, out)
		}
		if m["tp"] != 2.0 || m["fp"] != 1.0 || m["fn"] != 2.0 || m["period_acc"] != 0.5 || m["record_f1"] != 0.2857 {
			t.Errorf("figures %v", m)
		}
		if !strings.HasPrefix(out, `{"docs": 2, "gold_required": 4, "predicted": 3, "tp": 2, "fp": 1, "fn": 2, "precision": 0.6667,`) {
			t.Errorf("not score.py's --json form: %s", out)
		}
	})
	t.Run("terminal: tables", func(t *testing.T) {
		out, _, code := runCLI(t, "", true, "check", "--gold", gold, docs)
		if code != 0 {
			t.Errorf("exit %d", code)
		}
		for _, w := range []string{"DOC    TP  FP  FN  P      R      F1\n", "ALL    2   1   2   0.667  0.500  0.571\n",
			"FIELD      ACCURACY  F1 OF SET VALUES\n", "period     0.500     0.667\n", "mention F1 0.571"} {
			if !strings.Contains(out, w) {
				t.Errorf("output lacks %q:\n%s", w, out)
			}
		}
	})
	t.Run("floors", func(t *testing.T) {
		for _, c := range []struct {
			args []string
			code int
			msg  string
		}{
			{[]string{"--min-f1", "0.5"}, 0, ""},
			{[]string{"--min-f1", "0.6"}, 1, "mention F1 0.5714 is below --min-f1 0.6"},
			{[]string{"--min-record-f1", "0.2"}, 0, ""},
			{[]string{"--min-record-f1", "0.3"}, 1, "record F1 0.2857 is below --min-record-f1 0.3"},
		} {
			args := append(append([]string{"check", "--gold", gold}, c.args...), docs)
			_, errOut, code := runCLI(t, "", false, args...)
			if code != c.code || !strings.Contains(errOut, c.msg) {
				t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args, code, errOut, c.code, c.msg)
			}
		}
	})
	t.Run("unreadable gold", func(t *testing.T) {
		_, errOut, code := runCLI(t, "", false, "check", "--gold", filepath.Join(gold, "nope.jsonl"), docs)
		if code != 1 || !strings.Contains(errOut, "reading gold") {
			t.Errorf("exit %d, stderr %q", code, errOut)
		}
	})
}

func TestCheckArchive(t *testing.T) {
	useFakeExtract(t)
	dir := t.TempDir()
	zipPath := filepath.Join(dir, "fixtures.zip")
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range []struct{ name, content string }{
		{"fx/a.txt", recMoney},
		{"fx/a.txt.expected.jsonl", recMoney + "\n"},
		{"fx/b.txt", recCount},
		{"fx/c.txt", recPercent},
		{"fx/c.txt.expected.jsonl", strings.NewReplacer(`"change":"increase"`, `"change":"decrease"`, `"a.txt"`, `"c.txt"`).Replace(recPercent)},
	} {
		w, err := zw.Create(f.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(f.content)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	writeFile(t, zipPath, buf.String())

	out, _, code := runCLI(t, "", false, "check", "-v", zipPath)
	for _, w := range []string{
		"ok    " + zipPath + "!fx/a.txt (1 records)\n",
		"NONE  " + zipPath + "!fx/b.txt: no expected file " + zipPath + "!fx/b.txt.expected.jsonl",
		"FAIL  " + zipPath + "!fx/c.txt: 1 changed\n  line 3 col 5 6.5%: change decrease → increase\n",
		"3 documents: 1 match, 1 differ, 1 without expected file\n",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
	if code != 1 {
		t.Errorf("exit %d", code)
	}
	_, errOut, code := runCLI(t, "", false, "check", "--update", zipPath)
	if code != 1 || strings.Count(errOut, "no place for an expected file (standard input or an archive member)") != 3 {
		t.Errorf("--update into an archive: exit %d\n%s", code, errOut)
	}
}
