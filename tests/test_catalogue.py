"""`audit rules`, `audit explain ID`, `audit facts FILE`: what a reviewer reads to trust a finding."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from auditor.check import default_rules
from auditor.check.doubt import alternatives
from auditor.cli import main

RULES = default_rules()


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_rules_lists_every_rule_once_with_name_severity_and_summary():
    result = run("rules", "--lang", "en")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == [r.id for r in RULES]
    for rule, line in zip(RULES, lines):
        assert line.split()[1:3] == [rule.name, rule.severity]
        assert line.endswith(rule.summary_en), "plain output is never truncated"


def test_rules_shows_the_configuration_effect(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "audit.toml").write_text('ignore = ["PLA"]\n[severity]\nDUP001 = "warning"\n', encoding="utf-8")
    lines = {line.split()[0]: line.split() for line in run("rules", "--lang", "en").stdout.splitlines()}
    assert lines["DUP001"][2:4] == ["warning*", "yes"]
    assert lines["PLA001"][3] == "off"
    assert lines["SUM001"][2:4] == ["error", "yes"]


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_explain_shows_relation_source_and_examples_with_the_real_finding(rule):
    result = run("explain", rule.id, "--lang", "en")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith(f"{rule.id}  {rule.name}  [{rule.severity}]")
    assert rule.relation in out
    if rule.source:
        assert rule.source in out
    for example in (*rule.examples.passing, *rule.examples.failing):
        assert example.text.strip().splitlines()[0] in out
    for example in rule.examples.failing:
        assert f"→ cites {example.stated}" in out
    assert out.count("finding: ") >= len(rule.examples.failing)
    assert "✗" not in out


def test_explain_in_chinese_by_default_and_by_name():
    result = run("explain", "repeated-figure")
    assert result.exit_code == 0
    assert "关系" in result.stdout and "检查结果" in result.stdout


def test_explain_an_unknown_rule_is_a_usage_error():
    result = run("explain", "XYZ999")
    assert result.exit_code == 2
    assert result.stderr == "audit: 没有规则 XYZ999；`audit rules` 列出全部规则\n"


REPORT = "2020年支出合计为1709.11万元。基本支出467.35万元，保障了人员工资。\n上年项目支出1214.76万元。\n"


def test_facts_shows_concept_value_unit_period_and_place(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    result = run("facts", report, "--lang", "en")
    assert result.exit_code == 0, result.output
    header, *rows = result.stdout.splitlines()
    assert header.split("\t") == ["place", "text", "concept", "value", "unit", "period", "scenario", "label"]
    by_text = {row.split("\t")[1]: row.split("\t") for row in rows}
    assert by_text["1709.11万元"][:6] == ["1:11", "1709.11万元", "本年支出合计", "17091100", "元", "2020"]
    assert by_text["467.35万元"][2:6] == ["基本支出", "4673500", "元", "2020"]
    assert by_text["1214.76万元"][0] == "2:7"
    assert by_text["1214.76万元"][5] == "2019", "上年 is read as the year before the report's year"


def test_facts_as_json(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    data = json.loads(run("facts", report, "--format", "json").stdout)
    assert data["report_year"] == "2020"
    first = data["facts"][0]
    assert {k: first[k] for k in ("text", "concept", "value", "unit", "written_unit", "period", "line", "column")} == {
        "text": "1709.11万元", "concept": "本年支出合计", "value": 17091100, "unit": "元", "written_unit": "万元",
        "period": "2020", "line": 1, "column": 11}


def test_facts_of_a_missing_file_is_a_usage_error(tmp_path):
    result = run("facts", tmp_path / "nope.txt")
    assert result.exit_code == 2
    assert "文件或文件夹不存在" in result.stderr
    assert "no such file" in run("facts", tmp_path / "nope.txt", "--lang", "en").stderr


@pytest.mark.parametrize("alt_id", sorted(alternatives()))
def test_explain_runs_every_alternative_reading_on_its_examples(alt_id):
    # a reading that explains its example shows it explained; a doubt (ALT008) shows the warning
    out = CliRunner().invoke(main, ["explain", alt_id, "--lang", "en"])
    assert out.exit_code == 0, out.output
    assert "not explained" not in out.stdout
    if alternatives()[alt_id].effect == "warning":
        assert "a warning:" in out.stdout
    else:
        assert "another reading holds:" in out.stdout
