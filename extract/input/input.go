// Package input enumerates the documents named on a command line: files, directories
// (recursively, in sorted order), zip and tar archives (plain or gzipped), single gzipped
// files, standard input, and tables holding one document per row (CSV, JSON Lines).
//
// It streams: Walk hands over one document at a time and reads the next only when the
// consumer asks for it, so neither a directory tree nor an archive is ever held in memory
// whole. Every problem with an input (unreadable, too large, corrupt, over a zip-bomb
// limit, a symbolic-link loop) becomes an Item carrying the error and the walk goes on.
package input

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Format is how the content of an input file is read.
type Format string

// The input formats.
const (
	Text  Format = "text"  // each file is one document
	CSV   Format = "csv"   // each row of a CSV file is one document (TextColumn, IDColumn)
	JSONL Format = "jsonl" // each line is {"doc": "...", "text": "..."}
	Table Format = "table" // each CSV/TSV file is one document: a table of figures
)

// ParseFormat reads an --input-format value.
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(s)); f {
	case Text, CSV, JSONL, Table:
		return f, nil
	case "ndjson":
		return JSONL, nil
	}
	return "", fmt.Errorf("unknown input format %q (want text, csv, jsonl or table)", s)
}

// Defaults of the limits.
const (
	DefaultMaxFileSize     = 100 << 20 // bytes per document
	DefaultMaxArchiveBytes = 4 << 30   // uncompressed bytes read from one archive
	DefaultMaxMembers      = 100000    // members of one archive
	DefaultMaxRatio        = 200       // uncompressed:compressed, per member (per stream for .gz)
)

// ratioFloor is the size below which no compression ratio is suspicious: a small member
// cannot bomb anything, and short repetitive texts compress very well.
const ratioFloor = 1 << 20

// Options control what Walk reads and how.
type Options struct {
	// Format is how files are read; empty is Text.
	Format Format
	// TextColumn names the CSV column (or JSON Lines key) holding a document's text;
	// required for CSV, "text" by default for JSON Lines.
	TextColumn string
	// IDColumn names the CSV column (or JSON Lines key) whose value names the document
	// (file.csv#<id>); without it CSV rows are named by their number (file.csv#<row>).
	// "doc" by default for JSON Lines, where a line without it is named file#<line>.
	IDColumn string

	// Include narrows the documents read from directories and archives to the files
	// matching any of these globs, whatever their extension (like grep --include).
	// Without it they are .txt, .html, .htm, .text, .pdf, .docx, .xlsx (and legacy .doc,
	// .xls, .wps, which fail with a message) and files without extension; .csv in
	// CSV mode; .jsonl and .ndjson in JSON Lines mode. Archives are still opened.
	// A glob without "/" matches base names; one with "/" matches the path relative to
	// the directory or archive, where "**" matches any number of segments.
	Include []string
	// Exclude skips files, directories and archive members matching any of these globs.
	Exclude []string
	// Also reads files matching any of these globs besides the documents, whatever
	// Include says (check reads each X.expected.jsonl beside its document this way).
	Also []string
	// Hidden reads hidden files and directories (names starting with "."; __MACOSX in
	// archives), which are otherwise skipped. Paths named on the command line are always read.
	Hidden bool

	// Limits; 0 means the default, a negative value no limit.
	MaxFileSize     int64   // bytes per document
	MaxArchiveBytes int64   // uncompressed bytes read from one archive, nested ones included
	MaxMembers      int     // members per archive
	MaxRatio        float64 // compression ratio per member (per stream for .gz, .tar.gz)

	// Stdin is what "-" reads; nil is os.Stdin.
	Stdin io.Reader

	// DocName is how items are named (see DocName); empty is NamePath.
	DocName NameMode

	// Outputs are files this run writes (-o, --errors): met in a directory walk, each is
	// reported as an error instead of read, since the run replaces it (same device and
	// inode, whatever the path).
	Outputs []fs.FileInfo
}

// Check validates the options (formats, columns, globs) before a walk.
func (o *Options) Check() error {
	if _, err := ParseFormat(string(o.format())); err != nil {
		return err
	}
	if o.format() == CSV && o.TextColumn == "" {
		return errors.New("--input-format csv needs --text-column")
	}
	if o.format() == Text && (o.TextColumn != "" || o.IDColumn != "") {
		return errors.New("--text-column and --id-column need --input-format csv or jsonl")
	}
	if _, err := ParseNameMode(string(o.DocName)); err != nil {
		return err
	}
	if _, err := compileGlobs(o.Also); err != nil {
		return err
	}
	if _, err := compileGlobs(o.Include); err != nil {
		return err
	}
	_, err := compileGlobs(o.Exclude)
	return err
}

