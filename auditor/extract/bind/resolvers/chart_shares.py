"""A chart's figures as its text layer leaves them, each with its share in the bracket right after it, the whole's
share written 100 %: the figures between two wholes that make one of them are its parts.

    "4,881 (71.6%) 35 (0.5%) … 215 (3.1%) 2015 總額 (百萬元) Total ($ millions) 6,822 (100.0%) 教學及研究 …
     5,290 (72.4%) … 圖書館 Library 235 (3.2%) 2016 總額 (百萬元) Total ($ millions) 7,309 (100.0%)"
                                   → 6,822 = 4,881 + 35 + … + 215;  7,309 = 5,290 + … + 235
                                     (each bracket its figure's share of the whole: share.py, _bracketed_shares)

A pie chart's segments and its total, flattened onto one line (an annual report's 收入分析 / 支出分析): the segments
may stand before their whole or after it, one chart's run right after another's.  A run of figures, each followed
by nothing but its percentage in brackets, between two wholes (a figure followed by "(100%)", "(100.0%)") or a whole
and the run's end, is that whole's parts when the figures make the whole, within the rounding of the figures written,
and their percentages come to about 100 (the checks find a slip among them); read only where one whole makes it so,
and of a whole only one run (a run both wholes beside it might sum, or a whole both runs beside it might, is left
unread).
Figures of one kind and no unit of their own (the unit is the chart's, "百萬元"), in one paragraph; three parts at
least.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate
from auditor.extract.bind.lists import make_breakdown
from auditor.extract.model import Fact
from auditor.extract.readings import Reading, bracket_host

REASON = "chart_shares"
_HUNDRED = Decimal(100)
_MIN_PARTS = 3
_OPEN = lazyre.compile(r"\s*[(（]\s*")
_CLOSE = lazyre.compile(r"\s*[)）]")


def pairs_of(r: Reading) -> list[tuple[Fact, Fact]]:
    """(figure, its bracketed percentage) in text order: a figure of no unit, the bracket right after it holding its
    percentage alone ("4,881 (71.6%)")."""
    tree, text = r.tree, r.norm.text
    out = []
    for i, node in enumerate(tree):
        fact = r.facts[i]
        if fact is None or fact.kind != "percent" or node.depth == 0 or fact.approximate:
            continue
        j = bracket_host(r, i)
        if j is None or r.facts[j].kind != "number" or r.facts[j].approximate:
            continue
        if not _OPEN.fullmatch(text, tree[j].end, node.start) or not _CLOSE.match(text, node.end):
            continue
        out.append((r.facts[j], fact))
    return out


def resolve(r: Reading) -> Iterator[Candidate]:
    pairs = pairs_of(r)
    if len(pairs) < _MIN_PARTS + 1:
        return
    tree = r.tree
    # (runs of pairs in one paragraph, cut at each whole)
    paragraphs: list[list[tuple[Fact, Fact]]] = []
    for pair in pairs:
        at = tree[r.node_of(pair[0])].paragraph
        if paragraphs and tree[r.node_of(paragraphs[-1][-1][0])].paragraph == at:
            paragraphs[-1].append(pair)
        else:
            paragraphs.append([pair])
    for run in paragraphs:
        # (blocks of wholes and blocks of parts, alternating: [(is_whole, [indices into run])])
        blocks: list[tuple[bool, list[int]]] = []
        for k, (_, p) in enumerate(run):
            whole = p.value == _HUNDRED
            if blocks and blocks[-1][0] == whole:
                blocks[-1][1].append(k)
            else:
                blocks.append((whole, [k]))
        claims: dict[int, list[list[int]]] = {}  # whole → the runs of parts that make it
        for n, (whole, members) in enumerate(blocks):
            if whole:
                continue
            sides = [_split(run, members, blocks[m][1]) for m in (n - 1, n + 1)
                     if 0 <= m < len(blocks)]
            found = [s for s in sides if s is not None]
            if len(found) != 1:
                continue  # (no whole beside it made, or both sides might be: left unread)
            for w, parts in found[0]:
                claims.setdefault(w, []).append(parts)
        for w, found in claims.items():
            if len(found) != 1:
                continue
            candidate = make_breakdown(r, run[w][0], [run[k][0] for k in found[0]], "()", True, REASON,
                                       ("each figure's bracketed share, the whole's 100%",))
            if candidate is not None:
                yield candidate


def _split(run: list[tuple[Fact, Fact]], members: list[int], wholes: list[int]) -> list[tuple[int, list[int]]] | None:
    """The run of parts cut, in order, into as many runs as there are wholes in the block beside it, each making its
    whole ("9,624 (100.0%) … 9,534 (100.0%) 5,121 (53.2%) … 616 (6.4%) 4,927 (51.7%) … 608 (6.4%)": two charts' wholes,
    then their parts), each cut where the figures first make the whole and their shares 100; None where the parts do
    not come out so, every one of them used."""
    out = []
    at = 0
    for w in wholes:
        end = next((e for e in range(at + _MIN_PARTS, len(members) + 1)
                    if _makes(run[w], [run[k] for k in members[at:e]])), None)
        if end is None:
            return None
        out.append((w, members[at:end]))
        at = end
    return out if at == len(members) else None


_SHARES_OFF = Decimal(10)  # (how far from 100 the parts' shares may add, a slip among them, and still be shares)


def _makes(whole: tuple[Fact, Fact], parts: list[tuple[Fact, Fact]]) -> bool:
    """Do the parts' figures make the whole's, within the rounding written, and their percentages about 100 (a slip
    among them is the checks' to find: share.py pairs each with its figure, share_partition adds them)?"""
    if len(parts) < _MIN_PARTS or any(f.value < 0 or p.value < 0 for f, p in parts):
        return False
    total = whole[0]
    figures = sum((f.value for f, _ in parts), Decimal(0))
    slack = sum((f.tolerance for f, _ in parts), total.tolerance)
    shares = sum((p.value for _, p in parts), Decimal(0))
    return total.value > 0 and abs(figures - total.value) <= slack and abs(shares - _HUNDRED) <= _SHARES_OFF
