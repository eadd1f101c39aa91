package decode

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/policymetrics/policymetrics/extract/internal/golden"

	"github.com/policymetrics/policymetrics/extract/normalize"
	"github.com/policymetrics/policymetrics/extract/textmap"
)

func TestIsHTML(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       bool
	}{
		{"page.html", "", true},
		{"PAGE.HTM", "纯文本", true},
		{"a.zip!dir/x.xhtml", "", true},
		{"doc.txt", "<!DOCTYPE html>\n<html>", true},
		{"doc.txt", "\uFEFF  \n<!doctype HTML PUBLIC>", true},
		{"-", "<HTML lang=zh>", true},
		{"-", "<html>", true},
		{"-", "\t<head><meta charset=gbk>", true},
		{"-", "<body>", true},
		{"-", "<?xml version=\"1.0\"?>\n<!-- saved page -->\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", true},
		{"-", "<!-- 注释 --><body>", true},
		{"doc.txt", "2021年全市GDP增长6.5%<br>", false},
		{"doc.txt", "<htmlx>", false},
		{"doc.txt", "<p>段落</p>", false},
		{"doc.txt", "<!-- unterminated", false},
		{"doc.txt", "", false},
		{"html", "", false},
	} {
		if got := IsHTML(tc.name, tc.text); got != tc.want {
			t.Errorf("IsHTML(%q, %q) = %v, want %v", tc.name, tc.text, got, tc.want)
		}
	}
}

func TestHTMLText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"<p>a</p><p>b</p>", "a\nb\n"},
		{"a<br>b<br/>c<BR />d", "a\nb\nc\nd"},
		{"<div><div>\n  <p>深层</p>\n</div></div>", "深层\n"},
		{"<p>全市\n    规模以上</p>", "全市规模以上\n"},          // wrapped Han: no space
		{"<p>同比增长\n10.6%</p>", "同比增长10.6%\n"},        // wrapped Han|digit: no space
		{"<p>使用\n  Windows系统</p>", "使用 Windows系统\n"}, // Latin word: a space
		{"<p>增长，\r\n  全年</p>", "增长，全年\n"},
		{"<p>GDP  grew\n\t5%</p>", "GDP grew 5%\n"},
		{"<p>  前后空白  </p>", "前后空白\n"},
		{"<p>生产总值2191.55</p>\n<p>亿元，增长5.7%。</p>", "生产总值2191.55亿元，增长5.7%。\n"}, // a quantity broken by the editor
		{"<p>2025</p><p>年度报告</p>", "2025\n年度报告\n"},                           // a year, then a heading: two lines
		{"<span>增长</span> <b>6%</b>", "增长 6%"},
		{"&lt;5%&gt; R&amp;D&nbsp;&#20013;&#x4e00;&copy &ampx", "<5%> R&D\u00a0中一© &x"},
		{"&ldquo;十四五&rdquo;&#49;&#x30;8家", "“十四五”108家"},
		{"<script>var a = '<p>1亿元</p>';</script>正文", "正文"},
		{"<style>p{}</style><noscript>启用脚本</noscript>正文", "正文"},
		{"<script/>x</script>正文", "正文"},
		{"<template><p>100万元</p></template>正文", "正文"},
		{"<!-- 100万元 -->正文<!---->", "正文"},
		{"<table><tr><th>指标</th><th>数值</th></tr><tr><td>投资</td><td>185.2亿元</td></tr></table>", "指标\t数值\n投资\t185.2亿元\n"},
		{"<pre>a\n  b</pre>", "a\n  b\n"},
		{"<title>标题</title><h1>标题</h1>", "标题\n标题\n"},
		{"a < b > c", "a < b > c"},
		{"<p>unclosed <b>bold", "unclosed bold"},
		{"</>x</ p>y", "xy"},
		{"", ""},
	} {
		got := HTMLText([]rune(tc.in))
		if string(got.Runes) != tc.want {
			t.Errorf("HTMLText(%q) = %q, want %q", tc.in, string(got.Runes), tc.want)
		}
		checkMap(t, tc.in, got)
	}
}

// checkMap checks the map invariants, and that every rune that is not synthesized
// (line and cell breaks, collapsed spaces, decoded references) maps to itself.
func checkMap(t *testing.T, in string, got textmap.Text) {
	t.Helper()
	src := []rune(in)
	if len(got.Runes) != len(got.Src) {
		t.Fatalf("HTMLText(%q): %d runes, %d offsets", in, len(got.Runes), len(got.Src))
	}
	for i, s := range got.Src {
		if s < 0 || int(s) >= len(src) || i > 0 && s < got.Src[i-1] {
			t.Fatalf("HTMLText(%q): Src[%d] = %d out of order or range", in, i, s)
		}
		r, from := got.Runes[i], src[s]
		switch {
		case r == from, from == '&':
		case (r == '\n' || r == '\t') && from == '<':
		case r == ' ' && strings.ContainsRune(" \t\n\r\f", from):
		default:
			t.Fatalf("HTMLText(%q): rune %d %q maps to %q", in, i, r, from)
		}
	}
}

