"""Texts in which a careful reader finds no contradiction (tests/consistent/README.md): the
auditor may warn on an inferred reading, but accuses none of them."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.check import default_rules
from auditor.extract.vocabulary import default_vocabulary
from auditor.pipeline import audit_text

HERE = Path(__file__).parent / "consistent"
TEXTS = sorted(HERE.glob("*/*.txt"))
_RULES, _VOCAB = default_rules(), default_vocabulary()


def test_the_folders_hold_the_texts():
    assert len(TEXTS) >= 500


@pytest.mark.parametrize("path", TEXTS, ids=[p.relative_to(HERE).as_posix() for p in TEXTS])
def test_no_error_on_a_consistent_text(path):
    result = audit_text(path.read_text(encoding="utf-8"), path=str(path), rules=_RULES, vocab=_VOCAB)
    errors = [(f.rule, f.stated, f.message("zh")) for f in result.findings if f.severity == "error"]
    assert not errors, errors
