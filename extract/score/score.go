// Package score is an exact port of tools/score.py: it scores extracted records against
// gold records (SPEC.md §6) and prints the same figures, rounded the same way. Beside it,
// slots.go answers an analyst's headline-figure key from records (no score.py counterpart).
//
// A prediction matches a gold record when doc (base name, after any "archive!"), line and
// canonical unit are equal and the values agree to a relative 1e-6; matches are one to
// one, required gold before optional, in file order. Optional gold neither rewards nor
// penalises. Records are kept as decoded JSON (numbers as json.Number), so that odd input
// (a line given as "22", a value given as a string) is handled as Python handles it.
//
// Known differences, none of which touches well-formed records: the non-standard JSON
// literals NaN and Infinity, which Python's json accepts, are rejected; where score.py
// stops with a traceback (a gold record without doc, a unit that is not a string) Score
// returns an error; dict values print with sorted keys in -v lines; and sums of indicator
// overlaps are plain left-to-right float sums, as in Python up to 3.11 (3.12's sum()
// compensates rounding, which can move the last bit, never a rounded figure in practice).
package score

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"
)

// Record is one record as the scorer sees it: a decoded JSON object whose numbers are
// json.Number.
type Record map[string]any

// Get is rec.get(key) in Python: nil when absent.
func (r Record) Get(key string) any { return r[key] }

// Fields are the record fields compared over matched pairs besides indicator and text.
var Fields = []string{"period", "qualifier", "change", "modality"}

var unitAliases = map[string]string{
	"％": "%", "个百分点": "百分点", "人民币": "元", "元人民币": "元", "块": "元",
	"片每月": "片/月",
}

// CanonUnit is the unit a record is matched on: trimmed, with the aliases score.py folds
// (％ → %, 个百分点 → 百分点, 人民币/元人民币/块 → 元, 片每月 → 片/月).
func CanonUnit(u string) string {
	u = pyStrip(u)
	if a, ok := unitAliases[u]; ok {
		return a
	}
	return u
}

func canonUnitValue(v any) (string, error) {
	v = orEmpty(v)
	s, ok := v.(string)
	if !ok {
		return "", fmt.Errorf("unit %s is not a string: %w", pyRepr(v), errCrash)
	}
	return CanonUnit(s), nil
}

// BaseDoc is the document a record belongs to for matching: the part after the last "!"
// (an archive member), then the base name.
func BaseDoc(d string) string {
	if i := strings.LastIndexByte(d, '!'); i >= 0 {
		d = d[i+1:]
	}
	return d[strings.LastIndexByte(d, '/')+1:]
}

func baseDocValue(v any) string { return BaseDoc(pyStr(orEmpty(v))) }

// ReadRecords reads .jsonl files, folders of .jsonl/.json files (not recursive, in name
// order) and JSON array files, like score.py's read_records.
func ReadRecords(paths ...string) ([]Record, error) {
	var out []Record
	for _, p := range paths {
		files := []string{p}
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			entries, err := os.ReadDir(p)
			if err != nil {
				return nil, err
			}
			files = files[:0]
			for _, e := range entries {
				if n := e.Name(); strings.HasSuffix(n, ".jsonl") || strings.HasSuffix(n, ".json") {
					files = append(files, filepath.Join(p, n))
				}
			}
			sort.Strings(files)
			if len(files) == 0 {
				// Scoring against nothing would pass whatever the extraction does.
				return nil, fmt.Errorf("%s: no gold files (.jsonl or .json) in this folder", p)
			}
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				return nil, err
			}
			recs, err := ParseRecords(f, data)
			if err != nil {
				return nil, err
			}
			out = append(out, recs...)
		}
	}
	return out, nil
}

