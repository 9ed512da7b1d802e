"""One quantity written in 元 in one place and in 万元 in another: a unit slip.

    "2023年基本支出2089万元。…基本支出2089元,主要用于…"   → 2089元 is 2089万元

Two mentions of one quantity (concept, year, scenario, funds: the key of
`DocumentIndex`) whose digits agree but whose units differ by 10⁴ are one figure
with its unit slipped.  The slipped mention is the one in the unit fewer mentions
use (on a tie, the unit the document uses less for money); a concept the
vocabulary does not know counts only when the labels are the same words.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from auditor.extract.bind.index import DocumentIndex
from auditor.extract.model import Fact, UnitSlip
from auditor.extract.readings import clean_label

_TEN_THOUSAND = Decimal(10000)
_SCALES = (Decimal(1), _TEN_THOUSAND)


def resolve(index: DocumentIndex) -> list[UnitSlip]:
    known = index.known_concepts
    used = Counter(f.scale for f in index.facts if f.kind == "amount")
    out: list[UnitSlip] = []
    for key, facts in index.by_key.items():
        facts = [f for f in facts if not f.in_table and f.value != 0 and f.scale in _SCALES]
        if len({f.scale for f in facts}) < 2:
            continue
        if key[0] not in known and len({clean_label(f.label) for f in facts}) > 1:
            continue  # a label the vocabulary does not know: only the same words are one quantity
        for digits in {f.written_value for f in facts}:
            same = [f for f in facts if _same_digits(f, digits)]
            by_scale = {scale: [f for f in same if f.scale == scale] for scale in _SCALES}
            yuan, wan = by_scale[Decimal(1)], by_scale[_TEN_THOUSAND]
            if not yuan or not wan:
                continue
            if len(yuan) != len(wan):
                slipped, others = (yuan, wan) if len(yuan) < len(wan) else (wan, yuan)
            elif used[Decimal(1)] != used[_TEN_THOUSAND]:
                slipped, others = (yuan, wan) if used[Decimal(1)] < used[_TEN_THOUSAND] else (wan, yuan)
            else:
                continue  # which unit is meant is open
            for f in slipped:
                out.append(UnitSlip.model_construct(slipped=f, others=tuple(others), concept=key[0],
                                                    reason="same_quantity_other_unit", via=(), rejected=()))
        # (two mentions with other digits are DUP001's)
    return sorted({s.slipped.id: s for s in out}.values(), key=lambda s: s.slipped.span.start)


def _same_digits(f: Fact, digits: Decimal) -> bool:
    """The figure as written is `digits` (to its written precision)."""
    half = Decimal(5).scaleb(-(f.decimals + 1))
    return abs(f.written_value - digits) <= half
