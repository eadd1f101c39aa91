package input

import (
	"bytes"
	"testing"
)

// TestPopulateKeepsContent: populating a buffer's pages changes none of its bytes, used or
// not, and a buffer that does not start on a page is left alone without a fault.
func TestPopulateKeepsContent(t *testing.T) {
	buf := make([]byte, 3<<20, 4<<20)
	for i := range buf {
		buf[i] = byte(i * 7)
	}
	want := bytes.Clone(buf)
	populate(buf)
	if !bytes.Equal(buf, want) {
		t.Fatal("populate changed the buffer's bytes")
	}
	if rest := buf[len(buf):cap(buf)]; bytes.IndexFunc(rest, func(r rune) bool { return r != 0 }) >= 0 {
		t.Fatal("populate wrote past the buffer's length")
	}
	populate(buf[1:]) // not page-aligned: madvise refuses, nothing happens
	populate(buf[:0:10])
	if !bytes.Equal(buf, want) {
		t.Fatal("populate changed the buffer's bytes")
	}
}
