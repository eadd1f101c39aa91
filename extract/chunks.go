package extract

import (
	"context"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/policymetrics/policymetrics/extract/decode"
	"github.com/policymetrics/policymetrics/extract/doc"
	"github.com/policymetrics/policymetrics/extract/internal/cjk"
	"github.com/policymetrics/policymetrics/extract/internal/spare"
	"github.com/policymetrics/policymetrics/extract/normalize"
	"github.com/policymetrics/policymetrics/extract/segment"
	"github.com/policymetrics/policymetrics/extract/textmap"
)

// A long plain-text document or HTML page is read in chunks of whole lines, so that
// memory holds one chunk's runes, mentions and records rather than the document's (issue
// 12: memory bounded by the document's largest paragraph, not its size). What crosses chunks is
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

// longDoc is a document read in chunks: text, then tail (the U+FFFD of a character cut at
// the end, decode.Result.Tail), so that text can be the input's memory. For a page (page
// set), text is its visible text and records point at the page's source.
type longDoc struct {
	text, tail string
	page       *page
	marks      *[]int // where dateMark says yes, when known before the pre-scan (dateMarks)
}

// runes returns the runes of text[from:to], with the tail when to is the end, in buf
// (nil: a new slice).
func (p longDoc) runes(buf []rune, from, to int) []rune {
	// Room for as many runes as bytes: the runes are then written in place, and the
	// buffer, reused from chunk to chunk, grows once. text is valid UTF-8 (decode's, or a
	// page's runes made a string) and from and to are line starts: no validity checks.
	src := cjk.AppendValidRunes(slices.Grow(buf[:0], to-from), p.text[from:to])
	if to == len(p.text) {
		src = append(src, []rune(p.tail)...)
	}
	return src
}

// bound calls o.Bound for a plain text, with its size as text (decoded, it may be
// larger than its bytes). A page is not bounded: its source, held until its outline is
// read, is larger than its text, and let go of then (dropSource).
func (p longDoc) bound(o Options) (done func()) {
	if o.Bound == nil || p.page != nil {
		return func() {}
	}
	return o.Bound(len(p.text) + len(p.tail))
}

// chunksCut cuts the document into chunks (chunksIn) where its long lines are cut at
// cuts (p.cuts); the tail is on the last line, or makes one after a final newline.
func (p longDoc) chunksCut(cuts []lineCut) []chunk {
	chunks := chunksIn(p.text, cuts, p.inTable)
	if p.tail != "" && (len(p.text) == 0 || strings.HasSuffix(p.text, "\n")) {
		if len(chunks) == 0 {
			return []chunk{{lines: 1}}
		}
		chunks[len(chunks)-1].lines++
	}
	return chunks
}

// cuts returns where the long lines of a plain text are cut (lineCuts); a page's long
// lines are read whole.
func (p longDoc) cuts() []lineCut {
	if p.page != nil {
		return nil
	}
	return lineCuts(p.text)
}

// chunk is a part of a document's text: own lines [line, line+lines) at bytes [start, end),
// from col runes into line line to endCol runes into line line+lines (0, 0 but where a
// chunk starts or ends inside a long line).
type chunk struct {
	start, end  int
	line, lines int
	col, endCol int
}

// owns reports a record's place (1-based line and col) that falls in the chunk.
func (c chunk) owns(line, col int) bool {
	at := pos{line - 1, col - 1}
	return !at.before(pos{c.line, c.col}) && at.before(pos{c.line + c.lines, c.endCol})
}

