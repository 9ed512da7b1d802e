"""A change whose sentence states no figure of its subject: the subject's one value
this year, stated before it in the document (for its growth rate's base), and its one
value the year before, if the document states that too (for the change itself).

    "支出100万元。…支出较上年增加20万元,增长25%。" → current 100
    "2022年三公经费合计1000.86万…2021年的三公经费合计807.95万…。2022年三公经费相较于上年增加275.76万元"
        → current 1000.86, previous 807.95
"""

from __future__ import annotations

from auditor.extract.bind.index import DocumentIndex
from auditor.extract.model import BUDGET_SCENARIOS, SPENT_SCENARIOS, Change


def resolve(index: DocumentIndex, changes: list[Change]) -> list[Change]:
    out = []
    for c in changes:
        found = None
        if c.current is None and c.previous is not None and c.reason == "change_of_unstated_figure":
            out.append(_of_year_named(index, c))
            continue
        if c.current is None and c.previous is None and c.subject_label:
            info = index.label_concept(c.subject_label)
            if info.concept:
                found = index.unique([
                    f for f in index.amounts_of(info.concept, near=c.keyword_span.start)
                    if index.period_of(f) == index.report_year
                    and (info.scenario is None or f.scenario == info.scenario)
                    and f.span.start < c.keyword_span.start
                ])
                if found is not None and info.scenario is None and found.scenario in BUDGET_SCENARIOS \
                        and index.vocab.flow(info.text) == "out" and "预算" not in c.keyword:
                    # ("…预算为85.25万元,支出决算为59.82万元。…“三公”经费支出较上年减少3.24万元": money spent, named with
                    # no budget word, is not the budget — the one figure found of its name; undecided. Not "项目支出较
                    # 2023年预算增加51.60万元": a budget compared with a budget)
                    found = None
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


def _of_year_named(index: DocumentIndex, c: Change) -> Change:
    """"…预算21.60万元,…。2023年…实际支出18.46万元,2024年预算较2023年实际支出增加3.14万元": a change whose words name its
    subject by year and kind (the change resolver's subject label) is of the one figure of that year and kind, of what it
    is compared with's concept and unit, stated before it."""
    info, was = index.label_concept(c.subject_label), c.previous
    if not (info.period or "").isdigit() or info.scenario is None or not was.concept:
        return c
    # (a budget of any kind — 年初, 调整 or none named — or money spent: the kind its words name)
    kind = next((k for k in (SPENT_SCENARIOS, BUDGET_SCENARIOS - {"available"}) if info.scenario in k), {info.scenario})
    found = index.unique([f for f in index.amounts_of(was.concept, near=c.keyword_span.start)
                          if f is not was and index.period_of(f) == info.period and f.scenario in kind
                          and f.unit == was.unit and f.span.start < c.keyword_span.start and not f.is_bound])
    return c.model_copy(update={"current": found}) if found is not None else c


def _year_before(year: str | None) -> str | None:
    return str(int(year) - 1) if year and year.isdigit() else None
