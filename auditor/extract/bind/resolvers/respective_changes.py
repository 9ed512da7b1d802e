"""分别 … 分别: values of several subjects, then their changes and growth rates, paired in order.

    "财政总收入、一般公共预算收入和税收收入分别为178.54亿元、112.36亿元和86.91亿元,分别比上年增加16.10亿元、
     8.34亿元和6.76亿元,分别增长9.9%、8.0%和8.4%"
        → 178.54 grew by 16.10, 9.9 %; 112.36 by 8.34, 8.0 %; 86.91 by 6.76, 8.4 % (respective_changes)

A run of values after 分别为, then in the same sentence a run of as many changes after 分别 and a run of as many
growth rates: the k-th of each is one subject's. Nothing is read when a run is of another length, when the changes
or the rates are missing (a value and its change alone state no relation), or when the values are of several units.

    "支出合计1741.07万元,比年初预算1619.53万元增加121.54万元,比上年决算1684.31万元增加56.76万元,分别增长7.50%和3.37%"
        → the k-th change of the sentence has the k-th rate (rates_of_changes): 121.54 with 7.50 %, 56.76 with 3.37 %
    "2016年8.51亿元,2017年8.79亿元,2018年9.28亿元,分别比上年增长11.0%、3.3%和5.6%"
        → each year's rate on the year before: 8.79 on 8.51 is 3.3 %, 9.28 on 8.79 is 5.6 %; the first year's base is
          not stated (year_series_rates). A 分别 run of rates no run of changes or of years takes is read as nothing:
          its first rate is no change of the figure right before it
"""

from __future__ import annotations

from typing import Callable, Iterator

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate
from auditor.extract.bind.resolvers.named_shares import names_before
from auditor.extract.bind.resolvers.share import figure_run
from auditor.extract.model import Change, Fact, unsigned
from auditor.extract.readings import LABEL_YEAR, Reading, clean_label, said_before, words_before

_CHANGES = {"increase": 1, "decrease": -1, "growth_up": 1, "growth_down": -1}


def resolve(r: Reading, consumed: set[int], other_basis: Callable[[Reading, int], bool],
            other_base: Callable[[Reading, str, str, str], bool]) -> Iterator[Candidate]:
    """The changes read; the change nodes they take are added to `consumed` (no other reading of them).
    `other_basis(r, k)`: the rate at node k is on another basis than the figures written (按可比口径…);
    `other_base(r, first, second, between)`: two change keywords compare with different periods (比年初 / 同比)."""
    tree = r.tree
    for opener in tree.of_kind("fenbie"):
        i = opener.index
        if i + 1 >= len(tree) or tree[i + 1].kind != "labelled":
            continue
        run = figure_run(r, i + 1, +1)
        values = [r.facts[k] for k in [i + 1, *run]]
        if len(values) < 2 or any(v is None or v.kind not in {"amount", "count"} or v.is_bound for v in values) \
                or len({v.unit for v in values}) != 1:
            continue
        names = names_before(r, i)  # (the subjects named before 分别为, when one a value)
        # ("A和B分别销售彩票887.42亿元和2046.59亿元": the measure named once, after 分别, is every subject's — read
        # so only when the subjects are named before it, one a value, and no later value names its own)
        if tree[i + 1].piece.label and (len(names) != len(values) or any(tree[k].piece.label for k in run)):
            continue
        if any(r.vocab.cue("real_growth_quantity").search(n) for n in names):
            continue  # (value added grows at comparable prices: its rate is no ratio of the figures written)
        yield from _paired(r, i, values, names if len(names) == len(values) else [v.label for v in values],
                           "respective_changes", consumed, other_basis, other_base)


_LAST_YEAR_WORDS = lazyre.compile(r"^(?:上年|去年|上一年度?|上年度|上年同期|去年同期)(?:支出|收入)?(?:决算|数)?$")


