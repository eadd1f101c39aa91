package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/policymetrics/policymetrics/extract"
	"github.com/policymetrics/policymetrics/extract/batch"
	"github.com/policymetrics/policymetrics/extract/concept"
	"github.com/policymetrics/policymetrics/extract/decode"
	"github.com/policymetrics/policymetrics/extract/filter"
	"github.com/policymetrics/policymetrics/extract/hugepages"
	"github.com/policymetrics/policymetrics/extract/input"
	"github.com/policymetrics/policymetrics/extract/memlimit"
	"github.com/policymetrics/policymetrics/extract/output"
)

// extractCmdDocument is how the extract command extracts one document, passing its records
// on a part at a time (a long document's chunk by chunk); tests replace it with a fake.
var extractCmdDocument = extract.Stream

// exitInterrupted is the exit status after SIGINT or SIGTERM (128 + SIGINT, as shells do).
const exitInterrupted = 130

type extractOptions struct {
	Format      string
	Fields      string
	Output      string
	BOM         bool
	BOMSet      bool
	Encoding    string
	Jobs        int
	InputFormat string
	Input       input.Options
	MaxFileSize byteSize
	MaxArchive  byteSize
	MaxMembers  int
	MaxRatio    float64
	DocName     string
	ErrorsFile  string
	Quiet       bool
	Stats       bool
	Where       []string
	Args        []string

	ConceptsFile string
	concepts     *concept.List
	helpers      *extract.Helpers // -j tokens: the workers' and a long document's chunks'
	warnMu       sync.Mutex
	warn         func(error)
}