// ParseRecords reads one file's content: a JSON array of records, or JSON Lines (blank
// lines skipped). name is used in error messages.
func ParseRecords(name string, data []byte) ([]Record, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("%s: not UTF-8", name)
	}
	text := string(data)
	if stripped := pyLStrip(text); strings.HasPrefix(stripped, "[") {
		var raw []json.RawMessage
		if err := decode(stripped, &raw); err != nil {
			return nil, fmt.Errorf("%s: not a JSON array of records: %v", name, err)
		}
		out := make([]Record, 0, len(raw))
		for i, r := range raw {
			var rec Record
			if err := decode(string(r), &rec); err != nil || rec == nil {
				return nil, fmt.Errorf("%s: element %d is not a JSON object", name, i+1)
			}
			out = append(out, rec)
		}
		return out, nil
	}
	var out []Record
	for n, line := range pySplitLines(text) {
		line = pyStrip(line)
		if line == "" {
			continue
		}
		var rec Record
		if err := decode(line, &rec); err != nil {
			return nil, fmt.Errorf("%s:%d: not JSON: %v", name, n+1, err)
		}
		if rec == nil {
			return nil, fmt.Errorf("%s:%d: not a JSON object", name, n+1)
		}
		out = append(out, rec)
	}
	return out, nil
}

func decode(s string, v any) error {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("extra data after the JSON value")
	}
	return nil
}

// Convert turns any JSON-encodable slice of records (for example []extract.Record) into
// scorer records, exactly as score.py would read them from the tool's JSON output.
func Convert(records any) ([]Record, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(records); err != nil {
		return nil, err
	}
	var out []Record
	if err := decode(buf.String(), &out); err != nil {
		return nil, err
	}
	return out, nil
}

// Counts are one document's mention counts.
type Counts struct {
	Doc        string
	TP, FP, FN int
}

// PRF is the document's precision, recall and F1.
func (c Counts) PRF() (p, r, f float64) { return prf(c.TP, c.FP, c.FN) }

// Pair is a prediction matched to required gold, with the indicator overlap of the pair.
type Pair struct {
	Pred, Gold Record
	Overlap    float64
}

// Figures are score.py's --json figures, rounded as it rounds them. Marshalled, they give
// score.py's JSON byte for byte.
type Figures struct {
	Docs             int
	GoldRequired     int
	Predicted        int
	TP, FP, FN       int
	Precision        float64
	Recall           float64
	F1               float64
	IndicatorOverlap float64
	TextExact        float64
	PeriodAcc        float64
	QualifierAcc     float64
	ChangeAcc        float64
	ModalityAcc      float64
	PeriodF1         float64
	QualifierF1      float64
	ChangeF1         float64
	ModalityF1       float64
	RecordF1         float64
}

// Keys are the names of the figures in score.py's --json order.
var Keys = []string{
	"docs", "gold_required", "predicted", "tp", "fp", "fn", "precision", "recall", "f1",
	"indicator_overlap", "text_exact", "period_acc", "qualifier_acc", "change_acc",
	"modality_acc", "period_f1", "qualifier_f1", "change_f1", "modality_f1", "record_f1",
}

// Values returns the figures in Keys order (int or float64).
func (f Figures) Values() []any {
	return []any{f.Docs, f.GoldRequired, f.Predicted, f.TP, f.FP, f.FN, f.Precision, f.Recall,
		f.F1, f.IndicatorOverlap, f.TextExact, f.PeriodAcc, f.QualifierAcc, f.ChangeAcc,
		f.ModalityAcc, f.PeriodF1, f.QualifierF1, f.ChangeF1, f.ModalityF1, f.RecordF1}
}

// MarshalJSON writes the figures as Python's json.dumps does: keys in score.py's order,
// ", " and ": " separators, floats in repr form (1.0, 0.8571).
func (f Figures) MarshalJSON() ([]byte, error) {
	var b strings.Builder
	b.WriteByte('{')
	for i, v := range f.Values() {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(`"` + Keys[i] + `": `)
		switch x := v.(type) {
		case int:
			fmt.Fprintf(&b, "%d", x)
		case float64:
			b.WriteString(pyJSONFloat(x))
		}
	}
	b.WriteByte('}')
	return []byte(b.String()), nil
}

// Result is a scoring: the figures and everything behind them.
type Result struct {
	Figures Figures
	// Unrounded figures, as score.py prints them in its text report.
	Precision, Recall, F1, TextExact, RecordF1 float64
	Acc, SetF1                                 [4]float64 // by Fields
	Docs                                       []Counts   // every gold document, by name
	Pairs                                      []Pair     // in prediction order
	False                                      []Record   // false alarms, in prediction order
	Missed                                     []Record   // required gold not found, in gold order
}

