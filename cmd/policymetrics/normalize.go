package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/policymetrics/policymetrics/units"
)

type normalizeOptions struct {
	JSON    bool
	Phrases []string
}

func newNormalizeCmd(ios *IOStreams) *cobra.Command {
	opts := &normalizeOptions{}
	cmd := &cobra.Command{
		Use:   "normalize [--json] PHRASE...|-",
		Short: "Show the value, canonical unit and qualifier of quantity phrases",
		Long: `normalize reads each phrase as one quantity: a number (Arabic, Chinese or mixed), scale
words, a unit and qualifier words, and prints its exact value in the canonical unit.
A phrase that is not a quantity is reported on stderr; the exit status is then 1.

With - as a phrase, or with no phrase when standard input is not a terminal, the
phrases are read from standard input, one a line (blank lines skipped).`,
		Example: `  policymetrics normalize 34.1亿元 近4万项 百分之六点五 9成 2000-3000片每月
  policymetrics normalize --json 18.1万千瓦 | jq .value
  cut -f4 records.tsv | policymetrics normalize`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				if ios.InIsTerminal {
					return usageError("normalize needs a phrase, or - to read phrases from standard input (see %s --help)", cmd.CommandPath())
				}
				args = []string{"-"}
			}
			opts.Phrases = args
			return runNormalize(ios, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print one JSON object per line")
	return cmd
}

// normalized is one phrase's result as printed with --json.
type normalized struct {
	Phrase    string         `json:"phrase"`
	Text      string         `json:"text"`
	Value     units.Decimal  `json:"value"`
	Upper     *units.Decimal `json:"upper,omitempty"`
	Unit      string         `json:"unit"`
	RawUnit   string         `json:"raw_unit"`
	Qualifier string         `json:"qualifier"`
}

// phrases expands - in args to the lines of standard input (once: a second - reads
// nothing more), blank lines skipped.
func phrases(ios *IOStreams, args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		if a != "-" {
			out = append(out, a)
			continue
		}
		sc := bufio.NewScanner(ios.In)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() {
			if p := strings.TrimSpace(sc.Text()); p != "" {
				out = append(out, p)
			}
		}
		if err := sc.Err(); err != nil {
			return nil, &exitError{code: exitFailure, err: fmt.Errorf("reading standard input: %w", err)}
		}
	}
	return out, nil
}

func runNormalize(ios *IOStreams, opts *normalizeOptions) error {
	var results []normalized
	var bad []error
	list, err := phrases(ios, opts.Phrases)
	if err != nil {
		return err
	}
	for _, p := range list {
		q, err := units.Parse(p)
		if err != nil {
			bad = append(bad, err)
			continue
		}
		n := normalized{Phrase: p, Text: q.Text, Value: q.Value, Unit: q.Unit, RawUnit: q.RawUnit, Qualifier: string(q.Qualifier)}
		if q.HasUpper {
			u := q.Upper
			n.Upper = &u
		}
		results = append(results, n)
	}
	switch {
	case opts.JSON:
		enc := json.NewEncoder(ios.Out)
		enc.SetEscapeHTML(false)
		for _, n := range results {
			if err := enc.Encode(n); err != nil {
				return err
			}
		}
	case ios.OutIsTerminal:
		rows := [][]string{{"PHRASE", "VALUE", "UNIT", "QUALIFIER", "UPPER"}}
		for _, n := range results {
			rows = append(rows, []string{n.Phrase, n.Value.String(), n.Unit, n.Qualifier, upperString(n.Upper)})
		}
		if err := writeTable(ios.Out, rows); err != nil {
			return err
		}
	default: // piped: tab-separated, one phrase a line, no header
		for _, n := range results {
			fmt.Fprintf(ios.Out, "%s\t%s\t%s\t%s\t%s\n", n.Phrase, n.Value, n.Unit, n.Qualifier, upperString(n.Upper))
		}
	}
	for _, err := range bad {
		fmt.Fprintf(ios.ErrOut, "policymetrics: not a quantity: %v\n", err)
	}
	if len(bad) > 0 {
		return silentFailure
	}
	return nil
}

func upperString(u *units.Decimal) string {
	if u == nil {
		return ""
	}
	return u.String()
}