func newExtractCmd(ios *IOStreams) *cobra.Command {
	opts := &extractOptions{MaxFileSize: input.DefaultMaxFileSize, MaxArchive: input.DefaultMaxArchiveBytes}
	cmd := &cobra.Command{
		Use:   "extract [flags] [FILE|DIR|ARCHIVE|-]...",
		Short: "Extract every quantitative indicator of documents as records",
		Long: `extract reads documents and writes one record per quantity they state (SPEC.md §1):
doc, line, col, text, value, unit, indicator, concept, area, period, qualifier, change,
modality, sentence, and the extras upper, raw_unit and page, in that order. concept is
the canonical name of what is measured (--concepts FILE adds yours), area the place a
figure is about when it is not the document's own, period resolved against the year
the document states about itself and the section a sentence stands in.

Documents are text (any common Chinese encoding), HTML pages (their tables too), PDF
(through PDFium compiled to WebAssembly: no cgo; records carry page; a scan without a
text layer is an error), DOCX and XLSX (paragraphs and tables); legacy .doc/.xls are an
error naming the format. Table cells are records, their unit from the column header, a
单位 column or the caption. policymetrics text FILE shows the text line and col count in.

Inputs are files, directories (read recursively in sorted order: .txt, .html, .htm,
.text, .pdf, .docx, .xlsx and files without extension, or only what --include matches, less what --exclude
removes; hidden files and folders only with --hidden), archives (.zip, .tar, .tar.gz,
.tgz, and .gz for one file; an archive inside an archive is opened too, one level
deep), and - for standard input (read too when no input is named and standard input
is not a terminal). A document in an archive is named
archive.zip!dir/member.txt. --doc-name base names a document by its file's own name
(a.txt, member.txt), rel by its path relative to the input argument (for corpus/:
2020/a.txt; for a named file or archive: a.txt, x.zip!dir/member.txt). Limits guard against zip bombs: --max-archive-bytes,
--max-members, --max-ratio; and --max-file-size applies to every document.

--input-format csv reads tables with one document per row: --text-column names the
column with the text, --id-column the one that names the document (file.csv#<id>;
without it file.csv#<row>, rows counted from 1 after the header). --input-format jsonl
reads lines {"doc": "...", "text": "..."} (other keys with --id-column/--text-column);
this makes extract a stateless mapper for GNU parallel, Spark or Hadoop Streaming
(see the README).

Output (--format, or the extension of -o): jsonl (default), json (one array), csv
(RFC 4180 with CRLF; a cell starting with = + - @ tab or CR gets a leading ' so that
spreadsheets do not run it as a formula; numbers are left alone; a byte-order mark for
Excel when writing a .csv file, or with --bom), tsv (tabs and line breaks inside cells
become spaces), xlsx (a workbook for Excel or LibreOffice: sheet records with numbers
as numbers and every text field as text, a bold frozen header with autofilter; sheet
documents with each document's records and error). Values are exact decimals, never in
exponent form (in xlsx, numbers as Excel holds them, 15 significant digits). Records come in
input order, whatever -j is: the output is byte-identical at any -j.

With -o FILE the output is written to a temporary file beside FILE and renamed when
done; if the run is interrupted or fails, FILE is left as it was (so is the --errors
file, written the same way). A symbolic link is followed (the file it points to is
replaced); a character device or a pipe (/dev/null, /dev/stdout, >(gzip)) is written
in place, as cp would; a directory, block device or socket is refused, and so is an
output that is one of the inputs or the other output (same device and inode).

Each input that cannot be read or extracted is reported on stderr as one line,
"policymetrics: NAME: REASON" (with --errors FILE also as JSON Lines {"doc", "error"});
the others are processed. When stderr is a terminal and the records do not go to a
terminal, a progress bar shows on stderr (not with --quiet); --stats prints a summary line at the end.

Exit status: 0 when every input was read, 1 when some input failed, no document was
found (an empty folder, an --include matching nothing) or the output could not be
written, 2 on a usage error, 130 when interrupted (SIGINT, SIGTERM), 129 on SIGHUP, 141 on
SIGPIPE; standard output closed (>&-) is an error.`,
		Example: `  # every indicator of a report, as JSON Lines
  policymetrics extract report.txt

  # a folder and an archive to a spreadsheet (format from the extension), 4 workers
  policymetrics extract -j 4 -o indicators.csv reports/ 2025.zip

  # only some files; failures to a file; a summary at the end
  policymetrics extract --include '*.md' --exclude 'drafts/**' --errors failed.jsonl --stats corpus/

  # one document per row of a CSV table
  policymetrics extract --input-format csv --text-column full_text --id-column province reports.csv

  # as a mapper: JSON Lines in, JSON Lines out, split over cores with GNU parallel
  parallel --pipe --block 10M -k policymetrics extract --input-format jsonl - < docs.jsonl > records.jsonl`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				if ios.InIsTerminal {
					return usageError("extract needs an input: FILE, DIR, ARCHIVE, or - for standard input (see %s --help)", cmd.CommandPath())
				}
				args = []string{"-"}
			}
			opts.Args = args
			opts.BOMSet = cmd.Flags().Changed("bom")
			ctx := cmd.Context()
			if ctx == nil {
				ctx = context.Background()
			}
			ctx, stop := notifyEnd(ctx) // a second signal ends the process at once
			defer stop()
			return runExtract(ctx, ios, opts)
		},
	}
	f := cmd.Flags()
	f.SortFlags = false
	f.StringVar(&opts.Format, "format", "", "output format: jsonl, json, csv, tsv or xlsx (default jsonl, or from the extension of -o)")
	f.StringVar(&opts.Fields, "fields", "", "write only these record fields, in this `order` (comma-separated, as gh --json or xsv select): JSON keys or CSV/TSV columns; e.g. doc,text,value,unit")
	f.StringVarP(&opts.Output, "output", "o", "", "write to `FILE` (whole or not at all) instead of standard output")
	f.BoolVar(&opts.BOM, "bom", false, "start CSV/TSV output with a UTF-8 byte-order mark (default: on for a .csv file, off on standard output)")
	addInputFlags(f, opts)
	f.StringArrayVar(&opts.Where, "where", nil, "write only records matching `CONDITIONS` (field=value|value,field!=value,field=; as table --where); repeatable")
	f.StringVar(&opts.ErrorsFile, "errors", "", "also write the failed inputs to `FILE` as JSON Lines {\"doc\", \"error\"}")
	f.BoolVarP(&opts.Quiet, "quiet", "q", false, "no progress bar; with --errors, failed inputs go only to that file")
	f.BoolVar(&opts.Stats, "stats", false, "print a summary on stderr at the end: documents, bytes, records, errors, MB/s")
	completeInputFlags(cmd)
	return cmd
}

