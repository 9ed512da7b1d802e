"""A satisfaction rate of a survey: the satisfied answers over the valid ones, both stated with it.

    "收回有效问卷298份,其中“满意”及“基本满意”290份,满意度为97.32%"   → 97.32 % = 290 / 298

Only a sentence with one 满意度 (满意率), one count of valid answers (有效问卷, 有效样本, 收回问卷)
and one count of satisfied ones (not 不满意) before it is read; several counts of satisfied answers
("满意180份、基本满意110份") leave which of them the rate counts open.
"""

from __future__ import annotations

from typing import Iterator

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate
from auditor.extract.model import Share
from auditor.extract.readings import Reading, clean_label

_RATE = lazyre.compile(r"满意(?:度|率)$")
_SAMPLE = lazyre.compile(r"有效(?:问卷|样本|答卷|调查表)|(?:回收|收回)(?:有效)?(?:问卷|答卷|调查表)?$|"
                         r"调查(?:受益|服务)?(?:群众|对象|农户|居民|学生|家长|人员|人数|户数|样本)$|受访")
_HANDED_OUT = lazyre.compile(r"发放|发出")  # (questionnaires handed out are not the answers counted)
_SATISFIED = lazyre.compile(r"满意")
_NOT = lazyre.compile(r"不满意|满意度")


def resolve(r: Reading) -> Iterator[Candidate]:
    for facts in r.facts_by_sentence(prose_only=True):
        rates = [f for f in facts if f.kind == "percent" and _RATE.search(clean_label(f.label)) and not f.is_bound]
        if len(rates) != 1:
            continue
        rate = rates[0]
        counts = [f for f in facts if f.kind == "count" and f.span.end <= rate.span.start and not f.is_bound]
        samples = [f for f in counts if _SAMPLE.search(clean_label(f.label)) and not _HANDED_OUT.search(f.label)]
        satisfied = [f for f in counts if f not in samples and _SATISFIED.search(clean_label(f.label))
                     and not _NOT.search(clean_label(f.label))]
        if len(samples) != 1 or len(satisfied) != 1 or samples[0].unit != satisfied[0].unit:
            continue
        yield Candidate(Share.model_construct(
            percent=rate, part=satisfied[0], whole=samples[0], whole_label=clean_label(samples[0].label),
            reason="survey_satisfaction", via=(), rejected=()))
