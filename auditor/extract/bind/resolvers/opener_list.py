"""其中 / 分别为 / 包括 / 分类为: the parts listed after a marker belong to the figure before it.

    "支出100万元,其中:基本支出60万元,项目支出40万元。"       → 100 = 60 + 40 (qizhong_list)
    "其中:中央补助 668.00\\n市级资金 343.00"                    → the list goes on line by line
    "…其中基本支出180.5万元。…项目支出667.9万元"               → a sibling in the next sentence
"""

from __future__ import annotations

import os
import re
from typing import Iterator, NamedTuple

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate
from auditor.extract.bind.lists import (MARKERS, OTHER_MEASURE_EXACT, PARTIAL_SAID, REASON_OF_OPENER, SECOND_MEASURE,
                                        SPAN_TOTAL, adds_up, adjustment_listed, adjustment_node, choose_total, complement_names, continue_list, family_complete, halves_of_total, money_and_goods, in_respectively_run, inner_nodes,
                                        is_part, line_list, list_end, list_family, made_elsewhere, make_breakdown, measures_of, paragraph_list,
                                        partial_marker, rest_of_list, sub_subject, telling_ends, total_candidates)
from auditor.extract.bind.reasons import TOTAL_NEXT_SENTENCE
from auditor.extract.bind.resolvers.grade_counts import grade_of
from auditor.extract.bind.resolvers.side_by_side import in_side_by_side
from auditor.extract.model import BUDGET_SCENARIOS, Fact
from auditor.extract.numbering import YEAR_SPAN
from auditor.extract.readings import LABEL_YEAR, OPENERS, Reading, clean_label, part_start, years_listed_before
from auditor.extract.vocabulary import FUNDING_SOURCE, compatible_scenarios


def resolve(r: Reading) -> Iterator[Candidate]:
    for node in r.tree.of_kind(*MARKERS):
        if node.kind in MARKERS and node.kind != "dimension":
            if node.kind == "qizhong" and in_side_by_side(r, node.start):
                continue  # ("按收入性质分…按支出性质分…其中：一般公共预算…其中：基本支出…": the form's rows, side_by_side's)
            if node.kind == "fenbie" and _changes_follow(r, node.index):
                # ("A、B和C分别为a、b、c,分别比上年增加x、y、z": the changes of the subjects named, one each; "…,分别佔X a及Y b的
                # p和q": their shares)
                continue
            candidates = total_candidates(r, node.index)
            if not candidates and node.kind == "qizhong":
                yield from _total_next_sentence(r, node.index)
                continue
            if node.kind == "fenbie" and len(years_listed_before(r.tree, node.index)) >= 2:
                # ("2022年、2023年和2024年分别为43837万元、…": each year's figure, no parts of a figure before — but of a total
                # over those years: "2022—2023年县级累计投入3,870.40万元,2022年、2023年分别为…")
                candidates = [c for c in candidates if SPAN_TOTAL.search(c.label)]
            if not candidates:
                continue
            if node.kind == "fenbie" and in_respectively_run(r, max(candidates, key=lambda c: c.span.start)):
                # ("一般债务限额、余额分别为79.19亿元、75.98亿元,专项债务限额、余额分别为153.03亿元、…": the figure right
                # before is one of a run said one each — the next run is said of other names, no parts of it or of a
                # figure before the run)
                continue
            if node.kind == "fenbie" and _others_besides(r, node.index, candidates):
                continue  # ("…来自天津,为1002万元;…的省份还有广东、江苏…,分别中奖2110万元、…": others beside it, no parts)
            if node.kind == "fenbie" and _said_of_each_before(r, node.index):
                continue  # ("歲入編列1,500億元刪減4億元、歲出編列1,620億元刪減6億元,分別通過1,496億元及1,614億元": one for each)
            if node.kind == "fenbie" and _in_and_out(r, node.index):
                continue  # ("2022年收入、支出分别为126770万元和646702万元": money in and money out, no parts of one total)
            span = _span(r, node.index)
            listed = list(_opener_list(r, node.index, candidates, span))
            yield from listed
            if node.kind == "qizhong" and len(candidates) >= 2:
                yield from _second_measure(r, node.index, candidates, span)
                yield from _money_and_count(r, node.index, candidates, {c.total for c in listed}, span)
                yield from _measures_per_clause(r, node.index, candidates, span)


def _total_next_sentence(r: Reading, i: int) -> Iterator[Candidate]:
    """"经审核,其中:土建工程审定3,186.42万元,安装工程审定1,207.85万元,室外配套工程审定846.30万元。⏎审定结算金额合计5,258.57万元":
    a 其中 with no figure before it in reach lists the parts of the 合计 that opens the next sentence (on the next line at
    most), when every part is named with a word its name holds (审定) and nothing but the parts stands in the list.
    The total is looked for after the list, so the reading only warns (TOTAL_NEXT_SENTENCE)."""
    tree = r.tree
    span = _span(r, i)
    parts = [r.facts[k] for k in span.members]
    if len(parts) < 2 or any((f.kind, f.unit) != (parts[0].kind, parts[0].unit) for f in parts) \
            or parts[0].kind not in ("amount", "count") or any(f.is_bound or r.is_previous(f) for f in parts) \
            or any(tree[k].sentence != tree[i].sentence for k in span.members):
        return
    last = tree.unit("sentence", span.members[-1])
    if any(r.facts[k] is not None and k not in span.members for k in range(i + 1, last.stop)):
        return  # (other figures in the list's sentence: which are its parts is not plain)
    k = next((k for k in range(last.stop, len(tree)) if r.facts[k] is not None), None)
    if k is None or tree[k].kind != "total" or (r.facts[k].kind, r.facts[k].unit) != (parts[0].kind, parts[0].unit) \
            or r.norm.line_col(r.facts[k].span.start)[0] - r.norm.line_col(parts[-1].span.end)[0] > 1:
        return
    total = r.facts[k]
    names = [clean_label(f.label) for f in parts]
    name = clean_label(total.label)
    # (an end every part's name shares, "工程审定", of which the total's name holds two characters at least: 审定)
    if not any(all(x.endswith(names[0][-n:]) for x in names) and names[0][-n:] in name
               for n in range(2, len(names[0]) + 1)):
        return
    # ("…,以上两项为重点项目": parts the list says are a selection, of a 合计 of all — a part of it, not all of it)
    # ("受理的结算审核项目中,其中:…": some of the members of a set named before the list)
    start = tree[tree.unit("sentence", i)[0]].start
    partial = partial_marker(r, i, span.members[-1]) \
        or bool(r.vocab.cue("members_of_set_before").search(r.norm.text, start, tree[i].start))
    made = make_breakdown(r, total, parts, MARKERS["qizhong"], not partial, REASON_OF_OPENER["qizhong"],
                          (TOTAL_NEXT_SENTENCE, PARTIAL_SAID) if partial else (TOTAL_NEXT_SENTENCE,))
    if made:
        yield made


class _Span(NamedTuple):
    """Where the list an opener opens ends (list_end), the nodes of the lists inside it, and the figures at its own
    depth that may be its parts (is_part), in order: worked out once an opener, for each reading of it."""

    end: int
    inner: set[int]
    members: list[int]
    savings: list[int] = []  # (money saved, read as decreases: parts of a balance only — see _opener_list)


def _span(r: Reading, i: int) -> _Span:
    tree = r.tree
    end = list_end(r, i)
    inner = inner_nodes(r, i, end)
    members = [k for k in range(i + 1, end) if k not in inner and is_part(r, tree[k]) and tree[k].depth == tree[i].depth]
    savings = [k for k in range(i + 1, end) if k not in inner and tree[k].depth == tree[i].depth and _saving(r, k)]
    return _Span(end, inner, members, savings)


def _saving(r: Reading, k: int) -> bool:
    """"政府采购节约6.1万元" read as a decrease: money saved, which a list under a balance counts as its part (kept only
    there, see _opener_list)."""
    fact = r.facts[k]
    return r.tree[k].kind == "decrease" and fact is not None and not fact.is_bound and fact.kind == "amount" \
        and fact.value > 0 and bool(r.vocab.cue("difference_saved").search(clean_label(fact.label)))


def _period_named(r: Reading, said) -> str:
    """The period a figure's name opens with, one name for the report's own year ("全年", "本年度", "2024年度" in a
    report of 2024: "current"), else the words ("上半年", "2022年度", "上年")."""
    if said is None:
        return "current"
    words = said.group()
    year = LABEL_YEAR.match(words)
    if year and year.group(1) == r.report_year and words[year.end():] in ("", "度"):
        return "current"
    return "current" if words in dict(r.vocab.periods).get("current", ()) else words


