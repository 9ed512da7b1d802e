"""A total's change, then numbered items each stating the change of one of its parts.

    "基本支出较上年增17.1万元。1.工资福利支出较上年增18.67万元 2.商品和服务支出较上年减0.04万元 …"
"""

from __future__ import annotations

from typing import Iterator

from auditor.extract.bind.candidate import Candidate
from auditor.extract.bind.resolvers.numbered_items import item_runs
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
    for item in run:
        found = next((changes[k] for k in tree.paragraph_nodes(tree[item].paragraph) if k > item and k in changes), None)
        if found is None or found.delta is None or found.delta.kind != "amount":
            return None
        parts.append(found)
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
