package decode

import (
	"path"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/net/html"

	"github.com/policymetrics/policymetrics/extract/internal/cjk"
	"github.com/policymetrics/policymetrics/extract/normalize"
	"github.com/policymetrics/policymetrics/extract/read"
	"github.com/policymetrics/policymetrics/extract/textmap"
)

// IsHTML reports whether a document is an HTML page: by its name (.html, .htm, .xhtml;
// the last element of an archive path counts), or by content that starts, after a BOM,
// whitespace, an XML declaration and comments, like HTML: <!doctype html, <html, <head
// or <body, in any case.
func IsHTML(name, text string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".htm", ".xhtml":
		return true
	}
	s := strings.TrimPrefix(text, "\uFEFF")
	for range 8 { // a few prologue items at most
		s = strings.TrimLeftFunc(s, unicode.IsSpace)
		var end string
		switch {
		case strings.HasPrefix(s, "<?"):
			end = "?>"
		case strings.HasPrefix(s, "<!--"):
			end = "-->"
		}
		if end == "" {
			break
		}
		i := strings.Index(s, end)
		if i < 0 {
			return false
		}
		s = s[i+len(end):]
	}
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body"} {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			if len(s) == len(p) {
				return true
			}
			c := s[len(p)]
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
				return true
			}
		}
	}
	return false
}

// Elements whose start or end ends a line of text.
var blockElements = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "body": true,
	"br": true, "caption": true, "center": true, "dd": true, "details": true,
	"dialog": true, "dir": true, "div": true, "dl": true, "dt": true, "fieldset": true,
	"figcaption": true, "figure": true, "footer": true, "form": true, "h1": true,
	"h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "head": true,
	"header": true, "hgroup": true, "hr": true, "html": true, "legend": true, "li": true,
	"main": true, "menu": true, "nav": true, "ol": true, "option": true, "p": true,
	"pre": true, "section": true, "summary": true, "table": true, "tbody": true,
	"textarea": true, "tfoot": true, "thead": true, "title": true, "tr": true, "ul": true,
}

// Elements whose content the tokenizer reads as raw text and which are not shown.
var hiddenRawElements = map[string]bool{
	"script": true, "style": true, "noscript": true, "iframe": true, "noembed": true,
	"noframes": true,
}

// tagKind is what the lists above and imageRunLayout say of a tag, looked up once a tag
// rather than once a list: a page has as many tags as characters of text, nearly.
type tagKind uint8

const (
	blockTag tagKind = 1 << iota
	hiddenRawTag
	imageLayoutTag
)

var tagKinds = func() map[string]tagKind {
	kinds := map[string]tagKind{}
	for _, l := range []struct {
		names map[string]bool
		kind  tagKind
	}{{blockElements, blockTag}, {hiddenRawElements, hiddenRawTag}, {imageRunLayout, imageLayoutTag}} {
		for name := range l.names {
			kinds[name] |= l.kind
		}
	}
	return kinds
}()

// HTMLText returns the text of an HTML document whose source runes are src, with Src
// mapping each rune to its source rune index, so that records carry the line and
// column of the HTML file.
//
// Block elements end lines (a '\n' mapped to the tag's '<'; table cells are separated
// by a '\t'); script, style, noscript, template and comments are dropped; character
// references are decoded, each decoded rune mapped to its '&'. Whitespace runs in text
// become one space mapped to the first of them, and disappear at line starts and ends,
// between two Han characters (or CJK punctuation), and where a source line wraps after
// or before a Han character (unless a Latin word is on the other side): a wrapped line
// in Chinese is not a space. Inside <pre> line breaks are kept.
func HTMLText(src []rune) textmap.Text {
	t, _ := HTMLDocument(src)
	return t
}

// HTMLDocument is HTMLText that also returns the tables of the page, each cell's Offset
// a rune offset into the returned text (so into the source through its map).
func HTMLDocument(src []rune) (textmap.Text, []read.Table) {
	return HTMLDocumentOf(string(src)) // one encoded rune per source rune, so rune offsets carry over
}

