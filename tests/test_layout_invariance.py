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
from auditor.variants import VARIANTS, error_keys

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


# ------------------------------------------------------- documents of several parts
def _genre(path: Path) -> str:
    labels = path.with_name(path.name.removesuffix(".txt") + ".labels.toml")
    if not labels.exists():
        return "?"
    import tomllib

    return tomllib.loads(labels.read_text(encoding="utf-8")).get("genre", "?")


def test_two_reports_in_one_document_raise_no_error_either_alone_does_not(as_written):
    """A document of several parts (a department and its units, two years, a report and
    its annexes) reads each part as it reads it alone: the other part's same-named
    figures, its year or its numbering change nothing.  Each report is followed by the
    next one of its genre."""
    rules = default_rules()
    by_genre: dict[str, list[Path]] = {}
    for p in REPORTS:
        by_genre.setdefault(_genre(p), []).append(p)
    new = []
    for group in by_genre.values():
        for a, b in zip(group, group[1:] + group[:1]):
            if a == b:
                continue
            got = Counter(error_keys(audit_text(_body(a) + "\n\n" + _body(b), path=a.name, rules=rules).findings))
            extra = got - (as_written[a] + as_written[b])
            new.extend(f"{a.stem} + {b.stem}: {rule} on {stated}" for rule, stated in extra)
    assert not new, "errors only when two reports share a document:\n" + "\n".join(new)


@pytest.mark.parametrize("fraction", [0.15, 0.3, 0.42, 0.55, 0.67, 0.8, 0.9])
def test_an_excerpt_raises_no_error_the_whole_report_does_not(fraction, as_written):
    """A stored page is often only the first part of the report, cut anywhere: inside a
    list, a table row or a figure.  What was cut is unknown, not contradictory."""
    rules = default_rules()
    new = []
    for p in REPORTS:
        text = _body(p)
        got = Counter(error_keys(audit_text(text[:int(len(text) * fraction)], path=p.name, rules=rules).findings))
        extra = got - as_written[p]
        new.extend(f"{p.stem}: {rule} on {stated}" for rule, stated in extra)
    assert not new, f"errors only in the first {fraction:.0%}:\n" + "\n".join(new)
