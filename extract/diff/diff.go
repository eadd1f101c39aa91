// Package diff compares a document's expected records with the records extracted now, the
// way a person reads a change: records are aligned by content (a longest common
// subsequence on text, value, unit and sentence), so one inserted sentence shows as the
// records it added, and an edit as the records that changed, field by field.
package diff

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/policymetrics/policymetrics/extract"
	"github.com/policymetrics/policymetrics/extract/score"
	"github.com/policymetrics/policymetrics/units"
)

// Record is one record as its JSON fields, so that fields no struct knows of are compared
// too.
type Record struct {
	Line, Col int
	Fields    map[string]json.RawMessage
}

// Parse reads JSON Lines records (a leading BOM and blank lines allowed). what names the
// source in errors: "a.txt.expected.jsonl:3: not a JSON object".
func Parse(data []byte, what string) ([]Record, error) {
	var out []Record
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	for n, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal([]byte(line), &m); err != nil || m == nil {
			return nil, fmt.Errorf("%s:%d: not a JSON object", what, n+1)
		}
		r := Record{Fields: m}
		for _, k := range []struct {
			name string
			to   *int
		}{{"line", &r.Line}, {"col", &r.Col}} {
			if err := json.Unmarshal(m[k.name], k.to); err != nil || *k.to < 1 {
				return nil, fmt.Errorf("%s:%d: %s is not a positive integer", what, n+1, k.name)
			}
		}
		out = append(out, r)
	}
	return out, nil
}

func (r Record) str(field string) string {
	var s string
	if json.Unmarshal(r.Fields[field], &s) != nil {
		return ""
	}
	return s
}

// key is what aligns records: the same text, value, unit and sentence.
func (r Record) key() string {
	v := Show(r.Fields["value"])
	if d, err := units.ParseDecimal(v); err == nil {
		v = d.String()
	}
	return r.str("text") + "\x00" + v + "\x00" + r.str("unit") + "\x00" + r.str("sentence")
}

func (r Record) label() string { return fmt.Sprintf("line %d col %d %s", r.Line, r.Col, r.str("text")) }

func (r Record) valueUnit() string {
	s := Show(r.Fields["value"])
	if u := r.str("unit"); u != "" {
		s += " " + u
	}
	return s
}

// Kind is what became of a record.
type Kind int

// The kinds of entries.
const (
	Missing    Kind = iota // expected, not extracted
	Unexpected             // extracted, not expected
	Changed                // the same record, some fields (not only its position) differ
	Moved                  // the same record, only at another position
)

// FieldChange is one field that differs, both values as shown to a person.
type FieldChange struct {
	Field     string
	Want, Got string
}

// Entry is one difference, in document order.
type Entry struct {
	Kind      Kind
	Want, Got *Record // Want is nil for Unexpected, Got for Missing
	Changes   []FieldChange
}

// Result is the difference between two lists of records.
type Result struct {
	Entries                             []Entry
	Missing, Unexpected, Changed, Moved int
}

// Empty reports whether the records are the same.
func (r Result) Empty() bool { return len(r.Entries) == 0 }

// Compare aligns want and got by content and compares the aligned pairs field by field
// (numbers as decimals, so 6.50 is 6.5; doc by base name; an absent field like "" or
// null). Records left over between two aligned ones are paired as changed when they
// share a position, a text or a sentence; the rest are missing or unexpected.
func Compare(want, got []Record) Result {
	want, got = sorted(want), sorted(got)
	wk, gk := make([]string, len(want)), make([]string, len(got))
	for i := range want {
		wk[i] = want[i].key()
	}
	for i := range got {
		gk[i] = got[i].key()
	}
	var res Result
	add := func(e Entry) {
		res.Entries = append(res.Entries, e)
		switch e.Kind {
		case Missing:
			res.Missing++
		case Unexpected:
			res.Unexpected++
		case Changed:
			res.Changed++
		case Moved:
			res.Moved++
		}
	}
	pair := func(w, g *Record) {
		changes := fieldChanges(*w, *g)
		switch {
		case len(changes) > 0:
			add(Entry{Kind: Changed, Want: w, Got: g, Changes: changes})
		case w.Line != g.Line || w.Col != g.Col:
			add(Entry{Kind: Moved, Want: w, Got: g})
		}
	}
	i, j := 0, 0
	for _, m := range lcs(wk, gk) {
		gap(want[i:m[0]], got[j:m[1]], pair, add)
		pair(&want[m[0]], &got[m[1]])
		i, j = m[0]+1, m[1]+1
	}
	gap(want[i:], got[j:], pair, add)
	return res
}

func sorted(rs []Record) []Record {
	out := append([]Record(nil), rs...)
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].Line != out[b].Line {
			return out[a].Line < out[b].Line
		}
		return out[a].Col < out[b].Col
	})
	return out
}

