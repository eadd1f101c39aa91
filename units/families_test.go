package units

import "testing"

// familyCases are the numerals of issue 15, one family a table: each reads exactly, and
// the refusals next to them stay refusals.
var familyCases = map[string]struct {
	read    []parseCase
	refused []string
}{
	"零 before a bare 十": {
		read: []parseCase{
			{in: "一千零十二", value: "1012"},
			{in: "一万零十二", value: "10012"},
			{in: "一百零一万一千", value: "1011000"},
			{in: "一百零一万零三千零十二", value: "1013012"},
			{in: "一千零十", value: "1010"},
			{in: "十万零十五", value: "100015"},
			{in: "三亿零十", value: "300000010"},
			{in: "一千零十二元", value: "1012", unit: "元"},
		},
		refused: []string{"零十", "一百十", "一千零百", "零十二万"},
	},
	"Arabic digits in a Chinese scale chain": {
		read: []parseCase{
			{in: "5万4千6百", value: "54600"},
			{in: "25万6千", value: "256000"},
			{in: "3万4000", value: "34000"},
			{in: "1千零20", value: "1020"},
			{in: "5亿1万4千6百", value: "500014600"},
			{in: "1亿2千万", value: "120000000"},
			{in: "5千6百万元", value: "56000000", unit: "元"},
			{in: "2500万3000人", value: "25003000", unit: "人"},
			{in: "1万零500", value: "10500"},
			{in: "3万4000元", value: "34000", unit: "元", text: "3万4000元"},
			{in: "约5万4千人", value: "54000", unit: "人", qualifier: Approx},
		},
		// 1万5 is an abbreviation in Chinese but ambiguous in digits; 390万65 and 10万 2019
		// are two numbers.
		refused: []string{"1万5", "2千5", "390万65", "3万 4000", "10万 2019年", "3万05", "3万4.5", "1,000万5千"},
	},
	"余 and 几 inside a numeral": {
		read: []parseCase{
			{in: "十余万", value: "100000", qualifier: Over},
			{in: "五百余万", value: "5000000", qualifier: Over},
			{in: "二十几万", value: "200000", qualifier: Over},
			{in: "一百零几万", value: "1000000", qualifier: Over},
			{in: "十几个", value: "10", unit: "个", qualifier: Over},
			{in: "三十余万元", value: "300000", unit: "元", qualifier: Over, text: "三十余万元"},
			{in: "二十幾萬人", value: "200000", unit: "人", qualifier: Over},
		},
		refused: []string{"几万", "几十万", "一百几十万", "几", "余万"},
	},
	"negative numbers": {
		read: []parseCase{
			{in: "负三十二", value: "-32", text: "负三十二"},
			{in: "-10000", value: "-10000", text: "-10000"},
			{in: "负四十五亿零四百零四万", value: "-4504040000"},
			{in: "−0.7", value: "-0.7"},
			{in: "－0.7", value: "-0.7"},
			{in: "-3.5%", value: "-3.5", unit: "%"},
			{in: "负0.5个百分点", value: "-0.5", unit: "百分点"},
			{in: "负百分之五", value: "-5", unit: "%"},
			{in: "-1,000", value: "-1000"},
			{in: "+3.5", value: "3.5"},
			{in: "约-2%", value: "-2", unit: "%", qualifier: Approx, text: "-2%"},
		},
		refused: []string{"负", "-", "负增长", "-3-5", "--5", "负负三", "-元"},
	},
	"spaces inside a numeral": {
		read: []parseCase{
			{in: "一百 五 十 二", value: "152"},
			{in: "7万 5千 4百", value: "75400"},
			{in: "十 余 万", value: "100000", qualifier: Over},
			{in: "一百五十    个百分点", value: "150", unit: "百分点"},
			{in: "2479.6 亿元", value: "247960000000", unit: "元", text: "2479.6 亿元"},
			{in: "6.5 %", value: "6.5", unit: "%"},
			{in: "三 千瓦", value: "3", unit: "千瓦"},
			{in: "8500 多 个", value: "8500", unit: "个", qualifier: Over},
			{in: "二 十 几 万", value: "200000", qualifier: Over},
			{in: "5 万4千", value: "54000"},
			{in: "一\u3000千", value: "1000"},
			{in: "六千五百八 十七   万一千 三百零八", value: "65871308"}, // 万一 is no idiom here
			{in: "6十  万", value: "600000"},
		},
		refused: []string{"2016 2017", "第3 5项", "3 5项", "二十 三十", "一 二 三", "二〇 二三", "一百\n五十"},
	},
	"Chinese decimals with big units in the integer part": {
		read: []parseCase{
			{in: "一万二千三百四十五点六七", value: "12345.67"},
			{in: "三万五千点二", value: "35000.2"},
			{in: "十一点二万", value: "112000"},
			{in: "负一亿零五十点五", value: "-100000050.5"},
		},
		refused: []string{"一亿点五", "万点五", "一万点五万", "一万二点五"},
	},
	"percent and its relatives": {
		read: []parseCase{
			{in: "百分之一百", value: "100", unit: "%"},
			{in: "百分之一百二十点五", value: "120.5", unit: "%"},
			{in: "百分之百", value: "100", unit: "%"},
			{in: "百分之零点五", value: "0.5", unit: "%"},
			{in: "千分之一", value: "1", unit: "‰", text: "千分之一"},
			{in: "万分之三", value: "3", unit: "‱", text: "万分之三"},
			{in: "萬分之五", value: "5", unit: "‱"},
			{in: "3‱", value: "3", unit: "‱"},
			{in: "三成半", value: "35", unit: "%", text: "三成半"},
			{in: "半成", value: "5", unit: "%"},
			{in: "近三成半", value: "35", unit: "%", qualifier: Approx},
			{in: ".5", value: "0.5"},
			{in: ".5%", value: "0.5", unit: "%"},
		},
		refused: []string{"半", "半年", "成半", "万分之", "半成品", "..5", "百分之一百十", "三成半导体", "三成半年"},
	},
}

