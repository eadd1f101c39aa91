package extract

import (
	"unicode/utf8"

	"github.com/policymetrics/policymetrics/extract/lexicon"
)

// The rules that read the words right before a figure (asidePlace, capBefore,
// distantQualifier, changeOf) each scan up to 16 runes back with a word list of their own,
// and most figures have none of their words there. One pass over those runes with a table
// of each rule's trigger runes (the last runes of its words, the brackets) tells the rules
// that cannot find anything: they are then not asked.

// The rules' bits in triggerRunes.
const (
	triggerBracket uint8 = 1 << iota // ( ) （ ）: asideOpen's
	triggerCap                       // the last runes of capWords: capBefore's
	triggerBound                     // the last runes of boundWords: distantQualifier's
	triggerChange                    // the last runes of the change words: changeBefore's
)

// triggerRunes holds the bits of the rules a rune may trigger, by its low 16 bits: a rune
// past the BMP (or a negative one) shares the entry of another, which may only make a rule
// asked in vain, never passed over.
var triggerRunes [1 << 16]uint8

func init() {
	t := &triggerRunes
	for _, r := range "()（）" {
		t[uint16(r)] |= triggerBracket
	}
	lasts := func(bit uint8, sets ...*lexicon.Set) {
		for _, s := range sets {
			for _, w := range s.Words() {
				r, _ := utf8.DecodeLastRuneInString(w)
				t[uint16(r)] |= bit
			}
		}
	}
	lasts(triggerCap, capWords)
	lasts(triggerBound, boundWords)
	lasts(triggerChange, increaseWords, decreaseWords, increaseDirect, decreaseDirect)
	if maxBoundVerb+1 > changeWindow {
		panic("extract: a bound verb reaching past the scan before a figure")
	}
}

// maxBoundVerb is the longest bound verb between a cap word and the qualifier it governs
// (最高奖补500万元): capBefore's cap word ends at most that far before the qualifier.
var maxBoundVerb = maxRunes(boundVerbs.Words())

// triggers are the rules' bits found in a[lo:end], end the figure's start. whole tells a
// scan that reached changeWindow before the figure's qualifier: every rule's reach for the
// figure lies inside it (see each guard), and a rule with no bit is told without a look at
// its reach.
type triggers struct {
	lo    int
	bits  uint8
	whole bool
}

// triggersBefore reads the runes before the figure at a[start] whose qualifier starts at
// qs (start when none), back to changeWindow before qs, the farthest any rule looks but the
// ones that run to the clause's start, and not before the sentence.
func triggersBefore(a []rune, senStart, qs, start int) triggers {
	lo := max(senStart, qs-changeWindow, 0)
	var bits uint8
	end := start
	if end-lo >= changeWindow { // most figures: the last 16 runes, read without a loop's tests
		bits = triggers16((*[changeWindow]rune)(a[end-changeWindow : end]))
		end -= changeWindow
	}
	if end-lo >= 8 { // most figures near the sentence's start
		bits |= triggers8((*[8]rune)(a[end-8 : end]))
		end -= 8
	}
	for _, r := range a[lo:end] {
		bits |= triggerRunes[uint16(r)]
	}
	return triggers{lo, bits, lo == qs-changeWindow}
}

// triggers16 is the bits of the 16 runes of w.
func triggers16(w *[changeWindow]rune) uint8 {
	t := &triggerRunes
	return t[uint16(w[0])] | t[uint16(w[1])] | t[uint16(w[2])] | t[uint16(w[3])] |
		t[uint16(w[4])] | t[uint16(w[5])] | t[uint16(w[6])] | t[uint16(w[7])] |
		t[uint16(w[8])] | t[uint16(w[9])] | t[uint16(w[10])] | t[uint16(w[11])] |
		t[uint16(w[12])] | t[uint16(w[13])] | t[uint16(w[14])] | t[uint16(w[15])]
}

// triggers8 is the bits of the 8 runes of w.
func triggers8(w *[8]rune) uint8 {
	t := &triggerRunes
	return t[uint16(w[0])] | t[uint16(w[1])] | t[uint16(w[2])] | t[uint16(w[3])] |
		t[uint16(w[4])] | t[uint16(w[5])] | t[uint16(w[6])] | t[uint16(w[7])]
}

// mayAside is false when asidePlace(a, senStart, start) is "": asideOpen reads
// a[max(senStart, start-maxCapReach):start], always inside the scan.
func (t triggers) mayAside() bool {
	return t.bits&triggerBracket != 0
}

// mayCap is false when capBefore(a, lb, start, qs) is -1: every cap word it accepts ends
// before start and no farther back than a bound verb before the qualifier (qs-1-maxBoundVerb)
// or, after a 的, than its reach (qs-maxCapReach); both inside a whole scan.
func (t triggers) mayCap(a []rune, lb, qs int) bool {
	if t.bits&triggerCap != 0 || t.whole {
		return t.bits&triggerCap != 0
	}
	from := qs - 1 - maxBoundVerb
	if qs > lb && qs > 0 && a[qs-1] == '的' {
		from = min(from, max(lb, qs-maxCapReach))
	}
	return from < t.lo
}

// mayBound is false when distantQualifier(a, lb, start) is NoQualifier: without a 的 right
// before the number only a bound word wholly in a[max(lb, start-distantQualifierWindow):start]
// gives one, inside a whole scan.
func (t triggers) mayBound(a []rune, lb, start int) bool {
	if start > 1 && a[start-1] == '的' {
		return true // 约为全国平均的70%: the share rule reads qualifiers, not bound words
	}
	if t.bits&triggerBound != 0 || t.whole {
		return t.bits&triggerBound != 0
	}
	return max(lb, start-distantQualifierWindow) < t.lo
}

// mayChange is false when changeOf(a, clauseFrom, start, qs) is "", for the figure's own
// start and qs: every change word changeBefore accepts ends in a[min(from, numStart-1):numStart],
// as it reads them, and numStart is qs or start: inside a whole scan.
func (t triggers) mayChange(clauseFrom, start, qs int) bool {
	if t.bits&triggerChange != 0 || t.whole {
		return t.bits&triggerChange != 0
	}
	numStart := start
	if qs < start && qs >= clauseFrom {
		numStart = qs
	}
	from := max(clauseFrom, numStart-changeWindow)
	return min(from, numStart-1) < t.lo
}