// HTMLDocumentOf is HTMLDocument of a page given as a string: offsets are still in runes,
// but no rune copy of the page is made (a page is mostly markup, and its runes would be
// four bytes each).
func HTMLDocumentOf(s string) (textmap.Text, []read.Table) {
	b, _ := readPage(s, false, nil, false)
	return b.mapped(), b.tables.done
}

// Source is what HTMLPage reads of a page's source as the tokenizer reads it: its runes,
// or only how many there are and where its lines start, what records' positions need.
type Source struct {
	Runes      []rune // []rune(s), when asked for
	Len        int    // the runes of s
	LineStarts []int  // the rune offsets where the lines of s start, the first at 0; without Runes
	ImageRun   int    // ImageRun(s)
}

// HTMLPage is HTMLDocumentOf that also returns what it read of the page's source: the
// runes (keep), which a page's text then slices rather than converting its tokens, or
// their number and line starts, which spare a caller that needs no more a pass over the
// page.
func HTMLPage(s string, keep bool) (Source, textmap.Text, []read.Table) {
	return HTMLPageIn(s, keep, nil)
}

// PageMemory is memory HTMLPageIn reads a page in: its text's runes and their source
// places, its source's line starts, and a text token's runes. A caller done with each page
// before it reads the next keeps it from page to page.
type PageMemory struct {
	Runes      []rune
	SrcIdx     []int32
	LineStarts []int
	token      []rune
}

// HTMLPageIn is HTMLPage in mem's memory (nil: new), which it grows for the next page;
// the text and the line starts it returns are in that memory.
func HTMLPageIn(s string, keep bool, mem *PageMemory) (Source, textmap.Text, []read.Table) {
	b, src := readPage(s, keep, mem, false)
	return src, b.mapped(), b.tables.done
}

// ShiftedText is a page's visible text as HTMLPageShifted reads it: string(Text.Runes) of
// HTMLDocumentOf's, how many runes it has, and their source map as Shifts.
type ShiftedText struct {
	Text   string
	Runes  int
	Shifts []textmap.Shift
}

// HTMLPageShifted is HTMLPage without keep for a large page, read in chunks, in less
// memory: its text's map is Shifts (one a run of consecutive source runes, where Src
// holds an index a rune), and its text is written as UTF-8 (3 bytes a Han character, not
// 4) as it is read, its runes held only for a block or an open table, and grows at most
// once (on valid UTF-8), to a bound from the page left to read, rather than by doubling,
// each growth holding old and new.
func HTMLPageShifted(s string) (Source, ShiftedText, []read.Table) {
	b, src := readPage(s, false, nil, true)
	text := ShiftedText{Runes: b.base, Shifts: b.shifts}
	if len(b.written) > 0 {
		text.Text = unsafe.String(&b.written[0], len(b.written)) // b.written is not written again
	}
	return src, text, b.tables.done
}

// pageBlock is how many runes of a page's text HTMLPageShifted holds before writing them
// as UTF-8, when no table is open (a table's cells are read from its runes). A variable
// for tests, which write after every few runes.
var pageBlock = 1 << 16

