package input

import (
	"archive/tar"
	"archive/zip"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path"
	"strings"
)

// Archives are read as streams (tar, gzip) or through their central directory (zip), one
// member at a time. Three limits keep a crafted archive (a "zip bomb") from eating the
// machine: the member count, the uncompressed bytes read from the archive in all, and the
// compression ratio of each member (of the whole stream for gzip). A member that is itself
// an archive is opened too, one level deep (outer.zip!inner.tar!x.txt); its bytes count
// against the outer archive's limit as well as its own.

var (
	errBudget = errors.New("archive uncompressed size limit reached")
	errRatio  = errors.New("compression ratio limit reached")
)

// budget is how many uncompressed bytes an archive may still hand out. The bytes an
// inner archive decompresses count against the enclosing archive too (an inner plain tar's
// do not: they are the outer member's bytes, counted once already).
type budget struct {
	parent *budget // the enclosing archive's budget, charged too; nil for none
	max    int64   // < 0: no limit
	used   int64
}

func (w *walker) newBudget(parent *budget) *budget {
	return &budget{parent: parent, max: limit(w.opts.MaxArchiveBytes, DefaultMaxArchiveBytes)}
}

// charge counts n bytes against b and its ancestors, and tells whether all are in limits.
func (b *budget) charge(n int64) bool {
	ok := true
	for x := b; x != nil; x = x.parent {
		x.used += n
		if x.max >= 0 && x.used > x.max {
			ok = false
		}
	}
	return ok
}

func (b *budget) overSelf() bool { return b.max >= 0 && b.used > b.max }

func (b *budget) over() bool {
	for x := b; x != nil; x = x.parent {
		if x.overSelf() {
			return true
		}
	}
	return false
}

type budgetReader struct {
	r io.Reader
	b *budget
}

func (r *budgetReader) Read(p []byte) (int, error) {
	if r.b.over() {
		return 0, errBudget
	}
	n, err := r.r.Read(p)
	if !r.b.charge(int64(n)) {
		return n, errBudget
	}
	return n, err
}

