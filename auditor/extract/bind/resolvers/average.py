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

from typing import Iterator

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate
from auditor.extract.model import Average, Fact
from auditor.extract.numbering import counted
from auditor.extract.readings import Reading, clean_label

_MEAN = lazyre.compile(r"(?:年均|年平均|平均每年|每年平均)(?!增|减|递|提高|下降|上涨|增速|增幅)[\u4e00-\u9fff]{0,8}$")
# "的36年", "10年", "五年间", "这五年", "近三年来" — not a year ("1985年"), nor "3年期"
_COUNT = lazyre.compile(r"(?<![\d.第])(\d{1,2}|[两二三四五六七八九十]|十[一二三四五六七八九])\s*个?年(?![\d度期级底末初份])")
_SPAN = lazyre.compile(r"(?<!\d)((?:19|20)\d{2})\s*年?\s*(?:[—–\-~～]|至|到)\s*((?:19|20)\d{2})\s*年")
# ("“十四五”以来": the years so far, not five)
_PLAN = lazyre.compile(r"[“\"]?(?:十[一二三四五六七八九十]{1,2}五|[一二三四五六七八九十]{1,3}五)[”\"]?(?:期间|时期)")
_NOT_A_MEAN = lazyre.compile(r"(?:年均|年平均|平均每年|每年平均)")
_TOTAL = lazyre.compile(r"累计|共计|合计|总计|总|共|全部")


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
        start = text.rfind("。", 0, total.span.start) + 1
        start = max(start, text.rfind("\n", 0, total.span.start) + 1)
        said = _years_said(text, start, total.span.start)
        reason = "average_over_years"
        if said is None:
            said = carried.get(s.paragraph)
            reason = "average_over_years_before"
        else:
            carried[s.paragraph] = said
        if said is None:
            continue
        years, words, at, end = said
        yield Candidate(Average.model_construct(total=total, mean=mean, years=years, years_text=words,
                                                years_span=r.span(at, end), reason=reason, via=(), rejected=()))


def _total_before(r: Reading, i: int, mean: Fact) -> Fact | None:
    """The amount the mean is of: before it in its sentence, of its unit, larger, not a mean itself — the nearest named
    as a total (累计, 共计, 总 …), else the one amount there is ("…各年度分别为12,406.85万元、13,872.40万元和15,215.93万元,
    年均13,831.73万元": not the last year's)."""
    found = []
    for k in r.tree.before(i, "sentence", limit=32):
        f = r.facts[k]
        if f is None or r.tree[k].kind not in {"labelled", "total"} or f.kind != "amount":
            continue
        if _NOT_A_MEAN.search(clean_label(f.label)):
            break  # (two means in a row: "年平均911.7万元,较前26年平均…": no total between)
        if f.unit == mean.unit and not f.is_bound and f.value > mean.value:
            found.append((k, f))
    totals = [f for k, f in found if r.tree[k].kind == "total" or _TOTAL.search(clean_label(f.label))]
    if totals:
        return totals[0]
    return found[0][1] if len(found) == 1 else None


def _years_said(text: str, start: int, end: int) -> tuple[tuple[int, ...], str, int, int] | None:
    """The counts of years the words before the total say (the last said), with the words and where they stand."""
    found = []
    for m in _COUNT.finditer(text, start, end):
        count = counted(m.group(1))
        if count is not None and count >= 2:
            found.append((m.start(), ((count,), m.group(), m.start(), m.end())))
    for m in _SPAN.finditer(text, start, end):
        first, last = int(m.group(1)), int(m.group(2))
        if 1 <= last - first <= 60:
            found.append((m.start(), ((last - first + 1, last - first), m.group(), m.start(), m.end())))
    for m in _PLAN.finditer(text, start, end):
        found.append((m.start(), ((5,), m.group(), m.start(), m.end())))
    if not found:
        return None
    # (a count of years said after a span names the span's count: "1949~1985年的36年")
    return max(found, key=lambda x: x[0])[1]
