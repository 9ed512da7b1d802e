"""A standard per unit split by the levels of government that pay it.

    "基础养老金标准为每人每月163元,其中中央103元、省级40元、县级提高20元"   → 163 ≥ 103 + 40 + 20

A standard per unit (每人每月163元) is no total of amounts (lists.make_breakdown refuses one over parts that are not
standards), but the same money per head may be said as the shares each level pays: after 其中, in the standard's own
sentence, every item named by a level alone (cue standard_level_share: 中央, 省级, 县级补助 …; a level that raises the
standard, "县级提高20元", is its share on top) and written in the standard's unit, none above it.  The levels named
need not be every payer (a county's top-up left unsaid), so the list is read as some of the parts: more than the
standard is wrong, less is not.  The shares may follow the standard with no 其中, each named by a level alone
("每亩补助标准为150元,中央补助100元,省级补助30元,县级补助20元"): read the same way.
"""

from __future__ import annotations

from typing import Iterator

from auditor.extract.bind.candidate import Candidate
from auditor.extract.bind.standards import per_unit
from auditor.extract.model import Breakdown, Fact
from auditor.extract.readings import Reading, clean_label

_RAISE = frozenset({"increase"})  # ("县级提高20元": the level's raise on top of the others', its share)


def resolve(r: Reading) -> Iterator[Candidate]:
    tree = r.tree
    level = r.vocab.cue("standard_level_share")
    for node in tree.of_kind("qizhong"):
        i = node.index
        j = next((k for k in tree.before(i, "sentence") if not tree[k].is_separator), None)
        if j is None or tree[j].kind != "labelled":
            continue
        total = r.facts[j]
        if total is None or total.kind != "amount" or total.is_bound or per_unit(r, total) is None:
            continue
        parts = _level_items(r, i, total, level)
        if parts is None or len(parts) < 2:
            continue
        yield _candidate(total, parts, "其中", "standard_level_shares")
    yield from _unmarked(r, level)


def _candidate(total: Fact, parts: list[Fact], marker: str, reason: str) -> Candidate:
    """The standard's shares by level, some of it (the other levels' may be left unsaid)."""
    breakdown = Breakdown.model_construct(total=total, parts=tuple(parts), subtracted=(), marker=marker, complete=False,
                                          family=None, reason=reason, via=(), rejected=(), core=None)
    return Candidate(breakdown, total=total.id, parts=tuple(p.id for p in parts))


def _unmarked(r: Reading, level) -> Iterator[Candidate]:
    """The shares said right after the standard with no 其中, each named by a level ("补助标准为每人每年610元,中央补助320元,
    省级补助146元,市级补助72元,县级补助72元"): the same reading, the items running from the standard's figure."""
    tree = r.tree
    for node in tree.of_kind("labelled"):
        j = node.index
        total = r.facts[j]
        if total is None or total.kind != "amount" or total.is_bound or per_unit(r, total) is None:
            continue
        k = next((k for k in range(j + 1, len(tree)) if not tree[k].is_separator), None)
        if k is None or tree[k].kind != "labelled" or tree[k].sentence != node.sentence \
                or not all(tree[q].piece.keyword in (",", "，") for q in range(j + 1, k)) \
                or not level.fullmatch(clean_label(tree[k].piece.label)):
            continue
        parts = _level_items(r, j, total, level)
        if parts is None or len(parts) < 2:
            continue
        yield _candidate(total, parts, "", "standard_level_shares_unmarked")


def _level_items(r: Reading, i: int, total: Fact, level) -> list[Fact] | None:
    """The items after the 其中 at node i up to the sentence's end, each a level's amount in the standard's unit; None
    when any piece is something else (a count, a rate, words that name no level, a standard of its own)."""
    tree = r.tree
    parts: list[Fact] = []
    name = ""
    for k in range(i + 1, len(tree)):
        s = tree[k]
        if s.sentence != tree[i].sentence:
            break
        if s.is_separator:
            if s.piece.keyword not in ("、", ",", "和", "及", "。", ";"):
                return None
            name = ""
            continue
        if s.kind == "words":
            name += s.piece.label.strip()
            continue
        fact = r.facts[k]
        if fact is None or fact.kind != "amount" or s.depth != tree[i].depth:
            return None
        if s.kind == "labelled":
            name += clean_label(s.piece.label)
        elif s.kind not in _RAISE:
            return None
        if not level.fullmatch(name) or fact.unit != total.unit or fact.scale != total.scale \
                or per_unit(r, fact) is not None or fact.is_bound or fact.value > total.value:
            return None
        parts.append(fact)
        name = ""
    return parts