// readPage reads page s into a builder: HTMLPageIn's reading, or with shifted
// HTMLPageShifted's (text in b.written, mapped by b.shifts).
func readPage(s string, keep bool, mem *PageMemory, shifted bool) (htmlBuilder, Source) {
	if mem == nil {
		mem = new(PageMemory)
	}
	var src Source
	if keep {
		src.Runes = make([]rune, 0, len(s)) // no fewer bytes than runes
	} else {
		src.LineStarts = append(mem.LineStarts[:0], 0)
	}
	tok := mem.token[:0] // a text token's runes, without keep
	covered := 0         // bytes of s the tokens have read
	z := html.NewTokenizer(strings.NewReader(s))
	b := htmlBuilder{pending: -1, shifted: shifted}
	if shifted {
		b.out = slices.Grow(mem.Runes[:0], min(len(s)/8, 2*pageBlock))
	} else {
		b.out = slices.Grow(mem.Runes[:0], len(s)/8)
		b.srcIdx = slices.Grow(mem.SrcIdx[:0], len(s)/8)
	}
	defer func() {
		mem.Runes, mem.SrcIdx, mem.LineStarts, mem.token = b.out[:0], b.srcIdx[:0], src.LineStarts[:0], tok[:0]
	}()
	pos := 0 // source rune index of the current token
	hideRaw := false
	template, pre := 0, 0
	var images imageRuns
	var name string
	var kind tagKind
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		// The tokens' raw bytes follow one another through s; read before TagName,
		// which may rewrite them.
		n := len(z.Raw())
		seg := s[covered : covered+n]
		covered += n
		switch tt {
		case html.TextToken:
			images.text(func() bool { return isBlankRaw(seg) })
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name = tagName(seg)
			kind = tagKinds[name]
			images.tag(tt, name, kind)
		}
		start := pos
		switch {
		case keep:
			src.Runes = appendRunes(src.Runes, seg)
			pos = len(src.Runes)
		case tt == html.TextToken:
			tok = appendRunes(tok[:0], seg)
			pos += len(tok)
			if strings.IndexByte(seg, '\n') >= 0 {
				src.LineStarts = appendNewlines(src.LineStarts, tok, start)
			}
		default: // markup
			pos += runeCount(seg)
			src.LineStarts = appendNewlinesIn(src.LineStarts, seg, start)
		}
		switch tt {
		case html.TextToken:
			if !hideRaw && template == 0 {
				if keep {
					b.text(src.Runes[start:pos], start, pre > 0)
				} else {
					b.text(tok, start, pre > 0)
				}
				if shifted && len(b.out) >= pageBlock && len(b.tables.open) == 0 {
					b.writeOut(2, covered, len(s)-covered)
				}
			}
			hideRaw = false
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			hideRaw = false
			switch {
			case kind&hiddenRawTag != 0:
				hideRaw = tt != html.EndTagToken
				continue
			case name == "template":
				if tt == html.StartTagToken {
					template++
				} else if tt == html.EndTagToken && template > 0 {
					template--
				}
				continue
			}
			if template > 0 {
				continue
			}
			if name == "pre" || name == "textarea" || name == "listing" {
				if tt == html.StartTagToken {
					pre++
				} else if tt == html.EndTagToken && pre > 0 {
					pre--
				}
			}
			b.tables.tag(name, tt, z, &b)
			switch {
			case kind&blockTag != 0:
				b.lineEnd(start)
			case (name == "td" || name == "th") && tt != html.EndTagToken:
				b.cell(start)
				b.tables.cellStart(b.runes())
			}
		default: // comments, doctype
			hideRaw = false
		}
	}
	if rest := s[covered:]; rest != "" { // a tag cut off at the end: no token
		if keep {
			src.Runes = appendRunes(src.Runes, rest)
		} else {
			src.LineStarts = appendNewlinesIn(src.LineStarts, rest, pos)
			pos += runeCount(rest)
		}
	}
	src.Len, src.ImageRun = pos, images.longest
	if keep {
		src.Len = len(src.Runes)
	}
	if shifted {
		b.writeOut(0, len(s), 0)
	}
	return b, src
}

// tagName returns the name of the tag token whose raw text is raw, lower-cased, as the
// tokenizer's TagName does, but without the copy TagName makes of each tag: a large page
// has millions, and their garbage would pile up with the page's text.
func tagName(raw string) string {
	i := 1 // after '<'
	if len(raw) > 1 && raw[1] == '/' {
		i = 2
	}
	j := i
	for j < len(raw) && !strings.ContainsRune(" \n\r\t\f/>", rune(raw[j])) {
		j++
	}
	name := raw[i:j]
	for k := 0; k < len(name); k++ {
		if c := name[k]; c >= 'A' && c <= 'Z' || c == 0 {
			return lowerTagName(name)
		}
	}
	return name
}

