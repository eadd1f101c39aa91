package concept

import (
	"fmt"
	"hash/maphash"
	"strings"
	"sync"
	"testing"
	"unsafe"
)

// Each look finds the stripping stored for its own phrase, never another's, up to the
// memo's bound; past it, phrases are not stored.
func TestMemoKeepsPhrases(t *testing.T) {
	var m memo
	const n = maxMemo + 100
	want := make([]*stripped, n)
	for i := range want {
		want[i] = &stripped{core: fmt.Sprint(i)}
		m.store(fmt.Sprintf("短语%d", i), want[i])
		m.store(fmt.Sprintf("短语%d", i), &stripped{}) // a second store keeps the first
		// The table is the least power of two past twice its phrases: no larger, so that
		// a few thousand phrases are read from a few cache pages.
		stored := min(i+1, maxMemo)
		if slots := len(m.table.Load().slots); slots < 2*stored || slots > max(firstMemoSlots, 4*stored) {
			t.Fatalf("%d phrases in %d slots", stored, slots)
		}
	}
	for i, w := range want {
		s, ok := m.load(fmt.Sprintf("短语%d", i))
		switch {
		case ok && s.core != w.core:
			t.Fatalf("load(短语%d) = stripping of %q", i, s.core)
		case ok != (i < maxMemo):
			t.Fatalf("load(短语%d) found %v, memo of %d phrases", i, ok, maxMemo)
		}
	}
}

// Phrases kept in an entry and phrases too long for it are told apart at every length
// around the bound, and a phrase never finds another that shares its start or its length.
func TestMemoPhraseLengths(t *testing.T) {
	var m memo
	var phrases []string
	for n := 0; n <= 2*len(memoEntry{}.key)+2; n++ {
		phrases = append(phrases, strings.Repeat("a", n), strings.Repeat("b", n),
			strings.Repeat("a", max(n-1, 0))+"b")
	}
	phrases = append(phrases, "经济总量", "经济总量增长", strings.Repeat("经济", 7), strings.Repeat("经济", 7)+"增长")
	seen := map[string]bool{}
	for _, p := range phrases {
		if _, ok := m.load(p); ok != seen[p] {
			t.Fatalf("load(%q) found %v, stored %v", p, ok, seen[p])
		}
		m.store(p, &stripped{core: p})
		seen[p] = true
	}
	for _, p := range phrases {
		if s, ok := m.load(p); !ok || s.core != p {
			t.Fatalf("load(%q) = %v, %v", p, s, ok)
		}
	}
}

// Workers storing and loading the same phrases at once each find one stripping per
// phrase, the first stored, and the memo never holds more than its bound and the workers'
// last stores (run with -race).
func TestMemoConcurrent(t *testing.T) {
	var m memo
	const workers, phrases = 4, maxMemo + 1000
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range phrases {
				p := fmt.Sprintf("短语%d", (i*5+w*1013)%phrases)
				if s, ok := m.load(p); ok && s.core != p {
					t.Errorf("load(%s) = stripping of %q", p, s.core)
					return
				}
				m.store(p, &stripped{core: p})
			}
		}()
	}
	wg.Wait()
	if m.n != maxMemo {
		t.Fatalf("memo holds %d phrases, bound %d", m.n, maxMemo)
	}
}

// What the memo gives, on the first look (stored) and the next (loaded), is what the plain
// computation gives, for the case phrases and odd ones.
func TestMemoMatchesPlain(t *testing.T) {
	phrases := []string{"", " ", "全省", " 全省地区生产总值 ", "市本级(含经开区)一般公共预算收入",
		"河南省郑州市", "(含", "经济", "2025年", "全市规模以上工业增加值（GDP）"}
	for _, c := range readCases(t) {
		phrases = append(phrases, c.phrase)
	}
	l := Default().With(&List{})
	for pass := 0; pass < 2; pass++ {
		for _, p := range phrases {
			for _, after := range []string{"", "增长", "总量"} {
				c, place, err := l.MatchPlace(p, after)
				wc, wplace, werr := plainMatchPlace(l, p, after)
				if c != wc || place != wplace || (err == nil) != (werr == nil) {
					t.Errorf("pass %d: MatchPlace(%q, %q) = %q, %q, %v; plain %q, %q, %v",
						pass, p, after, c, place, err, wc, wplace, werr)
				}
			}
		}
	}
}

// plainMatchPlace is matchPlace without the memo.
func plainMatchPlace(l *List, phrase, after string) (string, string, error) {
	phrase = trimSpace(phrase)
	bare := withoutAsides(phrase)
	s := l.strip(bare)
	s.place, _ = StripPlace(bare)
	if s.concept != "" || len(l.patterns) == 0 || s.core == "" {
		return s.concept, s.place, nil
	}
	t := afterText{s: after}
	c, err := l.matchPatterns(s.core, &t, &s.allowed, 0)
	return c, s.place, err
}

