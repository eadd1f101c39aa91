// Package decode turns a document's bytes into its source text: the text that line and
// column numbers count. It detects the encoding (UTF-8 with or without BOM, UTF-16,
// GB18030/GBK, Big5) and extracts the text of HTML pages with a map back to the page.
package decode

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/transform"

	"github.com/policymetrics/policymetrics/extract/hugepages"
	"github.com/policymetrics/policymetrics/extract/internal/cjk"
	"github.com/policymetrics/policymetrics/extract/normalize"
)

// Result is a decoded document.
type Result struct {
	Text     string // the source text, without any byte order mark: valid UTF-8 (FuzzDecode)
	Encoding string // "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "gb18030", "big5"
	// Tail follows Text: from View, the U+FFFD of a character cut at the end of valid
	// UTF-8, kept apart so that Text can still be data's own memory. Decode puts it in Text.
	Tail string

	binaryChecked bool // Text was found not binary while it was validated
	spanned       bool // ViewSpans' visit saw all of Text
}

// Encoding names of Result.Encoding.
const (
	UTF8    = "utf-8"
	UTF8BOM = "utf-8-bom"
	UTF16LE = "utf-16le"
	UTF16BE = "utf-16be"
	GB18030 = "gb18030"
	Big5    = "big5"
)

// ErrBinary reports input that is not a text document: NUL bytes (outside UTF-16) or
// many control characters.
var ErrBinary = errors.New("decode: binary data, not a text document")

// Decode decodes data. encoding "" or "auto" detects the encoding; otherwise it names
// the encoding to use: utf-8 (utf8), gb18030 (gbk, gb2312, cp936), big5 (cp950),
// utf-16le, utf-16be, or utf-16 (byte order from the BOM or the text). A forced
// encoding never fails on invalid sequences: they become U+FFFD.
func Decode(data []byte, encoding string) (Result, error) {
	res, err := decodeText(data, encoding, false, nil)
	res.Text, res.Tail = res.Text+res.Tail, ""
	return res, err
}

// View decodes data as Decode does, but valid UTF-8 is not copied: Text is then data's
// own memory, and data must not change while Text is in use. It saves a copy of the
// document, the largest allocation of a run.
func View(data []byte, encoding string) (Result, error) {
	return decodeText(data, encoding, true, nil)
}

// ViewSpans is View, and shows a caller that looks for rare ASCII or other marks in the
// text where to look, from the pass that validates it: visit is called, in order, with
// spans [from, to) of Text (text) that together hold every byte outside three-byte
// characters. spanned reports that they did: Text was read as valid UTF-8 in that pass
// (most documents). Otherwise the spans seen, if any, are to be ignored.
func ViewSpans(data []byte, encoding string, visit func(text string, from, to int)) (res Result, spanned bool, err error) {
	res, err = decodeText(data, encoding, true, visit)
	return res, res.spanned && err == nil, err
}

func decodeText(data []byte, encoding string, view bool, visit func(text string, from, to int)) (Result, error) {
	if err := CheckEncoding(encoding); err != nil {
		return Result{}, err
	}
	enc, _ := canonical(encoding)
	var res Result
	switch enc {
	case "auto":
		var err error
		if res, err = detect(data, view, visit); err != nil {
			return Result{}, err
		}
	case UTF8:
		res = decodeUTF8(data, view)
	case "utf-16":
		res = decodeUTF16(data, "")
	case UTF16LE, UTF16BE:
		res = decodeUTF16(data, enc)
	case GB18030, Big5:
		if hasNUL(data) {
			return Result{}, ErrBinary
		}
		text, _ := legacy(data, enc)
		res = Result{Text: text, Encoding: enc}
	}
	if !res.binaryChecked && isBinary(res.Text) {
		return Result{}, ErrBinary
	}
	return res, nil
}

// Encodings are the encoding names CheckEncoding and Decode know (aliases aside), for help
// texts and shell completion.
var Encodings = []string{"auto", "utf-8", "gb18030", "gbk", "gb2312", "big5", "utf-16", "utf-16le", "utf-16be"}

// canonical maps an encoding name or alias to an encoding name, "auto" or "utf-16".
// CheckEncoding reports whether Decode knows the encoding name, so a command can refuse a
// misspelt --encoding before reading anything.
func CheckEncoding(encoding string) error {
	if _, ok := canonical(encoding); !ok {
		return fmt.Errorf("decode: unknown encoding %q (want auto, utf-8, gb18030, gbk, gb2312, big5, utf-16, utf-16le or utf-16be)", encoding)
	}
	return nil
}

