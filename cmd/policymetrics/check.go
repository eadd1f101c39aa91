package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/policymetrics/policymetrics/extract"
	"github.com/policymetrics/policymetrics/extract/decode"
	"github.com/policymetrics/policymetrics/extract/diff"
	"github.com/policymetrics/policymetrics/extract/input"
	"github.com/policymetrics/policymetrics/extract/output"
	"github.com/policymetrics/policymetrics/extract/score"
)

// expectedSuffix names a document's expected records: X.txt → X.txt.expected.jsonl.
const expectedSuffix = ".expected.jsonl"

// extractDocument is how check extracts a document; tests replace it with a fake.
var extractDocument = extract.Document

type checkOptions struct {
	Update      bool
	Gold        []string
	MinF1       *float64
	MinRecordF1 *float64
	JSON        bool
	Verbose     bool
	Encoding    string
	HTML        *bool
	Paths       []string
}

func newCheckCmd(ios *IOStreams) *cobra.Command {
	opts := &checkOptions{}
	var minF1, minRecordF1 float64
	var html bool
	cmd := &cobra.Command{
		Use:   "check [--update] PATH... | check --gold GOLD [--min-f1 X] [--min-record-f1 X] [--json] PATH...",
		Short: "Compare extraction with expected records or score it against gold",
		Long: `check extracts every document of PATH (files, directories, archives, - for standard
input, like extract) and compares the records with what they should be.

Without --gold, each document X is compared with its sibling X.expected.jsonl (JSON Lines
in the field order of extract's output; doc holds the base name). Records are aligned
by content (a longest common subsequence on text, value, unit and sentence), and the
aligned ones compared field by field: the report lists missing records, unexpected
records, changed fields (line 24 col 52 34.1亿元: unit 元 → 万元) and records that only
moved. A document without an expected file is reported
and fails. --update writes the expected files from the current extraction instead (only
files whose content changes are rewritten). In directories, *.expected.jsonl files are
never inputs. In an archive, the expected file of a member is the member next to it;
--update does not write into archives, nor for standard input.

With --gold (SPEC.md §6 gold files, or folders of them; repeat the flag or separate
with commas), the records are scored exactly as tools/score.py scores them: per-document
and overall mention precision, recall and F1, field accuracies and record F1. --json
prints score.py's --json object; -v lists misses (MISS), false alarms (FALSE) and field
errors (FIELD). --min-f1 and --min-record-f1 make check fail below a floor.

Exit status: 0 when everything matches (or is above the floors), 1 on a difference, a
missing expected file, a failed input or a figure below a floor, 2 on a usage error.`,
		Example: `  # regression fixtures: write expected files once, review them, then check in CI
  policymetrics check --update testdata/fixtures/
  policymetrics check testdata/fixtures/

  # quality against gold, failing under a floor
  policymetrics check --gold testdata/gold/dev --min-f1 0.8 testdata/seeds/
  policymetrics check --gold testdata/gold/dev --json testdata/seeds/ | jq .record_f1`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			f := cmd.Flags()
			if f.Changed("min-f1") {
				opts.MinF1 = &minF1
			}
			if f.Changed("min-record-f1") {
				opts.MinRecordF1 = &minRecordF1
			}
			if f.Changed("html") {
				opts.HTML = &html
			}
			if len(opts.Gold) == 0 {
				for _, name := range []string{"min-f1", "min-record-f1", "json"} {
					if f.Changed(name) {
						return usageError("--%s needs --gold", name)
					}
				}
			} else if opts.Update {
				return usageError("--update writes expected files; it does not go with --gold")
			}
			ctx := cmd.Context()
			if ctx == nil {
				ctx = context.Background()
			}
			if len(opts.Gold) > 0 {
				return runCheckGold(ctx, ios, opts)
			}
			return runCheckExpected(ctx, ios, opts)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&opts.Update, "update", false, "write (or rewrite) each document's X.expected.jsonl from the current extraction")
	f.StringSliceVar(&opts.Gold, "gold", nil, "score against these gold .jsonl files or folders (SPEC.md §6)")
	f.Float64Var(&minF1, "min-f1", 0, "with --gold: fail when mention F1 is below this")
	f.Float64Var(&minRecordF1, "min-record-f1", 0, "with --gold: fail when record F1 is below this")
	f.BoolVar(&opts.JSON, "json", false, "with --gold: print the figures as one JSON object (score.py --json)")
	f.BoolVarP(&opts.Verbose, "verbose", "v", false, "with --gold: list misses, false alarms and field errors; without: list matching documents too")
	f.StringVar(&opts.Encoding, "encoding", "", "input encoding (utf-8, utf-16le, utf-16be, gb18030, gbk, big5); detected by default")
	f.BoolVar(&html, "html", false, "read every input as HTML (by default: .html/.htm names and content that starts like HTML)")
	completeValues(cmd, "encoding", decode.Encodings...)
	return cmd
}

// checkItem is one input document, or one input that could not be read.
type checkItem struct {
	Name     string // as records carry it in doc
	Data     []byte
	Encoding string // overrides --encoding when set
	Err      error
}

