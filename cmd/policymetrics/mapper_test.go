package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
)

// buildBinary builds policymetrics into a temporary directory.
func buildBinary(t *testing.T) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		goTool = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	bin := filepath.Join(t.TempDir(), "policymetrics")
	cmd := exec.Command(goTool, "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// corpusJSONL writes every corpus and seed document as one JSON line {"doc", "text"}.
func corpusJSONL(t *testing.T) (string, int) {
	t.Helper()
	var files []string
	for _, pat := range []string{"../../testdata/corpus/*.txt", "../../testdata/seeds/*.txt"} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatal("no documents in ../../testdata")
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		enc.Encode(map[string]string{"doc": filepath.Base(f), "text": string(b)})
	}
	p := filepath.Join(t.TempDir(), "docs.jsonl")
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p, len(files)
}

// TestMapperUnderGNUParallel runs the README's recipe for real: the JSON Lines input split
// into blocks by GNU parallel, each block extracted by its own process, the outputs joined
// in order (-k), must give the same records as one plain run.
func TestMapperUnderGNUParallel(t *testing.T) {
	par, err := exec.LookPath("parallel")
	if err != nil {
		t.Skip("GNU parallel is not installed (apt-get install parallel; .ci/run does): the mapper recipe is not checked")
	}
	if v, _ := exec.Command(par, "--version").Output(); !bytes.Contains(v, []byte("GNU parallel")) {
		t.Skip(par + " is not GNU parallel (moreutils has another): the mapper recipe is not checked")
	}
	bin := buildBinary(t)
	in, docs := corpusJSONL(t)

	run := func(name string, args ...string) (stdout, stderr []byte, code int) {
		t.Helper()
		f, err := os.Open(in)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		cmd := exec.Command(name, args...)
		cmd.Stdin = f
		var o, e bytes.Buffer
		cmd.Stdout, cmd.Stderr = &o, &e
		err = cmd.Run()
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return o.Bytes(), e.Bytes(), code
	}

	plainOut, plainErr, plainCode := run(bin, "extract", "--input-format", "jsonl", "-")
	joblog := filepath.Join(t.TempDir(), "jobs.log")
	parOut, parErr, parCode := run(par, "--will-cite", "--joblog", joblog, "--pipe", "--block", "200k", "-k",
		bin, "extract", "--input-format", "jsonl", "-")

	if !bytes.Equal(plainOut, parOut) {
		t.Errorf("records differ: plain run %d bytes, under parallel %d bytes", len(plainOut), len(parOut))
	}
	sortedLines := func(b []byte) string {
		l := strings.Split(strings.TrimSpace(string(b)), "\n")
		sort.Strings(l)
		return strings.Join(l, "\n")
	}
	if sortedLines(plainErr) != sortedLines(parErr) {
		t.Errorf("failures differ:\nplain:\n%s\nparallel:\n%s", plainErr, parErr)
	}
	if (plainCode == 0) != (parCode == 0) {
		t.Errorf("exit %d plain, %d under parallel", plainCode, parCode)
	}
	log, _ := os.ReadFile(joblog)
	if jobs := strings.Count(string(log), "\n") - 1; jobs < 3 {
		t.Errorf("parallel ran %d jobs; the input was not split", jobs)
	}
	t.Logf("%d documents, %d bytes of records, exit %d; parallel jobs:\n%s", docs, len(plainOut), plainCode, log)
}
