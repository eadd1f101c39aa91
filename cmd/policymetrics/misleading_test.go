package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

// Issue 12: the misleading cases get true messages and exit codes.
func TestMisleadingCases(t *testing.T) {
	d := t.TempDir()
	// 2 is 32 00 and 一 is 00 4E in UTF-16LE: NUL bytes on both parities.
	os.WriteFile(filepath.Join(d, "u16.txt"), utf16le("2025年投资一亿元。\n"), 0o644)
	os.WriteFile(filepath.Join(d, "a.txt"), []byte("投资5亿元。"), 0o644)
	os.Mkdir(filepath.Join(d, "emptygold"), 0o755)
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string // a substring of standard output
		stderr string // a substring of standard error ("" : none expected)
	}{
		{"UTF-16LE without BOM, forced", []string{"extract", "--encoding", "utf-16le", "u16.txt"}, 0, `"text":"一亿元"`, ""},
		{"UTF-16LE without BOM, detected", []string{"extract", "u16.txt", "a.txt"}, 0, `"value":100000000`, ""},
		{"max-ratio NaN", []string{"extract", "--max-ratio", "NaN", "a.txt"}, 2, "", "--max-ratio NaN: want a ratio of at least 1"},
		{"max-ratio negative", []string{"extract", "--max-ratio", "-1", "a.txt"}, 2, "", "--max-ratio -1: want a ratio of at least 1"},
		{"max-ratio below 1", []string{"extract", "--max-ratio", "0.5", "a.txt"}, 2, "", "--max-ratio 0.5"},
		{"max-members negative", []string{"extract", "--max-members", "-1", "a.txt"}, 2, "", "--max-members -1: want a count"},
		{"empty gold folder", []string{"check", "--gold", "emptygold", "a.txt"}, 1, "", "emptygold: no gold files (.jsonl or .json) in this folder"},
		{"20 digits", []string{"normalize", "12345678901234567890元"}, 1, "", "too many significant digits to be read exactly"},
	}
	t.Chdir(d)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runCLI(t, "", false, tt.args...)
			if code != tt.code || !strings.Contains(out, tt.stdout) || (tt.stderr == "") != (errOut == "") || !strings.Contains(errOut, tt.stderr) {
				t.Errorf("exit %d, stdout %q, stderr %q; want %d, %q, %q", code, out, errOut, tt.code, tt.stdout, tt.stderr)
			}
			if tt.name == "UTF-16LE without BOM, detected" && !strings.Contains(out, `"doc":"a.txt"`) {
				t.Errorf("the other input's records are missing: %q", out)
			}
		})
	}
}
