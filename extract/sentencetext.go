package extract

import (
	"slices"
	"unicode/utf8"

	"github.com/policymetrics/policymetrics/extract/internal/cjk"
	"github.com/policymetrics/policymetrics/extract/segment"
)

// sentenceTexts holds a chunk's sentences that hold a mention, each encoded once into one
// string: the names attribution reads in a sentence are cut from its string, and a
// record's sentence is the same string, rather than each name encoded and allocated and
// each sentence encoded again for its records. The string is made anew for each chunk
// (records keep cuts of it); the buffers behind it are reused.
type sentenceTexts struct {
	buf  []byte
	str  string
	offs []int32 // where each encoded rune starts in str, and each sentence's end
	// stops holds the offsets in the sentence being encoded of its runes the clause split
	// reads (segment.IsClauseStop), noted as it is encoded.
	stops []int32
	cuts  []sentenceCut // in text order
	at    int           // the cut last found (find)
	cur   sentenceText  // the sentence being attributed, held here so as not to be allocated
}

// sentenceCut is where the sentence of runes [start, end) is in sentenceTexts.str: its
// runes start at offs[o:o+end-start+1] (the last its end).
type sentenceCut struct{ start, end, o int }

// encode encodes the sentences that hold one of ms (in text order): those attribute reads.
// It splits them into their clauses too, appended to *clauseArena (nil: a slice each): the
// runes the split reads are noted as the sentence is encoded, rather than every rune of it
// read again.
func (t *sentenceTexts) encode(a []rune, sentences []segment.Sentence, ms []mention, clauseArena *[]segment.Span) {
	t.buf, t.offs, t.cuts, t.at = t.buf[:0], t.offs[:0], t.cuts[:0], 0
	var arena []segment.Span
	if clauseArena != nil {
		arena = *clauseArena
	}
	k := 0
	for si := range sentences {
		sen := &sentences[si]
		for k < len(ms) && ms[k].Start < sen.Start {
			k++
		}
		if k == len(ms) {
			break
		}
		if ms[k].Start >= sen.End {
			continue
		}
		t.cuts = append(t.cuts, sentenceCut{sen.Start, sen.End, len(t.offs)})
		t.buf, t.offs, t.stops = appendIndexed(t.buf, t.offs, t.stops[:0], a[sen.Start:sen.End])
		arena = sen.WithClausesAt(a, arena, t.stops)
	}
	if clauseArena != nil {
		*clauseArena = arena
	}
	t.str = string(t.buf)
}

// appendIndexed is cjk.AppendUTF8(b, rs), with where each rune starts in b, and the end,
// appended to offs, and the index of each rune segment.IsClauseStop says yes to appended
// to stops: the clause split reads those alone (Sentence.WithClausesAt) rather than every
// rune of the sentence again.
func appendIndexed(b []byte, offs, stops []int32, rs []rune) ([]byte, []int32, []int32) {
	n := len(b)
	b = slices.Grow(b, utf8.UTFMax*len(rs))[:n+utf8.UTFMax*len(rs)]
	k := len(offs)
	offs = slices.Grow(offs, len(rs)+1)[:k+len(rs)+1]
	at := offs[k:]
	for i := 0; ; i++ {
		// Most runes are CJK characters or ASCII: a loop of their own, whose values stay
		// in registers (with utf8.EncodeRune in it, they were reloaded at every rune).
		i, n = appendCommonIndexed(b, at, &stops, rs, i, n)
		if i == len(rs) {
			break
		}
		at[i] = int32(n)
		n += utf8.EncodeRune(b[n:], rs[i]) // U+FFFD for a rune that is not valid, as AppendUTF8
		if segment.IsClauseStop(rs[i]) {
			stops = append(stops, int32(i))
		}
	}
	at[len(rs)] = int32(n)
	return b[:n], offs, stops
}

// appendCommonIndexed writes the runes of rs from i on to b from n on, as appendIndexed,
// while they are of one or three bytes in UTF-8, and returns where it stopped in rs and in b.
// The clause stops among them are appended to *stops (held in memory: the loop wants the
// registers, and stops are few).
func appendCommonIndexed(b []byte, at []int32, stops *[]int32, rs []rune, i, n int) (int, int) {
	at = at[:len(rs)]
	for ; i < len(rs); i++ {
		at[i] = int32(n)
		switch u := uint32(rs[i]); {
		case u-0x800 < 0xD800-0x800: // most: a CJK character, none a clause stop
			putThreeBytes(b[n:n+3:n+3], u)
			n += 3
		case u < utf8.RuneSelf:
			b[n] = byte(u)
			n++
			if segment.IsClauseStop(rune(u)) {
				*stops = append(*stops, int32(i))
			}
		case u-0xE000 < 0x10000-0xE000: // the fullwidth forms among them (，)
			putThreeBytes(b[n:n+3:n+3], u)
			n += 3
			if segment.IsClauseStop(rune(u)) {
				*stops = append(*stops, int32(i))
			}
		default:
			return i, n
		}
	}
	return i, n
}

// putThreeBytes writes u, a rune of three bytes in UTF-8, to c.
func putThreeBytes(c []byte, u uint32) {
	c[0], c[1], c[2] = byte(0xE0|u>>12), byte(0x80|u>>6&0x3F), byte(0x80|u&0x3F)
}

// forget lets go of the chunk's string, kept only by the records cut from it once the
// chunk is done: scratch buffers are kept for the next chunk or document.
func (t *sentenceTexts) forget() {
	t.str, t.cur = "", sentenceText{}
}

// of returns the string of sentence sen for the names attribution reads in it; nil (names
// encoded one by one) when sen was not encoded. Sentences are asked in text order; the
// last one's is reused.
func (t *sentenceTexts) of(sen segment.Span) *sentenceText {
	c, ok := t.find(sen)
	if !ok {
		return nil
	}
	t.cur = sentenceText{s: t.str, start: c.start, end: c.end, offs: t.offs[c.o : c.o+c.end-c.start+1]}
	return &t.cur
}

// sentence returns sen's string, if encoded; asked in text order.
func (t *sentenceTexts) sentence(sen segment.Span) (string, bool) {
	c, ok := t.find(sen)
	if !ok {
		return "", false
	}
	return t.str[t.offs[c.o]:t.offs[c.o+c.end-c.start]], true
}

// find steps on from the last cut found to sen's; a sentence before it is searched from
// the start.
func (t *sentenceTexts) find(sen segment.Span) (sentenceCut, bool) {
	if t.at < len(t.cuts) && t.cuts[t.at].start > sen.Start {
		t.at = 0
	}
	for t.at < len(t.cuts) && t.cuts[t.at].start < sen.Start {
		t.at++
	}
	if t.at < len(t.cuts) && t.cuts[t.at].start == sen.Start && t.cuts[t.at].end == sen.End {
		return t.cuts[t.at], true
	}
	return sentenceCut{}, false
}

// sentenceText is one sentence in its chunk's string, from which the names read in it are
// cut.
type sentenceText struct {
	s          string
	start, end int     // the sentence's runes
	offs       []int32 // where each of its runes starts in s, and its end
}

// text is the phrase's text (text(a, p)): a cut of the sentence's string when the phrase
// lies in it, else encoded. t may be nil.
func (t *sentenceText) text(a []rune, p phrase) string {
	if p.empty() {
		return ""
	}
	if t == nil || p.s < t.start || p.e > t.end {
		return cjk.String(a[p.s:p.e])
	}
	return t.s[t.offs[p.s-t.start]:t.offs[p.e-t.start]]
}
