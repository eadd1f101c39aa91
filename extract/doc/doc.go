// Package doc is the document value the rules read: the source as written, the analysis
// text derived from it, and what the document says about itself (its year, its headings
// and sections, its pages), built once by Build so that no rule recomputes them.
package doc

import (
	"slices"
	"sort"
	"strings"

	"github.com/policymetrics/policymetrics/extract/internal/cjk"
	"github.com/policymetrics/policymetrics/extract/lexicon"
	"github.com/policymetrics/policymetrics/extract/read"
	"github.com/policymetrics/policymetrics/extract/segment"
	"github.com/policymetrics/policymetrics/extract/textmap"
	"github.com/policymetrics/policymetrics/units"
)

// Document is one document, read and structured.
type Document struct {
	// Name is what records carry as doc.
	Name string
	// Src is the source text as written: records' line, col and text point into it. It
	// is nil for a chunk of a page whose Base maps every rune to the source (SrcLen,
	// SetSource).
	Src []rune
	// SrcLen is the number of runes of the source.
	SrcLen int
	// Base is the text as a reader sees it (an HTML page without its tags; a PDF's text
	// reflowed), each rune mapped to the source rune it came from; table cells point
	// into it.
	Base textmap.Text
	// Tables are the tables of the document, cells as offsets into Base.
	Tables []read.Table
	// PageStarts[k] is the 0-based source line where page k+1 starts (nil: no pages).
	PageStarts []int
	// Text is the analysis text (halfwidth, simplified, without scraping noise), each rune
	// mapped to the source rune it came from.
	Text textmap.Text
	// LineStarts are the offsets in Text.Runes where its lines start.
	LineStarts []int
	// Sentences are the sentences of Text, without their clauses, when found with its
	// lines (segment.AppendSentencesAndLines); nil when not.
	Sentences []segment.Sentence
	// Written is the latest year among the full dates the document carries (2017年7月14日,
	// 2017-07-27): when it was written, 0 when it carries none.
	Written int
	// Forward marks the lines of Text in a forward-looking passage (tasks, targets).
	Forward []bool
	// Year is the year the document states about itself (its title, else its date line;
	// SPEC.md §5), against which 今年, 去年 and 过去五年 resolve; 0 when it states none.
	Year int
	// Now is the year relative words (今年, 去年, 过去五年) count from: Year, but for a
	// budget report the year it was delivered (2026 for 关于2025年预算执行情况和2026年预算
	// 草案的报告, whose 去年 is 2025).
	Now int
	// Genre is the kind of document its title names.
	Genre Genre
	// Unbegun is the first year that had not begun when the document was written: the
	// year after its latest full date, or a budget report's draft year (2026 for one
	// executing 2025); 0 when unknown. A figure of a whole year from it on is a plan or a
	// forecast, never a reported fact.
	Unbegun int
	// Area is the place the document is about (河南省), "" when it does not say: a
	// figure about it has an empty area (SPEC.md §1).
	Area string
	// LevelBefore and WholeAreaBefore are, for a chunk that starts inside a line (a long
	// line read in pieces), what the line says before the chunk: the budget level it
	// names last (市本级), or that a word of the whole area (全市) follows any level. A
	// document read whole reads each line from its start, and has neither.
	LevelBefore     string
	WholeAreaBefore bool

	passage []passageChange // where the time of the passage changes, in text order
	levels  []string        // per line of Text: the budget level its passage is about

	srcLineStarts []int
	firstLine     int // the document line of the first line here: a chunk's place in it
	firstCol      int // the runes of that line before the chunk: a chunk may start inside a long line
}

// Build structures a document whose source runes are src and whose analysis text is an.
func Build(name string, src []rune, an textmap.Text) *Document {
	return BuildFrom(name, src, textmap.Identity(src), an, nil, nil)
}

// BuildFrom structures a document read by a format reader: base is the text as read
// (with its tables and pages), an the analysis text derived from it.
func BuildFrom(name string, src []rune, base, an textmap.Text, tables []read.Table, pageStarts []int) *Document {
	return BuildFromIn(name, src, base, an, tables, pageStarts, nil)
}