func TestFamilies(t *testing.T) {
	for name, fam := range familyCases {
		for _, c := range fam.read {
			q, err := Parse(c.in)
			switch {
			case err != nil:
				t.Errorf("%s: Parse(%q): %v", name, c.in, err)
			case q.Value.String() != c.value || q.Unit != c.unit || q.Qualifier != c.qualifier:
				t.Errorf("%s: Parse(%q) = %v %q %q, want %s %q %q", name, c.in, q.Value, q.Unit, q.Qualifier, c.value, c.unit, c.qualifier)
			case c.text != "" && q.Text != c.text:
				t.Errorf("%s: Parse(%q).Text = %q, want %q", name, c.in, q.Text, c.text)
			}
		}
		for _, in := range fam.refused {
			if q, err := Parse(in); err == nil {
				t.Errorf("%s: Parse(%q) = %v %q, want a refusal", name, in, q.Value, q.Unit)
			}
		}
	}
}

// TestScanSpacesInText: in running text a quantity spans the spaces inside it, never the
// spaces between two numbers, and a hyphen is never read as a sign.
func TestScanSpacesInText(t *testing.T) {
	for _, c := range []struct {
		text, at, want, unit string
	}{
		{"实现收入 2479.6 亿元，增长", "2479", "2479.6 亿元", "元"},
		{"以全省 100 个县为基础", "100", "100 个", "个"},
		{"为390万65岁以上老年人", "390", "390万", ""},
		{"2016 2017年", "2016", "2016", ""},
		{"第3 5项", "3", "3", ""},
		{"增长百分之一百 二十", "百", "百分之一百 二十", "%"},
		{"约 一百五十    个百分点。", "一", "一百五十    个百分点", "百分点"},
		{"下降-5%", "5", "5%", "%"},
		{"2000-3000片", "2000", "2000-3000片", "片"},
		{"生产十万零件", "十", "十万", ""},
		{"增长.5%", ".", ".5%", "%"},
		{"全市 5万4千6百 人", "5", "5万4千6百 人", "人"},
		{"收入 10万 2019年", "10", "10万", ""},
		{"共 二十 三十 个", "二", "二十", ""},
		{"一百\n五十个", "一", "一百", ""},
	} {
		rs := []rune(c.text)
		at := indexRunes(rs, []rune(c.at))
		m, ok := Scan(rs, at)
		got := ""
		if ok {
			got = string(rs[m.Start:m.End])
		}
		if got != c.want || ok && m.Unit != c.unit {
			t.Errorf("Scan(%q at %q) = %q %q, want %q %q", c.text, c.at, got, m.Unit, c.want, c.unit)
		}
	}
	if rs := []rune("v2.5版"); NumberStartsAt(rs, 2) {
		t.Errorf("the point of v2.5 starts a number")
	}
}

// TestRatesPerScaledUnit: a rate per a hundred, thousand or ten thousand of something
// (路网密度120公里/百平方公里, 138.2部/百人, 能耗0.5吨标准煤/万元) keeps its whole unit.
func TestRatesPerScaledUnit(t *testing.T) {
	for _, tc := range []struct{ in, value, unit string }{
		{"120公里/百平方公里", "120", "公里/百平方公里"},
		{"138.2部/百人", "138.2", "部/百人"},
		{"0.5吨标准煤/万元", "0.5", "吨标准煤/万元"},
		{"6.5张/千人", "6.5", "张/千人"},
		{"3元/吨", "3", "元/吨"},
	} {
		q, err := Parse(tc.in)
		if err != nil || q.Value.String() != tc.value || q.Unit != tc.unit {
			t.Errorf("Parse(%q) = %v %q, %v; want %s %q", tc.in, q.Value, q.Unit, err, tc.value, tc.unit)
		}
	}
	if q, err := Parse("5千人"); err != nil || q.Unit != "人" || q.Value.String() != "5000" {
		t.Errorf("5千人 = %v %q %v: a scale word alone is no rate", q.Value, q.Unit, err)
	}
}
