package pdf

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/policymetrics/policymetrics/extract/read"
)

// All the tests of this package share one engine (the first Read starts it; with the
// compilation cache warm that takes well under a second).

// makePDF writes a PDF of the given objects (numbered from 1; object 1 is the catalog)
// with a correct cross-reference table.
func makePDF(objects ...string) []byte {
	var b strings.Builder
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objects))
	for i, o := range objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, xref)
	return []byte(b.String())
}

func stream(dict, data string) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

// A page with "Hello" and "world 2479.6" in Helvetica.
func textPDF() []byte {
	return makePDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		stream("", "BT /F1 12 Tf 20 150 Td (Hello) Tj 0 -20 Td (world 2479.6) Tj ET"),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	)
}

// Two pages without content.
func emptyPDF() []byte {
	return makePDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] >>",
	)
}

// A page that is one image, as a scanner makes it.
func imagePDF() []byte {
	return makePDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>",
		stream("", "q 300 0 0 200 0 0 cm /Im0 Do Q"),
		stream("/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8", "\x00\xff\xff\x00"),
	)
}

// A document encrypted with the standard handler whose user password is not empty (the
// /O and /U entries do not match the empty password).
func encryptedPDF() []byte {
	b := makePDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] >>",
		"<< /Filter /Standard /V 1 /R 2 /P -4 /O <"+strings.Repeat("41", 32)+"> /U <"+strings.Repeat("42", 32)+"> >>",
	)
	return []byte(strings.Replace(string(b), "/Root 1 0 R", "/Root 1 0 R /Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]", 1))
}

func TestReadHandMade(t *testing.T) {
	doc, err := Read(context.Background(), textPDF())
	if err != nil {
		t.Fatal(err)
	}
	if doc.Text != "Hello\nworld 2479.6\n" {
		t.Errorf("Text = %q", doc.Text)
	}
	if len(doc.PageStarts) != 1 || doc.PageStarts[0] != 0 {
		t.Errorf("PageStarts = %v", doc.PageStarts)
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		is   error  // the error it must wrap, or nil
		says string // what the message must say
	}{
		{"empty pages", emptyPDF(), read.ErrNoTextLayer, "no text layer"},
		{"image only", imagePDF(), read.ErrNoTextLayer, "no text layer"},
		{"encrypted", encryptedPDF(), errOpen, "password"},
		{"not a PDF", []byte("<html><body>no</body></html>"), errOpen, "not a PDF"},
		{"empty file", nil, nil, "empty"},
		{"truncated", textPDF()[:60], nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read(context.Background(), tt.data)
			if err == nil {
				if tt.name == "truncated" {
					return // PDFium may repair it; it must not panic
				}
				t.Fatalf("no error; Text %q", doc.Text)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error %v, want one wrapping %v", err, tt.is)
			}
			if !strings.Contains(err.Error(), tt.says) {
				t.Errorf("error %q does not say %q", err, tt.says)
			}
		})
	}
}

func TestReadCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Read(ctx, textPDF()); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	// The engine still works afterwards.
	if _, err := Read(context.Background(), textPDF()); err != nil {
		t.Fatal(err)
	}
}

// The first three pages of the 2025 statistical bulletin of Jiaozuo: page numbers
// (— 1 —) at the top of each page, a paragraph across a page break, figures with spaces.
func TestReadBulletin(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "jiaozuo_bulletin_p1-3.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Read(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(doc.Text, "\n")
	if want := []int{0, 20, 41}; fmt.Sprint(doc.PageStarts) != fmt.Sprint(want) {
		t.Errorf("PageStarts = %v, want %v", doc.PageStarts, want)
	}
	for k, want := range []string{"— 1 —", "— 2 —", "— 3 —"} {
		if got := lines[doc.PageStarts[k]]; got != want {
			t.Errorf("page %d starts with %q, want %q", k+1, got, want)
		}
	}
	if !strings.HasSuffix(doc.Text, "\n") || strings.Contains(doc.Text, "\r") {
		t.Errorf("text must end with \\n and hold no \\r")
	}
	for _, want := range []string{
		"2025 年焦作市国民经济和社会发展",
		"初步核算，全年全市地区生产总值 2479.6 亿元，同比增长",
		"年末全市常住人口 346.7 万人，其中，城镇常住人口 231.9",
		"表 1：2025 年年末焦作市常住人口数及其构成",
	} {
		if !strings.Contains(doc.Text, want+"\n") {
			t.Errorf("text lacks the line %q", want)
		}
	}

	r := Reflow(doc.Text, doc.PageStarts)
	checkMap(t, doc.Text, r.Runes, r.Src)
	text := string(r.Runes)
	for _, want := range []string{
		"\n一、综合\n",
		"\n初步核算，全年全市地区生产总值 2479.6 亿元，同比增长6.5%。其中，第一产业增加值 144.1 亿元，增长 3.9%；第二产业增加值 1031.0 亿元，增长 6.0%；第三产业增加值 1304.5 亿元，增长 7.3%。三次产业结构为 5.8:41.6:52.6。全年人均地区生产总值 71221 元，增长 7.3%。\n",
		"\n全市常住人口 346.7 100.0\n其中：城镇 231.9 66.9\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("reflowed text lacks %q", want)
		}
	}
	if strings.Contains(text, "— 2 —") {
		t.Errorf("page number left in the reflowed text")
	}
}

func TestReadConcurrent(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "jiaozuo_bulletin_p1-3.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := Read(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			in := data
			if i%2 == 1 {
				in = emptyPDF()
			}
			doc, err := Read(context.Background(), in)
			switch {
			case i%2 == 1 && !errors.Is(err, read.ErrNoTextLayer):
				errs <- fmt.Errorf("empty PDF: %v", err)
			case i%2 == 0 && err != nil:
				errs <- err
			case i%2 == 0 && doc.Text != want.Text:
				errs <- errors.New("text differs between concurrent reads")
			}
		}(i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func FuzzRead(f *testing.F) {
	f.Add(textPDF())
	f.Add(emptyPDF())
	f.Add(imagePDF())
	f.Add(encryptedPDF())
	f.Add([]byte("%PDF-1.7\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		doc, err := Read(ctx, data)
		if (doc == nil) == (err == nil) {
			t.Fatalf("doc %v and err %v", doc, err)
		}
		// With a helper reading pages beside it: the same document, or an error too.
		lend := newTokens(1)
		lent, lentErr := ReadLending(ctx, data, lend)
		if (err == nil) != (lentErr == nil) || err == nil && !reflect.DeepEqual(doc, lent) || lend.free.Load() != 1 {
			t.Fatalf("with a helper: err %v (alone: %v), or another document, or its token kept", lentErr, err)
		}
		if doc != nil {
			if !strings.HasSuffix(doc.Text, "\n") || len(doc.PageStarts) == 0 {
				t.Fatalf("malformed doc %q %v", doc.Text, doc.PageStarts)
			}
			r := Reflow(doc.Text, doc.PageStarts)
			checkMap(t, doc.Text, r.Runes, r.Src)
		}
	})
}
