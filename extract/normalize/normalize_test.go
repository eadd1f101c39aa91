package normalize

import (
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/policymetrics/policymetrics/extract/internal/golden"

	"github.com/policymetrics/policymetrics/extract/textmap"
)

func norm(s string) string {
	return string(Normalize(textmap.Identity([]rune(s))).Runes)
}

type normCase struct{ in, want string }

func runCases(t *testing.T, cases []normCase) {
	t.Helper()
	for _, tc := range cases {
		if got := norm(tc.in); got != tc.want {
			t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestFullwidth(t *testing.T) {
	runCases(t, []normCase{
		{"１２３４５", "12345"},
		{"增长６．５％", "增长6.5%"},
		{"（一）", "(一)"},
		{"总量，约：", "总量,约:"},
		{"ＡＢＣｘｙｚ", "ABCxyz"},
		{"２０００～３０００", "2000~3000"},
		{"！＂＃＄＆＇＊＋－／；＜＝＞？＠［＼］＾＿｀｛｜｝", "!\"#$&'*+-/;<=>?@[\\]^_`{|}"},
		{"全市\u3000合计", "全市 合计"},
		{"a\u00a0b", "a b"},
		{"收入81.63\u2002亿元", "收入81.63亿元"}, // a word processor's &ensp; between a number and its unit
		{"下降0.9\u2002%", "下降0.9 %"},
		{"全市\u2003合计", "全市 合计"},
		{"￥100", "¥100"},
		{"。、《》“”〈〉…", "。、《》“”〈〉…"}, // no halfwidth twin: kept
		{"〇", "〇"},
		{"x\u200by\ufeffz\u00ad", "xyz"}, // zero-width noise dropped
	})
}

func TestToSimplified(t *testing.T) {
	for _, tc := range []struct {
		trad, want rune
	}{
		// mapped: a single simplified form, and not itself a simplified character
		{'區', '区'}, {'條', '条'}, {'個', '个'}, {'萬', '万'}, {'億', '亿'}, {'兩', '两'},
		{'發', '发'}, {'產', '产'}, {'業', '业'}, {'項', '项'}, {'張', '张'}, {'與', '与'},
		{'後', '后'}, {'幹', '干'}, {'於', '于'}, {'雲', '云'}, {'臺', '台'}, {'隻', '只'},
		{'經', '经'}, {'濟', '济'}, {'質', '质'}, {'優', '优'}, {'網', '网'}, {'聯', '联'},
		// several simplified variants: the common-block one wins
		{'戰', '战'}, {'開', '开'}, {'線', '线'}, {'餘', '余'}, {'買', '买'}, {'願', '愿'},
		// simplified characters and characters in simplified use stay
		{'区', '区'}, {'个', '个'}, {'万', '万'}, {'著', '著'}, {'乾', '乾'}, {'后', '后'},
		{'干', '干'}, {'里', '里'}, {'余', '余'}, {'台', '台'}, {'只', '只'}, {'復', '復'},
		{'覆', '覆'}, {'瞭', '瞭'},
		// outside the table
		{'a', 'a'}, {'1', '1'}, {'。', '。'}, {'％', '％'}, {'𠀀', '𠀀'}, {-1, -1}, {0x10FFFF, 0x10FFFF},
	} {
		if got := ToSimplified(tc.trad); got != tc.want {
			t.Errorf("ToSimplified(%q) = %q, want %q", tc.trad, got, tc.want)
		}
	}
	// supplementary keys go through the binary search
	if len(t2sSupp) == 0 {
		t.Fatal("no supplementary entries")
	}
	for _, p := range t2sSupp {
		if got := ToSimplified(p[0]); got != p[1] {
			t.Fatalf("ToSimplified(%U) = %U, want %U", p[0], got, p[1])
		}
	}
	runCases(t, []normCase{
		{"番禺區科技工業商務和信息化局", "番禺区科技工业商务和信息化局"},
		{"13條現代產業鏈", "13条现代产业链"},
		{"著名的乾坤", "著名的乾坤"},
	})
}

func TestTableShape(t *testing.T) {
	// Unihan 15.0.0 under the gent2s policy: regenerating from other data changes this.
	if n := len(t2sPairs); n < 6000 || n > 6500 {
		t.Errorf("len(t2sPairs) = %d, want about 6261", n)
	}
	simplified := map[rune]bool{}
	for _, p := range t2sPairs {
		simplified[p[1]] = true
	}
	for i, p := range t2sPairs {
		if i > 0 && t2sPairs[i-1][0] >= p[0] {
			t.Fatalf("t2sPairs not strictly sorted at %d: %U, %U", i, t2sPairs[i-1][0], p[0])
		}
		if p[0] == p[1] {
			t.Errorf("%U maps to itself", p[0])
		}
		if simplified[p[0]] {
			t.Errorf("%c (%U) is a simplified form but is mapped to %c", p[0], p[0], p[1])
		}
		if p[0] < denseLo || p[0] >= denseHi && p[0] < 0x20000 {
			t.Errorf("%U outside the dense index and the supplementary planes", p[0])
		}
	}
}

func TestPinyin(t *testing.T) {
	runCases(t, []normCase{
		// removed: 1–7 pinyin letters with a tone mark, right after a non-ASCII character
		{"番禺區(qū)科技", "番禺区科技"},
		{"工業(yè)", "工业"},
		{"創(chuàng)新", "创新"},
		{"產（chǎn）業", "产业"},
		{"產(chǎn）業", "产业"},
		{"旅(lǚ)游", "旅游"},
		{"綠(lǜ)色", "绿色"},
		{"區</span>(qū)", "区"}, // after a stray tag, the character before it counts
		{"(含數(shù)控機床)", "(含数控机床)"},
		// mojibake: the character and its '(' (or the '<' of a tag) became '?'
		{"邀請?zhí)岚复?/span>進行", "邀请\ufffd岚复\ufffd进行"},
		{"邀請\ufffdzhí)進行", "邀请\ufffd进行"},
		{"執zhí)行", "执行"}, // '(' lost entirely
		// kept
		{"(T.I.T", "(T.I.T"},
		{"(2016-2020)", "(2016-2020)"},
		{"规划(2016-2020)", "规划(2016-2020)"},
		{"a(ā)", "a(ā)"},         // after ASCII
		{"step (a)", "step (a)"}, // after ASCII, and no tone mark
		{"(含数控机床)", "(含数控机床)"},
		{"产业(qu)", "产业(qu)"},                     // no tone mark
		{"产业(zhuàngzhuàng)", "产业(zhuàngzhuàng)"}, // longer than 7
		{"产业(Qū)", "产业(Qū)"},                     // not lowercase
		{"产业(qū", "产业(qū"},                       // not closed
		{"产业 (qū)", "产业 (qū)"},                   // after a space
		{"产业()", "产业()"},
		{"为什么?zhí", "为什么?zhí"},
		{"为什么?你", "为什么?你"},
		{"qū)", "qū)"},
		{"?zhí)", "?zhí)"}, // nothing before the '?'
	})
}

func TestTagsAndEntities(t *testing.T) {
	runCases(t, []normCase{
		{"进行</span>座谈", "进行座谈"},
		{"第一行<br/>第二行<br>第三行<BR />", "第一行第二行第三行"},
		{`<p class="x">正文</p>`, "正文"},
		{`<a href="http://x.cn/?a=1&b=2" target=_blank>链接</a>`, "链接"},
		{"<h1>标题</h1>", "标题"},
		{"a<b且c>d", "a<b且c>d"}, // not a tag: no space after the name
		{"x < y > z", "x < y > z"},
		{"<5%", "<5%"},
		{"<p\nclass=x>", "<p\nclass=x>"}, // attributes never span lines
		{"<中文>", "<中文>"},
		{"<", "<"}, {"</", "</"}, {"<a", "<a"}, {"<a b", "<a b"},
		{"a&nbsp;b", "a b"},
		{"R&amp;D", "R&D"},
		{"&lt;5%&gt;", "<5%>"},
		{"&quot;8+4&quot;", `"8+4"`},
		{"&#12345;&#x4e00;&#X4E8C;", "〹一二"},
		{"&#65285;", "%"}, // the decoded rune is normalised too
		{"&#33836;", "万"}, // 萬
		{"&#0;", "\ufffd"},
		{"&ldquo;十四五&rdquo;", "“十四五”"},
		// not entities in plain text
		{"AT&T", "AT&T"},
		{"a=1&copy=2", "a=1&copy=2"}, // legacy form without ';' only in HTML
		{"&nosuch;", "&nosuch;"},
		{"&#;", "&#;"}, {"&#x;", "&#x;"}, {"&#123456789;", "&#123456789;"},
		{"&", "&"}, {"&#", "&#"},
	})
}

func TestEditorialNotes(t *testing.T) {
	runCases(t, []normCase{
		{"比2024年(下同)增长1.5%", "比2024年增长1.5%"},
		{"占一般公共预算支出的（下同）7.8%", "占一般公共预算支出的7.8%"},
		{"较上年执行数（以下同）下降7.1%", "较上年执行数下降7.1%"},
		// not a note: other words in the brackets, or no closing bracket
		{"增长1.5%(下同比口径)", "增长1.5%(下同比口径)"},
		{"比2024年(下同", "比2024年(下同"},
		{"(下同)", ""},
		{"吕梁经济技术开发区(以下简称经开区)一般公共预算收入", "吕梁经济技术开发区一般公共预算收入"},
		{"《国民经济和社会发展第十五个五年规划纲要（草案）》（以下简称《纲要草案》）", "《国民经济和社会发展第十五个五年规划纲要(草案)》"},
		{"(简称)", "(简称)"},
		{"(以下简称经开区,下同)", "(以下简称经开区,下同)"},
	})
}

func TestEntityLegacy(t *testing.T) {
	for _, tc := range []struct {
		in   string
		dec  string
		n    int
		leg  bool
		what string
	}{
		{"&amp;x", "&", 5, false, "named"},
		{"&ampx", "", 0, false, "strict needs ;"},
		{"&ampx", "&", 4, true, "legacy prefix"},
		{"&notin", "¬", 4, true, "legacy prefix of a longer name"},
		{"&notin;", "∉", 7, true, "full name wins"},
		{"&#20013", "中", 7, true, "numeric without ;"},
		{"&#20013", "", 0, false, "numeric without ; in plain text"},
		{"&#x80;", "€", 6, false, "C1 control as Windows-1252"},
		{"&NotEqualTilde;", "≂̸", 15, false, "two runes"},
	} {
		dec, n := Entity([]rune(tc.in), tc.leg)
		if dec != tc.dec || n != tc.n {
			t.Errorf("%s: Entity(%q, %v) = %q, %d; want %q, %d", tc.what, tc.in, tc.leg, dec, n, tc.dec, tc.n)
		}
	}
}

func TestMapping(t *testing.T) {
	// Src points at the source rune of each output rune, through every transformation.
	in := "A區(qū)&amp;１</span>萬?zhí)"
	src := []rune(in)
	got := Normalize(textmap.Identity(src))
	want := []struct {
		r   rune
		src int
	}{{'A', 0}, {'区', 1}, {'&', 6}, {'1', 11}, {'万', 19}, {'\ufffd', 20}}
	if len(got.Runes) != len(want) {
		t.Fatalf("Normalize(%q) = %q %v", in, string(got.Runes), got.Shifts)
	}
	for i, w := range want {
		if got.Runes[i] != w.r || int(got.SrcOf(i)) != w.src {
			t.Errorf("rune %d = %q from %d, want %q from %d", i, got.Runes[i], got.SrcOf(i), w.r, w.src)
		}
	}
	// composed maps: Normalize of already-mapped text keeps the outer source offsets
	outer := textmap.Text{Runes: []rune("區(qū)x"), Src: []int32{10, 11, 12, 13, 14, 20}}
	got = Normalize(outer)
	if string(got.Runes) != "区x" || got.Src[0] != 10 || got.Src[1] != 20 {
		t.Errorf("composed: %q %v", string(got.Runes), got.Src)
	}
}

// TestSeed004 checks the traditional seed with pinyin residue against a golden file,
// and that nothing of the residue family survives.
func TestSeed004(t *testing.T) {
	b, err := os.ReadFile("../../testdata/seeds/004_19462e9e61cbea4a.txt")
	if err != nil {
		t.Fatal(err)
	}
	src := []rune(string(b))
	got := Normalize(textmap.Identity(src))
	checkInvariants(t, got, len(src))
	text := string(got.Runes)
	for _, bad := range []string{"(qū)", "(yè)", "</span>", "span>", "zhí)", "區", "業", "產", "發"} {
		if strings.Contains(text, bad) {
			t.Errorf("normalised seed 004 still contains %q", bad)
		}
	}
	// every output rune is its source rune or that rune's folded form
	for i, r := range got.Runes {
		s := src[got.SrcOf(i)]
		if r != s && r != fold(s) && r != '\ufffd' {
			t.Errorf("rune %d %q maps to source %q", i, r, s)
			break
		}
	}
	golden.Check(t, "seed004.golden", []byte(text))
}

func checkInvariants(t *testing.T, got textmap.Text, srcLen int) {
	t.Helper()
	if got.Src != nil && len(got.Runes) != len(got.Src) {
		t.Fatalf("len(Runes) %d != len(Src) %d", len(got.Runes), len(got.Src))
	}
	for i := range got.Runes {
		s := got.SrcOf(i)
		if s < 0 || int(s) >= srcLen {
			t.Fatalf("SrcOf(%d) = %d out of [0,%d)", i, s, srcLen)
		}
		if i > 0 && s < got.SrcOf(i-1) {
			t.Fatalf("SrcOf decreases at %d: %d < %d", i, s, got.SrcOf(i-1))
		}
	}
}

// TestDenseTable: the dense table gives, for every BMP ideograph, what a search of
// t2sPairs gives, and fold's answer below the ideographs.
func TestDenseTable(t *testing.T) {
	for r := rune(denseLo); r < denseHi; r++ {
		want := r
		k := sort.Search(len(t2sPairs), func(k int) bool { return t2sPairs[k][0] >= r })
		if k < len(t2sPairs) && t2sPairs[k][0] == r {
			want = t2sPairs[k][1]
		}
		if got := simplifyDense(r); got != want {
			t.Fatalf("simplifyDense(%U) = %U, want %U", r, got, want)
		}
	}
	for r := rune(foldLo); r < denseLo; r++ {
		if got, want := freeFold[r], fold(r); got != want {
			t.Fatalf("the dense table at %U = %U, want fold's %U", r, got, want)
		}
	}
}

// TestFoldRuns: a rune that simplifyHan takes into a run gets fold's answer, and the
// same output and source offsets as the rune-by-rune loop gives it, whatever follows
// (a reading, an editorial note, a tag's residue, a digit after a space). Behind 'Ж' a
// rune outside the dense table goes through the loop; behind '一' it joins the run. (A
// rune in the dense table starts a run in either place: TestDenseTable and TestHanRuns
// check those.)
func TestFoldRuns(t *testing.T) {
	suffixes := []string{"", "qū)", "(qū)", "下同）", "/span>", " 2", "\u2002年", "a", "一"}
	for r := rune(0x80); r < 0x10000; r++ {
		out := make([]rune, 1)
		if simplifyHan(out, []rune{r}) == 0 {
			continue
		}
		if out[0] != fold(r) {
			t.Fatalf("simplifyHan(%U) = %U, want fold's %U", r, out[0], fold(r))
		}
		for _, s := range suffixes {
			tail := append([]rune{r}, []rune(s)...)
			plain := Normalize(textmap.Identity(append([]rune{'Ж'}, tail...)))
			run := Normalize(textmap.Identity(append([]rune{'一'}, tail...)))
			if !slices.Equal(plain.Runes[1:], run.Runes[1:]) || !slices.Equal(srcOffsets(plain)[1:], srcOffsets(run)[1:]) {
				t.Fatalf("%U then %q: in a run %q %v, alone %q %v", r, s,
					string(run.Runes), srcOffsets(run), string(plain.Runes), srcOffsets(plain))
			}
		}
	}
	// the runes the loop reads with their context never join a run
	for _, r := range []rune{'（', '\ufffd', '\u00ad', '\u200b', '\u2002', '\u202f', '\u205f', '\ufeff', 'ā', 'ü', '(', '?', ' ', 'a'} {
		if simplifyHan(make([]rune, 1), []rune{r}) != 0 {
			t.Errorf("simplifyHan takes %U, which the loop reads with its context", r)
		}
	}
}

func srcOffsets(t textmap.Text) []int32 {
	out := make([]int32, len(t.Runes))
	for k := range out {
		out[k] = t.SrcOf(k)
	}
	return out
}

// TestHanRuns: runs of ideographs before and after deletions (zero-width spaces) keep
// their simplified forms and their source offsets, with and without an input map, as a
// rune-by-rune reading gives them.
func TestHanRuns(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	alphabet := []rune{'區', '区', '萬', '㑮', '一', '\u9fff', '\u33ff', '\ua000', 'a', '\u200b', '１', '，',
		'、', '。', '\u3000', '\u2fff', '“', '”', '（', '）', '\uff5e', '\uff5f', '\u2010', '\u2027', '\u2028', '\u2009'}
	for range 5000 {
		src := make([]rune, rng.Intn(40))
		for k := range src {
			src[k] = alphabet[rng.Intn(len(alphabet))]
		}
		var want []rune
		var wantSrc []int32
		for k, r := range src {
			if r != '\u200b' {
				want = append(want, fold(r))
				wantSrc = append(wantSrc, int32(3*k))
			}
		}
		mapped := textmap.Text{Runes: src, Src: make([]int32, len(src))}
		for k := range src {
			mapped.Src[k] = int32(3 * k)
		}
		got := Normalize(mapped)
		if !slices.Equal(got.Runes, want) || !slices.Equal(got.Src, wantSrc) {
			t.Fatalf("Normalize(%q) = %q %v, want %q %v", string(src), string(got.Runes), got.Src, string(want), wantSrc)
		}
		plain := Normalize(textmap.Identity(src))
		for k := range plain.Runes {
			if plain.Runes[k] != want[k] || int(plain.SrcOf(k))*3 != int(wantSrc[k]) {
				t.Fatalf("Normalize(%q) unmapped = %q %v", string(src), string(plain.Runes), plain.Src)
			}
		}
		if len(plain.Runes) != len(want) {
			t.Fatalf("Normalize(%q) unmapped = %q", string(src), string(plain.Runes))
		}
	}
}

// TestShiftsMap: the shifts Normalize gives source text say, for every rune, what the
// full map it builds for mapped text says (source text mapped to itself), and the
// look-ups from source to analysis agree with a search of the full map: over the test
// documents and text made of what normalisation folds, drops and decodes.
func TestShiftsMap(t *testing.T) {
	shifted := 0
	check := func(name string, src []rune) {
		t.Helper()
		plain := Normalize(textmap.Identity(src))
		self := make([]int32, len(src))
		for i := range self {
			self[i] = int32(i)
		}
		full := Normalize(textmap.Text{Runes: src, Src: self})
		if !slices.Equal(plain.Runes, full.Runes) || plain.Src != nil {
			t.Fatalf("%s: plain %q (map %v), mapped %q", name, string(plain.Runes), plain.Src, string(full.Runes))
		}
		if plain.Shifts != nil {
			shifted++
		}
		for k := 1; k < len(plain.Shifts); k++ {
			if plain.Shifts[k].At <= plain.Shifts[k-1].At {
				t.Fatalf("%s: shifts %v out of order", name, plain.Shifts)
			}
		}
		for k := range plain.Runes {
			if got, want := plain.SrcOf(k), full.SrcOf(k); got != want {
				t.Fatalf("%s: rune %d from %d by its shifts %v, %d by the full map", name, k, got, plain.Shifts, want)
			}
		}
		for i := range plain.Runes {
			for j := i; j <= min(i+40, len(plain.Runes)); j += 1 + j%7 {
				gs, ge := plain.SourceSpan(i, j, len(src))
				ws, we := full.SourceSpan(i, j, len(src))
				if gs != ws || ge != we {
					t.Fatalf("%s: SourceSpan(%d, %d) = %d, %d by shifts %v, %d, %d by the full map", name, i, j, gs, ge, plain.Shifts, ws, we)
				}
			}
		}
		if len(src) > 2000 {
			return
		}
		for s := -1; s <= len(src)+1; s++ {
			want := sort.Search(len(full.Runes), func(i int) bool { return int(full.SrcOf(i)) >= s })
			if got := plain.FirstFrom(s); got != want {
				t.Fatalf("%s: FirstFrom(%d) = %d, want %d", name, s, got, want)
			}
			if got, want := plain.IndexOfSrc(s), full.IndexOfSrc(s); got != want {
				t.Fatalf("%s: IndexOfSrc(%d) = %d, want %d", name, s, got, want)
			}
		}
	}
	for _, pattern := range []string{"corpus/*.txt", "seeds/*.txt", "genres/*.txt"} {
		paths, _ := filepath.Glob(filepath.Join("..", "..", "testdata", pattern))
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			check(p, []rune(string(data)))
		}
	}
	if shifted == 0 {
		t.Fatal("no test document was shifted")
	}
	rng := rand.New(rand.NewSource(4))
	pieces := []string{"\n", "增长", "區", "２０２５", "3", "&#10;", "&amp;", "&lt;&gt;", "&#x4e00;", "&NotEqualTilde;", "<b>", "</span>",
		"\u3000", " ", "\u2002", "\u200b", "\ufeff", "(qū)", "qū)", "?zhí)", "?/span>", "\ufffdqū)", "(下同)", "（以下简称经开区）", "a", "。"}
	for range 20000 {
		var b strings.Builder
		for range rng.Intn(16) {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		check("random", []rune(b.String()))
	}
}

// TestInStep: appending a rune where inStep says add would only append it (the loop's
// ASCII fast path) builds the text and map that add for every rune builds, on source and
// on mapped input, over random runs of kept, dropped and multiplied (an entity's) runes.
func TestInStep(t *testing.T) {
	rng := rand.New(rand.NewSource(73))
	fastPaths := 0
	for range 20000 {
		n := rng.Intn(24)
		in := textmap.Text{Runes: make([]rune, n)}
		if rng.Intn(2) == 0 {
			in.Src = make([]int32, n)
			for i := range in.Src {
				in.Src[i] = int32(2*i + rng.Intn(2))
			}
		}
		fast := builder{in: in, out: make([]rune, 0, n)}
		plain := builder{in: in, out: make([]rune, 0, n)}
		for i := 0; i < n; i++ {
			if rng.Intn(4) == 0 {
				continue // dropped
			}
			for k := range 1 + rng.Intn(3)/2 { // one rune, or an entity's two
				r := rune('a' + k)
				if fast.inStep(i) {
					fast.out = append(fast.out, r)
					fastPaths++
				} else {
					fast.add(r, i)
				}
				plain.add(r, i)
			}
		}
		got, want := fast.text(), plain.text()
		if !slices.Equal(got.Runes, want.Runes) || !slices.Equal(got.Src, want.Src) || !slices.Equal(got.Shifts, want.Shifts) {
			t.Fatalf("input map %v: fast path gives %q %v %v, add %q %v %v", in.Src,
				string(got.Runes), got.Src, got.Shifts, string(want.Runes), want.Src, want.Shifts)
		}
	}
	if fastPaths == 0 {
		t.Fatal("the fast path was never taken")
	}
}
