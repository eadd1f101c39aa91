package units

// Qualifier says how the stated number bounds the true value (SPEC.md §1).
type Qualifier string

const (
	NoQualifier Qualifier = ""
	Approx      Qualifier = "approx" // 约, 近, 左右
	Over        Qualifier = "over"   // 超过, 以上, 多, 余
	Under       Qualifier = "under"  // 不到, 以下, 最高
)

// QualifierBefore returns the qualifier word that ends right before s[i] (约 in 约300人),
// and where that word starts. Words that merely end in a qualifier character (最近, 附近)
// are not qualifiers. Most runes end no such word: one bit of qualEnds tells them.
func QualifierBefore(s []rune, i int) (Qualifier, int) {
	if i > 0 && i <= len(s) && qualEnds.has(s[i-1]) {
		return qualifierBefore(s, i)
	}
	return NoQualifier, i
}

// qualEnds holds the last runes of the words of qualBeforeByLast.
var qualEnds = makeQualEnds()

func makeQualEnds() (b runeBits) {
	for _, e := range lex.qualBeforeByLast.entries {
		b.add(e.r)
	}
	return b
}

// qualifierBefore is QualifierBefore for 0 < i <= len(s).
func qualifierBefore(s []rune, i int) (Qualifier, int) {
	prev := rune(-1) // the rune before the last, told against each word's before reading it
	if i >= 2 {
		prev = s[i-2]
	}
	// Longest first, so a blocking word (最近) is found before its tail (近).
	for _, w := range lex.qualBeforeByLast.get(s[i-1]) {
		if len(w.word) > 1 && w.prev != prev {
			continue // most words ending in 近, 约, 于 differ already there
		}
		if i-len(w.word) >= 0 && hasPrefixAt(s, i-len(w.word), w.word) {
			if w.q == NoQualifier {
				return NoQualifier, i
			}
			return w.q, i - len(w.word)
		}
	}
	return NoQualifier, i
}

// QualifierAfter returns the qualifier word that starts at s[j] (左右 in 65亿元左右), and
// where it ends.
func QualifierAfter(s []rune, j int) (Qualifier, int) {
	if j < 0 || j >= len(s) {
		return NoQualifier, j
	}
	for _, w := range lex.qualAfterByFirst.get(s[j]) {
		if w.q != NoQualifier && hasPrefixAt(s, j, w.word) {
			return w.q, j + len(w.word)
		}
	}
	return NoQualifier, j
}
