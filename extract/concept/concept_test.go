package concept

import (
	"bufio"
	"errors"
	"os"
	"strings"
	"testing"
	"time"
)

// caseLine is one line of testdata/cases.txt.
type caseLine struct {
	line          int
	phrase, after string
	want          string
	refuse        bool // the phrase must not map to want
}

func readCases(t *testing.T) []caseLine {
	t.Helper()
	f, err := os.Open("testdata/cases.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []caseLine
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c := caseLine{line: n}
		sep := "=>"
		if strings.Contains(line, "!=>") {
			sep, c.refuse = "!=>", true
		}
		lhs, rhs, ok := strings.Cut(line, sep)
		if !ok {
			t.Fatalf("cases.txt:%d: no => in %q", n, line)
		}
		lhs, c.after, _ = strings.Cut(lhs, " + ")
		c.phrase, c.after, c.want = strings.TrimSpace(lhs), strings.TrimSpace(c.after), strings.TrimSpace(rhs)
		out = append(out, c)
	}
	return out
}

func TestCases(t *testing.T) {
	l := Default()
	for _, c := range readCases(t) {
		got, err := l.Match(c.phrase, c.after)
		if err != nil {
			t.Errorf("cases.txt:%d: Match(%q, %q): %v", c.line, c.phrase, c.after, err)
			continue
		}
		switch {
		case c.refuse && got == c.want:
			t.Errorf("cases.txt:%d: Match(%q) = %q, a part is not its whole", c.line, c.phrase, got)
		case !c.refuse && got != c.want:
			t.Errorf("cases.txt:%d: Match(%q, %q) = %q, want %q", c.line, c.phrase, c.after, got, c.want)
		}
		if c.want != "" && !l.Has(c.want) {
			t.Errorf("cases.txt:%d: %q is no concept of the list", c.line, c.want)
		}
	}
}

// SPEC §7 fixes these names; each must be in the list and cover the wordings it lists.
func TestSpecNames(t *testing.T) {
	spec := map[string][]string{
		"地区生产总值":        {"国内生产总值", "生产总值", "GDP", "经济总量"},
		"人均地区生产总值":      {"人均生产总值", "人均GDP"},
		"第一产业增加值":       {"一产增加值"},
		"第二产业增加值":       {"二产增加值"},
		"第三产业增加值":       {"三产增加值"},
		"规模以上工业增加值":     {"规上工业增加值", "规模工业增加值"},
		"固定资产投资":        {"全社会固定资产投资", "固投"},
		"社会消费品零售总额":     {"社零", "社会消费品零售额"},
		"进出口总额":         {"外贸进出口", "货物进出口总额", "进出口"},
		"一般公共预算收入":      {"地方一般公共预算收入", "一般预算收入"},
		"一般公共预算支出":      {"地方一般公共预算支出"},
		"税收收入":          {"税收"},
		"政府性基金预算收入":     {"政府性基金收入"},
		"城镇新增就业":        {"城镇新增就业人数", "新增城镇就业"},
		"城镇调查失业率":       {"调查失业率"},
		"居民消费价格":        {"CPI", "居民消费价格指数", "居民消费价格涨幅", "物价涨幅"},
		"居民人均可支配收入":     {"全体居民人均可支配收入", "城乡居民人均可支配收入"},
		"城镇居民人均可支配收入":   {"城镇常住居民人均可支配收入"},
		"农村居民人均可支配收入":   {"农村常住居民人均可支配收入"},
		"常住人口":          {"年末常住人口"},
		"常住人口城镇化率":      {"城镇化率"},
		"粮食产量":          {"粮食总产量", "粮食产能"},
		"单位地区生产总值能耗":    {"单位GDP能耗", "能耗强度"},
		"研究与试验发展经费投入强度": {"R&D经费投入强度", "研发投入强度"},
		"细颗粒物浓度":        {"PM2.5浓度"},
		"空气质量优良天数比例":    {"优良天数比例"},
	}
	l := Default()
	for name, wordings := range spec {
		if !l.Has(name) {
			t.Errorf("SPEC §7 name %q is missing", name)
		}
		for _, w := range append(wordings, name) {
			if got, _ := l.Match(w, ""); got != name {
				t.Errorf("Match(%q) = %q, want %q", w, got, name)
			}
		}
	}
}

func TestDefaultSize(t *testing.T) {
	if n := Default().Len(); n < 150 {
		t.Errorf("Default() has %d concepts, want >= 150", n)
	}
}

