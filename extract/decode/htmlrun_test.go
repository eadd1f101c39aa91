package decode

import (
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/policymetrics/policymetrics/extract/normalize"
)

// textRuneByRune is htmlBuilder.text with every rune through content: what plainRun's
// runs must give.
func (b *htmlBuilder) textRuneByRune(tok []rune, start int, pre bool) {
	for k := 0; k < len(tok); {
		r, i := tok[k], start+k
		switch r {
		case ' ', '\t', '\n', '\r', '\f':
			if pre {
				switch r {
				case '\n':
					b.pending = -1
					b.emit('\n', i)
				case '\r':
				default:
					b.content(' ', i)
				}
			} else {
				if b.pending < 0 {
					b.pending, b.wrapped, b.tabbed = i, false, false
				}
				b.wrapped = b.wrapped || r == '\n' || r == '\r'
				if r == '\t' && !b.tabbed {
					b.tabbed, b.tabAt = true, i
				}
			}
			k++
			continue
		case 0:
			k++
			continue
		case '&':
			if dec, n := normalize.Entity(tok[k:], true); n > 0 {
				for _, d := range dec {
					b.content(d, i)
				}
				k += n
				continue
			}
		}
		b.content(r, i)
		k++
	}
}

// builderStep is one call on an htmlBuilder: a text token (pre or not), or a tag's line
// end or cell.
type builderStep struct {
	tok       string
	pre       bool
	end, cell bool
}

// TestPlainRun: the text the builder makes with plainRun's runs is the text it makes
// rune by rune, runes and map, over the test pages' tokens and 3000 random mixtures of
// pieces (Han text, Latin words, numbers split from their units, whitespace of every kind,
// entities, NUL, control runes, pre text).
func TestPlainRun(t *testing.T) {
	var pages [][]builderStep
	paths, _ := filepath.Glob("../../testdata/genres/*.html")
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, pageSteps(string(data)))
	}
	pieces := []string{
		"增长", "5.2%", "亿元", "2191.55", " ", "  ", "\t", "\n", "\r\n", "\f", "\x00", "\x01", "&amp;", "&nbsp;",
		"&#12290;", "&", "&x", "Windows", "GDP", "。", "（", "）", "a&lt;b", "十三五", "\u3000", "万吨\t23908.72",
	}
	rng := rand.New(rand.NewSource(95))
	for range 3000 {
		var steps []builderStep
		for range 1 + rng.Intn(12) {
			switch rng.Intn(8) {
			case 0:
				steps = append(steps, builderStep{end: true})
			case 1:
				steps = append(steps, builderStep{cell: true})
			default:
				var tok strings.Builder
				for range 1 + rng.Intn(6) {
					tok.WriteString(pieces[rng.Intn(len(pieces))])
				}
				steps = append(steps, builderStep{tok: tok.String(), pre: rng.Intn(6) == 0})
			}
		}
		pages = append(pages, steps)
	}
	for i, steps := range pages {
		got, want := buildSteps(steps, (*htmlBuilder).text), buildSteps(steps, (*htmlBuilder).textRuneByRune)
		if !slices.Equal(got.out, want.out) || !slices.Equal(got.srcIdx, want.srcIdx) {
			t.Fatalf("page %d: runs give %q %v, rune by rune %q %v", i, string(got.out), got.srcIdx, string(want.out), want.srcIdx)
		}
	}
}

// buildSteps makes the text of steps with text as the text tokens' reading.
func buildSteps(steps []builderStep, text func(*htmlBuilder, []rune, int, bool)) *htmlBuilder {
	b := &htmlBuilder{pending: -1}
	pos := 0
	for _, s := range steps {
		switch {
		case s.end:
			b.lineEnd(pos)
		case s.cell:
			b.cell(pos)
		default:
			tok := []rune(s.tok)
			text(b, tok, pos, s.pre)
			pos += len(tok)
		}
	}
	return b
}

// pageSteps are the steps HTMLDocumentOf takes on page, but for hidden markup.
func pageSteps(page string) []builderStep {
	var steps []builderStep
	z := html.NewTokenizer(strings.NewReader(page))
	for {
		switch tt := z.Next(); tt {
		case html.ErrorToken:
			return steps
		case html.TextToken:
			steps = append(steps, builderStep{tok: string(z.Raw())})
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			nb, _ := z.TagName()
			name := string(nb)
			switch {
			case blockElements[name]:
				steps = append(steps, builderStep{end: true})
			case name == "td" || name == "th":
				steps = append(steps, builderStep{cell: true})
			}
		}
	}
}
