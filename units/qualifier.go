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
// are not qualifiers.
func QualifierBefore(s []rune, i int) (Qualifier, int) {
	for n := min(lex.maxQual, i); n >= 1; n-- {
		// Longest first, so a blocking word (最近) is found before its tail (近).
		if q, ok := lex.qualBefore[string(s[i-n:i])]; ok {
			if q == NoQualifier {
				return NoQualifier, i
			}
			return q, i - n
		}
	}
	return NoQualifier, i
}

// QualifierAfter returns the qualifier word that starts at s[j] (左右 in 65亿元左右), and
// where it ends.
func QualifierAfter(s []rune, j int) (Qualifier, int) {
	for n := min(lex.maxQual, len(s)-j); n >= 1; n-- {
		if q, ok := lex.qualAfter[string(s[j:j+n])]; ok && q != NoQualifier {
			return q, j + n
		}
	}
	return NoQualifier, j
}
