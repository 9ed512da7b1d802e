"""A debt's flows stated in a sentence of their own, its balances at the year's start and end in the sentences around
it: the balance at the end is the one at the start plus what was added less what was paid off.

    "截至2023年末,全市政府债务余额537.64亿元,…。其中:一般债务余额213.77亿元,专项债务余额323.87亿元。
     2023年全市新增政府债券92.50亿元,偿还到期政府债务本金41.18亿元。2022年末债务余额为486.32亿元。"
                                                                → 537.64 = 486.32 + 92.50 − 41.18

The flows' sentence states flows only, each given its role as roll_forward gives it (新增, 发行, 举借 added; 偿还, 还本
taken away: at least one of each, of debt, of one year, none of a part of the year — cue part_of_year —, no list of
parts); the balances are the one stated value of one debt at that year's end and at its start (上年末 / 年初: repeat's
point_of), of the kind the flows name (一般, 专项, or neither: the whole debt), in the section around the flows, within
_REACH paragraphs.  Found by looking through the document: at most a warning.  Within one sentence it is
roll_forward's; flows of half a year (下半年 …), a 再融资 or 置换 bond, interest beside them and nothing is read.
"""

from __future__ import annotations

from auditor import lazyre
from auditor.textsearch import last_of
from auditor.extract.bind.index import DocumentIndex
from auditor.extract.bind.resolvers.repeat import point_of
from auditor.extract.bind.resolvers.roll_forward import flow_role
from auditor.extract.model import Difference, Fact
from auditor.extract.readings import clean_label

_REACH = 3  # paragraphs either side of the flows
_KINDS = ("一般", "专项")
_HEADING = lazyre.compile(r"\n\s*(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+[部分章节])")
_NO_STOCK = lazyre.compile(r"限额")


def resolve(index: DocumentIndex, text: str) -> list[Difference]:
    out = []
    part_of_year = index.vocab.cue("part_of_year")
    for prose in index.facts_by_sentence.values():
        # (the cheap tests first: a sentence of prose amounts of debt, before each figure's role is read)
        if len(prose) < 2 or any(f.in_table or f.kind != "amount" or f.is_bound or "债" not in f.label for f in prose):
            continue
        roles = [flow_role(clean_label(f.label), index.vocab) for f in prose]
        if set(roles) != {"added", "taken"} or len({f.unit for f in prose}) != 1:
            continue
        years = {index.period_of(f) for f in prose}
        if len(years) != 1 or None in years or not next(iter(years)).isdigit():
            continue
        year = next(iter(years))
        start, end = _sentence_of(text, prose[0].span.start), prose[-1].span.end
        said = text[start:end]
        if part_of_year.search(said) or index.vocab.cue("offset_parts").search(said):
            continue  # (下半年 / 1-9月 flows are not the year's; "其中…": parts of a flow among them)
        kinds = {k for f in prose for k in _KINDS if k in f.label}
        if len(kinds) > 1:
            continue
        closing = index.unique(_stocks(index, text, prose[0], kinds, year, None))
        if closing is None:
            continue
        opening = index.unique([f for f in [*_stocks(index, text, prose[0], kinds, str(int(year) - 1), None),
                                            *_stocks(index, text, prose[0], kinds, year, "opening")]
                                if index.key(f)[0] == index.key(closing)[0]
                                and index.key(f)[2:] == index.key(closing)[2:]])
        if opening is None:
            continue
        added = tuple(f for f, role in zip(prose, roles) if role == "added")
        taken = tuple(f for f, role in zip(prose, roles) if role == "taken")
        out.append(Difference.model_construct(
            difference=closing, minuends=(opening, *added), subtrahends=taken, name="年末余额", rate=None, base=None,
            rivals=(), reason="roll_forward_stated",
            via=("the balances at the year's start and end, stated around the flows' sentence",), rejected=()))
    return out


def _stocks(index: DocumentIndex, text: str, near: Fact, kinds: set[str], year: str, point: str | None) -> list[Fact]:
    """The debt balances of the flows' kind (or of neither kind) stated at `point` of `year` in the flows' section."""
    out = []
    for f in index.amounts_holding("余额"):
        if f.in_table or f.is_bound or f.sentence == near.sentence or f.unit != near.unit:
            continue
        label = clean_label(f.label)
        concept = f.concept or ""
        if _NO_STOCK.search(label) or "债务" not in concept + label:
            continue
        if {k for k in _KINDS if k in concept + label} != kinds:
            continue
        if index.period_of(f) != year or point_of(index, text, f) != point:
            continue
        a, b = sorted((f.span.start, near.span.start))
        if text.count("\n", a, b) > _REACH or _HEADING.search(text, a, b):
            continue
        out.append(f)
    return out


def _sentence_of(text: str, at: int) -> int:
    """Where the sentence holding offset `at` starts."""
    return last_of(text, "。;；\n", at) + 1
