package decode

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

func FuzzDecode(f *testing.F) {
	for _, s := range []string{"", "abc", "增长6.5%", "\xEF\xBB\xBF亿元", "\xFF\xFEa\x00", "\xFE\xFF\x00a", "a\x00b\x00", "\x00"} {
		f.Add([]byte(s), "")
	}
	gb, _ := simplifiedchinese.GB18030.NewEncoder().String("规模以上工业增加值增长6.5%")
	b5, _ := traditionalchinese.Big5.NewEncoder().String("規模以上工業增加值增長6.5%")
	f.Add([]byte(gb), "")
	f.Add([]byte(b5), "big5")
	f.Add([]byte(gb), "utf-16")
	if b, err := os.ReadFile(seedTraditional); err == nil {
		f.Add(b[:1000], "auto")
	}
	f.Fuzz(func(t *testing.T, data []byte, enc string) {
		res, err := Decode(data, enc)
		if err != nil {
			if res != (Result{}) {
				t.Fatalf("error %v with a result", err)
			}
			return
		}
		if !utf8.ValidString(res.Text) {
			t.Fatalf("invalid UTF-8 text from %s", res.Encoding)
		}
		switch res.Encoding {
		case UTF8, UTF8BOM, UTF16LE, UTF16BE, GB18030, Big5:
		default:
			t.Fatalf("unknown encoding name %q", res.Encoding)
		}
		// valid UTF-8 without NUL decodes to itself (less a BOM) when detected
		if enc == "" && utf8.Valid(data) && bytes.IndexByte(data, 0) < 0 {
			want := string(bytes.TrimPrefix(data, bomUTF8))
			if res.Text != want {
				t.Fatalf("valid UTF-8 %q decoded as %s to %q", data, res.Encoding, res.Text)
			}
		}
	})
}

// Valid UTF-8 either round-trips or is rejected as binary, never misread.
func TestDecodeUTF8RoundTrip(t *testing.T) {
	for _, s := range []string{"abc", "增长6.5%", "\xEF\xBB\xBF亿元", "a\x01b", "\x01\x02\x03"} {
		res, err := Decode([]byte(s), "")
		if errors.Is(err, ErrBinary) {
			continue
		}
		if err != nil || res.Text != string(bytes.TrimPrefix([]byte(s), bomUTF8)) {
			t.Errorf("Decode(%q) = %q, %v", s, res.Text, err)
		}
	}
}

func FuzzHTMLText(f *testing.F) {
	for _, s := range []string{
		"", "<p>a</p>", "<script>x</script>y", "&amp;&#x4e00;&nbsp", "<pre>a\nb</pre>",
		"<table><tr><td>1</td></tr></table>", "<template><p>x</template>", "</>", "<a b='>'>c",
		"<p>全市\n  规模</p>", "<!-- x -->", "<title>&lt;</title>",
	} {
		f.Add(s)
	}
	if b, err := os.ReadFile("testdata/page.html"); err == nil {
		f.Add(string(b))
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkMap(t, s, HTMLText([]rune(s)))
		n := ImageRun(s)
		if n < 0 || n > strings.Count(strings.ToLower(s), "<img") {
			t.Fatalf("ImageRun = %d with %d <img in %q", n, strings.Count(strings.ToLower(s), "<img"), s)
		}
		// The page's reading follows the same tokens: the same run.
		if src, _, _ := HTMLPage(s, false); src.ImageRun != n {
			t.Fatalf("HTMLPage's ImageRun %d, ImageRun %d in %q", src.ImageRun, n, s)
		}
		if src, _, _ := HTMLPageShifted(s); src.ImageRun != n {
			t.Fatalf("HTMLPageShifted's ImageRun %d, ImageRun %d in %q", src.ImageRun, n, s)
		}
	})
}