func canonical(name string) (string, bool) {
	n := strings.ToLower(strings.TrimSpace(name))
	n = strings.ReplaceAll(n, "_", "-")
	switch n {
	case "", "auto":
		return "auto", true
	case "utf-8", "utf8":
		return UTF8, true
	case "utf-8-bom", "utf8-bom", "utf-8-sig", "utf8-sig":
		return UTF8, true
	case "gb18030", "gbk", "gb2312", "cp936", "gb-18030", "euc-cn":
		return GB18030, true
	case "big5", "big-5", "cp950", "big5-hkscs":
		return Big5, true
	case "utf-16", "utf16":
		return "utf-16", true
	case "utf-16le", "utf16le", "utf-16-le":
		return UTF16LE, true
	case "utf-16be", "utf16be", "utf-16-be":
		return UTF16BE, true
	}
	return "", false
}

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// detect picks the encoding: a byte order mark, BOM-less UTF-16 when the NUL bytes say
// so, valid UTF-8, and otherwise whichever of GB18030 and Big5 (or UTF-8 with a few
// broken bytes) reads as Chinese.
func detect(data []byte, view bool, visit func(text string, from, to int)) (Result, error) {
	switch {
	case hasPrefix(data, bomUTF8):
		return decodeUTF8(data, view), nil
	case hasPrefix(data, bomUTF16LE), hasPrefix(data, bomUTF16BE):
		res := decodeUTF16(data, "")
		if bad := strings.Count(res.Text, "\uFFFD"); bad > tolerance(len(data)/2) {
			return Result{}, fmt.Errorf("decode: byte order mark says %s, but %d unpaired surrogates in %d bytes", res.Encoding, bad, len(data))
		}
		return res, nil
	}
	// Most documents are valid UTF-8 with no NUL: the pass that validates them also tells
	// a NUL (binaryText), and only then, or when they are not valid, is data searched for
	// one, for UTF-16 without a byte order mark. A search first read every document twice.
	var spans func(from, to int)
	if visit != nil {
		text := textOf(data, view)
		spans = func(from, to int) { visit(text, from, to) }
	}
	valid, binaryText := scanSpans(data, spans)
	if (binaryText || !valid) && hasNUL(data) {
		if enc := sniffUTF16(data); enc != "" {
			return decodeUTF16(data, enc), nil
		}
		return Result{}, ErrBinary
	}
	if valid {
		if binaryText {
			return Result{}, ErrBinary
		}
		return Result{Text: textOf(data, view), Encoding: UTF8, binaryChecked: true, spanned: visit != nil}, nil
	}
	if res, ok := cutUTF8(data, view, UTF8); ok {
		return res, nil // a file cut inside its last character: no trial of legacy encodings
	}
	return detectLegacy(data)
}

// candidate is one way of reading non-UTF-8 bytes.
type candidate struct {
	enc     string
	text    string
	invalid int // U+FFFD produced by invalid or unmapped sequences
	runes   int
	hits    int // runes that fold to a frequent character
}

// sampleSize is how much of a document decides between the legacy encodings; the
// winner is then checked on the whole document.
const sampleSize = 16 << 10

func detectLegacy(data []byte) (Result, error) {
	if len(data) > 2*sampleSize {
		// Decide on a sample cut at a line break (a byte no multi-byte sequence of
		// these encodings contains), then decode only the winner in full.
		cut := bytes.LastIndexByte(data[:sampleSize], '\n')
		if cut <= 0 {
			cut = sampleSize
		}
		if enc, ok := chooseLegacy(data[:cut]); ok {
			var res Result
			var invalid int
			if enc == UTF8 {
				res, invalid = decodeUTF8(data, false), countInvalidUTF8(data, len(data))
			} else {
				res.Encoding = enc
				res.Text, invalid = legacy(data, enc)
			}
			if withinTolerance(invalid, res.Text) {
				return res, nil
			}
		}
	}
	cands, best := evaluate(data)
	if best < 0 {
		return Result{}, fmt.Errorf("decode: not UTF-8, GB18030 or Big5: %d invalid sequences as UTF-8, %d as GB18030, %d as Big5 in %d bytes, and no common Chinese characters in the readings without many",
			cands[0].invalid, cands[1].invalid, cands[2].invalid, len(data))
	}
	return Result{Text: cands[best].text, Encoding: cands[best].enc}, nil
}

