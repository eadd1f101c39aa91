package normalize

import (
	"unicode/utf8"

	"golang.org/x/net/html"
)

// maxEntityName bounds the name of a named character reference (the longest HTML
// entity name has 31 characters).
const maxEntityName = 32

// Entity decodes the HTML character reference at the start of s: named ("&amp;",
// "&nbsp;"), decimal ("&#12345;") or hexadecimal ("&#x4e00;"). It returns the decoded
// text (one rune, rarely two) and the number of runes of s it replaces; n is 0 when s
// does not start with a reference.
//
// With legacy false a reference must end in ';', which is what stray entities in plain
// text look like. With legacy true the HTML rules for text content apply: numeric
// references and the legacy named ones ("&amp", "&nbsp", "&copy") may omit the ';'.
func Entity(s []rune, legacy bool) (string, int) {
	if len(s) < 3 || s[0] != '&' {
		return "", 0
	}
	if s[1] == '#' {
		return numericEntity(s, legacy)
	}
	if !isASCIILetter(s[1]) {
		return "", 0
	}
	j := 2
	for j < len(s) && j <= maxEntityName && (isASCIILetter(s[j]) || s[j] >= '0' && s[j] <= '9') {
		j++
	}
	if j < len(s) && s[j] == ';' {
		name := string(s[:j+1])
		if d := html.UnescapeString(name); d != name {
			return d, j + 1
		}
	}
	if !legacy {
		return "", 0
	}
	// Longest legacy reference without ';' that is a prefix of the name.
	for k := j; k > 2; k-- {
		p := string(s[:k])
		if d := html.UnescapeString(p); d != p && utf8.RuneCountInString(d) == 1 {
			return d, k
		}
	}
	return "", 0
}

// numericEntity decodes "&#…;" and "&#x…;". Out-of-range values, surrogates and NUL
// become U+FFFD and C1 controls their Windows-1252 characters, as browsers do.
func numericEntity(s []rune, legacy bool) (string, int) {
	j := 2
	hex := j < len(s) && (s[j] == 'x' || s[j] == 'X')
	if hex {
		j++
	}
	start := j
	for j < len(s) && isDigit(s[j], hex) {
		if j-start >= 8 {
			return "", 0 // absurdly long: leave it as text
		}
		j++
	}
	if j == start {
		return "", 0
	}
	semi := j < len(s) && s[j] == ';'
	if !semi && !legacy {
		return "", 0
	}
	ref := string(s[:j]) + ";"
	d := html.UnescapeString(ref)
	if d == ref {
		return "", 0
	}
	if semi {
		j++
	}
	return d, j
}

func isDigit(r rune, hex bool) bool {
	if r >= '0' && r <= '9' {
		return true
	}
	return hex && (r|0x20 >= 'a' && r|0x20 <= 'f')
}
