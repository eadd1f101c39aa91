package extract

import (
	"os"
	"testing"

	"github.com/policymetrics/policymetrics/extract/doc"
)

// docCase is one rule family of SPEC.md §5 (periods against the document's year and
// passages) or §7 (concepts and areas), shown by an invented document of its genre.
type docCase struct {
	family, doc, text, field, want string
}

func (c docCase) got(t *testing.T) string {
	t.Helper()
	for _, r := range Text("t.txt", c.doc) {
		if r.Text != c.text {
			continue
		}
		v, ok := r.Field(c.field)
		if !ok {
			t.Fatalf("no field %q", c.field)
		}
		return v
	}
	t.Fatalf("%s: no record %q", c.family, c.text)
	return ""
}

// runDocCases checks every case.
func runDocCases(t *testing.T, cases []docCase) {
	t.Helper()
	for _, c := range cases {
		if got := c.got(t); got != c.want {
			t.Errorf("%s: %s of %q = %q, want %q", c.family, c.field, c.text, got, c.want)
		}
	}
}

const (
	report   = "2026年河南省政府工作报告\n——2026年1月20日在河南省第十四届人民代表大会第四次会议上\n各位代表：\n"
	bulletin = "2025年乙市国民经济和社会发展统计公报\n一、综合\n"
)

