package segment

import (
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
)

func texts(text []rune, spans []Span) []string {
	var out []string
	for _, s := range spans {
		out = append(out, string(text[s.Start:s.End]))
	}
	return out
}

func TestSentences(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"2016年投入34.1亿元支持产业转型升级。其中包括工业转型升级专项。", []string{"2016年投入34.1亿元支持产业转型升级。", "其中包括工业转型升级专项。"}},
		{"标题\n正文第一句！第二句？", []string{"标题", "正文第一句！", "第二句？"}},
		{"他说：“做到了。”然后走了。", []string{"他说：“做到了。”", "然后走了。"}},
		{"没有句号的最后一行", []string{"没有句号的最后一行"}},
		{"  \n\n  缩进的句子。  ", []string{"缩进的句子。"}},
		{"真的吗?!是的.", []string{"真的吗?!", "是的."}},
		{"增长6.5%;下降4%。", []string{"增长6.5%;下降4%。"}},
		{"", nil},
	} {
		text := []rune(c.in)
		var got []string
		for _, s := range Sentences(text) {
			got = append(got, string(text[s.Start:s.End]))
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("Sentences(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestClauses(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"2022年,广州市规模以上工业总产值达23468亿元;(全口径)工业增加值6947亿,同比增长1%。",
			[]string{"2022年", "广州市规模以上工业总产值达23468亿元", "(全口径)工业增加值6947亿", "同比增长1%。"}},
		{"投资总额超过1,035.5亿元，比例达1:27：完成。", []string{"投资总额超过1,035.5亿元", "比例达1:27", "完成。"}},
		{"甲；乙；；丙", []string{"甲", "乙", "丙"}},
		{"总产值19556亿元、增加值4878亿元", []string{"总产值19556亿元、增加值4878亿元"}},
	} {
		text := []rune(c.in)
		ss := Sentences(text)
		if len(ss) != 1 {
			t.Fatalf("%q: %d sentences", c.in, len(ss))
		}
		if got := texts(text, ss[0].Clauses); !reflect.DeepEqual(got, c.want) {
			t.Errorf("clauses of %q = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestFind(t *testing.T) {
	text := []rune("第一句。第二句，有两个分句。\n第三句")
	ss := Sentences(text)
	for i, r := range text {
		k := Find(ss, i)
		if r == '\n' {
			if k != -1 {
				t.Errorf("newline at %d is in sentence %d", i, k)
			}
			continue
		}
		if k < 0 || !ss[k].Contains(i) {
			t.Errorf("Find(%d) = %d", i, k)
		}
	}
	if c := ss[1].ClauseOf(indexOf(text, '有')); c != 1 {
		t.Errorf("ClauseOf(有) = %d, want 1", c)
	}
}

func indexOf(text []rune, r rune) int {
	for i, x := range text {
		if x == r {
			return i
		}
	}
	return -1
}

func FuzzSentences(f *testing.F) {
	f.Add("一。二！三？\n四;五,六：1,000:2")
	f.Fuzz(func(t *testing.T, s string) {
		text := []rune(s)
		prev := 0
		for _, sen := range Sentences(text) {
			if sen.Start < prev || sen.End > len(text) || sen.Start >= sen.End {
				t.Fatalf("bad sentence span %v", sen.Span)
			}
			prev = sen.End
			for _, c := range sen.Clauses {
				if c.Start < sen.Start || c.End > sen.End || c.Start >= c.End {
					t.Fatalf("clause %v outside sentence %v", c, sen.Span)
				}
			}
		}
	})
}

// TestSkippedRunes: the runes the scans skip unread (plainRune in sentences, Chinese
// characters in clauses and after a sentence's end) are none that could end a sentence,
// close one, break a line, open a remark or separate clauses, and IsClauseStop is true for exactly the brackets and separators,
// over every rune value.
func TestSkippedRunes(t *testing.T) {
	for r := rune(-1); r <= 0x110000; r++ {
		stop := r == '\n' || r == '.' || isSentenceEnd(r)
		if plainRune(r) == stop {
			t.Errorf("plainRune(%U) = %v for a rune that %s end a sentence", r, plainRune(r), map[bool]string{true: "may", false: "cannot"}[stop])
		}
		clauseRune := r == '(' || r == '（' || IsClauseSeparator([]rune{'1', r, '1'}, 1) || IsClauseSeparator([]rune{r}, 0)
		if isHan(r) && (isSentenceEnd(r) || isCloser(r)) {
			t.Errorf("Han %U ends a sentence or closes one", r)
		}
		if isHan(r) && clauseRune {
			t.Errorf("Han %U is a bracket or a separator", r)
		}
		if clauseRune != IsClauseStop(r) {
			t.Errorf("IsClauseStop(%U) = %v for a rune that %s a bracket or a separator", r, IsClauseStop(r), map[bool]string{true: "is", false: "is not"}[clauseRune])
		}
	}
}

// everyRuneSentences splits text into sentences as appendSentenceSpans does, but reading
// every rune: what its skipped runes (skipPlain) are checked against.
func everyRuneSentences(text []rune) []Sentence {
	var out []Sentence
	start := 0
	flush := func(end int) {
		if s, e := trim(text, start, end); s < e {
			out = append(out, Sentence{Span: Span{s, e}})
		}
	}
	for i := 0; i < len(text); i++ {
		switch r := text[i]; {
		case r == '\n':
			flush(i)
			start = i + 1
		case isSentenceEnd(r) || isPeriodBetweenHan(text, i):
			j := i + 1
			for j < len(text) && (isSentenceEnd(text[j]) || isCloser(text[j])) {
				j++
			}
			flush(j)
			start = j
			i = j - 1
		}
	}
	flush(len(text))
	return out
}

// TestSentencesAndLines: the one pass that finds sentences and lines finds the sentences
// AppendSentenceSpans finds, a start after every newline and a break after every 。！？!?,
// over the corpus and seed documents and random text of newlines, CRLF, runs of ends and
// closers, spaces and the '.' between Chinese characters.
func TestSentencesAndLines(t *testing.T) {
	check := func(name string, text []rune) {
		t.Helper()
		wantStarts, wantBreaks := []int{0}, []int(nil)
		for i, r := range text {
			if r == '\n' {
				wantStarts = append(wantStarts, i+1)
			}
			if isSentenceEnd(r) {
				wantBreaks = append(wantBreaks, i+1)
			}
		}
		sentences, starts, breaks := AppendSentencesAndLines(nil, nil, nil, text)
		if want := AppendSentenceSpans(nil, text); !reflect.DeepEqual(sentences, want) {
			t.Fatalf("%s: sentences %v, want %v", name, sentences, want)
		}
		if want := everyRuneSentences(text); !reflect.DeepEqual(sentences, want) {
			t.Fatalf("%s: sentences %v, looking at every rune %v", name, sentences, want)
		}
		if !reflect.DeepEqual(starts, wantStarts) {
			t.Fatalf("%s: line starts %v, want %v", name, starts, wantStarts)
		}
		if !reflect.DeepEqual(breaks, wantBreaks) {
			t.Fatalf("%s: sentence breaks %v, want %v", name, breaks, wantBreaks)
		}
		checkStops(t, name, text)
	}
	for _, pattern := range []string{"corpus/*.txt", "seeds/*.txt"} {
		docs := testDocuments(t, pattern)
		if len(docs) == 0 {
			t.Fatalf("no documents match %s", pattern)
		}
		for _, d := range docs {
			check(d.path, d.text)
		}
	}
	pool := []rune("\n\n\r。！？!?.中”\"）)  \u3000a1(“，,:；５\U0002000B\uFF1E")
	rng := rand.New(rand.NewSource(1))
	for range 50000 {
		text := make([]rune, rng.Intn(16))
		for i := range text {
			text[i] = pool[rng.Intn(len(pool))]
		}
		check(string(text), text)
	}
}

// checkStops fails when AppendSentencesAndLinesAt, given where the runes of Stops stand in
// text (alone, and among every third other rune), does not find what
// AppendSentencesAndLines finds.
func checkStops(t *testing.T, name string, text []rune) {
	t.Helper()
	var stops, more []int
	for i, r := range text {
		if slices.Contains(Stops, r) {
			stops = append(stops, i)
			more = append(more, i)
		} else if i%3 == 0 {
			more = append(more, i)
		}
	}
	sentences, starts, breaks := AppendSentencesAndLines(nil, []int{-1}, []int{-2}, text)
	for _, at := range [][]int{stops, more} {
		s, l, b := AppendSentencesAndLinesAt(nil, []int{-1}, []int{-2}, text, at)
		if !reflect.DeepEqual(s, sentences) || !reflect.DeepEqual(l, starts) || !reflect.DeepEqual(b, breaks) {
			t.Fatalf("%s: at stops %v, sentences %v, starts %v, breaks %v; want %v, %v, %v", name, at, s, l, b, sentences, starts, breaks)
		}
	}
}

// TestStops: Stops are the runes plainRune is false for.
func TestStops(t *testing.T) {
	for r := rune(-1); r <= 0x110000; r++ {
		if plainRune(r) == slices.Contains(Stops, r) {
			t.Errorf("plainRune(%U) = %v, and Stops has it: %v", r, plainRune(r), slices.Contains(Stops, r))
		}
	}
}

// FuzzSentencesAndLinesAt: on any text, the scan at the stops finds what the full scan finds.
func FuzzSentencesAndLinesAt(f *testing.F) {
	for _, s := range []string{"", "一。二！三？四.五\n", "他说：“做到了。”然后走了。", "真的吗?!是的.", "增长6.5%。\r\n  \n", "一.(二).“三”"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkStops(t, s, []rune(s))
	})
}

// everyRuneClauses is appendClauses reading every rune one by one, as it did before it
// noted the runes for clauseSplit.readAt: what the splits at stops are checked against.
func everyRuneClauses(out []Span, text []rune, start, end int) []Span {
	s := start
	closeAt := -1
	for i := start; i < end; i++ {
		if (text[i] == '(' || text[i] == '（') && i > closeAt {
			closeAt = remarkEnd(text, i, end)
		}
		if i < closeAt {
			continue
		}
		if IsClauseSeparator(text, i) {
			if a, b := trim(text, s, i); a < b {
				out = append(out, Span{a, b})
			}
			s = i + 1
		}
	}
	if a, b := trim(text, s, end); a < b {
		out = append(out, Span{a, b})
	}
	return out
}

// TestClausesAt: the split reading only the runes IsClauseStop says yes to (alone, and
// among every third other rune), and appendClauses (which notes the runes a buffer at a
// time), find the clauses everyRuneClauses finds, over the corpus, seed and genre
// documents (each sentence, and each document whole as one span) and random text of
// brackets, separators between digits or not, Han characters, spaces and runes past the
// Basic Multilingual Plane, longer than appendClauses' buffer.
func TestClausesAt(t *testing.T) {
	check := func(name string, text []rune, start, end int) {
		t.Helper()
		want := everyRuneClauses([]Span{{-1, -1}}, text, start, end)
		if got := appendClauses([]Span{{-1, -1}}, text, start, end); !reflect.DeepEqual(got, want) {
			t.Fatalf("%s [%d:%d]: appendClauses %v, want %v", name, start, end, got, want)
		}
		var stops, more []int32
		for i := start; i < end; i++ {
			if IsClauseStop(text[i]) {
				stops = append(stops, int32(i-start))
				more = append(more, int32(i-start))
			} else if i%3 == 0 {
				more = append(more, int32(i-start))
			}
		}
		for _, at := range [][]int32{stops, more} {
			sen := Sentence{Span: Span{start, end}}
			arena := sen.WithClausesAt(text, []Span{{-1, -1}}, at)
			if !reflect.DeepEqual(arena, want) || !reflect.DeepEqual(sen.Clauses, want[1:]) && len(want) > 1 {
				t.Fatalf("%s [%d:%d]: at stops %v, clauses %v, want %v", name, start, end, at, arena, want)
			}
		}
	}
	docs := 0
	for _, pattern := range []string{"corpus/*.txt", "seeds/*.txt", "genres/*.txt"} {
		for _, d := range testDocuments(t, pattern) {
			for _, sen := range SentenceSpans(d.text) {
				check(d.path, d.text, sen.Start, sen.End)
			}
			check(d.path, d.text, 0, len(d.text))
			docs++
		}
	}
	if docs < 10 {
		t.Fatalf("only %d documents read", docs)
	}
	pool := []rune("中文一二1234 \u3000(（)）,，:：;；、。%\U0001FF0C\U0001FF08\U0001002C\U0002000B")
	rng := rand.New(rand.NewSource(2))
	for range 50000 {
		text := make([]rune, rng.Intn(200))
		for i := range text {
			text[i] = pool[rng.Intn(len(pool))]
		}
		start := rng.Intn(len(text) + 1)
		check(string(text), text, start, start+rng.Intn(len(text)-start+1))
	}
}

// TestIsSpace: isSpace is the switch over the six spaces it was, over every rune value
// and some below zero.
func TestIsSpace(t *testing.T) {
	plain := func(r rune) bool {
		switch r {
		case ' ', '\t', '\r', '\n', '\u3000', '\u00a0':
			return true
		}
		return false
	}
	for r := rune(-70); r <= 0x110000; r++ {
		if isSpace(r) != plain(r) {
			t.Errorf("isSpace(%U) = %v", r, isSpace(r))
		}
	}
}

// testDocument is a document of testdata, as runes.
type testDocument struct {
	path string
	text []rune
}

// testDocuments reads the documents of testdata that pattern matches.
func testDocuments(t *testing.T, pattern string) []testDocument {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join("..", "..", "testdata", pattern))
	var docs []testDocument
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, testDocument{p, []rune(string(data))})
	}
	return docs
}
