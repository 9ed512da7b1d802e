"""Shares of all the parts of one whole: they add to 100 %.

    "其中基本支出60万元,占60%;项目支出40万元,占40%"  → a complete list's parts (shares_of_listed_parts)
    "基本支出…占支出的84.06%" and "项目支出…占支出的19.62%" → a closed family's members
                                                          of one named whole (shares_of_family)
    "…占总数的76.25%" and "…占总数的23.75%", their parts adding up to a figure stated before
                                                          → siblings that are all of it (shares_of_siblings)
"""

from __future__ import annotations

from decimal import Decimal

from auditor import lazyre
from auditor.extract.bind.index import DocumentIndex
from auditor.extract.bind.reasons import PART_NAMED_ABOVE
from auditor.extract.bind.resolvers.change_sum import complete_lists
from auditor.extract.bind.resolvers.share_whole import said_of_wholes, whole_name
from auditor.extract.model import Breakdown, Share, SharePartition
from auditor.extract.vocabulary import read_label


_BARE_BUDGET = lazyre.compile(r"^(?:其)?(?:年初|全年|调整后?|年度)?(?:预算|计划|任务|目标)(?:数|额)?$")  # (no subject named)


def resolve(index: DocumentIndex, lists: list[Breakdown], shares: list[Share]) -> list[SharePartition]:
    # "完成预算10万元的78.0%": a share of its own stated whole is no part of a partition
    # ("占年初预算91.38%": each part's rate against its own budget, no share of the whole)
    share_of = {s.part.id: s for s in shares if s.part is not None and s.whole is None
                and not _BARE_BUDGET.match(s.whole_label or "")}
    out: list[SharePartition] = []
    seen: set[int] = set()
    said_of = said_of_wholes(shares)
    for b in complete_lists(lists):
        found = [share_of.get(p.id) for p in b.parts]
        # (shares of another whole than the list's total — "本年支出合计…其中:基本支出…,占支出总计的58.89%",
        # 支出总计 holding the 结转结余 too —, or of the whole the total is itself a share of — "基本支出…,占本年支出合计的
        # 59.66%。其中:人员经费…,占本年支出合计的50.84%" — are no partition of it)
        if any(x is None or x.reason == "share_of_the_totals_whole" or (x.wholes and all(w.id != b.total.id for w in x.wholes))
               or _member_named(index, x.whole_label, b.total) or _wider_scope(x.whole_label, b.total)
               or x.whole_label and (b.total.id, whole_name(x.whole_label)) in said_of for x in found):
            continue
        # (… or of wholes named apart: "人员经费…,占基本支出的82.00%;…项目支出…,占支出总额的50.00%" — two wholes; or of the sum
        # of other parts, not of this list)
        if len({whole_name(x.whole_label) for x in found if x.whole_label}) > 1 \
                or any(x.whole_of_parts and {f.id for f in x.whole_of_parts} != {p.id for p in b.parts} for x in found):
            continue
        parts = [x.percent for x in found]
        seen.update(x.id for x in parts)
        # (shares whose parts were looked up before their paragraph warn, never accuse: so does their sum)
        via = (PART_NAMED_ABOVE,) if any(PART_NAMED_ABOVE in x.via for x in found) else ()
        out.append(SharePartition.model_construct(label=b.total.concept or "", shares=tuple(parts),
                                                  reason="shares_of_listed_parts", via=via, rejected=()))
    # "占总数的76.25%" … "占总数的23.75%": siblings whose parts add up to a figure stated before them
    siblings: dict[int, list[Share]] = {}
    for s in shares:
        if s.reason == "share_of_siblings_total" and s.percent.id not in seen:
            siblings.setdefault(s.wholes[0].id, []).append(s)
    for group in siblings.values():
        seen.update(s.percent.id for s in group)
        for run in _breakdowns(group):
            out.append(SharePartition.model_construct(label=run[0].whole_label, shares=tuple(s.percent for s in run),
                                                      reason="shares_of_siblings", via=(), rejected=()))
    by_whole: dict[str, list[Share]] = {}
    for s in shares:
        if s.part is not None and s.whole_label and s.whole is None and s.percent.id not in seen:
            by_whole.setdefault(s.whole_label, []).append(s)
    for whole, group in by_whole.items():
        concepts = [s.part.concept for s in group]
        if None in concepts or len(set(concepts)) != len(concepts) or len(group) < 2:
            continue
        family = index.vocab.family_of(concepts)
        if family is None or family.open:
            continue
        named = read_label(whole, index.vocab).concept
        if named is not None and named not in family.totals and any(
                named in fam.totals and set(family.totals) & set(fam.members) for fam in index.vocab.families.values()):
            # ("人员经费和公用经费分别占本年支出合计的47.12%、9.06%": members of 基本支出's family, shares of a whole that
            # 基本支出 is a member of — they add to 基本支出's share, not to 100 %)
            continue
        # (… of a 总计 that holds more than the members' 合计: "本年支出合计2128.35万元,其中:基本支出…,占支出总计的54.49%;
        # 项目支出…,占支出总计的41.61%" — the rest is 年末结转和结余; the shares add to at most 100 %)
        out.append(SharePartition.model_construct(label=whole, shares=tuple(s.percent for s in group),
                                                  complete=not _holds_more(index, named, family, group[0]),
                                                  reason="shares_of_family", via=(), rejected=()))
    return out