func TestStripPlace(t *testing.T) {
	tests := []struct{ in, place, rest string }{
		{"郑州市地区生产总值", "郑州市", "地区生产总值"},
		{"河南省郑州市地区生产总值", "河南省郑州市", "地区生产总值"},
		{"全省地区生产总值", "", "地区生产总值"},
		{"伊州区常住人口", "伊州区", "常住人口"},
		{"长三角进出口", "长三角", "进出口"},
		{"全国居民人均可支配收入", "全国", "居民人均可支配收入"},
		{"黔东南苗族侗族自治州生产总值", "黔东南苗族侗族自治州", "生产总值"},
		{"城市居民人均可支配收入", "", "城市居民人均可支配收入"},
		{"地区生产总值", "", "地区生产总值"},
		{"城乡社区支出", "", "城乡社区支出"},
		{"境内外上市公司", "", "境内外上市公司"}, // 上市 is to list on a market, no city
		{"郑州市", "", "郑州市"},         // a place alone is no indicator: nothing is left to strip to
	}
	for _, tt := range tests {
		place, rest := StripPlace(tt.in)
		if place != tt.place || rest != tt.rest {
			t.Errorf("StripPlace(%q) = %q, %q; want %q, %q", tt.in, place, rest, tt.place, tt.rest)
		}
	}
}

func TestUserOverride(t *testing.T) {
	user, err := Parse("my.txt", strings.NewReader(`
# my own indicators
数字经济规模 = 数字经济总量
民营经济增加值 = 民营经济 | 非公经济增加值
工业投资 = 工业投资额
`))
	if err != nil {
		t.Fatal(err)
	}
	l := Default().With(user)
	for phrase, want := range map[string]string{
		"数字经济总量":  "数字经济规模", // a built-in wording now maps to the user's concept
		"民营经济":    "民营经济增加值",
		"非公经济增加值": "民营经济增加值",
		"工业投资额":   "工业投资",
		"地区生产总值":  "地区生产总值",
	} {
		if got, _ := l.Match(phrase, ""); got != want {
			t.Errorf("Match(%q) = %q, want %q", phrase, got, want)
		}
	}
	if got, _ := Default().Match("数字经济总量", ""); got != "数字经济增加值" {
		t.Errorf("With changed the default list: %q", got)
	}
	if !l.Has("数字经济规模") || l.Len() != Default().Len()+1 {
		t.Errorf("With: Len %d, want %d", l.Len(), Default().Len()+1)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ text, want string }{
		{"# c\n地区生产总值 GDP\n", "my.txt:2: no ` = `"},
		{"\n\n = GDP\n", "my.txt:3: empty concept name"},
		{"a = b | | c\n", "my.txt:1: empty wording"},
		{"a = b |\n", "my.txt:1: empty wording"},
		{"a = | b\n", "my.txt:1: empty wording"},
		{"a = b\nc = /(unclosed/\n", "my.txt:2: pattern /(unclosed/ does not compile"},
		{"a = /abc\n", "my.txt:1: pattern \"/abc\" has no closing"},
		{"a = //\n", "my.txt:1: empty pattern"},
		{"a = b\nc = b\n", "my.txt:2: wording \"b\" of c already belongs to a (line 1)"},
		{"/x/ = b\n", "my.txt:1: concept name \"/x/\" is a pattern"},
	}
	for _, tt := range tests {
		_, err := Parse("my.txt", strings.NewReader(tt.text))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%q) error = %v, want %q", tt.text, err, tt.want)
		}
	}
}

