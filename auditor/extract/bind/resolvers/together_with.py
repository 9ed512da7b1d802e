"""A figure carried along with another, and the total they need together.

    "差短数103.84亿元,连同债务还本66亿元,还需要融资调度169.84亿元"  → 169.84 = 103.84 + 66
    "…融资调度169.84亿元,以移用以前年度岁计剩余69.84亿元、发行公债及赊借收入100亿元予以弥平"
                                                                   → 169.84 = 69.84 + 100
(the way budget news states the money a government must raise and where it comes from)
"""

from __future__ import annotations

from typing import Iterator

from auditor.extract.bind.candidate import Candidate
from auditor.extract.bind.lists import make_breakdown
from auditor.extract.readings import Reading, clean_label


def resolve(r: Reading) -> Iterator[Candidate]:
    tree = r.tree
    needed = r.vocab.cue("together_needed")
    funded_by, covered = r.vocab.cue("funded_by"), r.vocab.cue("funds_cover")
    # (a 合计 figure too: "…,融资需求合计1,637亿元,拟以举债1,300亿元及移用…337亿元支应")
    figures = [(s, r.facts[s.index]) for s in tree.of_kind("labelled", "total")
               if r.facts[s.index] is not None and r.facts[s.index].kind == "amount"]
    for n, (s, f) in enumerate(figures):
        if n < 2 or not needed.match(clean_label(s.piece.label)):
            continue
        k = _carried_along(r, figures, n)
        if k is None or k < 1:
            continue
        (sa, a), (sb, b) = figures[k - 1], figures[k]
        if _one_run([sa, sb, s]) and a.unit == b.unit == f.unit:
            made = make_breakdown(r, f, [a, b], "连同", True, "together_with_total")
            if made:
                yield made
    for n, (s, f) in enumerate(figures):
        # the sources that cover a total: "以 A a、B b 予以弥平" right after it, in its sentence
        # (looked for only after a figure whose next one opens with 以; a handful of sources at most)
        if n + 1 >= len(figures) or not funded_by.match(clean_label(figures[n + 1][0].piece.label)):
            continue
        run = []
        for t, g in figures[n + 1:n + 1 + _MOST_SOURCES]:
            if t.depth > s.depth and t.sentence == s.sentence:
                continue  # "以移用…69.84亿元(较原预算案拟移用数92.58亿元…)、…": a bracket details its part
            if t.sentence != s.sentence or t.depth != s.depth or g.unit != f.unit:
                break
            run.append((t, g))
        if len(run) < 2 or not funded_by.match(clean_label(run[0][0].piece.label)):
            continue
        end = run[-1][0].index
        after = next((tree[k] for k in range(end + 1, len(tree)) if tree[k].kind != "sep"
                      or tree[k].sentence != s.sentence), None)
        if after is None or after.sentence != s.sentence or after.kind != "words" \
                or not covered.search(after.piece.label):
            continue
        made = make_breakdown(r, f, [g for _, g in run], "以…弥平", True, "sources_cover_total")
        if made:
            yield made


_MOST_SOURCES = 8
_OPENERS = {"include", "qizhong"}


def _carried_along(r: Reading, figures, n: int) -> int | None:
    """Which figure before the n-th is the one carried along (连同…): the one right before it, or the
    one before a list of its own parts ("连同债务还本127亿元,包括非自偿性106亿元及自偿性21亿元,尚须…")."""
    together = r.vocab.cue("together_with")
    if together.match(clean_label(figures[n - 1][0].piece.label)):
        return n - 1
    tree = r.tree
    for k in range(n - 2, max(-1, n - 2 - _MOST_SOURCES), -1):
        if not together.match(clean_label(figures[k][0].piece.label)):
            continue
        between = [tree[i] for i in range(figures[k][0].index + 1, figures[k + 1][0].index)]
        opened = [node for node in between if node.kind != "sep"]
        return k if len(opened) == 1 and opened[0].kind in _OPENERS else None
    return None


def _one_run(nodes) -> bool:
    """The figures stand in one sentence, at one depth (no bracket between them)."""
    return len({n.sentence for n in nodes}) == 1 and len({n.depth for n in nodes}) == 1
