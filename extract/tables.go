package extract

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/policymetrics/policymetrics/extract/concept"
	"github.com/policymetrics/policymetrics/extract/doc"
	"github.com/policymetrics/policymetrics/extract/internal/cjk"
	"github.com/policymetrics/policymetrics/extract/lexicon"
	"github.com/policymetrics/policymetrics/extract/read"
	"github.com/policymetrics/policymetrics/units"
)

// Records of tables (a bulletin's 地区生产总值（亿元） | 伊州区 | 664.08): the cell holds a
// bare number; its unit stands in the column header, a 单位 column, the row label or the
// caption; what it measures is the row label joined with the column's measure.

var (
	growthColumns   = lexicon.Get("table-growth-columns")
	amountChanges   = lexicon.Get("table-amount-change-columns")
	genericColumns  = lexicon.Get("table-generic-columns")
	codeColumnWords = lexicon.Get("table-code-columns")
	markerCells     = lexicon.Get("table-marker-cells")
	indexColumns    = lexicon.Get("table-index-columns")
	ratioColumns    = lexicon.Get("table-ratio-columns")
	totalRows       = lexicon.Get("table-total-rows")
	tableTitleEnds  = lexicon.Get("table-title-ends")
	unitColumns     = lexicon.Get("table-unit-columns")
	planColumns     = lexicon.Get("table-plan-columns")
	factColumns     = lexicon.Get("table-fact-columns")
	labelPrefixes   = lexicon.Get("table-label-prefixes")
)

// maxLabelRunes is the longest cell still read as a label or a header: a longer cell is
// running text, and its table is a page layout, not data.
const maxLabelRunes = 40

// lazyRegexp compiles expr at its first use, not at start-up, which a run started once
// per file pays whether it reads a table or not. Asked once a line or a cell, not a rune.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

var (
	bracketUnit = lazyRegexp(`[（(]([^（()）]{1,12})[)）]\s*$`)
	captionUnit = lazyRegexp(`单位\s*[:：]\s*([^\s,，;；)）]{1,8})`)
	yearInText  = lazyRegexp(`(1[9]\d\d|2[01]\d\d)\s*年`)
	tableNumber = lazyRegexp(`^(?:附表|表)[0-9一二三四五六七八九十]+[-—－、.．]?\d*`)
	numbering   = lazyRegexp(`^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+(?:[.．]\d+)*[、.．]|[①-⑳])\s*`)
)

// numberingEnd returns where a label's item number (一、 (二) 7. 1.1. ①) ends, or -1. A digit
// right after "3." makes a decimal, not an item number. (Go's regexp has no lookahead: a
// pattern that checked the next character consumed it, and 7.下级上解收入 lost its 下.)
func numberingEnd(s string) int {
	loc := numbering().FindStringIndex(s)
	if loc == nil {
		return -1
	}
	if loc[1] < len(s) && s[loc[1]] >= '0' && s[loc[1]] <= '9' {
		m := strings.TrimSpace(s[:loc[1]])
		if (strings.HasSuffix(m, ".") || strings.HasSuffix(m, "．") || strings.HasSuffix(m, "、")) && m[0] >= '0' && m[0] <= '9' {
			return -1
		}
	}
	return loc[1]
}

// tableCell is a numeric cell of a data table, read.
type tableCell struct {
	r, c   int
	q      units.Quantity
	neg    bool
	hasNum bool
}

// tableRecords returns the records of the data tables of d, and the source spans of the
// cells they came from, which the running-text pass leaves alone.
func tableRecords(d *doc.Document, opts Options) ([]Record, []span) {
	var recs []Record
	var claimed []span
	for ti := range d.Tables {
		r, c := oneTable(d, &d.Tables[ti], opts)
		recs = append(recs, r...)
		claimed = append(claimed, c...)
	}
	return recs, claimed
}

type span struct{ start, end int } // in source runes

// cellNumber reads a cell that is a number and nothing else (5.6, -3.6, 1,234, 12.5%,
// 664.08亿元); the sign is returned apart, as the text records keep magnitudes.
func cellNumber(s string) (units.Quantity, bool, bool) {
	s = strings.TrimSpace(s)
	neg := false
	for _, m := range []string{"-", "−", "－", "–"} {
		if strings.HasPrefix(s, m) && len(s) > len(m) {
			s, neg = strings.TrimSpace(s[len(m):]), true
			break
		}
	}
	s = strings.TrimPrefix(s, "+")
	if s == "" || !(s[0] >= '0' && s[0] <= '9' || s[0] == '.') {
		return units.Quantity{}, false, false
	}
	q, err := units.Parse(s)
	if err != nil || q.Qualifier != units.NoQualifier || q.Unit == "年" || q.Unit == "月" {
		return units.Quantity{}, false, false // 2025年 heads a column; it is no figure
	}
	return q, neg, true
}

