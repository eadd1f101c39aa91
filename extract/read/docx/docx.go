// Package docx reads the text and tables of a Word 2007+ document (.docx).
//
// There is no dominant maintained Go library for reading DOCX text, and the part of the
// format that carries text is small (w:p, w:r, w:t, w:tab, w:br, w:tbl/w:tr/w:tc,
// w:gridSpan, w:vMerge), so this package streams word/document.xml with encoding/xml
// itself. Headers, footers, footnotes and comments live in other parts and are ignored.
package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/policymetrics/policymetrics/extract/read"
)

// maxDocumentXML caps the uncompressed size of word/document.xml, so that a zip bomb
// fails with an error instead of filling the memory. A var so tests can lower it.
var maxDocumentXML int64 = 256 << 20

const documentPart = "word/document.xml"

// Read extracts the paragraphs and tables of a .docx file in document order.
func Read(data []byte) (*read.Doc, error) {
	body, err := documentXML(data)
	if err != nil {
		return nil, err
	}
	blocks, err := parse(body)
	if err != nil {
		return nil, fmt.Errorf("docx: %s: %w", documentPart, err)
	}
	return layout(blocks)
}

// documentXML returns the uncompressed word/document.xml, refusing one larger than
// maxDocumentXML.
func documentXML(data []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("docx: not a zip archive: %w", err)
	}
	for _, f := range zr.File {
		if f.Name == documentPart {
			return readLimited(f)
		}
	}
	return nil, fmt.Errorf("docx: no %s in the archive; not a Word document", documentPart)
}

func readLimited(f *zip.File) ([]byte, error) {
	tooBig := fmt.Errorf("docx: %s unpacks to more than %d bytes; refusing it (zip bomb?)", f.Name, maxDocumentXML)
	// The header can lie; archive/zip checks it while reading, the LimitReader too.
	if f.UncompressedSize64 > uint64(maxDocumentXML) {
		return nil, tooBig
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("docx: open %s: %w", f.Name, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, maxDocumentXML+1))
	if err != nil {
		return nil, fmt.Errorf("docx: unpack %s: %w", f.Name, err)
	}
	if int64(len(b)) > maxDocumentXML {
		return nil, tooBig
	}
	return b, nil
}

// errUnexpectedEOF is what a document cut in the middle of an element gives.
var errUnexpectedEOF = errors.New("document ends inside an element")
