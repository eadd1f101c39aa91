package concept

import (
	"strings"
	"unicode/utf8"
)

// Match returns the canonical concept of an indicator phrase, or "" when none fits (the
// rules are in the package doc). after is the text after the phrase up to the number
// (经济 + 增长); it is read only by patterns. The error is a *PatternError for a pattern
// that timed out; the concept is then "".
func (l *List) Match(phrase, after string) (string, error) {
	c, _, err := l.MatchPlace(phrase, after)
	return c, err
}

// MatchPlace is Match that also returns StripPlace's place of the phrase, remembered with
// the phrase's stripping (a record whose indicator names a concept asks for both).
func (l *List) MatchPlace(phrase, after string) (concept, place string, err error) {
	return l.matchPlace(phrase, afterText{s: after})
}

// MatchPlaceRunes is MatchPlace with the text after the phrase given as runes: they are
// made a string only when a pattern reads them, and most phrases are settled by their words.
func (l *List) MatchPlaceRunes(phrase string, after []rune) (concept, place string, err error) {
	return l.matchPlace(phrase, afterText{rs: after, runes: true})
}

// MatchPlaceAfter is MatchPlaceRunes with the runes after the phrase given by after, asked
// only when a pattern reads them: finding them costs the caller a search of its text, and
// most phrases are settled by their words (nil after: no text).
func (l *List) MatchPlaceAfter(phrase string, after func() []rune) (concept, place string, err error) {
	return l.matchPlace(phrase, afterText{find: after, runes: true})
}

// afterText is the text after a phrase, as a string or as runes made one on first use
// (found by find first, when set).
type afterText struct {
	s     string
	rs    []rune
	find  func() []rune
	runes bool // s is still to be made from rs
}

func (t *afterText) String() string {
	if t.find != nil {
		t.rs, t.find = t.find(), nil
	}
	if t.runes {
		t.s, t.runes = string(t.rs), false
	}
	return t.s
}

// The memo keys a phrase as given: a phrase seen before is not trimmed again.
func (l *List) matchPlace(phrase string, after afterText) (concept, place string, err error) {
	s, ok := l.memo.load(phrase)
	if !ok {
		bare := withoutAsides(trimSpace(phrase))
		s = l.strip(bare)
		s.place, _ = StripPlace(bare)
		s.firstPattern = l.firstPattern(s.core)
		l.memo.store(phrase, s)
	}
	if s.concept != "" || s.core == "" || s.firstPattern == len(l.patterns) {
		return s.concept, s.place, nil // most phrases: no pattern's prefix fits the core
	}
	allowed := s.allowed
	c, err := l.matchPatterns(s.core, &after, &allowed, s.firstPattern) // patterns read the words after
	return c, s.place, err
}

// stripped is what stripping found for a phrase: its concept by wording, or the core and
// the ends at which a pattern may stop; and the place it starts with (StripPlace).
// firstPattern is the first pattern whose literal prefix may fit the core (mayFit), or
// len(patterns) when none does: the patterns before it can match no text after the core,
// so they are not tried each time the phrase comes again.
type stripped struct {
	concept      string
	core         string
	place        string
	firstPattern int
	allowed      ends // last: a phrase settled by its words never reads it
}

// strip looks phrase up by wording, dropping leading modifiers and trailing measure words.
func (l *List) strip(phrase string) *stripped {
	if c, ok := l.exact[phrase]; ok {
		return &stripped{concept: c}
	}
	core, c := l.stripLeading(phrase)
	if c != "" {
		return &stripped{concept: c}
	}
	s := &stripped{core: core}
	s.allowed.add(utf8.RuneCountInString(core))
	for short := core; ; {
		next := stripTrail(short)
		if next == short || next == "" {
			break
		}
		short = next
		if c, ok := l.exact[short]; ok {
			return &stripped{concept: c}
		}
		s.allowed.add(utf8.RuneCountInString(short))
	}
	return s
}

// stripLeading drops leading modifiers one by one and looks each rest up; it returns the
// shortest rest and the concept if one was found.
func (l *List) stripLeading(phrase string) (core, concept string) {
	core = phrase
	for {
		next := stripLead(core)
		if next == core || next == "" {
			return core, ""
		}
		core = next
		if c, ok := l.exact[core]; ok {
			return core, c
		}
	}
}

// trimSpace is strings.TrimSpace with the common case told by a look at each end,
// without decoding: a phrase whose first byte can start no space and whose last rune is
// ASCII other than a space or a CJK ideograph (U+4000–U+9FFF) has none to trim.
func trimSpace(s string) string {
	if len(s) > 0 && noSpaceFirst(s[0]) && noSpaceLast(s) {
		return s
	}
	return strings.TrimSpace(s)
}

// noSpaceFirst reports whether a string starting with byte c starts with no space: ASCII
// spaces are at most ' ', and the other spaces of Unicode (U+0085, U+00A0, U+1680,
// U+2000–U+205F, U+3000) start with C2, E1, E2 or E3; any other byte starts another
// character or one invalid byte, which TrimSpace keeps.
func noSpaceFirst(c byte) bool {
	return c > ' ' && c != 0xC2 && (c < 0xE1 || c > 0xE3)
}

// noSpaceLast reports whether s, not empty, ends with ASCII other than a space or with a
// three-byte character led by E4–E9 (U+4000–U+9FFF: most of Chinese, no space).
func noSpaceLast(s string) bool {
	n := len(s)
	if c := s[n-1]; c < utf8.RuneSelf {
		return c > ' '
	}
	return n >= 3 && s[n-3] >= 0xE4 && s[n-3] <= 0xE9 && s[n-2]&0xC0 == 0x80 && s[n-1]&0xC0 == 0x80
}

// withoutAsides drops from phrase the bracketed asides that say what a figure includes or
// leaves out (市本级(含现代物流产业开发区)地方一般公共预算收入; data/modifiers.txt
// [aside-openers]): no part of what is measured.
func withoutAsides(phrase string) string {
	for {
		open, width := strings.IndexByte(phrase, '('), 1
		if k := strings.Index(phrase, "（"); k >= 0 && (open < 0 || k < open) {
			open, width = k, len("（")
		}
		if open < 0 {
			return phrase
		}
		inner := phrase[open+width:]
		end := strings.IndexAny(inner, ")）")
		if mods.asideOpeners.prefix(inner) == "" || end < 0 {
			return phrase
		}
		_, cw := utf8.DecodeRuneInString(inner[end:])
		phrase = phrase[:open] + inner[end+cw:]
	}
}
