"""A total score's change on last year, and last year's score stated before it in its paragraph.

    "2022年度评价得分为86.5分(良)。本次评价…总得分92分,较上年提高5.5分,评价等级为优。"  → 5.5 = 92 − 86.5

The change (较上年提高 / 下降 d 分) follows right after the total score it is of (总得分, 综合得分, 自评得分 …: cue
score_total, or a project's own 评价得分), in the same clause run; last year's is the one total score of the year before
the report's (2022年度…得分, 上年得分) stated before it in the paragraph.  A change said against another year
("较2021年提高"), several scores of last year, or none, and nothing is bound.  (The change resolver reads changes of
amounts and counts; a score's change, 分 against 分, is this one's.)
"""

from __future__ import annotations

from typing import Iterator

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate
from auditor.extract.bind.resolvers.score_list import own_score_name
from auditor.extract.model import Change, Fact
from auditor.extract.readings import Reading, clean_label

_YEAR = lazyre.compile(r"(20\d\d|19\d\d)")


def resolve(r: Reading) -> Iterator[Candidate]:
    tree = r.tree
    year = r.report_year
    if not year or not year.isdigit():
        return
    last_year = str(int(year) - 1)
    for s in tree.of_kind("increase", "decrease"):
        delta = r.facts[s.index]
        if delta is None or delta.kind != "score" or delta.is_bound:
            continue
        keyword = s.piece.keyword
        named = _YEAR.search(keyword)
        if not r.vocab.cue("reference_previous").search(keyword) or (named and named.group(1) != last_year):
            continue
        current = _score_right_before(r, s.index)
        if current is None:
            continue
        previous = [f for f in (r.facts[j] for j in tree.before(r.node_of(current), "paragraph"))
                    if f is not None and f.kind == "score" and not f.in_table and _total_score(r, f)
                    and (f.period == "previous" or f.period == last_year)]
        if len(previous) != 1 or previous[0].is_bound:
            continue
        yield Candidate(Change.model_construct(
            direction=1 if s.kind == "increase" else -1, delta=delta, percent=None, current=current,
            previous=previous[0], subject_label=current.label, reference="previous",
            keyword=r.norm.original[s.start:s.start + len(keyword)], keyword_span=r.span(s.start, s.start + len(keyword)),
            reason="score_change_on_last_year", via=(), rejected=()))


def _score_right_before(r: Reading, i: int) -> Fact | None:
    """The total score right before node i in its sentence, nothing but separators between."""
    tree = r.tree
    for j in tree.before(i, "sentence"):
        t = tree[j]
        if t.kind == "sep" and t.depth == tree[i].depth:
            continue
        fact = r.facts[j]
        if fact is None or fact.kind != "score" or t.depth != tree[i].depth or fact.is_bound \
                or not _total_score(r, fact) or r.is_previous(fact):
            return None
        return fact
    return None


def _total_score(r: Reading, fact: Fact) -> bool:
    """A total score by its name: 总得分, 综合得分 … (cue score_total) or an evaluation's own (评价得分, 自评得分)."""
    label = clean_label(fact.label)
    label = _YEAR_WORDS.sub("", label)
    return bool(r.vocab.cue("score_total").search(label) or own_score_name(label))


_YEAR_WORDS = lazyre.compile(r"^(?:(?:19|20)\d\d年度?|上年度?|去年)")