// BuildFromIn is BuildFrom with the document's sentences and line starts in mem's memory
// (nil: new), and its lines read there, growing it for the next document.
func BuildFromIn(name string, src []rune, base, an textmap.Text, tables []read.Table, pageStarts []int, mem *Scratch) *Document {
	if mem == nil {
		mem = new(Scratch)
	}
	sentences, starts, breaks := segment.AppendSentencesAndLines(mem.Sentences[:0], mem.Starts[:0], mem.Breaks[:0], an.Runes)
	return mem.build(name, src, base, an, tables, pageStarts, sentences, starts, breaks, WrittenYear(an.Runes))
}

// Marks are the runes whose places in the analysis text BuildAtIn is told: where the
// sentence scan stops (segment.Stops), and the first digits of the years WrittenYear reads.
var Marks = append(slices.Clone(segment.Stops), '1', '2')

// Scratch is memory a document's sentences, lines and line breaks are found in
// (BuildAtIn, BuildFromIn), kept from document to document by a caller that is done with
// each document before it builds the next: a document read whole allocates most in these.
type Scratch struct {
	Sentences      []segment.Sentence
	Starts, Breaks []int
	Lines          []Line
}

// BuildAtIn is BuildFrom for a text without pages that need read only the runes at marks:
// the indexes, in order, of every rune of an in Marks (others may be among them), as
// normalisation notes them (normalize.Marker). The sentence scan
// (segment.AppendSentencesAndLinesAt) and the search for full dates (WrittenYearAt) look
// nowhere else. The document's sentences and line starts are in mem's memory (nil: new),
// and its lines are read there, growing it for the next document.
func BuildAtIn(name string, src []rune, base, an textmap.Text, tables []read.Table, marks []int, mem *Scratch) *Document {
	if mem == nil {
		mem = new(Scratch)
	}
	sentences, starts, breaks := segment.AppendSentencesAndLinesAt(mem.Sentences[:0], mem.Starts[:0], mem.Breaks[:0], an.Runes, marks)
	return mem.build(name, src, base, an, tables, nil, sentences, starts, breaks, WrittenYearAt(an.Runes, marks))
}

// build is buildWith reading the lines in mem, which keeps the memory of the document's
// sentences, line starts, breaks and lines for the next one.
func (mem *Scratch) build(name string, src []rune, base, an textmap.Text, tables []read.Table, pageStarts []int, sentences []segment.Sentence, starts, breaks []int, written int) *Document {
	d, lines := buildIn(name, src, base, an, tables, pageStarts, sentences, starts, breaks, written, mem.Lines)
	mem.Sentences, mem.Starts, mem.Breaks, mem.Lines = sentences[:0], starts[:0], breaks[:0], lines[:0]
	return d
}

// buildWith is BuildFrom with the sentences, line starts and breaks of an found, and its
// written year.
func buildWith(name string, src []rune, base, an textmap.Text, tables []read.Table, pageStarts []int, sentences []segment.Sentence, starts, breaks []int, written int) *Document {
	d, _ := buildIn(name, src, base, an, tables, pageStarts, sentences, starts, breaks, written, nil)
	return d
}

// buildIn is buildWith reading the lines in lineBuf's memory, which it returns.
func buildIn(name string, src []rune, base, an textmap.Text, tables []read.Table, pageStarts []int, sentences []segment.Sentence, starts, breaks []int, written int, lineBuf []Line) (*Document, []Line) {
	a := an.Runes
	head, headStarts := headOf(a, starts)
	o := readOutline(head, headStarts, written)
	r := o.NewReader()
	lines := slices.Grow(lineBuf[:0], len(starts))[:len(starts)] // each is written below
	x, rel := 0, []int(nil)
	for k, st := range starts {
		line := lineAt(a, starts, k)
		rel = BreaksIn(rel, breaks, &x, st, st+len(line))
		lines[k] = r.LineWithBreaks(k, line, rel)
	}
	d := Chunk(name, src, base, an, o, 0, lines, starts, -1)
	d.Tables, d.PageStarts, d.Sentences = tables, pageStarts, sentences
	return d, lines
}

// headOf returns the first HeadLines+1 lines of a, whose lines start at starts, as a
// chunked reading gives ReadOutline, and where they start: lineStarts of the head.
func headOf(a []rune, starts []int) ([]rune, []int) {
	if len(starts) > HeadLines+1 {
		return a[:starts[HeadLines+1]], starts[:HeadLines+2] // the head ends with a newline
	}
	return a, starts
}

