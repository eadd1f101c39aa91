package textmap

import "testing"

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