// completeInputFlags makes the shell complete the values of the flags that take names.
func completeInputFlags(cmd *cobra.Command) {
	completeValues(cmd, "format", formatNames()...)
	completeValues(cmd, "encoding", decode.Encodings...)
	completeValues(cmd, "input-format", "text", "csv", "jsonl", "table")
	completeNameModes(cmd)
}

// addInputFlags registers the flags that say which documents are read and how, shared by
// every command that reads documents (extract, table).
func addInputFlags(f *pflag.FlagSet, opts *extractOptions) {
	f.StringVar(&opts.Encoding, "encoding", "", "input encoding (utf-8, utf-16le, utf-16be, gb18030, gbk, big5); detected per document by default; JSON Lines text is UTF-8 whatever this says")
	f.IntVarP(&opts.Jobs, "jobs", "j", runtime.NumCPU(), "documents extracted in parallel (a long document's chunks too, on workers left idle)")
	f.StringVar(&opts.InputFormat, "input-format", "text", "text (a file is a document), csv (a row is), jsonl (a line {\"doc\",\"text\"} is) or table (a CSV/TSV file is a table of figures, each numeric cell a record)")
	f.StringVar(&opts.Input.TextColumn, "text-column", "", "the CSV column (JSON key, default text) holding a document's text")
	f.StringVar(&opts.Input.IDColumn, "id-column", "", "the CSV column (JSON key, default doc) naming a document")
	f.StringArrayVar(&opts.Input.Include, "include", nil, "read only files matching `GLOB` in directories and archives, whatever their extension (a base name, or a relative path with /; ** for any folders); repeatable")
	f.StringArrayVar(&opts.Input.Exclude, "exclude", nil, "skip files and folders matching `GLOB`; repeatable")
	f.StringVar(&opts.DocName, "doc-name", "path", "how records name their document: path (as given or found), base (the file's own name) or rel (relative to the input argument)")
	f.BoolVar(&opts.Input.Hidden, "hidden", false, "read hidden files and folders (names starting with .) in directories and archives")
	f.Var(&opts.MaxFileSize, "max-file-size", "largest document read (0: no limit)")
	f.Var(&opts.MaxArchive, "max-archive-bytes", "most bytes read out of one archive, uncompressed (0: no limit)")
	f.IntVar(&opts.MaxMembers, "max-members", input.DefaultMaxMembers, "most files read from one archive, zip or tar alike: the first N are read, the rest reported as an error (0: no limit)")
	f.Float64Var(&opts.MaxRatio, "max-ratio", input.DefaultMaxRatio, "highest compression ratio of an archive member over 1 MiB, at least 1 (0: no limit)")
	f.StringVar(&opts.ConceptsFile, "concepts", "", "add the concepts and wordings of `FILE` (the format of extract/concept/data/concepts.txt) to the built-in list; its wordings win")
}

// isDirName reports whether name is a directory, or written as one (ending in /).
func isDirName(name string) bool {
	if strings.HasSuffix(name, "/") || strings.HasSuffix(name, string(filepath.Separator)) {
		return true
	}
	fi, err := os.Stat(name)
	return err == nil && fi.IsDir()
}

func formatNames() []string {
	var s []string
	for _, f := range output.Formats {
		s = append(s, string(f))
	}
	return s
}

func completeNameModes(cmd *cobra.Command) {
	var s []string
	for _, m := range input.NameModes {
		s = append(s, string(m))
	}
	completeValues(cmd, "doc-name", s...)
}

// completeValues makes the shell complete flag's value from values, and never from file
// names.
func completeValues(cmd *cobra.Command, flag string, values ...string) {
	// An error means no such flag: TestFlagCompletion catches a renamed one.
	_ = cmd.RegisterFlagCompletionFunc(flag, cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp))
}

// noLimit maps a flag's "0: no limit" to input.Options' "negative: no limit".
func noLimit[T int | int64 | float64](v T) T {
	if v <= 0 {
		return -1
	}
	return v
}

