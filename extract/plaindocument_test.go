package extract

import (
	"fmt"
	"math/rand"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/policymetrics/policymetrics/extract/doc"
)

// TestPlainDocumentInMatchesWhole: a short plain text built in a document's buffers
// (plainDocumentIn: the sentence scan at normalisation's marks, textTables only when the
// marks may hide a tab) is the document plainDocument builds with the full scans, field
// for field (sentences, lines, breaks through the passages, written year, tables), and
// gives its records. Over the test documents, a tabled one, odd texts (tabs in a tag, a note, an
// entity; '.' between Han characters; runs of ends and closers; CRLF; dates), and random
// mixtures of their lines, all through one set of buffers reused from text to text.
func TestPlainDocumentInMatchesWhole(t *testing.T) {
	docs := readTestdata(t, "corpus/*.txt")
	for _, pattern := range []string{"seeds/*.txt", "genres/*.txt"} {
		for name, data := range readTestdata(t, pattern) {
			docs[name] = data
		}
	}
	docs["tables.txt"] = []byte(tabledText(5))
	odd := []string{
		"一<td\tclass=\"x\">二", "(以下简称\t经开区)", "表1&Tab;收入&#9;支出", "项目\t预算数\n税收\t12\t13", "一\t", "\t", "无表格。",
		"全市.增长5.2%.完成", "增长5%。”！？）下一句\n。\n！", "2025年工作回顾\r\n增长3.5%。\r\n", "第一.第二. 第三。&#12290;增长4%&period;",
		"收入&#10;支出\n增长6%",
		"收入<td\tclass=\"x\">12\n支出<td\tclass=\"y\">13\n", // tabs only in tags, which normalisation drops
		// Full dates (Written): fullwidth, made by an entity, ending the text.
		"发布日期：２０１７年７月１４日\n增长5%", "&#50;019年3月5日印发\n&#x32;020年4月6日", "2018-07-27\n2019.08.01\n印发2021-1-1", "2021-1-1", "一、总体情况\n\n\n  \n二、增长7%……完成", "",
	}
	for i, s := range odd {
		docs[fmt.Sprint("odd", i)] = []byte(s)
	}
	var lines []string
	names := make([]string, 0, len(docs))
	for name, data := range docs {
		names = append(names, name)
		lines = append(lines, strings.SplitAfter(string(data), "\n")...)
	}
	sort.Strings(names)
	rng := rand.New(rand.NewSource(92))
	for i := range 200 {
		var b strings.Builder
		for range 1 + rng.Intn(30) {
			b.WriteString(lines[rng.Intn(len(lines))])
		}
		name := fmt.Sprint("mix", i)
		docs[name] = []byte(b.String())
		names = append(names, name)
	}
	bufs := new(chunkBuffers)
	for _, name := range names {
		text := strings.ToValidUTF8(string(docs[name]), "\uFFFD") // as decode gives it
		want := plainDocument(name, text)
		got := plainDocumentIn(name, text, bufs)
		if !reflect.DeepEqual(emptyAsNil(*got).Sentences, emptyAsNil(*want).Sentences) {
			t.Fatalf("%s: sentences differ:\ngot  %v\nwant %v", name, got.Sentences, want.Sentences)
		}
		if !reflect.DeepEqual(got.Tables, want.Tables) {
			t.Fatalf("%s: tables differ:\ngot  %+v\nwant %+v", name, got.Tables, want.Tables)
		}
		if !reflect.DeepEqual(emptyAsNil(*got), emptyAsNil(*want)) {
			t.Fatalf("%s: documents differ:\ngot  %#v\nwant %#v", name, got, want)
		}
		if g, w := Records(got, Options{}), Records(want, Options{}); !reflect.DeepEqual(g, w) {
			t.Fatalf("%s: %s", name, firstDifference(g, w))
		}
	}
}

// emptyAsNil is d with its empty runes and sentences nil: the buffers' of an empty text
// are empty, a new text's nil.
func emptyAsNil(d doc.Document) doc.Document {
	if len(d.Src) == 0 {
		d.Src, d.Base.Runes, d.Text.Runes = nil, nil, nil
	}
	if len(d.Sentences) == 0 {
		d.Sentences = nil
	}
	return d
}
