package csvtable

import (
	"strings"
	"testing"
)

func TestRead(t *testing.T) {
	text := "表1 粮食产量,,\n产品,产量（万吨）,比上年增长（%）\n粮食,\"1,205.5\",3.4\n小麦, 60.1 ,-2.0\n"
	d, err := Read(text, ',')
	if err != nil {
		t.Fatal(err)
	}
	rows := d.Tables[0].Rows
	if len(rows) != 4 || rows[2][1].Text != "1,205.5" || rows[3][1].Text != "60.1" {
		t.Fatalf("rows %v", rows)
	}
	runes := []rune(text)
	for _, row := range rows {
		for _, c := range row {
			if c.Offset < 0 {
				continue
			}
			if got := string(runes[c.Offset : c.Offset+len([]rune(c.Text))]); got != c.Text {
				t.Errorf("cell %q at %d reads %q", c.Text, c.Offset, got)
			}
		}
	}
	if rows[0][1].Offset != -1 {
		t.Errorf("an empty cell has offset %d", rows[0][1].Offset)
	}
}

func TestReadTSVAndErrors(t *testing.T) {
	d, err := Read("a\tb\n粮食\t120\n", '\t')
	if err != nil || d.Tables[0].Rows[1][1].Text != "120" {
		t.Fatalf("%v %v", d, err)
	}
	if _, err := Read("a,b\n\"x,1\n", ','); err == nil || !strings.Contains(err.Error(), "not a CSV table") {
		t.Errorf("unterminated quote: %v", err)
	}
}

func FuzzRead(f *testing.F) {
	f.Add("a,b\n1,2\n", ',')
	f.Add("\"x\",\"1,2\"\n", ',')
	f.Fuzz(func(t *testing.T, text string, comma rune) {
		if comma != ',' && comma != '\t' {
			comma = ','
		}
		d, err := Read(text, comma)
		if err != nil {
			return
		}
		n := len([]rune(text))
		for _, row := range d.Tables[0].Rows {
			for _, c := range row {
				if c.Offset >= n {
					t.Fatalf("offset %d past %d", c.Offset, n)
				}
			}
		}
	})
}
