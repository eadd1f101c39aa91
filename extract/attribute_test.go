package extract

import "testing"

// field returns the named attribution field of the record with the given text in s.
func field(t *testing.T, s, text, name string) string {
	t.Helper()
	for _, r := range Text("t.txt", s) {
		if r.Text == text {
			switch name {
			case "indicator":
				return r.Indicator
			case "period":
				return r.Period
			case "qualifier":
				return r.Qualifier
			case "change":
				return r.Change
			case "modality":
				return r.Modality
			}
		}
	}
	t.Fatalf("no record %q in %q", text, s)
	return ""
}

type fieldCase struct {
	family, sentence, text, want string
}

func runFieldCases(t *testing.T, name string, cases []fieldCase) {
	t.Helper()
	if len(cases) < 10 {
		t.Errorf("%s: only %d cases, want at least 10", name, len(cases))
	}
	for _, c := range cases {
		if got := field(t, c.sentence, c.text, name); got != c.want {
			t.Errorf("%s (%s): %q in %q = %q, want %q", name, c.family, c.text, c.sentence, got, c.want)
		}
	}
}

func TestIndicator(t *testing.T) {
	runFieldCases(t, "indicator", []fieldCase{
		{"object of the main verb", "全省装备制造业实现营业收入3.2万亿元。", "3.2万亿元", "营业收入"},
		{"a bare measure joins its subject when the two name a concept", "全省规模以上工业实现营业收入3.2万亿元。", "3.2万亿元", "规模以上工业营业收入"},
		{"a change after a share is of the amount before it", "全市民营经济完成增加值2066.56亿元,占GDP比重为73.0%,同比增长6.2%。", "6.2%", "民营经济增加值"},
		{"and the share is the amount's", "全市民营经济完成增加值2066.56亿元,占GDP比重为73.0%,同比增长6.2%。", "73.0%", "民营经济增加值占GDP比重"},
		{"counted noun after the unit", "新建5G基站1.2万个,改造12所老旧学校。", "12所", "老旧学校"},
		{"counted noun before the number", "全市高新技术企业达到1.5万家。", "1.5万家", "高新技术企业"},
		{"rate of the subject", "全省一般公共预算收入增长4.8%。", "4.8%", "一般公共预算收入"},
		{"an aside's 不含 is no part of the name", "全市共争取国省资金300.5亿元(不含超长期特别国债34.4亿元)。", "34.4亿元", "超长期特别国债"},
		{"and so is 在园", "幼儿园53所,在园幼儿8418人。", "8418人", "在园幼儿"},
		{"并网 and 其它 are words", "并网风电装机容量253.41万千瓦,其它作物播种面积6.08万亩。", "253.41万千瓦", "并网风电装机容量"},
		{"last year's budget as the baseline is no name", "全市一般公共预算支出拟安排241.6亿元,比上年预算增长0.8%。", "0.8%", "一般公共预算支出"},
		{"的 before the next figure is no part of the noun counted", "通达全球127个国家和地区的584个港口。", "127个", "国家和地区"},
		{"a budget's 加 is arithmetic, no part of the name", "一般公共预算收入完成3764.3亿元;加中央返还及补助1530.7亿元。", "1530.7亿元", "中央返还及补助"},
		{"but 加工贸易 keeps it", "加工贸易进出口1200亿元。", "1200亿元", "加工贸易进出口"},
		{"a class bound inside a name stays in it when the whole is a concept", "每千人口3岁以下婴幼儿托位数达4.76个。", "4.76个", "每千人口3岁以下婴幼儿托位数"},
		{"else the name starts after the bound", "实施投资2000万元以上的技改项目3000个。", "3000个", "技改项目"},
		{"and a share bounding its noun is no class", "95%以上的村集体经营性收入超过10万元。", "10万元", "村集体经营性收入"},
		{"在职 is a word, not 在 and 职", "参加城镇职工基本养老保险人数64.93万人,其中在职人员47.2万人。", "47.2万人", "在职人员"},
		{"发放 after the counted noun ends it", "为超300万名婴幼儿发放育儿补贴。", "300万名", "婴幼儿"},
		{"and so does 加快", "42个源网荷储一体化试点加快推进。", "42个", "源网荷储一体化试点"},
		{"a plan period as the baseline at the end is no part of the name", "PM2.5年均浓度较“十三五”末改善16.5%。", "16.5%", "PM2.5年均浓度"},
		{"对接 is a verb, not 对 and 接", "优化资金投向管理,对接成果转化项目300余个。", "300余个", "成果转化项目"},
		{"but 对接活动 is a noun", "开展产业链供需对接活动100场以上。", "100场", "产业链供需对接活动"},
		{"a clause qualifying the noun after 的 is part of its name", "全市达到或优于Ⅲ类标准的水质断面比例为100%。", "100%", "达到或优于Ⅲ类标准的水质断面比例"},
		{"and a count's too", "全年获得政府最低生活保障的城镇居民1.58万人。", "1.58万人", "获得政府最低生活保障的城镇居民"},
		{"a word ending in 约 keeps it: 节约 is no 节 and an approximately", "压实项目评审,全年累计节约5.4亿元。", "5.4亿元", "节约"},
		{"签约 is a verb of its own", "招商引资项目签约3543亿元。", "3543亿元", "招商引资项目"},
		{"和 before the next item is no part of its name", "包括新增债券1531亿元和再融资债券882.1亿元。", "882.1亿元", "再融资债券"},
		{"but 和美 is a word", "建成和美乡村120个。", "120个", "和美乡村"},
		{"a rate's base with a number is part of its name", "每千人口执业(助理)医师3.2人。", "3.2人", "每千人口执业(助理)医师"},
		{"每万人口, not 口", "每万人口高价值发明专利拥有量达到15.2件。", "15.2件", "每万人口高价值发明专利拥有量"},
		{"分别 after a clause of names pairs with them", "海工装备和高技术船舶、生物医药、金属新材料及制品产业集群实现快速增长,同比增速分别为20.2%、13.7%、8.6%。", "13.7%", "生物医药"},
		{"a clause of names ending in its predicate", "万亿产业、国家先进制造业集群从无到有,分别达2个、3个。", "2个", "万亿产业"},
		{"a share after a change is of the clause's subject", "无人机产量增长39%、占全国9成,工业机器人产量增长31.2%、占全国4成。", "4成", "工业机器人产量占全国"},
		{"and 占比 after an amount too", "全市民生支出246.5亿元、占比83%。", "83%", "民生支出占比"},
		{"overlapping verbs split where both are verbs", "新建改扩建及维修改造公办幼儿园200所以上。", "200所", "公办幼儿园"},
		{"a noun holding a verb is no verb", "移动电话用户422.99万户;固定互联网宽带接入用户175.02万户,增长4.7%。", "175.02万户", "固定互联网宽带接入用户"},
		{"an average's adverb is no part of the name", "主要指标包括:地区生产总值年均增速4.5%-5%、服务贸易年均增长5%。", "4.5%-5%", "地区生产总值"},
		{"nor before a bound word", "就业增收更加扎实有力,城镇新增就业年均超过70万人。", "70万人", "城镇新增就业"},
		{"a change word at the end is no part of the name", "居民消费价格涨幅比上年缩小0.2个百分点。", "0.2个百分点", "居民消费价格涨幅"},
		{"nor a comparison left without its year", "市直单位“三公”经费预算较2024年压减13.4%。", "13.4%", "市直单位“三公”经费预算"},
		{"rate after an amount", "完成固定资产投资2100亿元,同比增长6.2%。", "6.2%", "固定资产投资"},
		{"a year's figure compared with is no name", "全市一般公共预算收入8670亿元,比2025年执行数增长2%。", "2%", "一般公共预算收入"},
		{"nor is a year's outturn", "市本级一般公共预算收入56.2亿元,较2025年完成数增长2.83%。", "2.83%", "市本级一般公共预算收入"},
		{"an editorial note is no name either", "全市一般公共预算收入8500.9亿元,比2024年(下同)增长1.5%。", "1.5%", "一般公共预算收入"},
		{"share", "数字经济核心产业增加值占地区生产总值比重达11.5%。", "11.5%", "数字经济核心产业增加值占地区生产总值比重"},
		{"gap keeps the subject", "居民人均可支配收入增长5.1%,高于经济增速0.3个百分点。", "0.3个百分点", "居民人均可支配收入"},
		{"purpose of unnamed money", "省财政安排8亿元支持中小企业技术改造。", "8亿元", "支持中小企业技术改造"},
		{"a name that says whose measure is named with its list", "城镇和农村居民人均可支配收入分别增长4.3%、5.9%。", "4.3%", "城镇和农村居民人均可支配收入"},
		{"a level alone counts the noun after the sentence's last level", "成功创建现代商贸3个千亿级,食品工业、现代种业2个百亿级产业集群。", "3个", "产业集群"},
		{"a level before the number names it", "全市共有示范平台177家,其中国家级8家,省级68家,省级以上平台居全省各地市之首。", "8家", "国家级"},
		{"a level alone counts the list's noun", "着力培育6个世界级、7个国家级、9个区域级产业集群。", "7个", "产业集群"},
		{"respective names", "固定资产投资、工业投资分别增长3.2%、8.5%。", "8.5%", "工业投资"},
		{"a bare 达到 goes on with the clause before", "机电产品出口占比86%,全省进出口总值创历史新高,达到5379亿元。", "5379亿元", "进出口总值"},
		{"an adverb of pace is no part of the subject", "支持企业直接融资,直接融资规模稳步增长,达183亿元。", "183亿元", "直接融资规模"},
		{"as many names as figures pair without 分别", "入境游客增长1倍,国内游客人次、总花费增长5.6%、7.5%。", "7.5%", "总花费"},
		{"and so does the first", "每千人床位数、执业医师数增至7.83张、3.57个。", "7.83张", "每千人床位数"},
		{"shared noun of a list", "分别奖励30万元、20万元、10万元创新团队。", "20万元", "创新团队"},
		{"framing words dropped", "其中,省级以上专精特新企业320家。", "320家", "省级以上专精特新企业"},
		{"count stops at a verb", "18位院士担任首席科学家。", "18位", "院士"},
		{"a change verb alone is the subject's change", "年末民用汽车保有量113.39万辆,净增3.21万辆。", "3.21万辆", "年末民用汽车保有量"},
		{"增产 alone is the output's change", "粮食产量152.3万吨,增产0.3%。", "0.3%", "粮食产量"},
		{"a change against last year's end", "年末移动电话用户537.22万户,比上年末增加0.96万户。", "0.96万户", "年末移动电话用户"},
		{"等 closing a list names nothing", "其中中央文化服务体系建设补助0.1亿元等。", "0.1亿元", "中央文化服务体系建设补助"},
		{"a second verb joined to the main one is no part of the object", "新建和改造高标准农田71.21万亩。", "71.21万亩", "高标准农田"},
		{"but 和美 is a noun's", "新建和美乡村250个。", "250个", "和美乡村"},
		{"an adverb alone names nothing", "一般公共预算收入增加近1000亿元,稳步达到3000亿元以上。", "3000亿元", "一般公共预算收入"},
		{"a verb before 的 qualifies the noun, it governs nothing", "其中:地方财力安排的支出4969.8亿元。", "4969.8亿元", "地方财力安排的支出"},
		{"but alone it is the verb", "我市入围的省首批“互联网+”创建小镇共3个。", "3个", "省首批“互联网+”创建小镇"},
		{"names before one number are counted whole", "其中,诊所、卫生所、医务室1053个。", "1053个", "诊所、卫生所、医务室"},
		{"a category named with a 、", "交通运输、仓储和邮政业增加值74.84亿元,增长5.6%。", "74.84亿元", "交通运输、仓储和邮政业增加值"},
		{"measures of their own are no sum", "社会消费品零售总额、固定资产投资增长4%左右。", "4%", "固定资产投资"},
		{"nor is a verb after the list an item", "全体居民人均可支配收入增速高于经济增速、突破3万元。", "3万元", "全体居民人均可支配收入"},
		{"but each item's figure is the last item's", "工业增加值、规模以上工业总产值均增长6.5%以上。", "6.5%", "规模以上工业总产值"},
		{"not a list closed by 等", "小麦、玉米、马铃薯等主栽品种良种覆盖率达到97%。", "97%", "主栽品种良种覆盖率"},
		{"not objects of a verb", "优先在边境地区、集体经济薄弱村新建各类棚室5万个。", "5万个", "各类棚室"},
		{"the steps a level crossed are counted", "经济总量连跨5万亿元、6万亿元两个台阶。", "两个", "台阶"},
		{"and are not what the rate after them measures", "地区生产总值连跨两个万亿元台阶,年均增长5.7%。", "5.7%", "地区生产总值"},
		{"等因素 closing a frame names nothing", "剔除一次性补助投入26亿元等因素后,增长13.7%。", "26亿元", "一次性补助"},
		{"the item left out is not the next figure's subject", "教育支出119亿元,下降9%,剔除一次性投入26亿元等因素后,增长13.7%。", "13.7%", "教育支出"},
		{"a footnote mark is no part of it", "全市地区生产总值[2]2829.58亿元。", "2829.58亿元", "地区生产总值"},
		{"an indent of wide spaces", "\u2002\u2002年末全市常住人口318.2万人。", "318.2万人", "年末全市常住人口"},
		{"在 ends the counted noun", "5件作品在全省新创群众文艺作品评选中获奖。", "5件", "作品"},
		{"but not 所在", "惠及149.5万个婴幼儿所在家庭。", "149.5万个", "婴幼儿所在家庭"},
		{"ordinals sharing one noun are named whole", "第一、二、三产业对经济增长的贡献率分别为14.2%、33.0%、52.7%。", "33.0%", "第一、二、三产业对经济增长的贡献率"},
		{"selection keeps its list", "12家企业入选国家级绿色工厂名单。", "12家", "企业入选国家级绿色工厂名单"},
	})
}

