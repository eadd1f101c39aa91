package extract

import (
	"testing"

	"github.com/policymetrics/policymetrics/units"
)

// The tables below are filled from the runes that can have an entry, not by a sweep of
// the whole plane at start-up. Each test compares with the plain sweep, kept here.

func TestNumeralEndsRunes(t *testing.T) {
	var plain [1 << 16 / 64]uint64
	for r := range rune(0x10000) {
		if units.EndsNumeral(r) && r != '、' {
			plain[r/64] |= 1 << (r % 64)
		}
	}
	for r := range rune(0x10000) {
		if got, want := numeralEnds[r/64]>>(r%64)&1, plain[r/64]>>(r%64)&1; got != want {
			t.Errorf("numeralEnds has %q: %d, the sweep %d", r, got, want)
		}
	}
}

func TestScanStopsRunes(t *testing.T) {
	plain := scanStops
	for r := range rune(0x10000) {
		plain[r] &^= stopNumber | stopNumeral
		if units.MayStartNumber(r) {
			plain[r] |= stopNumber
		}
		if units.IsChineseNumeral(r) {
			plain[r] |= stopNumeral
		}
	}
	for r := range rune(0x10000) {
		if scanStops[r] != plain[r] {
			t.Errorf("scanStops[%q] = %#x, the sweep's %#x", r, scanStops[r], plain[r])
		}
	}
}

func TestTimeStopsRunes(t *testing.T) {
	for r := range rune(0x10000) {
		if want := timeStopOf(r); timeStops[r] != want {
			t.Errorf("timeStops[%q] = %#x, the sweep's %#x", r, timeStops[r], want)
		}
	}
}
