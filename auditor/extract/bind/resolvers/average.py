"""年平均 A of a total T over the N years its sentence says: A = T / N.

    "1958~1965年,…投资共计1050万元,每年平均131万元"            → 131 = 1050 / 8
    "1976~1985年的10年财政总收入9117万元,年平均911.7万元"      → 911.7 = 9117 / 10
    "“十三五”期间累计投入资金12.5亿元,年均投入2.5亿元"        → 2.5 = 12.5 / 5

The mean is named so (年平均, 年均, 平均每年, 每年平均 — not a rate, 年均增长); the total is the amount
before it in its sentence (of its unit, not itself a mean); the years are said before the total in that
sentence: a count of years ("的36年", "五年间"), else a span of years ("1958~1965年": 8 years counted
inclusive, or 7 between its ends — reports write both), else a five-year plan ("“十三五”期间": 5).
A sentence that says no years goes on with the years of the sentence before it in its paragraph
("…36年财政总收入24424万元,年平均679.28万元…。财政总支出36106万元,年平均1002.94万元"): a reading
carried over, not said.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate
from auditor.extract.bind.reasons import VISITS_FOR_HEADS
from auditor.extract.bind.standards import per_unit
from auditor.extract.model import Average, Fact
from auditor.extract.numbering import YEAR_SPAN, counted
from auditor.extract.readings import Reading, clean_label

# the mean's own words: the mean word and at most a verb ("年均投入", "每年平均"); not a mean per unit ("每村每年",
# "户年均"), nor a rate (年均增长)
_MEAN = lazyre.compile(r"(?:^|[^每户村人亩])(?:年均|年平均|平均每年|每年平均)(?:投入|完成|收入|支出|增加|安排|发放|拨付|下达|实现|达到|争取|筹集|审减|核减|节约)?(?:资金|金额)?$")
# "的36年", "10年", "五年间", "这五年", "近三年来" — not a year ("1985年"), nor "3年期"
# a count of years said as the stretch the total is of ("五年间", "这五年", "近三年来", "1949~1985年的36年"), not a term of
# something ("3年行动", "15年免费教育", "10年期债券", "80年代")
_COUNT = lazyre.compile(r"(?:(?<=这)|(?<=近)|(?<=过去)|(?<=年的)|(?<=年间)|(?<=\d年))(\d{1,2}|[两二三四五六七八九十]|十[一二三四五六七八九])\s*个?年"
                        r"|(?<![\d.第个])(\d{1,2}|[两二三四五六七八九十]|十[一二三四五六七八九])\s*个?年"
                        r"(?=间|来|中|里|内|以来|期间|累计|共|合计)")
# any other words of years or periods between the years taken and the mean: a sub-period or another stretch
_YEAR_WORDS = r"(?:19|20)\d{2}\s*年|\d{1,2}\s*年|[两二三四五六七八九十]\s*个?年|年代|时期|期间|以来"
_OTHER_YEARS = lazyre.compile(_YEAR_WORDS + "|其中")
# ("“十四五”以来": the years so far, not five)
_PLAN = lazyre.compile(r"[“\"]?(?:十[一二三四五六七八九十]{1,2}五|[一二三四五六七八九十]{1,3}五)[”\"]?(?:期间|时期)")
_YEARS_AFTER = lazyre.compile(_YEAR_WORDS)
_CHANGED = lazyre.compile(r"增长|增加|减少|下降|[比较]")  # (a change said of the total: the mean may be of the subject)
_TOTAL = lazyre.compile(r"累计|共计|合计|总计|总|共|全部")
_TOTAL_BEFORE = lazyre.compile(r"(?:累计|共计|合计|总计|共)\s*(?:为|达到?|是)?\s*$")


def resolve(r: Reading) -> Iterator[Candidate]:
    tree = r.tree
    text = r.norm.text
    carried: dict[int, tuple[tuple[int, ...], str, int, int]] = {}  # paragraph → the years last said in it
    for s in tree.of_kind("labelled"):
        mean = r.facts[s.index]
        if mean is None or mean.kind != "amount" or mean.is_bound or not _MEAN.search(clean_label(mean.label)):
            continue
        total = _total_before(r, s.index, mean)
        if total is None:
            continue
        start = tree[tree.unit("sentence", s.index)[0]].start  # (a sentence hard-wrapped over lines is one)
        said = _years_said(text, start, total.span.start)
        reason = "average_over_years"
        if said is _OPEN:
            continue
        if said is None:
            said = carried.get(s.paragraph)
            reason = "average_over_years_before"
        else:
            carried[s.paragraph] = said
        if said is None or _OTHER_YEARS.search(text, total.span.start, mean.span.start) \
                or _CHANGED.search(text, total.span.end, mean.span.start) \
                or (reason == "average_over_years" and _OTHER_YEARS.search(text, said[3], total.span.start)) \
                or _YEARS_AFTER.search(text, mean.span.end, _sentence_end(text, mean.span.end)):
            continue  # (another stretch of years, a sub-period or a 其中 item between or after: which one is not said)
        years, words, at, end = said
        yield Candidate(Average.model_construct(total=total, mean=mean, years=years, years_text=words,
                                                years_span=r.span(at, end), reason=reason, via=(), rejected=()))


# a mean per unit: "户均补助", "人均", "平均每户" (not 月均, 年均: a mean over time)
# (… or per a thing counted in 个, named: "平均每个项目审减" — the count of that name, "评审项目238个")
# (… or per a batch, a session, a sitting its count is said in: "共接待国内来访团组42批次,…平均每批次915.14元" — 批次 is
# counted in 批)
_PER_UNIT_MEAN = lazyre.compile(r"(?:^|[^月年日])([户人亩村])均|平均每([户人亩村])|平均每(个)(项目|单位|学校|企业)"
                                r"|平均每(批|场|期|班)次?")
# a count of those there are ("全县共有脱贫户5200户", "现有", "户籍人口"), not of those paid or counted for the mean ("共补助
# 680户", "按在职人员87人计算", "实有在职人员"): the mean may be over the fewer who were paid
_HELD_COUNT = lazyre.compile(r"(?:共|现|总|全县|全市|全区|全镇|全乡|辖区)有|户籍|常住|人口")
_PERIOD_WORD = lazyre.compile(r"[年月日天周季]")  # ("户均月补助250元", "人均年收入": a mean over a period too)


def per_unit_means(r: Reading) -> Iterator[Candidate]:
    """户均 A of an amount T shared by N units, all three in one sentence: A = T / N.

        "共补助680户,补助资金204万元,户均补助3,000元"      → 3000 = 204万 / 680

    The mean is named per a unit (户均, 人均, 平均每户; not per month, 月均, nor a standard, "人均补助标准"); the
    sentence states exactly one count of that unit (exact, not per something) — not a count of those there are
    ("全县共有脱贫户5200户,…户均发放小额信贷资金3.5万元": the mean of the fewer who borrowed; 实有在职人员 is counted) — and
    exactly one other amount before the mean, of money paid (cue product_label), larger than it; anything else — two
    counts, two amounts — and which mean of which is open.  A mean is rounded as written (3,000 may be to the thousand): AVG001 reads its trailing zeros.
    Words right before the mean that say what it is reckoned by (cue reckoned_by: "按培训人次计算人均培训费用210元") name its
    count, whatever its unit: the count they name, not another ("培训3,264人次(涉及1,850人)"); none named so, nothing."""
    tree = r.tree
    money, per_period = r.vocab.cue("product_label"), r.vocab.cue("per_period")
    for s, mean in _labelled_amounts(r):
        label = clean_label(mean.label)
        m = _PER_UNIT_MEAN.search(label)
        if m is None or per_period.search(label) or "标准" in label or _PERIOD_WORD.search(label, m.end()) \
                or per_period.match(r.norm.text[mean.span.end:mean.span.end + 8].lstrip("元/")):
            continue
        if _of_another_scope(r, mean):
            continue
        per = m.group(1) or m.group(2) or m.group(3) or m.group(5)
        noun = m.group(4)  # (the thing counted in 个: the count must name it)
        basis = _reckoned_by(r, s.index, mean)
        counts, amounts, visits = [], [], []
        for k in tree.unit("sentence", s.index):
            f = r.facts[k]
            if f is None or k == s.index or tree[k].kind not in {"labelled", "total"}:
                continue
            if f.kind == "count" and (_names_count(basis, f) if basis else f.unit == per
                                      and (noun is None or noun in clean_label(f.label))):
                counts.append(f)
            elif f.kind == "count":
                visits.append(f)
            elif f.kind == "amount":
                amounts.append(f)
        via: tuple[str, ...] = ()
        if not counts and not basis and per == "人" \
                and not any(per_unit(r, f) is not None for f in amounts):  # (平均每批次…元: another mean beside it)
            counts = [f for f in visits if f.unit == "人次"]
            if len(amounts) > 1:
                # ("项目预算400万元,…培训学员3216人次,实际支出385.92万元,…人均培训成本1200元": a cost is of the money spent)
                amounts = [f for f in amounts if r.vocab.flow(clean_label(f.label)) == "out"
                           and not (f.scenario or "").startswith("budget")]
            via = (VISITS_FOR_HEADS,)
        if len(amounts) > 1:
            # ("共接待42批次、315人次,…平均每人次400元,平均每批次3,000元": another mean, or a standard per unit, beside it
            # is no total it is of)
            amounts = [f for f in amounts if not _PER_UNIT_MEAN.search(clean_label(f.label))
                       and "每" not in clean_label(f.label)] or amounts
        if len(amounts) > 1 and len(own := label[m.end():]) >= 2:
            # ("送审金额…,审定金额…,审减金额2,362.785万元,…平均每个项目审减9.93万元": the mean names its amount)
            amounts = [f for f in amounts if own in clean_label(f.label)]
        if len(counts) != 1 or len(amounts) != 1:
            continue
        count, total = counts[0], amounts[0]
        if not count.exact or count.is_bound or "每" in clean_label(count.label) or count.value < 2 \
                or _HELD_COUNT.search(clean_label(count.label)) \
                or total.is_bound or total.span.start > mean.span.start or total.value <= mean.value \
                or not money.search(clean_label(total.label)) or _PER_UNIT_MEAN.search(clean_label(total.label)) \
                or "每" in clean_label(total.label):  # ("每餐收费35元": a standard per unit, no total)
            continue
        yield Candidate(Average.model_construct(total=total, mean=mean, years=(count.value,), years_text=count.text,
                                                years_span=count.span, per=per, reason="mean_per_unit", via=via,
                                                rejected=()))


def _clause_start(text: str, at: int) -> int:
    """Where the clause holding `at` starts: after the last comma, semicolon, full stop or line break before it."""
    return max(text.rfind(c, 0, at) for c in ",，;；。\n") + 1


def _month_means(r: Reading, named) -> Iterator[tuple]:
    """(node, mean, total, match) of each amount named a month's mean by `named` (cue monthly_mean or monthly_mean_bare,
    its groups per and name) with the amount T right before it in its sub-sentence, nothing between: T of its unit,
    larger, labelled or a total, unbound, neither of them last year's, its name ending with what the mean names and not
    itself a month's mean, neither of them a stock (cue monthly_mean_of_stock: 余额, 年末 …) — what monthly_means and
    means_over_months both start from."""
    tree = r.tree
    stock = r.vocab.cue("monthly_mean_of_stock")
    for s, mean in _labelled_amounts(r):
        m = named.match(clean_label(mean.label))
        if m is None:
            continue
        before = next((k for k in tree.before(s.index, "sub") if r.facts[k] is not None), None)
        total = r.facts[before] if before is not None else None
        if total is None or tree[before].kind not in {"labelled", "total"} or total.kind != "amount" \
                or total.is_bound or total.unit != mean.unit or total.value <= mean.value or r.is_previous(total) \
                or r.is_previous(mean) or not clean_label(total.label).endswith(m.group("name")) \
                or named.match(clean_label(total.label)) or stock.search(clean_label(mean.label)) \
                or stock.search(clean_label(total.label)) \
                or stock.search(r.norm.text, _clause_start(r.norm.text, total.span.start), total.span.start):
            continue  # (a stock's mean a month: the mean of its balances, "年末…余额512.77亿元，月均余额498.60亿元")
        yield s, mean, total, m


def monthly_means(r: Reading) -> Iterator[Candidate]:
    """月均 A of the year's amount T stated right before it in its sentence under the name the mean names: A = T / 12.

        "基金支出2,418.60亿元,月均支出201.55亿元"      → 201.55 = 2,418.60 / 12

    The mean is named a month's (cue monthly_mean: 月均支出, 平均每月支出); the amount right before it in its
    sub-sentence, nothing between, is of its unit, larger, and its name ends with the mean's ("基金支出" for 支出); the
    sentence speaks of no stretch shorter than a year (cue monthly_basis_other: "1-9月", 上半年 — their months are
    fewer) nor of another year's."""
    tree = r.tree
    named, other = r.vocab.cue("monthly_mean"), r.vocab.cue("monthly_basis_other")
    for s, mean, total, m in _month_means(r, named):
        start = tree[tree.unit("sentence", s.index)[0]].start
        if other.search(r.norm.text, start, mean.span.start):
            continue
        at = r.norm.text.rfind(m.group("per"), start, mean.span.start)
        span = r.span(at, at + len(m.group("per"))) if at >= 0 else mean.span
        yield Candidate(Average.model_construct(total=total, mean=mean, years=(Decimal(12),),
                                                years_text=m.group("per"), years_span=span, per="月",
                                                reason="mean_of_year_by_month", via=(), rejected=()))


