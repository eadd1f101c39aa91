package input

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"
)

// NameMode is how a document is named in records (--doc-name).
type NameMode string

// The name modes.
const (
	NamePath NameMode = "path" // the path as given or found: corpus/2020/a.txt, x.zip!sub/m.txt
	NameBase NameMode = "base" // the file's own name: a.txt, m.txt (an archive member's), t.csv#3
	NameRel  NameMode = "rel"  // relative to the input argument: 2020/a.txt for corpus/; x.zip!sub/m.txt for a named file
)

// NameModes lists the modes in the order help texts show them.
var NameModes = []NameMode{NamePath, NameBase, NameRel}

// ParseNameMode reads a --doc-name value.
func ParseNameMode(s string) (NameMode, error) {
	switch m := NameMode(strings.ToLower(strings.TrimSpace(s))); m {
	case NamePath, NameBase, NameRel:
		return m, nil
	case "":
		return NamePath, nil
	}
	return "", fmt.Errorf("unknown document naming %q (want path, base or rel)", s)
}

// DocName renames a document found under the input argument arg (a directory when
// argIsDir) as mode says. row tells that name ends in a table row's #<id>, which is kept
// as it is. Names that do not start with arg (standard input "-", a JSON line's own doc)
// are left as they are.
//
//	rel:  corpus/ → 2020/a.txt, 2020/x.zip!m.txt; data/x.zip → x.zip!sub/m.txt; data/t.csv → t.csv#3
//	base: a.txt, m.txt (the member's own name), t.csv#3
func DocName(mode NameMode, arg string, argIsDir bool, name string, row bool) string {
	if mode == NamePath || mode == "" || arg == "-" || !strings.HasPrefix(name, arg) {
		return name
	}
	rest := name[len(arg):]
	var rel string
	switch {
	case argIsDir:
		rel = strings.TrimLeft(rest, "/"+string(filepath.Separator))
		if rel == "" {
			return name
		}
	case rest == "" || rest[0] == '!' || rest[0] == '#':
		rel = filepath.Base(arg) + rest
	default:
		return name // not a name this argument gave
	}
	rel = filepath.ToSlash(rel)
	if mode == NameRel {
		return rel
	}
	// base: the file part's last name, the row suffix kept.
	file, suffix := rel, ""
	if row {
		if i := strings.LastIndex(rel, "#"); i >= 0 {
			file, suffix = rel[:i], rel[i:]
		}
	}
	if i := strings.LastIndex(file, "!"); i >= 0 {
		file = file[i+1:]
	}
	return path.Base(file) + suffix
}