func TestParseFormat(t *testing.T) {
	l, err := Parse("my.txt", strings.NewReader("甲 = 乙 | /丙(?=丁|戊)/ | 己\n甲 = 庚\n辛 =\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(l.Names(), ","); got != "甲,辛" {
		t.Errorf("Names() = %s", got)
	}
	for _, c := range [][3]string{{"乙", "", "甲"}, {"己", "", "甲"}, {"庚", "", "甲"}, {"辛", "", "辛"},
		{"丙", "丁", "甲"}, {"丙", "戊", "甲"}, {"丙", "", ""}, {"丙丁", "", ""}} {
		if got, err := l.Match(c[0], c[1]); got != c[2] || err != nil {
			t.Errorf("Match(%q, %q) = %q, %v; want %q", c[0], c[1], got, err, c[2])
		}
	}
}

// A pattern must match the whole reduced phrase, not a part of it.
func TestPatternMatchesWholePhrase(t *testing.T) {
	l, err := Parse("my.txt", strings.NewReader("甲 = /乙+/\n"))
	if err != nil {
		t.Fatal(err)
	}
	for phrase, want := range map[string]string{"乙乙": "甲", "乙丙": "", "丙乙": "", "全省乙增速": "甲"} {
		if got, _ := l.Match(phrase, ""); got != want {
			t.Errorf("Match(%q) = %q, want %q", phrase, got, want)
		}
	}
}

func TestPatternTimeout(t *testing.T) {
	l, err := Parse("slow.txt", strings.NewReader("# catastrophic backtracking\n\n慢 = /(a+)+$/\n"))
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	got, err := l.Match(strings.Repeat("a", 40)+"!", "")
	var pe *PatternError
	if !errors.As(err, &pe) || pe.Pos != "slow.txt:3" || got != "" {
		t.Fatalf("Match = %q, %v; want a PatternError at slow.txt:3", got, err)
	}
	if !strings.Contains(err.Error(), "slow.txt:3") || !strings.Contains(err.Error(), "timeout") {
		t.Errorf("error %q does not name the line and the timeout", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("timed out after %v", d)
	}
}

func TestLiteralPrefix(t *testing.T) {
	for src, want := range map[string]string{
		"经济(?=增长)": "经济", "^经济": "经济", "a|b": "", "经济?增长": "经", "(a)": "", "ab*": "a", "abc": "abc",
	} {
		if got := literalPrefix(src); got != want {
			t.Errorf("literalPrefix(%q) = %q, want %q", src, got, want)
		}
	}
}

func TestMatchAllocs(t *testing.T) {
	l := Default()
	for _, phrase := range []string{"地区生产总值", "全省规上工业增加值增速", "在校生"} {
		if n := testing.AllocsPerRun(100, func() { _, _ = l.Match(phrase, "") }); n != 0 {
			t.Errorf("Match(%q) allocates %v times", phrase, n)
		}
	}
}

func BenchmarkMatch(b *testing.B) {
	l := Default()
	phrases := []string{"地区生产总值", "全市规模以上工业增加值增速", "城镇常住居民人均可支配收入", "在校生", "经济", "郑州市地区生产总值"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_, _ = l.Match(phrases[i%len(phrases)], "增长")
	}
}

// TestTrimSpace: the shortcut trims as strings.TrimSpace does.
func TestTrimSpace(t *testing.T) {
	for _, s := range []string{
		"", " ", "地区生产总值", " 地区生产总值 ", "地区生产总值\u3000", "\u3000地区", "㐀生产䶿", "GDP", "地区 GDP",
		"地区\u00a0", "\u2028地区", "地区\xe4", "\xe4\xb8", "地区生产总值 ", "一",
		"\u0085地区", "地区\u0085", "\u1680地区", "地区\u1680", "\u205f地区", "地区\u202f", "\r\n地区\r\n",
		"\x7f地区\x7f", "\x1f地区", "\xff地区", "地区\xff", "\x80", "\xed\xa0\x80地区", "地区\xe4\x80",
		"\ue000地区\ue000", "𠀋地区𠀋", "a", "\t", "\u3000", "\xe3\x80\x80x", "x\xe3\x80\x80",
	} {
		if got, want := trimSpace(s), strings.TrimSpace(s); got != want {
			t.Errorf("trimSpace(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestMatchPlaceRunes: the runes after a phrase, made a string only when a pattern reads
// them (MatchPlaceRunes), or found then (MatchPlaceAfter, asked once at most), give what
// the string gives, for the phrases of cases.txt and odd ones (a core that
// is a part of a pattern's prefix, runes that are no characters).
func TestMatchPlaceRunes(t *testing.T) {
	l := Default()
	phrases := []string{"经", "经济", "全省经济", "郑州市经济", "", " ", "地区生产总值", "在校生", "\xff经济"}
	for _, c := range readCases(t) {
		phrases = append(phrases, c.phrase)
	}
	afters := [][]rune{nil, {}, []rune("增长"), []rune("济增长"), []rune("济同比增长6%"), []rune("济"),
		{'济', 0xD800, '增'}, {-1}, {0x110000, '增', '长'}, []rune("总量"), []rune(" 增长")}
	for _, p := range phrases {
		for _, after := range afters {
			c1, p1, err1 := l.MatchPlaceRunes(p, after)
			c2, p2, err2 := l.MatchPlace(p, string(after))
			if c1 != c2 || p1 != p2 || (err1 == nil) != (err2 == nil) {
				t.Errorf("MatchPlaceRunes(%q, %q) = %q, %q, %v; MatchPlace: %q, %q, %v", p, string(after), c1, p1, err1, c2, p2, err2)
			}
			asked := 0
			c3, p3, err3 := l.MatchPlaceAfter(p, func() []rune { asked++; return after })
			if c3 != c2 || p3 != p2 || (err3 == nil) != (err2 == nil) || asked > 1 {
				t.Errorf("MatchPlaceAfter(%q, %q) = %q, %q, %v, asked %d times; MatchPlace: %q, %q, %v", p, string(after), c3, p3, err3, asked, c2, p2, err2)
			}
		}
	}
}
