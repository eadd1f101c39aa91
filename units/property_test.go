package units

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

var cnDigits = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// formatChinese writes n (0 ≤ n < 10^16) the way Chinese is written: groups of four
// digits closed by 万 and 亿, 零 for skipped places, and a leading 一十 shortened to 十.
func formatChinese(n int64) string {
	if n == 0 {
		return "零"
	}
	groups := []int64{}
	for v := n; v > 0; v /= 10000 {
		groups = append(groups, v%10000)
	}
	bigs := []string{"", "万", "亿", "万"} // the fourth group is 万亿
	var b strings.Builder
	needZero := false
	for gi := len(groups) - 1; gi >= 0; gi-- {
		g := groups[gi]
		if g == 0 {
			needZero = b.Len() > 0
			if gi == 2 && b.Len() > 0 { // 万亿 groups: 1万0000亿 is 一万亿
				b.WriteString("亿")
				needZero = true
			}
			continue
		}
		if needZero || (b.Len() > 0 && g < 1000) {
			b.WriteString("零")
		}
		b.WriteString(formatGroup(g, b.Len() == 0))
		b.WriteString(bigs[gi])
		needZero = false
	}
	return strings.ReplaceAll(b.String(), "亿亿", "亿")
}

func formatGroup(g int64, leading bool) string {
	places := []string{"千", "百", "十", ""}
	div := []int64{1000, 100, 10, 1}
	var b strings.Builder
	zero := false
	started := false
	for i, d := range div {
		digit := g / d % 10
		if digit == 0 {
			zero = started
			continue
		}
		if zero {
			b.WriteString("零")
			zero = false
		}
		if !(leading && !started && digit == 1 && places[i] == "十") {
			b.WriteString(cnDigits[digit])
		}
		b.WriteString(places[i])
		started = true
	}
	return b.String()
}

func TestFormatChinese(t *testing.T) {
	for n, want := range map[int64]string{
		0: "零", 10: "十", 15: "十五", 108: "一百零八", 110: "一百一十", 1001: "一千零一",
		10000: "一万", 100010: "十万零一十", 23000000: "二千三百万", 105000000: "一亿零五百万",
		1000000000000: "一万亿", 100000001: "一亿零一", 1234567890123456: "一千二百三十四万五千六百七十八亿九千零一十二万三千四百五十六",
		1000000000001: "一万亿零一", 1200000000000: "一万二千亿",
	} {
		if got := formatChinese(n); got != want {
			t.Errorf("formatChinese(%d) = %s, want %s", n, got, want)
		}
	}
}

// TestChineseRoundTrip: every integer below 10^16, written in Chinese numerals, reads back
// as itself. Small numbers exhaustively, then random ones at every magnitude.
func TestChineseRoundTrip(t *testing.T) {
	check := func(n int64) {
		s := formatChinese(n)
		v, err := parseChinese([]rune(s))
		if err != nil {
			t.Fatalf("%d written %s: %v", n, s, err)
		}
		if got, ok := v.Int64(); !ok || got != n {
			t.Fatalf("%d written %s reads back as %v", n, s, v)
		}
	}
	for n := int64(0); n < 200_000; n++ {
		check(n)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 200_000; i++ {
		digits := 1 + r.IntN(16)
		n := r.Int64N(pow10int(digits))
		// Sprinkle zeros so the 零 rules get exercised.
		if i%3 == 0 {
			n = sparse(r, digits)
		}
		check(n)
	}
}

func pow10int(n int) int64 {
	v := int64(1)
	for ; n > 0; n-- {
		v *= 10
	}
	return v
}

func sparse(r *rand.Rand, digits int) int64 {
	var n int64
	for i := 0; i < digits; i++ {
		n *= 10
		if r.IntN(3) == 0 {
			n += int64(1 + r.IntN(9))
		}
	}
	return n
}

// TestWrittenFormsRoundTrip: the other ways people and PDFs write a number read back as
// the number: 零 before a bare 十 (一千零十二), Arabic digits in the scale chain (5万4千6百,
// 3万4000) and spaces inside (一百 五 十 二, 7万 5千 4百).
func TestWrittenFormsRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 40_000; i++ {
		digits := 1 + r.IntN(16)
		n := r.Int64N(pow10int(digits))
		if i%2 == 0 {
			n = sparse(r, digits)
		}
		if n == 0 {
			continue
		}
		cn := formatChinese(n)
		forms := []string{
			bareTenAfterZero(cn),
			formatMixed(cn),
			spaced(r, cn, func(rune) bool { return true }),
			spaced(r, formatMixed(cn), func(c rune) bool { return isSmallUnit(c) || isBigUnit(c) || c == '零' }),
		}
		if lo := n % 10_000; n >= 10_000 && n < 100_000_000 && lo >= 1000 {
			forms = append(forms, fmt.Sprintf("%d万%d", n/10_000, lo)) // 3万4000
		}
		for _, s := range forms {
			q, err := Parse(s)
			if err != nil {
				t.Fatalf("%d written %q: %v", n, s, err)
			}
			if got, ok := q.Value.Int64(); !ok || got != n {
				t.Fatalf("%d written %q reads back as %v", n, s, q.Value)
			}
		}
	}
}

// bareTenAfterZero writes 零一十 as 零十 (一千零一十二 → 一千零十二).
func bareTenAfterZero(cn string) string { return strings.ReplaceAll(cn, "零一十", "零十") }

// formatMixed writes the digits of a Chinese numeral in Arabic: 五万四千六百 → 5万4千6百.
func formatMixed(cn string) string {
	rs := []rune(cn)
	if rs[0] == '十' {
		rs = append([]rune{'1'}, rs...)
	}
	for k, c := range rs {
		if d := chineseDigits[c]; d > 0 {
			rs[k] = rune('0' + d)
		}
	}
	return string(rs)
}

// spaced puts one to four spaces before some of the characters where ok allows it.
func spaced(r *rand.Rand, s string, ok func(rune) bool) string {
	var b strings.Builder
	for k, c := range []rune(s) {
		if k > 0 && ok(c) && r.IntN(3) == 0 {
			b.WriteString(strings.Repeat(" ", 1+r.IntN(4)))
		}
		b.WriteRune(c)
	}
	return b.String()
}

// TestSeparateNumbersStaySeparate: two Arabic numbers with spaces between them are never
// read as one, whether or not the first has a scale word (2016 2017, 10万 2019).
func TestSeparateNumbersStaySeparate(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	scales := []string{"", "万", "亿", "千", "百万", "万亿"}
	for i := 0; i < 20_000; i++ {
		a, b := 1+r.Int64N(99_999), 1+r.Int64N(99_999)
		s := fmt.Sprintf("%d%s%s%d", a, scales[r.IntN(len(scales))], strings.Repeat(" ", 1+r.IntN(3)), b)
		if q, err := Parse(s); err == nil {
			t.Fatalf("%q reads as one number, %v", s, q.Value)
		}
	}
}