def _holds_more(index: DocumentIndex, named: str | None, family, share: Share) -> bool:
    """The family's whole named by a share is a 总计 (支出总计, 收入总计) that holds more than its members: the text states
    beside it a 合计 of the family (本年支出合计) smaller than it, of the same year, or money carried on (年末结转和结余)."""
    if not named or "总计" not in named or named not in family.totals:
        return False
    near = share.percent.span.start
    wholes = [w for w in index.amounts_of(named, near=near) if index.period_of(w) == index.period_of(share.part)]
    sums = [f for c in family.totals if "合计" in c for f in index.amounts_of(c, near=near)]
    if any(f.unit == w.unit and f.value + f.tolerance < w.value - w.tolerance and index.period_of(f) == index.period_of(w)
           for w in wholes for f in sums):
        return True
    beyond = index.vocab.cue("beyond_spending")
    return "支出" in named and any(f.kind == "amount" and f.value > 0 and beyond.search(f.label)
                                  and index.period_of(f) == index.period_of(share.part) for f in index.facts)


def _breakdowns(group: list[Share]) -> list[list[Share]]:
    """The siblings of one whole cut into the runs, in text order, whose parts each make all of it: "按资金来源分,中央资金
    15240万元,占70.93%;…。用于产业发展13121万元,占61.07%;…" — the whole broken down twice (by source, by use), two
    partitions, not one of 200 %. One run when the parts do not fall so."""
    whole = group[0].wholes[0]
    runs: list[list[Share]] = [[]]
    total = slack = Decimal(0)
    for s in sorted(group, key=lambda s: s.part.span.start):
        runs[-1].append(s)
        total, slack = total + s.part.value, slack + s.part.tolerance
        if abs(total - whole.value) <= slack + whole.tolerance:
            runs.append([])
            total = slack = Decimal(0)
    runs = [run for run in runs if run]
    if len(runs) < 2 or any(len(run) < 2 for run in runs) or total:
        return [group]  # (… nor when a run is a single part, or parts are left over that make no whole)
    return runs


_SCOPE = lazyre.compile(r"全(?:国|省|市|县|区|州|盟|旗|镇|乡)")


def _wider_scope(whole_label: str, total) -> bool:
    """The share names a whole of a wider scope than the list's total ("甲县…,乙县9.15亿元(一般2.75亿元、专项6.40亿元),
    分别占全市的1.93%和1.49%"): shares of the place's figures in the city's, no partition of the county's."""
    said = _SCOPE.search(whole_label or "")
    return said is not None and said.group() not in (total.label or "")


def _member_named(index: DocumentIndex, whole_label: str, total) -> bool:
    """The share names as its whole a member of a family the list's total breaks into ("人员经费…,占基本支出的
    79.88%" under 本年支出合计): a share of a part of the total, no share of the total."""
    if not whole_label or not total.concept:
        return False
    concept = read_label(whole_label, index.vocab).concept
    return concept is not None and concept != total.concept and any(
        concept in fam.members and total.concept in fam.totals for fam in index.vocab.families.values())
