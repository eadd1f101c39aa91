package doc

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/policymetrics/policymetrics/extract/internal/cjk"
	"github.com/policymetrics/policymetrics/extract/lexicon"
	"github.com/policymetrics/policymetrics/units"
)

// plainLine is Reader.LineWithBreaks without the quiet paragraphs' shortcut: every pass
// reads every line.
func (r *Reader) plainLine(k int, line []rune, breaks []int) Line {
	l := Line{Period: r.passage.period}
	lv := HeadingLevel(line)
	if r.plan != nil {
		l.Forward = r.plan.line(line, lv)
	} else {
		l.Forward = r.forward.line(line, lv)
	}
	l.changes = r.passage.line(k, line, lv, nil, breaks)
	l.Level = r.level.line(line, lv)
	return l
}

// quietTexts returns the corpus's, seeds' and genres' documents (the pages without their
// tags) and odd documents: lines opening with every word the passes look for at a line's
// start, numbers, quotes and plan names, after headings that leave the forward pass
// pending, in sections forward and not, and short lines ending as notes headings do.
func quietTexts(t *testing.T) []string {
	t.Helper()
	tag := regexp.MustCompile(`<[^>]*>`)
	var texts []string
	for _, pattern := range []string{"corpus/*.txt", "seeds/*.txt", "genres/*.html"} {
		paths, _ := filepath.Glob(filepath.Join("..", "..", "testdata", pattern))
		if len(paths) == 0 {
			t.Fatalf("no documents match %s", pattern)
		}
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, tag.ReplaceAllString(string(data), "\n"))
		}
	}
	var opens []string
	for _, set := range []*lexicon.Set{forwardOpening, reviewOpening, yearsPastFive, levelWords, wholeAreaWords, captionOpeners,
		notesHeading, notesEnd, vocatives, planLeadIn} {
		opens = append(opens, set.Words()...)
	}
	for name := range PlanYears {
		opens = append(opens, name, "“"+name+"”时期", "\""+name+"\"")
	}
	opens = append(opens, "(2)", "（二）", "2.", "二、", "三是", "一批", "10", "（", "“中", "十大", "2026年", "　", " 下一步", "")
	tails := []string{"", "，我们将继续推进改革。", "收支情况", "1 全市概况。“十四五”时期，全市生产总值增长", "：", "注释"}
	heads := []string{"2026年政府工作报告", "2026年预算草案", "一、2025年工作回顾", "二、2026年主要任务", "三、一张蓝图绘到底",
		"（一）高新区预算执行情况", "1.市本级收支", "名词解释", "过去五年，我们砥砺前行。", "下一步，我们将继续努力。"}
	var odd strings.Builder
	for _, h := range heads {
		for _, o := range opens {
			for _, tail := range tails {
				odd.WriteString(h + "\n" + o + tail + "\n" + o + "中" + tail + "\n")
			}
		}
	}
	// A title the passage pass leaves alone that is a quiet paragraph: longer than a
	// section title, with a sentence opening with a time.
	titled := quietTitle + "\n今年是关键之年，全市增长5%。\n"
	return append(texts, odd.String(), titled)
}

const quietTitle = "奋力谱写中国式现代化建设的新篇章新征程新气象！今年是2026年政府工作报告"

// TestQuietOpening: a Reader taking the shortcut for quiet paragraphs reads every line as
// one whose passes read every line, and is left in the same state, over the documents of
// quietTexts read as each genre.
func TestQuietOpening(t *testing.T) {
	quiet := 0
	for _, text := range quietTexts(t) {
		a := []rune(text)
		starts := lineStarts(a)
		base := ReadOutline(a, 0)
		for _, genre := range []Genre{base.Genre, OtherGenre, Bulletin, WorkReport, BudgetReport, Plan} {
			o := base
			o.Genre = genre
			if o.Year == 0 {
				o.Year, o.Now, o.ahead = 2025, 2026, 2026
			}
			fast, plain := o.NewReader(), o.NewReader()
			for k := range starts {
				line := lineAt(a, starts, k)
				breaks := sentenceBreaks(line)
				if HeadingLevel(line) == 0 && quietOpening(cjk.TrimLeft(line)) {
					quiet++
				}
				got, want := fast.LineWithBreaks(k, line, breaks), plain.plainLine(k, line, breaks)
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("genre %d, line %d %q: read %+v, want %+v", genre, k, string(line), got, want)
				}
				if !reflect.DeepEqual(fast, plain) {
					t.Fatalf("genre %d, line %d %q: left the reader at %+v, want %+v", genre, k, string(line), fast, plain)
				}
			}
		}
	}
	if quiet == 0 {
		t.Fatal("no quiet line read")
	}
	title := []rune(quietTitle)
	if o := ReadOutline([]rune(quietTitle+"\n"), 0); o.titleLine != 0 || HeadingLevel(title) != 0 || !quietOpening(title) {
		t.Fatalf("%s: title line %d, heading level %d, quiet %v; want a quiet title", quietTitle, o.titleLine, HeadingLevel(title), quietOpening(title))
	}
}

// TestLineOpeners: lineOpeners holds the first rune of every word and number the passes
// read at a paragraph's start.
func TestLineOpeners(t *testing.T) {
	for _, set := range []*lexicon.Set{forwardOpening, reviewOpening, yearsPastFive, levelWords, wholeAreaWords, captionOpeners} {
		for _, w := range set.Words() {
			if r := []rune(w)[0]; !lineOpeners.Has(r) {
				t.Fatalf("%s: %q not among lineOpeners", w, r)
			}
		}
	}
	for r := rune(-1); r <= 0x110000; r++ {
		if (r == '“' || r == '"' || r == '十' || r == '(' || r == '（' || r >= '0' && r <= '9' || units.IsChineseNumeral(r)) && !lineOpeners.Has(r) {
			t.Fatalf("%q not among lineOpeners", r)
		}
	}
}
