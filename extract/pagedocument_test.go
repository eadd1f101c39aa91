package extract

import (
	"fmt"
	"reflect"
	"sort"
	"testing"

	"github.com/policymetrics/policymetrics/extract/decode"
	"github.com/policymetrics/policymetrics/extract/doc"
)

// TestPageDocumentWithoutSource: a page built for records alone (pageDocument without
// keep: no source runes, the source's length and line starts from the tokenizer's
// reading) is htmlDocument's document but for Src, field for field, and gives its
// records. Over the test pages as decode reads them and odd pages: line breaks in tags
// and comments, CRLF, markup cut off at the end, tabs inside tags, entities making line
// breaks, tabs or dots, a page with no line break.
func TestPageDocumentWithoutSource(t *testing.T) {
	pages := testPages(t)
	odd := []string{
		"<html><body><p\nclass=\"x\">收入增长5%。</p><!--\n注释\n--><p>支出增长6%。</p>\r\n</body></html>",
		"<p>2024年收入12亿元</p>\r\n<p>增长&#10;3%</p><p>项目<td\tclass=\"y\">12</p><a title=\"标\n题",
		"<table><tr><td>项目</td><td>预算数</td></tr>\n<tr><td>税收</td><td>12</td></tr></table>\n<p>收入&Tab;12&#9;13</p>",
		"<p>全市&period;增长5.2%&#46;完成。&#12290;下一句</p>", "<p>一行，无换行，增长7%。</p>", "", "<",
	}
	for i, s := range odd {
		pages[fmt.Sprint("odd", i, ".html")] = s
	}
	names := make([]string, 0, len(pages))
	for name := range pages {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		want := htmlDocument(name, pages[name])
		got, _ := pageDocument(name, pages[name], false)
		if got.Src != nil {
			t.Fatalf("%s: source runes kept", name)
		}
		if g, w := Records(got, Options{}), Records(want, Options{}); !reflect.DeepEqual(g, w) {
			t.Fatalf("%s: %s", name, firstDifference(g, w))
		}
		got.Src = want.Src
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: documents differ:\ngot  %#v\nwant %#v", name, got, want)
		}
	}
}

// htmlDocument is the page read whole with its source runes, as Build keeps it: the
// document the tests compare others with.
func htmlDocument(name, html string) *doc.Document {
	d, _ := pageDocument(name, html, true)
	return d
}

// testPages are the test pages as decode reads them, by name.
func testPages(t *testing.T) map[string]string {
	t.Helper()
	pages := map[string]string{}
	for name, data := range readTestdata(t, "genres/*.html") {
		res, err := decode.View(data, "")
		if err != nil {
			t.Fatal(err)
		}
		pages[name] = res.Text + res.Tail
	}
	return pages
}
