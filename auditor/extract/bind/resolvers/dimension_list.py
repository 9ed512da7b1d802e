"""分部门情况是 / 从…来看 / 按…分: the paragraph's first figure split along one dimension.

    "全区完成收入20348万元…。分部门情况是:国税部门完成3954万元…;地税部门…"

Reports may name only the main parts, so the list is checked only for parts
that exceed the total; it is read only when every other figure before the
opener is already a listed part of that total.
"""

from __future__ import annotations

from typing import Iterator

from auditor.extract.bind.candidate import Candidate
from auditor.extract.bind.lists import is_part, list_end, make_breakdown
from auditor.extract.model import Breakdown
from auditor.extract.readings import Reading


def resolve(r: Reading, lists: list[Breakdown]) -> Iterator[Candidate]:
    tree = r.tree
    split_here: dict[int, set[int]] = {}  # total id -> the parts an earlier dimension of it listed
    for opener in tree.of_kind("dimension"):
        if opener.kind != "dimension":
            continue
        i = opener.index
        before = [r.facts[k] for k in tree.paragraph_nodes(opener.paragraph) if k < i
                  and is_part(r, tree[k]) and r.facts[k].kind == "amount" and tree[k].depth == 0
                  and not r.is_previous(r.facts[k])]
        if not before:
            continue
        total = before[0]
        listed = {p.id for b in lists if b.total.id == total.id for p in b.parts} | split_here.get(total.id, set())
        if any(f.id not in listed for f in before[1:]):
            continue  # "盟本级支出…;旗级支出…。分项目看:": which total the list splits is unclear
        parts = [r.facts[k] for k in range(i + 1, list_end(r, i))
                 if is_part(r, tree[k]) and tree[k].depth == opener.depth
                 and r.facts[k].kind == "amount" and r.facts[k].unit == total.unit]
        if len(parts) < 2 or not all(p.label for p in parts) or any(r.is_previous(p) for p in parts) \
                or any(p.value > total.value + total.tolerance for p in parts):
            continue  # a part larger than the total: the list hangs from another figure
        made = make_breakdown(r, total, parts, "分类", False, "dimension_split")
        if made:
            split_here.setdefault(total.id, set()).update(p.id for p in parts)
            yield made
