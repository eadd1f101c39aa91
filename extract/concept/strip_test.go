package concept

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// placeNameLenPlain is placeNameLen without the look at the first rune: every suffix is
// tried at every place.
func placeNameLenPlain(s string) int {
	runes := 0
	for i := range s {
		if runes >= 2 {
			for _, suf := range mods.placeSuffix {
				if strings.HasPrefix(s[i:], suf) {
					name := s[:i+len(suf)]
					if mods.notPlace.suffix(name) != "" || holdsScope(name) {
						return 0
					}
					return len(name)
				}
			}
		}
		runes++
		if runes > maxPlaceName {
			break
		}
	}
	return 0
}

// placeNameLen agrees with the plain reading at every start of the corpus's lines, of the
// case phrases, and of odd strings (invalid UTF-8, runes beyond the BMP, suffixes alone).
func TestPlaceNameLenMatchesPlain(t *testing.T) {
	texts := []string{"", "市", "郑州市", "黔东南苗族侗族自治州", "\xff\xfe市区", "𠀋𠀋市", "ab特别行政区",
		"拉动全市经济", "六大高耗能行业", "新区新区新区", "香港特别行政区政府", "自治"}
	for _, c := range readCases(t) {
		texts = append(texts, c.phrase)
	}
	paths, _ := filepath.Glob("../../testdata/corpus/*.txt")
	if len(paths) == 0 {
		t.Fatal("no corpus")
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.Split(string(data), "\n")...)
	}
	for _, text := range texts {
		for i := range text {
			s := text[i:]
			if got, want := placeNameLen(s), placeNameLenPlain(s); got != want {
				t.Fatalf("placeNameLen(%q) = %d, plain %d", s, got, want)
			}
		}
	}
}