func TestPeriod(t *testing.T) {
	runFieldCases(t, "period", []fieldCase{
		{"year at the start", "2023年,全市新增市场主体12万户。", "12万户", "2023"},
		{"carried across clauses", "2021年,全省粮食产量达到700亿斤;油料产量120万吨。", "120万吨", "2021"},
		{"year range", "2019-2021年,累计减税降费300亿元。", "300亿元", "2019-2021"},
		{"month", "截至2022年6月底,全市累计建成充电桩3万个。", "3万个", "2022-06"},
		{"since a year", "2018年以来,共培育国家级专精特新企业56家。", "56家", "2018"},
		{"plan period", "“十三五”时期,全省地区生产总值年均增长7.1%。", "7.1%", "2016-2020"},
		{"a baseline of last year resets no period", "2025年全年交通事故死亡人数293人、较去年减少27.1%。", "27.1%", "2025"},
		{"an annual average between two stated years spans them", "全市一般公共预算收入从2020年的168.4亿元提高到2025年的200.1亿元,年均增长3.5%。", "3.5%", "2021-2025"},
		{"a name's digits are no span (PM10年…)", "2025年全市PM10年累计平均浓度60.63微克/立方米。", "60.63微克/立方米", "2025"},
		{"a plan period's end is its last year", "全省地区生产总值较“十三五”末的9323.1亿元增加4374.4亿元。", "9323.1亿元", "2020"},
		{"and a target for it", "到“十四五”期末,森林覆盖率达到45%。", "45%", "2025"},
		{"baseline is not the period", "单位生产总值能耗较2020年下降13.5%。", "13.5%", ""},
		{"year inside a title", "印发《数字经济发展规划(2021-2025年)》,建设20个数字园区。", "20个", ""},
		{"relative words stay empty", "去年全市接待游客5000万人次。", "5000万人次", ""},
		{"relative word after a year", "该中心于2020年投入使用,目前已入驻企业45家。", "45家", ""},
		{"year after the number", "3家企业入选2023年国家级服务型制造示范名单。", "3家", "2023"},
		{"list of years", "2022、2023年分别新增就业岗位8万、9万个。", "9万个", "2023"},
	})
}

