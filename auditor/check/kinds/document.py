"""Whole-document checks: repeated figures, heading numbering, plausibility."""

from __future__ import annotations

from bisect import bisect_left
from decimal import Decimal
from typing import Iterator

from auditor import lazyre
from auditor.check import doubt
from auditor.check.arithmetic import Equation, Value, compare, unit_of, written
from auditor.check.context import Context, diff_text, failed, finding, label_tail, line_head, outcome
from auditor.check.rulebook import Rule
from auditor.extract.bind.reasons import STRUCTURAL
from auditor.extract.bind.resolvers import column_agreement
from auditor.extract.model import Fact
from auditor.extract.readings import clean_label, part_start
from auditor.findings import Evidence, Outcome

_CN = "零一二三四五六七八九十"


def _cn(n: int) -> str:
    if n <= 10:
        return _CN[n]
    if n < 20:
        return "十" + (_CN[n - 10] if n > 10 else "")
    return _CN[n // 10] + "十" + (_CN[n % 10] if n % 10 else "")


def check_repeat(rule: Rule, ctx: Context) -> Iterator[Outcome]:
    """DUP001: one quantity (concept, year, scenario, funding scope) stated with different values.

    Only concepts of the vocabulary count (a label the vocabulary does not know
    is too loose an identity), and each conflict is reported once.
    """
    yield from _repeats(rule, ctx, ctx.doc.repeats)


def check_named_repeat(rule: Rule, ctx: Context) -> Iterator[Outcome]:
    """DUP002: the amount a document (文号, 《title》) or a project names, stated with different
    values (a project's name alone only warns)."""
    yield from _repeats(rule, ctx, ctx.doc.named_repeats, accuse_from=STRUCTURAL)


def _repeats(rule: Rule, ctx: Context, repeats, accuse_from: int | None = None) -> Iterator[Outcome]:
    generic = set(rule.params.get("ignore", ()))
    # differences the text itself states ("决算比预算减少120万元") explain two values
    stated_deltas = sorted((c.delta for c in ctx.doc.changes if c.delta is not None and c.delta.kind == "amount"),
                           key=lambda d: d.value)
    # (their values by rounding, each list ascending: whether one explains a gap is a bisect a rounding,
    # not a walk through every delta near it — a long text states many of about one size)
    by_tolerance: dict[Decimal, list[Decimal]] = {}
    for d in stated_deltas:
        by_tolerance.setdefault(d.tolerance, []).append(d.value)
    reported: set[int] = set()
    for pair in repeats:
        if pair.concept in generic or pair.group in reported:
            continue
        first, other = pair.first, pair.other
        figures = [Evidence.of(other, "repeat"), Evidence.of(first, "first")]
        equation = Equation("linear", ((other, Decimal(1)), (first, Decimal(-1))))
        cmp = compare(other, Value.of(first))
        if cmp.verdict == "ok":
            yield outcome(rule, pair, "holds", figures, equation=equation)
            continue
        gap = abs(other.value - first.value)
        if any(_within(values, gap, tolerance + other.tolerance + first.tolerance)
               for tolerance, values in by_tolerance.items()):
            yield outcome(rule, pair, "holds", figures, note="a change the text states explains the two values")
            continue
        unit = unit_of(other)
        arithmetic = {
            "zh": f"{written(other)}{unit}（第{other.span.line}行）≠ {written(first, other)}{unit}（第{first.span.line}行）"
                  f"{diff_text(cmp.difference, other, 'zh')}",
            "en": f"{written(other)}{unit} (line {other.span.line}) ≠ {written(first, other)}{unit} (line {first.span.line}) "
                  f"{diff_text(cmp.difference, other, 'en')}",
        }
        # (a bracket restating the figure right after it, or the two headings of a form that split one total: of one
        # quantity by where they stand — the headings' own names are no two scopes)
        found = doubt.explain_repeat(ctx.doubt, first, other, restated=True,
                                     in_place=pair.reason in {"restated_in_bracket", "side_by_side_totals"})
        if found is None:
            reported.add(pair.group)  # one finding per conflicting quantity
        # (with its arithmetic, so that a mention another relation confirms is taken as right and the other is
        # named — "三公经费21.36万元" beside "全年“三公”经费支出12.36万元,其中…" whose parts make 12.36 —, and where
        # neither is, neither is blamed)
        blamed = Equation("linear", equation.terms, blame=_ONE_OF_TWO)
        yield failed(rule, pair, finding(rule, ctx, primary=other, stated=other.text, expected=first.text,
                                         arithmetic=arithmetic, evidence=figures, comparison=cmp,
                                         fields={"concept": pair.concept, "first_line": str(first.span.line)}),
                     found=found, accuse_from=accuse_from, equation=blamed)


_ONE_OF_TWO = {"zh": "两处之一有误", "en": "one of the two is wrong"}


def _within(values: list[Decimal], x: Decimal, margin: Decimal) -> bool:
    """One of the ascending `values` lies within `margin` of x."""
    i = bisect_left(values, x - margin)
    return i < len(values) and values[i] - x <= margin


def check_unit_slip(rule: Rule, ctx: Context) -> Iterator[Outcome]:
    """UNI001: one quantity written in 元 in one place and in 万元 in another."""
    for slip in ctx.doc.unit_slips:
        if slip.reason == "unit_unlike_siblings":
            continue  # UNI002's
        f = slip.slipped
        others = list(slip.others)
        figures = [Evidence.of(f, "slipped"), *(Evidence.of(o, "other mention") for o in others)]
        first = others[0]
        # the slipped figure read in the other mentions' unit is their value
        moved = f.model_copy(update={"value": f.written_value * first.scale, "scale": first.scale})
        if compare(moved, Value.of(first)).verdict != "ok":
            yield outcome(rule, slip, "undecided", figures, note="the digits differ in the other unit")
            continue
        lines = "、".join(f"第{o.span.line}行" for o in others)
        lines_en = ", ".join(str(o.span.line) for o in others)
        should_be = f"{written(f)}{first.written_unit}"
        arithmetic = {"zh": f"{f.text}（第{f.span.line}行）与 {first.text}（{lines}）数字相同、单位相差一万倍",
                      "en": f"{f.text} (line {f.span.line}) has the digits of {first.text} (line {lines_en}), "
                            f"in a unit 10⁴ apart"}
        yield failed(rule, slip, finding(
            rule, ctx, primary=f, stated=f.text, expected=should_be, arithmetic=arithmetic, evidence=figures,
            fields={"concept": slip.concept, "unit": first.written_unit},
        ), found=doubt.explain_repeat(ctx.doubt, first, f))


def check_sibling_unit(rule: Rule, ctx: Context) -> Iterator[Outcome]:
    """UNI002: an amount in 元 among the 万元 amounts of a list, with digits of their size."""
    for slip in ctx.doc.unit_slips:
        if slip.reason != "unit_unlike_siblings":
            continue
        f, others = slip.slipped, list(slip.others)
        figures = [Evidence.of(f, "slipped"), *(Evidence.of(o, "other mention") for o in others)]
        smallest = min(o.value for o in others)
        if f.value * 1000 >= smallest:
            yield outcome(rule, slip, "holds", figures, note="of a size that may be in 元")
            continue
        siblings = "、".join(o.text for o in others)
        arithmetic = {"zh": f"同列各项 {siblings} 均以万元计，{f.text} 不到其中最小一项的千分之一；"
                            f"读作 {written(f)}万元 则与各项同一量级",
                      "en": f"the other items ({siblings}) are in 万元 and {f.text} is less than a thousandth of the "
                            f"smallest of them; as {written(f)}万元 it would be of their size"}
        yield failed(rule, slip, finding(
            rule, ctx, primary=f, stated=f.text, expected=f"{written(f)}万元", arithmetic=arithmetic, evidence=figures,
            fields={"label": slip.concept},
        ))


def check_headings(rule: Rule, ctx: Context) -> Iterator[Outcome]:
    """STR001: top-level headings 一、二、三 … neither skip nor repeat a number."""
    previous = None
    head = (0, 0)  # the words before the first heading of the run (the numbers from "一、" or from a fall): its title
    for h in ctx.doc.headings:
        n = h.number
        if n is None:  # its numeral was lost: it takes the next number
            if previous is not None:
                previous = previous.model_copy(update={"number": previous.number + 1})
            continue
        if previous is None or n == 1:
            head = (previous.span.end if previous is not None else 0, h.span.start)
            previous = h
            continue
        expected = previous.number + 1
        if n == expected:
            previous = h
            continue
        if ctx.vocab.cue("quoted_document_line").search(ctx.text, previous.span.end, h.span.start):
            # ("(2)依…函訂定「…應行注意事項」⏎ 三、學校可代收…": after a quoted title of another document, its own headings —
            # another run, numbered from wherever the quote begins)
            head = (previous.span.end, h.span.start)
            previous = h
            continue
        found = None
        if n > expected and n - expected <= 3:
            missing = "、".join(_cn(k) for k in range(expected, n))
            found = doubt.explain_heading_gap(ctx.text, previous.span.end, h.span.start,
                                              [_cn(k) for k in range(expected, n)], head, ctx.vocab)
            arithmetic = {"zh": f"{_cn(previous.number)}、 → {_cn(n)}、（缺{missing}）",
                          "en": f"{_cn(previous.number)}、 → {_cn(n)}、 ({missing} missing)"}
        elif n == previous.number:
            arithmetic = {"zh": f"{_cn(n)}、 重复出现", "en": f"{_cn(n)}、 appears twice"}
        else:
            head = (previous.span.end, h.span.start)  # (numbers that fall: another run, perhaps another document)
            previous = h
            continue
        yield failed(rule, None, finding(
            rule, ctx, span=h.span, stated=f"{_cn(n)}、", expected=f"{_cn(expected)}、", arithmetic=arithmetic,
            evidence=[Evidence.at(h.span, f"{_cn(n)}、", "heading"),
                      Evidence.at(previous.span, f"{_cn(previous.number)}、", "previous heading")],
            fields={"heading": h.text}), reason="heading_numbers", found=found)
        previous = h


# "占调整预算数115.8%" compares spending with a budget, "占全省平均水平的112.8%" a level with an average: it may exceed
# 100 %
_PLANNED = lazyre.compile("预算|计划|年初|任务|目标|平均|水平")


def check_bounded(rule: Rule, ctx: Context) -> Iterator[Outcome]:
    """PLA001: a rate that cannot exceed 100 % (占比, 满意度, 覆盖率 …) above it."""
    words = tuple(ctx.vocab.bounded)
    # (a ratio of two figures of one grid row — 税收收入 | 132.0 | 132.4 | 100.3 — is a rate of
    # unknown name: revenue collected may exceed its budget)
    # (nor does a share of an increase, "占增收额的112.5%", when other parts fell)
    of_change = ctx.vocab.cue("change_named")
    # (nor a ratio to the same quantity's amount last year, "收入128,635万元,相当于上年122,016万元的105.4%": the whole is
    # named by its year alone, cue last_years_figure — this year's amount may pass it)
    last_year = ctx.vocab.cue("last_years_figure")
    shares = {s.percent.id for s in ctx.doc.shares if not _PLANNED.search(s.whole_label) and not of_change.search(s.whole_label)
              and not last_year.fullmatch(s.whole_label.strip())
              and not _ratio_to_last_years_amount(ctx, s)
              and not (s.reason == column_agreement.REASON and s.part.label == s.whole.label)
              and not _not_within(ctx, s)}
    # (and the row's name does not bound that rate either: "读者满意度(%) | 90 | 94.5 | 105.0" — 105.0 is the 完成率
    # 94.5 / 90 the grid's columns agree on, the satisfaction rate is 94.5)
    row_rates = {s.percent.id for s in ctx.doc.shares
                 if s.reason == column_agreement.REASON and s.part.label == s.whole.label}
    # (nor a common-size statement's 百分比: each row's of the column's 100 row, which 營業成本 or 營業外收入 are no part
    # of — 118.37 when costs pass revenue; RAT002 checks it against that row itself)
    row_rates |= {s.percent.id for s in ctx.doc.shares if s.reason == "table_share_of_column"}
    # (nor an index column, "指数" with its base row at 100: a later quarter's 113.41 is above the base, no share)
    row_rates |= {s.percent.id for s in ctx.doc.shares if column_agreement.INDEX_VIA in s.via}
    # (a percent whose words are all its whole's, "占一般公共预算支出100.00亿元的112.3%": named by that whole's words)
    named_by_whole = {s.percent.id: clean_label(s.whole.label) + "的" for s in ctx.doc.shares
                      if s.whole is not None and clean_label(s.whole.label)}
    limit = Decimal(100)
    for f in ctx.doc.facts:
        if f.kind != "percent" or f.is_bound or f.written_unit == "倍":
            continue  # (a multiple, "是…的2.48倍", says the figure exceeds the other)
        if f.id in row_rates:
            continue
        bounded = f.id in shares or any(w in f.label for w in words)
        if not bounded or ctx.vocab.cue("change_percent").search(f.label) or ctx.vocab.cue("unbounded_rate").search(f.label):
            continue
        if ctx.text and ctx.vocab.cue("share_not_within_whole").search(f.label) \
                and ctx.vocab.cue("share_not_within_part").search(ctx.text, max(0, f.span.start - 40), f.span.start):
            continue  # ("全年提取…万元,占当年缴存额的108.03%": one quantity in another it is no part of)
        if f.value - f.tolerance <= limit:
            continue  # (a bound that holds is not a relation the report states: no outcome)
        if ctx.text and _said_beyond_its_whole(ctx, f):
            continue
        if _share_of_a_net_result(ctx, f):
            continue  # ("信用部盈餘占全會盈餘110.84%" with 推廣部虧損: a part of a sum that others make smaller)
        if _sum_of_rounded_shares(ctx, f):
            continue  # ("…占29.91%。(因四舍五入,各项占比之和为100.01%)": the shares' own rounding)
        arithmetic = {"zh": f"{written(f)}% > 100%", "en": f"{written(f)}% > 100%"}
        yield failed(rule, None, finding(rule, ctx, primary=f, stated=f.text, expected="≤ 100%", arithmetic=arithmetic,
                                         evidence=[Evidence.of(f, "rate")],
                                         fields={"label": label_tail(f.label or named_by_whole.get(f.id, ""), 12)}),
                     reason="bounded_rate", found=doubt.explain_figure(ctx.doubt, f))


def _ratio_to_last_years_amount(ctx: Context, s) -> bool:
    """"为上年全年收入391.20亿元的102.8%", "相当于去年同期销售额98.14亿元的110.7%": a whole named as last year's amount (cue
    last_years_whole, not last year's carry-over or year-end stock) of a part not named as last year's — a ratio of this
    year's amount to last year's, no share of a whole: this year's may pass it."""
    if not ctx.vocab.cue("last_years_whole").match(s.whole_label.strip()):
        return False
    return s.part is None or not ctx.vocab.cue("last_years_whole").search(clean_label(s.part.label))


def _share_of_a_net_result(ctx: Context, f) -> bool:
    """The rate is a part's share of a net result (cue net_result_whole: "占各部門盈餘合計之100.76%", "占全會盈餘
    110.84%") in a report that states a loss or deficit (cue deficit_size) or an amount below zero: the other parts' losses
    take the whole below this part, which may then pass 100 % of it."""
    wholes = [s.whole_label for s in ctx.doc.shares if s.percent.id == f.id and s.whole_label]
    if not any(ctx.vocab.cue("net_result_whole").search(w) for w in (f.label, *wholes)):
        return False
    return any(g.kind == "amount" and g.value < 0 for g in ctx.doc.facts) \
        or bool(ctx.text and ctx.vocab.cue("deficit_size").search(ctx.text))


def _said_beyond_its_whole(ctx: Context, f) -> bool:
    """The rate's sentence says why it may pass 100 %: what it counts holds more than its base (cue part_beyond_whole:
    "已支出5,562万元(含使用上年结转312万元),支出额占本年下达数的103.00%", "参保率为100.3%(参保人数含在本市参保的外地户籍
    人员)"), or the rate of that name is a multiple ("平均覆盖率为1.42倍,其中收费公路类项目覆盖率达到136.5%")."""
    start = ctx.doubt.sentence_start(f.span.start)
    end = ctx.text.find("。", f.span.end)
    end = len(ctx.text) if end < 0 else end
    if ctx.vocab.cue("part_beyond_whole").search(ctx.text, start, end):
        return True
    name = _RATE_NAME.search(clean_label(f.label))
    return bool(name) and any(m.group(1) == name.group(1) for m in _MULTIPLE_RATE.finditer(ctx.text, start, end))


_RATE_NAME = lazyre.compile(r"([\u4e00-\u9fff]{2}率)(?:为|是|达到?|约)?$")
_MULTIPLE_RATE = lazyre.compile(r"([\u4e00-\u9fff]{2}率)(?:为|是|达到?|约)?\s*\d+(?:\.\d+)?\s*倍")


def _sum_of_rounded_shares(ctx: Context, f) -> bool:
    """A figure named as the sum of shares ("各项占比之和为100.01%") that is the sum of the shares of one whole written
    before it, which add to 100 % within their rounding (n shares of d decimals may pass it by up to n × ½×10^-d):
    what the rounding of its terms gives, no share above 100 %."""
    if not ctx.vocab.cue("shares_sum_named").search(clean_label(f.label)):
        return False
    for group in ctx.doc.partitions:
        if not group.shares or group.shares[-1].span.end > f.span.start:
            continue
        summed = sum((x.value for x in group.shares), Decimal(0))
        slack = sum((x.tolerance for x in group.shares), Decimal(0))
        if abs(f.value - summed) <= f.tolerance and summed - slack <= 100:
            return True
    return False


def _not_within(ctx: Context, s) -> bool:
    """A share of one quantity in another it is no part of ("营业成本占营业收入之比率103.36%", "人事费占自有财源之
    比率140.40%"), or of a stock in a year's flow ("债务未偿余额占岁出总额的比率227.17%"): it may exceed 100 %."""
    # (no part figure: the words its clause opens with name it — "即债务未偿余额占岁出总额的比率为227.17%")
    at = s.percent.span.start
    part = s.part.label if s.part is not None else ctx.text[max(part_start(ctx.text, at, ",;。:"), at - 40):at]
    whole = s.whole_label or (s.whole.label if s.whole is not None else "")
    return bool(ctx.vocab.cue("share_not_within_part").search(part)
                and ctx.vocab.cue("share_not_within_whole").search(whole)) \
        or bool(ctx.vocab.cue("share_stock_part").search(part) and ctx.vocab.cue("share_flow_whole").search(whole))




def _counted_with_its_sign(ctx: Context, f) -> bool:
    """The amount is a part of a list whose total its parts make only with its sign."""
    for b in ctx.doc.breakdowns:
        if any(p.id == f.id for p in b.parts):
            total = sum((p.value for p in b.parts), Decimal(0)) - sum((p.value for p in b.subtracted), Decimal(0))
            if compare(b.total, Value(total, sum((p.tolerance for p in (*b.parts, *b.subtracted)), Decimal(0)))).verdict == "ok":
                return True
    return False


_SUM_REACH = 160  # characters before the run of amounts a total it makes may stand
_RESTATED_REACH = 24  # characters from an amount to the bracket that restates it with its sign


def _summed_with_its_sign(ctx: Context, f) -> bool:
    """The amount, with its sign, and the amounts listed right before or after it make another amount stated just
    before them, whose parts the words between say they are ("合共核减264.38万元,由核减工程量清单393.25万元和补列漏项
    -128.87万元组成": 393.25 − 128.87 = 264.38): the text counts it below zero on purpose — not "资产4821.30万元,负债
    6033.50万元,资产总额-1212.20万元", three items of an account, one of them named wrong."""
    facts = [g for g in ctx.doc.facts if g.kind == "amount" and g.unit == f.unit and not g.in_table
             and f.span.start - _SUM_REACH <= g.span.start <= f.span.end + _SUM_REACH]
    at = next((n for n, g in enumerate(facts) if g.id == f.id), None)
    if at is None:
        return False
    for first in range(max(0, at - 5), at + 1):
        for last in range(at, min(len(facts), first + 6)):
            if last == first:
                continue
            run = facts[first:last + 1]
            total = Value(sum((g.value for g in run), Decimal(0)), sum((g.tolerance for g in run), Decimal(0)))
            if ctx.text and any(compare(t, total).verdict == "ok" and ctx.vocab.cue("parts_follow").search(
                    ctx.text, t.span.end, run[0].span.start) for t in facts[:first] if t.value > 0):
                return True
    return False


def _signed_restatement(ctx: Context, f) -> bool:
    """A negative amount in a bracket opened right after an amount of the same size ("营业损失123,450千元(表列△123,450千
    元)", "减列…102.68億元(以负数列示:-102.68億元)"): that amount, written with its sign."""
    if not ctx.text:
        return False
    before = [g for g in ctx.doc.facts if g.kind == "amount" and g.unit == f.unit and g.value == -f.value
              and 0 <= f.span.start - g.span.end <= _RESTATED_REACH]
    return any(_OPEN_BRACKET.fullmatch(ctx.text, g.span.end, f.span.start) for g in before)


_OPEN_BRACKET = lazyre.compile(r"\s*[(（][^()（）。;；]*")
_TITLE_REACH = 2  # lines above a table its title may stand on


def _under_signed_heading(ctx: Context, f) -> bool:
    """The amount's line opens with the name of a result that may fall below zero, before its colon ("三、本期賸餘（短絀）：
    預算數△56,770千元,審定數△18,411千元"), or it stands in a table whose header or title names one ("…農會損益決算摘要"
    over department rows, 推廣部 △2,864,320): a deficit or loss written with its sign, whatever its own cell is called."""
    if not ctx.text:
        return False
    cue = ctx.vocab.cue("signed_result")
    head = line_head(ctx.text, f.span.start)
    if head is not None and cue.search(ctx.text, *head):
        return True
    if not f.in_table:
        return False
    for t in ctx.doc.tables:
        if t.span.start <= f.span.start < t.span.end:
            if any(cue.search(c) for c in t.columns):
                return True
            above = ctx.text[:t.span.start].rstrip("\n").split("\n")[-_TITLE_REACH:]
            return any(cue.search(line) for line in above)
    return False


def _named(f: Fact) -> str:
    """What a negative amount's message calls it: a table cell by its row (its concept, "上解上级支出(以“-”号填列)",
    whole — the last characters of row and column together start inside the row's name: "出(以“-”号填列)金额"),
    a sentence's figure by the end of its label."""
    if f.in_table and f.concept and len(f.concept) <= 24:
        return f.concept
    return label_tail(f.label, 12)


def _sentence_end(text: str, start: int) -> int:
    """Where the sentence holding `start` ends (its 。, ！, ？ or line end)."""
    ends = [i for i in (text.find(c, start) for c in "。！？\n") if i >= 0]
    return min(ends) + 1 if ends else len(text)


def check_negative(rule: Rule, ctx: Context) -> Iterator[Outcome]:
    """PLA002: an amount below zero where a report states sizes (not changes)."""
    changes = {c.delta.span.start for c in ctx.doc.changes if c.delta is not None}  # ("分别增加…、-0.36亿元": a change)
    for f in ctx.doc.facts:
        if f.kind != "amount" or f.value >= 0 or f.span.start in changes:
            continue
        if ctx.vocab.cue("signed_amount").search(f.label):
            continue
        if ctx.vocab.cue("last_years_figure").fullmatch(clean_label(f.label)) and any(
                ctx.vocab.cue("signed_amount").search(g.label) for g in ctx.doc.facts
                if g.sentence == f.sentence and g.kind == "amount" and g.span.end <= f.span.start):
            continue  # ("利润总额为-2310.50万元,上年为-4897.20万元": last year's figure of the quantity before it)
        if ctx.text and ctx.vocab.cue("negative_reason").match(ctx.text, f.span.end, f.span.end + 48):
            continue  # the text says why the amount is below zero (money taken back)
        if ctx.text and ctx.vocab.cue("negative_balance").search(clean_label(f.label)) \
                and ctx.vocab.cue("negative_named").search(ctx.text, max(0, f.span.start - 400), _sentence_end(ctx.text, f.span.end)):
            continue  # ("中央集中彩票公益金出现负结余 … 期末余额-101869万元": a balance the text itself calls negative)
        if _counted_with_its_sign(ctx, f) or _summed_with_its_sign(ctx, f):
            continue  # ("…补充预算周转金-21万元,…,支出总计473796万元": a part its total counts below zero, a draw-down)
        if _signed_restatement(ctx, f) or _under_signed_heading(ctx, f):
            continue  # ("减列一般行政费用102.68億元(以负数列示:-102.68億元)": the amount before it, written with its sign)
        if any(g.kind == "amount" and g.sentence == f.sentence and g.id != f.id
               and clean_label(g.label).endswith("+") for g in ctx.doc.facts):
            continue  # ("增减项目分别为:社福+403亿元、国防+263亿元、债务付息-71亿元": a list of signed changes)
        yield failed(rule, None, finding(rule, ctx, primary=f, stated=f.text, expected="≥ 0",
                                         arithmetic={"zh": f"{written(f)} < 0", "en": f"{written(f)} < 0"},
                                         evidence=[Evidence.of(f, "amount")], fields={"label": _named(f)}),
                     reason="plain_amount")
