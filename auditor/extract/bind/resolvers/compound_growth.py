"""年均增长 p% from a figure of one year to a figure of a later one: end = start × (1 + p)^years.

    "一般公共预算收入由2019年的158.62亿元增加到2024年的236.45亿元,年均增长8.3%"   → 236.45 = 158.62 × 1.083^5

The rate is said as a mean a year (年均增长, 平均每年增长 …, vocabulary cue average_rate) right after the two
figures its sentence gives as a start (由 / 从 …) and an end (增加到 / 达到 …), each dated by its year (or the
sentence names the span, "2019—2024年"); not on another basis than the figures (按可比价格, 同口径: real growth
of nominal figures).
"""

from __future__ import annotations

from typing import Iterator

from auditor import lazyre
from auditor.textsearch import last_of
from auditor.extract.bind.candidate import Candidate
from auditor.extract.bind.resolvers.change import DIRECTIONS, GROWTHS, other_basis
from auditor.extract.model import CompoundGrowth, Fact
from auditor.extract.numbering import YEAR_SPAN, counted
from auditor.extract.readings import Reading, clean_label

_REACH = 12  # nodes before the rate where its two figures may stand
_NEAR = 8  # characters between the end figure and the rate's keyword: a comma and the mean word
_ANOTHER_SUBJECT = lazyre.compile(r"其中|人均|全省|全国|全市|同期|比|高于|低于|以来|时期|[(;]")
_PRICE_ADJUSTED = lazyre.compile(r"扣除物价|价格因素|实际(?:年均)?增长|可比价|不变价|同口径|可比口径")


def resolve(r: Reading) -> Iterator[Candidate]:
    tree = r.tree
    said = r.vocab.cue("average_rate")
    for s in tree.of_kind(*DIRECTIONS, *GROWTHS):
        i = s.index
        rate = r.facts[i]
        if rate is None or rate.kind != "percent" or rate.is_bound or rate.written_unit == "倍" or i == 0:
            continue
        if tree[i - 1].kind != "words" or not said.search(tree[i - 1].piece.label) or other_basis(r, i):
            continue
        figures = [r.facts[k] for k in tree.before(i, "sentence", limit=_REACH)
                   if r.facts[k] is not None and tree[k].kind in {"labelled", "total"} and r.facts[k].kind == "amount"]
        if len(figures) < 2:
            continue
        end, start = figures[0], figures[1]
        if end.unit != start.unit or end.is_bound or start.is_bound or start.value <= 0 \
                or not r.vocab.cue("to_figure").match(clean_label(end.label)) \
                or not (r.vocab.cue("from_figure").search(clean_label(start.label))
                        or r.vocab.cue("from_figure_named").search(r.norm.text[max(0, start.span.start - 24):start.span.start])):
            continue
        between = r.norm.text[end.span.end:s.start]
        if len(between) > _NEAR or _ANOTHER_SUBJECT.search(between) or _PRICE_ADJUSTED.search(
                r.norm.text, max(r.norm.text.rfind(c, 0, s.start) for c in "。\n") + 1, s.start):
            continue  # (the rate of another subject, place or period after the first: "…,年均增长6.9%;人均…年均增长7.3%")
        years = _years(r, start, end, s)
        if years is None:
            continue
        if start.period and end.period and start.period.isdigit() and end.period.isdigit() and not _fits(
                _span_named(r.norm.text, last_of(r.norm.text, "。\n;", start.span.start) + 1, s.start),
                int(start.period), int(end.period)):
            continue  # ("“十三五”期间,…由2015年的…增加到2021年的…,年均增长": the rate is of the plan's years, not these)
        direction = DIRECTIONS[s.kind] if s.kind in DIRECTIONS else GROWTHS[s.kind]
        yield Candidate(CompoundGrowth.model_construct(start=start, end=end, rate=rate, years=years, direction=direction,
                                                       reason="compound_growth", via=(), rejected=()))


def _years(r: Reading, start: Fact, end: Fact, s) -> int | None:
    """How many years lie between the two figures: their own years, else the span the sentence names."""
    if start.period and end.period and start.period.isdigit() and end.period.isdigit():
        n = int(end.period) - int(start.period)
        return n if 1 <= n <= 30 else None
    text = r.norm.text
    sentence_start = last_of(text, "。\n", start.span.start) + 1
    m = YEAR_SPAN.search(text, sentence_start, s.start)
    if m is None:
        return None
    n = int(m.group(2)) - int(m.group(1))
    return n if 1 <= n <= 30 else None


