"""Differences the text names: 审减 = 送审 − 审定, 结余 = 预算 − 支出, 节约 = 预算 − 实际,
超支 = 实际 − 预算, and their rates (审减率 = 审减 / 送审 …)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from auditor.check import diagnose, doubt
from auditor.check.arithmetic import (Comparison, Equation, Value, at_precision, compare, decimals_for, ratio_percent,
                                      show, unit_of, written)
from auditor.check.context import Context, diff_text, failed, finding, label_tail, outcome
from auditor.check.rulebook import Rule
from auditor.extract.bind.reasons import STRUCTURAL
from auditor.extract.model import Difference, Fact, half_unit_of
from auditor.findings import Evidence, Outcome

NAME_EN = {"审减": "cut in review", "结余": "balance left", "节约": "saving", "超支": "overspending", "超计划": "amount over the target", "应收未收": "amount due not collected",
           "尚需": "amount still due", "未到位": "funds not yet arrived", "减列": "cut in the vote", "余绌": "surplus", "差短": "shortfall",
           "净增": "raise in the vote", "净增减": "net change", "相差": "gap to the figure compared with", "净利": "net profit", "增值收益": "value-added income", "净归集": "net collection",
           "净损": "net loss", "赤字": "deficit", "收支缺口": "shortfall of income", "收支差额": "income less spending", "缺口": "funding gap", "净资产": "net assets", "超收": "revenue over budget",
           "短收": "revenue short of budget", "限额空间": "room under the debt limit",
           "全年预算": "budget as adjusted", "年末余额": "balance at the year's end", "扣除后的数": "amount left after the deduction",
           "加减后的余额": "balance after the terms added and taken away", "余额增减": "change of the balance",
           "人口自然增长率": "natural growth rate", "得分": "score"}
PLUS_ROLE = {"审减": "submitted", "结余": "funds", "节约": "budget", "超支": "spent", "超计划": "actual", "应收未收": "total due", "尚需": "total due", "未到位": "needed",
             "减列": "first asked", "余绌": "income", "差短": "spending", "净增": "voted", "净增减": "larger change", "相差": "added_term", "净利": "revenue", "增值收益": "revenue", "净归集": "paid in",
             "净损": "expenses", "赤字": "expenses", "收支缺口": "expenses", "收支差额": "revenue", "缺口": "needed", "净资产": "assets", "超收": "collected", "短收": "budget",
             "限额空间": "limit", "全年预算": "adjusted", "年末余额": "opening and added", "扣除后的数": "whole", "加减后的余额": "added_term",
             "余额增减": "added_term",
             "人口自然增长率": "birth rate", "得分": "weight"}
MINUS_ROLE = {"审减": "approved", "结余": "spent", "节约": "spent", "超支": "budget", "超计划": "target", "应收未收": "collected", "尚需": "paid", "未到位": "raised", "减列": "voted",
              "余绌": "spending", "差短": "income", "净增": "first asked", "净增减": "offset change", "相差": "taken_term", "净利": "expenses", "增值收益": "expenses", "净归集": "drawn",
              "净损": "revenue", "赤字": "revenue", "收支缺口": "revenue", "收支差额": "expenses", "缺口": "raised", "净资产": "liabilities", "超收": "budget", "短收": "collected",
              "限额空间": "debt balance", "全年预算": "cut", "年末余额": "paid off", "扣除后的数": "deducted", "加减后的余额": "taken_term",
              "余额增减": "taken_term",
              "人口自然增长率": "death rate", "得分": "deducted"}


# a stock's change said to be the net of its flows (resolver net_flows)
STOCK_CHANGE = "余额增减"


def _figures(d: Difference) -> list[Evidence]:
    return [Evidence.of(d.difference, "difference"), *(Evidence.of(p, PLUS_ROLE[d.name]) for p in d.minuends),
            *(Evidence.of(m, MINUS_ROLE[d.name]) for m in d.subtrahends)]


def _paced(d: Difference) -> tuple[Fact, ...]:
    """The budget a 超收 / 短收 against the plan's pace counts at months / 12 (d.months), or none."""
    if not d.months and not d.pace:
        return ()
    return d.minuends if d.name == "短收" else d.subtrahends


def computed(d: Difference) -> Value:
    """Σ minuends − Σ subtrahends, each known as precisely as the difference is written (a budget against the plan's
    pace at months / 12 of it)."""
    value = Value(Decimal(0), Decimal(0))
    paced = _paced(d)
    for p in d.minuends:
        value = value + (_share(at_precision(p, d.difference), d) if p in paced else at_precision(p, d.difference))
    for m in d.subtrahends:
        value = value - (_share(at_precision(m, d.difference), d) if m in paced else at_precision(m, d.difference))
    return value


def _share(v: Value, d: Difference) -> Value:
    """The budget at the pace: months / 12 of it, or the share the text states or implies (known to its last digit)."""
    if d.pace:
        share = Decimal(d.pace) / 100
        half = half_unit_of(d.pace) / 100
        return Value(v.value * share, v.tolerance * share + abs(v.value) * half)
    return Value(v.value * d.months / 12, v.tolerance * d.months / 12)


