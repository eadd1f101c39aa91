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

// SourceSpan gives, for every span of a text whose map is a position per rune, shifts or
// none, the source of its first rune to just past the source of its last (srcLen bounds
// it), and an empty span the source of its rune; the three forms of one map agree.
func TestSourceSpan(t *testing.T) {
	// 上年 结 余  → 上年结余 (source runes 2 and 4 left out), then 4 more runes
	// after a third deletion at 8.
	src := []int32{0, 1, 3, 5, 6, 7, 9, 10}
	runes := []rune("上年结余增长五成")
	const srcLen = 11
	byMap := Text{Runes: runes, Src: src}
	byShifts := Text{Runes: runes, Shifts: []Shift{{At: 2, By: 1}, {At: 3, By: 2}, {At: 6, By: 3}}}
	identity := Identity(runes)
	for i := range runes {
		if got := byShifts.SrcOf(i); got != src[i] {
			t.Fatalf("shifts: SrcOf(%d) = %d, want %d", i, got, src[i])
		}
	}
	for _, tc := range []struct {
		name string
		text Text
		of   func(i int) int // the source of rune i
	}{
		{"map", byMap, func(i int) int { return int(src[i]) }},
		{"shifts", byShifts, func(i int) int { return int(src[i]) }},
		{"identity", identity, func(i int) int { return i }},
	} {
		for i := range runes {
			if s, e := tc.text.SourceSpan(i, i, srcLen); s != tc.of(i) || e != s {
				t.Errorf("%s: SourceSpan(%d, %d) = %d, %d; want %d, %d", tc.name, i, i, s, e, tc.of(i), tc.of(i))
			}
			for j := i + 1; j <= len(runes); j++ {
				wantEnd := min(tc.of(j-1)+1, srcLen)
				if s, e := tc.text.SourceSpan(i, j, srcLen); s != tc.of(i) || e != wantEnd {
					t.Errorf("%s: SourceSpan(%d, %d) = %d, %d; want %d, %d", tc.name, i, j, s, e, tc.of(i), wantEnd)
				}
			}
		}
	}
	// srcLen bounds the end.
	if _, e := byMap.SourceSpan(0, len(runes), 10); e != 10 {
		t.Errorf("SourceSpan bounded by 10 ends at %d", e)
	}
}