func oneTable(d *doc.Document, t *read.Table, opts Options) ([]Record, []span) {
	rows := t.Rows
	if len(rows) < 2 || longCells(rows) {
		return nil, nil
	}
	width := 0
	for _, row := range rows {
		width = max(width, len(row))
	}
	// Header rows: those before the first row holding a number beyond its first cell.
	firstData := len(rows)
	for r, row := range rows {
		if isDataRow(row) {
			firstData = r
			break
		}
	}
	if firstData == len(rows) {
		return nil, nil
	}
	// Title rows inside the table (表1 …, 单位：万吨: one filled cell) are its caption.
	firstHeader := 0
	var titles []string
	for firstHeader < firstData && filledCells(rows[firstHeader]) == 1 {
		titles = append(titles, firstFilled(rows[firstHeader]))
		firstHeader++
	}
	header := make([]string, width)
	for c := 0; c < width; c++ {
		var parts []string
		for r := firstHeader; r < firstData; r++ {
			if c < len(rows[r]) {
				if s := rows[r][c].Text; s != "" && (len(parts) == 0 || parts[len(parts)-1] != s) {
					parts = append(parts, s)
				}
			}
		}
		header[c] = strings.ReplaceAll(strings.Join(parts, ""), " ", "") // 调整 预算数: a wrapped cell
	}
	caption := t.Caption
	if caption == "" {
		caption = captionBefore(d, rows)
	}
	caption = strings.TrimSpace(strings.Join(append([]string{caption}, titles...), " "))
	tableUnit := unitIn(caption)
	period := ""
	if m := yearInText().FindStringSubmatch(caption); m != nil {
		period = m[1]
	}
	labelCols, unitCol := labelColumns(rows[firstData:], header, width)
	codeCols := codeColumns(rows[firstData:], labelCols, header)
	var recs []Record
	var claimed []span
	section, sectionIndent, sectionNumbering := "", 0, 0
	for r := firstData; r < len(rows); r++ {
		row := rows[r]
		label := rowLabel(row, labelCols, len(row))
		indent := labelIndent(row, labelCols)
		numbering := labelNumbering(rawLabel(row, labelCols))
		if !rowHasNumber(row) {
			if label != "" && !strings.Contains(label, "单位") && !hasWord(codeColumnWords, label) {
				section, sectionIndent, sectionNumbering = label, indent, numbering
			}
			continue
		}
		if section != "" && (indent > 0 || sectionIndent > 0) && indent <= sectionIndent {
			// An indented table (类, 款, 项 by leading spaces): a row no deeper than the
			// empty one before it is its sibling, not its part (   数据事务 then   人大事务).
			section = ""
		}
		if section != "" && sectionNumbering != 0 && numbering == sectionNumbering {
			section = "" // 四、卫生健康 (empty) then 五、城乡社区: numbered alike, siblings
		}
		rowUnit := ""
		if unitCol >= 0 && unitCol < len(row) {
			rowUnit = row[unitCol].Text
		}
		for c := 0; c < len(row); c++ {
			if labelCols[c] || c == unitCol || codeCols[c] {
				continue
			}
			cell := row[c]
			if c > 0 && row[c-1].Offset == cell.Offset {
				continue // a merged cell counts once
			}
			q, neg, ok := cellNumber(cell.Text)
			if !ok || cell.Offset < 0 {
				continue
			}
			head, measureOf := header[c], ""
			if hasWord(growthColumns, head) {
				measureOf = leftMeasure(header, labelCols, c) // 产量 | 比上年增长: the growth of 产量
			}
			rec, ok := cellRecord(d, opts, q, neg, cell, head, measureOf, rowLabel(row, labelCols, c), section, rowUnit, tableUnit, caption, period)
			if !ok {
				continue
			}
			recs = append(recs, rec)
			if s, e := d.Base.SourceSpan(cell.Offset, cell.Offset+len([]rune(cell.Text)), d.SrcLen); e > s {
				claimed = append(claimed, span{s, e})
			}
		}
	}
	return recs, claimed
}