def means_over_months(r: Reading) -> Iterator[Candidate]:
    """月均 A of the amount T stated right before it, in a sentence that opens with a span of months (cue
    months_span_opening): A = T / the months of the span.

        "1-8月,全市一般公共预算收入累计完成285.64亿元,月均35.71亿元"      → 35.71 = 285.64 / 8

    The mean is named a month's (cue monthly_mean_bare: 月均, 月均收入); the amount right before it in its sub-sentence,
    nothing between, is of its unit and larger, not last year's, and, when the mean names what it is of, named so; the
    sentence names no other stretch of months or years between the span and the mean (cue monthly_basis_other), nor one
    month ("1-8月…累计完成285.64亿元;8月当月完成36.12亿元,月均35.71亿元": the amount right before is the month's, cue
    single_month_said)."""
    tree = r.tree
    text = r.norm.text
    named, other, opening = r.vocab.cue("monthly_mean_bare"), r.vocab.cue("monthly_basis_other"), \
        r.vocab.cue("months_span_opening")
    one_month = r.vocab.cue("single_month_said")
    for s, mean, total, _ in _month_means(r, named):
        start = tree[tree.unit("sentence", s.index)[0]].start
        span = opening.match(text, start)
        if span is None or other.search(text, span.end(), mean.span.start) \
                or one_month.search(text, span.end(), mean.span.start):
            continue
        months = int(span.group("last")) - int(span.group("first")) + 1
        if not 2 <= months <= 12:
            continue
        said = span.group(0).rstrip(",，")
        yield Candidate(Average.model_construct(total=total, mean=mean, years=(Decimal(months),), years_text=said,
                                                years_span=r.span(span.start(), span.start() + len(said)), per="月",
                                                reason="mean_of_months_by_month", via=(), rejected=()))


