package doc

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/policymetrics/policymetrics/extract/internal/cjk"
	"github.com/policymetrics/policymetrics/extract/lexicon"
	"github.com/policymetrics/policymetrics/extract/textmap"
)

func build(text string) *Document {
	src := []rune(text)
	return Build("t", src, textmap.Identity(src))
}

// TestStatedYear: the year a document states about itself (SPEC.md §5), one case per way
// of stating it, and the genre its title names.
func TestStatedYear(t *testing.T) {
	tests := []struct {
		name, text string
		year       int
		genre      Genre
	}{
		{"work report title", "2026年河南省政府工作报告\n——2026年1月25日在河南省第十四届人民代表大会第四次会议上\n各位代表：\n一、2025年工作回顾\n", 2026, WorkReport},
		{"title without year, date line", "政府工作报告\n——2026年1月27日在青海省第十四届人民代表大会第四次会议上\n一、2025年工作回顾\n", 2026, WorkReport},
		{"bulletin", "首页 > 统计数据\n2025年泉州市国民经济和社会发展统计公报\n泉州市统计局\n2026-03-20\n", 2025, Bulletin},
		{"budget report: the execution year", "关于2025年预算执行情况和2026年预算草案的报告\n一、2025年预算执行情况\n", 2025, BudgetReport},
		{"a budget report a portal files under 工作报告", "关于常德市2025年预算执行情况与2026年全市及市级预算(草案)的报告_工作报告_市八届人大五次会议\n一、2025年全市预算执行情况\n", 2025, BudgetReport},
		{"a portal's budget publication names the draft's year", "政府预算\n发布日期: 2026-02-12\n红河州2026年度政府预算公开\n目录\n一、财政预算报告(关于红河州2025年地方财政预算执行情况和2026年地方财政预算草案的报告)\n", 2025, BudgetReport},
		{"portal date line", "您当前位置: 首页\n关于市政协提案的答复\n发布日期:2017-07-27      浏览次数:\n许若宁委员:\n", 2017, OtherGenre},
		{"signature date only", "罗得力代表:\n您提出的建议收悉。\n广州市工业和信息化局\n2022年5月30日\n", 2022, OtherGenre},
		{"no year at all", "一、主要工作\n全市新增企业5家。\n", 0, OtherGenre},
	}
	for _, tc := range tests {
		d := build(tc.text)
		if d.Year != tc.year || d.Genre != tc.genre {
			t.Errorf("%s: Year, Genre = %d, %d; want %d, %d", tc.name, d.Year, d.Genre, tc.year, tc.genre)
		}
	}
}

// TestPassagePeriods: the time of the passage each line stands in (SPEC.md §5 rule 3).
func TestPassagePeriods(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // per line
	}{
		{"work report review and targets", strings.Join([]string{
			"2026年安徽省政府工作报告",
			"一、2025年工作和“十四五”发展回顾",
			"过去一年，全省地区生产总值增长5.5%。",
			"过去五年，我们累计新增企业3万家。",
			"(一)着力稳增长",
			"二、2026年工作安排",
			"今年主要预期目标是：地区生产总值增长5%。",
		}, "\n"), []string{"", "2025", "2025", "2021-2025", "2021-2025", "2026", "2026"}},
		{"heading without time inherits its parent", "一、2016年主要工作\n(一)强化政策保障\n出台措施十条。\n二、下一步工作计划\n继续推进。", []string{"2016", "2016", "2016", "", ""}},
		{"a paragraph opening with a year frames the section", "一、主要做法\n2022年，全市工业总产值达2万亿元。\n(一)聚焦新兴产业，培育发展新动能。统筹推进汽车产业发展，编制汽车产业发展中长期规划等政策文件，新增企业5家。", []string{"", "2022", "2022"}},
		{"a stated span frames only its own paragraph", "(五)抓贯标\n2014-2016年,我市通过评定企业20家;\n一是出台政策。", []string{"", "", ""}},
		{"bulletin: its year throughout", "2025年长沙市国民经济和社会发展统计公报\n一、综合\n全年地区生产总值1.5万亿元。\n二、农业", []string{"2025", "2025", "2025", "2025"}},
		{"budget report parts", "关于2025年预算执行情况和2026年预算草案的报告\n一、2025年预算执行情况\n收入100亿元。\n二、2026年预算草案\n安排支出50亿元。", []string{"", "2025", "2025", "2026", "2026"}},
		{"baseline in a heading is not its time", "一、较2020年的变化\n增长5%。", []string{"", ""}},
		{"a table's index base frames nothing", "2025年乙市国民经济和社会发展统计公报\n表2 2025年居民消费价格指数\n以上年为100\n比上年增长(%)\n全年粮食产量120万吨。", []string{"2025", "2025", "2025", "2025", "2025"}},
		{"a long line with a percent still opens a passage", "一、主要做法\n2022年,广州市工业增加值6947亿元,同比增长1%,占GDP比重达24.1%。\n(一)聚焦新兴产业,培育发展新动能。统筹推进汽车产业发展,编制汽车产业发展中长期规划。", []string{"", "2022", "2022"}},
	}
	for _, tc := range tests {
		d := build(tc.text)
		for k, want := range tc.want {
			if got := d.PassageAt(d.LineStarts[k]); got != want {
				t.Errorf("%s: line %d (%q): passage %q, want %q", tc.name, k+1, string(lineAt(d.Text.Runes, d.LineStarts, k)), got, want)
			}
		}
	}
}

