package extract

import (
	"html"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzHTMLRecords extracts from an HTML page and checks each record's text against the
// source: it is what a reader sees from its line and column on (tags left out, entities
// decoded: 5&#37; reads 5%, never 5&), and that column is outside any tag or entity.
func FuzzHTMLRecords(f *testing.F) {
	for _, s := range []string{
		"投资5亿元", "投资5&amp;6亿元", "增长<b>6.5%</b>", "全年5&#20159;元", "<p>新增企业6家</p>",
		"5&nbsp;亿元", "约&lt;3万人", "<td>3</td><td>4万吨</td>", "近<span>4万</span>项", "5&", "5&amp",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.ContainsRune(s, 0) {
			return
		}
		page := "<html><body><p>" + s + "</p></body></html>"
		recs, err := Document("f.html", []byte(page), Options{})
		if err != nil {
			return
		}
		src := []rune(page)
		lines := []int{0}
		for i, r := range src {
			if r == '\n' {
				lines = append(lines, i+1)
			}
		}
		for _, r := range recs {
			if r.Line < 1 || r.Line > len(lines) {
				t.Fatalf("%q: record at line %d of %d", page, r.Line, len(lines))
			}
			off := lines[r.Line-1] + r.Col - 1
			if off < 0 || off >= len(src) {
				t.Fatalf("%q: record at %d:%d outside the page", page, r.Line, r.Col)
			}
			// Spaces are compared away: a reader drops those at a block's edge (0<dd> 万吨 reads
			// 0, then 万吨 on a line of its own), which visibleFrom does not model.
			if !strings.HasPrefix(withoutSpace(visibleFrom(src, off)), withoutSpace(r.Text)) || r.Text == "" {
				t.Fatalf("%q: text %q is not what a reader sees at %d:%d (%q)", page, r.Text, r.Line, r.Col, visibleFrom(src, off))
			}
			if insideMarkup(src, off) {
				t.Fatalf("%q: text %q at %d:%d starts inside a tag or entity", page, r.Text, r.Line, r.Col)
			}
			if strings.ContainsAny(r.Text, "<>") {
				t.Fatalf("%q: text %q holds a tag", page, r.Text)
			}
		}
	})
}

// visibleFrom is the text a reader sees from source position i on: tags left out,
// character references decoded.
func visibleFrom(src []rune, i int) string {
	var b strings.Builder
	for i < len(src) {
		switch src[i] {
		case '<':
			if j := indexFrom(src, i, '>'); j > 0 {
				i = j + 1
				continue
			}
		case '&':
			if n := numericRefLen(src, i); n > 0 {
				// &#20159 without its ';' is still a character to an HTML5 parser.
				b.WriteString(html.UnescapeString(string(src[i : i+n])))
				i += n
				continue
			}
			if j := indexFrom(src, i, ';'); j > 0 && j-i <= 32 {
				if dec := html.UnescapeString(string(src[i : j+1])); dec != string(src[i:j+1]) {
					b.WriteString(dec)
					i = j + 1
					continue
				}
			}
		}
		b.WriteRune(src[i])
		i++
	}
	return b.String()
}

// numericRefLen returns the length of a numeric character reference at src[i] (&#20159;,
// &#x4EBF, its ';' optional as HTML5 reads it), or 0.
func numericRefLen(src []rune, i int) int {
	j := i + 1
	if j >= len(src) || src[j] != '#' {
		return 0
	}
	j++
	hex := j < len(src) && (src[j] == 'x' || src[j] == 'X')
	if hex {
		j++
	}
	start := j
	for j < len(src) && (src[j] >= '0' && src[j] <= '9' || hex && (src[j] >= 'a' && src[j] <= 'f' || src[j] >= 'A' && src[j] <= 'F')) {
		j++
	}
	if j == start {
		return 0
	}
	if j < len(src) && src[j] == ';' {
		j++
	}
	return j - i
}

func indexFrom(src []rune, i int, r rune) int {
	for j := i; j < len(src); j++ {
		if src[j] == r {
			return j
		}
	}
	return -1
}

// insideMarkup reports whether source position i falls strictly inside a tag (<…>) or a
// character reference (&…;).
func insideMarkup(src []rune, i int) bool {
	if i <= 0 || i >= len(src) {
		return false
	}
	for j := i - 1; j >= 0 && j >= i-32; j-- {
		switch src[j] {
		case '>':
			goto entity
		case '<':
			// a tag only if it closes later and starts like one
			if j+1 < len(src) && (isASCIILetter(src[j+1]) || src[j+1] == '/' || src[j+1] == '!') {
				for k := i; k < len(src); k++ {
					if src[k] == '>' {
						return true
					}
					if src[k] == '<' {
						break
					}
				}
			}
			goto entity
		}
	}
entity:
	for j := i - 1; j >= 0 && j >= i-12; j-- {
		c := src[j]
		if c == '&' {
			// an entity spanning i: name or number characters up to a ; at or after i
			k := j + 1
			for k < len(src) && (isASCIILetter(src[k]) || src[k] >= '0' && src[k] <= '9' || src[k] == '#') {
				k++
			}
			return k < len(src) && src[k] == ';' && k >= i && html.UnescapeString(string(src[j:k+1])) != string(src[j:k+1])
		}
		if !(isASCIILetter(c) || c >= '0' && c <= '9' || c == '#') {
			return false
		}
	}
	return false
}

func isASCIILetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// withoutSpace drops all whitespace from s.
func withoutSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' {
			return -1
		}
		return r
	}, s)
}
