// Package normalize turns source text into analysis text: fullwidth forms become
// halfwidth, traditional characters become simplified, and scraping noise (pinyin reading
// annotations, stray HTML tags, character entities) is removed. It keeps length where it
// can: every kept or replaced rune keeps its source mapping, deletions drop runes, so
// records found in the analysis text still point at the source as written.
package normalize

import (
	"slices"
	"unicode"

	"github.com/policymetrics/policymetrics/extract/lexicon"
	"github.com/policymetrics/policymetrics/extract/textmap"
)

// Normalize returns the analysis text of in, in one pass. Out.SrcOf(k) is in.SrcOf(i) for
// the input rune i that produced output rune k; an entity's rune maps to its '&', and a
// mojibake pinyin residue's placeholder to its '?'. Out's map is non-decreasing when in's
// is. Source text (in without a map) gets its map as shifts, mapped text a full map.
func Normalize(in textmap.Text) textmap.Text { return NormalizeInto(nil, in) }

// NormalizeInto is Normalize writing the analysis runes into buf, whose memory the result
// then shares: to reuse one buffer from chunk to chunk of a long document.
func NormalizeInto(buf []rune, in textmap.Text) textmap.Text {
	return NormalizeReusing(buf, nil, in)
}

// NormalizeReusing is NormalizeInto with a buffer for the source map too (a full one,
// made only for mapped text when normalisation deletes something): the result may share
// the memory of both.
func NormalizeReusing(buf []rune, srcBuf []int32, in textmap.Text) textmap.Text {
	if in.Src == nil && in.Shifts != nil {
		in = textmap.Text{Runes: in.Runes, Src: fullMap(in)} // text normalised before: rare
	}
	rs := in.Runes
	b := builder{in: in, out: slices.Grow(buf[:0], len(rs)), srcBuf: srcBuf}
	// prev is the input-side rune behind the last output rune (before folding): pinyin
	// residue is recognised only after a non-ASCII, non-space character.
	var prev rune
	for i := 0; i < len(rs); {
		r := rs[i]
		// CJK ideographs and punctuation, the bulk of the text, in runs. A run takes only
		// runes that the cases below fold without context (see simplifyHan): a new case
		// for one of them must take it out of the runs too.
		if r >= foldLo && r < denseHi {
			n := b.addHan(rs[i:], i)
			prev, i = rs[i+n-1], i+n
			continue
		}
		if r < 0x80 && freeFold[r] >= 0 && b.inStep(i) { // most ASCII: step's work, without the call
			b.out = append(b.out, r)
			prev = r
			i++
			continue
		}
		i, prev = b.step(rs, i, prev)
	}
	return b.text()
}