func TestQualifier(t *testing.T) {
	runFieldCases(t, "qualifier", []fieldCase{
		{"约 before", "全年接待游客约8000万人次。", "8000万人次", "approx"},
		{"近 before", "培训农民近3万人。", "3万人", "approx"},
		{"左右 after", "经济增长5%左右。", "5%", "approx"},
		{"超过 before", "实际使用外资超过20亿美元。", "20亿美元", "over"},
		{"以上 after", "粮食产量稳定在600亿斤以上。", "600亿斤", "over"},
		{"多 inside", "建成充电桩2000多个。", "2000多个", "over"},
		{"余 inside", "开展活动300余场。", "300余场", "over"},
		{"不到 before", "审批时间压缩到不到5天。", "5天", "under"},
		{"以内 after", "城镇调查失业率控制在5.5%以内。", "5.5%", "under"},
		{"最高 across a verb", "对新认定企业最高给予50万元奖励。", "50万元", "under"},
		{"近 inside a word is nothing", "推进近地化配套项目40个。", "40个", ""},
		{"a bound word before what the figure is a part of", "能耗强度约为全国平均的70%。", "70%", "approx"},
		{"and the list after it", "能耗、排放强度分别约为全国平均的70%、60%。", "60%", "approx"},
		{"a word before a list qualifies its items", "文化、旅游产业增加值比重分别超过2%、5%。", "5%", "over"},
		{"a word after a list qualifies its items", "城乡居民收入分别增长5%、6.5%左右。", "5%", "approx"},
		{"an item's own qualifier stays its own", "新建学校超过20所、幼儿园15所。", "15所", ""},
		{"多 inside the first item is that item's", "建成充电桩2000多个、换电站300个。", "300个", ""},
		{"最近 is a time word", "完成最近3个季度的12项任务。", "12项", ""},
	})
}

