package extract

import (
	"strings"
	"testing"
)

// TestRuneSwitchesMatchStrings checks each rune switch against the string of runes it stands
// for, over the whole Basic Multilingual Plane and a few runes outside it.
func TestRuneSwitchesMatchStrings(t *testing.T) {
	for _, c := range []struct {
		name  string
		is    func(rune) bool
		runes string
	}{
		{"isCoordinator", isCoordinator, "和及与或、"},
		{"isAuxiliary", isAuxiliary, "将要已可拟"},
	} {
		for r := rune(-1); r <= 0x10010; r++ {
			if got, want := c.is(r), strings.ContainsRune(c.runes, r); got != want {
				t.Fatalf("%s(%q) = %v, want %v", c.name, r, got, want)
			}
		}
	}
}
