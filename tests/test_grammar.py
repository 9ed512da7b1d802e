"""One test per statement shape the grammar (grammar/statements.lark) and the
binder / table reader recognise, always through the public entry point
`extract(normalise(text))`.

Every figure is checked for its exact Decimal value in base units (元, %, 分 …),
its unit, written precision and span: `original[start:end] == fact.text`.  The
relations the binder reads between figures (lists, changes, rates, shares) are
golden cases in tests/binding/ (tests/test_binding_golden.py).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from auditor.extract import extract
from auditor.extract.model import Extraction, Fact
from auditor.normalise import normalise

D = Decimal


# ------------------------------------------------------------------ helpers
def doc(text: str) -> Extraction:
    """Extract, and check the span invariants every fact and statement must keep."""
    norm = normalise(text)
    out = extract(norm)
    for f in out.facts:
        assert text[f.span.start:f.span.end] == f.text, f
        assert (f.span.line, f.span.column) == _line_col(text, f.span.start), f
    ids = [f.id for f in out.facts]
    assert len(ids) == len(set(ids)), "fact ids are unique"
    # every figure a statement relates is one of the document's facts
    known = {(f.id, f.span.start, f.span.end) for f in out.facts}
    related = [
        *(f for b in out.breakdowns for f in (b.total, *b.parts, *b.subtracted)),
        *(f for c in out.changes for f in (c.delta, c.percent, c.current, c.previous) if f is not None),
        *(f for r in out.rates for f in (r.rate, *r.numerators, *r.denominators, *r.others)),
        *(f for s in out.shares for f in (s.percent, s.part, s.whole) if f is not None),
        *(f for t in out.tables for row in t.rows for f in row.cells.values()),
        *(g.score for g in out.grades if g.score is not None),
    ]
    for f in related:
        assert (f.id, f.span.start, f.span.end) in known, f
    for c in out.changes:
        assert text[c.keyword_span.start:c.keyword_span.end] == c.keyword, c
    for g in out.grades:
        assert text[g.span.start:g.span.end] == g.text, g
    for h in out.headings:
        assert text[h.span.start:h.span.end].endswith("、"), h
    return out


def _line_col(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def only(extraction: Extraction, kind: str | None = None) -> Fact:
    facts = [f for f in extraction.facts if kind is None or f.kind == kind]
    assert len(facts) == 1, [(f.kind, f.text) for f in extraction.facts]
    return facts[0]


def fact(extraction: Extraction, text: str, nth: int = 0) -> Fact:
    """The fact written exactly as `text` (nth occurrence)."""
    found = [f for f in extraction.facts if f.text == text]
    assert len(found) > nth, (text, [f.text for f in extraction.facts])
    return found[nth]


def at(original: str, text: str, nth: int = 0) -> int:
    pos = -1
    for _ in range(nth + 1):
        pos = original.index(text, pos + 1)
    return pos


def texts(facts) -> list[str]:
    return [f.text for f in facts]


# ---------------------------------------------------------------- amounts
@pytest.mark.parametrize(
    "text,figure,value,written_unit,scale,decimals",
    [
        ("公务接待费1200元。", "1200元", D("1200"), "元", D(1), 0),
        ("收入总计848.4万元。", "848.4万元", D("8484000"), "万元", D(10000), 1),
        ("全年收入1.25亿元。", "1.25亿元", D("125000000"), "亿元", D(100000000), 2),
        ("办公费3.5千元。", "3.5千元", D("3500"), "千元", D(1000), 1),
        ("共计拨付资金5万，用于培训。", "5万", D("50000"), "万", D(10000), 0),
        ("总投资2亿。", "2亿", D("200000000"), "亿", D(100000000), 0),
        ("项目支出23,866.88万元。", "23,866.88万元", D("238668800"), "万元", D(10000), 2),
        ("基本支出1,234,567.89元。", "1,234,567.89元", D("1234567.89"), "元", D(1), 2),
        ("年末结转结余123.456789万元。", "123.456789万元", D("1234567.89"), "万元", D(10000), 6),
        ("公用经费62.30万元。", "62.30万元", D("623000"), "万元", D(10000), 2),
        ("事业收入0万元。", "0万元", D("0"), "万元", D(10000), 0),
        ("基本支出１８０．５萬元。", "１８０．５萬元", D("1805000"), "万元", D(10000), 1),
        # one amount in several units: stated to the smallest unit written
        ("預算數13億7,800萬元。", "13億7,800萬元", D("1378000000"), "万元", D(10000), 0),
        ("實現數7億580萬4千元。", "7億580萬4千元", D("705804000"), "千元", D(1000), 0),
        ("應付數1,236萬5千元。", "1,236萬5千元", D("12365000"), "千元", D(1000), 0),
        ("总投资1亿2000万。", "1亿2000万", D("120000000"), "万元", D(10000), 0),
        # 万 then 元 (Taiwanese news): stated to the 元
        ("編列85萬3125元。", "85萬3125元", D("853125"), "元", D(1), 0),
        ("經費計4,968萬9,894元整。", "4,968萬9,894元", D("49689894"), "元", D(1), 0),
        # a digit and its place, as the normaliser writes "一千萬元"
        ("投资1千万元。", "1千万元", D("10000000"), "万元", D(10000), 0),
        ("设备5百万元。", "5百万元", D("5000000"), "万元", D(10000), 0),
        ("原編列預算一千萬元。", "一千萬元", D("10000000"), "万元", D(10000), 0),
    ],
)
def test_monetary_amounts(text, figure, value, written_unit, scale, decimals):
    f = only(doc(text))
    assert f.kind == "amount"
    assert f.text == figure
    assert f.value == value and isinstance(f.value, Decimal)
    assert f.unit == "元"
    assert f.written_unit == written_unit
    assert f.scale == scale
    assert f.decimals == decimals
    assert f.approximate is False
    assert f.span.start == text.index(figure)


def test_a_bare_wan_before_deng_is_money_and_wan_yuan_needs_no_space():
    assert [(f.text, f.value) for f in doc("丁840万等,合计5290万。").facts] == [("840万", D("8400000")),
                                                                           ("5290万", D("52900000"))]
    # two cells of a flattened table, not one amount
    assert texts(doc("资金合计 20万 3000元").facts) == ["20万", "3000元"]


def test_an_amount_cut_below_its_wan_is_truncated():
    f = only(doc("淨損為5,037萬餘元。"))
    assert (f.text, f.value, f.written_unit, f.about) == ("5,037萬餘元", D("50370000"), "万元", True)  # known to its 万


def test_amount_value_is_exact_not_float():
    f = only(doc("结余0.1万元，"))
    assert f.value == D("1000") and f.written_value == D("0.1")
    f = only(doc("资金123.456789万元。"))
    assert f.value == D("1234567.89")  # no binary rounding anywhere
    assert f.tolerance == D("0.005")  # half a unit of the 6th decimal of 万元, in 元


def test_unit_split_over_a_line_break_in_hard_wrapped_prose():
    text = "本单位2020年度全年预算收入共计为人民币1781.86 万\n元，其中财政拨款收入1700.00万元，其他收入81.86万元。"
    d = doc(text)
    f = fact(d, "1781.86 万\n元")
    assert f.value == D("17818600")
    assert f.written_unit == "万元"
    assert f.decimals == 2
    assert (f.span.line, f.span.end) == (1, text.index("元，其中") + 1)
    # the figure after the break is on line 2
    assert fact(d, "1700.00万元").span.line == 2


def test_negative_amount():
    f = only(doc("公务接待费-3.5万元。"))
    assert f.value == D("-35000")
    assert f.text == "-3.5万元"
    assert f.label == "公务接待费" and f.concept == "公务接待费"


def test_negative_with_unicode_minus():
    text = "年末结转结余\u22123.5万元。"
    f = only(doc(text))
    assert f.value == D("-35000")
    assert f.text == "\u22123.5万元"


@pytest.mark.parametrize(
    "text,figure,value",
    [
        ("下达资金100余万元。", "100余万元", D("1000000")),
        ("支出200多万元。", "200多万元", D("2000000")),
        ("节约资金约5万元。", "5万元", D("50000")),
        ("支出约为5万元。", "5万元", D("50000")),
        ("投入近200万元。", "200万元", D("2000000")),
        ("投入资金300万元左右。", "300万元", D("3000000")),
    ],
)
def test_approximate_amounts_are_marked(text, figure, value):
    f = only(doc(text))
    assert f.text == figure
    assert f.value == value
    assert f.approximate is True


def test_exact_amount_is_not_approximate():
    assert only(doc("支出5万元。")).approximate is False


@pytest.mark.parametrize("text", ["分别为8.1%和91.9%。", "分别为2666.3亿元及30400.7亿元。"])
def test_a_conjunction_between_figures_separates_them(text):
    facts = doc(text).facts
    assert len(facts) == 2 and all(f.label == "" for f in facts)


def test_figures_are_not_amounts_when_a_word_follows_wan():
    # "万" followed by a Chinese character is not a money unit: 5万人 is a count
    f = only(doc("服务群众5万人。"))
    assert f.kind == "count"
    assert f.value == D("50000") and f.unit == "人"


def test_count_in_ten_thousand_person_times_keeps_its_whole_unit():
    text = "服务群众5万人次。"
    f = only(doc(text))
    assert f.kind == "count"
    assert f.text == "5万人次", "the figure stops before 次: 人次 is cut to 人"
    assert f.unit == "人次"
    assert f.value == D("50000")


# ------------------------------------------------------------ percentages
@pytest.mark.parametrize(
    "text,figure,value,written_unit,decimals",
    [
        ("群众满意度为98.56%。", "98.56%", D("98.56"), "%", 2),
        ("群众满意度为９８．５６％。", "９８．５６％", D("98.56"), "%", 2),
        ("满意度达100%。", "100%", D("100"), "%", 0),
        ("差错率3‰。", "3‰", D("0.3"), "‰", 0),
        ("差错率2.5‰。", "2.5‰", D("0.25"), "‰", 1),
        ("覆盖率为98.5 %。", "98.5 %", D("98.5"), "%", 1),
    ],
)
def test_percentages(text, figure, value, written_unit, decimals):
    f = only(doc(text))
    assert f.kind == "percent"
    assert f.text == figure
    assert f.value == value
    assert f.unit == "%"
    assert f.written_unit == written_unit
    assert f.decimals == decimals


def test_percentage_points_are_not_a_percent_fact():
    d = doc("执行率较上年提高2.5个百分点。")
    assert [f for f in d.facts if f.kind == "percent"] == []
    assert [f for f in d.facts if "2.5" in f.text] == []


def test_percentage_points_next_to_a_percentage():
    text = "执行率96.5%，较上年提高2.5个百分点。"
    d = doc(text)
    assert texts(d.facts) == ["96.5%"]


# ------------------------------------------------------------------ scores
def test_score():
    f = only(doc("部门整体支出自评得分为98.4分。"))
    assert f.kind == "score"
    assert (f.text, f.value, f.unit, f.decimals) == ("98.4分", D("98.4"), "分", 1)


def test_integer_score():
    f = only(doc("该项得分10分，"))
    assert (f.kind, f.value, f.decimals) == ("score", D("10"), 0)


@pytest.mark.parametrize(
    "text",
    [
        "项目1和项目2分别为10万元、20万元。",
        "第3分别对应两个指标，",
        "会议时长30分钟，",
        "分值为5",
    ],
)
def test_fen_in_other_words_is_not_a_score(text):
    assert [f.text for f in doc(text).facts if f.kind == "score"] == []


def test_fenbie_after_a_number_keeps_the_amounts():
    d = doc("项目1和项目2分别为10万元、20万元。")
    amounts = [f for f in d.facts if f.kind == "amount"]
    assert [(f.text, f.value) for f in amounts] == [("10万元", D("100000")), ("20万元", D("200000"))]


# ------------------------------------------------------------------ counts
@pytest.mark.parametrize(
    "text,figure,value,unit",
    [
        ("在职人员22人。", "22人", D("22"), "人"),
        ("完成项目5个。", "5个", D("5"), "个"),
        ("开展培训3次。", "3次", D("3"), "次"),
        ("下达资金12项，", "12项", D("12"), "项"),
        ("购置车辆2辆。", "2辆", D("2"), "辆"),
        ("受益群众1,200人。", "1,200人", D("1200"), "人"),
        ("培训800人次。", "800人次", D("800"), "人次"),
    ],
)
def test_counts(text, figure, value, unit):
    f = only(doc(text))
    assert f.kind == "count"
    assert (f.text, f.value, f.unit) == (figure, value, unit)


# ------------------------------------------------------- years and periods
def test_year_is_a_period_not_a_count():
    d = doc("2020年支出100万元。")
    f = only(d)
    assert f.kind == "amount"
    assert f.period == "2020"
    assert d.report_year == "2020"


def test_year_alone_gives_no_fact():
    assert doc("2020年度。").facts == ()
    assert doc("截至2023年12月31日。").facts == ()


def test_date_is_not_a_figure():
    d = doc("2023年12月31日资产总额100万元。")
    assert texts(d.facts) == ["100万元"]
    assert fact(d, "100万元").concept == "资产总额"


@pytest.mark.parametrize("word", ["上年", "去年", "上年度", "上一年度"])
def test_previous_year_words(word):
    f = only(doc(f"{word}支出100万元。"))
    assert f.period == "previous"


@pytest.mark.parametrize("word", ["本年", "本年度", "当年"])
def test_current_year_words(word):
    assert only(doc(f"{word}公用经费100万元。")).period == "current"


def test_year_in_label_is_the_period_of_each_figure():
    d = doc("2022年公用经费56.2万元，2023年公用经费62.3万元。")
    assert fact(d, "56.2万元").period == "2022"
    assert fact(d, "62.3万元").period == "2023"


def test_report_year_comes_from_the_title():
    text = "2023年度部门整体支出绩效自评报告\n2022年公用经费56.2万元，2021年公用经费50万元。\n"
    assert doc(text).report_year == "2023"


def test_a_title_wrapped_over_two_lines_is_about_the_year_its_first_line_names():
    # found by wrapping a real report at 25 characters: the title's second line names the next year's budget
    wrapped = "关于某县2020年财政预算执行情\n况及2021年财政预算(草案)报告\n2020年全县一般公共预算收入完成34264万元。\n"
    assert doc(wrapped).report_year == "2020"
    one_line = "关于某县2020年财政预算执行情况及2021年财政预算(草案)报告\n2020年全县一般公共预算收入完成34264万元。\n"
    assert doc(one_line).report_year == "2020"


# ------------------------------------------------------- labels and copulas
@pytest.mark.parametrize("copula", ["", "为", "是", "达", "：", ":", "共", "计"])
def test_label_copula_amount(copula):
    text = f"基本支出{copula}180.5万元。"
    f = only(doc(text))
    assert f.text == "180.5万元"
    assert f.value == D("1805000")
    assert f.label == "基本支出"
    assert f.concept == "基本支出"


@pytest.mark.parametrize(
    "label,concept",
    [
        ("项目支出", "项目支出"),
        ("项目支出预算", "项目支出"),
        ("日常公用经费", "公用经费"),
        ("人员经费", "人员经费"),
        ("工资福利支出", "工资福利支出"),
        ("商品和服务支出", "商品和服务支出"),
        ("“三公”经费", "三公经费"),
        ("公务用车运行维护费", "公务用车运行费"),
        ("支出合计", "本年支出合计"),
    ],
)
def test_label_gives_the_concept(label, concept):
    f = only(doc(f"{label}为180.5万元。"))
    assert f.concept == concept


@pytest.mark.parametrize(
    "label,scenario",
    [
        ("项目支出年初预算", "budget_initial"),
        ("项目支出全年预算", "budget_adjusted"),
        ("项目支出调整后预算", "budget_adjusted"),
        ("项目支出全年执行", "actual"),
        ("项目支出决算", "final"),
        ("项目支出实际到位", "available"),
        ("项目支出预算数", "budget"),
    ],
)
def test_label_gives_the_scenario(label, scenario):
    f = only(doc(f"{label}108万元。"))
    assert f.scenario == scenario
    assert f.concept == "项目支出"


# --------------------------------------------------------------- breakdowns
def test_labels_in_a_qizhong_list_give_each_part_its_concept():
    """The list itself is a golden case (tests/binding/opener_list/qizhong_whole_family)."""
    text = "2020年度项目支出1241.76万元，其中：商品和服务支出791.68万元、对个人和家庭的补助228.02万元、资本性支出222.06万元。"
    d = doc(text)
    assert [(f.text, f.concept) for f in d.facts] == [
        ("1241.76万元", "项目支出"), ("791.68万元", "商品和服务支出"), ("228.02万元", "对个人和家庭的补助"),
        ("222.06万元", "资本性支出")]
    assert fact(d, "1241.76万元").span.start == text.index("1241.76")


def test_fenbie_pairs_names_before_it_with_figures_after_it():
    d = doc("基本支出、项目支出分别为180.5万元、667.9万元。")
    assert [(f.text, f.concept) for f in d.facts] == [("180.5万元", "基本支出"), ("667.9万元", "项目支出")]


def test_fenbie_unit_written_once_for_the_list():
    text = "办公费、印刷费、差旅费分别为120、52、260万元。"
    d = doc(text)
    assert [(f.text, f.value, f.unit) for f in d.facts] == [
        ("120", D("1200000"), "元"), ("52", D("520000"), "元"), ("260万元", D("2600000"), "元")]
    assert [f.concept for f in d.facts] == ["办公费", "印刷费", "差旅费"]


# ------------------------------------------------------------------ changes
def test_change_keyword_span_is_the_keyword():
    """CHG003 cites `keyword_span` with the text `keyword` as its evidence: they must agree."""
    text = "2020年支出合计1709.11万元，较上年增加446.19万元、增长35.33%。"
    (c,) = doc(text).changes
    assert text[c.keyword_span.start:c.keyword_span.end] == c.keyword


def test_a_decrease_keeps_its_stated_size():
    (c,) = doc("2021年公用经费支出62.3万元，较上年减少5.2万元、下降7.7%。").changes
    assert c.direction == -1
    assert c.delta.value == D("52000")  # the stated size; the direction carries the sign


def test_change_against_budget_is_not_a_year_on_year_change():
    d = doc("2023年项目支出决算数120万元，比预算减少30万元。")
    (c,) = d.changes
    assert c.direction == -1
    assert c.reference == "budget"


def test_growth_word_alone():
    d = doc("2023年公用经费62.3万元，增幅10.85%。")
    assert fact(d, "10.85%").kind == "percent"


# -------------------------------------------------------------------- rates
def test_budget_and_execution_words_give_each_figure_its_scenario():
    """The rate itself is a golden case (tests/binding/rate/execution_rate_with_its_amounts)."""
    d = doc("项目支出年初预算31万元，全年预算108万元，全年执行86.34万元，执行率79.94%。")
    scen = {f.text: f.scenario for f in d.facts if f.kind == "amount"}
    assert scen == {"31万元": "budget_initial", "108万元": "budget_adjusted", "86.34万元": "actual"}


# ------------------------------------------------------------------- tables
SCORE_TABLE = "一级指标\n指标分值\n评价得分\n投入\n15\n14.4\n过程\n20\n19\n产出\n35\n35\n效果\n30\n30\n合计\n100\n98.4\n"


def test_score_table_one_cell_per_line():
    d = doc(SCORE_TABLE)
    (t,) = d.tables
    assert t.columns == ("指标分值", "评价得分")
    assert [r.label for r in t.rows] == ["投入", "过程", "产出", "效果", "合计"]
    assert [r.is_total for r in t.rows] == [False, False, False, False, True]
    assert [r.cells["weight"].value for r in t.rows] == [D(15), D(20), D(35), D(30), D(100)]
    assert [r.cells["score"].value for r in t.rows] == [D("14.4"), D(19), D(35), D(30), D("98.4")]
    for r in t.rows:
        w, s = r.cells["weight"], r.cells["score"]
        assert w.kind == s.kind == "score" and w.in_table and s.in_table
        assert w.exact is True and w.tolerance == 0  # weights are designed values
        assert s.decimals == 1  # the column is written to one decimal: "19" is 19.0
    total = t.rows[-1].cells["score"]
    assert total.text == "98.4"
    assert total.span.start == SCORE_TABLE.index("98.4") and total.span.line == 18
    assert t.span.start == 0


def test_score_table_with_bars_and_full_width_digits():
    text = "一级指标 | 指标分值 | 评价得分\n投入 | 15 | 14.4\n过程 | 20 | 19\n产出 | ３５ | ３５\n效果 | 30 | 30\n合计 | 100 | 98.4\n"
    d = doc(text)
    (t,) = d.tables
    assert [r.label for r in t.rows] == ["投入", "过程", "产出", "效果", "合计"]
    assert t.rows[2].cells["weight"].text == "３５"
    assert t.rows[2].cells["weight"].value == D(35)
    assert t.rows[-1].is_total
    assert t.rows[-1].cells["score"].span.start == text.index("98.4")


def test_score_table_is_not_read_as_prose():
    d = doc(SCORE_TABLE)
    assert all(f.in_table for f in d.facts)
    assert d.breakdowns == () and d.changes == ()


GRID = (
    "项目名称\n年初预算数\n全年预算数\n全年执行数\n分值\n执行率\n得分\n"
    "年度资金总额\n861.10\n2030.12\n1730.12\n10\n85.22%\n8.5\n"
    "其中：财政拨款\n861.10\n2030.12\n1730.12\n-\n85.22%\n-\n"
)


def test_self_assessment_grid_one_cell_per_line():
    d = doc(GRID)
    (t,) = d.tables
    assert t.columns == ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")
    first, second = t.rows
    assert first.label == "年度资金总额"
    assert set(first.cells) == {"budget_initial", "budget_adjusted", "actual", "weight", "rate", "score"}
    assert first.cells["budget_initial"].value == D("8611000")  # 万元 by default
    assert first.cells["budget_adjusted"].value == D("20301200")
    assert first.cells["actual"].value == D("17301200")
    assert first.cells["actual"].scenario == "actual"
    assert first.cells["rate"].kind == "percent" and first.cells["rate"].value == D("85.22")
    assert first.cells["weight"].value == D(10) and first.cells["score"].value == D("8.5")
    # "-" cells are empty
    assert set(second.cells) == {"budget_initial", "budget_adjusted", "actual", "rate"}
    assert second.cells["actual"].span.start == GRID.index("1730.12", GRID.index("其中"))


def test_self_assessment_grid_in_yuan():
    text = "单位：元\n" + GRID.replace("861.10", "8611000.00").replace("2030.12", "20301200.00").replace("1730.12", "17301200.00")
    d = doc(text)
    (t,) = d.tables
    assert t.rows[0].cells["budget_adjusted"].value == D("20301200")
    assert t.rows[0].cells["budget_adjusted"].written_unit == "元"


def test_self_assessment_grid_with_bars():
    text = (
        "项目名称 | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分\n"
        "年度资金总额 | 861.10 | 2030.12 | 1730.12 | 10 | 85.22% | 8.5\n"
        "其他资金 |  |  |  |  |  | \n"
    )
    d = doc(text)
    (t,) = d.tables
    (row,) = [r for r in t.rows if r.cells]  # 其他资金 has no figures
    assert [r.label for r in t.rows if not r.cells] in ([], ["其他资金"])
    assert row.cells["rate"].text == "85.22%"
    assert row.cells["actual"].span.start == text.index("1730.12")


# ------------------------------------------------------------------- grades
@pytest.mark.parametrize(
    "sentence,grade,word",
    [
        ("部门整体支出自评得分为98.4分，自评评价等级为“优”。", "优", "优"),
        ("综合评分85.5分，绩效评价结果为“良好”。", "良", "良好"),
        ("自评得分72分，评价等级为中。", "中", "中"),
        ("自评得分55分，评价结果：差。", "差", "差"),
        ("自评得分92分，评定等级为\"优秀\"。", "优", "优秀"),
    ],
)
def test_grade_with_its_score(sentence, grade, word):
    d = doc(sentence)
    (g,) = d.grades
    assert g.grade == grade
    assert g.text == word
    assert sentence[g.span.start:g.span.end] == word
    score = only(d, "score")
    assert g.score == score


def test_grade_after_a_score_table_uses_the_prose_score():
    text = SCORE_TABLE + "综上，本项目自评得分98.4分，评价等级为“优”。\n"
    d = doc(text)
    (g,) = d.grades
    assert g.grade == "优"
    assert g.score is not None and g.score.text == "98.4分"


# ----------------------------------------------------------------- headings
def test_top_level_headings():
    text = "一、部门概况\n正文。\n二、支出情况\n正文。\n三、绩效情况\n正文。\n十、附件\n十一、其他\n"
    d = doc(text)
    assert [h.number for h in d.headings] == [1, 2, 3, 10, 11]
    h2 = d.headings[1]
    assert h2.text == "二、支出情况"
    assert text[h2.span.start:h2.span.end] == "二、"
    assert (h2.span.line, h2.span.column) == (3, 1)


def test_sub_headings_and_inline_numbers_are_not_top_level():
    text = "一、概况\n（一）基本情况\n(二)支出\n一是加强管理，二是规范支出。\n包括一、二两类。\n二、绩效\n"
    assert [h.number for h in doc(text).headings] == [1, 2]


# ------------------------------------------------------------------ spans
def test_spans_in_a_multi_line_report():
    text = (
        "2023年度部门整体支出绩效自评报告\n"
        "一、部门概况\n"
        "本部门在职人员22人，2023年支出合计848.4万元，其中：基本支出180.5万元，项目支出667.9万元。\n"
        "二、预算执行\n"
        "项目支出年初预算31万元，全年预算108万元，全年执行86.34万元，执行率79.94%。\n"
    )
    d = doc(text)
    assert d.report_year == "2023"
    assert texts(d.facts) == ["22人", "848.4万元", "180.5万元", "667.9万元", "31万元", "108万元", "86.34万元", "79.94%"]
    assert [f.span.line for f in d.facts] == [3, 3, 3, 3, 5, 5, 5, 5]
    assert fact(d, "86.34万元").span.start == at(text, "86.34万元")


@pytest.mark.parametrize(
    "prose",
    [
        "2023年基本支出300万元，其中：人员经费150万元、公用经费170万\n元。",
        "2023年基本支出300万元，其中：人员经费150万元、公用经\n费170万元。",
    ],
    ids=["unit-split", "word-split"],
)
def test_hard_wrapped_prose_after_a_table_is_still_prose(prose):
    """PDF text is hard-wrapped: a prose line without its 。 right after a table is not a table row."""
    text = "一级指标 | 分值 | 得分\n投入 | 50 | 48\n过程 | 50 | 45\n合计 | 100 | 93\n" + prose
    d = doc(text)
    assert len(d.tables) == 1 and [r.label for r in d.tables[0].rows] == ["投入", "过程", "合计"]
    prose_facts = [f for f in d.facts if not f.in_table]
    assert [f.value for f in prose_facts] == [D("3000000"), D("1500000"), D("1700000")], texts(d.facts)
    (b,) = d.breakdowns
    assert b.total.text == "300万元"


def test_pinyin_glosses_are_read_through_and_offsets_kept():
    text = "預(yù)算執(zhí)行率(lǜ)為95.5%,支出決算為190.9萬(wàn)元。"
    facts = doc(text).facts
    rate = next(f for f in facts if f.kind == "percent")
    amount = next(f for f in facts if f.kind == "amount")
    assert rate.text == "95.5%" and rate.span.start == text.index("95.5%")
    assert amount.text == "190.9萬(wàn)元" and amount.value == D("1909000")
    assert amount.span.start == text.index("190.9")
