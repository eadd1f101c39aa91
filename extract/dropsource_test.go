package extract

import (
	"fmt"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestPageSourceLetGo: once a page is known to be read in chunks, Stream holds its source
// no more (dropSource), and a large one is collected before the first chunk's records
// are emitted, without the caller collecting: the source is most of a large page's heap,
// and the collector would otherwise pace itself on it through all the chunks.
func TestPageSourceLetGo(t *testing.T) {
	readInSmallChunks(t)
	page := "<html><body><h1>2025年某市统计公报</h1>" + investmentLines(200, "<p>", "</p>") + "</body></html>"
	var freed atomic.Bool
	parts, records := 0, 0
	err := Stream("page.html", bytesFreedTo(page, &freed), Options{}, func(recs []Record) error {
		if parts++; parts == 1 && !waitFor(&freed, 2*time.Second) {
			t.Error("the page's source is still held, or was not collected, when its first chunk is emitted")
		}
		records += len(recs)
		return nil
	})
	if err != nil || parts < 3 || records < 200 {
		t.Fatalf("%v: %d parts, %d records", err, parts, records)
	}
}

// readInSmallChunks has documents read in chunks of about 2 KB, and a source of 1 KB
// collected at once, until the test ends.
func readInSmallChunks(t *testing.T) {
	c, m, s := chunkBytes, maxChunkBytes, collectSourceBytes
	t.Cleanup(func() { chunkBytes, maxChunkBytes, collectSourceBytes = c, m, s })
	chunkBytes, maxChunkBytes, collectSourceBytes = 2<<10, 4<<10, 1<<10
}

// investmentLines is n lines of a figure each, between open and close (a page's tags).
func investmentLines(n int, open, close string) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "%s全市第%d项工作完成投资%d亿元，比上年增长%d.5%%。%s\n", open, i, 10+i, i%9, close)
	}
	return b.String()
}

// bytesFreedTo returns s's bytes in memory of their own that sets freed once collected.
func bytesFreedTo(s string, freed *atomic.Bool) []byte {
	data := make([]byte, len(s))
	copy(data, s)
	runtime.SetFinalizer(&data[0], func(*byte) { freed.Store(true) })
	return data
}

// waitFor waits up to d for flag to be set (a finalizer runs after the collection that
// found its object unreachable, on a goroutine of its own).
func waitFor(flag *atomic.Bool, d time.Duration) bool {
	for end := time.Now().Add(d); !flag.Load() && time.Now().Before(end); {
		time.Sleep(time.Millisecond)
	}
	return flag.Load()
}

// TestDecodedSourceLetGo: a long plain text decoded into memory of its own (here from
// GB18030) is read in chunks from its decoding alone: Stream releases its source bytes
// once, and when the caller lets go of them they are collected before the first chunk's
// records are emitted. Held to the end, they sat beside the text (a 67 MB GB18030 file
// peaked at 2.4 times its size). A UTF-8 text is a view of its bytes and needs them to the
// end.
func TestDecodedSourceLetGo(t *testing.T) {
	readInSmallChunks(t)
	text := "2025年某市统计公报\n" + investmentLines(200, "", "")
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	var freed atomic.Bool
	parts, records, released := 0, 0, 0
	opts := Options{Release: func() bool { released++; return true }}
	err = Stream("bulletin.txt", bytesFreedTo(gb, &freed), opts, func(recs []Record) error {
		if parts++; parts == 1 && !waitFor(&freed, 2*time.Second) {
			t.Error("the source bytes are still held, or were not collected, when the first chunk is emitted")
		}
		records += len(recs)
		return nil
	})
	if err != nil || parts < 3 || records < 200 || released != 1 {
		t.Fatalf("%v: %d parts, %d records, released %d times", err, parts, records, released)
	}
	// Read in place, valid UTF-8 is not released.
	released = 0
	if err := Stream("bulletin.txt", []byte(text), opts, func([]Record) error { return nil }); err != nil || released != 0 {
		t.Errorf("UTF-8: %v, released %d times", err, released)
	}
}
