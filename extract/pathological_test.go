package extract

import (
	"fmt"
	"strings"
	"testing"
)

// pathological lines (issue 12): one clause of n years (2025年、…), one sentence of n
// clauses with a count each (企业0家，企业1家，…), and one list of n percentages
// (百分之五、…). Time must grow linearly with n: compare ns/op across the sizes.
var pathological = []struct {
	name string
	line func(n int) string
}{
	{"long-clause", func(n int) string { return strings.Repeat("2025年、", n) }},
	{"long-sentence", func(n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "企业%d家，", i)
		}
		return b.String()
	}},
	{"long-list", func(n int) string { return "增长" + strings.Repeat("百分之五、", n) }},
}

func BenchmarkPathological(b *testing.B) {
	for _, p := range pathological {
		for _, n := range []int{10000, 20000, 40000} {
			text := p.line(n)
			b.Run(fmt.Sprintf("%s/%dk", p.name, n/1000), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				for b.Loop() {
					Text("p", text)
				}
			})
		}
	}
}
