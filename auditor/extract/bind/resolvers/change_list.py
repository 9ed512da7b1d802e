"""A total's change, then numbered items each stating the change of one of its parts.

    "基本支出较上年增17.1万元。1.工资福利支出较上年增18.67万元 2.商品和服务支出较上年减0.04万元 …"
"""

from __future__ import annotations

from typing import Iterator

from auditor.extract.bind.candidate import Candidate
from auditor.extract.bind.resolvers.numbered_items import _item_amounts, _run_end, item_runs
from auditor.extract.model import Change, ChangeList
from auditor.extract.readings import Reading
from auditor.extract.vocabulary import read_label


def resolve(r: Reading, changes: dict[int, Change]) -> Iterator[Candidate]:
    """`changes`: the decided changes, by the node index of their keyword."""
    for run in item_runs(r, first_in_paragraph=True):
        made = _change_run(r, run, changes)
        if made:
            yield made


def _change_run(r: Reading, run: list[int], changes: dict[int, Change]) -> Candidate | None:
    tree = r.tree
    parts: list[Change] = []
    bounds = run[1:] + [_run_end(r, run)]
    for item, stop in zip(run, bounds):
        stated = [changes[k] for k in tree.paragraph_nodes(tree[item].paragraph) if item < k < stop and k in changes]
        found = _item_change(r, item, stop, stated)
        if found is None or any(c.delta is None or c.delta.kind != "amount" for c in found):
            return None
        parts.extend(found)
    first = run[0]
    total = None
    for k in range(first - 1, -1, -1):
        if tree[k].paragraph < tree[first].paragraph - 2 or tree[k].kind == "item":
            break
        if k in changes:
            total = changes[k]
            break
    if total is None or total.delta is None or total.delta.kind != "amount":
        return None
    concepts = [read_label(c.subject_label, r.vocab).concept for c in parts]
    total_concept = read_label(total.subject_label, r.vocab).concept
    if any(c is None for c in concepts):
        return None
    family = r.vocab.family_of(concepts)
    if family is None or total_concept not in family.totals:
        return None
    return Candidate(ChangeList.model_construct(total=total, parts=tuple(parts), reason="numbered_change_list",
                                                via=(), rejected=()))


def _item_change(r: Reading, item: int, stop: int, stated: list[Change]) -> list[Change] | None:
    """The change an item states: its first one — unless that is the change of one of the item's own
    parts ("（二）公务用车购置及运行维护费38.50万元，其中：公务用车购置费…减少28.00万元；…运行维护费…减少2.70万元"):
    then the item's change is the sum of its parts' changes, read only when every part states one
    (one part's change is not the item's, and a part left out would make a false sum)."""
    if not stated:
        return None
    own = _item_amounts(r, item, stop)
    item_concept = own[0].concept if own else None
    first = read_label(stated[0].subject_label, r.vocab).concept
    if item_concept is None or first is None or first == item_concept:
        return [stated[0]]
    family = next((f for f in r.vocab.families.values() if item_concept in f.totals and first in f.parts), None)
    if family is None:
        return [stated[0]]
    concepts = [read_label(c.subject_label, r.vocab).concept for c in stated]  # (each change's subject read once)
    if item_concept in concepts:
        return [stated[concepts.index(item_concept)]]
    if any(x not in family.parts for x in concepts) or not family.covers(concepts):
        return None  # (a part's change stated, another's not: the item's change is not read)
    return stated
