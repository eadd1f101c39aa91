package extract

import "github.com/policymetrics/policymetrics/extract/segment"

// forSentences calls fn with each sentence of each text, its clauses found, and the
// mentions it holds, as attribute hands them to attributeSentence: the walk the tests of
// attribution's memos and fast paths share.
func forSentences(texts []string, fn func(a []rune, sen segment.Sentence, sm []mention)) {
	for _, s := range texts {
		a := []rune(s)
		ms := findMentions(a, nil, nil)
		k := 0
		for _, sen := range segment.AppendSentenceSpans(nil, a) {
			for k < len(ms) && ms[k].Start < sen.Start {
				k++
			}
			first := k
			for k < len(ms) && ms[k].Start < sen.End {
				k++
			}
			sen.WithClauses(a)
			fn(a, sen, ms[first:k])
		}
	}
}