// filledCells counts the distinct filled cells of a row (a merged cell once).
func filledCells(row []read.Cell) int {
	n := 0
	for c, cell := range row {
		if cell.Text != "" && !(c > 0 && row[c-1].Offset == cell.Offset && cell.Offset >= 0) {
			n++
		}
	}
	return n
}

func firstFilled(row []read.Cell) string {
	for _, c := range row {
		if c.Text != "" {
			return c.Text
		}
	}
	return ""
}

// longCells reports a table whose cells hold running text (a page laid out in a table).
func longCells(rows [][]read.Cell) bool {
	long, all := 0, 0
	for _, row := range rows {
		for _, c := range row {
			if c.Text == "" {
				continue
			}
			all++
			if len([]rune(c.Text)) > maxLabelRunes {
				long++
			}
		}
	}
	return long*5 > all
}

func rowHasNumber(row []read.Cell) bool {
	for c := 1; c < len(row); c++ {
		if _, _, ok := cellNumber(row[c].Text); ok {
			return true
		}
	}
	return false
}

// isDataRow reports a row mostly of figures: at least half its filled cells after the
// first are numbers (a header row may hold a stray number: 预算数 | 3 | 执行数).
func isDataRow(row []read.Cell) bool {
	num, filled := 0, 0
	for c := 1; c < len(row); c++ {
		if c > 0 && row[c].Offset == row[c-1].Offset && row[c].Offset >= 0 {
			continue // a merged cell counts once
		}
		if row[c].Text == "" {
			continue
		}
		if _, _, ok := cellNumber(row[c].Text); ok {
			num++
		} else if utf8.RuneCountInString(strings.TrimSpace(row[c].Text)) == 1 {
			continue // a flag (是/否 under 打印, √): no header word, no figure
		}
		filled++
	}
	return num > 0 && 2*num >= filled
}

// labelColumns marks the columns that label rows (text in most data rows) and finds a
// 单位 column.
func labelColumns(data [][]read.Cell, header []string, width int) ([]bool, int) {
	labels := make([]bool, width)
	unitCol := -1
	for c := 0; c < width; c++ {
		if unitColumns.Contains(strings.TrimSpace(header[c])) {
			unitCol = c
			continue
		}
		text, num := 0, 0
		for _, row := range data {
			if c >= len(row) || row[c].Text == "" {
				continue
			}
			if _, _, ok := cellNumber(row[c].Text); ok {
				num++
			} else {
				text++
			}
		}
		labels[c] = text > num
	}
	return labels, unitCol
}

// codeColumns marks the columns of codes and row numbers: named so in the header (科目编码,
// 序号), or numbers standing left of every label (101 | 一、税收收入 | 288755).
func codeColumns(data [][]read.Cell, labels []bool, header []string) []bool {
	codes := make([]bool, len(labels))
	firstLabel := len(labels)
	for c, l := range labels {
		if l {
			firstLabel = c
			break
		}
	}
	for c := range codes {
		codes[c] = hasWord(codeColumnWords, header[c]) || c < firstLabel && firstLabel < len(labels) || rowRefColumn(data, header[c], c)
	}
	return codes
}

// rowRefColumn reports a spreadsheet's helper column of row references: a header that
// ends in a bare number (2025年 over 3) above integers rising row by row (8, 10, 22, 40…),
// the rows a print layout picks. Data under a year (2021 | 8738, -4347) never rises so.
func rowRefColumn(data [][]read.Cell, header string, c int) bool {
	if header == "" || header[len(header)-1] < '0' || header[len(header)-1] > '9' {
		return false
	}
	prev, n := -1, 0
	for _, row := range data {
		if c >= len(row) || row[c].Text == "" {
			continue
		}
		v, err := strconv.Atoi(strings.TrimSpace(row[c].Text))
		if err != nil || v <= prev {
			return false
		}
		prev, n = v, n+1
	}
	return n >= 5
}

// rowLabel is the name of the row for the cells of column c: the nearest label cell to
// their left (two tables side by side each have theirs), less numbering and 其中：/＃.
func rowLabel(row []read.Cell, labelCols []bool, c int) string {
	for k := min(c, len(row)) - 1; k >= 0; k-- {
		if k < len(labelCols) && labelCols[k] && isLabelText(row[k].Text) {
			return cleanLabel(row[k].Text)
		}
	}
	return ""
}