// Outline is what a document says about itself as a whole: when it was written, the
// year, genre and area it states. It is read before the body, from the head (the first
// lines) and the full dates anywhere, so that a long document can then be read in chunks.
type Outline struct {
	Written, Year, Now int
	Genre              Genre
	Area               string
	titleLine          int // the title's line, -1 when none
	ahead              int // the first year still ahead when the document was written
	unbegun            int // Document.Unbegun
}

// HeadLines is how many lines of a document's analysis text ReadOutline needs.
const HeadLines = titleSearchLines + maxTitleLines

// ReadOutline reads the outline from the document's analysis text, of which only the first
// HeadLines lines are needed, and written, the latest year of its full dates (WrittenYear
// of the whole text).
func ReadOutline(head []rune, written int) Outline {
	return readOutline(head, lineStarts(head), written)
}

// readOutline is ReadOutline told where head's lines start (lineStarts(head)): the
// sentence scan found them.
func readOutline(head []rune, starts []int, written int) Outline {
	o := Outline{Written: written}
	n := headLines(head, starts) // the lines both the title and the area are looked for in
	year, title, genre := statedYear(head, starts, n, written)
	if written == 0 && year > 0 {
		written = year // no date: the document was written in the year it names
		if genre == BudgetReport || genre == Bulletin {
			written = year + 1 // a budget report reviews its year in the next, a bulletin describes a year past
		}
	}
	ahead := written // the first year still ahead when the document was written
	if genre == BudgetReport && year > 0 {
		ahead = max(written, year+1) // its execution year is reviewed, even before it closes
	}
	now := year
	if genre == BudgetReport && year > 0 {
		now = max(year, written) // delivered the year after the one it executes
	}
	o.Year, o.Now, o.Genre, o.titleLine, o.ahead = year, now, genre, title, ahead
	switch {
	case genre == BudgetReport && year > 0:
		o.unbegun = year + 1 // the draft's year: budgeted, whenever delivered
	case o.Written > 0:
		o.unbegun = o.Written + 1 // a year already begun may have facts of its months
	}
	o.Area = ownArea(head, starts, n, title)
	return o
}

// Line is what the structure of a document says of one line of it.
type Line struct {
	Forward bool   // in a forward-looking passage
	Level   string // the budget level its passage is about
	Period  string // the time of the passage at the line's start
	changes []passageChange
}

// Reader reads a document's structure line by line: its forward passages, the times of
// its passages, its budget levels.
type Reader struct {
	forward forwardPass
	plan    *planPass
	passage passagePass
	level   levelPass
	long    longLine // the long line being read in pieces
}

// longLine is what the passes read at the start of a long line that later pieces of it
// go on from (ContinueWithBreaks): its Forward and Level, which its opening sets, and its
// head, which tells a table's line (isTableText reads no more).
type longLine struct {
	forward bool
	level   string
	head    []rune
}

// NewReader returns a reader positioned at the document's first line.
func (o Outline) NewReader() *Reader {
	r := &Reader{forward: forwardPass{docYear: o.ahead}, passage: newPassagePass(o.Year, o.Now, o.titleLine, o.Genre)}
	if o.Genre == Plan {
		r.plan = &planPass{docYear: o.ahead}
	}
	return r
}

// Clone returns a reader that goes on from the same line without changing r: to read a
// few lines past a chunk's end for context.
func (r *Reader) Clone() *Reader {
	c := *r
	c.passage = r.passage.clone()
	c.long.head = slices.Clone(r.long.head)
	if r.plan != nil {
		p := *r.plan
		c.plan = &p
	}
	return &c
}

// Line reads line k of the analysis text (without its newline).
func (r *Reader) Line(k int, line []rune) Line { return r.LineWithBreaks(k, line, nil) }

