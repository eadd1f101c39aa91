package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/policymetrics/policymetrics/extract"
	"github.com/policymetrics/policymetrics/extract/batch"
	"github.com/policymetrics/policymetrics/extract/filter"
	"github.com/policymetrics/policymetrics/extract/input"
	"github.com/policymetrics/policymetrics/extract/output"
	"github.com/policymetrics/policymetrics/extract/pivot"
)

type tableOptions struct {
	extractOptions
	Records string
	Where   []string
	Rows    string
	Cols    string
}

func newTableCmd(ios *IOStreams) *cobra.Command {
	opts := &tableOptions{extractOptions: extractOptions{MaxFileSize: input.DefaultMaxFileSize, MaxArchive: input.DefaultMaxArchiveBytes}}
	cmd := &cobra.Command{
		Use:   "table [flags] FILE|DIR|ARCHIVE|- ...",
		Short: "Pivot the records of documents into the analyst's table",
		Long: `table reads documents (the inputs of extract) or a records file (--records), keeps the
records that match --where, and pivots them: one row per document (or per --rows
fields), one column per concept (or per --cols fields), each cell the value, with its
range (5-5.5) and qualifier (approx, over, under). A column whose values share one unit
names it in its header. Every document read gets a row, matched or not.

A cell whose records disagree shows every value, joined with "; ", and the conflicts
column names it: nothing is picked silently.

--where takes field=value conditions (SPEC.md §1 field names) separated by commas,
several values of a field separated by |, field!=value to exclude, and field= for an
empty field (area= keeps the figures of the document's own area); repeated --where flags
all apply.

Output (--format, or the extension of -o): csv, tsv, jsonl (one object per row keyed by
the header) or json; on a terminal without -o, an aligned table.`,
		Example: `  # each province's 2026 GDP growth target
  policymetrics table --where concept=地区生产总值,unit=%,modality=target,period=2026,area= corpus/

  # every city's 2025 budget revenue and GDP, from records extracted before
  policymetrics table --records records.jsonl --where concept=一般公共预算收入|地区生产总值,unit=元,period=2025,area=

  # one concept over the years: rows are documents and areas, columns periods
  policymetrics table --where concept=地区生产总值,unit=% --rows doc,area --cols period reports/`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Args = args
			if opts.Records == "" && len(args) == 0 {
				return usageError("give documents to read, or --records FILE")
			}
			if opts.Records != "" && len(args) > 0 {
				return usageError("give documents or --records, not both")
			}
			ctx := cmd.Context()
			if ctx == nil {
				ctx = context.Background()
			}
			ctx, stop := notifyEnd(ctx)
			defer stop()
			return runTable(ctx, ios, opts)
		},
	}
	f := cmd.Flags()
	f.SortFlags = false
	f.StringArrayVar(&opts.Where, "where", nil, "keep records matching `CONDITIONS` (field=value|value,field!=value,field=); repeatable")
	f.StringVar(&opts.Rows, "rows", "doc", "the `FIELDS` whose values make a row, comma-separated")
	f.StringVar(&opts.Cols, "cols", "concept", "the `FIELDS` whose values make a column, comma-separated")
	f.StringVar(&opts.Records, "records", "", "read records from `FILE` (JSON Lines as extract writes them) instead of documents")
	f.StringVar(&opts.Format, "format", "", "output format: csv, tsv, jsonl, json or xlsx (with a chart; default: an aligned table on a terminal, else csv; or from the extension of -o)")
	f.StringVarP(&opts.Output, "output", "o", "", "write to `FILE` (whole or not at all) instead of standard output")
	addInputFlags(f, &opts.extractOptions)
	completeInputFlags(cmd)
	return cmd
}

func runTable(ctx context.Context, ios *IOStreams, o *tableOptions) error {
	where, err := filter.Parse(o.Where...)
	if err != nil {
		return usageError("--where: %v", err)
	}
	popts := pivot.Options{Rows: fieldList(o.Rows), Cols: fieldList(o.Cols)}
	for _, fl := range append(append([]string{}, popts.Rows...), popts.Cols...) {
		var r extract.Record
		if _, ok := r.Field(fl); !ok {
			return usageError("--rows/--cols: no field %q (fields: %s)", fl, strings.Join(extract.Fields, ", "))
		}
	}
	format, terminal, err := o.tableFormat(ios)
	if err != nil {
		return err
	}
	var recs []extract.Record
	var seed [][]string
	failed := false
	if o.Records != "" {
		recs, err = readRecordsFile(o.Records)
		if err != nil {
			return &exitError{code: exitFailure, err: err}
		}
	} else {
		recs, seed, failed, err = o.extractAll(ctx, ios)
		if err != nil {
			return err
		}
	}
	kept := recs[:0]
	for i := range recs {
		if where.Match(&recs[i]) {
			kept = append(kept, recs[i])
		}
	}
	if !sameFields(popts.Rows, []string{"doc"}) {
		seed = nil // only documents are known to exist without records
	}
	tbl := pivot.Build(kept, popts, seed)
	if err := o.writeTable(ios, format, terminal, tbl); err != nil {
		return err
	}
	if failed {
		return silentFailure
	}
	return nil
}

