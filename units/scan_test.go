package units

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestScanInText: the scanner stops where the quantity stops, in running text.
func TestScanInText(t *testing.T) {
	for _, c := range []struct {
		text, at, want string // want is the mention text, "" for no match
		unit           string
	}{
		{"完成总产值19556亿元、增加值", "19556", "19556亿元", "元"},
		{"收入2479.6 亿元,增长", "2479.6", "2479.6 亿元", "元"},  // a PDF's letter spacing
		{"10106\t   个人所得税\t4161", "10106", "10106", ""}, // a tab parts table cells
		{"同比均增长6.5%,规模以上", "6.5", "6.5%", "%"},
		{"高于全国平均水平0.5个百分点。", "0.5", "0.5个百分点", "百分点"},
		{"共1144个行政村开通光纤业务", "1144", "1144个", "个"},
		{"分别支持21、44项重点领域", "21", "21", ""},
		{"分别支持21、44项重点领域", "44", "44项", "项"},
		{"投产产能约2000-3000片每月,并已启动", "2000", "2000-3000片每月", "片/月"},
		{"完成18.1万千瓦电机", "18.1", "18.1万千瓦", "千瓦"},
		{"建成各类充电设施8500多个,在建", "8500", "8500多个", "个"},
		{"力争为超千家工业企业", "千", "千家", "家"},
		{"发放高層次人才服務卡1萬多張", "1", "1萬多張", "张"},
		{"推动6部门联合", "6", "6", ""},
		{"3成员单位", "3", "3", ""},
		{"九成以上的企业", "九", "九成", "%"},
		{"十四五规划", "十", "", ""},
		{"5G应用", "5", "5", ""},
		{"2016年投入", "2016", "2016年", "年"},
		{"第2009号提案", "2009", "2009", ""},
		{"增长百分之六点五。", "百", "百分之六点五", "%"},
		{"三千瓦时", "三", "三千瓦时", "千瓦时"},
		{"每人300元/人次", "300", "300元/人次", "元/人次"},
		{"5月15日", "5", "5", ""},
		{"片每月", "", "", ""},
	} {
		rs := []rune(c.text)
		at := indexRunes(rs, []rune(c.at))
		if c.at == "" {
			at = 0
		}
		m, ok := Scan(rs, at)
		got := ""
		if ok {
			got = string(rs[m.Start:m.End])
		}
		if got != c.want || (ok && m.Unit != c.unit) {
			t.Errorf("Scan(%q at %q) = %q %q, want %q %q", c.text, c.at, got, m.Unit, c.want, c.unit)
		}
	}
}

func indexRunes(s, sub []rune) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if hasPrefixAt(s, i, sub) {
			return i
		}
	}
	return -1
}

func TestQualifiers(t *testing.T) {
	for _, c := range []struct {
		text, at string
		before   Qualifier
		after    Qualifier
	}{
		{"全市企业超过700亿元以上", "700", Over, Over},
		{"约300人左右", "300", Approx, Approx},
		{"最近3年", "3", NoQualifier, NoQualifier},
		{"近地化项目106个", "106", NoQualifier, NoQualifier},
		{"近4万项", "4", Approx, NoQualifier},
		{"最高3000万元", "3000", Under, NoQualifier},
		{"不超过5%以内", "5", Under, Under},
		{"附近5公里", "5", NoQualifier, NoQualifier},
		{"较年初预算节约0.49亿元", "0.49", NoQualifier, NoQualifier},
		{"签约30个项目", "30", NoQualifier, NoQualifier},
		{"分别约为全国平均的70%", "70", NoQualifier, NoQualifier},
		{"排放强度约为70%", "70", Approx, NoQualifier},
		{"首批合作银行签约达5.8亿元", "5.8", NoQualifier, NoQualifier},
		{"大约300人", "300", Approx, NoQualifier},
	} {
		rs := []rune(c.text)
		i := indexRunes(rs, []rune(c.at))
		m, _ := Scan(rs, i)
		b, _ := QualifierBefore(rs, i)
		a, _ := QualifierAfter(rs, m.End)
		if b != c.before || a != c.after {
			t.Errorf("%q at %q: before %q after %q, want %q %q", c.text, c.at, b, a, c.before, c.after)
		}
	}
}

