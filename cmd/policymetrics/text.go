package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"github.com/policymetrics/policymetrics/extract"
	"github.com/policymetrics/policymetrics/extract/decode"
)

type textOptions struct {
	Encoding string
	Analysis bool
	Name     string
}

func newTextCmd(ios *IOStreams) *cobra.Command {
	opts := &textOptions{}
	cmd := &cobra.Command{
		Use:   "text [flags] FILE|-",
		Short: "Print a document's text as extraction reads it",
		Long: `text prints the text of one document as extract reads it: for a PDF, DOCX or XLSX the
text its reader extracted (records' line and col count in it, a PDF's pages one after
the other; table rows as lines of tab-separated cells), for text and HTML the decoded
source. With --analysis it prints the text the rules read instead: tags and page noise
gone, hard-wrapped PDF lines joined into paragraphs, simplified and halfwidth.

Use it to check a record against its source: policymetrics text report.pdf | sed -n 17p.`,
		Example: `  policymetrics text budget.pdf | less
  policymetrics text --analysis bulletin.html`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Name = args[0]
			return runText(ios, opts)
		},
	}
	cmd.Flags().StringVar(&opts.Encoding, "encoding", "", "input encoding of a text document (detected by default)")
	cmd.Flags().BoolVar(&opts.Analysis, "analysis", false, "print the analysis text the rules read")
	completeValues(cmd, "encoding", decode.Encodings...)
	return cmd
}

func runText(ios *IOStreams, o *textOptions) error {
	var data []byte
	var err error
	if o.Name == "-" {
		data, err = io.ReadAll(ios.In)
	} else {
		data, err = os.ReadFile(o.Name)
	}
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return &exitError{code: exitFailure, err: fmt.Errorf("%s: %w", o.Name, err)}
	}
	d, err := extract.Build(o.Name, data, extract.Options{Encoding: o.Encoding})
	if err != nil {
		return &exitError{code: exitFailure, err: err}
	}
	text := string(d.Src)
	if o.Analysis {
		text = string(d.Text.Runes)
	}
	_, err = io.WriteString(ios.Out, text)
	return err
}
