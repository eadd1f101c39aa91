package extract

// stopWordTail packs the bytes table t holds for the runes of w, eight or fewer, into one
// word, the first rune's the lowest: the last step of the scans that read a table's bytes
// eight runes at a time (nextNumberStart, nextTimeOrGoalStart), whose full steps write the
// eight loads out (a function of them is not inlined).
func stopWordTail(t *[0x10000]uint8, w []rune) uint64 {
	var x uint64
	for n, r := range w {
		x |= uint64(t[uint16(r)]) << (n * 8)
	}
	return x
}