func TestIdiomAt(t *testing.T) {
	rs := []rune("培育了一批知名企业,千方百计稳增长")
	for i, r := range rs {
		_, _, ok := IdiomAt(rs, i)
		if !IsChineseNumeral(r) {
			continue
		}
		want := r == '一' || r == '千' || r == '百' // 一 of 一批; 千, 百 of 千方百计
		if ok != want {
			t.Errorf("IdiomAt(%q) = %v, want %v", string(r), ok, want)
		}
	}
}

// idiomAtReference is IdiomAt without its look at the next rune: the two must agree.
func idiomAtReference(s []rune, i int) (start, end int, ok bool) {
	if i < 0 || i >= len(s) {
		return 0, 0, false
	}
	best := -1
	for _, ip := range lex.idioms.get(s[i]) {
		if hasPrefixAt(s, i-ip.pos, ip.word) && len(ip.word) > best && !insideNumeral(s, i-ip.pos, ip.word) {
			start, end, best = i-ip.pos, i-ip.pos+len(ip.word), len(ip.word)
		}
	}
	return start, end, best > 0
}

// TestIdiomAtEveryIdiom puts every idiom alone, inside words, after a numeral and cut
// short, and asks IdiomAt at each rune what the reference answers.
func TestIdiomAtEveryIdiom(t *testing.T) {
	found := 0
	for _, e := range lex.idioms.entries {
		for _, ip := range e.v {
			w := string(ip.word)
			cut := string(ip.word[:len(ip.word)-1])
			for _, text := range []string{w, "在" + w + "中", "三" + w, cut, "在" + cut, w + w} {
				rs := []rune(text)
				for i := range rs {
					s, e, ok := IdiomAt(rs, i)
					rs0, re0, rok := idiomAtReference(rs, i)
					if s != rs0 || e != re0 || ok != rok {
						t.Errorf("IdiomAt(%q, %d) = %d, %d, %v; reference %d, %d, %v", text, i, s, e, ok, rs0, re0, rok)
					}
					if ok && text == w {
						found++
					}
				}
			}
		}
	}
	if found == 0 {
		t.Error("no idiom found alone: the test looks at nothing")
	}
}

