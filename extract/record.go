// Package extract turns a document into indicator records (SPEC.md §1): one record per
// quantity mention, in document order, each traceable to its line and column in the source.
package extract

import (
	"strconv"

	"github.com/policymetrics/policymetrics/units"
)

// Record is one quantity mention. Field order is SPEC.md §1's, and so is the order of
// JSON keys and CSV columns. Upper and RawUnit are extras the scorer ignores.
type Record struct {
	Doc       string        `json:"doc"`
	Line      int           `json:"line"`
	Col       int           `json:"col"`
	Text      string        `json:"text"`
	Value     units.Decimal `json:"value"`
	Unit      string        `json:"unit"`
	Indicator string        `json:"indicator"`
	Concept   string        `json:"concept"`
	Area      string        `json:"area"`
	Period    string        `json:"period"`
	Qualifier string        `json:"qualifier"`
	Change    string        `json:"change"`
	Modality  string        `json:"modality"`
	Sentence  string        `json:"sentence"`

	Upper   *units.Decimal `json:"upper,omitempty"`
	RawUnit string         `json:"raw_unit,omitempty"`
	// Page is the 1-based page of a paged document (PDF), 0 otherwise.
	Page int `json:"page,omitempty"`
}

// Fields are the record's column names in output order (CSV/TSV headers).
var Fields = []string{
	"doc", "line", "col", "text", "value", "unit", "indicator", "concept", "area", "period",
	"qualifier", "change", "modality", "sentence", "upper", "raw_unit", "page",
}

// Field returns the named field of r as text (SPEC.md §1 names), the way CSV writes it,
// and whether r has such a field.
func (r *Record) Field(name string) (string, bool) {
	switch name {
	case "doc":
		return r.Doc, true
	case "line":
		return strconv.Itoa(r.Line), true
	case "col":
		return strconv.Itoa(r.Col), true
	case "text":
		return r.Text, true
	case "value":
		return r.Value.String(), true
	case "unit":
		return r.Unit, true
	case "indicator":
		return r.Indicator, true
	case "concept":
		return r.Concept, true
	case "area":
		return r.Area, true
	case "period":
		return r.Period, true
	case "qualifier":
		return r.Qualifier, true
	case "change":
		return r.Change, true
	case "modality":
		return r.Modality, true
	case "sentence":
		return r.Sentence, true
	case "upper":
		if r.Upper == nil {
			return "", true
		}
		return r.Upper.String(), true
	case "raw_unit":
		return r.RawUnit, true
	case "page":
		if r.Page == 0 {
			return "", true
		}
		return strconv.Itoa(r.Page), true
	}
	return "", false
}