_BASE_YEAR = lazyre.compile(r"(?:比|较|与|同)\s*((?:19|20)\d{2})\s*年")  # the year a growth is said against: 比2015年增长
_YEAR = lazyre.compile(r"(?<!\d)((?:19|20)\d{2})\s*年(?!度?\s*(?:以来|起|之前|以前|前))")
_OTHER_BETWEEN = lazyre.compile(r"[;。]|其中|人均|同期|以来|扣除|可比|实际")


def total_growths(r: Reading) -> Iterator[Candidate]:
    """年均增长 p% beside the growth over the same years its sentence states against a year, with no figures to
    compound: "年均增长12.3%,2020年达到9410.76元,比2015年增长76.48%" — 1.123^5 = 1 + 76.48 %? — or the other way round,
    "2020年…达到36310.47亿元,比2015年增长40.4%,年均增长7.02%".  The years are the later year its sentence says (between
    the two rates, or before both) less the year the growth is against; the two rates stand next to each other, no
    other rate, sentence break or subject (人均, 其中) between them; not a real rate (可比价) of nominal growth."""
    tree, text = r.tree, r.norm.text
    said = r.vocab.cue("average_rate")
    growths = tree.of_kind(*DIRECTIONS, *GROWTHS)
    for k, s in enumerate(growths):
        i = s.index
        rate = r.facts[i]
        if rate is None or rate.kind != "percent" or rate.written_unit == "倍" or i == 0 or not DIRECTIONS.get(s.kind):
            continue
        if tree[i - 1].kind != "words" or not said.search(tree[i - 1].piece.label) or other_basis(r, i):
            continue
        for o, forward in ((growths[k + 1] if k + 1 < len(growths) else None, True), (growths[k - 1] if k else None, False)):
            if o is None or o.sentence != s.sentence or not DIRECTIONS.get(o.kind):
                continue
            total = r.facts[o.index]
            base = _BASE_YEAR.search(o.piece.keyword)
            if total is None or total.kind != "percent" or total.written_unit == "倍" or base is None:
                continue
            first, second = (s, o) if forward else (o, s)
            between = text[first.end:second.start]
            if forward:
                between = between[:len(between) - len(o.piece.keyword)] if between.endswith(o.piece.keyword) else between
            if _OTHER_BETWEEN.search(between) or _PRICE_ADJUSTED.search(text, last_of(text, "。\n", first.start) + 1,
                                                                         second.end):
                continue
            if not _same_subject(text, first, between, said, r.vocab.cue("vague_span")):
                continue  # ("城镇居民人均可支配收入年均增长8.1%,2020年农村居民收入达到15000元,比2015年增长50.0%")
            if forward:
                years_said = {m.group(1) for m in _YEAR.finditer(between)}
            else:  # (the year the sentence reaches before the growth, in its own clause or the one before)
                start = max(last_of(text, "。\n;", o.start) + 1, 0)
                years_said = {m.group(1) for m in _YEAR.finditer(text, start, o.start + o.piece.keyword.find(base.group(1)))}
            if len(years_said) != 1:
                continue
            later = int(years_said.pop())
            span = _span_named(text, last_of(text, "。\n;", min(s.start, o.start)) + 1, s.start,
                               vague=r.vocab.cue("vague_span"))
            # the growths of the same figure against other years after it ("比2015年增长40.3%,比2010年增长147.2%"):
            # the one over the years the rate names
            chain = [o] + (_against_other_years(r, growths, k + 1) if forward else [])
            fitting = [(c, int(b.group(1))) for c in chain if (b := _BASE_YEAR.search(c.piece.keyword))
                       and r.facts[c.index] is not None and r.facts[c.index].kind == "percent"
                       and r.facts[c.index].written_unit != "倍" and _fits(span, int(b.group(1)), later)]
            if not fitting:
                continue
            o, since = fitting[0]
            years = later - since
            if not 1 <= years <= 30:
                continue
            yield Candidate(CompoundGrowth.model_construct(
                start=None, end=None, rate=rate, total=r.facts[o.index], years=years, direction=DIRECTIONS[s.kind],
                total_direction=DIRECTIONS[o.kind], reason="compound_growth_total", via=(), rejected=()))
            break


# the words a clause names its subject by, up to its verb (达到, 比 …), less its year ("2020年农村居民收入达到…")
_SUBJECT_VERB = lazyre.compile(r"达到|达|突破|(?:增加|增长|提高|上升|下降|减少|降低)(?:到|至)|增至|升至|降至|为|是|比|较|同比")
_QUOTES = lazyre.compile(r"[“”\"'‘’]")
_SUBJECT_YEAR = lazyre.compile(r"(?:(?:19|20)\d{2}\s*年\s*(?:底|末|度)?\s*[的]?)|^[\s,，、:：]+|[\s,，、:：]+$")