// gap handles the records between two aligned pairs: those at one position, then those
// with one text, then those in one sentence, are the same record changed; the others missing or unexpected. Entries
// come in document order.
func gap(want, got []Record, pair func(w, g *Record), add func(Entry)) {
	wUsed, gUsed := make([]int, len(want)), make([]int, len(got)) // index+1 of the partner
	for _, same := range []func(a, b *Record) bool{
		func(a, b *Record) bool { return a.Line == b.Line && a.Col == b.Col },
		func(a, b *Record) bool { return a.str("text") == b.str("text") },
		func(a, b *Record) bool { return a.str("sentence") == b.str("sentence") },
	} {
		for wi := range want {
			if wUsed[wi] != 0 {
				continue
			}
			for gi := range got {
				if gUsed[gi] == 0 && same(&want[wi], &got[gi]) {
					wUsed[wi], gUsed[gi] = gi+1, wi+1
					break
				}
			}
		}
	}
	// Merge in document order: a want record (with its partner), or an unpaired got one.
	wi, gi := 0, 0
	for wi < len(want) || gi < len(got) {
		if gi < len(got) && gUsed[gi] != 0 {
			gi++ // written with its partner
			continue
		}
		takeGot := wi >= len(want) || (gi < len(got) && before(&got[gi], &want[wi]))
		if takeGot {
			add(Entry{Kind: Unexpected, Got: &got[gi]})
			gi++
			continue
		}
		if p := wUsed[wi]; p != 0 {
			pair(&want[wi], &got[p-1])
		} else {
			add(Entry{Kind: Missing, Want: &want[wi]})
		}
		wi++
	}
}

func before(a, b *Record) bool {
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	return a.Col < b.Col
}

// lcs is a longest common subsequence of a and b, as index pairs in order. Memory is
// len(a)×len(b) bytes of directions for documents of usual size; above a million cells
// it aligns equal runs at the ends and pairs the middle by a greedy scan, which is never
// wrong, only sometimes less tight.
func lcs(a, b []string) [][2]int {
	// Common prefix and suffix first: the usual case is a few changes.
	var head, tail [][2]int
	for len(a) > 0 && len(b) > 0 && a[0] == b[0] {
		head = append(head, [2]int{len(head), len(head)})
		a, b = a[1:], b[1:]
	}
	off := len(head)
	for len(a) > 0 && len(b) > 0 && a[len(a)-1] == b[len(b)-1] {
		tail = append(tail, [2]int{off + len(a) - 1, off + len(b) - 1})
		a, b = a[:len(a)-1], b[:len(b)-1]
	}
	var mid [][2]int
	if len(a)*len(b) <= 1<<20 {
		mid = lcsTable(a, b)
	} else {
		mid = lcsGreedy(a, b)
	}
	out := head
	for _, m := range mid {
		out = append(out, [2]int{m[0] + off, m[1] + off})
	}
	for k := len(tail) - 1; k >= 0; k-- {
		out = append(out, tail[k])
	}
	return out
}

func lcsTable(a, b []string) [][2]int {
	n, m := len(a), len(b)
	if n == 0 || m == 0 {
		return nil
	}
	// l[i][j] = LCS length of a[i:] and b[j:].
	l := make([][]int32, n+1)
	for i := range l {
		l[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				l[i][j] = l[i+1][j+1] + 1
			} else {
				l[i][j] = max(l[i+1][j], l[i][j+1])
			}
		}
	}
	var out [][2]int
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case a[i] == b[j]:
			out = append(out, [2]int{i, j})
			i++
			j++
		case l[i+1][j] >= l[i][j+1]:
			i++
		default:
			j++
		}
	}
	return out
}

// lcsGreedy matches each a in turn with the next equal b, when there is one.
func lcsGreedy(a, b []string) [][2]int {
	pos := map[string][]int{}
	for j, s := range b {
		pos[s] = append(pos[s], j)
	}
	var out [][2]int
	next := 0
	for i, s := range a {
		ps := pos[s]
		k := sort.SearchInts(ps, next)
		if k < len(ps) {
			out = append(out, [2]int{i, ps[k]})
			next = ps[k] + 1
		}
	}
	return out
}

// fieldChanges lists the fields other than the position that differ, in extract.Fields
// order and then any other fields sorted.
func fieldChanges(w, g Record) []FieldChange {
	var out []FieldChange
	for _, k := range fieldOrder(w, g) {
		if k == "line" || k == "col" {
			continue
		}
		if !SameField(k, w.Fields[k], g.Fields[k]) {
			out = append(out, FieldChange{Field: k, Want: Show(w.Fields[k]), Got: Show(g.Fields[k])})
		}
	}
	return out
}

