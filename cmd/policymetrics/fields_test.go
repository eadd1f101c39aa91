package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestExtractFields(t *testing.T) {
	d := t.TempDir()
	os.WriteFile(filepath.Join(d, "a.txt"), []byte("投资5亿元。"), 0o644)
	os.WriteFile(filepath.Join(d, "b.txt"), []byte("新增企业6家。"), 0o644)
	t.Chdir(d)
	tests := []struct {
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{[]string{"--fields", "text,value,doc", "a.txt", "b.txt"}, 0,
			`{"text":"5亿元","value":500000000,"doc":"a.txt"}` + "\n" + `{"text":"6家","value":6,"doc":"b.txt"}` + "\n", ""},
		{[]string{"--fields", "upper, unit", "a.txt"}, 0, `{"upper":null,"unit":"元"}` + "\n", ""},
		{[]string{"--fields", "doc,value", "--format", "csv", "a.txt", "b.txt"}, 0, "doc,value\r\na.txt,500000000\r\nb.txt,6\r\n", ""},
		{[]string{"--fields", "value,text", "--format", "tsv", "a.txt"}, 0, "value\ttext\n500000000\t5亿元\n", ""},
		{[]string{"--fields", "text", "--format", "json", "a.txt"}, 0, "[\n{\"text\":\"5亿元\"}\n]\n", ""},
		{[]string{"--fields", "text,nope", "a.txt"}, 2, "", `policymetrics: --fields: unknown field "nope" (the fields are doc, line, col, text, value, unit, indicator, concept, area, period, qualifier, change, modality, sentence, upper, raw_unit, page)` + "\n"},
		{[]string{"--fields", "text,text", "a.txt"}, 2, "", `policymetrics: --fields: field "text" named twice` + "\n"},
	}
	for _, tt := range tests {
		out, errOut, code := runCLI(t, "", false, append([]string{"extract"}, tt.args...)...)
		if code != tt.code || out != tt.stdout || errOut != tt.stderr {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want %d, %q, %q", tt.args, code, out, errOut, tt.code, tt.stdout, tt.stderr)
		}
	}
}
