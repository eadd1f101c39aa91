package doc

import "testing"

// TestOpeningRunesPlain checks openingRunes' openPlain bits, set over the Han block only,
// against the plain sweep of the whole plane, kept here.
func TestOpeningRunesPlain(t *testing.T) {
	plain := openingRunes
	for r, c := range plain {
		plain[r] = c &^ openPlain
		if plain[r] == openLead {
			plain[r] |= openPlain
		}
	}
	for r := range plain {
		if openingRunes[r] != plain[r] {
			t.Errorf("openingRunes[%q] = %#x, the sweep's %#x", rune(r), openingRunes[r], plain[r])
		}
	}
}