// lowerTagName is name with ASCII capitals lowered and NUL read as U+FFFD, as TagName.
func lowerTagName(name string) string {
	b := make([]byte, 0, len(name)+2)
	for k := 0; k < len(name); k++ {
		switch c := name[k]; {
		case c == 0:
			b = append(b, "\uFFFD"...)
		case c >= 'A' && c <= 'Z':
			b = append(b, c+'a'-'A')
		default:
			b = append(b, c)
		}
	}
	return string(b)
}

// appendNewlines appends to starts where the lines that start in rs, source runes from
// start on, start.
func appendNewlines(starts []int, rs []rune, start int) []int {
	for k, r := range rs {
		if r == '\n' {
			starts = append(starts, start+k+1)
		}
	}
	return starts
}

// appendNewlinesIn is appendNewlines of the runes of s, counted only up to its last line
// break.
func appendNewlinesIn(starts []int, s string, start int) []int {
	for {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			return starts
		}
		start += runeCount(s[:i]) + 1
		starts = append(starts, start)
		s = s[i+1:]
	}
}

// runeCount is utf8.RuneCountInString(s), eight ASCII bytes (markup) a step.
func runeCount(s string) int {
	n := 0
	for len(s) > 0 {
		if len(s) >= 8 && cjk.Word(s)&0x8080808080808080 == 0 {
			n, s = n+8, s[8:]
			continue
		}
		_, size := utf8.DecodeRuneInString(s)
		n, s = n+1, s[size:]
	}
	return n
}

// appendRunes appends the runes of s to dst, as []rune(s) makes them: eight ASCII bytes
// (markup) at a time, and Chinese text two characters at a time.
func appendRunes(dst []rune, s string) []rune {
	for len(s) > 0 {
		if len(s) >= 8 {
			w := cjk.Word(s)
			if w&0x8080808080808080 == 0 {
				dst = append(dst, rune(w&0xFF), rune(w>>8&0xFF), rune(w>>16&0xFF), rune(w>>24&0xFF),
					rune(w>>32&0xFF), rune(w>>40&0xFF), rune(w>>48&0xFF), rune(w>>56))
				s = s[8:]
				continue
			}
			if cjk.ThreeByteRunes(w) {
				p := cjk.RunePair(w)
				dst = append(dst, rune(uint16(p)), rune(uint16(p>>24)))
				s = s[6:]
				continue
			}
		}
		if c := s[0]; c < utf8.RuneSelf {
			dst = append(dst, rune(c))
			s = s[1:]
			continue
		}
		r, n := utf8.DecodeRuneInString(s)
		dst = append(dst, r)
		s = s[n:]
	}
	return dst
}

// scaleStarts are the runes a quantity's scale or unit starts with that never open a
// paragraph of their own.
const scaleStarts = "亿万元%％"

