"""One quantity stated twice: the same concept, year, scenario and funds, and the same
parent (what the figure is a part of, when narrower than the report).

    "2023年基本支出881300.39元。…2023年基本支出881300.39元" → one quantity

"商品和服务支出165247.88元,占基本支出…" and "商品和服务支出29700元,占项目支出…"
are two quantities: their parents differ.  Figures of different funds named by
their paragraphs are different quantities too.
"""

from __future__ import annotations

from auditor.extract.bind.index import DocumentIndex
from auditor.extract.model import Breakdown, Repeat, Share


def resolve(index: DocumentIndex, lists: list[Breakdown], shares: list[Share],
            slipped: frozenset[int] = frozenset()) -> list[Repeat]:
    """`slipped`: figures a unit-slip reading claims (2089元 for 2089万元): UNI001's, not a
    second value of their quantity."""
    known = index.known_concepts
    parents = _parents(index, lists, shares)
    groups: dict[tuple, list] = {}
    for key, facts in index.by_key.items():
        for f in facts:
            groups.setdefault((*key, parents.get(f.id)), []).append(f)
    out: list[Repeat] = []
    for group, (key, facts) in enumerate(groups.items()):
        concept = key[0]
        if concept not in known:
            continue
        # a zero says "none of it here" (a sub-category), not a restatement
        facts = [f for f in facts if not f.in_table and f.value != 0 and f.id not in slipped]
        first = facts[0] if facts else None
        for other in facts[1:]:
            if first.fund and other.fund and first.fund != other.fund:
                continue  # "…一般公共预算…收入合计196.3亿元" and "…政府性基金…收入合计164.0亿元"
            out.append(Repeat.model_construct(first=first, other=other, concept=concept, group=group,
                                              reason="same_quantity", via=(), rejected=()))
    return out


def _parents(index: DocumentIndex, lists: list[Breakdown], shares: list[Share]) -> dict[int, str]:
    """What a figure is part of, when that is narrower than the whole report."""
    top = {t for name in ("支出构成", "收入来源") if name in index.vocab.families
           for t in index.vocab.families[name].totals}
    out: dict[int, str] = {}
    for b in lists:
        parent = b.total.concept or b.total.label
        if parent and parent not in top:
            for p in b.parts:
                out.setdefault(p.id, parent)
    for s in shares:
        if s.part is not None and s.whole_label:
            info = index.label_concept(s.whole_label)
            parent = info.concept or info.text
            if parent and parent not in top:
                out.setdefault(s.part.id, parent)
    return out