def _others_besides(r: Reading, i: int, candidates: list[Fact]) -> bool:
    """The names the 分别 at node i is said of are others besides what the figure before is of (cue others_besides,
    "…的省份还有广东、江苏、山东和浙江,分别中奖…"), said between the last figure that may be the total and the 分别."""
    last = max(candidates, key=lambda c: c.span.end)
    return last.span.end < r.tree[i].start \
        and bool(r.vocab.cue("others_besides").search(r.norm.text, last.span.end, r.tree[i].start))


def _changes_follow(r: Reading, i: int) -> bool:
    """The first piece after the 分别 at node i states a change or a share ("分别比上年增加16.10亿元、8.34亿元…",
    "分别佔政府開支總額7,312億元及…的15.7%和17.7%"), or opens a comparison ("25,963户、40,172人,分别比2022年末的
    26,418户、41,286人减少455户、1,114人": the figures compared with, then the changes — no parts)."""
    tree = r.tree
    k = next((k for k in range(i + 1, len(tree)) if not tree[k].is_separator), None)
    return k is not None and tree[k].sentence == tree[i].sentence and (
        tree[k].kind in _CHANGE_PIECES
        or tree[k].kind == "words" and bool(r.vocab.cue("compared_prefix").match(tree[k].piece.label.strip())))


_CHANGE_PIECES = frozenset({"increase", "decrease", "growth_up", "growth_down", "share"})


def _second_measure(r: Reading, i: int, candidates: list, span: _Span) -> Iterator[Candidate]:
    """"砌护渠道48条,长11.27千米,其中U40型农渠46条长8.85千米;U50-1型斗渠2条长2.42千米": each part
    states two measures of its total's; the list of the measure its nearest total is not in (the
    count, here) is read too, against the total of that measure stated right before, in the same
    clause chain — complete when the parts' other measure makes its total exactly."""
    tree = r.tree
    opener = tree[i]
    nearest = candidates[0]
    other = next((c for c in candidates[1:] if c.sentence == opener.sentence and c.kind == "count"
                  and (c.kind, c.unit) != (nearest.kind, nearest.unit)), None)
    if other is None or nearest.kind != "count":
        return
    listed = [r.facts[k] for k in span.members]
    parts = [f for f in listed if (f.kind, f.unit) == (other.kind, other.unit)]
    firsts = [f for f in listed if (f.kind, f.unit) == (nearest.kind, nearest.unit)]
    if len(parts) < 2 or len(parts) != len(firsts):
        return  # (each part states both measures, or the lists do not pair)
    if made_elsewhere(r, other, parts) is not None:
        return  # (the parts make another total of their measure stated near them: theirs, not this one's)
    # (complete when the parts' first measure makes its total exactly: then the list names every part)
    made = make_breakdown(r, other, parts, MARKERS["qizhong"], adds_up(nearest, firsts), REASON_OF_OPENER["qizhong"],
                          (SECOND_MEASURE,))
    if made:
        yield made


def _money_and_count(r: Reading, i: int, candidates: list, listed: set[int], span: _Span) -> Iterator[Candidate]:
    """"共支出医疗救助金488.9万元,救助44581人次。其中,发放基本医疗救助金262.3万元,帮扶困难群众42098人次;申请…救助金
    226.6万元,帮扶困难群众2483人次": the sentence before the list states an amount and a count, and each part states
    one of each. Each measure's list the opener did not read is read against its own total — complete when the parts'
    other measure makes its total exactly, else it fails only by excess."""
    tree = r.tree
    pair = sorted((c for c in candidates[:2] if c.kind in ("amount", "count")), key=lambda c: c.kind)
    if len(pair) != 2 or {c.kind for c in pair} != {"amount", "count"} or pair[0].sentence != pair[1].sentence:
        return
    if all(c.id in listed for c in pair):
        return
    if any(grade_of(tree[k].piece.label) is not None for k in span.members):
        return  # (the projects of each grade and their money: grade_counts' reading, complete by the bands named)
    items = [r.facts[k] for k in span.members]
    parts = {c.id: [f for f in items if (f.kind, f.unit) == (c.kind, c.unit)] for c in pair}
    amounts, counts = (parts[c.id] for c in pair)
    if len(amounts) < 2 or len(amounts) != len(counts) or len(amounts) + len(counts) != len(items):
        return  # (each part states both measures, and nothing else)
    for total, other in (pair, pair[::-1]):  # (the amounts' list first)
        if total.id not in listed:
            if made_elsewhere(r, total, parts[total.id]) is not None:
                continue  # (the parts make another total of their measure stated near them: theirs, not this one's)
            # (the counts making theirs name every part, but not what money of them a total of another measure is)
            exact = adds_up(other, parts[other.id]) and (total.kind != "amount" or _measured_alike(r, total, parts[total.id]))
            made = make_breakdown(r, total, parts[total.id], MARKERS["qizhong"], exact, REASON_OF_OPENER["qizhong"],
                                  (SECOND_MEASURE, OTHER_MEASURE_EXACT) if exact else (SECOND_MEASURE,))
            if made:
                yield made


def _measures_per_clause(r: Reading, i: int, candidates: list, span: _Span) -> Iterator[Candidate]:
    """"当年预算批复指标71.48亿元,已用指标62.09亿元,预算结余9.39亿元…。其中:县直各部门批复指标39.41亿元,已用指标33.79亿元,
    预算结余5.62亿元…;各乡镇批复指标11.49亿元,已用指标7.94亿元,…": the sentence before the list states several
    amounts, and each clause of the list states them again, in their order, each named as its total is (the end of
    the name that tells it from the others: 复指标, 用指标, 结余 — or, in its place, the same last two characters):
    one list per measure, complete when every clause states that measure and the clauses are all the parts."""
    tree = r.tree
    totals = [c for c in candidates if c.kind == "amount" and c.sentence == candidates[0].sentence]
    totals.reverse()  # (in their order in the text)
    names = telling_ends([clean_label(c.label) for c in totals])
    if not 2 <= len(totals) <= 4 or names is None or any(c.unit != totals[0].unit for c in totals):
        return
    clauses: dict[int, list[Fact]] = {}
    for k in span.members:
        clauses.setdefault(tree[k].sub, []).append(r.facts[k])
    if len(clauses) < 2:
        return
    lists: list[list[Fact]] = [[] for _ in totals]
    for amounts in clauses.values():
        at = 0  # (each clause states the measures in the totals' order, some of them left out)
        for f in amounts:
            if f.kind == "percent":
                continue  # (a rate of the clause's amounts: "…,总体执行率86%")
            name = clean_label(f.label)
            j = next((j for j in range(at, len(totals)) if name.endswith(names[j])), None)
            if j is None and at < len(totals) and len(name) >= 2 and name[-2:] == names[at][-2:]:
                j = at  # ("实拨单位资金预算指标20.58亿元" in the place of the 批复指标)
            if j is None or f.kind != "amount" or f.unit != totals[0].unit:
                return
            lists[j].append(f)
            at = j + 1
        if at < 2 or sum(f.kind == "amount" for f in amounts) < 2:
            return  # (a clause of one amount: a list of one measure, qizhong_list's)
    # (the clauses name every part when one measure's parts make its total exactly, or a family's members: a
    # 其中 may list only some — "预算100万元,已支出80万元。其中:办公费预算30万元,已支出20万元;…")
    full = [n for n, parts in enumerate(lists) if len(parts) == len(clauses)]
    every = any(adds_up(totals[n], lists[n]) or family_complete(r, totals[n], lists[n]) for n in full)
    for n, (total, parts) in enumerate(zip(totals, lists)):
        if len(parts) >= 2:
            made = make_breakdown(r, total, parts, MARKERS["qizhong"], every and n in full,
                                  REASON_OF_OPENER["qizhong"], ("each clause states the measures of the sentence before",))
            if made:
                yield made


def _opens_own_list(r: Reading, k: int) -> bool:
    """A 其中 follows the figure at node k in its clause chain, before any other figure ("付息支出2.37亿元,其中…")."""
    tree = r.tree
    for j in range(k + 1, min(len(tree), k + 4)):
        if tree[j].sentence != tree[k].sentence or r.facts[j] is not None:
            return False
        if tree[j].kind == "qizhong":
            return True
        if tree[j].kind != "sep" or tree[j].piece.keyword not in ",:":
            return False
    return False


_NAME_SPLIT = lazyre.compile(r"[、和及与]")


