package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/policymetrics/policymetrics/extract"
	"github.com/policymetrics/policymetrics/extract/score"
)

// Quality floors of the real extraction on the five seed documents, scored against the
// dev gold (testdata/gold/dev) exactly as tools/score.py scores. CI fails when a change
// drops a figure below its floor. Raise them as extraction improves, to a little under
// the figures TestSeedQualityFloors logs, so that a regression is caught but rounding
// noise is not.
//
// Reached on 2026-11-22: mention F1 1.000, record F1 0.951, indicator overlap 0.918.
const (
	seedMinMentionF1        = 0.98 // score.py "f1": mention F1 (doc, line, unit and value match)
	seedMinRecordF1         = 0.93 // score.py "record_f1": a match with all fields right
	seedMinIndicatorOverlap = 0.90 // score.py "indicator_overlap": mean LCS F1 of indicators
)

// Floors on six corpus reports annotated by hand, blind to the tool's output
// (testdata/gold/corpus), their periods brought to SPEC §5's resolved rule (2026-11-26).
// Reached then: mention F1 1.000, record F1 0.920, indicator overlap 0.918. Four of the six
// were looked at while writing the rules; Qinghai, measured before any rule looked at it,
// scored mention F1 0.981 and record F1 0.893 under the old period rule. Gansu and Fujian
// were annotated blind later (2026-11-26) and scored before any rule saw them: mention F1
// 0.996 and 0.981, record F1 0.824 and 0.775. Their annotators read levels in a plan
// period's review (达到…%, a count standing at its end) as its last year where the tool
// gives the period, and 新增 in 城镇新增就业 as part of the name; other annotators did
// not. All eight: mention F1 0.997, record F1 0.882. Four more annotated blind, each
// scored before any rule saw it: Guangxi and Hunan (mention F1 1.000 and 0.983, record F1
// 0.740 and 0.845), Shandong (0.998, 0.819) and Yunnan (0.988, 0.795). Their readings of a
// plan-period review (a share, a level reached by 突破/超过, “十三五”末) became rules. All
// twelve (2026-11-26): mention F1 0.997, record F1 0.893. Anhui, annotated after those
// rules and scored before any rule saw it: 0.995, 0.737 (its “——这五年” review
// paragraphs were dated 2025). All thirteen: 0.997, 0.893. Jiangxi, annotated blind in
// the next session and scored with the binary frozen at its start: 0.997, 0.838. All
// fourteen then: 0.997, 0.891. Inner Mongolia, annotated later that session and scored
// before any rule saw it: 1.000, 0.821. All fifteen: 0.997, 0.887. Shaanxi, annotated
// blind in the session after and scored with the binary frozen at its start: 0.990, 0.865.
// All sixteen, after that session's rules: 0.997, 0.891. Sichuan, annotated blind later
// that session and scored with the same frozen binary: 0.991, 0.797 (its key dates the
// plan-period review's counts 2025 where the tool gives the period). All seventeen: 0.996,
// 0.886. Guizhou, Liaoning and Ningxia, annotated blind later that session and scored with
// binaries frozen before their keys existed: 0.983, 0.847; 1.000, 0.877; 0.993, 0.913. All
// twenty, after that session's rules: 0.996, 0.889. Hainan and Xinjiang, the same way:
// 0.974, 0.886 (its notes' headwords, ［10］两个基地…：, were records) and 0.988, 0.843. All
// twenty-two: 0.996, 0.888. Shanxi and Chongqing, the same way: 0.998, 0.847 and 0.995,
// 0.834. All twenty-four: 0.996, 0.883. Beijing and Guangdong, the same way: 0.994, 0.878
// and 0.988, 0.620 (a heading broken over two lines dated its 2026 work 2026-2030; 0.807
// once that was fixed). All twenty-six: 0.995, 0.879; 0.880 after the last two change rules.
const (
	corpusMinMentionF1 = 0.98
	corpusMinRecordF1  = 0.87
)