// chunksIn cuts text into chunks of whole lines, or pieces of long lines where cuts say,
// of about chunkBytes each, the first holding at least the document's head (doc.HeadLines
// lines) unless a long line comes first. A cut never falls between two lines of a
// tab-written table, nor where blocked says (inside a page's table).
func chunksIn(text string, cuts []lineCut, blocked func(cut int) bool) []chunk {
	var out []chunk
	start, line, col := 0, 0, 0
	for start < len(text) {
		end := len(text)
		if budget := chunkBudget(text, start); start+budget < len(text) {
			end = cutAfter(text, cuts, start+budget, start+maxChunkBytes, blocked)
		}
		if start == 0 {
			for end < len(text) && cutAt(cuts, end) < 0 && strings.Count(text[:end], "\n") <= doc.HeadLines {
				end = cutAfter(text, cuts, end+1, end+maxChunkBytes, blocked)
			}
		}
		n := strings.Count(text[start:end], "\n")
		if end == len(text) && !strings.HasSuffix(text, "\n") {
			n++ // the last line has no newline
		}
		endCol := 0
		if end < len(text) {
			endCol = colAt(cuts, end)
		}
		out = append(out, chunk{start: start, end: end, line: line, lines: n, col: col, endCol: endCol})
		start, line, col = end, line+n, endCol
	}
	return out
}

// A chunk's memory is its lines' and its records' more than its bytes': a line is a
// doc.Line and more (about 64 bytes), and a figure in a sentence longer than MaxSentence
// has a record with its own window of the sentence (about a kilobyte). A chunk of 256 KB
// of blank lines held 262 K lines, one of figures in a list with no sentence end 16 K
// records, and a 24 MB document of either peaked at 130-180 MB. So a chunk is made
// smaller where a sample of the text it starts with is dense in lines or in such figures
// (chunkBudget). The output is the same whatever the chunks (TestChunksReadAsWhole); only
// memory and time change. Reports, bulletins and plans weigh at most about 40 a sample, far
// under what shrinks a chunk (256), and keep their 256 KB chunks; blank lines get 16 KB
// chunks, a list of figures about 90 KB. A figure weighs little against the memory it
// holds because a small chunk of a long line pays for its context (the pieces of the line
// around it, read again): with chunks of 23 KB such a list took a quarter longer for 13%
// less memory than with 90 KB.
const (
	densitySample  = 4 << 10  // bytes of text looked at
	figureWeight   = 4        // a figure far from a sentence end, against a line's 1
	farBytes       = 1200     // the bytes of MaxSentence characters of Chinese
	maxChunkWeight = 16 << 10 // a chunk's weight, estimated from its sample
	minChunkBudget = 4 << 10  // the least bytes a chunk is given
)

// chunkBudget returns how many bytes a chunk starting at start may take before it ends at
// the next cut: chunkBytes, or less so that its weight (sampleWeight), estimated from
// densitySample bytes at start, stays under maxChunkWeight.
func chunkBudget(text string, start int) int {
	if len(text)-start <= densitySample {
		return chunkBytes // the rest of the text, whatever it weighs
	}
	sample := text[start : start+densitySample]
	w := sampleWeight(sample)
	if w*chunkBytes <= maxChunkWeight*len(sample) {
		return chunkBytes
	}
	return min(chunkBytes, max(minChunkBudget, maxChunkWeight*len(sample)/w))
}

// sampleWeight is the line ends of s, plus figureWeight for each number (a run of ASCII
// digits and points) that starts more than farBytes after the last sentence end (line
// end, 。, ；, ！ or ？; s's start counts as one).
func sampleWeight(s string) int {
	w, sentence, number := 0, 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\n':
			w++
			sentence = i + 1
		case c == 0x82 && i >= 2 && s[i-2] == 0xE3 && s[i-1] == 0x80, // 。
			(c == 0x9B || c == 0x81 || c == 0x9F) && i >= 2 && s[i-2] == 0xEF && s[i-1] == 0xBC: // ；！？
			sentence = i + 1
		}
		digit := c-'0' < 10
		if digit && !number && i-sentence > farBytes {
			w += figureWeight
		}
		number = digit || number && c == '.'
	}
	return w
}

