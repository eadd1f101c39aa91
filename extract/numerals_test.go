package extract

import (
	"reflect"
	"testing"
)

// TestNumeralForms: numerals as people and PDFs write them (issue 15) are records whose
// text spans the spaces inside them, and two numbers are never joined.
func TestNumeralForms(t *testing.T) {
	for _, c := range []struct {
		family, in string
		want       []string
	}{
		{"spaces before a scale word or unit", "实现收入 2479.6 亿元，增长 6.5 %。", []string{"2479.6 亿元", "6.5 %"}},
		{"零十, mixed scripts, 余 and 几", "新增企业一千零十二家，就业5万4千6百人，惠及十余万户、二十几万人。", []string{"一千零十二家", "5万4千6百人", "十余万户", "二十几万人"}},
		{"per ten thousand and tenths", "不良率万分之三，覆盖率三成半。", []string{"万分之三", "三成半"}},
		{"半 after 成", "占比分别为两、三成半，全省三成半导体企业。", []string{"两", "三成半", "三成"}},
		{"a hyphen is no sign in running text", "利润下降-5%。", []string{"5%"}},
		{"two numbers stay two", "为390万65岁以上老年人免费体检。", []string{"65岁"}},
	} {
		if got := mentionTexts(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: %q\n got %q\nwant %q", c.family, c.in, got, c.want)
		}
	}
}
