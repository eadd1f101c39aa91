package read

import (
	"archive/zip"
	"bytes"
)

// ole2Magic starts every OLE2 compound file: legacy .doc, .xls, .wps.
var ole2Magic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// Sniff tells the office format of data from its bytes, not its name: "docx", "xlsx",
// "doc", "xls", "doc or xls" (an OLE2 file whose main stream was not found), or "" for
// anything else. Readers exist for docx and xlsx only; the legacy formats are told so
// that the caller can say what the file is.
func Sniff(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return sniffZip(data)
	case bytes.HasPrefix(data, ole2Magic):
		return sniffOLE2(data)
	}
	return ""
}

// sniffZip tells an OOXML package by its main part; only the central directory is read.
func sniffZip(data []byte) string {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return ""
	}
	for _, f := range zr.File {
		switch f.Name {
		case "word/document.xml":
			return "docx"
		case "xl/workbook.xml":
			return "xlsx"
		}
	}
	return ""
}

// sniffOLE2 looks for the name of the main stream in the directory entries, which are
// UTF-16LE: Word keeps its text in "WordDocument" (WPS too), Excel in "Workbook"
// ("Book" before Excel 97). Scanning for the names is cheaper than walking the FAT
// and good enough to pick a message.
func sniffOLE2(data []byte) string {
	has := func(name string) bool { return bytes.Contains(data, utf16le(name)) }
	switch {
	case has("WordDocument"):
		return "doc"
	case has("Workbook"), has("Book\x00"):
		return "xls"
	}
	return "doc or xls"
}

// utf16le encodes an ASCII name as UTF-16LE with its terminating NUL when it has one.
func utf16le(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		b = append(b, s[i], 0)
	}
	return b
}
