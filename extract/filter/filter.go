// Package filter keeps the records that match conditions on their fields, as analysts
// write them on the command line (--where concept=地区生产总值,unit=%,period=2025|2026).
package filter

import (
	"fmt"
	"strings"

	"github.com/policymetrics/policymetrics/extract"
)

// Condition is one test on a field: its value is one of Values (or none of them, with
// Negate). An empty value matches an empty field (area= keeps the document's own area).
type Condition struct {
	Field  string
	Values []string
	Negate bool
}

// Where is a conjunction of conditions; the zero value keeps every record.
type Where []Condition

// Parse reads conditions: field=value or field!=value, separated by commas, several
// values of one field separated by |. Several expressions (repeated --where flags) are
// joined by and.
func Parse(exprs ...string) (Where, error) {
	var w Where
	for _, expr := range exprs {
		for _, part := range strings.Split(expr, ",") {
			part = strings.TrimSpace(part)
			if part == "" {
				continue
			}
			c, err := parseCondition(part)
			if err != nil {
				return nil, err
			}
			w = append(w, c)
		}
	}
	return w, nil
}

func parseCondition(s string) (Condition, error) {
	i := strings.IndexByte(s, '=')
	if i <= 0 {
		return Condition{}, fmt.Errorf("%q: want field=value (or field!=value)", s)
	}
	c := Condition{Field: strings.TrimSpace(s[:i])}
	if strings.HasSuffix(c.Field, "!") {
		c.Negate = true
		c.Field = strings.TrimSpace(strings.TrimSuffix(c.Field, "!"))
	}
	var r extract.Record
	if _, ok := r.Field(c.Field); !ok {
		return Condition{}, fmt.Errorf("%q: no field %q (fields: %s)", s, c.Field, strings.Join(extract.Fields, ", "))
	}
	for _, v := range strings.Split(s[i+1:], "|") {
		c.Values = append(c.Values, strings.TrimSpace(v))
	}
	return c, nil
}

// Match reports whether r meets every condition.
func (w Where) Match(r *extract.Record) bool {
	for _, c := range w {
		v, _ := r.Field(c.Field)
		in := false
		for _, want := range c.Values {
			if v == want {
				in = true
				break
			}
		}
		if in == c.Negate {
			return false
		}
	}
	return true
}

// String writes the conditions back in the form Parse reads.
func (w Where) String() string {
	parts := make([]string, len(w))
	for i, c := range w {
		op := "="
		if c.Negate {
			op = "!="
		}
		parts[i] = c.Field + op + strings.Join(c.Values, "|")
	}
	return strings.Join(parts, ",")
}