// TestIsTableText: isTableText, one pass for both kinds of mark, answers as the plain
// test does (a cell mark among the first runes, or a percent sign in a short line), on the
// corpus's lines, their first runes, and lines with a mark at either end, beside one looked
// for, and at the edges of the runes read and of a short line.
func TestIsTableText(t *testing.T) {
	plain := func(line []rune) bool {
		head := line[:min(len(line), 2*maxHeadingRunes)]
		return cjk.IndexRune(head, 0, len(head), '\t', '=', '＝') >= 0 ||
			len(line) <= maxHeadingRunes && cjk.IndexRune(line, 0, len(line), '%', '％') >= 0
	}
	lines := []string{"", "\t", "=", "＝", "%", "％", "上年同期=100", "比上年增长(%)", "地区\t产值", "≠", "—", "＞", "\v", "<>",
		"％％", "\u33ff", "\ua000", "㐀", "鿿"}
	pad := strings.Repeat("增", 2*maxHeadingRunes)
	for _, m := range []string{"\t", "=", "＝", "%", "％"} {
		for _, n := range []int{maxHeadingRunes - 2, maxHeadingRunes - 1, maxHeadingRunes, 2*maxHeadingRunes - 1, 2 * maxHeadingRunes} {
			p := string([]rune(pad)[:n])
			lines = append(lines, p+m, m+p, p+m+"增", p+m+pad)
		}
	}
	for _, l := range corpusLines(t) {
		r := []rune(l)
		lines = append(lines, l, string(r[:min(len(r), 2*maxHeadingRunes)]), string(r[:min(len(r), maxHeadingRunes)]), l+"\t", "＝"+l, "%"+l)
	}
	for _, l := range lines {
		r := []rune(l)
		if got, want := isTableText(r), plain(r); got != want {
			t.Fatalf("isTableText(%q) = %v, want %v", l, got, want)
		}
	}
}

// TestNotesHeadingGuard: isNotesHeading's guard on the last rune (notesLast) answers as
// the lookups alone do, on the corpus's short lines, the notes words trimmed and padded,
// and runes string() makes U+FFFD of.
func TestNotesHeadingGuard(t *testing.T) {
	plain := func(t []rune) bool {
		if len(t) > maxNotesTitle {
			return false
		}
		s := strings.TrimRight(string(t), " :：\r")
		return len(t) <= maxNotesHeading && notesHeading.Contains(s) || notesEnd.SuffixOf(s) > 0
	}
	lines := []string{"", " ", "：", "\r", "注", "注 ：\r", "《政府工作报告》有关内容名词注释", "名词解释:", "附注 ", "注释\r\n"}
	for _, w := range append(notesHeading.Words(), notesEnd.Words()...) {
		lines = append(lines, w, w+"：", " "+w+" :\r", "有关"+w, w+"。", "关于"+w+"的说明")
	}
	for _, l := range corpusLines(t) {
		if r := []rune(l); len(r) <= 2*maxNotesTitle {
			lines = append(lines, l)
		}
	}
	for _, l := range lines {
		for _, r := range [][]rune{[]rune(l), append([]rune(l), 0xD800), append([]rune(l), -1, '注')} {
			if got, want := isNotesHeading(r), plain(r); got != want {
				t.Fatalf("isNotesHeading(%q) = %v, want %v", string(r), got, want)
			}
		}
	}
}

// plainMayStartTime is mayStartTime as first written, a test for each kind of rune.
func plainMayStartTime(r rune, year int) bool {
	return r == '“' || r == '"' || cjk.MayStartYear(r) || r == '十' || year != 0 && relativeYearStarts.Has(r)
}