def values_of_two_years_named_rates(r: Reading, consumed: set[int],
                                    other_basis: Callable[[Reading, int], bool]) -> Iterator[Candidate]:
    """Subjects named before a 分别 run of their values, then 上年分别为 a run of as many values, then in the same
    sentence each subject named again with its change (a rate or an amount): the change is of that subject's two values.

        "局本级和所属事业单位支出决算分别为3,275.94万元、1,398.05万元,上年分别为3,086.20万元、1,452.68万元,局本级增长
         6.15%,所属事业单位下降3.76%"  → 3,275.94 on 3,086.20 grew 6.15 %; 1,398.05 on 1,452.68 fell 3.76 %

    A change is read only when the words right before it (its clause's opening) name one subject alone, as the list
    names it or its start ("所属事业单位" of "所属事业单位支出决算"); the two runs of one unit and as long as the names; a
    rate on another basis (按可比口径) is not read."""
    tree = r.tree
    openers = list(tree.of_kind("fenbie"))
    for n, opener in enumerate(openers):
        i = opener.index
        names = names_before(r, i)
        values = _run_after(r, i, measure_named=True)
        if len(values) < 2 or len(names) != len(values) or r.is_previous(values[0]):
            continue
        last = next((o.index for o in openers[n + 1:n + 2] if o.sentence == opener.sentence), None)
        if last is None or tree[last - 1].kind != "words" \
                or not _LAST_YEAR_WORDS.match(clean_label(tree[last - 1].piece.label)):
            continue
        before = _run_after(r, last)
        if len(before) != len(values) or before[0].unit != values[0].unit:
            continue
        end = r.node_of(before[-1])
        respective = _respective_run_after(r, end, values, consumed, other_basis)
        if not respective:
            # (the rates written before last year's values: "…分别为15620万元和9874万元,同比分别增长8.6%和10.3%,上年同期
            # 分别为14380万元和10215万元" — a run between the two runs of values, none read yet)
            respective = _respective_run_after(r, r.node_of(values[-1]), values, consumed, other_basis, until=last)
        if respective:
            # ("…分别为186.45亿元和412.38亿元,上年分别为174.58亿元和399.98亿元,分别增长6.8%和3.1%": a 分别 run of as many
            # changes, the k-th the k-th subject's, on its two values; each member says its own direction when it
            # writes one: "同比分别增长8.6%和下降3.3%")
            nodes = [r.node_of(f) for f in respective]
            consumed.update(nodes)
            for m, fact in enumerate(respective):
                node = tree[nodes[m]] if tree[nodes[m]].kind in _CHANGES else tree[nodes[0]]
                yield _change_of(r, node, fact, values[m], before[m], names[m])
            continue
        for k in tree.after(end, "sentence"):
            node, fact = tree[k], r.facts[k]
            if k in consumed or node.kind not in _CHANGES and node.kind not in ("increase", "decrease") \
                    or fact is None or tree[k - 1].kind != "words":
                continue
            said = clean_label(tree[k - 1].piece.label)
            which = [m for m, name in enumerate(names) if said and (name == said or name.startswith(said))]
            if len(which) != 1 or not (fact.kind == "percent" or fact.kind == values[0].kind and fact.unit == values[0].unit):
                continue
            if fact.kind == "percent" and other_basis(r, k):
                continue  # ("局本级按可比口径增长6.15%": not of the figures written)
            m = which[0]
            consumed.add(k)
            yield _change_of(r, node, fact, values[m], before[m], names[m])


_OTHER_REFERENCE = lazyre.compile(r"\d|末|初|同类|全国|全省|全市|平均")


def _respective_run_after(r: Reading, end: int, values: list[Fact], consumed: set[int],
                          other_basis: Callable[[Reading, int], bool], until: int | None = None) -> list[Fact]:
    """The first change after node `end` in its sentence (before node `until` when given), when said with 分别 and
    opening a run of as many changes as `values` (rates, or amounts of their unit; rates may each write their own
    direction, "分别增长8.6%和下降3.3%"), none read yet and none on another basis; [] otherwise."""
    tree = r.tree
    for k in tree.after(end, "sentence"):
        if until is not None and k >= until:
            return []
        node, fact = tree[k], r.facts[k]
        if node.kind not in _CHANGES or fact is None:
            continue
        said = _said(r, k)
        if k in consumed or not _respective(r, k) or _reference_kind(said) not in (None, "last_year") \
                or _OTHER_REFERENCE.search(said):
            return []  # ("…分别比2019年增长…", "较年初分别增加…": against another figure than last year's)
        members = figure_run(r, k, +1)
        if not members and fact.kind == "percent":
            members = _keyword_run(r, k, mixed=True)
        if until is not None and any(m >= until for m in members):
            return []
        run = [fact, *(r.facts[m] for m in members)]
        if len(run) != len(values) or any(f is None for f in run) or any(m in consumed for m in members) \
                or not all(f.kind == "percent" or f.kind == values[0].kind and f.unit == values[0].unit for f in run) \
                or len({f.kind for f in run}) != 1 or fact.kind == "percent" and other_basis(r, k):
            return []
        return run
    return []


