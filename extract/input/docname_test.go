package input

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDocName(t *testing.T) {
	for _, c := range []struct {
		mode NameMode
		arg  string
		dir  bool
		name string
		row  bool
		want string
	}{
		{NamePath, "corpus", true, "corpus/2020/a.txt", false, "corpus/2020/a.txt"},
		{NameRel, "corpus", true, "corpus/2020/a.txt", false, "2020/a.txt"},
		{NameRel, "corpus/", true, "corpus/2020/a.txt", false, "2020/a.txt"},
		{NameRel, "corpus", true, "corpus/2020/x.zip!sub/m.txt", false, "2020/x.zip!sub/m.txt"},
		{NameRel, "data/a.txt", false, "data/a.txt", false, "a.txt"},
		{NameRel, "data/x.zip", false, "data/x.zip!sub/m.txt", false, "x.zip!sub/m.txt"},
		{NameRel, "data/t.csv", false, "data/t.csv#安徽/合肥", true, "t.csv#安徽/合肥"},
		{NameRel, "-", false, "-", false, "-"},
		{NameRel, "docs.jsonl", false, "reports/own-doc.txt", true, "reports/own-doc.txt"},
		{NameRel, "data/ab", false, "data/abc.txt", false, "data/abc.txt"},
		{NameBase, "corpus", true, "corpus/2020/a.txt", false, "a.txt"},
		{NameBase, "corpus", true, "corpus/2020/x.zip!sub/m.txt", false, "m.txt"},
		{NameBase, "o.zip", false, "o.zip!in.tar!d/x.txt", false, "x.txt"},
		{NameBase, "data/t.csv", false, "data/t.csv#a/b!c", true, "t.csv#a/b!c"},
		{NameBase, "corpus", true, "corpus/sub/t.jsonl#7", true, "t.jsonl#7"},
		{NameBase, "corpus", true, "corpus", false, "corpus"},
	} {
		if got := DocName(c.mode, c.arg, c.dir, c.name, c.row); got != c.want {
			t.Errorf("DocName(%s, %q, %v, %q, %v) = %q, want %q", c.mode, c.arg, c.dir, c.name, c.row, got, c.want)
		}
	}
	if _, err := ParseNameMode("full"); err == nil {
		t.Error("ParseNameMode accepted full")
	}
}

func TestWalkDocName(t *testing.T) {
	d := t.TempDir()
	os.MkdirAll(filepath.Join(d, "2020"), 0o755)
	os.WriteFile(filepath.Join(d, "2020", "a.txt"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(d, "b.txt"), []byte("y"), 0o644)
	for mode, want := range map[NameMode]string{
		NamePath: filepath.Join(d, "2020", "a.txt") + " " + filepath.Join(d, "b.txt") + " " + filepath.Join(d, "b.txt"),
		NameRel:  "2020/a.txt b.txt b.txt",
		NameBase: "a.txt b.txt b.txt",
	} {
		var got []string
		err := Walk(context.Background(), []string{d, filepath.Join(d, "b.txt")}, Options{DocName: mode}, func(it Item) error {
			got = append(got, it.Name)
			return nil
		})
		if err != nil || strings.Join(got, " ") != want {
			t.Errorf("%s: %q (%v), want %q", mode, got, err, want)
		}
	}
}
