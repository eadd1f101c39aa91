package units

import (
	"strings"
	"testing"
)

type parseCase struct {
	in        string
	value     string
	unit      string
	qualifier Qualifier
	upper     string // "" when not a range
	text      string // "" means the phrase less its qualifier words is not checked
}

// parseCases covers every form of SPEC.md §2 and of the units issue. Values are written as
// the plain decimal strings the tool prints.
var parseCases = []parseCase{
	// Arabic numerals.
	{in: "19556", value: "19556"},
	{in: "0", value: "0"},
	{in: "7", value: "7"},
	{in: "1,035.5", value: "1035.5"},
	{in: "1,000,000", value: "1000000"},
	{in: "12,345", value: "12345"},
	{in: "3.14159", value: "3.14159"},
	{in: "0.5", value: "0.5"},
	{in: "0.05", value: "0.05"},
	{in: "100.0", value: "100"},
	{in: "１２３４", value: "1234"},
	{in: "１２．５", value: "12.5"},
	{in: "２０２６年", value: "2026", unit: "年"},
	{in: "007", value: "7"},
	// Chinese numerals.
	{in: "零", value: "0"},
	{in: "〇", value: "0"},
	{in: "一", value: "1"},
	{in: "二", value: "2"},
	{in: "两", value: "2"},
	{in: "兩", value: "2"},
	{in: "三", value: "3"},
	{in: "九", value: "9"},
	{in: "十", value: "10"},
	{in: "十五", value: "15"},
	{in: "一十五", value: "15"},
	{in: "二十", value: "20"},
	{in: "二十一", value: "21"},
	{in: "九十九", value: "99"},
	{in: "一百", value: "100"},
	{in: "一百零八", value: "108"},
	{in: "一百一十", value: "110"},
	{in: "两百", value: "200"},
	{in: "三百五十", value: "350"},
	{in: "一千", value: "1000"},
	{in: "三千", value: "3000"},
	{in: "一千零一", value: "1001"},
	{in: "一千零一十", value: "1010"},
	{in: "两千三百", value: "2300"},
	{in: "九千九百九十九", value: "9999"},
	{in: "一万", value: "10000"},
	{in: "两万", value: "20000"},
	{in: "十万", value: "100000"},
	{in: "十万零一十", value: "100010"},
	{in: "一百万", value: "1000000"},
	{in: "两千三百万", value: "23000000"},
	{in: "三千五百六十七万八千九百", value: "35678900"},
	{in: "一亿", value: "100000000"},
	{in: "一亿零五百万", value: "105000000"},
	{in: "一亿零一", value: "100000001"},
	{in: "十亿", value: "1000000000"},
	{in: "五十亿", value: "5000000000"},
	{in: "一万亿", value: "1000000000000"},
	{in: "三万五千亿", value: "3500000000000"},
	{in: "一千二百三十四万五千六百七十八亿九千零一十二万三千四百五十六", value: "1234567890123456"},
	{in: "一万五", value: "15000"},
	{in: "两千三", value: "2300"},
	{in: "一百五", value: "150"},
	{in: "一亿五", value: "150000000"},
	// 点 decimals.
	{in: "六点五", value: "6.5"},
	{in: "零点五", value: "0.5"},
	{in: "十一点二", value: "11.2"},
	{in: "十一点二万", value: "112000"},
	{in: "三点一四", value: "3.14"},
	{in: "一点二万亿", value: "1200000000000"},
	{in: "六点五亿", value: "650000000"},
	// Financial and traditional forms.
	{in: "壹", value: "", unit: ""}, // refused: alone it is a word
	{in: "壹拾", value: "10"},
	{in: "壹佰", value: "100"},
	{in: "壹佰贰拾", value: "120"},
	{in: "叁仟肆佰伍拾陆", value: "3456"},
	{in: "玖万捌仟", value: "98000"},
	{in: "柒亿", value: "700000000"},
	{in: "两萬", value: "20000"},
	{in: "三億", value: "300000000"},
	{in: "兩千萬", value: "20000000"},
	{in: "貳拾", value: "20"},
	// Mixed Arabic and scale words.
	{in: "3.5亿", value: "350000000"},
	{in: "1.2万亿", value: "1200000000000"},
	{in: "5千万", value: "50000000"},
	{in: "5千", value: "5000"},
	{in: "3百", value: "300"},
	{in: "2十", value: "20"},
	{in: "8十万", value: "800000"},
	{in: "5百万", value: "5000000"},
	{in: "4十亿", value: "4000000000"},
	{in: "2百亿", value: "20000000000"},
	{in: "3千亿", value: "300000000000"},
	{in: "18.1万", value: "181000"},
	{in: "34.1亿", value: "3410000000"},
	{in: "0.01亿", value: "1000000"},
	{in: "2萬", value: "20000"},
	{in: "1.55億", value: "155000000"},
	{in: "１．２万", value: "12000"},
	// Bare scale words.
	{in: "十万", value: "100000"},
	{in: "百亿", value: "10000000000"},
	{in: "千亿", value: "100000000000"},
	{in: "万亿", value: "1000000000000"},
	{in: "百万", value: "1000000"},
	{in: "千万", value: "10000000"},
	{in: "百", value: "100"},
	{in: "千", value: "1000"},
	// Money.
	{in: "34.1亿元", value: "3410000000", unit: "元", text: "34.1亿元"},
	{in: "3.5亿元", value: "350000000", unit: "元"},
	{in: "2560万元", value: "25600000", unit: "元"},
	{in: "9.5万亿元", value: "9500000000000", unit: "元"},
	{in: "1035.5亿元", value: "103550000000", unit: "元"},
	{in: "100元", value: "100", unit: "元"},
	{in: "100块", value: "100", unit: "元"},
	{in: "5亿人民币", value: "500000000", unit: "元"},
	{in: "5亿元人民币", value: "500000000", unit: "元"},
	{in: "百亿美元", value: "10000000000", unit: "美元"},
	{in: "3亿美元", value: "300000000", unit: "美元"},
	{in: "20亿港元", value: "2000000000", unit: "港元"},
	{in: "1.5亿欧元", value: "150000000", unit: "欧元"},
	{in: "800万日元", value: "8000000", unit: "日元"},
	{in: "2000萬元", value: "20000000", unit: "元"},
	{in: "5億元", value: "500000000", unit: "元"},
	{in: "壹佰贰拾万元", value: "1200000", unit: "元"},
	{in: "三千元", value: "3000", unit: "元"},
	{in: "两亿元", value: "200000000", unit: "元"},
	// Percent and relatives.
	{in: "6.5%", value: "6.5", unit: "%"},
	{in: "6.5％", value: "6.5", unit: "%"},
	{in: "80%", value: "80", unit: "%"},
	{in: "100.8%", value: "100.8", unit: "%"},
	{in: "百分之六点五", value: "6.5", unit: "%", text: "百分之六点五"},
	{in: "百分之五", value: "5", unit: "%"},
	{in: "百分之百", value: "100", unit: "%"},
	{in: "百分之6.5", value: "6.5", unit: "%"},
	{in: "百分之二十", value: "20", unit: "%"},
	{in: "9成", value: "90", unit: "%", text: "9成"},
	{in: "六成", value: "60", unit: "%"},
	{in: "八成以上", value: "80", unit: "%", qualifier: Over},
	{in: "5‰", value: "5", unit: "‰"},
	{in: "千分之五", value: "5", unit: "‰"},
	{in: "0.5个百分点", value: "0.5", unit: "百分点", text: "0.5个百分点"},
	{in: "1.2个百分点", value: "1.2", unit: "百分点"},
	{in: "2百分点", value: "2", unit: "百分点"},
	{in: "五个百分点", value: "5", unit: "百分点"},
	{in: "0.3個百分點", value: "0.3", unit: "百分点"},
	{in: "2.5倍", value: "2.5", unit: "倍"},
	{in: "两倍", value: "2", unit: "倍"},
	// Counts with measure words.
	{in: "2823家", value: "2823", unit: "家"},
	{in: "350万户", value: "3500000", unit: "户"},
	{in: "1144个", value: "1144", unit: "个"},
	{in: "14位", value: "14", unit: "位"},
	{in: "21条", value: "21", unit: "条"},
	{in: "52项", value: "52", unit: "项"},
	{in: "10人", value: "10", unit: "人"},
	{in: "47.8万人次", value: "478000", unit: "人次"},
	{in: "20名", value: "20", unit: "名"},
	{in: "526件", value: "526", unit: "件"},
	{in: "6支", value: "6", unit: "支"},
	{in: "2000片", value: "2000", unit: "片"},
	{in: "30座", value: "30", unit: "座"},
	{in: "12所", value: "12", unit: "所"},
	{in: "500辆", value: "500", unit: "辆"},
	{in: "300台", value: "300", unit: "台"},
	{in: "100套", value: "100", unit: "套"},
	{in: "3批", value: "3", unit: "批"},
	{in: "30场", value: "30", unit: "场"},
	{in: "4次", value: "4", unit: "次"},
	{in: "30篇", value: "30", unit: "篇"},
	{in: "21份", value: "21", unit: "份"},
	{in: "16处", value: "16", unit: "处"},
	{in: "50只", value: "50", unit: "只"},
	{in: "100头", value: "100", unit: "头"},
	{in: "1萬多張", value: "10000", unit: "张", qualifier: Over, text: "1萬多張"},
	{in: "5部", value: "5", unit: "部"},
	{in: "10款", value: "10", unit: "款"},
	{in: "16800种", value: "16800", unit: "种"},
	{in: "3类", value: "3", unit: "类"},
	{in: "12例", value: "12", unit: "例"},
	{in: "8宗", value: "8", unit: "宗"},
	{in: "5艘", value: "5", unit: "艘"},
	{in: "20架", value: "20", unit: "架"},
	{in: "6趟", value: "6", unit: "趟"},
	{in: "3列", value: "3", unit: "列"},
	{in: "200间", value: "200", unit: "间"},
	{in: "12栋", value: "12", unit: "栋"},
	{in: "14個", value: "14", unit: "个"},
	{in: "706項", value: "706", unit: "项"},
	{in: "13條", value: "13", unit: "条"},
	{in: "两个", value: "2", unit: "个"},
	{in: "十个", value: "10", unit: "个"},
	{in: "千家", value: "1000", unit: "家"},
	// Physical quantities.
	{in: "6422亩", value: "6422", unit: "亩"},
	{in: "500公顷", value: "500", unit: "公顷"},
	{in: "10万平方米", value: "100000", unit: "平方米"},
	{in: "2049万平方米", value: "20490000", unit: "平方米"},
	{in: "5平方公里", value: "5", unit: "平方公里"},
	{in: "120公里", value: "120", unit: "公里"},
	{in: "3千米", value: "3", unit: "千米"},
	{in: "7846万米", value: "78460000", unit: "米"},
	{in: "5000吨", value: "5000", unit: "吨"},
	{in: "1302万吨标准煤", value: "13020000", unit: "吨标准煤"},
	{in: "18.1万千瓦", value: "181000", unit: "千瓦"},
	{in: "300万千瓦时", value: "3000000", unit: "千瓦时"},
	{in: "100吉瓦时", value: "100", unit: "吉瓦时"}, // not 吉瓦 and a stray 时
	{in: "256.7亿千瓦小时", value: "25670000000", unit: "千瓦小时"},
	{in: "89.03万头只", value: "890300", unit: "头只"},
	{in: "13021人日", value: "13021", unit: "人日"},
	{in: "2944.58万重量箱", value: "29445800", unit: "重量箱"},
	{in: "120兆瓦", value: "120", unit: "兆瓦"},
	{in: "三千瓦", value: "3", unit: "千瓦"},
	{in: "1.2亿立方米", value: "120000000", unit: "立方米"},
	{in: "2500万标准箱", value: "25000000", unit: "标准箱"},
	{in: "2829.60标台", value: "2829.6", unit: "标台"},
	{in: "200所以上", value: "200", unit: "所", qualifier: Over},
	{in: "22亿方", value: "2200000000", unit: "方"},
	{in: "100BPs", value: "100", unit: "BPs"},
	{in: "7104.95万吉焦", value: "71049500", unit: "吉焦"},
	{in: "50个基点", value: "50", unit: "基点"},
	{in: "2000多亿方", value: "200000000000", unit: "方", qualifier: Over},
	{in: "50千克", value: "50", unit: "千克"},
	{in: "3年", value: "3", unit: "年"},
	{in: "15天", value: "15", unit: "天"},
	{in: "24小时", value: "24", unit: "小时"},
	{in: "6个月", value: "6", unit: "个月"},
	{in: "3个工作日", value: "3", unit: "工作日"},
	{in: "79.5岁", value: "79.5", unit: "岁"},
	// Rates per another unit.
	{in: "2000片每月", value: "2000", unit: "片/月"},
	{in: "300元/人", value: "300", unit: "元/人"},
	{in: "331元/人/月", value: "331", unit: "元/人/月"},
	{in: "700元/人·年", value: "700", unit: "元/人/年"},
	{in: "25元/亩/年", value: "25", unit: "元/亩/年"},
	{in: "740元/月/人", value: "740", unit: "元/月/人"},
	{in: "10.7万千升", value: "107000", unit: "千升"},
	{in: "30.1亿标准量", value: "3010000000", unit: "标准量"},
	{in: "500元/吨", value: "500", unit: "元/吨"},
	{in: "10万元/年", value: "100000", unit: "元/年"},
	{in: "1.2万元每亩", value: "12000", unit: "元/亩"},
	// Qualifiers touching the number.
	{in: "约34.1亿元", value: "3410000000", unit: "元", qualifier: Approx, text: "34.1亿元"},
	{in: "大约300人", value: "300", unit: "人", qualifier: Approx},
	{in: "近4万项", value: "40000", unit: "项", qualifier: Approx, text: "4万项"},
	{in: "将近5000家", value: "5000", unit: "家", qualifier: Approx},
	{in: "接近50%", value: "50", unit: "%", qualifier: Approx},
	{in: "65亿元左右", value: "6500000000", unit: "元", qualifier: Approx, text: "65亿元"},
	{in: "5%上下", value: "5", unit: "%", qualifier: Approx},
	{in: "300人前后", value: "300", unit: "人", qualifier: Approx},
	{in: "超700亿元", value: "70000000000", unit: "元", qualifier: Over},
	{in: "超过700亿元", value: "70000000000", unit: "元", qualifier: Over},
	{in: "逾100家", value: "100", unit: "家", qualifier: Over},
	{in: "70%以上", value: "70", unit: "%", qualifier: Over},
	{in: "8500多个", value: "8500", unit: "个", qualifier: Over, text: "8500多个"},
	{in: "300余人", value: "300", unit: "人", qualifier: Over, text: "300余人"},
	{in: "4000余項", value: "4000", unit: "项", qualifier: Over},
	{in: "10多万人", value: "100000", unit: "人", qualifier: Over},
	{in: "二十多万人", value: "200000", unit: "人", qualifier: Over},
	{in: "不少于20万元", value: "200000", unit: "元", qualifier: Over},
	{in: "不低于62%", value: "62", unit: "%", qualifier: Over},
	{in: "至少2次", value: "2", unit: "次", qualifier: Over},
	{in: "最低1000元", value: "1000", unit: "元", qualifier: Over},
	{in: "突破700家", value: "700", unit: "家", qualifier: Over},
	{in: "不到10%", value: "10", unit: "%", qualifier: Under},
	{in: "不足5000人", value: "5000", unit: "人", qualifier: Under},
	{in: "5%以下", value: "5", unit: "%", qualifier: Under},
	{in: "3%以内", value: "3", unit: "%", qualifier: Under},
	{in: "低于2%", value: "2", unit: "%", qualifier: Under},
	{in: "不超过50万元", value: "500000", unit: "元", qualifier: Under},
	{in: "最高3000万元", value: "30000000", unit: "元", qualifier: Under},
	{in: "最多100名", value: "100", unit: "名", qualifier: Under},
	{in: "近300余人", value: "300", unit: "人", qualifier: Approx},
	// Ranges.
	{in: "2000-3000", value: "2000", upper: "3000"},
	{in: "2000至3000", value: "2000", upper: "3000"},
	{in: "2000～3000", value: "2000", upper: "3000"},
	{in: "2000~3000", value: "2000", upper: "3000"},
	{in: "2000-3000片每月", value: "2000", unit: "片/月", upper: "3000", text: "2000-3000片每月"},
	{in: "约2000-3000片每月", value: "2000", unit: "片/月", upper: "3000", qualifier: Approx},
	{in: "3-5万元", value: "30000", unit: "元", upper: "50000"},
	{in: "3万-5万元", value: "30000", unit: "元", upper: "50000"},
	{in: "20%-30%", value: "20", unit: "%", upper: "30"},
	{in: "三至五年", value: "3", unit: "年", upper: "5"},
	{in: "三至五万", value: "30000", upper: "50000"},
	{in: "1.5-2倍", value: "1.5", unit: "倍", upper: "2"},
}