func (o *Options) format() Format {
	if o.Format == "" {
		return Text
	}
	return o.Format
}

func compileGlobs(ps []string) ([]glob, error) {
	var gs []glob
	for _, p := range ps {
		g, err := compileGlob(p)
		if err != nil {
			return nil, err
		}
		gs = append(gs, g)
	}
	return gs, nil
}

// limit reads a limit option: 0 means the default, a negative value no limit (-1).
func limit[T int | int64 | float64](v, def T) T {
	switch {
	case v == 0:
		return def
	case v < 0:
		return -1
	}
	return v
}

// Item is one document, or one input that could not be read.
type Item struct {
	// Name is the document's name as records carry it in `doc`: the path as given or
	// found (dir/sub/a.txt), archive.zip!member/path.txt, outer.zip!inner.tar!x.txt, "-"
	// for standard input, file.csv#<id> for a table row.
	Name string
	// Data is the document's bytes, undecoded.
	Data []byte
	// Encoding, when set, is the encoding Data is known to have ("utf-8" for JSON Lines
	// text); it overrides the user's --encoding.
	Encoding string
	// Err is why the input named Name could not be read; Data is then nil.
	Err error

	pooled bool // Data is a buffer of the file pools (Recycle)
}

// ErrStop may be returned by a yield function to end the walk early without an error.
var ErrStop = errors.New("stop walking")

// Walk enumerates the documents of args in order, calling yield for each document and for
// each input that failed. Input problems never end the walk; it ends when all args are
// done, when ctx is cancelled (returning ctx.Err()), or when yield returns an error
// (returned as is, except ErrStop, which makes Walk return nil).
//
// The order is deterministic: args in the order given, directory entries sorted by name,
// archive members in stored order, table rows in file order.
func Walk(ctx context.Context, args []string, opts Options, yield func(Item) error) error {
	w, err := newWalker(ctx, opts)
	if err != nil {
		return err
	}
	w.yield = yield
	for _, a := range args {
		if w.stopped() {
			break
		}
		w.curArg = a
		if w.opts.DocName != "" && w.opts.DocName != NamePath {
			fi, err := os.Stat(a)
			w.curArgDir = err == nil && fi.IsDir()
		}
		w.arg(a)
	}
	if errors.Is(w.stop, ErrStop) {
		return nil
	}
	return w.stop
}

// TotalSize is the number of bytes Walk would hand over for args, found by looking at file
// sizes only (cheap: one stat per file). ok is false when that cannot be known up front:
// standard input, archives, or table input formats.
func TotalSize(ctx context.Context, args []string, opts Options) (total int64, ok bool) {
	if opts.format() != Text {
		return 0, false
	}
	w, err := newWalker(ctx, opts)
	if err != nil {
		return 0, false
	}
	w.sizeOnly = true
	w.yield = func(Item) error { return nil }
	for _, a := range args {
		if w.stopped() || w.unknown {
			return 0, false
		}
		w.arg(a)
	}
	if w.stopped() || w.unknown {
		return 0, false
	}
	return w.total, true
}

type walker struct {
	ctx      context.Context
	opts     Options
	yield    func(Item) error
	include  []glob
	also     []glob
	exclude  []glob
	maxFile  int64
	stop     error // set when the walk must end
	stdinUse int

	curArg    string // the argument being walked, for DocName
	curArgDir bool

	sizeOnly bool // TotalSize: add up sizes, read nothing
	total    int64
	unknown  bool
}

func newWalker(ctx context.Context, opts Options) (*walker, error) {
	if err := opts.Check(); err != nil {
		return nil, err
	}
	w := &walker{ctx: ctx, opts: opts, maxFile: limit(opts.MaxFileSize, DefaultMaxFileSize)}
	w.opts.Format = opts.format()
	if w.opts.Format == JSONL {
		if w.opts.TextColumn == "" {
			w.opts.TextColumn = "text"
		}
		if w.opts.IDColumn == "" {
			w.opts.IDColumn = "doc"
		}
	}
	w.include, _ = compileGlobs(opts.Include)
	w.also, _ = compileGlobs(opts.Also)
	w.exclude, _ = compileGlobs(opts.Exclude)
	if w.opts.Stdin == nil {
		w.opts.Stdin = os.Stdin
	}
	return w, nil
}

func (w *walker) stopped() bool {
	if w.stop == nil {
		w.stop = w.ctx.Err()
	}
	return w.stop != nil
}

