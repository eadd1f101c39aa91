package extract

import (
	"reflect"
	"slices"
	"sync"
	"testing"

	"github.com/policymetrics/policymetrics/extract/doc"
	"github.com/policymetrics/policymetrics/extract/normalize"
	"github.com/policymetrics/policymetrics/extract/segment"
)

// TestLazyMarkers checks the markers made at first use, not at start-up: each is the
// Marker of its runes, and every worker asking at once gets the one same Marker.
func TestLazyMarkers(t *testing.T) {
	for _, c := range []struct {
		name  string
		lazy  func() *normalize.Marker
		runes []rune
	}{
		{"wholeMarks", wholeMarks, append(slices.Clone(doc.Marks), '\t')},
		{"chunkMarks", chunkMarks, append(slices.Clone(segment.Stops), '\t')},
	} {
		got := make([]*normalize.Marker, 8)
		var wg sync.WaitGroup
		for k := range got {
			wg.Go(func() { got[k] = c.lazy() })
		}
		wg.Wait()
		for _, m := range got {
			if m != got[0] {
				t.Fatalf("%s: workers got different markers", c.name)
			}
		}
		if !reflect.DeepEqual(got[0], normalize.NewMarker(c.runes...)) {
			t.Errorf("%s: not the Marker of its runes", c.name)
		}
	}
}
