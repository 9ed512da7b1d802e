"""Ratios: execution/completion rates, shares (占…的 p%), and shares adding to 100 %."""

from __future__ import annotations

from bisect import bisect_left
from decimal import Decimal
from typing import Iterator

from auditor.check import doubt
from auditor.check.arithmetic import (Comparison, Value, compare, leading_digits_cut, ratio_equation, ratio_percent,
                                      unit_of, written)
from auditor.check.context import Context, diff_text, failed, finding, outcome
from auditor.check.kinds.sums import total_name
from auditor.check.rulebook import Rule
from auditor.extract.bind.reasons import EXPLICIT
from auditor.extract.bind.resolvers import rate_base
from auditor.extract.model import Fact, Rate
from auditor.findings import Evidence, Outcome

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
    out = {}
    for n, lang in enumerate(("zh", "en")):
        top, bottom = _named(num, n), _named(den, n)
        unit = unit_of(num)
        out[lang] = (f"{top}{written(num)}{unit} / {bottom}{written(den, num)}{unit} = {shown}% ≠ {written(stated)}% "
                     f"{diff_text(cmp.difference, stated, lang, max(stated.decimals, 2))}")
    return out


def _named(fact: Fact, lang_index: int) -> str:
    """"执行数 ", "年初预算 ": the term's scenario, where its label says it."""
    name = SCENARIO_NAMES.get(fact.scenario or "", ("", ""))[lang_index]
    return f"{name} " if name else ""


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


def _rate_figures(stated: Fact, num: Fact, den: Fact) -> list[Evidence]:
    return [Evidence.of(stated, "rate"), Evidence.of(num, "numerator"), Evidence.of(den, "denominator")]


def check_rate(rule: Rule, ctx: Context) -> Iterator[Outcome]:
    """RAT001: a stated 执行率/完成率/到位率 equals the amounts its sentence gives."""
    for r in ctx.doc.rates:
        stated = r.rate
        if stated.is_bound:
            continue
        if r.pairs and r.included:
            yield _rate_with_included(rule, ctx, r)
        elif r.included and r.document_pairs:
            yield _rate_with_included(rule, ctx, r, elsewhere=True)
        elif r.included:
            yield outcome(rule, r, "undecided", [Evidence.of(stated, "rate")], note="no budget of its subject")
        elif r.summed:
            yield _summed_rate(rule, ctx, r)
        elif r.pairs:
            yield _sentence_rate(rule, ctx, r)
        elif r.spent is not None and r.numerators:
            yield _rate_over_spent_and_saved(rule, ctx, r)
        elif r.document_pairs or r.value_pairs:
            yield _doc_level_rate(rule, ctx, r)
        elif r.excess is not None:
            yield _rate_against_stated_excess(rule, ctx, r)
        else:
            yield outcome(rule, r, "undecided", [Evidence.of(stated, "rate")], note="no amounts to compute it from")


def _sentence_rate(rule: Rule, ctx: Context, r: Rate) -> Outcome:
    stated = r.rate
    best = _best(list(r.pairs), stated)
    if not best:
        return outcome(rule, r, "undecided", [Evidence.of(stated, "rate")], note="no base above zero")
    cmp, num, den, computed = best[0]
    if cmp.verdict == "ok":
        return outcome(rule, r, "holds", _rate_figures(stated, num, den), equation=ratio_equation(stated, num, den))
    # Before calling it a contradiction: does any pair of the sentence's own figures give it?
    # (… not one on the other budget another rate of the sentence is said to be of: "完成年初预算的p%,完成调整预算的q%")
    relaxed = _best([p for p in r.local_pairs if not doubt.base_of_another_rate(ctx.doubt, stated, [den], p[1])], stated)
    if relaxed and relaxed[0][0].verdict == "ok":
        _, n2, d2, _ = relaxed[0]
        return outcome(rule, r, "holds", _rate_figures(stated, n2, d2), note="another pair of the sentence's figures")
    hint = _elsewhere(ctx, num, stated)
    tried = [*r.denominators, *r.others]
    return failed(rule, r, finding(
        rule, ctx, primary=stated, stated=stated.text,
        expected=f"{computed.value.quantize(Decimal('0.01'))}%",
        arithmetic=_rate_text(num, den, computed.value, stated, cmp),
        evidence=_rate_figures(stated, num, den),
        comparison=cmp,
        fields={"name": r.name, "hint_zh": hint[0], "hint_en": hint[1]},
    ), found=doubt.explain_rate(ctx.doubt, stated, num, tried, ctx.index.budgets_by_concept.get(num.concept, ())),
        equation=ratio_equation(stated, num, den) if len(r.pairs) == 1 else None)


