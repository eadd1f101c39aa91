package concept

import (
	"bufio"
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

//go:embed data/modifiers.txt
var modifiersData string

// wordList finds the words of a family at the start or end of a phrase, longest first.
type wordList struct {
	byFirst map[rune][]string
	byLast  map[rune][]string
}

func newWordList(words []string) wordList {
	wl := wordList{byFirst: map[rune][]string{}, byLast: map[rune][]string{}}
	for _, w := range words {
		first, _ := utf8.DecodeRuneInString(w)
		last, _ := utf8.DecodeLastRuneInString(w)
		wl.byFirst[first] = append(wl.byFirst[first], w)
		wl.byLast[last] = append(wl.byLast[last], w)
	}
	for _, m := range []map[rune][]string{wl.byFirst, wl.byLast} {
		for _, ws := range m {
			sort.SliceStable(ws, func(i, j int) bool { return len(ws[i]) > len(ws[j]) })
		}
	}
	return wl
}

// prefix returns the longest word s starts with, or "".
func (wl wordList) prefix(s string) string {
	first, _ := utf8.DecodeRuneInString(s)
	for _, w := range wl.byFirst[first] {
		if strings.HasPrefix(s, w) {
			return w
		}
	}
	return ""
}

// suffix returns the longest word s ends with, or "".
func (wl wordList) suffix(s string) string {
	last, _ := utf8.DecodeLastRuneInString(s)
	for _, w := range wl.byLast[last] {
		if strings.HasSuffix(s, w) {
			return w
		}
	}
	return ""
}

type modifiers struct {
	scope, region, time, verb, breakdown, trailing, notPlace, asideOpeners wordList
	placeSuffix                                                            []string   // longest first
	suffixFirst                                                            firstRunes // of placeSuffix
}

// firstRunes is the set of runes words start with, for a look before the words are tried.
type firstRunes [1 << 16 / 64]uint64

func (f *firstRunes) add(w string) {
	r, _ := utf8.DecodeRuneInString(w)
	if r < 1<<16 {
		f[r>>6] |= 1 << (r & 63)
	}
}

// mayStart reports whether a word may start with r: false only for a rune no word
// starts with (beyond the Basic Multilingual Plane, any may).
func (f *firstRunes) mayStart(r rune) bool {
	return r >= 1<<16 || f[r>>6]&(1<<(r&63)) != 0
}

var mods = mustLoadModifiers()

func mustLoadModifiers() *modifiers {
	sections, err := readSections(modifiersData)
	if err != nil {
		panic("concept: bad modifiers.txt: " + err.Error())
	}
	m := &modifiers{
		scope:  newWordList(sections["scope"]),
		region: newWordList(sections["region"]),
		time:   newWordList(sections["time"]),
		verb:   newWordList(sections["verb"]),

		breakdown: newWordList(sections["breakdown"]),
		trailing:  newWordList(sections["trailing"]),
		notPlace:  newWordList(sections["not-place"]),

		asideOpeners: newWordList(sections["aside-openers"]),
	}
	m.placeSuffix = sections["place-suffix"]
	sort.SliceStable(m.placeSuffix, func(i, j int) bool { return len(m.placeSuffix[i]) > len(m.placeSuffix[j]) })
	for _, suf := range m.placeSuffix {
		m.suffixFirst.add(suf)
	}
	return m
}

// readSections reads `[name]` sections of space-separated words.
func readSections(data string) (map[string][]string, error) {
	out := map[string][]string{}
	section := ""
	sc := bufio.NewScanner(strings.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			section = line[1 : len(line)-1]
		case section == "":
			return nil, fmt.Errorf("line %d: words before the first [section]", n)
		default:
			out[section] = append(out[section], strings.Fields(line)...)
		}
	}
	return out, sc.Err()
}

// Place names are short: a suffix further in than this ends no place (六大高耗能行业 …).
const maxPlaceName = 10