// LineWithBreaks is Line told where the line's sentences break: the offsets into line
// just after each 。！？!? in it (segment.AppendSentencesAndLines finds them with the
// sentences), ascending; nil: found here.
func (r *Reader) LineWithBreaks(k int, line []rune, breaks []int) Line {
	if breaks == nil {
		breaks = sentenceBreaks(line)
	}
	l := Line{Period: r.passage.period}
	lv := HeadingLevel(line)
	if t := cjk.TrimLeft(line); lv == 0 && r.forward.pendingLevel == 0 && quietOpening(t) {
		// Most paragraphs: no pass reads their opening, and only the passage pass reads on.
		l.Forward = r.forward.on
		if r.plan != nil {
			l.Forward = !r.plan.report
		}
		if k != r.passage.titleLine {
			l.changes = r.passage.sentences(t, line, nil, breaks)
		}
		l.Level = r.level.cur
		return l
	}
	if r.plan != nil {
		l.Forward = r.plan.line(line, lv)
	} else {
		l.Forward = r.forward.line(line, lv)
	}
	l.changes = r.passage.line(k, line, lv, nil, breaks)
	l.Level = r.level.line(line, lv)
	return l
}

// LongLineWithBreaks is LineWithBreaks for the first piece of a long line read in
// pieces (line: at least 2*maxHeadingRunes runes, cut at a sentence end): the passes
// read only a line's opening, so the piece is read as the line is, and what the pieces
// after it need is kept for ContinueWithBreaks.
func (r *Reader) LongLineWithBreaks(k int, line []rune, breaks []int) Line {
	l := r.LineWithBreaks(k, line, breaks)
	t := cjk.TrimLeft(line)
	r.long = longLine{forward: l.Forward, level: l.Level, head: append(r.long.head[:0], t[:min(len(t), 2*maxHeadingRunes)]...)}
	return l
}

// ContinueWithBreaks reads the next piece of the long line LongLineWithBreaks started,
// one that starts where a sentence does: it keeps the line's Forward and Level, and the
// passage pass reads its sentences as inside the paragraph.
func (r *Reader) ContinueWithBreaks(piece []rune, breaks []int) Line {
	if breaks == nil {
		breaks = sentenceBreaks(piece)
	}
	l := Line{Period: r.passage.period, Forward: r.long.forward, Level: r.long.level}
	l.changes = r.passage.sentencesFrom(r.long.head, piece, nil, breaks, true)
	return l
}

// Join returns l, a line's start, with next, the piece of it at offset at, read on: one
// line of a chunk's text made of pieces the reader read in turn.
func (l Line) Join(next Line, at int) Line {
	l.changes = slices.Clip(l.changes) // never written over in a slice shared with another line
	for _, c := range next.changes {
		l.changes = append(l.changes, passageChange{c.at + at, c.period})
	}
	return l
}

// quietOpening reports a paragraph line (t, without its leading spaces; heading level 0)
// whose opening none of the passes reads: empty, or opening with no rune that starts a
// word, a number or a plan name they look for there (lineOpeners), and no notes heading.
// Of such a line the forward and level passes change nothing, and the passage pass reads
// only its sentences.
func quietOpening(t []rune) bool {
	return len(t) == 0 || !lineOpeners.Has(t[0]) && (len(t) > maxNotesTitle || !isNotesHeading(t)) // most lines: long
}

// lineOpeners are the runes a paragraph's opening is read for by the passes: the first
// runes of the forward pass's opening words (forwardOpening, reviewOpening,
// yearsPastFive) and of a plan name, possibly quoted (startsWithPastPlan); of an item's
// number (skipNumbering: a parenthesis, digits, Chinese numerals) and the level pass's
// words; of a caption's opener (isCaption).
var lineOpeners = func() *lexicon.RuneSet {
	extra := []rune{'“', '"', '十', '(', '（'}
	for r := rune(0); r < 0x10000; r++ {
		if cjk.IsDigit(r) || units.IsChineseNumeral(r) {
			extra = append(extra, r)
		}
	}
	return lexicon.FirstRunes([]*lexicon.Set{forwardOpening, reviewOpening, yearsPastFive, levelWords, wholeAreaWords,
		captionOpeners}, extra...)
}()

// BreaksIn returns in buf the breaks of the line at [start, end) of a text, as offsets
// into the line, for Reader.LineWithBreaks: breaks are the text's, ascending
// (segment.AppendSentencesAndLines), those before breaks[*x] already given to earlier
// lines; *x moves past the line's.
func BreaksIn(buf, breaks []int, x *int, start, end int) []int {
	out := buf[:0]
	if out == nil {
		out = []int{} // none, not unknown
	}
	for ; *x < len(breaks) && breaks[*x] <= end; *x++ {
		if breaks[*x] > start {
			out = append(out, breaks[*x]-start)
		}
	}
	return out
}

