"""The net of a change up and a change down: "追加13.28亿元、追减18.70亿元,净计追减5.42亿元".

    → 5.42 = 18.70 − 13.28 (a net 追减: the cut less the addition; a net 追加 the other way)

The net change follows the two in its sentence, after 净 / 净计 / 净额 (cue net_change);
exactly one change up and one change down of its unit stand before it.
"""

from __future__ import annotations

from typing import Iterator

from auditor.extract.bind.candidate import Candidate
from auditor.extract.discourse import Node
from auditor.extract.model import Difference, Fact
from auditor.extract.readings import Reading, clean_label

_CHANGES = ("increase", "decrease")


def amount_changes(r: Reading) -> Iterator[tuple[Node, Fact]]:
    """Each change up or down by an exact amount (增加 / 减少 d万元), with its node, in text order."""
    for s in r.tree.of_kind(*_CHANGES):
        fact = r.facts[s.index]
        if fact is not None and fact.kind == "amount" and not fact.is_bound:
            yield s, fact


def resolve(r: Reading) -> Iterator[Candidate]:
    tree = r.tree
    net = r.vocab.cue("net_change")
    for s, fact in amount_changes(r):
        i = s.index
        if i == 0:
            continue
        words = tree[i - 1]
        if words.kind != "words" or words.clause != s.clause or not net.match(clean_label(words.piece.label)):
            continue
        ups, downs = [], []
        for j in tree.before(i - 1, "sentence"):
            t, f = tree[j], r.facts[j]
            if t.kind in _CHANGES and f is not None and f.kind == "amount" and f.unit == fact.unit \
                    and not f.is_bound and t.depth == s.depth:
                (ups if t.kind == "increase" else downs).append(f)
        if len(ups) != 1 or len(downs) != 1:
            continue
        plus, minus = (downs, ups) if s.kind == "decrease" else (ups, downs)
        yield Candidate(Difference.model_construct(
            difference=fact, minuends=tuple(plus), subtrahends=tuple(minus), name="净增减", rate=None, base=None,
            rivals=(), reason="net_of_changes", via=(), rejected=()))
