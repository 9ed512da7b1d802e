"""The quarters of the year stated one by one, and a stretch of them from the year's start stated after: its sum.

    "一季度全市一般公共预算收入612.48亿元,二季度587.31亿元,三季度634.09亿元。上半年累计完成1199.79亿元,
     前三季度累计完成1833.88亿元"          → 1199.79 = 612.48 + 587.31; 1833.88 = 612.48 + 587.31 + 634.09

The quarters (vocabulary quarter_named) are the amounts of one sentence named by a quarter, each once, from the first
on, of one unit; the first may name the measure after its quarter, the others name none or the same. The stretch
(vocabulary quarters_cumulative: 上半年, 前三季度, 全年, 1—9月 …, perhaps 累计完成) is an amount of that sentence or
the next in the paragraph, after the last quarter it runs over, naming nothing after its period words or the quarters' measure; every
quarter it runs over must be stated. A balance at a quarter's end (一季度末) is a stock, no quarter's flow: not read.
"""

from __future__ import annotations

from typing import Iterator

from auditor.extract.bind.candidate import Candidate
from auditor.extract.bind.lists import make_breakdown
from auditor.extract.model import Fact
from auditor.extract.readings import Reading, clean_label

_RUNS = {"h2": 2, "q3": 3, "y4": 4}  # (quarters_cumulative's groups: how many quarters each stretch runs over)


def resolve(r: Reading) -> Iterator[Candidate]:
    quarter, stretch = r.vocab.cue("quarter_named"), r.vocab.cue("quarters_cumulative")
    tree = r.tree
    sentences = r.facts_by_sentence("amount", prose_only=True)
    for n, facts in enumerate(sentences):
        quarters: dict[int, Fact] = {}
        measure = None
        for f in facts:
            said = quarter.match(clean_label(f.label))
            if said is None:
                continue
            number = int(said.lastgroup[1])
            rest = clean_label(f.label)[said.end():]
            if measure is None and not quarters:
                measure = rest
            elif rest and rest != measure:
                quarters = {}
                break  # (another measure: "一季度税收收入…,二季度非税收入…")
            if number in quarters or f.is_bound or r.is_previous(f):
                quarters = {}
                break
            quarters[number] = f
        if len(quarters) < 2 or sorted(quarters) != list(range(1, len(quarters) + 1)) \
                or len({f.unit for f in quarters.values()}) != 1:
            continue
        later = list(facts)
        k = r.node_of(facts[-1])
        if n + 1 < len(sentences) and sentences[n + 1] and k is not None \
                and tree[r.node_of(sentences[n + 1][0])].paragraph == tree[k].paragraph:
            later += sentences[n + 1]
        for f in later:
            said = stretch.match(clean_label(f.label))
            if said is None or f.is_bound or r.is_previous(f) or f.unit != quarters[1].unit:
                continue
            rest = clean_label(f.label)[said.end():]
            runs = _RUNS[said.lastgroup]
            if rest and rest != measure or any(q not in quarters for q in range(1, runs + 1)) \
                    or f.span.start < quarters[runs].span.end:
                continue  # (stated after the last quarter it runs over: "一季度…,二季度…,上半年累计…;三季度…")
            made = make_breakdown(r, f, [quarters[q] for q in range(1, runs + 1)], "累计", True, "quarters_cumulative",
                                  ("the quarters stated one by one",))
            if made:
                yield made
