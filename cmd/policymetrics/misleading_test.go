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

// Issue 12: an unterminated quote in one CSV input is an error naming the row; the rows
// before it and the other inputs' rows are all written.
func TestExtractCSVUnterminatedQuote(t *testing.T) {
	d := t.TempDir()
	os.WriteFile(filepath.Join(d, "bad.csv"), []byte("id,text\nw,投资5亿元\nx,\"a 5亿元\nb,投资6亿元\n"), 0o644)
	os.WriteFile(filepath.Join(d, "good.csv"), []byte("id,text\ny,新增企业7家\nz,投资8亿元\n"), 0o644)
	t.Chdir(d)
	out, errOut, code := runCLI(t, "", false, "extract", "--input-format", "csv", "--text-column", "text", "--id-column", "id", "--fields", "doc,text", "bad.csv", "good.csv")
	want := `{"doc":"bad.csv#w","text":"5亿元"}` + "\n" + `{"doc":"good.csv#y","text":"7家"}` + "\n" + `{"doc":"good.csv#z","text":"8亿元"}` + "\n"
	if code != 1 || out != want || !strings.Contains(errOut, "bad.csv: row 2 (line 3 of the file, column 17): a quote that does not end") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}
