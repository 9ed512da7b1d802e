"""A ratio named for its two amounts (资产负债率 = 负债总额 / 资产总额): the rate and both amounts stated in its sentence.

    "国有企业资产总额合计3868463.2亿元,负债总额合计2508791.6亿元,资产负债率64.9%"   → 64.9 % = 2508791.6 / 3868463.2
    "中央企业和地方国有企业资产总额分别为A和B,负债总额分别为C和D,资产负债率分别为p和q"
                                                          → p = C / A, q = D / B (named_ratio_respectively)

The vocabulary names each ratio and its two amounts (cues named_ratio, named_ratio_numerator,
named_ratio_denominator: one group a ratio, the same group name in the three). Only an explicit reading is taken:
one rate of that name in the sentence and exactly one amount named as its numerator and one as its base, before it
(several rates of the name in a sentence: each of the amounts between the one before it and it)
(a government's 债务率 and 负债率, of 债务余额 over 综合财力 and 地区生产总值, may share a sentence; the base beside the rate, the
balance may be the one so named in the sentence right before on its line — named_ratio_top_before; the other way
round, the amount over it beside the rate and its base the one so named in the sentence right before —
named_ratio_base_before; not when the rate's sentence names a basis of its own, "(按利润收入计算)", nor when another
amount of the sentence before gives the rate and the named base does not)
(or, the rate opening its sentence under its bare name, in the sentence right before it on its line:
"…资产总额18462.37亿元,…;负债总额11683.52亿元,…。资产负债率63.3%" — named_ratio_sentence_before); or three 分别 runs of as many figures, the measure each run is of named right before its 分别 — the k-th of each is
one subject's. Anything else (two bases, a run of another length, a base of another unit) is read as nothing.
"""

from __future__ import annotations

import os
import re
from typing import Iterator

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate
from auditor.extract.bind.resolvers.share import figure_run
from auditor.extract.model import Fact, Share
from auditor.extract.numbering import YEAR_SAID
from auditor.extract.readings import Reading, clean_label


def resolve(r: Reading) -> Iterator[Candidate]:
    ratio, top, base = (r.vocab.cue(n) for n in ("named_ratio", "named_ratio_numerator", "named_ratio_denominator"))
    yield from _respective(r, ratio, top, base)
    sentences = r.facts_by_sentence(prose_only=True)
    for n, facts in enumerate(sentences):
        named = [(f, m) for f in facts if f.kind == "percent" and (m := ratio.search(clean_label(f.label)))]
        if len({m.lastgroup for _, m in named}) != 1 and not all(m.lastgroup.startswith("gdebt") for _, m in named):
            continue  # (rates of one ratio's name in the sentence, or none is read — but a government's 债务率 and
            # 负债率, each of its own base)
        for k, (rate, said) in enumerate(named):
            if rate.is_bound:
                continue
            # (several rates of the name: each of the amounts after the one before it — "中央…资产总额A、负债总额B,
            # 资产负债率p;地方…资产总额C、负债总额D,资产负债率q": each subject's sides, then its rate)
            since = named[k - 1][0].span.end if k else -1
            before = [f for f in facts if f.kind == "amount" and since <= f.span.start and f.span.end <= rate.span.start]
            reason = "named_ratio"
            if not before and not k and n and clean_label(rate.label) == said.group() \
                    and "\n" not in r.norm.text[sentences[n - 1][-1].span.end:rate.span.start]:
                # (a sentence of its own, the rate its first figure and named bare: of the amounts of the sentence before)
                before = [f for f in sentences[n - 1] if f.kind == "amount"] \
                    if _of_own_period(r, sentences[n - 1], rate) else []
                reason = "named_ratio_sentence_before"
            tops = [f for f in before if _named(top, f.label, said.lastgroup)]
            bases = [f for f in before if _named(base, f.label, said.lastgroup)]
            if not tops and len(bases) == 1 and n and reason == "named_ratio" \
                    and "\n" not in r.norm.text[sentences[n - 1][-1].span.end:rate.span.start] \
                    and _of_own_period(r, sentences[n - 1], rate):
                # ("全市政府债务余额1,212.99亿元。按照综合财力1,403.86亿元计算,全市政府债务率为86.4%": the base beside the
                # rate, the amount over it the one so named in the sentence right before, on its line)
                tops = [f for f in sentences[n - 1] if f.kind == "amount" and _named(top, f.label, said.lastgroup)]
                reason = "named_ratio_top_before"
            elif not bases and len(tops) == 1 and n and reason == "named_ratio" \
                    and "\n" not in r.norm.text[sentences[n - 1][-1].span.end:rate.span.start] \
                    and _of_own_period(r, sentences[n - 1], rate) \
                    and not any(f.kind == "percent" and _named(ratio, clean_label(f.label), said.lastgroup)
                                for f in sentences[n - 1]):
                # (not when the sentence before has a rate of the name of its own, which its amounts are of)
                # ("全县国有资本经营预算收入1,286万元,为预算的107.2%。…按规定调出资金270万元统筹用于一般公共预算,调出比例为
                # 21.0%": the amount over it beside the rate, the base the one so named in the sentence right before)
                bases = [f for f in sentences[n - 1] if f.kind == "amount" and _named(base, f.label, said.lastgroup)]
                whole = bases
                bases = _part_named_again(r, sentences[n - 1], bases, _opening(r, facts[0], since, before), rate) \
                    or bases
                if k and bases and not _clause_names(r, _opening(r, facts[0], since, before), whole, bases):
                    bases = []  # (a second rate of the name in the sentence, its clause of another entity than the
                    # base's: "市本级调出资金9,300万元,调出比例30%,各区(县)调出资金4,500万元,调出比例30%" — not of 市本级)
                if _basis_of_its_own(r, facts[0], rate) \
                        or _another_base_fits(sentences[n - 1], bases, tops[0], rate):
                    bases = []
                reason = "named_ratio_base_before"
            if not bases and len(tops) == 1 and k == len(named) - 1 \
                    and not (n and any(_named(base, f.label, said.lastgroup) for f in sentences[n - 1])):
                # ("增值收益7.4153亿元,增值收益率2.20%(…)。年末缴存余额351.08亿元,月均缴存余额336.72亿元": the amount over it
                # before the rate, no base before it, the base after it in its sentence or the next on its line)
                after = [f for f in facts if f.span.start > rate.span.end]
                if n + 1 < len(sentences) and sentences[n + 1] \
                        and "\n" not in r.norm.text[rate.span.end:sentences[n + 1][0].span.start] \
                        and _of_own_period(r, sentences[n + 1], rate) \
                        and not any(f.kind == "percent" and _named(ratio, f.label, said.lastgroup)
                                    for f in sentences[n + 1]):
                    after += sentences[n + 1]
                bases = [f for f in after if f.kind == "amount" and _named(base, f.label, said.lastgroup)]
                reason = "named_ratio_base_after"
            if len(tops) == 1 and len(bases) == 1 and tops[0].unit == bases[0].unit and bases[0].value > 0:
                yield _share(rate, tops[0], bases[0], reason)


