package units

import "testing"

// TestNumeralTableRunes checks that the table made from numeralTableRunes alone is the one
// the plain sweep of the whole plane makes: no rune left out has a byte other than 0.
func TestNumeralTableRunes(t *testing.T) {
	var plain [0x10000]uint8
	for r := range rune(0x10000) {
		plain[r] = numeralByte(r)
	}
	got := makeNumeralTable()
	for r := range plain {
		if got[r] != plain[r] {
			t.Errorf("numeralTable[%U] = %#x, the plain sweep's %#x", r, got[r], plain[r])
		}
	}
	if numeralTable != plain {
		t.Error("numeralTable is not the plain sweep's")
	}
}