// step reads the rune at rs[i], one that is not in a run of CJK text (addHan), with its
// context: prev is the input rune behind the last output rune. It returns where reading
// goes on and the new prev.
func (b *builder) step(rs []rune, i int, prev rune) (int, rune) {
	r := rs[i]
	if r < 0x80 {
		switch r {
		case '<':
			if n := tagLen(rs, i); n > 0 {
				return i + n, prev
			}
		case '&':
			if dec, n := Entity(rs[i:], false); n > 0 {
				for _, d := range dec {
					b.add(fold(d), i)
					prev = d
				}
				return i + n, prev
			}
		case '(':
			if n := editorialNoteLen(rs, i); n > 0 {
				return i + n, prev
			}
			if afterWord(prev) {
				if n := pinyinLen(rs, i+1); n > 0 {
					return i + 1 + n, prev
				}
			}
		case ' ':
			// Letter-spaced text (a PDF's 2025 年, 增长 3.9%): spaces between a digit
			// and a Han character are no word spaces; the source keeps them.
			if n := digitHanGap(rs, i, prev); n > 0 {
				return i + n, prev
			}
		case '?':
			// Mojibake family: a character and the '(' or '<' after it were garbled
			// into one '?', leaving "?zhí)" or "?/span>". The '?' stands for a lost
			// character, not a question: keep a placeholder, drop the residue.
			if n := garbledResidue(rs, i, prev); n > 0 {
				b.add(unicode.ReplacementChar, i)
				prev = unicode.ReplacementChar
				return i + n, prev
			}
		default:
			if r >= 'a' && r <= 'z' && afterWord(prev) {
				// A reading whose '(' was lost entirely: "區qū)". Only with a tone
				// mark and a closing parenthesis, which ordinary text never has
				// right after a Han character.
				if n := pinyinLen(rs, i); n > 0 {
					return i + n, prev
				}
			}
		}
		if b.inStep(i) { // most ASCII: add's work, without the call
			b.out = append(b.out, r)
		} else {
			b.add(r, i)
		}
		return i + 1, r
	}
	switch r {
	case 0xFF08: // fullwidth '('
		if n := editorialNoteLen(rs, i); n > 0 {
			return i + n, prev
		}
		if afterWord(prev) {
			if n := pinyinLen(rs, i+1); n > 0 {
				return i + 1 + n, prev
			}
		}
	case unicode.ReplacementChar:
		if n := garbledResidue(rs, i, prev); n > 0 {
			b.add(r, i)
			prev = r
			return i + n, prev
		}
	case 0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF:
		// soft hyphen and zero-width characters: invisible noise
		return i + 1, prev
	}
	if isTypographicSpace(r) {
		// A word processor's fixed-width spaces (&ensp; in 81.63&ensp;亿元): as a space.
		if n := digitHanGap(rs, i, prev); n > 0 {
			return i + n, prev
		}
	}
	if isPinyinLetter(r) && afterWord(prev) { // "區ā)": as above; the rare letter first
		if n := pinyinLen(rs, i); n > 0 {
			return i + n, prev
		}
	}
	b.add(fold(r), i)
	return i + 1, r
}

// editorialNotes are the notes (下同) dropped with their brackets, and
// editorialNoteOpeners the words that open one naming a short form ((以下简称经开区)).
var (
	editorialNotes       = lexicon.Get("editorial-notes")
	editorialNoteOpeners = lexicon.Get("editorial-note-openers")
)

// maxShortForm is the longest short form a note may name (以下简称《纲要草案》).
const maxShortForm = 12

// editorialNoteLen returns the length of an editorial note in brackets at rs[i] (its '(',
// halfwidth or fullwidth): (下同), （以下同）, (以下简称经开区); 0 when there is none.
func editorialNoteLen(rs []rune, i int) int {
	isClose := func(k int) bool { return k < len(rs) && (rs[k] == ')' || rs[k] == 0xFF09) }
	if n := editorialNotes.PrefixAt(rs, i+1); n > 0 && isClose(i+1+n) {
		return n + 2
	}
	n := editorialNoteOpeners.PrefixAt(rs, i+1)
	if n == 0 {
		return 0
	}
	for k := i + 1 + n; k < len(rs) && k <= i+1+n+maxShortForm; k++ {
		switch {
		case isClose(k):
			if k == i+1+n {
				return 0 // (简称) names nothing
			}
			return k + 1 - i
		case rs[k] == '(' || rs[k] == 0xFF08 || rs[k] == '\n' || rs[k] == '。' || rs[k] == ',' || rs[k] == '，':
			return 0
		}
	}
	return 0
}

// fold maps one rune to its analysis form: fullwidth ASCII to ASCII, ideographic and
// no-break spaces to a space, fullwidth currency signs to their plain forms, traditional
// to simplified.
func fold(r rune) rune {
	switch {
	case r < 0x80:
		return r
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFF01 + 0x21
	case r == 0x3000, r == 0x00A0, isTypographicSpace(r):
		return ' '
	case r >= 0xFFE0 && r <= 0xFFE6:
		return fullwidthSigns[r-0xFFE0]
	}
	return ToSimplified(r)
}

var fullwidthSigns = [...]rune{'¢', '£', '¬', '¯', '¦', '¥', '₩'}