def _summed_rate(rule: Rule, ctx: Context, r: Rate) -> Outcome:
    """"…执行3791.55万元,…执行1856.37万元,…合计执行率94.04%": a rate named as the items' together, of their summed
    numerators over their summed bases — or, another plausible reading (平均), the mean of the items' own ratios."""
    stated = r.rate
    top = sum((Value.of(n) for n, _ in r.summed[1:]), Value.of(r.summed[0][0]))
    bottom = sum((Value.of(d) for _, d in r.summed[1:]), Value.of(r.summed[0][1]))
    figures = [Evidence.of(stated, "rate"), *(Evidence.of(n, "numerator") for n, _ in r.summed),
               *(Evidence.of(d, "denominator") for _, d in r.summed)]
    computed = ratio_percent(top, bottom)
    if computed is None:
        return outcome(rule, r, "undecided", [Evidence.of(stated, "rate")], note="no base above zero")
    cmp = compare(stated, computed)
    if cmp.verdict == "ok":
        return outcome(rule, r, "holds", figures)
    each = [ratio_percent(Value.of(n), Value.of(d)) for n, d in r.summed]
    if all(e is not None for e in each):
        added = sum(each[1:], each[0])
        mean = Value(added.value / len(each), added.tolerance / len(each))
        if compare(stated, mean).verdict == "ok":
            return outcome(rule, r, "holds", figures, note="the mean of the items' rates")
        if r.reason == "rate_of_funds_used_together" and any(compare(stated, e).verdict == "ok" for e in each):
            # (a project's rate after its funds' amounts may be the last fund's own: "…使用200万元,项目资金使用率100%")
            return outcome(rule, r, "holds", figures, note="one fund's own rate")
    shown = computed.value.quantize(Decimal(1).scaleb(-max(stated.decimals, 2)))
    first = r.summed[0][0]
    unit = unit_of(first)
    tops = " + ".join(written(n, first) for n, _ in r.summed)
    bottoms = " + ".join(written(d, first) for _, d in r.summed)
    arithmetic = {lang: f"({tops}){unit} / ({bottoms}){unit} = {shown}% ≠ {written(stated)}% "
                        f"{diff_text(cmp.difference, stated, lang, max(stated.decimals, 2))}" for lang in ("zh", "en")}
    return failed(rule, r, finding(
        rule, ctx, primary=stated, stated=stated.text, expected=f"{shown}%", arithmetic=arithmetic,
        evidence=figures, comparison=cmp, fields={"name": r.name, "hint_zh": "；分子、分母为各项之和",
                                                  "hint_en": "; the items' amounts summed"}))


