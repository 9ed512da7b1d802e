"""Ratios: execution/completion rates, shares (占…的 p%), and shares adding to 100 %."""

from __future__ import annotations

import re
from bisect import bisect_left
from decimal import Decimal
from typing import Iterator

from auditor.check.arithmetic import Comparison, Value, compare, ratio_percent, written
from auditor.check.context import Context, diff_text, finding, scope_of
from auditor.check.rulebook import Rule
from auditor.extract.model import Fact, Rate
from auditor.extract.vocabulary import compatible_scenarios
from auditor.findings import Evidence, Finding

SCENARIO_NAMES = {
    "budget_initial": ("年初预算", "initial budget"),
    "budget_adjusted": ("调整后预算", "adjusted budget"),
    "budget": ("预算", "budget"),
    "available": ("实际到位资金", "funds received"),
    "actual": ("执行数", "spending"),
    "final": ("决算", "final accounts"),
}


def _rate_text(num: Fact, den: Fact, value: Decimal, stated: Fact, cmp: Comparison) -> dict[str, str]:
    shown = value.quantize(Decimal(1).scaleb(-max(stated.decimals, 2)))
    return {
        lang: f"{written(num)} / {written(den, num)} = {shown}% ≠ {written(stated)}% {diff_text(cmp.difference, stated, lang, max(stated.decimals, 2))}"
        for lang in ("zh", "en")
    }


def _best(pairs: list[tuple[Fact, Fact]], stated: Fact):
    """Compare the stated rate with every (numerator, denominator) pair; best first."""
    results = []
    for num, den in pairs:
        computed = ratio_percent(Value.of(num), Value.of(den))
        if computed is None:
            continue
        results.append((compare(stated, computed), num, den, computed))
    order = {"ok": 0, "minor": 1, "gross": 2}
    results.sort(key=lambda r: (order[r[0].verdict], abs(r[0].difference)))
    return results


def _local_pairs(rate: Rate) -> list[tuple[Fact, Fact]]:
    """Every (numerator, denominator) the sentence allows: a budget figure is never
    the numerator of an execution rate (年初预算100 / 全年预算125 is no 执行率)."""
    tops = [*rate.numerators, *rate.others]
    bottoms = [*rate.denominators, *rate.others]
    return [(a, b) for a in tops for b in bottoms if a is not b]