func isDigitRune(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// htmlBuilder accumulates extracted text and its source map.
type htmlBuilder struct {
	out     []rune          // the text; with shifted, its runes not yet written to text
	base    int             // the runes before out[0]: written to text (with shifted)
	written []byte          // with shifted, the text's UTF-8 up to out
	srcIdx  []int32         // each rune's source index; without shifted
	shifts  []textmap.Shift // with shifted: a shift where a rune's source does not follow the last one's
	shifted bool
	pending int  // source index of a pending whitespace run, or -1
	wrapped bool // the pending run holds a line break
	tabbed  bool // the pending run holds a tab
	tabAt   int  // where its first tab is: the tab it becomes maps there
	tables  tableBuilder
}

// mapped is the text read without shifted, with its map.
func (b *htmlBuilder) mapped() textmap.Text { return textmap.Text{Runes: b.out, Src: b.srcIdx} }

// runes is the length of the text so far, in runes.
func (b *htmlBuilder) runes() int { return b.base + len(b.out) }

// writeOut writes the runes of out but the last keep (which content may still look at or
// take back) to written as UTF-8, read and left being the bytes of the page read and
// left to read.
func (b *htmlBuilder) writeOut(keep, read, left int) {
	n := len(b.out) - keep
	if n <= 0 {
		return
	}
	if room := cap(b.written) - len(b.written); room < utf8.UTFMax*n {
		if need := cjk.UTF8Len(b.out[:n]); room < need {
			b.growWritten(need, read, left)
		}
	}
	b.written = cjk.AppendUTF8(b.written, b.out[:n])
	b.base += n
	b.out = b.out[:copy(b.out, b.out[n:])]
}

// growWritten makes room in written for need bytes and the text expected from the left
// bytes of the page still to read: as much text a source byte as read so far, and a
// quarter more, but no more than left, which bounds it on valid UTF-8 (a text byte comes
// from a source byte, a line end or tab from a tag's). So written grows about once,
// rather than by doubling with old and new held at each growth, and reserves little a page
// mostly of markup never writes (the collector paces itself on what is reserved). Past
// the estimate (text denser further on, or the few entities and invalid bytes whose text
// is longer: &nGt; is six bytes, U+FFFD three) it grows again, by a quarter at least.
func (b *htmlBuilder) growWritten(need, read, left int) {
	expect := left
	if text := int64(len(b.written)+need) * 5 / 4; text < int64(read) {
		expect = int(int64(left) * text / int64(read))
	}
	b.written = slices.Grow(b.written, need+expect+16)
}

func (b *htmlBuilder) emit(r rune, at int) {
	if b.shifted {
		b.shiftTo(at)
	} else {
		b.srcIdx = append(b.srcIdx, int32(at))
	}
	b.out = append(b.out, r)
}

// shiftTo maps the next rune to source rune at: a shift from there unless at follows the
// last rune's source. The first rune always has one.
func (b *htmlBuilder) shiftTo(at int) {
	by := int32(at - b.runes())
	if n := len(b.shifts); n == 0 || b.shifts[n-1].By != by {
		b.shifts = append(b.shifts, textmap.Shift{At: int32(b.runes()), By: by})
	}
}

// dropLast takes the last rune off the text, and its shift if it had one.
func (b *htmlBuilder) dropLast() {
	n := len(b.out) - 1
	b.out = b.out[:n]
	switch {
	case !b.shifted:
		b.srcIdx = b.srcIdx[:n]
	case len(b.shifts) > 0 && int(b.shifts[len(b.shifts)-1].At) == b.base+n:
		b.shifts = b.shifts[:len(b.shifts)-1]
	}
}

func (b *htmlBuilder) last() rune {
	if len(b.out) == 0 {
		return '\n'
	}
	return b.out[len(b.out)-1]
}

// content emits a visible rune, preceded by the pending space when it is one.
func (b *htmlBuilder) content(r rune, at int) {
	if n := len(b.out); n >= 2 && b.out[n-1] == '\n' && isDigitRune(b.out[n-2]) && strings.ContainsRune(scaleStarts, r) {
		// <p>…(GDP)2191.55</p><p>亿元，较上年…: an editor broke the paragraph inside a
		// quantity; its number and its unit are one.
		b.dropLast()
		b.pending = -1
	}
	if b.pending >= 0 {
		switch l := b.last(); {
		case l == '\n' || l == '\t':
		case b.tabbed && !b.wrapped:
			b.emit('\t', b.tabAt) // 原煤<tab>万吨<tab>23908.72: a table written with tabs
		case !joins(l, r, b.wrapped):
			b.emit(' ', b.pending)
		}
		b.pending = -1
	}
	b.emit(r, at)
}

func (b *htmlBuilder) lineEnd(at int) {
	b.pending = -1
	if b.last() != '\n' {
		b.emit('\n', at)
	}
}

func (b *htmlBuilder) cell(at int) {
	b.pending = -1
	if l := b.last(); l != '\n' && l != '\t' {
		b.emit('\t', at)
	}
}

// text adds the text of a text token whose runes are tok and whose first rune is source
// rune start: whitespace collapsed (or, in pre, kept) and character references decoded.
func (b *htmlBuilder) text(tok []rune, start int, pre bool) {
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
		k = b.plainRun(tok, k+1, start)
	}
}

