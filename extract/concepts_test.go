package extract

import "testing"

// locateSlow is locate as first written: the indicator read again at every place.
func locateSlow(a []rune, from, to int, indicator string) (int, int) {
	n := len([]rune(indicator))
	for s := to - n; s >= from; s-- {
		if string(a[s:s+n]) == string([]rune(indicator)) {
			return s, s + n
		}
	}
	return -1, -1
}

func TestLocateMatchesSlow(t *testing.T) {
	texts := []string{
		"全市地区生产总值增长5.2%，地区生产总值达到1200亿元",
		"",
		"ab\r\ncd\r\nab",
		"\xff\xfe增长\xed\xa0\x80增长",
		"一般公共预算收入一般公共预算收入",
		"𠀋𠀋增长𠀋",
	}
	indicators := []string{
		"地区生产总值", "生产总值", "", "增长", "\xff", "\xed\xa0\x80增长", "ab", "\r\n",
		"一般公共预算收入", "𠀋增长", "收入一般", "不在其中", "增长\xff",
		"这是一个很长很长很长的指标名称超过了六十四个字节的缓冲区所以它要走另一条路径",
	}
	for _, text := range texts {
		a := []rune(text)
		for _, ind := range indicators {
			for from := 0; from <= len(a); from++ {
				for to := from; to <= len(a); to++ {
					s1, e1 := locate(a, from, to, ind)
					s2, e2 := locateSlow(a, from, to, ind)
					if s1 != s2 || e1 != e2 {
						t.Fatalf("locate(%q, %d, %d, %q) = %d, %d; slow: %d, %d", text, from, to, ind, s1, e1, s2, e2)
					}
				}
			}
		}
	}
}