// walkCheckInputs enumerates the documents of the command line in order, as extract
// reads them (extract/input: files, directories, archives, "-"). Expected files are
// included, so that those inside archives are found; checkInputs sets them apart.
var walkCheckInputs = func(ctx context.Context, paths []string, stdin io.Reader, yield func(checkItem) error) error {
	opts := input.Options{Stdin: stdin, Also: []string{"*" + expectedSuffix}}
	return input.Walk(ctx, paths, opts, func(it input.Item) error {
		return yield(checkItem{Name: it.Name, Data: it.Data, Encoding: it.Encoding, Err: it.Err})
	})
}

// checkInputs collects the documents of the command line, and the expected files met
// among them (members of archives); *.expected.jsonl files are never documents unless
// named themselves.
func checkInputs(ctx context.Context, ios *IOStreams, paths []string) (docs []checkItem, expected map[string][]byte, err error) {
	named := map[string]bool{}
	for _, p := range paths {
		named[p] = true
	}
	expected = map[string][]byte{}
	err = walkCheckInputs(ctx, paths, ios.In, func(it checkItem) error {
		if strings.HasSuffix(it.Name, expectedSuffix) && !named[it.Name] {
			if it.Err == nil {
				expected[it.Name] = it.Data
			}
			return nil
		}
		docs = append(docs, it)
		return nil
	})
	return docs, expected, err
}

func extractItem(it checkItem, opts *checkOptions) ([]extract.Record, error) {
	o := extract.Options{Encoding: opts.Encoding, HTML: opts.HTML}
	if it.Encoding != "" {
		o.Encoding = it.Encoding
	}
	return extractDocument(it.Name, it.Data, o)
}

// expectedPath is the file holding a document's expected records, or "" when the document
// is not a file of its own (standard input, an archive member, a table row).
func expectedPath(name string) string {
	if name == "-" || strings.Contains(name, "!") || strings.Contains(name, "#") {
		return ""
	}
	return name + expectedSuffix
}

// encodeExpected writes records as an expected file: JSON Lines in extract.Fields order,
// with doc reduced to the base name, so the file does not depend on where check runs.
func encodeExpected(name string, recs []extract.Record) ([]byte, error) {
	based := make([]extract.Record, len(recs))
	for i, r := range recs {
		r.Doc = score.BaseDoc(r.Doc)
		based[i] = r
	}
	return output.Encode(output.JSONL, output.Options{}, based)
}

func toDiffRecords(recs []extract.Record, name string) ([]diff.Record, error) {
	data, err := encodeExpected(name, recs)
	if err != nil {
		return nil, err
	}
	return diff.Parse(data, name)
}

func runCheckExpected(ctx context.Context, ios *IOStreams, opts *checkOptions) error {
	docs, inArchive, err := checkInputs(ctx, ios, opts.Paths)
	if err != nil {
		return err
	}
	out := ios.Out
	var nOK, nDiffer, nNoExpected, nFailed, nWritten, nUnchanged int
	failf := func(format string, a ...any) {
		nFailed++
		fmt.Fprintf(ios.ErrOut, "policymetrics: %s\n", oneLine(fmt.Sprintf(format, a...)))
	}
	for _, it := range docs {
		if it.Err != nil {
			failf("%s: %v", it.Name, it.Err)
			continue
		}
		recs, err := extractItem(it, opts)
		if err != nil {
			failf("%s: %v", it.Name, err)
			continue
		}
		path := expectedPath(it.Name)
		if opts.Update {
			if path == "" {
				failf("%s: no place for an expected file (standard input or an archive member)", it.Name)
				continue
			}
			data, err := encodeExpected(it.Name, recs)
			if err != nil {
				failf("%s: %v", it.Name, err)
				continue
			}
			if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
				nUnchanged++
				if opts.Verbose {
					fmt.Fprintf(out, "ok    %s (%d records, unchanged)\n", path, len(recs))
				}
				continue
			}
			if err := os.WriteFile(path, data, 0o644); err != nil {
				failf("%v", err)
				continue
			}
			nWritten++
			fmt.Fprintf(out, "wrote %s (%d records)\n", path, len(recs))
			continue
		}
		want, source, found := inArchive[it.Name+expectedSuffix], it.Name+expectedSuffix, false
		if want != nil {
			found = true
		} else if path != "" {
			if data, err := os.ReadFile(path); err == nil {
				want, found = data, true
			} else if !errors.Is(err, fs.ErrNotExist) {
				failf("%v", err)
				continue
			}
		}
		if !found {
			nNoExpected++
			fmt.Fprintf(out, "NONE  %s: no expected file %s (write it with check --update)\n", it.Name, source)
			continue
		}
		wantRecs, err := diff.Parse(want, source)
		if err != nil {
			failf("%v", err)
			continue
		}
		gotRecs, err := toDiffRecords(recs, it.Name)
		if err != nil {
			failf("%s: %v", it.Name, err)
			continue
		}
		d := diff.Compare(wantRecs, gotRecs)
		if d.Empty() {
			nOK++
			if opts.Verbose {
				fmt.Fprintf(out, "ok    %s (%d records)\n", it.Name, len(recs))
			}
			continue
		}
		nDiffer++
		fmt.Fprintf(out, "FAIL  %s: %s\n", it.Name, d.Summary())
		for _, l := range d.Lines() {
			fmt.Fprintf(out, "  %s\n", l)
		}
	}
	total := len(docs)
	if opts.Update {
		fmt.Fprintf(out, "%s: %d written, %d unchanged", plural(total, "document"), nWritten, nUnchanged)
	} else {
		fmt.Fprintf(out, "%s: %d match, %d differ, %d without expected file", plural(total, "document"), nOK, nDiffer, nNoExpected)
	}
	if nFailed > 0 {
		fmt.Fprintf(out, ", %d failed", nFailed)
	}
	fmt.Fprintln(out)
	if total == 0 {
		fmt.Fprintln(ios.ErrOut, "policymetrics: no documents found")
		return silentFailure
	}
	if nDiffer+nNoExpected+nFailed > 0 {
		return silentFailure
	}
	return nil
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}

