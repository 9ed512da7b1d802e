"""Parallel lists: lists of one paragraph that name the same parts are complete together.

    "上缴中央17812万元,其中:福利彩票公益金14196万元,体育彩票公益金3616万元;省本级留成10316万元,
     其中:福利彩票公益金7998万元,体育彩票公益金2318万元;…"

A 其中 list may name only some parts, so by itself it fails only by excess. But when
another list of the same paragraph, of another total and read the same way, names the
same parts in the same order and adds up exactly, the text has shown that these parts
make up such a total: a sibling list that falls short of its total is then a
contradiction, not a partial list.
"""

from __future__ import annotations

from collections import defaultdict

from auditor.extract.bind.lists import adds_up
from auditor.extract.model import Breakdown, Fact
from auditor.extract.readings import Reading

VIA = "a parallel list naming the same parts adds up"


def _name(p: Fact) -> str:
    return p.concept or p.label


def complete(r: Reading, lists: list[Breakdown]) -> list[Breakdown]:
    """`lists` with the partial lists that a parallel list shows complete marked complete."""
    candidates = []
    for k, b in enumerate(lists):
        names = tuple(_name(p) for p in b.parts)
        if len(names) >= 2 and all(names) and len(set(names)) == len(names) and not b.subtracted:
            candidates.append((k, b, names))
    if not candidates:  # (most documents: no list of two parts or more named apart; no node is looked at)
        return list(lists)
    # each fact's paragraph (facts by node index, the nodes in order)
    paragraph = {f.id: n.paragraph for n, f in zip(r.tree.nodes, r.facts) if f is not None}
    groups: dict[tuple, list[int]] = defaultdict(list)
    for k, b, names in candidates:
        if b.total.id in paragraph:
            groups[(paragraph[b.total.id], b.total.unit, b.reason, names)].append(k)
    out = list(lists)
    for members in groups.values():
        # lists of different totals, read the same way: two readings of one total are rivals, not parallels
        if len({lists[k].total.id for k in members}) < len(members) or len(members) < 2 \
                or not any(adds_up(lists[k].total, lists[k].parts) for k in members):
            continue
        for k in members:
            if not lists[k].complete:
                out[k] = lists[k].model_copy(update={"complete": True, "via": (*lists[k].via, VIA)})
    return out
