package extract

import (
	"fmt"
	"math/rand"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/policymetrics/policymetrics/extract/doc"
	"github.com/policymetrics/policymetrics/extract/internal/cjk"
	"github.com/policymetrics/policymetrics/extract/normalize"
	"github.com/policymetrics/policymetrics/extract/textmap"
)

// TestChunksReadAsWhole: a document read in chunks (here of 2 KB, so that every test
// document is cut many times, inside sections, budget passages and tab-written tables)
// gives the records reading it whole gives, field for field; and so with its chunks
// extracted side by side on helpers.
func TestChunksReadAsWhole(t *testing.T) {
	for _, helpers := range []int{0, 3} {
		t.Run(fmt.Sprintf("helpers=%d", helpers), func(t *testing.T) {
			opts := Options{}
			if helpers > 0 {
				opts.Helpers = NewHelpers(helpers)
			}
			testChunksReadAsWhole(t, opts)
			for range helpers { // each token given back
				if !opts.Helpers.TryAcquire() {
					t.Fatal("a helper's token was not given back")
				}
			}
		})
	}
}

func testChunksReadAsWhole(t *testing.T, opts Options) {
	defer func(c, m int) { chunkBytes, maxChunkBytes = c, m }(chunkBytes, maxChunkBytes)
	chunkBytes, maxChunkBytes = 2<<10, 4<<10
	docs := readTestdata(t, "corpus/*.txt")
	for name, data := range readTestdata(t, "genres/*.txt") {
		docs[name] = data
	}
	for name, data := range readTestdata(t, "seeds/*.txt") {
		docs[name] = data
	}
	docs["tables.txt"] = []byte(tabledText(120))
	// Dated at its end with an en space before 日 (normalisation deletes it): the year that
	// 今年 resolves to is found in chunks too.
	docs["spaced-date.txt"] = []byte("政府工作报告\n" + strings.Repeat("今年，全市生产总值增长5%，投资增长3%。\n", 100) + "2017年7月14\u2002日\n")
	cut := 0
	for name, data := range docs {
		want := Records(plainDocument(name, string(data)), Options{})
		chunks := chunksOf(string(data), nil)
		cut += len(chunks) - 1
		got, done := readInChunks(t, name, longDoc{text: string(data)}, chunks, opts)
		if !done {
			t.Fatalf("%s: read whole", name)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s in %d chunks: %s", name, len(chunks), firstDifference(got, want))
		}
	}
	// HTML pages: their visible text in chunks, records pointing at the HTML source.
	for name, data := range readTestdata(t, "genres/*.html") {
		want := Records(htmlDocument(name, string(data)), Options{})
		p := pageOf(string(data))
		chunks := p.chunks()
		cut += len(chunks) - 1
		t.Logf("%s: %d chunks, %d tables", name, len(chunks), len(p.page.tables))
		got, done := readInChunks(t, name, p, chunks, opts)
		if !done {
			t.Fatalf("%s: read whole", name)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s in %d chunks: %s", name, len(chunks), firstDifference(got, want))
		}
	}
	// A document cut inside its last character, through Stream: its U+FFFD tail stays
	// on the last line.
	for _, cutAt := range []string{"\n", ""} {
		text := strings.Repeat("全市新增企业5家，增长3.5%。\n", 300) + "末行" + cutAt
		data := append([]byte(text), "增"[:2]...)
		want := Records(plainDocument("c", text+"\uFFFD\uFFFD"), Options{})
		got, err := Document("c", data, opts)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("cut document (%q before the cut): %v %s", cutAt, err, firstDifference(got, want))
		}
	}
	if cut < 100 {
		t.Errorf("only %d cuts: the test documents were hardly chunked", cut)
	}
}

// tabledText is a bulletin of n tab-written tables, each under a title and a unit line
// (表3 …收支 / 单位：万元): the title is context the table's records need across a cut.
func tabledText(n int) string {
	var b strings.Builder
	b.WriteString("2025年某市国民经济和社会发展统计公报\n")
	for i := range n {
		fmt.Fprintf(&b, "全市第%d项工作完成投资%d亿元，比上年增长%d.5%%。\n", i, 10+i, i%9)
		fmt.Fprintf(&b, "表%d 2025年一般公共预算收支\n单位：万元\n项目\t预算数\t决算数\n税收收入\t%d\t%d\n非税收入\t%d\t%d\n", i+1, 100+i, 120+i, 30+i, 35+i)
	}
	return b.String()
}

// readInChunks reads p in chunks and returns all its records; ok is false when it had to
// be read whole.
func readInChunks(t *testing.T, name string, p longDoc, chunks []chunk, opts Options) (recs []Record, ok bool) {
	t.Helper()
	ok, err := streamChunks(t.Context(), name, p, chunks, p.cuts(), opts, new(chunkBuffers), func(r []Record) error {
		recs = append(recs, r...)
		return nil
	})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return recs, ok
}