// cutAfter returns the offset just after the first line end at or after from that is not
// inside a written table (tableAround),
// giving up on that past limit, and that blocked (nil: none) allows whatever the limit;
// or the first cut of a long line (cuts) at or after from, when it comes first;
// len(text) when no line end follows.
func cutAfter(text string, cuts []lineCut, from, limit int, blocked func(int) bool) int {
	for i := from; i < len(text); {
		next := nextCut(text, cuts, i)
		j := strings.IndexByte(text[i:next], '\n')
		if j < 0 {
			return next // a piece's end (or the text's)
		}
		cut := i + j + 1
		if cut == len(text) || (cut >= limit || !tableAround(text, cut)) && (blocked == nil || !blocked(cut)) {
			return cut
		}
		i = cut
	}
	return len(text)
}

// maxFragmentLines is how many short header lines (（万亩）) tableAround looks back over.
const maxFragmentLines = 16

// tableAround reports a cut (a line start) that may fall inside a tab-written table as
// textTables reads it: the line after it holds a tab, or the line before does, possibly
// above short header lines (播种面积 / （万亩）), which textTables joins to a one-row
// table's header. Past maxFragmentLines of those it says yes.
func tableAround(text string, cut int) bool {
	after := text[cut:]
	if k := strings.IndexByte(after, '\n'); k >= 0 {
		after = after[:k]
	}
	if strings.IndexByte(after, '\t') >= 0 {
		return true
	}
	end := cut - 1 // the line end before the cut
	for range maxFragmentLines {
		start := strings.LastIndexByte(text[:end], '\n') + 1
		line := text[start:end]
		if strings.IndexByte(line, '\t') >= 0 {
			return true
		}
		if !isHeaderFragmentText(line) || start == 0 {
			return false
		}
		end = start - 1
	}
	return true
}