def _run_after(r: Reading, i: int, measure_named: bool = False) -> list[Fact]:
    """The 分别 run of values right after opener node i: amounts or counts of one unit, none bound; [] otherwise.
    With `measure_named`, the first may name the measure every subject's value is of, when no later one names its
    own: "县本级和开发区分别完成一般公共预算收入15620万元和9874万元"."""
    tree = r.tree
    if i + 1 >= len(tree) or tree[i + 1].kind != "labelled":
        return []
    run = figure_run(r, i + 1, +1)
    if tree[i + 1].piece.label and not (measure_named and all(not tree[k].piece.label for k in run)):
        return []
    values = [r.facts[k] for k in [i + 1, *run]]
    if any(v is None or v.kind not in {"amount", "count"} or v.is_bound for v in values) \
            or len({v.unit for v in values}) != 1:
        return []
    return values


def listed_values_changes(r: Reading, consumed: set[int], other_basis: Callable[[Reading, int], bool],
                          other_base: Callable[[Reading, str, str, str], bool]) -> Iterator[Candidate]:
    """Subjects each stated with its value in a clause of its own, then in the same sentence a 分别 run of as many
    changes and a 分别 run of as many growth rates: the k-th change and rate are the k-th value's.

        "福利彩票机构销售1944.40亿元,体育彩票机构销售3852.56亿元,比上年分别增加468.20亿元、1082.18亿元,分别增长31.7%、39.1%"
            → 1944.40 grew by 468.20, 31.7 %; 3852.56 by 1082.18, 39.1 %

    The values are every figure of the sentence before the changes — no total or other figure among them, none
    bound to a list, of last year or named by its year alone (a run of years is year_series_rates') — one a clause,
    each named by its own label, in the changes' unit. Nothing is read when their count is not the runs'."""
    tree = r.tree
    period = r.vocab.cue("period_prefix")
    for node, run in _rate_runs(r, consumed, ("amount", "count")):
        k = node.index
        values: list[Fact] = []
        for m in tree.before(k, "sentence"):
            f = r.facts[m]
            if f is None:
                continue
            if tree[m].kind != "labelled" or f.kind != r.facts[k].kind or f.unit != r.facts[k].unit or f.is_bound \
                    or r.is_previous(f):
                values = []
                break
            values.append(f)
        values.reverse()
        if len(values) != len(run) or len({tree[r.node_of(v)].clause for v in values}) != len(values):
            continue
        names = [period.sub("", clean_label(v.label)) for v in values]
        if not all(names) or len(set(names)) != len(names):
            continue  # (a subject each: not years, "2022年8.51亿元,2023年8.79亿元", nor one named twice)
        yield from _paired(r, k - 1, values, names, "respective_changes_of_listed", consumed, other_basis, other_base)


