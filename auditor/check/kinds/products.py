"""Products: 户数 × 标准 = 金额, 人数 × 每人 = 合计 (人 × 元 → 万元 in base units); and means: 年平均 = 总额 / 年数."""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from auditor.check import diagnose, doubt
from auditor.check.arithmetic import Comparison, Equation, Value, compare, grouped, product_value, written
from auditor.check.context import Context, diff_text, failed, finding, outcome
from auditor.check.rulebook import Rule
from auditor.extract.bind.reasons import EXPLICIT
from auditor.extract.model import Fact, Product
from auditor.findings import Evidence, Outcome


def _figures(p: Product) -> list[Evidence]:
    return [Evidence.of(p.product, "product"), Evidence.of(p.count, "count"), Evidence.of(p.standard, "standard")]


def _equation(p: Product) -> Equation:
    """product − count × standard (× months) = 0: the standard is a designed value, never the suspect."""
    return Equation("linear", ((p.product, Decimal(1)), (p.count, -p.standard.value * p.periods)),
                    blame={"zh": "金额或数量有误", "en": "the amount or the count is wrong"},
                    # (no whole count mends it: the standard may be the one mistyped, "单价7.50万元" for 9.50)
                    blame_uncounted={"zh": "金额或标准有误", "en": "the amount or the standard is wrong"})


def _standard_text(p: Product) -> str:
    s = p.standard
    if p.periods != 1 or p.periods_text:
        return f"{written(s)}{s.written_unit or '元'}/{p.per}·月 × {p.periods}个月"
    return f"{written(s)}{s.written_unit or '元'}/{p.per}"


def _value(p: Product) -> Value:
    """count × standard, over the months a standard per month is paid for."""
    return _expected(p.count, p.standard, p.periods)


def _expected(count: Fact, standard: Fact, periods: int = 1) -> Value:
    value = product_value(count, standard)
    return Value(value.value * periods, value.tolerance * periods)


def check_product(rule: Rule, ctx: Context) -> Iterator[Outcome]:
    """PRD001: the amount equals the count times the standard per unit."""
    for p in ctx.doc.products:
        figures = _figures(p)
        value = _value(p)
        cmp = compare(p.product, value)
        if cmp.verdict == "ok":
            yield outcome(rule, p, "holds", figures, equation=_equation(p))
            continue
        if p.fewer_below and p.product.value < value.value:
            # ("…全年共计300万元" of 2,350 × 120 × 12 = 338.4万元: people entered and left through the year, or the
            # standard was paid to some of the group counted — fewer, not a contradiction)
            yield outcome(rule, p, "undecided", figures, note="less than the full count over the months: fewer "
                                                              "people or months may have been paid")
            continue
        like = p.product
        shown = (value.value / like.scale).quantize(Decimal(1).scaleb(-max(like.decimals, 2))).normalize()
        count_text = f"{written(p.count)}{p.count.written_unit}"
        arithmetic = {lang: f"{count_text} × {_standard_text(p)} = {shown:f}{like.written_unit} ≠ {like.text} "
                            f"{diff_text(cmp.difference, like, lang, max(like.decimals, 2))}" for lang in ("zh", "en")}
        fields = {"slip_zh": "", "slip_en": ""}
        primary, stated, expected = like, like.text, f"{shown:f}{like.written_unit}"
        slip = diagnose.find_slip([p.product, p.count, p.standard], lambda figures: _holds(figures, p.periods))
        if slip is not None:
            cmp = Comparison("minor", cmp.difference, cmp.slack)
            primary, stated, expected = slip.figure, slip.figure.text, slip.should_be
            fields.update(slip.fields)
        yield failed(rule, p, finding(
            rule, ctx, primary=primary, stated=stated, expected=expected, arithmetic=arithmetic,
            evidence=figures, comparison=cmp, fields=fields,
        ), found=None if slip else doubt.explain_product(ctx.doubt, p.product, p.count, p.standard, p.rivals),
            accuse_from=EXPLICIT, equation=None if slip else _equation(p),
            # (a count named after the amount — "…补贴318.00万元,其中新增对象152人" — may be a subset of it)
            weigh=_equation(p) if p.count.span.start > p.product.span.start else None)


def _holds(figures: list[Fact], periods: int = 1) -> bool:
    product, count, standard = figures
    return compare(product, _expected(count, standard, periods)).verdict == "ok"