// lineCol returns the 1-based line and column (in runes) of source rune i.
func lineCol(src []rune, i int) (int, int) {
	line, col := 1, 1
	for _, r := range src[:i] {
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}

// TestHTMLPage extracts the text of a realistic government page and records each
// extracted line with the source line:col of its first rune; for numbers in it, the
// golden file shows the source line:col the mapping gives and the source text there,
// which must be the number as written in the HTML file.
func TestHTMLPage(t *testing.T) {
	b, err := os.ReadFile("testdata/page.html")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Decode(b, "")
	if err != nil {
		t.Fatal(err)
	}
	if !IsHTML("page.html", res.Text) || !IsHTML("-", res.Text) {
		t.Fatal("page.html not recognised as HTML")
	}
	src := []rune(res.Text)
	text := HTMLText(src)
	checkMap(t, res.Text, text)
	out := string(text.Runes)
	for _, hidden := range []string{"font-family", "document.write", "99亿元", "启用JavaScript", "模板内容", "顶部导航", "&amp;", "&nbsp;"} {
		if strings.Contains(out, hidden) {
			t.Errorf("extracted text contains %q", hidden)
		}
	}

	var g strings.Builder
	g.WriteString("# extracted lines: source line:col of the first rune, then the text\n")
	start := 0
	for i, r := range text.Runes {
		if r != '\n' {
			continue
		}
		if i > start {
			l, c := lineCol(src, int(text.Src[start]))
			fmt.Fprintf(&g, "%d:%d\t%q\n", l, c, string(text.Runes[start:i]))
		}
		start = i + 1
	}

	g.WriteString("\n# numbers: extracted text, source line:col, source text of the span\n")
	for _, num := range []string{
		"2823.5亿元", "10.6%", "6.5%", "0.5个百分点", "350家", "1,035家", "12家", "108家",
		"185.2亿元", "-3.1", "72.6亿元", "3.2%",
	} {
		i := strings.Index(out, num)
		if i < 0 {
			t.Errorf("%q not in the extracted text", num)
			continue
		}
		ri := len([]rune(out[:i]))
		rj := ri + len([]rune(num))
		s, e := text.SourceSpan(ri, rj, len(src))
		l, c := lineCol(src, s)
		written := string(src[s:e])
		if !strings.Contains(written, "&") && written != num {
			t.Errorf("%q maps to %d:%d %q", num, l, c, written)
		}
		// the line and column point at the number's first character in the file
		fileLines := strings.Split(res.Text, "\n")
		if got := string([]rune(fileLines[l-1])[c-1:]); !strings.HasPrefix(got, written) {
			t.Errorf("%q: line %d col %d of page.html reads %q", num, l, c, got)
		}
		fmt.Fprintf(&g, "%s\t%d:%d\t%q\n", num, l, c, written)
	}

	// through normalisation the map still points into the HTML file
	norm := normalize.Normalize(text)
	ni := strings.Index(string(norm.Runes), "2823.5亿元")
	if ni < 0 {
		t.Fatal("number lost in normalisation")
	}
	l, c := lineCol(src, int(norm.Src[len([]rune(string(norm.Runes)[:ni]))]))
	fmt.Fprintf(&g, "\n# after normalisation\n2823.5亿元\t%d:%d\n", l, c)
	golden.Check(t, "page.golden", []byte(g.String()))
}

func TestImageRun(t *testing.T) {
	img := `<img src="p%d.png" border="0">`
	pages := func(n int, sep string) string {
		var b strings.Builder
		for k := range n {
			fmt.Fprintf(&b, img, k)
			b.WriteString(sep)
		}
		return b.String()
	}
	for _, tc := range []struct {
		what string
		page string
		want int
	}{
		{"no image", "<p>全市生产总值1000亿元</p>", 0},
		{"a scanned bulletin: one image per page, br between", `<div class="doc">` + pages(16, "<br>\n") + `</div>`, 16},
		{"pages in paragraphs, &nbsp; between", pages(6, "</p>&nbsp;<p>"), 6},
		{"upper-case tags", strings.ToUpper(pages(5, "<BR>")), 5},
		{"charts, each under its caption", pages(1, "") + "<p>图1 地区生产总值</p>" + pages(1, "") + "<p>图2 固定资产投资</p>", 1},
		{"text between breaks the run", pages(3, "") + "增长5%" + pages(2, ""), 3},
		{"icons in links are no pages", strings.Repeat(`<a href="/x"><img src="i.png"></a>`, 8), 0},
		{"a table between breaks the run", pages(2, "") + "<table><tr><td></td></tr></table>" + pages(2, ""), 2},
		{"images in script or noscript are not shown", "<noscript>" + pages(7, "") + "</noscript>", 0},
		{"spaces and character references between", pages(3, " &#32;&nbsp;\u3000\n") + "&amp;" + pages(2, ""), 3},
	} {
		if got := ImageRun(tc.page); got != tc.want {
			t.Errorf("%s: ImageRun = %d, want %d", tc.what, got, tc.want)
		}
		for _, how := range [][2]bool{{false, false}, {true, false}, {false, true}} {
			if _, src := readPage(tc.page, how[0], nil, how[1]); src.ImageRun != tc.want {
				t.Errorf("%s: the page's reading (keep, shifted: %v) finds a run of %d, want %d", tc.what, how, src.ImageRun, tc.want)
			}
		}
	}
}
