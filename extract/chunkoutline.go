package extract

import (
	"context"
	"slices"
	"strings"

	"github.com/policymetrics/policymetrics/extract/doc"
)

// outlineOf reads a chunked document's outline: its head from the first lines, its
// written year from the full dates of all chunks. ok is false when normalisation does not
// keep the lines of some chunk one for one (then only reading it whole is exact).
//
// Only lines that may hold a full date once normalised are normalised here (dateMark):
// this pass would otherwise cost as much as normalising the document twice. It
// normalises in bufs' runes, which the chunks are read in only after it.
func outlineOf(ctx context.Context, p longDoc, chunks []chunk, cuts []lineCut, bufs *chunkBuffers) (o doc.Outline, ok bool, err error) {
	written := 0
	buf := lineBuffers{src: bufs.runes, an: bufs.analysis, folds: bufs.scratch.folds}
	defer func() { bufs.runes, bufs.analysis, bufs.scratch.folds = buf.src[:0], buf.an[:0], buf.folds[:0] }()
	dated := func(from, to int) { // a long line a piece at a time: no date spans a cut
		for from < to {
			e := min(unitEnd(p.text, cuts, from), to)
			written = max(written, p.writtenIn(&buf, from, e))
			from = e
		}
	}
	for _, c := range chunks {
		if err := ctx.Err(); err != nil {
			return o, false, err
		}
		if p.mayHoldEntity(c.start, c.end) {
			// An entity (&#10;) is the one normalisation that can make a line end.
			_, _, an := p.analysisOf(c.start, c.end)
			if countRune(an.Runes, '\n') != strings.Count(p.text[c.start:c.end], "\n") {
				return o, false, nil
			}
			written = max(written, doc.WrittenYear(an.Runes))
			continue
		}
		last := p.dateLines(c.start, c.end, dated)
		if p.tail != "" && c.end == len(p.text) && last < c.end {
			// The last line ends with the tail, which may finish a date.
			written = max(written, p.writtenIn(&buf, unitStart(p.text, cuts, c.end), c.end))
		}
	}
	return doc.ReadOutline(p.head(cuts, &buf), written), true, nil
}

// head returns the analysis text of the document's first doc.HeadLines+1 lines, of
// which a long one is read up to its first cut only: the outline reads a head line past
// maxTitleRunes for its first full date alone (and a date line joined to one before it
// for the session it names), which the first piece of a long line mostly holds. The head
// is normalised in buf (ReadOutline keeps none of it): a document's head is tens of KB,
// and its runes were most of what reading the outline allocated.
func (p longDoc) head(cuts []lineCut, buf *lineBuffers) []rune {
	end := linesAhead(p.text, 0, doc.HeadLines+1)
	if len(cuts) == 0 || cuts[0].at >= end {
		return p.analysisInto(buf, 0, end)
	}
	var b strings.Builder
	for at := 0; at < end; {
		e := unitEnd(p.text, cuts, at)
		b.WriteString(p.text[at:e])
		if at = e; e < len(p.text) && p.text[e-1] != '\n' { // a first piece: the line's rest left out
			at = linesAhead(p.text, e, 1)
			if p.text[at-1] == '\n' {
				b.WriteByte('\n')
			}
		}
	}
	h := longDoc{text: b.String()}
	if end == len(p.text) {
		h.tail = p.tail
	}
	return h.analysisInto(buf, 0, len(h.text))
}

// mayHoldEntity is mayHoldEntity(text[start:end]) (whole lines), from the marks when they
// are known: an & that may start a character reference is a mark (dateAt), and the search
// for the & of the whole text would cost as much as decode's pass over it.
func (p longDoc) mayHoldEntity(start, end int) bool {
	if p.marks == nil {
		return mayHoldEntity(p.text[start:end])
	}
	marks := *p.marks
	k, _ := slices.BinarySearch(marks, start)
	for ; k < len(marks) && marks[k] < end; k++ {
		if p.text[marks[k]] == '&' {
			return true
		}
	}
	return false
}