func TestSeedQualityFloors(t *testing.T) {
	res := scoreExtraction(t, "../../testdata/seeds/*.txt", "../../testdata/gold/dev")
	checkFloors(t, res, "seed", seedMinMentionF1, seedMinRecordF1)
	if res.Figures.IndicatorOverlap < seedMinIndicatorOverlap {
		t.Errorf("indicator overlap %.4f is below the floor seedMinIndicatorOverlap = %v", res.Figures.IndicatorOverlap, seedMinIndicatorOverlap)
	}
}

func TestCorpusQualityFloors(t *testing.T) {
	res := scoreExtraction(t, "../../testdata/corpus/*.txt", "../../testdata/gold/corpus")
	checkFloors(t, res, "corpus", corpusMinMentionF1, corpusMinRecordF1)
}

// checkFloors fails when mention or record F1 fall below their floors (named set+Min…).
func checkFloors(t *testing.T, res *score.Result, set string, mention, record float64) {
	t.Helper()
	if res.F1 < mention {
		t.Errorf("mention F1 %.4f is below the floor %sMinMentionF1 = %v", res.F1, set, mention)
	}
	if res.RecordF1 < record {
		t.Errorf("record F1 %.4f is below the floor %sMinRecordF1 = %v", res.RecordF1, set, record)
	}
}

// scoreExtraction extracts the documents matching pattern and scores them against the
// gold folder exactly as tools/score.py does (documents without gold are ignored).
func scoreExtraction(t *testing.T, pattern, goldDir string) *score.Result {
	t.Helper()
	seeds, err := filepath.Glob(pattern)
	if err != nil || len(seeds) == 0 {
		t.Fatalf("no documents match %s: %v", pattern, err)
	}
	var pred []score.Record
	for _, p := range seeds {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		recs, err := extract.Document(p, data, extract.Options{})
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		conv, err := score.Convert(recs)
		if err != nil {
			t.Fatal(err)
		}
		pred = append(pred, conv...)
	}
	gold, err := score.ReadRecords(goldDir)
	if err != nil {
		t.Fatal(err)
	}
	res, err := score.Score(gold, pred)
	if err != nil {
		t.Fatal(err)
	}
	var report bytes.Buffer
	if err := res.WriteText(&report, testing.Verbose()); err != nil {
		t.Fatal(err)
	}
	t.Logf("%s against %s:\n%s", pattern, goldDir, report.String())
	return res
}

// TestSeedFixtures is the project's own regression check: extraction of every seed must
// equal its committed X.expected.jsonl (regenerate with
// `go run ./cmd/policymetrics check --update testdata/seeds/` and review the diff).
func TestSeedFixtures(t *testing.T) {
	out, errOut, code := runCLI(t, "", false, "check", "../../testdata/seeds/")
	if code != 0 {
		t.Fatalf("check testdata/seeds exited %d:\n%s%s", code, out, errOut)
	}
}

