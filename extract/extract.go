package extract

import (
	"context"
	"fmt"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"
	"unsafe"

	"github.com/policymetrics/policymetrics/units"

	"github.com/policymetrics/policymetrics/extract/concept"
	"github.com/policymetrics/policymetrics/extract/doc"
	"github.com/policymetrics/policymetrics/extract/internal/cjk"
	"github.com/policymetrics/policymetrics/extract/read"
	"github.com/policymetrics/policymetrics/extract/read/csvtable"
	"github.com/policymetrics/policymetrics/extract/read/pdf"

	"github.com/policymetrics/policymetrics/extract/decode"
	"github.com/policymetrics/policymetrics/extract/normalize"
	"github.com/policymetrics/policymetrics/extract/segment"
	"github.com/policymetrics/policymetrics/extract/textmap"
)

// Options control how a document is read.
type Options struct {
	// Encoding forces the input encoding ("utf-8", "utf-16le", "utf-16be", "gb18030",
	// "gbk", "big5"); empty means detect it per document.
	Encoding string
	// HTML forces (true) or forbids (false) reading the input as HTML; nil decides by
	// the name (.html, .htm) and by whether the content starts like HTML.
	HTML *bool
	// Table reads the document as one CSV table of figures (TSV when its name ends in
	// .tsv), whose cells are the records: --input-format table.
	Table bool
	// Concepts is the concept list records are keyed by (SPEC.md §7); nil means the
	// built-in list.
	Concepts *concept.List
	// Warn, when set, hears what went wrong without stopping the document (a user's
	// concept pattern that timed out).
	Warn func(error)
	// Context, when set, cancels the extraction: the scanning loops look at it every few
	// thousand candidates and Document returns its error, so that a run stops within a
	// second of SIGINT even in one slow document. Nil never cancels.
	Context context.Context
	// Helpers, when set, lends idle cores to a document read in chunks: its chunks are
	// extracted side by side while tokens are free. The records are the same without.
	Helpers *Helpers
	// Release, when set, is called as soon as Stream reads the document's bytes no more,
	// before it returns: when they were decoded into a text of their own (another
	// encoding, invalid bytes replaced) or read by a format's reader (PDF, Word, Excel).
	// The caller may reuse the bytes from then on. Release reports whether it let go of
	// them, nothing else holding them; a large source is then collected at once, rather
	// than held beside its text while the document is extracted. Valid UTF-8 is read in
	// place to the end: Release is not called for it.
	Release func() (letGo bool)
	// Bound, when set, is called with the size of a plain text read in chunks (whose
	// memory is its text, in UTF-8, and one chunk's work) as its chunks start, and the
	// function it returns once they are done, before a text whose chunks cannot be exact
	// is read whole: the CLI bounds the heap by the size meanwhile (memlimit). Documents
	// read whole (PDF, Word, Excel, short texts) and pages are not bounded.
	Bound func(size int) (done func())
}

func (o Options) concepts() *concept.List {
	if o.Concepts != nil {
		return o.Concepts
	}
	return concept.Default()
}

