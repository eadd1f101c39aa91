package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/xuri/excelize/v2"
)

// maxMerges caps the merged ranges of a sheet read by scanMerges.
const maxMerges = 100_000

// rect is a merged range, 0-based and inclusive.
type rect struct{ r1, c1, r2, c2 int }

// sheetParts maps sheet names to their parts in the archive, from xl/workbook.xml and
// its relationships. A sheet missing there has no merges read; excelize still reads it.
func sheetParts(zr *zip.Reader) (map[string]string, error) {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := decodePart(zr, "xl/workbook.xml", &wb); err != nil {
		return nil, err
	}
	if err := decodePart(zr, "xl/_rels/workbook.xml.rels", &rels); err != nil {
		return nil, err
	}
	targets := map[string]string{}
	for _, r := range rels.Rels {
		targets[r.ID] = r.Target
	}
	parts := map[string]string{}
	for _, s := range wb.Sheets {
		if t, ok := targets[s.RID]; ok {
			parts[s.Name] = partName(t)
		}
	}
	return parts, nil
}

// partName resolves a relationship target of the workbook: relative to xl/, or
// absolute from the archive's root.
func partName(target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return path.Join("xl", target)
}

func openPart(zr *zip.Reader, name string) (io.ReadCloser, error) {
	for _, f := range zr.File {
		if strings.EqualFold(f.Name, name) {
			return f.Open()
		}
	}
	return nil, fmt.Errorf("xlsx: no %s in the archive", name)
}

func decodePart(zr *zip.Reader, name string, v any) error {
	rc, err := openPart(zr, name)
	if err != nil {
		return err
	}
	defer rc.Close()
	if err := xml.NewDecoder(rc).Decode(v); err != nil {
		return fmt.Errorf("xlsx: %s: %w", name, err)
	}
	return nil
}

// scanMerges streams a sheet part for its mergeCell ranges, holding no more than one
// token at a time. The XML is read from the first mergeCell tag on (mergesFrom): the
// sheet's data before it, most of the part, is excelize's to read, and tokenizing it here
// too was a tenth of a workbook's time. Should that reading fail, the part is read whole.
func scanMerges(zr *zip.Reader, part string) ([]rect, error) {
	rc, err := openPart(zr, part)
	if err != nil {
		return nil, err
	}
	from, found, err := mergesFrom(rc)
	if from != nil {
		if merges, err := mergesIn(from, part); err == nil {
			rc.Close()
			return merges, nil
		}
	}
	rc.Close()
	switch {
	case err != nil:
		return nil, fmt.Errorf("%s: %w", part, err)
	case !found:
		return nil, nil
	}
	// Prefixed tags only, or the reading from the tag failed: the part whole.
	if rc, err = openPart(zr, part); err != nil {
		return nil, err
	}
	defer rc.Close()
	return mergesIn(rc, part)
}

// mergeTag starts the merged ranges' elements (mergeCells, then each mergeCell) in a
// part's bytes: markup, since text and attribute values hold no raw '<'.
var mergeTag = []byte("<mergeCell")

// mergesFrom reads r up to the first unprefixed mergeCells or mergeCell tag and returns a
// reader of r from that tag on. found is false when r has no such tag, nor a prefixed one
// (<x:mergeCell), so no merges; from is nil when it has only prefixed ones, and the caller
// reads the part whole.
func mergesFrom(r io.Reader) (from io.Reader, found bool, err error) {
	const chunk, overlap = 64 << 10, 64
	buf := make([]byte, 0, chunk+overlap)
	prefixed := false
	for {
		n, err := io.ReadFull(r, buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if i := bytes.Index(buf, mergeTag); i >= 0 {
			return io.MultiReader(bytes.NewReader(buf[i:]), r), true, nil
		}
		prefixed = prefixed || bytes.Contains(buf, []byte(":mergeCell"))
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return nil, prefixed, nil
		}
		if err != nil {
			return nil, false, err
		}
		if len(buf) > overlap { // a tag across the chunk's end is found in the next
			buf = buf[:copy(buf, buf[len(buf)-overlap:])]
		}
	}
}

// mergesIn reads the mergeCell ranges of a sheet part's XML.
func mergesIn(rc io.Reader, part string) ([]rect, error) {
	d := xml.NewDecoder(rc)
	var merges []rect
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return merges, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", part, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "mergeCell" {
			continue
		}
		if len(merges) >= maxMerges {
			return nil, fmt.Errorf("more than %d merged ranges", maxMerges)
		}
		if r, ok := parseRef(attr(se, "ref")); ok {
			merges = append(merges, r)
		}
	}
}

// parseRef reads a range like B2:D3; a malformed one is ignored.
func parseRef(ref string) (rect, bool) {
	a, b, ok := strings.Cut(ref, ":")
	if !ok {
		return rect{}, false
	}
	c1, r1, err1 := excelize.CellNameToCoordinates(a)
	c2, r2, err2 := excelize.CellNameToCoordinates(b)
	if err1 != nil || err2 != nil {
		return rect{}, false
	}
	return rect{min(r1, r2) - 1, min(c1, c2) - 1, max(r1, r2) - 1, max(c1, c2) - 1}, true
}

func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
