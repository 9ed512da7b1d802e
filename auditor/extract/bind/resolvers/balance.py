"""Two totals the accounts make equal, named by the words of a rule's parameters:
收入总计 = 支出总计 in 决算 (income includes what was carried over, spending what
is carried forward).

    "2022年度收入总计4125.49万元，支出总计4125.49万元。" → 4125.49 = 4125.49

Figures are paired by year, scenario and funds; a side stated with two values
is ambiguous and pairs with nothing.  A government fund's totals (社会保险基金, 政府性基金, 国有资本经营) are no
unit's account: its 支出总计 may leave the 年终结余 out (of_government_fund: they are read, never accused).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterator

from auditor import lazyre
from auditor.extract.bind.index import DocumentIndex, fact_scope
from auditor.extract.model import Fact


# the funds of a government's budget, whose totals are not a unit's account ("社会保险基金收入总计…,支出总计…"): a
# 财政总决算 may leave its 年终结余 out of 支出总计, or not
_GOVERNMENT_FUND = lazyre.compile(r"社会保险基金|社保基金|政府性基金|国有资本经营|(?:全省|全市|全县|全区|全旗|全州|本级)[^,;。]{0,6}一般公共预算")


def of_government_fund(f: Fact) -> bool:
    """A government fund's total (财政总决算 of 社会保险基金, 政府性基金 …), not a unit's account."""
    return bool(_GOVERNMENT_FUND.search(f"{f.fund or ''} {f.label}")) and "拨款" not in f.label


def pairs(index: DocumentIndex, left_words, right_words) -> Iterator[tuple[Fact, Fact]]:
    """(left, right) totals of one year, scenario and funds."""
    by_period: dict[tuple, dict[str, list[Fact]]] = defaultdict(lambda: defaultdict(list))
    for f in index.facts:
        if f.kind != "amount" or f.is_bound:
            continue
        side = "left" if any(w in f.label for w in left_words) else \
            "right" if any(w in f.label for w in right_words) else None
        if side:
            by_period[(index.period_of(f), f.scenario, fact_scope(f))][side].append(f)
    for sides in by_period.values():
        left, right = index.unique(sides.get("left", [])), index.unique(sides.get("right", []))
        if left is not None and right is not None:
            yield left, right


def reason(left: Fact, right: Fact) -> str:
    """Stated in one paragraph: read together; across paragraphs: inferred from the accounts."""
    together = left.window == right.window and not left.in_table and not right.in_table
    return "balance_in_paragraph" if together else "accounts_balance"
