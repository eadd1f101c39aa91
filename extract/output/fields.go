package output

import (
	"fmt"
	"slices"
	"strings"

	"github.com/policymetrics/policymetrics/extract"
)

// ParseFields reads a --fields list: record field names (extract.Fields) separated by
// commas, each at most once, in the order wanted. An unknown name is an error listing the
// known ones.
func ParseFields(s string) ([]string, error) {
	var out []string
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if !slices.Contains(extract.Fields, f) {
			return nil, fmt.Errorf("unknown field %q (the fields are %s)", f, strings.Join(extract.Fields, ", "))
		}
		if slices.Contains(out, f) {
			return nil, fmt.Errorf("field %q named twice", f)
		}
		out = append(out, f)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no field named (the fields are %s)", strings.Join(extract.Fields, ", "))
	}
	return out, nil
}

// fieldIndex maps the chosen fields to their positions in extract.Fields.
func fieldIndex(fields []string) []int {
	idx := make([]int, len(fields))
	for i, f := range fields {
		idx[i] = slices.Index(extract.Fields, f)
	}
	return idx
}

// recordCells are r's fields as text, in extract.Fields order (CSV/TSV cells).
func recordCells(c []string, r *extract.Record) []string {
	c = c[:0]
	for _, f := range extract.Fields {
		v, _ := r.Field(f)
		c = append(c, v)
	}
	return c
}

// appendFieldsJSON appends the chosen fields of r as one JSON object, in the order
// chosen; numbers as numbers, upper as null when the record has none.
func appendFieldsJSON(b []byte, r *extract.Record, fields []string, idx []int, cells []string) []byte {
	cells = recordCells(cells, r)
	b = append(b, '{')
	for i, f := range fields {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, f)
		b = append(b, ':')
		switch {
		case isNumeric[idx[i]] && cells[idx[i]] == "":
			b = append(b, "null"...) // upper of a record without a range, page of a text
		case isNumeric[idx[i]]:
			b = append(b, cells[idx[i]]...)
		default:
			b = appendJSONString(b, cells[idx[i]])
		}
	}
	return append(b, '}')
}