func TestResolvedPeriods(t *testing.T) {
	cases := []docCase{
		// Rule 2: relative words against the document's year.
		{"今年 is the document's year", report + "今年主要预期目标是：地区生产总值增长5%左右。", "5%", "period", "2026"},
		{"去年 is the year before", report + "去年全省接待游客5000万人次。", "5000万人次", "period", "2025"},
		{"上年 after 比 is a baseline", report + "一、2025年工作回顾\n全省地区生产总值比上年增长5.2%。", "5.2%", "period", "2025"},
		{"过去五年 is the plan period", report + "过去五年，全省累计新增高新技术企业1.2万家。", "1.2万家", "period", "2021-2025"},
		{"a dashed item opening with 这五年 reviews the plan period", report + "一、2025年工作和“十四五”发展回顾\n2025年是“十四五”收官之年。\n——这五年,综合实力大幅跃升,粮食产量稳定在800亿斤以上。", "800亿斤", "period", "2021-2025"},
		{"全年 takes the passage's year", report + "一、2025年工作回顾\n全年粮食产量达到700亿斤。", "700亿斤", "period", "2025"},
		{"a year stated before 全年 keeps it", report + "2024年全年新增就业50万人。", "50万人", "period", "2024"},
		{"a month without a year", "2025年乙市国民经济和社会发展统计公报\n12月份，居民消费价格上涨0.5%。", "0.5%", "period", "2025-12"},
		{"目前 is the document's time", "罗得力代表:\n您提出的建议收悉。目前全市已有企业270家。\n广州市工业和信息化局\n2022年5月30日\n", "270家", "period", "2022"},
		{"N years before a change", report + "一、2025年工作回顾\n居民人均可支配收入五年增长30.8%。", "30.8%", "period", "2021-2025"},
		{"连续N年 is a duration, not a span", report + "一、2025年工作回顾\n粮食产量连续5年稳定在700亿斤以上。", "700亿斤", "period", "2025"},
		// Rule 3: the passage.
		{"review of the past year", report + "一、2025年工作回顾\n(一)着力稳增长\n全省地区生产总值增长5.2%。", "5.2%", "period", "2025"},
		{"the year's targets", report + "二、2026年工作安排\n(一)扩大内需\n新开工重大项目200个。", "200个", "period", "2026"},
		{"plan-period review: a change is the period's", report + "一、“十四五”时期工作回顾\n规上工业增加值年均增长6.5%。", "6.5%", "period", "2021-2025"},
		{"plan-period review: a span counted back ends with it", report + "一、“十四五”时期工作回顾\n近五年累计投入资金2562亿元,财政收入3年增长58.6%。", "58.6%", "period", "2023-2025"},
		{"a year naming a vision is no period", report + "二、“十五五”时期主要目标任务\n综合考虑实现2035年远景目标,提出地区生产总值年均增长5%—5.5%。", "5%—5.5%", "period", "2026-2030"},
		{"the time a multiple is of is its base", report + "一、“十四五”时期工作回顾\n省国资委监管企业“十四五”时期利润总额为“十三五”时期的2.2倍。", "2.2倍", "period", "2021-2025"},
		{"a level reached over a stated range of years is its last year's", report + "一、“十四五”时期工作回顾\n2020年到2025年,工业投资占固定资产投资比重从17.9%提升到35.5%。", "35.5%", "period", "2025"},
		{"and the level it started from, its first year's", report + "一、“十四五”时期工作回顾\n2020年到2025年,工业投资占固定资产投资比重从17.9%提升到35.5%。", "17.9%", "period", "2020"},
		{"a section after the year's work continues it, whatever a broken heading before said", report + "二、“十五五”时期的主要目标和重点任务\n“十五五”时期经济社会发展的\n主要目标\n是:地区生产总值年均增长5%左右。\n三、2026年工作安排\n今年要抓好重点工作。\n四、全面加强政府自身建设\n新建学校10所。", "10所", "period", "2026"},
		{"a past plan's review under a heading that also sets goals is no target", report + "二、“十四五”时期发展成就和“十五五”时期主要目标任务\n“十四五”时期是极不平凡的五年。过去五年,地区生产总值年均增长5.2%。", "5.2%", "modality", ""},
		{"plan-period review: a stock is its last year's level", report + "一、“十四五”时期工作回顾\n“米”字形高铁网加快建设,高速公路通车里程6895公里。", "6895公里", "period", "2025"},
		{"but a count of things done is the period's", report + "一、“十四五”时期工作回顾\n改造老旧小区1.2万个。", "1.2万个", "period", "2021-2025"},
		{"plan-period review: a level is its last year's", report + "一、“十四五”时期工作回顾\n全省地区生产总值达到6.66万亿元。", "6.66万亿元", "period", "2025"},
		{"总量 alone is the total of what the clause before measured", report + "一、2025年工作回顾\n一般公共预算收入增长4.6%,总量首次突破1900亿元。", "1900亿元", "indicator", "一般公共预算收入"},
		{"a list item shares the level verb of the first", report + "一、“十四五”时期工作回顾\n城镇和农村居民人均可支配收入分别超过8万元、4.5万元。", "4.5万元", "period", "2025"},
		{"帮扶性 is an adjective, not the verb 帮扶", report + "三、2026年重点工作\n新增心智障碍及重度残疾人帮扶性就业2000人。", "2000人", "indicator", "心智障碍及重度残疾人帮扶性就业"},
		{"a numbered section after the year's work that names no time goes on with it", report + "三、2026年重点工作\n（一）扩大内需。新建保障性住房1万套。\n四、一以贯之转作风，努力建设人民满意的服务型政府\n扎实推进30项为民办实事项目。", "30项", "period", "2026"},
		{"and is forward as it is", report + "三、2026年重点工作\n（一）扩大内需。新建保障性住房1万套。\n四、一以贯之转作风，努力建设人民满意的服务型政府\n扎实推进30项为民办实事项目。", "30项", "modality", "target"},
		{"the notes have no period of their own", report + "二、2026年工作安排\n新建学校10所。\n名词解释\n16.“四向八廊”综合交通走廊:东南西北4个方向8条进出川综合交通走廊。", "8条", "period", ""},
		{"nor under a longer notes heading", report + "二、2026年工作安排\n新建学校10所。\n《政府工作报告》有关内容名词注释\n12.“两类”:政府市场融合、产学研融合两类。", "两类", "period", ""},
		{"the notes after the report are no targets", report + "三、2026年重点工作\n新建保障性住房1万套。\n注释\n［4］三张“零关税”清单：涵盖1800个税目。", "1800个", "modality", ""},
		{"a share in a plan-period review is a level", report + "一、“十四五”时期工作回顾\n优质鲜切花占比60%,不动产登记历史遗留问题化解率99.95%。", "60%", "period", "2025"},
		{"unless it is held over the period", report + "一、“十四五”时期工作回顾\n财政民生支出占比稳定在80%。", "80%", "period", "2021-2025"},
		{"by a word touching it, not 保持 inside a name", report + "一、“十四五”时期工作回顾\n治理水土流失面积3.55万平方公里,水土保持率61.4%。", "61.4%", "period", "2025"},
		{"or kept under a bound each year", report + "二、“十五五”时期主要目标\n城镇调查失业率控制在5.5%左右。", "5.5%", "period", "2026-2030"},
		{"a level verb read as a qualifier still states a level", report + "一、“十四五”时期工作回顾\n高速公路通车里程突破1万公里。", "1万公里", "period", "2025"},
		{"but a total over the period stays the range", report + "一、“十四五”时期工作回顾\n一般公共预算收入累计突破9千亿元。", "9千亿元", "period", "2021-2025"},
		{"and so does an average", report + "一、“十四五”时期工作回顾\n公共文化机构年均服务群众超过9000万人次。", "9000万人次", "period", "2021-2025"},
		{"plan-period review: where a level started", report + "一、“十四五”时期工作回顾\n居民人均可支配收入从27136元增长到35000元。", "27136元", "period", "2020"},
		{"五年来 opening a later sentence of a paragraph", report + "一、2025年工作回顾\n各位代表!2025年是“十四五”收官之年。五年来,我们砥砺奋进。\n——全省地区生产总值年均增长5.9%。", "5.9%", "period", "2021-2025"},
		{"but 2022年以来 inside a paragraph frames its sentence only", "一、主要做法\n培训47.8万人次。2022年以来,发动了16家企业。\n推动18家院校与企业合作。", "18家", "period", ""},
		{"从X to Y in a plan review: X is the level before it", report + "一、“十四五”时期工作回顾\n地区生产总值从2020年的3.68万亿元增长到2025年的4.93万亿元,一般公共预算收入从3826.5亿元增长到4398.6亿元。", "3826.5亿元", "period", "2020"},
		{"an opening paragraph sets the passage", report + "一、工作回顾\n各位代表，刚刚过去的2025年，我们迎难而上。\n全省新增市场主体80万户。", "80万户", "period", "2025"},
		{"a bulletin describes its year", "2025年乙市国民经济和社会发展统计公报\n一、综合\n全市地区生产总值1573.8亿元。", "1573.8亿元", "period", "2025"},
		{"当年 after a stated time is that time's year", "2025年乙市国民经济和社会发展统计公报\n年末登记在册经营主体74.72万户,其中当年新登记7.07万户;登记在册私营企业19.33万户。", "19.33万户", "period", "2025"},
		{"a base of prices is no period", "2025年乙市国民经济和社会发展统计公报\n全年电信业务总量198.27亿元(上年不变价),比上年增长10.3%;邮政业务总量260.16亿元(2020年不变价),增长3.3%。", "3.3%", "period", "2025"},
		{"a caption frames nothing", "2025年乙市国民经济和社会发展统计公报\n图1 2021—2025年地区生产总值\n全市粮食产量120万吨。", "120万吨", "period", "2025"},
		{"budget report: execution and draft", "关于2025年预算执行情况和2026年预算草案的报告\n一、2025年预算执行情况\n一般公共预算收入完成200亿元。\n二、2026年预算草案\n一般公共预算收入安排210亿元。", "210亿元", "period", "2026"},
		{"a review paragraph inside a forward section", report + "二、“十四五”时期发展成就和“十五五”时期主要目标任务\n过去五年,全区地区生产总值年均增长4.8%。\n“十五五”时期,地区生产总值年均增长5%左右。", "4.8%", "modality", ""},
		{"and the section goes on forward", report + "二、“十四五”时期发展成就和“十五五”时期主要目标任务\n过去五年,全区地区生产总值年均增长4.8%。\n“十五五”时期,地区生产总值年均增长5%左右。", "5%", "modality", "target"},
		{"a paragraph citing the next plan's proposal presents that plan", report + "二、“十四五”时期发展成就和“十五五”时期主要目标任务\n过去五年,全区地区生产总值年均增长4.8%。\n根据《中共某某省委关于制定国民经济和社会发展第十五个五年规划的建议》，我们编制了规划纲要（草案）。提出地区生产总值年均增长5%左右。", "5%", "period", "2026-2030"},
		{"a lead-in naming no plan frames nothing", report + "一、“十四五”时期工作回顾\n根据国家统一部署，全省地区生产总值年均增长5.5%。", "5.5%", "period", "2021-2025"},
		// Rule 4: recurring amounts.
		{"每年 has no period", report + "一、2025年工作回顾\n每年近300余人参会。", "300余人", "period", ""},
	}
	runDocCases(t, cases)
}

