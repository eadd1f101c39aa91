package extract

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

func readTestdata(t testing.TB, pattern string) map[string][]byte {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "testdata", pattern))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no test documents match %s", pattern)
	}
	docs := map[string][]byte{}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		docs[filepath.Base(p)] = data
	}
	return docs
}

// checkPointsAtSource asserts that every record's text is the source at its line and column.
func checkPointsAtSource(t *testing.T, name, source string, recs []Record) {
	t.Helper()
	lines := strings.Split(source, "\n")
	for _, r := range recs {
		if r.Line < 1 || r.Line > len(lines) {
			t.Fatalf("%s: record %q on line %d of %d", name, r.Text, r.Line, len(lines))
		}
		line := []rune(lines[r.Line-1])
		text := []rune(r.Text)
		if r.Col < 1 || r.Col-1+len(text) > len(line) || string(line[r.Col-1:r.Col-1+len(text)]) != r.Text {
			t.Fatalf("%s: record %q at %d:%d does not match the source", name, r.Text, r.Line, r.Col)
		}
	}
}

// TestCorpusAndSeedsRun: every real document extracts without error, every record points
// at its source, and records come in document order.
func TestCorpusAndSeedsRun(t *testing.T) {
	docs := readTestdata(t, "corpus/*.txt")
	for k, v := range readTestdata(t, "seeds/*.txt") {
		docs[k] = v
	}
	if len(docs) != 32 {
		t.Errorf("want the 27 corpus reports and 5 seeds, found %d documents", len(docs))
	}
	for name, data := range docs {
		recs, err := Document(name, data, Options{})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if len(recs) < 20 {
			t.Errorf("%s: only %d records", name, len(recs))
		}
		checkPointsAtSource(t, name, string(data), recs)
		for i := 1; i < len(recs); i++ {
			a, b := recs[i-1], recs[i]
			if b.Line < a.Line || b.Line == a.Line && b.Col <= a.Col {
				t.Fatalf("%s: records out of order at %d:%d", name, b.Line, b.Col)
			}
		}
	}
}

// TestEncodingsGiveTheSameRecords: a GB18030, UTF-16 or Big5 copy of a document gives
// exactly the records of the UTF-8 copy.
func TestEncodingsGiveTheSameRecords(t *testing.T) {
	seeds := readTestdata(t, "seeds/*.txt")
	for name, data := range seeds {
		want, err := Document(name, data, Options{})
		if err != nil {
			t.Fatal(err)
		}
		copies := map[string][]byte{
			"gb18030":      mustEncode(t)(simplifiedchinese.GB18030.NewEncoder().Bytes(data)),
			"utf-16le-bom": utf16Bytes(string(data), false),
			"utf-16be-bom": utf16Bytes(string(data), true),
			"utf-8-bom":    append([]byte{0xEF, 0xBB, 0xBF}, data...),
		}
		if strings.HasPrefix(name, "004") {
			copies["big5"] = mustEncode(t)(traditionalchinese.Big5.NewEncoder().Bytes(data))
		}
		for enc, b := range copies {
			got, err := Document(name, b, Options{})
			if err != nil {
				t.Errorf("%s as %s: %v", name, enc, err)
				continue
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s as %s: %d records differ from the UTF-8 copy's %d", name, enc, len(got), len(want))
			}
		}
	}
}

func mustEncode(t *testing.T) func([]byte, error) []byte {
	return func(b []byte, err error) []byte {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
}

func utf16Bytes(s string, bigEndian bool) []byte {
	var buf bytes.Buffer
	units := append([]uint16{0xFEFF}, utf16.Encode([]rune(s))...)
	for _, u := range units {
		if bigEndian {
			buf.WriteByte(byte(u >> 8))
			buf.WriteByte(byte(u))
		} else {
			buf.WriteByte(byte(u))
			buf.WriteByte(byte(u >> 8))
		}
	}
	return buf.Bytes()
}

// TestHTMLRecordsPointAtTheHTMLSource: an HTML page's records carry the line and column of
// the number in the HTML file, and page scripts and styles are not read.
func TestHTMLRecordsPointAtTheHTMLSource(t *testing.T) {
	page := "<!DOCTYPE html>\n<html><head><title>报告</title>\n<script>var x = \"投入100亿元\";</script>\n<style>p{}</style></head>\n" +
		"<body><div class=\"nav\">首页</div>\n<p>2023年全市完成投资\n2,500亿元&nbsp;，同比增长<b>6.5%</b>。</p>\n<table><tr><td>企业</td><td>1200家</td></tr></table>\n</body></html>\n"
	recs, err := Document("page.html", []byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, r := range recs {
		texts = append(texts, r.Text)
	}
	if want := []string{"2,500亿元", "6.5%", "1200家"}; !reflect.DeepEqual(texts, want) {
		t.Fatalf("records %q, want %q", texts, want)
	}
	checkPointsAtSource(t, "page.html", page, recs)
	if recs[0].Period != "2023" || recs[0].Indicator != "投资" || recs[1].Change != "increase" {
		t.Errorf("a sentence wrapped across HTML source lines lost its attribution: %+v", recs[:2])
	}
}

// FuzzDocument: any bytes extract without a panic, and every record points at its source.
func FuzzDocument(f *testing.F) {
	for _, data := range readTestdata(f, "seeds/*.txt") {
		f.Add(data[:min(len(data), 2000)])
	}
	f.Add([]byte("<html><body><p>投入3.5亿元</p></body></html>"))
	f.Add([]byte("區(qū)投入5億元&nbsp;，增長１２％"))
	// the shapes of this batch's rules: a part's heading, names in the clause before 分别,
	// an aside, a typographic space, a total before its from-to, a rate's base
	f.Add([]byte("关于2025年预算执行情况和2026年预算草案的报告\n(三)高新区预算执行情况\n1.一般公共预算\n市本级(含经开区)一般公共预算收入累计完成672亿元,从2020年的110亿元增加到2025年的155亿元。"))
	f.Add([]byte("生物医药、新材料产业集群实现快速增长,同比增速分别为20.2%、13.7%;收入81.63\u2002亿元,每万人口发明专利拥有量15件。"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if bytes.HasPrefix(data, []byte("%PDF-")) {
			return // the PDF reader has a fuzzer of its own; its engine would slow this one to a crawl
		}
		recs, err := Document("f.txt", data, Options{HTML: new(bool)})
		if err != nil {
			return
		}
		d, _, _, err := build("f.txt", data, Options{HTML: new(bool)}, nil)
		if err != nil {
			t.Fatalf("Document succeeded but build failed: %v", err)
		}
		checkPointsAtSource(t, "fuzz", string(d.Src), recs)
	})
}