type countReader struct {
	r io.Reader
	n int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// ratioReader fails once a decompressed stream has grown more than max times the
// compressed bytes read so far (past ratioFloor).
type ratioReader struct {
	r       io.Reader
	in      *countReader
	out     int64
	max     float64
	tripped bool
}

func (r *ratioReader) Read(p []byte) (int, error) {
	if r.tripped {
		return 0, errRatio
	}
	n, err := r.r.Read(p)
	r.out += int64(n)
	if r.max > 0 && r.out > ratioFloor && float64(r.out) > r.max*float64(max(r.in.n, 1)) {
		r.tripped = true
		return n, errRatio
	}
	return n, err
}

func (w *walker) maxMembers() int { return limit(w.opts.MaxMembers, DefaultMaxMembers) }

func (w *walker) maxRatio() float64 { return limit(w.opts.MaxRatio, float64(DefaultMaxRatio)) }

// classifyMember is classify for a path inside an archive: hidden and excluded folders
// on the way count too.
func (w *walker) classifyMember(rel string) kind {
	segs := strings.Split(rel, "/")
	for i, s := range segs {
		if !w.opts.Hidden && hiddenSegment(s) {
			return skip
		}
		if i < len(segs)-1 && anyMatch(w.exclude, strings.Join(segs[:i+1], "/")) {
			return skip
		}
	}
	return w.classify(rel)
}

// archiveFile reads an archive named on the command line or found in a directory.
func (w *walker) archiveFile(name string, k kind, f *os.File, size int64) {
	if k == zipKind {
		if size < 0 {
			w.failf(name, "a zip archive must be a regular file (it is read from its end)")
			return
		}
		w.zipArchive(name, f, size, nil, 0)
		return
	}
	w.streamArchive(name, k, f, nil, 0)
}

// reportLimits says once, for the archive whose limit it is, that an archive's bytes or
// compression ratio went over the limit. It tells whether the archive must stop.
func (w *walker) reportLimits(name string, b *budget, rr *ratioReader, err error) bool {
	switch {
	case b.overSelf():
		w.failf(name, "expands to more than %s (--max-archive-bytes); the rest not read", humanBytes(b.max))
	case b.over():
		// an enclosing archive's limit: it reports
	case rr != nil && (rr.tripped || errors.Is(err, errRatio)):
		w.failf(name, "compression ratio over %g:1 (--max-ratio), a gzip bomb?; the rest not read", rr.max)
	default:
		return false
	}
	return true
}

func (w *walker) zipArchive(name string, ra io.ReaderAt, size int64, parent *budget, depth int) {
	zr, err := zip.NewReader(ra, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) { // names are cleaned; nothing is written
		w.failf(name, "corrupt zip archive: %v", err)
		return
	}
	b := w.newBudget(parent)
	var declared uint64
	for _, f := range zr.File {
		declared += f.UncompressedSize64
	}
	if b.max >= 0 && declared > uint64(b.max) {
		w.failf(name, "would expand to %s, more than %s (--max-archive-bytes); not read", humanBytes(int64(min(declared, 1<<62))), humanBytes(b.max))
		return
	}
	n := 0
	for _, f := range zr.File {
		if w.stopped() {
			return
		}
		if isDir := strings.HasSuffix(f.Name, "/"); isDir || !f.Mode().IsRegular() {
			continue // directories, links: not counted, as in a tar
		}
		// Like a tar: the first --max-members files are read, the rest reported.
		n++
		if m := w.maxMembers(); m >= 0 && n > m {
			w.failf(name, "more than %d members (--max-members); the rest not read", m)
			return
		}
		rel, isDir := MemberName(f.Name)
		if isDir || rel == "" {
			continue
		}
		k := w.classifyMember(rel)
		if k == skip {
			continue
		}
		full := name + "!" + rel
		// Go's zip reader refuses to read past the declared size, and no member can have
		// more compressed bytes than the archive holds: so this check is sound.
		comp := min(f.CompressedSize64, uint64(size))
		if r := w.maxRatio(); r > 0 && f.UncompressedSize64 > ratioFloor && float64(f.UncompressedSize64) > r*float64(max(comp, 1)) {
			w.failf(full, "compression ratio %.0f:1, over the limit of %g:1 (--max-ratio); a zip bomb?", float64(f.UncompressedSize64)/float64(max(comp, 1)), r)
			continue
		}
		if !isArchive(k) && w.opts.Format == Text && w.maxFile >= 0 && f.UncompressedSize64 > uint64(w.maxFile) {
			w.fail(full, tooLarge(int64(min(f.UncompressedSize64, 1<<62)), w.maxFile))
			continue
		}
		rc, err := f.Open()
		if err != nil {
			w.failf(full, "corrupt member: %v", err)
			continue
		}
		r := &budgetReader{r: rc, b: b}
		if isArchive(k) {
			w.nested(full, k, r, b, depth)
		} else {
			w.leaf(full, r, int64(min(f.UncompressedSize64, 1<<62)), k == document)
		}
		rc.Close()
		if w.reportLimits(name, b, nil, nil) {
			return
		}
	}
}

// nested opens an archive found inside the archive at depth.
func (w *walker) nested(name string, k kind, r io.Reader, parent *budget, depth int) {
	if depth >= 1 {
		w.failf(name, "archive inside an archive inside an archive: not opened (one level of nesting only)")
		return
	}
	if k != zipKind {
		w.streamArchive(name, k, r, parent, depth+1)
		return
	}
	// A zip is read from its end: spill the member to a temporary file.
	tmp, err := os.CreateTemp("", "policymetrics-*.zip")
	if err != nil {
		w.failf(name, "cannot open the inner zip archive: %v", err)
		return
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	n, err := io.Copy(tmp, r)
	if err != nil {
		if !errors.Is(err, errBudget) {
			w.failf(name, "corrupt member: %v", err)
		}
		return
	}
	w.zipArchive(name, tmp, n, parent, depth+1)
}

// streamArchive reads a tar, .tar.gz or .gz archive from r.
func (w *walker) streamArchive(name string, k kind, r io.Reader, parent *budget, depth int) {
	var rr *ratioReader
	if k == tgzKind || k == gzKind {
		cr := &countReader{r: r}
		gz, err := gzip.NewReader(cr)
		if err != nil {
			w.failf(name, "corrupt gzip data: %v", err)
			return
		}
		defer gz.Close()
		rr = &ratioReader{r: gz, in: cr, max: w.maxRatio()}
		r = rr
	}
	if k == tarKind {
		parent = nil // see budget
	}
	b := w.newBudget(parent)
	br := &budgetReader{r: r, b: b}
	if k == gzKind {
		w.gzMember(name, br, b, rr, depth)
		return
	}
	w.tarArchive(name, br, b, rr, depth)
}

// gzMember reads the one file of a .gz: x.txt.gz holds x.txt (x.txt.gz!x.txt).
func (w *walker) gzMember(name string, r io.Reader, b *budget, rr *ratioReader, depth int) {
	base := path.Base(strings.ReplaceAll(name[strings.LastIndex(name, "!")+1:], `\`, "/"))
	inner := base[:len(base)-len(path.Ext(base))]
	if inner == "" {
		inner = base
	}
	k := w.classifyMember(inner)
	if k == skip {
		return
	}
	full := name + "!" + inner
	if isArchive(k) {
		w.nested(full, k, r, b, depth)
	} else {
		w.leaf(full, r, -1, k == document)
	}
	w.reportLimits(name, b, rr, nil)
}

func (w *walker) tarArchive(name string, r io.Reader, b *budget, rr *ratioReader, depth int) {
	tr := tar.NewReader(r)
	n := 0
	for !w.stopped() {
		hdr, err := tr.Next()
		if err == io.EOF {
			return
		}
		if err != nil {
			if !w.reportLimits(name, b, rr, err) {
				w.failf(name, "corrupt archive: %v", err)
			}
			return
		}
		if hdr.Typeflag != tar.TypeReg && hdr.Typeflag != '\x00' {
			continue // directories, links, devices
		}
		n++
		if m := w.maxMembers(); m >= 0 && n > m {
			w.failf(name, "more than %d members (--max-members); the rest not read", m)
			return
		}
		rel, _ := MemberName(hdr.Name)
		if rel == "" {
			continue
		}
		k := w.classifyMember(rel)
		if k == skip {
			continue
		}
		full := name + "!" + rel
		switch {
		case isArchive(k):
			w.nested(full, k, tr, b, depth)
		case w.opts.Format == Text && w.maxFile >= 0 && hdr.Size > w.maxFile:
			w.fail(full, tooLarge(hdr.Size, w.maxFile))
		default:
			w.leaf(full, tr, hdr.Size, k == document)
		}
		if w.reportLimits(name, b, rr, nil) {
			return
		}
	}
}
