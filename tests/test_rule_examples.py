"""Every rule's own examples are its test cases (one source for docs and tests)."""

from __future__ import annotations

import pytest

from auditor.check import default_rules
from auditor.pipeline import audit_text

RULES = default_rules()
PASSING = [(r.id, n, ex) for r in RULES for n, ex in enumerate(r.examples.passing)]
FAILING = [(r.id, n, ex) for r in RULES for n, ex in enumerate(r.examples.failing)]


def test_every_rule_has_examples_and_messages():
    for rule in RULES:
        assert rule.examples.passing and rule.examples.failing, rule.id
        assert "zh" in rule.message and "en" in rule.message, rule.id
        assert all(ex.stated for ex in rule.examples.failing), f"{rule.id}: a failing example names its figure"


@pytest.mark.parametrize("rule_id,n,example", PASSING, ids=[f"{r}-pass{n}" for r, n, _ in PASSING])
def test_passing_example_gives_no_finding(rule_id, n, example):
    findings = audit_text(example.text).findings
    assert [f for f in findings if f.rule == rule_id] == []
    assert [f for f in findings if f.severity == "error"] == [], "a passing example has no error at all"


@pytest.mark.parametrize("rule_id,n,example", FAILING, ids=[f"{r}-fail{n}" for r, n, _ in FAILING])
def test_failing_example_is_reported_at_its_figure(rule_id, n, example):
    findings = [f for f in audit_text(example.text).findings if f.rule == rule_id]
    assert findings, f"{rule_id} did not fire"
    assert any(f.stated == example.stated for f in findings), [f.stated for f in findings]
    # the finding points at the stated figure in the text
    for f in findings:
        if f.stated == example.stated and not example.stated.endswith("、"):
            assert example.text[f.start:f.end] == example.stated
