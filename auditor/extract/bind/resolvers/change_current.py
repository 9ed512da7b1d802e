"""A change whose sentence states no figure of its subject: the subject's one value
this year, stated before it in the document (for its growth rate's base).

    "支出100万元。…支出较上年增加20万元,增长25%。" → current 100
"""

from __future__ import annotations

from auditor.extract.bind.index import DocumentIndex
from auditor.extract.model import Change


def resolve(index: DocumentIndex, changes: list[Change]) -> list[Change]:
    out = []
    for c in changes:
        found = None
        if c.current is None and c.previous is None and c.subject_label:
            info = index.label_concept(c.subject_label)
            if info.concept:
                found = index.unique([
                    f for f in index.amounts_of(info.concept, near=c.keyword_span.start)
                    if index.period_of(f) == index.report_year
                    and (info.scenario is None or f.scenario == info.scenario)
                    and f.span.start < c.keyword_span.start
                ])
        out.append(c.model_copy(update={"current_elsewhere": found}) if found is not None else c)
    return out
