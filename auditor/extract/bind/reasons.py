"""Why a relation was bound: every reading a resolver can propose, with its strength.

The strength orders readings when two claim the same figures in different
ways (the arbiter keeps the stronger; equal strengths that disagree bind
neither), and it bounds how loudly a failing relation may speak: a reading
that the text states explicitly may accuse (error); a reading inferred from
the vocabulary or found by looking through the document may only warn.

    4  explicit: a marker in the same clause or sentence (其中, 分别为, 合计,
       a bracket, a table's header and rows, the amounts of a rate's own sentence)
    3  structural: numbered items, parts that continue on the following lines,
       the subject of the sentence before
    2  vocabulary: a known family or identity (支出 = 基本支出 + 项目支出)
       without a marker
    1  look-up: a figure found elsewhere in the document by name or value
"""

from __future__ import annotations

from auditor.records import dataclass


EXPLICIT, STRUCTURAL, VOCABULARY, LOOKUP = 4, 3, 2, 1

# Readings of a laid-out text — a table's header and rows, a score table, the outline's
# headings — whose figures stand on separate lines by nature.  Any other reading
# accuses only when every figure it uses stands on one line: a relation read across
# lines (numbered items under a figure, parts on the following lines, a share's whole
# two paragraphs up) is a reading the text does not spell out, so it warns.
LAID_OUT = frozenset({
    "table_rows", "table_rate", "table_rate_named", "score_rate_row", "funds_sources", "funds_balance", "table_surplus_row",
    "funds_score_stated", "funds_score_convention", "funds_score_full", "indicator_row", "indicator_completion_row",
    "score_table_total",
    "indented_levels",
    "score_list", "score_list_opened", "level_scores", "sub_level_scores", "level_deductions", "deductions_listed", "score_list_respectively", "heading_numbers", "grade_score_near", "grade_respective", "grade_row_under_table", "table_total_in_prose", "table_funds_score_in_prose", "table_change_row",
    "table_compound_growth", "table_place_total", "table_row_total", "table_subtotal_rows", "table_share", "table_share_of_column", "code_levels",
})


# What a relation's figures were read by, when no arithmetic of the row pinned them (tables/glued.py): a relation
# that travels with such a via may warn, never accuse, whatever its reason.
SPLIT_BY_HEADER = "run-together cells split by the header's columns alone (every column one figure, the amounts alike)"
SPLIT_BY_PARTS = "run-together cells split where its 其中 rows make it in the most columns"
# … and a 合计 row whose cells were dropped, its amounts placed where the rows above make it in the most columns
TOTAL_BY_COLUMNS = "a 合计 row with dropped cells, its amounts placed where the rows above make it in the most columns"
# … and a score table with no header, its 分值 and 得分 taken as the last two figures of each row (tables/score_rows.py)
UNHEADED_SCORES = "a score table with no header: each row's last two figures its 分值 and 得分, the 分值 making the 总分's"
# … and a share whose part its sentence names, its figure looked up before its paragraph (resolvers/share.py)
PART_NAMED_ABOVE = "its part named, its figure stated in a paragraph before"
# … and a mean per head (人均) over the sentence's one count of visits (人次), its money the one amount spent beside a
# budget (resolvers/average.py)
VISITS_FOR_HEADS = "人均 over the sentence's one count of 人次, of the amount spent (not the budget)"
# … and a 加上 sum's base its total names ("…,全县一般公共预算收入总计"), looked up before the sum's paragraph past the
# figures stated between (resolvers/total_after.py)
BASE_NAMED_ABOVE = "the base its total names, stated in a paragraph before"
# … and a 其中 list with no figure before it, its total the 合计 that opens the next sentence (resolvers/opener_list.py)
TOTAL_NEXT_SENTENCE = "a 其中 with no figure before it: the 合计 opening the next sentence, named as every part is"
# … and a survey's answers returned, counted in the paragraph right before the one that opens with the kinds' counts
# (resolvers/survey_rate.py: "…回收有效问卷320份。⏎调查结果显示：非常满意186份、满意102份…")
SAMPLE_IN_PARAGRAPH_BEFORE = "the answers returned, counted in the paragraph right before the kinds' counts"
# … and a two-sided block's rows ("按收入性质分 | | 按支出性质分" over "一般公共预算 | 3126.48 | | 基本支出 | 1784.52"), each one
# figure placed in the column of the total row one of its groups makes (tables/__init__.py, grouped_sides)
PLACED_BY_GROUP = "a two-sided block's rows, each figure placed in the total's column one of its groups makes"
# … and a 自评表's funds block flattened from a PDF, its figures placed in the template's rows by their order alone
# (tables/flat_funds.py)
FLATTENED_FUNDS = "a funds block flattened from a PDF: its figures placed in the template's rows by their order alone"
# … and a 超收 / 短收 against the time pace reckoned at months / 12 of the budget when the text states no pace of its own
# (resolvers/difference.py): a pace reckoned by days (304 / 365 at the end of October) differs from it by a few tenths of a
# point, enough to move a 短收 of a large budget past its last digit
PACE_BY_MONTHS = "the time pace reckoned by months, the text stating none (by days it differs a little)"
INFERRED_VIA = frozenset({PACE_BY_MONTHS, SPLIT_BY_HEADER, FLATTENED_FUNDS, SPLIT_BY_PARTS, TOTAL_BY_COLUMNS, UNHEADED_SCORES, PART_NAMED_ABOVE,
                          VISITS_FOR_HEADS, BASE_NAMED_ABOVE, TOTAL_NEXT_SENTENCE, SAMPLE_IN_PARAGRAPH_BEFORE,
                          PLACED_BY_GROUP})


@dataclass(frozen=True)
class Reason:
    """Why a relation was bound, how strong that reading is against others, and an example."""

    name: str
    strength: int
    summary: str
    example: str


# a 自评表 flattened onto one line, the example of the readings of such a line
_FLATTENED_SELF_ASSESSMENT = (
    "项目名称 禁毒经费项目资金(万元)年初预算数 全年预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分年度资金总额: 100 100 100 "
    "10 100% 10 年度绩效指标完成情况 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施 "
    "产出指标 数量指标 指标1:禁毒舞台剧宣传的场次 ≥1场 1场 40 40指标2:毛发检查试剂数量 ≥2400份 3200份 50 50 总分 100 100")

# an indicator row found by position, by the layout of its table (ScoreTable.layout)
POSITIONAL = {"line": "indicator_row_on_line", "spaced": "indicator_row_spaced"}
# … and the 总分 over such rows
POSITIONAL_TOTAL = {"line": "score_table_total_on_line", "spaced": "score_table_total_spaced"}

# a 自评表 whose cells stand apart by single spaces, a target written as a sentence among them
_SPACED_SELF_ASSESSMENT = (
    "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施\n"
    "产出指标 数量指标 指标1:修缮建筑面积 6000平方米 6000平方米 50 50\n"
    "成本指标 项目成本控制在预算内 本着节约的原则,控制在项目预算的范围之内,没有超支的情况发生。 100% 50 45\n"
    "总分 100 95")

