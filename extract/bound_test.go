package extract

import (
	"slices"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestBoundWhileChunked: Options.Bound is called once, with the document's size, for a
// document read in chunks; every chunk is emitted inside it, and it is done before Stream
// returns. A document read whole is not bounded.
func TestBoundWhileChunked(t *testing.T) {
	readInSmallChunks(t)
	var sizes []int
	inside, dones := false, 0
	opts := Options{Bound: func(size int) func() {
		sizes = append(sizes, size)
		inside = true
		return func() { inside = false; dones++ }
	}}
	data := []byte("2025年某市统计公报\n" + investmentLines(200, "", ""))
	parts := 0
	err := Stream("bulletin.txt", data, opts, func([]Record) error {
		parts++
		if !inside {
			t.Errorf("part %d emitted outside the bound", parts)
		}
		return nil
	})
	if err != nil || parts < 3 || len(sizes) != 1 || sizes[0] != len(data) || dones != 1 || inside {
		t.Fatalf("%v: %d parts, bound with %v, done %d times", err, parts, sizes, dones)
	}
	sizes, dones = nil, 0
	if err := Stream("short.txt", []byte("2025年投资10亿元。"), opts, func([]Record) error { return nil }); err != nil || len(sizes) != 0 || dones != 0 {
		t.Errorf("a short document: %v, bound with %v, done %d times", err, sizes, dones)
	}
}

// A text decoded into memory of its own is bounded by its decoded size; a page is not
// bounded (its source is held until its outline is read).
func TestBoundSize(t *testing.T) {
	readInSmallChunks(t)
	text := "2025年某市统计公报\n" + investmentLines(200, "", "")
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	page := "<html><body>" + investmentLines(200, "<p>", "</p>") + "</body></html>"
	for _, c := range []struct {
		name, data string
		want       []int
	}{
		{"bulletin.txt", text, []int{len(text)}},
		{"bulletin.txt", gb, []int{len(text)}},
		{"bulletin.html", page, nil},
	} {
		var sizes []int
		opts := Options{Bound: func(size int) func() { sizes = append(sizes, size); return func() {} }}
		if err := Stream(c.name, []byte(c.data), opts, func([]Record) error { return nil }); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(sizes, c.want) {
			t.Errorf("%s of %d bytes: bound with %v, want %v", c.name, len(c.data), sizes, c.want)
		}
	}
}