// rawLabel returns a row's label cell as written, numbering and all.
func rawLabel(row []read.Cell, labelCols []bool) string {
	for k := range row {
		if k < len(labelCols) && labelCols[k] && isLabelText(row[k].Text) {
			return strings.TrimSpace(row[k].Text)
		}
	}
	return ""
}

// labelNumbering is the level of the numbering a label opens with (doc.HeadingLevel: 一、
// is 2, （一） 3, 1. 4), or 0 when it has none: an unnumbered label is no sibling of another.
func labelNumbering(label string) int {
	if lv := doc.HeadingLevel([]rune(label)); lv > 1 {
		return lv
	}
	return 0
}

// labelIndent returns how far a row's label is indented by leading spaces (an ideographic
// space counts two), the way budget tables show 类, 款 and 项.
func labelIndent(row []read.Cell, labelCols []bool) int {
	for k := len(row) - 1; k >= 0; k-- {
		if k < len(labelCols) && labelCols[k] && isLabelText(strings.TrimSpace(row[k].Text)) {
			n := 0
			for _, r := range row[k].Text {
				switch r {
				case ' ', '\u00a0':
					n++
					continue
				case '\u3000':
					n += 2
					continue
				}
				break
			}
			return n
		}
	}
	return 0
}

// isLabelText reports a cell that can name a row: not empty, not a marker of the row's
// level or flag (类, 款, 项, 是, 否).
func isLabelText(s string) bool {
	return s != "" && !markerCells.Contains(s)
}

func cleanLabel(s string) string {
	s = strings.TrimSpace(s)
	for changed := true; changed; {
		changed = false
		if n := labelPrefixes.PrefixAt([]rune(s), 0); n > 0 {
			s, changed = strings.TrimSpace(string([]rune(s)[n:])), true
		}
		if end := numberingEnd(s); end >= 0 && end < len(s) {
			s, changed = s[end:], true
		}
	}
	return joinSpacedHan(strings.TrimSpace(s))
}

// joinSpacedHan drops spaces between two Han characters: a label letter-spaced to fill its
// cell (支 出 合 计), or words spread over a justified PDF line, are one word.
func joinSpacedHan(s string) string {
	if strings.IndexByte(s, ' ') < 0 {
		// U+3000 is E3 80 80, and most Han characters lead with E4–E9 (E3 leads the CJK
		// punctuation, 、《》, and extension A): a byte search settles nearly every name,
		// where a substring search costs several times more (ContainsAny, with a
		// non-ASCII rune to look for, decodes every rune).
		if i := strings.IndexByte(s, 0xE3); i < 0 || !strings.Contains(s[i:], "\u3000") {
			return s
		}
	}
	rs := []rune(s)
	out := rs[:0:0]
	for i, r := range rs {
		if (r == ' ' || r == '\u3000') && len(out) > 0 && cjk.IsHan(out[len(out)-1]) {
			k := i
			for k < len(rs) && (rs[k] == ' ' || rs[k] == '\u3000') {
				k++
			}
			if k < len(rs) && cjk.IsHan(rs[k]) {
				continue
			}
		}
		out = append(out, r)
	}
	return string(out)
}

// unitIn reads a unit named in text: 单位：亿元, or a trailing bracket (产量（万吨）).
func unitIn(s string) string {
	if m := captionUnit().FindStringSubmatch(s); m != nil {
		// A caption run into the header (…情况表单位：万元政府债务2025年增减变化): the
		// longest start of what follows 单位 that is a unit.
		rs := []rune(m[1])
		for n := len(rs); n > 0; n-- {
			if u, err := units.Parse("1" + string(rs[:n])); err == nil && u.Unit != "" {
				return string(rs[:n])
			}
		}
		return m[1]
	}
	if m := bracketUnit().FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return ""
}

// withUnit applies a unit phrase (亿元, 万吨, %) to a bare number: 664.08 and 亿元 give
// 66408000000 元. ok is false when the phrase is no unit.
func withUnit(q units.Quantity, unit string) (units.Quantity, bool) {
	unit = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(unit, "单位:"), "单位："))
	if unit == "" {
		return q, false
	}
	u, err := units.Parse("1" + unit)
	if err != nil || u.Unit == "" {
		return q, false
	}
	exp, ok := powerOfTen(u.Value)
	if !ok {
		return q, false
	}
	v, err := q.Value.MulPow10(exp)
	if err != nil {
		return q, false
	}
	q.Value, q.Unit, q.RawUnit = v, u.Unit, unit
	return q, true
}

