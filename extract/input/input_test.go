package input

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// walk runs Walk and returns one line per item: "name" for a document (with its text
// when short), "name: ERR reason" for a failure.
func walk(t *testing.T, args []string, opts Options) []string {
	t.Helper()
	var got []string
	err := Walk(context.Background(), args, opts, func(it Item) error {
		if it.Err != nil {
			got = append(got, it.Name+": ERR "+it.Err.Error())
		} else if len(it.Data) <= 40 {
			got = append(got, it.Name+" = "+string(it.Data))
		} else {
			got = append(got, fmt.Sprintf("%s (%d bytes)", it.Name, len(it.Data)))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// tree creates files under dir: name → content; a name ending in "/" is a directory.
func tree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if strings.HasSuffix(name, "/") {
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

type member struct {
	name    string
	content string
	store   bool // no compression
}

func zipBytes(t *testing.T, ms ...member) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, m := range ms {
		h := &zip.FileHeader{Name: m.name, Method: zip.Deflate}
		if m.store {
			h.Method = zip.Store
		}
		if strings.HasSuffix(m.name, "/") {
			h.Method = zip.Store
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(m.content))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func tarBytes(t *testing.T, ms ...member) []byte {
	t.Helper()
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	for _, m := range ms {
		h := &tar.Header{Name: m.name, Mode: 0o644, Size: int64(len(m.content)), Typeflag: tar.TypeReg}
		if strings.HasSuffix(m.name, "/") {
			h.Typeflag, h.Size = tar.TypeDir, 0
		}
		if err := tw.WriteHeader(h); err != nil {
			t.Fatal(err)
		}
		tw.Write([]byte(m.content))
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func gzBytes(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

func write(t *testing.T, p string, b []byte) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// check compares items; a wanted line ending in "*" matches any line with that prefix.
func check(t *testing.T, got, want []string) {
	t.Helper()
	same := len(got) == len(want)
	for i := 0; same && i < len(got); i++ {
		if p, ok := strings.CutSuffix(want[i], "*"); ok {
			same = strings.HasPrefix(got[i], p)
		} else {
			same = got[i] == want[i]
		}
	}
	if !same {
		t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

func TestDirectoryWalk(t *testing.T) {
	d := t.TempDir()
	tree(t, d, map[string]string{
		"b.txt":              "B",
		"a.htm":              "A",
		"README":             "no extension",
		"tool":               "\x7FELF\x02\x01\x01\x00\x00", // binary, no extension: not a document
		"notes.md":           "markdown",
		"scan.pdf":           "%PDF-1.4",
		"table.csv":          "x,y",
		"sub/z.text":         "Z",
		"sub/deeper/y.html":  "<p>Y</p>",
		"sub/empty/":         "",
		".hidden.txt":        "H",
		".git/config.txt":    "G",
		"drafts/d.txt":       "D",
		"__MACOSX/._b.txt":   "M",
		"bad.txt":            "PK\x03\x04binary",
		"utf16.txt":          "\xFF\xFE1\x002\x00",
		"utf16nobom.txt":     "1\x002\x00\n\x00",
		"sub/deeper/big.TXT": strings.Repeat("x", 100),
	})
	got := walk(t, []string{d}, Options{})
	rel := func(s []string) []string {
		for i := range s {
			s[i] = strings.TrimPrefix(s[i], d+"/")
		}
		return s
	}
	check(t, rel(got), []string{
		"README = no extension",
		"a.htm = A",
		"b.txt = B",
		"bad.txt: ERR binary file (zip or Office document), not a text document",
		"drafts/d.txt = D",
		"scan.pdf = %PDF-1.4", // handed over: the PDF reader reads it or says why not
		"sub/deeper/big.TXT (100 bytes)",
		"sub/deeper/y.html = <p>Y</p>",
		"sub/z.text = Z",
		"utf16.txt = \xFF\xFE1\x002\x00",
		"utf16nobom.txt = 1\x002\x00\n\x00",
	})

	got = walk(t, []string{d}, Options{Hidden: true, Also: []string{"*.md"}, Exclude: []string{"drafts", "sub/**/*.html", "bad.*", "utf16*", "README"}})
	check(t, rel(got), []string{
		".git/config.txt = G",
		".hidden.txt = H",
		"__MACOSX/._b.txt = M",
		"a.htm = A",
		"b.txt = B",
		"notes.md = markdown",
		"scan.pdf = %PDF-1.4",
		"sub/deeper/big.TXT (100 bytes)",
		"sub/z.text = Z",
	})

	// --include narrows, like grep's: only what matches is read, whatever its extension.
	got = walk(t, []string{d}, Options{Include: []string{"*.md", "sub/**/*.text"}})
	check(t, rel(got), []string{
		"notes.md = markdown",
		"sub/z.text = Z",
	})

	// Named on the command line, a file is read whatever its extension; hidden too.
	got = walk(t, []string{filepath.Join(d, "notes.md"), filepath.Join(d, ".hidden.txt"), filepath.Join(d, "scan.pdf"), filepath.Join(d, "nope.txt")}, Options{})
	check(t, rel(got), []string{
		"notes.md = markdown",
		".hidden.txt = H",
		"scan.pdf = %PDF-1.4",
		"nope.txt: ERR no such file or directory",
	})
}

func TestBadPatterns(t *testing.T) {
	for _, o := range []Options{{Include: []string{"[a"}}, {Exclude: []string{""}}, {Format: "xml"}, {Format: CSV}, {TextColumn: "x"}} {
		if err := o.Check(); err == nil {
			t.Errorf("%+v accepted", o)
		}
	}
	if err := Walk(context.Background(), nil, Options{Include: []string{"[a"}}, nil); err == nil {
		t.Error("Walk accepted a bad pattern")
	}
}

func TestGlob(t *testing.T) {
	for _, c := range []struct {
		pat, rel string
		want     bool
	}{
		{"*.txt", "a/b/c.txt", true},
		{"*.txt", "c.txt", true},
		{"a/*.txt", "a/c.txt", true},
		{"a/*.txt", "a/b/c.txt", false},
		{"**/c.txt", "a/b/c.txt", true},
		{"**/c.txt", "c.txt", true},
		{"a/**", "a/b/c.txt", true},
		{"a/**/c.txt", "a/c.txt", true},
		{"./a/*", "a/x", true},
		{"drafts", "x/drafts", true},
		{"b/**", "a/b/c", false},
	} {
		g, err := compileGlob(c.pat)
		if err != nil {
			t.Fatal(err)
		}
		if got := g.match(c.rel); got != c.want {
			t.Errorf("%q matches %q: %v, want %v", c.pat, c.rel, got, c.want)
		}
	}
}

func TestArchives(t *testing.T) {
	d := t.TempDir()
	gbk := "\xb1\xa8\xb8\xe6.txt" // 报告.txt in GBK, stored without the UTF-8 flag
	zipFile := write(t, filepath.Join(d, "a.zip"), zipBytes(t,
		member{name: "dir/"},
		member{name: "dir/x.txt", content: "X"},
		member{name: "__MACOSX/dir/._x.txt", content: "junk"},
		member{name: "image.png", content: "\x89PNG"},
		member{name: `win\path.txt`, content: "W"},
		member{name: "../../etc/evil.txt", content: "E", store: true},
		member{name: gbk, content: "G"},
	))
	tarFile := write(t, filepath.Join(d, "b.tar"), tarBytes(t, member{name: "t/"}, member{name: "t/one.txt", content: "1"}, member{name: "t/two.htm", content: "2"}))
	tgzFile := write(t, filepath.Join(d, "c.tgz"), gzBytes(t, tarBytes(t, member{name: "three.txt", content: "3"})))
	targzFile := write(t, filepath.Join(d, "c2.tar.gz"), gzBytes(t, tarBytes(t, member{name: "four.txt", content: "4"})))
	gzFile := write(t, filepath.Join(d, "report.txt.gz"), gzBytes(t, []byte("gz text")))
	inner := tarBytes(t, member{name: "x.txt", content: "inner x"})
	innerZip := zipBytes(t, member{name: "y.txt", content: "inner y"})
	deepest := zipBytes(t, member{name: "deep.zip", content: string(zipBytes(t, member{name: "z.txt", content: "z"}))})
	outer := write(t, filepath.Join(d, "outer.zip"), zipBytes(t,
		member{name: "inner.tar", content: string(inner)},
		member{name: "inner.zip", content: string(innerZip)},
		member{name: "two.zip", content: string(deepest)},
		member{name: "n.txt.gz", content: string(gzBytes(t, []byte("gzipped member")))},
	))
	outerTar := write(t, filepath.Join(d, "outer.tar"), tarBytes(t, member{name: "in/inner.zip", content: string(innerZip)}))

	got := walk(t, []string{zipFile, tarFile, tgzFile, targzFile, gzFile, outer, outerTar}, Options{})
	check(t, got, []string{
		zipFile + "!dir/x.txt = X",
		zipFile + "!win/path.txt = W",
		zipFile + "!etc/evil.txt = E",
		zipFile + "!报告.txt = G",
		tarFile + "!t/one.txt = 1",
		tarFile + "!t/two.htm = 2",
		tgzFile + "!three.txt = 3",
		targzFile + "!four.txt = 4",
		gzFile + "!report.txt = gz text",
		outer + "!inner.tar!x.txt = inner x",
		outer + "!inner.zip!y.txt = inner y",
		outer + "!two.zip!deep.zip: ERR archive inside an archive inside an archive: not opened (one level of nesting only)",
		outer + "!n.txt.gz!n.txt = gzipped member",
		outerTar + "!in/inner.zip!y.txt = inner y",
	})

	// Found in a directory walk, archives are opened too; --exclude reaches inside them.
	got = walk(t, []string{d}, Options{Exclude: []string{"dir", "outer.*", "c*"}})
	check(t, got, []string{
		zipFile + "!win/path.txt = W",
		zipFile + "!etc/evil.txt = E",
		zipFile + "!报告.txt = G",
		tarFile + "!t/one.txt = 1",
		tarFile + "!t/two.htm = 2",
		gzFile + "!report.txt = gz text",
	})
}

func TestBadInputs(t *testing.T) {
	d := t.TempDir()
	zeros := strings.Repeat("\x00", 3<<20) // 3 MiB of zeros deflate to a few KiB
	bomb := write(t, filepath.Join(d, "bomb.zip"), zipBytes(t, member{name: "ok.txt", content: "fine"}, member{name: "zeros.txt", content: zeros}, member{name: "after.txt", content: "after"}))
	gzBomb := write(t, filepath.Join(d, "bomb.txt.gz"), gzBytes(t, []byte(zeros)))
	tgzBomb := write(t, filepath.Join(d, "bomb.tgz"), gzBytes(t, tarBytes(t, member{name: "a.txt", content: "a"}, member{name: "z.txt", content: zeros}, member{name: "b.txt", content: "b"})))
	corrupt := write(t, filepath.Join(d, "corrupt.zip"), []byte("this is not a zip file at all"))
	good := zipBytes(t, member{name: "m.txt", content: strings.Repeat("好", 1000)})
	truncated := write(t, filepath.Join(d, "truncated.zip"), good[:len(good)-30])
	flipped := bytes.Clone(good)
	flipped[60] ^= 0xff // inside the compressed data
	badMember := write(t, filepath.Join(d, "badmember.zip"), flipped)
	badTgz := write(t, filepath.Join(d, "bad.tgz"), []byte("\x1f\x8b\x08\x00garbage"))
	badTar := write(t, filepath.Join(d, "bad.tar"), bytes.Repeat([]byte("garbage!"), 200))
	big := write(t, filepath.Join(d, "big.txt"), bytes.Repeat([]byte("x"), 2000))
	bigMember := write(t, filepath.Join(d, "bigmember.zip"), zipBytes(t, member{name: "big.txt", content: strings.Repeat("y", 2000)}, member{name: "small.txt", content: "s"}))
	many := write(t, filepath.Join(d, "many.zip"), zipBytes(t, member{name: "1.txt"}, member{name: "2.txt"}, member{name: "3.txt"}, member{name: "4.txt"}))
	manyTar := write(t, filepath.Join(d, "many.tar"), tarBytes(t, member{name: "1.txt"}, member{name: "2.txt"}, member{name: "3.txt"}, member{name: "4.txt"}))

	got := walk(t, []string{bomb, gzBomb, tgzBomb, corrupt, truncated, badMember, badTgz, badTar}, Options{})
	check(t, got, []string{
		bomb + "!ok.txt = fine",
		bomb + "!zeros.txt: ERR compression ratio 1025:1, over the limit of 200:1 (--max-ratio); a zip bomb?",
		bomb + "!after.txt = after",
		gzBomb + ": ERR compression ratio over 200:1 (--max-ratio), a gzip bomb?; the rest not read",
		tgzBomb + "!a.txt = a",
		tgzBomb + ": ERR compression ratio over 200:1 (--max-ratio), a gzip bomb?; the rest not read",
		corrupt + ": ERR corrupt zip archive: zip: not a valid zip file",
		truncated + ": ERR corrupt zip archive: zip: not a valid zip file",
		badMember + "!m.txt: ERR read error: flate: corrupt input*",
		badTgz + ": ERR corrupt archive: unexpected EOF",
		badTar + ": ERR corrupt archive: archive/tar: invalid tar header",
	})

	got = walk(t, []string{big, bigMember, many, manyTar}, Options{MaxFileSize: 1000, MaxMembers: 3})
	check(t, got, []string{
		big + ": ERR 2000 bytes, larger than the 1000 bytes limit (--max-file-size)",
		bigMember + "!big.txt: ERR 2000 bytes, larger than the 1000 bytes limit (--max-file-size)",
		bigMember + "!small.txt = s",
		// zip and tar alike: the first 3 members read, the rest reported.
		many + "!1.txt = ",
		many + "!2.txt = ",
		many + "!3.txt = ",
		many + ": ERR more than 3 members (--max-members); the rest not read",
		manyTar + "!1.txt = ",
		manyTar + "!2.txt = ",
		manyTar + "!3.txt = ",
		manyTar + ": ERR more than 3 members (--max-members); the rest not read",
	})

	// The total uncompressed bytes of an archive, counted as read.
	tarTotal := write(t, filepath.Join(d, "total.tar.gz"), gzBytes(t, tarBytes(t, member{name: "a.txt", content: strings.Repeat("a", 600)}, member{name: "b.txt", content: strings.Repeat("b", 600)}, member{name: "c.txt", content: "c"})))
	zipTotal := write(t, filepath.Join(d, "total.zip"), zipBytes(t, member{name: "a.txt", content: strings.Repeat("a", 600)}, member{name: "b.txt", content: strings.Repeat("b", 600)}))
	got = walk(t, []string{tarTotal, zipTotal}, Options{MaxArchiveBytes: 1000, MaxRatio: -1})
	check(t, got, []string{
		tarTotal + ": ERR expands to more than 1000 bytes (--max-archive-bytes); the rest not read",
		zipTotal + ": ERR would expand to 1200 bytes, more than 1000 bytes (--max-archive-bytes); not read",
	})
	// Nested: what an inner archive decompresses counts against the outer limit too.
	innerTgz := string(gzBytes(t, tarBytes(t, member{name: "a.txt", content: strings.Repeat("a", 1000)})))
	nest := write(t, filepath.Join(d, "nest.zip"), zipBytes(t,
		member{name: "in.tar", content: string(tarBytes(t, member{name: "a.txt", content: strings.Repeat("a", 700)}))},
		member{name: "later.txt", content: "later"}))
	nest2 := write(t, filepath.Join(d, "nest2.zip"), zipBytes(t,
		member{name: "1.tgz", content: innerTgz}, member{name: "2.tgz", content: innerTgz}, member{name: "3.txt", content: "3"}))
	got = walk(t, []string{nest, nest2}, Options{MaxArchiveBytes: 3000, MaxRatio: -1})
	check(t, got, []string{
		nest + "!in.tar!a.txt (700 bytes)",
		nest + "!later.txt = later",
		nest2 + "!1.tgz!a.txt (1000 bytes)",
		nest2 + ": ERR expands to more than 3000 bytes (--max-archive-bytes); the rest not read",
	})
	got = walk(t, []string{nest, nest2}, Options{MaxArchiveBytes: 2000, MaxRatio: -1})
	check(t, got, []string{
		nest + ": ERR would expand to 2565 bytes, more than 2000 bytes (--max-archive-bytes); not read",
		nest2 + "!1.tgz!a.txt (1000 bytes)",
		nest2 + "!1.tgz: ERR expands to more than 2000 bytes (--max-archive-bytes); the rest not read",
		nest2 + ": ERR expands to more than 2000 bytes (--max-archive-bytes); the rest not read",
	})
}

func TestSymlinks(t *testing.T) {
	d := t.TempDir()
	tree(t, d, map[string]string{"a/x.txt": "X", "b/y.txt": "Y"})
	for link, target := range map[string]string{"a/loop": "..", "a/self": ".", "c": "b", "broken.txt": "nowhere.txt", "f.txt": "a/x.txt"} {
		if err := os.Symlink(target, filepath.Join(d, link)); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	got := walk(t, []string{d}, Options{})
	check(t, got, []string{
		d + "/a/loop: ERR symbolic link loop: leads back to " + d,
		d + "/a/self: ERR symbolic link loop: leads back to " + d + "/a",
		d + "/a/x.txt = X",
		d + "/b/y.txt = Y",
		d + "/broken.txt: ERR broken symbolic link: no such file or directory",
		d + "/c: ERR symbolic link to a directory already read as " + d + "/b; not read twice",
		d + "/f.txt = X",
	})
	got = walk(t, []string{filepath.Join(d, "broken.txt")}, Options{})
	check(t, got, []string{d + "/broken.txt: ERR broken symbolic link: no such file or directory"})
}

func TestUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads files whatever their mode")
	}
	d := t.TempDir()
	tree(t, d, map[string]string{"a.txt": "A", "locked.txt": "L", "lockeddir/x.txt": "X"})
	os.Chmod(filepath.Join(d, "locked.txt"), 0)
	os.Chmod(filepath.Join(d, "lockeddir"), 0)
	defer os.Chmod(filepath.Join(d, "lockeddir"), 0o755)
	got := walk(t, []string{d}, Options{})
	check(t, got, []string{
		d + "/a.txt = A",
		d + "/locked.txt: ERR permission denied",
		d + "/lockeddir: ERR cannot read directory: permission denied",
	})
}

func TestStdin(t *testing.T) {
	got := walk(t, []string{"-", "-"}, Options{Stdin: strings.NewReader("from stdin")})
	check(t, got, []string{"- = from stdin", "-: ERR standard input named more than once"})
	got = walk(t, []string{"-"}, Options{Stdin: strings.NewReader(strings.Repeat("x", 11)), MaxFileSize: 10})
	check(t, got, []string{"-: ERR larger than the 10 bytes limit (--max-file-size)"})
}

func TestCSVInput(t *testing.T) {
	d := t.TempDir()
	csvFile := write(t, filepath.Join(d, "reports.csv"), []byte("\xEF\xBB\xBFprovince,full_text,year\r\n"+
		"安徽,\"全年增长5%，\n第二行\",2026\r\n"+
		",无名,2026\r\n"+
		"short\r\n"+
		"北京,\"say \"\"hi\"\"\",2026\r\n"+
		"大,"+strings.Repeat("长", 10)+",2026\r\n"))
	got := walk(t, []string{csvFile}, Options{Format: CSV, TextColumn: "full_text", IDColumn: "province", MaxFileSize: 28})
	check(t, got, []string{
		csvFile + "#安徽 = 全年增长5%，\n第二行",
		csvFile + "#2 = 无名",
		csvFile + "#short: ERR row 3 has no \"full_text\" cell",
		csvFile + "#北京 = say \"hi\"",
		csvFile + "#大: ERR 30 bytes, larger than the 28 bytes limit (--max-file-size)",
	})
	got = walk(t, []string{csvFile}, Options{Format: CSV, TextColumn: "text"})
	check(t, got, []string{csvFile + `: ERR no column "text" (the header has "province", "full_text", "year")`})
	// In CSV mode a directory walk reads .csv files (and archives of them).
	zf := write(t, filepath.Join(d, "more.zip"), zipBytes(t, member{name: "t.csv", content: "full_text\nA\nB\n"}, member{name: "x.txt", content: "not a table"}))
	got = walk(t, []string{d}, Options{Format: CSV, TextColumn: "full_text"})
	check(t, got, []string{zf + "!t.csv#1 = A", zf + "!t.csv#2 = B", csvFile + "#1 = 全年增长5%，\n第二行", csvFile + "#2 = 无名", csvFile + "#3: ERR row 3 has no \"full_text\" cell", csvFile + "#4 = say \"hi\"", csvFile + "#5 = " + strings.Repeat("长", 10)})
	// From standard input.
	got = walk(t, []string{"-"}, Options{Format: CSV, TextColumn: "t", Stdin: strings.NewReader("t\nhello\n")})
	check(t, got, []string{"-#1 = hello"})
}

func TestJSONLInput(t *testing.T) {
	in := "{\"doc\": \"a.txt\", \"text\": \"增长5%\"}\n" +
		"\n" +
		"{\"text\": \"no name\"}\r\n" +
		"not json\n" +
		"{\"doc\": \"b.txt\"}\n" +
		"{\"doc\": 7, \"text\": \"numbered\"}\n" +
		"{\"doc\": \"c.txt\", \"text\": 5}\n" +
		"[1,2]\n" +
		"{\"doc\": \"long\", \"text\": \"" + strings.Repeat("x", 200) + "\"}\n" +
		"{\"doc\": \"last\", \"text\": \"no newline at the end\"}"
	got := walk(t, []string{"-"}, Options{Format: JSONL, Stdin: strings.NewReader(in), MaxFileSize: 50})
	check(t, got, []string{
		"a.txt = 增长5%",
		"-#3 = no name",
		"-#4: ERR not a JSON object: invalid character 'o' in literal null (expecting 'u')",
		"b.txt: ERR no \"text\" key",
		"7 = numbered",
		"c.txt: ERR \"text\" is not a string",
		"-#8: ERR not a JSON object: json: cannot unmarshal array into Go value of type map[string]json.RawMessage",
		"long: ERR 200 bytes, larger than the 50 bytes limit (--max-file-size)",
		"last = no newline at the end",
	})
	var enc []string
	Walk(context.Background(), []string{"-"}, Options{Format: JSONL, Stdin: strings.NewReader(in)}, func(it Item) error {
		enc = append(enc, it.Encoding)
		return nil
	})
	if enc[0] != "utf-8" {
		t.Errorf("JSON Lines text is UTF-8 whatever --encoding says; got %q", enc[0])
	}
	// A line far over the limit is skipped without being held.
	long := "{\"doc\":\"x\",\"text\":\"" + strings.Repeat("y", 300<<10) + "\"}\n{\"doc\":\"after\",\"text\":\"ok\"}\n"
	got = walk(t, []string{"-"}, Options{Format: JSONL, Stdin: strings.NewReader(long), MaxFileSize: 10})
	check(t, got, []string{"-#1: ERR line longer than 65556 bytes; not read", "after = ok"})
	// Other keys.
	got = walk(t, []string{"-"}, Options{Format: JSONL, TextColumn: "body", IDColumn: "id", Stdin: strings.NewReader(`{"id":"k","body":"v"}`)})
	check(t, got, []string{"k = v"})
}

func TestTotalSize(t *testing.T) {
	d := t.TempDir()
	tree(t, d, map[string]string{"a.txt": "12345", "sub/b.html": "123", "skip.png": "1234567", ".h.txt": "12"})
	if n, ok := TotalSize(context.Background(), []string{d, filepath.Join(d, "skip.png")}, Options{}); !ok || n != 15 {
		t.Errorf("TotalSize = %d, %v; want 15", n, ok)
	}
	write(t, filepath.Join(d, "sub/x.zip"), zipBytes(t, member{name: "a.txt", content: "a"}))
	for _, args := range [][]string{{d}, {"-"}} {
		if _, ok := TotalSize(context.Background(), args, Options{}); ok {
			t.Errorf("TotalSize(%v) known", args)
		}
	}
	if _, ok := TotalSize(context.Background(), []string{filepath.Join(d, "a.txt")}, Options{Format: JSONL}); ok {
		t.Error("TotalSize of a table known")
	}
}

func TestStopping(t *testing.T) {
	d := t.TempDir()
	tree(t, d, map[string]string{"a.txt": "A", "b.txt": "B", "c.txt": "C"})
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	err := Walk(ctx, []string{d}, Options{}, func(Item) error {
		n++
		cancel()
		return nil
	})
	if !errors.Is(err, context.Canceled) || n != 1 {
		t.Errorf("after cancel: %d items, err %v", n, err)
	}
	boom := errors.New("boom")
	n = 0
	if err := Walk(context.Background(), []string{d}, Options{}, func(Item) error { n++; return boom }); err != boom || n != 1 {
		t.Errorf("yield error: %d items, err %v", n, err)
	}
	if err := Walk(context.Background(), []string{d}, Options{}, func(Item) error { return ErrStop }); err != nil {
		t.Errorf("ErrStop gave %v", err)
	}
}

func TestMemberName(t *testing.T) {
	for _, c := range []struct {
		raw, want string
		dir       bool
	}{
		{"a/b.txt", "a/b.txt", false},
		{"/abs/x.txt", "abs/x.txt", false},
		{"../../x.txt", "x.txt", false},
		{`a\b\c.txt`, "a/b/c.txt", false},
		{"./a//b/", "a/b", true},
		{"\xb1\xa8\xb8\xe6.txt", "报告.txt", false},
		{"a\x00b\nc", "a\uFFFDb\uFFFDc", false},
		{"\xff\xfe", "\uFFFD", false},
	} {
		got, dir := MemberName(c.raw)
		if got != c.want || dir != c.dir {
			t.Errorf("MemberName(%q) = %q, %v; want %q, %v", c.raw, got, dir, c.want, c.dir)
		}
	}
}

func TestReadLimited(t *testing.T) {
	for _, c := range []struct {
		n, hint, max int64
		ok           bool
	}{
		{100, 100, 100, true}, {100, -1, 100, true}, {101, -1, 100, false}, {101, 50, 100, false},
		{200 << 10, -1, -1, true}, {0, 0, 0, true}, {1, 0, 0, false}, {100, 101, 100, false},
	} {
		b, _, err := readLimited(bytes.NewReader(make([]byte, c.n)), c.hint, c.max)
		if (err == nil) != c.ok || (c.ok && int64(len(b)) != c.n) {
			t.Errorf("readLimited(%d bytes, hint %d, max %d) = %d bytes, %v", c.n, c.hint, c.max, len(b), err)
		}
	}
}