def _said_of_each_before(r: Reading, i: int) -> bool:
    """The figures the 分别 at node i lists, in one clause, are as many as the figures before it in its sentence that are
    named alike for different names, ("歲入編列1,500億元刪減4億元、歲出編列1,620億元刪減6億元,分別通過1,496億元及1,614億元":
    歲入編列 / 歲出編列): each is said of one of them, none a part of the last."""
    tree = r.tree
    after = [k for k in tree.after(i, "sentence", limit=12) if r.facts[k] is not None]
    if len(after) < 2:
        return False
    listed = [k for k in after if tree[k].clause == tree[after[0]].clause]
    kind = r.facts[listed[0]]
    ends: dict[str, set[str]] = {}
    for k in tree.before(i, "sentence", limit=32):
        if tree[k].kind in MARKERS:
            break  # ("…专项资金17347万元其中第一批资金9910万元,分别支持…": a part under its total, not one of two alike)
        f = r.facts[k]
        if f is None or (f.kind, f.unit) != (kind.kind, kind.unit):
            continue
        label = clean_label(f.label)
        if len(label) >= 4 and not label.startswith(("其中", "包括", "含")):
            ends.setdefault(label[-2:], set()).add(label)
    return any(len(names) == len(listed) >= 2 for names in ends.values())


def _in_and_out(r: Reading, i: int) -> bool:
    """The names a 分别为 list pairs its figures with name money coming in and money going out."""
    tree = r.tree
    names: list[str] = []
    for j in range(i - 1, max(-1, i - 8), -1):  # ("2022年 | 收入 | 、 | 支出 | 分别为": the names of its clause)
        node = tree[j]
        if node.clause != tree[i].clause or r.facts[j] is not None:
            break
        if node.kind in ("words", "labelled"):
            names.extend(n for n in _NAME_SPLIT.split(clean_label(node.piece.label)) if n)
    return {"in", "out"} <= {r.vocab.flow(name) for name in names}


_HELD = lazyre.compile(r"(?:其中)?(?:含|包含)")
HELD_ITEMS = "the items a part holds"  # (via of the list of a 其中 part's own items: 含…, 主要为…)


def _held_runs(r: Reading, parts: list[tuple[int, Fact]]) -> list[tuple[tuple[int, Fact], list[tuple[int, Fact]]]]:
    """The items said to be held in a part of a list, each run with the part that holds them: a figure named as held (含…)
    or as the part's main items (主要为…, vocabulary part_items) right after a part in its clause, and the figures after
    it in that clause (to the next ';')."""
    tree = r.tree
    opens = r.vocab.cue("part_items")

    def opening(f: Fact) -> bool:
        return bool(_HELD.match(clean_label(f.label)) or opens.match(f.label.lstrip()))

    runs: list[tuple[tuple[int, Fact], list[tuple[int, Fact]]]] = []
    held_in: int | None = None  # the clause of the items held in a part
    for n, (k, f) in enumerate(parts):
        if held_in is None and n and opening(f) and not opening(parts[n - 1][1]) \
                and tree[parts[n - 1][0]].sub == tree[k].sub:
            held_in = tree[k].sub
            runs.append((parts[n - 1], []))
        elif held_in is not None and tree[k].sub != held_in:
            held_in = None
        if held_in is not None:
            runs[-1][1].append((k, f))
    return runs


def _listed_items(r: Reading, holder: int, items: list[tuple[int, Fact]]) -> bool:
    """The held items are a list of the holding part's own, read as one: right after it (no change of it between: "固定资产
    净值…,比上年减少753.62万元,主要是本年计提折旧1,986.30万元" says why it fell), joined by 、 alone (after a comma,
    "含共同财政事权转移支付收入11.02亿元,专项转移支付收入5.39亿元" may go on with the outer list's parts), and no changes
    ("调增22421万元,主要是调增上级补助收入12421万元、…": the parts of the change)."""
    tree = r.tree
    changed = r.vocab.cue("stated_as_change")
    if any(changed.match(f.label.lstrip()) for _, f in items):
        return False
    if any(tree[m].kind in _CHANGE_PIECES or tree[m].kind in ("flat", "total") or tree[m].kind in OPENERS
           for m in range(holder + 1, items[0][0])):
        return False
    return all(tree[m].kind != "sep" or tree[m].piece.keyword == "、"
               for (a, _), (b, _) in zip(items, items[1:]) for m in range(a + 1, b))
_BUDGET_NAME = lazyre.compile(r"预算|可用资金|资金总额|到位")
_SPENT_NAME = lazyre.compile(r"^(?:实际|全年|累计|当年|本年|截至年底|年度)?(?:共)?(?:支出|执行|使用|支付)(?:数|金额|资金)?$")


def _paid_item(r: Reading, f: Fact) -> bool:
    """A part named by the verb that pays it and what it pays ("业务支出35.3975亿元,其中:支付职工住房公积金利息34.2207亿元,
    归集手续费…"): an item of the spending it is listed under, no execution of a budget — not a bare 已支付 / 已拨付, the
    money paid so far of the total."""
    label = clean_label(f.label)
    verb = r.vocab.scenario_words.match(label)
    return f.scenario == "actual" and verb is not None and verb.start() == 0 and len(label) - verb.end() >= 2 \
        and not label.startswith("已")