// Document extracts the records of one document. name is what records carry as `doc`.
func Document(name string, data []byte, opts Options) ([]Record, error) {
	out := []Record{}
	err := Stream(name, data, opts, func(recs []Record) error {
		out = append(out, recs...)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Stream extracts the records of one document as Document does, passing them to emit in
// document order a part at a time: a long plain-text document is read in chunks, and
// memory holds one chunk's records, not the document's. An error from emit stops it.
func Stream(name string, data []byte, opts Options, emit func([]Record) error) error {
	ctx := opts.Context
	if ctx == nil {
		ctx = context.Background()
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	// Working buffers kept between documents (spareChunkBuffers): records copy what they
	// carry, so nothing of them outlives this call.
	bufs := getChunkBuffers()
	defer putChunkBuffers(bufs)
	size := len(data)
	d, long, own, err := build(name, data, opts, bufs)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if own && opts.Release != nil && opts.Release() && size >= collectSourceBytes {
		// The source bytes are read no more and held by nobody: collected at once, and
		// their memory given back, rather than held beside the text until the collector,
		// paced on both, next runs. The chunks' garbage goes first to the heap's
		// never-touched pages (the run's reservation, hugepages.Reserve), not to the
		// source's: a 67 MB GB18030 file peaked at 244 MB, 96 MB with one invalid byte at
		// 275 MB.
		debug.FreeOSMemory()
	}
	if d == nil {
		cuts := long.cuts()
		// Bounded by the text, not by size: data's length read here kept data alive
		// through the collection above (TestDecodedSourceLetGo).
		unbound := long.bound(opts)
		done, err := streamChunks(ctx, name, long, long.chunksCut(cuts), cuts, opts, bufs, emit)
		unbound()
		if done || err != nil {
			return err
		}
		// Its lines do not survive normalisation one for one: read it whole.
		if long.page != nil {
			d, _ = pageDocument(name, long.page.html, false) // records only: no source runes
		} else {
			d = plainDocument(name, long.text+long.tail)
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	recs, err := recordsWith(ctx, d, opts, &bufs.scratch, nil)
	if err != nil {
		return err
	}
	return emit(recs)
}

// Build reads a document into the value the rules work on.
func Build(name string, data []byte, opts Options) (*doc.Document, error) {
	d, _, _, err := build(name, data, opts, nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return d, nil
}

// Text extracts the records of an already decoded document.
func Text(name, text string) []Record {
	src := cjk.Runes(text)
	return Records(doc.Build(name, src, analysisText(textmap.Identity(src))), Options{})
}

// Records runs segmentation, mention finding and attribution over a document.
func Records(d *doc.Document, opts Options) []Record {
	recs, _ := records(context.Background(), d, opts)
	return recs
}

// records is Records that stops with ctx's error when ctx is cancelled.
func records(ctx context.Context, d *doc.Document, opts Options) ([]Record, error) {
	bufs := getChunkBuffers()
	defer putChunkBuffers(bufs)
	return recordsWith(ctx, d, opts, &bufs.scratch, nil)
}

// scratch holds the working slices of records, reused from chunk to chunk of a long
// document and from document to document (spareChunkBuffers): they are most of a chunk's
// allocation, and none outlives it (records copy what they carry).
type scratch struct {
	sentences []segment.Sentence
	clauses   []segment.Span // the sentences' clauses, one buffer for all
	mentions  []mention
	fields    []attrs
	strs      []byte        // the records' texts (and sentences not in texts), made one string at the end
	cuts      []stringCut   // where each record's are in strs
	texts     sentenceTexts // the sentences holding a mention, one string: the records' sentences
	marks     []int         // where a plain text read whole has its chunkMarks (plainDocumentIn)
	folds     []int         // the runes normalisation leaves to its rules (NormalizeValid's scratch)
}

// stringCut tells where a record's text and sentence are in scratch.strs; a start of -1
// is a string the record got otherwise (or none).
type stringCut struct{ text, sentence [2]int }

// recordsWith is records with its working slices taken from, and given back to, sc (nil:
// new ones). With own set (a chunk's), only the records at the source lines and columns
// own accepts are made: the sentences before the first and after the last mention that
// may give one are not attributed (a chunk's context lines, whose records are dropped).
func recordsWith(ctx context.Context, d *doc.Document, opts Options, sc *scratch, own func(line, col int) bool) ([]Record, error) {
	if sc == nil {
		sc = &scratch{}
	}
	stop := func() bool { return ctx.Err() != nil }
	a, an, name := d.Text.Runes, d.Text, d.Name
	// Clauses only where attribution needs them, in a copy: d's sentences stay without.
	sentences := append(sc.sentences[:0], d.Sentences...)
	if d.Sentences == nil {
		sentences = segment.AppendSentenceSpans(sentences, a)
	}
	sc.sentences = sentences
	if stop() {
		return nil, ctx.Err()
	}
	mentions := findMentions(a, sc.mentions, stop)
	if mentions != nil {
		sc.mentions = mentions
	}
	if stop() {
		return nil, ctx.Err()
	}
	sc.clauses = sc.clauses[:0]
	// A sentence's attribution reads the document and the sentence's own mentions, nothing
	// of other sentences': those around the own ones can be left out.
	attributed, from, to := sentences, 0, len(mentions)
	if own != nil {
		attributed, from, to = ownSentences(d, sentences, mentions, own)
	}
	fields := attribute(d, attributed, mentions, opts, stop, sc.fields, &sc.clauses, &sc.texts)
	defer sc.texts.forget() // the records keep what they cut from the string; sc need not
	sc.fields = fields
	if stop() {
		return nil, ctx.Err()
	}
	tableRecs, claimed := tableRecords(d, opts)
	// Room for the mentions that may make a record, not a chunk's context too: the slice
	// is most of a chunk's allocation, and the collector scans all of it.
	// (Recycled, when the caller gives them back.)
	records, reused := takeRecords(to - from + len(tableRecs))
	// The records' texts are encoded into one buffer and made one string, cut for each:
	// one allocation a chunk rather than one a record. Their sentences are cut from the
	// string attribute made of the sentences holding a mention (sc.texts); one it did not
	// encode (should a record's start, a minus sign before its number, lie in the sentence
	// before) is encoded with the texts, once for its consecutive records.
	sc.strs, sc.cuts = sc.strs[:0], sc.cuts[:0]
	lastSentence, lastSentenceCut := -1, [2]int{}
	pos, sen := d.Cursor(), 0 // the mentions come in text order
	for k := from; k < to; k++ {
		m := mentions[k]
		if k%checkEvery == checkEvery-1 && stop() {
			return nil, ctx.Err()
		}
		if !m.record {
			continue
		}
		at := fields[k]
		if minusBefore(a, &m.Match) {
			switch at.change {
			case "":
				m.Start-- // 自然增长率为-0.83‰: a level below zero, its sign part of the text
				m.Value = m.Value.Neg()
			case "increase":
				at.change = "decrease" // 增速为-3.2%: a fall of 3.2%, as a table's −3.2 under 比上年增长(%) is
			}
		}
		start, end := an.SourceSpan(m.Start, m.End, d.SrcLen)
		if inSpans(claimed, start) {
			continue // a table cell: its record comes from the table
		}
		line, col := pos.Pos(start)
		if own != nil && !own(line, col) {
			continue // context: no record, and perhaps no attribution
		}
		cut := stringCut{text: [2]int{-1, 0}, sentence: [2]int{-1, 0}}
		r := Record{
			Doc:       name,
			Line:      line,
			Col:       col,
			Page:      d.PageOfLine(line),
			Value:     m.Value,
			Unit:      m.Unit,
			Indicator: at.indicator,
			Concept:   at.concept,
			Area:      at.area,
			Period:    at.period,
			Qualifier: string(at.qualifier),
			Change:    at.change,
			Modality:  at.modality,
			RawUnit:   m.RawUnit,
		}
		if m.HasUpper {
			u := m.Upper
			r.Upper = &u
		}
		if d.Base.Src == nil { // the source's own runes: d.Visible(start, end), encoded here
			n := len(sc.strs)
			sc.strs = cjk.AppendUTF8(sc.strs, d.Src[start:end])
			cut.text = [2]int{n, len(sc.strs)}
		} else {
			r.Text = d.Visible(start, end)
		}
		if k := findFrom(sentences, m.Start, &sen); k >= 0 {
			sen := sentences[k]
			if sen.End-sen.Start > MaxSentence {
				r.Sentence = sentenceAround(a, sen.Span, m.Start, m.End)
			} else if s, ok := sc.texts.sentence(sen.Span); ok {
				r.Sentence = s // the string attribution cut its names from
			} else {
				if k != lastSentence {
					n := len(sc.strs)
					sc.strs = cjk.AppendUTF8(sc.strs, a[sen.Start:sen.End])
					lastSentence, lastSentenceCut = k, [2]int{n, len(sc.strs)}
				}
				cut.sentence = lastSentenceCut
			}
		}
		records = append(records, r)
		sc.cuts = append(sc.cuts, cut)
	}
	if reused {
		clearStale(records)
	}
	cutStrings(records, sc.cuts, string(sc.strs))
	if len(tableRecs) > 0 {
		records = mergeByPosition(records, tableRecs)
	}
	return records, nil
}

// cutStrings gives each record the text and sentence cuts says it has in strs.
func cutStrings(records []Record, cuts []stringCut, strs string) {
	for i, c := range cuts {
		if c.text[0] >= 0 {
			records[i].Text = strs[c.text[0]:c.text[1]]
		}
		if c.sentence[0] >= 0 {
			records[i].Sentence = strs[c.sentence[0]:c.sentence[1]]
		}
	}
}

// ownSentences returns the run of sentences from the one holding the first mention that
// may make a record own accepts to the one holding the last, and those mentions' run
// ms[from:to]: the others make no record.
func ownSentences(d *doc.Document, sentences []segment.Sentence, ms []mention, own func(line, col int) bool) (_ []segment.Sentence, from, to int) {
	lo, hi := 0, len(ms)-1
	// A cursor each way: the context mentions before the own ones, then those after them
	// backwards.
	fore, back := d.Cursor(), d.Cursor()
	for lo <= hi && !mayBeOwn(d, &ms[lo], own, &fore) {
		lo++
	}
	for hi > lo && !mayBeOwn(d, &ms[hi], own, &back) {
		hi--
	}
	if lo > hi {
		return nil, 0, 0
	}
	first := sort.Search(len(sentences), func(k int) bool { return sentences[k].End > ms[lo].Start })
	last := sort.Search(len(sentences), func(k int) bool { return sentences[k].Start > ms[hi].Start })
	return sentences[first:last], lo, hi + 1
}

// mayBeOwn reports a mention that makes a record at a place own accepts: its record
// starts at the mention, or at a minus sign before it (minusBefore, as recordsWith says).
func mayBeOwn(d *doc.Document, m *mention, own func(line, col int) bool, pos *doc.PosCursor) bool {
	if !m.record {
		return false
	}
	if start, _ := d.Text.SourceSpan(m.Start, m.End, d.SrcLen); own(pos.Pos(start)) {
		return true
	}
	if minusBefore(d.Text.Runes, &m.Match) {
		start, _ := d.Text.SourceSpan(m.Start-1, m.End, d.SrcLen)
		return own(pos.Pos(start))
	}
	return false
}

// findFrom is segment.Find for offsets asked in text order (a chunk's mentions): it
// steps on from sentence *k, the last one found, over the few sentences up to i's, and
// searches only when i lies before it or further on, or between sentences.
func findFrom(sentences []segment.Sentence, i int, k *int) int {
	for j, n := *k, 0; j < len(sentences) && n < 8 && i >= sentences[j].Start; j, n = j+1, n+1 {
		if i < sentences[j].End {
			*k = j
			return j
		}
	}
	j := segment.Find(sentences, i)
	if j >= 0 {
		*k = j
	}
	return j
}

// checkEvery is how many candidates a scanning loop handles between two looks at the
// context.
const checkEvery = 4096

// MaxSentence is the most characters of its sentence a record carries (SPEC §1
// sentence): a longer sentence is cut to MaxSentence characters around the mention, with
// … where cut, so that output stays linear in the input (every record of a sentence
// repeats it).
const MaxSentence = 400

// sentenceAround returns at most MaxSentence characters of sentence sen around the
// mention a[start:end], centred on it, with … at each end that was cut. The string is
// made in one allocation of its size: a record keeps it, and a long list of figures makes
// one a figure (through a strings.Builder, each took two to four allocations, and kept
// up to twice its size).
func sentenceAround(a []rune, sen segment.Span, start, end int) string {
	start, end = max(start, sen.Start), min(end, sen.End)
	ctx := max(0, MaxSentence-(end-start))
	from := max(sen.Start, start-ctx/2)
	to := min(sen.End, from+MaxSentence)
	if to == sen.End {
		from = max(sen.Start, to-MaxSentence)
	}
	const ellipsis = "…"
	n := cjk.UTF8Len(a[from:to])
	if from > sen.Start {
		n += len(ellipsis)
	}
	if to < sen.End {
		n += len(ellipsis)
	}
	b := make([]byte, 0, n)
	if from > sen.Start {
		b = append(b, ellipsis...)
	}
	b = cjk.AppendUTF8(b, a[from:to])
	if to < sen.End {
		b = append(b, ellipsis...)
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// inSpans reports a source offset inside one of spans.
func inSpans(spans []span, i int) bool {
	for _, s := range spans {
		if i >= s.start && i < s.end {
			return true
		}
	}
	return false
}

// mergeByPosition merges two lists of records each in document order into one.
func mergeByPosition(a, b []Record) []Record {
	out := make([]Record, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if b[0].Line < a[0].Line || b[0].Line == a[0].Line && b[0].Col < a[0].Col {
			out, b = append(out, b[0]), b[1:]
		} else {
			out, a = append(out, a[0]), a[1:]
		}
	}
	return append(append(out, a...), b...)
}

// build decodes the document (text, HTML, PDF, DOCX, XLSX) and derives the analysis
// text. With chunked set, a long plain-text document is not built (d is nil) but returned
// as text, to be read in chunks.
//
// With bufs (Stream), a long plain text or page is returned as long, to be read in
// chunks, and a plain text read whole is built in bufs' memory, which the document then
// shares; without (Build), the document owns its memory.
//
// own reports that the document no longer refers to data: a text decoded into memory of
// its own, or a format's reading.
func build(name string, data []byte, opts Options, bufs *chunkBuffers) (_ *doc.Document, _ longDoc, own bool, _ error) {
	chunked := bufs != nil
	if rd, ok, err := readFormat(name, data, opts); ok {
		if err != nil {
			return nil, longDoc{}, false, err
		}
		src := cjk.Runes(rd.Text)
		base := textmap.Identity(src)
		if rd.PageStarts != nil {
			base = pdf.Reflow(rd.Text, rd.PageStarts)
			onto(base, rd.Tables) // cells point into the text as read; the document's base is reflowed
		}
		return doc.BuildFrom(name, src, base, analysisText(base), rd.Tables, rd.PageStarts), longDoc{}, true, nil
	}
	res, marks, err := view(data, opts.Encoding, chunked && mayBePlain(name, data, opts)) // the text is read, never kept: records copy what they carry
	if err != nil {
		return nil, longDoc{}, false, err
	}
	own = !within(res.Text, data)
	if opts.Table {
		comma := ','
		if strings.HasSuffix(strings.ToLower(name), ".tsv") {
			comma = '\t'
		}
		rd, err := csvtable.Read(res.Text+res.Tail, comma)
		if err != nil {
			return nil, longDoc{}, false, err
		}
		src := cjk.Runes(rd.Text)
		base := textmap.Identity(src)
		return doc.BuildFrom(name, src, base, analysisText(base), rd.Tables, nil), longDoc{}, own, nil
	}
	isHTML := opts.HTML != nil && *opts.HTML || opts.HTML == nil && decode.IsHTML(name, res.Text+res.Tail)
	if chunked && !isHTML && len(res.Text) > chunkBytes {
		return nil, longDoc{text: res.Text, tail: res.Tail, marks: marks}, own, nil
	}
	text := res.Text + res.Tail // a copy when there is a tail: only on short or HTML documents
	if isHTML {
		var d *doc.Document
		var long longDoc
		var imageRun int // the page's reading judges it scanned (decode.Source.ImageRun)
		switch {
		case chunked && len(text) > chunkBytes:
			long = pageOf(text)
			imageRun = long.page.imageRun
		case bufs != nil:
			d, imageRun = pageDocumentIn(name, text, bufs)
		default:
			d, imageRun = pageDocument(name, text, !chunked) // Build's document keeps its source
		}
		warnScannedPage(name, imageRun, opts.Warn)
		return d, long, own, nil
	}
	if bufs != nil {
		return plainDocumentIn(name, text, bufs), longDoc{}, own, nil
	}
	return plainDocument(name, text), longDoc{}, own, nil
}

// view decodes data (decode.View). A plain text that may be read in chunks also has its
// date marks found (dateMarks) while decode validates it, when it can: marks is nil
// otherwise.
func view(data []byte, encoding string, plainChunks bool) (res decode.Result, marks *[]int, err error) {
	if !plainChunks || len(data) <= chunkBytes {
		res, err = decode.View(data, encoding)
		return res, nil, err
	}
	return viewMarks(data, encoding)
}

// viewMarks decodes data with its date marks found from decode's spans; marks is nil
// when it was not read in one pass.
func viewMarks(data []byte, encoding string) (res decode.Result, marks *[]int, err error) {
	var m dateMarks
	res, spanned, err := decode.ViewSpans(data, encoding, m.visit)
	if !spanned {
		return res, nil, err
	}
	return res, m.done(res.Text), err
}

// within reports whether s lies in data's memory.
func within(s string, data []byte) bool {
	if len(s) == 0 || len(data) == 0 {
		return false
	}
	p, lo := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.SliceData(data)))
	return p >= lo && p-lo < uintptr(len(data))
}

// mayBePlain reports, before data is decoded, whether it may be read as plain text: not
// a table, nor a page by its options, its name or its first bytes (decode.IsHTML). It only
// spares a page the date marks' cost: the marks are used on plain text alone.
func mayBePlain(name string, data []byte, opts Options) bool {
	if opts.Table || opts.HTML != nil {
		return !opts.Table && !*opts.HTML
	}
	return !decode.IsHTML(name, string(data[:min(len(data), 4096)]))
}

// scannedImageRun is how many images in a row, with no text between them, make a page a
// document published as pictures: a bulletin's charts come one or two at a time, with
// captions, and a portal's icons sit in links.
const scannedImageRun = 5

// warnScannedPage tells warn (nil: nobody) when a page shows its content as a run of
// images (pages scanned as pictures, one image per page): their figures are not read, and
// a page that yields no record, or only its menus', must not pass for one that has none.
// imageRun is the page's longest run (decode.ImageRun), found as it was read.
func warnScannedPage(name string, imageRun int, warn func(error)) {
	if warn != nil && imageRun >= scannedImageRun {
		warn(fmt.Errorf("%s: %d images in a row with no text between them (pages published as pictures?): "+
			"figures in images are not read; OCR them for their records", name, imageRun))
	}
}

// onto moves the offsets of the tables' cells from the source runes to base's runes (-1 for
// a cell base left out).
func onto(base textmap.Text, tables []read.Table) {
	for ti := range tables {
		for _, row := range tables[ti].Rows {
			for ci := range row {
				if row[ci].Offset >= 0 {
					row[ci].Offset = base.IndexOfSrc(row[ci].Offset)
				}
			}
		}
	}
}

// pageDocument structures an HTML page read whole: records point at the HTML source's
// lines, table cells at its visible text. Without keep its Src is nil: records need only
// the source's length and line starts (Document.SetSource), which the tokenizer's reading
// gives, not its runes.
func pageDocument(name, html string, keep bool) (_ *doc.Document, imageRun int) {
	src, base, tables := decode.HTMLPage(html, keep)
	tables = append(tables, textTables(base.Runes, insideTables(tables))...)
	d := doc.BuildFrom(name, src.Runes, base, analysisText(base), tables, nil)
	if !keep {
		d.SetSource(src.Len, src.LineStarts)
	}
	return d, src.ImageRun
}

// pageDocumentIn is pageDocument without keep, its text, analysis text, sentences and
// lines in bufs' memory (grown there for the next document).
func pageDocumentIn(name, html string, bufs *chunkBuffers) (_ *doc.Document, imageRun int) {
	src, base, tables := decode.HTMLPageIn(html, false, &bufs.page)
	tables = append(tables, textTables(base.Runes, insideTables(tables))...)
	an := normalize.NormalizeReusing(bufs.analysis, bufs.analysisSrc, base)
	bufs.analysis = an.Runes[:0]
	if !sameMemory(an.Src, base.Src) { // else the page's own map, where nothing moved
		bufs.analysisSrc = an.Src[:0]
	}
	mem := doc.Scratch{Sentences: bufs.chunkSentences, Starts: bufs.lineStarts, Breaks: bufs.lineBreaks, Lines: bufs.lines}
	d := doc.BuildFromIn(name, nil, base, an, tables, nil, &mem)
	bufs.chunkSentences, bufs.lineStarts, bufs.lineBreaks, bufs.lines = mem.Sentences, mem.Starts, mem.Breaks, mem.Lines
	d.SetSource(src.Len, src.LineStarts)
	return d, src.ImageRun
}

// sameMemory reports whether a and b start at the same place in memory.
func sameMemory(a, b []int32) bool {
	return cap(a) > 0 && cap(b) > 0 && &a[:1][0] == &b[:1][0]
}

// plainDocument structures a plain-text document read whole.
func plainDocument(name, text string) *doc.Document {
	src := cjk.Runes(text)
	base := textmap.Identity(src)
	return doc.BuildFrom(name, src, base, analysisText(base), textTables(src, insideTables(nil)), nil)
}

// wholeMarks notes, as a plain text read whole is normalised, the places doc.BuildAtIn reads
// and the tabs. Made at the first plain text, not at start-up: a Marker is a 256 KB table
// that a run reading only pages never needs (a check a document, not a rune).
var wholeMarks = sync.OnceValue(func() *normalize.Marker {
	return normalize.NewMarker(append(slices.Clone(doc.Marks), '\t')...)
})

// plainDocumentIn is plainDocument with its runes, analysis runes and source map in bufs'
// memory (grown there for the next document).
func plainDocumentIn(name, text string, bufs *chunkBuffers) *doc.Document {
	// text is decode's, valid UTF-8: decoded and normalised in one pass, with no
	// validity checks.
	// Normalisation notes where the sentence scan stops, where years may start and where
	// the tabs are: the scan, the search for dates and textTables' search for a tab need
	// not read every rune.
	src, an, marks, kept := wholeMarks().NormalizeValid(bufs.runes, bufs.analysis, text, bufs.marks[:0], &bufs.folds)
	base := textmap.Identity(src)
	bufs.runes, bufs.analysis, bufs.marks = src[:0], an.Runes[:0], marks[:0]
	var tables []read.Table
	if !kept || tabAt(an.Runes, marks) { // else the source has no tab, and no written table
		tables = textTables(src, insideTables(nil))
	}
	mem := doc.Scratch{Sentences: bufs.chunkSentences, Starts: bufs.lineStarts, Breaks: bufs.lineBreaks, Lines: bufs.lines}
	d := doc.BuildAtIn(name, src, base, an, tables, marks, &mem)
	bufs.chunkSentences, bufs.lineStarts, bufs.lineBreaks, bufs.lines = mem.Sentences, mem.Starts, mem.Breaks, mem.Lines
	return d
}

// analysisText is the text the rules read: halfwidth, simplified, without scraping noise.
func analysisText(t textmap.Text) textmap.Text { return normalize.Normalize(t) }

// minusBefore reports a minus sign before the number of m that is the number's own: right
// after a copula, a colon or a word (自然增长率为-0.83‰, 增速:-3.2%, 本年收支结余-12,378
// 万元), where a hyphen joins nothing. A range (2020-2025) or a code (G-5) has a digit or
// letter before its hyphen instead. m by pointer: a Match passed by value, copied from the
// stack copy just made of the mention, stalled (about 1% of a run).
func minusBefore(a []rune, m *units.Match) bool {
	s := m.Start
	if m.Kind != units.Arabic || m.HasUpper || s < 2 || a[s-1] != '-' && a[s-1] != '−' {
		return false
	}
	switch a[s-2] {
	case '为', '是', ':', '：':
		return true
	}
	// 自然增长率-2.12‰: right after a word (not a numeral: 二〇二五-…), a hyphen joins no
	// range and is the number's sign.
	return cjk.IsHan(a[s-2]) && !units.IsChineseNumeral(a[s-2])
}
