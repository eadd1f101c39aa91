// Package cjk holds the rune helpers every stage of extraction shares: character classes,
// searches in rune slices, and the readers of years and small numbers in Chinese text.
package cjk

import (
	"math/bits"
	"slices"
	"unicode/utf8"
	"unsafe"
)

// IsDigit reports an ASCII digit (text is halfwidth after normalisation).
func IsDigit(r rune) bool { return r >= '0' && r <= '9' }

// IsHan reports a CJK ideograph (Extension A and the basic block).
func IsHan(r rune) bool { return r >= 0x3400 && r < 0xA000 }

// IsASCIILetter reports a to z and A to Z.
func IsASCIILetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// HanCount counts the ideographs of line.
func HanCount(line []rune) int {
	n := 0
	for _, r := range line {
		if IsHan(r) {
			n++
		}
	}
	return n
}

// TrimLeft drops the spaces, tabs and ideographic spaces at the start of r.
func TrimLeft(r []rune) []rune {
	for len(r) > 0 && (r[0] == ' ' || r[0] == '\t' || r[0] == '\u3000') {
		r = r[1:]
	}
	return r
}

// IndexRune returns the first k in [from, to) where a[k] is one of rs, or -1.
func IndexRune(a []rune, from, to int, rs ...rune) int {
	for k := from; k < to; k++ {
		for _, r := range rs {
			if a[k] == r {
				return k
			}
		}
	}
	return -1
}

// LastIndexRune returns the last k where a[k] is one of rs, or -1.
func LastIndexRune(a []rune, rs ...rune) int {
	for k := len(a) - 1; k >= 0; k-- {
		for _, r := range rs {
			if a[k] == r {
				return k
			}
		}
	}
	return -1
}

// MayStartYear reports the first digit of a year YearAt reads (1xxx, 2xxx): a scan's
// guard before it calls YearAt.
func MayStartYear(r rune) bool { return r == '1' || r == '2' }

// YearAt reads a four-digit year (1900-2199) at a[i] that is not part of a longer number,
// returning it and its length (4), or 0, 0.
func YearAt(a []rune, i int) (int, int) {
	if i+4 > len(a) || !MayStartYear(a[i]) || i > 0 && IsDigit(a[i-1]) {
		return 0, 0
	}
	y := 0
	for k := i; k < i+4; k++ {
		if !IsDigit(a[k]) {
			return 0, 0
		}
		y = y*10 + int(a[k]-'0')
	}
	if i+4 < len(a) && IsDigit(a[i+4]) {
		return 0, 0
	}
	if y < 1900 || y >= 2200 {
		return 0, 0
	}
	return y, 4
}

// SmallInt reads up to max digits at a[i], returning the value and the digits read.
func SmallInt(a []rune, i, max int) (int, int) {
	v, n := 0, 0
	for i+n < len(a) && n < max && IsDigit(a[i+n]) {
		v = v*10 + int(a[i+n]-'0')
		n++
	}
	return v, n
}

// runeCount counts the bytes of s that are no continuation byte (10xxxxxx), eight at a
// time: the runes of valid UTF-8, and a capacity for any.
func runeCount(s string) int {
	cont := 0
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		cont += bits.OnesCount64(w >> 7 &^ (w >> 6) & 0x0101010101010101) // bit 7 set, bit 6 clear
	}
	for ; i < len(s); i++ {
		if s[i]&0xC0 == 0x80 {
			cont++
		}
	}
	return len(s) - cont
}

// Runes returns the runes of s, as []rune(s) does, about three times as fast on Chinese
// text: a three-byte character is decoded inline. It is how a document read whole becomes
// runes (a chunk's go into a reused buffer: AppendRunes).
func Runes(s string) []rune { return appendRunesGrowing(nil, s) } // counted once, sized exactly

