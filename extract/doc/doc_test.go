package doc

import (
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/policymetrics/policymetrics/extract/normalize"
	"github.com/policymetrics/policymetrics/extract/textmap"
)

// TestSourceStartsVia: the source's lines read off the analysis text's are those a pass
// over the source finds, or none: over the corpus and seed documents normalised (where it
// must find them), over text of what normalisation folds and drops, and over random maps,
// where whatever it finds must still be right.
func TestSourceStartsVia(t *testing.T) {
	found := 0
	check := func(name, text string) {
		t.Helper()
		src := []rune(text)
		an := normalize.Normalize(textmap.Identity(src))
		if !an.Mapped() {
			return
		}
		got := sourceStartsVia(an, lineStarts(an.Runes), src, strings.Count(text, "\n"))
		if got == nil {
			return
		}
		found++
		if want := lineStarts(src); !slices.Equal(got, want) {
			t.Fatalf("%s: source lines start at %v, a pass over it finds %v", name, got, want)
		}
	}
	for _, pattern := range []string{"corpus/*.txt", "seeds/*.txt"} {
		paths, _ := filepath.Glob(filepath.Join("..", "..", "testdata", pattern))
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			check(p, string(data))
		}
	}
	if found == 0 {
		t.Fatal("the source's lines were never read off the analysis text's")
	}
	rng := rand.New(rand.NewSource(2))
	pieces := []string{"\n", "增长", "２０２５", "&#10;", "&amp;", "<b>", "\u3000", "區", " ", "\u200b", "\r\n", "a", "。"}
	for range 20000 {
		var b strings.Builder
		for range rng.Intn(12) {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		check("random", b.String())
	}
	for range 50000 {
		src := make([]rune, rng.Intn(8))
		for i := range src {
			src[i] = []rune("\na中")[rng.Intn(3)]
		}
		an := make([]rune, rng.Intn(8))
		anSrc := make([]int32, len(an))
		for i := range an {
			an[i] = []rune("\na")[rng.Intn(2)]
			anSrc[i] = int32(rng.Intn(len(src) + 1))
		}
		newlines := strings.Count(string(src), "\n") + rng.Intn(2)
		if got := sourceStartsVia(textmap.Text{Runes: an, Src: anSrc}, lineStarts(an), src, newlines); got != nil && !slices.Equal(got, lineStarts(src)) {
			t.Fatalf("src %q, analysis %q mapped %v: lines at %v, want %v", string(src), string(an), anSrc, got, lineStarts(src))
		}
	}
}

// TestPosCursor: a cursor's Pos is SourcePos for offsets asked in order, backwards, near
// one another and anywhere, over the test documents and text of short, long and empty
// lines, and on a chunk's page source (SetSource), whose lines begin before the chunk's.
func TestPosCursor(t *testing.T) {
	texts := []string{"", "\n", "\n\n\n", "a", "增长\n\n3.5%\n"}
	for _, pattern := range []string{"corpus/*.txt", "seeds/*.txt"} {
		paths, _ := filepath.Glob(filepath.Join("..", "..", "testdata", pattern))
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, string(data))
		}
	}
	rng := rand.New(rand.NewSource(7))
	for range 200 {
		var b strings.Builder
		for range rng.Intn(60) {
			b.WriteString([]string{"\n", "增", "a", "\n\n\n\n\n\n\n\n\n\n"}[rng.Intn(4)])
		}
		texts = append(texts, b.String())
	}
	check := func(name string, d *Document, n int) {
		t.Helper()
		var offsets []int
		for i := 0; i < n; i += 1 + rng.Intn(40) {
			offsets = append(offsets, i)
		}
		back := slices.Clone(offsets)
		slices.Reverse(back)
		scattered := make([]int, 2*len(offsets))
		for k := range scattered {
			scattered[k] = rng.Intn(n)
		}
		for _, order := range [][]int{offsets, back, scattered} {
			c := d.Cursor()
			for _, i := range order {
				l, col := c.Pos(i)
				if wl, wcol := d.SourcePos(i); l != wl || col != wcol {
					t.Fatalf("%s: Pos(%d) = %d:%d, SourcePos says %d:%d", name, i, l, col, wl, wcol)
				}
			}
		}
	}
	for _, text := range texts {
		src := []rune(text)
		if len(src) == 0 {
			continue
		}
		d := Build("t", src, textmap.Identity(src))
		check(text[:min(len(text), 20)], d, len(src))
		d.SetSource(len(src), lineStarts(src))
		check("page "+text[:min(len(text), 20)], d, len(src))
	}
}
