package pdf

import (
	"regexp"
	"testing"
)

// TestLazyRegexps compiles every pattern compiled at first use, not at start-up: a pattern
// that does not compile fails here, not in the middle of a run. Each is made once.
func TestLazyRegexps(t *testing.T) {
	for name, re := range map[string]func() *regexp.Regexp{
		"dashedNumber": dashedNumber, "pageOfPages": pageOfPages, "bareNumber": bareNumber,
		"quantityStart": quantityStart, "itemStart": itemStart,
	} {
		if re() == nil || re() != re() {
			t.Errorf("%s: not one compiled pattern", name)
		}
	}
}