// StripPlace cuts the place words off the front of an indicator phrase: scope words for
// the document's own area (全省, 我市: dropped, they name no other area), regions (全国,
// 长三角, 河南) and names with a place suffix (郑州市, 伊州区, 黔东南苗族侗族自治州). place
// is the regions and names as written, in order (河南省郑州市); rest is what follows. It
// reads words, not a gazetteer: a name without suffix other than a region (郑州) stays.
func StripPlace(phrase string) (place, rest string) {
	rest = phrase
	start := -1
	for {
		if w := mods.scope.prefix(rest); w != "" && len(w) < len(rest) {
			if start >= 0 { // a scope word after a place ends the place
				break
			}
			rest = rest[len(w):]
			continue
		}
		if w := mods.time.prefix(rest); w != "" && len(w) < len(rest) && start < 0 {
			rest = rest[len(w):] // 年末自治州…: a time word, then the area's own scope
			continue
		}
		n := placeAt(rest)
		if n == 0 || n == len(rest) {
			break
		}
		if start < 0 {
			start = len(phrase) - len(rest)
		}
		rest = rest[n:]
	}
	if start < 0 {
		return "", rest
	}
	return phrase[start : len(phrase)-len(rest)], rest
}

// placeAt returns the byte length of the region or place name s starts with, or 0.
func placeAt(s string) int {
	if w := mods.region.prefix(s); w != "" {
		return len(w) + placeSuffixLen(s[len(w):]) // 河南省, 北京市
	}
	return placeNameLen(s)
}

func placeSuffixLen(s string) int {
	for _, suf := range mods.placeSuffix {
		if strings.HasPrefix(s, suf) {
			return len(suf)
		}
	}
	return 0
}

// placeNameLen finds a place suffix after two to maxPlaceName characters.
func placeNameLen(s string) int {
	runes := 0
	for i, r := range s {
		if runes >= 2 && mods.suffixFirst.mayStart(r) {
			for _, suf := range mods.placeSuffix {
				if strings.HasPrefix(s[i:], suf) {
					name := s[:i+len(suf)]
					if mods.notPlace.suffix(name) != "" || holdsScope(name) {
						return 0
					}
					return len(name)
				}
			}
		}
		runes++
		if runes > maxPlaceName {
			break
		}
	}
	return 0
}

// holdsScope reports whether a place candidate has a scope word after its start, which no
// name has (拉动全市).
func holdsScope(name string) bool {
	for i := range name {
		if i == 0 {
			continue
		}
		// 自治州 is a scope word and a suffix: 黔东南苗族侗族自治州 is a name.
		if w := mods.scope.prefix(name[i:]); w != "" && placeSuffixLen(w) != len(w) {
			return true
		}
	}
	return false
}

// stripLead drops one place, scope, time word, year or report verb from the front of s.
func stripLead(s string) string {
	for _, wl := range []*wordList{&mods.time, &mods.verb, &mods.breakdown} {
		if w := wl.prefix(s); w != "" {
			return s[len(w):]
		}
	}
	if n := yearLen(s); n > 0 {
		return s[n:]
	}
	if w := mods.scope.prefix(s); w != "" {
		return s[len(w):]
	}
	return s[placeAt(s):]
}

// yearLen is the length of a leading year word: 2025年.
func yearLen(s string) int {
	i := 0
	for i < len(s) && i < 4 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 4 && strings.HasPrefix(s[i:], "年") {
		return i + len("年")
	}
	return 0
}

// stripTrail drops one measure word, a closing parenthesis (地区生产总值(GDP)) or a
// footnote mark (地区生产总值[2]) from the end of s.
func stripTrail(s string) string {
	if w := mods.trailing.suffix(s); w != "" {
		return s[:len(s)-len(w)]
	}
	for _, p := range [][2]string{{"(", ")"}, {"（", "）"}, {"[", "]"}} {
		if strings.HasSuffix(s, p[1]) {
			if i := strings.LastIndex(s, p[0]); i > 0 {
				return s[:i]
			}
		}
	}
	return s
}

// PlaceStem drops a place name's suffix (河南省 → 河南, 昌吉回族自治州 → 昌吉回族), so
// that two names of one place can be compared.
func PlaceStem(name string) string {
	for _, suf := range mods.placeSuffix {
		if t, ok := strings.CutSuffix(name, suf); ok && t != "" {
			return t
		}
	}
	return name
}