// setup checks the options and fills in what follows from them.
func (o *extractOptions) setup(ios *IOStreams) (output.Format, output.Options, error) {
	var format output.Format
	switch {
	case o.Format != "":
		f, err := output.ParseFormat(o.Format)
		if err != nil {
			return "", output.Options{}, usageError("--format: %v", err)
		}
		format = f
	case o.Output != "" && o.Output != "-":
		if isDirName(o.Output) {
			return "", output.Options{}, usageError("-o %s is a directory: give a file name in it, such as %s", o.Output, filepath.Join(o.Output, "indicators.csv"))
		}
		f, ok := output.FormatFromPath(o.Output)
		if !ok {
			return "", output.Options{}, usageError("cannot tell the output format from the name %q: give --format", o.Output)
		}
		format = f
	default:
		format = output.JSONL
	}
	if (o.Output == "" || o.Output == "-") && ios.OutIsTerminal {
		if err := output.ErrBinaryToTerminal(format); err != nil {
			return "", output.Options{}, usageError("%v", err)
		}
	}
	oo := output.Options{BOM: format == output.CSV && o.Output != "" && o.Output != "-"}
	if o.BOMSet {
		if o.BOM && format != output.CSV && format != output.TSV {
			return "", oo, usageError("--bom is for csv and tsv output, not %s", format)
		}
		oo.BOM = o.BOM
	}
	if o.Fields != "" {
		fields, err := output.ParseFields(o.Fields)
		if err != nil {
			return "", oo, usageError("--fields: %v", err)
		}
		oo.Fields = fields
	}
	if o.Jobs < 1 {
		return "", oo, usageError("-j must be at least 1")
	}
	if err := decode.CheckEncoding(o.Encoding); err != nil {
		return "", oo, usageError("--encoding: %v", err)
	}
	if o.ErrorsFile == "-" {
		return "", oo, usageError("--errors needs a file of its own")
	}
	if err := checkExtractOutputs(ios, o.Output, o.ErrorsFile, o.Args); err != nil {
		return "", oo, err
	}
	inf, err := input.ParseFormat(o.InputFormat)
	if err != nil {
		return "", oo, usageError("--input-format: %v", err)
	}
	o.Input.Format = inf
	dn, err := input.ParseNameMode(o.DocName)
	if err != nil {
		return "", oo, usageError("--doc-name: %v", err)
	}
	o.Input.DocName = dn
	if err := checkLimitFlags(o.MaxMembers, o.MaxRatio); err != nil {
		return "", oo, err
	}
	o.Input.MaxFileSize = noLimit(int64(o.MaxFileSize))
	o.Input.MaxArchiveBytes = noLimit(int64(o.MaxArchive))
	o.Input.MaxMembers = noLimit(o.MaxMembers)
	o.Input.MaxRatio = noLimit(o.MaxRatio)
	o.Input.Stdin = ios.In
	o.Input.Outputs = existingOutputs(o.Output, o.ErrorsFile)
	if err := o.Input.Check(); err != nil {
		return "", oo, usageError("%v", err)
	}
	if o.ConceptsFile != "" {
		l, err := loadConcepts(o.ConceptsFile)
		if err != nil {
			return "", oo, usageError("--concepts: %v", err)
		}
		o.concepts = l
	}
	stdin := 0
	for _, a := range o.Args {
		if a == "-" {
			stdin++
		}
	}
	if stdin > 1 {
		return "", oo, usageError("- (standard input) can be named only once")
	}
	return format, oo, nil
}

// heapPerWorker is about the heap a worker fills on the benchmark's corpus (a -j 2 run
// peaks near 60 MB of RSS, a 24 MB document near 70 MB).
const heapPerWorker = 32 << 20

