package units

// runeFilter answers "is r maybe a key?" for a map keyed by rune, without hashing: a
// text's runes are mostly no key of a lexicon index, and a bit says so in one load. A set
// bit is only a maybe (runes share bits); the map decides.
type runeFilter [64]uint64 // 4096 bits

func (f *runeFilter) add(r rune) {
	h := uint32(r) & 4095
	f[h>>6] |= 1 << (h & 63)
}

func (f *runeFilter) has(r rune) bool {
	h := uint32(r) & 4095
	return f[h>>6]&(1<<(h&63)) != 0
}

// filterOf returns the filter of a rune-keyed map's keys.
func filterOf[V any](m map[rune]V) *runeFilter {
	var f runeFilter
	for r := range m {
		f.add(r)
	}
	return &f
}
