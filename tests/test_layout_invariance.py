"""A report's errors do not depend on its layout, its neighbours or where an excerpt stops.

Every seed and corpus report is audited as written and as auditor/variants.py
rewrites it: in each layout that keeps every word and figure (lines wrapped inside
words and numbers, one sentence per line, bars as spaces, a table on one line,
traditional characters …), followed by the next report of its genre in one document,
and cut where a stored excerpt could stop.  None of these may raise an error the
report as written does not raise: such an error is a reading that depends on the
page, the commonest source of false errors on reports we have never seen.  (A
variant may lose an error: wrapping can cut a figure in two.)
"""

from __future__ import annotations

import pytest

from auditor.check import default_rules
from auditor.eval import CORPUS, SEEDS
from auditor.variants import VARIANTS, load_reports, unstable_errors


@pytest.fixture(scope="module")
def unstable():
    return unstable_errors(load_reports([SEEDS, CORPUS]), default_rules())


def test_the_variants_keep_every_figure():
    text = "一般公共预算支出361315万元,下降11.8%。其中:\n项目 | 预算数 | 执行数\n合计 | 100 | 95"
    digits = sorted(c for c in text if c.isdigit())
    for name, variant in VARIANTS.items():
        assert sorted(c for c in variant(text) if c.isdigit()) == digits, name


def test_no_layout_raises_an_error_the_report_as_written_does_not(unstable):
    assert not unstable["layouts"], "errors only in another layout:\n" + "\n".join(unstable["layouts"])


def test_two_reports_in_one_document_raise_no_error_either_alone_does_not(unstable):
    """A document of several parts (a department and its units, two years, a report and
    its annexes) reads each part as it reads it alone: the other part's same-named
    figures, its year or its numbering change nothing."""
    assert not unstable["documents"], "errors only next to another report:\n" + "\n".join(unstable["documents"])


def test_an_excerpt_raises_no_error_the_whole_report_does_not(unstable):
    """A stored page is often only the first part of the report, cut anywhere: inside a
    list, a table row or a figure.  What was cut is unknown, not contradictory."""
    assert not unstable["excerpts"], "errors only in an excerpt:\n" + "\n".join(unstable["excerpts"])