def check_rate(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """RAT001: a stated 执行率/完成率/到位率 equals the amounts its sentence gives."""
    for r in ctx.doc.rates:
        stated = r.rate
        if stated.approximate:
            continue
        dens = list(r.denominators)
        if r.base:
            named = [d for d in dens if d.scenario == r.base]
            dens = named or dens
        confident = [(n, d) for n in r.numerators for d in dens if n is not d]
        unnamed_base = ctx.vocab.rates.get(r.name, {}).get("unnamed_base", True)
        if not confident and r.numerators and r.others and unnamed_base:
            confident = [(n, d) for n in r.numerators for d in r.others]
        if not confident:
            if r.numerators:
                yield from _doc_level_rate(rule, ctx, r)
            else:
                yield from _rate_against_stated_excess(rule, ctx, r)
            continue
        best = _best(confident, stated)
        if not best or best[0][0].verdict == "ok":
            continue
        # Before calling it a contradiction: does any pair of the sentence's own figures give it?
        relaxed = _best(_local_pairs(r), stated)
        if relaxed and relaxed[0][0].verdict == "ok":
            continue
        cmp, num, den, computed = best[0]
        hint = _elsewhere(ctx, r, num, stated)
        yield finding(
            rule, ctx, primary=stated, stated=stated.text,
            expected=f"{computed.value.quantize(Decimal('0.01'))}%",
            arithmetic=_rate_text(num, den, computed.value, stated, cmp),
            evidence=[Evidence.of(stated, "rate"), Evidence.of(num, "numerator"), Evidence.of(den, "denominator")],
            comparison=cmp,
            fields={"name": r.name, "hint_zh": hint[0], "hint_en": hint[1]},
        )


def _bases_for(ctx: Context, num: Fact, stated: Fact, slack_digits: int = 0) -> list[Fact]:
    """Amounts that could be the base giving `stated` for `num` (a bisect, not a scan),
    within the rounding of both and, with slack_digits, that many last-digit units."""
    margin = stated.tolerance + Decimal(slack_digits) * Decimal(1).scaleb(-stated.decimals) * stated.scale
    low_rate, high_rate = stated.value - margin, stated.value + margin
    if high_rate <= 0:
        return []
    low = (num.value - num.tolerance) * 100 / high_rate
    high = (num.value + num.tolerance) * 100 / low_rate if low_rate > 0 else Decimal("Infinity")
    # the base's own rounding can only widen the range by its tolerance: pad generously
    pad = max(abs(low), abs(high)) * Decimal("0.001") if high != Decimal("Infinity") else Decimal(0)
    if high == Decimal("Infinity"):
        high = ctx.amounts_by_value[-1][0] if ctx.amounts_by_value else low
    return [f for f in ctx.amounts_between(low - pad, high + pad) if f is not num]


def _elsewhere(ctx: Context, r: Rate, num: Fact, stated: Fact) -> tuple[str, str]:
    """Name a base stated elsewhere that does give the rate (the wrong-base case)."""
    for f in _bases_for(ctx, num, stated):
        computed = ratio_percent(Value.of(num), Value.of(f))
        if computed is not None and compare(stated, computed).verdict == "ok":
            zh_name = SCENARIO_NAMES.get(f.scenario or "", ("", ""))[0]
            en_name = SCENARIO_NAMES.get(f.scenario or "", ("", ""))[1]
            return (f"；该比率与 {written(num)} / {written(f, num)}（第{f.span.line}行{zh_name}）相符，疑为口径不一致",
                    f"; it matches {written(num)} / {written(f, num)} (line {f.span.line}{', ' + en_name if en_name else ''}), "
                    f"so a different base was probably used")
    return "", ""


_DELTA_CONCEPTS = {"增减额", "预算差额"}


def _rate_against_stated_excess(rule: Rule, ctx: Context, r: Rate) -> Iterator[Finding]:
    """"支出1741.75万元…完成年初预算100%,决算数大于预算数55.93万元": the budget the
    sentence implies (1741.75 − 55.93) is the rate's base."""
    stated = r.rate
    for c in ctx.budget_changes_by_sentence.get(stated.sentence, ()):
        d = c.delta
        if d.kind != "amount":
            continue
        # the spent figure: the one amount of the sentence, and not a budget (a budget stated
        # beside it makes the rate an ordinary one, checked above)
        amounts = [f for f in ctx.facts_by_sentence.get(stated.sentence, ()) if f.kind == "amount"
                   and f.concept not in _DELTA_CONCEPTS and not f.approximate]
        if len(amounts) != 1 or (amounts[0].scenario or "").startswith("budget"):
            continue
        current = amounts[0]
        if current.unit != d.unit:
            continue
        base = Value.of(current) - Value(d.value * c.direction, d.tolerance)
        computed = ratio_percent(Value.of(current), base)
        if computed is None:
            return
        cmp = compare(stated, computed)
        if cmp.verdict == "ok":
            return
        sign = "−" if c.direction > 0 else "+"
        shown = computed.value.quantize(Decimal(1).scaleb(-max(stated.decimals, 2)))
        arithmetic = {
            lang: f"{written(current)} / ({written(current)} {sign} {written(d, current)}) = {shown}% ≠ {written(stated)}% "
                  f"{diff_text(cmp.difference, stated, lang, max(stated.decimals, 2))}"
            for lang in ("zh", "en")
        }
        yield finding(
            rule, ctx, primary=stated, stated=stated.text, expected=f"{shown}%", arithmetic=arithmetic,
            evidence=[Evidence.of(stated, "rate"), Evidence.of(current, "numerator"), Evidence.of(d, "change")],
            comparison=cmp, fields={"name": r.name, "hint_zh": "；预算数由文中所述的超出额推得",
                                    "hint_en": "; the budget follows from the excess the text states"},
        )
        return


def _doc_level_rate(rule: Rule, ctx: Context, r: Rate) -> Iterator[Finding]:
    """No base in the sentence: accept any amount of the document that gives the rate."""
    stated = r.rate
    overall = []
    for num in r.numerators:
        best = _best([(num, d) for d in _bases_for(ctx, num, stated, slack_digits=1)], stated)
        if best and best[0][0].verdict == "ok":
            return
        overall.extend(best)  # (none at all: no amount of the report comes close)
    minor = [b for b in overall if b[0].verdict == "minor"]
    if minor:  # one amount gives it but for the last digit: a slip, said as a warning
        cmp, num, den, computed = minor[0]
        yield finding(
            rule, ctx, primary=stated, stated=stated.text, expected=f"{computed.value.quantize(Decimal('0.01'))}%",
            arithmetic=_rate_text(num, den, computed.value, stated, cmp),
            evidence=[Evidence.of(stated, "rate"), Evidence.of(num, "numerator"), Evidence.of(den, "denominator")],
            comparison=cmp, fields={"name": r.name, "hint_zh": "", "hint_en": ""},
        )
        return
    num = r.numerators[0]
    bases = [f for f in ctx.budget_amounts if f.value >= num.value * Decimal("0.5")]
    # "公务用车…决算8.47万元,完成预算的60.50%" with no budget of 公务用车 in the text: the
    # 三公经费 budget is no base for it; "中央对地方转移支付…完成预算的98.9%": nor is the
    # budget of revenue.  A numerator that names something must find a base of the same
    # concept (or of none); one named only by scenario words ("预算执行金额") is the report's
    # own spending, and any budget may be its base.
    if ctx.label_concept(num.label).concept is not None:
        bases = [f for f in bases if f.concept == num.concept or ctx.label_concept(f.label).concept is None]
    if not bases:
        return
    best = _best([(num, d) for d in bases], stated)
    cmp, num, den, computed = best[0]
    yield finding(
        rule, ctx, primary=stated, stated=stated.text, expected=f"{computed.value.quantize(Decimal('0.01'))}%",
        arithmetic=_rate_text(num, den, computed.value, stated, cmp),
        evidence=[Evidence.of(stated, "rate"), Evidence.of(num, "numerator"), Evidence.of(den, "denominator")],
        comparison=cmp, fields={"name": r.name, "hint_zh": "；文中没有任何预算数能得出该比率",
                                "hint_en": "; no budget figure in the report gives this rate"},
    )


def _whole_for(ctx: Context, share, part: Fact) -> list[Fact]:
    """Candidates for the whole of 占 X 的 p%: the list's own total first, then X by name."""
    label = re.sub(r"(?:总额|总数|总量|总计|合计)$", "", share.whole_label)
    own = [b.total for b in ctx.breakdowns_of_part.get(part.id, ())]
    if not label or label in {"比", "比重"}:
        return own[:1] or _family_total(ctx, part)
    info = ctx.label_concept(label)
    if info.concept is None and info.scenario:
        return []  # "占调整预算90.75%": of the part's own budget, which the text does not give
    core = info.concept or info.text
    if not info.known and len(core) < 3:
        return own[:1]  # "占支出的": too generic a name to look up
    if info.known:
        named = [f for f in ctx.amounts_of(info.concept, near=part.span.start) if f.id != part.id]
    else:
        named = [f for name, f in ctx.amounts_named(core, near=part.span.start)
                 if f.id != part.id and (name.endswith(core) or name.endswith(label))]
    if info.scenario:  # "占年初政府采购预算的94.5%": a budget, not the money saved on it
        named = [f for f in named if f.scenario in (None, info.scenario)
                 or compatible_scenarios(f.scenario, info.scenario)]
    own_named = [t for t in own if t in named]
    return own_named or named or own[:1]


def _family_total(ctx: Context, part: Fact) -> list[Fact]:
    """"因公出国(境)费7.8万元,占45.7%": a share with no whole named, of a part of a known
    identity (“三公”经费 = 出国 + 公车 + 接待), is of that identity's total in the same year."""
    if not part.concept:
        return []
    for family in ctx.vocab.families.values():
        if part.concept not in family.parts or family.open:
            continue
        for total in family.totals:
            # of the same year and funds, and spent money for a part not called a budget
            same_year = [f for f in ctx.amounts_of(total, near=part.span.start)
                         if ctx.period_of(f) == ctx.period_of(part)
                         and (f.scenario == part.scenario
                              or (part.scenario is None and f.scenario in (None, "final", "actual")))]
            same_funds = [f for f in same_year if scope_of(f.label) == scope_of(part.label)]
            if not same_funds and not scope_of(part.label) and len({scope_of(f.label) for f in same_year}) == 1:
                same_funds = same_year  # the funds named once, on the total (财政拨款“三公”经费)
            if same_funds:
                return same_funds
    return []


def _nearest(facts: list[Fact], target: Decimal | None, keep: int = 4) -> list[Fact]:
    """The few facts whose values lie nearest to `target` (bisect on sorted values)."""
    if target is None:
        return facts[:keep]
    ordered = sorted(facts, key=lambda f: f.value)
    values = [f.value for f in ordered]
    at = bisect_left(values, target)
    return ordered[max(0, at - keep // 2): at + keep // 2]


def check_share(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """RAT002: 占 X 的 p% — the part is p% of the whole the text names."""
    for s in ctx.doc.shares:
        if s.part is None or s.percent.approximate:
            continue
        wholes = [s.whole] if s.whole is not None else _whole_for(ctx, s, s.part)
        if not wholes:
            continue
        if len(wholes) > 8:  # a concept stated many times: only the values near the one implied matter
            wholes = _nearest(wholes, s.part.value * 100 / s.percent.value if s.percent.value else None)
        results = _best([(s.part, w) for w in wholes], s.percent)
        if not results or results[0][0].verdict == "ok":
            continue
        cmp, num, den, computed = results[0]
        slip = _unit_slip(num, den, s.percent)
        if slip is not None:
            cmp = Comparison("minor", cmp.difference, cmp.slack)  # "420.37元" meant 万元: a slip
        yield finding(
            rule, ctx, primary=s.percent, stated=s.percent.text,
            expected=f"{computed.value.quantize(Decimal('0.01'))}%",
            arithmetic=_rate_text(num, den, computed.value, s.percent, cmp),
            evidence=[Evidence.of(s.percent, "share"), Evidence.of(num, "part"), Evidence.of(den, "whole")],
            comparison=cmp, fields={"whole": (s.whole_label or (den.concept or "")) + (slip or "")},
        )


def _unit_slip(num: Fact, den: Fact, stated: Fact) -> str | None:
    """The ratio holds if the part were written in the whole's unit (元 for 万元 …)."""
    if num.scale == den.scale or num.kind != "amount" or den.kind != "amount":
        return None
    rescaled = num.model_copy(update={"value": num.value / num.scale * den.scale, "scale": den.scale})
    computed = ratio_percent(Value.of(rescaled), Value.of(den))
    if computed is not None and compare(stated, computed).verdict == "ok":
        return f"（{num.text}的单位应为{den.written_unit}）"
    return None


def _share_groups(ctx: Context):
    """(label, shares) of parts that together make up one whole.

    Either the parts of a complete breakdown, each with its share, or shares of
    one named whole whose parts are all the members of a vocabulary family
    ("基本支出…占一般公共预算支出的84.06%" and "项目支出…占一般公共预算支出的19.62%").
    """
    # "完成预算10万元的78.0%": a share of its own stated whole is no part of a partition
    share_of = {s.part.id: s.percent for s in ctx.doc.shares if s.part is not None and s.whole is None}
    seen: set[int] = set()
    for b in ctx.complete_lists:
        shares = [share_of.get(p.id) for p in b.parts]
        if any(x is None for x in shares):
            continue
        seen.update(x.id for x in shares)
        yield b.total.concept or "", shares
    by_whole: dict[str, list] = {}
    for s in ctx.doc.shares:
        if s.part is not None and s.whole_label and s.whole is None and s.percent.id not in seen:
            by_whole.setdefault(s.whole_label, []).append(s)
    for whole, shares in by_whole.items():
        concepts = [s.part.concept for s in shares]
        if None in concepts or len(set(concepts)) != len(concepts) or len(shares) < 2:
            continue
        family = ctx.vocab.family_of(concepts)
        if family is None or family.open:
            continue
        yield whole, [s.percent for s in shares]


def check_shares_total(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """RAT003: the shares of all parts of a whole add to 100 %."""
    for label, shares in _share_groups(ctx):
        summed = Value(sum((x.value for x in shares), Decimal(0)), sum((x.tolerance for x in shares), Decimal(0)))
        hundred = shares[-1].model_copy(update={"value": Decimal(100), "decimals": shares[-1].decimals})
        cmp = compare(hundred, summed)
        if cmp.verdict == "ok":
            continue
        terms = " + ".join(written(x) for x in shares)
        arithmetic = {lang: f"{terms} = {summed.value}% ≠ 100% {diff_text(cmp.difference, hundred, lang)}"
                      for lang in ("zh", "en")}
        yield finding(
            rule, ctx, primary=shares[-1], stated=shares[-1].text, expected="100%", arithmetic=arithmetic,
            evidence=[Evidence.of(x, "share") for x in shares], comparison=cmp,
            fields={"label": label},
        )


def check_table_rate(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """RAT004: in a 自评表 row, 执行率 = 全年执行数 / 全年预算数 (or the base the table uses)."""
    order = ("budget_adjusted", "budget", "budget_initial")
    for table in ctx.doc.tables:
        for row in table.rows:
            rate, actual = row.cells.get("rate"), row.cells.get("actual")
            bases = [row.cells[b] for b in order if b in row.cells]
            if rate is None or actual is None or not bases:
                continue
            results = _best([(actual, b) for b in bases if b.value > 0], rate)
            if not results or results[0][0].verdict == "ok":
                continue
            cmp, num, den, computed = results[0]
            if cmp.verdict == "gross" and rate.value == 100 and num.value >= den.value:
                continue  # over-execution written as 100 % (capped), a common convention
            yield finding(
                rule, ctx, primary=rate, stated=rate.text, expected=f"{computed.value.quantize(Decimal('0.01'))}%",
                arithmetic=_rate_text(num, den, computed.value, rate, cmp),
                evidence=[Evidence.of(rate, "rate"), Evidence.of(num, "numerator"), Evidence.of(den, "denominator")],
                comparison=cmp, fields={"row": row.label},
            )
