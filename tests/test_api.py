"""The Python API: auditor.check(paths, config=…) honours audit.toml and gives findings, facts and
relations as records and as pandas DataFrames."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import auditor
from auditor.check import default_rules  # the checking stage's package is still importable

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds"
ERRORS = SEEDS / "004_9b6aaad42b3395ab.txt"


def test_check_a_folder_gives_every_figure_in_one_table():
    run = auditor.check(SEEDS)
    assert len(run.results) == len(list(SEEDS.glob("*.txt"))) and not run.errors
    facts = run.dataframe("facts")
    assert len(facts) == len(run.facts) > 300
    assert set(facts["file"]) == {str(p) for p in SEEDS.glob("*.txt")}
    row = facts[(facts["file"] == str(ERRORS)) & (facts["text"] == "396.6万元")].iloc[0]
    assert row["value"] == Decimal("3966000") and row["unit"] == "元" and row["place"] == "41:46"
    findings = run.dataframe("findings")
    assert {"CHG004", "RAT002"} <= set(findings[findings["file"] == str(ERRORS)]["rule"])
    assert findings.loc[findings["rule"] == "CHG004", "stated"].iloc[0] == "396.6万元"
    relations = run.dataframe("relations")
    assert len(relations) > 20 and {"file", "rule", "verdict", "reason", "figures"} <= set(relations.columns)
    assert set(relations["verdict"]) >= {"holds", "fails"}
    assert "396.6万元" in [t for figures in relations["figures"] for t in figures]
    files = run.dataframe("files")
    assert files["facts"].sum() == len(facts)
    assert callable(auditor.check) and default_rules()


def test_check_honours_audit_toml_and_explicit_options(tmp_path):
    report = tmp_path / "r.txt"
    report.write_bytes(ERRORS.read_bytes())
    assert {f["rule"] for f in auditor.check(report).findings} == {"CHG004", "RAT002"}
    (tmp_path / "audit.toml").write_text('ignore = ["CHG004"]\nlang = "en"\n', encoding="utf-8")
    run = auditor.check([report])
    assert [f["rule"] for f in run.findings] == ["RAT002"]
    assert run.findings[0]["message"].startswith("The share")  # lang from audit.toml
    assert {f["rule"] for f in auditor.check(report, config=False).findings} == {"CHG004", "RAT002"}
    other = tmp_path / "other.toml"
    other.write_text('select = ["CHG"]\n', encoding="utf-8")
    assert [f["rule"] for f in auditor.check(report, config=other, lang="zh").findings] == ["CHG004"]


def test_parallel_checks_keep_everything_and_unreadable_files_are_listed(tmp_path):
    for n in range(3):
        (tmp_path / f"r{n}.txt").write_bytes(ERRORS.read_bytes())
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.4 broken")
    run = auditor.check(tmp_path, jobs=2)
    assert list(run.errors) == [str(tmp_path / "bad.pdf")]
    assert len(run.results) == 3 and len(run.relations) == 3 * len(auditor.check(ERRORS).relations)
    assert run.dataframe("files")["error"].notna().sum() == 1


def test_errors_are_one_line_and_kinds_are_checked(tmp_path):
    with pytest.raises(auditor.api.InputError, match="no such file or folder"):
        auditor.check(tmp_path / "missing.txt", lang="en")
    with pytest.raises(ValueError, match="one of findings, facts, relations, files"):
        auditor.check(ERRORS).dataframe("figures")
    empty = auditor.check(ERRORS, select=["GRD"]).dataframe("findings")
    assert len(empty) == 0 and "rule" in empty.columns