// forcedCut reports a chunk that ends between two lines of a written table: past
// maxChunkBytes, a table is cut wherever a line ends.
func forcedCut(text string, chunks []chunk) bool {
	for _, c := range chunks {
		if c.end < len(text) && tableAround(text, c.end) {
			return true
		}
	}
	return false
}

func firstDifference(got, want []Record) string {
	for i := range min(len(got), len(want)) {
		if !reflect.DeepEqual(got[i], want[i]) {
			return fmt.Sprintf("record %d:\n got  %+v\n want %+v", i, got[i], want[i])
		}
	}
	return fmt.Sprintf("%d records, want %d", len(got), len(want))
}

// TestChunksOf: chunks cover the text line for line, the first holds the head, and no cut
// falls inside a tab-written table.
func TestChunksOf(t *testing.T) {
	defer func(c, m int) { chunkBytes, maxChunkBytes = c, m }(chunkBytes, maxChunkBytes)
	chunkBytes, maxChunkBytes = 64, 1000
	var b strings.Builder
	for i := range 200 {
		if i%20 < 5 {
			fmt.Fprintf(&b, "指标%d\t%d\n", i, i)
		} else {
			fmt.Fprintf(&b, "第%d行，全市新增企业%d家。\n", i, i)
		}
	}
	b.WriteString("末行没有换行")
	text := b.String()
	chunks := chunksOf(text, nil)
	if len(chunks) < 5 {
		t.Fatalf("%d chunks", len(chunks))
	}
	at, line := 0, 0
	for i, c := range chunks {
		if c.start != at || c.line != line {
			t.Fatalf("chunk %d starts at %d line %d; want %d line %d", i, c.start, c.line, at, line)
		}
		if i == 0 && c.lines <= 64 {
			t.Errorf("first chunk has %d lines: the head needs 64", c.lines)
		}
		if c.end < len(text) && tableAround(text, c.end) {
			t.Errorf("chunk %d ends inside a table: %q", i, text[c.end-20:c.end+20])
		}
		at, line = c.end, line+c.lines
	}
	if at != len(text) || line != strings.Count(text, "\n")+1 {
		t.Errorf("chunks end at %d line %d; want %d line %d", at, line, len(text), strings.Count(text, "\n")+1)
	}
}

// FuzzChunks: any text read in chunks (of 64 bytes, cut anywhere a line ends), one after
// the other or side by side on helpers, gives the records reading it whole gives. The text is repeated to 150 lines, past the head the
// first chunk must hold, so that it is cut.
func FuzzChunks(f *testing.F) {
	for _, s := range []string{
		"2025年某市统计公报\n全市生产总值增长5%。\n表1 收支\n单位：万元\n项目\t数\n收入\t100\n",
		"一、2025年工作回顾\n新增企业5家。\n二、2026年主要任务\n增长6%左右。\n市本级收入3亿元。\n",
		tabledText(3),
		"<table><tr><td>项目</td><td>数</td></tr><tr><td>收入</td><td>3亿元</td></tr></table>\n<p>增长5%</p>\n",
		"关于市政协提案的答复\n发布日期:2017-07-27\n全市新增企业5家。\n下一步，力争增长6%。\n２０１８．０１．０２\n2019 年 3 月 4 日\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) || len(text) > 4096 {
			return
		}
		text = strings.Repeat(text+"\n", 150/(strings.Count(text, "\n")+1)+1)
		defer func(c, m int) { chunkBytes, maxChunkBytes = c, m }(chunkBytes, maxChunkBytes)
		chunkBytes, maxChunkBytes = 64, 128
		// As plain text, then as an HTML page. A written table longer than maxChunkBytes
		// is cut by design: its rows part ways, so such a text is not compared.
		for _, c := range []struct {
			p    longDoc
			want []Record
		}{
			{longDoc{text: text}, Records(plainDocument("f", text), Options{})},
			{pageOf(text), Records(htmlDocument("f", text), Options{})},
		} {
			if chunks := c.p.chunks(); !forcedCut(c.p.text, chunks) {
				for _, opts := range []Options{{}, {Helpers: NewHelpers(2)}} { // and its chunks side by side
					got, done := readInChunks(t, "f", c.p, chunks, opts)
					if done && !reflect.DeepEqual(got, c.want) && !(len(got) == 0 && len(c.want) == 0) {
						t.Errorf("chunked (page %v, helpers %v): %s", c.p.page != nil, opts.Helpers != nil, firstDifference(got, c.want))
					}
				}
			}
		}
	})
}

