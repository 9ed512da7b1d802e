"""得分率 in prose: the score over the full marks, both stated with it in its part of the sentence.

    "产出指标满分40分,得38.8分,得分率97%"   → 97 % = 38.8 / 40

The rate (cue score_rate) takes the one weight (满分, 分值 …: cue score_weight) and the one score after it, between it
and the figure before that is a percentage (another indicator's 得分率) or the start of its part of the sentence. Two
weights or two scores there, or a score before its weight (but for one in a bracket right after it, "得28.5分(满分30分)"),
and which pair it is of is open: nothing is read.  Nor is
it when a figure there is said as points lost (cue score_lost: "满分40分,扣减1.2分,得分率97%" is of 38.8), or when the
rate, the score and the weight name different subjects — a level ("产出指标满分50分、得分45.6分") beside the whole
(cue score_whole_subject: "项目总体得分率94.3%", "本项目自评满分100分,其中产出指标得38.8分").
"""

from __future__ import annotations

from typing import Iterator

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate
from auditor.extract.model import Share
from auditor.extract.readings import Reading, clean_label

_LOOK = 24


def resolve(r: Reading) -> Iterator[Candidate]:
    named, weight_cue, lost = r.vocab.cue("score_rate"), r.vocab.cue("score_weight"), r.vocab.cue("score_lost")
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
            if f.unit != "分":
                continue
            if lost.search(clean_label(f.label)):
                weights = scores = []
                break
            if f.is_bound:
                continue
            (weights if weight_cue.search(clean_label(f.label)) else scores).append(f)
        if len(weights) != 1 or len(scores) != 1 \
                or (scores[0].span.start < weights[0].span.start and not _weight_in_bracket(r, scores[0], weights[0])) \
                or not weights[0].value or not _one_subject(r, (rate, scores[0], weights[0])):
            continue
        yield Candidate(Share.model_construct(
            percent=rate, part=scores[0], whole=weights[0], whole_label=clean_label(weights[0].label),
            part_of_parts=(), reason="score_rate_in_sentence", via=(), rejected=()))


_BRACKET_OPENS = lazyre.compile(r"\s*\(\s*[^()\d,;。]{0,6}")


def _weight_in_bracket(r: Reading, score, weight) -> bool:
    """"效益指标得28.5分(满分30分),得分率95%": the weight in a bracket opened right after the score is that score's own,
    though it comes after it."""
    return bool(_BRACKET_OPENS.fullmatch(r.norm.text, score.span.end, weight.span.start)) \
        and r.norm.text.startswith(")", weight.span.end)


def _one_subject(r: Reading, facts: tuple) -> bool:
    """Do the figures' labels name one subject — the same levels of a framework, or the whole — where they name any?"""
    whole = r.vocab.cue("score_whole_subject")
    subjects = set()
    for f in facts:
        label = clean_label(f.label)
        levels = r.vocab.score_levels_named(label)
        if levels:
            subjects.add(levels)
        elif whole.search(label):
            subjects.add("whole")
    return len(subjects) <= 1
