package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/policymetrics/policymetrics/extract"
	"github.com/policymetrics/policymetrics/extract/output"
	"github.com/policymetrics/policymetrics/units"
)

// validate checks instance against schema for the subset of JSON Schema 2020-12 that
// `policymetrics schema` emits: type, properties, required, additionalProperties, enum,
// pattern, minimum. Any other keyword is an error, so the validator cannot silently
// ignore something the schema starts to say.
func validate(schema map[string]any, instance any, at string) []string {
	var errs []string
	bad := func(format string, a ...any) { errs = append(errs, at+": "+fmt.Sprintf(format, a...)) }
	for k := range schema {
		switch k {
		case "$schema", "$id", "title", "description", "type", "properties", "required",
			"additionalProperties", "enum", "pattern", "minimum":
		default:
			bad("schema keyword %q not supported by this validator", k)
		}
	}
	if t, ok := schema["type"]; ok {
		var types []string
		switch t := t.(type) {
		case string:
			types = []string{t}
		case []any:
			for _, x := range t {
				types = append(types, x.(string))
			}
		}
		ok := false
		for _, ty := range types {
			ok = ok || hasType(instance, ty)
		}
		if !ok {
			bad("%s is not of type %v", show(instance), t)
			return errs
		}
	}
	if e, ok := schema["enum"].([]any); ok {
		found := false
		for _, v := range e {
			found = found || v == instance
		}
		if !found {
			bad("%s is not one of %v", show(instance), e)
		}
	}
	if p, ok := schema["pattern"].(string); ok {
		if s, ok := instance.(string); ok && !regexp.MustCompile(p).MatchString(s) {
			bad("%q does not match %s", s, p)
		}
	}
	if m, ok := schema["minimum"].(json.Number); ok {
		if n, ok := instance.(json.Number); ok && num(n).Cmp(num(m)) < 0 {
			bad("%s is less than %s", n, m)
		}
	}
	obj, isObj := instance.(map[string]any)
	if !isObj {
		return errs
	}
	if req, ok := schema["required"].([]any); ok {
		for _, r := range req {
			if _, ok := obj[r.(string)]; !ok {
				bad("required field %q is missing", r)
			}
		}
	}
	props, _ := schema["properties"].(map[string]any)
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if ps, ok := props[k].(map[string]any); ok {
			errs = append(errs, validate(ps, obj[k], at+"."+k)...)
			continue
		}
		switch ap := schema["additionalProperties"].(type) {
		case bool:
			if !ap {
				bad("field %q is not allowed", k)
			}
		case map[string]any:
			errs = append(errs, validate(ap, obj[k], at+"."+k)...)
		}
	}
	return errs
}

func num(n json.Number) *big.Float {
	f, _, err := big.ParseFloat(string(n), 10, 200, big.ToNearestEven)
	if err != nil {
		panic(err)
	}
	return f
}

func hasType(v any, ty string) bool {
	switch ty {
	case "object":
		_, ok := v.(map[string]any)
		return ok
	case "array":
		_, ok := v.([]any)
		return ok
	case "string":
		_, ok := v.(string)
		return ok
	case "boolean":
		_, ok := v.(bool)
		return ok
	case "null":
		return v == nil
	case "number":
		_, ok := v.(json.Number)
		return ok
	case "integer": // a number with no fractional part (1.0 is an integer)
		n, ok := v.(json.Number)
		return ok && num(n).IsInt()
	}
	return false
}

func show(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func decodeUseNumber(t *testing.T, data []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("%v: %s", err, data)
	}
	return v
}

func printedSchema(t *testing.T) map[string]any {
	t.Helper()
	out, errOut, code := runCLI(t, "", false, "schema")
	if code != 0 || errOut != "" {
		t.Fatalf("schema: exit %d, stderr %q", code, errOut)
	}
	return decodeUseNumber(t, []byte(out)).(map[string]any)
}

func TestSchemaShape(t *testing.T) {
	s := printedSchema(t)
	if s["$schema"] != "https://json-schema.org/draft/2020-12/schema" || s["type"] != "object" {
		t.Errorf("$schema %v, type %v", s["$schema"], s["type"])
	}
	// Properties in extract.Fields order, as printed.
	out, _, _ := runCLI(t, "", false, "schema")
	last := -1
	for _, f := range extract.Fields {
		at := strings.Index(out, "\n    \""+f+"\": {")
		if at < 0 || at < last {
			t.Errorf("property %s missing or out of extract.Fields order", f)
		}
		last = at
	}
	req := fmt.Sprint(s["required"])
	if req != "[doc line col text value unit indicator concept area period qualifier change modality sentence]" {
		t.Errorf("required %s", req)
	}
	props := s["properties"].(map[string]any)
	for f, want := range map[string]string{"qualifier": "[ approx over under]", "change": "[ increase decrease]", "modality": "[ target]"} {
		if got := fmt.Sprint(props[f].(map[string]any)["enum"]); got != want {
			t.Errorf("%s enum %s, want %s", f, got, want)
		}
	}
	if p := props["period"].(map[string]any)["pattern"]; p != `^(\d{4}(-\d{4}|-\d{2})?)?$` {
		t.Errorf("period pattern %v", p)
	}
}

