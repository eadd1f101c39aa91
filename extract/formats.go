package extract

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"path"
	"strings"

	"github.com/policymetrics/policymetrics/extract/read"
	"github.com/policymetrics/policymetrics/extract/read/docx"
	"github.com/policymetrics/policymetrics/extract/read/pdf"
	"github.com/policymetrics/policymetrics/extract/read/xlsx"
)

// readFormat reads a document that is not text: PDF (by its magic), DOCX and XLSX (zip
// files holding word/ or xl/). ok is false for a text or HTML document. Legacy Office
// files (.doc, .xls, .wps) are an error that names the format and what to do. A PDF's
// pages are read on the cores opts.Helpers lends, and stop with opts.Context.
func readFormat(name string, data []byte, opts Options) (*read.Doc, bool, error) {
	if bytes.HasPrefix(data, []byte("%PDF-")) {
		// A nil *Helpers lends nothing: it may stand for the Lender as it is.
		d, err := pdf.ReadLending(cmp.Or(opts.Context, context.Background()), data, opts.Helpers)
		return d, true, err
	}
	switch read.Sniff(data) {
	case "docx":
		d, err := docx.Read(data)
		return d, true, err
	case "xlsx":
		d, err := xlsx.Read(data)
		return d, true, err
	case "doc", "xls", "doc or xls":
		kind := strings.TrimPrefix(strings.ToLower(path.Ext(name)), ".")
		if kind == "" {
			kind = read.Sniff(data)
		}
		return nil, true, fmt.Errorf("legacy Office file (%s) is not read: convert it first, e.g. soffice --headless --convert-to %sx %s", kind, strings.Fields(kind)[0], path.Base(name))
	}
	return nil, false, nil
}
