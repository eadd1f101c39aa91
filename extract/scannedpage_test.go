package extract

import (
	"fmt"
	"strings"
	"testing"
)

// TestScannedPageWarned: a page published as pictures is warned of however it is read,
// whole (Build), in the pooled buffers (Stream) and in chunks (a large page), from the run
// of images its reading found, whatever the case of its tags; a page of charts under
// captions is not.
func TestScannedPageWarned(t *testing.T) {
	defer func(c, m int) { chunkBytes, maxChunkBytes = c, m }(chunkBytes, maxChunkBytes)
	scanned := "<html><body><p>2025年统计公报</p><div>" +
		strings.Repeat(`<Img src="p.png"><br>`+"\n", 7) + "</div>" +
		strings.Repeat("<p>全市生产总值增长5%。</p>\n", 300) + "</body></html>"
	charts := strings.Repeat("<p>全市生产总值1000亿元。</p><img src=c1.png><p>图1</p>\n", 300)
	for _, small := range []bool{false, true} {
		chunkBytes, maxChunkBytes = 256<<10, 512<<10
		if small {
			chunkBytes, maxChunkBytes = 2<<10, 4<<10 // the pages are read in chunks
		}
		for name, page := range map[string]string{"scanned.html": scanned, "charts.html": charts} {
			var warned []string
			opts := Options{Warn: func(err error) { warned = append(warned, err.Error()) }}
			if _, err := Build(name, []byte(page), opts); err != nil {
				t.Fatal(err)
			}
			if err := Stream(name, []byte(page), opts, func([]Record) error { return nil }); err != nil {
				t.Fatal(err)
			}
			want := 0
			if name == "scanned.html" {
				want = 2
			}
			if len(warned) != want {
				t.Errorf("%s (chunks of %d bytes): %d warnings, want %d: %q", name, chunkBytes, len(warned), want, warned)
			}
			for _, w := range warned {
				if !strings.Contains(w, fmt.Sprintf("%s: 7 images in a row", name)) {
					t.Errorf("%s: warning %q", name, w)
				}
			}
		}
	}
}
