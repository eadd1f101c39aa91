package decode

import (
	"encoding/binary"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/transform"
)

// GB18030 and Big5 text is ASCII and two-byte characters, nearly all of it. x/text's
// decoders read it a rune at a time through utf8.EncodeRune, about 210 MB/s here: a
// quarter of the time of a run over GB18030 files. decodePairs reads ASCII eight bytes at
// a time and looks each two-byte sequence up in a table of its UTF-8, made once from
// x/text's own decoder, and leaves all else (four-byte GB18030, bytes that start no
// character, two-byte codes that decode to two runes or to a supplementary character) to
// that decoder. The text is x/text's, byte for byte (TestPairsMatchXText, FuzzPairs).

// Two-byte sequences of both encodings start with a lead byte 0x81–0xFE; the table holds
// every second byte 0x40–0xFE.
const (
	minLead, maxLead   = 0x81, 0xFE
	minTrail, maxTrail = 0x40, 0xFE
	trails             = maxTrail - minTrail + 1
)

// pairTable holds, for each lead and second byte, the UTF-8 that x/text writes for the
// two bytes when it reads them as one character of at most three bytes of UTF-8: the
// bytes in the low three bytes of the entry, their count in the top byte. 0: ask x/text.
type pairTable [(maxLead - minLead + 1) * trails]uint32

// newPairTable asks e's decoder for every two-byte sequence in the table's range.
func newPairTable(e encoding.Encoding) *pairTable {
	t := new(pairTable)
	dec := e.NewDecoder()
	var dst [16]byte
	for lead := minLead; lead <= maxLead; lead++ {
		for trail := minTrail; trail <= maxTrail; trail++ {
			src := [2]byte{byte(lead), byte(trail)}
			nDst, nSrc, err := dec.Transform(dst[:], src[:], true)
			if err != nil || nSrc != 2 || nDst < 2 || nDst > 3 {
				continue
			}
			if _, size := utf8.DecodeRune(dst[:nDst]); size != nDst {
				continue // not one character
			}
			e := uint32(nDst) << 24
			for k := nDst - 1; k >= 0; k-- {
				e |= uint32(dst[k]) << (8 * k)
			}
			t[(lead-minLead)*trails+trail-minTrail] = e
		}
	}
	return t
}

var (
	gb18030Pairs = sync.OnceValue(func() *pairTable { return newPairTable(simplifiedchinese.GB18030) })
	big5Pairs    = sync.OnceValue(func() *pairTable { return newPairTable(traditionalchinese.Big5) })
)

// fallbackWindow is how many bytes decodePairs gives dec at a time: at least a character
// (four bytes), and enough to pay for the call.
const fallbackWindow = 32

// decodePairs appends the decoding of a prefix of src to out, as dec (the decoder t was
// made from) decodes it, and returns how many bytes of src it read: all of them, or fewer
// when it left the rest to dec because the table served too little of the text. The table
// serves ASCII and two-byte characters; the rest goes to dec, fallbackWindow bytes at a
// time. A text in a script GBK lacks (Uyghur, Tibetan) is four-byte sequences nearly
// throughout: read here, it took 40% longer than dec alone.
func decodePairs(out, src []byte, t *pairTable, dec transform.Transformer) (_ []byte, read int) {
	var tmp [3 * fallbackWindow]byte // a U+FFFD for each byte at most
	slow := 0                        // bytes given to dec
	for i := 0; i < len(src); {
		// Room for the longest step below: out grows past its estimate here, in steps
		// (growText), never by append's doubling, one long copy.
		if cap(out)-len(out) < len(tmp) {
			out = growText(out, (len(src)-i)*3/2+len(tmp))
		}
		for i+8 <= len(src) && len(out)+8 <= cap(out) && binary.LittleEndian.Uint64(src[i:])&0x8080808080808080 == 0 {
			out = append(out, src[i:i+8]...)
			i += 8
		}
		if i == len(src) {
			break
		}
		c := src[i]
		if c < utf8.RuneSelf {
			out = append(out, c)
			i++
			continue
		}
		if c >= minLead && c <= maxLead && i+1 < len(src) {
			if c1 := src[i+1]; c1 >= minTrail && c1 <= maxTrail {
				if e := t[int(c-minLead)*trails+int(c1-minTrail)]; e != 0 {
					out = append(out, byte(e), byte(e>>8), byte(e>>16))
					out = out[:len(out)-3+int(e>>24)]
					i += 2
					continue
				}
			}
		}
		if slow > mostlySlow && slow > i/4 {
			return out, i // a quarter of the text so far: dec reads the rest
		}
		// dec stops before a character the window cuts (ErrShortSrc) unless the window
		// ends src; a window holds at least one character.
		window := src[i:min(len(src), i+fallbackWindow)]
		nDst, nSrc, _ := dec.Transform(tmp[:], window, i+len(window) == len(src))
		if nSrc == 0 {
			return out, i
		}
		out = append(out, tmp[:nDst]...)
		i += nSrc
		slow += nSrc
	}
	return out, len(src)
}

// mostlySlow is how many bytes decodePairs gives dec before it judges whether the table
// serves the text.
const mostlySlow = 16 << 10
