package score

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path"
	"strings"

	"github.com/policymetrics/policymetrics/extract"
)

// Slot is one headline figure of an analyst's answer key: the value a document states for
// its own area of a concept, in a unit, period and modality ("Anhui's 2026 GDP growth
// target"), or none when it states none.
type Slot struct {
	Doc      string   `json:"doc"`
	Name     string   `json:"slot"`
	Concept  string   `json:"concept"`
	Unit     string   `json:"unit"`
	Modality string   `json:"modality"`
	Period   string   `json:"period"`
	Value    *float64 `json:"value"`
}

// SlotResult is how records answered a slot: the values of the records that match it, and
// whether they hold exactly the key's value (or nothing, where the key has none).
type SlotResult struct {
	Doc, Name string
	Want      []float64
	Got       []float64
	OK        bool
}

// ReadSlots reads an answer key, one slot a line (JSON Lines). Several lines for one
// document and slot give the values the key accepts.
func ReadSlots(file string) ([]Slot, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Slot
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var s Slot
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", file, n, err)
		}
		out = append(out, s)
	}
	return out, sc.Err()
}

// ScoreSlots answers every slot from recs: the records of the slot's document (by base
// name) with its concept, unit, modality and period and an empty area must all hold one
// of the key's values; none may where the key has none.
func ScoreSlots(key []Slot, recs []extract.Record) []SlotResult {
	type id struct{ doc, name string }
	var order []id
	byID := map[id]*SlotResult{}
	spec := map[id]Slot{}
	for _, s := range key {
		k := id{s.Doc, s.Name}
		r, ok := byID[k]
		if !ok {
			r = &SlotResult{Doc: s.Doc, Name: s.Name}
			byID[k] = r
			spec[k] = s
			order = append(order, k)
		}
		if s.Value != nil {
			r.Want = append(r.Want, *s.Value)
		}
	}
	out := make([]SlotResult, 0, len(order))
	for _, k := range order {
		r, s := byID[k], spec[k]
		for i := range recs {
			rec := &recs[i]
			if baseName(rec.Doc) != s.Doc || rec.Concept != s.Concept || rec.Unit != s.Unit ||
				rec.Modality != s.Modality || rec.Period != s.Period || rec.Area != "" {
				continue
			}
			r.Got = append(r.Got, rec.Value.Float64())
		}
		r.OK = len(r.Got) == 0 && len(r.Want) == 0 || len(r.Got) > 0 && allIn(r.Got, r.Want)
		out = append(out, *r)
	}
	return out
}

func baseName(doc string) string {
	if i := strings.LastIndex(doc, "!"); i >= 0 {
		doc = doc[i+1:]
	}
	return path.Base(strings.ReplaceAll(doc, "\\", "/"))
}

func allIn(got, want []float64) bool {
	for _, g := range got {
		found := false
		for _, w := range want {
			if math.Abs(g-w) <= 1e-6*math.Max(1, math.Abs(w)) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
