//go:build unix

package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/policymetrics/policymetrics/extract"
)

// snapshot is every file of dir with its content (or its type, for what is not a
// regular file), to check that a run changed nothing but the intended file.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == dir {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		fi, _ := os.Lstat(p)
		switch {
		case fi.Mode().IsRegular():
			b, _ := os.ReadFile(p)
			m[rel] = string(b)
		default:
			m[rel] = fi.Mode().Type().String()
		}
		return nil
	})
	return m
}

func diffSnap(before, after map[string]string) []string {
	var d []string
	for k, v := range after {
		if w, ok := before[k]; !ok || w != v {
			d = append(d, k)
		}
	}
	for k := range before {
		if _, ok := after[k]; !ok {
			d = append(d, k+" (removed)")
		}
	}
	sort.Strings(d)
	return d
}

func TestExtractOutputSafety(t *testing.T) {
	useExtractFake(t)
	tests := []struct {
		name    string
		setup   func(t *testing.T, d string) // extra files in d besides a.txt, b.txt
		args    []string                     // relative to d
		code    int
		stderr  string
		changed []string // the files the run may change
		check   func(t *testing.T, d string)
	}{
		{
			name: "character device written through, not replaced",
			setup: func(t *testing.T, d string) {
				if err := syscall.Mknod(filepath.Join(d, "n.jsonl"), syscall.S_IFCHR|0o666, 1<<8|3); err != nil {
					t.Skipf("mknod: %v", err)
				}
			},
			args: []string{"-o", "n.jsonl", "a.txt"},
			check: func(t *testing.T, d string) {
				fi, _ := os.Lstat(filepath.Join(d, "n.jsonl"))
				if fi.Mode()&fs.ModeCharDevice == 0 {
					t.Errorf("n.jsonl is now %v, want the device", fi.Mode())
				}
			},
		},
		{
			name:   "output is an input",
			args:   []string{"--input-format", "csv", "--text-column", "text", "-o", "t.csv", "t.csv"},
			setup:  func(t *testing.T, d string) { os.WriteFile(filepath.Join(d, "t.csv"), []byte("id,text\nx,1\n"), 0o644) },
			code:   2,
			stderr: "-o t.csv is also an input (t.csv): it would be overwritten",
		},
		{
			name:   "output is an input by another path",
			args:   []string{"-o", "sub/../a.txt", "--format", "jsonl", "a.txt", "b.txt"},
			setup:  func(t *testing.T, d string) { os.Mkdir(filepath.Join(d, "sub"), 0o755) },
			code:   2,
			stderr: "is also an input (a.txt)",
		},
		{
			name:   "errors file is the output, named differently",
			args:   []string{"-o", "r.jsonl", "--errors", "./r.jsonl", "a.txt"},
			code:   2,
			stderr: "-o r.jsonl and --errors ./r.jsonl are the same file",
		},
		{
			name: "errors file is the output through a symbolic link",
			setup: func(t *testing.T, d string) {
				os.WriteFile(filepath.Join(d, "r.jsonl"), []byte("old\n"), 0o644)
				os.Symlink("r.jsonl", filepath.Join(d, "l.jsonl"))
			},
			args:   []string{"-o", "r.jsonl", "--errors", "l.jsonl", "a.txt"},
			code:   2,
			stderr: "are the same file",
		},
		{
			name:   "output is a directory",
			setup:  func(t *testing.T, d string) { os.Mkdir(filepath.Join(d, "out.jsonl"), 0o755) },
			args:   []string{"-o", "out.jsonl", "a.txt"},
			code:   2,
			stderr: "-o out.jsonl is a directory",
		},
		{
			name: "symbolic link: the file it points to is replaced, the link stays",
			setup: func(t *testing.T, d string) {
				os.WriteFile(filepath.Join(d, "real.jsonl"), []byte("old\n"), 0o644)
				os.Symlink("real.jsonl", filepath.Join(d, "l.jsonl"))
			},
			args:    []string{"-o", "l.jsonl", "a.txt", "b.txt"},
			changed: []string{"real.jsonl"},
			check: func(t *testing.T, d string) {
				if fi, _ := os.Lstat(filepath.Join(d, "l.jsonl")); fi.Mode()&fs.ModeSymlink == 0 {
					t.Errorf("the link was replaced")
				}
				b, _ := os.ReadFile(filepath.Join(d, "real.jsonl"))
				if strings.Count(string(b), "\n") != 2 {
					t.Errorf("real.jsonl: %q, want both inputs' records", b)
				}
			},
		},
		{
			name: "output inside a directory input is not read as an input",
			setup: func(t *testing.T, d string) {
				os.Mkdir(filepath.Join(d, "in"), 0o755)
				os.WriteFile(filepath.Join(d, "in/c.txt"), []byte("3"), 0o644)
				os.WriteFile(filepath.Join(d, "in/out.txt"), []byte("99 from the last run"), 0o644)
			},
			args:    []string{"-o", "in/out.txt", "--format", "jsonl", "in", "a.txt"},
			code:    1,
			stderr:  "in/out.txt: is an output of this run; not read as an input",
			changed: []string{"in/out.txt"},
			check: func(t *testing.T, d string) {
				b, _ := os.ReadFile(filepath.Join(d, "in/out.txt"))
				if strings.Contains(string(b), "99") || !strings.Contains(string(b), `"doc":"in/c.txt"`) || !strings.Contains(string(b), `"doc":"a.txt"`) {
					t.Errorf("out.txt: %q, want the other inputs' records only", b)
				}
			},
		},
		{
			name:  "symbolic link to a character device: written through",
			setup: func(t *testing.T, d string) { os.Symlink(os.DevNull, filepath.Join(d, "null.jsonl")) },
			args:  []string{"-o", "null.jsonl", "a.txt"},
			check: func(t *testing.T, d string) {
				if fi, err := os.Stat(os.DevNull); err != nil || fi.Mode()&fs.ModeCharDevice == 0 {
					t.Errorf("%s is now %v", os.DevNull, fi.Mode())
				}
			},
		},
		{
			name:   "dangling symbolic link",
			setup:  func(t *testing.T, d string) { os.Symlink("nowhere/x.jsonl", filepath.Join(d, "l.jsonl")) },
			args:   []string{"-o", "l.jsonl", "a.txt"},
			code:   1,
			stderr: "cannot write l.jsonl: a symbolic link to nothing",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := docsDir(t, map[string]string{"a.txt": "1", "b.txt": "2"})
			if tt.setup != nil {
				tt.setup(t, d)
			}
			t.Chdir(d)
			before := snapshot(t, d)
			_, errOut, code := runExtractCLI(t, "", false, append([]string{"extract"}, tt.args...)...)
			if code != tt.code || !strings.Contains(errOut, tt.stderr) {
				t.Errorf("exit %d, stderr %q; want %d, %q", code, errOut, tt.code, tt.stderr)
			}
			got := diffSnap(before, snapshot(t, d))
			if strings.Join(got, " ") != strings.Join(tt.changed, " ") {
				t.Errorf("changed %v, want %v", got, tt.changed)
			}
			if tt.check != nil {
				tt.check(t, d)
			}
		})
	}
}

