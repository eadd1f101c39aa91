package concept

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dlclark/regexp2/v2"
)

// MatchTimeout bounds one pattern match (tried twice): a user's pattern with catastrophic
// backtracking fails with a PatternError instead of hanging the run. regexp2's clock is coarse, so a
// timed-out match returns after a few times this.
const MatchTimeout = 50 * time.Millisecond

// maxPatternInput caps the text a pattern sees: indicator phrases are short, and a short
// input keeps even a bad pattern fast.
const maxPatternInput = 64

// pattern is a /…/ wording.
type pattern struct {
	re      *regexp2.Regexp
	concept string
	source  string // as written between the slashes
	pos     string // FILE:LINE
	prefix  string // literal text every match starts with, to skip the engine; may be ""
}

// PatternError is a pattern that does not compile or that timed out; Pos is FILE:LINE, so a
// caller can report each pattern once.
type PatternError struct {
	Pos     string
	Pattern string
	Err     error
}

func (e *PatternError) Error() string {
	return fmt.Sprintf("%s: pattern /%s/: %v", e.Pos, e.Pattern, e.Err)
}

func (e *PatternError) Unwrap() error { return e.Err }

// compilePattern anchors the pattern at the start of the phrase; where it must end is
// checked after the match, because a lookahead may read past the phrase.
func compilePattern(src, concept, pos string) (*pattern, error) {
	if strings.TrimSpace(src) == "" {
		return nil, fmt.Errorf("empty pattern //")
	}
	re, err := regexp2.Compile(`\A(?:` + src + `)`)
	if err != nil {
		return nil, fmt.Errorf("pattern /%s/ does not compile: %v", src, err)
	}
	re.MatchTimeout = MatchTimeout
	return &pattern{re: re, concept: concept, source: src, pos: pos, prefix: literalPrefix(src)}, nil
}

// literalPrefix returns the plain characters a pattern starts with (after an optional ^),
// or "" when an alternation at the top level or a quantifier makes them optional.
func literalPrefix(src string) string {
	if topLevelBar(src) {
		return ""
	}
	s := strings.TrimPrefix(src, "^")
	end := strings.IndexAny(s, `\.[](){}|?*+^$`)
	if end < 0 {
		return s
	}
	lit := s[:end]
	if strings.ContainsAny(s[end:end+1], "?*{") && lit != "" {
		_, size := utf8.DecodeLastRuneInString(lit)
		lit = lit[:len(lit)-size] // the last character is optional
	}
	return lit
}

func topLevelBar(src string) bool {
	depth := 0
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\\':
			i++
		case '(', '[':
			depth++
		case ')', ']':
			depth--
		case '|':
			if depth == 0 {
				return true
			}
		}
	}
	return false
}

// ends are the rune lengths at which a match may end: the reduced phrases of Match. Each
// memo entry holds one, so it is kept small (36 bytes, not 72 with ints).
type ends struct {
	n   [8]int32
	len uint8
}

func (e *ends) add(n int) {
	if int(e.len) < len(e.n) {
		e.n[e.len] = int32(n)
		e.len++
	}
}

func (e *ends) has(n int) bool {
	for _, m := range e.n[:e.len] {
		if int(m) == n {
			return true
		}
	}
	return false
}

// matchPatterns runs the patterns from the from-th on the phrase without its leading
// modifiers, followed by the text after it, and returns the concept of the first pattern
// whose match ends at one of the allowed ends.
func (l *List) matchPatterns(core string, after *afterText, allowed *ends, from int) (string, error) {
	text := ""
	for _, p := range l.patterns[from:] {
		if !hasPrefix2(core, after, p.prefix) {
			continue
		}
		if text == "" {
			text = capRunes(core+after.String(), maxPatternInput)
		}
		m, err := p.re.FindStringMatch(text)
		if err != nil {
			// A phrase takes a pattern microseconds: a timeout may be this goroutine
			// waiting for a core on a loaded machine, not backtracking. Once more before
			// the error, so that what a run finds does not hang on the machine's load.
			m, err = p.re.FindStringMatch(text)
		}
		if err != nil {
			return "", &PatternError{Pos: p.pos, Pattern: p.source, Err: err}
		}
		if m != nil && m.RuneIndex == 0 && allowed.has(m.RuneLength) {
			return p.concept, nil
		}
	}
	return "", nil
}

// firstPattern returns the index of the first pattern whose prefix may fit core followed
// by any text (mayFit), or len(l.patterns).
func (l *List) firstPattern(core string) int {
	for k, p := range l.patterns {
		if mayFit(core, p.prefix) {
			return k
		}
	}
	return len(l.patterns)
}

// mayFit reports whether core followed by some text may start with prefix: hasPrefix2
// without the text, which it never reads when mayFit is false.
func mayFit(core, prefix string) bool {
	if len(prefix) <= len(core) {
		return strings.HasPrefix(core, prefix)
	}
	return strings.HasPrefix(prefix, core)
}

// hasPrefix2 reports whether a+b starts with prefix, without building a+b, and without
// making b a string when a settles it.
func hasPrefix2(a string, b *afterText, prefix string) bool {
	if len(prefix) <= len(a) {
		return strings.HasPrefix(a, prefix)
	}
	return strings.HasPrefix(prefix, a) && strings.HasPrefix(b.String(), prefix[len(a):])
}

func capRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}