def _paired(r: Reading, i: int, values: list[Fact], names: list[str], reason: str, consumed: set[int],
            other_basis: Callable[[Reading, int], bool],
            other_base: Callable[[Reading, str, str, str], bool]) -> Iterator[Candidate]:
    """The changes of `values` (named `names`), from the 分别 run of as many changes and the 分别 run of as many growth
    rates after node i in its sentence, paired in order; none when either run is missing or of another length, or
    when the two compare with different references."""
    tree = r.tree
    deltas = rates = None
    delta_nodes: list[int] = []
    delta_end = -1  # (the last node of the run of changes: "分别增加x、y,增长p、q" — the 分别 said once)
    for k in tree.after(i, "sentence"):
        node, fact = tree[k], r.facts[k]
        if node.kind not in _CHANGES or fact is None or not (_respective(r, k) or _right_after(r, delta_end, k)):
            continue
        members = figure_run(r, k, +1)
        run = [fact, *(r.facts[m] for m in members)]
        if len(run) != len(values):
            break  # (another count of subjects: not these values' changes)
        if fact.kind == "percent" and rates is None:
            rates, rate_node, rate_dir = run, k, _CHANGES[node.kind]
        elif fact.kind == values[0].kind and fact.unit == values[0].unit and deltas is None and rates is None:
            deltas, delta_nodes, delta_dir = run, [k], _CHANGES[node.kind]
            delta_end = members[-1] if members else k
        else:
            break
    if deltas is None or rates is None or rate_dir != delta_dir or other_basis(r, rate_node):
        return
    first, second = tree[delta_nodes[0]], tree[rate_node]
    # (with the words that say what each compares with: "较年初预算分别调增…,较上年执行数分别增长…")
    said_change, said_rate = _said(r, delta_nodes[0]), _said(r, rate_node)
    if other_base(r, said_change, said_rate, r.norm.text[first.end:second.start]) \
            or _budget_and_last_year(said_change, said_rate):
        return  # ("分别比年初增加x、y,同比分别增长p、q": the change since the year's start, the rate against last year's)
    real = r.vocab.cue("real_growth_quantity")
    if any(real.search(n) for n in names) or any(real.search(v.label) for v in values):
        return  # (value added grows at comparable prices: its rate is no ratio of the figures written)
    consumed.update([*delta_nodes, rate_node])
    keyword_node = tree[delta_nodes[0]]
    keyword = keyword_node.piece.keyword
    for value, delta, rate, name in zip(values, deltas, rates, names):
        # (a member may write a fall with its sign: "分别增加0.79亿元、0.38亿元和-0.36亿元,分别增长…、-2.3%")
        direction = -delta_dir if delta.value < 0 else delta_dir
        delta, rate = unsigned(delta), unsigned(rate)
        yield Candidate(Change.model_construct(
            direction=direction, delta=delta, percent=rate, current=value, previous=None,
            subject_label=name, reference="previous",
            keyword=r.norm.original[keyword_node.start:keyword_node.start + len(keyword)],
            keyword_span=r.span(keyword_node.start, keyword_node.start + len(keyword)),
            reason=reason, via=(), rejected=()))


def named_subjects_changes(r: Reading, consumed: set[int], other_basis: Callable[[Reading, int], bool],
                           other_base: Callable[[Reading, str, str, str], bool]) -> Iterator[Candidate]:
    """Subjects named without their values, then a 分别 run of their changes and a 分别 run of as many growth rates:
    the k-th change and rate are the k-th subject's, of the value its paragraph stated for it before.

        "其中:基本支出6,284.71万元,…;项目支出15,937.06万元,…。基本支出和项目支出较上年分别增加338.53万元和2,726.51万元,
         分别增长5.69%和20.64%。"  → 6,284.71 grew by 338.53, 5.69 %; 15,937.06 by 2,726.51, 20.64 %

    Each subject's value is the one amount of its paragraph before the sentence whose label is the subject (or of its
    concept), of this year, stated with one value; nothing is read when a subject has none or several, or when the
    runs are of other lengths than the names."""
    tree = r.tree
    for node, run in _rate_runs(r, consumed, ("amount", "count")):
        k = node.index
        names = names_before(r, k)
        if len(names) != len(run) or len(names) < 2:
            continue
        deltas = [r.facts[m] for m in run]
        if len({d.unit for d in deltas}) != 1:
            continue
        rate_node = next((m for m in range(run[-1] + 1, len(tree)) if not tree[m].is_separator), None)
        if rate_node is None or rate_node in consumed or tree[rate_node].sentence != node.sentence \
                or tree[rate_node].kind not in _CHANGES or not _respective(r, rate_node):
            continue
        rate_run = [rate_node, *figure_run(r, rate_node, +1)]
        rates = [r.facts[m] for m in rate_run]
        if len(rates) != len(run) or any(f is None or f.kind != "percent" for f in rates) \
                or _CHANGES[tree[rate_node].kind] != _CHANGES[node.kind] or other_basis(r, rate_node):
            continue
        said_change, said_rate = _said(r, k), _said(r, rate_node)
        if other_base(r, said_change, said_rate, r.norm.text[node.end:tree[rate_node].start]) \
                or _budget_and_last_year(said_change, said_rate):
            continue
        values = [_value_named(r, k, name, deltas[0]) for name in names]
        if any(v is None for v in values):
            continue
        consumed.update([*run, *rate_run])
        keyword = node.piece.keyword
        for value, delta, rate, name in zip(values, deltas, rates, names):
            direction = -_CHANGES[node.kind] if delta.value < 0 else _CHANGES[node.kind]
            yield Candidate(Change.model_construct(
                direction=direction, delta=unsigned(delta), percent=unsigned(rate), current=value, previous=None,
                subject_label=name, reference="previous",
                keyword=r.norm.original[node.start:node.start + len(keyword)],
                keyword_span=r.span(node.start, node.start + len(keyword)),
                reason="respective_changes_of_named", via=(), rejected=()))


