package input

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzMemberName(f *testing.F) {
	for _, s := range []string{"a/b.txt", "/abs", "../../x", `a\b`, "./a//b/", "\xb1\xa8\xb8\xe6.txt", "a\x00b", "\xff", "..", "a/./b/../c", "é/\u2028"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		name, _ := MemberName(raw)
		if !utf8.ValidString(name) {
			t.Fatalf("MemberName(%q) = %q: not UTF-8", raw, name)
		}
		if strings.HasPrefix(name, "/") || strings.HasSuffix(name, "/") || strings.Contains(name, "//") || strings.Contains(name, `\`) {
			t.Fatalf("MemberName(%q) = %q: bad slashes", raw, name)
		}
		for _, seg := range strings.Split(name, "/") {
			if seg == "." || seg == ".." {
				t.Fatalf("MemberName(%q) = %q: dot segment", raw, name)
			}
		}
		for _, r := range name {
			if r < 0x20 || r == 0x7f {
				t.Fatalf("MemberName(%q) = %q: control character", raw, name)
			}
		}
		if again, _ := MemberName(name); again != name {
			t.Fatalf("MemberName not idempotent: %q → %q → %q", raw, name, again)
		}
	})
}

// FuzzJSONL feeds arbitrary streams to the JSON Lines reader: it never panics, every
// non-blank line gives exactly one item, and items hold their text or an error.
func FuzzJSONL(f *testing.F) {
	for _, s := range []string{
		"{\"doc\":\"a\",\"text\":\"b\"}\n",
		"{\"text\":\"x\"}\r\n\n{\"doc\":1,\"text\":\"y\"}",
		"\xEF\xBB\xBF{\"doc\":\"a\",\"text\":\"\\u4e2d\"}",
		"not json\n[1]\nnull\n{\"doc\":{},\"text\":\"\"}\n",
		"{\"doc\":\"" + strings.Repeat("x", 100) + "\"}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		var items []Item
		err := Walk(context.Background(), []string{"-"}, Options{Format: JSONL, Stdin: bytes.NewReader(in), MaxFileSize: 64},
			func(it Item) error { items = append(items, it); return nil })
		if err != nil {
			t.Fatal(err)
		}
		lines := 0
		for i, l := range bytes.Split(in, []byte("\n")) {
			if i == 0 {
				l = bytes.TrimPrefix(l, utf8BOM)
			}
			if len(bytes.TrimSpace(l)) > 0 {
				lines++
			}
		}
		if len(items) != lines {
			t.Fatalf("%d non-blank lines gave %d items", lines, len(items))
		}
		for _, it := range items {
			if it.Name == "" || (it.Err != nil && it.Data != nil) {
				t.Fatalf("bad item %+v", it)
			}
			if it.Err == nil && len(it.Data) > 64 {
				t.Fatalf("item over the size limit: %d bytes", len(it.Data))
			}
		}
	})
}

// FuzzArchive opens arbitrary bytes as each kind of archive: corrupt input becomes error
// items, never a panic or a hang.
func FuzzArchive(f *testing.F) {
	f.Add([]byte("PK\x03\x04garbage"))
	f.Add([]byte("\x1f\x8b\x08\x00\x00\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, in []byte) {
		d := t.TempDir()
		var args []string
		for _, name := range []string{"a.zip", "a.tar", "a.tgz", "a.txt.gz"} {
			p := filepath.Join(d, name)
			if err := os.WriteFile(p, in, 0o644); err != nil {
				t.Fatal(err)
			}
			args = append(args, p)
		}
		err := Walk(context.Background(), args, Options{MaxArchiveBytes: 1 << 20, MaxMembers: 100}, func(it Item) error {
			if it.Name == "" {
				t.Fatal("item without a name")
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}