func chooseLegacy(sample []byte) (string, bool) {
	cands, best := evaluate(sample)
	if best < 0 {
		return "", false
	}
	return cands[best].enc, true
}

// evaluate reads data as UTF-8 (with broken bytes), GB18030 and Big5, and returns the
// readings and the index of the best one, or -1 when none is acceptable.
func evaluate(data []byte) ([3]candidate, int) {
	var cands [3]candidate
	// UTF-8 is read only when it has few invalid bytes: the count stops early.
	if bad := countInvalidUTF8(data, tolerance(len(data))); bad <= tolerance(len(data)) {
		cands[0] = score(UTF8, decodeUTF8(data, false).Text, bad)
	} else {
		cands[0] = candidate{enc: UTF8, invalid: bad, runes: 0}
	}
	for i, enc := range []string{GB18030, Big5} {
		text, invalid := legacy(data, enc)
		cands[i+1] = score(enc, text, invalid)
	}
	best := -1
	for i, c := range cands {
		if c.invalid > tolerance(c.runes) || c.hits == 0 && c.invalid > 0 {
			continue // broken, or flawed with no Chinese text in it to make up for it
		}
		// GB18030 wins ties (it is the more common of the legacy encodings), UTF-8
		// with broken bytes must beat both.
		if best < 0 || c.hits-4*c.invalid > cands[best].hits-4*cands[best].invalid ||
			c.hits-4*c.invalid == cands[best].hits-4*cands[best].invalid && cands[best].enc == UTF8 {
			best = i
		}
	}
	return cands, best
}

// tolerance is how many invalid sequences a candidate decoding may have: a few stray
// bytes, as in a truncated or patched file, not a wrong guess.
func tolerance(runes int) int { return 1 + runes/200 }

// withinTolerance is invalid <= tolerance(runes of text), with the runes counted only
// when it is not clear from text's length: a text of n bytes holds at least n/4 runes.
// Counting them was a pass over the whole text (90 ms on a 100 MB one) for what is
// nearly always 0 invalid sequences.
func withinTolerance(invalid int, text string) bool {
	return invalid <= tolerance(len(text)/utf8.UTFMax) || invalid <= tolerance(utf8.RuneCountInString(text))
}

func score(enc, text string, invalid int) candidate {
	c := candidate{enc: enc, text: text, invalid: invalid}
	for _, r := range text {
		c.runes++
		if r >= 0x3400 && isFrequent(normalize.ToSimplified(r)) {
			c.hits++
		}
	}
	return c
}

// legacy decodes GB18030 or Big5, returning the text and the number of invalid or
// unmapped sequences (each became one U+FFFD).
//
// The text is decoded straight into memory sized for it (legacySize), through the
// two-byte table once the process has read enough such text (decodePairs), and becomes
// the string without a copy. transform.Bytes guessed the source's size, grew by copying,
// and was then copied into a string: on a 67 MB GB18030 file, 2.5 s and three times the
// text's memory, most of it copies of ~100 MB that cannot be preempted, which the
// collector's mark phase stalls behind.
func legacy(data []byte, enc string) (string, int) {
	var e encoding.Encoding = simplifiedchinese.GB18030
	pairs := gb18030Pairs
	if enc == Big5 {
		e, pairs = traditionalchinese.Big5, big5Pairs
	}
	dec := e.NewDecoder()
	all := data
	out := textBuffer(legacySize(data, dec))
	if legacyRead.Add(int64(len(data))) >= pairsAfter {
		var read int
		out, read = decodePairs(out, data, pairs(), dec)
		data = data[read:] // what dec reads on its own
	}
	for src := data; len(src) > 0; {
		nDst, nSrc, err := dec.Transform(out[len(out):cap(out)], src, true)
		out, src = out[:len(out)+nDst], src[nSrc:]
		switch {
		case err == transform.ErrShortDst && nDst == 0:
			out = growText(out, len(src)*3/2+16) // past the estimate
		case err != nil && err != transform.ErrShortDst:
			// The x/text decoders replace rather than fail; be safe anyway.
			return strings.ToValidUTF8(string(all), "\uFFFD"), len(all)
		}
	}
	text := textOf(out, true) // out is not written again
	// A genuine U+FFFD in the source is encoded as a valid sequence; counting every
	// U+FFFD overestimates only for documents that already carry replacement characters.
	return text, strings.Count(text, "\uFFFD")
}