func (w *walker) emit(it Item) {
	if w.stopped() {
		return
	}
	if w.opts.DocName != "" && w.opts.DocName != NamePath {
		it.Name = DocName(w.opts.DocName, w.curArg, w.curArgDir, it.Name, w.opts.Format != Text)
	}
	if err := w.yield(it); err != nil {
		w.stop = err
	}
}

// fail reports that the input called name could not be read, and why.
func (w *walker) fail(name string, reason error) {
	w.emit(Item{Name: name, Err: reason})
}

func (w *walker) failf(name, format string, a ...any) {
	w.fail(name, fmt.Errorf(format, a...))
}

// reason strips the path an os error repeats: the item already names the input.
func reason(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (w *walker) arg(a string) {
	if a == "-" {
		if w.sizeOnly {
			w.unknown = true
			return
		}
		w.stdinUse++
		if w.stdinUse > 1 {
			w.failf("-", "standard input named more than once")
			return
		}
		w.leaf("-", w.opts.Stdin, -1, true)
		return
	}
	fi, err := os.Stat(a)
	if err != nil {
		if li, lerr := os.Lstat(a); lerr == nil && li.Mode()&fs.ModeSymlink != 0 {
			w.failf(a, "broken symbolic link: %v", reason(err))
			return
		}
		w.fail(a, reason(err))
		return
	}
	if fi.IsDir() {
		w.dir(a, fi)
		return
	}
	w.file(a, a, "", fi, true)
}

// kind is what a file or member is, by its name.
type kind int

const (
	skip kind = iota
	document
	docNoExt // a document only because it has no extension: skipped silently if binary
	zipKind
	tarKind
	tgzKind
	gzKind
)

func archiveKind(name string) kind {
	n := strings.ToLower(name)
	switch {
	case strings.HasSuffix(n, ".zip"):
		return zipKind
	case strings.HasSuffix(n, ".tar"):
		return tarKind
	case strings.HasSuffix(n, ".tar.gz"), strings.HasSuffix(n, ".tgz"):
		return tgzKind
	case strings.HasSuffix(n, ".gz"):
		return gzKind
	}
	return skip
}

func isArchive(k kind) bool { return k >= zipKind }

// docKind tells whether a file met in a directory or archive is a document, by the
// extension of its base name.
func (w *walker) docKind(base string) kind {
	ext := strings.ToLower(path.Ext(base))
	if strings.HasPrefix(base, ".") && strings.Count(base, ".") == 1 {
		ext = "" // .profile: a hidden file without extension
	}
	switch w.opts.Format {
	case CSV:
		if ext == ".csv" {
			return document
		}
	case JSONL:
		if ext == ".jsonl" || ext == ".ndjson" {
			return document
		}
	case Table:
		if ext == ".csv" || ext == ".tsv" {
			return document
		}
	default:
		switch ext {
		case ".txt", ".html", ".htm", ".text", ".pdf", ".docx", ".xlsx", ".doc", ".xls", ".wps":
			return document
		case "":
			return docNoExt
		}
	}
	return skip
}

// classify says what to do with a file or member at rel (slash-separated, relative to
// the directory or archive it was found in), met while walking.
func (w *walker) classify(rel string) kind {
	if anyMatch(w.exclude, rel) {
		return skip
	}
	base := path.Base(rel)
	if k := archiveKind(base); k != skip {
		return k
	}
	if anyMatch(w.also, rel) {
		return document
	}
	if len(w.include) > 0 {
		// Like grep --include: only what matches is read, whatever its extension.
		if anyMatch(w.include, rel) {
			return document
		}
		return skip
	}
	return w.docKind(base)
}

// file handles a regular file found at rel in a directory walk, or (explicit) anything
// named on the command line that is not a directory: a file, a pipe, a device.
func (w *walker) file(p, name, rel string, fi fs.FileInfo, explicit bool) {
	k := document
	if explicit {
		if ak := archiveKind(filepath.Base(p)); ak != skip {
			k = ak
		}
	} else {
		k = w.classify(rel)
		if k == skip {
			return
		}
	}
	for _, out := range w.opts.Outputs {
		if os.SameFile(fi, out) {
			if !w.sizeOnly {
				w.failf(name, "is an output of this run; not read as an input")
			}
			return
		}
	}
	if w.sizeOnly {
		if isArchive(k) {
			w.unknown = true
		} else if fi.Mode().IsRegular() {
			w.total += fi.Size()
		}
		return
	}
	f, err := os.Open(p)
	if err != nil {
		w.fail(name, reason(err))
		return
	}
	defer f.Close()
	size := int64(-1)
	if fi.Mode().IsRegular() {
		size = fi.Size()
	}
	if isArchive(k) {
		w.archiveFile(name, k, f, size)
		return
	}
	w.leaf(name, f, size, k == document)
}
