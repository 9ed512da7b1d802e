"""较上年增加 D,主要是 A 增加 a、B 减少 b: the changes of the parts a change goes on to name make it up.

    "支出较去年增加105.77万元,主要是基本支出增加39.77万元,项目支出增加66.00万元" → 105.77 = 39.77 + 66.00
    "收入增加3627万元,其中:本级收入增加365万元(…)、上级补助收入增加3262万元"   → 3627 = 365 + 3262

A 主要是 names the main parts, perhaps not all: the list is read only when its parts are all the
members of the family of what the total's change is of (支出 = 基本支出 + 项目支出, 收入 = 本级 +
上级补助), so that every part is there, whatever the signs.
"""

from __future__ import annotations

from typing import Iterator

from auditor.extract.bind.candidate import Candidate
from auditor.extract.model import Change, ChangeList
from auditor.extract.readings import OPENERS, Reading
from auditor.extract.vocabulary import read_label


def resolve(r: Reading, changes: dict[int, Change]) -> Iterator[Candidate]:
    """`changes`: the decided changes, by the node index of their keyword."""
    tree = r.tree
    marker = r.vocab.cue("change_parts_marker")
    for k, total in changes.items():
        if total.delta is None or total.delta.kind != "amount":
            continue
        parts: list[Change] = []
        opened = False
        for j in tree.after(k, "sentence"):
            t = tree[j]
            if not parts and (t.kind == "qizhong" or (t.kind == "words" and marker.match(t.piece.label.strip()))):
                opened = True
            if t.kind in OPENERS and t.kind != "qizhong":
                break
            if j not in changes or t.depth != tree[k].depth:
                continue
            if not opened:
                break
            part = changes[j]
            if part.delta is None or part.delta.kind != "amount" or part.delta.unit != total.delta.unit:
                break
            if part.reference != total.reference:
                parts = []
                break  # ("比年初预算增加1,912万元,其中:基本支出…,比上年增加1,213万元": two comparisons, no parts of one)
            parts.append(part)
        if len(parts) < 2:
            continue
        concepts = [read_label(marker.sub("", c.subject_label), r.vocab).concept for c in parts]
        total_concept = read_label(total.subject_label, r.vocab).concept
        if any(c is None for c in concepts) or len(set(concepts)) < len(concepts):
            continue
        family = r.vocab.family_of(concepts)
        if family is None or family.open or total_concept not in family.totals:
            continue  # (a closed family: family_of found it covered, every part there)
        yield Candidate(ChangeList.model_construct(total=total, parts=tuple(parts), reason="change_parts_named",
                                                   via=(), rejected=()))