// TestOpeningRunes: openingRunes tells of each rune what the tests it stands for tell:
// a lead-in rune, mayStartTime without and with a year (plainMayStartTime; mayStartTime,
// which reads the table, answers the same), and every dash and first rune of a vocative or
// a plan lead-in among the special ones; nothing outside the table.
func TestOpeningRunes(t *testing.T) {
	for r := rune(-2); r <= 0x110001; r++ {
		c := openingClass(r)
		if got, want := c&openLead != 0, cjk.IsHan(r) || r == '的'; got != want {
			t.Fatalf("%q: lead-in %v, want %v", r, got, want)
		}
		if got, want := c&openAbsolute != 0, plainMayStartTime(r, 0); got != want {
			t.Fatalf("%q: may start a time without a year %v, mayStartTime says %v", r, got, want)
		}
		if got, want := c&(openAbsolute|openRelative) != 0, plainMayStartTime(r, 2026); got != want {
			t.Fatalf("%q: may start a time with a year %v, mayStartTime says %v", r, got, want)
		}
		for _, year := range []int{0, 2026} {
			if got, want := mayStartTime(r, year), plainMayStartTime(r, year); got != want {
				t.Fatalf("mayStartTime(%q, %d) = %v, want %v", r, year, got, want)
			}
		}
		if c&openRelative != 0 && c&openLead == 0 {
			t.Fatalf("%q: starts a relative word but ends a lead-in; openingTime reads on past it", r)
		}
		if isDash(r) && c&openSpecial == 0 {
			t.Fatalf("%q: a dash not marked special", r)
		}
		if got, want := c&openPlain != 0, c&^openPlain == openLead; got != want {
			t.Fatalf("%q: plain %v, but its other bits are %b", r, got, c&^openPlain)
		}
	}
	for _, set := range []*lexicon.Set{vocatives, planLeadIn} {
		for _, w := range set.Words() {
			if openingClass([]rune(w)[0])&openSpecial == 0 {
				t.Fatalf("%s: its first rune is not marked special", w)
			}
		}
	}
}

// TestTimeInOpening: timeIn with opening set reads what the lead-in loop testing each rune
// with mayStartTime read, on the corpus's sentences, their tails, and odd lead-ins.
func TestTimeInOpening(t *testing.T) {
	plain := func(line []rune, year int) (string, bool) {
		if len(line) == 0 {
			return "", false
		}
		if n := vocatives.PrefixAt(line, 0); n > 0 {
			line = line[n:]
			for len(line) > 0 && isPause(line[0]) {
				line = line[1:]
			}
			if len(line) == 0 {
				return "", false
			}
		}
		for len(line) > 0 && isDash(line[0]) {
			line = line[1:]
		}
		if p := planOfLeadIn(line); p != "" {
			return p, true
		}
		for i := 0; i <= min(maxLeadIn, len(line)-1); i++ {
			if i > 0 && !cjk.IsHan(line[i-1]) && line[i-1] != '的' {
				break
			}
			if !plainMayStartTime(line[i], year) {
				continue
			}
			p, n := timeAt(line, i, year)
			if n == 0 {
				continue
			}
			if cjk.IsDigit(line[i]) && len(p) == 9 {
				return "", false
			}
			return p, p != "" && opensPassage(line, i+n)
		}
		return "", false
	}
	lines := []string{"", "——", "各位代表，", "各位代表，2025年，", "——这五年，", "刚刚过去的2025年，", "的的的的的的2025年，",
		"中中中中中中2025年，", "中中中中中中中2025年，", "2014-2016年，", "“十四五”时期", "\"2021-2025年，", "今年以来，",
		"过去五年，", "一年来，", "，2025年，", "a2025年，", "2025", "十", "“", "中2025年是"}
	for _, l := range corpusLines(t) {
		r := []rune(l)
		for _, s := range sentenceStarts(r) {
			sen := cjk.TrimLeft(r[s:])
			lines = append(lines, string(sen), string(sen[min(len(sen), 3):]))
		}
	}
	texts := [][]rune{{0x10032, '0', '2', '5', '年', '，'}, {0x14E00, '2', '0', '2', '5', '年', '，'}, {-1, '2', '0', '2', '5', '年', '，'},
		{0xD800, '2', '0', '2', '5', '年', '，'}, {'中', 0x10000 + '中', '2', '0', '2', '5', '年', '，'}, {0x10000 + '—', '2', '0', '2', '5', '年', '，'},
		{0x10000 + '各', '位', '代', '表', '，', '2', '0', '2', '5', '年', '，'}}
	for _, l := range lines {
		texts = append(texts, []rune(l))
	}
	for _, w := range append(append(vocatives.Words(), planLeadIn.Words()...), "——", "—", "－", "-") {
		for _, tail := range []string{"", "，", "，2025年，", "2025年，", "——今年以来，", "《第十五个五年规划》，", "“十五五”时期"} {
			texts = append(texts, []rune(w+tail))
		}
	}
	for _, r := range texts {
		l := string(r)
		for _, year := range []int{0, 2025} {
			gp, gok := timeIn(r, year, true)
			wp, wok := plain(r, year)
			if gp != wp || gok != wok {
				t.Fatalf("timeIn(%q, %d, true) = %q, %v; want %q, %v", l, year, gp, gok, wp, wok)
			}
		}
	}
}

