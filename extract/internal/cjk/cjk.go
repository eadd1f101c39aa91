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

// YearAt reads a four-digit year (1900-2199) at a[i] that is not part of a longer number,
// returning it and its length (4), or 0, 0.
func YearAt(a []rune, i int) (int, int) {
	if i+4 > len(a) || a[i] != '1' && a[i] != '2' || i > 0 && IsDigit(a[i-1]) {
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
	out := dst[:len(dst)+len(s)]
	j := len(dst)
	for i := 0; i < len(s); j++ {
		// Two three-byte characters at once while they come in a row (most of Chinese),
		// read as one word.
		for i+8 <= len(s) { // j+2 <= len(out): no fewer bytes than runes
			w := Word(s[i : i+8])
			if !ThreeByteRunes(w) {
				break
			}
			out[j] = rune(w&0x0F<<12 | w>>2&0xFC0 | w>>16&0x3F)
			out[j+1] = rune(w>>12&0xF000 | w>>26&0xFC0 | w>>40&0x3F)
			i, j = i+6, j+2
		}
		if i >= len(s) {
			break
		}
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			out[j] = rune(c)
			i++
		case c >= 0xE1 && c <= 0xEF && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			// E1–EC, EE–EF lead three-byte characters whose continuation bytes may be any
			// (E0 and ED restrict theirs: overlong forms, surrogates).
			out[j] = rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
			i += 3
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			out[j] = r
			i += n
		}
	}
	return out[:j]
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
	// Lead bytes 1110xxxx and continuation bytes 10xxxxxx, in both characters.
	const mask, want = 0xC0C0F0C0C0F0, 0x8080E08080E0
	if w&mask != want {
		return false
	}
	// A lead's low bits and its second byte's 0x20 tell the two limits: E0 wants A0–BF
	// (no overlong form), ED 80–9F (no surrogate).
	const overlong, surrogate = 0x0000, 0x200D
	k0, k1 := w&0x200F, w>>24&0x200F
	return k0 != overlong && k0 != surrogate && k1 != overlong && k1 != surrogate
}

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
	n := 0 // the bytes, exactly: the string is kept in a record
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
	b := AppendUTF8(make([]byte, 0, n), a)
	return unsafe.String(unsafe.SliceData(b), len(b))
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
