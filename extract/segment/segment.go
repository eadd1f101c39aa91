// Package segment splits analysis text into sentences and clauses (SPEC.md §1 sentence):
// a sentence ends at 。！？!? or a line end; ；; separate its clauses, and so do ，,：: in
// the finer split the attribution rules use. Separators inside numbers (1,035.5 and 1:27)
// do not split.
package segment

import "sort"

// Span is a half-open rune range [Start, End) of the analysis text.
type Span struct{ Start, End int }

// Len returns the number of runes in the span.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether rune offset i lies in the span.
func (s Span) Contains(i int) bool { return i >= s.Start && i < s.End }

// Sentence is one sentence and its clauses. Clauses cover the sentence without gaps except
// for the separators themselves.
type Sentence struct {
	Span
	Clauses []Span
}

// closers may follow a sentence end and still belong to the sentence (。” and ！）).
func isCloser(r rune) bool {
	switch r {
	case '”', '’', '"', '\'', '」', '』', ')', '）', '】', '》', ']':
		return true
	}
	return false
}

// plainRune reports a rune the sentence scan passes over: every rune but a line break,
// an end (。！？!?) and the '.' that may be one (isPeriodBetweenHan). A Chinese character,
// most often, is told by one unsigned compare, ASCII by a bit of stopMask: digits and
// commas, frequent in these documents, no longer stop the scan.
func plainRune(r rune) bool {
	if uint32(r)-0x3400 < 0xA000-0x3400 {
		return true
	}
	if uint32(r) < 64 {
		return stopMask>>r&1 == 0
	}
	return r != '。' && r != '！' && r != '？'
}

// stopMask has a bit for each ASCII rune plainRune is false for.
const stopMask uint64 = 1<<'\n' | 1<<'.' | 1<<'!' | 1<<'?'

// skipPlain returns where the first rune from text[i] on that is not plain stands, or
// len(text). A function of its own, not inlined, so that its loop keeps its values in
// registers (in appendSentenceSpans' body they were reloaded from the stack at every rune).
//
//go:noinline
func skipPlain(text []rune, i int) int {
	for k, r := range text[i:] {
		if !plainRune(r) {
			return i + k
		}
	}
	return len(text)
}

// isSentenceEnd reports 。！？!?. The sentence scan asks it at each of its stops, most
// often a 。: one compare tells that, where a switch searched the five.
func isSentenceEnd(r rune) bool {
	if r == '。' {
		return true
	}
	if uint32(r) < 64 {
		return endMask>>r&1 != 0
	}
	return r == '！' || r == '？'
}

// endMask has a bit for each ASCII rune isSentenceEnd is true for.
const endMask uint64 = 1<<'!' | 1<<'?'

// isPeriodBetweenHan reports a '.' used as a full stop between Chinese text (a PDF whose
// font prints 。 as ．, normalised to '.'): after a Han character or a closing bracket, before
// a Han character or an opening one. A decimal point stands between digits and never is.
func isPeriodBetweenHan(text []rune, i int) bool {
	if text[i] != '.' || i == 0 || i+1 >= len(text) {
		return false
	}
	p, n := text[i-1], text[i+1]
	return (isHan(p) || p == ')' || p == '%') && (isHan(n) || n == '(' || n == '“')
}

func isHan(r rune) bool { return r >= 0x3400 && r < 0xA000 }