// dateLines calls f with each line [from, to) of text[start:end] (whole lines) that may
// hold a full date (dateMark), in order, and returns the end of the last one (start
// when none).
func dateLines(text string, start, end int, f func(from, to int)) int {
	// The text is scanned whole, and a line is found only where a date may be: most
	// lines have none, and a call per line cost more than its scan.
	at := start
	for at < end {
		k := dateMark(text[at:end])
		if k < 0 {
			break
		}
		from := at + strings.LastIndexByte(text[at:at+k], '\n') + 1
		at = lineEndBefore(text, from, end)
		f(from, at)
	}
	return at
}

// dateLines is dateLines over the document's text, from its marks when they are known.
func (p longDoc) dateLines(start, end int, f func(from, to int)) int {
	if p.marks == nil {
		return dateLines(p.text, start, end, f)
	}
	return dateLinesAt(p.text, *p.marks, start, end, f)
}

// dateLinesAt is dateLines from marks, all the offsets of text at which dateMark(text)
// stops with a yes, in order (dateMarks). As no date's marks span a line end, and start
// and end are line starts or the text's end, they are where dateMark(text[at:end]) stops.
func dateLinesAt(text string, marks []int, start, end int, f func(from, to int)) int {
	at := start
	k, _ := slices.BinarySearch(marks, start)
	for ; k < len(marks) && marks[k] < end; k++ {
		if marks[k] < at {
			continue // on a line already called
		}
		from := at + strings.LastIndexByte(text[at:marks[k]], '\n') + 1
		at = lineEndBefore(text, from, end)
		f(from, at)
	}
	return at
}

// lineEndBefore returns the end of the line at from (past its newline), or end when it
// goes on past end: never a search over the rest of a long line read in pieces.
func lineEndBefore(text string, from, end int) int {
	if k := strings.IndexByte(text[from:end], '\n'); k >= 0 {
		return from + k + 1
	}
	return end
}

// dateMarks finds where dateMark stops with a yes in a whole text, from the spans that
// decode.ViewSpans shows while it validates the text (visit) and a search for EF, the one
// lead of three-byte characters among dateByte's (done): the pre-scan then reads no other
// byte of the text, where reading every byte cost as much as decode's own pass.
type dateMarks []int

// visit records the marks in text[from:to].
func (m *dateMarks) visit(text string, from, to int) {
	for i := from; i < to; i++ {
		c := text[i]
		if c-'0' <= 9 && !dayMayFollow(text, i+1) {
			continue // as in dateMark
		}
		if dateByte[c] && dateAt(text, i) {
			*m = append(*m, i)
		}
	}
}

// done adds the marks at the three-byte characters of text (all the spans visited) and
// returns them all, in order. Only EF leads such a mark (dateAt): a search for a lead stops
// at every character it leads, and E1 and E2, which lead pinyin and zero-width characters,
// and the quotes and dashes of Chinese text, would cost a search each for no mark (what
// they delete is read past instead: pastDeleted).
func (m *dateMarks) done(text string) *[]int {
	for at := 0; ; at++ {
		k := strings.IndexByte(text[at:], 0xEF)
		if k < 0 {
			break
		}
		at += k
		if !quietPunct(text[at:]) && dateAt(text, at) {
			*m = append(*m, at)
		}
	}
	slices.Sort(*m)
	marks := []int(slices.Compact(*m))
	return &marks
}

// lineBuffers holds the runes and analysis runes of one line, and normalisation's
// scratch, reused from line to line.
type lineBuffers struct {
	src, an []rune
	pageSrc []int32 // a page's line's map of its runes to the source
	folds   []int
}

// analysisInto returns the analysis runes of text[from:to] (analysisIn), made in buf:
// valid until buf is used again.
func (p longDoc) analysisInto(buf *lineBuffers, from, to int) []rune {
	src, base, an, _, _ := p.analysisIn(buf.src, buf.an, buf.pageSrc, nil, nil, &buf.folds, from, to)
	buf.src, buf.an, buf.pageSrc = src, an.Runes, base.Src
	return an.Runes
}

