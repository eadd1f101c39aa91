package units

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse: Parse never panics, and what it accepts is well formed.
func FuzzParse(f *testing.F) {
	for _, c := range parseCases {
		f.Add(c.in)
	}
	for _, s := range refused {
		f.Add(s)
	}
	for _, fam := range familyCases {
		for _, c := range fam.read {
			f.Add(c.in)
		}
		for _, s := range fam.refused {
			f.Add(s)
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := Parse(s)
		if err != nil {
			return
		}
		if !strings.Contains(s, q.Text) || q.Text == "" {
			t.Fatalf("Parse(%q).Text = %q is not part of the phrase", s, q.Text)
		}
		if q.Unit != "" && !IsCanonicalUnit(q.Unit) {
			t.Fatalf("Parse(%q).Unit = %q is not canonical", s, q.Unit)
		}
		if q.Value.Sign() < 0 && !strings.ContainsAny(s, "-−－﹣负負") {
			t.Fatalf("Parse(%q) = %v is negative without a sign", s, q.Value)
		}
		if q.HasUpper && !q.Value.Less(q.Upper) {
			t.Fatalf("Parse(%q) range %v-%v is not increasing", s, q.Value, q.Upper)
		}
		if _, err := ParseDecimal(q.Value.String()); err != nil {
			t.Fatalf("Parse(%q) value prints as %q, which does not read back", s, q.Value.String())
		}
		if strings.TrimFunc(q.Text, isSpace) != q.Text {
			t.Fatalf("Parse(%q).Text = %q has spaces at its ends", s, q.Text)
		}
		// Spaces inside a quantity are ignored: without them it reads the same. A space
		// inside a unit word that starts with a scale character splits it (0千 克 is
		// 0千 + 克, 0千克 is 0 千克): numeral parts are joined, not the letters of a word.
		if compact := strings.Map(dropSpace, s); compact != s {
			c, err := Parse(compact)
			if err == nil && c.Unit != q.Unit && c.RawUnit != "" && IsChineseNumeral([]rune(c.RawUnit)[0]) {
				return
			}
			if err != nil || !c.Value.Equal(q.Value) || c.Unit != q.Unit {
				t.Fatalf("Parse(%q) = %v %q, but without spaces %v %q (%v)", s, q.Value, q.Unit, c.Value, c.Unit, err)
			}
		}
	})
}

// FuzzScan: scanning every position of any text never panics, stays in bounds, and reads
// what the full path (scanIntoFull, without the path for plain decimals) reads.
func FuzzScan(f *testing.F) {
	f.Add("全市规模以上工业完成总产值19556亿元、增加值4878亿元,同比均增长6.5%")
	f.Add("投产产能约2000-3000片每月，超千家，百分之六点五，1萬多張，十四五")
	f.Add("3-5万元、20%-30%、三至五万、1,035.5亿元、１２．５％")
	f.Add("一千零十二、5万4千6百 人、十 余 万、2479.6 亿元、万分之三、三成半、.5%、2016 2017")
	f.Add("5.5%、1200个、2.9%、1.2.3、12３、1.５、5.、1234567890123456789元、8500多个、3 个、0.0500吨")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		rs := []rune(s)
		for i := range rs {
			var got, want Match
			if ok, wantOK := ScanInto(rs, i, &got), scanIntoFull(rs, i, &want); ok != wantOK || ok && got != want {
				t.Fatalf("ScanInto(%q, %d) = %v %+v; the full path: %v %+v", s, i, ok, got, wantOK, want)
			}
			if !NumberStartsAt(rs, i) {
				continue
			}
			m, ok := Scan(rs, i)
			if !ok {
				continue
			}
			if m.Start != i || m.End <= m.Start || m.End > len(rs) || m.NumberEnd > m.End || m.NumberEnd <= m.Start {
				t.Fatalf("Scan(%q, %d) = bad span %d..%d (number to %d)", s, i, m.Start, m.End, m.NumberEnd)
			}
		}
	})
}

func dropSpace(r rune) rune {
	if isSpace(r) {
		return -1
	}
	return r
}