_ALL = [
    # ---------------------------------------------------------------- lists
    Reason("quarters_cumulative", VOCABULARY, "the quarters stated one by one add up to the stretch from the year's "
           "start stated after them (上半年, 前三季度, 全年: vocabulary quarters_cumulative)",
           "一季度收入100亿元,二季度120亿元,三季度130亿元。前三季度累计完成350亿元。"),
    Reason("chart_shares", EXPLICIT, "a chart's figures each with its share in a bracket, between wholes written "
           "(100%): the run of them that makes one whole, and whose shares make 100, is its parts",
           "4,881 (71.6%) 668 (9.8%) 1,058 (15.5%) 215 (3.1%) 總額 (百萬元) Total 6,822 (100.0%)"),
    Reason("qizhong_list", EXPLICIT, "parts after 其中 belong to the figure before it",
           "支出100万元,其中:基本支出60万元,项目支出40万元。"),
    Reason("respectively_list", EXPLICIT, "figures after 分别为/各为 are the parts of the figure before it",
           "支出合计100万元,分别为基本支出60万元、项目支出40万元。"),
    Reason("include_list", EXPLICIT, "parts after 包括/主要用于以下方面 belong to the figure before it",
           "项目资金100万元,包括:培训费60万元,印刷费40万元。"),
    Reason("classify_list", EXPLICIT, "a classification (分类为/构成为) lists every part of its total",
           "支出100万元,按经济分类为:工资福利支出60万元,商品和服务支出40万元。"),
    Reason("dimension_split", EXPLICIT, "分部门情况是/从…来看/按…分 split the paragraph's total along one dimension",
           "全区完成收入200万元。分部门情况是:国税部门完成120万元;地税部门完成80万元。"),
    Reason("bracket_list", EXPLICIT, "figures in a bracket right after a figure are its parts",
           "项目支出100万元(财政拨款60万元,其他收入40万元)。"),
    Reason("standard_level_shares", EXPLICIT, "a standard per unit, 其中 the levels' shares: the shares paid by the levels "
           "named are some of the standard (more is wrong)", "基础养老金标准为每人每月163元,其中中央103元、省级40元、县级提高20元。"),
    Reason("standard_level_shares_unmarked", VOCABULARY, "a standard per unit, then the levels' shares with no 其中, each "
           "named by a level alone: some of the standard (more is wrong; a warning at most: no marker says they are its "
           "parts)", "每亩补助标准为150元,中央补助100元,省级补助30元,县级补助20元。"),
    Reason("years_cumulative", STRUCTURAL, "a project's 累计 figure and the figures of the years before it in its "
           "paragraph, named by the same verb: some of it (more is wrong)",
           "2021年、2022年分别支出1426.8万元、2209.5万元。2023年当年支出2196.4万元。项目累计支出5832.7万元。"),
    Reason("side_by_side_groups", EXPLICIT, "a 部门整体 自评表's two breakdowns set side by side (按收入性质分 … 按支出性质分 …) "
           "and read alternately: each group's rows, named by the group, add up to the figure after its heading",
           "按收入性质分：1906.74按支出性质分：1906.74其中：一般公共预算：1780.54其中：基本支出：1420.36政府性基金拨款：126.20"
           "项目支出：486.38纳入专户管理的非税收入拨款：其他资金："),
    Reason("side_by_side_totals", STRUCTURAL, "a 部门整体 自评表's two breakdowns (按收入性质分 … 按支出性质分 …) split one "
           "total, the 年度资金总额: the figures after the two headings are one quantity stated twice (not where the "
           "headings name different columns, or each figure is another column of the total row)",
           "按收入性质分：1906.74按支出性质分：1906.74其中：一般公共预算：1780.54其中：基本支出：1420.36政府性基金拨款：126.20"
           "项目支出：486.38纳入专户管理的非税收入拨款：其他资金："),
    Reason("together_with_total", EXPLICIT, "A a,连同 B b,还需要 C c: what is needed together is the sum of the two",
           "岁入岁出差短数103.84亿元,连同债务还本66亿元,还需要融资调度169.84亿元。"),
    Reason("funding_levels_after_total", VOCABULARY, "C c,中央 a,地方 b: the levels of government named one after "
           "another right after a sum of money gave it (a warning at most: no marker says they are its parts; the upper "
           "levels alone are some of it)", "年度完成基本药物制度补助2300.67万元,中央补助442.43万元,地方财政补助1858.24万元。"),
    Reason("entity_levels_after_whole", VOCABULARY, "W c。中央 a。地方 b: a whole (国有企业) and its levels (中央企业, "
           "地方国有企业), each opening a sentence right after the whole's figure, of its measure (a warning at most: no "
           "marker says they are its parts)",
           "国有企业营业总收入448908.8亿元,同比增长7.1%。中央企业260132.6亿元,同比增长5.5%。地方国有企业188776.2亿元,同比增长9.2%。"),
    Reason("sources_cover_total", VOCABULARY, "C c,以 A a、B b 予以弥平: the sources that cover a total add up to it "
           "(a warning at most: a text may say some sources cover part of it)",
           "融资调度169.84亿元,以移用以前年度岁计剩余69.84亿元、发行公债及赊借收入100亿元予以弥平。"),
    Reason("total_after_parts", EXPLICIT, "合计/共计 after figures sums the figures before it in its sentence",
           "办公费60万元,印刷费40万元,合计100万元。"),
    Reason("total_of_counted_items", EXPLICIT, "a 共计 / 合计 right after a count of items (9个项目共计) sums the last "
           "that many amounts before it, in its sentence or the one before", "A村篮球场4万元、B村篮球场4万元、门球场维修费"
           "4.76万元。3个项目共计12.76万元。"),
    Reason("sum_after_plus", EXPLICIT, "a sentence adding with 加上 arrives at a 总量 / 总计 / 可支配收入: the nearest "
           "amount before 加上 and the amounts added", "一般公共预算支出2209.07亿元,增长8.7%。加上补充预算稳定调节基金"
           "101.85亿元,支出总量为2310.92亿元。"),
    Reason("total_after_batches", EXPLICIT, "第一批 … 第N批 (次, 期), in order from the first, then 累计/共计/合计 "
           "right after the last: their sum", "资金分三批下达:第一批下达300万元,第二批下达150万元,第三批下达80万元,"
           "累计到位530万元。"),
    Reason("total_after_items", EXPLICIT, "以上共计/合计 opening the sentence right after numbered items sums them",
           "1.设备购置50万元;\n2.人员培训40万元。\n以上共计90万元。"),
    Reason("total_after_lines", EXPLICIT, "a 合计 line right after lines of one figure each, under a line without "
           "figures, sums them", "一、资金来源\n中央资金125.5万元\n省级资金91.2万元\n以上资金合计216.7万元。"),
    Reason("total_of_counted_names", VOCABULARY, "a total opening its sentence counting what it is of (这五个…总额) "
           "sums that many figures stated in the sentence before",
           "天津中奖1002万元;广东、江苏分别中奖2110万元、1581万元。这三个省市的中奖总额4693万元。"),
    Reason("total_after_respectively", EXPLICIT, "分别为 with no figure before it: the 共 after the figures sums them",
           "培训分别为:农民200人、干部50人,共培训250人。"),
    Reason("score_list", EXPLICIT, "scores followed by 总得分 add up to it",
           "项目立项20分,项目管理30分,项目绩效45分,总得分95分。"),
    Reason("score_list_opened", EXPLICIT, "a total score, 其中, and the levels' scores (all of it when they name "
           "every level of a framework, or their weights make 100)",
           "自评总得分95分,其中:预算执行率得分9分,产出指标得分45分,效益指标得分28分,满意度指标得分13分。"),
    Reason("outline_weights", STRUCTURAL, "a heading of an evaluation framework's outline named with its weight "
           "(一、投入(14分)) over the weights of its sub-headings, up to the next heading of its level",
           "一、投入(14分)\n(一)项目立项(8分):立项依据充分。\n(二)资金落实(6分):资金到位及时。\n二、过程(26分)\n"
           "(一)资金管理(16分):使用合规。\n(二)组织实施(10分):制度健全。"),
    Reason("level_scores", EXPLICIT, "the levels' scores, each with its 分值 (or its weight said before its 得), on "
           "the lines right before a 合计 score or in its sentence",
           "(1)预算执行:分值10分,得分10分;\n(2)产出指标:分值50分,得分45分;\n(3)效益指标:分值30分,得分28分;\n"
           "(4)满意度指标:分值10分,得分9分。\n合计得分92分。"),
    Reason("sub_level_scores", EXPLICIT, "a level's score named by 得, 其中, and its sub-levels' scores, each beside "
           "its weight (all of it when their weights make the level's own)",
           "过程指标(30分)得27.5分,其中预算执行12分得11分、预算管理10分得9.5分、资产管理8分得7分。"),
    Reason("score_change_on_last_year", STRUCTURAL, "a total score's change on last year (较上年提高 d 分, or on a year "
           "it names: 较2021年) against the one total score of that year stated before it in its paragraph or the one "
           "above (of the evaluation it names: 较上年财政重点评价得分)",
           "2023年度项目绩效评价报告\n2022年度评价得分为86.5分。本次评价总得分92分,较上年提高5.5分,评价等级为优。"),
    Reason("level_deductions", EXPLICIT, "what was taken off each level (扣 d 分, between its weight and its 得) adds up "
           "to the total deduction said after them (合计扣)",
           "决策指标15分,扣1分,得14分;过程指标25分,扣3分,得22分;产出指标30分,扣1.5分,得28.5分;效益指标30分,扣2.5分,"
           "得27.5分。合计扣8分,总得分92分。"),
    Reason("deductions_listed", EXPLICIT, "a deduction (扣 d 分) that opens a list — 其中 or a colon right after it — is "
           "the sum of the deductions its sentence lists after it",
           "经自评,项目共扣减4.60分,其中:预算执行率扣0.40分;“新建管网长度”未达标扣2分;负荷率偏低扣1.2分;满意度未达标扣1分。"),
    Reason("deductions_above", STRUCTURAL, "a deduction whose line opens by naming the items above it (以上共扣) is the "
           "sum of the numbered lines right above it, each stating one deduction taken",
           "主要扣分情况如下:\n1.预算执行率92.4%,扣0.76分;\n2.“清淤河道长度”完成率94%,扣0.6分;\n3.“工程完工及时率”扣1.5分。\n"
           "以上共扣2.86分,项目自评得分97.14分。"),
    Reason("deductions_items_before", EXPLICIT, "a deduction whose clause opens by naming the items before it (以上合计扣), "
           "in the line that numbers them in brackets from (1), is the sum of those items, each stating one deduction taken",
           "扣分情况:(1)“监测点位”计划60个、完成54个,扣1.2分;(2)“报告按时报送率”为90%,扣0.8分;(3)满意度为88%,扣0.5分。"
           "以上合计扣2.5分,最终自评得分97.5分。"),
    Reason("deductions_in_section", STRUCTURAL, "the one deduction the text says is all that was taken (共扣) is the sum "
           "of the numbered items of the section that lists the points taken off (扣分情况), each stating one deduction",
           "一、自评得分。本项目满分100分,共扣分4.5分,自评得分95.5分。\n二、扣分情况。(1)项目公示不规范,扣1.5分;"
           "(2)竣工决算滞后,扣2分;(3)满意度低于目标值,扣1分。"),
    Reason("score_list_respectively", EXPLICIT, "the scores of a 分别为 list right before a total score (all of it when "
           "a 分别为 list of as many weights beside it makes 100)",
           "四类指标分值分别为20分、45分、25分、10分,实际得分分别为18.5分、42.0分、23.5分、9.0分,综合得分93.0分。"),
    Reason("score_list_respectively_after", STRUCTURAL, "a total score, then in the sentence right after it (or "
           "in one that names it, 最终得分中, its paragraph or the next) the levels' scores in a 分别 list, read when "
           "they are all of it (a 分别为 list of as many weights beside it makes 100, or they name every level)",
           "项目自评总分94.95分,等级为“优”。预算执行、产出、效益、满意度四类指标分别得9.45分、48分、28.5分、9分,"
           "分值分别为10分、50分、30分、10分。"),
    Reason("grade_counts", EXPLICIT, "the items rated 优/良/中/差 (quoted, or after 评为/等次为) are the items rated",
           "上报项目绩效自评50个。自评结果“优秀”5个、“良好”23个、“中”20个、“差”2个。"),
    Reason("table_rows", EXPLICIT, "a table's 合计/总额 row and the rows the table puts under it",
           "项目 | 年初预算数\n合计 | 100\n1、基本支出 | 60\n2、项目支出 | 40"),
    Reason("code_levels", EXPLICIT, "a table coded by 科目编码: a row is the sum of the rows coded one level "
           "below it (类 = Σ 款, 款 = Σ 项), up to the next row of its own level or above",
           "科目编码 科目名称 决算数\n201 一般公共服务支出 1050.30\n20101 人大事务 1050.30\n"
           "2010101 行政运行 980.40\n2010108 代表工作 69.90\n208 社会保障和就业支出 200.30"),
    Reason("table_row_total", EXPLICIT, "a table's last money column named 合计… is the sum of the money "
           "columns before it, in each row (or a first column named 合计 of those after it)", "地区 | 已预下达 | 本次下达 | 合计下达\n杭州市 | 650 | 175 | 825"),
    Reason("table_subtotal_rows", EXPLICIT, "a table's X合计 rows each sum the rows under them, and its first "
           "合计 row the X合计 rows (the last block may go on past the table's end)",
           "地区 | 下达资金\n全省合计 | 2500\n甲市合计 | 1000\n甲县 | 600\n乙县 | 400\n乙市合计 | 1500\n丙县 | 1500\n"
           "备注:以上资金为补助资金。"),
    Reason("column_agreement", VOCABULARY, "a grid of bare figures under a header no reader knows: a column that "
           "is the sum, ratio, growth or share of the total row of others in nearly every row is read so in each row",
           "1957 16358 10187 6171 16212 37.7\n1965 17585 7008 10577 18738 60.1\n1970 26228 14254 11975 27105 45.7\n"
           "1975 47928 27450 20478 45173 42.7"),
    Reason("table_subtotal_columns", STRUCTURAL, "a two-line header that groups columns under a 小计: the 小计 "
           "column is the sum of its group's columns, and a leading column the sum of the groups put under it with 其中",
           "单位 | 全年补助资金 | 其中:免学费补助 | 其中:助学金\n小计 | 提前下达 | 本次下达 | 小计 | 提前下达 | 本次下达\n"
           "甲校 | 7,548,150 | 7,074,550 | 6,728,925 | 345,625 | 473,600 | 414,400 | 59,200"),
    Reason("roll_columns", VOCABULARY, "a header naming a balance's account column by column (年初结转和结余 | 本年收入 | "
           "本年支出 | 年末结转和结余, 年初余额 | 新增 | 偿还 | 年末余额): each row's closing balance is its opening one plus "
           "the one less the other, however few the rows",
           "项目 | 年初结转和结余 | 本年收入 | 本年支出 | 年末结转和结余\n一般公共预算财政拨款 | 28.74 | 1946.30 | 1951.86 | 23.18"),
    Reason("grid_total_row", VOCABULARY, "a grid of bare figures whose first or last row is named 合计 / 总计: that "
           "row is the sum of the other rows, in each column (it may not hold in more than one)",
           "县区名称 资金分配额(万元) 合计 4000 乐都区 819 平安区 100 民和县 1226 互助县 600 化隆县 1155 循化县 100"),
    Reason("indented_rows", VOCABULARY, "a table's row whose label stands further left than those of the rows right "
           "below it is their total, column by column (rows further in still are their own parts'; a 其中 row among "
           "them names only some, and then none is read) — read where it holds in every column that adds up but one",
           "科目\n109\n110\n行政管理支出\n1,530\n1,760\n  人事費\n1,120\n1,140\n  業務費\n410\n620"),
    Reason("layout_levels", VOCABULARY, "a table whose upper rows stand one cell a line (a name alone on its line, "
           "each figure on one of its own) over rows set one line each (name and figures together): each upper row is "
           "the sum of the rows under it, column by column, and a 合計 set as they are is the upper rows' — read where the "
           "amounts bear it out (every column of amounts but one at most); a column of whole-percent shares only where "
           "it adds up",
           "行政管理支出\n224,113,615\n17%\n191,262,021\n17%\n人事費 20,151,167元 2% 19,190,790元 2%\n"
           "業務費 58,305,752元 5% 25,492,554元 2%\n折舊及攤銷 145,656,696元 10% 146,578,677元 13%\n\n"
           "獎助學金支出\n87,955,910\n7%\n84,457,775\n7%\n獎學金支出 14,173,841元 1% 16,540,578元 1%\n"
           "助學金支出 73,782,069元 6% 67,917,197元 6%"),
    Reason("stacked_rows", VOCABULARY, "a table's row that is the sum of the rows right below it in every column of "
           "amounts (two at least, no coincidence likely) is their subtotal, whatever its label: the fewest such rows; "
           "with three columns of amounts or more one may break it, and a column of shares is read where it adds up",
           "項目 105 106 107\n學雜費收入 336,989,962 318,318,360 270,080,827\n學費收入 257,752,718 243,904,520 "
           "204,887,487\n雜費收入 79,237,244 74,413,840 65,193,340\n推廣教育收入 10,870,724 10,226,255 4,317,961"),
    Reason("income_statement", VOCABULARY, "an income and spending statement set as a table: each side's total "
           "(总收入, 支出合计) is the sum of the items between the side's name and it, column by column, and the balance "
           "after both (余绌, 盈余) is 收入 − 支出 — read only where more of these hold than fail",
           "收入\n捐赠收入\n120\n利息收入\n30\n收入合计\n150\n支出\n人事费\n80\n业务费\n50\n支出合计\n130\n本期余绌\n20"),
    Reason("statement_transfers", VOCABULARY, "after a statement's balance, a heading naming transfers (转账自(至), "
           "净转账至, 轉撥(自)/至), a row for each fund, and a row naming what is left (净盈余…): that row is the balance "
           "plus the transfers written with their signs, column by column; or an unnamed row after them that is their "
           "sum in a column at least: their total — read with the statement, where more of its relations hold than fail",
           "收入\n捐赠收入\n120\n利息收入\n30\n收入合计\n150\n支出\n人事费\n80\n业务费\n50\n支出合计\n130\n"
           "本年度盈余\n20\n转账自(至)\n储备金\n(15)\n专用基金\n(3)\n净盈余转拨款平衡账\n2"),
    Reason("balance_sheet", VOCABULARY, "a balance sheet (资产负债表, 财务状况表) set as a table: each section's total "
           "(资产总计, 负债合计, 净资产合计) is the sum of its items above it, column by column, and 资产总计 = 负债合计 + "
           "净资产合计 (= 负债和净资产总计) — read only where more of these hold than fail",
           "项目 年初数 年末数\n流动资产 812.46 903.17\n固定资产 395.20 371.88\n资产总计 1,207.66 1,275.05\n"
           "负债合计 104.31 98.62\n非限定性净资产 652.18 717.40\n限定性净资产 451.17 459.03\n"
           "净资产合计 1,103.35 1,176.43\n负债和净资产总计 1,207.66 1,275.05"),
    Reason("net_assets_format", VOCABULARY, "a balance sheet in the net assets format (Hong Kong's trading funds), "
           "set a row a line under its years: each part (非流动资产, 流动资产, 流动负债, 非流动负债, 资本及储备) the sum of "
           "its items above its unnamed total, 流动资产净值 = 流动资产 − 流动负债, 总资产减去流动负债 = 非流动资产 + "
           "流动资产净值 and 资产净值 = 总资产减去流动负债 − 非流动负债 — read only where more than twice as many of these "
           "hold as fail",
           "附注 2025 2024\n非流动资产\n物业及设备 8 120,000 126,000\n外汇基金存款 11 530,000 510,000\n"
           "650,000 636,000\n流动资产\n应收帐款 12 3,000 1,000\n银行存款 670,000 700,000\n673,000 701,000\n"
           "流动负债\n应付帐款 35,000 20,000\n递延收入 13 275,000 265,000\n310,000 285,000\n"
           "流动资产净值 363,000 416,000\n总资产减去流动负债 1,013,000 1,052,000\n非流动负债\n"
           "雇员福利拨备 14 58,000 72,000\n净资产 955,000 980,000"),
    Reason("growth_header", VOCABULARY, "a grid's growth column its header names (增长% | 增减(%)) of a current "
           "and a previous column named too (完成数 | 上年数, 2024年预算 | 2023年执行): read in each row where it holds in "
           "two rows at least and breaks in one at most",
           "县区,完成数,上年数,增长（%）\n甲县,18.42,17.10,7.7\n乙县,12.36,12.80,-3.4\n丙区,26.05,24.30,7.2"),
    Reason("growth_header_cells", VOCABULARY, "a table set one cell a line, or one row a line, under a header naming "
           "上年度 | 本年度 | 增长 (after its columns of names and unit): each row rebuilt from its names and its three "
           "cells; the growth read over 上年度 where every growth is written in %, none is the difference of the two "
           "figures and every row but one bears it out — its growth holding, or being the change over 本年度 (a slip "
           "of the base); rows of shares (unit %) that write their growth bare, no %, beside them write the difference "
           "of points (read where all but one hold)",
           "指标\n单位\n上年度\n本年度\n增长\n总收入\n万元\n200.00\n220.00\n10.00%\n总支出\n万元\n80.00\n"
           "84.00\n5.00%\n门诊人次\n人次\n5000\n4500\n-10.00%"),
    Reason("year_series_column", VOCABULARY, "a table of a series of years, a row a year, under a header naming a "
           "column of growths on the year before (比上年增长(%), 年增率) or of indices (上年=100): each row's figure in "
           "it is the change of the amount column the figures bear out from the row of the year right before — read "
           "where it holds in two pairs of years at least and breaks in one at most",
           "年份 财政总收入(亿元) 比上年增长(%)\n2019 44.06 0.4\n2020 44.71 1.5\n2021 49.27 10.2"),
    Reason("table_change_row", EXPLICIT, "a table row's 增减额 / 增减率 against its 上年 and 本年 cells",
           "项目 | 上年决算数 | 本年决算数 | 增减额 | 增减率\n合计 | 100 | 120 | 20 | 20%"),
    Reason("members_of_named_group", STRUCTURAL, "a sentence opening with a group (X中,) whose clauses each state a "
           "member's figure of the measure the group's figure, named by the group, states before it",
           "所属事业单位本年收入合计100万元。\n所属单位中,甲中心本年收入60万元;乙站本年收入30万元。"),
    Reason("numbered_items", STRUCTURAL, "numbered items (1)(2)(3) each stating one part of the figure before item 1",
           "支出100万元。\n(1)基本支出60万元。\n(2)项目支出40万元。"),
    # the members follow their total in its own sentence: the sentence states the list, the vocabulary names it
    Reason("three_industries", VOCABULARY, "a 生产总值 followed in its paragraph, without a marker, by the value added of "
           "the first, second and third industry in turn is their sum",
           "全年实现生产总值455.58亿元,同比增长9.6%。第一产业增加值42.53亿元,增长8.5%;第二产业增加值241.45亿元,增长6.6%;"
           "第三产业增加值171.60亿元,增长5.2%。"),
    Reason("family_list", STRUCTURAL, "a total followed in its sentence, without a marker, by every member of its "
           "vocabulary family",
           "2020年支出100万元,基本支出60万元,项目支出40万元。"),
    # -------------------------------------------------------------- changes
    Reason("change_in_sentence", EXPLICIT, "较上年增加 d / 增长 p% of the figure before it in its sentence",
           "支出100万元,比上年增加20万元,增长25%。"),
    Reason("budget_variance_in_sentence", EXPLICIT, "预决算差异率 p% = |决算 − 预算| / 预算, of the one budget and the one final "
           "amount its sentence states", "三公经费预算数100万元,决算数97万元,预决算差异率-3%。"),
    Reason("points_change", EXPLICIT,
           "提高/下降 X 个百分点 between the rate before it and the rate it is compared with",
           "执行率95%,较上年的90%提高5个百分点。"),
    Reason("points_change_named_growth", LOOKUP, "高于/低于 X 增速 N 个百分点: the rate before it against the one growth "
           "rate of X stated before, in its sentence or the few before it",
           "全省财政支出增长16.03%。其中民生支出增长19.67%,高于财政支出增速3.64个百分点。"),
    Reason("points_change_between_listed_years", EXPLICIT, "a change of points between two years of a span, right "
           "after the rates its sentence lists 分别 for the span, one a year: the two years' rates by their places",
           "2013~2017年,非税收入占一般公共预算收入的比重分别为22.5%、15.2%、17.6%、17.3%、13.2%,2017年比2013年非税占比下降了"
           "9.3个百分点。"),
    Reason("points_change_across_sentences", STRUCTURAL,
           "提高/下降 X 个百分点 against last year's rate stated in the sentence after (上年末,…) or both rates in the "
           "sentence before, each dated by its year",
           "资产负债率62.6%,较上年末下降1.5个百分点。上年末,资产负债率64.1%。"),
    Reason("compound_growth", EXPLICIT, "年均增长 p% right after the start (由…) and end (增加到…) figures its sentence dates",
           "一般公共预算收入由2019年的158.62亿元增加到2024年的236.45亿元,年均增长8.3%。"),
    Reason("compound_growth_total", EXPLICIT, "年均增长 p% beside the growth over the same years its sentence states "
           "against a year (比2015年增长 q%), the later year said: (1 + p)^years = 1 + q",
           "全国幼儿园生均一般公共预算教育经费年均增长12.3%,2020年达到9410.76元,比2015年增长78.6%。"),
    Reason("table_compound_growth", EXPLICIT, "a table row's 年均增长(%) cell compounding its earlier year's figure into "
           "its later year's, the two columns dated by the header",
           "项目 | 2021年 | 2023年 | 年均增速(%)\n教育经费总投入 | 1186420 | 1402318 | 8.7"),
    Reason("table_place_total", VOCABULARY, "a table's first or last row naming the whole place (全省, 全市) over the "
           "rows of its parts, read where they make it in one column of amounts at least",
           "地区 | 2023年 | 2022年\n全省 | 600 | 560\n省级 | 200 | 190\n甲市 | 250 | 230\n乙市 | 150 | 140"),
    Reason("change_against_budget", EXPLICIT, "比预算减少 d of the money spent, against the one budget figure its sentence "
           "states before it", "三公经费年初预算26.87万元,实际支出16.62万元,比预算减少10.25万元。"),
    Reason("change_since_stated_point", LOOKUP, "比6月末 / 年初 增加 d: the stock now against the same stock stated "
           "before at the point the change names (of a 其中 list's total or its last part)",
           "截至2023年6月末,全市政府债务余额2846.37亿元。截至2023年末,全市政府债务余额2956.25亿元,比6月末增加109.88亿元。"),
    Reason("change_from_stated_budget", STRUCTURAL, "决算与年初预算相比, X增加 d: measured from X's budget, stated as "
           "one (or under a 年初预算: heading) before it; the outturn is not in the sentence",
           "2023年年初预算:本年收入合计1980.00万元。决算与年初预算相比,收入增加176.80万元,增长8.93%。"),
    Reason("change_against_initial_budget", EXPLICIT, "比年初预算增长 p% right after an adjustment from a budget adjusted "
           "before (由第一次调整后的A1调整为B): B against the one initial budget (年初) its sentence states",
           "收入年初预算为52,300万元,第一次调整为61,480万元;本次由第一次调整后的61,480万元调整为66,905万元,调增5,425万元,"
           "比年初预算增长27.93%。"),
    Reason("change_of_named_subject", EXPLICIT, "the words right before the change name its subject",
           "支出100万元,收入90万元,支出较上年增加20万元,增长25%。"),
    Reason("change_of_listed_whole", EXPLICIT, "合计/共 增加 d after the changes of the parts a figure lists after 其中 "
           "(as many, in their order) is that figure's change", "支出100万元,其中基本支出60万元、项目支出40万元,分别比上年"
           "增加8万元、2万元,合计增加10万元,增长11.11%。"),
    Reason("change_of_sentence_subject", STRUCTURAL, "an increase larger than the figure just before it is of its "
           "sentence's first amount (the figure before tells of it)", "财政拨款收入276.0605万元,在职职工工资性收入18.6973万元,"
           "较上年度决算数增加42.1949万元,增加18%。"),
    Reason("change_of_own_amount", STRUCTURAL, "a change said after a figure its words name a gap, a remainder, a target "
           "or a forecast (相差, 剩余, 尚需, 待拨, 目标, 预计 …: cue figure_role_other) is of its sentence's first amount, "
           "the subject's own (the other figure stays a reading doubt tries: ALT024)",
           "全年完成固定资产投资92.4亿元,与年度计划100亿元相差7.6亿元,比上年增长5.8%,增加5.07亿元。"),
    Reason("change_continues_sentence", STRUCTURAL, "a change opening its sentence continues the previous sentence's subject",
           "一般公共预算财政拨款收入100万元。较上年减少20万元,下降16.67%。"),
    # the subject is named by the change itself and stated with one value this year: structural, not a guess
    # the bracket names the earlier period its figure is of, of the change's own subject: the base, stated with it
    Reason("change_base_in_bracket", EXPLICIT, "增长 p% (上年同期为 B) / 环比下降 p% (8月为 B): the change of the figure "
           "before it in its sentence against the one figure of the earlier period the bracket right after it names",
           "1-7月累计,一般公共预算收入124981亿元,按自然口径计算下降9.2%(上年同期为137641亿元)。"),
    Reason("change_of_unstated_figure", STRUCTURAL, "the changed figure is the named subject's one value this year, "
           "stated elsewhere", "支出100万元。\n…\n支出较上年增加20万元,增长25%。"),
    Reason("change_final_against_execution", STRUCTURAL, "决算数较执行数增加 d: the final figure of the subject, stated "
           "before, less the 执行数 its sentence states (in the bracket after the change, or after the words that compare)",
           "全市国有资本经营预算收入决算数为4.86亿元,与执行数(4.81亿元)相比增加0.05亿元。"),
    Reason("change_final_against_execution_elsewhere", LOOKUP, "决算数较执行数增加 d: the final figure less the one "
           "执行数 of the subject stated before it in the text",
           "全市社会保险基金收入执行数为186.05亿元。\n全市社会保险基金收入决算数为186.42亿元。收入决算数较执行数增加0.37亿元。"),
    Reason("change_against_named_figure", LOOKUP, "较2023年实际支出增加 d: the change of the figure before it against the "
           "one figure of the year and kind its words name, of that figure's subject, stated before it in the text",
           "2023年公务接待费实际支出3.64万元。\n2024年公务接待费预算4.20万元,较2023年实际支出增加0.56万元。"),
    Reason("change_parts_named", EXPLICIT, "a total's change, then (主要是 / 其中) the changes of all the members "
           "of its family", "支出较去年增加105.77万元,主要是基本支出增加39.77万元,项目支出增加66.00万元。"),
    Reason("change_parts_main", LOOKUP, "a total's change, then (主要是) the changes of its main parts, perhaps not all: "
           "they hold it when they add up to it, else it stays undecided (the parts unsaid may make the rest)",
           "收入较去年减少133.66万元,主要是一般公共预算拨款减少133.66万元。"),
    Reason("numbered_change_list", STRUCTURAL, "a total's change followed by numbered items each stating a part's change",
           "基本支出较上年增加10万元。\n1.工资福利支出较上年增加6万元\n2.商品和服务支出较上年增加4万元"),
    # ---------------------------------------------------------------- rates
    Reason("rate_in_sentence", EXPLICIT, "a rate and the amounts its sentence gives (执行数 / 预算数)",
           "年初预算100万元,全年执行95万元,执行率95%。"),
    Reason("rate_after_its_amounts", VOCABULARY, "a rate whose sentence states no amount, of the two amounts "
           "(one done, one its base) of the sentence right before it",
           "收到上级下达补助资金118.92万元,全年发放108.61万元。经自评,项目预算执行率91.33%。"),
    Reason("rate_of_named_part", STRUCTURAL, "a rate whose sentence states no amount, named for a part of the two "
           "lists (budget, done) of the sentence right before it: that part's two amounts",
           "全年预算数2000万元,其中财政拨款1800万元、其他资金200万元;全年执行数1900万元,其中财政拨款1750万元、其他资金"
           "150万元。财政拨款执行率97.22%。"),
    Reason("rate_of_summed_items", EXPLICIT, "a rate named as the items' together (合计, 总体, 两项 …): the items' "
           "summed numerators over their summed bases, each item's stated in its sentence or by its own rate right "
           "before it", "基本支出预算100万元、执行90万元,项目支出预算50万元、执行45万元,合计执行率90%。"),
    Reason("rate_base_named_whole_before", STRUCTURAL, "a rate whose sentence opens on the money it is of (已到位资金中,), "
           "its numerator the sentence's one amount: its base the amount named so in the sentence right before",
           "本级已到位1,000万元。已到位资金中,实际使用资金850万元,使用率85%。"),
    Reason("rate_of_funds_used_together", LOOKUP, "a use rate named for the project after several funds' 到位 X, "
           "使用 Y: the funds' summed 使用 over their summed 到位 — or one fund's own (it holds if any gives it)",
           "中央资金到位500万元,使用400万元;省级资金到位100万元,使用100万元;项目资金使用率83.33%。"),
    Reason("rate_implied_budget_elsewhere", STRUCTURAL, "a rate of a named budget, and the figure's change against "
           "that budget stated in a later sentence: the budget follows from it",
           "全市一般公共预算收入348.36亿元,完成年初预算的99.0%。全市一般公共预算收入比年初预算短收3.64亿元。"),
    Reason("rate_implied_budget", EXPLICIT, "the budget follows from the excess the sentence states",
           "支出1741.75万元,完成年初预算103.3%,决算数大于预算数55.93万元。"),
    Reason("rate_over_spent_and_saved", VOCABULARY, "节约率 whose sentence states no budget: the saving over the amount "
           "spent there plus the saving (the budget was spent + saved)",
           "完成政府采购额4303.58万元,节约资金480.62万元,节约率10.05%。"),
    Reason("rate_numerator_before", VOCABULARY, "a rate whose sentence states its base alone, of the last amount of "
           "the sentence right before it (what was done, of the same year)",
           "其中2022年到位4,438.00万元,2023年到位5,706.00万元。2023年度计划到位6,340.00万元,年度到位率90.00%。"),
    Reason("rate_base_in_document", LOOKUP, "no base in the sentence: a budget of the same subject stated elsewhere",
           "项目年初预算100万元。…项目全年执行95万元,预算执行率95%。"),
    Reason("rate_restated", LOOKUP, "a rate of no amounts of its own, named as one rate of the document whose amounts "
           "give it: that rate said again, of the same amounts",
           "项目年初预算254.72万元。\n项目资金支出231.36万元，预算执行率90.83%。\n综上，项目预算执行率为90.83%，绩效目标基本完成。"),
    Reason("balance_of_rate", LOOKUP, "a balance (结余, 未支出, 年末结转) beside a rate whose numerator its sentence states: "
           "the one budget of the document that gives the rate, less that numerator",
           "项目年初预算500.76万元。\n截至年底，项目实际支出419.29万元，预算执行率为83.73%，结余资金81.47万元。"),
    # --------------------------------------------------------------- shares
    Reason("shares_with_remainder", EXPLICIT, "percentages of one whole closed by the rest (其余/剩余 p%): all of it, "
           "100 %", "累积盈余1,514.93亿元,依规定分配其中50%供地方政府办理社会福利、45%供政府补助国民年金,其余5%挹注全民健康保险准备。"),
    Reason("structure_ratio", EXPLICIT, "a structure written as a ratio of percentages after 结构/比例 (25.72:26.84:47.44): "
           "the shares of all the parts, 100 %", "2015年三次产业结构比为25.72:26.84:47.44。"),
    Reason("shares_of_a_classification", EXPLICIT, "the shares of every part of a classification the vocabulary knows "
           "(the three industries), said after their names: all of the whole, 100 %",
           "在全区生产总值中,第一、二、三产业增加值所占比重分别为9.0%、36.9%、54.1%。"),
    Reason("shares_of_named_parts", EXPLICIT, "shares of parts named in a list, with no amounts: at most all of the "
           "whole (the names may leave some parts out)",
           "从采购方式看，公开招标、邀请招标、竞争性谈判和询价分别占采购总规模的77.2%、0.8%、12.2%和9.8%。"),
    Reason("table_share", EXPLICIT, "a table's 百分比 column: a row's amount over that of the row it is a part of, "
           "whose own 百分比 is 100", "项目 | 金额 | 百分比\n(一)收入 | 200 | 100.0\n1.税收收入 | 150 | 75.0\n2.非税收入 | 50 | 25.0"),
    Reason("table_share_of_column", EXPLICIT, "a common-size statement (a 損益表: every 金額 | 百分比 pair 100 in its first "
           "row): a row's 百分比 is its amount over that of the last top-level row above whose 百分比 is 100, part of it or "
           "not (營業成本 of 營業收入); a part's share may be of its own row instead",
           "项目 | 预算数 | 百分比 | 决算数 | 百分比\n营业收入 | 200 | 100.0 | 160 | 100.0\n营业成本 | 150 | 75.0 | 128 | 80.0\n"
           "营业毛利 | 50 | 25.0 | 32 | 20.0"),
    Reason("funds_available_total", VOCABULARY, "the money one may use (可用资金) is the sum of the funds stated "
           "right before it, last year's carry-over included", "中央资金640万元,省补贴资金147万元,上年结转资金0.5万元。"
           "现全年可用资金787.5万元。"),
    Reason("year_series_rates", EXPLICIT, "values of consecutive years, then as many growth rates (or changes) after 分别: "
           "each year's on the year before (the first year's base not stated, or stated before a 分别 list of the others)",
           "分年度看,2016年8.51亿元,2017年8.79亿元,2018年9.28亿元,分别比上年增长11.0%、3.3%和5.6%。"),
    Reason("respective_changes_of_named", STRUCTURAL, "subjects named without values, then 分别 their changes and as "
           "many growth rates: the k-th of each run is of the value its paragraph stated for the k-th subject before",
           "其中:基本支出6,284.71万元;项目支出15,937.06万元。基本支出和项目支出较上年分别增加338.53万元和2,726.51万元,"
           "分别增长5.69%和20.64%。"),
    Reason("respective_values_of_two_years", EXPLICIT, "subjects named before 分别 their values and 上年分别 last "
           "year's, then each named again with its change: the change is of that subject's two values",
           "局本级和所属事业单位支出决算分别为3,275.94万元、1,398.05万元,上年分别为3,086.20万元、1,452.68万元,局本级增长6.15%,"
           "所属事业单位下降3.76%。"),
    Reason("respective_changes_of_listed", EXPLICIT, "subjects each stated with its value in a clause of its own, "
           "then in the same sentence 分别 as many changes and growth rates: the k-th of each run is the k-th value's",
           "2023年,福利彩票机构销售1944.40亿元,体育彩票机构销售3852.56亿元,比上年分别增加468.20亿元、1082.18亿元,分别增长"
           "31.7%、39.1%。"),
    Reason("respective_adjustments", EXPLICIT, "after 分别, a run of values from (由…), a run of as many values to "
           "(调增至…) and then as many changes: the k-th of each is one subject's",
           "一般债务限额、专项债务限额分别由年初的412.60亿元、735.90亿元调增至438.20亿元、826.40亿元,分别增加25.60亿元和90.50亿元。"),
    Reason("respective_changes", EXPLICIT, "values of several subjects after 分别为, then as many changes and growth rates "
           "after 分别: the k-th of each run is one subject's",
           "全年财政总收入、一般公共预算收入和税收收入分别为178.54亿元、112.36亿元和86.91亿元,分别比上年增加16.10亿元、8.34亿元和"
           "6.76亿元,分别增长9.9%、8.0%和8.4%。"),
    Reason("structure_of_listed_parts", EXPLICIT, "a structure written as a ratio of percentages right after a list of as "
           "many parts: each term is its part's share of the list's total, in order",
           "全年地区生产总值407.3亿元。分产业看,第一产业增加值24.5亿元,第二产业增加值261.7亿元,第三产业增加值121亿元。三次产业比例为"
           "6.0:64.3:29.7。"),
    Reason("share_of_stated_whole", EXPLICIT, "占 X万元 的 p%: the whole is written inside the share",
           "支出887万元,占年初预算1600万元的55.4%。"),
    Reason("share_of_counted_total", EXPLICIT, "a share naming what it counts (户数占, 人次占): of the count of that "
           "unit before it, in the count its list's opener states before 其中",
           "发放贷款2860户,共计1.32亿元,其中:发放给监测对象的贷款396户、1782万元,户数占13.85%。"),
    Reason("share_of_the_change", EXPLICIT, "占调增额(增加额, 增收额, 增量)的p%: the change right before it over the "
           "one change of that direction its sentence states before",
           "一般公共预算收入比上年增加1526万元,增长8.32%。其中税收收入增加1124万元,占增加额的73.66%。"),
    Reason("share_of_sentence_total", EXPLICIT, "p% 为 a: a part of the total its sentence states",
           "总保费100万元,中央财政补贴40%为40万元。"),
    Reason("share_of_list_total", EXPLICIT, "a listed part's share is of its list's total",
           "支出100万元,其中基本支出60万元,占60%;项目支出40万元,占40%。"),
    Reason("share_of_whole_in_bracket", EXPLICIT, "a bare share's whole named with its amount in the bracket right "
           "after it", "民生支出386018万元,占比64.00%(一般公共预算支出603159万元)。"),
    Reason("share_of_the_totals_whole", EXPLICIT, "listed parts' bare shares that add up to their total's own share "
           "are of the whole that share is of", "民生支出386018万元,占比64.00%。教育支出107162万元,占17.77%;"
           "社会保障和就业支出97556万元,占16.17%;卫生健康支出61672万元,占10.22%;其他民生支出119628万元,占19.84%。"),
    Reason("share_of_list_total_renamed", VOCABULARY, "a listed part's share of a whole named otherwise, "
           "taken as its list's total", "资助总金额955.84亿元。其中:财政资金469.35亿元,占高校资助总额的比例为49.10%。"),
    Reason("share_of_top_total", VOCABULARY, "a listed part's share of a whole named 全部 / 总 + its name, the part "
           "in a sub-list of a subtotal: of the total the lists start from (cue whole_named_all)",
           "固定资产投资462.58亿元,其中国有投资186.34亿元,非国有投资276.24亿元,其中民间投资201.77亿元,占全部投资的43.6%。"),
    Reason("share_of_pace_by_its_gap", VOCABULARY, "占…月进度的p%, the pace (a month's share of the budget) unstated "
           "but the shortfall against it right after (短月进度 Y, cues pace_whole, pace_gap): of the part and Y together",
           "9月份,财政收入完成2400万元,占年初预算月进度的40.0%,短月进度3600万元。"),
    Reason("share_of_named_whole", STRUCTURAL, "占 X 的 p%: X names a figure of the document",
           "支出100万元。基本支出60万元,占支出的60%。"),
    Reason("share_of_scoped_whole", LOOKUP, "占 X 的 p% where X names a wider area (全国, 全省当月) or a year's whole "
           "(2023年全年): the one amount stated before of that area and stretch of time, of the part's quantity or the "
           "kind X names", "1—6月,全国共销售彩票2934.01亿元。\n1—6月,本省累计销售彩票189.62亿元,占全国的6.5%。"),
    Reason("share_of_whole_named_otherwise", STRUCTURAL, "占 X总额 的 p%: X said short, the one amount before it "
           "named as a total of X (or of the words X abbreviates: 筹资 of 筹集资金)",
           "全省民生工程共需筹集资金73.6亿元。已拨付民生工程资金46.3亿元,占年筹资总额的62.9%。"),
    Reason("share_of_broader_whole", STRUCTURAL, "占 X 的 p% where X names funds (一般公共预算…) its figures do not: "
           "they are broader, an upper bound of X — the part may not be more than p% of them",
           "项目支出667.9万元。…一般公共预算项目支出818.40万元,占一般公共预算项目支出总额的100%。"),
    Reason("share_of_same_named_whole", VOCABULARY, "a share naming, in the same words, the whole another share of "
           "its paragraph was read to be of", "资助总金额955.84亿元。其中:财政资金469.35亿元,占高校资助总额的49.10%。"
           "财政资金中,中央财政285.93亿元,占高校资助总额29.91%。"),
    Reason("share_of_heading_whole", VOCABULARY, "a numbered item's share of 本类 / 该类 / 本单位 (cue "
           "this_heading_whole), no list read: of the amount its heading line opens with",
           "支出120万元。\n1.一般公共服务支出100万元,占83.33%。\n(1)行政运行60万元,占本类支出的60%。\n(2)一般行政管理事务40万元,"
           "占本类支出的40%。\n2.教育支出20万元,占16.67%。\n(1)培训支出20万元,占本类支出的100%。"),
    Reason("share_of_siblings_total", LOOKUP, "shares of an unnamed whole (占总数的p%, 占比p%) whose parts add up to a "
           "figure stated before them: that figure is the whole", "本年支出100万元。\n用于群众体育60万元,占总数的60%;"
           "用于竞技体育40万元,占总数的40%。"),
    Reason("share_of_parts_sum", STRUCTURAL, "shares of an unnamed whole (占总数的p%) that is stated nowhere, the "
           "shares adding to 100 %: the whole is the parts' sum", "用于群众体育支出205.875万元,占总数的74.17%。"
           "用于竞技体育支出71.70万元,占总数的25.83%。"),
    Reason("share_of_whole_before", VOCABULARY, "a bare 占比 of the amount named a whole (总规模, 总额…), or the "
           "same quantity of a wider area (全国 before 全省), its sentence states right before the part", "到位资金总规模100万元,纳入方案资金80万元,占比80%。"),
    Reason("share_of_sibling_whole", VOCABULARY, "a bare 占 p% after a share of its sentence that names its whole: "
           "of that whole too", "支出总额100万元。以教育支出60万元最多,占支出总额的60%,其次为卫生支出30万元,占30%。"),
    Reason("share_of_sentence_whole", VOCABULARY, "a bare 占 p% with no identity to name its whole, of the amount its "
           "sentence opens with (when that amount holds the part and every amount between)",
           "岁出编列1668.61亿元,教育支出编668.21亿元,占40.05%;社会福利支出编263.76亿元,占15.81%。"),
    Reason("survey_answer_kinds", STRUCTURAL, "the answers counted by kind (满意, 基本满意, 不满意) in a sentence that "
           "opens on the valid answers (有效问卷中) are some of those the sentence before counts: never more",
           "回收有效问卷576份。在有效问卷中,表示“满意”的498份,“基本满意”的54份,“不满意”的24份。"),
    Reason("survey_satisfaction", STRUCTURAL, "满意度 p% = the satisfied answers / the valid answers of its sentence",
           "收回有效问卷298份,其中“满意”及“基本满意”290份,满意度为97.32%。"),
    Reason("score_rate_in_sentence", EXPLICIT, "得分率 p% = the score / the full marks (满分, 分值) stated right before it "
           "in its part of the sentence", "产出指标满分40分,得38.8分,得分率97%。"),
    Reason("survey_return_rate", STRUCTURAL, "回收率 p% = the answers returned / the questionnaires handed out, both "
           "counted in its sentence", "本次共发放问卷600份,回收573份,回收率95.50%。"),
    Reason("named_ratio", VOCABULARY, "a ratio named for its two amounts (资产负债率 = 负债总额 / 资产总额, vocabulary "
           "named_ratio), both stated before it in its sentence", "资产总额200亿元,负债总额130亿元,资产负债率65.0%。"),
    Reason("named_ratio_sentence_before", VOCABULARY, "a named ratio opening its own sentence under its bare name, its "
           "two amounts stated once each in the sentence right before it on its line",
           "资产总额200亿元,同比增长7.2%;负债总额130亿元,同比增长5.6%。资产负债率65.0%,同比下降1.0个百分点。"),
    Reason("named_ratio_top_before", VOCABULARY, "a named ratio with its base beside it in its sentence, the amount "
           "over it stated once in the sentence right before it on its line (债务余额 before 按综合财力…计算,债务率…)",
           "截至2024年末,全市政府债务余额1,212.99亿元。按照综合财力1,403.86亿元计算,全市政府债务率为86.4%。"),
    Reason("named_ratio_base_before", VOCABULARY, "a named ratio with the amount over it beside it in its sentence, "
           "its base stated once in the sentence right before it on its line (国有资本经营预算收入 before 调出资金…,调出比例…)",
           "全县国有资本经营预算收入1,286万元,为预算的107.2%。按规定调出资金270万元统筹用于一般公共预算,调出比例为21.0%。"),
    Reason("named_ratio_base_after", VOCABULARY, "a named ratio with the amount over it beside it in its sentence and "
           "no base before it, its base stated once after it, in its sentence or the next on its line (增值收益 before "
           "增值收益率…, 月均缴存余额 after)",
           "增值收益7.4153亿元,增值收益率2.20%(增值收益与月均缴存余额的比率)。年末缴存余额351.08亿元,月均缴存余额336.72亿元。"),
    Reason("named_ratio_respectively", VOCABULARY, "分别 runs of a named ratio and of its two amounts, as many each: "
           "the k-th rate is the k-th amounts'",
           "甲企业和乙企业资产总额分别为200亿元和100亿元,负债总额分别为130亿元和60亿元,资产负债率分别为65.0%和60.0%。"),
    Reason("survey_satisfaction_summed", VOCABULARY, "满意度 p% = (满意 + 基本满意) / the valid answers, by the surveys' "
           "convention: the rate does not name the kinds it counts (holds too when 满意 alone gives it)",
           "收回问卷400份,其中有效问卷380份。有效问卷中,表示“满意”的301份、“基本满意”的58份,综合满意度为94.47%。"),
    Reason("share_of_family_total", VOCABULARY, "a share with no whole named, of a part of a known identity, is of its total",
           "三公经费10万元,因公出国(境)费4万元,占40%。"),
    # ----------------------------------------------------------- identities
    Reason("distribution_of_named_whole", VOCABULARY, "a whole the rules divide in full (增值收益) = the shares its "
           "分配 lead's sentence takes out of it (提取…), the whole stated elsewhere",
           "(三)增值收益。2023年,增值收益17.4262亿元。\n(四)增值收益分配。2023年,提取贷款风险准备金2.3917亿元,"
           "提取管理费用1.8504亿元,提取城市廉租住房建设补充资金13.1841亿元。"),
    Reason("vocabulary_identity", VOCABULARY, "a known identity across the document (支出 = 基本支出 + 项目支出)",
           "本年支出100万元。\n基本支出60万元。\n项目支出40万元。"),
    Reason("identity_in_paragraph", STRUCTURAL, "a known identity whose figures one paragraph states",
           "本年支出100万元。基本支出60万元。项目支出40万元。"),
    Reason("accounts_balance", VOCABULARY, "收入总计 = 支出总计 in 决算 accounts",
           "收入总计100万元。\n支出总计100万元。"),
    Reason("balance_in_paragraph", STRUCTURAL, "收入总计 = 支出总计, both stated in one paragraph",
           "2022年度收入总计100万元,支出总计100万元。"),
    Reason("same_quantity", VOCABULARY, "one quantity (concept, year, scenario, funds) stated twice",
           "基本支出60万元。…基本支出60万元。"),
    Reason("unit_unlike_siblings", VOCABULARY, "an amount in 元 among the 万元 amounts of a list no sum checks, "
           "written with digits of their size", "项目资金分别用于:设备购置120万元、人员培训85元、宣传印刷60万元。"),
    Reason("same_document_amount", STRUCTURAL, "the one amount a document (文号, 《title》) is cited for, stated "
           "twice", "…(保财建〔2021〕6号)下达经费260万元。…保财建〔2021〕6号下达经费260万元。"),
    Reason("own_score_repeated", VOCABULARY, "the report's own total self-assessment score (自评得分, 本项目绩效自评得分) "
           "stated twice", "摘要:本项目自评得分94.2分,评价等级为优。\n四、自评结论\n本项目绩效自评得分94.2分。"),
    Reason("same_project_amount", VOCABULARY, "one project's amount (its name, scenario and year) stated twice",
           "农村公路提升改造项目预算资金120万元。…农村公路提升改造项目预算资金120万元。"),
    Reason("restated_in_bracket", EXPLICIT, "an amount restated right after it in a bracket that holds nothing else "
           "(in full, in 元, in digits): one quantity", "農委會補助漁村新風貌計畫追加四千六百萬元(46,000,000元)。"),
    Reason("same_quantity_other_unit", VOCABULARY, "one quantity stated with the same digits in 元 and in 万元",
           "2023年基本支出2089万元,项目支出312.5万元。…2023年基本支出2089元。"),
    Reason("changes_of_listed_parts", EXPLICIT, "the parts of a complete list each state a change, as does its total",
           "支出100万元,增加20万元,其中基本支出60万元,增加15万元,项目支出40万元,增加5万元。"),
    Reason("changes_of_laid_out_parts", STRUCTURAL, "the parts of a list read from its layout (numbered items, "
           "parts on the following lines) each state a change, as does its total",
           "支出100万元,增加20万元。\n1.基本支出60万元,增加15万元。\n2.项目支出40万元,增加5万元。"),
    Reason("shares_of_listed_parts", EXPLICIT, "every part of a complete list states its share of one whole",
           "支出100万元,其中基本支出60万元,占60%;项目支出40万元,占40%。"),
    Reason("shares_of_siblings", LOOKUP, "shares of one unnamed whole whose parts add up to a figure stated "
           "before them: together they are all of it", "本年支出100万元。\n用于群众体育60万元,占总数的60%;"
           "用于竞技体育40万元,占总数的40%。"),
    Reason("shares_of_family", VOCABULARY, "shares of one named whole whose parts are all the members of a family",
           "基本支出60万元,占支出的60%。项目支出40万元,占支出的40%。"),
]