// Chunk builds the document value of lines [first, first+len(lines)) of a document: src
// and an are those lines' source and analysis text, lines what a Reader read of them,
// starts where an's lines start (LineStarts; nil: found here), srcNewlines how many
// newlines src holds (-1: not known). Records point at the whole document's lines.
func Chunk(name string, src []rune, base, an textmap.Text, o Outline, first int, lines []Line, starts []int, srcNewlines int) *Document {
	if starts == nil {
		starts = lineStarts(an.Runes)
	}
	srcStarts := starts
	if base.Src != nil || an.Mapped() || len(an.Runes) != len(src) {
		// Something was dropped or the text is a page's: the source's own lines. Else each
		// analysis rune comes from the source rune at its place, and normalisation makes
		// and removes no newline, so the lines start at the same places.
		srcStarts = nil
		if base.Src == nil && an.Mapped() {
			srcStarts = sourceStartsVia(an, starts, src, srcNewlines)
		}
		if srcStarts == nil {
			srcStarts = lineStarts(src)
		}
	}
	d := &Document{Name: name, Src: src, SrcLen: len(src), Base: base, Text: an, LineStarts: starts, srcLineStarts: srcStarts, firstLine: first,
		Written: o.Written, Year: o.Year, Now: o.Now, Genre: o.Genre, Area: o.Area, Unbegun: o.unbegun}
	d.Forward = make([]bool, len(d.LineStarts))
	d.levels = make([]string, len(d.LineStarts))
	d.passage = []passageChange{{0, ""}}
	if len(lines) > 0 {
		d.passage[0].period = lines[0].Period
	}
	for k := range min(len(lines), len(d.LineStarts)) {
		d.Forward[k], d.levels[k] = lines[k].Forward, lines[k].Level
		for _, c := range lines[k].changes {
			d.passage = append(d.passage, passageChange{d.LineStarts[k] + c.at, c.period})
		}
	}
	return d
}

// sourceStartsVia returns where the lines of src start, read off the analysis lines
// (starts; an maps analysis runes to src's) instead of a pass over src: when each
// analysis line break comes from a newline of src, at increasing places, and there are as
// many as src holds (newlines), those are all of src's. Nil when that does not hold.
func sourceStartsVia(an textmap.Text, starts []int, src []rune, newlines int) []int {
	if len(starts) != newlines+1 {
		return nil
	}
	out := make([]int, len(starts)) // out[0] is 0
	w := an.Walk()
	for k := 1; k < len(starts); k++ {
		s := int(w.SrcOf(starts[k]-1)) + 1
		if s <= out[k-1] || s > len(src) || src[s-1] != '\n' {
			return nil
		}
		out[k] = s
	}
	return out
}

// LineAt returns line k of a, whose lines start at starts (0, and after each newline: as
// segment.AppendSentencesAndLines finds them), without its newline.
func LineAt(a []rune, starts []int, k int) []rune { return lineAt(a, starts, k) }

