package extract

import (
	"context"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/policymetrics/policymetrics/extract/decode"
	"github.com/policymetrics/policymetrics/extract/read"

	"github.com/policymetrics/policymetrics/extract/doc"
	"github.com/policymetrics/policymetrics/extract/textmap"
)

// A long plain-text document is read in chunks of whole lines, so that memory holds one
// chunk's runes, mentions and records rather than the document's (issue 12: memory
// bounded by the document's largest paragraph, not its size). What crosses chunks is
// small and exact: the outline (year, genre, area: from the head and the full dates
// anywhere) and the state of the line-by-line structure passes (doc.Reader). Each chunk
// is read with a few lines of context on each side, for the rules that look at
// neighbouring lines (a table's caption above it), and keeps only its own lines'
// records. The output is the same as reading the document whole; TestChunksReadAsWhole
// checks that on every test document.

// chunkBytes is the size of a chunk, and the size from which a document is read in chunks.
var chunkBytes = 256 << 10

// maxChunkBytes is how far past chunkBytes a chunk may grow looking for a cut outside a
// table; past it, the cut falls at the next line end wherever it is.
var maxChunkBytes = 2 * chunkBytes

// preContext and postContext are the lines of context read before and after a chunk.
const preContext, postContext = 8, 2

// plain is a document read in chunks: text, then tail (the U+FFFD of a character cut at
// the end, decode.Result.Tail), so that text can be the input's memory. For a page (page
// set), text is its visible text and records point at the page's source.
type plain struct {
	text, tail string
	page       *page
}

// page is what an HTML page read in chunks keeps beside its visible text: where each
// visible rune comes from in the source, and the page's tables. Its source itself is not
// kept as runes: a page is mostly markup.
type page struct {
	html     string       // the source, for reading it whole when chunks cannot be exact
	srcOf    []int32      // per rune of the visible text: its source rune
	srcLen   int          // runes of the source
	srcLines []int        // where the source's lines start, in runes
	tables   []read.Table // cells' offsets are runes of the visible text
	spans    [][2]int     // bytes of the visible text each table covers: no cut inside

	// A byte offset of the text and its rune offset, to count runes from.
	atByte, atRune int
}

// pageOf reads an HTML page's visible text and tables, to be read in chunks.
func pageOf(html string) plain {
	base, tables := decode.HTMLDocumentOf(html)
	text := string(base.Runes) // UTF-8: 3 bytes a Han character, not 4
	pg := &page{html: html, srcOf: base.Src, srcLen: utf8.RuneCountInString(html), srcLines: doc.SourceLineStarts(html), tables: tables}
	for _, t := range tables {
		lo, hi := -1, -1
		for _, row := range t.Rows {
			for _, c := range row {
				if c.Offset >= 0 {
					if lo < 0 || c.Offset < lo {
						lo = c.Offset
					}
					hi = max(hi, c.Offset+utf8.RuneCountInString(c.Text))
				}
			}
		}
		if lo >= 0 {
			pg.spans = append(pg.spans, [2]int{pg.byteOf(text, lo), pg.byteOf(text, hi)})
		}
	}
	pg.atByte, pg.atRune = 0, 0
	return plain{text: text, page: pg}
}

// runeOf returns the rune offset of byte offset b of text, counting from the last one asked.
func (pg *page) runeOf(text string, b int) int {
	if b >= pg.atByte {
		pg.atRune += utf8.RuneCountInString(text[pg.atByte:b])
	} else {
		pg.atRune -= utf8.RuneCountInString(text[b:pg.atByte])
	}
	pg.atByte = b
	return pg.atRune
}

// byteOf returns the byte offset of rune offset r of text, counting from the last one asked.
func (pg *page) byteOf(text string, r int) int {
	b := pg.atByte
	for n := pg.atRune; n < r && b < len(text); n++ {
		_, size := utf8.DecodeRuneInString(text[b:])
		b += size
	}
	for n := pg.atRune; n > r && b > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(text[:b])
		b -= size
	}
	pg.atByte, pg.atRune = b, r
	return b
}

// inTable reports a cut (a byte offset) that falls inside one of the page's tables.
func (p plain) inTable(cut int) bool {
	if p.page == nil {
		return false
	}
	for _, s := range p.page.spans {
		if cut > s[0] && cut < s[1] {
			return true
		}
	}
	return false
}

// runes returns the runes of text[from:to], with the tail when to is the end.
func (p plain) runes(from, to int) []rune {
	src := []rune(p.text[from:to])
	if to == len(p.text) {
		src = append(src, []rune(p.tail)...)
	}
	return src
}