_ALL += [
    # --------------------------------------------------- scores and document
    Reason("table_total_in_prose", STRUCTURAL, "the total score stated in prose is the score table's total",
           "项目 | 分值 | 得分\n合计 | 100 | 92\n…自评得分92分。"),
    Reason("table_funds_score_in_prose", STRUCTURAL, "the funds score stated in prose is the 自评表's funds row 得分",
           "项目资金 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分\n年度资金总额 | 100 | 95 | 10 | 95% | 9.5\n"
           "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分\n产出指标 | 数量指标 | 培训人数 | 100人 | 100人 | 90 | 90\n"
           "总分 | | | | | 100 | 99.5\n其中，预算执行率得分9.5分。"),
    Reason("grade_score_near", EXPLICIT, "the grade and the total score stated next to it",
           "自评得分92分,评价等级为“优”。"),
    Reason("grade_respective", EXPLICIT, "one of a run of grades said 分别 after as many total scores said so in its "
           "sentence: the first grade the first score's, and so on",
           "三个项目的自评得分分别为92分、86分、78分,评价等级分别为“优”“良”“中”。"),
    Reason("grade_row_under_table", STRUCTURAL, "the grade on its own labelled line right under the score table's total row",
           "项目 | 分值 | 得分\n总分 | 100 | 92\n自评等级：优"),
    Reason("grade_score_in_document", LOOKUP, "the grade and the one total score the document states",
           "项目 | 分值 | 得分\n合计 | 100 | 92\n…评价等级为“优”。"),
    Reason("written_calculation", EXPLICIT, "arithmetic the report writes out", "(63.46-32)÷32=98.31%"),
    Reason("heading_numbers", EXPLICIT, "top-level headings number 一、二、三 … in order", "一、…\n二、…\n三、…"),
    Reason("bounded_rate", EXPLICIT, "a share or satisfaction rate cannot exceed 100 %", "满意度为95%。"),
    Reason("plain_amount", EXPLICIT, "an amount that states a size is not negative", "基本支出60万元。"),
]