// afterWord reports whether a pinyin annotation may follow r: a non-ASCII character
// that is not a space (a Han character, or the '?'/U+FFFD of a garbled one).
func afterWord(r rune) bool {
	return r >= 0x80 && r != 0x3000 && r != 0x00A0 && !unicode.IsSpace(r)
}

// garbledResidue returns the length of a '?' or U+FFFD at rs[i] together with the
// residue it garbled, or 0: a pinyin reading whose '(' was lost ("?zhí)"), or a closing
// tag whose '<' was lost ("?/span>"), right after a non-ASCII character.
func garbledResidue(rs []rune, i int, prev rune) int {
	if !afterWord(prev) || i+1 >= len(rs) {
		return 0
	}
	if rs[i+1] == '/' {
		if n := tagLen(rs, i); n > 0 {
			return n
		}
		return 0
	}
	if n := pinyinLen(rs, i+1); n > 0 {
		return 1 + n
	}
	return 0
}

// pinyinLen returns the length of a pinyin reading and its closing parenthesis starting
// at rs[i] ("qū)" → 3), or 0: 1–7 pinyin letters with at least one tone mark, then ')'
// or '）'.
func pinyinLen(rs []rune, i int) int {
	toned := false
	j := i
	for ; j < len(rs) && j-i <= 7; j++ {
		r := rs[j]
		if r >= 'a' && r <= 'z' {
			continue
		}
		if r == ')' || r == 0xFF09 {
			break
		}
		if !isPinyinLetter(r) {
			return 0
		}
		if r != 'ü' {
			toned = true
		}
	}
	n := j - i
	if !toned || n == 0 || n > 7 || j >= len(rs) || (rs[j] != ')' && rs[j] != 0xFF09) {
		return 0
	}
	return n + 1
}

// isPinyinLetter reports whether r is a tone-marked pinyin vowel (or ü, ń, ň, ǹ, ḿ).
func isPinyinLetter(r rune) bool {
	switch r {
	case 'ā', 'á', 'ǎ', 'à', 'ē', 'é', 'ě', 'è', 'ī', 'í', 'ǐ', 'ì',
		'ō', 'ó', 'ǒ', 'ò', 'ū', 'ú', 'ǔ', 'ù', 'ǖ', 'ǘ', 'ǚ', 'ǜ', 'ü',
		'ń', 'ň', 'ǹ', 'ḿ':
		return true
	}
	return false
}

// maxTag bounds a stray tag's length.
const maxTag = 512

// tagLen returns the length of a stray HTML tag at rs[i] ('<' — not checked, so that a
// garbled '<' can stand in —, optional '/', an ASCII
// letter and name characters, then optional attributes without '<', '>' or a newline,
// then '>'), or 0.
func tagLen(rs []rune, i int) int {
	j := i + 1
	if j < len(rs) && rs[j] == '/' {
		j++
	}
	if j >= len(rs) || !isASCIILetter(rs[j]) {
		return 0
	}
	for j < len(rs) && (isASCIILetter(rs[j]) || rs[j] >= '0' && rs[j] <= '9' || rs[j] == '-' || rs[j] == ':') {
		j++
	}
	if j >= len(rs) {
		return 0
	}
	switch rs[j] {
	case '>':
		return j + 1 - i
	case '/', ' ', '\t':
	default:
		return 0
	}
	for ; j < len(rs) && j-i < maxTag; j++ {
		switch rs[j] {
		case '>':
			return j + 1 - i
		case '<', '\n', '\r':
			return 0
		}
	}
	return 0
}

func isASCIILetter(r rune) bool { return r|0x20 >= 'a' && r|0x20 <= 'z' }

// isTypographicSpace reports the fixed-width spaces of typesetting (U+2000–U+200A, the
// narrow no-break and the medium mathematical space): a word processor's &ensp; and
// &emsp; between a number and its unit are spaces like any other.
func isTypographicSpace(r rune) bool {
	return r >= 0x2000 && r <= 0x200A || r == 0x202F || r == 0x205F
}

