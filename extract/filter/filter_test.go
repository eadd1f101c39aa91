package filter

import (
	"testing"

	"github.com/policymetrics/policymetrics/extract"
	"github.com/policymetrics/policymetrics/units"
)

func TestWhere(t *testing.T) {
	gdp := extract.Record{Doc: "a.txt", Unit: "%", Concept: "地区生产总值", Modality: "target", Period: "2026", Value: units.NewDecimal(5, 0)}
	city := gdp
	city.Area = "郑州"
	cpi := extract.Record{Doc: "a.txt", Unit: "%", Concept: "居民消费价格", Period: "2025"}
	tests := []struct {
		where string
		rec   extract.Record
		want  bool
	}{
		{"", cpi, true},
		{"concept=地区生产总值", gdp, true},
		{"concept=地区生产总值", cpi, false},
		{"concept=地区生产总值,unit=%,modality=target,period=2026", gdp, true},
		{"concept=地区生产总值,period=2025", gdp, false},
		{"period=2025|2026", gdp, true},
		{"period=2025|2026", cpi, true},
		{"area=", gdp, true},
		{"area=", city, false},
		{"area!=", city, true},
		{"modality!=target", gdp, false},
		{"modality=", cpi, true},
		{"value=5", gdp, true},
		{" concept = 地区生产总值 , unit=% ", gdp, true},
	}
	for _, tc := range tests {
		w, err := Parse(tc.where)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tc.where, err)
		}
		if got := w.Match(&tc.rec); got != tc.want {
			t.Errorf("%q on %+v: %v, want %v", tc.where, tc.rec, got, tc.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, bad := range []string{"concept", "=5", "colour=red", "concept:地区生产总值"} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) succeeded", bad)
		}
	}
}

func TestRepeatedExpressionsAnd(t *testing.T) {
	w, err := Parse("unit=%", "period=2026")
	if err != nil || len(w) != 2 || w.String() != "unit=%,period=2026" {
		t.Fatalf("Parse: %v %v", w, err)
	}
}
