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
	phrase = strings.TrimSpace(phrase)
	if c, ok := l.exact[phrase]; ok {
		return c, nil
	}
	core, c := l.stripLeading(phrase)
	if c != "" {
		return c, nil
	}
	var allowed ends
	allowed.add(utf8.RuneCountInString(core))
	for short := core; ; {
		next := stripTrail(short)
		if next == short || next == "" {
			break
		}
		short = next
		if c, ok := l.exact[short]; ok {
			return c, nil
		}
		allowed.add(utf8.RuneCountInString(short))
	}
	if len(l.patterns) == 0 || core == "" {
		return "", nil
	}
	return l.matchPatterns(core, after, &allowed)
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