def _opening(r: Reading, first: Fact, since: int, before: list[Fact]) -> str:
    """The words opening the rate's clause: its sentence's up to its first figure, or — a second rate of the name in
    the sentence — those after the rate before it (its bracket and the comma after it left out) up to its own first
    amount ("…调出比例30%(市本级),各区(县)调出资金4,500万元,调出比例30%" — "各区(县)调出资金")."""
    text = r.norm.text
    if since < 0 or not before:
        start = next((k for k in range(first.span.start - 1, -1, -1) if text[k] in "。;\n"), -1) + 1
        return _LEAD_YEAR.sub("", text[start:first.span.start])
    return _AFTER_RATE.sub("", text[since:before[0].span.start])


def _clause_names(r: Reading, opening: str, whole: list[Fact], bases: list[Fact]) -> bool:
    """The opening of a second rate's clause names the base read for it (or the whole it is a part of) —
    "全市调出资金13,800万元,调出比例30%" of 全市…收入; "各区(县)调出资金…" names neither."""
    core = lambda f: _PART_LEAD.sub("", clean_label(f.label))
    return any(len(os.path.commonprefix([core(f), opening])) >= 2 for f in [*whole, *bases])


def _part_named_again(r: Reading, before: list[Fact], bases: list[Fact], opening: str, rate: Fact) -> list[Fact]:
    """The base of the sentence before is a whole its sentence goes on to part (其中 市本级 …), and the rate's sentence
    opens with, or the bracket after the rate names, one of those parts and not the whole: that part is the base
    ("全市国有资本经营预算收入15,800万元,其中市本级9,700万元。市本级…调出资金2,910万元,调出比例为30.0%" — 2,910 / 9,700;
    "…其中:市属国有企业上缴利润收入7,500万元。市属企业调出资金2,250万元,调出比例为30.0%(占市属企业上缴利润收入)")."""
    if len(bases) != 1:
        return []
    whole = bases[0]
    parts = [f for f in before if f.kind == "amount" and f.span.start > whole.span.end and f.unit == whole.unit
             and 0 < f.value < whole.value and _PART_OPENING.match(r.norm.text, whole.span.end,
                                                                    f.span.start) is not None]
    if not parts:
        return []
    text = r.norm.text
    bracket = _BRACKET_AFTER.match(text, rate.span.end)
    said = [opening] + ([bracket.group(1)] if bracket else [])

    def shared(name: str) -> int:
        return max(len(os.path.commonprefix([name, w])) for w in said)
    core = lambda f: _PART_LEAD.sub("", clean_label(f.label))
    if shared(core(whole)) >= 2:
        return []  # (the rate's sentence names the whole again: "全市…调出资金")
    named = [f for f in parts if shared(core(f)) >= 2]
    return named if len(named) == 1 else []


