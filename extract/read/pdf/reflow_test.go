package pdf

import (
	"strings"
	"testing"
)

// page joins lines into a page's text as Read writes it.
func page(lines ...string) string { return strings.Join(lines, "\n") + "\n" }

// doc joins pages and returns the text and its page starts.
func doc(pages ...string) (string, []int) {
	var b strings.Builder
	var starts []int
	n := 0
	for _, p := range pages {
		starts = append(starts, n)
		n += strings.Count(p, "\n")
		b.WriteString(p)
	}
	return b.String(), starts
}

// Full lines of these invented pages are 24 CJK characters wide.
const (
	l1 = "初步核算，全年全市地区生产总值二四七九亿元，同比"  // full
	l2 = "增长六点五个百分点，其中第一产业增加值一百四十四"  // full
	l3 = "亿元，增长三点九个百分点。"             // short: paragraph end
	l4 = "年末全市常住人口三百四十六万人，其中城镇常住人口"  // full
	l5 = "二百三十一万人，乡村常住人口一百一十四万人，城镇化" // full
	l6 = "率为百分之六十六点九。"               // short
)

func TestReflow(t *testing.T) {
	tests := []struct {
		name  string
		pages []string
		want  string
	}{
		{"wrapped paragraph",
			[]string{page(l1, l2, l3, l4, l5, l6)},
			l1 + l2 + l3 + "\n" + l4 + l5 + l6 + "\n"},
		{"em-dash page number at the top",
			[]string{page("— 1 —", l1, l2, l3), page("— 2 —", l4, l5, l6)},
			l1 + l2 + l3 + "\n" + l4 + l5 + l6 + "\n"},
		{"hyphen page numbers at the bottom, spaced and not",
			[]string{page(l1, l2, l3, "- 1 -"), page(l4, l5, l6, "-2-")},
			l1 + l2 + l3 + "\n" + l4 + l5 + l6 + "\n"},
		{"full-width page number",
			[]string{page(l1, l2, l3, "－ １ －"), page(l4, l5, l6, "－ ２ －")},
			l1 + l2 + l3 + "\n" + l4 + l5 + l6 + "\n"},
		{"第 N 页 and bare numbers at the top or bottom",
			[]string{page(l1, l2, l3, "第 1 页"), page("2", l4, l5, l6), page(l1, l2, l3, "3")},
			l1 + l2 + l3 + "\n" + l4 + l5 + l6 + "\n" + l1 + l2 + l3 + "\n"},
		{"a bare number inside a page stays",
			[]string{page(l1, l2, l3, "2025", l4, l5, l6)},
			l1 + l2 + l3 + "\n2025\n" + l4 + l5 + l6 + "\n"},
		{"paragraph across a page break, page number between",
			[]string{page(l1, l2, l3, l4, l5, "— 1 —"), page("— 2 —", l6, l1, l2, l3)},
			l1 + l2 + l3 + "\n" + l4 + l5 + l6 + "\n" + l1 + l2 + l3 + "\n"},
		{"repeated header and footer",
			[]string{
				page("2025年焦作市统计公报", l1, l2, l3, "焦作市统计局 第1页"),
				page("2025年焦作市统计公报", l4, l5, l6, "焦作市统计局 第2页"),
				page("2025年焦作市统计公报", l1, l2, l3, "焦作市统计局 第3页"),
			},
			l1 + l2 + l3 + "\n" + l4 + l5 + l6 + "\n" + l1 + l2 + l3 + "\n"},
		{"a header on two pages only stays",
			[]string{page("一、综合", l1, l2, l3), page("一、综合", l4, l5, l6), page(l1, l2, l3)},
			"一、综合\n" + l1 + l2 + l3 + "\n一、综合\n" + l4 + l5 + l6 + "\n" + l1 + l2 + l3 + "\n"},
		{"headings keep their line",
			[]string{page("一、综合", l1, l2, l3, "（一）人口", l4, l5, l6, "二、农业")},
			"一、综合\n" + l1 + l2 + l3 + "\n（一）人口\n" + l4 + l5 + l6 + "\n二、农业\n"},
		{"a full line before a heading or an item keeps its break",
			[]string{page(l1, "二、农业", l2, "（二）工业", l4, "1.规模以上工业", l5, "表1 人口", l1, l2, l3)},
			l1 + "\n二、农业\n" + l2 + "\n（二）工业\n" + l4 + "\n1.规模以上工业\n" + l5 + "\n表1 人口\n" + l1 + l2 + l3 + "\n"},
		{"a long heading stays a heading",
			[]string{page("一、２０２５年预算执行情况和“十四五”时期工作回顾", l1, l2, l3, l4, l5, l6)},
			"一、２０２５年预算执行情况和“十四五”时期工作回顾\n" + l1 + l2 + l3 + "\n" + l4 + l5 + l6 + "\n"},
		{"an ordinal cut before its numeral is no heading",
			[]string{page(l1, "项目数和资金额分别居全省二十三个县区中的第", "一、第二，争取省级资金。", l4, l5, l6)},
			l1 + "项目数和资金额分别居全省二十三个县区中的第一、第二，争取省级资金。\n" + l4 + l5 + l6 + "\n"},
		{"sentence ends keep their break",
			[]string{page(l1, "增长六点五个百分点，其中第一产业增加值一百四十四；", l4, l5, "二百三十一万人，乡村常住人口一百一十四万人，其中：", l6)},
			l1 + "增长六点五个百分点，其中第一产业增加值一百四十四；\n" + l4 + l5 + "二百三十一万人，乡村常住人口一百一十四万人，其中：\n" + l6 + "\n"},
		{"short lines keep their break",
			[]string{page(l1, l2, l3, "各位代表", "受市人民政府委托", l4, l5, l6)},
			l1 + l2 + l3 + "\n各位代表\n受市人民政府委托\n" + l4 + l5 + l6 + "\n"},
		{"table rows stay rows",
			[]string{page(l1, l2, l3,
				"全市常住人口合计与分项 346.7 100.0 231.9 66.9 114.8",
				"城镇常住人口合计与分项 231.9 66.9 114.8 33.1 107.6",
				"乡村 114.8 33.1", l4, l5, l6)},
			l1 + l2 + l3 + "\n全市常住人口合计与分项 346.7 100.0 231.9 66.9 114.8\n城镇常住人口合计与分项 231.9 66.9 114.8 33.1 107.6\n乡村 114.8 33.1\n" + l4 + l5 + l6 + "\n"},
		{"a printed line PDFium broke in two",
			[]string{page(l1, l2, "亿元，增长三点九个百", "分点，其中第二产业增加值一千", l3)},
			l1 + l2 + "亿元，增长三点九个百分点，其中第二产业增加值一千" + l3 + "\n"},
		{"a dated subtitle, a name and a salutation keep their lines",
			[]string{page("关于岳阳市 2025 年预算执行情况与", "——2025 年 12 月 27 日在岳阳市第九届人民代表大会第六次会议上", "廖 星 辉", "各位代表：", l1, l2, l3)},
			"关于岳阳市 2025 年预算执行情况与\n——2025 年 12 月 27 日在岳阳市第九届人民代表大会第六次会议上\n廖 星 辉\n各位代表：\n" + l1 + l2 + l3 + "\n"},
		{"a letter-spaced line loses the spaces between its characters",
			[]string{page(l1, "上年 结 余 ２８６．７ 亿 元、调 入 资 金 等 ４０８ 亿 元,预 算 总 收 入 为", "３７２１．３亿元。")},
			l1 + "\n上年结余２８６．７亿元、调入资金等４０８亿元,预算总收入为３７２１．３亿元。\n"},
		{"a nearly full line goes on with the figure that opens the next",
			[]string{page(
				"加上中央转移支付净补助６２５．１亿元、一般债务收入１３５．５亿元、",
				"３７２１．３亿元.一般公共支出预算３７０６．２亿元,按可比口径增长",
				"８．４％,加上再融资一般债券还本支出１５．１亿元,预算总支出为",
				"３７２１．３亿元.",
				"(２)市级收支.一般公共收入预算 ８２１ 亿元,比上年增长",
				"１％.加上中央转移支付净补助６２５．１亿元、一般债务收入１３５．５",
				"亿元、上年结余１２４亿元、调入资金等１８４．３亿元,减去市对区转",
				"移支付净补助４８８亿元,预算总收入为１４０１．９亿元.一般公共支",
				"出预算１３９２．５亿元,按可比口径增长８．３％,加上再融资一般债",
				"券还本支出９．４亿元,预算总支出为１４０１．９亿元.")},
			"加上中央转移支付净补助６２５．１亿元、一般债务收入１３５．５亿元、３７２１．３亿元.一般公共支出预算３７０６．２亿元,按可比口径增长８．４％,加上再融资一般债券还本支出１５．１亿元,预算总支出为３７２１．３亿元.\n" +
				"(２)市级收支.一般公共收入预算 ８２１ 亿元,比上年增长１％.加上中央转移支付净补助６２５．１亿元、一般债务收入１３５．５亿元、上年结余１２４亿元、调入资金等１８４．３亿元,减去市对区转移支付净补助４８８亿元,预算总收入为１４０１．９亿元.一般公共支出预算１３９２．５亿元,按可比口径增长８．３％,加上再融资一般债券还本支出９．４亿元,预算总支出为１４０１．９亿元.\n"},
		{"a row of words keeps its spaces",
			[]string{page(l1, l2, l3, "项目 预算数 执行数 完成数 增长 占比", l4, l5, l6)},
			l1 + l2 + l3 + "\n项目 预算数 执行数 完成数 增长 占比\n" + l4 + l5 + l6 + "\n"},
		{"a dashed item starts its own line",
			[]string{page(l1, l2, l3, "———财力基础持续稳固.全市一般公共预算收入突破二千", "亿元.", l4, l5, l6)},
			l1 + l2 + l3 + "\n———财力基础持续稳固.全市一般公共预算收入突破二千亿元.\n" + l4 + l5 + l6 + "\n"},
		{"a short last line after a wrapped one is no piece",
			[]string{page(l1, l2, "亿元", "各位代表", l4, l5, l6)},
			l1 + l2 + "亿元\n各位代表\n" + l4 + l5 + l6 + "\n"},
		{"a decimal at the start of a line is no item number",
			[]string{page(l1, "增长六点五个百分点，其中第一产业增加值一百四十四", "４．３％，非税收入五百三十一亿元，增长三点六个百分", "６.３％.", "１．一般公共预算", l4, l5, l6)},
			l1 + "增长六点五个百分点，其中第一产业增加值一百四十四４．３％，非税收入五百三十一亿元，增长三点六个百分６.３％.\n１．一般公共预算\n" + l4 + l5 + l6 + "\n"},
		{"numbers keep their spaces",
			[]string{page("初步核算，全年全市地区生产总值 2479.6 亿元，同比增长", "6.5%。其中，第一产业增加值 144.1 亿元，增长 3.9%；第二产", "业增加值 1031.0 亿元。", l4, l5, l6)},
			"初步核算，全年全市地区生产总值 2479.6 亿元，同比增长6.5%。其中，第一产业增加值 144.1 亿元，增长 3.9%；第二产业增加值 1031.0 亿元。\n" + l4 + l5 + l6 + "\n"},
		{"two Latin words across a wrap keep a space",
			[]string{page("The budget of the city for the year grew by six point five percent and", "the revenue grew too.", "The budget of the city for the year grew by six point five percent and", "the spending fell.")},
			"The budget of the city for the year grew by six point five percent and the revenue grew too.\nThe budget of the city for the year grew by six point five percent and the spending fell.\n"},
		{"empty text", []string{""}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, starts := doc(tt.pages...)
			got := Reflow(text, starts)
			if string(got.Runes) != tt.want {
				t.Errorf("Reflow:\n got %q\nwant %q", string(got.Runes), tt.want)
			}
			checkMap(t, text, got.Runes, got.Src)
		})
	}
}

