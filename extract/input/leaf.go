package input

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/policymetrics/policymetrics/extract/hugepages"
	"github.com/policymetrics/policymetrics/extract/read"
)

// leaf hands over the content of one file, member or stdin: as one document (Text), or as
// the rows of a table. strict says a binary file is an error (it was named, or has a
// document extension) rather than silently not a document (a file without extension met
// while walking).
func (w *walker) leaf(name string, r io.Reader, size int64, strict bool) {
	switch w.opts.Format {
	case CSV:
		w.csvTable(name, r)
		return
	case JSONL:
		w.jsonlTable(name, r)
		return
	}
	data, pooled, err := readLimited(r, size, w.maxFile)
	if err != nil {
		if !silentReadErr(err) { // the archive reports its limits once
			w.fail(name, err)
		}
		return
	}
	if isReadableFormat(data) {
		w.emit(Item{Name: name, Data: data, pooled: pooled}) // PDF and Office files: extract reads or refuses them
		return
	}
	if kind := sniffBinary(data); kind != "" {
		if strict {
			w.failf(name, "binary file (%s), not a text document", kind)
		}
		return
	}
	w.emit(Item{Name: name, Data: data, pooled: pooled})
}

// tooLarge is the error for a document over the size limit.
func tooLarge(size, max int64) error {
	if size < 0 {
		return fmt.Errorf("larger than the %s limit (--max-file-size)", humanBytes(max))
	}
	return fmt.Errorf("%s, larger than the %s limit (--max-file-size)", humanBytes(size), humanBytes(max))
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// readLimited reads r to the end into one buffer, sized from the hint (the expected size,
// -1 when unknown) so that a file is read with one allocation. More than max bytes (max
// < 0: no limit) is an error, found without reading much past the limit. pooled says that
// the buffer may be recycled (Recycle).
func readLimited(r io.Reader, hint, max int64) (buf []byte, pooled bool, err error) {
	if max >= 0 && hint > max {
		return nil, false, tooLarge(hint, max)
	}
	c := int64(64 << 10)
	if hint >= 0 {
		c = hint + 1 // +1 so EOF is seen without growing
	}
	if max >= 0 && c > max+1 {
		c = max + 1
	}
	buf, pooled, fresh := fileBuffer(c)
	if fresh {
		hugepages.Populate(buf[:0:c]) // what the file needs; a class's spare capacity when a larger file uses it
	}
	for {
		if len(buf) == cap(buf) {
			if max >= 0 && int64(len(buf)) > max {
				return nil, false, tooLarge(-1, max)
			}
			next := int64(cap(buf)) * 2
			if max >= 0 && next > max+1 {
				next = max + 1
			}
			nb := make([]byte, len(buf), next)
			hugepages.Populate(nb)
			copy(nb, buf)
			buf, pooled = nb, false
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			if errors.Is(err, errBudget) || errors.Is(err, errRatio) {
				return nil, false, err
			}
			return nil, false, fmt.Errorf("read error: %w", err)
		}
	}
	if max >= 0 && int64(len(buf)) > max {
		return nil, false, tooLarge(-1, max)
	}
	return buf, pooled, nil
}

// isReadableFormat reports a binary format that extraction has a reader for (PDF, DOCX,
// XLSX) or names in its error (legacy .doc, .xls).
func isReadableFormat(data []byte) bool {
	return bytes.HasPrefix(data, []byte("%PDF-")) || read.Sniff(data) != ""
}

// magic numbers of common binary formats that end up next to policy documents.
var magics = []struct {
	prefix string
	kind   string
}{
	{"%PDF-", "PDF"},
	{"PK\x03\x04", "zip or Office document"},
	{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "Office 97-2003 document"},
	{"\x89PNG\r\n\x1a\n", "PNG image"},
	{"\xFF\xD8\xFF", "JPEG image"},
	{"GIF87a", "GIF image"},
	{"GIF89a", "GIF image"},
	{"\x7FELF", "executable"},
	{"\x1F\x8B", "gzip data"},
	{"Rar!\x1A\x07", "RAR archive"},
	{"7z\xBC\xAF\x27\x1C", "7z archive"},
}

// sniffBinary names the binary format data is in, or returns "" for what may be text.
// Text in UTF-16 (with or without a byte-order mark) has NUL bytes too; they fall all on
// even or all on odd offsets, which binary data's do not.
func sniffBinary(data []byte) string {
	for _, m := range magics {
		if bytes.HasPrefix(data, []byte(m.prefix)) {
			return m.kind
		}
	}
	if bytes.HasPrefix(data, []byte("\xFF\xFE")) || bytes.HasPrefix(data, []byte("\xFE\xFF")) {
		return ""
	}
	head := data[:min(len(data), 8000)]
	even, odd := 0, 0
	for i, b := range head {
		if b == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	if even > 0 && odd > 0 && !plausibleUTF16(head, false) && !plausibleUTF16(head, true) {
		return "contains NUL bytes"
	}
	return ""
}

// plausibleUTF16 reports whether b reads as UTF-16 text in one byte order: no NUL
// unit and hardly any control characters or broken surrogates. BOM-less UTF-16 has NUL
// bytes on both parities when ASCII (2 = 32 00 in LE) meets characters such as 一
// (U+4E00 = 00 4E), so the parity of NUL bytes alone cannot tell it from binary data.
func plausibleUTF16(b []byte, bigEndian bool) bool {
	n := len(b) / 2
	if n == 0 {
		return false
	}
	bad := 0
	for i := 0; i+1 < len(b); i += 2 {
		u := uint16(b[i]) | uint16(b[i+1])<<8
		if bigEndian {
			u = uint16(b[i])<<8 | uint16(b[i+1])
		}
		if u == 0 {
			return false
		}
		if !likelyTextUnit(u) {
			bad++
		}
	}
	return bad*20 <= n // at most 5% outside the ranges Chinese documents use
}

// likelyTextUnit reports a UTF-16 unit from the ranges a Chinese document is written in:
// ASCII and Latin-1 text, general punctuation and symbols, CJK (with its punctuation,
// kana, bopomofo, compatibility and fullwidth forms), and surrogates.
func likelyTextUnit(u uint16) bool {
	switch {
	case u == '\t' || u == '\n' || u == '\r':
		return true
	case u >= 0x20 && u <= 0x7E, u >= 0xA0 && u <= 0xFF:
		return true
	case u >= 0x2000 && u <= 0x27BF, u >= 0x3000 && u <= 0x33FF, u >= 0x3400 && u <= 0x9FFF:
		return true
	case u >= 0xD800 && u <= 0xDFFF, u >= 0xF900 && u <= 0xFAFF, u >= 0xFE30 && u <= 0xFE4F, u >= 0xFF00 && u <= 0xFFEF:
		return true
	}
	return false
}