func powerOfTen(d units.Decimal) (int, bool) {
	s := d.String()
	if !strings.HasPrefix(s, "1") || strings.Trim(s[1:], "0") != "" {
		return 0, false
	}
	return len(s) - 1, true
}

func cellRecord(d *doc.Document, opts Options, q units.Quantity, neg bool, cell read.Cell, head, grownMeasure, label, section, rowUnit, tableUnit, caption, period string) (Record, bool) {
	growth := hasWord(growthColumns, head)
	if neg && !growth {
		q.Value = q.Value.Neg() // -1375 under 2024年决算数: a negative amount (a refund), not a fall
	}
	measure := strings.TrimSpace(bracketUnit().ReplaceAllString(head, ""))
	if growth && grownMeasure != "" {
		measure = grownMeasure
	}
	if q.Unit == "" {
		// The column's own unit first, then a growth column's %, then the row's (a 单位
		// column, a bracket in its label), then the table's caption.
		growthUnit := ""
		if growth && !(amountChanges.SuffixOf(strings.TrimSpace(head)) > 0 && (rowUnit != "" || tableUnit != "")) {
			growthUnit = "%" // not 比2025年预算数增减 under 单位：万元: a change in amount
		}
		ok := false
		for _, u := range []string{unitIn(head), growthUnit, rowUnit, unitIn(label), tableUnit} {
			if q, ok = withUnit(q, u); ok {
				break
			}
		}
		if !ok && !hasWord(indexColumns, head+" "+caption) {
			return Record{}, false // a bare number with no unit anywhere is no record
		}
		// else: an index (上年同期=100): a number without a unit, as the table prints it
	}
	label = strings.TrimSpace(bracketUnit().ReplaceAllString(label, ""))
	rec := Record{Text: cell.Text, Value: q.Value, Unit: q.Unit, RawUnit: q.RawUnit}
	place, rest := concept.StripPlace(label + "。")
	switch {
	case place != "" && rest == "。" && measure != "" && (!growth || grownMeasure != "") && !genericColumns.Contains(measure):
		rec.Indicator = measure // rows are places, the column the measure
		if !sameArea(place, d.Area) {
			rec.Area = place
		}
	case label == "":
		rec.Indicator = measure
	case measure == "" || growth && grownMeasure == "" || genericColumns.Contains(measure) || hasWord(indexColumns, measure) || yearInText().MatchString(measure) || strings.Contains(label, measure) || sharesHead(label, measure):
		rec.Indicator = label
	default:
		rec.Indicator = label + measure
	}
	if section != "" && rec.Indicator != "" && !strings.HasPrefix(rec.Indicator, section) && len([]rune(section)) <= 6 {
		rec.Indicator = section + rec.Indicator // 公路 over 货物运输量
	}
	if growth {
		switch {
		case neg:
			rec.Change = "decrease"
		case !q.Value.IsZero():
			rec.Change = "increase"
		}
	}
	if y := statedYearIn(head); y != "" {
		period = y
	}
	pos := d.AnalysisOffset(int(d.Base.SrcOf(cell.Offset)))
	if period == "" {
		period = d.PassageAt(pos)
	}
	rec.Period = period
	pastTable := period != "" && len(period) == 4 && period < strconv.Itoa(d.Now) // 附表 of the year executed
	if hasWord(planColumns, head) && !hasWord(factColumns, head) || d.Forward[d.LineOf(pos)] && !pastTable {
		rec.Modality = "target"
	}
	concept, area := nameConcept(opts.concepts(), rec.Indicator, d.Area)
	rec.Concept = concept
	if rec.Area == "" {
		rec.Area = area // 市本级一般公共预算收入: the city's own level
	}
	if rec.Concept == "" && totalRows.Contains(label) {
		rec.Concept = captionConcept(opts, caption) // 本年收入合计 of 一般公共预算收入完成情况表
	}
	if isRatioColumn(head) {
		rec.Concept = "" // 占预算(%): a rate of execution, not the item's own measure
		if rec.Area == area {
			rec.Area = ""
		}
	}
	src := int(d.Base.SrcOf(cell.Offset))
	rec.Line, rec.Col = d.SourcePos(src)
	rec.Page = d.PageOfLine(rec.Line)
	rec.Doc = d.Name
	parts := []string{}
	for _, p := range []string{caption, section, label, head} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	rec.Sentence = strings.Join(parts, " | ") + ": " + cell.Text
	return rec, true
}

