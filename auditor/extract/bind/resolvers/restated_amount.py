"""An amount restated in a bracket right after it, in another notation: one quantity written twice.

    "追加四千六百萬元(46,000,000元)"            → 四千六百萬元 = 46,000,000元 (DUP001, reason restated_in_bracket)
    "捐赠收入188亿元(18,806,608,102.09元)"      → 188亿元 = 18,806,608,102.09元, within 188亿's rounding

The bracket holds that one amount and nothing else but a currency's name (cue restated_bracket_open: 新台币,
人民币 …), so it can say nothing but the amount before it again — in full, in 元, in digits for numerals.  A bracket
that says anything more ("(含上年结转92.40万元)", "(上年90万元)", "(每人1万元)", "(约合人民币35万元)") is another
figure's, and is not read; nor is a figure of a table (a bracketed figure there may be a negative one), an
approximate figure (约, 余, 近 …), or two amounts in different currencies or of different kinds.
"""

from __future__ import annotations

from auditor import lazyre
from auditor.extract.bind.index import DocumentIndex
from auditor.extract.model import Breakdown, Fact, Repeat

GROUP = -2  # (the pairs' groups count down from here, apart from repeat.resolve's and own_score's)

_CLOSE = lazyre.compile(r"[ \t]*\)")


def resolve(index: DocumentIndex, text: str) -> list[Repeat]:
    opener = index.vocab.cue("restated_bracket_open")
    out: list[Repeat] = []
    facts = sorted((f for f in index.facts if _amount(f)), key=lambda f: f.span.start)
    for first, other in zip(facts, facts[1:]):
        if first.unit != other.unit or first.sentence != other.sentence or not _renotated(first, other):
            continue  # (a bracket of the same notation is another figure: "教育支出52.40亿元(51.06亿元)", last year's)
        if not opener.fullmatch(text, first.span.end, other.span.start) or not _CLOSE.match(text, other.span.end):
            continue
        if other.tolerance < first.tolerance:
            # (the rounded figure may be cut, not rounded, from the full one: "5.92亿元(592,555,505.09元)" — it stands
            # for a whole unit of its last digit either side)
            first = first.model_copy(update={"about": True})
        out.append(Repeat.model_construct(first=first, other=other, concept=first.label or other.text,
                                          group=GROUP - len(out), reason="restated_in_bracket", via=(), rejected=()))
    return out


_NUMERALS = lazyre.compile(r"[一二三四五六七八九十百千]")


def _renotated(first: Fact, other: Fact) -> bool:
    """The second is written in another notation: another unit (亿元, 元), or digits for numerals."""
    return first.written_unit != other.written_unit or bool(_NUMERALS.search(first.text)) != bool(_NUMERALS.search(other.text))


def _amount(f: Fact) -> bool:
    """A figure of money as written in prose, stated exactly (to its rounding)."""
    return f.kind == "amount" and f.unit == "元" and not f.in_table and not f.approximate and f.value != 0


RESTATED_VIA = "each figure restated in full in its bracket"


def restated_lists(lists: list[Breakdown], repeats: list[Repeat]) -> list[Breakdown]:
    """A list whose total and every part are each restated in a bracket is stated a second time, in the fuller
    figures: "捐赠收入188亿元(18,806,608,102.09元),其中物资捐赠183亿(18,315,774,773.00元),现金捐赠5.92亿元
    (592,555,505.09元)" adds up in 亿 but not in 元 — the sum is checked in both."""
    full = {r.first.id: r.other for r in repeats if r.reason == "restated_in_bracket"}
    out = []
    for b in lists:
        figures = (b.total, *b.parts, *b.subtracted)
        if b.parts and all(f.id in full for f in figures):
            out.append(b.model_copy(update={"total": full[b.total.id], "parts": tuple(full[f.id] for f in b.parts),
                                            "subtracted": tuple(full[f.id] for f in b.subtracted),
                                            "via": (*b.via, RESTATED_VIA), "rejected": ()}))
    return out