def _opener_list(r: Reading, i: int, candidates: list, span: _Span) -> Iterator[Candidate]:
    tree = r.tree
    opener = tree[i]
    end, inner = span.end, span.inner
    via: list[str] = []
    own_change = _change_the_parts_name(r, i, span.members)
    if own_change is not None:
        candidates = [own_change, *candidates]
    first_total = _nearest_alike(r, candidates, span.members)
    column = _same_column(r, first_total, r.facts[span.members[0]] if span.members else None)
    if column is not None:
        first_total, candidates = column, [column]  # (the figure in the 其中 row's column, no other)
    # ("结余12.3万元,其中政府采购节约6.1万元,培训费未全部使用4.2万元": what was saved is a part of what was left; of any
    # other total a saving is a change, no part)
    leftover = span.savings and r.vocab.cue("difference_leftover").search(clean_label(first_total.label))
    listed = sorted([*span.members, *span.savings]) if leftover else span.members
    parts = [(k, r.facts[k]) for k in listed
             if r.facts[k].kind == first_total.kind and r.facts[k].unit == first_total.unit]
    # "公务用车购置及运行费68.15万元,其中:公务用车购置费26.80万元,…运行维护费41.35万元;公务接待费7.62万元": a figure the
    # vocabulary names beside the total, both parts of one family (三公经费's), is its sibling, no part of it — the list
    # ended before it, and goes on past it into no following lines
    own = _family_members(r, first_total)  # (the parts of the families the total names: found once a list, not a part)
    cut = next((n for n, (_, f) in enumerate(parts) if n and _sibling_of(r, first_total, f, own)), None)
    if cut is not None:
        parts = parts[:cut]
    # ("␣␣其中：税收收入␣␣31.40␣␣7.3 ⏎ ␣␣␣␣␣␣␣␣其中：增值税… ⏎ 政府性基金预算收入␣␣33.80␣␣-15.2": lines set as a table's rows —
    # a row set out further left than the 其中 row is back at a level above the list: the list ends before it)
    backed = next((n for n, (_, f) in enumerate(parts) if n and _set_out_of(r, opener, f)), None)
    if backed is not None:
        parts = parts[:backed]
    inline = {f.id for _, f in parts}  # the parts in the list's own sentence
    # a list whose own sentence names every member of its total's family is whole: it
    # does not go on into the next sentences, paragraphs or lines
    whole = bool(parts) and family_complete(r, first_total, [f for _, f in parts])
    ends_paragraph = not whole and cut is None and (end >= len(tree) or tree[end].paragraph != opener.paragraph)
    if not parts and any(r.facts[k] is not None for k in range(i + 1, end)):
        # "调增84000万元,分别是一般性转移支付收入调增55610万元、专项…调增28390万元": the list's
        # own sentence lists other figures (the changes); the next paragraphs are not its parts
        return
    if ends_paragraph:
        # "基本支出911000.39元,其中:" ending its paragraph, or a list whose first part ends
        # it: each next paragraph opens with a part
        following = paragraph_list(r, opener.paragraph, first_total)
        if parts:  # only the siblings of the parts already listed ("工资福利支出…。商品和服务支出…")
            family = list_family(r, first_total.concept, {f.concept for _, f in parts})
            known = {f.id for _, f in parts}
            taken = []
            for k, f in following:
                if f.concept not in family or f.id in known:
                    break
                taken.append((k, f))
            following = taken
        if following:
            via.append("parts open the following paragraphs")
        parts += following
    # after a ';', 支出 / 结余 / 滚存 … open the next statement: the list ended at the ';' — as it did
    # when the first figure after it is larger than the total ("…余额164234万元,其中:一般债务…,专项债务
    # 61538万元;省财政厅核定…限额164635万元"): no part exceeds its whole
    # (… or, after a list of income, the first figure after it names costs: "业务收入…,其中学杂费收入…;业务成本
    # 与费用…")
    head = r.vocab.cue("statement_head")
    income = r.vocab.flow(clean_label(first_total.label)) == "in"
    for n, (k, f) in enumerate(parts):
        other_flow = income and bool(r.vocab.cue("costs").search(clean_label(f.label)))
        if tree[k].sub != opener.sub and tree[k].paragraph == opener.paragraph \
                and (head.search(clean_label(f.concept or f.label)) and f.concept != first_total.concept
                     and not sub_subject(r, k)  # (but "住院救助3,265人次,支出1,128.45万元": that subject's spending)
                     or other_flow
                     or ((tree[parts[n - 1][0]].sub if n else opener.sub) != tree[k].sub
                         and f.value > first_total.value + first_total.tolerance)):
            # (unless the whole list makes the total and the list before it does not: "收入预算21664.62万元,
            # 其中:…其他收入186.45万元;上年结转520.00万元" — a budget's income counts the money carried over)
            # (the money spent from it and carried on, 年末结转和结余, stays the next statement: shares of the
            # spending are of the spending)
            if not (income and f.concept == _CARRIED_IN and (_adds_up_only_with(first_total, parts, parts[:n])
                                                              or _budget_income_listed(r, first_total, parts[:n], opener))):
                parts = parts[:n]
            break
    # (one subject's money in and money out are no parts of one total: "…支出为45.43亿元。其中市级财政总收入累计完成
    # 17.68亿元,市级财政总支出累计完成16.67亿元" — the city level's two flows, named alike but for 收入 / 支出)
    named = {clean_label(f.label) for _, f in parts}
    if any(n.replace("收入", "支出") in named for n in named if "收入" in n):
        return
    # (what was spent of a budget is no part of it: "全年预算1,883.87万元,其中上年结转263.74万元,全年支出1,736.93万元,
    # 执行率92.20%" — the list ends before the spending)
    if _BUDGET_NAME.search(clean_label(first_total.label)) and not _SPENT_NAME.search(clean_label(first_total.label)):
        for n, (_, f) in enumerate(parts):
            if _SPENT_NAME.search(clean_label(f.label)):
                parts = parts[:n]
                break
    # "一般性转移支付收入23.24亿元,其中均衡性…、…;专项转移支付收入8.56亿元": a figure after a ';' named as the total is
    # but for its first words (a sibling kind of one thing) is the next statement, when no part before it is so named
    own_name = clean_label(first_total.label)
    # (… but a level of the whole place the total names is its part: "全国一般公共预算支出38227亿元,…。其中,中央一般公共预算
    # 本级支出3896亿元,…;地方一般公共预算支出34331亿元" — 全国 is 中央 and 地方; cues wider_place, level_of_place)
    whole_place = r.vocab.cue("wider_place").match(own_name)
    level_of = r.vocab.cue("level_of_place")
    cut = next((n for n, (k, f) in enumerate(parts) if n and tree[k].sub != opener.sub
                and _sibling_name(clean_label(f.label), own_name)
                and not (whole_place and level_of.match(clean_label(f.label)))
                and not any(_sibling_name(clean_label(p.label), own_name) for _, p in parts[:n])), None)
    if cut is not None:
        parts = parts[:cut]
    # "还本支出6.48亿元,其中…偿还5.20亿元;付息支出2.37亿元,其中…": a figure after a ';' that opens a 其中 of its own
    # is the next statement's total, a sibling of the list's — as is one that opens a later line, rows of one entity each
    # with no ';' between them ("浙江 1,102,874 其中：宁波 214,326 ⏎ 广东 1,987,615 其中：深圳 465,210")
    opener_line = r.norm.line_col(opener.start)[0]
    cut = next((n for n, (k, f) in enumerate(parts) if n and (tree[k].sub != opener.sub
                                                               or r.norm.line_col(f.span.start)[0] > opener_line)
                and _opens_own_list(r, k)), None)
    if cut is not None:
        parts = parts[:cut]
    # a figure of the total's own concept starts the next statement, not a part; right
    # after the opener, it says the opener does not list this total ("其中:中央财政4676
    # 其中:中央财政4676 …": the columns of a flattened table, each with its own 其中)
    # "其中:中央财政资金704.63万元,含以奖代补65.13万元;省级财政资金193.12万元": a figure said to be held (含) in the part
    # before it, in its clause, is that part's item, not the list's — and so are the figures after it in that clause
    # ("上级补助收入5926万元,含一般性转移支付补助4951万元,专项转移性补助975万元;…"); so are the main items named after
    # a part ("其中固定资产4,126.80万元,主要为房屋3,018.42万元、车辆186.35万元等"): some of that part, read as its own list
    runs = _held_runs(r, parts)
    for holder, items in runs:
        if not _listed_items(r, holder[0], items):
            continue
        made = make_breakdown(r, holder[1], [f for _, f in items], MARKERS["qizhong"], False,
                              REASON_OF_OPENER["qizhong"], (HELD_ITEMS,))
        if made:
            yield made
    held = {k for _, items in runs for k, _ in items}
    parts = [(k, f) for k, f in parts if k not in held]
    restated = _restated_per_clause(r, opener, first_total, parts)
    if restated:
        parts = restated
        via.append("each clause restates the total's measure")
    for n, (_, f) in enumerate(parts):
        # (… but "其他国有资本经营预算收入" after the kinds of "国有资本经营预算收入" is the rest of the total, named as it is
        # but for 其他: the last part, no restatement)
        if not restated and f.concept and f.concept == first_total.concept and (n > 0 or named_alike(f, first_total)) \
                and not (n > 0 and n == len(parts) - 1 and _rest_of_own(r, first_total, f)):
            parts = parts[:n]
            break
    # "全年工业增加值52000万元,其中规模以上工业增加值41000万元;上半年工业增加值24000万元": a figure named as the total is,
    # but of another period it names, after a part that is not so named, is the same quantity again — the next
    # statement, not a part (a list of periods, "其中上半年…,下半年…", names its first part so too; "…预算30万元,已支出20万元"
    # names no period: a part's own spending, the subject left out)
    period = r.vocab.cue("period_prefix")
    core = period.sub("", clean_label(first_total.label))
    if not restated and len(core) >= 2 and parts and period.sub("", clean_label(parts[0][1].label)) != core:
        own_period = _period_named(r, period.match(clean_label(first_total.label)))
        cut = next((n for n, (_, f) in enumerate(parts) for label in [clean_label(f.label)] for said in [period.match(label)]
                    if n and said and period.sub("", label) == core and _period_named(r, said) != own_period), None)
        if cut is not None:
            parts = parts[:cut]
    # "省级资金124.23万元,为A…,B…;市级资金260.3万元,为…": a part naming another level of government's
    # money than the total's own is the next statement
    level = r.vocab.cue("level_money")
    own_level = level.match(clean_label(first_total.label))
    if own_level:
        for n, (_, f) in enumerate(parts):
            other = level.match(clean_label(f.label))
            if n and other and other.group(1) != own_level.group(1):
                parts = parts[:n]
                break
    # "中央企业…利润2968.9亿元,…。其中,中央管理企业…2307.1亿元,…;地方国有企业…1119.3亿元": a total named as one level of
    # the state enterprises (entity_level: 中央企业 / 地方国有企业) has the other level for its sibling — the two make
    # 国有企业 —, never for its part: the list ends before it
    entity = r.vocab.cue("entity_level")
    own_entity = entity.match(clean_label(first_total.label))
    if own_entity:
        cut = next((n for n, (_, f) in enumerate(parts) for m in [entity.match(clean_label(f.label))]
                    if m and bool(m.group("central")) != bool(own_entity.group("central"))), None)
        if cut is not None:
            parts = parts[:cut]
    # "…,即开型33.95亿元,9月份销售19.87亿元": a part of one month (after parts that name none) or one said to be
    # another ("另前瞻特别预算12.80亿元") is the next statement
    breaker = r.vocab.cue("list_breaker")
    if parts and not breaker.match(clean_label(parts[0][1].label)) \
            and not _MONTH.search(r.norm.text, opener.start, parts[0][1].span.start):
        cut = next((n for n, (_, f) in enumerate(parts) if n and breaker.match(clean_label(f.label))), None)
        if cut is not None:
            parts = parts[:cut]
    # "114年度总预算案岁出1,652亿元,其中社会福利支出348亿元,占21.1%;113年度社福支出321亿元": a part its name dates
    # to another year than the total's is the next statement
    # (a list of years' figures — "其中,2022年计划改造…,2023年计划改造…" — is one: its first part names a year)
    year = LABEL_YEAR.search(clean_label(first_total.label))
    if year and parts and not LABEL_YEAR.match(clean_label(parts[0][1].label)):
        cut = next((n for n, (k, f) in enumerate(parts)
                    for m in [LABEL_YEAR.match(clean_label(f.label))] if m and m.group(1) != year.group(1)
                    and tree[k].sub != opener.sub), None)  # (after a ';': "…,2022年续建项目280万元" is a part)
        if cut is not None:
            parts = parts[:cut]
    # "税收收入2467.5亿元,其中增值税…、企业所得税…,非税收入1495.3亿元": the total's complement (非 + its name) is
    # its sibling, not its part
    # (… and so is a part named as the other of a pair the total's name is one of: "经常门2亿9,500万元,…,其中人事费…;
    # 资本门9,100万元" — vocabulary complement_pair)
    own = clean_label(first_total.label)
    pair = r.vocab.cue("complement_pair")
    own_side = pair.search(own)
    cut = next((n for n, (_, f) in enumerate(parts) if (_complement_of(clean_label(f.label), own)
                                                          or _other_side(pair.search(clean_label(f.label)), own_side))
                and not any(clean_label(p.label).endswith(clean_label(f.label)[1:]) for _, p in parts[:n])), None)
    if cut is not None:
        parts = parts[:cut]
    # "…,县财政资金30.9万元,共计下达61.8万元": a 共计 / 合计 closing the list restates a total;
    # "连同债务还本127亿元,包括…106亿元及…21亿元,尚须融资调度171.32亿元": what is needed with it is no part
    # (… and money the total drew in is no part of it: "使用专项债券48.60亿元,其中用作项目资本金6.30亿元;带动银行贷款
    # 和社会投资31.75亿元" — vocabulary leveraged_money)
    subtotal, needed = r.vocab.cue("subtotal"), r.vocab.cue("together_needed")
    leveraged = r.vocab.cue("leveraged_money")
    # (but "其余8个乡镇合计270万元" closing a list sums the rest of it: its last part, lists.rest_of_list — while the parts
    # before it leave room for a rest: "亏损186.05亿元,其中A亏损398.20亿元,其余三家公司合计获利212.15亿元" is a net)
    for n, (k, f) in enumerate(parts):
        rest = rest_of_list(r, k) and sum(p.value for _, p in parts[:n]) <= first_total.value + first_total.tolerance
        if n > 0 and f.label and (subtotal.search(f.label) and not rest or needed.match(clean_label(f.label))
                                  or leveraged.match(clean_label(f.label))):
            parts = parts[:n]
            break
    # "支出312.7亿元,其中:民生支出245.6亿元,占78.5%;教育支出58.3亿元…": 民生支出 sums categories like
    # the ones after it, which are no parts beside it
    aggregate = r.vocab.cue("aggregate_part")
    at = next((n for n, (_, f) in enumerate(parts) if aggregate.match(clean_label(f.label))), None)
    if at is not None and len(parts) > 1:
        parts = parts[:1] if at == 0 else parts[:at]
    memo = r.vocab.memo_for(first_total.concept)
    unmemo = [(k, f) for k, f in parts if f.concept not in memo]
    # (… unless the list makes its total with them and not without: "机关运行经费186.42万元,其中:办公费…、
    # 公务接待费3.48万元、公务用车运行维护费12.36万元、其他商品和服务支出…" lists the economic items, 三公 among them)
    if not _adds_up_only_with(first_total, parts, unmemo):
        parts = unmemo
    # "…通用设备96.35亿元,占13.7%,通用设备中车辆18.72亿元": a part named inside an earlier part is no part beside it — nor
    # are the parts joined to it by 、 alone ("其中珍贵文物86,214件,珍贵文物中一级文物3,218件、二级文物11,546件、三级文物
    # 71,450件": the grades of 珍贵文物), read as that part's own list; nor is a part the text after the list says is
    # counted in another ("其中固定资产…、房屋及构筑物864.18亿元、…。房屋及构筑物全部计入固定资产": cue part_counted_in)
    nested = _nested_runs(r, parts)
    for holder, items in nested:
        if len(items) >= 2:
            made = make_breakdown(r, holder, items, MARKERS["qizhong"], False, REASON_OF_OPENER["qizhong"],
                                  (NAMED_INSIDE,))
            if made:
                yield made
    inside = {f.id for _, items in nested for f in items}
    parts = [(k, f) for k, f in parts if f.id not in inside and _counted_in(r, f, [p for _, p in parts]) is None]
    # "比上年累计支出285万元" inside a list is last year's figure, not a part (a year in a
    # part's own name — "2022年度考核奖励经费" — does not make it last year's)
    # (… but last year's money taken away is a part: "由…2865万元、扣减上年度不合格项目资金137万元和…412万元组成")
    subtracted = r.vocab.cue("subtracted")
    parts = [(k, f) for k, f in parts if f.period != "previous" or r.is_previous(first_total) or subtracted.match(f.label)]
    # "其中博彩直接稅341.8億元,…,較2022年上半年的204.5億元上升67.1%": what a part is compared with is no part
    parts = [(k, f) for k, f in parts if not _compared_with(r, k)]
    # an unlabelled figure among labelled parts restates its neighbour ("…后,为165.61亿元") — but a part named only
    # 其余 / 其他 is named after its figure as the others are: "其中,280亿元为经济援助金,…,其余25亿元为部门开支"
    rest = r.vocab.cue("remainder_part")
    if any(f.label and not _only_the_rest(rest, f) for _, f in parts):
        parts = [(k, f) for k, f in parts if f.label]
    if not parts:
        return
    reason = REASON_OF_OPENER[opener.kind]
    named = [f.scenario for _, f in parts if f.scenario]
    same_sentence = [c for c in candidates if c.sentence == opener.sentence
                     and c.kind == first_total.kind and c.unit == first_total.unit and c.scenario]
    if len(set(named)) > 1 and len(named) >= 4 and len(same_sentence) > 1:
        # "年初预算数A,全年执行B,其中基本支出年初预算a1,全年执行b1;项目支出年初预算a2,全年执行b2"
        nearest = {}  # each scenario's total is the nearest figure of that scenario
        for cand in same_sentence:
            nearest.setdefault(cand.scenario, cand)
        for cand in nearest.values():
            same = [f for _, f in parts if f.scenario == cand.scenario]
            if len(same) >= 2:
                made = make_breakdown(r, cand, same, "其中", True, reason, (*via, "one list per scenario"))
                if made:
                    yield made
        return
    # "资金107.13万元,其中项目管理费1.07万元,目前已拨付106.36万元": an execution
    # figure is not a part of a budget (or unqualified) total
    total_scenario = first_total.scenario
    # (… but money paid and taken back is a part taken away: "由中央补助…、省级补助…,减除上年多拨付的资金96.4万元构成")
    # ("转移支付103.10亿元,分别下达晋江市38.73亿元、巩义市42.69亿元…": the verb right after 分别 is every part's, no
    # scenario of the first part's own — when a name follows it: "中央、省级资金分别结余7.52万元、30.09万元" pairs names
    # before 分别 with what is left of each, no parts)
    verb = r.vocab.scenario_words.match(clean_label(parts[0][1].label))
    verb_of_all = parts[0][0] if opener.kind == "fenbie" and parts[0][0] == i + 1 and verb is not None \
        and len(clean_label(parts[0][1].label)) - verb.end() >= 2 else None
    spending = total_scenario is None and r.vocab.flow(clean_label(first_total.label)) == "out"
    # ("在这28.5亿元当中,由奖券基金支付的有16.2亿元,…": a part named by who pays it, no execution figure — cue paid_by)
    paid_by = r.vocab.cue("paid_by")
    # (an addition's or a cut's parts take the stage of the sentence's budget, "年初预算…,年中追加80万元(其中项目支出50万元、
    # …)": of the addition all the same — lists.adjustment_listed)
    adjusted = total_scenario is None and adjustment_listed(r, i) is first_total
    parts = [(k, f) for k, f in parts
             if f.scenario in (None, total_scenario) or compatible_scenarios(f.scenario, total_scenario)
             or opener.kind == "classify" and subtracted.match(f.label) or k == verb_of_all
             or spending and _paid_item(r, f) or total_scenario is None and paid_by.match(clean_label(f.label))
             or adjusted and f.scenario in BUDGET_SCENARIOS]
    if not parts:
        return
    concepts = [f.concept for _, f in parts if f.concept]
    if len(concepts) != len(set(concepts)) and len(set(named)) > 1:
        return  # the same parts for several scenarios, without matching totals
    part_facts = [f for _, f in parts]
    halves = False
    if opener.kind == "qizhong" and not whole:
        continued = continue_list(r, parts[-1][0], part_facts, first_total.concept)
        if len(continued) > len(part_facts):
            via.append("siblings continue in the next sentences")
            # (one part and its complement after it, 税收收入 and 非税收入: the two sides of the whole, every part)
            halves = len(continued) == 2 and complement_names(clean_label(continued[1].label),
                                                              clean_label(continued[0].label), r.vocab)
        part_facts = continued
    # ("…,分别下达晋江市38.73亿元、巩义市42.69亿元、昆山市21.68亿元。⏎ 全市获得上级补助收入153.12亿元。": a list of two
    # parts or more that its sentence closes with 。 is a sentence of prose, no label-and-figure lines going on)
    if ends_paragraph and not (len(part_facts) >= 2 and _closes_with_stop(r, part_facts[-1])):
        known = {f.id for f in part_facts}
        lines = [f for f in line_list(r, opener.paragraph, first_total) if f.id not in known]
        # ("广东␣␣1,987,615 ⏎ ␣␣其中：深圳␣␣465,210 ⏎ 辽宁␣␣486,320": a line set out further left than the 其中 line that
        # opens with it is back at the rows above the list: the list ends before it)
        back = next((n for n, f in enumerate(lines) if _back_out_of(r, opener, f)), None)
        if back is not None:
            lines = lines[:back]
        if lines:
            via.append("parts on the following lines")
        part_facts += lines
    if opener.kind == "qizhong" and part_facts and all(r.is_previous(c) for c in candidates) \
            and not any(r.is_previous(f) for f in part_facts) and not adds_up(candidates[0], part_facts):
        own = _total_of_own_period(r, candidates[0], part_facts[0])
        if own is not None:
            candidates = [own]
    total = choose_total(r, candidates, part_facts)
    if total is None:
        return
    if adjusted and total is first_total and opener.depth == tree[adjustment_node(r, i)].depth \
            and sum(f.value for f in part_facts) > total.value + total.tolerance + sum(f.tolerance for f in part_facts):
        # ("由年初预算590241万元调增29760万元,其中教育支出120000万元": after a comma the 其中 may be of the whole budget —
        # parts that exceed the addition are not read against it)
        return
    strict = (opener.kind in {"fenbie", "classify"} and len(part_facts) >= 2) or halves \
        or family_complete(r, total, part_facts) or halves_of_total(total, part_facts) \
        or money_and_goods(total, part_facts, r.vocab) \
        or (len(part_facts) >= 2 and _sources_of_money(part_facts)
            and not _grants_of_investment(r, total, part_facts) and not _some_levels_of_all(total, part_facts)) \
        or (len(part_facts) >= 2 and _the_rest(r, total, part_facts[-1]))
    counted = not strict and opener.kind == "qizhong" and _counts_make_theirs(r, total, part_facts, candidates, span)
    if counted:
        strict, via = True, [*via, OTHER_MEASURE_EXACT]
    if partial_marker(r, i, parts[-1][0]) or partial_marker(r, i, _last_other_measure(r, total, parts[-1][0], span)):
        strict, via = False, [*via, PARTIAL_SAID]
    elif strict and _some_years_of_span(r, total, opener):
        strict = False
    made = make_breakdown(r, total, part_facts, MARKERS[opener.kind], strict, reason, tuple(via), inline)
    if made:
        yield made


