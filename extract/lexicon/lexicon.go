// Package lexicon holds the extractor's linguistic knowledge as data: embedded, commented
// word lists, one family per section, each saying what text it serves. Users can read and
// extend them without touching code.
//
// A file is a list of sections:
//
//	# why this family exists
//	[section-name]
//	word word word
//
// Blank lines and lines starting with # are ignored. After a file changes, run
// `go generate ./extract/lexicon`: the sets are compiled in (see gen.go).
package lexicon

import (
	"bufio"
	"embed"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

//go:embed data/*.txt
var files embed.FS

// Set is a set of words with fast "does a word of the set end here / start here" checks
// over rune slices.
type Set struct {
	first, last runeIndex // the words by their first and by their last rune
	words       []string
	// pairs tells that every word has two runes or more, and runes holds every rune of
	// the words: IndexIn and LastIndexIn then read every other rune of a text, for each
	// word covers two neighbours, and a rune no word holds rules out the words covering it
	// (most runes of a text).
	pairs bool
	runes runeBloom
}

// runeBloom is a set of runes by their low 12 bits, one load and a bit test: has may say
// yes for a rune no word holds (the index then tells), never no for one added.
type runeBloom [bloomBits / 64]uint64

const bloomBits = 4096

func (b *runeBloom) add(r rune) { b[uint32(r)%bloomBits/64] |= 1 << (uint32(r) % 64) }

func (b *runeBloom) has(r rune) bool { return b[uint32(r)%bloomBits/64]>>(uint32(r)%64)&1 != 0 }

// runeIndex finds words by one of their runes: a table of chains, so that a rune no word
// has there (most characters of a text) is told by one load, and one that some word has
// by a short walk, without hashing.
type runeIndex struct {
	slot    [indexSlots]uint16 // 1 + the first entry of the runes in the slot; 0: none
	entries []indexEntry
	nodes   []trieNode // the entries' tries
}

// trieNode is a rune of an entry's words past the entry's own, in the order a lookup
// reads them (away from the entry's rune): a lookup follows the text down the trie, one
// step a rune, instead of comparing the text with each word of the entry (较 has 30, most
// sharing 较同期 or 较上年).
type trieNode struct {
	r              rune
	child, sibling uint32 // 1 + the index in runeIndex.nodes; 0: none
	end            bool   // a word ends with this rune
}

const indexSlots = 1024

type indexEntry struct {
	r     rune
	words [][]rune // longest first
	next  uint16   // 1 + the next entry of the slot; 0: none
	// near has bit r%64 for the rune beside r (second, or last but one) of each word of
	// two runes or more, and one tells a word of one rune: most texts that reach an
	// entry go on with a rune no word has there, and so are told without a walk.
	near  uint64
	one   bool
	child uint32 // 1 + the first node of the trie of its words of two runes or more; 0: none
	// strs are the words as strings, for Contains, PrefixOf and SuffixOf to compare
	// strings, a length test and a memory compare, instead of decoding the asked word
	// rune by rune. Empty when a word of the set holds U+FFFD: an invalid byte of the
	// asked word decodes to it too, and only decoding then compares as before.
	strs []string
}

// get returns the words indexed under r, longest first.
func (x *runeIndex) get(r rune) [][]rune {
	if i := x.slot[uint32(r)%indexSlots]; i != 0 {
		return x.walk(i, r)
	}
	return nil // small enough to be inlined: most runes end here
}

func (x *runeIndex) walk(i uint16, r rune) [][]rune {
	if e := x.entry(i, r); e != nil {
		return e.words
	}
	return nil
}

// entry returns the entry of r in the chain from i, or nil.
func (x *runeIndex) entry(i uint16, r rune) *indexEntry {
	for i != 0 {
		e := &x.entries[i-1]
		if e.r == r {
			return e
		}
		i = e.next
	}
	return nil
}

// add indexes w, whose string is str, under its rune r; w[beside] is the rune next to r
// when w has two or more.
func (x *runeIndex) add(r rune, w []rune, str string, beside int) {
	e := x.entry(x.slot[uint32(r)%indexSlots], r)
	if e == nil {
		h := uint32(r) % indexSlots
		x.entries = append(x.entries, indexEntry{r: r, next: x.slot[h]})
		x.slot[h] = uint16(len(x.entries))
		e = &x.entries[len(x.entries)-1]
	}
	e.words = append(e.words, w)
	e.strs = append(e.strs, str)
	if len(w) == 1 {
		e.one = true
	} else {
		e.near |= nearBit(w[beside])
	}
}

func nearBit(r rune) uint64 { return 1 << (uint32(r) % 64) }

// mayGoOn reports whether a word of two runes or more may have r beside e.r.
func (e *indexEntry) mayGoOn(r rune) bool { return e.near&nearBit(r) != 0 }

// oneLen is the length of the entry's word of one rune, 0 if it has none.
func (e *indexEntry) oneLen() int {
	if e.one {
		return 1
	}
	return 0
}

// buildTries puts each entry's words of two runes or more in its trie, read on from the
// entry's rune forward (the index by first rune) or backward (by last rune).
func (x *runeIndex) buildTries(forward bool) {
	var back []rune // a backward word's runes, reversed: one buffer for all, insert copies
	for k := range x.entries {
		e := &x.entries[k]
		for _, w := range e.words {
			rs := w[1:]
			if !forward {
				back = append(back[:0], w[:len(w)-1]...)
				slices.Reverse(back)
				rs = back
			}
			x.insert(e, rs)
		}
	}
}

// insert adds to e's trie the word whose runes past e's own are rs, in reading order.
func (x *runeIndex) insert(e *indexEntry, rs []rune) {
	parent := uint32(0) // 0: the entry
	for j, r := range rs {
		head := e.child
		if parent != 0 {
			head = x.nodes[parent-1].child
		}
		n := head
		for n != 0 && x.nodes[n-1].r != r {
			n = x.nodes[n-1].sibling
		}
		if n == 0 {
			x.nodes = append(x.nodes, trieNode{r: r, sibling: head})
			n = uint32(len(x.nodes))
			if parent == 0 {
				e.child = n
			} else {
				x.nodes[parent-1].child = n
			}
		}
		if j == len(rs)-1 {
			x.nodes[n-1].end = true
		}
		parent = n
	}
}

// sortLongestFirst orders each entry's words, and their strings with them, longest first.
func (x *runeIndex) sortLongestFirst() {
	for _, e := range x.entries {
		if len(e.words) < 2 {
			continue // most entries: nothing to order, and a sort would allocate
		}
		sort.SliceStable(e.words, func(i, j int) bool { return len(e.words[i]) > len(e.words[j]) })
		slices.SortStableFunc(e.strs, func(a, b string) int {
			return utf8.RuneCountInString(b) - utf8.RuneCountInString(a)
		})
	}
}

// NewSet builds a Set from words, allocating little: the words' runes share one array, a
// word's string is the one given, and a duplicate is told by its entry's strings, not by
// a map.
func NewSet(words ...string) *Set {
	s := &Set{pairs: true}
	n := runeCount(words)
	runes := make([]rune, 0, n)
	s.first.reserve(len(words), n)
	s.last.reserve(len(words), n)
	for _, w := range words {
		if w == "" {
			continue
		}
		at := len(runes)
		runes = appendRunes(runes, w)
		rs := runes[at:len(runes):len(runes)]
		if s.first.has(rs[0], w) {
			runes = runes[:at]
			continue
		}
		s.words = append(s.words, w)
		for _, r := range rs {
			s.runes.add(r)
		}
		s.pairs = s.pairs && len(rs) >= 2
		s.first.add(rs[0], rs, w, 1)
		s.last.add(rs[len(rs)-1], rs, w, len(rs)-2)
	}
	s.first.sortLongestFirst()
	s.last.sortLongestFirst()
	s.first.buildTries(true)
	s.last.buildTries(false)
	if slices.ContainsFunc(s.words, func(w string) bool { return strings.ContainsRune(w, utf8.RuneError) }) {
		s.first.dropStrings()
		s.last.dropStrings()
	}
	return s
}

// runeCount is the number of runes of words, as []rune would decode them.
func runeCount(words []string) int {
	n := 0
	for _, w := range words {
		n += utf8.RuneCountInString(w)
	}
	return n
}

// appendRunes appends the runes of w, as []rune(w) decodes them.
func appendRunes(rs []rune, w string) []rune {
	for _, r := range w {
		rs = append(rs, r)
	}
	return rs
}

// reserve sizes the index for words of runes in all: an entry a word at most, and a
// node a rune past each word's first at most.
func (x *runeIndex) reserve(words, runes int) {
	if runes > 0 { // else no word to index, and the slices stay nil as add leaves them
		x.entries = make([]indexEntry, 0, words)
	}
	if runes > words {
		x.nodes = make([]trieNode, 0, runes-words)
	}
}

// has reports whether the word w, whose first rune is r, is indexed (x is the index by
// first rune, its strings not yet dropped).
func (x *runeIndex) has(r rune, w string) bool {
	e := x.entry(x.slot[uint32(r)%indexSlots], r)
	return e != nil && slices.Contains(e.strs, w)
}

// dropStrings empties the entries' strings: a word holding U+FFFD (or an invalid byte,
// which decodes to it) is compared by its runes, as an asked word is decoded.
func (x *runeIndex) dropStrings() {
	for k := range x.entries {
		x.entries[k].strs = nil
	}
}

// Words returns the words in file order.
func (s *Set) Words() []string { return s.words }

// Contains reports whether w is in the set.
func (s *Set) Contains(w string) bool {
	if w == "" {
		return false
	}
	// The first rune, decoded inline for ASCII and a three-byte character (most of
	// Chinese): a call would cost more than the lookup, which most words end at.
	first := rune(w[0])
	switch c := w[0]; {
	case c < utf8.RuneSelf:
	case len(w) >= 3 && isThreeByte(c, w[1], w[2]):
		first = threeByteRune(c, w[1], w[2])
	default:
		first, _ = utf8.DecodeRuneInString(w)
	}
	i := s.first.slot[uint32(first)%indexSlots]
	if i == 0 {
		return false
	}
	e := s.first.entry(i, first)
	if e == nil {
		return false
	}
	if len(e.strs) > 0 {
		return slices.Contains(e.strs, w)
	}
	for _, x := range e.words {
		if equalString(x, w) {
			return true
		}
	}
	return false
}

// isThreeByte reports whether b0 b1 b2 are a three-byte character led by E1–EC or EE–EF,
// whose continuation bytes may be any (E0 and ED restrict theirs: overlong forms,
// surrogates): most of Chinese, decoded in place by threeByteRune, for a call to utf8's
// decoding would cost more than the lookup, which most words end at. Three bytes of that
// form at the end of a string are its last rune whatever comes before them.
func isThreeByte(b0, b1, b2 byte) bool {
	return b0-0xE1 <= 0xEF-0xE1 && b0 != 0xED && b1&0xC0|(b2&0xC0)>>2 == 0xA0
}

func threeByteRune(b0, b1, b2 byte) rune {
	return rune(b0&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F)
}

// equalString reports whether the runes x spell w, without converting either.
func equalString(x []rune, w string) bool {
	k := 0
	for _, r := range w {
		if k >= len(x) || x[k] != r {
			return false
		}
		k++
	}
	return k == len(x)
}

// PrefixOf returns the length in bytes of the longest word s starts with, or 0: PrefixAt
// for a string, without converting it.
func (s *Set) PrefixOf(str string) int {
	var first rune
	if len(str) >= 3 && isThreeByte(str[0], str[1], str[2]) {
		first = threeByteRune(str[0], str[1], str[2])
	} else if str == "" {
		return 0
	} else {
		first, _ = utf8.DecodeRuneInString(str)
	}
	i := s.first.slot[uint32(first)%indexSlots]
	if i == 0 {
		return 0
	}
	e := s.first.entry(i, first)
	if e == nil {
		return 0
	}
	if len(e.strs) > 0 {
		for _, w := range e.strs {
			if strings.HasPrefix(str, w) {
				return len(w)
			}
		}
		return 0
	}
	for _, w := range e.words {
		if k := prefixBytes(str, w); k > 0 {
			return k
		}
	}
	return 0
}

// SuffixOf returns the length in bytes of the longest word str ends with, or 0: SuffixBefore
// for a string, without converting it.
func (s *Set) SuffixOf(str string) int {
	var last rune
	if n := len(str); n >= 3 && isThreeByte(str[n-3], str[n-2], str[n-1]) {
		last = threeByteRune(str[n-3], str[n-2], str[n-1])
	} else if n == 0 {
		return 0
	} else {
		last, _ = utf8.DecodeLastRuneInString(str)
	}
	i := s.last.slot[uint32(last)%indexSlots]
	if i == 0 {
		return 0
	}
	e := s.last.entry(i, last)
	if e == nil {
		return 0
	}
	if len(e.strs) > 0 {
		for _, w := range e.strs {
			if strings.HasSuffix(str, w) {
				return len(w)
			}
		}
		return 0
	}
	for _, w := range e.words {
		if k := suffixBytes(str, w); k > 0 {
			return k
		}
	}
	return 0
}

// suffixBytes returns the bytes of str that spell the runes w when str ends with them,
// else 0.
func suffixBytes(str string, w []rune) int {
	end := len(str)
	for i := len(w) - 1; i >= 0; i-- {
		c, n := utf8.DecodeLastRuneInString(str[:end])
		if n == 0 || c != w[i] {
			return 0
		}
		end -= n
	}
	return len(str) - end
}

// prefixBytes returns the bytes of str that spell the runes w when str starts with them,
// else 0.
func prefixBytes(str string, w []rune) int {
	at := 0
	for _, r := range w {
		c, n := utf8.DecodeRuneInString(str[at:])
		if n == 0 || c != r {
			return 0
		}
		at += n
	}
	return at
}

// MayStartWith reports whether a word of the set may start with r: false means none does.
// It is small enough to be inlined (PrefixAt is not), for a rule that calls PrefixAt at
// most runes of a text to pass over the runes no word starts with without a call.
func (s *Set) MayStartWith(r rune) bool { return s.first.slot[r&(indexSlots-1)] != 0 }

// MayStartAt is MayStartWith for the rune at text[i], false outside text: the guard
// before PrefixAt at a hot call site, where most runes start no word.
func (s *Set) MayStartAt(text []rune, i int) bool {
	return i >= 0 && i < len(text) && s.MayStartWith(text[i])
}

// MayEndWith is MayStartWith for the last rune of a word, before SuffixBefore.
func (s *Set) MayEndWith(r rune) bool { return s.last.slot[r&(indexSlots-1)] != 0 }

// MayEnd reports whether a word of the set may end str, told by its last rune when that
// is a three-byte character (any other: true): false means SuffixOf(str) is 0. It is
// small enough to be inlined, for a rule that asks SuffixOf about names that seldom end
// with a word of the set. The slot of a three-byte character is its last two bytes' low
// bits.
func (s *Set) MayEnd(str string) bool {
	return len(str) < 3 || s.last.mayHave(str[len(str)-3:])
}

// MayStart is MayEnd for the first rune: false means PrefixOf(str) is 0 and
// Contains(str) false.
func (s *Set) MayStart(str string) bool {
	return len(str) < 3 || s.first.mayHave(str[:3])
}

// mayHave reports whether the three bytes b are not a three-byte character or one with
// words in its slot, whose index is its last two bytes' low bits.
func (x *runeIndex) mayHave(b string) bool {
	return !isThreeByte(b[0], b[1], b[2]) || x.slot[uint32(b[1]&0x0F)<<6|uint32(b[2]&0x3F)] != 0
}

// PrefixAt returns the length of the longest word starting at text[i], or 0.
func (s *Set) PrefixAt(text []rune, i int) int {
	if i < 0 || i >= len(text) {
		return 0
	}
	k := s.first.slot[uint32(text[i])%indexSlots]
	if k == 0 {
		return 0 // most runes start no word: told by one load, before the walk
	}
	e := s.first.entry(k, text[i])
	if e == nil {
		return 0
	}
	if i+1 >= len(text) || !e.mayGoOn(text[i+1]) {
		return e.oneLen()
	}
	// The trie's walk, written out (as in prefixWithin and SuffixBeforeFrom) to keep this a
	// leaf: a call would cost every lookup a frame, and most end at the first load.
	best, n, nodes := e.oneLen(), e.child, s.first.nodes
	for k := i + 1; k < len(text) && n != 0; k++ {
		nd := &nodes[n-1]
		for nd.r != text[k] && nd.sibling != 0 {
			nd = &nodes[nd.sibling-1]
		}
		if nd.r != text[k] {
			break
		}
		if nd.end {
			best = k + 1 - i
		}
		n = nd.child
	}
	return best
}

// SuffixBefore returns the length of the longest word ending right before text[i], or 0.
func (s *Set) SuffixBefore(text []rune, i int) int { return s.SuffixBeforeFrom(text, i, 0) }

// SuffixBeforeFrom is SuffixBefore for a word that must also start at or after from
// (SuffixBefore is it from 0).
func (s *Set) SuffixBeforeFrom(text []rune, i, from int) int {
	from = max(from, 0)
	if i <= from || i > len(text) {
		return 0
	}
	k := s.last.slot[uint32(text[i-1])%indexSlots]
	if k == 0 {
		return 0
	}
	e := s.last.entry(k, text[i-1])
	if e == nil {
		return 0
	}
	if i-2 < from || !e.mayGoOn(text[i-2]) {
		return e.oneLen()
	}
	// The trie's walk, written out as in PrefixAt.
	best, n, nodes := e.oneLen(), e.child, s.last.nodes
	for k := i - 2; k >= from && n != 0; k-- {
		nd := &nodes[n-1]
		for nd.r != text[k] && nd.sibling != 0 {
			nd = &nodes[nd.sibling-1]
		}
		if nd.r != text[k] {
			break
		}
		if nd.end {
			best = i - k
		}
		n = nd.child
	}
	return best
}

// IndexIn returns the position and length of the first word of the set in text[from:to],
// preferring the longest word at the earliest position; -1 when none.
func (s *Set) IndexIn(text []rune, from, to int) (int, int) {
	from, to = max(from, 0), min(to, len(text))
	if from >= to {
		return -1, 0
	}
	if !s.pairs {
		for i := from; i < to; i++ {
			if !s.MayStartWith(text[i]) {
				continue // most runes: one load, no call
			}
			if n := s.prefixWithin(text, i, to); n > 0 {
				return i, n
			}
		}
		return -1, 0
	}
	// Every word covers the rune at its start and the next: a rune at q that no word
	// holds rules out the words starting at q-1 and at q.
	span := text[from:to]
	for k := 1; k < len(span); k += 2 {
		if !s.runes.has(span[k]) {
			continue
		}
		q := from + k
		if s.MayStartWith(text[q-1]) {
			if n := s.prefixWithin(text, q-1, to); n > 0 {
				return q - 1, n
			}
		}
		if s.MayStartWith(text[q]) {
			if n := s.prefixWithin(text, q, to); n > 0 {
				return q, n
			}
		}
	}
	return -1, 0
}

// prefixWithin returns the length of the longest word starting at text[i] and ending by
// text[to-1], or 0; from ≤ i < to ≤ len(text).
func (s *Set) prefixWithin(text []rune, i, to int) int {
	k := s.first.slot[uint32(text[i])%indexSlots]
	if k == 0 {
		return 0 // most runes: one load
	}
	e := s.first.entry(k, text[i])
	if e == nil {
		return 0
	}
	if i+1 >= to || !e.mayGoOn(text[i+1]) {
		return e.oneLen()
	}
	// The trie's walk, written out (as in PrefixAt and SuffixBeforeFrom) to keep this a
	// leaf: a call would cost every lookup a frame, and most end at the first load.
	best, n, nodes := e.oneLen(), e.child, s.first.nodes
	for k := i + 1; k < to && n != 0; k++ {
		nd := &nodes[n-1]
		for nd.r != text[k] && nd.sibling != 0 {
			nd = &nodes[nd.sibling-1]
		}
		if nd.r != text[k] {
			break
		}
		if nd.end {
			best = k + 1 - i
		}
		n = nd.child
	}
	return best
}

// IsWordAt reports whether text[i:j] is a word of the set: Contains(string(text[i:j]))
// without building the string. A rune that UTF-8 cannot encode (a surrogate, a negative
// one) is no word's rune here, where its string, U+FFFD, could match a word holding U+FFFD.
func (s *Set) IsWordAt(text []rune, i, j int) bool {
	return i >= 0 && i < j && j <= len(text) && s.prefixWithin(text, i, j) == j-i
}

// In reports whether a word of the set occurs anywhere in text.
func (s *Set) In(text []rune) bool {
	i, _ := s.IndexIn(text, 0, len(text))
	return i >= 0
}

// LastIndexIn returns the position and length of the last word of the set that lies wholly
// in text[from:to]; -1 when none.
func (s *Set) LastIndexIn(text []rune, from, to int) (int, int) {
	from, to = max(from, 0), min(to, len(text))
	if from >= to {
		return -1, 0
	}
	if !s.pairs {
		for e := to; e > from; e-- {
			if !s.MayEndWith(text[e-1]) {
				continue // most runes: one load, no call
			}
			if n := s.SuffixBeforeFrom(text, e, from); n > 0 {
				return e - n, n
			}
		}
		return -1, 0
	}
	// Every word covers the rune at its end and the one before: a rune at q that no word
	// holds rules out the words ending at q+1 and at q.
	span := text[from:to]
	for k := len(span) - 2; k >= 0; k -= 2 {
		if !s.runes.has(span[k]) {
			continue
		}
		q := from + k
		if s.MayEndWith(text[q+1]) {
			if n := s.SuffixBeforeFrom(text, q+2, from); n > 0 {
				return q + 2 - n, n
			}
		}
		if s.MayEndWith(text[q]) {
			if n := s.SuffixBeforeFrom(text, q+1, from); n > 0 {
				return q + 1 - n, n
			}
		}
	}
	return -1, 0
}

// Sections are the named word lists of all embedded files.
type Sections map[string]*Set

// Get returns the named section; it panics on a name no file defines, which is a
// programming error caught by every test run.
func Get(name string) *Set {
	s, ok := all[name]
	if !ok {
		panic("lexicon: no section [" + name + "]")
	}
	return s
}

// load builds the sections from the embedded files: what tables.go is generated from.
func load() (Sections, error) {
	entries, err := files.ReadDir("data")
	if err != nil {
		return nil, err
	}
	words := map[string][]string{}
	for _, e := range entries {
		data, err := files.ReadFile("data/" + e.Name())
		if err != nil {
			return nil, err
		}
		if err := parse(e.Name(), string(data), words); err != nil {
			return nil, err
		}
	}
	secs := Sections{}
	for name, ws := range words {
		secs[name] = NewSet(ws...)
	}
	return secs, nil
}

// Parse reads one lexicon file into words by section (exported for user lexicons and tests).
func parse(file, data string, into map[string][]string) error {
	sc := bufio.NewScanner(strings.NewReader(data))
	section := ""
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			section = strings.TrimSpace(line[1 : len(line)-1])
			if _, dup := into[section]; dup {
				return fmt.Errorf("%s:%d: section [%s] defined twice", file, n, section)
			}
			into[section] = nil
			continue
		}
		if section == "" {
			return fmt.Errorf("%s:%d: words before the first [section]", file, n)
		}
		into[section] = append(into[section], strings.Fields(line)...)
	}
	return sc.Err()
}
