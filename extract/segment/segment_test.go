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
// characters in clauses) are none that could end a sentence, break a line, open a remark
// or separate clauses, over every rune value.
func TestSkippedRunes(t *testing.T) {
	for r := rune(-1); r <= 0x110000; r++ {
		stop := r == '\n' || r == '.' || isSentenceEnd(r)
		if plainRune(r) == stop {
			t.Errorf("plainRune(%U) = %v for a rune that %s end a sentence", r, plainRune(r), map[bool]string{true: "may", false: "cannot"}[stop])
		}
		if isHan(r) && (r == '(' || r == '（' || IsClauseSeparator([]rune{'1', r, '1'}, 1) || IsClauseSeparator([]rune{r}, 0)) {
			t.Errorf("Han %U is a bracket or a separator", r)
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
		paths, _ := filepath.Glob(filepath.Join("..", "..", "testdata", pattern))
		if len(paths) == 0 {
			t.Fatalf("no documents match %s", pattern)
		}
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			check(p, []rune(string(data)))
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
