package textmap

import (
	"math/rand"
	"testing"
)

func TestIndexOfSrc(t *testing.T) {
	// 上年 结 余 → 上年结余: the spaces (source runes 2 and 4) are left out.
	derived := Text{Runes: []rune("上年结余"), Src: []int32{0, 1, 3, 5}}
	for _, tt := range []struct{ src, want int }{
		{0, 0}, {1, 1}, {2, -1}, {3, 2}, {4, -1}, {5, 3}, {6, -1}, {-1, -1},
	} {
		if got := derived.IndexOfSrc(tt.src); got != tt.want {
			t.Errorf("IndexOfSrc(%d) = %d, want %d", tt.src, got, tt.want)
		}
	}
	identity := Identity([]rune("上年结余"))
	for _, tt := range []struct{ src, want int }{{0, 0}, {3, 3}, {4, -1}, {-1, -1}} {
		if got := identity.IndexOfSrc(tt.src); got != tt.want {
			t.Errorf("identity IndexOfSrc(%d) = %d, want %d", tt.src, got, tt.want)
		}
	}
}

// TestWalker: a Walker's SrcOf is SrcOf for runes asked in increasing order (repeats too),
// over random shifts, a full map and none.
func TestWalker(t *testing.T) {
	rng := rand.New(rand.NewSource(73))
	for range 5000 {
		n := 1 + rng.Intn(40)
		text := Text{Runes: make([]rune, n)}
		switch rng.Intn(4) {
		case 0: // no map
		case 1:
			text.Src = make([]int32, n)
			for i := range text.Src {
				text.Src[i] = int32(i + rng.Intn(3))
			}
		default:
			by := int32(0)
			for at := rng.Intn(4); at < n; at += 1 + rng.Intn(8) {
				by += int32(1 + rng.Intn(3))
				text.Shifts = append(text.Shifts, Shift{At: int32(at), By: by})
			}
		}
		w := text.Walk()
		for i := rng.Intn(3); i < n; i += rng.Intn(6) {
			if got, want := w.SrcOf(i), text.SrcOf(i); got != want {
				t.Fatalf("shifts %v: walked to rune %d, source %d, SrcOf says %d", text.Shifts, i, got, want)
			}
		}
	}
}

// TestShifted: SrcOfShifted and AppendShifted give SrcOf of a Text with those shifts, for
// every rune and over random ranges, shifts up and down (entities map several runes to
// one '&'), none, and one at rune 0.
func TestShifted(t *testing.T) {
	rng := rand.New(rand.NewSource(29))
	for range 5000 {
		n := rng.Intn(50)
		text := Text{Runes: make([]rune, n)}
		by := int32(0)
		for at := rng.Intn(3); at < n && rng.Intn(8) > 0; at += 1 + rng.Intn(6) {
			by += int32(rng.Intn(7) - 2)
			text.Shifts = append(text.Shifts, Shift{At: int32(at), By: by})
		}
		for i := range n {
			if got, want := SrcOfShifted(text.Shifts, i), text.SrcOf(i); got != want {
				t.Fatalf("shifts %v: rune %d from source %d, SrcOf says %d", text.Shifts, i, got, want)
			}
		}
		from := rng.Intn(n + 1)
		to := from + rng.Intn(n-from+1)
		dst := []int32{-7}
		dst = AppendShifted(dst, text.Shifts, from, to)
		if len(dst) != 1+to-from || dst[0] != -7 {
			t.Fatalf("shifts %v: runes [%d, %d) gave %d indices after the one there", text.Shifts, from, to, len(dst)-1)
		}
		for i := from; i < to; i++ {
			if got, want := dst[1+i-from], text.SrcOf(i); got != want {
				t.Fatalf("shifts %v: runes [%d, %d): rune %d from source %d, SrcOf says %d", text.Shifts, from, to, i, got, want)
			}
		}
	}
}