// IsClauseSeparator reports whether text[i] separates clauses: ；; always, ，,：: unless
// they sit between two digits (1,035.5; 1:27).
func IsClauseSeparator(text []rune, i int) bool {
	switch text[i] {
	case '；', ';':
		return true
	case '，', ',', '：', ':':
		if i > 0 && i+1 < len(text) && isDigit(text[i-1]) && isDigit(text[i+1]) {
			return false
		}
		return true
	}
	return false
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// Sentences splits text into sentences. Empty and whitespace-only stretches are dropped.
func Sentences(text []rune) []Sentence {
	out := SentenceSpans(text)
	for i := range out {
		out[i].WithClauses(text)
	}
	return out
}

// SentenceSpans is Sentences without the clauses: WithClauses adds them to the sentences
// that need them (those holding a number).
func SentenceSpans(text []rune) []Sentence { return AppendSentenceSpans(nil, text) }

// AppendSentenceSpans appends the sentences of text, without their clauses, to dst: to
// reuse a buffer.
func AppendSentenceSpans(dst []Sentence, text []rune) []Sentence {
	out, _, _ := appendSentenceSpans(dst, nil, nil, text, false)
	return out
}

// AppendSentencesAndLines is AppendSentenceSpans that also appends to starts where the
// lines of text start (0, and after each newline), as doc.LineStarts finds them, and to
// breaks the offsets just after each 。！？!? (a run of them gives one each), where the
// structure passes start their sentences: the sentence scan stops at every newline and
// every end anyway, so the passes over the text for them are saved.
func AppendSentencesAndLines(dst []Sentence, starts, breaks []int, text []rune) ([]Sentence, []int, []int) {
	return appendSentenceSpans(dst, append(starts, 0), breaks, text, true)
}

// AppendSentencesAndLinesAt is AppendSentencesAndLines reading only the runes at stops:
// the indexes, in order, of every rune of text in Stops (others may be among them), as
// normalisation can note them (normalize.Marker). The scan stops nowhere else.
func AppendSentencesAndLinesAt(dst []Sentence, starts, breaks []int, text []rune, stops []int) ([]Sentence, []int, []int) {
	sc := sentenceScan{text: text, out: dst, starts: append(starts, 0), breaks: breaks, lines: true}
	next := 0
	for _, i := range stops {
		if i >= next { // not inside a run of ends read with an earlier one
			next = sc.stop(i)
		}
	}
	sc.flush(len(text))
	return sc.out, sc.starts, sc.breaks
}

// Stops are the runes the sentence scan stops at, those plainRune is false for.
var Stops = []rune{'\n', '.', '!', '?', '。', '！', '？'}

func appendSentenceSpans(dst []Sentence, starts, breaks []int, text []rune, lines bool) ([]Sentence, []int, []int) {
	sc := sentenceScan{text: text, out: dst, starts: starts, breaks: breaks, lines: lines}
	for i := 0; i < len(text); {
		// Most runes, Chinese characters among them, are no end and no line break: a
		// tight loop over them.
		if i = skipPlain(text, i); i == len(text) {
			break
		}
		i = sc.stop(i)
	}
	sc.flush(len(text))
	return sc.out, sc.starts, sc.breaks
}

// sentenceScan is the state of a scan for sentences: those found, the lines and breaks
// when asked for, and where the sentence being read starts.
type sentenceScan struct {
	text           []rune
	out            []Sentence
	starts, breaks []int
	start          int
	lines          bool
}

// flush ends the sentence being read at end, keeping it unless it is blank.
func (sc *sentenceScan) flush(end int) {
	if s, e := trim(sc.text, sc.start, end); s < e {
		sc.add(s, e)
	}
}

// add appends the sentence text[s:e]. Appended zero and filled in place: a literal is
// built on the stack and copied by wide loads of the narrow stores just made, which
// stall (about 0.5% of a run).
func (sc *sentenceScan) add(s, e int) {
	sc.out = append(sc.out, Sentence{})
	sc.out[len(sc.out)-1].Span = Span{s, e}
}

// stop reads text[i], a rune plainRune says no to (a plain one changes nothing), and
// returns where the scan goes on: past it, or past the ends and closers that follow an end.
// An end, the most frequent stop, is asked about first.
func (sc *sentenceScan) stop(i int) int {
	text := sc.text
	r := text[i]
	switch {
	case isSentenceEnd(r):
		if sc.lines {
			sc.breaks = append(sc.breaks, i+1)
		}
		return sc.endAt(sc.runEnd(i + 1))
	case r == '\n':
		sc.flush(i)
		sc.start = i + 1
		if sc.lines {
			sc.starts = append(sc.starts, sc.start)
		}
	case isPeriodBetweenHan(text, i):
		return sc.endAt(sc.runEnd(i + 1))
	}
	return i + 1
}

// runEnd returns where the run of ends and closers from text[j] on stops (a sentence
// takes them all: 。” and ？！), noting a break after each end of it as it goes, so that
// no second loop tests the run again. Most often a Chinese character stands at j, which
// one compare tells from both.
func (sc *sentenceScan) runEnd(j int) int {
	text := sc.text
	for ; j < len(text) && !isHan(text[j]); j++ {
		switch r := text[j]; {
		case isSentenceEnd(r):
			if sc.lines {
				sc.breaks = append(sc.breaks, j+1)
			}
		case !isCloser(r):
			return j
		}
	}
	return j
}

// endAt ends the sentence being read at j, just past a run of ends and closers, where the
// next one starts, and returns j. text[j-1] is of the run and no space, and the sentence
// reaches it: only its start needs trimming, and it is never blank.
func (sc *sentenceScan) endAt(j int) int {
	s := sc.start
	for isSpace(sc.text[s]) {
		s++
	}
	sc.add(s, j)
	sc.start = j
	return j
}

// WithClauses splits the sentence of text into its clauses, once.
func (s *Sentence) WithClauses(text []rune) {
	if s.Clauses == nil {
		s.Clauses = clauses(text, s.Start, s.End)
	}
}

// maxRemark is the longest bracketed remark whose commas do not separate clauses
// (固定资产投资(不含农户,下同)比上年增长5.6%); a longer bracket is text of its own.
const maxRemark = 20

func clauses(text []rune, start, end int) []Span { return appendClauses(nil, text, start, end) }

// WithClausesIn is WithClauses with the clauses appended to arena, which it returns: one
// buffer for the clauses of many sentences instead of a slice for each.
func (s *Sentence) WithClausesIn(text []rune, arena []Span) []Span {
	if s.Clauses == nil {
		from := len(arena)
		arena = appendClauses(arena, text, s.Start, s.End)
		s.Clauses = arena[from:len(arena):len(arena)] // capped: later appends leave it alone
	}
	return arena
}

// WithClausesAt is WithClausesIn reading only the runes at stops: the offsets from
// s.Start, in order, of every rune of the sentence IsClauseStop says yes to (others may be
// among them), as a pass over the sentence's runes for something else can note them (its
// encoding, in package extract). The clause split then reads no rune between them: the
// walk over every rune of the sentence is saved.
func (s *Sentence) WithClausesAt(text []rune, arena []Span, stops []int32) []Span {
	if s.Clauses == nil {
		from := len(arena)
		arena = appendClausesAt(arena, text, s.Start, s.End, stops)
		s.Clauses = arena[from:len(arena):len(arena)] // capped, as WithClausesIn's
	}
	return arena
}

// IsClauseStop reports a rune the clause split reads: an opening bracket or a separator.
// Every other rune changes nothing in it.
func IsClauseStop(r rune) bool {
	if uint32(r) < 64 {
		return clauseASCII>>r&1 != 0
	}
	return r == '（' || r == '，' || r == '：' || r == '；'
}

// clauseASCII has a bit for each ASCII rune IsClauseStop is true for.
const clauseASCII uint64 = 1<<'(' | 1<<',' | 1<<':' | 1<<';'

// appendClausesAt is appendClauses reading only the runes at start+stops[k].
func appendClausesAt(out []Span, text []rune, start, end int, stops []int32) []Span {
	c := clauseSplit{s: start, closeAt: -1}
	out = c.readAt(out, text, start, end, stops)
	return c.last(out, text, end)
}

// appendClauses appends the clauses of text[start:end], reading every rune but the
// Chinese characters, none of which is a bracket or a separator: it notes the others, a
// buffer at a time, for clauseSplit.readAt, the one place of the rules.
func appendClauses(out []Span, text []rune, start, end int) []Span {
	c := clauseSplit{s: start, closeAt: -1}
	var buf [64]int32
	for i := start; i < end; {
		n := 0
		for ; i < end && n < len(buf); i++ {
			if !isHan(text[i]) {
				buf[n] = int32(i - start)
				n++
			}
		}
		out = c.readAt(out, text, start, end, buf[:n])
	}
	return c.last(out, text, end)
}

// clauseSplit is the state of a clause split: where the clause being read starts, and
// until where a short bracketed remark, whose separators do not split, runs.
type clauseSplit struct{ s, closeAt int }

// readAt reads the runes at start+stops[k] of the sentence text[start:end], appending to
// out each clause a separator outside a remark ends.
func (c *clauseSplit) readAt(out []Span, text []rune, start, end int, stops []int32) []Span {
	for _, k := range stops {
		i := start + int(k)
		if (text[i] == '(' || text[i] == '（') && i > c.closeAt {
			c.closeAt = remarkEnd(text, i, end)
		}
		if i < c.closeAt || !IsClauseSeparator(text, i) {
			continue
		}
		if a, b := trim(text, c.s, i); a < b {
			out = append(out, Span{a, b})
		}
		c.s = i + 1
	}
	return out
}

// last ends the last clause at end.
func (c *clauseSplit) last(out []Span, text []rune, end int) []Span {
	if a, b := trim(text, c.s, end); a < b {
		out = append(out, Span{a, b})
	}
	return out
}

// remarkEnd returns where the short bracketed remark opening at text[i] closes, or -1.
func remarkEnd(text []rune, i, end int) int {
	for k := i + 1; k < end && k <= i+maxRemark; k++ {
		switch text[k] {
		case ')', '）':
			return k
		case '(', '（', '。', '\n':
			return -1
		}
	}
	return -1
}

// isSpace reports the runes trim drops. It reads the ends of every sentence and clause,
// most often a Chinese character or a full stop: one compare tells those from the
// ASCII spaces, where a switch over the six searched them all.
func isSpace(r rune) bool {
	if r > ' ' {
		return r == '\u3000' || r == '\u00a0'
	}
	return r >= 0 && spaceMask>>r&1 != 0
}

// spaceMask has a bit for each ASCII space isSpace is true for.
const spaceMask uint64 = 1<<' ' | 1<<'\t' | 1<<'\r' | 1<<'\n'

func trim(text []rune, s, e int) (int, int) {
	for s < e && isSpace(text[s]) {
		s++
	}
	for e > s && isSpace(text[e-1]) {
		e--
	}
	return s, e
}

// Find returns the index of the sentence containing rune offset i, or -1. Sentences must
// be in order, as Sentences returns them.
func Find(sentences []Sentence, i int) int {
	lo, hi := 0, len(sentences)
	for lo < hi {
		mid := (lo + hi) / 2
		switch {
		case i < sentences[mid].Start:
			hi = mid
		case i >= sentences[mid].End:
			lo = mid + 1
		default:
			return mid
		}
	}
	return -1
}

// ClauseOf returns the index of the clause of s containing rune offset i, or -1.
// The clauses are in text order, so a binary search finds it (a sentence of n clauses
// with a number in each would be quadratic to scan).
func (s Sentence) ClauseOf(i int) int {
	k := sort.Search(len(s.Clauses), func(k int) bool { return s.Clauses[k].End > i })
	if k < len(s.Clauses) && s.Clauses[k].Contains(i) {
		return k
	}
	return -1
}