def _same_subject(text: str, first, between: str, said, vague) -> bool:
    """The subject the second of the two rates' clauses names (before 达到 / 比, or before the mean word), when it names
    one, is the subject already named before it in the sentence: the two rates are of one figure, not the rate a year
    of one subject beside the growth of another ("城镇居民人均可支配收入年均增长8.1%,2020年农村居民收入达到15000元,
    比2015年增长50.0%")."""
    verb = _SUBJECT_VERB.search(between)
    named = between[:verb.start()] if verb else between
    for span in (YEAR_SPAN, _PLAN_SPAN, _SINCE_YEAR, _COUNT_SPAN, vague, _QUOTES):  # (the years it is over: "五年年均",
        named = span.sub("", named)                                          # "“十三五”期间年均": no subject)
    named = _SUBJECT_YEAR.sub("", said.sub("", _SUBJECT_YEAR.sub("", named)).strip())
    if not named:
        return True
    return named in text[last_of(text, "。\n;", first.start) + 1:first.start]


def _against_other_years(r: Reading, growths, j: int) -> list:
    """The growths right after growths[j], each against a year and only a comma from the one before: the same figure
    said against other years ("2020年达到107.7亿元,比2010年增长147.2%,比2015年增长40.3%")."""
    text, out = r.norm.text, []
    for n in range(j + 1, len(growths)):
        g, before = growths[n], growths[n - 1]
        base = _BASE_YEAR.search(g.piece.keyword)
        if g.sentence != before.sentence or not DIRECTIONS.get(g.kind) or base is None \
                or text[before.end:g.start + g.piece.keyword.find(base.group(0))].strip() not in {",", "，"}:
            break
        out.append(g)
    return out


# the years a rate a year is said over, before it in its clause: a five-year plan ("“十三五”期间": 2016–2020; "“十二五”
# 以来": 2011 on), a span of years ("2016—2019年"), a year since ("2016年以来") or a count of years ("过去五年", "五年年均")
_PLAN_SPAN = lazyre.compile(r"(?<![一二三四五六七八九十])(十[一二三四五六七八九])五[”\"]?\s*(以来)?")
_SINCE_YEAR = lazyre.compile(r"(?<!\d)((?:19|20)\d{2})\s*年\s*(?:以来|来)")
_COUNT_SPAN = lazyre.compile(r"(?:过去|近|这|最近)(\d{1,2}|[两二三四五六七八九十])\s*个?年"
                             r"|(?<![\d.第个])(\d{1,2}|[两二三四五六七八九十])\s*个?年(?=间|来|以来|期间|年均|平均|里|中)")


# a span named by words alone ("近年来", "多年来", a bare "以来"): no years to count the growth over
VAGUE = (frozenset(), None, None)


def _span_named(text: str, start: int, end: int, vague=None) -> tuple[set[int], int | None, int | None] | None:
    """The years a rate a year names before it, from `start` to the rate: the years its span may be counted from
    (the last year before it, or its first year: "2016—2019年", "2016年以来" are written either way), the span's last
    year (None: up to the year the sentence reaches, "以来") and the count of years it names — None when it names none,
    VAGUE when it names a span by words alone that the pattern `vague` finds (cue vague_span: "近年来", "多年来", 以来)."""
    plans = list(_PLAN_SPAN.finditer(text, start, end))
    if plans:
        first = min(1966 + 5 * (counted(m.group(1)[1]) + 10 - 3) for m in plans)
        last = max(1966 + 5 * (counted(m.group(1)[1]) + 10 - 3) + 4 for m in plans)
        return {first - 1}, None if plans[-1].group(2) else last, None
    if (m := YEAR_SPAN.search(text, start, end)) is not None:
        return {int(m.group(1)) - 1, int(m.group(1))}, int(m.group(2)), None
    if (m := _SINCE_YEAR.search(text, start, end)) is not None:
        return {int(m.group(1)) - 1, int(m.group(1))}, None, None
    if (m := _COUNT_SPAN.search(text, start, end)) is not None:
        return set(), None, counted(m.group(1) or m.group(2))
    if vague is not None and vague.search(text, start, end):
        return VAGUE
    return None


def _fits(span, since: int, later: int) -> bool:
    """The growth from `since` to `later` is over the years the rate names (any, when it names none; none, when it
    names them by words alone: "近年来,…年均增长8.1%,2023年达到…,比2012年增长150.0%" — not over 11 years guessed)."""
    if span is None:
        return True
    if span is VAGUE:
        return False
    firsts, last, count = span
    if count is not None:  # ("过去五年…从2020年的…增加到2024年的…": five years counted inclusive, or four between)
        return later - since in (count, count - 1)
    return since in firsts and (last is None or later == last)
