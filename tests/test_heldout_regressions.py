"""Findings a reviewer would dismiss, and misses, found by running the auditor on
reports it had never seen (a held-out review of 26 real pages).  Each case is the
smallest text that showed the problem; the expected outcome is what a careful
reviewer says."""

from __future__ import annotations

import pytest

from auditor.pipeline import audit_text

SILENT = {
    "table row labels are not headings": (
        "一、一般公共预算财政拨款收入\n1\n440.55\n一、一般公共服务支出\n29\n423.20\n"
        "二、政府性基金预算财政拨款收入\n2\n0.00\n二、外交支出\n30\n0.00\n"),
    "去年…同比增加 is the figure's own year-on-year change": (
        "去年一般公共预算收入310682万元,同比增加23188万元,增长8.1%。"),
    "an item's own 共计 is not the total of the list before it": (
        "主要建设内容为道路建设141330平方米,路缘石6200米,边沟1200米;修缮小桥2座,拆除圬工共计114立方米;"),
    "差旅费共计 names its own total": "办公费5万元,印刷费3万元;差旅费共计2万元。",
    "an unpaid remainder is no base of a payment rate": (
        "安排资金19204.096万元。资金支付18501.096万元,未支703万元,支付率96.34%。"),
    "占调整预算数 may exceed 100 %": (
        "2022年度本级一般公共预算支出数为459989万元,占调整预算数115.8%,增支42991万元,增长10.3%。"),
    "收、支总计各增加 with a growth rate that agrees": (
        "2021年度收入总计1234.56万元,支出总计1234.56万元。与2020年相比,收、支总计各增加100.00万元,增长8.8%。"),
    "indicator weights without units are not summed outside a table": (
        "绩效指标(90分) 产出指标数量指标足额保障率=100% 22.5 科目调整次数≤10次 22.5 "
        "时效指标按时发放率=100% 22.5 效益指标结余率≤5% 22.5 合计100"),
}

FOUND = {
    "中央安排…/地方安排… parts of a total": (
        "全市财政直达资金总额75.20亿元,其中:中央安排直达资金61.02亿元,地方安排直达资金13.78亿元。",
        "SUM001", "75.20亿元"),
    "a payment rate against a budget stated in another sentence": (
        "安排资金19204.096万元。资金支付18501.096万元,支付率95%。", "RAT001", "95%"),
    "a 自评表 total row smaller than its 其中 row": (
        "项目资金(万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
        "年度资金总额: | 0 | 0 | 0 | 10 | 0 | 0 |\n"
        "其中:本年财政拨款 | 90 | 89.974 | 89.974 | | | |\n", "SUM001", "0"),
    "收、支总计各增加: the change continues the totals of the sentence before": (
        "2021年度收入总计1234.56万元,支出总计1234.56万元。与2020年相比,收、支总计各增加100.00万元,增长10.8%。",
        "CHG002", "10.8%"),
}


@pytest.mark.parametrize("text", SILENT.values(), ids=SILENT.keys())
def test_reviewer_would_dismiss_nothing(text):
    findings = audit_text(text).findings
    assert [f for f in findings if f.severity in {"error", "warning"}] == [], [f.message("en") for f in findings]


@pytest.mark.parametrize("text,rule,stated", FOUND.values(), ids=FOUND.keys())
def test_contradiction_is_found(text, rule, stated):
    findings = [f for f in audit_text(text).findings if f.rule == rule]
    assert any(f.stated == stated for f in findings), [f.message("en") for f in findings]
