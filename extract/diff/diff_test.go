package diff

import (
	"fmt"
	"strings"
	"testing"
)

// rec is a record line: text at line:col in sentence s, value v, unit u.
func rec(line, col int, text, v, u, s string, extra ...string) string {
	x := ""
	for _, e := range extra {
		x += "," + e
	}
	return fmt.Sprintf(`{"doc":"a.txt","line":%d,"col":%d,"text":%q,"value":%s,"unit":%q,"sentence":%q%s}`, line, col, text, v, u, s, x)
}

func parse(t *testing.T, lines ...string) []Record {
	t.Helper()
	rs, err := Parse([]byte(strings.Join(lines, "\n")), "test")
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

func TestCompare(t *testing.T) {
	a := rec(1, 3, "5个", "5", "个", "建成5个。")
	b := rec(2, 1, "7家", "7", "家", "新增7家。")
	c := rec(3, 4, "6.5%", "6.5", "%", "增长6.5%。")
	d := rec(4, 2, "9项", "9", "项", "完成9项。")
	// The same records one line further down: a sentence was inserted at line 2.
	bDown, cDown, dDown := rec(3, 1, "7家", "7", "家", "新增7家。"), rec(4, 4, "6.5%", "6.5", "%", "增长6.5%。"), rec(5, 2, "9项", "9", "项", "完成9项。")
	ins := rec(2, 1, "3亿元", "300000000", "元", "投入3亿元。")
	for _, c := range []struct {
		name      string
		want, got []string
		summary   string
		lines     []string
	}{
		{"same", []string{a, b}, []string{a, b}, "", nil},
		{"same, other order and 6.50", []string{b, a}, []string{a, strings.Replace(b, `"value":7`, `"value":7.00`, 1)}, "", nil},
		{"one record added", []string{a, b, c}, []string{a, ins, b, c}, "1 unexpected",
			[]string{"line 2 col 1 3亿元: unexpected (300000000 元)"}},
		{"a sentence inserted: added, the rest moved in one line", []string{a, b, c, d}, []string{a, ins, bDown, cDown, dDown},
			"1 unexpected, 3 moved",
			[]string{"line 2 col 1 3亿元: unexpected (300000000 元)", "line 2 col 1 7家 … line 4 col 2 9项: 3 records moved 1 line down"}},
		{"an edit: the fields that changed", []string{a, b, c}, []string{a, strings.Replace(b, `"unit":"家"`, `"unit":"个"`, 1), c},
			"1 changed", []string{"line 2 col 1 7家: unit 家 → 个"}},
		{"an edit of value and text at a new place", []string{a, b, c},
			[]string{a, rec(2, 2, "8家", "8", "家", "新增7家。"), c}, "1 changed",
			[]string{"line 2 col 1 7家: at line 2 col 2", "line 2 col 1 7家: text 7家 → 8家", "line 2 col 1 7家: value 7 → 8"}},
		{"a field added", []string{a}, []string{rec(1, 3, "5个", "5", "个", "建成5个。", `"period":"2025"`)}, "1 changed",
			[]string{"line 1 col 3 5个: period (none) → 2025"}},
		{"one removed, one added elsewhere", []string{a, b, c}, []string{a, c, d}, "1 missing, 1 unexpected",
			[]string{"line 2 col 1 7家: missing (7 家)", "line 4 col 2 9项: unexpected (9 项)"}},
		{"all new", nil, []string{a}, "1 unexpected", []string{"line 1 col 3 5个: unexpected (5 个)"}},
		{"all gone", []string{a}, nil, "1 missing", []string{"line 1 col 3 5个: missing (5 个)"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := Compare(parse(t, c.want...), parse(t, c.got...))
			if r.Summary() != c.summary || r.Empty() != (c.summary == "") {
				t.Errorf("summary %q, want %q", r.Summary(), c.summary)
			}
			if got := strings.Join(r.Lines(), "\n"); got != strings.Join(c.lines, "\n") {
				t.Errorf("lines:\n%s\nwant:\n%s", got, strings.Join(c.lines, "\n"))
			}
		})
	}
}

func TestLCS(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"abcd", "abcd", 4}, {"abcd", "axbcd", 4}, {"abcd", "bd", 2}, {"", "ab", 0}, {"abc", "cba", 1}, {"aab", "ab", 2},
	} {
		m := lcs(strings.Split(c.a, ""), strings.Split(c.b, ""))
		if c.a == "" {
			m = lcs(nil, strings.Split(c.b, ""))
		}
		if len(m) != c.want {
			t.Errorf("lcs(%q, %q) has %d pairs, want %d", c.a, c.b, len(m), c.want)
		}
		for k := 1; k < len(m); k++ {
			if m[k][0] <= m[k-1][0] || m[k][1] <= m[k-1][1] {
				t.Errorf("lcs(%q, %q) = %v: not increasing", c.a, c.b, m)
			}
		}
	}
	// Past the table's size, the greedy alignment still pairs equal runs.
	big := make([]string, 3000)
	for i := range big {
		big[i] = fmt.Sprint(i)
	}
	other := append([]string{"x"}, big...)
	other[1500] = "y"
	if m := lcs(big, other); len(m) != 2999 {
		t.Errorf("big lcs has %d pairs, want 2999", len(m))
	}
}

func TestParseErrors(t *testing.T) {
	for in, want := range map[string]string{
		"{oops":                     "f.jsonl:1: not a JSON object",
		"\n" + `{"line":0,"col":1}`: "f.jsonl:2: line is not a positive integer",
		`{"line":1}`:                "f.jsonl:1: col is not a positive integer",
	} {
		if _, err := Parse([]byte(in), "f.jsonl"); err == nil || err.Error() != want {
			t.Errorf("Parse(%q): %v, want %s", in, err, want)
		}
	}
	if rs, err := Parse([]byte("\ufeff"+rec(1, 1, "1", "1", "", "")+"\n\n"), "f"); err != nil || len(rs) != 1 {
		t.Errorf("BOM and blank lines: %v %v", rs, err)
	}
}
