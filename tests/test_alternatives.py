"""Doubt before accusing (issue 10, item 2): each alternative reading of
rules/alternatives.toml, run on its own examples.  A passing example fails as
the binder reads it, and the alternative explains it: no error, an "explained"
outcome that names the alternative (an info finding with --explained).  A
failing example is not explained: the error stands, on the stated figure."""

from __future__ import annotations

import pytest

from auditor.check.doubt import alternatives
from auditor.pipeline import audit_text

CASES = [(a.id, text) for a in alternatives().values() if a.effect == "explained" for text in a.passing]
DOUBTS = [(a.id, text) for a in alternatives().values() if a.effect == "warning" for text in a.passing]
FAILING = [(a.id, text, stated) for a in alternatives().values() for text, stated in a.failing]


@pytest.mark.parametrize("alt_id,text", CASES)
def test_the_alternative_explains_its_passing_example(alt_id, text):
    result = audit_text(text)
    assert not [f for f in result.findings if f.severity == "error"], result.findings
    assert any(o.verdict == "explained" and o.alternative == alt_id for o in result.outcomes), \
        [(o.rule, o.verdict, o.alternative) for o in result.outcomes]
    shown = audit_text(text, explained=True)
    infos = [f for f in shown.findings if f.severity == "info"]
    assert infos and all(alt_id in f.message("zh") or "另一读法" in f.message("zh") for f in infos)


@pytest.mark.parametrize("alt_id,text", DOUBTS)
def test_a_doubt_turns_the_error_of_its_passing_example_into_a_warning(alt_id, text):
    # the reading is doubtful, not refuted: the finding stays, as a warning that says why — or,
    # for a shape a misreading gives far more often (a list far over its total), as info
    result = audit_text(text)
    assert not [f for f in result.findings if f.severity == "error"], result.findings
    doubted = [o for o in result.outcomes if o.verdict == "fails" and o.alternative == alt_id]
    assert doubted and all(o.finding.severity in ("warning", "info") and alt_id in o.finding.message("zh")
                           for o in doubted)


@pytest.mark.parametrize("alt_id,text,stated", FAILING)
def test_the_finding_of_its_failing_example_stands(alt_id, text, stated):
    # (an error, or a warning where the reading is only inferred: doubt.capped)
    result = audit_text(text)
    found = [f for f in result.findings if f.severity in ("error", "warning")]
    assert any(f.stated == stated for f in found), (alt_id, result.findings)


def test_every_alternative_is_documented_with_both_examples():
    for a in alternatives().values():
        assert a.summary and a.description and a.applies
        assert a.passing and a.failing
        assert a.effect in ("explained", "warning")


def _rows(*values: int, labels: tuple[str, ...] = ()):
    from decimal import Decimal

    from auditor.extract.model import Fact, Span

    return [Fact(id=n, kind="amount", value=Decimal(v * 10000), unit="元", written_unit="万元", scale=Decimal(10000),
                 decimals=0, text=f"{v}万元", span=Span(start=n, end=n + 1, line=n + 1, column=1),
                 label=labels[n] if n < len(labels) else f"项目{n}")
            for n, v in enumerate(values)]


def test_a_list_read_by_levels_gives_its_top_rows_and_a_flat_one_none():
    """nested_levels: rows under the row they make (a 款 under its 类, 项 under their 款) are no
    parts of the total; the top rows are, and the fewest top rows that make it are the answer."""
    from decimal import Decimal

    from auditor.check.doubt import nested_levels

    # 100 = 60 + 40; 60 = 35 + 25; 25 = 20 + 5 (three levels); 40 = 40 alone under no 类: a sibling
    rows = _rows(60, 35, 25, 20, 5, 40)
    total = _rows(100)[0]
    assert nested_levels(rows, total) == [0, 5]
    # the flat rows make no other total by levels
    assert nested_levels(_rows(10, 20, 30), _rows(45)[0]) is None
    # a long list (twenty rows, each pair a row and its one child of another value) still reads quickly
    # and exactly: every second row a top row
    long_rows = _rows(*[v for k in range(10) for v in (k + 2, k + 2)])
    assert nested_levels(long_rows, total.model_copy({"value": Decimal(sum(k + 2 for k in range(10)) * 10000)})) \
        is None  # (a single child makes its row only under a 类: two rows of one value are siblings)


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(stated=st.integers(-10**9, 10**9), decimals=st.integers(0, 3), computed=st.integers(-10**9, 10**9),
       tolerance=st.integers(0, 10**4))
def test_a_doubt_s_makes_is_the_comparison_s_ok(stated, decimals, computed, tolerance):
    """doubt._makes answers what compare(...).verdict == "ok" answers, without building the comparison."""
    from decimal import Decimal

    from auditor.check.arithmetic import Value, compare
    from auditor.check.doubt import _makes

    total = _rows(0)[0].model_copy({"value": Decimal(stated).scaleb(-decimals), "decimals": decimals})
    value = Value(Decimal(computed).scaleb(-decimals), Decimal(tolerance).scaleb(-decimals))
    assert _makes(total, value) == (compare(total, value).verdict == "ok")
