package pdf

import (
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/width"

	"github.com/policymetrics/policymetrics/extract/textmap"
)

// Reflow turns the text of a PDF (Doc.Text, Doc.PageStarts) into text for analysis:
//   - running page numbers (— 3 —, - 3 -, -3-, 第 3 页, a bare number at the top or
//     bottom of a page) and running headers and footers (a line repeated at the top or
//     bottom of many pages) are deleted with their line break;
//   - a hard-wrapped line (one that does not end a sentence, is about as long as the
//     page's full lines, and is not followed by a heading or a new item) is joined to the
//     next, also across a page break: its '\n' is deleted, or becomes a space between two
//     Latin words;
//   - every other line break stays, so paragraphs, headings and table rows keep a line
//     each.
//
// The result maps every rune to its rune index in text.
func Reflow(text string, pageStarts []int) textmap.Text {
	src := []rune(text)
	lines := splitLines(src)
	if len(lines) == 0 {
		return textmap.Text{Runes: []rune{}, Src: []int32{}}
	}
	nPages := assignPages(lines, pageStarts)
	markPageNumbers(lines, nPages)
	markRunning(lines, nPages)
	full := fullWidths(lines, nPages)

	// The content lines in order; noise lines are left out entirely.
	var content []int
	for i := range lines {
		if !lines[i].noise {
			content = append(content, i)
		}
	}

	out := textmap.Text{Runes: make([]rune, 0, len(src)), Src: make([]int32, 0, len(src))}
	// acc is the width of the physical line so far: PDFium sometimes breaks one printed
	// line in two (a change of font, a gap), and the pieces add up to one line.
	acc, inPara := 0, false
	for ci, li := range content {
		l := &lines[li]
		spaced := letterSpaced(l.text)
		for k := l.start; k < l.end; k++ {
			if spaced && src[k] == ' ' && k > l.start && k+1 < l.end && wide(src[k-1]) && wide(src[k+1]) {
				continue // 上年 结 余 ２８６．７ 亿 元: a justified line's spacing, not a word break
			}
			out.Runes = append(out.Runes, src[k])
			out.Src = append(out.Src, int32(k))
		}
		if l.end >= len(src) { // the last line has no '\n'
			continue
		}
		join := false
		if ci+1 < len(content) {
			next := &lines[content[ci+1]]
			acc += l.width
			join = joins(l, next, acc, inPara, full[l.page])
			if join {
				if acc >= full[l.page]-slack(full[l.page]) {
					acc = 0 // a full line: the next one starts a new printed line
				}
				if latin(lastRune(l.text)) && latin(firstRune(next.text)) {
					out.Runes = append(out.Runes, ' ')
					out.Src = append(out.Src, int32(l.end))
				}
			}
		}
		if !join {
			out.Runes = append(out.Runes, '\n')
			out.Src = append(out.Src, int32(l.end))
			acc = 0
		}
		inPara = join
	}
	return out
}

// letterSpaced reports a line justified by spaces between its characters (上年 结 余 ２８６．７
// 亿 元、调 入 资 金 等): most of its space-separated pieces are one wide character. A
// table row separates words, not characters, and is not.
func letterSpaced(text string) bool {
	pieces, single := 0, 0
	for _, f := range strings.Fields(text) {
		pieces++
		if r := []rune(f); len(r) == 1 && wide(r[0]) {
			single++
		}
	}
	return pieces >= 6 && 2*single >= pieces
}

// wide reports a character printed a full em wide: Han, fullwidth digits and punctuation.
func wide(r rune) bool {
	k := width.LookupRune(r).Kind()
	return k == width.EastAsianWide || k == width.EastAsianFullwidth
}

// line is one line of the source: runes [start, end) and the '\n' at end (when end <
// len(src)).
type line struct {
	start, end int
	text       string // trimmed of surrounding white space
	page       int
	width      int // printed width of text in quarter ems (see displayWidth)
	noise      bool
}

