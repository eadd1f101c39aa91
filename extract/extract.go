package extract

import (
	"fmt"
	"sort"

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
}

// Document extracts the records of one document. name is what records carry as `doc`.
func Document(name string, data []byte, opts Options) ([]Record, error) {
	src, an, err := prepare(name, data, opts)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return extractText(name, src, an), nil
}

// Text extracts the records of an already decoded document.
func Text(name, text string) []Record {
	src := []rune(text)
	return extractText(name, src, analysisText(textmap.Identity(src)))
}

// extractText runs segmentation, mention finding and attribution over the analysis text
// an, whose runes map back to the source runes src.
func extractText(name string, src []rune, an textmap.Text) []Record {
	a := an.Runes
	sentences := segment.Sentences(a)
	mentions := findMentions(a)
	fields := attribute(a, sentences, mentions, lineStartsOf(a))
	pos := newPositions(src)
	records := make([]Record, 0, len(mentions))
	sentenceText := map[int]string{} // one string per sentence, shared by its records
	for k, m := range mentions {
		if !m.record {
			continue
		}
		at := fields[k]
		start, end := an.SourceSpan(m.Start, m.End, len(src))
		line, col := pos.lineCol(start)
		r := Record{
			Doc:       name,
			Line:      line,
			Col:       col,
			Text:      string(src[start:end]),
			Value:     m.Value,
			Unit:      m.Unit,
			Indicator: at.indicator,
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
	return records
}

// lineStartsOf returns the offsets where the lines of a start.
func lineStartsOf(a []rune) []int {
	starts := []int{0}
	for i, r := range a {
		if r == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// positions turns source rune offsets into 1-based lines and columns.
type positions struct{ lineStarts []int }

func newPositions(src []rune) positions {
	starts := []int{0}
	for i, r := range src {
		if r == '\n' {
			starts = append(starts, i+1)
		}
	}
	return positions{starts}
}

func (p positions) lineCol(offset int) (int, int) {
	k := sort.SearchInts(p.lineStarts, offset+1) - 1
	return k + 1, offset - p.lineStarts[k] + 1
}

// prepare decodes the document and derives the analysis text.
func prepare(name string, data []byte, opts Options) ([]rune, textmap.Text, error) {
	res, err := decode.Decode(data, opts.Encoding)
	if err != nil {
		return nil, textmap.Text{}, err
	}
	src := []rune(res.Text)
	base := textmap.Identity(src)
	if opts.HTML != nil && *opts.HTML || opts.HTML == nil && decode.IsHTML(name, res.Text) {
		base = decode.HTMLText(src) // records still point at the HTML source's lines
	}
	return src, analysisText(base), nil
}

// analysisText is the text the rules read: halfwidth, simplified, without scraping noise.
func analysisText(t textmap.Text) textmap.Text { return normalize.Normalize(t) }
