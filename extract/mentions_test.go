package extract

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"

	"github.com/policymetrics/policymetrics/extract/internal/cjk"
	"github.com/policymetrics/policymetrics/extract/normalize"
	"github.com/policymetrics/policymetrics/extract/textmap"
	"github.com/policymetrics/policymetrics/units"
)

// mentionTexts returns the text of every record found in s, in order.
func mentionTexts(s string) []string {
	var out []string
	for _, r := range Text("t.txt", s) {
		out = append(out, r.Text)
	}
	return out
}

// TestMentionFamilies: one case per family of text that is, or is not, a record (SPEC §3).
func TestMentionFamilies(t *testing.T) {
	for _, c := range []struct {
		family, in string
		want       []string
	}{
		{"money and counts", "全市规模以上工业完成总产值19556亿元、增加值4878亿元,同比均增长6.5%。", []string{"19556亿元", "4878亿元", "6.5%"}},
		{"percentage points", "增速高于全国平均水平0.5个百分点。", []string{"0.5个百分点"}},
		{"count before its noun", "全市共1144个行政村开通光纤业务,14位市领导担任链长。", []string{"1144个", "14位"}},
		{"多 and 余 inside", "建成各类充电设施8500多个,培训1500余人。", []string{"8500多个", "1500余人"}},
		{"range", "投产产能约2000-3000片每月。", []string{"2000-3000片每月"}},
		{"a page's view counter is chrome", "日期:2026-02-24 来源:市财政局 浏览:4015次 字体:【大中小】\n全市收入增长5%。", []string{"5%"}},
		{"the term a note defines is a name", "注释\n［10］两个基地、两个枢纽、两个网络：建成2个国家级基地。", []string{"2个"}},
		{"a survey named by its sampling fraction is a name", "常住人口根据1%人口变动抽样调查数据推算,增长1%。", []string{"1%"}},
		{"what a rate is per is no record", "每10万人口高等教育平均在校生增长27%,每10万人刑事案件数下降36.9%。", []string{"27%", "36.9%"}},
		{"but a span after 每 stays a span", "每5年开展一次普查,每户补贴1000元。", []string{"1000元"}},
		{"an item number and a year are no decimal", "4.2017年起,国家统计局执行新的国民经济行业分类标准,规模以上工业企业1200家。", []string{"1200家"}},
		{"livestock heads and person-days", "年末牛羊猪存栏89.03万头只;收留抚养和救助各类人员13021人日。", []string{"89.03万头只", "13021人日"}},
		{"shared unit in a list", "2021、2022年分别支持21、44项重点领域关键核技术攻关。", []string{"21", "44项"}},
		{"Chinese numerals", "“区块链+股权市场”两个特色领域项目获批,培育十个互联网特色小镇。", []string{"两个", "十个"}},
		{"bare scale after a lead word", "力争为超千家工业企业提供服务,引进超百亿美元投资。", []string{"千家", "百亿美元"}},
		{"percent words and tenths", "增长百分之六点五,九成以上的企业。", []string{"百分之六点五", "九成"}},
		{"dates", "2016年5月15日召开,2014-2016年,1978~2020年。", nil},
		{"document and phone numbers", "穗府办[2017]1号,第2009号提案,电话020-38920460,邮编510032,粤ICP备16074905号-1号。", nil},
		{"ordinals and structure", "一、总体要求(一)一是第18届第二批排名第一前三甲前10名。", nil},
		{"sessions", "市十六届人大三次会议,省委十一届十次、十一次全会。", nil},
		{"二 alone is an ordinal: two says 两", "减少二次分配,水质保持二类,新建两座水库。", []string{"两座"}},
		{"money spelled out before a place suffix is a place", "三元区、清流县获评,补助三元。", []string{"三元"}},
		{"names with numbers", "5G应用、3D打印、12英寸产线、10.5代、TCL华星t9、800兆数字集群、广州制造2025、TOP10、50强。", nil},
		{"formulas and slogans in quotes", "构建“1+X”政策体系,“8+4”,打通“最后100米”,实现“两个不低于”。", nil},
		{"idioms", "培育一批企业,千方百计稳增长,统一大市场,一体化发展,一站式服务,千家万户,一系列政策。", nil},
		{"indefinite 一", "实施一项工程,打造一个平台,一张蓝图干到底。", nil},
		{"zero as a word", "汽车零部件、零售、零距离服务。", nil},
		{"titles", "印发《三年行动计划(2022-2024年)》和《十条措施》。", nil},
		{"durations", "连续11年实现零事故,力争3年内引进,未来三年,近5年,每两年,过去的五年,5年过渡期。", nil},
		{"plan periods", "“十四五”规划,“十三五”期间,十五五时期。", nil},
		{"ratios", "示范拉动效应达到1:27。", nil},
		{"rank places", "排名由369位上升到235位。", nil},
		{"rank places in a list", "排名由10、20、30名上升。", nil},
		{"a new clause ends the rank", "排名上升,新增院士3名、专家20位。", []string{"3名", "20位"}},
		{"structure nouns", "重点抓好七个方面的工作,在22个方面支持,分三个等次。", nil},
		{"product and voltage specs", "建设500千伏输变电工程,12英寸晶圆。", nil},
		{"place names", "七台河市、五家渠市。", nil},
		{"numbered institutes", "支持中电科七所、工信部电子五所等骨干企业。", nil},
		{"streaks", "连续4次获评全国优秀。", nil},
		{"points of an assessment", "（一）一体化政务服务平台建设（3分）,综合得分85.6分,电价下降5分/千瓦时。", []string{"3分", "85.6分", "5分/千瓦时"}},
		{"分 that is no point", "十分重要,三分天下,3分之1,于07时41分发生,1024*768分辨率,第2分局。", nil},
		{"sound levels and temperatures", "区域噪声平均值51.1分贝,15分钟生活圈,年平均气温17.7℃,8.8摄氏度。", []string{"51.1分贝", "15分钟", "17.7℃", "8.8摄氏度"}},
		{"bulletin measures", "总股本2.89亿股,开放档案59197卷(件),检定计量器具53600台件,旅客周转量8.49亿人公里。", []string{"2.89亿股", "59197卷", "53600台件", "8.49亿人公里"}},
		{"a rate per ten thousand vehicles", "道路交通事故万车死亡率1.8人/万辆。", []string{"1.8人/万辆"}},
		{"more bulletin measures", "家禽出笼2769.82万羽,锑浓度均值0.0033毫克/升,定级文物781件/套,惠及企业4,699家次。", []string{"2769.82万羽", "0.0033毫克/升", "781件/套", "4,699家次"}},
		{"a portal's weather forecast is chrome", "温度：24-30℃ 天气现象：阴天有暴雨 风向风速：偏东风3-4级\n年平均气温17.7℃。", []string{"17.7℃"}},
		{"pairs and groups", "国际友城达137对,6组10家省属国企实现重组,开展1对1帮扶和一对一服务,对接企业3组织。", []string{"137对", "6组", "10家"}},
		{"words 股 and 卷 start", "5股份制银行,3卷烟厂。", nil},
		{"门 after digits only", "电话交换机总容量2345万门,老年教育课程100门,三门峡市,金七门核电,3门诊部。", []string{"2345万门", "100门"}},
		{"a level below zero keeps its sign", "死亡率为5.69‰;自然增长率为-0.83‰,G-5高速,2020-2025年。", []string{"5.69‰", "-0.83‰"}},
		{"right after its name too", "死亡率8.44‰,自然增长率-2.12‰;本年收支结余-12,378万元。", []string{"8.44‰", "-2.12‰", "-12,378万元"}},
		{"measures of time are kept", "审批时限压缩至3天,平均受教育年限达到10.5年。", []string{"3天", "10.5年"}},
	} {
		got := mentionTexts(c.in)
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: %q\n got %q\nwant %q", c.family, c.in, got, c.want)
		}
	}
}

