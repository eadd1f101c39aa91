package extract

import (
	"math/rand"
	"testing"

	"github.com/policymetrics/policymetrics/extract/internal/cjk"
	"github.com/policymetrics/policymetrics/units"
)

// neverRecordPlain is neverRecord before its tests of the rune before the number were
// gathered behind prevTested, each asked in its turn.
func neverRecordPlain(a []rune, m *mention, rankBefore bool) string {
	s, e := m.Start, m.End
	wordBefore := mayEndBefore(a, s) // false: no word of beforeLists ends right before s
	if s > 0 && cjk.IsASCIILetter(a[s-1]) || s > 1 && (a[s-1] == '-' || a[s-1] == '_') && cjk.IsASCIILetter(a[s-2]) {
		return "name" // TOP10, t9, COVID-19
	}
	if m.Unit == "年" && itemThenYear(a, s, m.NumberEnd) {
		return "item number" // 4.2017年起,…: a footnote's number, then a year
	}
	if wordBefore && ordinalBefore.SuffixBefore(a, s) > 0 || ordinalListBefore(a, s) {
		return "ordinal" // 第18届, 第二批, 第一、二轮
	}
	if m.Kind == units.Chinese && m.NumberEnd == s+1 && a[s] == '二' && !(s > 0 && units.IsChineseNumeral(a[s-1])) {
		return "ordinal" // 二次分配, 二类水质: a count of two says 两 (两次, 两类)
	}
	if m.Kind == units.Chinese && m.Unit == "元" && e < len(a) && cjk.IndexRune(a, e, e+1, '区', '县', '市', '镇', '乡', '村', '街', '路') == e {
		return "name" // 三元区, 五元路: a place, not money spelled out
	}
	if s > 0 && a[s-1] == '前' && (rankAfter.PrefixAt(a, m.NumberEnd) > 0 || m.Unit == "名" || m.Unit == "位") {
		return "rank" // 前三甲, 前10名
	}
	if m.Unit == "次" && (sessionAfter.PrefixAt(a, e) > 0 || lastIndex(a, '届', s-6, s) >= 0) {
		return "session" // 十六届人大三次会议, 省委十次全会, 十一届十次、十一次全会
	}
	if rankBefore && (m.Unit == "位" || m.Unit == "名") {
		return "rank" // 排名由369位上升到235位, 排名提升6位
	}
	if wordBefore && streakBefore.SuffixBefore(a, s) > 0 {
		return "streak" // 连续4次获评, 连续11年: how long a run lasted (optional in SPEC)
	}
	if m.Kind == units.Chinese && durationUnits.Contains(m.Unit) {
		return "spelled-out span" // 过去的五年, 十年禁渔, 九年义务教育, 三十年一遇
	}
	if isYear(m) {
		return "date" // 2016年, 2014-2016年, 2021、2022年
	}
	// Asked once: a mention in Chinese numerals that gets here has no duration unit.
	duration := m.Kind != units.Chinese && durationUnits.Contains(m.Unit)
	if duration && (wordBefore && durationBefore.SuffixBefore(a, s) > 0 || durationAfter.PrefixAt(a, e) > 0) {
		return "duration" // 连续11年, 3年内, 未来三年
	}
	if s > 0 && a[s-1] == '每' && e < len(a) && cjk.IsHan(a[e]) && !duration {
		return "rate base" // 每10万人口高等教育在校生, 每100元营业收入中的成本: what a rate is per
	}
	if structureNouns.MayStartAt(a, e) && structureNouns.PrefixAt(a, e) > 0 {
		return "structure" // 三个方面, 分三个等次
	}
	if countNameAfter.MayStartAt(a, e) && countNameAfter.PrefixAt(a, e) > 0 {
		return "count name" // 青年50人论坛
	}
	if s > 0 && a[s-1] == '+' || m.NumberEnd < len(a) && a[m.NumberEnd] == '+' {
		return "formula name" // 1+X, “8+4”
	}
	if isRatio(a, s, m.NumberEnd) || m.Unit == "对" && e < len(a) && (units.NumberStartsAt(a, e) || a[e] == '一') {
		return "ratio" // 1:27, 10:30, 1对1, 一对一
	}
	if m.Kind == units.Chinese && (a[s] == '零' || a[s] == '〇') {
		return "zero word" // 零部件, 零售, 零距离: 零 starting a word is not a count
	}
	if m.Unit == "所" && m.Kind == units.Chinese && e < len(a) && institutesEnd(a[e]) {
		return "institute name" // 中电科七所, 电子五所: "No. 7 Institute", no noun counted
	}
	if s > 1 && a[s-1] == ':' && counterLabels.SuffixBefore(a, s-1) > 0 {
		return "page chrome" // 浏览：4015次: the page's view counter
	}
	if (m.Unit == "℃" || m.Unit == "摄氏度") && weatherWidget(a, s) {
		return "page chrome" // 温度：24-30℃ 天气现象：阴天 风向风速：偏东风3-4级, a portal's forecast
	}
	if m.Kind == units.Chinese && digitsOnlyUnit(m.Unit) || m.Unit == "分" && clockBefore(a, s) {
		return "name or word" // 十分重要, 三分天下, 三门峡, 07时41分: these units follow digits only
	}
	if m.Kind == units.Chinese && m.NumberEnd-s == 1 && a[s] == '一' {
		return "indefinite" // 一个, 一项, 一张: the article "a", not a count
	}
	if m.BareScale && m.Qualifier == units.NoQualifier && (!wordBefore || bareScaleLead.SuffixBefore(a, s) == 0 || s > 1 && a[s-1] == '上' && a[s-2] == '以') {
		return "bare scale" // 万亿级, 百年, 以上万元工业增加值: 千/百/万 alone count only after 超, 近, 达… or before 余/多 (千余家)
	}
	// The look-ups in word lists and the searches of the line come last: the tests above
	// are table looks and a few runes' reads, and only whether a reason is found is read.
	for k := s; k < e; k++ {
		// Idioms are found by their numerals: the other runes (digits, units) need no call.
		if !units.IsChineseNumeral(a[k]) {
			continue
		}
		if _, _, ok := units.IdiomAt(a, k); ok {
			return "idiom" // 一批, 千方百计, 四个全面
		}
	}
	if coveredReference(numeralNames, a, s, e) {
		return "name" // 七台河, 五家渠
	}
	if m.Kind == units.Chinese && noteHeadwordPlain(a, s) {
		return "note headword" // ［10］两个基地、两个枢纽、两个网络：…: the term a note defines
	}
	if m.titleNear && inQuotes(a, s, e, titleQuotes, 0) {
		return "title" // 《…三年行动计划(2022-2024年)》
	}
	if m.nameNear && inQuotes(a, s, e, nameQuotes, maxNameQuote) {
		return "quoted name" // “最后100米”, “两个不低于”
	}
	return ""
}