func TestExtractStdoutClosed(t *testing.T) {
	useExtractFake(t)
	d := docsDir(t, map[string]string{"a.txt": "1"})
	var out, errOut bytes.Buffer
	ios := &IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut, OutClosed: true}
	code := run([]string{"extract", filepath.Join(d, "a.txt")}, ios)
	if code != 1 || !strings.Contains(errOut.String(), "standard output is closed") {
		t.Errorf("exit %d, stderr %q", code, errOut.String())
	}
	// With -o, a closed standard output does not matter.
	code = run([]string{"extract", "-o", filepath.Join(d, "r.jsonl"), filepath.Join(d, "a.txt")}, ios)
	if code != 0 {
		t.Errorf("with -o: exit %d, stderr %q", code, errOut.String())
	}
}

func TestStartedClosed(t *testing.T) {
	f, err := os.OpenFile(os.DevNull, os.O_RDWR, 0)
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	w, _ := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	defer w.Close()
	if !startedClosed(f) || startedClosed(w) {
		t.Errorf("/dev/null read-write: %v (want true); write-only: %v (want false)", startedClosed(f), startedClosed(w))
	}
}

// Every signal that ends a run removes the temporary files and leaves the earlier -o and
// --errors files as they were.
func TestExtractSignalsCleanUp(t *testing.T) {
	for _, tt := range []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGINT, 130}, {syscall.SIGTERM, 130}, {syscall.SIGHUP, 129}, {syscall.SIGPIPE, 141}} {
		t.Run(tt.sig.String(), func(t *testing.T) {
			old := extractCmdDocument
			t.Cleanup(func() { extractCmdDocument = old })
			extractCmdDocument = streamOf(func(name string, data []byte, opts extract.Options) ([]extract.Record, error) {
				if strings.HasPrefix(string(data), "SIG") {
					syscall.Kill(os.Getpid(), tt.sig)
					time.Sleep(100 * time.Millisecond)
				}
				return extractFakeDoc(name, data, opts)
			})
			d := docsDir(t, map[string]string{"a.txt": "FAIL", "b.txt": "SIG 2", "c.txt": "3", "r.jsonl": "old\n", "e.jsonl": "old errors\n"})
			t.Chdir(d)
			before := snapshot(t, d)
			_, errOut, code := runExtractCLI(t, "", false, "extract", "-j", "1", "-o", "r.jsonl", "--errors", "e.jsonl", "a.txt", "b.txt", "c.txt")
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.code, errOut)
			}
			if got := diffSnap(before, snapshot(t, d)); len(got) > 0 {
				t.Errorf("changed %v: want nothing changed, no temporary file left", got)
			}
		})
	}
}