// writtenIn returns the latest year of the full dates in text[from:to], once normalised
// in buf.
func (p longDoc) writtenIn(buf *lineBuffers, from, to int) int {
	return doc.WrittenYear(p.analysisInto(buf, from, to))
}

// dateMark returns the offset of the first byte of line at which it may hold a full date
// (2017年7月14日, 2017-07-27, 2017.07.27: doc.WrittenYear) once normalised, or -1; line may
// be many lines, as no date's marks span a line end. Normalisation folds fullwidth forms
// and simplifies characters, neither of which makes a 日 or a separator; it deletes spaces
// between a digit and a Han character (14 日), and tags, invisible characters (soft
// hyphen, zero-width, byte order mark) and pinyin readings, which may join a date's parts. A line with none of the latter holds a date
// only where a digit stands before 日 (spaces aside), or two separators stand around two
// digits. Zero-width characters and pinyin readings are read past there (dayAfter,
// pastDeleted) rather than marked: a date they split has its digit before 日, or its
// separators around the month, with them in between (a reading is deleted only after a
// character that is not ASCII, and after an ASCII digit dayAfter needs no reading past
// it). Garbled residue ("?zhí)", "?/span>") leaves a U+FFFD in its place, joining nothing.
func dateMark(line string) int {
	// Bytes, not runes: this looks at every line of a long document.
	for i := 0; i < len(line); i++ {
		c := line[i]
		if c-0xE3 <= 0xE9-0xE3 || c == 0xE2 || c == 0xEF {
			// CJK characters and the punctuation between them, most of a line: none of
			// their bytes is looked at.
			if i += quietBytes(line[i:]); i >= len(line) {
				break
			}
			c = line[i]
		}
		if c-'0' <= 9 && !dayMayFollow(line, i+1) {
			continue // a digit before a digit, a point or a Han character: no date's day
		}
		if dateByte[c] && dateAt(line, i) {
			return i
		}
	}
	return -1
}

// dayMayFollow reports whether dayAfter(line, i) may hold, from line[i] alone: 日 and the
// spaces before it start with ' ', E2 or E6. Digits are most of dateMark's stops, and
// few stand before 日: told without a call.
func dayMayFollow(line string, i int) bool {
	return i < len(line) && (line[i] == ' ' || line[i] == 0xE2 || line[i] == 0xE6)
}

// dateAt reports a date's mark at line[i], one of dateByte's bytes (dateMark).
func dateAt(line string, i int) bool {
	switch c := line[i]; c {
	case '<':
		return true
	case '&':
		// Only a reference that starts here: the line's others are marks of their own,
		// and looking past them made a line of many & cost its length squared.
		return entityAt(line, i+1)
	case 0xC2: // U+0080–U+00BF: the soft hyphen U+00AD
		return i+1 < len(line) && line[i+1] == 0xAD
	case 0xEF: // U+FEFF; fullwidth separators and digits
		if strings.HasPrefix(line[i:], "\uFEFF") {
			return true
		}
		if sep, n := dateSepAt(line, i); n > 0 && sepAroundTwoDigits(line, i+n, sep) {
			return true
		}
		return digitAt(line, i) == 3 && dayAfter(line, pastDeleted(line, i+3))
	case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return dayAfter(line, i+1)
	case '-', '/', '.':
		return sepAroundTwoDigits(line, i+1, c)
	}
	return false
}

// mayHoldEntity reports text that may hold a character reference normalisation decodes
// (normalize.Entity, with its ';'): an & before # or before letters and digits ending in
// ';'. R&D, common in these documents, holds none.
func mayHoldEntity(text string) bool {
	for at := 0; ; {
		k := strings.IndexByte(text[at:], '&')
		if k < 0 {
			return false
		}
		at += k + 1
		if entityAt(text, at) {
			return true
		}
	}
}

