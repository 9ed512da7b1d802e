"""Shares of parts named in a list, with no amounts: together they are at most all of the whole.

    "公开招标、邀请招标、竞争性谈判和询价分别占采购总规模的77.2%、0.8%、12.2%和9.8%"
        → 77.2 + 0.8 + 12.2 + 9.8 ≤ 100 % (shares_of_named_parts: the names may not be every part —
          "采购方式…分别占…的77.2%、0.8%、2.2%…" may leave some out —, but distinct parts never make more than
          the whole)
"""

from __future__ import annotations

from typing import Iterator

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate
from auditor.extract.model import SharePartition
from auditor.extract.readings import Reading

_AND = lazyre.compile(r"和|及|与|以及")


def resolve(r: Reading) -> Iterator[Candidate]:
    tree = r.tree
    for s in tree.of_kind("share"):
        i = s.index
        first = r.facts[i]
        if first is None or first.kind != "percent" or i == 0 or tree[i - 1].kind != "fenbie":
            continue
        percents = [first]
        k = i + 1
        while k + 1 < len(tree) and tree[k].separator("、,和及") and tree[k + 1].kind == "labelled" \
                and r.facts[k + 1] is not None and r.facts[k + 1].kind == "percent" and tree[k + 1].clause == s.clause:
            percents.append(r.facts[k + 1])
            k += 2
        names = _names_before(r, i - 1)
        if len(percents) < 2 or len(names) != len(percents) or len(set(names)) != len(names):
            continue
        yield Candidate(SharePartition.model_construct(label=s.piece.label.rstrip("的"), shares=tuple(percents),
                                                       complete=False, reason="shares_of_named_parts",
                                                       via=(), rejected=()))


def _names_before(r: Reading, j: int) -> list[str]:
    """The names listed right before node j ("公开招标、邀请招标、竞争性谈判和询价"), in its clause, no figure among them."""
    tree = r.tree
    names: list[str] = []
    k = j - 1
    while k >= 0 and tree[k].clause == tree[j].clause:
        t = tree[k]
        if t.kind == "words":
            names[:0] = [n for n in _AND.split(t.piece.label.strip()) if n]
        elif not t.separator("、"):
            break
        k -= 1
    return names