// isHeaderFragmentText is isHeaderFragment of line's runes, told without making them: the
// lines tableAround looks at are mostly paragraphs, which the rune count says no to.
func isHeaderFragmentText(line string) bool {
	s := strings.TrimSpace(line)
	if s == "" || len(s) > 10*utf8.UTFMax || utf8.RuneCountInString(s) > 10 {
		return false
	}
	return strings.IndexFunc(s, func(r rune) bool { return r >= '0' && r <= '9' }) < 0
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
func (p longDoc) analysisOf(from, to int) ([]rune, textmap.Text, textmap.Text) {
	src, base, an, _, _ := p.analysisIn(nil, nil, nil, nil, nil, nil, from, to)
	return src, base, an
}

// chunkMarks notes, as plain text is normalised, where the sentence scan stops and where
// the tabs are. Made at the first plain text read in chunks, as wholeMarks is.
var chunkMarks = sync.OnceValue(func() *normalize.Marker {
	return normalize.NewMarker(append(slices.Clone(segment.Stops), '\t')...)
})

// analysisIn is analysisOf with the runes in srcBuf, the analysis runes in anBuf, a
// page's map of the runes to its source in baseBuf and the analysis text's source map in
// mapBuf. For plain text it also returns, in markBuf, where the analysis runes of
// chunkMarks stand, and whether they are kept one for one from the source
// (normalize.Marker); for a page none, and false. folds, when not nil, is normalisation's
// scratch (NormalizeValid).
func (p longDoc) analysisIn(srcBuf, anBuf []rune, baseBuf, mapBuf []int32, markBuf []int, folds *[]int, from, to int) ([]rune, textmap.Text, textmap.Text, []int, bool) {
	if p.page == nil {
		// Plain text, valid UTF-8 as runes says: decoded and normalised in one pass.
		s := p.text[from:to]
		if to == len(p.text) {
			s += p.tail
		}
		src, an, marks, kept := chunkMarks().NormalizeValid(srcBuf, anBuf, s, markBuf[:0], folds)
		return src, textmap.Identity(src), an, marks, kept
	}
	// A page: its visible text's runes, mapped to the page's source.
	src := p.runes(srcBuf, from, to)
	base := textmap.Identity(src)
	r := p.page.runeOf(p.text, from)
	base.Src = p.page.srcOfRange(baseBuf, r, r+len(src))
	return src, base, normalize.NormalizeReusing(anBuf, mapBuf, base), markBuf[:0], false
}

// streamChunks extracts a long document chunk by chunk (p.chunksCut(cuts)), passing each
// chunk's records to emit. It returns false, having emitted nothing, when the document
// must be read whole.
func streamChunks(ctx context.Context, name string, p longDoc, chunks []chunk, cuts []lineCut, opts Options, bufs *chunkBuffers, emit func([]Record) error) (bool, error) {
	text := p.text
	o, ok, err := outlineOf(ctx, p, chunks, cuts, bufs)
	if err != nil || !ok {
		return false, err
	}
	if p.page != nil {
		p.page.dropSource() // read in chunks from here on, never whole
	}
	reader := o.NewReader()
	// read holds what the reader said of the units (lines, pieces of long lines) read so
	// far, by place, for the next chunk's context; units before a chunk's context are dropped.
	read := map[pos]doc.Line{}
	// Each chunk is made in a set of buffers reused from chunk to chunk, and from document
	// to document (Stream takes them from a pool): nothing of a chunk but its records
	// outlives it. A chunk extracted on a helper holds its set until its records are
	// emitted; the next chunk is made in another.
	q := newChunkQueue(ctx, opts, emit, bufs)
	defer q.close()
	var lineBreaks []int // a unit's sentence breaks
	var pieces []lineCut // the cuts inside a chunk's text, at analysis offsets
	// What the line a chunk starts inside (a long line's piece) says of the budget level
	// before the chunk: budgetLevel reads a line back from its start, which the chunk's
	// text does not hold.
	var levelBefore lineLevel
	for _, c := range chunks {
		if err := ctx.Err(); err != nil {
			return true, err
		}
		b := q.buffers()
		from := unitsBack(text, cuts, c.start, preContext)
		to := unitsAhead(text, cuts, c.end, postContext)
		first, firstCol := c.line-strings.Count(text[from:c.start], "\n"), colAt(cuts, from)
		src, base, an, marks, kept := p.analysisIn(b.runes, b.analysis, b.pageSrc, b.analysisSrc, b.chunkMarks, &b.scratch.folds, from, to)
		b.runes, b.analysis, b.chunkMarks = src, an.Runes, marks
		if p.page != nil {
			b.pageSrc = base.Src
		}
		if an.Src != nil && !sameMemory(an.Src, base.Src) {
			b.analysisSrc = an.Src // made by normalisation, not the page's map (pageSrc)
		}
		// The sentences are found with the lines, in one pass: recordsWith needs them.
		var starts []int
		if p.page == nil { // the scan stops only where normalisation noted
			b.chunkSentences, starts, b.chunkBreaks = segment.AppendSentencesAndLinesAt(b.chunkSentences[:0], b.lineStarts[:0], b.chunkBreaks[:0], an.Runes, marks)
		} else {
			b.chunkSentences, starts, b.chunkBreaks = segment.AppendSentencesAndLines(b.chunkSentences[:0], b.lineStarts[:0], b.chunkBreaks[:0], an.Runes)
		}
		b.lineStarts = starts
		infos := slices.Grow(b.lines[:0], len(starts))[:len(starts)] // each one set below
		b.lines = infos
		pieces = cutsInside(pieces[:0], text, cuts, an, from, to)
		next := unitsBack(text, cuts, c.end, preContext) // the next chunk's context: the rest is dropped below
		keep := pos{c.line + c.lines - strings.Count(text[next:c.end], "\n"), colAt(cuts, next)}
		own, ownEnd := pos{c.line, c.col}, pos{c.line + c.lines, c.endCol}
		goesOn := to < len(text) && cutAt(cuts, to) >= 0 // the last line goes on past the text read
		x, y := 0, 0
		var ahead *doc.Reader
		keepK, keepAt := -1, 0 // the line and analysis offset where the next chunk's text starts
		for k, st := range starts {
			e := st + len(doc.LineAt(an.Runes, starts, k))
			n := first + k
			us, col := st, 0
			if k == 0 {
				col = firstCol
			}
			for { // the line's units: itself, or the pieces of a long line
				ue, nextCol := e, 0
				if y < len(pieces) && pieces[y].at < e {
					ue, nextCol = pieces[y].at, pieces[y].col
					y++
				}
				lineBreaks = doc.BreaksIn(lineBreaks, b.chunkBreaks, &x, us, ue)
				u := unit{line: n, col: col, runes: an.Runes[us:ue], breaks: lineBreaks, long: ue < e || k == len(starts)-1 && goesOn}
				at := pos{n, col}
				if at == keep {
					keepK, keepAt = k, us
				}
				var info doc.Line
				switch {
				case at.before(own):
					info = read[at]
				case at.before(ownEnd):
					info = u.read(reader)
					if !at.before(keep) {
						read[at] = info
					}
				default:
					if ahead == nil {
						ahead = reader.Clone() // context after the chunk: read, not kept
					}
					info = u.read(ahead)
				}
				if us == st {
					infos[k] = info
				} else {
					infos[k] = infos[k].Join(info, us-st)
				}
				if ue == e {
					break
				}
				us, col = ue, nextCol
			}
		}
		for at := range read {
			if at.before(keep) {
				delete(read, at)
			}
		}
		// The source's newlines, counted in its bytes (a newline is never part of another
		// character's): Chunk can then read the source's lines off the analysis text's.
		newlines := strings.Count(text[from:to], "\n")
		if to == len(text) {
			newlines += strings.Count(p.tail, "\n")
		}
		d := doc.Chunk(name, src, base, an, o, first, infos, starts, newlines)
		d.StartsAtColumn(firstCol)
		d.Sentences = b.chunkSentences
		if firstCol > 0 {
			d.LevelBefore, d.WholeAreaBefore = levelBefore.level, levelBefore.whole
		}
		if keep.col > 0 && keepK >= 0 { // the next chunk starts inside a line
			var prior lineLevel // what the line said before this chunk, when it is its first
			if keepK == 0 && firstCol > 0 {
				prior = levelBefore
			}
			levelBefore = lineLevelIn(an.Runes, starts[keepK], keepAt, prior)
		} else {
			levelBefore = lineLevel{}
		}
		isOwn := c.owns
		if c.col == 0 && c.endCol == 0 { // whole lines: the line tells (owns, asked of every record, for less)
			isOwn = func(line, _ int) bool { return line > c.line && line <= c.line+c.lines }
		}
		if pg := p.page; pg != nil {
			// Records point at the page's source: a chunk's own are those whose source
			// offset falls in what its own text comes from.
			d.SetSource(pg.srcLen, pg.srcLines)
			d.Tables = pg.tablesIn(pg.runeOf(text, c.start), pg.runeOf(text, c.end), pg.runeOf(text, from))
			lo, hi := pg.srcOf(pg.runeOf(text, c.start)), int32(pg.srcLen)
			if r := pg.runeOf(text, c.end); r < pg.runes {
				hi = pg.srcOf(r)
			}
			isOwn = func(line, col int) bool {
				at := int32(pg.srcLines[line-1] + col - 1)
				return at >= lo && at < hi
			}
		}
		if !kept || tabAt(an.Runes, marks) { // else the source has no tab, and no written table
			d.Tables = append(d.Tables, textTables(src, insideTables(d.Tables))...)
		}
		if err := q.add(&chunkWork{bufs: b, d: d, own: isOwn}); err != nil {
			return true, err
		}
	}
	return true, q.drain()
}

// unit is a line of a chunk's analysis text, or a piece of a long one (col runes into
// it), with its sentence breaks; long when the line goes on past it.
type unit struct {
	line, col int
	runes     []rune
	breaks    []int
	long      bool
}

// read reads the unit with r: a line, the first piece of a long line, or a later one.
func (u unit) read(r *doc.Reader) doc.Line {
	switch {
	case u.col > 0:
		return r.ContinueWithBreaks(u.runes, u.breaks)
	case u.long:
		return r.LongLineWithBreaks(u.line, u.runes, u.breaks)
	}
	return r.LineWithBreaks(u.line, u.runes, u.breaks)
}

// cutsInside appends to buf the cuts of text strictly inside (from, to), each at its
// offset in an, the analysis text of text[from:to]: a cut stands before a character
// normalisation keeps, the first analysis rune from its source rune on.
func cutsInside(buf []lineCut, text string, cuts []lineCut, an textmap.Text, from, to int) []lineCut {
	k, _ := slices.BinarySearchFunc(cuts, from+1, func(c lineCut, at int) int { return c.at - at })
	at, runes := from, 0
	for ; k < len(cuts) && cuts[k].at < to; k++ {
		runes += utf8.RuneCountInString(text[at:cuts[k].at])
		at = cuts[k].at
		buf = append(buf, lineCut{an.FirstFrom(runes), cuts[k].col})
	}
	return buf
}

// ownOnly returns recs without those at places isOwn says no to, in place. The mentions'
// records are own already, the tables' may not be: a record is copied only when one
// before it was dropped.
func ownOnly(recs []Record, isOwn func(line, col int) bool) []Record {
	n := 0
	for i := range recs {
		if !isOwn(recs[i].Line, recs[i].Col) {
			continue
		}
		if n != i {
			recs[n] = recs[i]
		}
		n++
	}
	return recs[:n]
}

// chunkBuffers are the working slices of a document's extraction (of each of its chunks
// in turn, when it is read in chunks), kept in spareChunkBuffers between documents.
type chunkBuffers struct {
	runes, analysis []rune
	analysisSrc     []int32
	pageSrc         []int32            // a page chunk's map of its runes to the page's source
	chunkSentences  []segment.Sentence // a chunk's, found with its lines (doc.Document.Sentences)
	lineStarts      []int              // a chunk's (doc.Chunk copies what it keeps of its lines)
	lineBreaks      []int              // a plain text's read whole (doc.BuildAtIn), with the three above
	chunkBreaks     []int              // a chunk's sentence breaks, found with its lines
	chunkMarks      []int              // where a chunk's analysis runes of chunkMarks stand
	lines           []doc.Line
	page            decode.PageMemory // a page's read whole
	scratch
}

// spareChunkBuffers keeps chunkBuffers between documents, as many as were in use at once
// (a run of many workers keeps a set per worker up to its bound).
var spareChunkBuffers = spare.New[*chunkBuffers](8)

func getChunkBuffers() *chunkBuffers {
	if b, found, _ := spareChunkBuffers.Take(func(*chunkBuffers) bool { return true }); found {
		return b
	}
	return new(chunkBuffers)
}

// putChunkBuffers keeps b for a later document, unless a document read whole grew it
// past what a chunk needs: that memory goes back to the collector.
func putChunkBuffers(b *chunkBuffers) {
	const keep = 2 << 20 // runes or bytes: about four times the largest chunk's (maxChunkBytes)
	if cap(b.runes) > keep || cap(b.analysis) > keep || cap(b.analysisSrc) > keep || cap(b.pageSrc) > keep || cap(b.scratch.strs) > keep || cap(b.scratch.mentions) > keep/8 || cap(b.scratch.folds) > keep/8 ||
		cap(b.chunkSentences) > keep/64 || cap(b.lines) > keep/64 || cap(b.lineStarts) > keep/8 || cap(b.lineBreaks) > keep/8 || cap(b.chunkBreaks) > keep/8 || cap(b.chunkMarks) > keep/8 || // sentences and lines: 40 and 64 bytes
		cap(b.page.Runes) > keep/8 || cap(b.page.SrcIdx) > keep/8 || cap(b.page.LineStarts) > keep/8 { // pages read whole: at most chunkBytes
		return
	}
	spareChunkBuffers.Put(b)
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
