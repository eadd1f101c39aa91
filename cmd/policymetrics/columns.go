package main

import (
	"io"
	"strings"

	"github.com/policymetrics/policymetrics/extract/output"
)

// writeTable prints rows as columns aligned for a terminal, two spaces apart.
func writeTable(w io.Writer, rows [][]string) error {
	widths := []int{}
	for _, row := range rows {
		for i, cell := range row {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], output.DisplayWidth(cell))
		}
	}
	var b strings.Builder
	for _, row := range rows {
		for i, cell := range row {
			b.WriteString(cell)
			if i < len(row)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-output.DisplayWidth(cell)+2))
			}
		}
		s := strings.TrimRight(b.String(), " ")
		b.Reset()
		if _, err := io.WriteString(w, s+"\n"); err != nil {
			return err
		}
	}
	return nil
}