// TestIdiomAtRandomText: in random text made of idioms, their pieces and numerals, where
// idioms overlap and two as long may cover a rune, IdiomAt answers as the reference.
func TestIdiomAtRandomText(t *testing.T) {
	pieces := []string{"一", "二", "十", "万", "零", "百分之", "在", "\ufffd", " "}
	for _, e := range lex.idioms.entries {
		for _, ip := range e.v {
			pieces = append(pieces, string(ip.word), string(ip.word[ip.pos:]), string(ip.word[:ip.pos+1]))
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 50000 {
		rs := randomText(rng, pieces, 4)
		for i := range rs {
			s, e, ok := IdiomAt(rs, i)
			if rs0, re0, rok := idiomAtReference(rs, i); s != rs0 || e != re0 || ok != rok {
				t.Fatalf("IdiomAt(%q, %d) = %d, %d, %v; reference %d, %d, %v", string(rs), i, s, e, ok, rs0, re0, rok)
			}
		}
	}
}

func BenchmarkParse(b *testing.B) {
	phrases := []string{"34.1亿元", "近4万项", "百分之六点五", "2000-3000片每月", "18.1万千瓦", "两千三百万", "1,035.5亿元", "8500多个"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := Parse(phrases[i%len(phrases)]); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkScan(b *testing.B) {
	rs := []rune("全市规模以上工业完成总产值19556亿元、增加值4878亿元,同比均增长6.5%,规模以上工业增加值增速高于全国平均水平0.5个百分点。实现软件和信息服务业收入2600亿元,同比增长15%。")
	b.SetBytes(int64(len(string(rs))))
	b.ReportAllocs()
	for b.Loop() {
		for i := range rs {
			if NumberStartsAt(rs, i) {
				Scan(rs, i)
			}
		}
	}
}

// TestSpacedDigitsLinear: a long text of spaced numeral characters is not read again from
// every one of them (a numeral read through spaces has a bounded length).
func TestSpacedDigitsLinear(t *testing.T) {
	rs := []rune(strings.Repeat("一 ", 5000) + strings.Repeat("1万", 5000))
	m, ok := Scan(rs, 0)
	if !ok || m.End > 2*maxNumeral+2 {
		t.Fatalf("Scan of spaced digits = %v %d..%d", ok, m.Start, m.End)
	}
	for i := range rs {
		if NumberStartsAt(rs, i) {
			Scan(rs, i)
		}
	}
}

// TestMayStartNumber: wherever NumberStartsAt is true, MayStartNumber is true of the rune,
// over every BMP rune followed by what makes each kind of number start (a digit, 成).
func TestMayStartNumber(t *testing.T) {
	for r := rune(0); r < 0x10000; r++ {
		for _, after := range []rune{'5', '成', '个'} {
			s := []rune{r, after}
			if NumberStartsAt(s, 0) && !MayStartNumber(r) {
				t.Fatalf("NumberStartsAt(%q) but not MayStartNumber(%q)", string(s), r)
			}
		}
	}
}

// TestLoneNumeralAtAgreesWithScan: wherever LoneNumeralAt says a numeral stands alone,
// Scan reads nothing there or a bare number of that one character. Over random text made
// of numerals and of what may follow one in a quantity (every unit's forms, qualifiers,
// fraction words, range marks, spaces, 点) among other runes, invalid ones too.
func TestLoneNumeralAtAgreesWithScan(t *testing.T) {
	var pieces []string
	for _, r := range "零〇一二两三四五六七八九十百千万亿壹拾佰萬億半几多余餘点點之分、至到-~～ 　\u00a0\t\r\n般众统a5.%/\ufffd" {
		pieces = append(pieces, string(r))
	}
	lex.units.values(func(fs *[]unitForm) {
		for _, f := range *fs {
			pieces = append(pieces, f.raw)
		}
	})
	for _, f := range lex.fractions {
		pieces = append(pieces, string(f.prefix))
	}
	pieces = append(pieces, "\xed\xa0\x80") // a lone surrogate's bytes
	rng := rand.New(rand.NewPCG(1, 2))
	lone := 0
	for range 200000 {
		s := randomText(rng, pieces, 5)
		for i := range s {
			if !LoneNumeralAt(s, i) {
				continue
			}
			lone++
			m, ok := Scan(s, i)
			if ok && (m.End != i+1 || m.NumberEnd != i+1 || m.Unit != "" || m.HasUpper || m.Qualifier != NoQualifier) {
				t.Fatalf("LoneNumeralAt(%q, %d) but Scan reads %q (unit %q)", string(s), i, string(s[m.Start:m.End]), m.Unit)
			}
		}
	}
	if lone < 1000 {
		t.Errorf("only %d lone numerals: the test text no longer tries the fast path", lone)
	}
}

// randomText joins one to most pieces drawn at random, as runes.
func randomText(rng *rand.Rand, pieces []string, most int) []rune {
	var b strings.Builder
	for n := 1 + rng.IntN(most); n > 0; n-- {
		b.WriteString(pieces[rng.IntN(len(pieces))])
	}
	return []rune(b.String())
}

// TestYearAtMatchesScan: where YearAt reads a year, ScanInto reads an unscaled Arabic
// number of that value with the unit 年, ending where YearAt says; over every offset of
// the corpus and of random text of years, ranges, rates, 年代 and other runes.
func TestYearAtMatchesScan(t *testing.T) {
	years, ranges := 0, 0
	check := func(s []rune) {
		t.Helper()
		for i := range s {
			n, end, ok := YearAt(s, i)
			if !ok {
				continue
			}
			years++
			var m Match
			if !ScanInto(s, i, &m) || m.Kind != Arabic || m.Unit != "年" || m.Scaled || m.End != end {
				t.Fatalf("YearAt(%q, %d) = %d, %d; ScanInto reads %q (unit %q, kind %d, scaled %v)",
					string(s), i, n, end, string(s[m.Start:max(m.Start, m.End)]), m.Unit, m.Kind, m.Scaled)
			}
			if v, ok := m.Value.Int64(); !ok || v != int64(n) {
				t.Fatalf("YearAt(%q, %d) = %d; ScanInto's value %v", string(s), i, n, m.Value)
			}
			if m.HasUpper {
				ranges++
			}
		}
	}
	paths, _ := filepath.Glob(filepath.Join("..", "testdata", "corpus", "*.txt"))
	if len(paths) == 0 {
		t.Fatal("no corpus documents")
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		check([]rune(string(data)))
	}
	pieces := []string{"2016年", "2014年-2016年", "2016年～2014年", "2016", "2014", "1999", "0123", "9999", "201", "5", "５", "年", "年", "年代", "年度", "年级", "年轻",
		"/", "／", "每", "人", "月", "-", "－", "~", "～", "—", "至", "到", "、", ".", ",", " ", "万", "亿", "多", "余", "以上", "的", "\n"}
	rng := rand.New(rand.NewPCG(9, 4))
	for range 200000 {
		check(randomText(rng, pieces, 8))
	}
	if years < 10000 || ranges < 100 {
		t.Errorf("%d years, %d ranges read: the test text no longer tries the fast path", years, ranges)
	}
}

// TestNumeralUnitAtMatchesScan: where NumeralUnitAt reads a numeral and its unit, ScanInto
// reads a Chinese number ending after that one character, with that unit, ending where
// NumeralUnitAt says; over every offset of the corpus and of random text of numerals,
// every unit's forms, qualifiers, fraction words, range and rate marks and other runes.
func TestNumeralUnitAtMatchesScan(t *testing.T) {
	read := 0
	check := func(s []rune) {
		t.Helper()
		for i := range s {
			unit, end, ok := NumeralUnitAt(s, i)
			if !ok {
				continue
			}
			read++
			var m Match
			if !ScanInto(s, i, &m) || m.Kind != Chinese || m.NumberEnd != i+1 || m.Unit != unit || m.End != end {
				t.Fatalf("NumeralUnitAt(%q, %d) = %q, %d; ScanInto reads %q (unit %q, kind %d)",
					string(s), i, unit, end, string(s[m.Start:max(m.Start, m.End)]), m.Unit, m.Kind)
			}
		}
	}
	paths, _ := filepath.Glob(filepath.Join("..", "testdata", "corpus", "*.txt"))
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		check([]rune(string(data)))
	}
	var pieces []string
	for _, r := range "零〇一二两三四五六七八九十百千万亿壹拾佰萬億半几多余餘点點之分、至到-~～/／每 　\u00a0\t\n般众统a5.%\ufffd" {
		pieces = append(pieces, string(r), string(r))
	}
	lex.units.values(func(fs *[]unitForm) {
		for _, f := range *fs {
			pieces = append(pieces, f.raw)
		}
	})
	for _, f := range lex.fractions {
		pieces = append(pieces, string(f.prefix))
	}
	for _, w := range []string{"年代", "年级", "所以", "个人", "一年-三年", "-三年", "～五个", "一个～两个", "一成-三成"} {
		pieces = append(pieces, w)
	}
	rng := rand.New(rand.NewPCG(7, 3))
	for range 200000 {
		check(randomText(rng, pieces, 6))
	}
	if read < 10000 {
		t.Errorf("only %d numerals read: the test text no longer tries the fast path", read)
	}
}