def _value_named(r: Reading, k: int, name: str, like: Fact) -> Fact | None:
    """The one value the paragraph of node k states for the subject `name` before k's sentence: a figure of this year
    whose label is the name (its year aside), of `like`'s kind and unit; None when there are none, or several
    of other values (a budget and an outturn)."""
    tree = r.tree
    period = r.vocab.cue("period_prefix")
    found: list[Fact] = []
    for m in range(k - 1, -1, -1):
        if tree[m].paragraph != tree[k].paragraph:
            break
        f = r.facts[m]
        if f is None or tree[m].sentence == tree[k].sentence or f.kind != like.kind or f.unit != like.unit \
                or f.is_bound or tree[m].kind not in ("labelled", "total") or r.is_previous(f):
            continue
        # (its label the name, a year before it aside: not "财政拨款基本支出", another fund's)
        if period.sub("", clean_label(f.label)) == name:
            found.append(f)
    if not found or any(abs(f.value - found[0].value) > f.tolerance + found[0].tolerance for f in found):
        return None
    return found[-1]


# (an adjustment is against the budget it adjusts: "分别调增", "分别追加", "分别核增")
_AGAINST_BUDGET = lazyre.compile(r"(?:较|比|与)[^,;。]{0,6}(?:预算|计划)|调增|调减|追加|追减|核增|核减")
_AGAINST_LAST_YEAR = lazyre.compile(r"(?:较|比|与)(?:上年|去年|上一年)|同比")
_AGAINST_YEAR_START = lazyre.compile(r"(?:较|比|与)(?:上年末|上年底|去年末|年初|上月末|上季末)(?!预算)")


def _budget_and_last_year(a: str, b: str) -> bool:
    """Two comparisons against different references: a budget, the year's start (or last year's end), last year
    ("较年初预算分别调增…,较上年执行数分别增长…", "分别比上年末增加…,同比分别增长…")."""
    kinds = _reference_kind(a), _reference_kind(b)
    return None not in kinds and kinds[0] != kinds[1]


def _reference_kind(said: str) -> str | None:
    if _AGAINST_BUDGET.search(said):
        return "budget"
    if _AGAINST_YEAR_START.search(said):
        return "year_start"
    return "last_year" if _AGAINST_LAST_YEAR.search(said) else None


def _said(r: Reading, k: int) -> str:
    """The change keyword at node k with the words right before it in its clause ("较年初预算" + "分别调增")."""
    return said_before(r.tree, k) + r.tree[k].piece.keyword


def _respective(r: Reading, k: int) -> bool:
    """The change at node k is said of each subject: 分别 right before it or opening its keyword."""
    tree = r.tree
    before = next((m for m in range(k - 1, -1, -1) if not tree[m].is_separator), None)
    # (or inside it, after what it compares with: "较上年分别增长6.1%、9.6%"; or before the words of what it compares with:
    # "分别较“十三五”末增长1.89%、5.52%")
    if "分别" in tree[k].piece.keyword or (before is not None and tree[before].kind == "fenbie"):
        return True
    j = words_before(tree, k).start - 1
    return j >= 0 and j < k - 1 and tree[j].kind == "fenbie" and tree[j].clause == tree[k].clause


def _right_after(r: Reading, end: int, k: int) -> bool:
    """Only separators stand between node `end` (≥ 0) and node k."""
    return end >= 0 and all(r.tree[m].is_separator for m in range(end + 1, k))