def _measured_alike(r: Reading, total: Fact, parts: list[Fact]) -> bool:
    """Does the total's name measure nothing its parts' names do not ("采购预算800万元,共采购车辆120台。其中,执法用车80台,
    金额500万元;…": a budget, which the money the items cost need not make though their counts make the 120台)?"""
    named = measures_of(r, clean_label(total.label))
    return not any(a is not None and a != b for p in parts for a, b in zip(named, measures_of(r, clean_label(p.label))))


def _counts_make_theirs(r: Reading, total: Fact, parts: list[Fact], candidates: list, span: _Span) -> bool:
    """"签订合同8,642笔,合同金额6,215.38万元。其中,办公设备类合同5,318笔,金额3,106.72万元;印刷服务类合同1,207笔,…":
    each part states a count beside its amount, and the counts make exactly the count stated beside the total, in its
    sentence: every part is named, so the amounts are all of the total too — unless they make another amount stated
    near them (made_elsewhere: the 中标 amounts under a budget, the counts of the items bought making their count)."""
    if len(parts) < 2 or total.kind != "amount":
        return False
    if not _measured_alike(r, total, parts):
        return False
    ids = {p.id for p in parts}
    counts = [r.facts[k] for k in span.members
              if r.facts[k] is not None and r.facts[k].kind == "count" and r.facts[k].id not in ids]
    if len(counts) != len(parts) or len({c.unit for c in counts}) != 1:
        return False  # (one count a part, all of one unit)
    whole = next((c for c in candidates if c.kind == "count" and c.unit == counts[0].unit
                  and c.sentence == total.sentence), None)
    return whole is not None and adds_up(whole, counts) and made_elsewhere(r, total, parts) is None


