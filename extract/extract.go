package extract

import (
	"fmt"
	"github.com/policymetrics/policymetrics/extract/concept"
	"github.com/policymetrics/policymetrics/extract/doc"
	"github.com/policymetrics/policymetrics/extract/read"
	"github.com/policymetrics/policymetrics/extract/read/pdf"

	"github.com/policymetrics/policymetrics/extract/decode"
	"github.com/policymetrics/policymetrics/extract/normalize"
	"github.com/policymetrics/policymetrics/extract/segment"
	"github.com/policymetrics/policymetrics/extract/textmap"
)

// Options control how a document is read.
type Options struct {
	// Encoding forces the input encoding ("utf-8", "utf-16le", "utf-16be", "gb18030",
	// "gbk", "big5"); empty means detect it per document.
	Encoding string
	// HTML forces (true) or forbids (false) reading the input as HTML; nil decides by
	// the name (.html, .htm) and by whether the content starts like HTML.
	HTML *bool
	// Concepts is the concept list records are keyed by (SPEC.md §7); nil means the
	// built-in list.
	Concepts *concept.List
	// Warn, when set, hears what went wrong without stopping the document (a user's
	// concept pattern that timed out).
	Warn func(error)
}

func (o Options) concepts() *concept.List {
	if o.Concepts != nil {
		return o.Concepts
	}
	return concept.Default()
}

// Document extracts the records of one document. name is what records carry as `doc`.
func Document(name string, data []byte, opts Options) ([]Record, error) {
	d, err := Build(name, data, opts)
	if err != nil {
		return nil, err
	}
	return Records(d, opts), nil
}

// Build reads a document into the value the rules work on.
func Build(name string, data []byte, opts Options) (*doc.Document, error) {
	d, err := build(name, data, opts)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return d, nil
}

// Text extracts the records of an already decoded document.
func Text(name, text string) []Record {
	src := []rune(text)
	return Records(doc.Build(name, src, analysisText(textmap.Identity(src))), Options{})
}

// Records runs segmentation, mention finding and attribution over a document.
func Records(d *doc.Document, opts Options) []Record {
	a, an, src, name := d.Text.Runes, d.Text, d.Src, d.Name
	sentences := segment.Sentences(a)
	mentions := findMentions(a)
	fields := attribute(d, sentences, mentions, opts)
	tableRecs, claimed := tableRecords(d, opts)
	records := make([]Record, 0, len(mentions)+len(tableRecs))
	sentenceText := map[int]string{} // one string per sentence, shared by its records
	for k, m := range mentions {
		if !m.record {
			continue
		}
		at := fields[k]
		start, end := an.SourceSpan(m.Start, m.End, len(src))
		if inSpans(claimed, start) {
			continue // a table cell: its record comes from the table
		}
		line, col := d.SourcePos(start)
		r := Record{
			Doc:       name,
			Line:      line,
			Col:       col,
			Text:      d.Visible(start, end),
			Page:      d.PageOfLine(line),
			Value:     m.Value,
			Unit:      m.Unit,
			Indicator: at.indicator,
			Concept:   at.concept,
			Area:      at.area,
			Period:    at.period,
			Qualifier: string(at.qualifier),
			Change:    at.change,
			Modality:  at.modality,
			RawUnit:   m.RawUnit,
		}
		if m.HasUpper {
			u := m.Upper
			r.Upper = &u
		}
		if k := segment.Find(sentences, m.Start); k >= 0 {
			st, ok := sentenceText[k]
			if !ok {
				st = string(a[sentences[k].Start:sentences[k].End])
				sentenceText[k] = st
			}
			r.Sentence = st
		}
		records = append(records, r)
	}
	if len(tableRecs) > 0 {
		records = mergeByPosition(records, tableRecs)
	}
	return records
}

// inSpans reports a source offset inside one of spans.
func inSpans(spans []span, i int) bool {
	for _, s := range spans {
		if i >= s.start && i < s.end {
			return true
		}
	}
	return false
}

// mergeByPosition merges two lists of records each in document order into one.
func mergeByPosition(a, b []Record) []Record {
	out := make([]Record, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if b[0].Line < a[0].Line || b[0].Line == a[0].Line && b[0].Col < a[0].Col {
			out, b = append(out, b[0]), b[1:]
		} else {
			out, a = append(out, a[0]), a[1:]
		}
	}
	return append(append(out, a...), b...)
}

// build decodes the document (text, HTML, PDF, DOCX, XLSX) and derives the analysis
// text.
func build(name string, data []byte, opts Options) (*doc.Document, error) {
	if rd, ok, err := readFormat(name, data); ok {
		if err != nil {
			return nil, err
		}
		src := []rune(rd.Text)
		base := textmap.Identity(src)
		if rd.PageStarts != nil {
			base = pdf.Reflow(rd.Text, rd.PageStarts)
		}
		return doc.BuildFrom(name, src, base, analysisText(base), rd.Tables, rd.PageStarts), nil
	}
	res, err := decode.Decode(data, opts.Encoding)
	if err != nil {
		return nil, err
	}
	src := []rune(res.Text)
	base := textmap.Identity(src)
	var tables []read.Table
	if opts.HTML != nil && *opts.HTML || opts.HTML == nil && decode.IsHTML(name, res.Text) {
		base, tables = decode.HTMLDocument(src) // records still point at the HTML source's lines
	}
	tables = append(tables, textTables(base.Runes, insideTables(tables))...)
	return doc.BuildFrom(name, src, base, analysisText(base), tables, nil), nil
}

// analysisText is the text the rules read: halfwidth, simplified, without scraping noise.
func analysisText(t textmap.Text) textmap.Text { return normalize.Normalize(t) }