// entityAt reports whether text[at:], just after an &, may make it a character
// reference: # or letters and digits ending in ';' (mayHoldEntity).
func entityAt(text string, at int) bool {
	if at < len(text) && text[at] == '#' {
		return true
	}
	j := at
	for j < len(text) && j-at <= maxEntityName && isEntityNameByte(text[j]) {
		j++
	}
	return j > at && j < len(text) && text[j] == ';'
}

// maxEntityName is at least the longest name normalize.Entity reads.
const maxEntityName = 33

func isEntityNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// dateByte marks the bytes dateMark looks at (the cases of its switch): most of a
// line is passed over by one load each.
var dateByte = func() (t [256]bool) {
	for _, c := range []byte{'<', '&', 0xC2, 0xEF, '-', '/', '.', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'} {
		t[c] = true
	}
	return t
}()

// quietBytes returns the length of the run of whole CJK characters (three bytes, led by
// E3–E9: none of their bytes is one of dateByte's) and quiet punctuation s starts with.
// Quiet are the fullwidth forms U+FF00–U+FF0C and U+FF1A–U+FF3F (，：；（）) and
// U+2000–U+203F (“”——…): dateAt says no at their first byte, and their
// other bytes are none of dateByte's. Without them a clause's comma or a quote would end
// the run, and most of a line's stops would be for nothing. While CJK characters come in a
// row (most of Chinese text) two are told at once from eight bytes; where they cannot be,
// one character is told, and the pairs go on after it: one loop, with no call at each of
// the frequent ends of a pair run.
func quietBytes(s string) int {
	i := 0
	for {
		for i+8 <= len(s) && twoHan(le64(s[i:i+8])) {
			i += 6
		}
		if !hanAt(s, i) && !quietPunct(s[i:]) {
			return i
		}
		i += 3
	}
}

// twoHan reports two CJK characters in the first six of the eight bytes w holds (le64).
func twoHan(w uint64) bool {
	// Bytes 0 and 3 lead (1110xxxx, low bits 3–9), 1, 2, 4 and 5 continue (10xxxxxx).
	return w&0x0000C0C0F0C0C0F0 == 0x00008080E08080E0 && w&0x0F-3 <= 9-3 && w>>24&0x0F-3 <= 9-3
}

// le64 reads the eight bytes of s little-endian (one load).
func le64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// hanAt reports a CJK character (quietBytes) at s[i].
func hanAt(s string, i int) bool {
	if i+3 > len(s) {
		return false
	}
	c := s[i : i+3]
	return c[0]-0xE3 <= 0xE9-0xE3 && c[1]&0xC0 == 0x80 && c[2]&0xC0 == 0x80
}

