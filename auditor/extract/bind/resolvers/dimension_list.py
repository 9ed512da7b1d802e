"""分部门情况是 / 从…来看 / 按…分: the paragraph's first figure split along one dimension.

    "全区完成收入20348万元…。分部门情况是:国税部门完成3954万元…;地税部门…"
    "…政府采购规模为21070.5亿元…。从政府采购结构来看,货物类、工程类和服务类采购金额分别为
     6571.4亿元、11155.2亿元和3343.9亿元" (the names before 分别为 label its figures)

Reports may name only the main parts, so the list is checked only for parts
that exceed the total; it is read only when every other figure before the
opener is already a listed part of that total.
"""

from __future__ import annotations

from typing import Iterator

from auditor.extract.bind.candidate import Candidate
from auditor.extract.bind.lists import (OTHER_MEASURE_EXACT, SECOND_MEASURE, adds_up, is_part, list_end, made_elsewhere,
                                        make_breakdown)
from auditor.extract.bind.resolvers.named_items import plain_names
from auditor.extract.model import Breakdown, Fact
from auditor.extract.readings import Reading, clean_label


def resolve(r: Reading, lists: list[Breakdown]) -> Iterator[Candidate]:
    tree = r.tree
    split_here: dict[int, set[int]] = {}  # total id -> the parts an earlier dimension of it listed
    parts_of: dict[int, set[int]] | None = None  # total id -> the parts the lists give it (built when first asked)
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
        if parts_of is None:
            parts_of = {}
            for b in lists:
                parts_of.setdefault(b.total.id, set()).update(p.id for p in b.parts)
        listed = parts_of.get(total.id, set()) | split_here.get(total.id, set())
        if any(f.id not in listed and not _restated(f, total) for f in before[1:]):
            continue  # "盟本级支出…;旗级支出…。分项目看:": which total the list splits is unclear
        parts = [r.facts[k] for k in range(i + 1, list_end(r, i))
                 if is_part(r, tree[k]) and tree[k].depth == opener.depth
                 and r.facts[k].kind == "amount" and r.facts[k].unit == total.unit]
        named = not parts and _respectively(r, i, total)
        counted: tuple[Fact, list[Fact]] | None = None  # the count total and its parts, when each part is a count's amount
        if named:
            # "从…结构来看,A、B和C金额分别为x、y和z": the names before 分别为 label the figures — of the
            # total alone: under a listed part of it ("其中货物类采购300亿元。从货物类采购结构来看,…")
            # the split may be of that part
            split = split_here.get(total.id, set())  # (a second dimension of it: "从组织形式来看")
            if any(f.id != total.id and f.id not in split and not _restated(f, total) for f in before):
                continue
            parts = named
        elif not all(p.label for p in parts):
            # ("资助学生567.89万人次,资助金额123.45亿元…。分学段看:学前教育资助23.45万人次、2.34亿元;…": each part names a
            # count and, after 、, its amount — the split of both totals)
            counted = _count_amount_pairs(r, i, before, parts)
            if counted is None:
                continue
        if any(r.vocab.cue("change_named").search(clean_label(p.label)) for p in parts):
            continue  # "从增收结构来看,税收收入增收额…": changes of the parts, not parts of the level
        other = _another_whole_named(r, opener.paragraph, total, parts)
        if other is not None:
            # "余额532374万元…限额581061.56万元以内。分类型看,一般债务限额…,专项债务限额…": the 限额's split
            total = other
        if len(parts) < 2 or any(r.is_previous(p) for p in parts) \
                or any(p.value > total.value + total.tolerance for p in parts):
            continue  # a part larger than the total: the list hangs from another figure
        if counted is not None:
            # (each measure's list is complete when the other's parts make its total exactly)
            count_total, counts = counted
            for whole, items, other, others in ((total, parts, count_total, counts), (count_total, counts, total, parts)):
                if made_elsewhere(r, whole, items) is not None:
                    continue  # (the parts make another total of their measure stated near them: theirs)
                exact = adds_up(other, others)
                made = make_breakdown(r, whole, items, "分类", exact, "dimension_split",
                                      (SECOND_MEASURE, OTHER_MEASURE_EXACT) if exact else (SECOND_MEASURE,))
                if made:
                    split_here.setdefault(whole.id, set()).update(p.id for p in items)
                    yield made
            continue
        made = make_breakdown(r, total, parts, "分类", False, "dimension_split")
        if made:
            split_here.setdefault(total.id, set()).update(p.id for p in parts)
            yield made