def check_average(rule: Rule, ctx: Context) -> Iterator[Outcome]:
    """AVG001: the mean a year is the total over the years its sentence says (any count the words allow: a span of
    years counted with both ends, or between them)."""
    for a in ctx.doc.averages:
        # (a mean a month over the months of a span, "1-8月…月均35.71亿元": a month's mean and the months, not a year's)
        monthly = a.per == "月"
        figures = [Evidence.of(a.total, "total"), Evidence.of(a.mean, "monthly_mean" if monthly else "mean"),
                   Evidence.at(a.years_span, a.years_text, "months_counted" if monthly else "years")]
        # (a rounded count, "98.76万人次", widens what the mean may be by its own half unit: T·δN / N²)
        tried = [(n, Value(a.total.value / n, a.total.tolerance / n + a.total.value * a.count_tolerance / (n * n)))
                 for n in a.years]
        if a.per:
            # (a mean per unit is rounded as written: "户均3,000元" may be to the thousand, "户均3,500元" to the hundred)
            value = tried[0][1]
            if abs(value.value - a.mean.value) <= value.tolerance + _rounded(a.mean):
                yield outcome(rule, a, "holds", figures)
                continue
        held = next((n for n, value in tried if compare(a.mean, value).verdict == "ok"), None)
        if held is not None:
            yield outcome(rule, a, "holds", figures, note=f"over {held} years")
            continue
        n, value = tried[0]
        cmp = compare(a.mean, value)
        like = a.mean
        digits = max(like.decimals, 2)
        shown, *others = [(v.value / like.scale).quantize(Decimal(1).scaleb(-digits)) for _, v in tried]
        other = {"zh": f"（按{a.years[1]}年：{others[0]}）", "en": f" (over {a.years[1]} years: {others[0]})"} \
            if others else {"zh": "", "en": ""}
        per = {"zh": a.per or "年", "en": f" {a.per}" if a.per else " years"}
        arithmetic = {lang: f"{written(a.total, like)}{like.written_unit} / {grouped(str(n))}{per[lang]} = "
                            f"{grouped(str(shown))}{like.written_unit} ≠ {like.text} {diff_text(cmp.difference, like, lang, digits)}"
                            f"{other[lang]}" for lang in ("zh", "en")}
        fields = {"mean_zh": "月平均数", "count_zh": "月数", "per_en": "a month", "count_en": "months"} if monthly else \
            {"mean_zh": f"{a.per}均数", "count_zh": f"{a.per}数", "per_en": f"per {a.per}",
             "count_en": f"{a.per} counted"} if a.per else \
            {"mean_zh": "年平均数", "count_zh": "年数", "per_en": "a year", "count_en": "years"}
        yield failed(rule, a, finding(rule, ctx, primary=like, stated=like.text, expected=f"{shown}{like.written_unit}",
                                      arithmetic=arithmetic, evidence=figures, comparison=cmp, fields=fields),
                     accuse_from=EXPLICIT)


def _rounded(mean: Fact) -> Decimal:
    """Half a unit of the last digit a mean is written to, its trailing zeros not counted: 3,000 ± 500, 3,500 ± 50,
    2,985.6 ± 0.05 (in base units)."""
    if mean.decimals > 0:
        return mean.tolerance
    digits = str(int(mean.written_value))
    zeros = len(digits) - len(digits.rstrip("0")) if digits.strip("0") else 0
    return Decimal(5).scaleb(zeros - 1) * mean.scale


def check_months_payable(rule: Rule, ctx: Context) -> Iterator[Outcome]:
    """AVG002: the months a fund's balance pays are the balance over the month's spending (the year's over 12)."""
    for m in ctx.doc.months_payable:
        figures = [Evidence.of(m.balance, "balance"), Evidence.of(m.spending, "expenses"),
                   Evidence.of(m.months, "months")]
        divisor = Decimal(1) if m.monthly else Decimal(12)
        month = m.spending.value / divisor
        value = m.balance.value / month
        # (each figure known to half its last digit: the quotient's own half-width, to first order)
        tolerance = value * (m.balance.tolerance / m.balance.value + m.spending.tolerance / m.spending.value)
        # (a count of months is a rounded quotient, "可支付25个月", never a designed value)
        stated = m.months.model_copy(update={"exact": False}) if m.months.exact else m.months
        cmp = compare(stated, Value(value, tolerance))
        if cmp.verdict == "ok":
            yield outcome(rule, m, "holds", figures)
            continue
        digits = max(stated.decimals, 1)
        shown = value.quantize(Decimal(1).scaleb(-digits))
        spent = f"{m.spending.text}" if m.monthly else f"({m.spending.text} / 12)"
        arithmetic = {lang: f"{m.balance.text} / {spent} = {shown}个月 ≠ {m.months.text}月"
                            f" {diff_text(cmp.difference, stated, lang, digits)}" for lang in ("zh", "en")}
        yield failed(rule, m, finding(rule, ctx, primary=m.months, stated=m.months.text, expected=f"{shown}个月",
                                      arithmetic=arithmetic, evidence=figures, comparison=cmp),
                     accuse_from=EXPLICIT)