def _pace_text(d: Difference) -> str:
    return f" × {d.pace}%" if d.pace else f" × {d.months}/12"


def equation(d: Difference) -> Equation:
    """difference − Σ minuends + Σ subtrahends = 0 (× 12 against the plan's pace: 12 × 短收 − months × 预算 + 12 × 完成)."""
    one = Decimal(1 if d.pace else 12 if d.months else 1)
    at = Decimal(d.pace) / 100 if d.pace else Decimal(d.months)
    paced = _paced(d)
    return Equation("linear", ((d.difference, one), *((p, -at if p in paced else -one) for p in d.minuends),
                               *((m, at if m in paced else one) for m in d.subtrahends)),
                    blame={"zh": f"{d.name}{'' if d.name.endswith(('率', '额', '分')) else '额'}或所用的数有误", "en": f"the {NAME_EN[d.name]} or one of its figures is wrong"})


# the words that name each figure in the arithmetic ("送审 1,250.36 − 审定 1,180.20 = …")
_WORDS = {"zh": {"submitted": "送审", "approved": "审定", "actual": "实际", "target": "目标", "budget": "预算", "spent": "实际", "total due": "应付",
                 "paid": "已付", "first asked": "原列", "voted": "改列", "larger change": "较大一方", "offset change": "相抵一方", "revenue": "收入", "expenses": "支出", "income": "岁入", "spending": "岁出",
                 "needed": "所需", "raised": "已筹", "assets": "资产", "liabilities": "负债", "collected": "完成", "cut": "调减", "paid off": "偿还", "whole": "原数", "deducted": "扣除", "birth rate": "出生率",
                 "death rate": "死亡率", "limit": "限额", "debt balance": "余额", "paid in": "缴存", "drawn": "提取", "added_term": "", "taken_term": "", "difference": "", "weight": "分值"},
          "en": {"submitted": "submitted", "approved": "approved", "actual": "actual", "target": "target", "budget": "budget", "spent": "spent",
                 "total due": "due", "paid": "paid", "first asked": "first asked", "voted": "voted", "larger change": "larger side", "offset change": "offset side", "revenue": "revenue", "expenses": "expenses",
                 "income": "income", "spending": "spending", "needed": "needed", "raised": "raised", "collected": "collected", "assets": "assets", "liabilities": "liabilities",
                 "cut": "cut", "paid off": "paid off", "whole": "whole", "deducted": "deducted", "birth rate": "birth rate",
                 "death rate": "death rate", "limit": "limit", "debt balance": "debt balance", "paid in": "paid in", "drawn": "drawn", "added_term": "", "taken_term": "", "difference": "", "weight": "weight"}}


def _word(role: str, fact: Fact, lang: str) -> str:
    if role == "adjusted":  # (the initial budget and what was added to it)
        if fact.scenario == "budget_initial":
            return "年初预算" if lang == "zh" else "initial budget"
        return "追加" if lang == "zh" else "added"
    if role == "opening and added":  # (a balance rolled forward: the opening balance, then what was added)
        if re.search("上年末|上年底|年初|期初|上期末", fact.label):
            return "年初余额" if lang == "zh" else "opening balance"
        return "增加" if lang == "zh" else "added"
    if role in ("added_term", "taken_term"):  # (a signed chain's terms, each by its own name: "支出总计")
        # (… without the words that open them: "主要是当年新增发行政府债券" → "当年新增发行政府债券")
        if re.match(r"(?:比|较)(?!上)", fact.label):  # (the figure compared with: "比基本支出" → "基本支出")
            return label_tail(fact.label[1:], 12)
        return label_tail(re.sub(r"^(?:(?:主要是|主要系|主要为|主要由于|主要因|其中|包括)[:：]?)?(?:再|并)?"
                                 r"(?:加上|加计|减去|减除|加|减)?", "", fact.label), 12)
    if role != "funds":
        return _WORDS[lang][role]
    label = fact.label
    if re.search("结转", label):
        return "上年结转" if lang == "zh" else "carried over"
    if re.search("收入", label):
        return "收入" if lang == "zh" else "income"
    if fact.scenario == "available" or "到位" in label:
        return "到位" if lang == "zh" else "received"
    return "预算" if lang == "zh" else "budget"


def _terms(d: Difference, lang: str) -> str:
    like = d.difference
    paced = _paced(d)
    plus = [f"{_word(PLUS_ROLE[d.name], p, lang)} {written(p, like)}{_pace_text(d) if p in paced else ''}".lstrip()
            for p in d.minuends]
    if d.reason in ("roll_columns", "roll_forward_stated"):
        # (a table's cells, labelled by their row, or a balance found around the flows: read as the opening one first)
        plus[0] = f"{'年初余额' if lang == 'zh' else 'opening balance'} {written(d.minuends[0], like)}"
    minus = [f" − {_word(MINUS_ROLE[d.name], m, lang)} {written(m, like)}{_pace_text(d) if m in paced else ''}"
             .replace("−  ", "− ") for m in d.subtrahends]
    return " + ".join(plus) + "".join(minus)


