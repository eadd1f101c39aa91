package lexicon

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

// plainNewSet is NewSet as first written, a map for duplicates and an allocation a word,
// for TestNewSetMatchesPlain.
func plainNewSet(words ...string) *Set {
	s := &Set{pairs: true}
	seen := map[string]bool{}
	for _, w := range words {
		if w == "" || seen[w] {
			continue
		}
		seen[w] = true
		s.words = append(s.words, w)
		rs := []rune(w)
		for _, r := range rs {
			s.runes.add(r)
		}
		s.pairs = s.pairs && len(rs) >= 2
		plainAdd(&s.first, rs[0], rs, 1)
		plainAdd(&s.last, rs[len(rs)-1], rs, len(rs)-2)
	}
	for _, x := range []*runeIndex{&s.first, &s.last} {
		for _, e := range x.entries {
			sort.SliceStable(e.words, func(i, j int) bool { return len(e.words[i]) > len(e.words[j]) })
		}
	}
	plainBuildTries(&s.first, true)
	plainBuildTries(&s.last, false)
	if !slices.ContainsFunc(s.words, func(w string) bool { return strings.ContainsRune(w, utf8.RuneError) }) {
		for _, x := range []*runeIndex{&s.first, &s.last} {
			for k := range x.entries {
				for _, w := range x.entries[k].words {
					x.entries[k].strs = append(x.entries[k].strs, string(w))
				}
			}
		}
	}
	return s
}

func plainAdd(x *runeIndex, r rune, w []rune, beside int) {
	e := x.entry(x.slot[uint32(r)%indexSlots], r)
	if e == nil {
		h := uint32(r) % indexSlots
		x.entries = append(x.entries, indexEntry{r: r, next: x.slot[h]})
		x.slot[h] = uint16(len(x.entries))
		e = &x.entries[len(x.entries)-1]
	}
	e.words = append(e.words, w)
	if len(w) == 1 {
		e.one = true
	} else {
		e.near |= nearBit(w[beside])
	}
}

func plainBuildTries(x *runeIndex, forward bool) {
	for k := range x.entries {
		e := &x.entries[k]
		for _, w := range e.words {
			rs := w[1:]
			if !forward {
				rs = slices.Clone(w[:len(w)-1])
				slices.Reverse(rs)
			}
			x.insert(e, rs)
		}
	}
}

// TestNewSetMatchesPlain checks that NewSet builds the very Set the plain build does, for
// every embedded section and for random word lists with duplicates, empty words, words of
// one rune, words sharing runes, U+FFFD and invalid bytes.
func TestNewSetMatchesPlain(t *testing.T) {
	check := func(name string, words []string) {
		t.Helper()
		if got, want := NewSet(words...), plainNewSet(words...); !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: NewSet(%q) differs from the plain build", name, words)
		}
	}
	for name, s := range all {
		check(name, s.Words())
	}
	pool := []string{"增", "长", "较", "同", "期", "上", "年", "\uFFFD", "\xff", "\xfe", "a", "亿", "𠀀", "ab"}
	rng := rand.New(rand.NewPCG(7, 11))
	for range 3000 {
		words := make([]string, rng.IntN(12))
		for k := range words {
			var b strings.Builder
			for range rng.IntN(5) {
				b.WriteString(pool[rng.IntN(len(pool))])
			}
			words[k] = b.String()
		}
		check("random", words)
	}
}