_ALL += [
    # ------------------------------------------------ differences, products, targets
    Reason("average_over_years", EXPLICIT, "年平均 A of the total before it over the years its sentence says (a count, a "
           "span, a five-year plan)", "1958~1965年,用于基本建设的投资共计1050万元,每年平均131.25万元。"),
    Reason("average_over_years_before", VOCABULARY, "年平均 A of the total before it over the years the sentence before "
           "it in its paragraph says", "1976~1985年的10年财政总收入9117万元,年平均911.7万元。财政总支出22607万元,年平均2260.7万元。"),
    Reason("adjustment_range", EXPLICIT, "调增 / 调减 X said first (its label opens so), then in its clause 由A调整为B: "
           "X = B − A (调增) or A − B (调减)", "调减一般公共预算收入18133万元,由年初预算的77133万元调整为59000万元。"),
    Reason("adjustment_range_next_sentence", STRUCTURAL, "调增 / 调减 X said alone in its sentence, the next sentence on "
           "its line stating only 从A调至B (no 其中): X = B − A (调增) or A − B (调减)",
           "调增收入预算4.33亿元。一般公共预算总收入从第一次预算调整的137.58亿元调至141.91亿元。"),
    Reason("budget_adjustment", STRUCTURAL, "全年(调整后)预算 = 年初预算 + 追加, stated in that order in one "
           "clause chain", "年初预算732.79万元,年中追加23.71万元,全年预算数756.50万元。"),
    Reason("carry_over", VOCABULARY, "年末结转结余 = 年初结转结余 + 本年收入 − 本年支出, the four stated in one sentence",
           "年初财政拨款结转和结余84.38万元,本年财政拨款收入2,075.11万元,本年财政拨款支出2,117.46万元,年末财政拨款结转和结余42.03万元。"),
    Reason("balance_on_lines", STRUCTURAL, "a finance board's closing balance = the balance brought forward + the "
           "period's income − its spending, each named once in the document on a line it opens (上年结余, 本年收入, 本年支出, "
           "年末结余; 上季度结余, 本季度收入合计, …), in that order, of one period and unit",
           "一、上年结余资金128.45万元。\n二、本年收入392.65万元。\n三、本年支出401.52万元。\n四、年末结余资金119.58万元。"),
    Reason("carry_over_stated", LOOKUP, "年末结转结余 = 年初结转结余 + 本年收入 − 本年支出, the year's flows and its closing "
           "balance stated in one sentence, its opening balance in a sentence shortly before it",
           "2023年初,本部门结转和结余资金184.36万元。\n2023年本年收入2,361.08万元,本年支出2,297.51万元,年末结转和结余247.93万元。"),
    Reason("carry_over_flows_stated", LOOKUP, "年末结转结余 = 年初结转结余 + 本年收入 − 本年支出, the two balances stated "
           "in one sentence that names the year's flows in words, their figures stated before it",
           "本年收入合计2,611.77万元。\n本年支出合计2,577.47万元。\n加上年初结转和结余92.14万元，减去本年支出后，年末结转和结余126.44万元。"),
    Reason("roll_forward", VOCABULARY, "年末余额 = 上年末余额 + 当年结余 / 新增 − 偿还 (上期结存 + 本期余绌 = 本期结存; the gross 本期收入 − 本期支出 where "
           "no net is stated), every figure of the stretch given a role (vocabulary roll_*) in one sentence", "当年收支结余40876万元,上年末滚存结余725577万元,年末滚存结余766453万元。"),
    Reason("cumulative_total", VOCABULARY, "a running total rolled forward in one sentence: 年末 X总额 = 上年末 X总额 + "
           "新增 X额, the one account X named in the three",
           "全年新增缴存额86.43亿元,年末缴存总额1254.67亿元(注:上年末缴存总额1168.24亿元)。"),
    Reason("roll_forward_stated", LOOKUP, "a debt's 新增 and 偿还 stated in a sentence of their own, its balances at "
           "the year's start and end around it: 年末余额 = 年初余额 + 新增 − 偿还",
           "截至2023年末,全市政府债务余额537.64亿元。\n2023年全市新增政府债券92.50亿元,偿还到期政府债务本金41.18亿元。"
           "2022年末债务余额为486.32亿元。"),
    Reason("net_of_flows", VOCABULARY, "a balance's 增加 / 减少 d and the flows its sentence names right after it "
           "(主要是新增 a、偿还 b): d = what was added − what was paid off",
           "全区政府债务余额为148.36亿元,较上年末的129.71亿元增加18.65亿元,主要是当年新增发行政府债券26.30亿元、偿还到期债务本金7.65亿元。"),
    Reason("offset_balance", EXPLICIT, "收支相抵: a balance = the income total − the spending total stated just before",
           "政府性基金收入合计192496万元。政府性基金支出合计101788万元。\n上述收支相抵,年终结余90708万元。"),
    Reason("offset_balance_of_items", EXPLICIT, "收支相抵 with no total stated: a balance = every income item and balance "
           "carried in − every spending item since the heading, none a list of parts",
           "3.国有资本经营收支及其平衡情况\n国有资本经营收入1493万元,上级补助收入44万元,上年结余140万元,国有资本经营支出"
           "1459万元。\n上述收支相抵,年终结余218万元,全部结转下年使用。"),
    Reason("urbanisation_of_parts", STRUCTURAL, "an urbanisation rate with no whole population stated is the share of "
           "the town population in it and the rural population stated beside it",
           "年末全市常住人口中,城镇人口239.7万人,乡村人口48.1万人。常住人口城镇化率达到83.3%。"),
    Reason("urbanisation_rate", EXPLICIT, "an urbanisation rate is the share of the town population in the whole "
           "population its sentence or the one before states", "2018年,全旗常住人口为6.81万人,其中:常住城镇人口为4.45万人,"
           "常住人口城镇化率为65.35%。"),
    Reason("natural_growth", EXPLICIT, "a population's natural growth rate is its birth rate less its death rate, "
           "stated before it", "全年出生人口749人,出生率为6.68‰;死亡人口364人,死亡率为5.42‰;人口自然增长率为1.27‰。"),
    Reason("difference_in_sentence", EXPLICIT, "a named difference (审减, 结余, 节约, 超支) and the figures of its "
           "sentence whose labels give their roles", "送审金额1250.36万元,审定金额1180.20万元,审减70.16万元。"),
    Reason("leftover_of_rate_base", EXPLICIT, "未执行 said right after a 执行率 and the amount done: the budget it is "
           "left from is the one budget before it in its paragraph that gives the rate with that amount",
           "全年调整后预算720万元(年初预算800万元,年中调减80万元),实际执行684万元,预算执行率95%,未执行的36万元已按规定收回财政。"),
    Reason("deduction", EXPLICIT, "扣除…后: what is left = the amount before the deduction − what it takes away, "
           "in one sentence", "全县一般公共预算收入12.5亿元,扣除留抵退税1.2亿元后为11.3亿元。"),
    Reason("budget_cut", EXPLICIT, "a council's cut of a budget: the amount proposed (編列, 原列, or the quantity the "
           "figure passed names), the cut (刪減, 減列), and what passed right after it (通過, 修正後, 改列): passed = "
           "proposed − cut", "歲出預算1,504億8,262萬4千元,刪減207萬3千元,修正通過1,504億8,055萬1千元。"),
    Reason("signed_chain", EXPLICIT, "A,加B,减C,结余X: the balance after the terms its sentence signs with 加 / 减 "
           "(a part joined to a signed term by 、 carries its sign), from the one amount the sentence opens with", "收入总计481342万元,减支出总计473796万元,财政滚存结余7546万元。"),
    Reason("score_after_deduction", EXPLICIT, "扣 d 分,得 s 分 after the indicator's 分值 in one sentence: s = 分值 − d",
           "该指标分值10分,预算执行率93.80%,按执行率×分值计分扣0.62分,得9.38分。"),
    Reason("score_within_full_marks", EXPLICIT, "a score said right after its full marks (满分 n 分,得 s 分; or "
           "得 s 分(满分 n 分)): s ≤ n", "产出指标满分50分,得49分;效益指标满分30分,得28.8分。"),
    Reason("gap_to_compared_subject", EXPLICIT, "比 <another subject> (Y) 多 / 少 Z after the subject's figure X in its "
           "sentence: Z = X − Y (or Y − X)", "2023年度项目支出1836.50万元,比基本支出(1268.40万元)多568.10万元。"),
    Reason("net_of_changes", EXPLICIT, "净计 after a change up and a change down of its sentence: their net",
           "岁出追加13.28亿元、追减18.70亿元,净计追减5.42亿元。"),
    Reason("difference_in_paragraph", STRUCTURAL, "a government's 差短 or 余绌 and the year's 岁入 and 岁出 (a fund's "
           "收支缺口 and its 收入 and 支出; a 节约 said against the budget and that budget and what was spent) stated in the "
           "sentences before it, in its paragraph", "歲入編列2098.01億元,較上年度增加53.83億元;歲出編列2142.05億元。"
           "歲入歲出差短44.04億元。"),
    Reason("difference_against_the_total_before", STRUCTURAL, "a sentence opening with the budget a 节约 (超支) is "
           "said against (与年初预算…相比), right after the sentence — in its paragraph or the one before, nothing "
           "between — that opens with a total spent: the budget and that total", "“三公”经费支出合计42.68万元,其中:"
           "公务接待费12.68万元,公务用车运行维护费30.00万元。与年初预算50.00万元相比,节约7.32万元。"),
    Reason("priced_items_respectively", EXPLICIT, "items each a count with its price in a bracket, then 分别为 one "
           "amount each: count × price", "购置帐篷500顶(单价2860元)、折叠床2000张(单价265元),合同金额分别为1430000元、530000元。"),
    Reason("product_in_sentence", EXPLICIT, "a count, a standard per unit of it and the amount they give, in one "
           "clause group", "共1200户,每户补助500元,发放补贴资金60万元。"),
    Reason("product_of_nearest_count", VOCABULARY, "a standard per unit and its amount, with the count of that unit "
           "chosen among several of the sentence (its total, else the nearest)",
           "馆藏合计132697卷,其中档案118606卷;按每卷2元测算,争取资金26.54万元。"),
    Reason("mean_of_year_by_month", EXPLICIT, "月均 A of the year's amount stated right before it under the name the "
           "mean names: the amount over 12 (AVG001, a warning)", "基金支出2,418.60亿元,月均支出201.55亿元。"),
    Reason("mean_of_months_by_month", EXPLICIT, "月均 A of the amount stated right before it in a sentence that opens "
           "with a span of months (1-8月): the amount over the months of the span (AVG001, a warning)",
           "1-8月，全市一般公共预算收入累计完成285.64亿元，月均35.71亿元。"),
    Reason("mean_per_unit", EXPLICIT, "户均 (人均, 平均每户) of the one amount paid and the one count of that unit its "
           "sentence states: the amount over the count (AVG001, a warning)", "共补助680户,补助资金204万元,户均补助3,000元。"),
    Reason("mean_of_named_amount", VOCABULARY, "人均 (次均) of the amount the document names so, over the one count its "
           "sentence states (人; 人次 of its scope): the amount over the count (AVG001, a warning)",
           "其中:人员经费618.42万元,公用经费87.36万元。本局年末在职人员52人,人均人员经费11.89万元。"),
    Reason("mean_over_count_named", VOCABULARY, "人均 of the amount right before it, bearing its name, over the count "
           "its words say it is reckoned by (按常住人口计算), stated once elsewhere by that name (AVG001, a warning)",
           "2023年末,全县常住人口46.18万人。全县一般公共预算收入186,420万元,按常住人口计算,人均一般公共预算收入4,037元。"),
    Reason("months_payable_stated", EXPLICIT, "可支付 N 个月 after a fund's balance and the month's spending its sentence "
           "states (月均支出): the balance over that spending (AVG002, a warning)",
           "累计结余96.58亿元,按当年月均支出3.68亿元计算,累计结余可支付26.2个月。"),
    Reason("months_payable_of_year", VOCABULARY, "可支付 N 个月 after a fund's balance: the balance over a twelfth of the "
           "year's spending of its fund, stated once by that name, or of the year or spending its words name "
           "(按2022年全年支出…, 按待遇支出计算) (AVG002, a warning)",
           "基金收入96.84亿元,支出88.37亿元,年末滚存结余152.60亿元,可支付20.7个月。"),
    Reason("product_over_months", STRUCTURAL, "a count, a standard per month of it and the amount they give over the "
           "months the sentence says (按12个月, or an amount of 全年: 12): at most a warning, and only more than the "
           "full product when 全年 or the count's group (N名X中的Y) may have been paid for fewer",
           "为全县2,350名低保对象按每人每月120元标准发放补助,全年共计338.4万元。"),
    Reason("names_after_count", EXPLICIT, "a count followed by 即/分别为/: and the names it counts",
           "直属事业单位3个,即县财政信息中心、县会计服务中心、县经济开发区财政所。"),
    Reason("names_included", EXPLICIT, "a count followed by 包括/包含 and names: it may name only some, so only "
           "more names than the count contradict it", "纳入本部门决算汇编范围的单位共3个,包括:县人民政府、县行政审批局、县综合执法局。"),
    Reason("names_before_count", VOCABULARY, "the names right before a count, back to their clause's start "
           "(where the list starts is less certain: it only warns)", "医院共设办公室、护理部、财务科3个职能科室。"),
    Reason("target_in_sentence", EXPLICIT, "超任务 / 完成率 of a target and a figure done that its sentence names "
           "(目标, 计划; 实际, 完成)", "计划完成造林面积1000亩,实际完成1200亩,超任务20%。"),
    Reason("completion_of_stated_target", EXPLICIT, "完成目标 X 的 p%: the target right before the percentage, "
           "what was done right before that", "培训2399人,完成市目标任务数2000人的120%。"),
    Reason("completion_under_ceiling", EXPLICIT, "完成率 of a target that is a ceiling (不高于, ≤, 以内), with what was "
           "done right before the rate: 100 % when met, whatever their ratio",
           "成本指标:年度指标值为不高于每亩1800元,实际为每亩1523元,完成率100%。"),
    # ------------------------------------------------------- 自评表 tables
    Reason("funds_sources", EXPLICIT, "a 自评表's 年度资金总额 row and its 其中 rows (当年财政拨款 / 上年结转资金 / "
           "其他资金), per column", "项目资金 | 全年预算数 | 全年执行数\n年度资金总额 | 100 | 90\n"
           "其中:当年财政拨款 | 80 | 70\n上年结转资金 | 20 | 20\n其他资金 | — | —"),
    Reason("table_surplus_row", EXPLICIT, "a 收入费用表's balance row numbered right after its two sides (一、本期收入, "
           "二、本期费用, 三、本期盈余) is 收入 − 费用, in each column all three state",
           "| 项目 | 行次 | 本年数 |\n|---|---|---|\n| 一、本期收入 | 1 | 150 |\n| (一)财政拨款收入 | 2 | 120 |\n"
           "| (二)事业收入 | 3 | 30 |\n| 二、本期费用 | 4 | 130 |\n| (一)业务活动费用 | 5 | 80 |\n"
           "| (二)单位管理费用 | 6 | 50 |\n| 三、本期盈余 | 7 | 20 |"),
    Reason("funds_balance", EXPLICIT, "结余 = 实际到位资金 (or 预算) − 实际支出 in the row that states all three",
           "项目 | 计划安排资金 | 实际到位资金 | 实际支出 | 结余\n县市区财政 | 48 | 48 | 46.5 | 1.5"),
    Reason("table_rate_named", EXPLICIT, "a row's 执行率 over the base its header names (执行率(B/A), 全年预算数(A))",
           "项目资金 | 全年预算数(A) | 全年执行数(B) | 执行率(B/A)\n年度资金总额 | 100 | 95 | 95%"),
    Reason("table_rate", EXPLICIT, "a row's 执行率 over the base of its template (全年预算数, else 年初预算数)",
           "项目资金 | 年初预算数 | 全年预算数 | 全年执行数 | 执行率\n年度资金总额 | 80 | 100 | 95 | 95%"),
    Reason("score_rate_row", EXPLICIT, "a score table row's 得分率 = 得分 / 分值",
           "一级指标 | 分值 | 得分 | 得分率\nA立项必要性 | 20 | 19 | 95%"),
    Reason("funds_score_stated", EXPLICIT, "the funds row's 得分 = 分值 × 执行率 (capped at 分值), as the header or "
           "the text states it", "预算数(A) | 执行数(B) | 执行率(B/A) | 得分(20分*执行率)\n年度财政资金总额 | 10 | 9 | 90% | 18"),
    Reason("funds_score_convention", VOCABULARY, "the funds row's 得分 = 分值 × 执行率 (capped at 分值) by the usual "
           "convention, which the report does not state: at most a warning",
           "全年预算数 | 全年执行数 | 分值 | 执行率 | 得分\n年度资金总额 | 100 | 90 | 10 | 90% | 9"),
    Reason("funds_score_full", EXPLICIT, "a funds row executed at 100 % or more scores its whole 分值: every "
           "scoring rule (proportional, banded) agrees there",
           "全年预算数 | 全年执行数 | 分值 | 执行率 | 得分\n年度资金总额 | 100 | 100 | 10 | 100% | 10"),
    Reason("indicator_row", EXPLICIT, "an indicator row's 年度指标值, 实际完成值, 分值 and 得分",
           "三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分\n培训人次 | ≥100人次 | 120人次 | 10 | 10"),
    Reason("indicator_completion_row", EXPLICIT, "an indicator row's 完成率 = 实际完成值 / 年度指标值, in a 完成率 "
           "column between 实际完成值 and 分值 (a ceiling ≤ met: 100 %)",
           "三级指标 | 年度指标值 | 实际完成值 | 完成率 | 分值 | 得分\n新建农村公路 | ≥42公里 | 46.8公里 | 111.43% | 10 | 10"),
    Reason("score_table_total", EXPLICIT, "a score table's 总分 / 合计 row over its rows (a 自评表's funds row "
           "included)", "三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分\n培训人次 | ≥100 | 120 | 50 | 50\n"
           "验收合格率 | 100% | 96% | 50 | 48\n总分 | | | 100 | 98"),
    # a 自评表 flattened onto one line: its indicator rows found by position, where a dropped empty cell
    # would shift them (at most a warning)
    Reason("indicator_row_on_line", VOCABULARY, "an indicator row of a 自评表 flattened onto one line: its 分值 "
           "and 得分 are the last two numbers before the next indicator's name",
           _FLATTENED_SELF_ASSESSMENT),
    Reason("score_table_total_on_line", VOCABULARY, "the 总分 of a 自评表 flattened onto one line over the rows "
           "found on it", _FLATTENED_SELF_ASSESSMENT),
    Reason("indicator_row_spaced", VOCABULARY, "an indicator row whose cells stand apart by single spaces (a "
           "sentence among them): its 分值 and 得分 are the two numbers its line ends with", _SPACED_SELF_ASSESSMENT),
    Reason("score_table_total_spaced", VOCABULARY, "the 总分 of such rows over the rows found", _SPACED_SELF_ASSESSMENT),
    Reason("indented_levels", EXPLICIT, "a score table whose labels stand at several indents: each row over the rows "
           "indented right under it, the 总分 over the least indented rows", "指标            分值    得分\n"
           "决策            20      19\n    项目立项      12      12\n    绩效目标      8       7\n"
           "产出            80      78\n    产出数量      50      50\n    产出质量      30      28\n"
           "合计            100     97"),
    Reason("level_weights", EXPLICIT, "a level of an indicator table named with its weight (产出指标(50分)) over "
           "the 分值 of its rows, up to the next level", "一级指标 | 三级指标 | 分值 | 年度指标值 | 全年实际值 | 得分\n"
           "产出指标(50分) | 培训人次 | 30 | ≥100 | 120 | 30\n | 验收合格率 | 20 | 100% | 96% | 19\n"
           "效益指标(50分) | 群众满意度 | 50 | ≥90% | 95% | 50"),
]

REASONS: dict[str, Reason] = {r.name: r for r in _ALL}
if LAID_OUT - REASONS.keys():
    raise ValueError(f"LAID_OUT names no reason: {sorted(LAID_OUT - REASONS.keys())}")


def strength(name: str) -> int:
    return REASONS[name].strength
