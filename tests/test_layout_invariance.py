"""A report's errors do not depend on its layout.

Every seed and corpus report is audited as written and in each layout of
tests/layout_variants.py (lines wrapped inside words and numbers, one sentence per
line, bars as spaces, a table on one line, traditional characters).  No variant may
raise an error the report as written does not raise: such an error is a reading that
depends on where lines break, the commonest source of false errors on reports we
have never seen.  (A variant may lose an error: wrapping can cut a figure in two.)
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from auditor.check import default_rules
from auditor.eval import CORPUS, SEEDS
from auditor.pipeline import audit_text
from layout_variants import VARIANTS, error_keys

REPORTS = sorted([*SEEDS.glob("*.txt"), *CORPUS.glob("*.txt")])


def _body(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    first, _, rest = text.partition("\n")
    return rest if first.startswith("http") else text


@pytest.fixture(scope="module")
def as_written():
    rules = default_rules()
    return {p: Counter(error_keys(audit_text(_body(p), path=p.name, rules=rules).findings)) for p in REPORTS}


def test_the_variants_keep_every_figure():
    text = "一般公共预算支出361315万元,下降11.8%。其中:\n项目 | 预算数 | 执行数\n合计 | 100 | 95"
    digits = sorted(c for c in text if c.isdigit())
    for name, variant in VARIANTS.items():
        assert sorted(c for c in variant(text) if c.isdigit()) == digits, name


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_no_layout_raises_an_error_the_report_as_written_does_not(name, as_written):
    rules = default_rules()
    variant = VARIANTS[name]
    new = []
    for p in REPORTS:
        text = _body(p)
        changed = variant(text)
        if changed == text:
            continue
        got = Counter(error_keys(audit_text(changed, path=p.name, rules=rules).findings))
        extra = got - as_written[p]
        new.extend(f"{p.parent.name}/{p.stem}: {rule} on {stated}" for rule, stated in extra)
    assert not new, f"{name}: errors only in this layout:\n" + "\n".join(new)