// AppendRunes appends the runes of s to dst, as Runes makes them: to reuse a buffer.
// With room in dst for len(s) runes (never fewer bytes than runes), the runes are written
// in place, with no count first and no growth check per rune: give a reused buffer that
// room once.
func AppendRunes(dst []rune, s string) []rune {
	if cap(dst)-len(dst) < len(s) {
		return appendRunesGrowing(dst, s)
	}
	// s and the room o shrink as runes are written: their lengths are what the compiler
	// needs to drop the bounds checks of the loads and stores. o ends with the room left.
	o := dst[len(dst) : len(dst)+len(s)]
	for len(s) > 0 && len(o) > 0 {
		// Two three-byte characters at once while they come in a row (most of Chinese),
		// read as one word.
		for len(s) >= 8 && len(o) > 2 { // o outlasts s (no fewer bytes than runes); > 2: o[2:] is never empty
			w := Word(s)
			if !ThreeByteForm(w) {
				break
			}
			// ThreeByteRunes's limits, tested on the runes decoded anyway: most Chinese
			// passes with one compare a rune.
			r := RunePair(w)
			r0, r1 := uint32(uint16(r)), uint32(uint16(r>>24))
			if !inThreeBytes(r0) || !inThreeBytes(r1) {
				break
			}
			o[0], o[1] = rune(r0), rune(r1)
			s, o = s[6:], o[2:]
		}
		if len(s) == 0 {
			break
		}
		c := s[0]
		switch {
		case c < utf8.RuneSelf:
			o[0] = rune(c)
			s = s[1:]
		case c >= 0xE1 && c <= 0xEF && c != 0xED && len(s) >= 3 && s[1]&0xC0 == 0x80 && s[2]&0xC0 == 0x80:
			// E1–EC, EE–EF lead three-byte characters whose continuation bytes may be any
			// (E0 and ED restrict theirs: overlong forms, surrogates).
			o[0] = rune(c&0x0F)<<12 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F)
			s = s[3:]
		default:
			r, n := utf8.DecodeRuneInString(s)
			o[0] = r
			s = s[n:]
		}
		o = o[1:]
	}
	return dst[:cap(dst)-cap(o)]
}

// AppendValidRunes is AppendRunes for s known to be valid UTF-8 (decode's text, and its
// slices at line breaks): a three-byte form is then a three-byte character, and its
// limits (overlong forms, surrogates) need no test. On invalid s its runes are
// unspecified, but it stays within dst's room.
func AppendValidRunes(dst []rune, s string) []rune {
	if cap(dst)-len(dst) < len(s) {
		return appendRunesGrowing(dst, s)
	}
	o := dst[len(dst) : len(dst)+len(s)] // as in AppendRunes: o ends with the room left
	for len(s) > 0 && len(o) > 0 {
		// Four three-byte characters a step, two words, while they come in a row (a
		// step's slicing costs as much as a word's test), then two.
		for len(s) >= 14 && len(o) > 4 {
			w0, w1 := Word(s), Word(s[6:])
			if !ThreeByteForm(w0) || !ThreeByteForm(w1) {
				break
			}
			r0, r1 := RunePair(w0), RunePair(w1)
			o[0], o[1], o[2], o[3] = rune(uint16(r0)), rune(uint16(r0>>24)), rune(uint16(r1)), rune(uint16(r1>>24))
			s, o = s[12:], o[4:]
		}
		for len(s) >= 8 && len(o) > 2 {
			w := Word(s)
			if !ThreeByteForm(w) {
				break
			}
			r := RunePair(w)
			o[0], o[1] = rune(uint16(r)), rune(uint16(r>>24))
			s, o = s[6:], o[2:]
		}
		if len(s) == 0 {
			break
		}
		c := s[0]
		switch {
		case c < utf8.RuneSelf:
			o[0] = rune(c)
			s = s[1:]
		case c >= 0xE0 && c < 0xF0 && len(s) >= 3:
			o[0] = rune(c&0x0F)<<12 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F)
			s = s[3:]
		default:
			r, n := utf8.DecodeRuneInString(s)
			o[0] = r
			s = s[n:]
		}
		o = o[1:]
	}
	return dst[:cap(dst)-cap(o)]
}