func runCheckGold(ctx context.Context, ios *IOStreams, opts *checkOptions) error {
	gold, err := score.ReadRecords(opts.Gold...)
	if err != nil {
		return &exitError{code: exitFailure, err: fmt.Errorf("reading gold: %v", err)}
	}
	docs, _, err := checkInputs(ctx, ios, opts.Paths)
	if err != nil {
		return err
	}
	failed := false
	var pred []score.Record
	seen := map[string]bool{}
	for _, it := range docs {
		if it.Err == nil {
			var recs []extract.Record
			if recs, err = extractItem(it, opts); err == nil {
				var conv []score.Record
				if conv, err = score.Convert(recs); err == nil {
					pred = append(pred, conv...)
					seen[score.BaseDoc(it.Name)] = true
					continue
				}
			}
		} else {
			err = it.Err
		}
		failed = true
		fmt.Fprintf(ios.ErrOut, "policymetrics: %s: %v\n", it.Name, err)
	}
	res, err := score.Score(gold, pred)
	if err != nil {
		return &exitError{code: exitFailure, err: err}
	}
	for _, c := range res.Docs {
		if !seen[c.Doc] {
			fmt.Fprintf(ios.ErrOut, "policymetrics: warning: gold document %s is not among the inputs; its records count as misses\n", c.Doc)
		}
	}
	switch {
	case opts.JSON:
		err = res.WriteJSON(ios.Out)
		if err == nil && opts.Verbose {
			err = res.WriteDetails(ios.Out)
		}
	case ios.OutIsTerminal:
		err = writeScoreTables(ios.Out, res, opts.Verbose)
	default:
		err = res.WriteText(ios.Out, opts.Verbose)
	}
	if err != nil {
		return err
	}
	if opts.MinF1 != nil && res.F1 < *opts.MinF1 {
		failed = true
		fmt.Fprintf(ios.ErrOut, "policymetrics: mention F1 %.4f is below --min-f1 %g\n", res.F1, *opts.MinF1)
	}
	if opts.MinRecordF1 != nil && res.RecordF1 < *opts.MinRecordF1 {
		failed = true
		fmt.Fprintf(ios.ErrOut, "policymetrics: record F1 %.4f is below --min-record-f1 %g\n", res.RecordF1, *opts.MinRecordF1)
	}
	if failed {
		return silentFailure
	}
	return nil
}

// writeScoreTables is the terminal form of the score report: aligned tables.
func writeScoreTables(w io.Writer, res *score.Result, verbose bool) error {
	f3 := func(x float64) string { return strconv.FormatFloat(x, 'f', 3, 64) }
	rows := [][]string{{"DOC", "TP", "FP", "FN", "P", "R", "F1"}}
	for _, c := range res.Docs {
		p, r, f := c.PRF()
		rows = append(rows, []string{c.Doc, strconv.Itoa(c.TP), strconv.Itoa(c.FP), strconv.Itoa(c.FN), f3(p), f3(r), f3(f)})
	}
	fg := res.Figures
	rows = append(rows, []string{"ALL", strconv.Itoa(fg.TP), strconv.Itoa(fg.FP), strconv.Itoa(fg.FN), f3(res.Precision), f3(res.Recall), f3(res.F1)})
	if err := writeTable(w, rows); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nover %d matched pairs: indicator overlap %s, text exact %s\n", fg.TP, f3(fg.IndicatorOverlap), f3(res.TextExact))
	rows = [][]string{{"FIELD", "ACCURACY", "F1 OF SET VALUES"}}
	for i, k := range score.Fields {
		rows = append(rows, []string{k, f3(res.Acc[i]), f3(res.SetF1[i])})
	}
	if err := writeTable(w, rows); err != nil {
		return err
	}
	if verbose {
		fmt.Fprintln(w)
		if err := res.WriteDetails(w); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintf(w, "\n%s\n", res.Summary())
	return err
}