// refused are phrases that are not quantities.
var refused = []string{
	"3方", "5方合作", // 方 is a unit only after a scale word
	"", "  ", "亿", "万", "一批", "千方百计", "统一", "一体化", "一系列", "万众一心", "一站式",
	"十四五", "十三五", "二〇二三", "一二三", "三五", "元", "元/人", "个", "abc", "5G",
	"3D打印", "陆家", "伍", "壹", "亿亿", "万万", "十十", "一百十", "百分之", "两个维护", "四个全面",
	"千家万户", "一张蓝图", "一年来", "3.5.6", "12abc", "百分之5万", "千头万绪",
}

func TestParse(t *testing.T) {
	for _, c := range parseCases {
		q, err := Parse(c.in)
		if c.value == "" {
			if err == nil {
				t.Errorf("Parse(%q) = %v %q, want an error", c.in, q.Value, q.Unit)
			}
			continue
		}
		if err != nil {
			t.Errorf("Parse(%q): %v", c.in, err)
			continue
		}
		if got := q.Value.String(); got != c.value {
			t.Errorf("Parse(%q).Value = %s, want %s", c.in, got, c.value)
		}
		if q.Unit != c.unit {
			t.Errorf("Parse(%q).Unit = %q, want %q", c.in, q.Unit, c.unit)
		}
		if q.Qualifier != c.qualifier {
			t.Errorf("Parse(%q).Qualifier = %q, want %q", c.in, q.Qualifier, c.qualifier)
		}
		if c.upper == "" && q.HasUpper {
			t.Errorf("Parse(%q) is a range up to %v, want a single value", c.in, q.Upper)
		}
		if c.upper != "" && (!q.HasUpper || q.Upper.String() != c.upper) {
			t.Errorf("Parse(%q).Upper = %v (range %v), want %s", c.in, q.Upper, q.HasUpper, c.upper)
		}
		if c.text != "" && q.Text != c.text {
			t.Errorf("Parse(%q).Text = %q, want %q", c.in, q.Text, c.text)
		}
		if q.Unit != "" && !IsCanonicalUnit(q.Unit) {
			t.Errorf("Parse(%q).Unit = %q is not in the canonical lexicon", c.in, q.Unit)
		}
	}
	if n := len(parseCases) + len(refused); n < 200 {
		t.Errorf("only %d cases; the table should cover at least 200", n)
	}
}

