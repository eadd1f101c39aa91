package hugepages

import (
	"bytes"
	"testing"
)

// TestPopulateKeepsContent: Populate on a buffer's pages changes none of its bytes, used or
// not, and a buffer that does not start on a page is left alone without a fault.
func TestPopulateKeepsContent(t *testing.T) {
	buf := make([]byte, 3<<20, 4<<20)
	for i := range buf {
		buf[i] = byte(i * 7)
	}
	want := bytes.Clone(buf)
	Populate(buf)
	if !bytes.Equal(buf, want) {
		t.Fatal("Populate changed the buffer's bytes")
	}
	if rest := buf[len(buf):cap(buf)]; bytes.IndexFunc(rest, func(r rune) bool { return r != 0 }) >= 0 {
		t.Fatal("Populate wrote past the buffer's length")
	}
	Populate(buf[1:]) // not page-aligned: madvise refuses, nothing happens
	Populate(buf[:0:10])
	if !bytes.Equal(buf, want) {
		t.Fatal("Populate changed the buffer's bytes")
	}
}