func lineStarts(a []rune) []int {
	starts := []int{0}
	i := 0
	for ; i+8 <= len(a); i += 8 {
		// Eight runes at a time, most holding no newline: one test each, and no loop's.
		b := a[i : i+8]
		if b[0] != '\n' && b[1] != '\n' && b[2] != '\n' && b[3] != '\n' &&
			b[4] != '\n' && b[5] != '\n' && b[6] != '\n' && b[7] != '\n' {
			continue
		}
		for k, r := range b {
			if r == '\n' {
				starts = append(starts, i+k+1)
			}
		}
	}
	for ; i < len(a); i++ {
		if a[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// SetSource makes a chunk point at its page's source, of n runes whose lines start at
// lineStarts (rune offsets), instead of at its own runes: Base must map every rune.
func (d *Document) SetSource(n int, lineStarts []int) {
	d.Src, d.SrcLen, d.srcLineStarts, d.firstLine, d.firstCol = nil, n, lineStarts, 0, 0
}

// SourceLineStarts returns the rune offsets where the lines of text start.
func SourceLineStarts(text string) []int {
	starts := []int{0}
	k := 0
	for _, r := range text {
		k++
		if r == '\n' {
			starts = append(starts, k)
		}
	}
	return starts
}

// LineOf returns the 0-based index of the analysis-text line holding offset i.
func (d *Document) LineOf(i int) int {
	return sort.SearchInts(d.LineStarts, i+1) - 1
}

// SourcePos returns the 1-based line and column (in runes) of source offset i.
func (d *Document) SourcePos(i int) (line, col int) {
	k := sort.SearchInts(d.srcLineStarts, i+1) - 1
	return d.firstLine + k + 1, d.colOf(i, k)
}

// colOf is the 1-based column of source offset i on the chunk's line k: the first line
// of a chunk that starts inside a long line starts at its column firstCol+1.
func (d *Document) colOf(i, k int) int {
	if k == 0 {
		return i - d.srcLineStarts[0] + 1 + d.firstCol
	}
	return i - d.srcLineStarts[k] + 1
}

// StartsAtColumn says that the chunk's first line starts col runes into its document
// line (a piece of a long line read as a chunk): the columns of that line count them.
func (d *Document) StartsAtColumn(col int) { d.firstCol = col }

// PosCursor is SourcePos for offsets asked near one another (a chunk's mentions, in text
// order): it steps over the few line starts between the last offset's line and the next
// one's rather than searching them all, and searches only when that is far.
type PosCursor struct {
	d *Document
	k int // the line of the last offset asked
}

// Cursor returns a PosCursor of d, at its first line.
func (d *Document) Cursor() PosCursor { return PosCursor{d: d} }

// maxSteps is how many lines a PosCursor steps over before it searches instead.
const maxSteps = 8

// Pos returns d.SourcePos(i).
func (c *PosCursor) Pos(i int) (line, col int) {
	starts, k := c.d.srcLineStarts, c.k
	for n := 0; ; n++ {
		if n == maxSteps {
			k = sort.SearchInts(starts, i+1) - 1
			break
		}
		if i < starts[k] {
			k--
		} else if k+1 < len(starts) && starts[k+1] <= i {
			k++
		} else {
			break
		}
	}
	c.k = k
	return c.d.firstLine + k + 1, c.d.colOf(i, k)
}

// PassageAt returns the time of the passage holding analysis offset i (SPEC.md §5 rule
// 3): "2025", "2021-2025", or "" when the document leaves it open.
func (d *Document) PassageAt(i int) string {
	k := sort.Search(len(d.passage), func(k int) bool { return d.passage[k].at > i })
	return d.passage[k-1].period // passage[0] is at 0
}

// AnalysisOffset returns the first analysis rune that comes from source rune src or later.
func (d *Document) AnalysisOffset(src int) int {
	if !d.Text.Mapped() {
		return min(src, max(len(d.Text.Runes)-1, 0))
	}
	return min(d.Text.FirstFrom(src), max(len(d.Text.Runes)-1, 0))
}

// PageOfLine returns the 1-based page of 1-based source line, 0 without pages.
func (d *Document) PageOfLine(line int) int {
	if len(d.PageStarts) == 0 {
		return 0
	}
	return sort.SearchInts(d.PageStarts, line) // PageStarts are 0-based: line-1 < start
}

// Visible returns the text a reader sees for source runes [start, end): the source itself
// for text, without tags and with entities decoded for HTML (5&#37; reads 5%).
func (d *Document) Visible(start, end int) string {
	if d.Base.Src == nil {
		return cjk.String(d.Src[start:end])
	}
	src := d.Base.Src
	i := sort.Search(len(src), func(k int) bool { return int(src[k]) >= start })
	j := sort.Search(len(src), func(k int) bool { return int(src[k]) >= end })
	var b strings.Builder
	for k := i; k < j; k++ {
		if r := d.Base.Runes[k]; r != '\n' && r != '\t' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// LevelAt returns the budget level (市级, 市本级) the passage holding offset i is about,
// "" for the whole area.
func (d *Document) LevelAt(i int) string { return d.LevelOfLine(d.LineOf(i)) }

// LevelOfLine is LevelAt for the 0-based line k of the analysis text.
func (d *Document) LevelOfLine(k int) string { return d.levels[k] }