def rates_of_changes(r: Reading, consumed: set[int]) -> dict[int, int]:
    """Each change node → the rate node of a 分别 run of rates after as many changes of one direction in its
    sentence, paired in order ("…增加121.54万元,…增加56.76万元,分别增长7.50%和3.37%"), after the last rate before the run
    (a change with its own rate, "培训费…减少0.85万元,下降25.76%;举办培训12期、480人次,比上年分别减少3期、120人次,分别下降
    20.00%、20.00%", is not one of them). Nothing when the counts differ or a change goes the other way than the rates."""
    tree = r.tree
    out: dict[int, int] = {}
    for node, run in _rate_runs(r, consumed):
        k = node.index
        changes = []
        for m in range(k - 1, -1, -1):
            if tree[m].sentence != node.sentence or (r.facts[m] is not None and r.facts[m].kind == "percent"):
                break
            changes.append(m)
        changes.reverse()
        changes = [m for m in changes if tree[m].kind in ("increase", "decrease") and m not in consumed
                   and r.facts[m] is not None and r.facts[m].kind in ("amount", "count")]
        if len(changes) != len(run) or any(_CHANGES[tree[m].kind] != _CHANGES[node.kind] for m in changes):
            continue
        out.update(zip(changes, run))
    return out


_JOINER = ("、", "和", "及", "与")


def _keyword_run(r: Reading, k: int, mixed: bool = False) -> list[int]:
    """The rates after node k that repeat its keyword: "分别下降47.79%和下降41.35%" (node k the first); with `mixed`, or
    write their own direction: "比上年分别增长6.6%、下降2.6%、增长7.1%"."""
    tree = r.tree
    out: list[int] = []
    m = k + 1
    while m + 1 < len(tree):
        joiner = (tree[m].piece.keyword or tree[m].piece.label).strip() if tree[m].kind in ("words", "sep") else None
        nxt = tree[m + 1]
        f = r.facts[m + 1]
        if joiner not in _JOINER or not (nxt.kind == tree[k].kind or mixed and nxt.kind in _CHANGES) \
                or f is None or f.kind != "percent" \
                or nxt.sentence != tree[k].sentence:
            break
        out.append(m + 1)
        m += 2
    return out


# the words a run of years' rates may be said with: a comparison with the year before and the change, nothing else
_ON_THE_YEAR_BEFORE = lazyre.compile(r"(?:分别)?(?:较|比|同比|与)?(?:上一?年度?|去年|前一年)?(?:同期)?(?:相比)?(?:分别)?"
                                     r"(?:增长|增加|下降|减少|增|减|提高|降低|上升)了?")


def _rate_runs(r: Reading, consumed: set[int], kinds: tuple[str, ...] = ("percent",), mixed: bool = False) -> Iterator[tuple]:
    """(the change node, the nodes of its run) of every 分别 run of two or more growth rates (or, with `kinds`, changes
    by an amount) not taken yet: "分别增长7.50%和3.37%", "分别下降47.79%和下降41.35%", "较上年分别增加2823万元、1281万元"
    (with `mixed`, rates that each write their direction too: "分别增长6.6%、下降2.6%")."""
    for node in r.tree.of_kind(*_CHANGES):
        k = node.index
        fact = r.facts[k]
        if k in consumed or fact is None or fact.kind not in kinds or not _respective(r, k):
            continue
        run = [k, *(figure_run(r, k, +1) or _keyword_run(r, k, mixed))]
        if len(run) >= 2 and all(r.facts[m] is not None and r.facts[m].kind == fact.kind for m in run):
            yield node, run


