package decode

import (
	"encoding/binary"
	"unicode/utf8"

	"github.com/policymetrics/policymetrics/extract/internal/cjk"
)

// scanSpans reads data once for what detect and isBinary need of valid UTF-8: whether it
// is valid, and whether it reads as binary (isBinary). It replaces utf8.Valid followed by
// isBinary, two passes over every document; most documents are valid UTF-8, mostly
// three-byte characters, which it takes four or two at a time without a call. It also
// calls visit (nil: none), in order, with spans [from, to) of data that together hold
// every byte outside three-byte characters: the runs of bytes it reads outside its loops
// for three-byte characters (ViewSpans), one call a run (two spans are never adjacent).
// On invalid data it stops with some spans seen.
func scanSpans(data []byte, visit func(from, to int)) (valid, binaryText bool) {
	// ctrl counts the control bytes no text has, plus nulSeen once a NUL is read: one
	// variable, not two, leaves the fast loops a register. A uint64, so that the flag fits
	// on 32-bit systems too.
	var ctrl uint64
	n := len(data)
	// run starts the bytes read one at a time since the last three-byte character passed
	// over: a span is shown when a three-byte character ends it, not at each byte or word,
	// as digits, spaces and punctuation come a few at a time.
	run := 0
	for i := 0; i < n; {
		// Four three-byte characters (most of Chinese) a step, read as two words, while
		// they come in a row, then two: a step's slicing and bounds checks cost as much as a word's test.
		// The four leads are tested together; E0 and ED leads go to the two-character step.
		// They are read from the rest of data, which its length bounds: no check a step.
		// A run ends at two three-byte characters (the loops' first step), shown before
		// the loops: run is then not live in them, which keeps their registers.
		if rest := data[i:]; len(rest) >= 8 && cjk.ThreeByteRunes(binary.LittleEndian.Uint64(rest)) {
			if visit != nil && run < i {
				visit(run, i)
			}
			for len(rest) >= 14 && fourHanRunes(binary.LittleEndian.Uint64(rest), binary.LittleEndian.Uint64(rest[6:])) {
				rest = rest[12:]
			}
			for len(rest) >= 8 && cjk.ThreeByteRunes(binary.LittleEndian.Uint64(rest)) {
				rest = rest[6:]
			}
			i = n - len(rest)
			run = i
			if i >= n {
				break
			}
		}
		c := data[i]
		if c < utf8.RuneSelf {
			// Eight bytes at a time while they are ASCII and none is a control byte.
			if i+8 <= n {
				if w := binary.LittleEndian.Uint64(data[i:]); w&highBits == 0 && !controlWord(w) {
					i += 8
					continue
				}
			}
			if c < 0x20 || c == 0x7F {
				switch c {
				case 0:
					ctrl |= nulSeen
				case '\t', '\n', '\r', '\f', '\v':
				default:
					ctrl++
				}
			}
			i++
			continue
		}
		if c >= 0xE1 && c <= 0xEF && c != 0xED && i+2 < n && data[i+1]&0xC0 == 0x80 && data[i+2]&0xC0 == 0x80 {
			// A three-byte character with no range limit on its second byte.
			if visit != nil && run < i {
				visit(run, i)
			}
			i += 3
			run = i
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return false, false
		}
		i += size
	}
	if visit != nil && run < n {
		visit(run, n)
	}
	return true, binaryVerdict(ctrl&nulSeen != 0, int(ctrl&^nulSeen), func() int { return utf8.RuneCount(data) })
}

// nulSeen marks in scanSpans' count of control bytes that a NUL was read: far above any
// count of a text's bytes.
const nulSeen = 1 << 48

const highBits = 0x8080808080808080

// fourHanRunes reports whether the low six bytes of w0 and of w1 (read little-endian) are
// four three-byte characters whose lead is neither E0 nor ED: valid whatever their
// continuation bytes, so that their four leads are tested together (E0 and ED, the
// leads whose second byte has limits, are left to cjk.ThreeByteRunes; Chinese has
// neither).
func fourHanRunes(w0, w1 uint64) bool {
	const mask, want = 0xC0C0F0C0C0F0, 0x8080E08080E0
	if (w0&mask^want)|(w1&mask^want) != 0 {
		return false
	}
	// The leads' low nibbles, side by side: bits 0–7 and 24–31. A nibble that is 0
	// (E0) or, flipped by 0xD, becomes 0 (ED) sets its high bit in (v-1) &^ v; a
	// borrow out of a zero nibble only adds to a verdict already given.
	const ones, highs = 0x11000011, 0x88000088
	v := w0&0x0F00000F | w1&0x0F00000F<<4
	d := v ^ 0xDD0000DD
	return ((v-ones)&^v|(d-ones)&^d)&highs == 0
}

// controlWord reports a byte below 0x20 or equal to 0x7F among the eight bytes of w (all
// ASCII: bytes with the high bit set are not told apart).
func controlWord(w uint64) bool {
	const ones = 0x0101010101010101
	below := (w - ones*0x20) &^ w & highBits // a byte below 0x20
	del := w ^ ones*0x7F
	isDel := (del - ones) &^ del & highBits // a byte equal to 0x7F
	return below|isDel != 0
}

// binaryVerdict is isBinary's rule: a NUL, or more than two control bytes no text has and
// more than one in fifty characters (runes is asked only then).
func binaryVerdict(nul bool, ctrl int, runes func() int) bool {
	if nul {
		return true
	}
	if ctrl <= 2 {
		return false
	}
	return ctrl*50 > runes()
}
