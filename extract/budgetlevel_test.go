package extract

import "testing"

// TestBudgetLevelCarriedIntoAChunk: a line read from a place inside it, with what its
// text before that place says (lineLevelIn of that text), gives the level reading the
// line from its start gives, for every figure.
func TestBudgetLevelCarriedIntoAChunk(t *testing.T) {
	const concept = "一般公共预算收入"
	for _, c := range []struct {
		before, after string // the line cut in two; the figure is at the end of after
		want          string
	}{
		{"市本级一般公共预算收入10亿元。", "收入", "市本级"}, // a level before the cut goes on
		{"市本级收入10亿元。全市收入", "20亿元。收入", ""}, // the whole area after it
		{"全市收入10亿元。", "县级收入", "县级"},       // a level after the cut
		{"县级收入10亿元。", "全市收入", ""},         // the whole area after the cut
		{"收入10亿元。", "收入", "passage"},      // neither: the passage's level
		{"全市收入。市级收入10亿元。", "收入", "市级"},    // the last of the two
		{"市级收入。", "全省收入。区级收入", "区级"},      // both after the cut
	} {
		line := []rune(c.before + c.after + "5亿元")
		cut, at := len([]rune(c.before)), len(line)-3
		want := budgetLevel(line, 0, at, concept, "passage", lineLevel{})
		if want != c.want {
			t.Fatalf("%s|%s: read from the start %q, the case says %q", c.before, c.after, want, c.want)
		}
		carried := lineLevelIn(line, 0, cut, lineLevel{})
		if got := budgetLevel(line, cut, at, concept, "passage", carried); got != want {
			t.Errorf("%s|%s: %q from the cut, %q from the start", c.before, c.after, got, want)
		}
		// Carried over two cuts: the first part's state goes on through a part saying nothing.
		if got := budgetLevel(line, cut, at, concept, "passage", lineLevelIn(line, cut, cut, carried)); got != want {
			t.Errorf("%s|%s: %q carried through an empty part", c.before, c.after, got)
		}
	}
}