def year_series_rates(r: Reading, consumed: set[int], other_basis: Callable[[Reading, int], bool]) -> Iterator[Candidate]:
    """A 分别 run of growth rates after as many values of consecutive years in its sentence: each year's rate on the
    year before (the first's base is not in the run). The nodes of every 分别 run of rates are added to `consumed`, read
    here or not at all (rates_of_changes and respective_changes have taken theirs before)."""
    tree = r.tree
    # (each year's rate with its own direction: "比上年分别增长6.6%、下降2.6%、增长7.1%")
    for node, run in _rate_runs(r, consumed, ("percent", "amount", "count"), mixed=True):
        k = node.index
        # (a run whose rates write their own directions is one only as a year series: unread, what was a run before
        # it — the rates of the first's direction — is consumed, the others are each read alone)
        mixed = any(tree[m].kind in _CHANGES and tree[m].kind != node.kind for m in run)
        plain = [k, *_keyword_run(r, k)] if mixed else run
        if len(plain) >= 2:
            consumed.update(plain)
        values = _year_values_before(r, k)
        if len(values) == len(run) + 1 and _after_respectively(r, values[0][0], values[1][0]):
            # ("2019年…58,214万元;2020年、2021年、2022年分别完成61,032万元、…,分别比上年增长…": the rates are of the years the
            # 分别 list names, the year before them stated first)
            pass
        elif len(values) != len(run):
            continue  # (other counts: which rate is whose is not said)
        if _compared_with_a_year(r, r.node_of(values[0][0])):
            continue  # ("与2020年相比,2021年、2022年和2023年…分别为…,分别增长…": each on that year, not on the year before)
        last = r.node_of(values[-1][0])
        said = "".join(tree[m].piece.label or tree[m].piece.keyword for m in range(last + 1, k)
                       if tree[m].kind in ("words", "period")) + node.piece.keyword
        if not _ON_THE_YEAR_BEFORE.fullmatch(said.replace(" ", "")) or other_basis(r, k):
            # (nothing but a comparison with the year before between the years and the rates: not "较2019年分别增长",
            # "分别比年初预算增长", "按可比口径分别增长", nor another subject's — "全市同期分别增长", "其中民生支出分别增长")
            continue
        consumed.update(run)
        pairs = zip(values, values[1:], run) if len(values) == len(run) + 1 else zip(values, values[1:], run[1:])
        for (before, _), (value, year), m in pairs:
            stated = r.facts[m]
            if stated.kind != "percent" and stated.unit != value.unit:
                continue
            # (a run may write a fall with its sign: "分别比上年增长2.7%、-0.1%、10.8%")
            own_word = tree[m].kind in _CHANGES  # (a rate of a mixed run writes its own direction; a bare one shares the first's)
            direction = _CHANGES[tree[m].kind if own_word else node.kind] * (-1 if stated.value < 0 else 1)
            stated = unsigned(stated)
            percent, delta = (stated, None) if stated.kind == "percent" else (None, stated)
            said_at = tree[m] if own_word and tree[m].kind != node.kind else node
            said_as = said_at.piece.keyword
            yield Candidate(Change.model_construct(
                direction=direction, delta=delta, percent=percent, current=value, previous=before,
                subject_label=year + "年", reference="previous",
                keyword=r.norm.original[said_at.start:said_at.start + len(said_as)],
                keyword_span=r.span(said_at.start, said_at.start + len(said_as)),
                reason="year_series_rates", via=(), rejected=()))


def _after_respectively(r: Reading, first: Fact, second: Fact) -> bool:
    """A 分别 opener stands between the two figures: the second opens a 分别 list the first is not in."""
    a, b = r.node_of(first), r.node_of(second)
    return any(r.tree[m].kind == "fenbie" for m in range(a + 1, b))


def _compared_with_a_year(r: Reading, first: int | None) -> bool:
    """The sentence says, before its first value (node `first`), what year it compares with ("与2020年相比,…")."""
    if first is None:
        return False
    tree = r.tree
    compared = r.vocab.cue("compared_before_year")
    return any(tree[j].kind == "period" and j > 0 and tree[j - 1].kind == "words" and tree[j - 1].sentence == tree[j].sentence
               and compared.search(tree[j - 1].piece.label) for j in tree.before(first, "sentence"))


def _year_values_before(r: Reading, k: int) -> list[tuple[Fact, str]]:
    """The amounts of the sentence before node k, back to the previous change or rate, when each is named by its own
    year and the years run on one by one ("2016年8.51亿元,2017年8.79亿元"), in one unit; else none."""
    tree = r.tree
    out: list[tuple[Fact, str]] = []
    for m in range(k - 1, -1, -1):
        node = tree[m]
        if node.sentence != tree[k].sentence or node.kind in _CHANGES:
            break
        f = r.facts[m]
        if f is None:
            continue
        if f.kind not in ("amount", "count") or f.is_bound:
            return []
        year = LABEL_YEAR.search(clean_label(f.label))
        if year is None and not (f.period and len(f.period) == 4 and f.period.isdigit()):
            return []
        out.append((f, year.group(1) if year else f.period))
    out.reverse()
    years = [int(y) for _, y in out]
    if len(out) < 2 or len({f.unit for f, _ in out}) != 1 or any(b - a != 1 for a, b in zip(years, years[1:])):
        return []
    return out


