"""The answers of a survey by kind, counted within the valid answers the sentence names.

    "…回收有效问卷576份,有效回收率96%。在有效问卷中,表示“满意”的498份,“基本满意”的54份,“不满意”的24份。"
        → 576 = 498 + 54 + 24  (survey_answer_kinds)

A sentence that opens by naming the valid answers without their figure (有效问卷中, 回收问卷中: survey_rate's named
sample), then opens with the counts of two or more kinds of answer (满意, 基本满意, 不满意 …), in one unit, takes the
count of the valid answers from the sentence right before, on its line or the line before (one such count there).
A list that runs from the top (满意, 非常满意) down to 不满意, the scale's far end, counts every answer: its sum is the
valid answers.  Any other list of kinds need not be all of them (一般, 未作答 may go unsaid): it is read as one that may
name only some parts.
"""

from __future__ import annotations

from itertools import takewhile
from typing import Iterator

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate
from auditor.extract.bind.lists import make_breakdown
from auditor.extract.bind.resolvers.survey_rate import _NAMED_SAMPLE, _SAID_AS, _VALID, _counts_answers
from auditor.extract.readings import Reading, clean_label, sentence_start

_KIND = lazyre.compile(r"^[\u4e00-\u9fff]{0,3}满意$")
_LOWEST = lazyre.compile(r"不满意$")
_HIGHER = lazyre.compile(r"^(?:表示|选择|认为|回答|评价为?|评为)?(?:非常|很|十分)?满意$")


def resolve(r: Reading) -> Iterator[Candidate]:
    by_sentence = r.facts_by_sentence(prose_only=True)
    text = r.norm.text
    for n, facts in enumerate(by_sentence):
        # (the counts the sentence opens with; a rate after them, "…不满意的6份,综合满意度为98.45%", is no kind)
        counts = list(takewhile(lambda f: f.kind == "count", facts))
        if n == 0 or len(counts) < 2 or any(f.kind == "count" for f in facts[len(counts):]) \
                or any(f.is_bound for f in counts):
            continue
        facts = counts
        opening = text[sentence_start(text, facts[0].span.start):facts[0].span.start]
        if not _NAMED_SAMPLE.search(opening) or len({f.unit for f in facts}) != 1:
            continue
        if not all(_KIND.match(_SAID_AS.sub("", clean_label(f.label))) for f in facts):
            continue
        before = by_sentence[n - 1]
        samples = [f for f in before if f.kind == "count" and not f.is_bound and _counts_answers(f)]
        if len(samples) > 1:
            samples = [f for f in samples if _VALID.search(clean_label(f.label))]
        if len(samples) != 1 or samples[0].unit != facts[0].unit or text.count("\n", samples[0].span.end, facts[0].span.start) > 1:
            continue
        # (down to 不满意, the scale's far end: every kind counted — else the kinds said may be some of them)
        whole_scale = _LOWEST.search(clean_label(facts[-1].label)) is not None and _HIGHER.search(clean_label(facts[0].label))
        made = make_breakdown(r, samples[0], list(facts), "有效问卷中", bool(whole_scale), "survey_answer_kinds")
        if made:
            yield made
