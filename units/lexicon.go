package units

import (
	"bufio"
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The lexicons are data: commented text files embedded at build time, read once into
// immutable indexes.

//go:embed data/units.txt
var unitsData string

//go:embed data/nonunits.txt
var nonunitsData string

//go:embed data/qualifiers.txt
var qualifiersData string

//go:embed data/idioms.txt
var idiomsData string

//go:embed data/fractions.txt
var fractionsData string

// unitForm is one written form of a unit.
type unitForm struct {
	form      []rune
	raw       string // form as a string: a match's RawUnit, without converting it per match
	canonical string
	factor    int64 // value multiplier (成 = 10); 1 for most
	// scaledOnly: a unit only after a scale word (22亿方, but not 3方合作): a form written
	// with a trailing ^ in units.txt.
	scaledOnly bool
	second     rune // form[1], or -1 for a form of one rune
}

// fraction is a unit written before its number: 百分之, 千分之, 万分之.
type fraction struct {
	prefix    []rune
	canonical string
}

// wordIndex finds words of a lexicon starting at a position, longest first.
type wordIndex struct {
	byFirst runeTable[[][]rune]
	pairs   pairSet // every two runes that stand side by side in a word
}

func (ix *wordIndex) add(w string) {
	rs := []rune(w)
	if len(rs) == 0 {
		return
	}
	ws := ix.byFirst.at(rs[0])
	*ws = append(*ws, rs)
	for k := 1; k < len(rs); k++ {
		ix.pairs.add(rs[k-1], rs[k])
	}
}

// longerAt reports whether the longest word starting at s[i] is longer than n (n > 0)
// runes. Such a word goes on past s[i+n-1] into s[i+n]: where no word has those two runes
// side by side (most text), one look at the pairs tells, not a walk through the words.
func (ix *wordIndex) longerAt(s []rune, i, n int) bool {
	if i+n >= len(s) || !ix.pairs.has(s[i+n-1], s[i+n]) {
		return false
	}
	return ix.longestAt(s, i) > n
}

// pairSet is a set of rune pairs hashed into bits: has may say yes for a pair never
// added, never no for one added.
type pairSet [1 << 16 / 64]uint64

func pairHash(a, b rune) uint32 { return (uint32(a)*31 + uint32(b)) & (1<<16 - 1) }

func (p *pairSet) add(a, b rune) { h := pairHash(a, b); p[h/64] |= 1 << (h % 64) }

func (p *pairSet) has(a, b rune) bool { h := pairHash(a, b); return p[h/64]&(1<<(h%64)) != 0 }

func (ix *wordIndex) sortLongestFirst() {
	ix.byFirst.values(func(ws *[][]rune) {
		sort.SliceStable(*ws, func(i, j int) bool { return len((*ws)[i]) > len((*ws)[j]) })
	})
}

// longestAt returns the length of the longest word starting at s[i], or 0.
func (ix *wordIndex) longestAt(s []rune, i int) int {
	if i >= len(s) {
		return 0
	}
	for _, w := range ix.byFirst.get(s[i]) {
		if hasPrefixAt(s, i, w) {
			return len(w)
		}
	}
	return 0
}

func hasPrefixAt(s []rune, i int, w []rune) bool {
	if i < 0 || i+len(w) > len(s) {
		return false
	}
	for k, r := range w {
		if s[i+k] != r {
			return false
		}
	}
	return true
}

type lexicon struct {
	units      runeTable[[]unitForm] // by first rune, longest form first
	canonical  map[string]bool
	nonunits   wordIndex
	qualBefore map[string]Qualifier // "" value: a word that blocks a qualifier reading
	qualAfter  map[string]Qualifier
	qualInner  runeTable[Qualifier] // 多, 余, 几 inside a mention
	fractions  []fraction
	// fractionFirst holds the first runes of the fractions' prefixes (two runes or more),
	// fractionSecond their second.
	fractionFirst, fractionSecond runeBits
	maxQual                       int
	// The same words indexed for allocation-free lookups, longest first.
	qualBeforeByLast runeTable[[]qualWord]
	qualAfterByFirst runeTable[[]qualWord]
	idioms           runeTable[[]idiomPos] // by the rune at pos
	// The same idioms by the rune after pos and then the rune at pos, and those whose
	// numeral at pos is their last rune by that rune: a common numeral is in scores of
	// idioms (一 in 84), of which the next rune leaves one or two. Most runes after a
	// numeral follow it in no idiom, which the table tells by one load, without hashing.
	idiomsByNext runeTable[[]idiomGroup]
	idiomsLast   runeTable[[]idiomPos]
}

// idiomGroup is the idioms with r at pos, of those indexed by the rune after it.
type idiomGroup struct {
	r   rune
	ips []idiomPos
}

type qualWord struct {
	word []rune
	q    Qualifier
	prev rune // the rune before word's last; -1 for a word of one rune
}

type idiomPos struct {
	word  []rune
	pos   int
	order int // its index in idioms' list for the rune at pos: of two as long, the first wins
}

// idiomsAt returns the idioms with r at pos and next after it (not at its end).
func (l *lexicon) idiomsAt(r, next rune) []idiomPos {
	for _, g := range l.idiomsByNext.get(next) {
		if g.r == r {
			return g.ips
		}
	}
	return nil
}

var lex = mustLoadLexicon()

// dataLines yields the non-comment, non-blank lines of a lexicon file.
func dataLines(data string, fn func(line string) error) error {
	sc := bufio.NewScanner(strings.NewReader(data))
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(line); err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
	}
	return sc.Err()
}

