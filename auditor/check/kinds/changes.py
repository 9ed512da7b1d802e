"""Changes: 较上年增加 d、增长 p% against the figures they compare."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from decimal import Decimal
from functools import cached_property
from itertools import product
from typing import Callable, Iterator

from auditor import lazyre
from auditor.check import doubt
from auditor.check.arithmetic import (Equation, Value, at_precision, compare, grouped, leading_digits_cut, ratio_percent,
                                      sign_as_written, truncated, unit_of, written)
from auditor.check.context import SIGN_ONLY, Context, diff_text, failed, finding, label_tail, line_head, outcome
from auditor.check.rulebook import Rule
from auditor.extract.bind.reasons import EXPLICIT
from auditor.extract.model import Change, Fact
from auditor.extract.vocabulary import read_label
from auditor.findings import Evidence, Outcome
from auditor.records import dataclass


def _subject(c: Change, ctx: Context) -> str:
    """The subject as a message names it: from its concept on (a name the vocabulary
    does not know: the label as written), without quote marks."""
    label = re.sub(r"[“”\"‘’'「」]", "", c.subject_label)
    reading = read_label(label, ctx.vocab)
    if not reading.known:  # a name the vocabulary does not know: as written, if short enough
        return label if len(label) <= 20 else label_tail(label, 16)
    at = label.rfind(reading.concept)
    return label[at:][:16] if at >= 0 else label_tail(label, 12)


_CHANGE_WORDS = {"zh": {1: "增加额", -1: "减少额", 0: "变动额"}, "en": {1: "increase", -1: "decrease", 0: "change"}}


def _term(ctx: Context, fact: Fact, lang: str, like: Fact | None = None, earlier: bool = False,
          name: str = "") -> str:
    """A compared figure with its period: "本年 3,112.91", "上年 254.25", "2019年 1,262.92" (`earlier`:
    the term compared with, "上年" when nothing says its period), or with the `name` the text gives
    it when it is another figure than an earlier one ("全省平均增幅 11")."""
    if name:
        return f"{name} {written(fact, like)}"
    period = ctx.index.period_of(fact)
    year = ctx.doc.report_year
    if earlier and fact.scenario == "budget_initial":
        word = "年初预算" if lang == "zh" else "the initial budget"  # ("调整后预算较年初预算426.00万元增加…")
    elif period and year and period == year and earlier:
        # (the figure compared with, dated by the sentence's own year: "2025年…预算比2024年预算12.60万元减少")
        word = "上期" if lang == "zh" else "the earlier figure"
    elif period and year and period == year:
        word = "本年" if lang == "zh" else "this year"
    elif period and year and period.isdigit() and year.isdigit() and int(period) == int(year) - 1:
        word = "上年" if lang == "zh" else "last year"
    elif period and period.isdigit():
        word = f"{period}年" if lang == "zh" else period
    elif fact.period == "previous" or period == "previous" or (earlier and not period):
        word = "上年" if lang == "zh" else "last year"
    else:
        word = "本年" if lang == "zh" else "this year"
    return f"{word} {written(fact, like)}"


def _delta_term(c: Change, lang: str) -> str:
    return f"{_CHANGE_WORDS[lang][c.direction]} {written(c.delta)}"


def _signed(c: Change, delta: Fact) -> Value:
    v = Value.of(delta)
    return Value(v.value * c.direction, v.tolerance)


_CLAUSE_BREAK = lazyre.compile(r"[,，;；。:：\n][^,，;；。:：\n]*$")


def _of_a_deficit(ctx: Context, c: Change) -> bool:
    """The change is said of a deficit or loss whose two terms are written below zero ("本期賸餘（短絀）：預算數△12,345千元，
    決算數△6,789千元，短絀較預算減少5,556千元"): its words speak of the deficit's size, which fell by 5,556, not of
    the signed balance, which rose."""
    if not ctx.text or c.current is None or c.previous is None or c.current.value > 0 or c.previous.value > 0 \
            or (c.current.value == 0 and c.previous.value == 0):
        return False
    at = c.keyword_span.start
    head = _CLAUSE_BREAK.search(ctx.text, max(0, at - 40), at)
    words = ctx.text[head.start() + 1 if head else max(0, at - 40):at]
    line = line_head(ctx.text, at)  # … or its line opens with the deficit's name ("本期短絀：預算數…，較預算減少…")
    named = ctx.text[line[0]:line[1]] if line is not None else ""
    return bool(ctx.vocab.cue("deficit_size").search(words + c.keyword + "\n" + named))


def _sizes(c: Change) -> tuple[Fact, Fact]:
    """The change's current and previous terms as its message shows them: a deficit's by their size."""
    return (c.current.model_copy(update={"value": -c.current.value}),
            c.previous.model_copy(update={"value": -c.previous.value}))


def check_change_delta(rule: Rule, ctx: Context) -> Iterator[Outcome]:
    """CHG001: the stated difference equals current − previous."""
    for c in ctx.doc.changes:
        if c.current is None and c.previous is None and c.previous_elsewhere is not None:
            # "…相较于上年增加275.76万元": the subject's figures of both years, stated before it
            c = c.model_copy(update={"current": c.current_elsewhere, "previous": c.previous_elsewhere})
        if c.reference != "previous" or c.delta is None or c.current is None or c.previous is None:
            continue
        if c.delta.kind != c.current.kind or c.delta.is_bound:
            continue  # ("减少约五百亿元": an amount said to be about so much bounds nothing to check)
        figures = [Evidence.of(c.delta, "change"), Evidence.of(c.current, "current"), Evidence.of(c.previous, "previous")]
        # direction × delta = current − previous
        size = -1 if _of_a_deficit(ctx, c) else 1  # a deficit's size: it falls as the balance rises
        equation = Equation("linear", ((c.delta, Decimal(c.direction)), (c.current, Decimal(-size)),
                                       (c.previous, Decimal(size)))) if c.direction else None
        computed = at_precision(c.current, c.delta) - at_precision(c.previous, c.delta)
        if size < 0:
            computed = Value(-computed.value, computed.tolerance)
        signed_delta = _signed(c, c.delta)
        stated = c.delta.model_copy(update={"value": signed_delta.value})
        cmp = compare(stated, computed)
        if cmp.verdict == "ok":
            yield outcome(rule, c, "holds", figures, equation=equation)
            continue
        flipped = compare(c.delta.model_copy(update={"value": -signed_delta.value}), computed)
        if flipped.verdict == "ok":
            yield outcome(rule, c, "holds", figures, note="right size, wrong direction: CHG003")
            continue
        if c.delta.approximate or c.current.approximate or c.previous.approximate:
            # ("比上年增加约2,000万元": about so much, to an unknown width — no exact change to hold it to)
            yield outcome(rule, c, "undecided", figures, note="an approximate amount (约, 近, 逾): no exact change to hold it to")
            continue
        if _finely_rounded(c.current) and _finely_rounded(c.previous) \
                and compare(stated, Value.of(c.current) - Value.of(c.previous)).verdict == "ok":
            # "歲入計列2098億元,較上年度歲入2044億元,增加53.83億元": large figures rounded coarser than
            # the change, which was worked out before they were rounded
            yield outcome(rule, c, "holds", figures, equation=equation,
                          note="within the rounding of the figures as written")
            continue
        unit = unit_of(c.delta)
        current, previous = _sizes(c) if size < 0 else (c.current, c.previous)
        arithmetic = {
            lang: f"{_term(ctx, current, lang, c.delta, name=c.current_name)} − "
                  f"{_term(ctx, previous, lang, c.delta, earlier=True, name=c.compared_name)} = "
                  f"{grouped(f'{(computed.value / c.delta.scale).normalize():f}')}{unit} ≠ "
                  f"{'-' if c.direction < 0 else ''}{written(c.delta)}{unit} {diff_text(cmp.difference, c.delta, lang)}"
            for lang in ("zh", "en")
        }
        yield failed(rule, c, finding(
            rule, ctx, primary=c.delta, stated=c.delta.text,
            expected=f"{sign_as_written(c.delta) if computed.value < 0 else ''}"
                     f"{(abs(computed.value) / c.delta.scale).normalize():f}{c.delta.written_unit}",
            arithmetic=arithmetic, evidence=figures, comparison=cmp, fields={"subject": _subject(c, ctx)},
        ), equation=equation, found=_delta_explained(ctx, c))


def _delta_explained(ctx: Context, c: Change) -> doubt.Found | None:
    """A change by an amount that is not current − previous: a column of growth rates (ALT009, when
    no other row of its column states an amount), or the change of the list's total (ALT001)."""
    as_rate = None if _amounts_column(ctx, c) else doubt.explain_delta(ctx.doubt, c.delta, c.current, c.previous,
                                                                      c.direction)
    return as_rate or doubt.explain_list_total_change(ctx.doubt, c.current, c.previous, c.delta, c.direction) \
        or _other_pair(ctx, c)


def _other_pair(ctx: Context, c: Change) -> doubt.Found | None:
    """Two other figures of the change's sentence (or the one before) that give its amount and rate (ALT004) — not of
    runs that pair by place (分别由 a、b 调增至 c、d,分别增加 e、f: the k-th of each is one subject's, the text's own pairing)."""
    if c.reason == "respective_adjustments":
        return None
    percent = c.percent if c.percent is not None and not c.percent.is_bound else None
    return doubt.explain_other_pair(ctx.doubt, c.delta, percent, (c.current, c.previous), c.direction)


def _amounts_column(ctx: Context, c: Change) -> bool:
    """Another row of the table states its change as the amount current − previous: the column holds
    amounts, and no cell of it is a growth rate (ALT009 reads a column, not one cell)."""
    if c.reason != "table_change_row":
        return False
    lines = _amount_rows(ctx)
    line = c.delta.span.line
    near = lines[bisect_left(lines, line - _TABLE_REACH):bisect_right(lines, line + _TABLE_REACH)]
    return any(n != line for n in near)


def _amount_rows(ctx: Context) -> list[int]:
    """The lines of the table change rows whose change is current − previous as an amount (found once a
    document: every failing row asks)."""
    key = ("amount_rows",)
    if key not in ctx.memo:
        lines = []
        for other in ctx.doc.changes:
            if other.reason != "table_change_row" or other.delta is None or other.current is None \
                    or other.previous is None or not other.direction:
                continue
            moved = at_precision(other.current, other.delta) - at_precision(other.previous, other.delta)
            stated = other.delta.model_copy(update={"value": other.delta.value * other.direction})
            if compare(stated, moved).verdict == "ok":
                lines.append(other.delta.span.line)
        ctx.memo[key] = sorted(lines)
    return ctx.memo[key]


_TABLE_REACH = 40  # lines: the rows of one table


def _finely_rounded(fact: Fact) -> bool:
    """Written to its last digit within half a percent of its size (2098億元, not 4萬元): a figure a text
    may round for show while the change it states was worked out on the exact one."""
    return fact.value > 0 and fact.tolerance * 200 <= fact.value


@dataclass(frozen=True)
class _Growth:
    """What a growth rate is computed from: the change, the base, and how to write them."""

    evidence: list[Evidence]
    delta: Value
    base: Value
    # the change and the base as a finding writes them, in a language (written only for a finding: most rates hold)
    num_term: Callable[[str], str]
    base_term: Callable[[str], str]
    current: Fact | None
    # (an amount it is computed from is written as about so much, 约60亿元: an interval of unknown width)
    approximate: bool = False
    # (the change is the two figures' difference, written "(本年 − 上年)": its sign is the arithmetic's, not a word's)
    from_figures: bool = False

    # (each worked out once: the growth is shared by the checks that ask, several times each)
    @cached_property
    def rate(self) -> Value | None:
        if self.base.value <= 0:
            return None
        return ratio_percent(Value(abs(self.delta.value), self.delta.tolerance), self.base)

    @cached_property
    def on_current(self) -> Value | None:
        """The change over the current value: the wrong base."""
        if self.current is None or self.current.value <= 0:
            return None
        return ratio_percent(Value(abs(self.delta.value), self.delta.tolerance), Value.of(self.current))


def _growth(ctx: Context, c: Change) -> _Growth | tuple[str, list[Evidence]]:
    """The figures of a change's growth rate, or why it cannot be computed (with the
    figures it has); worked out once a change (three checks ask), so read, never change, them."""
    key = ("growth", id(c))  # the change lives as long as the context's document
    found = ctx.memo.get(key)
    if found is None:
        found = ctx.memo[key] = _work_out_growth(ctx, c)
    return found


def _work_out_growth(ctx: Context, c: Change) -> _Growth | tuple[str, list[Evidence]]:
    current = c.current or c.current_elsewhere
    evidence = [Evidence.of(c.percent, "growth")]
    # (a count's change too, of a count of its unit: "在校学生48632人,比上学年增加1717人,增长3.66%")
    if c.delta is not None and (c.delta.kind == "amount" or c.delta.kind == "count" and any(
            f is not None and (f.kind, f.unit) == ("count", c.delta.unit) for f in (c.previous, current))):
        delta = _signed(c, c.delta)
        evidence.append(Evidence.of(c.delta, "change"))
        if c.previous is not None:
            base = at_precision(c.previous, c.delta)
            evidence.append(Evidence.of(c.previous, "previous"))

            def base_term(lang: str) -> str:
                return _term(ctx, c.previous, lang, c.delta, earlier=True)
        elif current is not None:
            base = at_precision(current, c.delta) - delta
            evidence.append(Evidence.of(current, "current"))
            sign = "−" if c.direction > 0 else "+"

            def base_term(lang: str) -> str:
                return f"({_term(ctx, current, lang, c.delta)} {sign} {_delta_term(c, lang)})"
        else:
            return "no figure to take the base from", evidence
        return _Growth(evidence, delta, base, lambda lang: _delta_term(c, lang), base_term, current,
                       approximate=c.delta.approximate or (c.previous or current).approximate)
    if current is not None and c.previous is not None:
        evidence += [Evidence.of(current, "current"), Evidence.of(c.previous, "previous")]

        def num_term(lang: str) -> str:
            return f"({_term(ctx, current, lang)} − {_term(ctx, c.previous, lang, current, earlier=True)})"
        return _Growth(evidence, Value.of(current) - Value.of(c.previous), Value.of(c.previous), num_term,
                       lambda lang: _term(ctx, c.previous, lang, current, earlier=True), current,
                       approximate=current.approximate or c.previous.approximate, from_figures=True)
    return "no figures to compute it from", evidence


def _growths(rule: Rule, ctx: Context) -> Iterator[tuple[Change, _Growth | None, Value | None, Outcome | None]]:
    """Each change with a growth rate: its figures and the rate they give, or its undecided outcome."""
    for c in ctx.doc.changes:
        # against last year or against the budget ("较年初预算数减少1111.4万元,下降27.56%"):
        # the base is the value compared with, in both cases
        if c.percent is None or c.percent.is_bound:
            continue
        g = _growth(ctx, c)
        if isinstance(g, tuple):
            note, evidence = g
            yield c, None, None, outcome(rule, c, "undecided", evidence, note=note)
            continue
        computed = g.rate
        if computed is None:
            yield c, None, None, outcome(rule, c, "undecided", g.evidence, note="no base above zero")
            continue
        if g.approximate and compare(c.percent, computed).verdict != "ok":
            # ("较上年多收约60亿元(即约4.6%)": 约60 may be 57 rounded to tens — a rate that misses what an approximate
            # amount gives accuses nothing, and no base it seems to use either)
            yield c, None, None, outcome(rule, c, "undecided", g.evidence,
                                         note="computed with an approximate amount (约, 近, 逾): no exact rate to hold it to")
            continue
        yield c, g, computed, None


def _other_direction(c: Change, g: _Growth) -> Value | None:
    """The rate the change gives in the other direction ("减支670.23万元,降低81.67%" with this
    year 1490.91: 670.23 / (1490.91 − 670.23) = 81.67%), when that is the rate stated and
    the stated direction's is not even as a last-digit slip (then the slip is the rate's, CHG002 / CHG005 — a warning —,
    not the direction word's: "减少571.6亿元,下降1.6%" with this year 36,399 gives 1.55 % as written, 1.60 % the other way);
    else None."""
    if c.previous is not None or g.current is None or c.direction == 0 or c.delta is None \
            or c.delta.kind != g.current.kind:
        return None
    base = at_precision(g.current, c.delta) + _signed(c, c.delta)  # current − (−direction × delta)
    if base.value <= 0:
        return None
    flipped = ratio_percent(Value(abs(g.delta.value), g.delta.tolerance), base)
    stated_ok = g.rate is not None and compare(c.percent, g.rate).verdict != "gross"
    return flipped if flipped is not None and not stated_ok and compare(c.percent, flipped).verdict == "ok" else None


def _follows_from_figures(c: Change) -> bool:
    """The stated rate is (current − previous) / previous, both figures stated."""
    if c.current is None or c.previous is None or c.previous.value <= 0 or c.current.kind != c.previous.kind:
        return False
    moved = Value.of(c.current) - Value.of(c.previous)
    rate = ratio_percent(Value(abs(moved.value), moved.tolerance), Value.of(c.previous))
    return compare(c.percent, rate).verdict == "ok"


def _on_current_base(c: Change, g: _Growth, computed: Value) -> bool:
    """The stated rate is the change over the current value, and not over the previous one —
    not even as a last-digit slip (1.1399 % written 1.13 %: truncated, the simpler reading)."""
    on_current = g.on_current
    return compare(c.percent, computed).verdict != "ok" and not truncated(c.percent, computed) \
        and on_current is not None \
        and compare(c.percent, on_current).verdict == "ok"


def check_change_growth(rule: Rule, ctx: Context) -> Iterator[Outcome]:
    """CHG002: the stated growth rate equals the change over the previous value (a rate
    that is the change over the current value is CHG005's)."""
    for c, g, computed, undecided in _growths(rule, ctx):
        if undecided is not None:
            yield undecided
            continue
        cmp = compare(c.percent, computed)
        if cmp.verdict == "ok":
            slip = _sign_slip(rule, ctx, c, g, computed)
            yield slip if slip is not None else outcome(rule, c, "holds", g.evidence)
            continue
        if c.direction_unstated and _holds_either_way(ctx, c):
            yield outcome(rule, c, "holds", g.evidence, note="the direction unstated (增加(减少)): the other way round")
            continue
        if _on_current_base(c, g, computed):
            yield outcome(rule, c, "fails", g.evidence, note="= CHG005 (the change over the current value)")
            continue
        if _other_direction(c, g) is not None and _explained(ctx, c, g) is None:
            yield outcome(rule, c, "fails", g.evidence, note="= CHG003 (the rate fits the other direction)")
            continue
        if _follows_from_figures(c):
            # "上年3.55 | 本年2.65 | -0.8 | -25.35%": the rate follows from the two figures, the
            # change does not — one slip, which CHG001 reports
            yield outcome(rule, c, "holds", g.evidence, note="the rate follows from the two figures: = CHG001")
            continue
        shown = computed.value.quantize(Decimal(1).scaleb(-max(c.percent.decimals, 2)))
        result, stated, expected, gap = _signed_result(c, g, shown, cmp.difference)
        arithmetic = {
            lang: f"{g.num_term(lang)} / {g.base_term(lang)} = {result}% ≠ {stated}% "
                  f"{diff_text(gap, c.percent, lang, max(c.percent.decimals, 2))}"
            for lang in ("zh", "en")
        }
        result = finding(
            rule, ctx, primary=c.percent, stated=c.percent.text, expected=expected,
            arithmetic=arithmetic, evidence=g.evidence, comparison=cmp, fields={"subject": _subject(c, ctx)},
        )
        if leading_digits_cut(c.percent, shown) and result.severity == "error":
            # a table's rate too wide for its column loses its leading digits (45279.56 printed 5279.56):
            # a misprint of the layout more likely than a wrong figure — it warns
            result = result.model_copy(update={"severity": "warning"})
        yield failed(rule, c, result, found=_explained(ctx, c, g))


def _holds_either_way(ctx: Context, c: Change) -> bool:
    """A change whose direction is not stated (增加(减少)0.11万元, 下降(增加)6%) gives its rate taken the other way."""
    g = _work_out_growth(ctx, c.model_copy(update={"direction": -c.direction}))
    return not isinstance(g, tuple) and g.rate is not None and compare(c.percent, g.rate).verdict == "ok"


def _sign_slip(rule: Rule, ctx: Context, c: Change, g: _Growth, computed: Value) -> Outcome | None:
    """A table row's rate of the right size written with the wrong sign, in a column that writes signed rates
    (`Change.rate_sign`: "-7.6" for a fall in another row, or a column named 增长(%) alone — "10.5" here for a fall);
    None where the sign agrees or says nothing."""
    if not c.rate_sign or c.current is None or c.previous is None:
        return None
    moved = c.current.value - c.previous.value
    if (moved > 0) == (c.rate_sign > 0):
        return None
    shown = computed.value.quantize(Decimal(1).scaleb(-max(c.percent.decimals, 2)))
    result = shown if moved > 0 else -shown
    stated_value = -c.percent.value if c.rate_sign < 0 else c.percent.value
    stated = c.percent.model_copy(update={"value": stated_value})
    cmp = compare(stated, Value(computed.value if moved > 0 else -computed.value, computed.tolerance))
    evidence = [Evidence.of(c.percent, "growth"), Evidence.of(c.current, "current"), Evidence.of(c.previous, "previous")]
    written_rate = f"{'−' if c.rate_sign < 0 else ''}{written(c.percent)}"
    arithmetic = {
        lang: f"({_term(ctx, c.current, lang)} − {_term(ctx, c.previous, lang, c.current, earlier=True)}) / "
              f"{_term(ctx, c.previous, lang, c.current, earlier=True)} = {'−' if result < 0 else ''}{abs(result)}% ≠ "
              f"{written_rate}% {diff_text(cmp.difference, c.percent, lang, max(c.percent.decimals, 2))}"
              + ("（符号相反；该栏的增长率带正负号书写）" if lang == "zh" else
                 " (the opposite sign; the column writes its rates signed)")
        for lang in ("zh", "en")
    }
    expected = f"{'-' if result < 0 else ''}{written(c.percent)}%"
    return failed(rule, c, finding(
        rule, ctx, primary=c.percent, stated=c.percent.text, expected=expected, arithmetic=arithmetic,
        evidence=evidence, comparison=cmp, fields={"subject": _subject(c, ctx)})).model_copy(update={"note": SIGN_ONLY})



def _signed_result(c: Change, g: _Growth, shown: Decimal, gap: Decimal) -> tuple[str, str, str, Decimal]:
    """A failing growth's arithmetic as signed numbers where the change is the two figures' difference: the rate shown,
    the stated rate, what it should be, and the gap.  "(本年 29,600 − 上年 33,800) / 上年 33,800" is −12.43 %, not
    12.43 %; a table's rate carries its own sign ("增减% | -5.2", "2.4"), a sentence's its word's ("下降12.4%", whose size
    is what it should be).  Elsewhere (a stated change amount: "减少…,下降p%") the rate is its size, as before."""
    if not g.from_figures:
        return f"{shown}", written(c.percent), f"{sign_as_written(c.percent)}{shown}%", gap
    result = shown if g.delta.value >= 0 else -shown
    minus = sign_as_written(c.percent) == "-"
    if minus or c.percent.in_table or c.direction == 0:  # (its own sign, a table's bare cell, or no word: as written)
        falls = minus or (c.direction == 0 and not c.percent.in_table and result < 0)
    else:  # (a sentence's word: 下降 / 增长)
        falls = c.direction < 0
    stated = -c.percent.value if falls else c.percent.value
    if minus or c.percent.in_table or (result < 0) != falls:
        expected = f"{'-' if result < 0 else ''}{shown}%"
    else:  # (a sentence's word says the direction: the rate it should give is its size)
        expected = f"{shown}%"
    sign = "−" if result < 0 else ""
    return f"{sign}{shown}", f"{'−' if falls else ''}{written(c.percent)}", expected, abs(result - stated)


def check_growth_base(rule: Rule, ctx: Context) -> Iterator[Outcome]:
    """CHG005: a growth rate computed on the current value instead of the previous one."""
    for c, g, computed, undecided in _growths(rule, ctx):
        if undecided is not None or not _on_current_base(c, g, computed):
            continue  # undecided, holds, or fails some other way: CHG002 says so
        digits = max(c.percent.decimals, 2)
        shown = computed.value.quantize(Decimal(1).scaleb(-digits))
        wrong = g.on_current.value.quantize(Decimal(1).scaleb(-digits))
        like = c.delta if c.delta is not None and c.delta.kind == g.current.kind else None
        current = {lang: _term(ctx, g.current, lang, like) for lang in ("zh", "en")}
        arithmetic = {
            "zh": f"{g.num_term('zh')} / {current['zh']} = {wrong}% = 所写 {written(c.percent)}%；"
                  f"以上年数为基数：{g.num_term('zh')} / {g.base_term('zh')} = {shown}%",
            "en": f"{g.num_term('en')} / {current['en']} = {wrong}% = the {written(c.percent)}% stated; "
                  f"over the previous value: {g.num_term('en')} / {g.base_term('en')} = {shown}%",
        }
        evidence = [*g.evidence]
        if not any(e.role == "current" for e in evidence):
            evidence.append(Evidence.of(g.current, "current"))
        yield failed(rule, c, finding(
            rule, ctx, primary=c.percent, stated=c.percent.text, expected=f"{shown}%", arithmetic=arithmetic,
            evidence=evidence, comparison=compare(c.percent, computed), fields={"subject": _subject(c, ctx)},
        ), found=_explained(ctx, c, g))


def check_change_direction(rule: Rule, ctx: Context) -> Iterator[Outcome]:
    """CHG003: 增加 when the figure went up, 减少 when it went down (or, with no previous
    figure, when the stated rate fits the change only in the other direction)."""
    which = {"which_zh": "本年数与上年数", "which_en": "the figures"}
    for c in ctx.doc.changes:
        if c.direction_unstated:
            continue  # (a template's 增加(减少): no direction stated, none to hold it to)
        if c.previous is None and c.percent is not None and not c.percent.is_bound:
            found = _direction_by_rate(rule, ctx, c)
            if found is not None:
                yield found
            continue
        if c.reference != "previous" or c.current is None or c.previous is None or c.direction == 0:
            continue
        figures = [Evidence.at(c.keyword_span, c.keyword, "direction"), Evidence.of(c.current, "current"),
                   Evidence.of(c.previous, "previous")]
        deficit = _of_a_deficit(ctx, c)
        current, previous = _sizes(c) if deficit else (c.current, c.previous)
        moved = current.value - previous.value
        if abs(moved) <= c.current.tolerance + c.previous.tolerance:
            yield outcome(rule, c, "holds", figures, note="no change beyond rounding")
            continue
        if (moved > 0) == (c.direction > 0):
            yield outcome(rule, c, "holds", figures)
            continue
        said = {1: ("增加", "an increase"), -1: ("减少", "a decrease")}[c.direction]
        arithmetic = {
            lang: f"{_term(ctx, current, lang, name=c.current_name)} − "
                  f"{_term(ctx, previous, lang, current, earlier=True, name=c.compared_name)} = "
                  f"{grouped(f'{(moved / c.current.scale).normalize():f}')}{unit_of(c.current)}"
            for lang in ("zh", "en")
        }
        primary = c.delta or c.percent
        yield failed(rule, c, finding(
            rule, ctx, primary=primary, span=None if primary else c.keyword_span,
            stated=primary.text if primary else c.keyword, expected="减少" if moved < 0 else "增加",
            arithmetic=arithmetic, evidence=figures,
            fields={"said_zh": said[0], "said_en": said[1], **which},
        ), found=(doubt.explain_list_total_change(ctx.doubt, c.current, c.previous, c.delta, c.direction)
                  if c.delta is not None else None) or _other_pair(ctx, c))


def _explained(ctx: Context, c: Change, g: _Growth):
    """Another reading under which the stated rate holds as written (a multiple meant as a ratio, another
    current figure …)."""
    if g.rate is not None:
        found = doubt.multiple_as_ratio(c.percent, g.rate)
        if found is not None:
            return found
    if c.delta is None and c.previous is not None and g.current is not None:
        found = doubt.explain_list_total_growth(ctx.doubt, c.percent, g.current, c.previous)
        if found is not None:
            return found
    return doubt.explain_change(ctx.doubt, c.percent, c.delta, g.current, c.direction, growth=True,
                                keyword=c.keyword, role_other=c.role_other) or _other_pair(ctx, c)


def _parts_sum(parts, flipped: Change | None = None) -> Value:
    """The parts' signed changes added up (a flat part, "较上年无增减", adds nothing), with the
    part `flipped` taken the other way round."""
    summed = Value(Decimal(0), Decimal(0))
    for pc in parts:
        if pc.delta is not None:
            one = _signed(pc, pc.delta)
            summed = summed + (Value(-one.value, one.tolerance) if flipped is not None
                               and pc.delta.id == flipped.delta.id else one)
    return summed


def _stated_total(cl) -> Fact:
    """The total's change as a figure carrying its sign."""
    return cl.total.delta.model_copy(update={"value": _signed(cl.total, cl.total.delta).value})


def _holds_some_way(cl) -> bool:
    """Some of the changes do not state their direction (a template's 增加(减少), 减少(增加)): the parts make the
    total's change with those taken either way (each such change a size only; at most 10 of them tried)."""
    changes = [c for c in (cl.total, *cl.parts) if c.delta is not None]
    loose = [c for c in changes if c.direction_unstated and c.delta.value != 0]
    if not loose or len(loose) > 10:
        return False
    for signs in product((1, -1), repeat=len(loose)):
        turned = {id(c): sign for c, sign in zip(loose, signs)}
        summed = Value(Decimal(0), Decimal(0))
        for pc in cl.parts:
            if pc.delta is not None:
                one = _signed(pc, pc.delta)
                summed = summed + Value(one.value * turned.get(id(pc), 1), one.tolerance)
        total = _stated_total(cl)
        total = total.model_copy(update={"value": total.value * turned.get(id(cl.total), 1)})
        if compare(total, summed).verdict == "ok":
            return True
    return False


def _holds_flipped(cl, flipped: Change) -> bool:
    """The parts' changes make the total's with the part `flipped` the other way round."""
    return compare(_stated_total(cl), _parts_sum(cl.parts, flipped)).verdict == "ok"


_TOGETHER = {"zh": "；按此方向，各分项增减额之和也与总额增减额相符",
             "en": "; that way round, the parts' changes also make the total's"}


def _rate_fits_other_direction(ctx: Context, c: Change) -> bool:
    g = _growth(ctx, c)
    return not isinstance(g, tuple) and g.rate is not None and _other_direction(c, g) is not None \
        and _explained(ctx, c, g) is None


def _direction_by_rate(rule: Rule, ctx: Context, c: Change) -> Outcome | None:
    """"…1490.91万元,比上年减支670.23万元,降低81.67%": only an increase gives the stated rate."""
    g = _growth(ctx, c)
    if isinstance(g, tuple) or g.rate is None:
        return None
    flipped = _other_direction(c, g)
    if flipped is None:
        return None
    said = {1: ("增加", "an increase"), -1: ("减少", "a decrease")}[c.direction]
    other = {1: ("减少额", "decrease"), -1: ("增加额", "increase")}[c.direction]
    sign = "+" if c.direction > 0 else "−"
    shown = flipped.value.quantize(Decimal(1).scaleb(-max(c.percent.decimals, 2)))
    arithmetic = {
        "zh": f"{other[0]} {written(c.delta)} / ({_term(ctx, g.current, 'zh', c.delta)} {sign} {other[0]} "
              f"{written(c.delta)}) = {shown}% = 所写 {written(c.percent)}%",
        "en": f"{other[1]} {written(c.delta)} / ({_term(ctx, g.current, 'en', c.delta)} {sign} {written(c.delta)}) "
              f"= {shown}% = the {written(c.percent)}% stated",
    }
    found = _explained(ctx, c, g)
    if found is not None:
        return None  # CHG002 shows the reading under which the rate holds as written
    evidence = list(g.evidence)
    for cl in ctx.doc.change_lists:
        # the parts' changes that add up only with this one the other way: the same slip, shown
        if cl.reason == "change_parts_main":
            continue  # (main parts only: nothing says they make the total, the other way or not)
        if any(pc.delta is not None and pc.delta.id == c.delta.id for pc in cl.parts) and _holds_flipped(cl, c):
            evidence += [Evidence.of(cl.total.delta, "total change"),
                         *(Evidence.of(pc.delta, "part change") for pc in cl.parts
                           if pc.delta is not None and pc.delta.id != c.delta.id)]
            arithmetic = {lang: f"{text}{_TOGETHER[lang]}" for lang, text in arithmetic.items()}
            break
    return failed(rule, c, finding(
        rule, ctx, primary=c.delta, stated=c.delta.text, expected="增加" if c.direction < 0 else "减少",
        arithmetic=arithmetic, evidence=evidence,
        fields={"said_zh": said[0], "said_en": said[1], "which_zh": "增减额与增长率", "which_en": "the change and its rate"},
    ))


def check_change_parts(rule: Rule, ctx: Context) -> Iterator[Outcome]:
    """CHG004: the changes of the parts add up to the change of the total."""
    for cl in ctx.doc.change_lists:
        if cl.breakdown is not None:
            b = cl.breakdown
            label = b.total.concept or label_tail(b.total.label, 10)
            extra = [Evidence.of(b.total, "total"), *(Evidence.of(p, "part") for p in b.parts)]
        else:
            label = read_label(cl.total.subject_label, ctx.vocab).concept or label_tail(cl.total.subject_label, 10)
            extra = []
        yield _changes_sum(rule, ctx, cl, label, extra)


def _changes_sum(rule, ctx, cl, label: str, extra) -> Outcome:
    total_change, part_changes = cl.total, list(cl.parts)
    figures = [Evidence.of(total_change.delta, "total change"),
               *(Evidence.of(pc.delta, "part change") for pc in part_changes if pc.delta is not None), *extra]
    summed = _parts_sum(part_changes)
    stated = _stated_total(cl)
    cmp = compare(stated, summed)
    if cmp.verdict == "ok":
        return outcome(rule, cl, "holds", figures)
    if _holds_some_way(cl):
        return outcome(rule, cl, "holds", figures, note="with the unstated directions (增加(减少)) taken as they add up")
    if cl.reason == "change_parts_main":
        return outcome(rule, cl, "undecided", figures,
                       note="主要是 names the main parts, perhaps not all: those unsaid may make the rest")
    for pc in part_changes:
        # "…减支670.23万元,降低81.67%" where only an increase gives the rate (CHG003 says so):
        # with that part the other way, the parts make the total's change — one slip, said once
        if pc.delta is not None and pc.percent is not None and _rate_fits_other_direction(ctx, pc) \
                and _holds_flipped(cl, pc):
            return outcome(rule, cl, "fails", figures, note="one part's direction is wrong: = CHG003")
    like = total_change.delta
    terms = ""
    for n, pc in enumerate(part_changes):
        shown = written(pc.delta, like) if pc.delta is not None else "0"
        if n == 0:
            terms = ("-" if pc.direction < 0 else "") + shown
        else:
            terms += (" − " if pc.direction < 0 else " + ") + shown
    decimals = max(pc.delta.decimals for pc in part_changes if pc.delta is not None)
    shown = (summed.value / like.scale).quantize(Decimal(1).scaleb(-decimals))
    unit = unit_of(like)
    arithmetic = {
        lang: f"{terms} = {grouped(str(shown))}{unit} ≠ {'-' if total_change.direction < 0 else ''}{written(like)}{unit} "
              f"{diff_text(cmp.difference, like, lang, decimals)}"
        for lang in ("zh", "en")
    }
    # Σ direction × part change − direction × total change = 0: which figure is wrong, when the
    # other relations say (a flat part, direction 0, leaves nothing to solve for)
    changes = [*part_changes, total_change]
    equation = Equation("linear", (*((pc.delta, Decimal(pc.direction)) for pc in part_changes),
                                   (total_change.delta, Decimal(-total_change.direction)))) \
        if all(c.direction and c.delta is not None for c in changes) \
        and len({c.delta.id for c in changes}) == len(changes) else None
    found = doubt.explain_change_sum(ctx.doubt, [total_change.delta, *(pc.delta for pc in part_changes if pc.delta is not None)],
                                     getattr(cl, "breakdown", None), ctx.vocab) or _nested_changes(ctx, cl)
    return failed(rule, cl, finding(
        rule, ctx, primary=total_change.delta, stated=total_change.delta.text,
        expected=f"{sign_as_written(like) if shown < 0 else ''}{abs(shown)}{like.written_unit}",
        arithmetic=arithmetic, evidence=figures, comparison=cmp, fields={"label": label},
    ), found=found, equation=equation)


def _nested_changes(ctx: Context, cl) -> doubt.Found | None:
    """The parts' changes, signed, against the total's: the level reading of doubt.py."""
    if any(pc.delta is None for pc in cl.parts) or cl.total.delta is None:
        return None
    signed = [pc.delta.model_copy(update={"value": pc.delta.value * pc.direction, "label": pc.subject_label})
              for pc in cl.parts]
    total_change = cl.total.delta.model_copy(update={"value": cl.total.delta.value * cl.total.direction})
    return doubt.explain_change_levels(ctx.doubt, signed, total_change, ctx.vocab)


def _compound_rate(start: Decimal, end: Decimal, years: int) -> Decimal:
    """(end / start)^(1 / years) − 1, in percent."""
    return ((end / start) ** (Decimal(1) / years) - 1) * 100


def _rate_range(g, years: int, compound: bool) -> tuple[Decimal, Decimal] | None:
    """The rates a year the two figures give, rounded as written: lowest and highest."""
    low_start, high_start = g.start.value - g.start.tolerance, g.start.value + g.start.tolerance
    low_end, high_end = g.end.value - g.end.tolerance, g.end.value + g.end.tolerance
    if low_start <= 0 or low_end <= 0:
        return None
    if compound:
        return _compound_rate(high_start, low_end, years), _compound_rate(low_start, high_end, years)
    return (low_end / high_start - 1) * 100 / years, (high_end / low_start - 1) * 100 / years


def check_compound_growth(rule: Rule, ctx: Context) -> Iterator[Outcome]:
    """CHG006: 年均增长 p% from a start figure to an end figure is the rate a year that compounds one into the other over
    the years between them (also read: over one year more, or as the growth spread evenly — reports count either way)."""
    for g in ctx.doc.compound_growths:
        if g.total is not None:
            yield from _compound_total(rule, ctx, g)
            continue
        figures = [Evidence.of(g.rate, "growth"), Evidence.of(g.start, "previous"), Evidence.of(g.end, "current")]
        stated = g.rate.value * g.direction if not g.rate.text.lstrip().startswith("-") else g.rate.value
        low, high = stated - g.rate.tolerance, stated + g.rate.tolerance
        readings = [(g.years, True), (g.years + 1, True), (g.years, False)]
        ranges = [_rate_range(g, n, compound) for n, compound in readings]
        if any(r is not None and r[0] <= high and low <= r[1] for r in ranges):
            yield outcome(rule, g, "holds", figures)
            continue
        if ranges[0] is None:
            yield outcome(rule, g, "undecided", figures, note="a figure at or below zero")
            continue
        computed = _compound_rate(g.start.value, g.end.value, g.years)
        digits = max(g.rate.decimals, 2)
        shown = computed.quantize(Decimal(1).scaleb(-digits))
        cmp = compare(g.rate.model_copy(update={"value": stated}), Value(computed, (ranges[0][1] - ranges[0][0]) / 2))
        arithmetic = {lang: f"({written(g.end)} / {written(g.start, g.end)})^(1/{g.years}) − 1 = {shown}% ≠ "
                            f"{written(g.rate)}% {diff_text(cmp.difference, g.rate, lang, digits)}" for lang in ("zh", "en")}
        yield failed(rule, g, finding(rule, ctx, primary=g.rate, stated=g.rate.text, expected=f"{shown}%",
                                      arithmetic=arithmetic, evidence=figures, comparison=cmp),
                     accuse_from=EXPLICIT)


def _compound_total(rule: Rule, ctx: Context, g) -> Iterator[Outcome]:
    """年均增长 p% against the growth over the years it compounds to: (1 + p)^years = 1 + q ("年均增长12.3%,2020年达到
    9410.76元,比2015年增长76.48%"); also read over one year more, or spread evenly (p × years = q), as CHG006 reads
    the figures.  Both rates as written, each within half its last digit."""
    figures = [Evidence.of(g.rate, "rate"), Evidence.of(g.total, "growth")]
    p = g.rate.value * g.direction if not g.rate.text.lstrip().startswith("-") else g.rate.value
    q = g.total.value * g.total_direction if not g.total.text.lstrip().startswith("-") else g.total.value
    hundred = Decimal(100)
    p_low, p_high = (p - g.rate.tolerance) / hundred, (p + g.rate.tolerance) / hundred
    q_low, q_high = (q - g.total.tolerance) / hundred, (q + g.total.tolerance) / hundred
    if p_low <= -1:
        yield outcome(rule, g, "undecided", figures, note="a rate at or below −100 %")
        return
    readings = [((1 + p_low) ** n - 1, (1 + p_high) ** n - 1) for n in (g.years, g.years + 1)]
    readings.append((p_low * g.years, p_high * g.years))
    if any(low <= q_high and q_low <= high for low, high in readings):
        yield outcome(rule, g, "holds", figures)
        return
    computed = ((1 + p / hundred) ** g.years - 1) * hundred
    digits = max(g.total.decimals, 2)
    shown = computed.quantize(Decimal(1).scaleb(-digits))
    low, high = readings[0]
    cmp = compare(g.total.model_copy(update={"value": q}), Value(computed, (high - low) * hundred / 2))
    arithmetic = {lang: f"(1 + {written(g.rate)}%)^{g.years} − 1 = {shown}% ≠ {written(g.total)}% "
                        f"{diff_text(cmp.difference, g.total, lang, digits)}" for lang in ("zh", "en")}
    yield failed(rule, g, finding(rule, ctx, primary=g.total, stated=g.total.text, expected=f"{shown}%",
                                  arithmetic=arithmetic, evidence=figures, comparison=cmp),
                 accuse_from=EXPLICIT)
