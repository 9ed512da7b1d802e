"""Shapes that once took time growing with the square of their size (issue 9): the faster
code must read them as before.  Their timing is benchmarks/hostile_scaling.py's."""

from __future__ import annotations

from auditor.extract.formulas import _balanced
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
