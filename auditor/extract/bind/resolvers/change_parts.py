"""较上年增加 D,主要是 A 增加 a、B 减少 b: the changes of the parts a change goes on to name make it up.

    "支出较去年增加105.77万元,主要是基本支出增加39.77万元,项目支出增加66.00万元" → 105.77 = 39.77 + 66.00
    "收入增加3627万元,其中:本级收入增加365万元(…)、上级补助收入增加3262万元"   → 3627 = 365 + 3262

A 主要是 names the main parts, perhaps not all: the list is read as the whole's parts when they are all
the members of the family of what the total's change is of (支出 = 基本支出 + 项目支出, 收入 = 本级 +
上级补助), so that every part is there, whatever the signs.  Other main parts 主要是 names (of no
family, or some of its members only) are read too, as what the text says makes the change — one part or
more ("收入较去年减少133.66万元,主要是一般公共预算拨款减少133.66万元"): the relation holds when they add up
to it, and stays undecided when they do not (the parts left unsaid may make the rest: reason
change_parts_main, never a finding).
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
    main_marker = r.vocab.cue("change_parts_main")
    for k, total in changes.items():
        if total.delta is None or total.delta.kind != "amount":
            continue
        parts: list[Change] = []
        opened = main = False
        for j in tree.after(k, "sentence"):
            t = tree[j]
            if not parts and (t.kind == "qizhong" or (t.kind == "words" and marker.match(t.piece.label.strip()))):
                opened = True
                main = t.kind == "words" and bool(main_marker.match(t.piece.label.strip()))
            if t.kind in OPENERS and t.kind != "qizhong":
                break
            if main and t.separator(";；"):
                break  # (the main parts said in the clauses after 主要是, not the next item's: "…增加102.30万元,主要是
                # 补助标准提高;事业收入…,比上年增加67.15万元")
            if j not in changes or t.depth != tree[k].depth:
                continue
            if not opened:
                break
            part = changes[j]
            if main and part.delta is not None and part.delta.kind != "amount":
                continue  # (a cause counted among the main ones: "主要是实有在职人员减少3人,人员经费拨款减少…")
            if part.delta is None or part.delta.kind != "amount" or part.delta.unit != total.delta.unit:
                break
            if part.reference != total.reference:
                parts = []
                break  # ("比年初预算增加1,912万元,其中:基本支出…,比上年增加1,213万元": two comparisons, no parts of one)
            parts.append(part)
        if not parts:
            continue
        if len(parts) >= 2:
            concepts = [read_label(marker.sub("", c.subject_label), r.vocab).concept for c in parts]
            total_concept = read_label(total.subject_label, r.vocab).concept
            if not any(c is None for c in concepts) and len(set(concepts)) == len(concepts):
                family = r.vocab.family_of(concepts)
                if family is not None and not family.open and total_concept in family.totals:
                    # (a closed family: family_of found it covered, every part there)
                    yield Candidate(ChangeList.model_construct(total=total, parts=tuple(parts),
                                                               reason="change_parts_named", via=(), rejected=()))
                    continue
        if main and _named_apart(parts, total):
            yield Candidate(ChangeList.model_construct(total=total, parts=tuple(parts), reason="change_parts_main",
                                                       via=(), rejected=()))


def _named_apart(parts: list[Change], total: Change) -> bool:
    """Each main part named, once, and none the total itself said again ("主要是支出增加…" of 支出)."""
    names = [p.subject_label.strip() for p in parts]
    return all(names) and len(set(names)) == len(names) and total.subject_label.strip() not in names