def _of_another_scope(r: Reading, mean: Fact) -> bool:
    """The mean stands in a bracket after words of its clause naming another scope or a yardstick (cue other_scope_mean:
    "人均公用经费14,342.31元,低于全县行政单位平均水平(人均16,200.00元)"): the other's mean, not this total's."""
    text = r.norm.text
    opened = max(text.rfind("(", 0, mean.span.start), text.rfind("（", 0, mean.span.start))
    if opened < 0 or any(c in text[opened:mean.span.start] for c in ")）,，;；。\n"):
        return False
    start = max(text.rfind(c, 0, opened) for c in ",，;；。\n") + 1
    return r.vocab.cue("other_scope_mean").search(text, start, opened) is not None


def _reckoned_by(r: Reading, i: int, mean: Fact):
    """The words right before the mean (after the figure before it) that say what it is reckoned by ("按培训人次计算人均
    培训费用210元"): that count, not another of its unit ("培训3,264人次(涉及1,850人)"); None when they say nothing."""
    sentence = r.tree[r.tree.unit("sentence", i)[0]].start
    last = next((r.facts[k].span.end for k in r.tree.before(i, "sentence") if r.facts[k] is not None), sentence)
    found = None
    for found in r.vocab.cue("reckoned_by").finditer(r.norm.text, sentence, mean.span.start):
        pass
    return found if found is not None and found.end() > last else None  # (said of the mean, no figure after them)


