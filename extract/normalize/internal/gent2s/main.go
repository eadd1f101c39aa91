// Command gent2s writes the traditional → simplified table of package normalize from
// Unicode's Unihan_Variants.txt (kSimplifiedVariant, kTraditionalVariant).
//
// Usage (from extract/normalize, via go generate):
//
//	go run ./internal/gent2s -in /usr/share/unicode/Unihan_Variants.txt.bz2 -out t2s_table.go
//
// The input may be plain text or bzip2-compressed (Debian's unicode-data package ships
// it compressed). Mapping policy: a character c is mapped to s when
//   - c's kSimplifiedVariant is one character s != c; or it lists several characters,
//     none of them c, and s is the one in the earliest ideograph block (CJK Unified
//     Ideographs, then Extension A, then the supplementary extensions), lowest code
//     point first: 戰 → 战 (not U+229D0), 開 → 开, 線 → 线 (not 缐), 餘 → 余 (not 馀);
//   - c is not itself a simplified form: it is nobody's kSimplifiedVariant, and its own
//     kTraditionalVariant does not list c (著, 乾, 復, 后, 干, 里 stay as written).
//
// The several-candidates case is a refinement of "exactly one kSimplifiedVariant":
// without it very common characters (戰, 開, 買, 願, 線) would stay traditional because
// Unihan also records a rare extension-block simplification for them.
package main

import (
	"bufio"
	"bytes"
	"compress/bzip2"
	"flag"
	"fmt"
	"go/format"
	"io"
	"log"
	"os"
	"sort"
	"strconv"
	"strings"
)

func main() {
	in := flag.String("in", "/usr/share/unicode/Unihan_Variants.txt.bz2", "Unihan_Variants.txt (plain or .bz2)")
	out := flag.String("out", "t2s_table.go", "output Go file")
	pkg := flag.String("pkg", "normalize", "package name of the output")
	flag.Parse()

	f, err := os.Open(*in)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(*in, ".bz2") {
		r = bzip2.NewReader(f)
	}
	v, err := parse(r)
	if err != nil {
		log.Fatalf("%s: %v", *in, err)
	}
	pairs := mapping(v)
	src, err := render(*pkg, v, pairs)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("gent2s: %d mappings written to %s", len(pairs), *out)
}

// variants is what the generator reads from Unihan_Variants.txt.
type variants struct {
	version, date string
	simplified    map[rune][]rune // kSimplifiedVariant
	traditional   map[rune][]rune // kTraditionalVariant
}

func parse(r io.Reader) (*variants, error) {
	v := &variants{simplified: map[rune][]rune{}, traditional: map[rune][]rune{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			if s, ok := strings.CutPrefix(line, "# Unicode version: "); ok {
				v.version = strings.TrimSpace(s)
			}
			if s, ok := strings.CutPrefix(line, "# Date: "); ok {
				v.date = strings.TrimSpace(s)
			}
			continue
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) != 3 {
			return nil, fmt.Errorf("line %d: want 3 tab-separated fields, got %q", n, line)
		}
		var dst map[rune][]rune
		switch fields[1] {
		case "kSimplifiedVariant":
			dst = v.simplified
		case "kTraditionalVariant":
			dst = v.traditional
		default:
			continue
		}
		c, err := codePoint(fields[0])
		if err != nil {
			return nil, fmt.Errorf("line %d: %v", n, err)
		}
		for _, val := range strings.Fields(fields[2]) {
			val, _, _ = strings.Cut(val, "<") // drop source tags like U+4E94<kMatthews
			t, err := codePoint(val)
			if err != nil {
				return nil, fmt.Errorf("line %d: %v", n, err)
			}
			dst[c] = append(dst[c], t)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(v.simplified) == 0 {
		return nil, fmt.Errorf("no kSimplifiedVariant entries")
	}
	return v, nil
}

func codePoint(s string) (rune, error) {
	h, ok := strings.CutPrefix(s, "U+")
	if !ok {
		return 0, fmt.Errorf("bad code point %q", s)
	}
	n, err := strconv.ParseUint(h, 16, 32)
	if err != nil || n > 0x10FFFF {
		return 0, fmt.Errorf("bad code point %q", s)
	}
	return rune(n), nil
}

// mapping applies the policy in the package comment and returns sorted pairs.
func mapping(v *variants) [][2]rune {
	isSimplified := map[rune]bool{}
	for _, ss := range v.simplified {
		for _, s := range ss {
			isSimplified[s] = true
		}
	}
	var pairs [][2]rune
	for c, ss := range v.simplified {
		if isSimplified[c] {
			continue
		}
		s := preferred(c, ss)
		if s == 0 {
			continue
		}
		self := false
		for _, t := range v.traditional[c] {
			if t == c {
				self = true
			}
		}
		if self {
			continue
		}
		pairs = append(pairs, [2]rune{c, s})
	}
	sort.Slice(pairs, func(i, j int) bool { return pairs[i][0] < pairs[j][0] })
	return pairs
}

// preferred returns the simplified form to use for c among its kSimplifiedVariant
// values ss, or 0 when c lists itself (it is then a simplified form in its own right).
func preferred(c rune, ss []rune) rune {
	var best rune
	for _, s := range ss {
		if s == c {
			return 0
		}
		if best == 0 || blockRank(s) < blockRank(best) || blockRank(s) == blockRank(best) && s < best {
			best = s
		}
	}
	return best
}

// blockRank orders the ideograph blocks by how common their characters are.
func blockRank(r rune) int {
	switch {
	case r >= 0x4E00 && r <= 0x9FFF:
		return 0 // CJK Unified Ideographs
	case r >= 0x3400 && r <= 0x4DBF:
		return 1 // Extension A
	}
	return 2
}

func render(pkg string, v *variants, pairs [][2]rune) ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by gent2s from Unihan_Variants.txt; DO NOT EDIT.\n\n")
	fmt.Fprintf(&b, "// Source: kSimplifiedVariant and kTraditionalVariant of Unihan_Variants.txt,\n")
	fmt.Fprintf(&b, "// Unicode version %s (file date %s), from Debian's unicode-data package.\n", v.version, v.date)
	fmt.Fprintf(&b, "// Unicode Character Database © Unicode, Inc., distributed under the Unicode License\n")
	fmt.Fprintf(&b, "// (Unicode License v3, SPDX Unicode-3.0); see LICENSE-UNICODE in this directory.\n")
	fmt.Fprintf(&b, "// This table is derived (modified) data: one simplified character for each\n")
	fmt.Fprintf(&b, "// traditional character that is not itself a simplified form in use (the policy\n")
	fmt.Fprintf(&b, "// is documented in internal/gent2s).\n\n")
	fmt.Fprintf(&b, "package %s\n\n", pkg)
	fmt.Fprintf(&b, "// t2sPairs maps a traditional character to its simplified form, sorted by the\n")
	fmt.Fprintf(&b, "// traditional character. %d pairs.\n", len(pairs))
	fmt.Fprintf(&b, "var t2sPairs = [...][2]rune{\n")
	for i, p := range pairs {
		if i%6 == 0 {
			b.WriteString("\t")
		}
		fmt.Fprintf(&b, "{%s, %s},", strconv.QuoteRune(p[0]), strconv.QuoteRune(p[1]))
		if i%6 == 5 || i == len(pairs)-1 {
			b.WriteString("\n")
		} else {
			b.WriteString(" ")
		}
	}
	b.WriteString("}\n")
	return format.Source(b.Bytes())
}
