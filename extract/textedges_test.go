package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRuleWordsAtTextEdges: a word of any rule's list at the very start or end of a text,
// next to a figure or alone, is read without a panic (rules read the runes before and after
// a figure, and a text's edges are where an index runs out: 执行数12亿元 as a whole text
// once read a[-1]). Every word of the lexicon files, in a plain text and in a page.
func TestRuleWordsAtTextEdges(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("lexicon", "data", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no lexicon files: %v", err)
	}
	var words []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			if line = strings.TrimSpace(line); line != "" && line[0] != '#' && line[0] != '[' {
				words = append(words, strings.Fields(line)...)
			}
		}
	}
	if len(words) < 500 {
		t.Fatalf("only %d words read from %v", len(words), files)
	}
	forms := []string{"%s12亿元", "%s增长5%%", "12亿元%s", "增长5%%%s", "%s", "%s2025年", "2025年%s", "“%s”12%%"}
	for _, w := range words {
		for _, form := range forms {
			text := strings.ReplaceAll(form, "%%", "\x00")
			text = strings.ReplaceAll(strings.Replace(text, "%s", w, 1), "\x00", "%")
			checkNoPanic(t, "a.txt", text)
			checkNoPanic(t, "a.html", "<p>"+text+"</p>")
		}
	}
}

func checkNoPanic(t *testing.T, name, text string) {
	t.Helper()
	defer func() {
		if p := recover(); p != nil {
			t.Fatalf("%s %q: panic %v", name, text, p)
		}
	}()
	if _, err := Document(name, []byte(text), Options{}); err != nil {
		t.Fatalf("%s %q: %v", name, text, err)
	}
}