// realisticRecords are records as extraction should produce them for the seeds.
func realisticRecords() []extract.Record {
	upper := units.NewDecimal(3000, 0)
	return []extract.Record{
		{Doc: "000_cb9593369f0fccb6.txt", Line: 22, Col: 41, Text: "3.5亿元", Value: units.NewDecimal(35, 7), Unit: "元",
			Indicator: "设立再担保机构", Period: "2016", Sentence: "2016年，整合安排3.5亿元设立再担保机构。"},
		{Doc: "002_15ed48a196308db7.txt", Line: 2, Col: 30, Text: "6.5%", Value: units.NewDecimal(65, -1), Unit: "%",
			Indicator: "增加值", Change: "increase", Sentence: "规模以上工业增加值增长6.5%。"},
		{Doc: "archive.zip!inner/003_b00489042dec4954.txt", Line: 16, Col: 3, Text: "近4万项", Value: units.NewDecimal(4, 4), Unit: "项",
			Indicator: "专利", Period: "2015-2016", Qualifier: "approx", Modality: "target", Sentence: "力争专利近4万项。"},
		{Doc: "-", Line: 1, Col: 1, Text: "2000-3000片每月", Value: units.NewDecimal(2000, 0), Upper: &upper, Unit: "片/月",
			RawUnit: "片每月", Indicator: "产能", Period: "2021-10", Qualifier: "over", Change: "decrease", Sentence: "产能2000-3000片每月"},
		{Doc: "x.txt", Line: 5, Col: 9, Text: "5", Value: units.NewDecimal(5, 0), Sentence: "共5。"},
	}
}

// jsonLines writes records exactly as extract's JSON Lines output does.
func jsonLines(t *testing.T, recs []extract.Record) []any {
	t.Helper()
	b, err := output.Encode(output.JSONL, output.Options{}, recs)
	if err != nil {
		t.Fatal(err)
	}
	var out []any
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if l != "" {
			out = append(out, decodeUseNumber(t, []byte(l)))
		}
	}
	return out
}

func TestSchemaValidatesRecords(t *testing.T) {
	s := printedSchema(t)
	recs := realisticRecords()
	// Whatever extraction yields for the seeds must validate too.
	seeds, _ := filepath.Glob("../../testdata/seeds/*.txt")
	if len(seeds) == 0 {
		t.Fatal("no seeds")
	}
	for _, p := range seeds {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		got, err := extract.Document(p, data, extract.Options{})
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		recs = append(recs, got...)
	}
	for i, r := range jsonLines(t, recs) {
		for _, e := range validate(s, r, fmt.Sprintf("record %d", i+1)) {
			t.Error(e)
		}
	}
}

func TestSchemaRejectsBadRecords(t *testing.T) {
	s := printedSchema(t)
	good := jsonLines(t, realisticRecords()[:1])[0].(map[string]any)
	cases := map[string]func(m map[string]any){
		"qualifier about":  func(m map[string]any) { m["qualifier"] = "about" },
		"change up":        func(m map[string]any) { m["change"] = "up" },
		"modality fact":    func(m map[string]any) { m["modality"] = "fact" },
		"period 16":        func(m map[string]any) { m["period"] = "16" },
		"period 2016-1":    func(m map[string]any) { m["period"] = "2016-1" },
		"line 0":           func(m map[string]any) { m["line"] = json.Number("0") },
		"col 1.5":          func(m map[string]any) { m["col"] = json.Number("1.5") },
		"value as string":  func(m map[string]any) { m["value"] = "3.5亿" },
		"unit null":        func(m map[string]any) { m["unit"] = nil },
		"no sentence":      func(m map[string]any) { delete(m, "sentence") },
		"upper not number": func(m map[string]any) { m["upper"] = "x" },
	}
	if errs := validate(s, good, "good"); len(errs) > 0 {
		t.Fatalf("a good record fails: %v", errs)
	}
	for name, spoil := range cases {
		m := map[string]any{}
		for k, v := range good {
			m[k] = v
		}
		spoil(m)
		if errs := validate(s, m, name); len(errs) == 0 {
			t.Errorf("%s: accepted", name)
		}
	}
	m := map[string]any{"extra": true}
	for k, v := range good {
		m[k] = v
	}
	if errs := validate(s, m, "extra field"); len(errs) > 0 {
		t.Errorf("extra fields are allowed: %v", errs)
	}
}
