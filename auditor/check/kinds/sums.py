"""Sums: a stated total against its parts, and the domain's known identities."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Iterator

from auditor.check.arithmetic import Value, compare, decimals_for, show, total, written
from auditor.check.context import Context, diff_text, finding, scope_of
from auditor.check.rulebook import Rule
from auditor.extract.model import Fact
from auditor.findings import Evidence, Finding


def sum_arithmetic(total_fact: Fact, parts: list[Fact], subtracted: list[Fact], computed: Value,
                   comparison, partial: bool = False) -> dict[str, str]:
    terms = " + ".join(written(p, total_fact) for p in parts)
    if subtracted:
        terms += "".join(f" − {written(p, total_fact)}" for p in subtracted)
    shown = show(computed.value, total_fact, decimals_for([*parts, *subtracted], total_fact) - total_fact.decimals)
    relation = ">" if partial else "≠"
    out = {}
    for lang in ("zh", "en"):
        out[lang] = f"{terms} = {shown} {relation} {written(total_fact)} {diff_text(comparison.difference, total_fact, lang, decimals_for([*parts, *subtracted], total_fact))}"
    return out


def check_breakdown(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """SUM001: parts listed under a total add up to it (a partial list: do not exceed it)."""
    min_parts = int(rule.params.get("min_parts", 1))
    for b in ctx.doc.breakdowns:
        if len(b.parts) + len(b.subtracted) < min_parts:
            continue
        computed = total([Value.of(p) for p in b.parts]) - total([Value.of(p) for p in b.subtracted])
        cmp = compare(b.total, computed)
        if cmp.verdict == "ok":
            continue
        partial = not b.complete and not _shares_make_whole(ctx, b)
        if partial and computed.value <= b.total.value:
            continue  # a list naming only some parts may fall short of the total
        evidence = [Evidence.of(b.total, "total"), *(Evidence.of(p, "part") for p in b.parts),
                    *(Evidence.of(p, "subtracted") for p in b.subtracted)]
        expected = show(computed.value, b.total, decimals_for([*b.parts, *b.subtracted], b.total) - b.total.decimals)
        yield finding(
            rule, ctx, primary=b.total, stated=b.total.text, expected=f"{expected}{b.total.written_unit}",
            arithmetic=sum_arithmetic(b.total, list(b.parts), list(b.subtracted), computed, cmp, partial),
            evidence=evidence, comparison=cmp,
            fields={"label": b.total.concept or b.total.label[-12:] or "总额", "marker": b.marker,
                    "partial": "（分项之和超过总额）" if partial else ""},
        )


def _shares_make_whole(ctx: Context, b) -> bool:
    """Every part states its share and the shares add to 100 %: the list is complete
    ("主要用于以下方面:A 67.64万元,占5.35%;B 1196.48万元,占94.59%;C 0.8万元,占0.06%")."""
    shares = [ctx.share_of.get(p.id) for p in b.parts]
    if len(shares) < 2 or any(x is None for x in shares):
        return False
    total_share = sum((x.value for x in shares), Decimal(0))
    # the shares' own rounding, plus one unit of their last digit (a share nudged to make 100 %)
    slack = sum((x.tolerance for x in shares), Decimal(0)) + Decimal(1).scaleb(-max(x.decimals for x in shares))
    return abs(total_share - 100) <= slack


def check_identity(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """SUM002…: a known identity (支出 = 基本支出 + 项目支出) across the document.

    Only figures whose labels name the concepts exactly, for the same year,
    scenario and funding scope, are used; a concept stated with conflicting
    values is ambiguous and the identity is not checked for it.
    """
    family = ctx.vocab.families.get(rule.params.get("family", ""))
    if family is None:
        return
    explicit = {b.total.id for b in ctx.doc.breakdowns}
    groups: dict[tuple, dict[str, list[Fact]]] = defaultdict(lambda: defaultdict(list))
    for f in ctx.doc.facts:
        if f.kind != "amount" or f.approximate or not f.concept:
            continue
        key = (ctx.period_of(f), f.scenario, scope_of(f.label))
        if f.concept in family.totals or f.concept in family.members:
            groups[key][f.concept].append(f)
    _lend_unscoped_parts(groups, family)
    for key, by_concept in groups.items():
        totals = [c for c in family.totals if c in by_concept and c not in family.members]
        if not totals:
            continue
        total_fact = ctx.unique(by_concept[totals[0]])
        if total_fact is None or total_fact.id in explicit:
            continue
        parts: list[Fact] = []
        for part in family.parts:
            names = [part, *family.alternatives.get(part, ())]
            found = [n for n in names if n in by_concept]
            if not found:
                if family.open:
                    continue
                parts = []
                break
            if found[0] == part:
                fact = ctx.unique(by_concept[part])
                if fact is None:
                    parts = []
                    break
                parts.append(fact)
            else:
                alt = [ctx.unique(by_concept[n]) for n in found]
                if any(a is None for a in alt):
                    parts = []
                    break
                parts.extend(alt)
        if len(parts) < 2:
            continue
        computed = total([Value.of(p) for p in parts])
        cmp = compare(total_fact, computed)
        if cmp.verdict == "ok":
            continue
        evidence = [Evidence.of(total_fact, "total"), *(Evidence.of(p, "part") for p in parts)]
        expected = show(computed.value, total_fact, decimals_for(parts, total_fact) - total_fact.decimals)
        yield finding(
            rule, ctx, primary=total_fact, stated=total_fact.text, expected=f"{expected}{total_fact.written_unit}",
            arithmetic=sum_arithmetic(total_fact, parts, [], computed, cmp), evidence=evidence, comparison=cmp,
            fields={"label": total_fact.concept or "", "parts": "、".join(p.concept or "" for p in parts)},
        )


def _lend_unscoped_parts(groups: dict[tuple, dict[str, list[Fact]]], family) -> None:
    """"财政拨款的三公经费支出合计53.73亿元。三公经费中,因公出国(境)经费17.44亿元…": the
    funding scope is said once, on the total.  Parts stated without a scope belong to the one
    scoped total of their year and scenario, unless an unscoped total of their own competes."""
    def has_total(by_concept) -> bool:
        return any(c in by_concept for c in family.totals if c not in family.members)

    def has_parts(by_concept) -> bool:
        return any(c in by_concept for c in family.members)

    for (period, scenario, scope), bare in list(groups.items()):
        if scope or has_total(bare) or not has_parts(bare):
            continue
        takers = [k for k, by_concept in groups.items()
                  if k[:2] == (period, scenario) and k[2] and has_total(by_concept) and not has_parts(by_concept)]
        if len(takers) == 1:
            for concept, facts in bare.items():
                groups[takers[0]][concept].extend(facts)


def check_balance(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """SUM006: two totals the accounts make equal (收入总计 = 支出总计 in 决算)."""
    left_words, right_words = rule.params.get("left", ()), rule.params.get("right", ())
    by_period: dict[tuple, dict[str, list[Fact]]] = defaultdict(lambda: defaultdict(list))
    for f in ctx.doc.facts:
        if f.kind != "amount" or f.approximate:
            continue
        side = "left" if any(w in f.label for w in left_words) else "right" if any(w in f.label for w in right_words) else None
        if side:
            by_period[(ctx.period_of(f), f.scenario, scope_of(f.label))][side].append(f)
    for sides in by_period.values():
        left, right = ctx.unique(sides.get("left", [])), ctx.unique(sides.get("right", []))
        if left is None or right is None:
            continue
        cmp = compare(right, Value.of(left))
        if cmp.verdict == "ok":
            continue
        arithmetic = {lang: f"{written(left)} ≠ {written(right, left)} {diff_text(cmp.difference, right, lang)}"
                      for lang in ("zh", "en")}
        yield finding(rule, ctx, primary=right, stated=right.text, expected=left.text, arithmetic=arithmetic,
                      evidence=[Evidence.of(right, "right"), Evidence.of(left, "left")], comparison=cmp)
