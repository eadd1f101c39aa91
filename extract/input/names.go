package input

import (
	"fmt"
	"path"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// MemberName turns an archive member's stored name into the name a document carries after
// the "!" (archive.zip!dir/member.txt), and tells whether the member is a directory.
//
// Stored names are untrusted: zip tools on Chinese Windows write GBK names without the
// UTF-8 flag, Windows tools write backslashes, and crafted archives hold absolute paths,
// "..", or control characters. The result is valid UTF-8 (GBK/GB18030 names are decoded,
// other invalid bytes become U+FFFD), uses "/" only, has no empty, "." or ".." segments and
// no leading "/", and holds no control characters (they become U+FFFD). Applying
// MemberName to its own result changes nothing.
func MemberName(raw string) (name string, isDir bool) {
	if !utf8.ValidString(raw) {
		raw = decodeLegacyName(raw)
	}
	raw = strings.ReplaceAll(raw, `\`, "/")
	isDir = strings.HasSuffix(raw, "/")
	var b strings.Builder
	for _, seg := range strings.Split(raw, "/") {
		if seg == "" || seg == "." || seg == ".." {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('/')
		}
		for _, r := range seg {
			if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
				r = utf8.RuneError
			}
			b.WriteRune(r)
		}
	}
	return b.String(), isDir
}

// decodeLegacyName reads a name that is not UTF-8 as GB18030 (a superset of GBK and
// GB2312, what Chinese Windows writes), falling back to U+FFFD for bytes that are neither.
func decodeLegacyName(raw string) string {
	if s, err := simplifiedchinese.GB18030.NewDecoder().String(raw); err == nil && utf8.ValidString(s) && !strings.ContainsRune(s, utf8.RuneError) {
		return s
	}
	return strings.ToValidUTF8(raw, "\uFFFD")
}

// hiddenSegment reports whether a file or directory name is hidden: it starts with a dot,
// or it is the __MACOSX folder of resource forks that macOS puts into zip files.
func hiddenSegment(name string) bool {
	return strings.HasPrefix(name, ".") || name == "__MACOSX"
}

// glob is one --include or --exclude pattern.
//
// A pattern without "/" matches a base name (*.txt, 2017*). A pattern with "/" matches the
// path relative to the directory or archive being read (drafts/*.txt); "**" as a whole
// segment matches any number of segments (**/drafts/**). Matching is path.Match's, per
// segment.
type glob struct {
	pattern string
	segs    []string
	hasPath bool
}

func compileGlob(p string) (glob, error) {
	p = strings.TrimPrefix(strings.ReplaceAll(p, `\`, "/"), "./")
	if p == "" {
		return glob{}, fmt.Errorf("empty pattern")
	}
	g := glob{pattern: p, hasPath: strings.Contains(strings.TrimSuffix(p, "/"), "/")}
	g.segs = strings.Split(strings.Trim(p, "/"), "/")
	for _, s := range g.segs {
		if s == "**" {
			continue
		}
		if _, err := path.Match(s, ""); err != nil {
			return glob{}, fmt.Errorf("bad pattern %q: %v", p, err)
		}
	}
	return g, nil
}

// match tells whether rel (slash-separated, relative to the directory or archive) or its
// base name matches.
func (g glob) match(rel string) bool {
	if !g.hasPath {
		ok, _ := path.Match(g.segs[0], path.Base(rel))
		return ok
	}
	return matchSegs(g.segs, strings.Split(rel, "/"))
}

func matchSegs(pat, name []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			for i := 0; i <= len(name); i++ {
				if matchSegs(pat[1:], name[i:]) {
					return true
				}
			}
			return false
		}
		if len(name) == 0 {
			return false
		}
		if ok, _ := path.Match(pat[0], name[0]); !ok {
			return false
		}
		pat, name = pat[1:], name[1:]
	}
	return len(name) == 0
}

func anyMatch(gs []glob, rel string) bool {
	for _, g := range gs {
		if g.match(rel) {
			return true
		}
	}
	return false
}