func splitLines(src []rune) []line {
	var lines []line
	start := 0
	for i, r := range src {
		if r == '\n' {
			lines = append(lines, newLine(src, start, i))
			start = i + 1
		}
	}
	if start < len(src) {
		lines = append(lines, newLine(src, start, len(src)))
	}
	return lines
}

func newLine(src []rune, start, end int) line {
	t := strings.TrimSpace(string(src[start:end]))
	return line{start: start, end: end, text: t, width: displayWidth(t)}
}

// cjk is the width of a CJK character in displayWidth's units.
const cjk = 4

// displayWidth estimates the printed width of s in quarter ems: a CJK or full-width
// character 4, a space 1 (the spaces PDFium puts around figures stand for narrow gaps),
// any other character 2, except an ASCII punctuation mark after a CJK character, which
// stands for the full-width mark a font printed (意见. 预算,比上年: 。 and ，), 4.
func displayWidth(s string) int {
	w := 0
	prevWide := false
	for _, r := range s {
		switch {
		case r == ' ':
			w++
			prevWide = false
		case wide(r):
			w += cjk
			prevWide = true
		case prevWide && strings.ContainsRune(",.;:!?()", r):
			w += cjk
		default:
			w += cjk / 2
			prevWide = false
		}
	}
	return w
}

// assignPages sets each line's page (0-based) and returns the number of pages.
func assignPages(lines []line, pageStarts []int) int {
	if len(pageStarts) == 0 {
		return 1
	}
	p := 0
	for i := range lines {
		for p+1 < len(pageStarts) && pageStarts[p+1] <= i {
			p++
		}
		lines[i].page = p
	}
	return len(pageStarts)
}

var (
	// — 3 —, - 3 -, -3-, －３－, ·3·: a number between dashes anywhere on a page.
	dashedNumber = lazyRegexp(`^[-—–－―─‐‑·•]+\s*[0-9０-９]{1,4}\s*[-—–－―─‐‑·•]+$`)
	// 第 3 页, 第3页 共10页, 第 3 页/共 10 页.
	pageOfPages = lazyRegexp(`^第\s*[0-9０-９]{1,4}\s*页(\s*[/／,，]?\s*共\s*[0-9０-９]{1,4}\s*页)?$`)
	// 3, 3/10, 3 / 10: only at the top or bottom of a page.
	bareNumber = lazyRegexp(`^[0-9０-９]{1,4}(\s*[/／]\s*[0-9０-９]{1,4})?$`)
)

// markPageNumbers marks the running page numbers.
func markPageNumbers(lines []line, nPages int) {
	for i := range lines {
		if dashedNumber().MatchString(lines[i].text) || pageOfPages().MatchString(lines[i].text) {
			lines[i].noise = true
		}
	}
	for p := 0; p < nPages; p++ {
		for _, i := range edgeLines(lines, p, 1) {
			if bareNumber().MatchString(lines[i].text) {
				lines[i].noise = true
			}
		}
	}
}

// edgeLines returns the indexes of up to n non-empty, non-noise lines at the top of page p
// and up to n at its bottom.
func edgeLines(lines []line, p, n int) []int {
	first := sort.Search(len(lines), func(i int) bool { return lines[i].page >= p })
	last := sort.Search(len(lines), func(i int) bool { return lines[i].page > p }) - 1
	if first > last {
		return nil
	}
	var out []int
	for i, k := first, 0; i <= last && k < n; i++ {
		if lines[i].text != "" && !lines[i].noise {
			out = append(out, i)
			k++
		}
	}
	for i, k := last, 0; i >= first && k < n; i-- {
		if lines[i].text != "" && !lines[i].noise {
			if len(out) > 0 && containsInt(out, i) {
				break
			}
			out = append(out, i)
			k++
		}
	}
	return out
}

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// runningKey is how a header or footer is recognised from page to page: without spaces and
// with its numbers (page, chapter) made alike.
func runningKey(s string) string {
	var b strings.Builder
	inNum := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			continue
		case unicode.IsDigit(r):
			if !inNum {
				b.WriteByte('#')
			}
			inNum = true
			continue
		}
		inNum = false
		b.WriteRune(r)
	}
	return b.String()
}