// Score matches predictions to gold and computes the figures. It fails only where
// score.py stops with a traceback (a gold record without doc or line, a unit that is not
// a string, ...).
func Score(gold, pred []Record) (*Result, error) {
	type key struct{ doc, line, unit string }
	docs := map[string]bool{}
	gkey := map[key][]int{}
	used := make([]bool, len(gold))
	for i, g := range gold {
		d, ok := g["doc"]
		if !ok {
			return nil, fmt.Errorf("gold record %d has no doc: %w", i+1, errCrash)
		}
		docs[baseDocValue(d)] = true
		lv, ok := g["line"]
		if !ok {
			return nil, fmt.Errorf("gold record %d has no line: %w", i+1, errCrash)
		}
		line, err := pyInt(lv)
		if err != nil {
			return nil, fmt.Errorf("gold record %d: line %s is not an integer", i+1, pyRepr(lv))
		}
		unit, err := canonUnitValue(g["unit"])
		if err != nil {
			return nil, fmt.Errorf("gold record %d: %v", i+1, err)
		}
		k := key{baseDocValue(d), line, unit}
		gkey[k] = append(gkey[k], i)
	}
	perDoc := map[string]*Counts{}
	count := func(d string) *Counts {
		if c, ok := perDoc[d]; ok {
			return c
		}
		c := &Counts{Doc: d}
		perDoc[d] = c
		return c
	}
	res := &Result{}
	optional := func(r Record) bool { return pyEqual(r["status"], "optional") }
	for i, p := range pred {
		d := baseDocValue(p["doc"])
		if !docs[d] {
			continue
		}
		line, err := pyInt(p["line"])
		if errors.Is(err, errCrash) {
			return nil, fmt.Errorf("prediction %d: line %s: %w", i+1, pyRepr(p["line"]), err)
		}
		if err != nil {
			res.False = append(res.False, p)
			count(d).FP++
			continue
		}
		unit, err := canonUnitValue(p["unit"])
		if err != nil {
			return nil, fmt.Errorf("prediction %d: %v", i+1, err)
		}
		var cands []int
		for _, gi := range gkey[key{d, line, unit}] {
			if used[gi] {
				continue
			}
			gv, ok := gold[gi]["value"]
			if !ok {
				return nil, fmt.Errorf("gold record %d has no value: %w", gi+1, errCrash)
			}
			if closeValues(gv, p["value"]) {
				cands = append(cands, gi)
			}
		}
		sort.SliceStable(cands, func(a, b int) bool {
			return !optional(gold[cands[a]]) && optional(gold[cands[b]])
		})
		if len(cands) == 0 {
			res.False = append(res.False, p)
			count(d).FP++
			continue
		}
		g := gold[cands[0]]
		used[cands[0]] = true
		if !optional(g) {
			res.Pairs = append(res.Pairs, Pair{Pred: p, Gold: g})
			count(d).TP++
		}
	}
	for i, g := range gold {
		if !used[i] && !optional(g) {
			res.Missed = append(res.Missed, g)
			count(baseDocValue(g["doc"])).FN++
		}
	}
	for d := range docs {
		res.Docs = append(res.Docs, *count(d))
	}
	sort.Slice(res.Docs, func(a, b int) bool { return res.Docs[a].Doc < res.Docs[b].Doc })
	if err := res.figures(len(docs)); err != nil {
		return nil, err
	}
	return res, nil
}