func runExtract(ctx context.Context, ios *IOStreams, o *extractOptions) (err error) {
	format, outOpts, err := o.setup(ios)
	if err != nil {
		return err
	}
	stderr := &lockedWriter{w: ios.ErrOut}

	// Outputs: written whole or not at all.
	var files []*atomicFile
	defer func() {
		if err != nil {
			for _, f := range files {
				f.Abort()
			}
		}
	}()
	open := func(name string) (*atomicFile, error) {
		f, err := createAtomic(name)
		if err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			return nil, &exitError{code: exitFailure, err: fmt.Errorf("cannot write %s: %w", name, err)}
		}
		files = append(files, f)
		return f, nil
	}
	var out io.Writer = ios.Out
	if o.Output == "" || o.Output == "-" {
		growPipe(out)
	}
	if o.Output != "" && o.Output != "-" {
		f, err := open(o.Output)
		if err != nil {
			return err
		}
		out = f
	}
	var errEnc *json.Encoder
	if o.ErrorsFile != "" {
		f, err := open(o.ErrorsFile)
		if err != nil {
			return err
		}
		errEnc = json.NewEncoder(f)
		errEnc.SetEscapeHTML(false)
	}
	w, err := output.New(out, format, outOpts)
	if err != nil {
		return err
	}
	where, err := filter.Parse(o.Where...)
	if err != nil {
		return usageError("--where: %v", err)
	}
	if len(where) > 0 {
		if _, ok := w.(output.Forgetful); ok {
			w = forgetfulFilter{filteredWriter{Writer: w, where: where}}
		} else {
			w = filteredWriter{Writer: w, where: where}
		}
	}

	var bar *extractProgress
	// A bar only where a person watches stderr and it cannot be drawn into the records: not
	// when the records go to the same terminal.
	toStdout := o.Output == "" || o.Output == "-"
	if ios.ErrIsTerminal && !(toStdout && ios.OutIsTerminal) && !o.Quiet {
		bar = newExtractProgress(stderr)
		go func() {
			if n, ok := input.TotalSize(ctx, o.Args, o.Input); ok {
				bar.totalCh <- n
			}
		}()
	}
	lineStart := ""
	if bar != nil {
		lineStart = "\r\x1b[2K" // over the progress bar, which redraws itself after
	}

	// The heap a run will fill, mapped and advised for huge pages before it is touched.
	hugepages.Reserve(heapPerWorker * min(max(o.Jobs, 2), 8))
	o.helpers = extract.NewHelpers(o.Jobs)
	st, runErr := batch.Run(ctx, batch.Config{
		Workers: o.Jobs,
		Helpers: o.helpers,
		Stream:  o.extractItem(ctx, stderr),
		Out:     w,
		// Records are made in memory given back once earlier ones are written:
		// extractItem keeps none of them.
		Reuse: true,
		Done: func(r batch.Result) error {
			if bar != nil {
				bar.add(r.Bytes, r.Records, r.Err != nil)
			}
			reason := ""
			if r.Err != nil {
				reason = failureReason(r.Name, r.Err)
			}
			if dw, ok := w.(output.DocumentWriter); ok {
				if err := dw.Document(r.Name, r.Records, reason); err != nil {
					return err
				}
			}
			if r.Err == nil {
				return nil
			}
			if errEnc != nil {
				if err := errEnc.Encode(struct {
					Doc   string `json:"doc"`
					Error string `json:"error"`
				}{r.Name, reason}); err != nil {
					return fmt.Errorf("writing %s: %w", o.ErrorsFile, err)
				}
			}
			if !(o.Quiet && errEnc != nil) {
				fmt.Fprintf(stderr, "%spolicymetrics: %s: %s\n", lineStart, oneLine(r.Name), reason)
			}
			return nil
		},
	}, func(yield func(input.Item) error) error {
		return input.Walk(ctx, o.Args, o.Input, yield)
	})
	if bar != nil {
		bar.finish()
	}
	noDocs := runErr == nil && st.Documents == 0 && st.Errors == 0
	if noDocs {
		// Nothing was read: say so and leave any -o FILE as it was.
		runErr = fmt.Errorf("no documents found in %s", strings.Join(o.Args, " "))
	}
	if runErr == nil {
		runErr = w.Close()
		if runErr != nil {
			runErr = fmt.Errorf("writing the output: %w", runErr)
		}
	}
	for len(files) > 0 && runErr == nil {
		if runErr = files[0].Commit(); runErr == nil {
			files = files[1:]
		}
	}
	if o.Stats {
		fmt.Fprintf(stderr, "%spolicymetrics: %s\n", lineStart, st)
	}
	switch {
	case runErr != nil && ctx.Err() != nil:
		msg := "interrupted"
		if se, ok := interruption(ctx); ok {
			if se.sig == syscall.SIGPIPE {
				return &exitError{code: se.exitCode()} // the reader has gone: nothing to say
			}
		}
		if o.Output != "" && o.Output != "-" {
			msg += "; " + o.Output + " not written"
		}
		code := exitInterrupted
		if se, ok := interruption(ctx); ok {
			code = se.exitCode()
		}
		return &exitError{code: code, err: errors.New(msg)}
	case errors.Is(runErr, syscall.EPIPE):
		return &exitError{code: 128 + 13} // the reader has gone (| head): quiet, as SIGPIPE
	case runErr != nil:
		return &exitError{code: exitFailure, err: runErr}
	case st.Errors > 0:
		return silentFailure
	}
	return nil
}

