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


@settings(max_examples=200, derandomize=True, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 3)), min_size=1, max_size=12),
       st.lists(st.integers(-5, 120), min_size=12, max_size=12))
def test_runs_below_a_limit_are_the_longest_runs_that_fit_in_their_order(parts, limits):
    """share_whole tries only the runs of shares whose sum may reach a stated figure; they must be
    exactly the runs of the full search that fit, in the same order (longest first, then by start),
    whether each part is at least its rounding (the bisection) or not (a 0 among them)."""
    from itertools import accumulate

    from auditor.extract.bind.resolvers.share_whole import _longest_runs, _runs_below

    values = list(accumulate((Decimal(v) for v, _ in parts), initial=Decimal(0)))
    slacks = list(accumulate((Decimal(e) / 2 for _, e in parts), initial=Decimal(0)))
    bounds = [Decimal(x) for x in limits[:len(parts)]]
    expected = [(a, b) for a, b in _longest_runs(len(parts))
                if (values[b] - slacks[b]) - (values[a] - slacks[a]) <= bounds[a]]
    assert list(_runs_below(values, slacks, bounds)) == expected


def test_many_shares_of_an_unnamed_whole_are_read_as_few():
    """Sentence after sentence of 占总数的 shares (benchmarks/hostile_scaling.py's `shares`): each is
    still checked against the total its neighbours make, and the one whose figures add up to a
    stated total is read as its siblings' share."""
    body = "".join(f"第{i}项支出{100 + 3 * i}.5万元,占总数的{i % 9 + 1}.2%。" for i in range(300))
    result = audit_text("全年支出合计204万元。" + body)  # 100.5 + 103.5: the first two
    shares = [s for s in result.extraction.shares if s.reason == "share_of_siblings_total"]
    assert [(s.part.text, [w.text for w in s.wholes]) for s in shares] == [("100.5万元", ["204万元"]),
                                                                         ("103.5万元", ["204万元"])]