def _basis_of_its_own(r: Reading, first: Fact, rate: Fact) -> bool:
    """The rate's sentence says what the rate is reckoned on (cue reckoned_by: "调出比例为30%(按利润收入计算)",
    "按利润收入计算,调出比例为30%"): a base of its own, which the sentence before need not state under that name —
    nothing is read from it."""
    text = r.norm.text
    start = next((k for k in range(first.span.start - 1, -1, -1) if text[k] in "。;；\n"), -1) + 1
    end = next((k for k in range(rate.span.end, len(text)) if text[k] in "。;；\n"), len(text))
    return r.vocab.cue("reckoned_by").search(text, start, end) is not None


def _another_base_fits(before: list[Fact], bases: list[Fact], top: Fact, rate: Fact) -> bool:
    """The base named in the sentence before does not give the rate, another amount of that sentence in the same unit
    does, within the rate's precision ("…收入1,286万元,其中利润收入900万元…。…调出资金270万元…,调出比例为30%": 270 / 900,
    not 270 / 1,286): which base the rate is of the text leaves open — nothing is read."""
    if len(bases) != 1 or top.value <= 0:
        return False

    def fits(f: Fact) -> bool:
        return f.value > 0 and abs(top.value * 100 / f.value - rate.value) <= rate.tolerance
    return not fits(bases[0]) and any(fits(f) for f in before if f.kind == "amount" and f is not bases[0]
                                      and f is not top and f.unit == top.unit and not f.is_bound)


_PART_LEAD = lazyre.compile(r"^(?:其中|包括|含)[:：]?")
_LEAD_YEAR = lazyre.compile(r"^\s*(?:(?:19|20)\d{2}\s*年(?:度)?)?[,，]?\s*")
_BRACKET_AFTER = lazyre.compile(r"\s*[(（]\s*(?:占|为)?([^()（）]{2,30})[)）]")
_AFTER_RATE = lazyre.compile(r"^[^,，;；、]*[,，;；、]\s*")
_PART_OPENING = lazyre.compile(r"[^。;]*?(?:其中|包括)")


def _of_own_period(r: Reading, facts: list[Fact], rate: Fact) -> bool:
    """The sentence before a rate opening its own sentence is of the rate's period: it opens with no other
    ("上年末,全省国有企业资产总额5846.20亿元,负债总额3822.17亿元。资产负债率64.6%" — last year's amounts, not the
    rate's; cue ratio_other_period_opening) and names no year but the rate's ("2022年资产总额…")."""
    first = r.node_of(facts[0])
    if first is None:
        return False
    start = r.tree[r.tree.unit("sentence", first).start].start
    said = r.norm.text[start:facts[-1].span.end]
    if r.vocab.cue("ratio_other_period_opening").match(said):
        return False
    year = rate.period or r.report_year  # (a rate naming no period is of the report's year)
    return all(y == year for y in YEAR_SAID.findall(said))


def _named(cue: re.Pattern[str], label: str, group: str) -> bool:
    m = cue.search(clean_label(label))
    # (an amount's group the rate's up to a "_": 债务余额 (gdebt) is the numerator of 债务率 (gdebt_r) and 负债率 (gdebt_gdp))
    return m is not None and (m.lastgroup == group or group.startswith(m.lastgroup + "_"))


def _respective(r: Reading, ratio, top, base) -> Iterator[Candidate]:
    """"资产总额分别为A、B,负债总额分别为C、D,资产负债率分别为p、q": the measure of each 分别 run named right before it."""
    tree = r.tree
    runs: dict[int, list[tuple[str, list[Fact]]]] = {}  # sentence → (measure named, its figures)
    for opener in tree.of_kind("fenbie"):
        i = opener.index
        if i == 0 or i + 1 >= len(tree) or tree[i - 1].kind != "words" or tree[i - 1].clause != opener.clause \
                or tree[i + 1].kind != "labelled" or tree[i + 1].piece.label or r.facts[i + 1] is None:
            continue
        figures = [r.facts[k] for k in [i + 1, *figure_run(r, i + 1, +1)]]
        runs.setdefault(opener.sentence, []).append((tree[i - 1].piece.label.strip(), figures))
    for lists in runs.values():
        for name, rates in lists:
            said = ratio.search(name)
            if said is None or len(rates) < 2 or any(f.kind != "percent" or f.is_bound for f in rates):
                continue
            tops = [fs for n, fs in lists if _named(top, n, said.lastgroup)]
            bases = [fs for n, fs in lists if _named(base, n, said.lastgroup)]
            if len(tops) != 1 or len(bases) != 1 or len(tops[0]) != len(rates) or len(bases[0]) != len(rates):
                continue
            if any(f.kind != "amount" or f.unit != bases[0][0].unit or f.value <= 0 for f in [*tops[0], *bases[0]]):
                continue
            for rate, t, b in zip(rates, tops[0], bases[0]):
                yield _share(rate, t, b, "named_ratio_respectively")


def _share(rate: Fact, part: Fact, whole: Fact, reason: str) -> Candidate:
    return Candidate(Share.model_construct(
        percent=rate, part=part, whole=whole, whole_label=clean_label(whole.label), part_of_parts=(),
        reason=reason, via=(), rejected=()))