func TestQualifierOfMentions(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"企业减负超过700亿元", "over"},
		{"主营业务收入65亿元左右", "approx"},
		{"近300余人参会", "approx"},
		{"建成8500多个", "over"},
		{"不少于20万元", "over"},
		{"最高3000万元", "under"},
		{"近地化项目106个", ""},
		{"投入34.1亿元", ""},
	} {
		recs := Text("t", c.in)
		if len(recs) != 1 || recs[0].Qualifier != c.want {
			t.Errorf("%q: %+v, want qualifier %q", c.in, recs, c.want)
		}
	}
}

func TestRecordPointsAtSource(t *testing.T) {
	doc := "第一行\n  投入３４．１亿元和６.５％。\n"
	recs := Text("d.txt", doc)
	if len(recs) != 2 {
		t.Fatalf("got %+v", recs)
	}
	lines := strings.Split(doc, "\n")
	for _, r := range recs {
		line := []rune(lines[r.Line-1])
		if got := string(line[r.Col-1 : r.Col-1+len([]rune(r.Text))]); got != r.Text {
			t.Errorf("record %q at %d:%d points at %q", r.Text, r.Line, r.Col, got)
		}
	}
	if recs[0].Text != "３４．１亿元" || recs[0].Value.String() != "3410000000" || recs[0].Line != 2 || recs[0].Col != 5 {
		t.Errorf("first record %+v", recs[0])
	}
}