// chunks cuts the document into chunks (chunksOf); the tail is on the last line, or
// makes one after a final newline.
func (p plain) chunks() []chunk {
	chunks := chunksOf(p.text, p.inTable)
	if p.tail != "" && (len(p.text) == 0 || strings.HasSuffix(p.text, "\n")) {
		if len(chunks) == 0 {
			return []chunk{{lines: 1}}
		}
		chunks[len(chunks)-1].lines++
	}
	return chunks
}

// chunk is a part of a document's text: own lines [line, line+lines) at bytes [start, end).
type chunk struct {
	start, end  int
	line, lines int
}

// chunksOf cuts text into chunks of whole lines of about chunkBytes each, the first
// holding at least the document's head (doc.HeadLines lines). A cut never falls between
// two lines of a tab-written table, nor where blocked says (inside a page's table).
func chunksOf(text string, blocked func(cut int) bool) []chunk {
	var out []chunk
	start, line := 0, 0
	for start < len(text) {
		end := len(text)
		if start+chunkBytes < len(text) {
			end = cutAfter(text, start+chunkBytes, start+maxChunkBytes, blocked)
		}
		if start == 0 {
			for end < len(text) && strings.Count(text[:end], "\n") <= doc.HeadLines {
				end = cutAfter(text, end+1, end+maxChunkBytes, blocked)
			}
		}
		n := strings.Count(text[start:end], "\n")
		if end == len(text) && !strings.HasSuffix(text, "\n") {
			n++ // the last line has no newline
		}
		out = append(out, chunk{start: start, end: end, line: line, lines: n})
		start, line = end, line+n
	}
	return out
}

// cutAfter returns the offset just after the first line end at or after from where
// neither the line before nor the line after holds a tab (a row of a written table),
// giving up on that past limit, and that blocked (nil: none) allows whatever the limit;
// len(text) when no line end follows.
func cutAfter(text string, from, limit int, blocked func(int) bool) int {
	for i := from; i < len(text); {
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 {
			return len(text)
		}
		cut := i + j + 1
		if cut == len(text) || (cut >= limit || !hasTabAround(text, cut)) && (blocked == nil || !blocked(cut)) {
			return cut
		}
		i = cut
	}
	return len(text)
}

// hasTabAround reports a tab in the line that ends just before cut or the one starting at it.
func hasTabAround(text string, cut int) bool {
	before := text[strings.LastIndexByte(text[:cut-1], '\n')+1 : cut-1]
	after := text[cut:]
	if k := strings.IndexByte(after, '\n'); k >= 0 {
		after = after[:k]
	}
	return strings.IndexByte(before, '\t') >= 0 || strings.IndexByte(after, '\t') >= 0
}

// linesBack returns the offset n lines before offset at (a line start), or 0.
func linesBack(text string, at, n int) int {
	for ; n > 0 && at > 0; n-- {
		at = strings.LastIndexByte(text[:at-1], '\n') + 1
	}
	return at
}

// linesAhead returns the offset n lines after offset at (a line start), or len(text).
func linesAhead(text string, at, n int) int {
	for ; n > 0 && at < len(text); n-- {
		k := strings.IndexByte(text[at:], '\n')
		if k < 0 {
			return len(text)
		}
		at += k + 1
	}
	return at
}

// analysisOf returns the runes and the base and analysis texts of text[from:to]: for plain
// text the runes are the source, for a page its visible text mapped to the source.
func (p plain) analysisOf(from, to int) ([]rune, textmap.Text, textmap.Text) {
	src := p.runes(from, to)
	base := textmap.Identity(src)
	if p.page != nil {
		r := p.page.runeOf(p.text, from)
		base.Src = p.page.srcOf[r : r+len(src)]
	}
	return src, base, analysisText(base)
}

