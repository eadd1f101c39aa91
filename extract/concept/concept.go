// Package concept maps an indicator phrase to its canonical concept name (SPEC.md §7), so
// that the same indicator has one key in every document: 全省生产总值, GDP, 经济总量 and the
// 经济 of 经济增长6% are all 地区生产总值.
//
// # The list is data
//
// data/concepts.txt is embedded and read once by Default. Users extend or override it with
// a file in the same format, read by Parse and layered with With. Format:
//
//	# comment lines and blank lines are ignored
//	地区生产总值 = 国内生产总值 | 生产总值 | GDP | 经济总量 | /经济(?=增长|增速)/
//
// that is `canonical = wording | wording | /pattern/`. The canonical name is itself a
// wording; the right side may be empty. A name may start several lines; a wording may
// belong to one concept only in a file. A wording between slashes is a pattern, compiled
// with regexp2 (.NET syntax, with lookaround) and run with a match timeout.
//
// # Matching
//
// Match(phrase, after) takes the indicator phrase the extractor found and the few
// characters after it up to the number. Chinese noun phrases are head-final, so the words
// in front of the head narrow it to a part (第一产业增加值, 城镇居民人均可支配收入, 民间投资),
// and a part is never its whole. So no wording is ever found inside a phrase; the phrase is
// reduced and then compared whole:
//
//  1. the phrase as given must equal a wording (one map lookup, the common case);
//  2. else place, scope, time and report verbs in front are stripped one by one (郑州市,
//     全省, 全年, 2025年, 实现: data/modifiers.txt), and the rest must equal a wording;
//  3. else measure words behind are stripped one by one (增长, 增速, 总量, a trailing
//     parenthesis like (GDP)), and the rest must equal a wording;
//  4. else each pattern must match one of these reduced phrases from its first character
//     to its last. The pattern sees the text after the phrase too (the stripped measure
//     words, then after), so a lookahead can ask for it: /经济(?=增长)/ takes 经济 + 增长
//     but not 经济 alone.
//
// Words that narrow a concept (规模以上, 城镇, 人均, 第一产业, 全社会) are never stripped.
// The empty string means no concept fits.
package concept

import (
	_ "embed"
	"slices"
	"strings"
	"sync"
)

//go:embed data/concepts.txt
var conceptsData string

// DefaultFile is the name errors in the embedded list carry.
const DefaultFile = "extract/concept/data/concepts.txt"

// List is a parsed concept list. It is immutable and safe for concurrent use.
type List struct {
	names    []string          // canonical names, first appearance order
	exact    map[string]string // wording → canonical name
	patterns []*pattern        // in file order; a user's before the built-in ones

	memo memo // phrase → what stripping found
}

// Default returns the embedded concept list, parsed once.
func Default() *List { return defaultList() }

var defaultList = sync.OnceValue(func() *List {
	l, err := Parse(DefaultFile, strings.NewReader(conceptsData))
	if err != nil {
		panic("concept: bad embedded list: " + err.Error())
	}
	return l
})

// Names returns the canonical names in the order they first appear.
func (l *List) Names() []string { return slices.Clone(l.names) }

// Len returns the number of concepts.
func (l *List) Len() int { return len(l.names) }

// Has reports whether name is a canonical name of the list.
func (l *List) Has(name string) bool { return slices.Contains(l.names, name) }

// With returns the list extended by user: a user wording maps to the user's concept even
// where it is also a built-in wording, and the user's patterns are tried first. Neither
// list is changed.
func (l *List) With(user *List) *List {
	out := &List{
		names:    slices.Clone(l.names),
		exact:    make(map[string]string, len(l.exact)+len(user.exact)),
		patterns: append(slices.Clone(user.patterns), l.patterns...),
	}
	for w, c := range l.exact {
		out.exact[w] = c
	}
	for w, c := range user.exact {
		out.exact[w] = c
	}
	for _, n := range user.names {
		if !slices.Contains(out.names, n) {
			out.names = append(out.names, n)
		}
	}
	return out
}