func mustLoadLexicon() *lexicon {
	l, err := loadLexicon()
	if err != nil {
		panic("units: bad embedded lexicon: " + err.Error())
	}
	return l
}

func loadLexicon() (*lexicon, error) {
	l := &lexicon{
		canonical:  map[string]bool{},
		qualBefore: map[string]Qualifier{},
		qualAfter:  map[string]Qualifier{},
	}
	err := dataLines(unitsData, func(line string) error {
		fields := strings.Fields(line)
		canon := strings.TrimSuffix(fields[0], "^")
		l.canonical[canon] = true
		for _, f := range fields {
			u, err := parseUnitForm(f, canon)
			if err != nil {
				return err
			}
			fs := l.units.at(u.form[0])
			*fs = append(*fs, u)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("units.txt: %w", err)
	}
	l.units.values(func(fs *[]unitForm) {
		sort.SliceStable(*fs, func(i, j int) bool { return len((*fs)[i].form) > len((*fs)[j].form) })
	})
	if err := dataLines(nonunitsData, func(line string) error {
		for _, w := range strings.Fields(line) {
			l.nonunits.add(w)
		}
		return nil
	}); err != nil {
		return nil, fmt.Errorf("nonunits.txt: %w", err)
	}
	l.nonunits.sortLongestFirst()
	if err := dataLines(qualifiersData, func(line string) error {
		parts := strings.Split(line, "\t")
		if len(parts) != 3 {
			return fmt.Errorf("want qualifier<TAB>side<TAB>words")
		}
		q := Qualifier(parts[0])
		if q == "none" {
			q = ""
		} else if q != Approx && q != Over && q != Under {
			return fmt.Errorf("unknown qualifier %q", parts[0])
		}
		m := l.qualBefore
		switch parts[1] {
		case "before":
		case "after":
			m = l.qualAfter
		case "inner":
			for _, r := range strings.Join(strings.Fields(parts[2]), "") {
				*l.qualInner.at(r) = q
			}
			return nil
		default:
			return fmt.Errorf("side must be before, after or inner, not %q", parts[1])
		}
		for _, w := range strings.Fields(parts[2]) {
			m[w] = q
			l.maxQual = max(l.maxQual, len([]rune(w)))
		}
		return nil
	}); err != nil {
		return nil, fmt.Errorf("qualifiers.txt: %w", err)
	}
	for w, q := range l.qualBefore {
		rs := []rune(w)
		ws := l.qualBeforeByLast.at(rs[len(rs)-1])
		prev := rune(-1)
		if len(rs) > 1 {
			prev = rs[len(rs)-2]
		}
		*ws = append(*ws, qualWord{rs, q, prev})
	}
	for w, q := range l.qualAfter {
		rs := []rune(w)
		ws := l.qualAfterByFirst.at(rs[0])
		*ws = append(*ws, qualWord{word: rs, q: q})
	}
	for _, t := range []*runeTable[[]qualWord]{&l.qualBeforeByLast, &l.qualAfterByFirst} {
		t.values(func(p *[]qualWord) {
			ws := *p
			sort.Slice(ws, func(i, j int) bool {
				if len(ws[i].word) != len(ws[j].word) {
					return len(ws[i].word) > len(ws[j].word)
				}
				return string(ws[i].word) < string(ws[j].word)
			})
		})
	}
	if err := dataLines(fractionsData, func(line string) error {
		unit, prefixes, ok := strings.Cut(line, "\t")
		if !ok {
			return fmt.Errorf("want unit<TAB>prefixes")
		}
		for _, p := range strings.Fields(prefixes) {
			l.fractions = append(l.fractions, fraction{prefix: []rune(p), canonical: unit})
			rs := []rune(p)
			l.fractionFirst.add(rs[0])
			if len(rs) < 2 {
				return fmt.Errorf("a fraction's prefix of one rune: %q", p)
			}
			l.fractionSecond.add(rs[1])
		}
		return nil
	}); err != nil {
		return nil, fmt.Errorf("fractions.txt: %w", err)
	}
	if err := dataLines(idiomsData, func(line string) error {
		for _, w := range strings.Fields(line) {
			rs := []rune(w)
			for p, r := range rs {
				if IsChineseNumeral(r) {
					ips := l.idioms.at(r)
					*ips = append(*ips, idiomPos{word: rs, pos: p})
				}
			}
		}
		return nil
	}); err != nil {
		return nil, fmt.Errorf("idioms.txt: %w", err)
	}
	l.idioms.values(func(ips *[]idiomPos) {
		for k, ip := range *ips {
			ip.order = k
			r := ip.word[ip.pos]
			if ip.pos+1 == len(ip.word) {
				*l.idiomsLast.at(r) = append(*l.idiomsLast.at(r), ip)
				continue
			}
			l.addIdiomAt(r, ip.word[ip.pos+1], ip)
		}
	})
	return l, nil
}

// addIdiomAt adds ip to the idioms with r at its pos and next after it.
func (l *lexicon) addIdiomAt(r, next rune, ip idiomPos) {
	gs := l.idiomsByNext.at(next)
	for k := range *gs {
		if (*gs)[k].r == r {
			(*gs)[k].ips = append((*gs)[k].ips, ip)
			return
		}
	}
	*gs = append(*gs, idiomGroup{r: r, ips: []idiomPos{ip}})
}

// parseUnitForm reads one form of units.txt: 个, 成*10, 方^.
func parseUnitForm(f, canon string) (unitForm, error) {
	u := unitForm{canonical: canon, factor: 1}
	if g, ok := strings.CutSuffix(f, "^"); ok && g != "" {
		f, u.scaledOnly = g, true
	}
	if i := strings.IndexByte(f, '*'); i > 0 {
		k, err := strconv.ParseInt(f[i+1:], 10, 64)
		if err != nil {
			return u, fmt.Errorf("bad factor in %q", f)
		}
		f, u.factor = f[:i], k
	}
	u.form, u.raw = []rune(f), f
	u.second = -1
	if len(u.form) > 1 {
		u.second = u.form[1]
	}
	return u, nil
}

// unitAt returns the longest unit form starting at s[i] that is not the start of a longer
// non-unit word (6部门, 3成员). The form is the lexicon's own, not a copy: it is asked at
// every number, and a form is several words long.
func unitAt(s []rune, i int) (*unitForm, bool) {
	if i >= len(s) {
		return nil, false
	}
	forms := lex.units.get(s[i])
	next := rune(-1) // the rune after s[i], told against each form's second before reading it
	if i+1 < len(s) {
		next = s[i+1]
	}
	for k := range forms {
		f := &forms[k]
		if f.second != next && f.second >= 0 {
			continue // 万元 at 万人, 个百分点 at 个月: most longer forms differ already there
		}
		if hasPrefixAt(s, i, f.form) {
			if lex.nonunits.longerAt(s, i, len(f.form)) {
				// 200所以上: a bound word after the unit (以上) wins over the word its first
				// character would make with the unit's (所以).
				if q, _ := QualifierAfter(s, i+len(f.form)); q == NoQualifier {
					return nil, false
				}
			}
			// An ASCII unit (P, PF) must end where its word ends: 5PPP is not 5 P.
			if end := i + len(f.form); end < len(s) && isASCIIAlnum(f.form[len(f.form)-1]) && isASCIIAlnum(s[end]) {
				continue
			}
			return f, true
		}
	}
	return nil, false
}

func isASCIIAlnum(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

// IsCanonicalUnit reports whether u is a canonical unit of the lexicon (or a compound
// rate of two, 元/人, which may be per a span of time in turn, 元/人/月).
func IsCanonicalUnit(u string) bool {
	if lex.canonical[u] {
		return true
	}
	if i := strings.LastIndexByte(u, '/'); i > 0 && strings.Count(u, "/") == 2 {
		last := u[i+1:]
		u = u[:i]
		mid := u[strings.LastIndexByte(u, '/')+1:]
		if isRateSpan(last) == isRateSpan(mid) || !isRateSpan(last) && !isHead(last) {
			return false // 元/人/月 and 元/月/人, not 元/人/户
		}
	}
	a, b, ok := strings.Cut(u, "/")
	if !ok || !lex.canonical[a] {
		return false
	}
	if lex.canonical[b] {
		return true
	}
	if r, size := utf8.DecodeRuneInString(b); (r == '百' || r == '千' || r == '万') && perScaledUnits[b[size:]] {
		return true // 吨标准煤/万元, 人/万辆: per ten thousand of them
	}
	for _, c := range perOnlyUnits {
		if c == b {
			return true
		}
	}
	return false
}

// IdiomAt reports whether s[i] is covered by an idiom made of numeral characters
// (一批, 千方百计, 四个全面), and if so the idiom's span.
func IdiomAt(s []rune, i int) (start, end int, ok bool) {
	if i < 0 || i >= len(s) {
		return 0, 0, false
	}
	var b idiomMatch
	b.try(s, i, lex.idiomsLast.get(s[i]))
	if i+1 < len(s) {
		b.try(s, i, lex.idiomsAt(s[i], s[i+1]))
	}
	return b.start, b.end, b.len > 0
}

// idiomMatch is the longest idiom found covering a rune, the first of idioms' list among
// those as long.
type idiomMatch struct{ start, end, len, order int }

func (b *idiomMatch) try(s []rune, i int, ips []idiomPos) {
	for _, ip := range ips {
		n := len(ip.word)
		if n < b.len || n == b.len && ip.order > b.order {
			continue
		}
		if hasPrefixAt(s, i-ip.pos, ip.word) && !insideNumeral(s, i-ip.pos, ip.word) {
			b.start, b.end, b.len, b.order = i-ip.pos, i-ip.pos+n, n, ip.order
		}
	}
}

// insideNumeral reports an idiom that is part of a longer numeral: 万一 in 一百零一万一千
// (a digit before it) and 之一 in 百分之一, 千分之一 (a fraction word before it).
func insideNumeral(s []rune, start int, word []rune) bool {
	k := start - 1
	for k >= 0 && isSpace(s[k]) {
		k--
	}
	if k < 0 {
		return false
	}
	prev := s[k]
	if word[0] == '之' {
		return prev == '分'
	}
	for _, r := range word {
		if !IsChineseNumeral(r) {
			return false
		}
	}
	_, arabic := ArabicDigit(prev)
	return arabic || isChineseDigit(prev) || isSmallUnit(prev)
}
