package doc

import (
	"math/rand"
	"slices"
	"testing"
)

// TestNextSentence: the range test that passes most characters over finds the ends a test
// of each rune against 。！？!? finds, around the range's edges and on odd runes.
func TestNextSentence(t *testing.T) {
	slow := func(line []rune, s int) int {
		for i := s; i+1 < len(line); i++ {
			if slices.Contains([]rune("。！？!?"), line[i]) {
				return i + 1
			}
		}
		return -1
	}
	pool := []rune{'。', '。' + 1, '。' - 1, '！', '！' - 1, '？', '？' + 1, '!', '?', '@', '>', 'A', '\r', '\n',
		'中', '，', 0, -1, 0xD800, 0xFFFD, 0x10FFFF, 0x110000, '\u3000'}
	rng := rand.New(rand.NewSource(1))
	for range 50000 {
		line := make([]rune, rng.Intn(10))
		for i := range line {
			line[i] = pool[rng.Intn(len(pool))]
		}
		s := rng.Intn(len(line) + 1)
		if got, want := nextSentence(line, s), slow(line, s); got != want {
			t.Fatalf("nextSentence(%q, %d) = %d, want %d", string(line), s, got, want)
		}
	}
}
