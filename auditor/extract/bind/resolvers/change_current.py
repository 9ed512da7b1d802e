"""A change whose sentence states no figure of its subject: the subject's one value
this year, stated before it in the document (for its growth rate's base), and its one
value the year before, if the document states that too (for the change itself).

    "支出100万元。…支出较上年增加20万元,增长25%。" → current 100
    "2022年三公经费合计1000.86万…2021年的三公经费合计807.95万…。2022年三公经费相较于上年增加275.76万元"
        → current 1000.86, previous 807.95
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
        if found is None:
            out.append(c)
            continue
        before = _year_before(index.report_year)
        previous = index.unique([
            f for f in index.amounts_of(info.concept, near=c.keyword_span.start)
            if index.period_of(f) == before and f.scenario == found.scenario and f.unit == found.unit
            and f.span.start < c.keyword_span.start
        ]) if before else None
        out.append(c.model_copy(update={"current_elsewhere": found, "previous_elsewhere": previous}))
    return out


def _year_before(year: str | None) -> str | None:
    return str(int(year) - 1) if year and year.isdigit() else None