// outlineOf reads a chunked document's outline: its head from the first lines, its
// written year from the full dates of all chunks. ok is false when normalisation does not
// keep the lines of some chunk one for one (then only reading it whole is exact).
//
// Only lines that may hold a full date once normalised are normalised here (mayHoldDate):
// this pass would otherwise cost as much as normalising the document twice.
func outlineOf(ctx context.Context, p plain, chunks []chunk) (o doc.Outline, ok bool, err error) {
	written := 0
	for _, c := range chunks {
		if err := ctx.Err(); err != nil {
			return o, false, err
		}
		if strings.IndexByte(p.text[c.start:c.end], '&') >= 0 {
			// An entity (&#10;) is the one normalisation that can make a line end.
			_, _, an := p.analysisOf(c.start, c.end)
			if countRune(an.Runes, '\n') != strings.Count(p.text[c.start:c.end], "\n") {
				return o, false, nil
			}
			written = max(written, doc.WrittenYear(an.Runes))
			continue
		}
		for at := c.start; at < c.end; {
			end := linesAhead(p.text, at, 1)
			if end >= c.end {
				end = c.end
			}
			if mayHoldDate(p.text[at:end]) || end == len(p.text) && p.tail != "" {
				_, _, an := p.analysisOf(at, end)
				written = max(written, doc.WrittenYear(an.Runes))
			}
			at = end
		}
	}
	_, _, head := p.analysisOf(0, linesAhead(p.text, 0, doc.HeadLines+1))
	return doc.ReadOutline(head.Runes, written), true, nil
}

// mayHoldDate reports a source line that may hold a full date (2017年7月14日, 2017-07-27,
// 2017.07.27: doc.WrittenYear) once normalised. Normalisation folds fullwidth forms and
// simplifies characters, neither of which makes a 日 or a separator; it deletes spaces
// between a digit and a Han character (14 日), and tags, zero-width characters, pinyin
// and garbled residue, which may join a date's parts. A line with none of the latter holds
// a date only where a digit stands before 日 (spaces aside), or two separators stand around
// two digits.
func mayHoldDate(line string) bool {
	// Bytes, not runes: this looks at every line of a long document.
	for i := 0; i < len(line); i++ {
		switch c := line[i]; c {
		case '<', '&', '?':
			return true
		case 0xC2: // U+0080–U+00BF: the soft hyphen U+00AD
			if i+1 < len(line) && line[i+1] == 0xAD {
				return true
			}
		case 0xC3, 0xC4, 0xC5, 0xC6, 0xC7, 0xC8, 0xC9: // U+00C0–U+024F: pinyin letters
			return true
		case 0xE1: // U+1E00–U+1EFF: pinyin letters
			if i+1 < len(line) && line[i+1] >= 0xB8 && line[i+1] <= 0xBB {
				return true
			}
		case 0xE2: // zero-width U+200B–U+200D, U+2060
			if strings.HasPrefix(line[i:], "\u200B") || strings.HasPrefix(line[i:], "\u200C") ||
				strings.HasPrefix(line[i:], "\u200D") || strings.HasPrefix(line[i:], "\u2060") {
				return true
			}
		case 0xEF: // U+FFFD, U+FEFF; fullwidth separators
			if strings.HasPrefix(line[i:], "\uFFFD") || strings.HasPrefix(line[i:], "\uFEFF") {
				return true
			}
			if sep, n := dateSepAt(line, i); n > 0 && sepAroundTwoDigits(line, i+n, sep) {
				return true
			}
		case 0xE6:
			if strings.HasPrefix(line[i:], "日") && digitBefore(line, i) {
				return true
			}
		case '-', '/', '.':
			if sepAroundTwoDigits(line, i+1, c) {
				return true
			}
		}
	}
	return false
}

// dateSepAt reads a date separator at line[i] (- / . or a fullwidth form), folded to
// ASCII, and its length in bytes.
func dateSepAt(line string, i int) (byte, int) {
	switch {
	case i >= len(line):
	case line[i] == '-' || line[i] == '/' || line[i] == '.':
		return line[i], 1
	case strings.HasPrefix(line[i:], "－"):
		return '-', len("－")
	case strings.HasPrefix(line[i:], "／"):
		return '/', len("／")
	case strings.HasPrefix(line[i:], "．"):
		return '.', len("．")
	}
	return 0, 0
}

// digitAt reads a digit (ASCII or fullwidth) at line[i] and returns its length in bytes.
func digitAt(line string, i int) int {
	switch {
	case i >= len(line):
	case line[i] >= '0' && line[i] <= '9':
		return 1
	case i+2 < len(line) && line[i] == 0xEF && line[i+1] == 0xBC && line[i+2] >= 0x90 && line[i+2] <= 0x99:
		return 3
	}
	return 0
}

// sepAroundTwoDigits reports two digits at line[i], then the separator sep: -07-.
func sepAroundTwoDigits(line string, i int, sep byte) bool {
	for range 2 {
		n := digitAt(line, i)
		if n == 0 {
			return false
		}
		i += n
	}
	s, n := dateSepAt(line, i)
	return n > 0 && s == sep
}