func TestChange(t *testing.T) {
	runFieldCases(t, "change", []fieldCase{
		{"a price's rise", "居民消费价格指数上涨2%左右。", "2%", "increase"},
		{"and its fall", "工业生产者出厂价格下跌2.6%。", "2.6%", "decrease"},
		{"a share after a change has none of its own", "无人机产量增长39%、占全国9成。", "9成", ""},
		{"a policy named for growth states none", "出台稳增长措施近100条。", "100条", ""},
		{"growth rate", "社会消费品零售总额同比增长5.6%。", "5.6%", "increase"},
		{"fall", "单位工业增加值能耗下降4.1%。", "4.1%", "decrease"},
		{"net increase of a count", "全年净增经营主体18万户。", "18万户", "increase"},
		{"new additions", "新增高新技术企业520家。", "520家", "increase"},
		{"the concept named with 新增 is a level of it", "新增城镇就业52万人。", "52万人", ""},
		{"a list item shares its verb, though its noun holds one", "新增国家级企业技术中心8家、产业知识产权运营中心2家。", "2家", "increase"},
		{"an item with a verb of its own does not", "新增企业技术中心8家、落户企业2家。", "2家", ""},
		{"phase-out", "淘汰落后产能300万吨。", "300万吨", "decrease"},
		{"percentage points up", "研发投入强度提高0.2个百分点。", "0.2个百分点", "increase"},
		{"new level is not a change", "常住人口城镇化率提高到65.3%。", "65.3%", ""},
		{"level reached", "全市高新技术企业总数增至1.2万家。", "1.2万家", ""},
		{"gap to a reference", "增速高于全国平均水平1.1个百分点。", "1.1个百分点", ""},
		{"gap with 比…高", "园区工业增加值增长10.4%,增速比全市平均水平高2.2个百分点。", "2.2个百分点", ""},
		{"plain level", "地区生产总值达到1.3万亿元。", "1.3万亿元", ""},
		{"increase word in a noun", "规上工业增加值占比达到36%。", "36%", ""},
		{"one change word for a list", "新增国家级孵化器8家、省级孵化器20家。", "20家", "increase"},
		{"direct single character", "进出口总额增8.3%。", "8.3%", "increase"},
		{"more or less output", "粮食产量152.3万吨,增产0.3%;夏粮产量50万吨,减产3.8%。", "3.8%", "decrease"},
		{"more revenue", "一般公共预算收入57.1亿元,增收5.2亿元。", "5.2亿元", "increase"},
		{"less spending", "政府性基金预算支出50.7亿元,比上年减支12.6亿元。", "12.6亿元", "decrease"},
		{"a change word describing a noun", "第三产业对经济增长的贡献率为52.7%。", "52.7%", ""},
		{"and a counted noun", "针对5年内关税降幅较大的5048种商品。", "5048种", ""},
		{"a contribution to growth is a level", "三次产业对全市经济增长贡献率分别为8.2%、44.6%和47.2%。", "44.6%", ""},
	})
}