// xlsxPivot is the table as a workbook: numbers as numbers where a cell holds one value
// without a range or qualifier, and a chart of the columns (a line per row when the
// columns are periods).
func xlsxPivot(tbl *pivot.Table, grid [][]string) output.Pivot {
	p := output.Pivot{Header: grid[0], ChartKind: output.ChartBar, Title: strings.Join(tbl.ColFields, ", ")}
	if sameFields(tbl.ColFields, []string{"period"}) {
		p.ChartKind = output.ChartLine
	}
	for i, row := range tbl.Rows {
		var cells []output.PivotCell
		for _, k := range row.Key {
			cells = append(cells, output.Txt(k))
		}
		for j, c := range row.Cells {
			if len(c.Values) == 1 && c.Values[0].Upper == nil {
				cells = append(cells, output.Num(c.Values[0].Value.Float64()))
			} else {
				cells = append(cells, output.Txt(grid[i+1][len(row.Key)+j]))
			}
		}
		cells = append(cells, output.Txt(grid[i+1][len(grid[i+1])-1]))
		p.Rows = append(p.Rows, cells)
	}
	return p
}

func fieldList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func sameFields(a, b []string) bool { return strings.Join(a, ",") == strings.Join(b, ",") }

// tableFormat decides the output format; terminal says an aligned table for a person.
func (o *tableOptions) tableFormat(ios *IOStreams) (output.Format, bool, error) {
	switch {
	case o.Format != "":
		f, err := output.ParseFormat(o.Format)
		if err != nil {
			return "", false, usageError("--format: %v", err)
		}
		return f, false, nil
	case o.Output != "" && o.Output != "-":
		f, ok := output.FormatFromPath(o.Output)
		if !ok {
			return "", false, usageError("cannot tell the output format from the name %q: give --format", o.Output)
		}
		return f, false, nil
	}
	return output.CSV, ios.OutIsTerminal, nil
}

func (o *tableOptions) writeTable(ios *IOStreams, f output.Format, terminal bool, tbl *pivot.Table) error {
	grid := tbl.Grid()
	write := func(w io.Writer, opts output.Options) error {
		if f == output.XLSX {
			return output.WritePivotXLSX(w, xlsxPivot(tbl, grid))
		}
		return output.WriteGrid(w, f, opts, grid)
	}
	if o.Output == "" || o.Output == "-" {
		if terminal {
			return writeTable(ios.Out, grid)
		}
		if f == output.XLSX && ios.OutIsTerminal {
			return usageError("xlsx output is a file: give -o FILE.xlsx")
		}
		return write(ios.Out, output.Options{})
	}
	file, err := createAtomic(o.Output)
	if err != nil {
		return &exitError{code: exitFailure, err: fmt.Errorf("cannot write %s: %w", o.Output, err)}
	}
	if err := write(file, output.Options{BOM: f == output.CSV}); err != nil {
		file.Abort()
		return &exitError{code: exitFailure, err: fmt.Errorf("writing %s: %w", o.Output, err)}
	}
	if err := file.Commit(); err != nil {
		return &exitError{code: exitFailure, err: err}
	}
	return nil
}

// extractAll extracts the records of every input, in input order, and the names of the
// documents read (each gets a row). failed says some input could not be read; each is
// reported on stderr as extract reports it.
func (o *tableOptions) extractAll(ctx context.Context, ios *IOStreams) ([]extract.Record, [][]string, bool, error) {
	if _, _, err := o.extractOptions.setup(ios); err != nil {
		return nil, nil, false, err
	}
	stderr := &lockedWriter{w: ios.ErrOut}
	var col collector
	var seed [][]string
	failed := false
	_, err := batch.Run(ctx, batch.Config{
		Workers: o.Jobs,
		Stream:  o.extractItem(ctx, stderr),
		Out:     &col,
		Done: func(r batch.Result) error {
			if r.Err != nil {
				failed = true
				fmt.Fprintf(stderr, "policymetrics: %s: %s\n", oneLine(r.Name), failureReason(r.Name, r.Err))
				return nil
			}
			seed = append(seed, []string{r.Name})
			return nil
		},
	}, func(yield func(input.Item) error) error {
		return input.Walk(ctx, o.Args, o.Input, yield)
	})
	if err != nil {
		if ctx.Err() != nil {
			return nil, nil, false, &exitError{code: exitInterrupted, err: fmt.Errorf("interrupted")}
		}
		return nil, nil, false, &exitError{code: exitFailure, err: err}
	}
	if len(seed) == 0 && !failed {
		return nil, nil, false, &exitError{code: exitFailure, err: fmt.Errorf("no documents found in %s", strings.Join(o.Args, " "))}
	}
	return col.recs, seed, failed, nil
}

// collector keeps the records a batch run writes.
type collector struct{ recs []extract.Record }

func (c *collector) Write(r *extract.Record) error { c.recs = append(c.recs, *r); return nil }
func (c *collector) Close() error                  { return nil }

// readRecordsFile reads records as extract writes them as JSON Lines ("-": standard input
// is not offered, the documents are).
func readRecordsFile(path string) ([]extract.Record, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readRecords(path, f)
}

func readRecords(name string, r io.Reader) ([]extract.Record, error) {
	var recs []extract.Record
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 64<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var rec extract.Record
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			return nil, fmt.Errorf("%s:%d: not a record: %v", name, n, err)
		}
		recs = append(recs, rec)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	return recs, nil
}
