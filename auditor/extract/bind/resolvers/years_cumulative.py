"""A project's cumulative figure and the figures of the years it runs over, stated one by one before it.

    "2023年当年支出2196.4万元,…。2021年、2022年分别支出1426.8万元、2209.5万元,…。项目累计支出5832.7万元"
                                                                → 5832.7 ≥ 1426.8 + 2209.5 + 2196.4

The cumulative figure (cue years_cumulative: 累计支出, 累计投入, 累计完成投资 … of a project, the verb in the group
`verb`) and, before it in its paragraph, amounts each of one year said (its label names the year, or a list of years
gave it), one a year, named by that same verb alone (年度 / 当年 words aside) and of no budget.  Years before the
first stated may have been spent in too (a project begun earlier), so the years are some of the cumulative figure:
more than it is wrong, less is not.
"""

from __future__ import annotations

from typing import Iterator

from auditor.extract.bind.candidate import Candidate
from auditor.extract.model import Breakdown, Fact
from auditor.extract.readings import LABEL_YEAR, Reading, clean_label, sentence_start


def resolve(r: Reading) -> Iterator[Candidate]:
    cumulative = r.vocab.cue("years_cumulative")
    yearly = r.vocab.cue("years_cumulative_year")
    by_paragraph: dict[int, list[Fact]] = {}
    for node, fact in zip(r.tree.nodes, r.facts):
        if fact is not None and fact.kind == "amount" and not fact.in_table and node.kind == "labelled":
            by_paragraph.setdefault(node.paragraph, []).append(fact)
    for facts in by_paragraph.values():
        names: list[str] | None = None  # (each figure's name, year words aside: read once a paragraph, when asked)
        for n, total in enumerate(facts):
            said = cumulative.search(clean_label(total.label))
            if said is None or total.is_bound:
                continue
            if names is None:
                names = [yearly.sub("", clean_label(f.label)) for f in facts]
            verb = said.group("verb")
            years: dict[str, list[Fact]] = {}
            for f, name in zip(facts[:n], names):
                if name == verb and f.scenario != "budget" and f.unit == total.unit and _year_said(r, f):
                    years.setdefault(f.period, []).append(f)
            # (the cumulative figure's year: its own, or the report's, which the reading gives it later)
            until = total.period if (total.period or "").isdigit() else r.report_year
            if until and years and until <= min(years) and not _year_in_sentence(r, total, until):
                # ("项目于2021年启动…。2021年、2022年分别支出…。2023年当年支出…。项目累计支出…": a year the text gave the
                # figure from afar, no later than the first year stated, is when the project began, no end of it)
                until = None
            if len(years) < 2 or any(len(fs) > 1 for fs in years.values()) \
                    or any(until and year > until for year in years):
                continue  # (two figures of one year: which is the year's is open; a year after the cumulative's: none)
            parts = sorted((fs[0] for fs in years.values()), key=lambda f: f.period)
            if any(p.is_bound for p in parts):
                continue
            breakdown = Breakdown.model_construct(total=total, parts=tuple(parts), subtracted=(), marker="累计",
                                                  complete=False, family=None, reason="years_cumulative",
                                                  via=(), rejected=(), core=None)
            yield Candidate(breakdown, total=total.id, parts=tuple(p.id for p in parts))


def _year_said(r: Reading, f: Fact) -> bool:
    """The figure's year is said: in its label ("2023年当年支出"), or of a year before the report's, which only words
    give ("2021年、2022年分别支出…"), or in words before it in its sentence."""
    if not f.period or not f.period.isdigit():
        return False
    # (… or written before it in its sentence: "2021年、2022年分别支出…" of a report whose year is guessed as 2021)
    return bool(LABEL_YEAR.search(f.label)) or f.period != r.report_year or _year_in_sentence(r, f, f.period)


def _year_in_sentence(r: Reading, f: Fact, year: str) -> bool:
    """The year is written in the figure's own sentence before it ("截至2022年末,项目累计支出…")."""
    return f"{year}年" in r.norm.text[sentence_start(r.norm.text, f.span.start):f.span.start]