func TestModality(t *testing.T) {
	runFieldCases(t, "modality", []fieldCase{
		{"力争", "力争全年引进重大项目100个。", "100个", "target"},
		{"预计", "预计全年地区生产总值增长5.5%。", "5.5%", "target"},
		{"到 a year", "到2030年,数字经济规模达到2万亿元。", "2万亿元", "target"},
		{"计划 as a verb", "计划新建保障性住房8000套。", "8000套", "target"},
		{"确保", "确保粮食产量稳定在500亿斤。", "500亿斤", "target"},
		{"a target set above is a baseline", "存量隐性债务化解进度超过省定目标8.36个百分点。", "8.36个百分点", ""},
		{"a count of a plan's indicators is no target", "“十五五”时期,提出五大类21个主要指标,包括13个预期性指标。", "13个", ""},
		{"计划总投资 is a project's size, no plan", "全年新开工亿元以上项目250个,计划总投资、完成投资额分别为1518.52亿元、499.24亿元。", "1518.52亿元", ""},
		{"按计划 tells how it was done", "加上按计划提取的贷款0.2亿元,债务余额为36亿元。", "0.2亿元", ""},
		{"colon list of goals", "主要预期目标是:地区生产总值增长5%左右,城镇新增就业30万人以上。", "30万人", "target"},
		{"reported fact", "全年完成固定资产投资1800亿元。", "1800亿元", ""},
		{"计划 as a noun", "落实三年行动计划,建成5G基站3000个。", "3000个", ""},
		{"target word after the number", "已建成项目12个,预计年产值可达50亿元。", "12个", ""},
		{"forward section", "一、2022年工作回顾\n全年新增就业10万人。\n二、2023年主要任务\n新增就业11万人。", "11万人", "target"},
		{"report section", "一、2022年工作回顾\n全年新增就业10万人。\n二、2023年主要任务\n新增就业11万人。", "10万人", ""},
		{"下一步 passage", "全年培训3000人次。\n下一步,我们将扩大培训规模。\n新建培训基地5个。", "5个", "target"},
		{"主要 is not 要", "主要农作物耕种收综合机械化率达到85%。", "85%", ""},
	})
}

// TestBaseUnitBytes checks the byte search of baseUnit against a rune walk, over units
// with and without a per part and over odd strings (invalid UTF-8, a lone surrogate's
// encoding, CRLF, a / inside a multibyte sequence's place).
func TestBaseUnitBytes(t *testing.T) {
	runeWalk := func(u string) string {
		for i, r := range u {
			if r == '/' {
				return u[:i]
			}
		}
		return u
	}
	for _, u := range []string{"", "元", "元/吨", "万元/平方米", "/", "a/b/c", "个／人",
		"\xff/元", "\xe7\xba/x", "\xed\xa0\x80/元", "元\r\n/吨", "亿元\xe7"} {
		if got, want := baseUnit(u), runeWalk(u); got != want {
			t.Errorf("baseUnit(%q) = %q, want %q", u, got, want)
		}
	}
}