_FROM = lazyre.compile(r"^由(?:年初|调整前|上年)?的?$")
_TO = lazyre.compile(r"^(?:调增|调减|增加|减少|增长|下降|提高|降低|调整|上升|扩大|缩小)?(?:至|到|为)$")


def respective_adjustments(r: Reading, consumed: set[int]) -> Iterator[Candidate]:
    """"一般债务限额、专项债务限额分别由年初的412.60亿元、735.90亿元调增至438.20亿元、826.40亿元,分别增加25.60亿元和90.50亿元":
    after one 分别, a run of values from (由 …), a run of as many values to (调增至 …) and, right after in the sentence, a
    run of as many changes — the k-th of each is one subject's: change k = to k − from k (respective_adjustments).
    Runs of other lengths, several units, or a figure between the runs, and nothing is read."""
    tree = r.tree
    for opener in tree.of_kind("fenbie"):
        i = opener.index
        if i + 1 >= len(tree) or tree[i + 1].kind != "labelled" or r.facts[i + 1] is None \
                or not _FROM.match(clean_label(tree[i + 1].piece.label)):
            continue
        froms = [i + 1, *figure_run(r, i + 1, +1)]
        k = froms[-1] + 1
        if k >= len(tree) or tree[k].kind != "labelled" or r.facts[k] is None \
                or not _TO.match(clean_label(tree[k].piece.label)):
            continue
        tos = [k, *figure_run(r, k, +1)]
        k = next((m for m in tree.after(tos[-1], "sentence") if r.facts[m] is not None), None)
        if k is None or tree[k].kind not in {"increase", "decrease"} or k in consumed:
            continue
        deltas = [k, *_joined_run(r, k)]
        runs = [[r.facts[m] for m in run] for run in (froms, tos, deltas)]
        if len({len(run) for run in runs}) != 1 or len(froms) < 2 \
                or any(f.kind != "amount" or f.is_bound for run in runs for f in run) \
                or len({f.unit for run in runs for f in run}) != 1:
            continue
        consumed.add(k)
        names = names_before(r, i)
        direction = _CHANGES[tree[k].kind]
        keyword = tree[k].piece.keyword
        for n, (before, after, delta) in enumerate(zip(*runs)):
            yield Candidate(Change.model_construct(
                direction=direction, delta=unsigned(delta), percent=None, current=after, previous=before,
                subject_label=names[n] if len(names) == len(froms) else "", reference="previous",
                keyword=r.norm.original[tree[k].start:tree[k].start + len(keyword)],
                keyword_span=r.span(tree[k].start, tree[k].start + len(keyword)),
                reason="respective_adjustments", via=(), rejected=()))


def _joined_run(r: Reading, k: int) -> list[int]:
    """The bare figures listed after node k by "、" or "和" ("分别增加25.60亿元和90.50亿元")."""
    tree = r.tree
    run = []
    while k + 2 < len(tree) and tree[k + 1].separator("、和") and tree[k + 2].kind == "labelled" \
            and not tree[k + 2].piece.label and r.facts[k + 2] is not None:
        k += 2
        run.append(k)
    return run


def _change_of(r: Reading, node, fact: Fact, current: Fact, previous: Fact, name: str) -> Candidate:
    """The change `fact` (an amount or a rate, said by the change node `node`) of one name's figures of two years."""
    direction = _CHANGES.get(node.kind, 1)
    direction = -direction if fact.value < 0 else direction
    keyword = node.piece.keyword
    return Candidate(Change.model_construct(
        direction=direction, delta=unsigned(fact) if fact.kind != "percent" else None,
        percent=unsigned(fact) if fact.kind == "percent" else None, current=current, previous=previous,
        subject_label=name, reference="previous",
        keyword=r.norm.original[node.start:node.start + len(keyword)],
        keyword_span=r.span(node.start, node.start + len(keyword)),
        reason="respective_values_of_two_years", via=(), rejected=()))