def _rate_with_included(rule: Rule, ctx: Context, r: Rate, elsewhere: bool = False) -> Outcome:
    """"实际执行543,210千元,另保留98,765千元…,执行率(含保留)94.56%": (543,210 + 98,765) / the budget — of its sentence,
    or (`elsewhere`) a budget of its subject the document states: the one that gives it, else the nearest."""
    stated = r.rate
    tried = []
    for num, den in (r.document_pairs if elsewhere else r.pairs[:1]):
        top = Value.of(num)
        for f in r.included:
            top = top + Value.of(f)
        computed = ratio_percent(top, Value.of(den))
        if computed is not None:
            tried.append((compare(stated, computed), num, den, computed))
    if not tried:
        return outcome(rule, r, "undecided", [Evidence.of(stated, "rate")], note="no base above zero")
    cmp, num, den, computed = min(tried, key=lambda t: (t[0].verdict != "ok", abs(t[0].difference)))
    figures = [Evidence.of(stated, "rate"), Evidence.of(num, "numerator"),
               *(Evidence.of(f, "added_term") for f in r.included), Evidence.of(den, "denominator")]
    if cmp.verdict == "ok":
        return outcome(rule, r, "holds", figures, note="an amount stated elsewhere gives it" if elsewhere else "")
    shown = computed.value.quantize(Decimal(1).scaleb(-max(stated.decimals, 2)))
    summed = " + ".join([written(num), *(written(f, num) for f in r.included)])
    arithmetic = {lang: f"({summed}){unit_of(num)} / {written(den, num)}{unit_of(num)} = {shown}% ≠ {written(stated)}% "
                        f"{diff_text(cmp.difference, stated, lang, max(stated.decimals, 2))}" for lang in ("zh", "en")}
    return failed(rule, r, finding(
        rule, ctx, primary=stated, stated=stated.text, expected=f"{shown}%", arithmetic=arithmetic,
        evidence=figures, comparison=cmp, fields={"name": r.name, "hint_zh": "；分子为执行数加上比率名称所含的金额",
                                                  "hint_en": "; the numerator is the amount spent plus the amount the "
                                                             "rate's name says it includes"},
    ), found=doubt.explain_rate(ctx.doubt, stated, num, [den]))


def _elsewhere(ctx: Context, num: Fact, stated: Fact) -> tuple[str, str]:
    """Name a base stated elsewhere that does give the rate (the wrong-base case)."""
    for f in rate_base.bases_for(ctx.index, num, stated):
        computed = ratio_percent(Value.of(num), Value.of(f))
        if computed is not None and compare(stated, computed).verdict == "ok":
            zh_name = SCENARIO_NAMES.get(f.scenario or "", ("", ""))[0]
            en_name = SCENARIO_NAMES.get(f.scenario or "", ("", ""))[1]
            return (f"；该比率与 {written(num)} / {written(f, num)}（第{f.span.line}行{zh_name}）相符，疑为口径不一致",
                    f"; it matches {written(num)} / {written(f, num)} (line {f.span.line}{', ' + en_name if en_name else ''}), "
                    f"so a different base was probably used")
    return "", ""


def _rate_over_spent_and_saved(rule: Rule, ctx: Context, r: Rate) -> Outcome:
    """"完成政府采购额4303.58万元,…节约资金480.62万元,节约率10.5%": no budget stated, the saving over what was spent
    plus the saving (the budget: 480.62 / 4784.20 = 10.05%) — or, another reading, over what was spent alone."""
    stated, saved, spent = r.rate, r.numerators[0], r.spent
    figures = [Evidence.of(stated, "rate"), Evidence.of(saved, "numerator"), Evidence.of(spent, "added_term")]
    computed = ratio_percent(Value.of(saved), Value.of(spent) + Value.of(saved))
    if computed is None:
        return outcome(rule, r, "undecided", figures, note="no base above zero")
    cmp = compare(stated, computed)
    if cmp.verdict == "ok":
        return outcome(rule, r, "holds", figures)
    alone = ratio_percent(Value.of(saved), Value.of(spent))
    if alone is not None and compare(stated, alone).verdict == "ok":
        return outcome(rule, r, "holds", _rate_figures(stated, saved, spent), note="of the amount spent alone")
    shown = computed.value.quantize(Decimal(1).scaleb(-max(stated.decimals, 2)))
    arithmetic = {lang: f"{written(saved)}{unit_of(saved)} / ({written(spent, saved)} + {written(saved)}){unit_of(saved)} "
                        f"= {shown}% ≠ {written(stated)}% {diff_text(cmp.difference, stated, lang, max(stated.decimals, 2))}"
                  for lang in ("zh", "en")}
    return failed(rule, r, finding(
        rule, ctx, primary=stated, stated=stated.text, expected=f"{shown}%", arithmetic=arithmetic,
        evidence=figures, comparison=cmp, fields={"name": r.name, "hint_zh": "；未写预算，以实际金额加节约金额为预算",
                                                  "hint_en": "; no budget stated: the amount spent plus the saving"},
    ), found=doubt.explain_rate(ctx.doubt, stated, saved, [spent]))