// RunePair decodes the two three-byte characters of w (ThreeByteRunes) together: the
// first rune in the low 16 bits, the second in bits 24–39.
func RunePair(w uint64) uint64 {
	return w&0x0F00000F<<12 | w>>2&0xFC0000FC0 | w>>16&0x3F00003F
}

// Word reads the first eight bytes of s little-endian (the compiler makes it one load).
func Word(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// ThreeByteRunes reports whether the low six bytes of w (read little-endian) are two
// valid three-byte UTF-8 characters. Chinese text is mostly such characters: a word at a
// time saves a branch and a bounds check a byte.
func ThreeByteRunes(w uint64) bool {
	if !ThreeByteForm(w) {
		return false
	}
	// A lead's low bits and its second byte's 0x20 tell the two limits: E0 wants A0–BF
	// (no overlong form), ED 80–9F (no surrogate).
	const overlong, surrogate = 0x0000, 0x200D
	k0, k1 := w&0x200F, w>>24&0x200F
	return k0 != overlong && k0 != surrogate && k1 != overlong && k1 != surrogate
}

// ThreeByteForm reports whether the low six bytes of w (read little-endian) have the form
// of two three-byte characters: lead bytes 1110xxxx, continuation bytes 10xxxxxx.
func ThreeByteForm(w uint64) bool {
	const mask, want = 0xC0C0F0C0C0F0, 0x8080E08080E0
	return w&mask == want
}

// inThreeBytes reports whether r, decoded from a three-byte form, is a rune that takes three
// bytes: U+0800 to U+FFFF but no surrogate (an overlong form or a surrogate decodes
// outside). The first test passes the ideographs.
func inThreeBytes(r uint32) bool { return r-0x800 < 0xD800-0x800 || r >= 0xE000 }

// appendRunesGrowing is AppendRunes growing dst by the runes counted first.
func appendRunesGrowing(dst []rune, s string) []rune {
	out := slices.Grow(dst, runeCount(s))
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			out = append(out, rune(c))
			i++
		case c >= 0xE1 && c <= 0xEF && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			out = append(out, rune(c&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F))
			i += 3
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			out = append(out, r)
			i += n
		}
	}
	return out
}

// String returns string(a) (invalid runes as U+FFFD), about twice as fast on Chinese
// text: a three-byte character is encoded inline. Records' sentences and phrases are made
// through it.
func String(a []rune) string {
	if len(a) <= 32 {
		// Short (an indicator, a mention's text): encoded on the stack, then copied once.
		var tmp [96]byte
		return string(AppendUTF8(tmp[:0], a))
	}
	b := AppendUTF8(make([]byte, 0, UTF8Len(a)), a) // exactly: the string is kept in a record
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// UTF8Len returns len(string(a)): invalid runes count as U+FFFD.
func UTF8Len(a []rune) int {
	n := 0
	for _, r := range a {
		switch {
		case r < 0 || r > utf8.MaxRune:
			n += 3 // U+FFFD
		case r < 0x80:
			n++
		case r < 0x800:
			n += 2
		case r < 0x10000:
			n += 3 // a surrogate too: U+FFFD
		default:
			n += 4
		}
	}
	return n
}

// AppendUTF8 appends the UTF-8 encoding of a to b, invalid runes as U+FFFD: string(a)'s
// bytes. With a reused b, string(AppendUTF8(b, a)) makes the string in one pass and a copy.
func AppendUTF8(b []byte, a []rune) []byte {
	for _, r := range a {
		switch {
		case r < utf8.RuneSelf && r >= 0:
			b = append(b, byte(r))
		case r >= 0x800 && r <= 0xFFFF && (r < 0xD800 || r > 0xDFFF):
			b = append(b, byte(0xE0|r>>12), byte(0x80|r>>6&0x3F), byte(0x80|r&0x3F))
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return b
}
