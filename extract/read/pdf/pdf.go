// Package pdf reads PDF files into read.Doc with PDFium (the engine of Chrome), compiled to
// WebAssembly and run in pure Go by wazero: no cgo, nothing to install. The text is what
// PDFium extracts, page after page; Reflow turns its hard-wrapped lines into paragraphs
// and drops running page numbers, headers and footers for analysis.
package pdf

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
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
func Read(ctx context.Context, data []byte) (*read.Doc, error) {
	return ReadLending(ctx, data, nil)
}

// Lender lends idle cores (extract.Helpers): each token it gives lets another engine
// instance read pages of the same document beside the first.
type Lender interface {
	TryAcquire() bool
	Release()
}

// ReadLending is Read with the cores lend gives (nil: none): the pages are read on as
// many instances at once, each taking the next page not yet taken, and the text is the
// same.
func ReadLending(ctx context.Context, data []byte, lend Lender) (doc *read.Doc, err error) {
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
	err = withInstance(ctx, ctx, pool, func(inst pdfium.Pdfium) error {
		doc, err = readDoc(ctx, pool, inst, data, lend)
		return err
	})
	return doc, err
}

// withInstance runs use with an engine instance taken from pool, waiting for one as long
// as wait lasts (else errNoInstance). A cancelled ctx stops the engine even inside a long
// call: the instance is killed (its module closed) and the pool makes a fresh one. A
// document the engine chokes on may leave the instance in a bad state: it is killed too
// rather than handed to the next document.
func withInstance(ctx, wait context.Context, pool pdfium.Pool, use func(pdfium.Pdfium) error) (err error) {
	inst, err := pool.GetInstanceWithContext(wait)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("%w: %w", errNoInstance, err)
	}
	stop := context.AfterFunc(ctx, func() { inst.Kill() })
	healthy := false
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("pdf: engine failed: %v", r)
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
	err = use(inst)
	if ctx.Err() != nil {
		return ctx.Err()
	}
	healthy = err == nil || errors.Is(err, read.ErrNoTextLayer) || errors.Is(err, errOpen)
	return err
}

// errNoInstance is the error of a wait for an engine instance that ended first.
var errNoInstance = errors.New("pdf: no engine instance")

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

// openDocument opens data on inst, and returns it with its page count and the call
// that closes it.
func openDocument(inst pdfium.Pdfium, data []byte) (references.FPDF_DOCUMENT, int, func(), error) {
	opened, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
	if err != nil {
		return "", 0, nil, openError(err)
	}
	docRef := opened.Document
	closeDoc := func() { inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: docRef}) }
	count, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: docRef})
	if err != nil {
		closeDoc()
		return "", 0, nil, fmt.Errorf("pdf: page count: %w", err)
	}
	return docRef, count.PageCount, closeDoc, nil
}

// pageQueue hands out a document's pages, each once, to the instances reading them.
type pageQueue struct {
	next  atomic.Int64
	texts []string
}

// read reads the pages not yet taken, one at a time, on inst. A page that fails leaves
// none to take: the document fails.
func (q *pageQueue) read(inst pdfium.Pdfium, docRef references.FPDF_DOCUMENT) error {
	for {
		i := int(q.next.Add(1) - 1)
		if i >= len(q.texts) {
			return nil
		}
		text, err := pageText(inst, docRef, i)
		if err != nil {
			q.next.Store(int64(len(q.texts)))
			return fmt.Errorf("pdf: page %d: %w", i+1, err)
		}
		q.texts[i] = text
	}
}

func readDoc(ctx context.Context, pool pdfium.Pool, inst pdfium.Pdfium, data []byte, lend Lender) (*read.Doc, error) {
	docRef, count, closeDoc, err := openDocument(inst, data)
	if err != nil {
		return nil, err
	}
	defer closeDoc()
	if count <= 0 {
		return nil, read.ErrNoTextLayer
	}

	q := pageQueue{texts: make([]string, count)}
	// Helpers, while tokens are free (one page each at least): an instance of their own,
	// the document opened again. A helper still waiting for an instance when the pages are
	// all taken gives up.
	wait, allTaken := context.WithCancel(ctx)
	var helpers sync.WaitGroup
	defer func() { allTaken(); helpers.Wait() }() // also when the engine panics on inst
	var helpErr error
	var mu sync.Mutex
	for n := 1; n < count && lend != nil && lend.TryAcquire(); n++ {
		helpers.Go(func() {
			defer lend.Release()
			err := withInstance(ctx, wait, pool, func(inst pdfium.Pdfium) error {
				docRef, _, closeDoc, err := openDocument(inst, data)
				if err != nil {
					return err
				}
				defer closeDoc()
				return q.read(inst, docRef)
			})
			if err != nil && !errors.Is(err, errNoInstance) { // else it read no page
				mu.Lock()
				helpErr = cmp.Or(helpErr, err)
				mu.Unlock()
			}
		})
	}
	err = q.read(inst, docRef)
	allTaken()
	helpers.Wait()
	if err = cmp.Or(err, helpErr); err != nil {
		return nil, err
	}

	var b strings.Builder
	starts := make([]int, 0, count)
	line := 0
	hasText := false
	for _, text := range q.texts {
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
