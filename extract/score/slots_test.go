package score

import (
	"testing"

	"github.com/policymetrics/policymetrics/extract"
	"github.com/policymetrics/policymetrics/units"
)

func TestScoreSlots(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	key := []Slot{
		{Doc: "a.txt", Name: "gdp_target", Concept: "地区生产总值", Unit: "%", Modality: "target", Period: "2026", Value: f(5)},
		{Doc: "a.txt", Name: "cpi_target", Concept: "居民消费价格", Unit: "%", Modality: "target", Period: "2026", Value: f(2)},
		{Doc: "a.txt", Name: "jobs", Concept: "城镇新增就业", Unit: "人", Modality: "target", Period: "2026"}, // stated nowhere
		{Doc: "a.txt", Name: "rev", Concept: "一般公共预算收入", Unit: "%", Modality: "", Period: "2025", Value: f(1.7)},
		{Doc: "a.txt", Name: "rev", Concept: "一般公共预算收入", Unit: "%", Modality: "", Period: "2025", Value: f(2.5)},
	}
	rec := func(concept, unit, modality, period, area string, v int64, exp int) extract.Record {
		return extract.Record{Doc: "dir/a.txt", Concept: concept, Unit: unit, Modality: modality, Period: period, Area: area, Value: units.NewDecimal(v, exp)}
	}
	recs := []extract.Record{
		rec("地区生产总值", "%", "target", "2026", "", 5, 0),
		rec("地区生产总值", "%", "target", "2026", "郑州市", 7, 0), // a city's: not the slot's
		rec("居民消费价格", "%", "target", "2026", "", 2, 0),
		rec("居民消费价格", "%", "target", "2026", "", 3, 0), // a second, other value: wrong
		rec("一般公共预算收入", "%", "", "2025", "", 17, -1),
		rec("一般公共预算收入", "%", "", "2025", "", 25, -1),
	}
	want := map[string]bool{"gdp_target": true, "cpi_target": false, "jobs": true, "rev": true}
	res := ScoreSlots(key, recs)
	if len(res) != 4 {
		t.Fatalf("%d results", len(res))
	}
	for _, r := range res {
		if r.OK != want[r.Name] {
			t.Errorf("%s: OK = %v (got %v, want %v)", r.Name, r.OK, r.Got, r.Want)
		}
	}
}