func TestListUnits(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string // text=value unit
	}{
		{"分别支持21、44项。", []string{"21=21项", "44项=44项"}},
		{"新增3个、5家。", []string{"3个=3个", "5家=5家"}},
		{"分别增长3、5亿元。", []string{"3=300000000元", "5亿元=500000000元"}},
		{"快于全国3.4个、1个百分点。", []string{"3.4个=3.4百分点", "1个百分点=1百分点"}},
		{"2021、2022年分别支持8项。", []string{"8项=8项"}},
	} {
		var got []string
		for _, r := range Text("t", c.in) {
			got = append(got, r.Text+"="+r.Value.String()+r.Unit)
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q: got %q, want %q", c.in, got, c.want)
		}
	}
}

// TestNextNumberStart: the skip stops at the first rune a number may start with (digits
// of both widths, a point, 半, any Chinese numeral) and at end, never past it.
func TestNextNumberStart(t *testing.T) {
	for _, c := range []struct {
		text   string
		i, end int
		want   int
	}{
		{"", 0, 0, 0},
		{"的的", 0, 2, 2},
		{"的的1", 0, 2, 2}, // end comes first
		{"增长5%", 0, 4, 2},
		{"约３成", 0, 3, 1},
		{"共.5", 0, 3, 1},
		{"半成", 0, 2, 0},
		{"一般", 0, 2, 2}, // a lone numeral: passed over
		{"一般", 1, 2, 2},
		{"一、", 0, 2, 0}, // a list's item
		{"统一", 0, 2, 2}, // at the end
		{"一元", 0, 2, 0},
		{"\r\n万元", 0, 3, 2},
		{"的的的的“的", 0, 6, 6},
		{"的的的的的的》的5", 0, 9, 8},
		{"\ufffd\U00010030七元", 0, 3, 2}, // a rune past the table whose low bits are '0'
		{"\xed\xa0\x80零元", 0, 4, 3},     // a lone surrogate in UTF-8: three invalid runes
	} {
		a := []rune(c.text)
		marks := quoteMarks{-1, -1}
		if got := nextNumberStart(a, c.i, c.end, &marks); got != c.want {
			t.Errorf("nextNumberStart(%q, %d, %d) = %d, want %d", c.text, c.i, c.end, got, c.want)
		}
	}
}

// TestNextNumberStartMatchesPlain: the skip eight runes a step stops where a look at every
// rune does and notes the last quotes and line breaks before it that the look sees, over
// random text of numerals, digits, points, quotes, line breaks, other runes and runes past
// the table (whose low 16 bits are a digit's or a quote's), at every start and end. The
// look passes over the numerals scanMentions steps past (lone): nextNumberStart passes
// over most of them too, and may stop only at such a numeral before the look's stop.
func TestNextNumberStartMatchesPlain(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	alphabet := []rune("的的的的的的的的的的，。、5５.半一万百分之般元 \n\ufffd\U00010030\U0001534a“」《〉\U0001201c\U0001000a")
	passed, left := 0, 0
	for range 5000 {
		a := make([]rune, rng.Intn(30))
		for k := range a {
			a[k] = alphabet[rng.Intn(len(alphabet))]
		}
		for i := 0; i <= len(a); i++ {
			for end := i; end <= len(a); end++ {
				got := checkNextNumberStart(t, a, i, end)
				if want, _ := nextNumberStartPlain(a, i, end); got < want {
					left++
				}
				for k := i; k < got; k++ {
					if units.MayStartNumber(a[k]) {
						passed++
					}
				}
			}
		}
	}
	if passed < 10000 || left == 0 {
		t.Errorf("%d lone numerals passed over, %d left to the caller: the test text no longer tries both", passed, left)
	}
}

