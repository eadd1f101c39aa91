// Package pdf reads PDF files into read.Doc with PDFium (the engine of Chrome), compiled to
// WebAssembly and run in pure Go by wazero: no cgo, nothing to install. The text is what
// PDFium extracts, page after page; Reflow turns its hard-wrapped lines into paragraphs
// and drops running page numbers, headers and footers for analysis.
package pdf

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/klippa-app/go-pdfium"
	pdfiumerrors "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"

	"github.com/policymetrics/policymetrics/extract/read"
)

// Read extracts the text of a PDF. Doc.Text holds every page's text as PDFium gives it,
// lines split on '\n', each page ending with "\n"; Doc.PageStarts[k] is the line where
// page k+1 starts. A PDF without any text (a scan) gives read.ErrNoTextLayer; an
// encrypted or broken one gives an error that says so. Read is safe for concurrent use:
// the documents share one engine (see Start and Close).
func Read(ctx context.Context, data []byte) (doc *read.Doc, err error) {
	if len(data) == 0 {
		return nil, errors.New("pdf: empty file")
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	pool, err := acquire()
	if err != nil {
		return nil, err
	}
	defer engine.mu.RUnlock()

	inst, err := pool.GetInstanceWithContext(ctx)
	if err != nil {
		return nil, fmt.Errorf("pdf: no engine instance: %w", err)
	}
	// A cancelled context stops the engine even inside a long call: the instance is
	// killed (its module closed) and the pool makes a fresh one.
	stop := context.AfterFunc(ctx, func() { inst.Kill() })
	// A document the engine chokes on may leave the instance in a bad state: it is
	// killed too rather than handed to the next document.
	healthy := false
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("pdf: engine failed: %v", r)
			healthy = false
		}
		if !stop() {
			return // the AfterFunc kills it
		}
		if healthy {
			inst.Close()
		} else {
			inst.Kill()
		}
	}()

	doc, err = readDoc(inst, data)
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	healthy = err == nil || errors.Is(err, read.ErrNoTextLayer) || errors.Is(err, errOpen)
	return doc, err
}

// errOpen marks the errors of a file PDFium refused to open (the instance is still fine).
var errOpen = errors.New("pdf: cannot open")

func openError(err error) error {
	switch {
	case errors.Is(err, pdfiumerrors.ErrPassword):
		return fmt.Errorf("%w: encrypted: a password is needed", errOpen)
	case errors.Is(err, pdfiumerrors.ErrSecurity):
		return fmt.Errorf("%w: encrypted with an unsupported security handler", errOpen)
	case errors.Is(err, pdfiumerrors.ErrFormat), errors.Is(err, pdfiumerrors.ErrFile):
		return fmt.Errorf("%w: not a PDF or damaged beyond repair", errOpen)
	}
	return fmt.Errorf("%w: %v", errOpen, err)
}

func readDoc(inst pdfium.Pdfium, data []byte) (*read.Doc, error) {
	opened, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
	if err != nil {
		return nil, openError(err)
	}
	docRef := opened.Document
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: docRef})

	count, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: docRef})
	if err != nil {
		return nil, fmt.Errorf("pdf: page count: %w", err)
	}
	if count.PageCount <= 0 {
		return nil, read.ErrNoTextLayer
	}

	var b strings.Builder
	starts := make([]int, 0, count.PageCount)
	line := 0
	hasText := false
	for i := 0; i < count.PageCount; i++ {
		text, err := pageText(inst, docRef, i)
		if err != nil {
			return nil, fmt.Errorf("pdf: page %d: %w", i+1, err)
		}
		text = cleanPage(text)
		if !hasText && strings.IndexFunc(text, func(r rune) bool { return !unicode.IsSpace(r) }) >= 0 {
			hasText = true
		}
		starts = append(starts, line)
		b.WriteString(text)
		line += strings.Count(text, "\n")
	}
	if !hasText {
		return nil, read.ErrNoTextLayer
	}
	text := b.String()
	return &read.Doc{Text: text, PageStarts: starts, Tables: Tables(text, starts)}, nil
}

// pageText returns the text of page i as FPDFText_GetText gives it.
func pageText(inst pdfium.Pdfium, docRef references.FPDF_DOCUMENT, i int) (string, error) {
	page, err := inst.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: docRef, Index: i})
	if err != nil {
		return "", err
	}
	defer inst.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: page.Page})
	tp, err := inst.FPDFText_LoadPage(&requests.FPDFText_LoadPage{Page: requests.Page{ByReference: &page.Page}})
	if err != nil {
		return "", err
	}
	defer inst.FPDFText_ClosePage(&requests.FPDFText_ClosePage{TextPage: tp.TextPage})
	n, err := inst.FPDFText_CountChars(&requests.FPDFText_CountChars{TextPage: tp.TextPage})
	if err != nil {
		return "", err
	}
	if n.Count <= 0 {
		return "", nil
	}
	// PDFium counts a character outside the BMP as two (its UTF-16 units), so Count
	// units of buffer hold them all.
	t, err := inst.FPDFText_GetText(&requests.FPDFText_GetText{TextPage: tp.TextPage, StartIndex: 0, Count: n.Count})
	if err != nil {
		return "", err
	}
	return t.Text, nil
}

// founderPUA maps the private-use code points that fonts of Founder (方正) typesetting
// give their glyphs without a Unicode mapping, as PDFium passes them on, to the
// characters they print: without this ７６．１％ reads ７６\U001001B0１％ (Tianjin's budget
// report). One rune for one, so positions do not move.
var founderPUA = map[rune]rune{
	0x1001B0: '．', // decimal point
	0x100170: '·', // middle dot (华·波罗的海)
}

// cleanPage normalises a page's text: \r\n and lone \r become \n, Founder's private-use
// points become what they print, NULs and the other control characters except \t go, and
// the page ends with exactly one "\n" (an empty page is one empty line, so that every
// page has a line of its own).
func cleanPage(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.Map(func(r rune) rune {
		if f, ok := founderPUA[r]; ok {
			return f
		}
		switch {
		case r == '\n' || r == '\t':
			return r
		case r == unicode.ReplacementChar:
			return r
		case unicode.IsControl(r), r == '\uFEFF':
			return -1
		}
		return r
	}, s)
	s = strings.TrimRight(s, "\n")
	return s + "\n"
}