def _names_count(basis, count: Fact) -> bool:
    """The count is the one the words name: stated inside them ("按在职人员87人计算"), or named as they name it — its label
    and unit, "培训3,264人次" for 按培训人次."""
    if basis.start() <= count.span.start < basis.end():
        return True
    words, unit, label = basis.group("basis"), count.unit or "", clean_label(count.label)
    if not unit or not words.endswith(unit):
        return False
    stem = words[:-len(unit)]
    return not stem or bool(label) and (stem in label or label in stem)


def _sentence_end(text: str, at: int) -> int:
    ends = [i for i in (text.find(c, at) for c in "。\n") if i >= 0]
    return min(ends) if ends else len(text)


def _total_before(r: Reading, i: int, mean: Fact) -> Fact | None:
    """The amount the mean is of: the nearest before it in its sentence, named as a total (累计, 共计, 总 …), of its
    unit and larger; none when the nearest is anything else ("…各年度分别为12,406.85万元、…和15,215.93万元,年均…":
    which figure the mean is of is not said)."""
    for k in r.tree.before(i, "sentence", limit=32):
        f = r.facts[k]
        if f is None or r.tree[k].kind not in {"labelled", "total"} or f.kind != "amount":
            continue
        named = r.tree[k].kind == "total" or _TOTAL.search(clean_label(f.label)) \
            or _TOTAL_BEFORE.search(r.norm.text, max(0, f.span.start - 5), f.span.start)  # ("投资共1261万元": 共 a copula)
        if named and f.unit == mean.unit and not f.is_bound and f.value > mean.value \
                and not r.vocab.cue("mean_a_year").search(clean_label(f.label)):
            return f
        return None
    return None


