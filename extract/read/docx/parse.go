package docx

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// The WordprocessingML namespaces: transitional (what Word writes) and strict.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// maxTableDepth bounds tables nested in cells: the parser recurses on them.
const maxTableDepth = 32

// block is a paragraph (rows == nil) or a table, in document order.
type block struct {
	para  string
	rows  [][]tcell
	table bool
}

// tcell is a table cell as written: its text, the grid columns it spans, and whether
// it continues a vertical merge from the row above.
type tcell struct {
	text      string
	span      int
	continues bool
}

type parser struct {
	d      *xml.Decoder
	blocks []block
}

func parse(body []byte) ([]block, error) {
	p := &parser{d: xml.NewDecoder(bytes.NewReader(body))}
	for {
		tok, err := p.d.Token()
		if err == io.EOF {
			return p.blocks, nil
		}
		if err != nil {
			return nil, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		// Other elements (body, sdt, customXml…) are walked into: they hold paragraphs.
		switch {
		case isFallback(se):
			err = p.d.Skip()
		case isW(se, "p"):
			var s string
			s, err = p.paragraph()
			p.blocks = append(p.blocks, block{para: s})
		case isW(se, "tbl"):
			var rows [][]tcell
			rows, err = p.table(0)
			p.blocks = append(p.blocks, block{rows: rows, table: true})
		}
		if err != nil {
			return nil, err
		}
	}
}

func isW(se xml.StartElement, local string) bool {
	return se.Name.Local == local && (se.Name.Space == nsW || se.Name.Space == nsWStrict)
}

// isFallback tells mc:Fallback, which repeats the content of mc:Choice for old readers.
func isFallback(se xml.StartElement) bool {
	return se.Name.Space == nsMC && se.Name.Local == "Fallback"
}

// token returns the next token, turning the end of input into an error: the callers
// are inside an element.
func (p *parser) token() (xml.Token, error) {
	tok, err := p.d.Token()
	if err == io.EOF {
		return nil, errUnexpectedEOF
	}
	return tok, err
}

// paragraph reads the runs of a w:p up to its end and returns its text on one line:
// tabs and breaks become spaces, since '\t' and '\n' structure Doc.Text.
func (p *parser) paragraph() (string, error) {
	var b strings.Builder
	for depth := 1; depth > 0; {
		tok, err := p.token()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			depth--
		case xml.StartElement:
			s, skipped, err := p.inline(t)
			if err != nil {
				return "", err
			}
			b.WriteString(s)
			if !skipped {
				depth++
			}
		}
	}
	return clean(b.String()), nil
}

// inline handles an element inside a paragraph. skipped is true when it consumed the
// element up to its end.
func (p *parser) inline(se xml.StartElement) (s string, skipped bool, err error) {
	switch {
	case isFallback(se):
		return "", true, p.d.Skip()
	case isW(se, "t"):
		err = p.d.DecodeElement(&s, &se)
		return s, true, err
	case isW(se, "tab"), isW(se, "br"), isW(se, "cr"), isW(se, "p"):
		// A nested w:p is a text box paragraph: keep it apart from the text around.
		return " ", false, nil
	case isW(se, "noBreakHyphen"):
		return "-", false, nil
	}
	return "", false, nil
}

// clean puts s on one line without the structure characters of Doc.Text.
func clean(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\t', '\n', '\r', '\v', '\f':
			return ' '
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}

// table reads a w:tbl up to its end and returns its rows as written.
func (p *parser) table(depth int) ([][]tcell, error) {
	if depth >= maxTableDepth {
		return nil, fmt.Errorf("tables nested more than %d deep", maxTableDepth)
	}
	var rows [][]tcell
	for level := 1; level > 0; {
		tok, err := p.token()
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			level--
		case xml.StartElement:
			switch {
			case isFallback(t):
				err = p.d.Skip()
			case isW(t, "tr"):
				var row []tcell
				row, err = p.row(depth)
				rows = append(rows, row)
			default:
				level++
			}
			if err != nil {
				return nil, err
			}
		}
	}
	return rows, nil
}

// row reads a w:tr; the grid columns it leaves out before or after (gridBefore,
// gridAfter) become empty cells so that it lines up with the other rows.
func (p *parser) row(depth int) ([]tcell, error) {
	var cells []tcell
	var before, after int
	for level := 1; level > 0; {
		tok, err := p.token()
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			level--
		case xml.StartElement:
			switch {
			case isFallback(t):
				err = p.d.Skip()
			case isW(t, "tc"):
				var c tcell
				c, err = p.cell(depth)
				cells = append(cells, c)
			case isW(t, "gridBefore"):
				before = spanVal(t, 0)
				level++
			case isW(t, "gridAfter"):
				after = spanVal(t, 0)
				level++
			default:
				level++
			}
			if err != nil {
				return nil, err
			}
		}
	}
	if before > 0 {
		cells = append([]tcell{{span: before}}, cells...)
	}
	if after > 0 {
		cells = append(cells, tcell{span: after})
	}
	return cells, nil
}

// cell reads a w:tc: its paragraphs joined with a space, nested tables flattened.
func (p *parser) cell(depth int) (tcell, error) {
	c := tcell{span: 1}
	var parts []string
	for level := 1; level > 0; {
		tok, err := p.token()
		if err != nil {
			return c, err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			level--
		case xml.StartElement:
			var s string
			switch {
			case isFallback(t):
				err = p.d.Skip()
			case isW(t, "p"):
				s, err = p.paragraph()
			case isW(t, "tbl"):
				var rows [][]tcell
				rows, err = p.table(depth + 1)
				s = flatten(rows)
			case isW(t, "gridSpan"):
				c.span = spanVal(t, 1)
				level++
			case isW(t, "vMerge"):
				// No val, or "continue", continues the merge; "restart" starts one.
				c.continues = attr(t, "val") != "restart"
				level++
			default:
				level++
			}
			if err != nil {
				return c, err
			}
			if s != "" {
				parts = append(parts, s)
			}
		}
	}
	c.text = strings.Join(parts, " ")
	return c, nil
}

// flatten writes a nested table as the text of the cell that holds it.
func flatten(rows [][]tcell) string {
	var parts []string
	for _, r := range rows {
		for _, c := range r {
			if c.text != "" {
				parts = append(parts, c.text)
			}
		}
	}
	return strings.Join(parts, " ")
}

// maxSpan bounds a cell's span: Word's grid has at most 63 columns, and a forged
// value must not make rows of millions of cells.
const maxSpan = 1000

// spanVal reads a w:val count, falling back to def when it is missing or absurd.
func spanVal(se xml.StartElement, def int) int {
	n, err := strconv.Atoi(attr(se, "val"))
	if err != nil || n < 1 || n > maxSpan {
		return def
	}
	return n
}

// attr returns the value of the attribute with the given local name (w:val, val).
func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