// digitBefore reports a digit (ASCII or fullwidth) before line[i], ASCII spaces aside.
func digitBefore(line string, i int) bool {
	for i > 0 && line[i-1] == ' ' {
		i--
	}
	return i >= 1 && digitAt(line, i-1) == 1 || i >= 3 && digitAt(line, i-3) == 3
}

// streamChunks extracts a long plain-text document chunk by chunk, passing each chunk's
// records to emit. whole is called instead when the document must be read whole.
func streamChunks(ctx context.Context, name string, p plain, chunks []chunk, opts Options, emit func([]Record) error) (bool, error) {
	text := p.text
	o, ok, err := outlineOf(ctx, p, chunks)
	if err != nil || !ok {
		return false, err
	}
	reader := o.NewReader()
	// read holds what the reader said of the lines read so far, by document line, for
	// the next chunk's context; lines before a chunk's context are dropped.
	read := map[int]doc.Line{}
	for _, c := range chunks {
		if err := ctx.Err(); err != nil {
			return true, err
		}
		from := linesBack(text, c.start, preContext)
		to := linesAhead(text, c.end, postContext)
		first := c.line - strings.Count(text[from:c.start], "\n")
		src, base, an := p.analysisOf(from, to)
		lines := splitLines(an.Runes)
		infos := make([]doc.Line, len(lines))
		var ahead *doc.Reader
		for k, l := range lines {
			n := first + k
			switch {
			case n < c.line:
				infos[k] = read[n]
			case n < c.line+c.lines:
				infos[k] = reader.Line(n, l)
				read[n] = infos[k]
			default:
				if ahead == nil {
					ahead = reader.Clone() // context after the chunk: read, not kept
				}
				infos[k] = ahead.Line(n, l)
			}
		}
		for n := range read {
			if n < c.line+c.lines-preContext {
				delete(read, n)
			}
		}
		d := doc.Chunk(name, src, base, an, o, first, infos)
		isOwn := func(r Record) bool { return r.Line > c.line && r.Line <= c.line+c.lines }
		if pg := p.page; pg != nil {
			// Records point at the page's source: a chunk's own are those whose source
			// offset falls in what its own text comes from.
			d.SetSource(pg.srcLen, pg.srcLines)
			d.Tables = pg.tablesIn(pg.runeOf(text, c.start), pg.runeOf(text, c.end), pg.runeOf(text, from))
			lo, hi := pg.srcOf[pg.runeOf(text, c.start)], int32(pg.srcLen)
			if r := pg.runeOf(text, c.end); r < len(pg.srcOf) {
				hi = pg.srcOf[r]
			}
			isOwn = func(r Record) bool {
				at := int32(pg.srcLines[r.Line-1] + r.Col - 1)
				return at >= lo && at < hi
			}
		}
		d.Tables = append(d.Tables, textTables(src, insideTables(d.Tables))...)
		recs, err := records(ctx, d, opts)
		if err != nil {
			return true, err
		}
		own := recs[:0]
		for _, r := range recs {
			if isOwn(r) {
				own = append(own, r)
			}
		}
		if err := emit(own); err != nil {
			return true, err
		}
	}
	return true, nil
}

// tablesIn returns the page's tables whose cells lie in runes [lo, hi) of the visible
// text, their offsets made relative to rune at.
func (pg *page) tablesIn(lo, hi, at int) []read.Table {
	var out []read.Table
	for _, t := range pg.tables {
		in := false
		for _, row := range t.Rows {
			for _, c := range row {
				if c.Offset >= 0 {
					in = c.Offset >= lo && c.Offset < hi
					break
				}
			}
			if in {
				break
			}
		}
		if !in {
			continue
		}
		rows := make([][]read.Cell, len(t.Rows))
		for i, row := range t.Rows {
			rows[i] = slices.Clone(row)
			for k := range rows[i] {
				if rows[i][k].Offset >= 0 {
					rows[i][k].Offset -= at
				}
			}
		}
		t.Rows = rows
		out = append(out, t)
	}
	return out
}

// splitLines returns the lines of a, without their newlines.
func splitLines(a []rune) [][]rune {
	var out [][]rune
	s := 0
	for i, r := range a {
		if r == '\n' {
			out = append(out, a[s:i])
			s = i + 1
		}
	}
	return append(out, a[s:])
}

func countRune(a []rune, r rune) int {
	n := 0
	for _, c := range a {
		if c == r {
			n++
		}
	}
	return n
}