def _years_said(text: str, start: int, end: int) -> tuple[tuple[int, ...], str, int, int] | None:
    """The counts of years the words before the total say (the last said), with the words and where they stand."""
    found = []
    for m in _COUNT.finditer(text, start, end):
        count = counted(m.group(1) or m.group(2))
        if count is not None and count >= 2:
            found.append((m.start(), ((count,), m.group(), m.start(), m.end())))
    for m in YEAR_SPAN.finditer(text, start, end):
        first, last = int(m.group(1)), int(m.group(2))
        if 1 <= last - first <= 60:
            found.append((m.start(), ((last - first + 1, last - first), m.group(), m.start(), m.end())))
    for m in _PLAN.finditer(text, start, end):
        found.append((m.start(), ((5,), m.group(), m.start(), m.end())))
    if not found:
        return None
    # (a count of years said after a span names the span's count: "1949~1985年的36年"; stretches that disagree —
    # "2021—2023年,…超过“十三五”时期" — leave the count open)
    last = max(found, key=lambda x: x[0])[1]
    if any(not set(last[0]) & set(years) for _, (years, *_rest) in found):
        return _OPEN
    return last


_OPEN = ((), "", 0, 0)  # stretches of years said that disagree: no count, and none carried from before


def named_means(r: Reading) -> Iterator[Candidate]:
    """人均 (次均) A of an amount the document names, over the one count its sentence states: A = T / N.

        "…其中:人员经费618.42万元,公用经费87.36万元。本局年末在职人员52人,人均人员经费11.89万元"   → 11.89 = 618.42 / 52
        "门诊收入8.76亿元,…。门急诊人次98.76万,出院人次5.43万;门诊次均费用887.00元"            → 887.00 = 8.76亿 / 98.76万

    The mean names what it is a mean of (cue mean_of_named: 人均人员经费 of 人员经费; a 次均费用 of a scope is of that
    scope's 收入, cue mean_cost_income: 门诊次均费用 of 门诊收入); the document states that amount before the mean, under
    exactly that name, with one value wherever it stands (two values: which is open) and of the mean's year; the mean's
    sentence states exactly one count of what it is per (人; for 次均 a count named 人次 whose name holds the mean's
    scope: 门急诊人次 for 门诊, not 出院人次), and no amount before the mean (a mean of that amount is per_unit_means').
    A reading by name across sentences: vocabulary strength, AVG001 warns."""
    tree = r.tree
    cost = r.vocab.cue("mean_cost_income")
    by_label: dict[str, list[Fact]] | None = None
    for s, mean, m in _named_means(r, "均"):
        scope, per, name = m.group("scope"), m.group("per"), m.group("name")
        counts, before = [], False
        for k in tree.unit("sentence", s.index):
            f = r.facts[k]
            if f is None or k == s.index or tree[k].kind not in {"labelled", "total"} or f.is_bound:
                continue
            label = clean_label(f.label)
            visits = f.unit == "人次" or label.endswith("人次")  # ("门急诊人次98.76万": a count, its unit in its name)
            if per == "人均" and f.kind == "count" and f.unit == "人" \
                    or per == "次均" and visits and _holds_scope(label, scope):
                counts.append(f)
            elif f.kind == "amount" and not visits and f.span.start < mean.span.start and "均" not in label:
                before = True
        if before or len(counts) != 1:
            continue
        count = counts[0]
        if "每" in clean_label(count.label) or count.value < 2 or count.span.start > mean.span.start:
            continue
        if _HELD_COUNT.search(clean_label(count.label)) \
                and not r.vocab.cue("count_as_basis").match(r.norm.text, count.span.end):
            continue  # ("年末常住人口42.36万人,全年人均地区生产总值48,506元": over the year's average population, unless
            # the text says it is over this count, "按年末户籍人口41.26万人计算")
        if by_label is None:
            by_label = {}
            own = r.vocab.cue("own_name_lead")
            for f in r.facts:
                if f is not None and f.kind == "amount" and not f.is_bound:
                    # (under its name, and under it without the year and the report's own entity before it:
                    # "2023年医院门急诊收入42,860万元" is the 门急诊收入)
                    for key in {clean_label(f.label), own.sub("", clean_label(f.label), count=1)}:
                        by_label.setdefault(key, []).append(f)
        names = [scope + name]
        if cost.search(name):
            names.append(scope + cost.sub("收入", name))
        found = [f for n in names for f in by_label.get(n, ())]
        if not found or len({f.value for f in found}) != 1 or found[0].span.start > mean.span.start \
                or found[0].unit != mean.unit or found[0].value <= mean.value \
                or r.is_previous(found[0]) != r.is_previous(mean):
            continue
        n = int(count.value) if count.value == int(count.value) else count.value  # ("98.76万": 987,600 visits)
        yield Candidate(Average.model_construct(total=found[0], mean=mean, years=(n,), years_text=count.text,
                                                years_span=count.span, per=per[0], reason="mean_of_named_amount",
                                                count_tolerance=Decimal(0) if count.exact else count.tolerance,
                                                via=(), rejected=()))