// digitHanGap returns the length of the run of spaces at rs[i] when it stands between a
// digit and a Han character (either way round), else 0.
func digitHanGap(rs []rune, i int, prev rune) int {
	j := i
	for j < len(rs) && (rs[j] == ' ' || isTypographicSpace(rs[j])) {
		j++
	}
	if j == len(rs) || j-i > 3 {
		return 0
	}
	next := rs[j]
	isDigit := func(r rune) bool { return r >= '0' && r <= '9' }
	isHan := func(r rune) bool { return r >= 0x3400 && r < 0xA000 }
	if isDigit(prev) && isHan(next) || isHan(prev) && isDigit(next) {
		return j - i
	}
	return 0
}

// builder collects the output runes and their map. On source text (no input map), the
// map is the shifts where an output rune stops coming from the input rune at its own
// index, a handful a document; on mapped input (a page's), once the output stops matching
// the input rune for rune (a deletion, an entity's several runes), a full map, composed
// with the input's; while it matches, there is no map to build.
type builder struct {
	in     textmap.Text
	out    []rune
	src    []int32 // mapped input: nil while out[k] came from input rune k for every k
	shifts []textmap.Shift
	by     int32 // source text: the last shift's By, what every out[k] adds to k

	srcBuf []int32 // memory for src, when it has room
}

// add appends r, made from input rune i.
func (b *builder) add(r rune, i int) {
	if b.in.Src == nil {
		b.shiftTo(i)
		b.out = append(b.out, r)
		return
	}
	if b.src == nil {
		if len(b.out) == i {
			b.out = append(b.out, r)
			return
		}
		b.src = slices.Grow(b.srcBuf[:0], cap(b.out))[:len(b.out)]
		copy(b.src, b.in.Src)
	}
	b.out = append(b.out, r)
	b.src = append(b.src, b.in.Src[i])
}

// inStep reports whether an output rune made from input rune i needs no map entry of its
// own: add would only append it. On source text, it comes from i by the last shift; on
// mapped input (by stays 0), out matches the input rune for rune up to i.
func (b *builder) inStep(i int) bool { return b.src == nil && int32(i-len(b.out)) == b.by }

// shiftTo notes a shift when the next output rune, made from input rune i, does not come
// from the input rune at its own index plus the last shift.
func (b *builder) shiftTo(i int) {
	if by := int32(i - len(b.out)); by != b.by {
		b.shifts = append(b.shifts, textmap.Shift{At: int32(len(b.out)), By: by})
		b.by = by
	}
}

// addHan appends the run of CJK text at the start of run (ideographs and the punctuation
// that fold maps alone, see simplifyHan; run[0] in the dense table), made from input runes
// i…, folded, and returns its length: add for each, in one loop. The output never
// outgrows the input, so out has room for the run.
func (b *builder) addHan(run []rune, i int) int {
	n := len(b.out)
	if b.src == nil && (b.in.Src == nil || n == i) {
		// The runes keep their order: at most one shift for the whole run.
		if b.in.Src == nil {
			b.shiftTo(i)
		}
		k := simplifyHan(b.out[n:cap(b.out)], run)
		b.out = b.out[:n+k]
		return k
	}
	if b.src == nil {
		b.add(freeFold[uint16(run[0])], i) // makes the map
		return 1 + b.addHan(run[1:], i+1)
	}
	b.out = slices.Grow(b.out, len(run))
	k := simplifyHan(b.out[n:cap(b.out)], run)
	b.out = b.out[:n+k]
	b.src = append(b.src, b.in.Src[i:i+k]...)
	return k
}

// fullMap returns t's map, one entry a rune.
func fullMap(t textmap.Text) []int32 {
	src := make([]int32, len(t.Runes))
	for i := range src {
		src[i] = t.SrcOf(i)
	}
	return src
}

func (b *builder) text() textmap.Text {
	if b.in.Src == nil {
		return textmap.Text{Runes: b.out, Shifts: b.shifts}
	}
	if b.src == nil { // rune k came from input rune k (only the input's tail was dropped)
		return textmap.Text{Runes: b.out, Src: b.in.Src[:len(b.out)]}
	}
	return textmap.Text{Runes: b.out, Src: b.src}
}
