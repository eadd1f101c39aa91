package score

import (
	"bytes"
	"encoding/json"
	"flag"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "regenerate testdata/score/expected with python3 testdata/score/score.py")

// root is the repository root: the paths in the cases are relative to it.
const root = "../.."

// The cases score the fixed predictions of testdata/score/pred (written by gen_preds.py
// from the dev gold) against the dev gold. expected/<name>.json is `score.py --json`,
// expected/<name>.txt is `score.py -v`, both produced by score.py itself.
var pyCases = []struct {
	name       string
	gold, pred []string
}{
	{"exact", []string{"testdata/gold/dev"}, []string{"testdata/score/pred/exact.jsonl"}},
	{"all_gold", []string{"testdata/gold/dev"}, []string{"testdata/score/pred/all_gold.jsonl"}},
	{"optional_only", []string{"testdata/gold/dev"}, []string{"testdata/score/pred/optional_only.jsonl"}},
	{"perturbed", []string{"testdata/gold/dev"}, []string{"testdata/score/pred/perturbed.jsonl"}},
	{"array", []string{"testdata/gold/dev"}, []string{"testdata/score/pred/array.json"}},
	{"folder", []string{"testdata/gold/dev"}, []string{"testdata/score/pred/folder"}},
	{"empty", []string{"testdata/gold/dev"}, []string{"testdata/score/pred/empty.jsonl"}},
	{"two_preds", []string{"testdata/gold/dev"}, []string{"testdata/score/pred/exact.jsonl", "testdata/score/pred/perturbed.jsonl"}},
	{"one_gold_file", []string{"testdata/gold/dev/002_15ed48a196308db7.jsonl"}, []string{"testdata/score/pred/perturbed.jsonl"}},
}

func runPython(t *testing.T, args ...string) string {
	t.Helper()
	cmd := exec.Command("python3", append([]string{"testdata/score/score.py"}, args...)...)
	cmd.Dir = root
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("python3 score.py %v: %v", args, err)
	}
	return out.String()
}

func pyArgs(gold, pred []string) []string {
	return append(append([]string{"--gold"}, gold...), append([]string{"--pred"}, pred...)...)
}

func abs(paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = filepath.Join(root, p)
	}
	return out
}

// TestMatchesScorePy proves the port prints what score.py prints: the --json figures byte
// for byte (so equal to every decimal, not only three) and the -v report line for line.
func TestMatchesScorePy(t *testing.T) {
	if *update {
		if _, err := exec.LookPath("python3"); err != nil {
			t.Fatal("-update needs python3")
		}
	}
	for _, c := range pyCases {
		t.Run(c.name, func(t *testing.T) {
			jsonFile := filepath.Join(root, "testdata/score/expected", c.name+".json")
			textFile := filepath.Join(root, "testdata/score/expected", c.name+".txt")
			if *update {
				args := pyArgs(c.gold, c.pred)
				write(t, jsonFile, runPython(t, append(args, "--json")...))
				write(t, textFile, runPython(t, append(args, "-v")...))
			}
			gold, err := ReadRecords(abs(c.gold)...)
			if err != nil {
				t.Fatal(err)
			}
			pred, err := ReadRecords(abs(c.pred)...)
			if err != nil {
				t.Fatal(err)
			}
			res, err := Score(gold, pred)
			if err != nil {
				t.Fatal(err)
			}
			var js, text bytes.Buffer
			if err := res.WriteJSON(&js); err != nil {
				t.Fatal(err)
			}
			if err := res.WriteText(&text, true); err != nil {
				t.Fatal(err)
			}
			wantJSON, wantText := read(t, jsonFile), read(t, textFile)
			if js.String() != wantJSON {
				t.Errorf("--json differs from score.py:\n got %s\nwant %s", js.String(), wantJSON)
				compareFigures(t, js.String(), wantJSON)
			}
			if text.String() != wantText {
				got, want := strings.Split(text.String(), "\n"), strings.Split(wantText, "\n")
				for i := 0; i < max(len(got), len(want)); i++ {
					g, w := at(got, i), at(want, i)
					if g != w {
						t.Errorf("-v report line %d:\n got %q\nwant %q", i+1, g, w)
						break
					}
				}
			}
		})
	}
}

// compareFigures says which figure differs and whether it does to three decimals.
func compareFigures(t *testing.T, got, want string) {
	var g, w map[string]float64
	if err := json.Unmarshal([]byte(got), &g); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatal(err)
	}
	for _, k := range Keys {
		if math.Abs(g[k]-w[k]) >= 0.0005 {
			t.Errorf("%s = %v, score.py %v", k, g[k], w[k])
		}
	}
}

func at(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return "<end>"
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (regenerate with go test ./extract/score -run TestMatchesScorePy -update)", err)
	}
	return string(b)
}

func write(t *testing.T, path, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}
