"""The three industries make the product: 地区生产总值 = 第一产业 + 第二产业 + 第三产业 增加值 (国民经济核算).

    "全年实现生产总值455.58亿元,同比增长9.6%。第一产业增加值42.53亿元,增长8.5%;第二产业增加值241.45亿元,
     增长6.6%;第三产业增加值171.60亿元,增长5.2%。"            → 455.58 = 42.53 + 241.45 + 171.60

A 生产总值 figure, then, in its paragraph and within the sentence after it, the value added of each of the three
industries in turn, each once, in its unit and year, the first with no other amount before it (民营经济增加值…, 第一产业…
splits another figure); a figure between them (其中工业…, 建筑业…) is a part's own.
With an industry missing, said twice or out of turn, nothing is read.  The reading yields to a list the text marks
(其中, 分产业看).
"""

from __future__ import annotations

from typing import Iterator

from auditor.extract.bind.candidate import Candidate
from auditor.extract.bind.lists import make_breakdown
from auditor.extract.model import Fact, period_of
from auditor.extract.readings import Reading, clean_label

_NUMBERS = {"一": 0, "二": 1, "三": 2}


def resolve(r: Reading) -> Iterator[Candidate]:
    tree = r.tree
    whole_cue, part_cue = r.vocab.cue("industries_total"), r.vocab.cue("industry_part")
    for s in tree.of_kind("labelled"):
        total = r.facts[s.index]
        if total is None or total.kind != "amount" or total.is_bound or r.is_previous(total) \
                or not whole_cue.search(clean_label(total.label)):
            continue
        parts: list[Fact | None] = [None, None, None]
        for k in range(s.index + 1, len(tree)):
            t = tree[k]
            if t.paragraph != s.paragraph or t.sentence > s.sentence + 1:
                break
            f = r.facts[k]
            if f is None or f.kind != "amount" or t.kind != "labelled":
                continue
            label = clean_label(f.label)
            if whole_cue.search(label):
                break  # (another product's figure: its own industries follow)
            m = part_cue.search(label)
            if m is None:
                if parts[0] is None:
                    break  # ("生产总值…;民营经济增加值1093.52亿元,…第一产业…": the industries of another figure)
                continue  # (a part's own parts: "第二产业241.45亿元,其中工业175.44亿元")
            n = _NUMBERS[m.group(1)]
            if parts[n] is not None or any(p is None for p in parts[:n]) or r.is_previous(f) \
                    or f.unit != total.unit \
                    or period_of(f, r.report_year) not in (None, period_of(total, r.report_year)):
                break
            parts[n] = f
            if n == 2:
                break
        if any(p is None for p in parts):
            continue
        first = r.node_of(parts[0])
        if first is not None and any(tree[k].kind == "dimension" for k in range(s.index + 1, first)):
            continue  # ("分产业看,第一产业…": the dimension the text names states the split: dimension_split)
        made = make_breakdown(r, total, [p for p in parts if p is not None], "family", True, "three_industries")
        if made:
            yield made