// SIGTERM during one slow document stops the run within a second (the context reaches
// the scanning loops), exit 130, the output file left as it was. The signal comes 200 ms
// after the run has set its handler; the document must outlast it on a fast machine.
func TestExtractStopsInsideDocument(t *testing.T) {
	// One line of 3 million short sentences with a figure each (31 MB): read in pieces
	// of a long line, it takes about 3 s here, so a machine ten times as fast still gets
	// the signal inside it (a line of no figure took 0.3 s, and ended before the signal).
	// Only the string's making costs time: the run stops at the signal.
	var b strings.Builder
	var figures [97]string
	for i := range figures {
		figures[i] = "企业" + strconv.Itoa(i+1) + "家。"
	}
	for i := range 3000000 {
		b.WriteString(figures[i%97])
	}
	d := docsDir(t, map[string]string{"slow.txt": b.String(), "out.jsonl": "old\n"})
	t.Chdir(d)
	before := snapshot(t, d)
	// The signal comes 200 ms after the run made its temporary output, and so after it
	// set its handler: sent earlier, on a loaded machine, it ended the test process.
	signalled := make(chan time.Time, 1)
	go func() {
		for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
			if tmp, _ := filepath.Glob(filepath.Join(d, ".out.jsonl.tmp-*")); len(tmp) > 0 {
				time.Sleep(200 * time.Millisecond)
				signalled <- time.Now()
				syscall.Kill(os.Getpid(), syscall.SIGTERM)
				return
			}
		}
	}()
	_, errOut, code := runCLI(t, "", false, "extract", "-o", "out.jsonl", "slow.txt")
	if code != exitInterrupted || !strings.Contains(errOut, "interrupted; out.jsonl not written") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	select {
	case at := <-signalled:
		// A run that did not stop inside the document would end with 0 above; this
		// bound, loose for a loaded machine, catches one that stops late.
		t.Logf("stopped %v after the signal", time.Since(at))
		if took := time.Since(at); took > 2*time.Second {
			t.Errorf("took %v to stop after the signal, want within a second or so", took)
		}
	default:
		t.Errorf("the run ended before the signal was sent")
	}
	if got := diffSnap(before, snapshot(t, d)); len(got) > 0 {
		t.Errorf("changed %v", got)
	}
}

// A reader that goes away (| head) ends the run quietly with 141, as SIGPIPE would,
// not with an error message.
func TestExtractBrokenPipe(t *testing.T) {
	useExtractFake(t)
	d := docsDir(t, map[string]string{"a.txt": strings.Repeat("1 ", 100000)})
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	r.Close()
	defer w.Close()
	var errOut bytes.Buffer
	ios := &IOStreams{In: strings.NewReader(""), Out: w, ErrOut: &errOut}
	code := run([]string{"extract", filepath.Join(d, "a.txt")}, ios)
	if code != 141 || errOut.String() != "" {
		t.Errorf("exit %d, stderr %q; want 141 and nothing", code, errOut.String())
	}
}