// markRunning marks running headers and footers: a line among the top two or bottom two
// of a page whose key stands at the top or bottom of at least three pages and of a third
// of all pages.
func markRunning(lines []line, nPages int) {
	if nPages < 3 {
		return
	}
	pagesOf := map[string]map[int]bool{}
	at := map[int]string{}
	for p := 0; p < nPages; p++ {
		for _, i := range edgeLines(lines, p, 2) {
			k := runningKey(lines[i].text)
			if k == "" || k == "#" || len([]rune(k)) > 60 {
				continue
			}
			if pagesOf[k] == nil {
				pagesOf[k] = map[int]bool{}
			}
			pagesOf[k][p] = true
			at[i] = k
		}
	}
	for i, k := range at {
		if n := len(pagesOf[k]); n >= 3 && 3*n >= nPages {
			lines[i].noise = true
		}
	}
}

// fullWidths returns for each page the width of its full lines: the width shared (within
// a CJK character) by the most lines among the page's longer lines. A page with too few
// lines of one width (a table, a short last page) takes the document's.
func fullWidths(lines []line, nPages int) []int {
	byPage := make([][]int, nPages)
	var all []int
	for _, l := range lines {
		if l.noise || l.text == "" {
			continue
		}
		byPage[l.page] = append(byPage[l.page], l.width)
		all = append(all, l.width)
	}
	docW, docN := modeWidth(all)
	if docN < 2 {
		docW = maxInt(all)
	}
	out := make([]int, nPages)
	for p, ws := range byPage {
		w, n := modeWidth(ws)
		if n < 3 {
			w = docW
		}
		out[p] = w
	}
	return out
}

// modeWidth returns the width w (among the widths ≥ 60% of the largest but outliers)
// with the most widths within half a CJK character of it, preferring the larger on ties,
// and how many there are.
func modeWidth(ws []int) (int, int) {
	if len(ws) == 0 {
		return 0, 0
	}
	s := append([]int(nil), ws...)
	sort.Ints(s)
	// The largest width but for outliers (two printed lines PDFium ran together).
	maxW := s[(len(s)-1)*9/10]
	best, bestN := maxW, 0
	for _, w := range s {
		if 10*w < 6*maxW {
			continue
		}
		n := 0
		for _, v := range s {
			if v >= w-cjk/2 && v <= w+cjk/2 {
				n++
			}
		}
		if n >= bestN {
			best, bestN = w, n
		}
	}
	return best, bestN
}

func maxInt(s []int) int {
	m := 0
	for _, v := range s {
		if v > m {
			m = v
		}
	}
	return m
}

// slack is how much shorter than the full width a line may be and still be full: one
// CJK character and an eighth.
func slack(full int) int { return cjk + full/8 }

// joins tells whether line l goes on in next (the line break between them is a hard wrap):
// acc is the width of l's printed line so far (l and the pieces before it on the same
// printed line), inPara whether the line before l went on in l.
func joins(l, next *line, acc int, inPara bool, full int) bool {
	if l.text == "" || next.text == "" || full <= 0 {
		return false
	}
	if endsSentence(l.text) {
		return false
	}
	// 居全省第 / 一、第二: an ordinal cut before its numeral is no heading.
	if startsItem(next.text) && !strings.HasSuffix(l.text, "第") {
		return false
	}
	if tableRow(l.text) && tableRow(next.text) {
		return false
	}
	// A heading keeps its line even when it is long: 一、… or （一）… without a sentence
	// in it.
	if startsItem(l.text) && !strings.ContainsAny(l.text, "，。；,;.．") {
		return false
	}
	if acc >= full-slack(full) {
		return true // a full printed line that does not end a sentence: wrapped
	}
	if acc >= full-2*slack(full) && quantityStart().MatchString(next.text) {
		// 比上年增长 / １％.加上…: a nearly full line whose sentence goes on with a figure
		// (a justified line's wide gaps make it look short).
		return true
	}
	// A short piece of a paragraph's printed line that PDFium broke in two: with the next
	// piece it makes one full printed line.
	// Or the tail of the full printed line before it, before a full line (“十项行动”
	// ,深入 推进…).
	together := acc + next.width
	return inPara && (together >= full-slack(full) && together <= full+2*cjk || acc == l.width && 4*l.width <= full && next.width >= full-slack(full))
}

