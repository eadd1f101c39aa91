package decode

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/policymetrics/policymetrics/extract/read"
	"github.com/policymetrics/policymetrics/extract/textmap"
)

// TestHTMLPageSource: the source HTMLPage reads with the tokens is []rune(s), or its
// length and line starts, and its text and tables are HTMLDocumentOf's, over the test
// pages (GBK ones as they come, invalid UTF-8) and odd ones: markup cut off at the end,
// invalid bytes next to tags, raw text, entities, a BOM, CRLF, line breaks in tags.
func TestHTMLPageSource(t *testing.T) {
	pages := []string{
		"", "<", "<p>一", "<p>一<", "<a href=\"x", "<!-- 注释", "<script>var a='<p>';", "\uFEFF<html><body>增长5%</body></html>",
		"<p>收入&amp;支出&#9;12</p>\r\n<p>增长\r\n6%</p>", "<td>\xe4\xb8<td>\xff二</td>\xe4", "一\xe4<b>二</b>\xe4\xb8",
		"<table><tr><td>项目<td>预算数<tr><td>税收<td>12</table>", "<pre>一\n\t二</pre><textarea>三&lt;</textarea>",
		"<TITLE>标题</TITLE><P CLASS=X>正文。", "<p\nclass=\"一\n二\">三\n四</p><!--\n五\n-->\n", "<p>一</p>\n<a title=\"标\n题", "\xe4\n<b\n>\xb8\n", "<template><p>隐</p></template>显", "<p>2191.55</p><p>亿元", "<p>12 </p><p>亿元</p><p>3&amp;</p>\n<p>万</p>",
		strings.Repeat("<p>增长5%&amp;&nGt;\n收入 12</p><p>3</p><p>万元</p>", 300), // more text than HTMLPageShifted's first guess
		// More than pageBlock runes, tables and all; and text longer than its source.
		strings.Repeat("<p>收入\n12</p><p>亿元</p><table><tr><td>项目<td>预算数\n<tr><td>税收<td>1&nbsp;2</table>\n", 3000),
		strings.Repeat("<p>\xff\xfe&nGt;\xe4</p>", 3000),
		"<P>一</P\n><Td\x00X/>二<tD\tclass=x>三</TD ><BR/><a/b><SCRIPT>x</SCRIPT><TITLE>标</TITLE><É>四</é><p\f><b\x00>五</b\x00>",
	}
	paths, _ := filepath.Glob("../../testdata/genres/*.html")
	if len(paths) == 0 {
		t.Fatal("no test pages")
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, string(b))
	}
	for i, s := range pages {
		checkHTMLPage(t, i, s)
	}
}

// FuzzHTMLPage: on any input, HTMLPage reads what []rune and HTMLDocumentOf read.
func FuzzHTMLPage(f *testing.F) {
	for _, s := range []string{"<p>一</p>\n<a title=\"标\n题", "<td>\xe4\xb8<td>\xff二</td>\xe4", "<pre>一\n\t二</pre>&#10;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkHTMLPage(t, 0, s) })
}

// checkHTMLPage checks HTMLPage(s) against []rune(s) and HTMLDocumentOf(s), keeping the
// source runes and not.
func checkHTMLPage(t *testing.T, i int, s string) {
	t.Helper()
	rs := []rune(s)
	wantText, wantTables := HTMLDocumentOf(s)
	for _, keep := range []bool{true, false} {
		src, text, tables := HTMLPage(s, keep)
		if keep && !slices.Equal(src.Runes, rs) {
			t.Fatalf("page %d: source runes differ from []rune(s)", i)
		}
		if !keep && (src.Runes != nil || !slices.Equal(src.LineStarts, lineStarts(rs))) {
			t.Fatalf("page %d: line starts %v, want %v", i, src.LineStarts, lineStarts(rs))
		}
		if src.Len != len(rs) {
			t.Fatalf("page %d, keep %v: %d runes, want %d", i, keep, src.Len, len(rs))
		}
		if !reflect.DeepEqual(text, wantText) || !reflect.DeepEqual(tables, wantTables) {
			t.Fatalf("page %d, keep %v: text or tables differ from HTMLDocumentOf's", i, keep)
		}
	}
	checkShifted(t, i, s, wantText, wantTables, rs)
	checkTagNames(t, i, s)
	// In memory used by another page first, longer and with lines: the same page.
	var mem PageMemory
	HTMLPageIn(strings.Repeat("<p>前一页\n</p><td>表</td>x", 40), false, &mem)
	src, text, tables := HTMLPageIn(s, false, &mem)
	if src.Len != len(rs) || !slices.Equal(src.LineStarts, lineStarts(rs)) || !slices.Equal(text.Runes, wantText.Runes) ||
		!slices.Equal(text.Src, wantText.Src) || !reflect.DeepEqual(tables, wantTables) {
		t.Fatalf("page %d, in used memory: source, text or tables differ from HTMLDocumentOf's", i)
	}
}

// lineStarts are where the lines of rs start, the first at 0.
func lineStarts(rs []rune) []int {
	starts := []int{0}
	for k, r := range rs {
		if r == '\n' {
			starts = append(starts, k+1)
		}
	}
	return starts
}

// checkShifted checks HTMLPageShifted(s) against HTMLDocumentOf's text (want), map and
// tables, and []rune(s): the same text as a string, each rune mapped where Src maps it;
// its runes written as UTF-8 every pageBlock runes and every few (a write next to any
// rune, inside or after a table, before a line end content takes back).
func checkShifted(t *testing.T, i int, s string, want textmap.Text, wantTables []read.Table, rs []rune) {
	t.Helper()
	defer func(block int) { pageBlock = block }(pageBlock)
	for _, block := range []int{pageBlock, 1, 2, 3, 5, 64} {
		pageBlock = block
		src, text, tables := HTMLPageShifted(s)
		if src.Len != len(rs) || !slices.Equal(src.LineStarts, lineStarts(rs)) || text.Text != string(want.Runes) ||
			text.Runes != len(want.Runes) || !reflect.DeepEqual(tables, wantTables) {
			t.Fatalf("page %d, shifted, block %d: source, text or tables differ from HTMLDocumentOf's", i, block)
		}
		if got := textmap.AppendShifted(nil, text.Shifts, 0, text.Runes); !slices.Equal(got, want.Src) {
			t.Fatalf("page %d, shifted, block %d: map %v, want %v", i, block, got, want.Src)
		}
		if len(text.Shifts) > 0 && text.Shifts[0].At != 0 {
			t.Fatalf("page %d, shifted, block %d: first shift at rune %d, not 0", i, block, text.Shifts[0].At)
		}
		for k := 1; k < len(text.Shifts); k++ {
			if text.Shifts[k].At <= text.Shifts[k-1].At || text.Shifts[k].By == text.Shifts[k-1].By {
				t.Fatalf("page %d, shifted, block %d: shifts %v and %v: not one a change of runs", i, block, text.Shifts[k-1], text.Shifts[k])
			}
		}
	}
}

// checkTagNames checks tagName against the tokenizer's TagName on every tag of s.
func checkTagNames(t *testing.T, i int, s string) {
	t.Helper()
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			raw := string(z.Raw())
			want, _ := z.TagName()
			if got := tagName(raw); got != string(want) {
				t.Fatalf("page %d: tag %q: name %q, want %q", i, raw, got, want)
			}
		}
	}
}
