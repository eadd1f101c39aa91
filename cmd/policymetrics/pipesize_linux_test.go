package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// Records written to a pipe go through a buffer of outputPipeBytes (when the system
// allows it); a file is left alone, and so is -o's output.
func TestExtractGrowsOutputPipe(t *testing.T) {
	d := docsDir(t, map[string]string{"a.txt": "全市生产总值增长5%。\n"})
	pipeSize := func(f *os.File) int {
		n, err := unix.FcntlInt(f.Fd(), unix.F_GETPIPE_SZ, 0)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	for _, args := range [][]string{
		{"extract", filepath.Join(d, "a.txt")},
		{"extract", "-o", "-", filepath.Join(d, "a.txt")},
		{"extract", "-o", filepath.Join(d, "out.jsonl"), filepath.Join(d, "a.txt")},
	} {
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		before := pipeSize(w)
		read := make(chan string)
		go func() { b, _ := io.ReadAll(r); read <- string(b) }()
		var errOut bytes.Buffer
		code := run(args, &IOStreams{In: strings.NewReader(""), Out: w, ErrOut: &errOut})
		got := pipeSize(w)
		w.Close()
		out := <-read
		r.Close()
		if code != 0 {
			t.Fatalf("%v: exit %d, stderr %q", args, code, errOut.String())
		}
		toPipe := args[1] != "-o" || args[2] == "-"
		switch {
		case toPipe && before < outputPipeBytes && got != outputPipeBytes:
			t.Errorf("%v: the pipe's buffer is %d bytes, want %d", args, got, outputPipeBytes)
		case toPipe && !strings.Contains(out, `"5%"`):
			t.Errorf("%v: records %q", args, out)
		case !toPipe && got != before:
			t.Errorf("%v: the pipe's buffer went from %d to %d bytes, with the records in a file", args, before, got)
		}
	}
	growPipe(&bytes.Buffer{}) // not a file: nothing to do
	f, err := os.Create(filepath.Join(d, "plain"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	growPipe(f) // a file: no pipe to grow, and no error either
}