// quietPunct reports quiet punctuation (quietBytes) at the start of s.
func quietPunct(s string) bool {
	if len(s) < 3 || s[2]&0xC0 != 0x80 {
		return false
	}
	switch {
	case s[0] == 0xEF && s[1] == 0xBC:
		return s[2] < 0x8D || s[2] > 0x99 // not －．／ nor a digit ０–９
	case s[0] == 0xE2 && s[1] == 0x80:
		return true
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

// sepAroundTwoDigits reports two digits at line[i], then the separator sep: -07-; what
// normalisation may delete aside (pastDeleted).
func sepAroundTwoDigits(line string, i int, sep byte) bool {
	for range 2 {
		i = pastDeleted(line, i)
		n := digitAt(line, i)
		if n == 0 {
			return false
		}
		i += n
	}
	s, n := dateSepAt(line, pastDeleted(line, i))
	return n > 0 && s == sep
}

// pastDeleted returns the offset past the zero-width characters and pinyin readings at
// line[i]: normalisation deletes the former wherever they stand, the latter after a
// character that is not ASCII (a fullwidth digit or separator).
func pastDeleted(line string, i int) int {
	if i < len(line) && mayStartDeleted[line[i]] {
		return pastDeletedAt(line, i)
	}
	return i // most often a digit or a separator: told without a call
}

// pastDeletedAt is pastDeleted's loop.
func pastDeletedAt(line string, i int) int {
	for i < len(line) && mayStartDeleted[line[i]] {
		n := zeroWidthLen(line[i:])
		if n == 0 {
			n = readingLen(line[i:])
		}
		if n == 0 {
			break
		}
		i += n
	}
	return i
}

// mayStartDeleted marks the bytes that may start what pastDeleted reads past: E2
// (zero-width characters), a bracket ('(', EF for '（') or a letter (a–z, C3–C9, E1 for ḿ).
var mayStartDeleted = func() (t [256]bool) {
	for _, c := range []byte{0xE2, '(', 0xEF, 0xC3, 0xC4, 0xC5, 0xC6, 0xC7, 0xC8, 0xC9, 0xE1} {
		t[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = true
	}
	return t
}()

// readingLen returns the length of what may be a pinyin reading at s's start ("(zhí)",
// "ǎ)", "（ḿ）"), or 0: an optional opening bracket, one to seven letters and a closing
// bracket (normalize's pinyinLen). Any letter of U+00C0–U+024F counts, not only pinyin's,
// and no tone mark is needed: reading past more than normalisation deletes is safe.
func readingLen(s string) int {
	j := 0
	switch {
	case strings.HasPrefix(s, "("):
		j = 1
	case strings.HasPrefix(s, "（"):
		j = len("（")
	}
	letters := 0
	for letters < 7 {
		n := letterLen(s[j:])
		if n == 0 {
			break
		}
		j, letters = j+n, letters+1
	}
	switch {
	case letters == 0:
	case strings.HasPrefix(s[j:], ")"):
		return j + 1
	case strings.HasPrefix(s[j:], "）"):
		return j + len("）")
	}
	return 0
}

// letterLen returns the length of a letter that may stand in a pinyin reading at s's
// start, or 0: a–z, a letter of U+00C0–U+024F (two bytes led by C3–C9) or ḿ.
func letterLen(s string) int {
	switch {
	case s == "":
	case s[0]-'a' <= 'z'-'a':
		return 1
	case s[0]-0xC3 <= 0xC9-0xC3 && len(s) >= 2:
		return 2
	case strings.HasPrefix(s, "ḿ"):
		return len("ḿ")
	}
	return 0
}

// zeroWidthLen returns the length of the zero-width character (U+200B–U+200D, U+2060:
// normalisation deletes them wherever they stand) s starts with, or 0.
func zeroWidthLen(s string) int {
	if len(s) >= 3 && s[0] == 0xE2 && (s[1] == 0x80 && s[2] >= 0x8B && s[2] <= 0x8D || s[1] == 0x81 && s[2] == 0xA0) {
		return 3
	}
	return 0
}

// dayAfter reports 日 at line[i], spaces (ASCII and typographic) and zero-width characters
// aside: after a digit, the end of a date.
// (Looked for from the digits, which are few, rather than from 日's first byte, which
// begins a sixth of all Han characters and made the loop's branch unpredictable.)
func dayAfter(line string, i int) bool {
	for i < len(line) {
		if line[i] == ' ' {
			i++
		} else if n := typographicSpaceLen(line[i:]); n > 0 {
			i += n // 14&ensp;日: normalisation deletes it as it does a space
		} else if n := zeroWidthLen(line[i:]); n > 0 {
			i += n // deleted wherever it stands
		} else {
			break
		}
	}
	return strings.HasPrefix(line[i:], "日")
}

// typographicSpaceLen returns the length of the fixed-width space (U+2000–U+200A, U+202F,
// U+205F: normalize's typographic spaces) that s starts with, or 0.
func typographicSpaceLen(s string) int {
	if len(s) < 3 || s[0] != 0xE2 {
		return 0
	}
	if s[1] == 0x80 && (s[2] >= 0x80 && s[2] <= 0x8A || s[2] == 0xAF) || s[1] == 0x81 && s[2] == 0x9F {
		return 3
	}
	return 0
}
