package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestREADME runs the README's examples, so that they cannot drift from what the program
// does. Each ```console block is a transcript: "$ policymetrics …" lines, optionally after
// "cat FILE |" and before "| head -N", each followed by the output it prints on a
// terminal; "…" in an expected line stands for any text. (```sh blocks show commands on
// files the README only imagines, and are not run.) The seeds.csv table must be rows of
// the real output.
func TestREADME(t *testing.T) {
	t.Chdir("../..")
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```console\n(.*?)```").FindAllStringSubmatch(string(readme), -1)
	if len(blocks) < 3 {
		t.Fatalf("%d console blocks in README.md, want at least 3", len(blocks))
	}
	n := 0
	for _, b := range blocks {
		var cmd string
		var want []string
		flush := func() {
			if cmd != "" {
				n++
				checkTranscript(t, cmd, want)
			}
		}
		for _, line := range strings.Split(strings.TrimRight(b[1], "\n"), "\n") {
			if c, ok := strings.CutPrefix(line, "$ "); ok {
				flush()
				cmd, want = c, nil
				continue
			}
			want = append(want, line)
		}
		flush()
	}
	if n < 5 {
		t.Errorf("%d README commands run, want at least 5", n)
	}
	checkSeedsTable(t, string(readme))
}

func checkTranscript(t *testing.T, cmd string, want []string) {
	t.Helper()
	stdin := ""
	if c, ok := strings.CutPrefix(cmd, "cat "); ok {
		file, rest, ok := strings.Cut(c, " | ")
		if !ok {
			t.Fatalf("README: %q: cat without a pipe", cmd)
		}
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatalf("README: %q: %v", cmd, err)
		}
		stdin, cmd = string(b), rest
	}
	head := -1
	if i := strings.Index(cmd, " | head -"); i >= 0 {
		n, err := strconv.Atoi(cmd[i+len(" | head -"):])
		if err != nil {
			t.Fatalf("README: %q: cannot run this pipe", cmd)
		}
		cmd, head = cmd[:i], n
	}
	args := strings.Fields(cmd)
	if len(args) == 0 || args[0] != "policymetrics" || strings.ContainsAny(cmd, "|<>'\"") {
		t.Fatalf("README: %q: not a command this test runs", cmd)
	}
	var out, errOut bytes.Buffer
	ios := &IOStreams{In: strings.NewReader(stdin), Out: &out, ErrOut: &errOut, OutIsTerminal: stdin == "" && head < 0,
		InIsTerminal: stdin == ""}
	if code := run(args[1:], ios); code != 0 {
		t.Errorf("README: %q: exit %d, stderr %q", cmd, code, errOut.String())
		return
	}
	got := strings.Split(strings.TrimRight(out.String(), "\n"), "\n")
	if head >= 0 && len(got) > head {
		got = got[:head]
	}
	if len(got) != len(want) {
		t.Errorf("README: %q prints %d lines, the README shows %d:\n%s", cmd, len(got), len(want), strings.Join(got, "\n"))
		return
	}
	for i := range want {
		if !matchEllipsis(want[i], got[i]) {
			t.Errorf("README: %q line %d:\nREADME: %s\nactual: %s", cmd, i+1, want[i], got[i])
		}
	}
}

// matchEllipsis reports whether got is want with each "…" standing for any text.
func matchEllipsis(want, got string) bool {
	parts := strings.Split(want, "…")
	if len(parts) == 1 {
		return want == got
	}
	if !strings.HasPrefix(got, parts[0]) || !strings.HasSuffix(got[len(parts[0]):], parts[len(parts)-1]) {
		return false
	}
	rest := got[len(parts[0]) : len(got)-len(parts[len(parts)-1])]
	for _, p := range parts[1 : len(parts)-1] {
		i := strings.Index(rest, p)
		if i < 0 {
			return false
		}
		rest = rest[i+len(p):]
	}
	return true
}

// checkSeedsTable checks that each row of the README's seeds.csv table is a record of
// `policymetrics extract --format csv testdata/seeds/` (its first eight columns).
func checkSeedsTable(t *testing.T, readme string) {
	t.Helper()
	_, after, ok := strings.Cut(readme, "`seeds.csv` opens with")
	if !ok {
		t.Fatal("README: no seeds.csv table")
	}
	var rows []string
	var cols []string // the table's columns, by field name
	for _, line := range strings.Split(after, "\n") {
		if strings.HasPrefix(line, "| doc ") {
			for _, c := range strings.Split(strings.Trim(line, "| "), "|") {
				cols = append(cols, strings.TrimSpace(c))
			}
			continue
		}
		if strings.HasPrefix(line, "| ") {
			var cells []string
			for _, c := range strings.Split(strings.Trim(line, "| "), "|") {
				cells = append(cells, strings.TrimSpace(c))
			}
			rows = append(rows, strings.Join(cells, " "))
		} else if len(rows) > 0 && !strings.HasPrefix(line, "|") {
			break
		}
	}
	var out, errOut bytes.Buffer
	if code := run([]string{"extract", "--format", "csv", "testdata/seeds/"}, &IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut}); code != 0 {
		t.Fatalf("extract testdata/seeds/: exit %d, %s", code, errOut.String())
	}
	recs, err := csv.NewReader(&out).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	index := map[string]int{}
	for i, name := range recs[0] {
		index[name] = i
	}
	have := map[string]bool{}
	for _, r := range recs[1:] {
		var cells []string
		for _, c := range cols {
			k, ok := index[c]
			if !ok {
				t.Fatalf("README: seeds.csv table column %q is no field", c)
			}
			cells = append(cells, r[k])
		}
		have[strings.Join(cells, " ")] = true
	}
	if len(rows) < 3 {
		t.Fatalf("README: %d rows in the seeds.csv table", len(rows))
	}
	for _, r := range rows {
		if !have[r] {
			t.Errorf("README: seeds.csv table row %q is not in the output", r)
		}
	}
}
