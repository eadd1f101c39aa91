package output

import (
	"strings"
	"testing"
)

func TestWriteGrid(t *testing.T) {
	grid := [][]string{{"doc", "地区生产总值 (%)", "conflicts"}, {"a.txt", "5 (approx)", ""}, {"b,c.txt", "-1", "x\ty"}}
	tests := []struct {
		f    Format
		want string
	}{
		{CSV, "doc,地区生产总值 (%),conflicts\r\na.txt,5 (approx),\r\n\"b,c.txt\",'-1,x\ty\r\n"},
		{TSV, "doc\t地区生产总值 (%)\tconflicts\na.txt\t5 (approx)\t\nb,c.txt\t-1\tx y\n"},
		{JSONL, "{\"doc\":\"a.txt\",\"地区生产总值 (%)\":\"5 (approx)\",\"conflicts\":\"\"}\n{\"doc\":\"b,c.txt\",\"地区生产总值 (%)\":\"-1\",\"conflicts\":\"x\\ty\"}\n"},
		{JSON, "[{\"doc\":\"a.txt\",\"地区生产总值 (%)\":\"5 (approx)\",\"conflicts\":\"\"},{\"doc\":\"b,c.txt\",\"地区生产总值 (%)\":\"-1\",\"conflicts\":\"x\\ty\"}]\n"},
	}
	for _, tc := range tests {
		var b strings.Builder
		if err := WriteGrid(&b, tc.f, Options{}, grid); err != nil {
			t.Fatal(err)
		}
		if b.String() != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.f, b.String(), tc.want)
		}
	}
	if got := gridText(grid[:1]); got != "doc,地区生产总值 (%),conflicts\r\n" {
		t.Errorf("header only: %q", got)
	}
}

// gridText is the grid as CSV without a BOM.
func gridText(grid [][]string) string {
	var b strings.Builder
	WriteGrid(&b, CSV, Options{}, grid)
	return b.String()
}
