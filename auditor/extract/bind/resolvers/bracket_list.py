"""X(a, b): figures in a bracket right after a figure are its parts.

    "项目支出1241.76万元(财政拨款1235.28万元,其他收入6.48万元)" → 1241.76 = 1235.28 + 6.48
"""

from __future__ import annotations

from typing import Iterator

from auditor.extract.bind.candidate import Candidate
from auditor.extract.bind.lists import is_part, make_breakdown
from auditor.extract.readings import OPENERS, Reading


def resolve(r: Reading) -> Iterator[Candidate]:
    tree = r.tree
    for node in tree.nodes:
        if not node.separator("([【"):
            continue
        i = node.index
        if i == 0 or not is_part(r, tree[i - 1]) and tree[i - 1].kind != "total":
            continue
        owner = r.facts[i - 1]
        if owner is None:
            continue
        parts = []
        ok = True
        for k in tree.after(i, "sentence"):
            s = tree[k]
            if s.depth < node.depth:
                break
            if s.kind in OPENERS | {"share", "increase", "decrease"}:
                ok = False
                break
            if s.depth == node.depth and is_part(r, s):
                if r.facts[k].kind != owner.kind or r.facts[k].unit != owner.unit:
                    ok = False
                    break
                parts.append(r.facts[k])
        if ok and len(parts) >= 2:
            made = make_breakdown(r, owner, parts, "()", True, "bracket_list")
            if made:
                yield made
