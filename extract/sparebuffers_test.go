package extract

import "testing"

// TestSpareChunkBuffers: a document's working buffers are kept for the next one, unless a
// document read whole grew them past what a chunk needs.
func TestSpareChunkBuffers(t *testing.T) {
	for _, tc := range []struct {
		name string
		grow func(b *chunkBuffers)
		kept bool
	}{
		{"a chunk's", func(b *chunkBuffers) { b.runes = make([]rune, 0, 600<<10) }, true},
		{"runes of a whole document", func(b *chunkBuffers) { b.runes = make([]rune, 0, 8<<20) }, false},
		{"analysis of a whole document", func(b *chunkBuffers) { b.analysis = make([]rune, 0, 8<<20) }, false},
		{"record strings of a whole document", func(b *chunkBuffers) { b.scratch.strs = make([]byte, 0, 8<<20) }, false},
		{"mentions of a whole document", func(b *chunkBuffers) { b.scratch.mentions = make([]mention, 0, 1<<20) }, false},
	} {
		b := getChunkBuffers()
		tc.grow(b)
		putChunkBuffers(b)
		again := getChunkBuffers()
		if kept := again == b; kept != tc.kept {
			t.Errorf("%s: kept = %v, want %v", tc.name, kept, tc.kept)
		}
		putChunkBuffers(again)
	}
}