func TestConceptsAndAreas(t *testing.T) {
	budgetReport := "关于2025年预算执行情况和2026年预算草案的报告\n一、2025年预算执行情况\n"
	cases := []docCase{
		{"GDP named fully", report + "全省地区生产总值增长5.2%。", "5.2%", "concept", "地区生产总值"},
		{"经济增长 is GDP growth", report + "今年经济增长5%左右。", "5%", "concept", "地区生产总值"},
		{"a part is not its whole", report + "第一产业增加值增长3.5%。", "3.5%", "concept", "第一产业增加值"},
		{"urban income is its own", report + "城镇居民人均可支配收入增长4.2%。", "4.2%", "concept", "城镇居民人均可支配收入"},
		{"no concept for a plain count", report + "新建口袋公园30个。", "30个", "concept", ""},
		{"places listed before their shared measure are areas", "博尔塔拉蒙古自治州2025年国民经济和社会发展统计公报\n一、综合\n博乐市、精河县、阿拉山口市年平均气温分别为8.8摄氏度、10.2摄氏度、10.5摄氏度。", "10.2摄氏度", "area", "精河县"},
		{"and the measure is what each figure measures", "博尔塔拉蒙古自治州2025年国民经济和社会发展统计公报\n一、综合\n博乐市、精河县、阿拉山口市年平均气温分别为8.8摄氏度、10.2摄氏度、10.5摄氏度。", "8.8摄氏度", "indicator", "年平均气温"},
		{"a bare measure is its subject's", report + "规模以上工业企业达7.6万家、增加值增长3%。", "3%", "concept", "规模以上工业增加值"},
		{"a pair's two figures", report + "城乡居民人均可支配收入分别增长4.2%、5.3%。", "5.3%", "concept", "农村居民人均可支配收入"},
		{"a pair's values and rates, two pairs", report + "城乡居民人均可支配收入分别达6.9万元、3.4万元,增长4.2%、5.3%。", "3.4万元", "concept", "农村居民人均可支配收入"},
		{"figures joined by 和 after a qualifier are a list", report + "今年主要预期目标是:城镇和农村常住居民人均可支配收入分别增长4%左右和6%左右。", "6%", "concept", "农村居民人均可支配收入"},
		{"and the change word is the list's", report + "今年主要预期目标是:城镇和农村常住居民人均可支配收入分别增长4%左右和6%左右。", "6%", "change", "increase"},
		{"a 分别 name shares the list's head", report + "城镇、农村居民人均可支配收入分别增长4.4%、5.9%。", "4.4%", "concept", "城镇居民人均可支配收入"},
		{"a head after a word of the same end", report + "装备制造业、高技术制造业增加值分别增长17.7%、17.6%。", "17.7%", "concept", "装备制造业增加值"},
		{"a head as long as a middle name", report + "一产、二产、三产增加值分别增长6%、5.2%、4.1%。", "6%", "concept", "第一产业增加值"},
		{"a bare 支出 is the account's named before", budgetReport + "全市一般公共预算收入完成148.21亿元,同比下降6.08%。其中,税收收入完成102.56亿元。支出完成300.55亿元,同比增长7.44%。", "300.55亿元", "concept", "一般公共预算支出"},
		{"and so is its rate", budgetReport + "全市一般公共预算收入完成148.21亿元,同比下降6.08%。其中,税收收入完成102.56亿元。支出完成300.55亿元,为预算数的106.39%,同比增长7.44%。", "7.44%", "concept", "一般公共预算支出"},
		{"a bare 支出 after a heading's account", budgetReport + "(二)政府性基金预算执行情况\n支出完成121.72亿元。", "121.72亿元", "concept", "政府性基金预算支出"},
		{"but not a total", budgetReport + "全市一般公共预算收入170.3亿元,加上返还性收入、上级补助收入等,收入总计564.6亿元。", "564.6亿元", "concept", ""},
		{"nor a part's", budgetReport + "社会保险基金收入90.4亿元。其中:养老保险基金收入9.5亿元,支出9.1亿元。", "9.1亿元", "concept", ""},
		{"industries named by their ordinals alone, each its own", report + "一二三产增加值分别增长3.5%、6%、5%。", "6%", "concept", "第二产业增加值"},
		{"and with 、 and 第", report + "第一、二、三产业增加值分别为100亿元、200亿元、300亿元,分别增长1%、2%、3%。", "3%", "concept", "第三产业增加值"},
		{"a bare growth after 、 is its clause's subject, 增加值 and all", bulletin + "第一产业增加值111.77亿元、增长5.2%;第二产业增加值152.65亿元、增长7.1%。", "7.1%", "indicator", "第二产业增加值"},
		{"a concept's name holding a verb is one noun", report + "今年主要预期目标是:城镇新增就业人数45万人,城镇调查失业率控制在5.5%左右。", "45万人", "concept", "城镇新增就业"},
		{"新增城镇就业人员 in a bulletin", bulletin + "全年新增城镇就业人员8.08万人。", "8.08万人", "concept", "城镇新增就业"},
		{"上涨幅度 is how a price index is stated", report + "居民消费价格总水平上涨幅度控制在2%左右。", "2%", "concept", "居民消费价格"},
		{"同口径 is the basis of a growth", report + "一般公共预算收入同口径增长5.5%左右。", "5.5%", "concept", "一般公共预算收入"},
		{"an aside of what a figure includes is no part of its concept", budgetReport + "市本级(含现代物流产业开发区)地方一般公共预算收入完成89014万元。", "89014万元", "concept", "一般公共预算收入"},
		{"and its level is still the area", budgetReport + "市本级(含现代物流产业开发区)地方一般公共预算收入完成89014万元。", "89014万元", "area", "市本级"},
		{"a city's air quality rate", bulletin + "城市空气质量优良天数比例为92.3%。", "92.3%", "concept", "空气质量优良天数比例"},
		{"a budget compiled for the whole area", budgetReport + "二、2026年预算草案\n代编地方一般公共预算收入63596万元。", "63596万元", "concept", "一般公共预算收入"},
		{"no head when the join is the last name again", report + "工业、制造业、工业技改投资分别增长9.4%、13.3%、6.1%。", "9.4%", "concept", ""},
		{"a bracketed remark stays in its clause", "2025年乙市国民经济和社会发展统计公报\n全年全市固定资产投资(不含农户,下同)比上年增长5.6%。", "5.6%", "concept", "固定资产投资"},
		{"a time word before the area's own scope is no place", "2025年乙州国民经济和社会发展统计公报\n年末自治州金融机构各项存款余额770.98亿元。", "770.98亿元", "area", ""},
		{"an item's number is no part of its place", budgetReport + "2.高新区完成地方一般公共预算收入89,014万元,增长2.3%。", "89,014万元", "area", "高新区"},
		{"a city in a provincial report", report + "郑州市地区生产总值增长6%。", "6%", "area", "郑州市"},
		{"the province itself has no area", report + "河南省地区生产总值增长5.2%。", "5.2%", "area", ""},
		{"全省 is the document's own", report + "全省地区生产总值增长5.2%。", "5.2%", "area", ""},
		{"a place opening the clause", report + "其中，郑州市实现地区生产总值1.4万亿元。", "1.4万亿元", "area", "郑州市"},
		{"全国 in a province's report is another area", report + "全国居民人均可支配收入43377元。", "43377元", "area", "全国"},
		{"a release of the year's data describes that year", "国家统计局新闻发布\n2025年国民经济运行稳中有进 主要发展目标顺利实现\n2026-01-17 10:00\n全国居民人均可支配收入43377元。", "43377元", "period", "2025"},
		{"全国 in a national release is its own", "国家统计局发布2025年国民经济运行情况\n2026-01-17\n全国居民人均可支配收入43377元。", "43377元", "area", ""},
	}
	runDocCases(t, cases)
}