// checkMap checks that every rune came from its source rune (or is a '\n' or ' ' made of
// a source '\n') and that Src increases.
func checkMap(t *testing.T, text string, runes []rune, src []int32) {
	t.Helper()
	s := []rune(text)
	if len(runes) != len(src) {
		t.Fatalf("%d runes, %d sources", len(runes), len(src))
	}
	for i, r := range runes {
		j := src[i]
		if j < 0 || int(j) >= len(s) {
			t.Fatalf("rune %d: source %d out of range", i, j)
		}
		if i > 0 && j <= src[i-1] {
			t.Fatalf("rune %d: source %d not after %d", i, j, src[i-1])
		}
		if s[j] != r && !(r == ' ' && s[j] == '\n') {
			t.Fatalf("rune %d %q: source %d is %q", i, r, j, s[j])
		}
	}
}

func TestReflowNoPages(t *testing.T) {
	text := page(l1, l2, l3)
	got := Reflow(text, nil)
	if want := l1 + l2 + l3 + "\n"; string(got.Runes) != want {
		t.Errorf("got %q, want %q", string(got.Runes), want)
	}
}

func TestCleanPage(t *testing.T) {
	in := "占比７６\U001001B0１％\r\n华\U00100170波罗的海\rX\x00\n\n"
	if got, want := cleanPage(in), "占比７６．１％\n华·波罗的海\nX\n"; got != want {
		t.Errorf("cleanPage = %q, want %q", got, want)
	}
	if got := cleanPage(""); got != "\n" {
		t.Errorf("empty page = %q, want one empty line", got)
	}
}

