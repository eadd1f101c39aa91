package units

import "testing"

// TestRuneTable: keys sharing a slot (r, r+1024, r+2048) and keys apart are found, a
// rune that is no key reads as the zero value, and values come in the order of adding.
func TestRuneTable(t *testing.T) {
	var tab runeTable[int]
	keys := []rune{'万', '万' + runeSlots, '万' + 2*runeSlots, 'a', '亿'}
	for k, r := range keys {
		*tab.at(r) = k + 1
	}
	*tab.at('a') += 10 // an existing key: updated, not added again
	want := map[rune]int{'万': 1, '万' + runeSlots: 2, '万' + 2*runeSlots: 3, 'a': 14, '亿': 5}
	for r, v := range want {
		if got := tab.get(r); got != v {
			t.Errorf("get(%q) = %d, want %d", r, got, v)
		}
	}
	for _, r := range []rune{'千', '万' + 3*runeSlots, 0, -1} {
		if got := tab.get(r); got != 0 {
			t.Errorf("get(%q) = %d, want 0", r, got)
		}
	}
	var order []int
	tab.values(func(v *int) { order = append(order, *v) })
	if len(order) != len(keys) || order[0] != 1 || order[3] != 14 {
		t.Errorf("values in order %v, want [1 2 3 14 5]", order)
	}
}

// TestRuneBits: every rune added is in the set, and no other rune of the plane; a rune past
// it may read as its low 16 bits do (the caller's look-up tells), never as absent when added.
func TestRuneBits(t *testing.T) {
	var b runeBits
	added := map[rune]bool{'于': true, '近': true, 0: true, 63: true, 64: true, 0xffff: true, 0x10000 + '百': true}
	for r := range added {
		b.add(r)
	}
	for r := rune(0); r < 0x10000; r++ {
		if want := added[r] || r == '百'; b.has(r) != want {
			t.Errorf("has(%#x) = %v, want %v", r, b.has(r), want)
		}
	}
	if !b.has(0x10000 + '百') {
		t.Errorf("has misses %#x, added past the plane", 0x10000+'百')
	}
}
