package pivot

import (
	"reflect"
	"testing"

	"github.com/policymetrics/policymetrics/extract"
	"github.com/policymetrics/policymetrics/units"
)

func rec(doc, concept, period string, v int64, unit, qual string) extract.Record {
	return extract.Record{Doc: doc, Concept: concept, Period: period, Value: units.NewDecimal(v, 0), Unit: unit, Qualifier: qual}
}

func TestBuildGrid(t *testing.T) {
	up := units.NewDecimal(55, -1)
	ranged := rec("b.txt", "地区生产总值", "2026", 5, "%", "")
	ranged.Upper = &up
	recs := []extract.Record{
		rec("a.txt", "地区生产总值", "2026", 5, "%", "approx"),
		rec("a.txt", "地区生产总值", "2026", 5, "%", "approx"), // stated twice: one value
		rec("a.txt", "居民消费价格", "2026", 2, "%", "approx"),
		ranged,
		rec("c.txt", "地区生产总值", "2026", 5, "%", "over"),
		rec("c.txt", "地区生产总值", "2026", 6, "%", ""), // disagrees: both shown, flagged
	}
	got := Build(recs, Options{}, [][]string{{"a.txt"}, {"b.txt"}, {"c.txt"}, {"d.txt"}}).Grid()
	want := [][]string{
		{"doc", "地区生产总值 (%)", "居民消费价格 (%)", "conflicts"},
		{"a.txt", "5 (approx)", "2 (approx)", ""},
		{"b.txt", "5-5.5", "", ""},
		{"c.txt", "5 (over); 6", "", "地区生产总值 (%)"},
		{"d.txt", "", "", ""},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("grid\n got %q\nwant %q", got, want)
	}
}

func TestRowsAndColsFields(t *testing.T) {
	a := rec("a.txt", "地区生产总值", "2025", 5, "%", "")
	b := rec("a.txt", "地区生产总值", "2026", 6, "%", "")
	c := rec("a.txt", "地区生产总值", "2026", 7, "%", "")
	c.Area = "郑州"
	tb := Build([]extract.Record{a, b, c}, Options{Rows: []string{"doc", "area"}, Cols: []string{"period"}}, nil)
	got := tb.Grid()
	want := [][]string{
		{"doc", "area", "2025 (%)", "2026 (%)", "conflicts"},
		{"a.txt", "", "5", "6", ""},
		{"a.txt", "郑州", "", "7", ""},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("grid\n got %q\nwant %q", got, want)
	}
}

func TestColumnUnitMixed(t *testing.T) {
	tb := Build([]extract.Record{rec("a", "x", "", 1, "%", ""), rec("b", "x", "", 1, "元", "")}, Options{}, nil)
	if u := tb.ColumnUnit(0); u != "" {
		t.Errorf("mixed units: %q", u)
	}
	if g := tb.Grid(); g[0][1] != "x" {
		t.Errorf("header %q", g[0][1])
	}
}