// TestTimeAtRelativeGuard: timeAt, which turns a relative word's first rune away unless
// the second rune may go on with one, reads what the plain lookups of the four word lists
// read, at every place of the corpus's lines and of odd texts, with and without a year.
func TestTimeAtRelativeGuard(t *testing.T) {
	plain := func(line []rune, i, year int) (string, int) {
		if year == 0 || i >= len(line) || !relativeYearStarts.Has(line[i]) {
			return "", 0
		}
		for _, w := range []struct {
			set *lexicon.Set
			p   string
		}{{yearThis, strconv.Itoa(year)}, {yearLast, strconv.Itoa(year - 1)}, {yearNext, strconv.Itoa(year + 1)},
			{yearsPastFive, fmt.Sprintf("%d-%d", year-5, year-1)}} {
			if n := w.set.PrefixAt(line, i); n > 0 {
				return w.p, n
			}
		}
		return "", 0
	}
	lines := corpusLines(t)
	for _, set := range []*lexicon.Set{yearThis, yearLast, yearNext, yearsPastFive} {
		for _, w := range set.Words() {
			r := []rune(w)
			lines = append(lines, w, "“"+w+"”", string(r[:1]), string(r[:len(r)-1]), w+"以来，", "在"+w)
		}
	}
	for _, l := range lines {
		r := []rune(l)
		for _, year := range []int{0, 2025} {
			for i := range r {
				if cjk.IsDigit(r[i]) || r[i] == '“' || r[i] == '"' || IsPlanName(r, i) {
					continue // read before the relative words
				}
				gp, gn := timeAt(r, i, year)
				wp, wn := plain(r, i, year)
				if gp != wp || gn != wn {
					t.Fatalf("timeAt(%q, %d, %d) = %q, %d; want %q, %d", l, i, year, gp, gn, wp, wn)
				}
			}
		}
	}
}