// TestGenreFamilies: phrasing of budget reports, policy notices and plans (issue: other
// genres), one family a case.
func TestGenreFamilies(t *testing.T) {
	budget := "关于2025年预算执行情况和2026年预算草案的报告\n一、2025年预算执行情况\n"
	notice := "关于印发《甲市促进制造业发展若干措施》的通知\n"
	plan := "甲市数字经济发展三年行动方案(2025-2027年)\n一、发展基础\n2024年全市数字经济核心产业增加值800亿元。\n二、主要目标\n"
	cases := []docCase{
		{"an account's 本年 in the execution of a year is that year", budget + "全市社会保险基金支出6070.9亿元。本年收支结余1032.2亿元,年末滚存结余9719亿元。", "1032.2亿元", "period", "2025"},
		{"and in the draft, the draft's year", budget + "二、2026年预算草案\n全市社会保险基金收入7388.7亿元,本年收支结余7.1亿元。", "7.1亿元", "period", "2026"},
		{"上年 before a carryover a few words on is no time", "关于2025年预算执行情况和2026年预算草案的报告\n二、2026年预算草案\n加中央补助收入1188.8亿元、地方上年专项政策性结转使用141.5亿元,总收入6128.0亿元。", "6128.0亿元", "period", "2026"},
		{"a relative clause before a named measure is dropped", budget + "市十二届人大三次会议批准的2025年市本级一般公共预算收入年初预算59695万元。", "59695万元", "concept", "一般公共预算收入"},
		{"a bulletin's 一年来 is the year it describes", "首页\n乌鲁木齐市2025年国民经济和社会发展统计公报\n2025年是“十四五”规划收官之年。一年来,全市上下坚持稳中求进。\n一、综合\n其中:第一产业增加值36.13亿元,增长6.0%。", "36.13亿元", "period", "2025"},
		{"a bulletin with no date describes a year past", "乌鲁木齐市2025年国民经济和社会发展统计公报\n一、综合\n全年地区生产总值4658.19亿元。", "4658.19亿元", "modality", ""},
		{"a delivery dateline names no year's work", "关于2025年预算执行情况和2026年预算草案的报告\n—2026年2月10日在市第十届人民代表大会第六次会议上\n一、2025年全市预算执行情况\n全市完成一般公共预算收入351,740万元,增长2.1%。", "351,740万元", "modality", ""},
		{"an item's budget is a plan", budget + "支出预算合计3861207万元,实际完成4512625万元。", "3861207万元", "modality", "target"},
		{"and so is the budget a congress approved", budget + "市十二届人大三次会议批准的2025年社会保险基金预算收入3216万元,实际完成3539万元。", "3216万元", "modality", "target"},
		{"a budget's stage is no part of its item", budget + "全市一般公共预算收入年初预算合计2357308万元,执行中经人代会批准调整为2366949万元,实际完成2266166万元。", "2357308万元", "indicator", "一般公共预算收入"},
		{"and makes the figure a plan", budget + "全市一般公共预算收入年初预算合计2357308万元,执行中经人代会批准调整为2366949万元,实际完成2266166万元。", "2357308万元", "modality", "target"},
		{"an adjusted level is the item's, a plan", budget + "全市一般公共预算收入年初预算合计2357308万元,执行中经人代会批准调整为2366949万元,实际完成2266166万元。", "2366949万元", "indicator", "一般公共预算收入"},
		{"the actual outturn is the item's", budget + "全市一般公共预算收入年初预算合计2357308万元,执行中经人代会批准调整为2366949万元,实际完成2266166万元。", "2266166万元", "indicator", "一般公共预算收入"},
		{"a year inside a clause's words ends with the clause", budget + "国有资本经营预算收入完成67.7亿元,主要是部分国企2024年利润收入好于预期;加中央转移支付收入1.0亿元,总收入75.9亿元。", "75.9亿元", "period", "2025"},
		{"a year opening its clause goes on across ;", budget + "截至2026年1月底,市本级一般公共预算支出74225万元;项目支出25484万元。", "25484万元", "period", "2026-01"},
		{"as does a plan period in quotes", report + "“十四五”期间,全市收入规模不断扩大;财政自给率年均提高0.4个百分点。", "0.4个百分点", "period", "2021-2025"},
		{"a year in an aside holds only inside it", budget + "二、2026年预算草案\n全市社会保险基金预算支出19.2亿元,下降21.6%(按政策要求2025年上解支出约9亿元抬高基数),主要包括社会保险待遇支出12.7亿元。", "12.7亿元", "period", "2026"},
		{"an outturn short of expectations is no target", budget + "全市政府性基金收入完成21.62亿元,下降36.3%,主要是土地出让收入不及预期;政府性基金支出执行83.02亿元。", "83.02亿元", "modality", ""},
		{"执行 after an item is its outturn's verb", budget + "农林水支出执行78.67亿元,下降10.94%。", "78.67亿元", "indicator", "农林水支出"},
		{"last year's outturn a draft compares with is last year's", budget + "二、2026年预算草案\n全市地方一般公共预算收入520600万元,比上年执行数515444万元增长1%。", "515444万元", "period", "2025"},
		{"and no plan", budget + "二、2026年预算草案\n全市地方一般公共预算收入520600万元,比上年执行数515444万元增长1%。", "515444万元", "modality", ""},
		{"a rate against a budget whose amount is stated is the item's", budget + "全州一般公共预算收入完成1,080,000万元,为年初预算1,067,400万元的101.2%,增长3.2%。", "3.2%", "indicator", "一般公共预算收入"},
		{"a budget named by its stage alone is the item's, a plan", budget + "全市地方一般公共预算收入完成515444万元,为年初预算513000万元的100.48%。", "513000万元", "modality", "target"},
		{"and named by the item", budget + "全市地方一般公共预算收入完成515444万元,为年初预算513000万元的100.48%。", "513000万元", "indicator", "地方一般公共预算收入"},
		{"an approving clause is no part of the budget", budget + "批准的支出预算100.5亿元,执行中按法定程序调整为102.2亿元,实际完成102.1亿元,为调整预算的99.9%。", "100.5亿元", "indicator", "支出预算"},
		{"the outturn after a budget is the item's", budget + "批准的支出预算100.5亿元,执行中按法定程序调整为102.2亿元,实际完成102.1亿元,为调整预算的99.9%。", "102.1亿元", "indicator", "支出"},
		{"an item adjusted names itself", budget + "全市一般公共预算收入调整为290.95亿元,支出调整为631.54亿元。", "631.54亿元", "concept", "一般公共预算支出"},
		{"a change word in a budget term is the name's", budget + "地方政府债券收入654.4亿元(新增债券182.0亿元、再融资债券472.4亿元)、调入资金30.4亿元。", "472.4亿元", "change", ""},
		{"the name past a bracket is the next item's", budget + "地方政府债券收入261.6亿元(新增债券109.0亿元、再融资债券152.6亿元)、地方上年专项政策性结转使用141.5亿元。", "152.6亿元", "indicator", "再融资债券"},
		{"a standard raised per person and month is the year's level", budget + "城乡居民基础养老金标准提高至每人每月239元。", "239元", "period", "2025"},
		{"and so is one stated as the standard", budget + "城乡低保标准每人每月877元,比上年增长3%。", "877元", "period", "2025"},
		{"a rule of payment per child and year has none", budget + "落实育儿补贴政策,按每孩每年3600元标准发放。", "3600元", "period", ""},
		{"a rate against the budget is the item's", budget + "全市一般公共预算收入完成144.8亿元,完成预算的100.5%,增长3.2%。", "100.5%", "indicator", "一般公共预算收入"},
		{"and so is the growth after it", budget + "全市一般公共预算收入完成144.8亿元,完成预算的100.5%,增长3.2%。", "3.2%", "indicator", "一般公共预算收入"},
		{"为调整预算的", budget + "一般公共预算支出完成320亿元,为调整预算的94.9%。", "94.9%", "indicator", "一般公共预算支出"},
		{"a rate of execution is no measure of the item", budget + "一般公共预算支出完成320亿元,为调整预算的94.9%。", "94.9%", "concept", ""},
		{"a past year's key work is a review", budget + "(二)2025年财政重点工作\n全年新增减税降费12亿元。", "12亿元", "modality", ""},
		{"the draft is the plan", budget + "二、2026年预算草案\n一般公共预算收入预计150亿元。", "150亿元", "period", "2026"},
		{"a cap across a subsidy verb", notice + "对认定的企业最高奖补500万元。", "500万元", "qualifier", "under"},
		{"the capped subsidy is what is measured", notice + "对认定的企业最高奖补500万元。", "500万元", "indicator", "奖补"},
		{"a cap is a rule: no period", budget + "对认定的企业最高奖补500万元。", "500万元", "period", ""},
		{"a cap on a share of a base", notice + "按不超过项目投资额的30%给予补助。", "30%", "qualifier", "under"},
		{"a per-recipient cap limits the subsidy", notice + "按不超过项目投资额的30%给予补助,单个企业最高1000万元。", "1000万元", "indicator", "补助"},
		{"an amount after a comparison is the subject's", budget + "全市一般公共预算支出累计完成4422.7亿元,比“十三五”时期增加799.2亿元。", "799.2亿元", "indicator", "一般公共预算支出"},
		{"a multiple of a baseline year", budget + "2025年达到630.5亿元,是2020年的1.1倍。", "1.1倍", "period", "2025"},
		{"a plan's figures are goals", plan + "到2027年,数字经济核心产业增加值突破1000亿元。", "1000亿元", "modality", "target"},
		{"a plan's review is a fact", plan + "到2027年,数字经济核心产业增加值突破1000亿元。", "800亿元", "modality", ""},
		{"figures listed with 分别为", budget + "全市A级景区和星级酒店分别为10家和160家。", "160家", "indicator", "星级酒店"},
		{"a rate per a hundred square kilometres", budget + "路网密度达到120公里/百平方公里。", "120公里/百平方公里", "unit", "公里/百平方公里"},
		{"a budget level in the sentence", budget + "全市一般公共预算支出完成664.2亿元,其中市本级一般公共预算支出124.9亿元。", "124.9亿元", "area", "市本级"},
		{"the whole area's figure has none", budget + "全市一般公共预算支出完成664.2亿元,其中市本级一般公共预算支出124.9亿元。", "664.2亿元", "area", ""},
		{"a level's paragraph goes on", budget + "(2)市级收支。一般公共预算收入812.8亿元。\n一般公共预算支出1172.6亿元,完成调整预算90.3%。", "1172.6亿元", "area", "市级"},
		{"a heading naming a part of the area: its accounts are the part's", budget + "(三)高新区预算执行情况\n1.一般公共预算\n一般公共预算收入完成30929万元,下降37.2%。", "30929万元", "area", "高新区"},
		{"a part named alone", budget + "一、常德经济技术开发区\n(一)2025年预算执行情况\n1.一般公共预算\n地方一般公共预算收入完成65423万元。", "65423万元", "area", "常德经济技术开发区"},
		{"up to a heading of its rank", budget + "(三)高新区预算执行情况\n1.一般公共预算\n一般公共预算收入完成30929万元。\n(四)2026年预算安排\n一般公共预算收入安排50000万元。", "50000万元", "area", ""},
		{"the whole area named in the part's section", budget + "(三)高新区预算执行情况\n全市一般公共预算收入完成230929万元。", "230929万元", "area", ""},
		{"an expenditure heading names no part", budget + "九、城乡社区支出\n一般公共预算支出完成30929万元。", "30929万元", "area", ""},
		{"a total followed by its from-to sums the years after the first", budget + "2025年,是“十四五”规划的收官之年,过去五年,全市财政运行平稳。全市地方一般公共预算收入累计完成672亿元,从2020年的110.4亿元增加到2025年的155.2亿元。", "672亿元", "period", "2021-2025"},
		{"and the level it reached is the last year's", budget + "2025年,是“十四五”规划的收官之年,过去五年,全市财政运行平稳。全市地方一般公共预算收入累计完成672亿元,从2020年的110.4亿元增加到2025年的155.2亿元。", "155.2亿元", "period", "2025"},
		{"a total of the next clause too", budget + "2025年,全市财政运行平稳。全市收入累计完成672亿元,从2020年的110.4亿元增加到2025年的155.2亿元;全市支出累计完成1155.6亿元,从2020年的199.7亿元增加到2025年的239.2亿元。", "1155.6亿元", "period", "2021-2025"},
		{"a whole year not begun when written is planned, whatever the passage", budget + "(二)其他需要报告的事项\n州本级财力安排州对县市转移支付资金186374万元,较2026年年初预算增加5%。\n2026年年初预算州本级财力安排州对县市转移支付资金196374万元。", "196374万元", "modality", "target"},
		{"but a month of it may be past", budget + "(二)其他需要报告的事项\n截至2026年2月4日,市级一般公共预算支出3.24亿元。", "3.24亿元", "modality", ""},
		{"the figure a budget's change starts from is named by what changed", budget + "州本级一般公共预算收支总计从年初预算的3,724,171万元调整为3,754,241万元。", "3,724,171万元", "indicator", "州本级一般公共预算收支"},
		{"and it is the budget, a plan", budget + "州本级一般公共预算收支总计从年初预算的3,724,171万元调整为3,754,241万元。", "3,724,171万元", "modality", "target"},
		{"a budget adjusted from one figure to another is the year's, both", budget + "州本级一般公共预算收支总计均从3,754,241万元调整为3,658,241万元。", "3,754,241万元", "period", "2025"},
		{"the whole area again", budget + "(2)市级收支。一般公共预算收入812.8亿元。\n(3)全市收支。一般公共预算支出3359.7亿元。", "3359.7亿元", "area", ""},
		{"an estimate of the year executed is a forecast (SPEC §1 lists 预计)", budget + "2025年,全市一般公共预算收入预计完成207亿元左右。", "207亿元", "modality", "target"},
		{"a forecast goes on over the clauses that only continue it", budget + "2025年,全市一般公共预算收入预计完成207亿元左右,同比增长3.2%左右。", "3.2%", "modality", "target"},
		{"but not over a clause with a verb of its own", budget + "2025年,预计全市能耗下降10%以上,完成电机改造18.1万千瓦。", "18.1万千瓦", "modality", ""},
		{"a budget report's 过去五年 counts from its delivery", "关于2025年预算执行情况和2026年预算草案的报告\n——2026年1月10日在市十六届人大五次会议上\n一、2025年预算执行情况\n过去五年,全市一般公共预算收入年均增长2.9%。", "2.9%", "period", "2021-2025"},
		{"上年结余 is an account's line, no time", budget + "二、2026年预算草案\n收入总量为437.6亿元,其中,一般公共预算收入154.7亿元,上年结余41.1亿元,调入资金28.4亿元。", "28.4亿元", "period", "2026"},
		{"a bracketed aside is a place's share", budget + "市本级一般公共预算收入28.7亿元(不含辽滨经开区36.4亿元)。", "36.4亿元", "area", "辽滨经开区"},
		{"and of the same item", budget + "全市一般公共预算收入28.7亿元(不含辽滨经开区36.4亿元)。", "36.4亿元", "indicator", "一般公共预算收入"},
		{"a noun that holds a verb", budget + "加上调出资金4.0亿元,上解上级支出0.1亿元。", "4.0亿元", "indicator", "调出资金"},
		{"(1) under 1. keeps the draft part forward", budget + "二、2026年预算草案\n1.全市预算草案\n(1)一般公共预算\n全市一般公共预算收入154.7亿元,同比增长3.0%。", "154.7亿元", "modality", "target"},
		{"为预算数的", budget + "全州一般公共预算收入153.9亿元,为预算数的103.6%,增长5.6%。", "103.6%", "indicator", "一般公共预算收入"},
		{"完成预算调整的", budget + "全市一般公共预算收入170.3亿元,完成预算调整的101.9%,增长21.7%。", "21.7%", "indicator", "一般公共预算收入"},
		{"a list item's number is no part of the item", budget + "(1)全州一般公共预算收入153.9亿元。", "153.9亿元", "indicator", "一般公共预算收入"},
		{"nor is the draft's 拟", budget + "(2)州本级政府性基金预算收入拟23亿元。", "23亿元", "indicator", "州本级政府性基金预算收入"},
		{"a number in brackets is the noun's before it", budget + "年初支出预算1720.24亿元,加上新增转移支付(127.92亿元)、上年结转(20.41亿元)等174.6亿元。", "127.92亿元", "indicator", "转移支付"},
		{"money named by its use in the next clause", budget + "统筹7.12亿元,支持高新区、经济开发区发展。", "7.12亿元", "indicator", "高新区、经济开发区发展"},
		{"money whose name says nothing (资金) is named by its use too", budget + "统筹安排资金41亿元,支持举办各类促消费活动。", "41亿元", "indicator", "举办各类促消费活动"},
		{"after a linking verb with its adverb", budget + "投入资金26亿元,重点支持大气、水、土壤污染防治。", "26亿元", "indicator", "大气、水、土壤污染防治"},
		{"a verb of the use itself stays", budget + "安排资金8.42亿元,实施国有企业改革深化提升行动。", "8.42亿元", "indicator", "实施国有企业改革深化提升行动"},
		{"a named fund keeps its name", budget + "安排衔接资金8亿元,支持产业发展。", "8亿元", "indicator", "衔接资金"},
		{"what a figure is stated without names nothing", budget + "全年共争取上级转移支付资金177.2亿元,剔除增发国债等因素后同比增长6.7%。", "6.7%", "indicator", "上级转移支付资金"},
		{"nor dates it", budget + "全市一般公共预算支出完成377亿元,剔除2024年增发国债一次性因素后,增长4.9%。", "4.9%", "period", "2025"},
		{"a baseline of last year's outturn is dropped whole", budget + "全市一般公共预算收入完成120亿元,比上年执行数增长2%。", "2%", "indicator", "一般公共预算收入"},
		{"in its other wordings too", budget + "全市一般公共预算收入151.16亿元,比上年完成数增长2%。", "2%", "indicator", "一般公共预算收入"},
		{"a heading that reports on the key work is a review", budget + "（七）落实市人大决议和财政重点工作情况\n累计拨付补贴资金5.11亿元。", "5.11亿元", "modality", ""},
		{"a heading of the key work to do is forward", budget + "二、2026年预算草案\n（三）财政重点工作\n拨付补贴资金5亿元。", "5亿元", "modality", "target"},
		{"a span counted back frames the change after it, not the level before", report + "一、“十四五”时期工作回顾\n常住人口城镇化率达到67.5%、5年提高3个百分点。", "67.5%", "period", "2025"},
		{"and the change after it takes the span", report + "一、“十四五”时期工作回顾\n常住人口城镇化率达到67.5%、5年提高3个百分点。", "3个百分点", "period", "2021-2025"},
		{"高等 does not close a list", report + "一、2025年工作回顾\n高中阶段和高等教育毛入学率分别达到98.5%、64.3%。", "64.3%", "indicator", "高等教育毛入学率"},
		{"余额 keeps its 余", budget + "减去2026年预算动用3.2亿元后余额为0.71亿元。", "0.71亿元", "indicator", "余额"},
		{"a bare comparative takes the measure before it", report + "一、2025年工作回顾\n全年平均气温为17.6℃,较上年低0.2℃。", "0.2℃", "indicator", "平均气温"},
		{"a rate against the budget, after a PDF's gap", budget + "政府性基金预算支出 385.4 亿元,完成调整预算 85.7%,下降40%。", "85.7%", "indicator", "政府性基金预算支出"},
		{"由X提升至Y: Y is the same measure", report + "一、2025年工作回顾\n人均生产总值由7.34万元提升至10.26万元。", "10.26万元", "indicator", "人均生产总值"},
		{"从X跃升到Y: X is no 跃升到", report + "一、2025年工作回顾\n全国重点实验室从15家跃升到38家。", "15家", "indicator", "全国重点实验室"},
		{"what 等 closes are examples of the thing counted after the number", report + "三、2026年工作安排\n抓好赛得利纤维等3500多个拟竣工投产项目。", "3500多个", "indicator", "竣工投产项目"},
		{"a qualifier of the next number names nothing", report + "一、2025年工作回顾\n成功应对全网用电负荷129天超1亿千瓦考验。", "129天", "indicator", "应对全网用电负荷"},
		{"a 分别 list that names nothing pairs with the list before", report + "一、2025年工作回顾\n累计接待游客17.52亿人次、旅游花费1.27万亿元,分别增长32.9%、41.6%。", "32.9%", "indicator", "接待游客"},
		{"one with a measure of its own does not", report + "一、2025年工作回顾\n三次产业贡献率分别为14.2%、33.0%,分别拉动经济增长0.8个、1.9个百分点。", "1.9个百分点", "indicator", "拉动经济"},
		{"建成区 is a noun, the built-up area", report + "一、2025年工作回顾\n城市、县城建成区面积分别提高8.3%、5%。", "5%", "indicator", "县城建成区面积"},
		{"a framing word that begins a word is kept (预期性指标)", report + "三、2026年工作安排\n提出28个主要指标,其中20个预期性指标。", "20个", "indicator", "预期性指标"},
		{"压减 alone takes the measure before it", budget + "市本级一般性支出同比减少0.6亿元,压减4.4%。", "4.4%", "indicator", "市本级一般性支出"},
		{"an adverb before the purpose verb is skipped with it", budget + "安排3.4亿元,积极推动以旧换新政策加力扩围。", "3.4亿元", "indicator", "以旧换新政策加力扩围"},
		{"a chain's 和 opens the next item's name", budget + "动用预算稳定调节基金88亿元和调入资金201.1亿元。", "88亿元", "indicator", "动用预算稳定调节基金"},
		{"and so does 加上", budget + "全市一般公共预算收入1009亿元加上上级转移支付收入395.61亿元。", "1009亿元", "indicator", "一般公共预算收入"},
		{"及以上 is no next item", budget + "规模以上工业统计范围为年主营业务收入2000万元及以上的工业企业。", "2000万元", "indicator", "工业企业"},
		{"an adverb alone takes the measure before it", budget + "税收占比(71.7%)持续稳定在70%以上。", "70%", "indicator", "税收占比"},
		{"a sum over a list closed by 等 is the list's", budget + "减去债务还本支出、上解上级支出、安排预算稳定调节基金等150.1亿元。", "150.1亿元", "indicator", "债务还本支出、上解上级支出、安排预算稳定调节基金"},
		{"the change word of a bracketed amount's noun", budget + "加上新增转移支付(127.92亿元)、上年结转(20.41亿元),减去调入资金减少(123.48亿元)。", "127.92亿元", "change", "increase"},
		{"is that noun's alone", budget + "加上新增转移支付(127.92亿元)、上年结转(20.41亿元),减去调入资金减少(123.48亿元)。", "20.41亿元", "change", ""},
		{"and after it", budget + "加上新增转移支付(127.92亿元)、上年结转(20.41亿元),减去调入资金减少(123.48亿元)。", "123.48亿元", "change", "decrease"},
		{"a multiple of a past period is the subject's", budget + "五年来全市一般公共预算收入累计580.08亿元,是“十三五”时期的1.11倍。", "1.11倍", "indicator", "一般公共预算收入"},
		{"a plan period as a change's baseline", budget + "“十四五”时期,全市地方一般公共预算收入累计完成580亿元,较“十三五”增长16.3%。", "16.3%", "indicator", "地方一般公共预算收入"},
		{"a share alone is the item's", budget + "——教育支出119.06亿元,占比12.4%,下降9%。", "12.4%", "indicator", "教育支出占比"},
		{"and no measure of the item's own", budget + "——教育支出119.06亿元,占比12.4%,下降9%。", "12.4%", "concept", ""},
		{"while the change after it is the item's", budget + "——教育支出119.06亿元,占比12.4%,下降9%。", "9%", "indicator", "教育支出"},
		{"a district is no name of the city", "关于岳阳市2025年预算执行情况与2026年预算草案的报告\n二、2026年预算草案\n岳阳经济技术开发区一般公共预算地方收入安排10.9亿元。", "10.9亿元", "area", "岳阳经济技术开发区"},
	}
	runDocCases(t, cases)
}

