package extract

import "testing"

// TestCleanLabel: a row label loses its item number and table prefixes, and nothing else.
func TestCleanLabel(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"7.下级上解收入", "下级上解收入"}, // the character after the number is the label's
		{"12、社会保险待遇支出", "社会保险待遇支出"},
		{"1.1.粮食播种面积", "粮食播种面积"}, // a numbered sub-item
		{"（二）政府性基金预算收入", "政府性基金预算收入"},
		{"一、税收收入", "税收收入"},
		{"①教育支出", "教育支出"},
		{"其中：增值税", "增值税"},
		{"＃住宅", "住宅"},
		{"3.5级以上地震", "3.5级以上地震"}, // a decimal, not item 3
		{"其他收入", "其他收入"},
		{"5G基站", "5G基站"},
		{"支 出 合 计", "支出合计"}, // letter-spaced to fill its cell
		{"R&D 经费", "R&D 经费"},
	} {
		if got := cleanLabel(c.in); got != c.want {
			t.Errorf("cleanLabel(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestUnitIn(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"单位：万元", "万元"},
		{"产量（万吨）", "万吨"},
		{"2025年乙市地方政府债务投向情况表单位：万元政府债务2025年增减变化", "万元"}, // a caption run into a header
		{"单位:亿元", "亿元"},
		{"预算数", ""},
	} {
		if got := unitIn(c.in); got != c.want {
			t.Errorf("unitIn(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestCaptionConcept(t *testing.T) {
	for _, c := range []struct{ caption, want string }{
		{"附表1 2025年全市一般公共预算收入完成情况表 单位:万元", "一般公共预算收入"},
		{"表5  2025年分行业固定资产投资（不含农户）增长速度", "固定资产投资"}, // a breakdown's total row, an aside, a title's end
		{"表3 2025年规模以上工业主要产品产量及其增长速度", ""},
	} {
		if got := captionConcept(Options{}, c.caption); got != c.want {
			t.Errorf("captionConcept(%q) = %q, want %q", c.caption, got, c.want)
		}
	}
}
