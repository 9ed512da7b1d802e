"""得分率 in prose: the score over the full marks, both stated with it in its part of the sentence.

    "产出指标满分40分,得38.8分,得分率97%"   → 97 % = 38.8 / 40

The rate (cue score_rate) takes the one weight (满分, 分值 …: cue score_weight) and the one score after it, between it
and the figure before that is a percentage (another indicator's 得分率) or the start of its part of the sentence. Two
weights or two scores there, or a score before its weight, and which pair it is of is open: nothing is read.
"""

from __future__ import annotations

from typing import Iterator

from auditor.extract.bind.candidate import Candidate
from auditor.extract.model import Share
from auditor.extract.readings import Reading, clean_label

_LOOK = 24


def resolve(r: Reading) -> Iterator[Candidate]:
    named, weight_cue = r.vocab.cue("score_rate"), r.vocab.cue("score_weight")
    tree = r.tree
    for s in tree.of_kind("labelled"):
        rate = r.facts[s.index]
        if rate is None or rate.kind != "percent" or rate.is_bound or not named.search(clean_label(rate.label)):
            continue
        weights, scores = [], []
        for k in tree.before(s.index, "sub", limit=_LOOK):
            f = r.facts[k]
            if f is None:
                continue
            if f.kind == "percent":
                break  # (another indicator's rate: its figures are its own)
            if f.unit != "分" or f.is_bound:
                continue
            (weights if weight_cue.search(clean_label(f.label)) else scores).append(f)
        if len(weights) != 1 or len(scores) != 1 or scores[0].span.start < weights[0].span.start \
                or not weights[0].value:
            continue
        yield Candidate(Share.model_construct(
            percent=rate, part=scores[0], whole=weights[0], whole_label=clean_label(weights[0].label),
            part_of_parts=(), reason="score_rate_in_sentence", via=(), rejected=()))