def _holds_scope(label: str, scope: str) -> bool:
    """The count's name holds the mean's scope, its characters in order ("门急诊人次" holds 门诊; "出院人次" does not)."""
    at = 0
    for c in scope:
        at = label.find(c, at) + 1
        if not at:
            return False
    return True


def _labelled_amounts(r: Reading):
    """The labelled statements of the text whose figure is an unbound amount above zero — the means may be — with it."""
    for s in r.tree.of_kind("labelled"):
        mean = r.facts[s.index]
        if mean is not None and mean.kind == "amount" and not mean.is_bound and mean.value > 0:
            yield s, mean


def _named_means(r: Reading, said: str):
    """The unbound means above zero whose label holds `said` and names what they are a mean of (cue mean_of_named),
    with that match — not a mean over a period or a standard ("人均月补助", "人均补助标准")."""
    named, per_period = r.vocab.cue("mean_of_named"), r.vocab.cue("per_period")
    for s, mean in _labelled_amounts(r):
        if said not in mean.label:
            continue
        m = named.fullmatch(clean_label(mean.label))
        if m is not None and not per_period.search(m.group("name")) and not _PERIOD_WORD.match(m.group("name")):
            yield s, mean, m


def means_over_named_count(r: Reading) -> Iterator[Candidate]:
    """人均 A of the amount right before it, over the count its words say it is reckoned by, stated elsewhere: A = T / N.

        "2023年末,全县户籍人口52.36万人,常住人口46.18万人。⏎全县一般公共预算收入186,420万元,按常住人口计算,人均一般
        公共预算收入4,037元"                                                     → 4,037 = 186,420万 / 46.18万

    The mean names what it is a mean of (cue mean_of_named, 人均 only); the amount right before it in its sub-sentence
    bears that name (全县一般公共预算收入 for 人均一般公共预算收入), of its unit and larger; the words right before the
    mean say what it is reckoned by (cue reckoned_by: 按常住人口计算) and its sentence states no count — the document
    states a count of 人 under that name (its label ending so: 全县户籍人口 for 户籍人口) before the mean, one value
    wherever it stands, of the mean's year.  Not a mean of an economy's whole (生产总值: cue economy_whole), which
    statistics reckon over the year's average population, not the count stated.  A reading by name across sentences:
    vocabulary strength, AVG001 warns."""
    tree = r.tree
    whole = r.vocab.cue("economy_whole")
    counts_by_label: dict[str, list[Fact]] | None = None
    for s, mean, m in _named_means(r, "人均"):
        if m.group("per") != "人均" or m.group("scope") or whole.search(m.group("name")):
            continue
        basis = _reckoned_by(r, s.index, mean)
        if basis is None:
            continue
        words = basis.group("basis")
        if any(r.facts[k] is not None and r.facts[k].kind == "count" for k in tree.unit("sentence", s.index)):
            continue  # (a count in its sentence: named_means' or per_unit_means' reading, or none)
        total = next((r.facts[k] for k in tree.before(s.index, "sub") if r.facts[k] is not None
                      and tree[k].kind in {"labelled", "total"}), None)
        if total is None or total.kind != "amount" or total.is_bound or total.unit != mean.unit \
                or total.value <= mean.value or not clean_label(total.label).endswith(m.group("name")) \
                or r.is_previous(total) != r.is_previous(mean):
            continue
        if counts_by_label is None:
            counts_by_label = {}
            for f in r.facts:
                if f is not None and f.kind == "count" and f.unit == "人" and not f.is_bound and not f.in_table:
                    counts_by_label.setdefault(clean_label(f.label), []).append(f)
        found = [f for label, fs in counts_by_label.items() if label.endswith(words) for f in fs]
        if not found or len({f.value for f in found}) != 1 or found[0].span.start > mean.span.start \
                or found[0].value < 2 or r.is_previous(found[0]) != r.is_previous(mean):
            continue
        count = found[0]
        n = int(count.value) if count.value == int(count.value) else count.value
        yield Candidate(Average.model_construct(total=total, mean=mean, years=(n,), years_text=count.text,
                                                years_span=count.span, per="人", reason="mean_over_count_named",
                                                count_tolerance=Decimal(0) if count.exact else count.tolerance,
                                                via=(), rejected=()))