// TestMayHoldDate: every way a full date can be written, or made by normalisation, is
// caught; lines without one mostly are not.
func TestMayHoldDate(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool
	}{
		{"——2026年1月25日在河南省第十四届人民代表大会", true},
		{"发布日期:2017-07-27", true},
		{"2017/07/27", true},
		{"2017.07.27", true},
		{"２０１７－０７－２７", true},         // fullwidth: folded
		{"２０１７年７月１４ 日", true},        // fullwidth digits before 日
		{"\xe4\xb8<b>14</b>日", true}, // a cut character: its next bytes are still read
		{"2017 年 7 月 14 日", true},    // letter-spaced: joined
		{"2017年7月14\u2002日", true},   // a word processor's en space: deleted like a space
		{"2017年7月14\u202f日", true},   // a narrow no-break space, likewise
		{"2017年7月<b>14</b>日", true},
		{"2017年7月1&#26085;", true}, // 日 as an entity
		{"2017\u200b-07-27", true},
		{"印发时间：二〇一七年七月，2017年7月14\u205f日", true}, // a medium mathematical space
		{"２０１７．０７．２７", true},
		{"２０１７／０７／２７", true},
		{"2017年7月14\u2060日", true}, // a word joiner
		{"2017年7月1\u00ad4日", true}, // a soft hyphen
		{"2017年7月\ufeff14日", true}, // a byte order mark
		{"２０１７年７月１４ǎ)日", true},     // a pinyin reading after a fullwidth digit
		{"２０１７－０（ḿ）７－２７", true},    // likewise, in a date of separators
		{"2017年7月14ǎ日", false},     // no reading (no bracket), nor deleted after an ASCII digit
		{"7×24小时服务", false},        // a letter of U+00C0–U+024F that no reading holds
		{"医疗进入前1?。", false},        // garbled residue leaves a U+FFFD: it joins nothing
		{"2017年7月14日", true},       // no odd mark: the digit before 日
		{"第1次会议，第２次会议。", false},
		{"全市生产总值增长5.2%，投资增长3.5%。", false},
		{"日常监管持续加强，节日市场平稳。", false},
		{"第3.5.1条", false},
	} {
		if got := mayHoldDate(c.line); got != c.want {
			t.Errorf("mayHoldDate(%q) = %v, want %v", c.line, got, c.want)
		}
	}
	// Every line of the test documents: a line left out holds no date once normalised.
	for name, data := range readTestdata(t, "*/*.txt") {
		for i, line := range strings.Split(string(data), "\n") {
			if !mayHoldDate(line) {
				if _, _, an := (longDoc{text: line}).analysisOf(0, len(line)); doc.WrittenYear(an.Runes) != 0 {
					t.Errorf("%s:%d: a date missed: %q", name, i+1, line)
				}
			}
		}
	}
}

// TestMayHoldDateSkipsOnlyCJK: skipping whole CJK characters and quiet punctuation
// (quietBytes) changes nothing:
// mayHoldDate answers as looking at every byte does, on the test documents' lines and on
// random splices of them with odd bytes (cut characters, invalid UTF-8, surrogates, CRLF).
func TestMayHoldDateSkipsOnlyCJK(t *testing.T) {
	everyByte := func(line string) bool {
		for i := range len(line) {
			if dateByte[line[i]] && dateAt(line, i) {
				return true
			}
		}
		return false
	}
	lines := []string{"", "\r", "日", "1日", "\xe4\xb8", "\xe4\xb81日", "\xed\xa0\x80", "\xef\xbc", "２０１７－０７－２７\r"}
	for _, data := range readTestdata(t, "*/*.txt") {
		lines = append(lines, strings.Split(string(data), "\n")...)
	}
	odd := []string{"\xe4", "\xe4\xb8", "\xb8", "\xed\xa0\x80", "\xef\xbf\xbd", "\r\n", "1", "-", "日", " ", "\xe9\xbf\xbf", "\xe3\x80\x82",
		"，", "－", "１", "９", "“", "\u200b", "\u200a", "\xef\xbc", "\xe2\x80", "\xef\xbc1", "\xe2\x80.", // quietBytes' edges
		"<b>", "&#26085;", "&amp;", "ǎ", "ḿ", "\u00ad", "\u2060", "\ufeff", "１日", "1\u2002日", "1\u202f日", "1 \u205f日", "／", "．", "\xe1", "\xc2"} // a date's odd marks
	rng := rand.New(rand.NewSource(1))
	for range 20000 {
		a, b := lines[rng.Intn(len(lines))], lines[rng.Intn(len(lines))]
		i, j := rng.Intn(len(a)+1), rng.Intn(len(b)+1)
		lines = append(lines, a[:i]+odd[rng.Intn(len(odd))]+b[j:])
	}
	for _, line := range lines {
		if got, want := mayHoldDate(line), everyByte(line); got != want {
			t.Fatalf("mayHoldDate(%q) = %v, looking at every byte %v", line, got, want)
		}
	}
}