def _count_amount_pairs(r: Reading, i: int, before: list[Fact], parts: list[Fact]) -> tuple[Fact, list[Fact]] | None:
    """The count total and the counts of a dimension's parts that each state a count, named, and right after it (、)
    its amount, unnamed ("学前教育资助23.45万人次、2.34亿元;义务教育资助312.56万人次、28.76亿元;…"): one such pair a clause,
    the count total the paragraph's first count before the opener, in the amount total's sentence; else None."""
    tree = r.tree
    counts: list[Fact] = []
    for p in parts:
        k = r.node_of(p)
        if k is None or k < 2 or p.label or not tree[k - 1].separator("、") or tree[k - 2].kind != "labelled":
            return None
        count = r.facts[k - 2]
        if count is None or count.kind != "count" or not count.label or tree[k - 2].sub != tree[k].sub \
                or not is_part(r, tree[k - 2]):
            return None
        counts.append(count)
    subs = [tree[r.node_of(c)].sub for c in counts]
    if len(set(subs)) != len(subs) or len({c.unit for c in counts}) != 1:
        return None
    total = before[0]
    whole = next((r.facts[k] for k in tree.paragraph_nodes(tree[i].paragraph) if k < i and r.facts[k] is not None
                  and is_part(r, tree[k]) and r.facts[k].kind == "count" and r.facts[k].unit == counts[0].unit
                  and tree[k].depth == 0 and not r.is_previous(r.facts[k])), None)
    if whole is None or tree[r.node_of(whole)].sentence != tree[r.node_of(total)].sentence:
        return None
    return whole, counts


def _respectively(r: Reading, i: int, total: Fact) -> list[Fact]:
    """The figures of a 分别为 right after the dimension opener at node i, when only names stand
    between them ("货物类、工程类和服务类采购金额分别为6571.4亿元、11155.2亿元和3343.9亿元") and the
    names are as many as the figures; else none."""
    tree = r.tree
    at = list_end(r, i)
    if at >= len(tree) or tree[at].kind != "fenbie" or tree[at].depth != tree[i].depth \
            or any(r.facts[k] is not None for k in range(i + 1, at)):
        return []
    stretch = r.norm.text[tree[i].end:tree[at].start]
    changes = r.vocab.cue("change_named")
    if changes.search(stretch) or changes.search(r.norm.text[tree[i].start:tree[i].end]):
        return []  # "从增收结构来看,税收收入和非税收入增收额分别为…": changes, not parts of the level
    read = plain_names(stretch)
    figures = []
    for k in range(at + 1, list_end(r, at)):  # the figures right after 分别为, to the clause's end
        if tree[k].is_separator and not tree[k].separator(",;。"):
            continue
        if tree[k].kind != "labelled" or tree[k].depth != tree[at].depth:
            break
        figures.append(r.facts[k])
    if read is None or len(read[0]) != len(figures) \
            or any(f.kind != "amount" or f.unit != total.unit or f.is_bound for f in figures):
        return []
    return figures


def _restated(f: Fact, total: Fact) -> bool:
    """`f` states the total again (a headline, then its sentence: "规模为34,993.1亿元…。…规模为34,993.1亿元")."""
    return f.value == total.value and f.unit == total.unit and f.decimals == total.decimals


def _another_whole_named(r: Reading, paragraph: int, total: Fact, parts: list[Fact]) -> Fact | None:
    """The parts' names end alike in words the total's name lacks ("一般债务限额", "专项债务限额" under a
    total 政府债务余额), and another figure of the paragraph is named by those words (债务限额): that figure,
    not the total, is what they split (the first such figure before them — one after them is another dimension's
    part: "分地域看,城镇零售额…,乡村零售额…。分行业看,批发和零售业零售额…" —; None when there is none)."""
    names = [clean_label(p.label) for p in parts]
    if len(names) < 2:
        return None
    tail = names[0]
    for n in names[1:]:
        while tail and not n.endswith(tail):
            tail = tail[1:]
    own = clean_label(total.label)
    if len(tail) < 2 or tail[-2:] in own:
        return None  # (the head word of their names, "限额", is not the total's: "型彩票" under "销售彩票" is)
    listed = {p.id for p in parts}
    # (a figure of this year at the paragraph's own level — not last year's 收入 its parts are named like)
    return next((f for k in r.tree.paragraph_nodes(paragraph) for f in [r.facts[k]]
                 if f is not None and f.id != total.id and f.id not in listed and f.unit == total.unit
                 and f.kind == "amount" and not r.is_previous(f) and r.tree[k].depth == 0
                 and f.span.end <= parts[0].span.start and tail in clean_label(f.label)), None)
