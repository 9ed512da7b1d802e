"""Whole-document checks: repeated figures, heading numbering, plausibility."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from decimal import Decimal
from typing import Iterator

from auditor.check.arithmetic import Value, compare, written
from auditor.check.context import Context, diff_text, finding
from auditor.check.rulebook import Rule
from auditor.findings import Evidence, Finding

_CN = "零一二三四五六七八九十"


def _cn(n: int) -> str:
    if n <= 10:
        return _CN[n]
    if n < 20:
        return "十" + (_CN[n - 10] if n > 10 else "")
    return _CN[n // 10] + "十" + (_CN[n % 10] if n % 10 else "")


def check_repeat(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """DUP001: one quantity (concept, year, scenario, funding scope) stated with different values.

    Only concepts of the vocabulary count (a label the vocabulary does not know
    is too loose an identity), and each conflict is reported once.
    """
    known = ctx.known_concepts
    generic = set(rule.params.get("ignore", ()))
    parents = _parents(ctx)
    # differences the text itself states ("决算比预算减少120万元") explain two values
    stated_deltas = sorted((c.delta for c in ctx.doc.changes if c.delta is not None and c.delta.kind == "amount"),
                           key=lambda d: d.value)
    delta_values = [d.value for d in stated_deltas]
    widest = max((d.tolerance for d in stated_deltas), default=Decimal(0))
    groups: dict[tuple, list] = {}
    for key, facts in ctx.by_key.items():
        for f in facts:
            groups.setdefault((*key, parents.get(f.id)), []).append(f)
    for key, facts in groups.items():
        concept = key[0]
        if concept not in known or concept in generic:
            continue
        # a zero says "none of it here" (a sub-category), not a restatement
        facts = [f for f in facts if not f.in_table and f.value != 0]
        if len(facts) < 2:
            continue
        first = facts[0]
        for other in facts[1:]:
            if first.fund and other.fund and first.fund != other.fund:
                continue  # "…一般公共预算…收入合计196.3亿元" and "…政府性基金…收入合计164.0亿元"
            cmp = compare(other, Value.of(first))
            if cmp.verdict == "ok":
                continue
            gap = abs(other.value - first.value)
            margin = widest + other.tolerance + first.tolerance
            near = stated_deltas[bisect_left(delta_values, gap - margin):bisect_right(delta_values, gap + margin)]
            if any(abs(gap - d.value) <= d.tolerance + other.tolerance + first.tolerance for d in near):
                continue
            arithmetic = {
                "zh": f"{written(other)}（第{other.span.line}行）≠ {written(first, other)}（第{first.span.line}行）{diff_text(cmp.difference, other, 'zh')}",
                "en": f"{written(other)} (line {other.span.line}) ≠ {written(first, other)} (line {first.span.line}) {diff_text(cmp.difference, other, 'en')}",
            }
            yield finding(rule, ctx, primary=other, stated=other.text, expected=first.text, arithmetic=arithmetic,
                          evidence=[Evidence.of(other, "repeat"), Evidence.of(first, "first")], comparison=cmp,
                          fields={"concept": concept, "first_line": str(first.span.line)})
            break  # one finding per conflicting quantity


def _parents(ctx: Context) -> dict[int, str]:
    """What a figure is part of, when that is narrower than the whole report.

    "商品和服务支出165247.88元,占基本支出…" and "商品和服务支出29700元,占项目支出…"
    are two different quantities; so are the 项目支出 of two functional categories.
    """
    top = {t for name in ("支出构成", "收入来源") if name in ctx.vocab.families
           for t in ctx.vocab.families[name].totals}
    out: dict[int, str] = {}
    for b in ctx.doc.breakdowns:
        parent = b.total.concept or b.total.label
        if parent and parent not in top:
            for p in b.parts:
                out.setdefault(p.id, parent)
    for s in ctx.doc.shares:
        if s.part is not None and s.whole_label:
            info = ctx.label_concept(s.whole_label)
            parent = info.concept or info.text
            if parent and parent not in top:
                out.setdefault(s.part.id, parent)
    return out


def check_headings(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """STR001: top-level headings 一、二、三 … neither skip nor repeat a number."""
    previous = None
    for h in ctx.doc.headings:
        n = h.number
        if n is None:  # its numeral was lost: it takes the next number
            if previous is not None:
                previous = previous.model_copy(update={"number": previous.number + 1})
            continue
        if previous is None or n == 1:
            previous = h
            continue
        expected = previous.number + 1
        if n == expected:
            previous = h
            continue
        if n > expected and n - expected <= 3:
            missing = "、".join(_cn(k) for k in range(expected, n))
            arithmetic = {"zh": f"{_cn(previous.number)}、 → {_cn(n)}、（缺{missing}）",
                          "en": f"{_cn(previous.number)}、 → {_cn(n)}、 ({missing} missing)"}
        elif n == previous.number:
            arithmetic = {"zh": f"{_cn(n)}、 重复出现", "en": f"{_cn(n)}、 appears twice"}
        else:
            previous = h
            continue
        yield finding(rule, ctx, span=h.span, stated=f"{_cn(n)}、", expected=f"{_cn(expected)}、",
                      arithmetic=arithmetic,
                      evidence=[Evidence.at(h.span, f"{_cn(n)}、", "heading"),
                                Evidence.at(previous.span, f"{_cn(previous.number)}、", "previous heading")],
                      fields={"heading": h.text})
        previous = h


def check_bounded(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """PLA001: a rate that cannot exceed 100 % (占比, 满意度, 覆盖率 …) above it."""
    words = tuple(ctx.vocab.bounded)
    # "占调整预算数115.8%" compares spending with a budget: it may exceed 100 %
    shares = {s.percent.id for s in ctx.doc.shares if not re.search("预算|计划|年初|任务|目标", s.whole_label)}
    limit = Decimal(100)
    for f in ctx.doc.facts:
        if f.kind != "percent" or f.approximate:
            continue
        bounded = f.id in shares or any(w in f.label for w in words)
        if not bounded or re.search(r"增长|增加|提高|上升|下降|减少|变动|超|比上年|较上年", f.label):
            continue
        if f.value - f.tolerance <= limit:
            continue
        arithmetic = {"zh": f"{written(f)}% > 100%", "en": f"{written(f)}% > 100%"}
        yield finding(rule, ctx, primary=f, stated=f.text, expected="≤ 100%", arithmetic=arithmetic,
                      evidence=[Evidence.of(f, "rate")], fields={"label": f.label[-12:]})


def check_negative(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """PLA002: an amount below zero where a report states sizes (not changes)."""
    for f in ctx.doc.facts:
        if f.kind != "amount" or f.value >= 0:
            continue
        if re.search(r"变动|增减|差额|结余|较上年|比上年|增加|减少", f.label):
            continue
        yield finding(rule, ctx, primary=f, stated=f.text, expected="≥ 0",
                      arithmetic={"zh": f"{written(f)} < 0", "en": f"{written(f)} < 0"},
                      evidence=[Evidence.of(f, "amount")], fields={"label": f.label[-12:]})
