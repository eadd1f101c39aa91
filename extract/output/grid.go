package output

import (
	"bufio"
	"io"
)

// WriteGrid writes a table of text cells whose first row is the header (a pivot, a
// summary) in format f: CSV and TSV as rows, JSON Lines as one object per row keyed by
// the header, JSON as an array of those objects.
func WriteGrid(w io.Writer, f Format, opts Options, grid [][]string) error {
	bw := bufio.NewWriter(w)
	if opts.BOM && (f == CSV || f == TSV) {
		bw.WriteString("\uFEFF")
	}
	switch f {
	case CSV, TSV:
		sep, end := ",", "\r\n"
		if f == TSV {
			sep, end = "\t", "\n"
		}
		for _, row := range grid {
			for i, c := range row {
				if i > 0 {
					bw.WriteString(sep)
				}
				if f == CSV {
					bw.WriteString(CSVCell(c, false))
				} else {
					bw.WriteString(TSVCell(c))
				}
			}
			bw.WriteString(end)
		}
	default:
		if len(grid) == 0 {
			break
		}
		header := grid[0]
		if f == JSON {
			bw.WriteString("[")
		}
		for k, row := range grid[1:] {
			if f == JSON && k > 0 {
				bw.WriteString(",")
			}
			bw.WriteString("{")
			for i, c := range row {
				if i > 0 {
					bw.WriteString(",")
				}
				bw.Write(appendJSONString(nil, header[i]))
				bw.WriteString(":")
				bw.Write(appendJSONString(nil, c))
			}
			bw.WriteString("}")
			if f == JSONL {
				bw.WriteString("\n")
			}
		}
		if f == JSON {
			bw.WriteString("]\n")
		}
	}
	return bw.Flush()
}