// plainRun emits the runes of tok from k on up to the next whitespace, NUL or '&', and
// returns where it stopped. It follows a visible rune: nothing is pending and no
// paragraph joins (content's work), so each rune is emitted as it is.
func (b *htmlBuilder) plainRun(tok []rune, k, start int) int {
	j := k
	for j < len(tok) && tok[j] > ' ' && tok[j] != '&' {
		j++
	}
	if !b.shifted { // else the runes follow the visible rune's source: no shift
		for q := k; q < j; q++ {
			b.srcIdx = append(b.srcIdx, int32(start+q))
		}
	}
	b.out = append(b.out, tok[k:j]...)
	return j
}

// joins reports whether whitespace between l and r is no word space: between two Han
// characters (or CJK punctuation), or a wrapped line between a Han character and
// anything but a Latin letter ("增长\n10.6%" is "增长10.6%", "使用\nWindows" keeps its
// space).
func joins(l, r rune, wrapped bool) bool {
	wl, wr := isWide(l), isWide(r)
	switch {
	case wl && wr:
		return true
	case !wrapped:
		return false
	case wl:
		return !isLatinLetter(r)
	case wr:
		return !isLatinLetter(l)
	}
	return false
}

func isLatinLetter(r rune) bool {
	return r|0x20 >= 'a' && r|0x20 <= 'z' || r >= 0xC0 && r < 0x250 && unicode.IsLetter(r)
}

// isWide reports Han characters, CJK punctuation and fullwidth forms: text in which a
// line break is not a word space.
func isWide(r rune) bool {
	switch {
	case r >= 0x3000 && r < 0x3040, r >= 0xFF00 && r < 0xFF61, r >= 0xFE30 && r < 0xFE50:
		return true
	case r < 0x2E80:
		return false
	}
	return unicode.Is(unicode.Han, r)
}

// ImageRun returns the length of the longest run of images on an HTML page with nothing
// between them but whitespace and layout tags (br, p, div, span, center, font): how a
// portal publishes a document scanned as pictures, one image per page. An image inside
// a link (a banner, an icon) does not count, nor does one in hidden markup.
func ImageRun(page string) int {
	z := html.NewTokenizer(strings.NewReader(page))
	var r imageRuns
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return r.longest
		case html.TextToken:
			r.text(func() bool { return isBlankRaw(string(z.Raw())) })
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			nb, _ := z.TagName()
			r.tag(tt, string(nb), tagKinds[string(nb)])
		}
	}
}

// imageRuns follows a page's tokens for ImageRun: readPage follows them too, so that a
// page is not tokenized a second time to be judged (on portal pages, which have many
// images, that was an eighth of a run's time).
type imageRuns struct {
	longest, run  int
	links, hidden int
}

// text reads a text token: blank says whether it is only whitespace once its character
// references are read, asked only when a run is under way.
func (r *imageRuns) text(blank func() bool) {
	if r.run > 0 && r.hidden == 0 && !blank() {
		r.run = 0
	}
}

// tag reads a tag token of type tt, named name (lower case), of kind tagKinds[name].
func (r *imageRuns) tag(tt html.TokenType, name string, kind tagKind) {
	switch {
	case name == "a":
		switch tt {
		case html.StartTagToken:
			r.links++
		case html.EndTagToken:
			r.links = max(r.links-1, 0)
		}
	case kind&hiddenRawTag != 0 || name == "template":
		switch tt {
		case html.StartTagToken:
			r.hidden++
		case html.EndTagToken:
			r.hidden = max(r.hidden-1, 0)
		}
	case name == "img":
		if r.links == 0 && r.hidden == 0 {
			r.run++
			r.longest = max(r.longest, r.run)
		}
	case kind&imageLayoutTag == 0:
		r.run = 0
	}
}

// isBlankRaw reports a text token, given as its raw source, that is only whitespace once
// its character references are read (&nbsp; and U+3000 are space too).
func isBlankRaw(raw string) bool {
	if strings.IndexByte(raw, '&') >= 0 {
		raw = html.UnescapeString(raw)
	}
	return strings.TrimSpace(raw) == ""
}

// imageRunLayout are the tags that may stand between the images of one scanned document.
var imageRunLayout = map[string]bool{
	"br": true, "p": true, "div": true, "span": true, "center": true, "font": true,
}
