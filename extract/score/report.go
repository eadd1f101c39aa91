package score

import (
	"fmt"
	"io"
	"strings"
)

// The writers below print what score.py prints, byte for byte:
//
//	score.py          → WriteTable(w); Summary line
//	score.py -v       → WriteTable(w); WriteDetails(w); Summary line
//	score.py --json   → WriteJSON(w)
//	score.py --json -v→ WriteJSON(w); WriteDetails(w)
//
// WriteText does the first two.

// WriteText prints score.py's text report (with -v when verbose).
func (res *Result) WriteText(w io.Writer, verbose bool) error {
	if err := res.WriteTable(w); err != nil {
		return err
	}
	if verbose {
		if err := res.WriteDetails(w); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintln(w, res.Summary())
	return err
}

// WriteJSON prints the figures as score.py --json does (one line).
func (res *Result) WriteJSON(w io.Writer) error {
	b, _ := res.Figures.MarshalJSON()
	_, err := fmt.Fprintf(w, "%s\n", b)
	return err
}

// WriteTable prints the per-document table, the ALL row and the field lines.
func (res *Result) WriteTable(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%-40s %5s %5s %5s %6s %6s %6s\n", "doc", "tp", "fp", "fn", "P", "R", "F1")
	for _, c := range res.Docs {
		p, r, f := c.PRF()
		fmt.Fprintf(&b, "%-40s %5d %5d %5d %6.3f %6.3f %6.3f\n", c.Doc, c.TP, c.FP, c.FN, p, r, f)
	}
	fg := res.Figures
	fmt.Fprintf(&b, "%-40s %5d %5d %5d %6.3f %6.3f %6.3f\n", "ALL", fg.TP, fg.FP, fg.FN, res.Precision, res.Recall, res.F1)
	fmt.Fprintf(&b, "fields over matched pairs: indicator overlap %.3f, text exact %.3f\n", fg.IndicatorOverlap, res.TextExact)
	b.WriteString("  accuracy: " + res.fieldList(res.Acc) + "\n")
	b.WriteString("  F1 of set values (an empty guess scores 0): " + res.fieldList(res.SetF1) + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func (res *Result) fieldList(v [4]float64) string {
	parts := make([]string, len(Fields))
	for i, k := range Fields {
		parts[i] = fmt.Sprintf("%s %.3f", k, v[i])
	}
	return strings.Join(parts, ", ")
}

// Summary is score.py's last line: the headline figures.
func (res *Result) Summary() string {
	return fmt.Sprintf("mention F1 %.3f (P %.3f R %.3f); record F1 %.3f; indicator overlap %.3f",
		res.F1, res.Precision, res.Recall, res.RecordF1, res.Figures.IndicatorOverlap)
}

// DetailLines are score.py's -v lines: MISS (required gold not found), FALSE (predictions
// that match nothing) and FIELD (matched pairs with an indicator overlap under 0.5 or a
// wrong period, qualifier, change or modality).
func (res *Result) DetailLines() []string {
	var out []string
	for _, g := range res.Missed {
		out = append(out, fmt.Sprintf("MISS  %s:%s  %s  = %s %s  [%s]", baseDocValue(g["doc"]), pyStr(g["line"]),
			pyStr(g["text"]), pyStr(g["value"]), pyStr(g["unit"]), pyStr(g["indicator"])))
	}
	for _, x := range res.False {
		out = append(out, fmt.Sprintf("FALSE %s:%s  %s  = %s %s", baseDocValue(x["doc"]), pyStr(x["line"]),
			pyStr(x["text"]), pyStr(x["value"]), pyStr(x["unit"])))
	}
	for _, pr := range res.Pairs {
		wrong := wrongFields(pr)
		if pr.Overlap >= 0.5 && len(wrong) == 0 {
			continue
		}
		parts := make([]string, len(wrong))
		for i, k := range wrong {
			parts[i] = fmt.Sprintf("%s: %s (gold %s)", k, orDash(pr.Pred[k]), orDash(pr.Gold[k]))
		}
		detail := strings.Join(parts, ", ")
		if pr.Overlap < 0.5 {
			ind := fmt.Sprintf("indicator: %s (gold %s)", orDash(pr.Pred["indicator"]), pyStr(pr.Gold["indicator"]))
			if detail != "" {
				ind += ", " + detail
			}
			detail = ind
		}
		out = append(out, fmt.Sprintf("FIELD %s:%s  %s  %s", baseDocValue(pr.Gold["doc"]), pyStr(pr.Gold["line"]),
			pyStr(pr.Gold["text"]), detail))
	}
	return out
}

// WriteDetails prints DetailLines.
func (res *Result) WriteDetails(w io.Writer) error {
	for _, l := range res.DetailLines() {
		if _, err := fmt.Fprintln(w, l); err != nil {
			return err
		}
	}
	return nil
}

func orDash(v any) string {
	if !pyTruthy(v) {
		return "-"
	}
	return pyStr(v)
}