// TestNeverRecordMatchesPlain: neverRecord finds a reason where neverRecordPlain does, for
// every number of the corpus and of random text around numbers, with and without a rank
// word before it, and for each also started a rune or two later (a span a name may begin
// before: 九台 from 台).
func TestNeverRecordMatchesPlain(t *testing.T) {
	check := func(a []rune) {
		t.Helper()
		found, _ := scanMentions(a, nil, nil)
		for k := range found {
			for d := range 3 {
				m := found[k]
				if m.Start += d; m.Start >= m.End {
					break
				}
				for _, rank := range []bool{false, true} {
					if got, want := neverRecord(a, &m, rank), neverRecordPlain(a, &m, rank); (got == "") != (want == "") {
						t.Fatalf("%q: neverRecord = %q, plain %q (rank before: %v)", string(a[max(0, m.Start-6):m.End]), got, want, rank)
					}
				}
			}
		}
	}
	for _, d := range readTestdata(t, "corpus/*.txt") {
		check([]rune(string(d)))
	}
	alphabet := []rune("0123456789一二三五七九十百千万元个名位次年%家人前每+:：、-_aZ第届连续分时的批方计台河渠峡学社“”《》[]\n")
	rng := rand.New(rand.NewSource(6))
	for range 30000 {
		a := make([]rune, 1+rng.Intn(14))
		for k := range a {
			a[k] = alphabet[rng.Intn(len(alphabet))]
		}
		check(a)
	}
}

// isRatio reports numbers joined by a colon (1:27, 10:30), before or after, as
// neverRecordPlain asked it.
func isRatio(a []rune, s, e int) bool {
	if s > 1 && (a[s-1] == ':' || a[s-1] == '：') && cjk.IsDigit(a[s-2]) {
		return true
	}
	return ratioAfter(a, e)
}

// noteHeadwordPlain is noteHeadword as first written, its walk back asking the cap and the
// line's start at each rune.
func noteHeadwordPlain(a []rune, s int) bool {
	k := s
	for k > 0 && s-k < maxHeadword && a[k-1] != '\n' {
		if a[k-1] == ':' {
			return false
		}
		k--
	}
	if k >= s || a[k] != '[' {
		return false
	}
	j := k + 1
	for j < s && cjk.IsDigit(a[j]) {
		j++
	}
	if j == k+1 || j >= s || a[j] != ']' {
		return false
	}
	for e := s; e < len(a) && e-s < maxHeadword && a[e] != '\n'; e++ {
		if a[e] == ':' {
			return true
		}
	}
	return false
}

// TestNoteHeadwordMatchesPlain: noteHeadword answers as noteHeadwordPlain at every
// position of the corpus and of random lines of note marks, colons and filler, many
// longer than the cap.
func TestNoteHeadwordMatchesPlain(t *testing.T) {
	check := func(a []rune) {
		t.Helper()
		for s := range len(a) + 1 {
			if got, want := noteHeadword(a, s), noteHeadwordPlain(a, s); got != want {
				t.Fatalf("%q at %d: noteHeadword = %v, plain %v", string(a), s, got, want)
			}
		}
	}
	for _, d := range readTestdata(t, "corpus/*.txt") {
		check([]rune(string(d)))
	}
	rng := rand.New(rand.NewSource(9))
	// Colons and line breaks are rare among the parts, so that walks reach the cap.
	parts := []string{"[10]", "[3]", "[", "]", "1", "两个", "基地", "、", "的发展规划", "x", "两个基地、两个枢纽"}
	for range 5000 {
		var b []rune
		for n := rng.Intn(120); len(b) < n; {
			switch p := rng.Intn(len(parts) * 4); {
			case p == 0:
				b = append(b, ':')
			case p == 1:
				b = append(b, '\n')
			default:
				b = append(b, []rune(parts[p%len(parts)])...)
			}
		}
		check(b)
	}
}
