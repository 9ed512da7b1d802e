"""Shapes that once took time growing with the square of their size (issue 9): the faster
code must read them as before.  Their timing is benchmarks/hostile_scaling.py's."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.check import doubt
from auditor.extract.formulas import _balanced
from auditor.extract.model import Fact, Span
from auditor.pipeline import audit_text


def test_a_formula_in_deep_brackets_is_read_from_its_first_bracket():
    depth = 300
    text = "计算：" + "(" * depth + "1+2" + ")" * depth + "=4万元。"
    result = audit_text(text)
    [calc] = result.extraction.calculations
    assert calc.span.start == text.index("(")
    assert [f.rule for f in result.findings] == ["CAL001"]


def test_brackets_that_belong_to_the_prose_are_dropped():
    assert _balanced("(1+2)=3)", 0, 8) == (0, 7)
    assert _balanced("((1+2)=3", 0, 8) == (1, 8)
    assert _balanced("((((1+2)=3", 0, 10) == (3, 10)
    assert _balanced("(1+2)=3", 0, 7) == (0, 7)


def _fact(n: int, written: Decimal, decimals: int) -> Fact:
    return Fact(id=n, kind="amount", value=written * 10000, unit="元", written_unit="万元", scale=Decimal(10000),
                decimals=decimals, text=f"{written}万元", span=Span(start=n, end=n + 1, line=1, column=n + 1))


@settings(max_examples=60, derandomize=True, deadline=None)
@given(st.lists(st.integers(0, 60), min_size=2, max_size=9), st.integers(0, 300), st.integers(0, 2),
       st.lists(st.integers(0, 20), max_size=2))
def test_runs_of_a_list_that_make_its_total_are_those_summed_one_by_one(values, total, decimals, taken):
    """The running sums of doubt._runs_that_make give the runs, in the order, that summing
    every run afresh gave (the search was cubic in the list's length: 200 parts took 17 s)."""
    scale = Decimal(1).scaleb(-decimals)
    parts = [_fact(k, v * scale, decimals) for k, v in enumerate(values)]
    subtracted = [_fact(100 + k, v * scale, decimals) for k, v in enumerate(taken)]
    whole = _fact(99, total * scale, decimals)
    n = len(parts)
    brute = [parts[i:j] for i in range(n) for j in range(i + 2, n + 1) if (i, j) != (0, n)]
    brute += [parts[:k] + parts[k + 1:] for k in range(1, n - 1)]
    if n >= 4:
        brute += [parts[0::2], parts[1::2]]
    expected = [run for run in brute if doubt._holds(whole, run, subtracted)]
    assert list(doubt._runs_that_make(whole, parts, subtracted)) == expected
