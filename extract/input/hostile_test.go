package input

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Issue 12: a malformed CSV row is an error naming the row, never a silent merge of the
// rows after it; the rows before it are all read.
func TestCSVStrict(t *testing.T) {
	d := t.TempDir()
	tests := []struct {
		name, content string
		want          []string // with F for the file's path
	}{
		{"unterminated quote", "id,text\nx,\"a 5亿元\nb,投资6亿元\n",
			[]string{`F: ERR row 1 (line 2 of the file, column 17): a quote that does not end ("...) or stray quotes in an unquoted cell; the rest of the table not read`}},
		{"rows before the bad one are read", "id,text\nw,投资5亿元\nx,\"a 5亿元\nb,投资6亿元\n",
			[]string{"F#w = 投资5亿元", `F: ERR row 2 (line 3 of the file, column 17): a quote that does not end ("...) or stray quotes in an unquoted cell; the rest of the table not read`}},
		{"bare quote", "id,text\nx,a \"5亿元\"\n",
			[]string{`F: ERR row 1 (line 2 of the file, column 5): a bare " in an unquoted cell (write it as "" inside a quoted cell); the rest of the table not read`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := write(t, filepath.Join(d, strings.ReplaceAll(tt.name, " ", "_")+".csv"), []byte(tt.content))
			got := walk(t, []string{f}, Options{Format: CSV, TextColumn: "text", IDColumn: "id"})
			var want []string
			for _, w := range tt.want {
				want = append(want, strings.ReplaceAll(w, "F", f))
			}
			check(t, got, want)
		})
	}
}

// zeros is an endless stream of NUL bytes, as /dev/zero.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// The CSV size limit applies while reading: an endless cell is refused after a bounded
// read, not buffered until memory runs out.
func TestCSVCellLimitWhileReading(t *testing.T) {
	r := io.MultiReader(strings.NewReader("id,text\nx,"), zeros{})
	got := walk(t, []string{"-"}, Options{Format: CSV, TextColumn: "text", MaxFileSize: 1 << 20, Stdin: r})
	check(t, got, []string{"-: ERR row 1 is larger than 2.1 MiB (--max-file-size); the rest of the table not read"})
}

// Issue 12: a folder symbolic link to an ancestor of the root does not make the walk
// read the tree a second time by plain folders.
func TestSymlinkToAncestorOfRoot(t *testing.T) {
	d := t.TempDir()
	tree(t, d, map[string]string{"d/a.txt": "A", "d/sub/b.txt": "B"})
	if err := os.Symlink("../..", filepath.Join(d, "d/sub/up")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	root := filepath.Join(d, "d")
	got := walk(t, []string{root}, Options{})
	check(t, got, []string{
		root + "/a.txt = A",
		root + "/sub/b.txt = B",
		root + "/sub/up/d: ERR symbolic link loop: leads back to " + root,
	})
}

// BOM-less UTF-16 has NUL bytes on both parities when ASCII meets 一 (U+4E00); it is
// text, while binary data with NULs on both parities stays binary.
func TestSniffBinaryUTF16(t *testing.T) {
	le := []byte{'2', 0, '0', 0, 0x74, 0x5E, 0x00, 0x4E, 0xBF, 0x4E, 0x43, 0x51} // 20年一亿元
	be := make([]byte, len(le))
	for i := 0; i+1 < len(le); i += 2 {
		be[i], be[i+1] = le[i+1], le[i]
	}
	for _, tt := range []struct {
		name string
		data []byte
		want string
	}{
		{"UTF-16LE without BOM", le, ""},
		{"UTF-16BE without BOM", be, ""},
		{"binary", []byte{0, 1, 2, 0, 0, 0, 7, 8, 0, 3}, "contains NUL bytes"},
	} {
		if got := sniffBinary(tt.data); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}
