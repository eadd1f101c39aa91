package extract

import (
	"context"
	"math/rand"
	"reflect"
	"strings"
	"testing"
)

// TestOwnRecordsAsFiltered: recordsWith given an own test (a chunk's, which leaves the
// sentences around the own ones unattributed) makes the records that making all and
// keeping those own accepts gives, for line ranges, scattered lines and column bounds
// (a record that starts at a minus sign one column before its number's), over the test
// documents and one of minus signs.
func TestOwnRecordsAsFiltered(t *testing.T) {
	docs := readTestdata(t, "corpus/*.txt")
	for name, data := range readTestdata(t, "genres/*.txt") {
		docs[name] = data
	}
	docs["minus.txt"] = []byte("统计公报\n自然增长率为-0.83‰，增速为-3.2%。\n-5%\n本年收支结余-12,378万元，增长3.5%。\n" +
		"2020-2025年投资增长-2.12%，自然增长率-2.12‰。\n")
	rng := rand.New(rand.NewSource(46))
	checked := 0
	for name, data := range docs {
		d := plainDocument(name, string(data))
		all, err := recordsWith(context.Background(), d, Options{}, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Count(string(data), "\n") + 1
		for try := range 8 {
			lo := rng.Intn(lines) + 1
			hi := lo + rng.Intn(lines-lo+1)
			col := 0
			if len(all) > 0 {
				col = all[rng.Intn(len(all))].Col + try%3 - 1 // at, before or after a record's start
			}
			owns := map[string]func(line, col int) bool{
				"lines":          func(l, _ int) bool { return l >= lo && l <= hi },
				"odd lines":      func(l, _ int) bool { return l%2 == 1 },
				"columns from":   func(_, c int) bool { return c >= col },
				"columns before": func(_, c int) bool { return c < col },
				"none":           func(int, int) bool { return false },
			}
			for what, own := range owns {
				var want []Record
				for _, r := range all {
					if own(r.Line, r.Col) {
						want = append(want, r)
					}
				}
				got, err := recordsWith(context.Background(), d, Options{}, nil, own)
				if err != nil {
					t.Fatal(err)
				}
				checked += len(want)
				if len(got) != len(want) || len(want) > 0 && !reflect.DeepEqual(got, want) {
					t.Fatalf("%s, own %s (lines %d-%d, columns from %d): %s", name, what, lo, hi, col, firstDifference(got, want))
				}
			}
		}
	}
	if checked < 1000 {
		t.Errorf("only %d own records compared", checked)
	}
}