// Floors on documents of other genres annotated blind (testdata/gold/genres): two city
// bulletins (changji, with tab-written tables; huaihua), two budget reports (weifang,
// panjin) and two policy notices (plan_1, plan_4). Before any rule saw them (2026-11-26):
// changji, weifang and the notices mention F1 0.825, record F1 0.015 (periods were not yet
// resolved); huaihua, scored after the period, concept and table work but before any rule
// looked at it, mention F1 0.988, record F1 0.955; panjin likewise mention F1 0.998, record
// F1 0.485 (its draft part was not read as one). All six: mention F1 0.970, record F1
// 0.909, indicator overlap 0.915, modality set F1 0.954; then points of an assessment
// (（3分）, which plan_1 weighs its tasks in) and sound levels (分贝) became units: mention
// F1 0.991 (plan_1 0.317 → 0.982), record F1 0.905 (the new matches' indicators are often
// the deadline after them); then 人公里, 股, 卷, 台件 and temperatures: mention F1 0.994,
// record F1 0.910. Three more were annotated blind and scored before any rule saw them
// (2026-11-26): the taizhou bulletin (mention F1 1.000, record F1 0.896), the shantou
// budget report (1.000, 0.750: 完成预算调整的…% was not read as a rate against the budget)
// and the nanyang bulletin (0.999, 0.971). All nine now: mention F1 0.998, record F1 0.941.
// The chenzhou bulletin, scored before any rule saw it: 0.999, 0.975. All ten: 0.998, 0.950.
// Then the shaoyang bulletin (0.991, 0.972) and the yuxi budget report (0.997, 0.754: its
// 比上年完成数 baseline named the rates), before any rule saw them. All twelve: 0.998, 0.953.
// The pingdingshan budget report, annotated blind in the next session and scored with the
// binary frozen at its start: 1.000, 0.622 (its 年初预算…调整为…实际完成… chains named the
// budget stages, not the item). All thirteen, after the rules that followed: 0.998, 0.952.
// The chuxiong budget report, scored before any rule saw it: 1.000, 0.368 (its dateline,
// —2026年2月10日在…会议上, was read as a heading of the year's work, so every figure was a
// target); with that fixed, 0.960. All fourteen: 0.998, 0.953. The xinyang bulletin and
// the shanghai budget report, annotated blind in the session after and scored with the
// binary frozen at its start: 1.000, 0.970 and 1.000, 0.947. All sixteen, after that
// session's rules: 0.999, 0.955. The yinchuan bulletin and the lvliang budget report,
// annotated later that session and scored with the same frozen binary: 0.998, 0.983 and
// 1.000, 0.934. All eighteen: 0.999, 0.958. Then the bozhou and changsha bulletins and the
// sanya and honghe budget reports, scored with binaries frozen before their keys existed:
// 1.000, 0.950; 1.000, 0.978; 1.000, 0.928; 0.989, 0.868 (honghe's 三公 table read an amount
// column as %). All twenty-two, after that session's rules: 0.999, 0.951. The pingdingshan
// bulletin and the baoshan budget report, the same way: 1.000, 0.987 and 0.998, 0.947. All
// twenty-four: 0.999, 0.953. The yueyang bulletin, the same way: 1.000, 0.977. All
// twenty-five: 0.999, 0.955 after that session's last rules.
const (
	genresMinMentionF1 = 0.98
	genresMinRecordF1  = 0.94
)

func TestGenreQualityFloors(t *testing.T) {
	res := scoreExtraction(t, "../../testdata/genres/*", "../../testdata/gold/genres")
	checkFloors(t, res, "genres", genresMinMentionF1, genresMinRecordF1)
}

// The analyst's answer key (testdata/slots/key.jsonl): headline figures of six 2026 work
// reports and five 2025 bulletins, read by hand (14 and 8 slots each; e.g. the 2026 GDP
// growth target, the 2025 budget revenue). A slot is answered when the records of its
// concept, unit, modality and period with no area hold exactly its value, and nothing
// where the document states none. First measured at 119 of 132 (0.902, with kashgar,
// whose figures are images); 0.98 and more since.
const slotsMinShare = 0.95

func TestHeadlineSlots(t *testing.T) {
	key, err := score.ReadSlots("../../testdata/slots/key.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var recs []extract.Record
	docs := map[string]bool{}
	for _, s := range key {
		docs[s.Doc] = true
	}
	for doc := range docs {
		p := filepath.Join("../../testdata/corpus", doc)
		if _, err := os.Stat(p); err != nil {
			p = filepath.Join("../../testdata/genres", doc)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		r, err := extract.Document(p, data, extract.Options{})
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, r...)
	}
	res := score.ScoreSlots(key, recs)
	ok := 0
	for _, r := range res {
		if r.OK {
			ok++
		} else {
			t.Logf("missed %s %s: want %v, got %v", r.Doc, r.Name, r.Want, r.Got)
		}
	}
	share := float64(ok) / float64(len(res))
	t.Logf("%d of %d slots (%.3f)", ok, len(res), share)
	if share < slotsMinShare {
		t.Errorf("slots answered %.3f, below the floor slotsMinShare = %v", share, slotsMinShare)
	}
}
