package concept

import (
	"strings"
	"testing"
)

// FuzzParse: Parse never panics, and a list it accepts matches every wording of its own.
func FuzzParse(f *testing.F) {
	f.Add("地区生产总值 = 国内生产总值 | GDP | /经济(?=增长|增速)/\n")
	f.Add("a = b | | c\n")
	f.Add("# c\n\n = /(/\n")
	f.Add("x = /a|b/ | c\ny =\n")
	f.Fuzz(func(t *testing.T, s string) {
		l, err := Parse("fuzz.txt", strings.NewReader(s))
		if err != nil {
			return
		}
		for w, c := range l.exact {
			if strings.TrimSpace(w) != w {
				continue // Match trims its input
			}
			if got, _ := l.Match(w, ""); got != c {
				t.Fatalf("Match(%q) = %q, want %q", w, got, c)
			}
		}
	})
}

// FuzzMatch: Match never panics on any phrase.
func FuzzMatch(f *testing.F) {
	f.Add("全省地区生产总值", "增长")
	f.Add("河南省郑州市", "")
	f.Add("2025年", "年")
	f.Add("市本级(含经开区（不含）)一般公共预算收入", "")
	f.Add("(含", "")
	f.Fuzz(func(t *testing.T, phrase, after string) {
		_, _ = Default().Match(phrase, after)
		StripPlace(phrase)
	})
}