// FuzzReflow checks what the rules rely on: every rune of the analysis text maps to a
// source rune, in order, and is that rune unless it is a line break or a space that
// stands for one.
func FuzzReflow(f *testing.F) {
	f.Add(page(l1, l2, l3, "— 1 —"), 0)
	f.Add(page("上年 结 余 ２８６．７ 亿 元、调 入 资 金 等 ４０８ 亿 元,预 算 总 收 入 为", l1), 1)
	f.Add(page("项目 预算数 执行数 完成数 增长 占比", "a b c d e f"), 2)
	f.Fuzz(func(t *testing.T, text string, split int) {
		src := []rune(text)
		starts := []int{0}
		if n := strings.Count(text, "\n"); n > 1 && split > 0 {
			starts = append(starts, 1+split%n)
		}
		out := Reflow(text, starts)
		if len(out.Runes) != len(out.Src) {
			t.Fatalf("%d runes, %d positions", len(out.Runes), len(out.Src))
		}
		last := int32(-1)
		for i, r := range out.Runes {
			k := out.Src[i]
			if k <= last || int(k) > len(src) {
				t.Fatalf("rune %d maps to %d after %d (source %d runes)", i, k, last, len(src))
			}
			last = k
			if int(k) < len(src) && src[k] != r && r != '\n' && r != ' ' {
				t.Fatalf("rune %d is %q, its source %q", i, r, src[k])
			}
		}
	})
}