def _last_other_measure(r: Reading, total: Fact, last: int, span: _Span) -> int:
    """The list's last member when only the parts' second measure follows the last part ("…社会事业类项目9个,资金1,208.30
    万元;其他项目资金主要用于…": the 其他 that closes the money closes the count list too), else the last part."""
    after = [k for k in span.members if k > last]
    if after and all((r.facts[k].kind, r.facts[k].unit) != (total.kind, total.unit)
                     and r.tree[k].sentence == r.tree[last].sentence for k in after):
        return after[-1]
    return last


def _closes_with_stop(r: Reading, last: Fact) -> bool:
    """The line of a list's last part ends, after it, with a full stop (。) and nothing but words."""
    text = r.norm.text
    end = text.find("\n", last.span.end)
    rest = text[last.span.end:end if end >= 0 else len(text)].rstrip()
    return rest.endswith("。") and not _DIGIT.search(rest)


_DIGIT = lazyre.compile(r"\d")


def _family_members(r: Reading, total: Fact) -> set[str]:
    """The members of the families whose total the total's concept is (公务用车构成's for 公务用车购置及运行费)."""
    if not total.concept:
        return set()
    return set().union(*(fam.members for fam in r.vocab.families_of_total(total.concept)))


def _sibling_of(r: Reading, total: Fact, f: Fact, own: set[str]) -> bool:
    """`f` is of a concept the vocabulary makes a part beside the total's in one family (公务接待费 beside
    公务用车购置及运行费, in 三公经费), and of none of the parts of the family the total names (`own`: _family_members)."""
    if not total.concept or not f.concept or f.concept == total.concept:
        return False
    return bool(own) and f.concept not in own and any(total.concept in fam.parts and f.concept in fam.parts
                                        for fam in r.vocab.families.values())


def _change_the_parts_name(r: Reading, i: int, members: list[int]) -> Fact | None:
    """"…比预算超收3920.24亿元。其中,中央财政本级收入超收2542.47亿元,地方财政本级收入超收1377.77亿元": parts each named
    by the same word of a change (超收, 减收, 超支 …) are the parts of the change so named just before the list — not of
    the level (全国财政收入) it is a change of."""
    tree = r.tree
    words = set()
    change_word = r.vocab.cue("change_part_word")
    for k in members:
        said = change_word.search(clean_label(r.facts[k].label))
        if said is None:
            return None
        words.add(said.group())
    if len(words) != 1:
        return None
    word = words.pop()
    for j in tree.before(i, "paragraph", limit=16):
        if tree[j].sentence < tree[i].sentence - 1:
            break
        f = r.facts[j]
        if f is not None and tree[j].kind in {"labelled", "increase", "decrease"} and f.kind == "amount" \
                and not f.is_bound and (tree[j].piece.keyword or clean_label(f.label)).endswith(word):
            return f
    return None


def _nearest_alike(r: Reading, candidates, members: list[int]):
    """The nearest figure before the list, unless that counts things and the list's first part is
    money: "资助项目1.75亿元,共5类。其中资助老年福利事业8419.54万元…" lists money, not the 5 kinds."""
    current = [c for c in candidates if not r.is_previous(c)] or candidates
    if current[0].kind != "count":
        return current[0]
    first = r.facts[members[0]] if members else None
    if first is None or first.kind != "amount":
        return current[0]
    return next((c for c in current if (c.kind, c.unit) == (first.kind, first.unit)), current[0])


# a line set as a table's row: a name, then two figures or more, each after a run of spaces or a tab ("一般公共预算收入
# ␣␣␣28.64␣␣␣␣5.3"), nothing else
# (the name one cell: no run of spaces within it — "常住人口␣␣␣␣万人␣␣52.30" has a unit column, whose rows differ in unit)
_ROW_LINE = lazyre.compile(r"[^\S\n]*[^\d\s](?:[^\n\t ]| (?! ))*?(?:(?:[^\S\n]{2,}|\t)-?[\d,]+(?:\.\d+)?%?){2,}[^\S\n]*")