// With patterns whose prefixes fit some phrases only, fit only with the text after them,
// or are empty, the memo's first pattern (firstPattern) gives what trying them all gives.
func TestMemoPatternsMatchPlain(t *testing.T) {
	user, err := Parse("my.txt", strings.NewReader(`
甲 = /工业增加值增速/ | /规模以上.*利润/
乙 = /经济(?=增长)/ | /(?:全市)?消费品/
丙 = /社会消费品零售额?/ | /消费(?=增长)/
丁 = /数字经济核心产业增加值/
`))
	if err != nil {
		t.Fatal(err)
	}
	phrases := []string{"", "工业", "工业增加值", "工业增加值增速", "规模以上", "规模以上工业利润",
		"经", "经济", "全市经济", "消费品", "全市消费品", "社会", "社会消费品零售", "社会消费品零售额",
		"消费", "数字", "数字经济核心产业", "数字经济核心产业增加值", "地区生产总值", "全省经济"}
	for _, c := range readCases(t) {
		phrases = append(phrases, c.phrase)
	}
	for _, l := range []*List{Default().With(user), user} {
		for pass := 0; pass < 2; pass++ {
			for _, p := range phrases {
				for _, after := range []string{"", "增长", "增速", "零售额", "核心产业增加值", "利润"} {
					c, place, err := l.MatchPlace(p, after)
					wc, wplace, werr := plainMatchPlace(l, p, after)
					if c != wc || place != wplace || (err == nil) != (werr == nil) {
						t.Errorf("pass %d: MatchPlace(%q, %q) = %q, %q, %v; plain %q, %q, %v",
							pass, p, after, c, place, err, wc, wplace, werr)
					}
				}
			}
		}
	}
}

// TestMemoEntrySize holds the memo's entry to its size: a look's cost is the lines of the
// entry it reads, and a field added to stripped or ends grows every entry.
func TestMemoEntrySize(t *testing.T) {
	if n := unsafe.Sizeof(memoEntry{}); n > 160 && unsafe.Sizeof(uintptr(0)) == 8 {
		t.Errorf("memoEntry takes %d bytes, more than 160", n)
	}
}

// The memo's strings beyond its entries are bounded in bytes: phrases too long for an
// entry's key stop being stored once they hold maxMemoCloned, well before maxMemo
// phrases; those stored are still found.
func TestMemoBoundsLongPhrases(t *testing.T) {
	var m memo
	long := strings.Repeat("ئۇيغۇر", 10) // 120 bytes: longer than a key
	stored := 0
	for i := 0; i < maxMemo; i++ {
		p := fmt.Sprintf("%s%d", long, i)
		m.store(p, &stripped{core: p})
		if _, ok := m.load(p); ok {
			stored++
		}
	}
	if m.cloned > maxMemoCloned+len(long)+8 {
		t.Errorf("memo cloned %d bytes, bound %d", m.cloned, maxMemoCloned)
	}
	if want := maxMemoCloned / (len(long) + 5); stored < want || stored > 2*want {
		t.Errorf("%d long phrases stored, want about %d", stored, want)
	}
	if s, ok := m.load(long + "0"); !ok || s.core != long+"0" {
		t.Errorf("first phrase: %v, %v", s, ok)
	}
}

// A core and place cut from the phrase are kept as cuts of the entry's own copy of it,
// not copied again; neither the phrase nor them view the caller's memory.
func TestMemoCutsCoreAndPlaceFromPhrase(t *testing.T) {
	for _, phrase := range []string{"全省地区生产总值", "全省" + strings.Repeat("规模以上工业增加值", 3)} {
		var m memo
		buf := []byte(phrase)
		p := string(buf) // a copy: the entry must copy again
		s := &stripped{core: strings.TrimPrefix(p, "全省"), place: p[:len("全省")]}
		m.store(p, s)
		e, _ := m.table.Load().find(p, hashOf(p))
		kept := e.phrase()
		if unsafe.StringData(kept) == unsafe.StringData(p) {
			t.Fatalf("%s: the entry views the caller's phrase", phrase)
		}
		for _, part := range []string{e.s.core, e.s.place} {
			at := uintptr(unsafe.Pointer(unsafe.StringData(part))) - uintptr(unsafe.Pointer(unsafe.StringData(kept)))
			if at > uintptr(len(kept)-len(part)) {
				t.Errorf("%s: %q is not a cut of the entry's phrase", phrase, part)
			}
		}
		if e.s.core != s.core || e.s.place != s.place {
			t.Errorf("%s: kept %q %q", phrase, e.s.core, e.s.place)
		}
		want := 0 // a short phrase is held in the entry's key
		if len(phrase) > len(e.key) {
			want = len(phrase)
		}
		if m.cloned != want {
			t.Errorf("%s: cloned %d bytes, want %d: the phrase alone", phrase, m.cloned, want)
		}
	}
	// A core not in the phrase (asides dropped from its middle) is copied.
	var m memo
	m.store("收入（含基金）总额", &stripped{core: strings.Clone("收入总额")})
	if m.cloned != len("收入总额") {
		t.Errorf("a core not in its phrase: cloned %d bytes", m.cloned)
	}
}

func hashOf(p string) uint64 { return maphash.String(memoSeed, p) }