// TestDocumentYears: documents of every genre in testdata state their year, and Build
// finds it with the genre and the document's own area.
func TestDocumentYears(t *testing.T) {
	tests := []struct {
		file  string
		year  int
		genre doc.Genre
		area  string
	}{
		{"../testdata/corpus/gwr2026_anhui.txt", 2026, doc.WorkReport, "安徽省"},
		{"../testdata/corpus/gwr2026_qinghai.txt", 2026, doc.WorkReport, "青海省"},
		{"../testdata/corpus/gwr2026_shanghai.txt", 2026, doc.WorkReport, "上海市"},
		{"../testdata/corpus/gwr2026_guangdong.txt", 2026, doc.WorkReport, "广东省"},
		{"../testdata/genres/changsha_2025_statistical_bulletin.html", 2025, doc.Bulletin, "长沙市"},
		{"../testdata/genres/changji_2025_statistical_bulletin.html", 2025, doc.Bulletin, "昌吉回族自治州"},
		{"../testdata/genres/weifang_2025_budget_report.html", 2025, doc.BudgetReport, "潍坊市"},
		{"../testdata/genres/plan_1.txt", 2022, doc.OtherGenre, "包头市"},
		{"read/pdf/testdata/jiaozuo_bulletin_p1-3.pdf", 2025, doc.Bulletin, "焦作市"},
		{"../testdata/seeds/000_cb9593369f0fccb6.txt", 2017, doc.OtherGenre, ""},
		{"../testdata/seeds/003_b00489042dec4954.txt", 2023, doc.OtherGenre, ""},
	}
	for _, tc := range tests {
		data, err := os.ReadFile(tc.file)
		if err != nil {
			t.Fatal(err)
		}
		d, err := Build(tc.file, data, Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: year %d, genre %d, area %q", tc.file, d.Year, d.Genre, d.Area)
		if d.Year != tc.year || d.Genre != tc.genre || d.Area != tc.area {
			t.Errorf("%s: year %d, genre %d, area %q; want %d, %d, %q", tc.file, d.Year, d.Genre, d.Area, tc.year, tc.genre, tc.area)
		}
	}
}