// filteredWriter writes only the records that match its conditions.
type filteredWriter struct {
	output.Writer
	where filter.Where
}

func (f filteredWriter) Write(r *extract.Record) error {
	if !f.where.Match(r) {
		return nil
	}
	return f.Writer.Write(r)
}

// forgetfulFilter is a filteredWriter over a writer that keeps nothing of a record: it
// keeps nothing either (output.Forgetful).
type forgetfulFilter struct{ filteredWriter }

func (forgetfulFilter) ForgetsRecords() {}

// loadConcepts reads a user's concept file and puts it over the built-in list.
func loadConcepts(path string) (*concept.List, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	user, err := concept.Parse(path, f)
	if err != nil {
		return nil, err
	}
	return concept.Default().With(user), nil
}

// extractItem extracts one input as the options say: its own encoding (a table row's)
// before --encoding.
func (o *extractOptions) extractItem(ctx context.Context, stderr io.Writer) batch.StreamFunc {
	return func(it input.Item, emit func([]extract.Record) error) error {
		enc := o.Encoding
		if it.Encoding != "" {
			enc = it.Encoding
		}
		data := input.Take(&it)
		defer memlimit.Document()() // beside it, no large text bounds the heap by its own size
		opts := o.documentOptions(ctx, enc, stderr)
		opts.Release = func() bool { return input.Release(&it) }
		opts.Bound = memlimit.Enter // a large document read in chunks bounds the heap by its size
		err := extractCmdDocument(it.Name, data, opts, emit)
		// Stream keeps nothing of the data once it has returned; after a panic it is not reached.
		input.Recycle(&it)
		return err
	}
}

// documentOptions are the options every document is extracted with. A concept pattern
// that times out is reported once, naming its file and line; the records go on without
// that concept.
func (o *extractOptions) documentOptions(ctx context.Context, enc string, stderr io.Writer) extract.Options {
	return extract.Options{Encoding: enc, Concepts: o.concepts, Warn: o.warnOnce(stderr), Context: ctx, Table: o.Input.Format == input.Table, Helpers: o.helpers}
}

func (o *extractOptions) warnOnce(stderr io.Writer) func(error) {
	o.warnMu.Lock()
	defer o.warnMu.Unlock()
	if o.warn == nil {
		seen := map[string]bool{}
		o.warn = func(err error) {
			o.warnMu.Lock()
			defer o.warnMu.Unlock()
			if msg := err.Error(); !seen[msg] {
				seen[msg] = true
				fmt.Fprintf(stderr, "policymetrics: warning: %s\n", oneLine(msg))
			}
		}
	}
	return o.warn
}

// failureReason is an error as one line, without the document name that
// extract.Document and os errors put in front (the line names the input already).
func failureReason(name string, err error) string {
	s := err.Error()
	s = strings.TrimPrefix(s, name+": ")
	return oneLine(s)
}

var controlToSpace = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ")

// oneLine keeps a name or message on one line of stderr.
func oneLine(s string) string { return controlToSpace.Replace(s) }
