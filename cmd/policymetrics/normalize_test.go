package main

import (
	"encoding/json"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/policymetrics/policymetrics/extract/output"
)

func TestNormalizeJSON(t *testing.T) {
	out, errOut, code := runCLI(t, "", false, "normalize", "--json", "约34.1亿元", "2000-3000片每月", "9成")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("want 3 lines, got %q", out)
	}
	var first map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]any{"text": "34.1亿元", "value": 3410000000.0, "unit": "元", "qualifier": "approx"} {
		if first[k] != want {
			t.Errorf("%s = %v, want %v", k, first[k], want)
		}
	}
	if !strings.Contains(lines[0], `"value":3410000000,`) {
		t.Errorf("value not printed as a plain decimal: %s", lines[0])
	}
	if !strings.Contains(lines[1], `"upper":3000`) {
		t.Errorf("range has no upper: %s", lines[1])
	}
}

func TestNormalizeTerminalTable(t *testing.T) {
	out, _, code := runCLI(t, "", true, "normalize", "18.1万千瓦", "近4万项")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "PHRASE") {
		t.Fatalf("want a header and two rows, got %q", out)
	}
	// Aligned on screen: the VALUE column starts at the same display column on every line
	// (Chinese characters are two columns wide).
	col := output.DisplayWidth(lines[0][:strings.Index(lines[0], "VALUE")])
	for i, want := range []string{"181000", "40000"} {
		line := lines[i+1]
		at := strings.Index(line, want)
		if at < 0 || output.DisplayWidth(line[:at]) != col {
			t.Errorf("row %d: %q not at display column %d:\n%s", i+1, want, col, out)
		}
	}
}

func TestNormalizeRefusesAfterPrintingTheRest(t *testing.T) {
	out, errOut, code := runCLI(t, "", false, "normalize", "一批", "52项", "千方百计")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if out != "52项\t52\t项\t\t\n" {
		t.Errorf("stdout %q", out)
	}
	for _, p := range []string{"一批", "千方百计"} {
		if !strings.Contains(errOut, p) {
			t.Errorf("stderr does not name %s: %q", p, errOut)
		}
	}
}

func TestNormalizeStdin(t *testing.T) {
	for _, c := range []struct {
		args []string
		in   string
		want string
	}{
		{[]string{"normalize"}, "34.1亿元\r\n\n  9成  \n", "34.1亿元\t3410000000\t元\t\t\n9成\t90\t%\t\t\n"},
		{[]string{"normalize", "-"}, "近4万项", "近4万项\t40000\t项\tapprox\t\n"},
		{[]string{"normalize", "5家", "-"}, "6个\n", "5家\t5\t家\t\t\n6个\t6\t个\t\t\n"},
	} {
		out, errOut, code := runCLIIn(t, c.in, false, c.args...)
		if code != 0 || errOut != "" || out != c.want {
			t.Errorf("%v < %q: exit %d, stdout %q, stderr %q; want %q", c.args, c.in, code, out, errOut, c.want)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{"normalize"}, {"normalize", "--nope", "1"}, {"nosuchcommand"}} {
		if _, errOut, code := runCLIIn(t, "", true, args...); code != 2 || errOut == "" {
			t.Errorf("%v: exit %d, stderr %q; want 2 and a message", args, code, errOut)
		}
	}
}

func TestVersionAndCompletion(t *testing.T) {
	if out, _, code := runCLI(t, "", false, "--version"); code != 0 || !strings.Contains(out, "policymetrics version") {
		t.Errorf("--version: %d %q", code, out)
	}
	if out, _, code := runCLI(t, "", false, "completion", "bash"); code != 0 || !strings.Contains(out, "bash completion") {
		t.Errorf("completion bash: exit %d", code)
	}
}

func TestVersion(t *testing.T) {
	for _, c := range []struct {
		linked string
		bi     *debug.BuildInfo
		want   string
	}{
		{"v9", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}}, "v9"},
		{"", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}}, "v1.2.3"},
		{"", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "3f2a1c9b8e7d0011"}, {Key: "vcs.time", Value: "2026-01-01T12:00:00Z"}, {Key: "vcs.modified", Value: "true"}}},
			"dev+3f2a1c9b8e7d (2026-01-01T12:00:00Z)-dirty"},
		{"", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "dev"},
		{"", nil, "dev"},
	} {
		if got := versionFrom(c.linked, c.bi, c.bi != nil); got != c.want {
			t.Errorf("versionFrom(%q, %+v) = %q, want %q", c.linked, c.bi, got, c.want)
		}
	}
	out, _, code := runCLI(t, "", false, "version")
	if code != 0 || !strings.HasPrefix(out, "policymetrics version "+buildVersion()+" (go") {
		t.Errorf("version: %d %q", code, out)
	}
	// -v is never --version.
	if _, errOut, code := runCLI(t, "", false, "-v"); code != 2 || !strings.Contains(errOut, "unknown shorthand flag: 'v'") {
		t.Errorf("-v at the top: exit %d, stderr %q", code, errOut)
	}
}