def _rate_against_stated_excess(rule: Rule, ctx: Context, r: Rate) -> Outcome:
    """"支出1741.75万元…完成年初预算100%,决算数大于预算数55.93万元": the budget the
    sentence implies (1741.75 − 55.93) is the rate's base."""
    stated, c = r.rate, r.excess
    d, current = c.delta, r.numerators[0]
    figures = [Evidence.of(stated, "rate"), Evidence.of(current, "numerator"), Evidence.of(d, "change")]
    base = Value.of(current) - Value(d.value * c.direction, d.tolerance)
    # ("决算10.44万元,比预算节约1.56万元,节约率13.00%": a rate of the money saved is of the saving, not the spending)
    saving = "saved" in ctx.vocab.rates.get(r.name, {}).get("numerator", ())
    computed = ratio_percent(Value(d.value, d.tolerance) if saving else Value.of(current), base)
    if computed is None:
        return outcome(rule, r, "undecided", figures, note="the implied budget is not above zero")
    cmp = compare(stated, computed)
    if cmp.verdict == "ok":
        return outcome(rule, r, "holds", figures)
    sign = "−" if c.direction > 0 else "+"
    shown = computed.value.quantize(Decimal(1).scaleb(-max(stated.decimals, 2)))
    top = written(d, current) if saving else written(current)
    arithmetic = {
        lang: f"{top} / ({written(current)} {sign} {written(d, current)}) = {shown}% ≠ {written(stated)}% "
              f"{diff_text(cmp.difference, stated, lang, max(stated.decimals, 2))}"
        for lang in ("zh", "en")
    }
    return failed(rule, r, finding(
        rule, ctx, primary=stated, stated=stated.text, expected=f"{shown}%", arithmetic=arithmetic,
        evidence=figures, comparison=cmp, fields={"name": r.name, "hint_zh": "；预算数由文中所述的超出额推得",
                                                  "hint_en": "; the budget follows from the excess the text states"},
    ), found=doubt.explain_rate(ctx.doubt, stated, current, []))


def _doc_level_rate(rule: Rule, ctx: Context, r: Rate) -> Outcome:
    """No base in the sentence: any amount of the document that gives the rate will do;
    otherwise the budgets of the numerator's subject say how far off it is."""
    stated = r.rate
    overall = []
    for num in r.numerators:
        best = _best([pair for pair in r.value_pairs if pair[0] is num], stated)
        if best and best[0][0].verdict == "ok":
            _, n, d, _ = best[0]
            return outcome(rule, r, "holds", _rate_figures(stated, n, d), note="an amount stated elsewhere gives it")
        overall.extend(best)  # (none at all: no amount of the report comes close)
    minor = [b for b in overall if b[0].verdict == "minor"]
    if minor:  # one amount gives it but for the last digit: a slip, said as a warning
        cmp, num, den, computed = minor[0]
        return failed(rule, r, finding(
            rule, ctx, primary=stated, stated=stated.text, expected=f"{computed.value.quantize(Decimal('0.01'))}%",
            arithmetic=_rate_text(num, den, computed.value, stated, cmp),
            evidence=_rate_figures(stated, num, den),
            comparison=cmp, fields={"name": r.name, "hint_zh": "", "hint_en": ""},
        ), found=doubt.explain_rate(ctx.doubt, stated, num, [den]))
    if not r.document_pairs:
        return outcome(rule, r, "undecided", [Evidence.of(stated, "rate")], note="no budget of its subject")
    cmp, num, den, computed = _best(list(r.document_pairs), stated)[0]
    return failed(rule, r, finding(
        rule, ctx, primary=stated, stated=stated.text, expected=f"{computed.value.quantize(Decimal('0.01'))}%",
        arithmetic=_rate_text(num, den, computed.value, stated, cmp),
        evidence=_rate_figures(stated, num, den),
        comparison=cmp, fields={"name": r.name, "hint_zh": "；文中没有任何预算数能得出该比率",
                                "hint_en": "; no budget figure in the report gives this rate"},
    ), found=doubt.explain_rate(ctx.doubt, stated, num, [d for _, d in r.document_pairs]))