func fieldOrder(a, b Record) []string {
	order := append([]string(nil), extract.Fields...)
	known := map[string]bool{}
	for _, k := range order {
		known[k] = true
	}
	var extra []string
	for _, m := range []map[string]json.RawMessage{a.Fields, b.Fields} {
		for k := range m {
			if !known[k] {
				known[k] = true
				extra = append(extra, k)
			}
		}
	}
	sort.Strings(extra)
	return append(order, extra...)
}

// SameField compares one field's JSON values: numbers exactly as decimals (6.50 is 6.5),
// doc by base name, and an absent field like null or "".
func SameField(name string, a, b json.RawMessage) bool {
	va, vb := decodeField(a), decodeField(b)
	if name == "doc" {
		sa, _ := va.(string)
		sb, _ := vb.(string)
		return score.BaseDoc(sa) == score.BaseDoc(sb)
	}
	if na, ok := va.(json.Number); ok {
		if nb, ok := vb.(json.Number); ok {
			da, errA := units.ParseDecimal(string(na))
			db, errB := units.ParseDecimal(string(nb))
			if errA == nil && errB == nil {
				return da.Equal(db)
			}
			return na == nb
		}
	}
	return reflect.DeepEqual(va, vb)
}

func decodeField(raw json.RawMessage) any {
	if raw == nil {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if dec.Decode(&v) != nil {
		return string(raw)
	}
	if v == "" {
		return nil
	}
	return v
}

// Show is a field's value as a person reads it: strings without quotes, "" for an empty
// one, (none) for an absent field.
func Show(raw json.RawMessage) string {
	switch v := decodeField(raw).(type) {
	case nil:
		if raw == nil {
			return "(none)"
		}
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return `""`
		}
		return "null"
	case string:
		return v
	}
	return string(raw)
}

// Lines are the entries as a report shows them, one line per changed field:
//
//	line 24 col 52 34.1亿元: unit 元 → 万元
//	line 3 col 5 6.5%: missing (6.5 %)
//	line 30 col 1 350万户: unexpected (3500000 户)
//	line 40 col 1 5个 … line 52 col 9 7家: 6 records moved 1 line down
//
// Records moved by the same offset one after another are told in one line.
func (r Result) Lines() []string {
	var out []string
	for i := 0; i < len(r.Entries); i++ {
		e := r.Entries[i]
		switch e.Kind {
		case Missing:
			out = append(out, e.Want.label()+": missing ("+e.Want.valueUnit()+")")
		case Unexpected:
			out = append(out, e.Got.label()+": unexpected ("+e.Got.valueUnit()+")")
		case Changed:
			if e.Want.Line != e.Got.Line || e.Want.Col != e.Got.Col {
				out = append(out, fmt.Sprintf("%s: at line %d col %d", e.Want.label(), e.Got.Line, e.Got.Col))
			}
			for _, c := range e.Changes {
				out = append(out, fmt.Sprintf("%s: %s %s → %s", e.Want.label(), c.Field, c.Want, c.Got))
			}
		case Moved:
			dl, dc := e.Got.Line-e.Want.Line, e.Got.Col-e.Want.Col
			k := i
			for k+1 < len(r.Entries) && r.Entries[k+1].Kind == Moved &&
				r.Entries[k+1].Got.Line-r.Entries[k+1].Want.Line == dl && r.Entries[k+1].Got.Col-r.Entries[k+1].Want.Col == dc {
				k++
			}
			if k == i {
				out = append(out, fmt.Sprintf("%s: moved to line %d col %d", e.Want.label(), e.Got.Line, e.Got.Col))
			} else {
				out = append(out, fmt.Sprintf("%s … %s: %d records moved %s", e.Want.label(), r.Entries[k].Want.label(), k-i+1, offset(dl, dc)))
			}
			i = k
		}
	}
	return out
}

func offset(dl, dc int) string {
	var parts []string
	for _, p := range []struct {
		n          int
		what       string
		less, more string
	}{{dl, "line", "up", "down"}, {dc, "column", "left", "right"}} {
		switch {
		case p.n > 0:
			parts = append(parts, fmt.Sprintf("%d %s %s", p.n, plural(p.n, p.what), p.more))
		case p.n < 0:
			parts = append(parts, fmt.Sprintf("%d %s %s", -p.n, plural(-p.n, p.what), p.less))
		}
	}
	return strings.Join(parts, ", ")
}

func plural(n int, what string) string {
	if n == 1 {
		return what
	}
	return what + "s"
}

// Summary counts the entries: "1 missing, 2 changed".
func (r Result) Summary() string {
	var parts []string
	for _, c := range []struct {
		n    int
		what string
	}{{r.Missing, "missing"}, {r.Unexpected, "unexpected"}, {r.Changed, "changed"}, {r.Moved, "moved"}} {
		if c.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", c.n, c.what))
		}
	}
	return strings.Join(parts, ", ")
}