// legacy reads through a pairTable once the process has read pairsAfter bytes of legacy
// text: a table takes about a millisecond to make, which a page or two does not repay
// (x/text reads 200 KB in that time, the table about four times as much), but a run over
// many such files, or one large file, does.
const pairsAfter = 256 << 10

var legacyRead atomic.Int64 // bytes legacy was given, in this process

// textBuffer returns an empty buffer of capacity n for a decoded text, in huge pages where
// the system leaves them to each program (hugepages.Advise): a text is written once, front
// to back, into memory the process has mostly never touched, and a fault then backs 2 MB,
// not 4 KB. Its pages are not populated at once (hugepages.Populate): the capacity is an
// estimate, which the text may not fill.
func textBuffer(n int) []byte {
	b := make([]byte, 0, n)
	hugepages.Advise(b)
	return b
}

// growText returns b with room for n more bytes (the caller's estimate of what is left),
// copied in steps.
func growText(b []byte, n int) []byte {
	return appendInSteps(textBuffer(len(b)+n), b)
}

// appendInSteps appends p to b a megabyte at a time: one memmove of tens of MB cannot be
// preempted, and a collection that starts meanwhile stalls until it ends (its mark phase
// took 1.2 s on a 96 MB document).
func appendInSteps(b, p []byte) []byte {
	const step = 1 << 20
	for len(p) > step {
		b, p = append(b, p[:step]...), p[step:]
	}
	return append(b, p...)
}

// legacySize is how large a buffer legacy decodes data into: the text a prefix of data
// makes, scaled to data's size, with 3% to spare; the buffer grows in steps past that
// (growText). The string keeps its whole buffer, so a bound would cost memory for good: a
// text of two-byte characters is half as large again as its source, but one in a script
// GBK lacks (Uyghur, Tibetan: four bytes a letter in GB18030, two in UTF-8) is smaller.
func legacySize(data []byte, dec transform.Transformer) int {
	if len(data) < boundBelow {
		return len(data) + len(data)/2 + 16 // a page: the bound wastes less than the sample costs
	}
	sample := data[:min(len(data), sizeSample)]
	var tmp [8 << 10]byte
	in, out := 0, 0
	for in < len(sample) {
		nDst, nSrc, err := dec.Transform(tmp[:], sample[in:], len(sample) == len(data))
		in, out = in+nSrc, out+nDst
		if err != transform.ErrShortDst {
			break // done, or a character cut at the sample's end
		}
	}
	dec.Reset()
	if in == 0 {
		return len(data) + len(data)/2 + 16
	}
	return int(float64(out)/float64(in)*float64(len(data))*1.03) + 4096
}

// sizeSample is how much of a legacy text legacySize decodes to size it; a text under
// boundBelow is given the bound, half as much again as its source.
const sizeSample, boundBelow = 16 << 10, 1 << 20

// decodeUTF8 strips a BOM and replaces each invalid byte with U+FFFD.
func decodeUTF8(data []byte, view bool) Result {
	enc := UTF8
	if hasPrefix(data, bomUTF8) {
		data, enc = data[len(bomUTF8):], UTF8BOM
	}
	if utf8.Valid(data) {
		return Result{Text: textOf(data, view), Encoding: enc}
	}
	if res, ok := cutUTF8(data, view, enc); ok {
		return res
	}
	// Each invalid byte becomes a U+FFFD (three bytes); the valid stretches between them
	// (most of a document with a stray byte) are copied whole, not rune by rune, a
	// megabyte at a time. Room for a few hundred such bytes a megabyte, so that a document
	// with a handful is not copied twice.
	out := textBuffer(len(data) + len(data)/256 + 16)
	for len(data) > 0 {
		n := validPrefix(data)
		if cap(out)-len(out) < n+3 { // more invalid bytes than room was left for
			out = growText(out, len(data)+len(data)/16+16)
		}
		out, data = appendInSteps(out, data[:n]), data[n:]
		if len(data) > 0 {
			out = append(out, "\uFFFD"...) // data[0] starts no valid character
			data = data[1:]
		}
	}
	return Result{Text: textOf(out, true), Encoding: enc} // out is not written again
}