// TestNextNumberStartOnCorpus: the skip stops where the look at every rune does over the
// test documents, from each stop's next rune on as scanMentions calls it, to the text's
// end and to ends at random (inside a block of eight, at its last rune, past it).
func TestNextNumberStartOnCorpus(t *testing.T) {
	rng := rand.New(rand.NewSource(4))
	stops := 0
	for _, d := range readTestdata(t, "corpus/*.txt") {
		a := []rune(string(d))
		for i := 0; i < len(a); i = checkNextNumberStart(t, a, i, len(a)) + 1 {
			stops++
			end := min(len(a), i+rng.Intn(40))
			checkNextNumberStart(t, a, i, end)
		}
	}
	if stops < 1000 {
		t.Errorf("%d stops in the corpus: too few to tell", stops)
	}
}

// checkNextNumberStart fails t unless nextNumberStart(a, i, end) stops where the plain
// look does, with the same marks, or before it at a numeral scanMentions steps past, and
// returns where it stops.
func checkNextNumberStart(t *testing.T, a []rune, i, end int) int {
	t.Helper()
	marks := quoteMarks{-1, -1}
	got := nextNumberStart(a, i, end, &marks)
	want, wantMarks := nextNumberStartPlain(a, i, end)
	if got < want && loneNumeralPlain(a, got) {
		_, wantMarks = nextNumberStartPlain(a, i, got) // the marks before it
		want = got
	}
	if got != want || marks != wantMarks {
		t.Fatalf("nextNumberStart(a, %d, %d) over %q = %d, marks %v, want %d, %v", i, end, string(a[i:end]), got, marks, want, wantMarks)
	}
	return got
}

// nextNumberStartPlain is nextNumberStart as a look at every rune, without tables.
func nextNumberStartPlain(a []rune, i, end int) (int, quoteMarks) {
	marks := quoteMarks{-1, -1}
	for k := i; k < end; k++ {
		r := a[k]
		if units.MayStartNumber(r) && !loneNumeralPlain(a, k) {
			return k, marks
		}
		if r == '\n' || titleQuotes.has(r) {
			marks.title = k
		}
		if r == '\n' || nameQuotes.has(r) {
			marks.name = k
		}
	}
	return end, marks
}

// loneNumeralPlain reports a numeral at a[k] that scanMentions steps past.
func loneNumeralPlain(a []rune, k int) bool {
	return units.LoneNumeralAt(a, k) && (k+1 == len(a) || a[k+1] != '、')
}

// BenchmarkFindMentions measures findMentions alone over the corpus's analysis text, for
// changes to it that the whole run's count would lose in its noise.
func BenchmarkFindMentions(b *testing.B) {
	var texts [][]rune
	size := 0
	for _, data := range readTestdata(b, "corpus/*.txt") {
		a := normalize.Normalize(textmap.Identity(cjk.Runes(string(data)))).Runes
		texts = append(texts, a)
		size += len(data)
	}
	b.SetBytes(int64(size))
	var buf []mention
	for b.Loop() {
		for _, a := range texts {
			buf = findMentions(a, buf, nil)
		}
	}
}

// TestMayEndBeforeMatchesLookups: where mayEndBefore says no, no list neverRecord asks
// about the words before a mention has one ending there; over every offset of the
// corpus's analysis text and of random text made of the lists' words, their runes, runes
// past the plane sharing a last rune's low bits, and others.
func TestMayEndBeforeMatchesLookups(t *testing.T) {
	check := func(a []rune) {
		t.Helper()
		for s := 0; s <= len(a); s++ {
			if mayEndBefore(a, s) {
				continue
			}
			for _, set := range beforeLists {
				if n := set.SuffixBefore(a, s); n > 0 {
					t.Fatalf("mayEndBefore(%q, %d) = false, but %q ends there", string(a), s, string(a[s-n:s]))
				}
			}
		}
	}
	for _, data := range readTestdata(t, "corpus/*.txt") {
		check(analysisText(textmap.Identity([]rune(string(data)))).Runes)
	}
	var words []string
	var alphabet []rune
	for _, set := range beforeLists {
		for _, w := range set.Words() {
			words = append(words, w)
			for _, r := range w {
				alphabet = append(alphabet, r, r+0x10000)
			}
		}
	}
	alphabet = append(alphabet, []rune("三5年、的\n")...)
	rng := rand.New(rand.NewSource(1))
	for range 5000 {
		var a []rune
		for len(a) < 1+rng.Intn(20) {
			if rng.Intn(3) == 0 {
				a = append(a, []rune(words[rng.Intn(len(words))])...)
			} else {
				a = append(a, alphabet[rng.Intn(len(alphabet))])
			}
		}
		check(a)
	}
}