// TestMayOpenWithTime: a sentence that plainOpening or mayOpenWithTime turns away opens
// with no time that openingTime reads, and nextOpening finds the first sentence
// none turns away, at every sentence start (and a few places inside) of the corpus's lines
// and of odd ones, with and without a year.
func TestMayOpenWithTime(t *testing.T) {
	lines := corpusLines(t)
	for _, w := range append(append(vocatives.Words(), planLeadIn.Words()...), "——", "－", "今年", "过去五年", "“十四五”", "2025年",
		"“今年”", "\"2025年\"", "“2021-2025年”", "“放管服”", "“一", "“", "“十", "十大", "十四五", "十五", "一批", "一年来", "上年", "上",
		"20个", "2", "2025", "去", "过去", "近5年", "中各位代表", "中——", "中根据《第十五个五年规划》") {
		for _, lead := range []string{"", " ", "\t　", "刚刚过去的", "中中中中中中", "中中中中中中中", "一批", "十大", "上", "中“"} {
			lines = append(lines, lead+w+"，2025年，我们", "前文。"+lead+w+"，", "a。"+lead+w, lead+w+"中2025年，")
		}
	}
	texts := [][]rune{{-1, '2', '0', '2', '5', '年', '，'}, {'中', -1, '2', '0', '2', '5', '年'}, {0xD800, '今', '年', '，'},
		{'“', 0x10032, '0', '2', '5', '年', '，'}, {'“', 0x14ECA, '年', '，'}, {0x10000 + '“', '2', '0', '2', '5', '年', '，'},
		{0x10000 + '十', '四', '五', '，'}, {'十', 0x14E94, '五', '，'}, {'今', 0x15E74, '，'}, {0x14ECA, '年', '，'}, {'2', 0x10030, '2', '5', '年'}}
	for _, l := range lines {
		texts = append(texts, []rune(l))
	}
	// Past the BMP: runes whose low bits are a Han character, 2, 一 before 年, a comma, a space.
	for _, odd := range []rune{0x14E2D, 0x10032, 0x14E00, 0x1FF0C, 0x10020, 0x13000} {
		for _, l := range []string{"%c2025年，", "中%c2025年，", "%c年，我们", "中%c今年以来，", "%c中中中中中2025年，"} {
			texts = append(texts, []rune(fmt.Sprintf(l, odd)))
		}
	}
	turned := map[string]int{}
	for _, r := range texts {
		l := string(r)
		starts := append(sentenceStarts(r), 1, 2, 5, len(r))
		for _, s := range starts {
			if s > len(r) {
				continue
			}
			for _, year := range []int{0, 2025} {
				mask := openingMask(year)
				p, ok := openingTime(cjk.TrimLeft(r[s:]), year)
				for name, away := range map[string]bool{"plainOpening": plainOpening(r, s), "mayOpenWithTime": !mayOpenWithTime(r, s, mask)} {
					if away {
						turned[name]++
						if ok {
							t.Fatalf("%q at %d, year %d: %s turned it away, but it opens with %q", l, s, year, name, p)
						}
					}
				}
			}
		}
		breaks := sentenceBreaks(r)
		for _, year := range []int{0, 2025} {
			mask := openingMask(year)
			for from := -1; from <= len(breaks); from++ {
				// The passage pass's loop over the sentences, as it was written.
				want := len(breaks)
				for x := from; x < len(breaks) && (x < 0 || breaks[x] < len(r)); x++ {
					s := 0
					if x >= 0 {
						s = breaks[x]
					}
					if !plainOpening(r, s) && mayOpenWithTime(r, s, mask) {
						want = x
						break
					}
				}
				if got := nextOpening(r, breaks, from, mask); got != want {
					t.Fatalf("nextOpening(%q, %v, %d, %d) = %d, want %d", l, breaks, from, mask, got, want)
				}
			}
		}
	}
	for _, name := range []string{"plainOpening", "mayOpenWithTime"} {
		if turned[name] == 0 {
			t.Errorf("%s turned no sentence away", name)
		}
	}
}

// TestPlainOpening: plainOpening, which reads its runes' classes without a loop, tells
// what a loop over the first maxLeadIn+1 runes' classes tells, at every place of the
// corpus's lines and of lines of plain and other runes.
func TestPlainOpening(t *testing.T) {
	loop := func(raw []rune, s int) bool {
		if s+maxLeadIn+1 > len(raw) {
			return false
		}
		for _, r := range raw[s : s+maxLeadIn+1] {
			if openingRunes[uint16(r)]&openPlain == 0 { // past the BMP, as its low bits: TestMayOpenWithTime
				return false
			}
		}
		return true
	}
	lines := corpusLines(t)
	for k := 0; k <= maxLeadIn+2; k++ {
		for _, odd := range []string{"1", "，", "今", "“", "a", " ", "\U00014E2D"} {
			lines = append(lines, strings.Repeat("中", k)+odd+strings.Repeat("中", maxLeadIn+2-k))
		}
	}
	plain := 0
	for _, l := range lines {
		r := []rune(l)
		for s := 0; s <= len(r); s++ {
			got, want := plainOpening(r, s), loop(r, s)
			if got != want {
				t.Fatalf("plainOpening(%q, %d) = %v, want %v", l, s, got, want)
			}
			if got {
				plain++
			}
		}
	}
	if plain == 0 {
		t.Fatal("no plain opening")
	}
}

// TestOwnAreaDateLine: a date line wrapped over two lines names the area, whichever of the
// head's lines before it were joined with their next in the same buffer.
func TestOwnAreaDateLine(t *testing.T) {
	tests := []struct{ text, area string }{
		{"政府工作报告\n——2026年1月26日在广东省第十四届\n人民代表大会第五次会议上\n一、2025年工作回顾\n", "广东省"},
		{"政府工作报告\n省长 王某\n在会上\n——2026年1月26日在广东省第十四届\n人民代表大会第五次会议上\n一、2025年工作回顾\n", "广东省"},
		{"政府工作报告\n——2026年1月27日在青海省第十四届人民代表大会第四次会议上\n一、2025年工作回顾\n", "青海省"},
		{"政府工作报告\n人民代表大会\n在广东省\n", ""},
	}
	for _, tc := range tests {
		if got := build(tc.text).Area; got != tc.area {
			t.Errorf("area of %q = %q, want %q", tc.text, got, tc.area)
		}
	}
}