def _row_line(r: Reading, start: int, end: int) -> bool:
    """Is the line text[start:end] set as a table's row (_ROW_LINE)?  Read once a reading for each line: the lists ask
    it of each part's line and of the opener's, most of them on one line of prose."""
    memo = r.memo("_row_lines", dict)
    found = memo.get((start, end))
    if found is None:
        found = memo[(start, end)] = _ROW_LINE.fullmatch(r.norm.text, start, end) is not None
    return found


def _line_figures(r: Reading, f: Fact) -> list[Fact] | None:
    """The figures of f's line, in order, when the line is set as a table's row (_ROW_LINE); None otherwise."""
    text = r.norm.text
    start = text.rfind("\n", 0, f.span.start) + 1
    end = text.find("\n", f.span.end)
    end = len(text) if end < 0 else end
    if not _row_line(r, start, end):
        return None
    k = r.node_of(f)
    if k is None:
        return None
    lo = hi = k
    while lo > 0 and r.tree[lo - 1].end > start:  # (a node may open on the line above: its label runs over it)
        lo -= 1
    while hi + 1 < len(r.tree) and r.tree[hi + 1].start < end:
        hi += 1
    return [g for g in (r.facts[j] for j in range(lo, hi + 1)) if g is not None and start <= g.span.start < end]


def _same_column(r: Reading, nearest: Fact, first: Fact | None) -> Fact | None:
    """"一般公共预算收入␣␣28.64␣␣5.3 ⏎ ␣␣其中：税收收入␣␣19.82␣␣8.1": lines set as a table's rows, the same number of
    figures on each — the 其中 row's first figure is a part of the figure in its column on the row above (28.64), not of
    the last figure of that row (5.3, a growth rate); None where the lines are no such rows or the nearest is that one."""
    if first is None:
        return None
    row, above = _line_figures(r, first), _line_figures(r, nearest)
    if not row or not above or len(row) != len(above) or first not in row or nearest not in above:
        return None
    # (the row above stands further left, a level above the 其中 row — not a sibling of it: "␣␣其中：城镇 ⏎ ␣␣␣␣␣␣␣␣乡村 ⏎
    # ␣␣其中：男性" pairs nothing with 乡村)
    text = r.norm.text
    if _lead(text, text.rfind("\n", 0, nearest.span.start) + 1) >= _lead(text, text.rfind("\n", 0, first.span.start) + 1):
        return None
    column = above[row.index(first)]
    if (column.kind, column.unit) != (first.kind, first.unit):
        return None
    return column if column is not nearest else None


def _set_out_of(r: Reading, opener, f: Fact) -> bool:
    """f stands on a line set as a table's row, further left than the row-line the 其中 opener stands on."""
    text = r.norm.text
    own = text.rfind("\n", 0, f.span.start) + 1
    at = text.rfind("\n", 0, opener.start) + 1
    if own == at or _line_figures(r, f) is None or not _row_line(r, at, _line_end(text, at)):
        return False
    return _lead(text, own) < _lead(text, at)


def _back_out_of(r: Reading, opener, f: Fact) -> bool:
    """f opens a later line set further left than the line the 其中 opener opens (an indented sub-row)."""
    text = r.norm.text
    own = text.rfind("\n", 0, f.span.start) + 1
    at = text.rfind("\n", 0, opener.start) + 1
    return own > at and text[at:opener.start].strip(" \u3000") == "" and _lead(text, own) < _lead(text, at)


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _lead(text: str, start: int) -> int:
    """How far a line's first word is set in, a wide space two columns."""
    n = 0
    for ch in text[start:_line_end(text, start)]:
        if ch not in " \u3000":
            break
        n += 2 if ch == "\u3000" else 1
    return n


def _grants_of_investment(r: Reading, total, parts) -> bool:
    """"共投入资金4065.35万元(其中省级补助869万元、区级补助429万元、乡镇补助431万元)": the
    governments' grants are part of an investment, which villagers and donors add to — not all of it."""
    return bool(r.vocab.cue("investment_total").search(clean_label(total.label))) and \
        all(r.vocab.cue("grant_part").search(clean_label(f.label)) for f in parts)


def _restated_per_clause(r: Reading, opener, total, parts):
    """"受灾人口53504人、直接经济损失531460.39万元。其中,迪庆州32062人受灾,直接经济损失324657.98万元;
    丽江市…21442人受灾,直接经济损失206802.41万元": each ';' clause of the list is one member (a region,
    a unit) restating the total's measure in the total's own name, once — those figures are the
    parts (not the next statement, as one such figure would be)."""
    same = [(k, f) for k, f in parts if f.concept and f.concept == total.concept and named_alike(f, total)]
    tree = r.tree
    subs = [tree[k].sub for k, _ in same]
    if len(same) < 2 or len(set(subs)) != len(subs) or subs[0] != opener.sub:
        return []
    for k, _ in same[1:]:
        first = tree[tree.unit("sub", k).start]  # (a clause opens with the ';' that ends the one before)
        if first.kind != "sep" or first.piece.keyword != ";":
            return []
    return same


def named_alike(a, b) -> bool:
    """Two figures with the same name (their scenario and period words aside)."""
    return clean_label(a.label) == clean_label(b.label)


def _compared_with(r: Reading, k: int) -> bool:
    """The figure at node k is what a change compares with: "较" (or 比, 相较于 …) and perhaps a year
    stand right before its label."""
    tree, j = r.tree, k - 1
    words = []
    while j >= 0 and tree[j].clause == tree[k].clause and tree[j].kind in {"period", "words"}:
        words.append(tree[j].piece.label if tree[j].kind == "words" else tree[j].piece.keyword)
        j -= 1
    said = "".join(reversed(words)) + r.facts[k].label
    return bool(words) and bool(r.vocab.cue("compared_prefix").match(clean_label(said)))


def _budget_income_listed(r: Reading, total: Fact, before: list, opener) -> bool:
    """"2024年部门收入预算5117.77万元,其中:一般公共预算拨款收入4779.93万元;事业收入239.78万元;上年结转98.06万元": a
    budget's income (not named 本年 / 当年: that one leaves it out) counts the money carried over, and a list that already
    ran on past a ';' before it is set out one part a clause — the ';' is the list's own, no next statement.  (A
    list that makes its total without it is still read so: doubt's sub-list, ALT002.)"""
    label = clean_label(total.label)
    return total.scenario in BUDGET_SCENARIOS and bool(before) and not r.vocab.cue("this_year").search(label) \
        and any(r.tree[k].sub != opener.sub for k, _ in before)


def _adds_up_only_with(total: Fact, longer: list, shorter: list) -> bool:
    """The longer list of (node, part) makes the total and the shorter does not: the parts it adds are parts."""
    return adds_up(total, [p for _, p in longer]) and not adds_up(total, [p for _, p in shorter])


# "2021—2024年", "2019至2023年": a span of years a total is stated for


def _some_years_of_span(r: Reading, total: Fact, opener) -> bool:
    """"2021—2024年县级累计投入8,015.00万元,2022年、2023年分别为1,650.00万元、2,120.40万元": a total
    stated for a span of years, the list naming fewer of its years than the span holds — some of them."""
    text = r.norm.text
    start = part_start(text, total.span.start, "。")
    span = None
    for m in YEAR_SPAN.finditer(text, start, total.span.start):
        span = m
    if span is None:
        return False
    first, last = int(span.group(1)), int(span.group(2))
    named = {int(m.group(1)) for m in LABEL_YEAR.finditer(text, total.span.end, opener.start)
             if m.group(1).isdigit() and len(m.group(1)) == 4}
    # (… and those listed right before 分别 with their 年 written once, on the last: "2021、2022、2023年分别为…")
    if opener.kind == "fenbie":
        named.update(int(y) for y in years_listed_before(r.tree, opener.index))
    return bool(named) and all(first <= y <= last for y in named) and len(named) < last - first + 1


_CARRIED_IN = "年初结转结余"  # the concept of the money carried over into the year (上年结转, 年初结转和结余)


_MONTH = lazyre.compile(r"[\d一二三四五六七八九十]{1,3}月|[上下]半年|[一二三四]季度|前三季度")


