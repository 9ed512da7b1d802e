"""Regression on the seed reports: exactly the hand-verified findings, nothing more.

examples/seeds/<name>.expected.toml lists, for each seed, the contradictions a
reviewer verified by hand (they are also the inconsistent relations of
<name>.labels.toml).  Warnings beyond them are allowed only if they cite no
labelled-consistent relation; errors beyond them are not allowed at all.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from auditor.eval import SEEDS, cites, load_items
from auditor.pipeline import audit_path

NAMES = sorted(p.name.removesuffix(".expected.toml") for p in SEEDS.glob("*.expected.toml"))


def test_there_are_five_seeds_with_expectations():
    assert len(NAMES) == 5
    assert all((SEEDS / f"{n}.txt").exists() and (SEEDS / f"{n}.labels.toml").exists() for n in NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_seed_findings_match_the_hand_verified_list(name):
    expected = tomllib.loads((SEEDS / f"{name}.expected.toml").read_text(encoding="utf-8")).get("finding", [])
    findings = audit_path(str(SEEDS / f"{name}.txt")).findings
    got = {(f.rule, f.severity, f.line, f.stated) for f in findings}
    want = {(e["rule"], e["severity"], e["line"], e["stated"]) for e in expected}
    assert want <= got, f"missed: {want - got}"
    extra_errors = {g for g in got - want if g[1] == "error"}
    assert not extra_errors, f"unexpected errors: {extra_errors}"


@pytest.mark.parametrize("name", NAMES)
def test_every_labelled_contradiction_is_reported_and_no_consistent_relation_is_an_error(name):
    (item,) = [i for i in load_items([SEEDS]) if i.name == name]
    findings = audit_path(str(SEEDS / f"{name}.txt")).findings
    for rel in item.relations:
        citing = [f for f in findings if cites(f, rel)]
        if not rel["consistent"] and not rel.get("rounding", False):
            assert citing, f"labelled contradiction not reported: {rel}"
        else:
            errors = [f for f in citing if f.severity == "error" and f.line == rel["line"]
                      and f.stated and rel["stated"].replace(" ", "") in f.stated.replace(" ", "")]
            assert not errors, f"error on a consistent relation {rel}: {[f.message('en') for f in errors]}"
