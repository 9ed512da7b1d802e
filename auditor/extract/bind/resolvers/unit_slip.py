"""One quantity written in 元 in one place and in 万元 in another: a unit slip.

    "2023年基本支出2089万元。…基本支出2089元,主要用于…"   → 2089元 is 2089万元

Two mentions of one quantity (concept, year, scenario, funds: the key of
`DocumentIndex`) whose digits agree but whose units differ by 10⁴ are one figure
with its unit slipped.  The slipped mention is the one in the unit fewer mentions
use (on a tie, the unit the concept's other amounts use less, then the document for money); a concept the
vocabulary does not know counts only when the labels are the same words — once the concept's own name and a
closing 数 / 额 are set aside ("全年执行数386.52万元" … "项目全年执行386.52元" in a project's report: _words).
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from auditor import lazyre
from auditor.extract.bind.index import DocumentIndex
from auditor.extract.model import Fact, UnitSlip
from auditor.extract.readings import clean_label

_TEN_THOUSAND = Decimal(10000)
_SCALES = (Decimal(1), _TEN_THOUSAND)


def resolve(index: DocumentIndex) -> list[UnitSlip]:
    known = index.known_concepts
    used = Counter(f.scale for f in index.facts if f.kind == "amount")
    out: list[UnitSlip] = []
    for key, facts in _with_unnamed_scenario(index).items():
        facts = [f for f in facts if not f.in_table and f.value != 0 and f.scale in _SCALES]
        if len({f.scale for f in facts}) < 2:
            continue
        if key[0] not in known and len({_words(f, key[0]) for f in facts}) > 1:
            continue  # a label the vocabulary does not know: only the same words are one quantity
        for digits in {f.written_value for f in facts}:
            same = [f for f in facts if _same_digits(f, digits)]
            by_scale = {scale: [f for f in same if f.scale == scale] for scale in _SCALES}
            yuan, wan = by_scale[Decimal(1)], by_scale[_TEN_THOUSAND]
            if not yuan or not wan:
                continue
            # (on a tie, the unit the concept's other amounts use — "项目全年预算数400.00万元,全年执行数386.52万元" beside
            # "项目全年执行386.52元" —, then the document's)
            of_concept = Counter(f.scale for f in index.amounts_by_concept.get(key[0], ()) if f.scale in _SCALES
                                 and not _same_digits(f, digits))
            if len(yuan) != len(wan):
                slipped, others = (yuan, wan) if len(yuan) < len(wan) else (wan, yuan)
            elif of_concept[Decimal(1)] != of_concept[_TEN_THOUSAND]:
                slipped, others = (yuan, wan) if of_concept[Decimal(1)] < of_concept[_TEN_THOUSAND] else (wan, yuan)
            elif used[Decimal(1)] != used[_TEN_THOUSAND]:
                slipped, others = (yuan, wan) if used[Decimal(1)] < used[_TEN_THOUSAND] else (wan, yuan)
            else:
                continue  # which unit is meant is open
            for f in slipped:
                out.append(UnitSlip.model_construct(slipped=f, others=tuple(others), concept=key[0],
                                                    reason="same_quantity_other_unit", via=(), rejected=()))
        # (two mentions with other digits are DUP001's)
    return sorted({s.slipped.id: s for s in out}.values(), key=lambda s: s.slipped.span.start)


def _with_unnamed_scenario(index: DocumentIndex) -> dict:
    """`index.by_key`, with the figures of a known concept whose label names no scenario also under each key of that
    concept, year and funds that names one: "2024年机关运行经费预算86.42万元" and, in the glossary, "本部门2024年安排
    86.42元" are one quantity's mentions — the same digits in units 10⁴ apart say so, whichever scenario is meant."""
    groups = {key: list(facts) for key, facts in index.by_key.items()}
    unnamed = {(key[0], key[1], key[3]): facts for key, facts in index.by_key.items()
               if key[2] is None and key[0] in index.known_concepts}
    for key in index.by_key:
        if key[2] is not None and (key[0], key[1], key[3]) in unnamed:
            groups[key] = sorted([*groups[key], *unnamed[(key[0], key[1], key[3])]], key=lambda f: f.span.start)
    return groups


def _words(f: Fact, concept: str) -> str:
    """The words of a figure's label that say which quantity it is, once its concept's own name and a closing 数 / 额
    are set aside: "项目全年执行数" and "全年执行" in a project's report (concept 项目) are one quantity's,
    "全年执行数" and "全年预算数" are not."""
    words = clean_label(f.label)
    if concept and concept in words and words != concept:
        words = words.replace(concept, "")
    return _CLOSING.sub("", words) or words


_CLOSING = lazyre.compile(r"(?:数|额|金额|数额)$")


def _same_digits(f: Fact, digits: Decimal) -> bool:
    """The figure as written is `digits` (to its written precision)."""
    half = Decimal(5).scaleb(-(f.decimals + 1))
    return abs(f.written_value - digits) <= half