def _sibling_name(label: str, total: str) -> bool:
    """"专项转移支付收入" of "一般性转移支付收入": another name ending as the total's does, all of it but up to its first three
    characters (a kind of the same thing), in four characters or more; or as long as the total's, with one or two
    characters inside it changed ("以上专用设备" of "以上通用设备")."""
    if label == total:
        return False
    common = len(os.path.commonprefix([label[::-1], total[::-1]]))
    # ("单价50万元以上通用设备3台,其中…;单价100万元以上专用设备0台": the same frame, a word or two in it changed)
    head = len(os.path.commonprefix([label, total]))
    if len(label) == len(total) >= 5 and head >= 1 and head + common >= len(total) - _SIBLING_CHANGED:
        return True
    # (not "公务接待费支出决算" of a total named "支出决算": the part's name holds all of the total's, a kind of it)
    return common >= _SIBLING_TAIL and len(total) - _SIBLING_HEAD <= common < min(len(label), len(total))


_SIBLING_TAIL, _SIBLING_HEAD, _SIBLING_CHANGED = 4, 3, 2


def _complement_of(label: str, total: str) -> bool:
    """"非税收入" of "税收收入", "非国家财政性教育经费" of "国家财政性教育经费"."""
    return label.startswith("非") and len(label) >= 3 and label[1:3] in total


def _other_side(side: re.Match[str] | None, own: re.Match[str] | None) -> bool:
    """Two names that end as the two sides of one pair (complement_pair's groups a1 / b1, a2 / b2 …): 资本门 of 经常门."""
    if side is None or own is None or side.lastgroup == own.lastgroup:
        return False
    return side.lastgroup[1:] == own.lastgroup[1:]


def _sources_of_money(parts: list[Fact]) -> bool:
    """Every part names where money comes from, and not all the same source: "中央补助…、市级资金…、本级资金…" are all
    the money; "其中,市本级一般公共预算收入117.01亿元…;市本级政府性基金收入38.23亿元" are one level's items of the
    whole (全市), some of it."""
    found = [FUNDING_SOURCE.search(f.label) for f in parts]
    if not all(found):
        return False
    named = {m.group() for m in found}
    # (one level named by every part — 本级, 市级 — names the level, no source beside another; 财政拨款 of two funds
    # — 一般公共预算财政拨款, 政府性基金预算财政拨款 — are two sources still)
    return len(named) > 1 or not next(iter(named)).endswith("级")


_ALL_LEVELS = lazyre.compile(r"各级|全省|全市|全县")
_LOWER_LEVELS = lazyre.compile(r"市|县|区|乡|镇|地方")


def _some_levels_of_all(total: Fact, parts: list[Fact]) -> bool:
    """"全省各级财政部门已累计拨付…46.3亿元。其中,省财政下拨中央补助资金16.6亿元、省级资金22.9亿元": money of every
    level, the list naming the upper levels only (no 市县 money) — some of it; so is "县级以上农业龙头企业98家,其中:省级
    8家,市级30家", the list leaving out the lowest level the total counts."""
    lowest = _LEVEL_AND_ABOVE.search(total.label)
    if lowest is not None:
        return not any(lowest.group(1) + "级" in clean_label(p.label) for p in parts)
    return bool(_ALL_LEVELS.search(total.label)) and not any(_LOWER_LEVELS.search(clean_label(p.label)) for p in parts)


_LEVEL_AND_ABOVE = lazyre.compile(r"([县市省区乡镇州])级(?:及)?以上")


def _only_the_rest(rest, part: Fact) -> bool:
    """The part is named by 其余 / 其他 … alone (vocabulary remainder_part), its kind said after its figure if at all."""
    label = clean_label(part.label)
    found = rest.match(label)
    return found is not None and found.end() == len(label)


def _the_rest(r: Reading, total: Fact, last: Fact) -> bool:
    """The last part is all the rest of the total ("其他收入", "其他商品和服务支出") — not the rest of a narrower kind
    ("总收入…,其中博彩直接税…、其他直接税…": the other direct taxes; non-tax income is not listed)."""
    label = clean_label(last.label)
    rest = r.vocab.cue("remainder_part").match(label)
    if rest is None:
        return False
    kind = label[rest.end():]
    return not kind or kind[-2:] in clean_label(total.label) or bool(r.vocab.cue("remainder_whole").search(kind))


def _total_of_own_period(r: Reading, said: Fact, part: Fact) -> Fact | None:
    """"前三季度,全省累计销售彩票312.46亿元,…。2023年全年,全省销售彩票398.17亿元,…。⏎其中,体育彩票…": the figure right
    before a list is of a year before the report's, in a sentence its period words open (an aside that compares), and the
    parts name no year: they are of the report's own stretch of time — the list's total is the first figure, of their
    kind and of the report's year, of the sentence before that aside, in its paragraph."""
    tree = r.tree
    k = r.node_of(said)
    if k is None:
        return None
    start = tree.unit("sentence", k).start
    words = r.vocab.cue("period_prefix").match(r.norm.text[tree[start].start:].lstrip())
    year = LABEL_YEAR.match(words.group()) if words else None
    if year is None or not r.report_year or not year.group(1).isdigit() or int(year.group(1)) >= int(r.report_year):
        return None
    if start == 0 or tree[start - 1].paragraph != tree[start].paragraph:
        return None
    for j in tree.unit("sentence", start - 1):
        f = r.facts[j]
        if f is not None and tree[j].kind in {"labelled", "total"} and not f.is_bound \
                and (f.kind, f.unit) == (part.kind, part.unit):
            return None if r.is_previous(f) else f
    return None


def _rest_of_own(r: Reading, total: Fact, last: Fact) -> bool:
    """"其他国有资本经营预算收入" of "中央国有资本经营预算收入": the rest of the total, its name the total's own kind after
    其他 (vocabulary remainder_part) — four characters or more of it, the end of the total's name."""
    label = clean_label(last.label)
    rest = r.vocab.cue("remainder_part").match(label)
    kind = label[rest.end():] if rest else ""
    return len(kind) >= 4 and clean_label(total.label).endswith(kind)


NAMED_INSIDE = "a part's own items, named inside it"  # (via of the list of "X中A…、B…、C…" after the part X)


def _named_inside(part: Fact, earlier: list[Fact]) -> Fact | None:
    """The earlier part the part's name says it is within ("通用设备中车辆" after "通用设备"), if any."""
    label = clean_label(part.label)
    return next((e for e in earlier for name in [clean_label(e.label)]
                 if len(name) >= 2 and label.startswith(name + "中") and len(label) > len(name) + 1), None)


def _nested_runs(r: Reading, parts: list[tuple[int, Fact]]) -> list[tuple[Fact, list[Fact]]]:
    """The runs of parts named inside an earlier part, each with that part: a part whose name says so (_named_inside) and
    the parts joined to it by 、 alone, no other figure between ("珍贵文物中一级文物3,218件、二级文物11,546件、三级文物71,450件"
    after "珍贵文物86,214件": the grades of 珍贵文物, no siblings of it)."""
    tree = r.tree
    runs: list[tuple[Fact, list[Fact]]] = []
    n = 0
    while n < len(parts):
        k, f = parts[n]
        holder = _named_inside(f, [p for _, p in parts[:n]])
        n += 1
        if holder is None:
            continue
        items = [f]
        while n < len(parts) and tree[parts[n][0]].sub == tree[k].sub \
                and _named_inside(parts[n][1], [p for _, p in parts[:n]]) is None \
                and all(r.facts[m] is None and (tree[m].kind != "sep" or tree[m].piece.keyword == "、")
                        for m in range(parts[n - 1][0] + 1, parts[n][0])):
            items.append(parts[n][1])
            n += 1
        runs.append((holder, items))
    return runs


def _counted_in(r: Reading, part: Fact, parts: list[Fact]) -> Fact | None:
    """The other part of the list the text says `part` is counted in (cue part_counted_in), if any: its own name
    ("属于固定资产的房屋及构筑物…"), or the words after the list in its paragraph ("…。房屋及构筑物全部计入固定资产") —
    one no smaller than it."""
    cue = r.vocab.cue("part_counted_in")
    text = r.norm.text
    name = clean_label(part.label)
    others = [(p, clean_label(p.label)) for p in parts if p is not part and p.value + p.tolerance >= part.value]
    others = [(p, x) for p, x in others if len(x) >= 2 and x != name]
    if not others or len(name) < 2:
        return None
    said = cue.match(name)
    if said:
        return next((p for p, x in others if name.startswith(x + "的", said.end())), None)
    start = max(p.span.end for p in parts)
    end = text.find("\n", start, start + _SENTENCE_REACH)
    end = min(len(text), start + _SENTENCE_REACH) if end < 0 else end
    at = text.find(name, start, end)
    while at >= 0:
        after = text[at + len(name):end]
        said = cue.match(after)  # (the cue is anchored: matched on the words after the name)
        if said:
            found = next((p for p, x in others if after.startswith(x, said.end())), None)
            if found is not None:
                return found
        at = text.find(name, at + len(name), end)
    return None


_SENTENCE_REACH = 400  # characters after a list's last part where words on its parts are looked for
