package score

import (
	"encoding/json"
	"errors"
	"testing"
)

// Expected values were printed by Python 3.11.
func TestPythonSemantics(t *testing.T) {
	reprs := map[float64]string{
		0: "0.0", 1: "1.0", 0.1: "0.1", 1e-4: "0.0001", 1e-5: "1e-05", 1e16: "1e+16",
		1e15: "1000000000000000.0", 123456789.123: "123456789.123", 3410000000: "3410000000.0",
		1.5e300: "1.5e+300", 2.5e-7: "2.5e-07", 0.8571428571428571: "0.8571428571428571",
	}
	for f, want := range reprs {
		if got := pyFloatRepr(f); got != want {
			t.Errorf("repr(%v) = %s, want %s", f, got, want)
		}
	}
	rounds := map[float64]float64{0.00005: 0.0001, 0.00015: 0.0001, 0.12345: 0.1235, 0.5714285714285714: 0.5714, 2.675: 2.675}
	for x, want := range rounds {
		if got := pyRound(x, 4); got != want {
			t.Errorf("round(%v, 4) = %v, want %v", x, got, want)
		}
	}
	ints := map[any]string{" 7 ": "7", "+3": "3", "-0": "0", "1_0": "10", "٣": "3", "２２": "22",
		json.Number("22"): "22", json.Number("22.9"): "22", json.Number("-1e2"): "-100", true: "1"}
	for v, want := range ints {
		if got, err := pyInt(v); err != nil || got != want {
			t.Errorf("int(%#v) = %s, %v; want %s", v, got, err, want)
		}
	}
	for _, v := range []any{nil, "abc", "1.5", "", "_1", "1__0", []any{}, json.Number("NaN")} {
		if _, err := pyInt(v); !errors.Is(err, errConvert) {
			t.Errorf("int(%#v): err %v, want a TypeError/ValueError", v, err)
		}
	}
	if got := pyStr(nil) + pyStr(json.Number("6.5")) + pyStr(json.Number("5")) + pyStr(false); got != "None6.55False" {
		t.Errorf("str: %s", got)
	}
	if !pyEqual(json.Number("1"), json.Number("1.0")) || pyEqual("1", json.Number("1")) || !pyEqual(true, json.Number("1")) {
		t.Error("== on numbers")
	}
	if got := OverlapF1("规模 以上工业", "规模以上工业增加值"); got != 2*(1.0*6/9)/(1+6.0/9) {
		t.Errorf("overlap %v", got)
	}
}

func recs(t *testing.T, lines string) []Record {
	t.Helper()
	r, err := ParseRecords("test", []byte(lines))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestMatchingRules(t *testing.T) {
	gold := recs(t, `{"doc":"a.txt","line":3,"text":"5家","value":5,"unit":"家","indicator":"企业","status":"optional"}
{"doc":"a.txt","line":3,"text":"5家","value":5,"unit":"家","indicator":"企业","status":"required"}
{"doc":"a.txt","line":4,"text":"6.5%","value":6.5,"unit":"%","indicator":"增加值","change":"increase","status":"required"}`)
	cases := []struct {
		name        string
		pred        string
		tp, fp, fn  int
		recordF1    float64
		belowAt0_5  bool
		wantFailure bool
	}{
		{"required gold is taken before optional", `{"doc":"x/y.zip!b/a.txt","line":"3","value":5,"unit":"家","indicator":"企业"}`, 1, 0, 1, 0.6667, false, false},
		{"then the optional one, which is neither", `{"doc":"a.txt","line":3,"value":5,"unit":"家","indicator":"企业"}
{"doc":"a.txt","line":3,"value":5.000001,"unit":"家","indicator":"企业"}`, 1, 0, 1, 0.6667, false, false},
		{"a third is a false alarm", `{"doc":"a.txt","line":3,"value":5,"unit":"家"}
{"doc":"a.txt","line":3,"value":5,"unit":"家"}
{"doc":"a.txt","line":3,"value":5,"unit":"家"}`, 1, 1, 1, 0, false, false}, // F1 0.5 is not below 0.5
		{"alias and tolerance", `{"doc":"a.txt","line":4.0,"value":6.5000065,"unit":" ％ ","indicator":"增加值","change":"increase"}`, 1, 0, 1, 0.6667, false, false},
		{"outside the tolerance", `{"doc":"a.txt","line":4,"value":6.50001,"unit":"%"}`, 0, 1, 2, 0, true, false},
		{"other documents are ignored", `{"doc":"b.txt","line":4,"value":6.5,"unit":"%"}`, 0, 0, 2, 0, true, false},
		{"a unit that is not a string stops score.py", `{"doc":"a.txt","line":4,"value":6.5,"unit":5}`, 0, 0, 0, 0, false, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := Score(recs(t, mustJSONL(gold)), recs(t, c.pred))
			if c.wantFailure {
				if err == nil {
					t.Fatal("no error")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			f := res.Figures
			if f.TP != c.tp || f.FP != c.fp || f.FN != c.fn || f.RecordF1 != c.recordF1 {
				t.Errorf("tp %d fp %d fn %d record F1 %v; want %d %d %d %v", f.TP, f.FP, f.FN, f.RecordF1, c.tp, c.fp, c.fn, c.recordF1)
			}
			half := 0.5
			if res.Below(&half, nil) != c.belowAt0_5 {
				t.Errorf("Below(0.5) = %v with F1 %v", !c.belowAt0_5, res.F1)
			}
		})
	}
}

func mustJSONL(rs []Record) string {
	var s string
	for _, r := range rs {
		b, _ := json.Marshal(r)
		s += string(b) + "\n"
	}
	return s
}

func TestConvert(t *testing.T) {
	type rec struct {
		Doc   string      `json:"doc"`
		Line  int         `json:"line"`
		Value json.Number `json:"value"`
		Unit  string      `json:"unit"`
	}
	got, err := Convert([]rec{{"a<b>.txt", 3, "3410000000", "元"}})
	if err != nil || len(got) != 1 {
		t.Fatal(got, err)
	}
	if got[0]["doc"] != "a<b>.txt" || got[0]["value"] != json.Number("3410000000") || got[0]["line"] != json.Number("3") {
		t.Errorf("%#v", got[0])
	}
}
