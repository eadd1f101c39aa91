package extract

import (
	"context"
	"runtime"
	"testing"

	"github.com/policymetrics/policymetrics/extract/doc"
)

// TestOutlineReusesBuffers: reading a long document's outline normalises its head and
// date lines in the chunk buffers, and streaming keeps the chunk's marks and breaks in
// them, so that a document read after another allocates none of these again. It fails
// when the head is normalised in new slices (about 8 bytes a byte of its text), or the
// marks or breaks are left out of the buffers.
func TestOutlineReusesBuffers(t *testing.T) {
	var long []byte
	for len(long) < 2*chunkBytes {
		for _, d := range readTestdata(t, "corpus/*.txt") {
			long = append(long, d...)
		}
	}
	res, marks, err := view(long, "", true)
	if err != nil {
		t.Fatal(err)
	}
	p := longDoc{text: res.Text, tail: res.Tail, marks: marks}
	cuts := p.cuts()
	chunks := p.chunksCut(cuts)
	var bufs chunkBuffers
	outline := func() {
		if _, ok, err := outlineOf(context.Background(), p, chunks, cuts, &bufs); !ok || err != nil {
			t.Fatalf("outlineOf: ok %v, err %v", ok, err)
		}
	}
	outline() // grows the buffers
	head := linesAhead(p.text, 0, doc.HeadLines+1)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	outline()
	runtime.ReadMemStats(&after)
	if n := after.TotalAlloc - before.TotalAlloc; n > uint64(head) {
		t.Errorf("outline read again: %d bytes allocated, want under %d (the head's %d bytes of text)", n, head, head)
	}

	if _, err := streamChunks(context.Background(), "long.txt", p, chunks, cuts, Options{}, &bufs, func([]Record) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if cap(bufs.chunkMarks) == 0 || cap(bufs.chunkBreaks) == 0 {
		t.Errorf("after streaming: marks cap %d, breaks cap %d; want them kept", cap(bufs.chunkMarks), cap(bufs.chunkBreaks))
	}
}
