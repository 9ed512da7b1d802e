"""A count split by grade: the items rated 优 / 良 / 中 / 差 are the items rated.

    "上报项目绩效自评2630个…。单位自评结果“优秀”1812个、“良好”171个、“中”536个、“差”111个。"
        → 2630 = 1812 + 171 + 536 + 111
    "项目共计113个,财政资金3267.28万元。其中绩效自评“优”的项目79个财政资金3038.38万元;…"
        → 113 = 79 + …, and the money of each grade: 3267.28 = 3038.38 + …

Grades are disjoint, so a list naming every band of a grading scheme (优秀/优 · 良好/良 ·
中/一般/合格 · 差/较差/不合格) is complete; one naming some bands only may leave out the
others and fails only by excess.  A grade is a quoted word ("“良好”的23个") or one after
评为 / 等次为 / 结果为, so that 中 inside a name (中央, 其中) is no grade.  The total is the
nearest count before the first grade, in its sentence or the one before (there, not one a list
opener — 其中, 包括 — comes before: a part of that sentence's list).
"""

from __future__ import annotations

from typing import Iterator

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate
from auditor.extract.model import Breakdown, Fact
from auditor.extract.readings import OPENERS, Reading

_LOOK_BACK = 64  # nodes: a total is near its grades (and the look stays linear in the text)
_BAND = {"优秀": 0, "优": 0, "良好": 1, "良": 1, "中等": 2, "中": 2, "一般": 2, "合格": 2,
         "较差": 3, "差": 3, "不合格": 3}
_GRADES = "|".join(sorted(_BAND, key=len, reverse=True))  # the longer word first: 不合格 before 合格
_QUOTED = lazyre.compile(rf"[“\"「『]({_GRADES})(?:\([^()]{{0,6}}\))?[”\"」』]")
_NAMED = lazyre.compile(rf"(?:评为|等次为|等级为|结果为|评价为)({_GRADES})(?:等次|等级)?(?:的|项目)*$")


def grade_of(label: str) -> int | None:
    """The band (0 best … 3 worst) a part's label names, or None."""
    m = _QUOTED.search(label) or _NAMED.search(label)
    return _BAND[m.group(1)] if m else None


def resolve(r: Reading) -> Iterator[Candidate]:
    tree = r.tree
    groups: list[list[int]] = []
    for node in tree.of_kind("labelled"):
        fact = r.facts[node.index]
        if fact is None or fact.kind != "count" or node.kind != "labelled" or grade_of(node.piece.label) is None:
            continue
        last = groups[-1][-1] if groups else None
        # a group ends at another count ("本级48个…“优”有37个、“良”有6个;来凤山管理所4个…") or a band named again
        if last is not None and tree[last].paragraph == node.paragraph and node.sentence - tree[last].sentence <= 1 \
                and r.facts[last].unit == fact.unit and tree[last].depth == node.depth \
                and not any(r.facts[k] is not None and r.facts[k].kind == "count" for k in range(last + 1, node.index)) \
                and grade_of(node.piece.label) not in {grade_of(tree[k].piece.label) for k in groups[-1]}:
            groups[-1].append(node.index)
        else:
            groups.append([node.index])
    for group in groups:
        bands = [grade_of(tree[k].piece.label) for k in group]
        if len(group) < 2 or len(set(bands)) != len(bands):
            continue
        found = _total_before(r, group[0])
        if found is None:
            continue
        at, total = found
        complete = set(bands) == {0, 1, 2, 3}
        parts = [r.facts[k] for k in group]
        yield _list(total, parts, complete)
        money = _money_of_each(r, group, at)
        if money is not None:
            yield _list(money[0], money[1], complete)


def _list(total: Fact, parts: list[Fact], complete: bool) -> Candidate:
    return Candidate(Breakdown.model_construct(total=total, parts=tuple(parts), subtracted=(), marker="等次",
                                               complete=complete, family=None, reason="grade_counts", via=(),
                                               rejected=(), core=None),
                     total=total.id, parts=tuple(p.id for p in parts))


def _total_before(r: Reading, first: int) -> tuple[int, Fact] | None:
    """The nearest count before the first grade, of its unit, in its sentence or the one
    before (with its node)."""
    tree = r.tree
    like = r.facts[first]
    for k in tree.before(first, "paragraph", limit=_LOOK_BACK):
        t = tree[k]
        if t.sentence < tree[first].sentence - 1:
            return None
        f = r.facts[k]
        if f is None or t.kind not in {"labelled", "total"} or t.depth > tree[first].depth:
            continue
        if f.kind == "count" and f.unit == like.unit:
            if t.sentence < tree[first].sentence and _after_opener(r, k):
                continue  # ("…计26家,包括10家…和3家民营专科医院。“优”的14家…": a part of the sentence before, not the total)
            return None if grade_of(t.piece.label) is not None or f.is_bound else (k, f)
    return None


def _after_opener(r: Reading, k: int) -> bool:
    """The count at node `k` follows a list opener (其中, 包括, 分别为 …) in its sentence: one of that list's parts."""
    tree = r.tree
    for j in tree.before(k, "sentence", limit=_LOOK_BACK):
        if tree[j].kind in OPENERS:
            return True
    return False


def _money_of_each(r: Reading, group: list[int], total_index: int) -> tuple[Fact, list[Fact]] | None:
    """"“优”的项目79个财政资金3038.38万元": each grade's money right after its count, and the money
    right after the total's count — a second list of the same split."""
    tree = r.tree

    def after(k: int) -> Fact | None:
        j = k + 1
        f = r.facts[j] if j < len(tree) else None
        if f is None or f.kind != "amount" or tree[j].kind != "labelled" or tree[j].sub != tree[k].sub:
            return None
        return f

    amounts = [after(k) for k in group]
    own = next((r.facts[j] for j in range(total_index + 1, min(total_index + 3, len(tree)))
                if r.facts[j] is not None and tree[j].sentence == tree[total_index].sentence), None)
    if own is None or own.kind != "amount" or any(a is None or a.unit != own.unit for a in amounts):
        return None
    return own, amounts
