"""A sum of money, then the levels of government that gave it, one after the other with no marker.

    "补助2300.67万元,中央补助442.43万元,地方财政补助1858.24万元"       → 2300.67 = 442.43 + 1858.24
    "下达资金846.67万元,中央资金480万元,省级资金366.67万元"             → some of 846.67 (the upper levels only)

(the way 绩效自评 reports say where a fund's money came from).  No 其中 or 分别 says the figures after the
first are its parts, so the reading is the vocabulary's (funding_level_part): it warns at most.  The run is
the figures right after the total in its ';'-part, at its depth, each named by a level alone and each level
once; a run that names a level below the province's (地方, 县级, 自筹 …) names every source, one of the levels
above only (中央, 省级) may leave the local money out — its parts are then some of the total (more is wrong).  The run
goes on past a bracket said of a level ("中央补助900万元（上年为820万元）,省级补助450万元") and past a level's own 其中 of
what it went to ("省级衔接资金1400万元,其中用于产业发展850万元,县级配套1100万元"); a 其中 of levels after a level is its own
list ("地方配套400万元,其中省级200万元、县级200万元"), the run ends with it.
"""

from __future__ import annotations

from typing import Iterator

from auditor.extract.bind.candidate import Candidate
from auditor.extract.bind.lists import MARKERS, make_breakdown
from auditor.extract.readings import Reading, clean_label


def resolve(r: Reading) -> Iterator[Candidate]:
    tree = r.tree
    level, local = r.vocab.cue("funding_level_part"), r.vocab.cue("funding_level_local")
    money = r.vocab.cue("funding_level_total")
    # (a total of its own kind is a figure too: "补助资金合计1350万元,中央补助900万元,…")
    figures = sorted((s for s in (*tree.of_kind("labelled"), *tree.of_kind("total")) if r.facts[s.index] is not None
                      and r.facts[s.index].kind == "amount" and not r.facts[s.index].is_bound), key=lambda s: s.index)
    for n, s in enumerate(figures):
        total = r.facts[s.index]
        label = clean_label(s.piece.label or total.label)
        if not money.match(label) or _opened_before(r, s):
            continue  # (a figure after 其中 / 含 / 分别 is itself a part: "其中国家文物保护资金980万元、省级补助180万元")  # (a total named by a level is itself one source: "中央资金640万元,省补贴资金147万元")
        run, levels = [], []
        k, after = n + 1, _UNSET
        while k < len(figures) and len(run) < _MOST_LEVELS:
            t = figures[k]
            if run and t.depth > s.depth:
                k += 1
                continue  # (a figure in a bracket said of the level before: "中央补助900万元（上年为820万元）")
            m = level.match(clean_label(t.piece.label))
            if run and m is None and _own_list(r, run[-1].index, t.index):
                # ("省级衔接资金1400万元,其中用于产业发展850万元,县级配套1100万元": the level's own 其中, what it went to —
                # the levels go on after it)
                k += 1
                while k < len(figures) and level.match(clean_label(figures[k].piece.label)) is None \
                        and _next_to(r, figures[k - 1].index, figures[k].index):
                    k += 1
                if k < len(figures) and _next_to(r, figures[k - 1].index, figures[k].index):
                    t = figures[k]
                    m = level.match(clean_label(t.piece.label))
                    if not _joins(r, s, t, m, levels, total):
                        after = t
                        break
                    run.append(t)
                    levels.append(m.group("level"))
                    k += 1
                    continue
                after = None
                break
            if run and m is not None and _own_list(r, run[-1].index, t.index):
                # ("地方配套400万元,其中省级200万元、县级200万元": the levels the last one is made of, its own list — the
                # run ends with it)
                after = None
                break
            if not _joins(r, s, t, m, levels, total) or not _next_to(r, (run[-1] if run else s).index, t.index):
                after = t
                break
            run.append(t)
            levels.append(m.group("level"))
            k += 1
        if after is _UNSET:
            after = figures[k] if k < len(figures) else None
        if len(run) < 2:
            continue
        if after is not None and after.sub == s.sub and level.match(clean_label(after.piece.label)):
            continue  # (a level said twice: two lists, or another cut of the money — which is which is not plain)
        strict = any(local.match(x) for x in levels)
        made = make_breakdown(r, total, [r.facts[t.index] for t in run], "来源", strict, "funding_levels_after_total")
        if made:
            yield made


_MOST_LEVELS = 6
_UNSET = object()


def _joins(r: Reading, s, t, m, levels: list[str], total) -> bool:
    """Figure t goes on the run of levels after the total at s: named by a level (`m`) not named yet, in the total's
    ';'-part and bracket depth, in its unit."""
    return m is not None and m.group("level") not in levels and t.sub == s.sub and t.depth == s.depth \
        and r.facts[t.index].unit == total.unit


def _opened_before(r: Reading, s) -> bool:
    """A list marker (其中, 包括, 分别 …) stands before the figure in its ';'-part."""
    for k in range(s.index - 1, -1, -1):  # (back to the part's start only: a walk to the text's start per figure
        if r.tree[k].sub != s.sub:          # grew with the square of its size)
            return False
        if r.tree[k].kind in MARKERS:
            return True
    return False


def _next_to(r: Reading, i: int, j: int) -> bool:
    """Nothing but separators (, 、 和 及) stands between the figures of nodes i and j — or a bracket said of the first
    ("中央补助900万元（上年为820万元），省级补助450万元": last year's figure, beside the level's)."""
    depth = r.tree[i].depth
    return all(r.tree[k].kind == "sep" or r.tree[k].depth > depth for k in range(i + 1, j))


def _own_list(r: Reading, i: int, j: int) -> bool:
    """A 其中 (and separators) alone stands between the figures of nodes i and j: j opens i's own list."""
    between = [r.tree[k].kind for k in range(i + 1, j)]
    return "qizhong" in between and all(x in ("sep", "qizhong") for x in between)
