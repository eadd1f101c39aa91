package extract

import (
	"math/rand"
	"reflect"
	"sort"
	"testing"

	"github.com/policymetrics/policymetrics/extract/doc"
	"github.com/policymetrics/policymetrics/extract/textmap"
)

// TestPageDocumentInMatchesWhole: a page built in a document's buffers (pageDocumentIn:
// its text, its analysis text and map, sentences and lines in memory kept from page to
// page) is the document pageDocument builds in new memory, field for field, and gives its
// records. Over the test pages and odd ones, in an order that puts small pages after large
// ones, all through one set of buffers.
func TestPageDocumentInMatchesWhole(t *testing.T) {
	pages := testPages(t)
	for i, s := range []string{"", "<p>增长5%</p>", "<table><tr><td>收入</td><td>12亿元</td></tr><tr><td>支出</td><td>13亿元</td></tr></table>",
		"<pre>一\n二 增长3%</pre>", "<p>全市  生产总值　增长5.2%</p>\n<p>下一段</p>", "<b", "no tags 3.5%", "<script>var x=1;</script><p>完成100亿元</p>",
		"<p>收入&nbsp;12\t13</p>", "<div>一、总体情况</div><div>地区生产总值增长5%，完成1.2万亿元。</div>"} {
		pages[string(rune('a'+i))+".html"] = s
	}
	names := make([]string, 0, len(pages))
	for name := range pages {
		names = append(names, name)
	}
	sort.Strings(names)
	rand.New(rand.NewSource(7)).Shuffle(len(names), func(i, j int) { names[i], names[j] = names[j], names[i] })
	bufs := new(chunkBuffers)
	for _, name := range append(names, names...) {
		want, wantRun := pageDocument(name, pages[name], false)
		got, run := pageDocumentIn(name, pages[name], bufs)
		if run != wantRun {
			t.Errorf("%s: an image run of %d, read whole %d", name, run, wantRun)
		}
		if !reflect.DeepEqual(emptiesNil(*got), emptiesNil(*want)) {
			t.Fatalf("%s: documents differ:\ngot  %#v\nwant %#v", name, got, want)
		}
		if g, w := Records(got, Options{}), Records(want, Options{}); !reflect.DeepEqual(g, w) {
			t.Fatalf("%s: %s", name, firstDifference(g, w))
		}
	}
}

// emptiesNil is d with its empty texts, maps and sentences nil: the buffers' are empty
// where new memory's may be nil. (emptyAsNil, for plain texts, drops the texts of a
// document without source runes, as a page is.)
func emptiesNil(d doc.Document) doc.Document {
	for _, t := range []*textmap.Text{&d.Base, &d.Text} {
		if len(t.Runes) == 0 {
			t.Runes = nil
		}
		if len(t.Src) == 0 {
			t.Src = nil
		}
	}
	if len(d.Sentences) == 0 {
		d.Sentences = nil
	}
	return d
}