def check_difference(rule: Rule, ctx: Context) -> Iterator[Outcome]:
    """DIF001: the difference the text names equals the figures it is the difference of."""
    for d in ctx.doc.differences:
        figures = _figures(d)
        value = computed(d)
        cmp = compare(d.difference, value)
        if cmp.verdict == "ok":
            yield outcome(rule, d, "holds", figures, equation=equation(d))
            continue
        operands = [*d.minuends, *d.subtrahends]
        decimals = decimals_for(operands, d.difference)
        shown = show(value.value, d.difference, decimals - d.difference.decimals)
        unit = unit_of(d.difference)
        name = {"zh": d.name, "en": NAME_EN[d.name]}
        arithmetic = {lang: f"{_terms(d, lang)} = {shown}{unit} ≠ {name[lang]} {written(d.difference)}{unit} "
                            f"{diff_text(cmp.difference, d.difference, lang, decimals)}" for lang in ("zh", "en")}
        fields = {"name": d.name, "name_en": NAME_EN[d.name], "slip_zh": "", "slip_en": ""}
        primary, stated, expected = d.difference, d.difference.text, f"{shown}{d.difference.written_unit}"
        n_plus = len(d.minuends)
        slip = None if d.months or d.pace else diagnose.find_slip([d.difference, *operands], _holds(n_plus))
        if slip is not None:  # "结余14.5元" among 万元: a unit slip, said as such (a warning)
            cmp = Comparison("minor", cmp.difference, cmp.slack)
            primary, stated, expected = slip.figure, slip.figure.text, slip.should_be
            fields.update(slip.fields)
        as_read = equation(d)
        yield failed(rule, d, finding(
            rule, ctx, primary=primary, stated=stated, expected=expected, arithmetic=arithmetic,
            evidence=figures, comparison=cmp, fields=fields,
        ), found=None if slip or d.months or d.pace else doubt.explain_difference(ctx.doubt, d.difference, list(d.minuends),
                                                            list(d.subtrahends), d.rivals,
                                                            of_stocks=d.name == STOCK_CHANGE),
            accuse_from=STRUCTURAL, equation=None if slip else as_read, weigh=as_read, wide_dismissed=True)


def _holds(n_plus: int):
    """figures[0] = figures[1:1+n_plus] − the rest."""
    def holds(figures: list[Fact]) -> bool:
        value = Value(Decimal(0), Decimal(0))
        for n, f in enumerate(figures[1:], 1):
            value = value + Value.of(f) if n <= n_plus else value - Value.of(f)
        return compare(figures[0], value).verdict == "ok"
    return holds


def check_difference_rate(rule: Rule, ctx: Context) -> Iterator[Outcome]:
    """DIF002: 审减率 / 结余率 / 超支率 = the difference over the figure it is of."""
    for d in ctx.doc.differences:
        if d.rate is None or d.base is None:
            continue
        stated, diff, base = d.rate, d.difference, d.base
        figures = [Evidence.of(stated, "rate"), Evidence.of(diff, "difference"), Evidence.of(base, "denominator")]
        ratio = Equation("ratio", ((stated, Decimal(1)), (diff, Decimal(1)), (base, Decimal(1))))
        value = ratio_percent(Value.of(diff), Value.of(base))
        if value is None:
            yield outcome(rule, d, "undecided", figures, note="no base above zero")
            continue
        cmp = compare(stated, value)
        if cmp.verdict == "ok":
            yield outcome(rule, d, "holds", figures, equation=ratio)
            continue
        # the rate of the difference the figures give, when the stated difference is itself wrong
        of_operands = ratio_percent(computed(d), Value.of(base))
        if of_operands is not None and compare(stated, of_operands).verdict == "ok":
            yield outcome(rule, d, "holds", figures, note="the rate of the difference its figures give: DIF001")
            continue
        shown = value.value.quantize(Decimal(1).scaleb(-max(stated.decimals, 2)))
        arithmetic = {lang: f"{d.name if lang == 'zh' else NAME_EN[d.name]} {written(diff)} / "
                            f"{_word(PLUS_ROLE[d.name] if base in d.minuends else MINUS_ROLE[d.name], base, lang)} "
                            f"{written(base, diff)} = {shown}% ≠ {written(stated)}% "
                            f"{diff_text(cmp.difference, stated, lang, max(stated.decimals, 2))}"
                      for lang in ("zh", "en")}
        yield failed(rule, d, finding(
            rule, ctx, primary=stated, stated=stated.text, expected=f"{shown}%", arithmetic=arithmetic,
            evidence=figures, comparison=cmp, fields={"name": d.name, "name_en": NAME_EN[d.name]},
        ), found=doubt.explain_rate(ctx.doubt, stated, diff, [base], capped=False), accuse_from=STRUCTURAL, equation=ratio)