// validPrefix returns the length of the longest prefix of p that is valid UTF-8: p[n:],
// when not empty, starts with a byte utf8.DecodeRune reads as RuneError of size 1. ASCII
// eight bytes at a time and three-byte characters two at a time (most of Chinese), the
// rest a rune at a time.
func validPrefix(p []byte) int {
	i := 0
	for i < len(p) {
		if i+8 <= len(p) {
			w := binary.LittleEndian.Uint64(p[i:])
			if w&0x8080808080808080 == 0 {
				i += 8
				continue
			}
			if cjk.ThreeByteRunes(w) {
				i += 6
				continue
			}
		}
		if p[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(p[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return i
}

// cutUTF8 reads data that is valid UTF-8 but for a character cut at its end (a file cut
// at a byte count): each byte of the cut character is a U+FFFD, as decodeUTF8 makes it.
func cutUTF8(data []byte, view bool, enc string) (Result, bool) {
	for k := 1; k <= utf8.UTFMax-1 && k <= len(data); k++ {
		if lead := data[len(data)-k]; utf8.RuneStart(lead) {
			if lead < utf8.RuneSelf {
				return Result{}, false
			}
			body, cut := data[:len(data)-k], data[len(data)-k:]
			if utf8.FullRune(cut) || !utf8.Valid(body) {
				return Result{}, false
			}
			return Result{Text: textOf(body, view), Tail: strings.Repeat("\uFFFD", k), Encoding: enc}, true
		}
	}
	return Result{}, false
}

// textOf returns data as a string: data's own memory with view set, else a copy.
func textOf(data []byte, view bool) string {
	if view && len(data) > 0 {
		return unsafe.String(&data[0], len(data))
	}
	return string(data)
}

// countInvalidUTF8 counts the invalid bytes of a UTF-8 reading, stopping once the
// count exceeds limit.
func countInvalidUTF8(data []byte, limit int) int {
	n := 0
	for len(data) > 0 && n <= limit {
		data = data[validPrefix(data):]
		if len(data) > 0 {
			n++ // an invalid byte
			data = data[1:]
		}
	}
	return n
}

// decodeUTF16 decodes UTF-16 in byte order enc (UTF16LE or UTF16BE; "" = from the BOM,
// else sniffed, else little-endian), dropping a BOM. Unpaired surrogates and an odd
// final byte become U+FFFD.
func decodeUTF16(data []byte, enc string) Result {
	switch {
	case hasPrefix(data, bomUTF16LE) && enc != UTF16BE:
		data, enc = data[2:], UTF16LE
	case hasPrefix(data, bomUTF16BE) && enc != UTF16LE:
		data, enc = data[2:], UTF16BE
	case enc == "":
		if enc = sniffUTF16(data); enc == "" {
			enc = UTF16LE
		}
	}
	n := len(data) / 2
	unit := func(i int) rune {
		if enc == UTF16LE {
			return rune(data[2*i]) | rune(data[2*i+1])<<8
		}
		return rune(data[2*i])<<8 | rune(data[2*i+1])
	}
	// The text's size is counted first: a bound of three bytes a unit held three times the
	// text of a mostly ASCII document, which its string then kept.
	out := textBuffer(utf16TextSize(n, len(data)%2 == 1, unit))
	for i := 0; i < n; i++ {
		u := unit(i)
		switch {
		case u < 0x80:
			out = append(out, byte(u))
			continue
		case u >= 0xD800 && u < 0xDC00 && i+1 < n:
			if v := unit(i + 1); v >= 0xDC00 && v < 0xE000 {
				u = utf16.DecodeRune(u, v)
				i++
			} else {
				u = utf8.RuneError
			}
		case u >= 0xD800 && u < 0xE000:
			u = utf8.RuneError // unpaired surrogate
		}
		out = utf8.AppendRune(out, u)
	}
	if len(data)%2 == 1 {
		out = utf8.AppendRune(out, utf8.RuneError)
	}
	return Result{Text: textOf(out, true), Encoding: enc} // out is not written again
}

// utf16TextSize is the size in UTF-8 of n UTF-16 units, read by unit, as decodeUTF16
// writes them, and of a final odd byte.
func utf16TextSize(n int, oddByte bool, unit func(i int) rune) int {
	size := 0
	if oddByte {
		size = 3
	}
	for i := 0; i < n; i++ {
		switch u := unit(i); {
		case u < 0x80:
			size++
		case u < 0x800:
			size += 2
		case u >= 0xD800 && u < 0xDC00 && i+1 < n && uint32(unit(i+1)-0xDC00) < 0x400:
			size += 4
			i++
		default:
			size += 3 // a BMP character, or U+FFFD for an unpaired surrogate
		}
	}
	return size
}

// sniffUTF16 guesses the byte order of BOM-less UTF-16 (data has NUL bytes): each order
// is read and the one whose characters look like text wins, when it is clear-cut.
// It returns "" when data does not look like UTF-16.
func sniffUTF16(data []byte) string {
	if len(data) < 2 || len(data)%2 != 0 {
		return ""
	}
	n := len(data) / 2
	le := plausibleUnits(data, false)
	be := plausibleUnits(data, true)
	switch {
	case le*10 >= n*9 && le > be:
		return UTF16LE
	case be*10 >= n*9 && be > le:
		return UTF16BE
	}
	return ""
}

// plausibleUnits counts the UTF-16 code units of data that are likely in a Chinese or
// English text, read in one byte order.
func plausibleUnits(data []byte, bigEndian bool) int {
	unit := func(i int) rune {
		if bigEndian {
			return rune(data[2*i])<<8 | rune(data[2*i+1])
		}
		return rune(data[2*i]) | rune(data[2*i+1])<<8
	}
	n, count := len(data)/2, 0
	for i := 0; i < n; i++ {
		u := unit(i)
		if u >= 0xD800 && u < 0xDC00 && i+1 < n { // a surrogate pair: a supplementary character
			if v := unit(i + 1); v >= 0xDC00 && v < 0xE000 {
				count += 2
				i++
			}
			continue
		}
		if plausible(u) {
			count++
		}
	}
	return count
}

// plausible reports whether a BMP character is likely in a Chinese or English text.
func plausible(u rune) bool {
	switch {
	case u == '\t' || u == '\n' || u == '\r':
		return true
	case u >= 0x20 && u < 0x7F, u >= 0xA0 && u < 0x100:
		return true
	case u >= 0x2000 && u < 0x2070, u >= 0x3000 && u < 0x3100:
		return true
	case u >= 0x3400 && u < 0xA000, u >= 0xF900 && u < 0xFB00, u >= 0xFF00 && u < 0xFFF0:
		return true
	}
	return false
}

// isBinary reports text with NUL or with many control characters (other than tab,
// newline, carriage return, form feed and vertical tab).
func isBinary(text string) bool {
	ctrl := 0
	for i := 0; i < len(text); i++ {
		// Eight bytes at a time while none is below 0x20 or is 0x7F (most of a text).
		for i+8 <= len(text) && !controlIn(text[i:i+8]) {
			i += 8
		}
		if i >= len(text) {
			break
		}
		if c := text[i]; c < 0x20 || c == 0x7F {
			if c == 0 {
				return true
			}
			if c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' {
				ctrl++
			}
		}
	}
	return binaryVerdict(false, ctrl, func() int { return utf8.RuneCountInString(text) })
}

// controlIn reports a byte below 0x20 or equal to 0x7F among the eight of s.
func controlIn(s string) bool {
	return controlWord(uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56)
}

func hasNUL(data []byte) bool { return bytes.IndexByte(data, 0) >= 0 }

func hasPrefix(data, p []byte) bool {
	return len(data) >= len(p) && string(data[:len(p)]) == string(p)
}

//go:embed data/frequent.txt
var frequentData string

// frequent is a bit set over U+3400–U+9FFF of the characters of data/frequent.txt.
var frequent = func() *[(0xA000 - 0x3400) / 64]uint64 {
	var set [(0xA000 - 0x3400) / 64]uint64
	sc := bufio.NewScanner(strings.NewReader(frequentData))
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		for _, r := range line {
			if r >= 0x3400 && r < 0xA000 {
				k := r - 0x3400
				set[k/64] |= 1 << (k % 64)
			}
		}
	}
	return &set
}()

func isFrequent(r rune) bool {
	if r < 0x3400 || r >= 0xA000 {
		return false
	}
	k := r - 0x3400
	return frequent[k/64]&(1<<(k%64)) != 0
}