// leftMeasure is the measure of the nearest column left of c that is no label and no
// growth: what a growth column's rate is the growth of.
func leftMeasure(header []string, labelCols []bool, c int) string {
	for k := c - 1; k >= 0; k-- {
		if labelCols[k] {
			return ""
		}
		if h := header[k]; h != "" && !hasWord(growthColumns, h) {
			m := strings.TrimSpace(bracketUnit().ReplaceAllString(h, ""))
			if isRatioColumn(h) {
				continue // 占预算(%): a ratio, not what grew
			}
			if yearInText().MatchString(m) || genericColumns.Contains(m) {
				return ""
			}
			return m
		}
	}
	return ""
}

// captionBefore returns the line of text right before a table when it is short: a title
// or 单位：亿元.
func captionBefore(d *doc.Document, rows [][]read.Cell) string {
	first := -1
	for _, row := range rows {
		for _, c := range row {
			if c.Offset >= 0 && (first < 0 || c.Offset < first) {
				first = c.Offset
			}
		}
	}
	if first <= 0 {
		return ""
	}
	b := d.Base.Runes
	end := first - 1
	for end > 0 && (b[end] == '\n' || b[end] == '\t' || b[end] == ' ') {
		end--
	}
	start := end
	for start > 0 && b[start-1] != '\n' {
		start--
	}
	line := strings.TrimSpace(string(b[start : end+1]))
	if len([]rune(line)) > 60 {
		return ""
	}
	if strings.HasPrefix(line, "单位") && start > 1 {
		// 表3 2025年一般公共预算收支 / 单位：万元: the title stands above the unit.
		e := start - 2
		s := e
		for s > 0 && b[s-1] != '\n' {
			s--
		}
		if title := strings.TrimSpace(string(b[s : e+1])); len([]rune(title)) <= 60 && title != "" {
			line = title + " " + line
		}
	}
	return line
}

// sharesHead reports a label that already ends with the column's head noun (地方政府债务余额
// under 年末余额): joining them would say it twice.
func sharesHead(label, measure string) bool {
	l, m := []rune(label), []rune(measure)
	return len(l) >= 2 && len(m) >= 2 && l[len(l)-1] == m[len(m)-1] && l[len(l)-2] == m[len(m)-2]
}

// statedYearIn returns the first year a header states that is not a baseline (比2024年
// 决算数增长%: 2024 is what the growth is against).
func statedYearIn(s string) string {
	for _, loc := range yearInText().FindAllStringSubmatchIndex(s, -1) {
		if r := []rune(s[:loc[0]]); len(r) > 0 && baselineBefore.SuffixBefore(r, len(r)) > 0 {
			continue
		}
		return s[loc[2]:loc[3]]
	}
	return ""
}

// captionConcept is the concept a table's caption names (附表1 2025年全市一般公共预算收入
// 完成情况表 单位:万元 → 一般公共预算收入), or "".
func captionConcept(opts Options, caption string) string {
	for _, part := range strings.Fields(caption) {
		r := []rune(part)
		for n := tableTitleEnds.SuffixBefore(r, len(r)); n > 0 && n < len(r); n = tableTitleEnds.SuffixBefore(r, len(r)) {
			r = r[:len(r)-n]
		}
		name := strings.TrimSpace(tableNumber().ReplaceAllString(string(r), ""))
		if end := numberingEnd(name); end >= 0 {
			name = strings.TrimSpace(name[end:])
		}
		if c, _ := opts.concepts().Match(name, ""); c != "" {
			return c
		}
	}
	return ""
}

// isRatioColumn reports the header of a ratio column (占预算(%), 比重), read without the
// years in it: 完成2025年预算数的% is 完成预算数的%.
func isRatioColumn(head string) bool {
	return hasWord(ratioColumns, head) || hasWord(ratioColumns, yearInText().ReplaceAllString(head, ""))
}

// hasWord reports a word of set inside s.
func hasWord(set *lexicon.Set, s string) bool { return set.In([]rune(s)) }