func (res *Result) figures(ndocs int) error {
	tp, fp, fn := len(res.Pairs), len(res.False), len(res.Missed)
	p, r, f := prf(tp, fp, fn)
	var indSum float64
	for i := range res.Pairs {
		pp, g := res.Pairs[i].Pred, res.Pairs[i].Gold
		s, err := overlapValues(pp["indicator"], g["indicator"])
		if err != nil {
			return err
		}
		res.Pairs[i].Overlap = s
		indSum += s
	}
	ratio := func(n int) float64 {
		if tp == 0 {
			return 0
		}
		return float64(n) / float64(tp)
	}
	for k, name := range Fields {
		same, t, fp_, fn_ := 0, 0, 0, 0
		for _, pr := range res.Pairs {
			pv, gv := orEmpty(pr.Pred[name]), orEmpty(pr.Gold[name])
			eq := pyEqual(pv, gv)
			if eq {
				same++
			}
			if pyTruthy(pv) && eq {
				t++
			}
			if pyTruthy(pv) && !eq {
				fp_++
			}
			if pyTruthy(gv) && !eq {
				fn_++
			}
		}
		res.Acc[k] = ratio(same)
		_, _, res.SetF1[k] = prf(t, fp_, fn_)
	}
	textSame, full := 0, 0
	for _, pr := range res.Pairs {
		if pyEqual(orEmpty(pr.Pred["text"]), pr.Gold["text"]) {
			textSame++
		}
		if pr.Overlap >= 0.5 && len(wrongFields(pr)) == 0 {
			full++
		}
	}
	res.TextExact = ratio(textSame)
	_, _, rf := prf(full, fp+(tp-full), fn+(tp-full))
	res.Precision, res.Recall, res.F1, res.RecordF1 = p, r, f, rf
	ind := 0.0
	if tp > 0 {
		ind = pyRound(indSum/float64(tp), 4)
	}
	res.Figures = Figures{
		Docs: ndocs, GoldRequired: tp + fn, Predicted: tp + fp, TP: tp, FP: fp, FN: fn,
		Precision: pyRound(p, 4), Recall: pyRound(r, 4), F1: pyRound(f, 4),
		IndicatorOverlap: ind, TextExact: pyRound(res.TextExact, 4),
		PeriodAcc: pyRound(res.Acc[0], 4), QualifierAcc: pyRound(res.Acc[1], 4),
		ChangeAcc: pyRound(res.Acc[2], 4), ModalityAcc: pyRound(res.Acc[3], 4),
		PeriodF1: pyRound(res.SetF1[0], 4), QualifierF1: pyRound(res.SetF1[1], 4),
		ChangeF1: pyRound(res.SetF1[2], 4), ModalityF1: pyRound(res.SetF1[3], 4),
		RecordF1: pyRound(rf, 4),
	}
	return nil
}

// wrongFields are the Fields on which the pair disagrees.
func wrongFields(pr Pair) []string {
	var wrong []string
	for _, k := range Fields {
		if !pyEqual(orEmpty(pr.Pred[k]), orEmpty(pr.Gold[k])) {
			wrong = append(wrong, k)
		}
	}
	return wrong
}

// Close reports whether two values agree to a relative 1e-6 (and an absolute 1e-9).
func Close(a, b float64) bool {
	m := math.Abs(a)
	if bb := math.Abs(b); bb > m { // Python's max(): the first unless the second is greater
		m = bb
	}
	return math.Abs(a-b) <= float64(1e-6*m)+1e-9 // no fused multiply-add: Python rounds twice
}

func closeValues(a, b any) bool {
	fa, ok := pyFloat(a)
	if !ok {
		return false
	}
	fb, ok := pyFloat(b)
	if !ok {
		return false
	}
	return Close(fa, fb)
}

// LCS is the length of the longest common subsequence of two rune slices.
func LCS(a, b []rune) int {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for _, ca := range a {
		cur[0] = 0
		for j, cb := range b {
			if ca == cb {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(prev[j+1], cur[j])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// OverlapF1 is the indicator score: the F1 of the longest common subsequence of the two
// strings, over characters, after removing whitespace. An empty gold indicator scores 1
// against an empty prediction and 0 otherwise.
func OverlapF1(pred, gold string) float64 {
	pr, gr := []rune(pyJoinSplit(pred)), []rune(pyJoinSplit(gold))
	if len(gr) == 0 {
		if len(pr) == 0 {
			return 1
		}
		return 0
	}
	n := LCS(pr, gr)
	if n == 0 {
		return 0
	}
	p, r := float64(n)/float64(len(pr)), float64(n)/float64(len(gr))
	return 2 * p * r / (p + r)
}

func overlapValues(pred, gold any) (float64, error) {
	ps, ok1 := orEmpty(pred).(string)
	gs, ok2 := orEmpty(gold).(string)
	if !ok1 || !ok2 {
		return 0, fmt.Errorf("indicator %s / %s is not a string: %w", pyRepr(pred), pyRepr(gold), errCrash)
	}
	return OverlapF1(ps, gs), nil
}

func prf(tp, fp, fn int) (p, r, f float64) {
	if tp+fp > 0 {
		p = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// Below reports whether mention F1 or record F1 is under a floor (nil: no floor), with
// score.py's comparison (unrounded figures).
func (res *Result) Below(minF1, minRecordF1 *float64) bool {
	return (minF1 != nil && res.F1 < *minF1) || (minRecordF1 != nil && res.RecordF1 < *minRecordF1)
}