// endsSentence tells whether s ends with sentence-final punctuation, before closing
// quotes or brackets. A '.' counts after a non-ASCII rune (some reports set 。 as '.').
func endsSentence(s string) bool {
	r := []rune(s)
	i := len(r) - 1
	for i > 0 && strings.ContainsRune("”’」』）)】〕》\"'", r[i]) && strings.ContainsRune("。！？；：!?;:.", r[i-1]) {
		i--
	}
	switch r[i] {
	case '。', '！', '？', '；', '：', '!', '?', ';', ':', '…':
		return true
	case '.', '．':
		return i > 0 && r[i-1] > 0x7f
	}
	return false
}

// quantityStart matches a line that opens with a figure and its unit (１％.加上…, 12.5亿元、…):
// the rest of a sentence, never a heading.
var quantityStart = lazyRegexp(`^[0-9０-９]+([.．][0-9０-９]+)?\s*[%％‰亿万元]`)

// An item or heading start: 一、 （一） (一) 1. 1、 （1） (1) ① 第一章 第三条 表1 图1 附件 注：
// ——(a dated subtitle, or an item of a list) and bullets.
var itemStart = lazyRegexp(`^(` +
	`[一二三四五六七八九十百]+[、.．]` +
	`|[（(]\s*[一二三四五六七八九十百]+\s*[）)]` +
	`|[0-9０-９]{1,3}(\s*、|[.．]([^0-9０-９]|$))` +
	`|[（(]\s*[0-9０-９]{1,3}\s*[）)]` +
	`|[①-⑳⑴-⒇⒈-⒛]` +
	`|第\s*[一二三四五六七八九十百零0-9０-９]+\s*[章节条部分篇款]` +
	`|[表图]\s*[0-9０-９一二三四五六七八九十]` +
	`|附件|附表|注\s*[:：]|说明\s*[:：]` +
	`|[—－-]{2,}` +
	`|[•●■◆▲○□◇►▪·※]` +
	`)`)

func startsItem(s string) bool { return itemStart().MatchString(s) }

// lazyRegexp compiles expr at its first use, not at start-up, which a run started once
// per file pays whether it reads a table or not. Asked once a line or a cell, not a rune.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

// tableRow tells whether s reads like a row of a table rather than prose: no sentence
// punctuation and at least two numbers standing apart.
func tableRow(s string) bool {
	if strings.ContainsAny(s, "，。；、,;") {
		return false
	}
	n := 0
	for _, f := range strings.Fields(s) {
		if numeric(f) {
			n++
		}
	}
	return n >= 2
}

func numeric(f string) bool {
	digits := 0
	for _, r := range f {
		switch {
		case unicode.IsDigit(r):
			digits++
		case strings.ContainsRune(".．,%％-－+＋‰", r):
		default:
			return false
		}
	}
	return digits > 0
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

func lastRune(s string) rune {
	r := []rune(s)
	if len(r) == 0 {
		return 0
	}
	return r[len(r)-1]
}

// latin tells whether r is an ASCII letter or digit: two such across a joined line break
// are two words, kept apart by a space.
func latin(r rune) bool {
	return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}
