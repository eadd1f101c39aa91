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
// Blank lines and lines starting with # are ignored.
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
	byFirst map[rune][][]rune // longest first
	byLast  map[rune][][]rune // longest first
	words   []string
	// Bit filters over the first and last runes of the words: most characters of a text
	// start and end no word, and these reject them without a map lookup.
	firstBits, lastBits [filterWords]uint64
}

const filterWords = 64 // 4096 bits

func filterHas(bits *[filterWords]uint64, r rune) bool {
	h := uint32(r) & (filterWords*64 - 1)
	return bits[h/64]&(1<<(h%64)) != 0
}

func filterAdd(bits *[filterWords]uint64, r rune) {
	h := uint32(r) & (filterWords*64 - 1)
	bits[h/64] |= 1 << (h % 64)
}

// NewSet builds a Set from words.
func NewSet(words ...string) *Set {
	s := &Set{byFirst: map[rune][][]rune{}, byLast: map[rune][][]rune{}}
	seen := map[string]bool{}
	for _, w := range words {
		if w == "" || seen[w] {
			continue
		}
		seen[w] = true
		s.words = append(s.words, w)
		rs := []rune(w)
		s.byFirst[rs[0]] = append(s.byFirst[rs[0]], rs)
		s.byLast[rs[len(rs)-1]] = append(s.byLast[rs[len(rs)-1]], rs)
		filterAdd(&s.firstBits, rs[0])
		filterAdd(&s.lastBits, rs[len(rs)-1])
	}
	for _, m := range []map[rune][][]rune{s.byFirst, s.byLast} {
		for _, ws := range m {
			sort.SliceStable(ws, func(i, j int) bool { return len(ws[i]) > len(ws[j]) })
		}
	}
	return s
}

// Words returns the words in file order.
func (s *Set) Words() []string { return s.words }

// Contains reports whether w is in the set.
func (s *Set) Contains(w string) bool {
	first, n := utf8.DecodeRuneInString(w)
	if n == 0 || !filterHas(&s.firstBits, first) {
		return false
	}
	for _, x := range s.byFirst[first] {
		if equalString(x, w) {
			return true
		}
	}
	return false
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
	first, n := utf8.DecodeRuneInString(str)
	if n == 0 || !filterHas(&s.firstBits, first) {
		return 0
	}
	for _, w := range s.byFirst[first] {
		if k := prefixBytes(str, w); k > 0 {
			return k
		}
	}
	return 0
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

// PrefixAt returns the length of the longest word starting at text[i], or 0.
func (s *Set) PrefixAt(text []rune, i int) int {
	if i < 0 || i >= len(text) || !filterHas(&s.firstBits, text[i]) {
		return 0
	}
	for _, w := range s.byFirst[text[i]] {
		if i+len(w) <= len(text) && equal(text[i:i+len(w)], w) {
			return len(w)
		}
	}
	return 0
}

// SuffixBefore returns the length of the longest word ending right before text[i], or 0.
func (s *Set) SuffixBefore(text []rune, i int) int {
	if i <= 0 || i > len(text) || !filterHas(&s.lastBits, text[i-1]) {
		return 0
	}
	for _, w := range s.byLast[text[i-1]] {
		if i-len(w) >= 0 && equal(text[i-len(w):i], w) {
			return len(w)
		}
	}
	return 0
}

// SuffixBeforeFrom is SuffixBefore for a word that must also start at or after from.
func (s *Set) SuffixBeforeFrom(text []rune, i, from int) int {
	if i <= 0 || i > len(text) || !filterHas(&s.lastBits, text[i-1]) {
		return 0
	}
	for _, w := range s.byLast[text[i-1]] {
		if i-len(w) >= max(from, 0) && equal(text[i-len(w):i], w) {
			return len(w)
		}
	}
	return 0
}

// IndexIn returns the position and length of the first word of the set in text[from:to],
// preferring the longest word at the earliest position; -1 when none.
func (s *Set) IndexIn(text []rune, from, to int) (int, int) {
	to = min(to, len(text))
	for i := max(from, 0); i < to; i++ {
		if !filterHas(&s.firstBits, text[i]) {
			continue
		}
		for _, w := range s.byFirst[text[i]] {
			if i+len(w) <= to && equal(text[i:i+len(w)], w) {
				return i, len(w)
			}
		}
	}
	return -1, 0
}

// In reports whether a word of the set occurs anywhere in text.
func (s *Set) In(text []rune) bool {
	i, _ := s.IndexIn(text, 0, len(text))
	return i >= 0
}

// LastIndexIn returns the position and length of the last word of the set that lies wholly
// in text[from:to]; -1 when none.
func (s *Set) LastIndexIn(text []rune, from, to int) (int, int) {
	to = min(to, len(text))
	from = max(from, 0)
	for e := to; e > from; e-- {
		if !filterHas(&s.lastBits, text[e-1]) {
			continue
		}
		for _, w := range s.byLast[text[e-1]] {
			if e-len(w) >= from && equal(text[e-len(w):e], w) {
				return e - len(w), len(w)
			}
		}
	}
	return -1, 0
}

func equal(a, b []rune) bool { return slices.Equal(a, b) }

// Sections are the named word lists of all embedded files.
type Sections map[string]*Set

var all = mustLoad()

// Get returns the named section; it panics on a name no file defines, which is a
// programming error caught by every test run.
func Get(name string) *Set {
	s, ok := all[name]
	if !ok {
		panic("lexicon: no section [" + name + "]")
	}
	return s
}

func mustLoad() Sections {
	secs, err := load()
	if err != nil {
		panic("lexicon: " + err.Error())
	}
	return secs
}

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
