"""A growth between two years of a series its sentence states, each year named ("2005年是8659.91亿元,到2010年的
19980.39亿元(比2005年增长了130%),而到了2015年则是40974.64亿元(比2010年又增长了103%,比2005年则增长了368%)"):
the later term is the last amount before the growth, of a later year; the earlier the one amount of the sentence
stated for the year the growth's words name ("比2005年"), of the same unit.  Only when each year of the sentence is
stated once (a series of one measure): two amounts of a year may be two measures, and then it stays undecided.
"""

from __future__ import annotations

from auditor.extract.bind.index import DocumentIndex
from auditor.extract.model import Change, Fact
from auditor.textsearch import last_of


def resolve(index: DocumentIndex, changes: list[Change], text: str) -> list[Change]:
    named = index.vocab.cue("compared_named_year")
    by_sentence = index.facts_by_sentence
    out = []
    for c in changes:
        m = None
        if c.percent is not None and c.delta is None and c.direction > 0 and not (
                c.current is not None and c.previous is not None):  # (bound in its sentence already: left so)
            m = named.search(text, max(0, c.percent.span.start - 20), c.percent.span.start)
        if m is None:
            out.append(c)
            continue
        year = m.group("year")
        amounts = [f for f in by_sentence.get(c.percent.sentence, []) if f.kind == "amount"]
        before = [f for f in amounts if f.span.start < m.start()]
        now = before[-1] if before else None
        years = [index.period_of(f) for f in amounts]
        if now is None or not all((y or "").isdigit() for y in years) or len(set(years)) != len(years) \
                or not (int(index.period_of(now)) > int(year)):
            out.append(c)
            continue
        then = [f for f in before if index.period_of(f) == year and f.unit == now.unit and _year_said(text, f, year)]
        if len(then) != 1 or (c.current is not None and c.current.id != now.id):
            out.append(c)
            continue
        out.append(c.model_copy(update={"current": now, "previous": then[0], "compared_name": m.group(0).strip(),
                                        "reason": "change_between_named_years",
                                        "via": (*c.via, "the amounts its sentence states for the two years")}))
    return out


def _year_said(text: str, fact: Fact, year: str) -> bool:
    """The earlier term's own clause writes its year ("2005年是8659.91亿元"): a figure whose year was only inferred
    ("“十三五”期间,…教育支出累计16.06万亿元,…,2020年达到36310.47亿元,比2015年增长40.4%": five years' sum) is no
    amount of that year."""
    start = last_of(text, ",;。\n", fact.span.start) + 1
    return year in text[start:fact.span.start]
