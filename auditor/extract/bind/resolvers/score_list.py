"""Scores followed by 总得分: "项目立项6分,绩效目标5分,…,满意度15分,总得分96"."""

from __future__ import annotations

from typing import Iterator

from auditor.extract.bind.candidate import Candidate
from auditor.extract.bind.lists import make_breakdown
from auditor.extract.readings import Reading, clean_label, score_list_before


def resolve(r: Reading) -> Iterator[Candidate]:
    tree = r.tree
    total_name, weight = r.vocab.cue("score_total"), r.vocab.cue("score_weight")
    for s in tree.of_kind("labelled"):
        total = r.facts[s.index]
        if s.kind != "labelled" or total is None or total.kind != "score" \
                or not total_name.search(clean_label(s.piece.label)):
            continue
        parts = score_list_before(tree, r.facts, s.index, r.vocab)
        labels = [clean_label(p.label) for p in parts]
        if len(parts) < 2 or any(weight.search(x) or total_name.search(x) or not x for x in labels):
            continue  # weights beside scores, subtotals, unnamed figures: not one list
        made = make_breakdown(r, total, parts, "合计", True, "score_list")
        if made:
            yield made
