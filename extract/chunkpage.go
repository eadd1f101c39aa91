package extract

import (
	"runtime"
	"slices"
	"unicode/utf8"

	"github.com/policymetrics/policymetrics/extract/decode"
	"github.com/policymetrics/policymetrics/extract/read"
	"github.com/policymetrics/policymetrics/extract/textmap"
)

// page is what an HTML page read in chunks keeps beside its visible text: where each
// visible rune comes from in the source, and the page's tables. Its source itself is not
// kept as runes: a page is mostly markup. Nor is an index a visible rune (a 24 MB page's
// would be 32 MB): a shift a run of consecutive source runes, a few per line, and a
// chunk's map is made from them (srcOfRange).
type page struct {
	html     string          // the source, for reading it whole when chunks cannot be exact
	shifts   []textmap.Shift // the visible text's source map (textmap.SrcOfShifted)
	runes    int             // runes of the visible text
	srcLen   int             // runes of the source
	srcLines []int           // where the source's lines start, in runes
	tables   []read.Table    // cells' offsets are runes of the visible text
	spans    [][2]int        // bytes of the visible text each table covers: no cut inside
	imageRun int             // decode.Source.ImageRun

	// A byte offset of the text and its rune offset, to count runes from.
	atByte, atRune int
}

// pageOf reads an HTML page's visible text and tables, to be read in chunks.
func pageOf(html string) longDoc {
	src, base, tables := decode.HTMLPageShifted(html)
	text := base.Text // UTF-8: 3 bytes a Han character, not 4; never held as runes whole
	pg := &page{html: html, shifts: base.Shifts, runes: base.Runes, srcLen: src.Len, srcLines: src.LineStarts, tables: tables, imageRun: src.ImageRun}
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
	return longDoc{text: text, page: pg}
}

// collectSourceBytes is the size of a page's source from which dropSource has it
// collected at once. A variable for tests.
var collectSourceBytes = 8 << 20

// dropSource lets go of the page's source once the page is known to be read in chunks:
// only reading it whole reads the source again. The source is most of what a large page
// holds (25 MB beside a 7 MB text on bulletins.html), and the collector, paced on a heap
// that held it, would let the chunks' garbage grow to twice that before it collects
// again: a large source is collected at once (a few milliseconds: its bytes hold no
// pointers). The caller must not hold the page's bytes either (batch lets them go).
func (pg *page) dropSource() {
	large := len(pg.html) >= collectSourceBytes
	pg.html = ""
	if large {
		runtime.GC()
	}
}

// srcOf returns the source rune of rune r of the visible text.
func (pg *page) srcOf(r int) int32 { return textmap.SrcOfShifted(pg.shifts, r) }

// srcOfRange returns the source runes of runes [from, to) of the visible text, in buf
// (the chunk's: chunks are made side by side).
func (pg *page) srcOfRange(buf []int32, from, to int) []int32 {
	return textmap.AppendShifted(buf[:0], pg.shifts, from, to)
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
func (p longDoc) inTable(cut int) bool {
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