// TestMentionKeepsQualifierBefore checks what attribution reads instead of asking again:
// each mention's qualifierBefore is units.QualifierBefore at its start, after findMentions'
// shareListQualifiers, over the
// corpus and odd sentences where a qualifier touches a number or stands apart from it.
func TestMentionKeepsQualifierBefore(t *testing.T) {
	texts := []string{
		"约3%、超过5万元,不超过项目投资额的30%,最多遴选100名,近5年,最近3年增长约2%左右。",
		"分别超过2%、5%;分别控制在3%、5%以内;8500多个,力争达到10亿元以上。",
	}
	for _, d := range readTestdata(t, "corpus/*.txt") {
		texts = append(texts, string(d))
	}
	with := 0
	for _, s := range texts {
		a := []rune(s)
		for _, m := range findMentions(a, nil, nil) {
			q, qs := units.QualifierBefore(a, m.Start)
			if gq, gqs := m.qualifierBefore(); gq != q || gqs != qs {
				t.Fatalf("%q: qualifier before %q at %d, want %q at %d", string(a[m.Start:m.End]), gq, gqs, q, qs)
			}
			if q != units.NoQualifier {
				with++
			}
		}
	}
	if with < 20 {
		t.Fatalf("only %d mentions with a qualifier before them", with)
	}
}

// TestSkippedChangeNothing: findMentions finds the same mentions whether the scan leaves
// out the numbers droppedAt tells (skipDropped) or scans and drops them, over the
// corpus's analysis text and random text of years, numerals before units, ranges, rates,
// lists, ranks and quotes around them; and every number left out is one the scan reads
// to the same end and neverRecord drops.
func TestSkippedChangeNothing(t *testing.T) {
	skipped := 0
	check := func(a []rune) {
		t.Helper()
		for i := range a {
			digit := cjk.IsDigit(a[i])
			if !mayDrop(a, i, digit) {
				continue
			}
			end, ok := droppedAt(a, i, digit)
			if !ok {
				continue
			}
			skipped++
			var m mention
			if !units.ScanInto(a, i, &m.Match) || m.End != end || neverRecord(a, &m, false) == "" || neverRecord(a, &m, true) == "" {
				t.Fatalf("droppedAt(%q, %d) = %d, but the scan reads %q, a record", string(a), i, end, string(a[i:max(i, m.End)]))
			}
		}
		got := findMentions(a, nil, nil)
		skipDropped = false
		want := findMentions(a, nil, nil)
		skipDropped = true
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: findMentions with numbers skipped\n%+v\nscanned\n%+v", string(a), got, want)
		}
	}
	for _, data := range readTestdata(t, "corpus/*.txt") {
		check(normalize.Normalize(textmap.Identity(cjk.Runes(string(data)))).Runes)
	}
	words := []string{"2016年", "2014年-2016年", "2016年～2014年", "2020年至2025年", "1999年", "0999年", "2016年代", "2016年/人",
		"一个", "一名", "一位", "二类", "第二次", "十二次", "零件", "〇年", "五年", "三个月", "十分", "三门", "三项", "一成", "一个/人",
		"三年-五年", "一至三年", "一多个", "十四五", "一 个", "两年", "一年级",
		"10", "20名", "、", "排名", "第", "位", "连续", "个百分点", "3.4个", "5万元", "约", "以上", "“", "”", "《", "》", "的", "，", "\n"}
	rng := rand.New(rand.NewSource(8))
	for range 30000 {
		var b strings.Builder
		for range 1 + rng.Intn(10) {
			b.WriteString(words[rng.Intn(len(words))])
		}
		check([]rune(b.String()))
	}
	if skipped < 30000 {
		t.Errorf("only %d numbers skipped: the test text no longer tries the fast path", skipped)
	}
}
