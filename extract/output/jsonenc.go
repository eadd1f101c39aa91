package output

import (
	"strconv"
	"unicode/utf8"
	"unsafe"

	"github.com/policymetrics/policymetrics/extract"
	"github.com/policymetrics/policymetrics/extract/internal/cjk"
	"github.com/policymetrics/policymetrics/units"
)

// encodedStrings remembers the last encoding of the fields that repeat from record to
// record: the records of one sentence follow each other and carry the same document name
// and sentence, the longest field, which is then copied instead of escaped again. A
// record's period, qualifier, change and modality take a few values, most often the
// previous record's (periods: 5053 of 5900 records in testdata/corpus).
type encodedStrings struct {
	doc, sentence                       encodedString
	period, qualifier, change, modality encodedString
}

type encodedString struct {
	s   string
	enc []byte // appendJSONString(nil, s)
}

// encode makes enc the encoding of s, reusing the last one when s is the same.
func (e *encodedString) encode(s string) {
	if s != e.s || e.enc == nil {
		e.s, e.enc = s, appendJSONString(e.enc[:0], s)
	}
}

// append appends s as a JSON string, reusing the last encoding when s is the same.
func (e *encodedString) append(b []byte, s string) []byte {
	e.encode(s)
	return append(b, e.enc...)
}

// appendField appends s as a JSON string through e, but an empty s inline: most records
// have no qualifier, change or modality, and a miss costs a copy more.
func (e *encodedString) appendField(b []byte, s string) []byte {
	if s == "" {
		return append(b, '"', '"')
	}
	return e.append(b, s)
}

// appendSlice appends s as a JSON string, copied as it is when it is a slice of e's string
// that needs no escape: the indicator is most often a slice of its sentence's memory (5864
// of 5897 records in testdata/corpus), and a sentence most often needs no escape. A slice
// of such a string that starts and ends on a character boundary is valid UTF-8 with
// nothing to escape, so its scan is saved.
func (e *encodedString) appendSlice(b []byte, s string) []byte {
	if s != "" && len(e.enc) == len(e.s)+2 { // e.s had nothing to escape
		if at, ok := sliceAt(e.s, s); ok && runeStart(e.s, at) && runeStart(e.s, at+len(s)) {
			b = append(b, '"')
			b = append(b, s...)
			return append(b, '"')
		}
	}
	return appendJSONField(b, s)
}

// sliceAt tells whether part lies in the memory of s, and where: part == s[at:at+len(part)].
// It compares addresses only.
func sliceAt(s, part string) (at int, ok bool) {
	if len(part) > len(s) {
		return 0, false
	}
	d := uintptr(unsafe.Pointer(unsafe.StringData(part))) - uintptr(unsafe.Pointer(unsafe.StringData(s)))
	return int(d), d <= uintptr(len(s)-len(part))
}

// runeStart reports whether i, in valid UTF-8 s, is the end of s or starts a character.
func runeStart(s string, i int) bool { return i == len(s) || utf8.RuneStart(s[i]) }

// appendRecordJSON appends r as one JSON object, byte for byte what encoding/json writes
// for it with HTML escaping off (a test holds it to that), without reflection: the writer
// is on the one goroutine that all output passes through. c holds the encodings of the
// previous records written (new(encodedStrings) for none).
func appendRecordJSON(b []byte, r *extract.Record, c *encodedStrings) []byte {
	c.sentence.encode(r.Sentence) // first: the indicator may be copied from it
	b = append(b, `{"doc":`...)
	b = c.doc.append(b, r.Doc)
	b = append(b, `,"line":`...)
	b = appendInt(b, r.Line)
	b = append(b, `,"col":`...)
	b = appendInt(b, r.Col)
	b = append(b, `,"text":`...)
	b = appendJSONField(b, r.Text)
	b = append(b, `,"value":`...)
	b = r.Value.Append(b)
	b = append(b, `,"unit":`...)
	unitAt := len(b)
	b = appendJSONField(b, r.Unit)
	unit := b[unitAt:] // the unit as encoded: raw_unit is nearly always the same string
	b = append(b, `,"indicator":`...)
	b = c.sentence.appendSlice(b, r.Indicator)
	b = append(b, `,"concept":`...)
	b = appendJSONField(b, r.Concept)
	b = append(b, `,"area":`...)
	b = appendJSONField(b, r.Area)
	b = append(b, `,"period":`...)
	b = c.period.appendField(b, r.Period)
	b = append(b, `,"qualifier":`...)
	b = c.qualifier.appendField(b, r.Qualifier)
	b = append(b, `,"change":`...)
	b = c.change.appendField(b, r.Change)
	b = append(b, `,"modality":`...)
	b = c.modality.appendField(b, r.Modality)
	b = append(b, `,"sentence":`...)
	b = append(b, c.sentence.enc...)
	if r.Upper != nil {
		b = append(b, `,"upper":`...)
		b = r.Upper.Append(b)
	}
	if r.RawUnit != "" {
		b = append(b, `,"raw_unit":`...)
		if r.RawUnit == r.Unit {
			b = append(b, unit...)
		} else {
			b = appendJSONField(b, r.RawUnit)
		}
	}
	if r.Page != 0 {
		b = append(b, `,"page":`...)
		b = strconv.AppendInt(b, int64(r.Page), 10)
	}
	return append(b, '}')
}

// appendJSONField is appendJSONString made cheap for an empty string, which most records'
// concept, area, qualifier, change and modality are: it inlines, so those cost no call.
func appendJSONField(b []byte, s string) []byte {
	if s == "" {
		return append(b, '"', '"')
	}
	return appendJSONString(b, s)
}

// appendInt is strconv.AppendInt(b, int64(n), 10), through units.AppendUint for the
// small numbers that lines and columns are.
func appendInt(b []byte, n int) []byte {
	if n < 0 {
		return strconv.AppendInt(b, int64(n), 10)
	}
	return units.AppendUint(b, uint64(n))
}

const hexDigits = "0123456789abcdef"

// plainByte tells the ASCII bytes that JSON writes as they are: all but the control
// characters, '"' and '\\'.
var plainByte = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// appendJSONString appends s as a JSON string the way encoding/json does without HTML
// escaping: \" \\ \b \f \n \r \t, other control characters as \u00XX, U+2028 and U+2029
// escaped, invalid UTF-8 as \ufffd.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		// Two CJK characters at a time while they come in a row (most of a sentence): valid
		// three-byte characters that are not U+2028/U+2029 (lead E2) need no escape.
		for i+8 <= len(s) {
			w := cjk.Word(s[i : i+8])
			if !cjk.ThreeByteRunes(w) || byte(w) == 0xE2 || byte(w>>24) == 0xE2 {
				break
			}
			i += 6
		}
		if i >= len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if plainByte[c] {
				// The rest of an ASCII run (digits, mostly) in a tight loop.
				for i++; i < len(s) && plainByte[s[i]]; i++ {
				}
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		// The common case, a CJK character: three bytes, lead E1–EC or EE–EF (E0 and ED
		// have narrower second bytes), two continuation bytes; not U+2028/U+2029 (E2 80 A8/A9).
		if i+2 < len(s) && (c >= 0xE1 && c <= 0xEC || c >= 0xEE) && c <= 0xEF &&
			s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 && !(c == 0xE2 && s[i+1] == 0x80 && s[i+2]&^1 == 0xA8) {
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
