package extract

import (
	"testing"
	"unicode/utf8"

	"github.com/policymetrics/policymetrics/extract/lexicon"
)

// guardTexts are the phrases the rune guards of trimPhrase and dropTrailingFunction are
// checked over: phrase shapes those rules read, and odd text (invalid UTF-8, a lone
// surrogate, CRLF, empty).
var guardTexts = []string{
	"", "2016年全市完成总产值19556亿元", "46.全市新增就业52万人", "(1)新建学校3所", "（一）投入资金",
	"①改造道路", "每家予以补助", "政府债务限额[10]5525亿元", "限额［2］", "生产总值从2020年的3.68万亿元",
	"收入比2025年执行数增长2%", "工业投资两年平均增长8.6%", "比例近3年提升21个百分点", "出庭应诉率首次达到100%",
	"2021年10月底,其中", "2014-2016年以来", "共计同比增长", "１２３年", "\xff\xfe2020年", "\xed\xa0\x80月",
	"全市\r\n2019年", "约为", "节约", "签约", "达到或优于Ⅲ类标准的断面比例", " \u3000其中全省", "（下同）",
}

// TestRuleGuards checks that the first- and last-rune tests placed before trimPhrase's and
// dropTrailingFunction's rules skip only positions where the rule finds nothing.
func TestRuleGuards(t *testing.T) {
	for _, s := range guardTexts {
		var a []rune
		for b := []byte(s); len(b) > 0; { // keep invalid bytes as U+FFFD, lone surrogates too
			r, n := utf8.DecodeRune(b)
			a = append(a, r)
			b = b[n:]
		}
		a = append(a, 0xD800) // a lone surrogate as a rune
		for i := 0; i <= len(a); i++ {
			for e := i; e <= len(a); e++ {
				p := phrase{i, e}
				if i < len(a) {
					r := a[i]
					if n := itemNumberAt(a, i, e); n > 0 && !mayOpenItemNumber(r) {
						t.Errorf("%q at %d: itemNumberAt reads %q, which mayOpenItemNumber rejects", s, i, r)
					}
					if _, ok := timePrefix(a, i, e); ok && r != '1' && r != '2' {
						t.Errorf("%q at %d: timePrefix reads a year from %q", s, i, r)
					}
					if dropBefore.PrefixAt(a, i) > 0 && !dropBefore.MayStartWith(r) {
						t.Errorf("%q at %d: dropBefore word at %q", s, i, r)
					}
				}
				if p.empty() {
					continue
				}
				last := a[e-1]
				if footnoteBefore(a, p) > 0 && last != ']' && last != '］' {
					t.Errorf("%q [%d,%d): footnote without a closing bracket", s, i, e)
				}
				if timeSuffixStart(a, p) >= 0 && last != '年' && last != '月' {
					t.Errorf("%q [%d,%d): time suffix ending in %q", s, i, e, last)
				}
				if yearSpanStart(a, p) >= 0 && last != '年' {
					t.Errorf("%q [%d,%d): year span ending in %q", s, i, e, last)
				}
				for _, set := range []struct {
					name string
					n    int
					may  bool
				}{
					{"dropAfter", longestSuffixWithin(dropAfter, a, p), dropAfter.MayEndWith(last)},
					{"adverbs", adverbs.SuffixBeforeFrom(a, e, i), adverbs.MayEndWith(last)},
					{"baselineFigures", baselineFigures.SuffixBeforeFrom(a, e, i), baselineFigures.MayEndWith(last)},
				} {
					if set.n > 0 && !set.may {
						t.Errorf("%q [%d,%d): a %s word ends in %q, which MayEndWith rejects", s, i, e, set.name, last)
					}
				}
			}
		}
	}
}

// TestMayStartGuards checks the inline mayStart test placed before PrefixAt at hot call
// sites (endOfItem, isOnlyVerb): it turns away only positions where the list
// starts no word, out-of-range ones included, so the guarded rules read as before.
func TestMayStartGuards(t *testing.T) {
	texts := append([]string{"9家单位成功入围全国", "完成总产值", "18家院校与30家企业", "实现增长6.5%", "所在地区"}, guardTexts...)
	sets := map[string]*lexicon.Set{"listBreaks": listBreaks, "honourVerbs": honourVerbs, "adverbs": adverbs,
		"verbsPredicate": verbsPredicate, "verbsObject": verbsObject}
	for _, s := range texts {
		a := append([]rune(s), 0xD800) // invalid UTF-8 as U+FFFD, and a lone surrogate
		for i := -1; i <= len(a); i++ {
			for name, set := range sets {
				if n := set.PrefixAt(a, i); n > 0 && !set.MayStartAt(a, i) {
					t.Errorf("%q at %d: %s starts a word of %d runes, which mayStart rejects", s, i, name, n)
				}
			}
			for e := max(i, 0); e <= len(a); e++ {
				p := phrase{i, e}
				want := verbsObject.PrefixAt(a, p.s) == p.len() || verbsPredicate.PrefixAt(a, p.s) == p.len()
				if i >= 0 && isOnlyVerb(a, p) != want {
					t.Errorf("%q %v: isOnlyVerb %v, unguarded %v", s, p, !want, want)
				}
			}
		}
	}
}

// TestIsTrimmableFastPath checks isTrimmable's early answer for the runes between its
// lists (Han among them) against its full test, over every rune and some invalid ones.
func TestIsTrimmableFastPath(t *testing.T) {
	full := func(r rune) bool {
		switch r {
		case ' ', '\t', '\r', '\n', ',', '，', '、', ';', '；', ':', '：', '。', '.', '!', '?', '(', ')', '（', '）', '-', '—', '/':
			return true
		}
		return r <= 0x3000 && (r == 0x3000 || r == 0xA0 || r >= 0x2000 && r <= 0x200A || r == 0x202F || r == 0x205F)
	}
	for r := rune(-2); r <= utf8.MaxRune+2; r++ { // lone surrogates and U+FFFD included
		if got, want := isTrimmable(r), full(r); got != want {
			t.Errorf("isTrimmable(%U) = %v, want %v", r, got, want)
		}
	}
}
