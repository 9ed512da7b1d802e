"""Targets: 完成率 = 实际 / 目标 of a physical target, 超任务 p% = (实际 − 目标) / 目标."""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from auditor.check import doubt
from auditor.check.arithmetic import Comparison, Equation, Value, compare, ratio_percent, unit_of, written
from auditor.check.context import Context, diff_text, failed, finding, outcome
from auditor.check.rulebook import Rule
from auditor.extract.model import Target
from auditor.findings import Evidence, Outcome


def _figures(t: Target) -> list[Evidence]:
    return [Evidence.of(t.percent, "rate"), Evidence.of(t.actual, "actual"), Evidence.of(t.target, "target")]


def _value(t: Target, measure: str) -> Value | None:
    done, goal = Value.of(t.actual), Value.of(t.target)
    return ratio_percent(done if measure == "completion" else done - goal, goal)


def check_target(rule: Rule, ctx: Context) -> Iterator[Outcome]:
    """TGT001 (params.measure = "completion") and TGT002 ("excess")."""
    measure = rule.params.get("measure", "completion")
    for t in ctx.doc.targets:
        if t.measure != measure:
            continue
        if t.ceiling:
            yield _under_ceiling(rule, ctx, t)
            continue
        figures = _figures(t)
        # completion = actual / target × 100 (an excess is no ratio of two figures)
        ratio = Equation("ratio", ((t.percent, Decimal(1)), (t.actual, Decimal(1)), (t.target, Decimal(1))),
                         blame={"zh": "完成率、实际数或目标数有误", "en": "the rate, the figure done or the target is wrong"}) \
            if measure == "completion" else None
        value = _value(t, measure)
        if value is None:
            yield outcome(rule, t, "undecided", figures, note="no target above zero")
            continue
        stated = t.percent
        cmp = compare(stated, value)
        if cmp.verdict == "ok":
            yield outcome(rule, t, "holds", figures, equation=ratio)
            continue
        if measure == "completion" and stated.value == 100 and value.value > 100:
            # "完成率100%(超过100%的按100%计)": a completion capped at 100 %, as 绩效 templates score it
            yield outcome(rule, t, "holds", figures, note="done beyond the target, the rate capped at 100 %")
            continue
        reverse = _as_reverse(t) if t.direction == "unstated" else None
        if reverse is not None:
            yield outcome(rule, t, "holds", figures, note=reverse)
            continue
        shown = value.value.quantize(Decimal(1).scaleb(-max(stated.decimals, 2)))
        done, goal = written(t.actual), written(t.target, t.actual)
        num = done if measure == "completion" else f"({done} − {goal})"
        arithmetic = {lang: f"{num} / {goal} = {shown}% ≠ {written(stated)}% "
                            f"{diff_text(cmp.difference, stated, lang, max(stated.decimals, 2))}" for lang in ("zh", "en")}
        hint_zh = hint_en = ""
        other = _value(t, "completion")
        if measure == "excess" and other is not None and compare(stated, other).verdict == "ok":
            # "超额完成120%" where 120 % is what was done of the target: a wording slip, not a sum
            cmp = Comparison("minor", cmp.difference, cmp.slack)
            hint_zh = "；所写比例等于完成率（实际 / 目标），而非超出的比例"
            hint_en = "; the percentage stated is the completion rate (done / target), not the excess"
        yield failed(rule, t, finding(
            rule, ctx, primary=stated, stated=stated.text, expected=f"{shown}%", arithmetic=arithmetic,
            evidence=figures, comparison=cmp, fields={"hint_zh": hint_zh, "hint_en": hint_en},
        ), found=doubt.explain_target(ctx.doubt, stated, t.actual, t.target), equation=ratio)


_FULL = Value(Decimal(100), Decimal(0))


def _as_reverse(t: Target) -> str | None:
    """An indicator row whose 年度指标值 has no comparator may be a reverse indicator (a cost, a time, a rate of
    complaints — smaller is better), which templates complete as 指标值 / 完成值, or at 100 % when the figure done is
    under the target: "户均改厕补助标准 | 1800元 | 1760元 | 100%", "平均建设工期 | 8个月 | 8.5个月 | 94.12%".  The
    note of the reading that holds; None when neither does."""
    done, goal = Value.of(t.actual), Value.of(t.target)
    inverse = ratio_percent(goal, done)
    if inverse is not None and compare(t.percent, inverse).verdict == "ok":
        return "no comparator: a reverse indicator, 指标值 / 完成值"
    if done.lo <= goal.value and compare(t.percent, _FULL).verdict == "ok":
        return "no comparator: a reverse indicator met under its 指标值, 100 %"
    return None


def _under_ceiling(rule: Rule, ctx: Context, t: Target) -> Outcome:
    """A completion under a ceiling ("不高于每亩1800元,实际为每亩1523元,完成率100%"): met, it is 100 %; a report may
    also give a ratio of the two (actual / ceiling, or ceiling / actual, as some templates score a cost).  Only a
    completion of 100 % over the ceiling contradicts it — the actual above the ceiling as written, whatever its
    rounding —; another rate no stated formula gives is left undecided."""
    figures = _figures(t)
    stated, done, cap = t.percent, Value.of(t.actual), Value.of(t.target)
    over = done.lo > cap.value
    for name, value in (("met", None if over else _FULL), ("actual / ceiling", ratio_percent(done, cap)),
                        ("ceiling / actual", ratio_percent(cap, done))):
        if value is not None and compare(stated, value).verdict == "ok":
            return outcome(rule, t, "holds", figures,
                           note="the ceiling met: 100 %" if name == "met" else f"the ratio {name}")
    full = compare(stated, _FULL)
    if not over or full.verdict != "ok":
        return outcome(rule, t, "undecided", figures, note="a ceiling's completion by a formula the text does not give")
    unit = unit_of(t.actual)
    done_text, cap_text = f"{written(t.actual)}{unit}", f"{written(t.target, t.actual)}{unit}"
    arithmetic = {"zh": f"实际 {done_text} 超过上限 {cap_text}，指标未完成，完成率不应为 {written(stated)}%",
                  "en": f"the figure done, {done_text}, is above the ceiling {cap_text}: the target is not met, "
                        f"so its completion is not {written(stated)}%"}
    return failed(rule, t, finding(
        rule, ctx, primary=stated, stated=stated.text, expected=None, arithmetic=arithmetic, evidence=figures,
        comparison=Comparison("gross", done.value - cap.value, Decimal(0)), fields={"hint_zh": "", "hint_en": ""},
    ), found=doubt.explain_target(ctx.doubt, stated, t.actual, t.target))
