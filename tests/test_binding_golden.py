"""Golden readings (tests/binding/): every case's relations are those of its .relations
file, and every case meets what its `expect:` lines say a careful reviewer expects.

When a change alters a reading on purpose, run `python tests/binding/regenerate.py`
and review `git diff tests/binding`: each changed line is a relation read differently.
"""

from __future__ import annotations

import difflib
from functools import lru_cache

import pytest

from binding import regenerate as golden

CASES = {case.name: case for case in golden.cases()}
EXPECTING = [name for name, case in CASES.items() if case.expect]


@lru_cache(maxsize=None)
def result(name: str):
    return golden.audit(CASES[name])


@pytest.mark.parametrize("name", CASES)
def test_reading_is_the_golden_one(name):
    case = CASES[name]
    assert case.golden.exists(), f"{name}.relations is missing: run python tests/binding/regenerate.py {name}"
    want = case.golden.read_text(encoding="utf-8")
    got = golden.render(case, result(name))
    if got != want:
        diff = "".join(difflib.unified_diff(want.splitlines(True), got.splitlines(True),
                                            f"{name}.relations (golden)", f"{name} (as read now)"))
        pytest.fail(f"the relations read in {name}.txt changed:\n{diff}\n"
                    f"if the change is intended: python tests/binding/regenerate.py {name}", pytrace=False)


@pytest.mark.parametrize("name", EXPECTING)
def test_reviewer_expectation_is_met(name):
    case = CASES[name]
    unmet = golden.unmet(case, result(name))
    if case.known:
        if unmet:
            pytest.xfail(case.known)
        pytest.fail(f"{name} meets its expectation now: remove its `# known:` line", pytrace=False)
    assert not unmet, (f"{name}: {unmet} not met; findings: "
                       f"{[(f.rule, f.severity, f.stated) for f in result(name).findings]}")


def test_every_resolver_has_a_fixture_folder():
    """One report layout = one resolver + one folder of cases that show what it reads."""
    missing = [p.stem for p in sorted(golden.RESOLVERS.glob("*.py"))
               if p.stem != "__init__" and not any((golden.HERE / p.stem).glob("*.txt"))]
    assert not missing, (f"no golden case for resolver(s) {missing}: write the smallest text each reads as "
                         f"tests/binding/<resolver>/<case>.txt, then run python tests/binding/regenerate.py")


@pytest.mark.parametrize("name", CASES)
def test_figures_stand_where_they_are_written(name):
    """Every figure read, and every figure a relation uses, is the text at its place."""
    text = CASES[name].text
    places = [(f.text, f.span.start, f.span.end, f.span.line, f.span.column) for f in result(name).facts]
    places += [(e.text, e.start, e.end, e.line, e.column) for o in result(name).outcomes for e in o.figures]
    for written, start, end, line, column in places:
        assert text[start:end] == written
        assert (line, column) == (text.count("\n", 0, start) + 1, start - text.rfind("\n", 0, start)), written


def test_generated_cases_follow_their_sources():
    """reasons/ and alternatives/ hold the examples of reasons.py and alternatives.toml, as they are now."""
    stale = golden.sync(write=False)
    assert not stale, f"run python tests/binding/regenerate.py: {stale}"


def test_every_relations_file_has_its_text():
    orphans = [p.name for p in golden.HERE.glob("*/*.relations") if not p.with_suffix(".txt").exists()]
    assert not orphans, orphans