func TestMayHoldEntity(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"R&D经费投入强度", false},
		{"R&D;", true}, // a reference in form, though HTML names no &D;
		{"换行&#10;", true},
		{"&#x4e00;", true},
		{"A&amp;B", true},
		{"&nbsp 无分号", false},
		{"&", false},
		{"a & b; c", false},
		{"&&#10;", true},
	} {
		if got := mayHoldEntity(c.text); got != c.want {
			t.Errorf("mayHoldEntity(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

func BenchmarkMayHoldDate(b *testing.B) {
	var lines []string
	size := 0
	for _, data := range readTestdata(b, "corpus/*.txt") {
		for _, line := range strings.Split(string(data), "\n") {
			lines = append(lines, line)
			size += len(line)
		}
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, line := range lines {
			mayHoldDate(line)
		}
	}
}

// TestSourceLineStartsShortcut: where normalisation kept every rune in its place (no
// source map, as many runes), the analysis text's lines start where the source's do, so
// doc.Chunk may take one for the other. Over the test documents, and text made of what
// normalisation folds, drops and decodes.
func TestSourceLineStartsShortcut(t *testing.T) {
	check := func(name, text string) {
		src := cjk.Runes(text)
		an := normalize.Normalize(textmap.Identity(src))
		if an.Src != nil || len(an.Runes) != len(src) {
			return
		}
		if got, want := lineStartsOf(an.Runes), lineStartsOf(src); !slices.Equal(got, want) {
			t.Fatalf("%s: analysis lines start at %v, source lines at %v", name, got, want)
		}
	}
	for name, data := range readTestdata(t, "*/*.txt") {
		check(name, string(data))
	}
	rng := rand.New(rand.NewSource(3))
	pieces := []string{"\n", "增长", "２０２５", "&#10;", "&amp;", "<b>", "\u3000", "區", " ", "?zhí)", "\u2028", "\r\n", "a"}
	for range 20000 {
		var b strings.Builder
		for range rng.Intn(12) {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		check("random", b.String())
	}
}

// lineStartsOf returns where the lines of a start: 0, and after each newline.
func lineStartsOf(a []rune) []int {
	starts := []int{0}
	for i, r := range a {
		if r == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// TestIsHeaderFragmentText: the test on a line's bytes says what isHeaderFragment says of
// its runes, on the test documents' lines and on odd ones (spaces of every kind around,
// ten and eleven characters, digits, invalid UTF-8).
func TestIsHeaderFragmentText(t *testing.T) {
	lines := []string{"", " ", "\u3000", "（万亩）", "播种面积", " 播种面积\t", "\u3000\u3000一二三四五六七八九十\u3000",
		"一二三四五六七八九十一", "一二三四五六七八九十 ", "万亩1", "１２", "\xe4\xb8", "\xff\xfe", "a\xffb", "\r", "x\r",
		strings.Repeat(" ", 50) + "万亩", "一二三四五六七八九\U0001F600", "\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600"}
	for _, data := range readTestdata(t, "*/*.txt") {
		lines = append(lines, strings.Split(string(data), "\n")...)
	}
	for _, line := range lines {
		if got, want := isHeaderFragmentText(line), isHeaderFragment([]rune(line)); got != want {
			t.Errorf("isHeaderFragmentText(%q) = %v, isHeaderFragment %v", line, got, want)
		}
	}
}

// TestOwnOnly: filtering in place keeps the records a copying filter keeps, in order,
// whichever are dropped.
func TestOwnOnly(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for range 2000 {
		recs := make([]Record, rng.Intn(12))
		for i := range recs {
			recs[i] = Record{Line: 1 + rng.Intn(6), Col: i + 1, Text: fmt.Sprint(i)}
		}
		lo, hi := rng.Intn(4), 2+rng.Intn(5)
		isOwn := func(line, _ int) bool { return line > lo && line <= hi }
		var want []Record
		for _, r := range recs {
			if isOwn(r.Line, r.Col) {
				want = append(want, r)
			}
		}
		if got := ownOnly(slices.Clone(recs), isOwn); !reflect.DeepEqual(got, want) && len(got)+len(want) > 0 {
			t.Fatalf("ownOnly(%v) = %v, want %v", recs, got, want)
		}
	}
}

// chunks is chunksCut with the document's own cuts: what Stream reads.
func (p longDoc) chunks() []chunk { return p.chunksCut(p.cuts()) }

// chunksOf is chunksIn with text's long lines cut (lineCuts).
func chunksOf(text string, blocked func(cut int) bool) []chunk {
	return chunksIn(text, lineCuts(text), blocked)
}