def _nearest(facts: list[Fact], target: Decimal | None, keep: int = 4) -> list[Fact]:
    """The few facts whose values lie nearest to `target` (bisect on sorted values)."""
    if target is None:
        return facts[:keep]
    ordered = sorted(facts, key=lambda f: f.value)
    values = [f.value for f in ordered]
    at = bisect_left(values, target)
    return ordered[max(0, at - keep // 2): at + keep // 2]


def check_share(rule: Rule, ctx: Context) -> Iterator[Outcome]:
    """RAT002: 占 X 的 p% — the part is p% of the whole the text names."""
    for s in ctx.doc.shares:
        if s.part is None or s.percent.is_bound:
            continue
        wholes = list(s.wholes)
        if wholes and s.part_of_parts:
            yield _share_of_summed_part(rule, ctx, s, wholes[0])
            continue
        if not wholes and s.whole_of_parts:
            yield _share_of_parts_sum(rule, ctx, s)
            continue
        if not wholes:
            yield outcome(rule, s, "undecided", [Evidence.of(s.percent, "share"), Evidence.of(s.part, "part")],
                          note="the whole is not stated")
            continue
        if s.reason == "share_of_broader_whole":
            # wholes broader than the one named bound it from above: the part is at least its share
            # of the largest, and only a share above the one stated contradicts it
            wholes = [max(wholes, key=lambda w: w.value)]
        elif len(wholes) > 8:  # a concept stated many times: only the values near the one implied matter
            wholes = _nearest(wholes, s.part.value * 100 / s.percent.value if s.percent.value else None)
        results = _best([(s.part, w) for w in wholes], s.percent)
        if not results:
            yield outcome(rule, s, "undecided", [Evidence.of(s.percent, "share"), Evidence.of(s.part, "part")],
                          note="no whole above zero")
            continue
        cut = [x for x in results if _cut_share(s.percent, x[3].value)] if results[0][0].verdict != "ok" else []
        cmp, num, den, computed = (cut or results)[0]
        figures = [Evidence.of(s.percent, "share"), Evidence.of(num, "part"), Evidence.of(den, "whole")]
        if cut:
            # a share over 100 in a column too narrow for it loses its leading digit (130.53 printed 30.53): what the
            # cell holds is no share it could be checked as — left undecided, never accused
            yield outcome(rule, s, "undecided", figures, note="a share over 100 printed with its leading digit cut")
            continue
        as_read = ratio_equation(s.percent, num, den)
        if cmp.verdict == "ok" or (s.reason == "share_of_broader_whole" and computed.value <= s.percent.value):
            yield outcome(rule, s, "holds", figures, equation=as_read)
            continue
        slip = _unit_slip(num, den, s.percent)
        if slip is not None:
            cmp = Comparison("minor", cmp.difference, cmp.slack)  # "420.37元" meant 万元: a slip
        result = finding(
            rule, ctx, primary=s.percent, stated=s.percent.text,
            expected=f"{computed.value.quantize(Decimal('0.01'))}%",
            arithmetic=_rate_text(num, den, computed.value, s.percent, cmp),
            evidence=figures, comparison=cmp, fields={"whole": _whole_name(ctx, s.whole_label, den) + (slip or "")},
        )
        yield failed(rule, s, result, found=None if slip else doubt.explain_share(ctx.doubt, s.percent, s.part, wholes, s.whole_label,
                                                       _named_before(ctx, s), _labels_before(ctx, s),
                                                       inherited=s.reason == "share_of_sibling_whole"),
            equation=as_read if len(wholes) == 1 and not slip else None, weigh=as_read)


def _cut_share(percent: Fact, computed: Decimal) -> bool:
    """A table's share over 100 printed with its leading digit cut (130.53 as 30.53, 103.66 as 03.66) by the whole
    that gives it: a misprint of the layout, left undecided."""
    return computed >= 100 and leading_digits_cut(percent, computed.quantize(Decimal(1).scaleb(-percent.decimals)))


def _named_before(ctx: Context, s) -> list[Fact]:
    """The wholes the shares before a bare 占 p% in its sentence name ("…,占一般公共预算财政拨款支出的78.37%;
    社会保障和就业支出388.17万元,占21.63%"): the whole the bare share may leave unsaid."""
    if s.whole_label:
        return []
    by_sentence = ctx.memo.get("shares_by_sentence")
    if by_sentence is None:  # (the document's shares by their sentence, in their order: built once)
        by_sentence = ctx.memo["shares_by_sentence"] = {}
        for t in ctx.doc.shares:
            by_sentence.setdefault(t.percent.sentence, []).append(t)
    return [w for t in by_sentence.get(s.percent.sentence, ()) if t is not s and t.whole_label
            and t.percent.span.start < s.percent.span.start for w in t.wholes]


def _labels_before(ctx: Context, s) -> list[str]:
    """The wholes the shares before a bare 占 p% in its sentence name, as they name them ("占税收的")."""
    if s.whole_label:
        return []
    _named_before(ctx, s)  # (builds the memo of shares by sentence)
    return [t.whole_label for t in ctx.memo["shares_by_sentence"].get(s.percent.sentence, ()) if t is not s
            and t.whole_label and t.percent.span.start < s.percent.span.start]


def _own_precision(rate: Fact) -> Fact | None:
    """The rate as its cell writes it, when it writes fewer decimals than the column's precision it was read with
    ("92.7" in a column of "92.72"s: 92.7 ± 0.05, not 92.70 ± 0.005), else None."""
    written_text = rate.text.rstrip("%").strip()
    shown = len(written_text.split(".")[1]) if "." in written_text else 0
    if shown >= rate.decimals or not written_text.replace(".", "", 1).isdigit():
        return None
    return rate.model_copy(update={"decimals": shown})


def _share_of_parts_sum(rule: Rule, ctx: Context, s) -> Outcome:
    """A share of a whole stated nowhere, whose parts' shares add to 100 %: of the parts' sum. With a part summed too
    (`part_of_parts`: "分别发放问卷320份、180份,分别回收301份、166份,…总体回收率93.4%"), the items' summed parts over
    their summed wholes, every figure stated."""
    parts = s.whole_of_parts
    whole = Value(sum((p.value for p in parts), Decimal(0)), sum((p.tolerance for p in parts), Decimal(0)))
    tops = s.part_of_parts or (s.part,)
    top = Value(sum((p.value for p in tops), Decimal(0)), sum((p.tolerance for p in tops), Decimal(0)))
    figures = [Evidence.of(s.percent, "share"), *(Evidence.of(p, "part") for p in tops),
               *(Evidence.of(p, "whole") for p in parts)]
    computed = ratio_percent(top, whole)
    if computed is None:
        return outcome(rule, s, "undecided", figures, note="no whole above zero")
    cmp = compare(s.percent, computed)
    if cmp.verdict == "ok":
        return outcome(rule, s, "holds", figures)
    shown = computed.value.quantize(Decimal(1).scaleb(-max(s.percent.decimals, 2)))
    unit = unit_of(s.part)
    summed = " + ".join(written(p, s.part) for p in parts)
    above = f"({' + '.join(written(p, s.part) for p in tops)})" if s.part_of_parts else written(s.part)
    arithmetic = {lang: f"{above}{unit} / ({summed}){unit} = {shown}% ≠ {written(s.percent)}% "
                        f"{diff_text(cmp.difference, s.percent, lang, max(s.percent.decimals, 2))}"
                  for lang in ("zh", "en")}
    # (the whole is inferred, not written: at most a warning — but the items' stated wholes are written)
    return failed(rule, s, finding(
        rule, ctx, primary=s.percent, stated=s.percent.text, expected=f"{shown}%", arithmetic=arithmetic,
        evidence=figures, comparison=cmp, fields={"whole": s.whole_label or "各分项之和"}),
        accuse_from=None if s.part_of_parts else EXPLICIT)


def _share_of_summed_part(rule: Rule, ctx: Context, s, whole: Fact) -> Outcome:
    """A share whose part is the sum of several figures (满意 + 基本满意 over the valid answers).  Read by the survey's
    convention, not by a label that names them all (survey_satisfaction_summed), the first kind alone (满意) giving the
    rate is another plausible reading: it holds then."""
    parts = s.part_of_parts
    summed = Value(sum((p.value for p in parts), Decimal(0)), sum((p.tolerance for p in parts), Decimal(0)))
    figures = [Evidence.of(s.percent, "share"), *(Evidence.of(p, "part") for p in parts), Evidence.of(whole, "whole")]
    computed = ratio_percent(summed, Value.of(whole))
    if computed is None:
        return outcome(rule, s, "undecided", figures, note="no whole above zero")
    cmp = compare(s.percent, computed)
    if cmp.verdict == "ok":
        return outcome(rule, s, "holds", figures)
    if s.reason == "survey_satisfaction_summed":
        alone = ratio_percent(Value.of(parts[0]), Value.of(whole))
        if alone is not None and compare(s.percent, alone).verdict == "ok":
            return outcome(rule, s, "holds", figures, note="of the first kind of answers alone")
    shown = computed.value.quantize(Decimal(1).scaleb(-max(s.percent.decimals, 2)))
    unit = unit_of(whole)
    added = " + ".join(written(p, whole) for p in parts)
    arithmetic = {lang: f"({added}){unit} / {written(whole)}{unit} = {shown}% ≠ {written(s.percent)}% "
                        f"{diff_text(cmp.difference, s.percent, lang, max(s.percent.decimals, 2))}"
                  for lang in ("zh", "en")}
    return failed(rule, s, finding(
        rule, ctx, primary=s.percent, stated=s.percent.text, expected=f"{shown}%", arithmetic=arithmetic,
        evidence=figures, comparison=cmp, fields={"whole": _whole_name(ctx, s.whole_label, whole)}))


def _unit_slip(num: Fact, den: Fact, stated: Fact) -> str | None:
    """The ratio holds if the part were written in the whole's unit (元 for 万元 …)."""
    if num.scale == den.scale or num.kind != "amount" or den.kind != "amount":
        return None
    rescaled = num.model_copy(update={"value": num.value / num.scale * den.scale, "scale": den.scale})
    computed = ratio_percent(Value.of(rescaled), Value.of(den))
    if computed is not None and compare(stated, computed).verdict == "ok":
        return f"（{num.text}的单位应为{den.written_unit}）"
    return None


def check_shares_total(rule: Rule, ctx: Context) -> Iterator[Outcome]:
    """RAT003: the shares of all parts of a whole add to 100 %."""
    for group in ctx.doc.partitions:
        shares = list(group.shares)
        figures = [Evidence.of(x, "share") for x in shares]
        summed = Value(sum((x.value for x in shares), Decimal(0)), sum((x.tolerance for x in shares), Decimal(0)))
        hundred = shares[-1].model_copy(update={"value": Decimal(100), "decimals": shares[-1].decimals})
        cmp = compare(hundred, summed)
        if cmp.verdict == "ok":
            yield outcome(rule, group, "holds", figures)
            continue
        if not group.complete and summed.value - summed.tolerance <= 100:
            # (the parts named may not be all of the whole: under 100 % is no contradiction)
            yield outcome(rule, group, "holds", figures, note="parts named that may not be all of it")
            continue
        terms = " + ".join(written(x) for x in shares)
        relation = "≠" if group.complete else ">"  # (named parts that may not be all: only over 100 % is wrong)
        arithmetic = {lang: f"{terms} = {summed.value}% {relation} 100% {diff_text(cmp.difference, hundred, lang)}"
                      for lang in ("zh", "en")}
        yield failed(rule, group, finding(
            rule, ctx, primary=shares[-1], stated=shares[-1].text, expected="100%" if group.complete else "≤ 100%",
            arithmetic=arithmetic,
            evidence=figures, comparison=cmp, fields={"label": group.label},
        ))


def check_table_rate(rule: Rule, ctx: Context) -> Iterator[Outcome]:
    """RAT004: in a table row, 执行率 = 执行数 / the base the header names (执行率(B/A) with
    全年预算数(A)) or the template's (全年预算数, else 年初预算数)."""
    for r in ctx.doc.table_rates:
        rate, actual = r.rate, r.actual
        bases = [b for b in (r.base, *r.others) if b is not None and b.value > 0]
        results = _best([(actual, b) for b in bases], rate)
        if not results:
            yield outcome(rule, r, "undecided", [Evidence.of(rate, "rate")], note="no budget above zero")
            continue
        by_base = {id(res[2]): res for res in results}
        cmp, num, den, computed = by_base.get(id(r.base), results[0]) if r.base is not None else results[0]
        figures = _rate_figures(rate, num, den)
        if cmp.verdict == "ok":
            yield outcome(rule, r, "holds", figures)
            continue
        other = next((res for res in results if res[0].verdict == "ok"), None)
        if other is not None:
            _, n2, d2, _ = other
            name = SCENARIO_NAMES.get(d2.scenario or "", ("", ""))[0] or "另一预算数"
            note = f"against {name}, not the base the header names" if r.named else f"against {name}"
            yield outcome(rule, r, "holds", _rate_figures(rate, n2, d2), note=note)
            continue
        if cmp.verdict == "gross" and rate.value == 100 and num.value >= den.value and r.name == "执行率":
            yield outcome(rule, r, "holds", figures, note="over-execution written as 100 % (capped), a common convention")
            continue
        own = _own_precision(rate)
        if own is not None and compare(own, computed).verdict == "ok":
            # ("执行率(%) | 71.80 | 94.83 | 99.8 | 92.7" for 92.72: a cell written with fewer decimals than its column may be
            # rounded to them, not a trailing zero dropped)
            yield outcome(rule, r, "holds", figures, note="rounded to the decimals the cell writes, fewer than its column's")
            continue
        yield failed(rule, r, finding(
            rule, ctx, primary=rate, stated=rate.text, expected=f"{computed.value.quantize(Decimal('0.01'))}%",
            arithmetic=_rate_text(num, den, computed.value, rate, cmp),
            evidence=figures, comparison=cmp, fields={"row": r.row, "name": r.name,
                                                      "name_en": {"得分率": "score rate"}.get(r.name, "execution rate")},
        ), equation=ratio_equation(rate, num, den) if len({b.value for b in bases}) == 1 else None)
        # (with bases of different values the row fails against each: which figure is wrong is not one equation)


def _whole_name(ctx: Context, whole_label: str | None, whole: Fact) -> str:
    """What a share's message calls its whole: the label the share names, but a label that only points back to a
    figure ("在这395亿元当中" → 在这) is named as a sum's total is (`sums.total_name`)."""
    name = whole_label or whole.concept or ""
    if not name:
        return ""
    rest = ctx.vocab.cue("total_name_pointer").sub("", name)
    return name if rest and not ctx.vocab.cue("generic_total_name").fullmatch(rest) else total_name(ctx, whole)