func TestParseRefuses(t *testing.T) {
	for _, in := range refused {
		if q, err := Parse(in); err == nil {
			t.Errorf("Parse(%q) = %v %q, want an error", in, q.Value, q.Unit)
		} else if in != "" && strings.TrimSpace(in) != "" && !strings.Contains(err.Error(), in) {
			t.Errorf("Parse(%q) error %q does not name the phrase", in, err)
		}
	}
}

// TestSpecUnits: every unit word SPEC.md §2 lists is read as itself after a number.
func TestSpecUnits(t *testing.T) {
	spec := "家 户 个 项 人 人次 名 位 条 件 支 片 座 所 辆 台 套 批 场 次 篇 份 处 只 头 张 部 款 种 类 例 宗 艘 架 趟 班 列 间 栋 亩 公顷 平方米 平方公里 公里 千米 米 吨 吨标准煤 千瓦 千瓦时 兆瓦 立方米 标准箱 年 天 小时 元 美元 港元 欧元 日元 % ‰ 百分点 倍"
	for _, u := range strings.Fields(spec) {
		q, err := Parse("3" + u)
		if err != nil || q.Unit != u || q.Value.String() != "3" {
			t.Errorf("Parse(3%s) = %v %q, %v; want 3 %q", u, q.Value, q.Unit, err, u)
		}
	}
}
