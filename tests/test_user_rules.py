"""User rule files: same format as the built-in ones, validated with file, line and problem."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.check.kinds import KINDS
from auditor.check.rulebook import RuleFileError, builtin_rule_dir, load_rule_file, load_rules
from auditor.cli import main

GOOD = '''id = "SUM101"
name = "economic-classification"
summary = "本年支出合计 = 按经济分类的各项支出之和"
summary_en = "Total expenditure equals its economic classification"
kind = "identity"
severity = "error"
relation = "本年支出合计 = 工资福利支出 + 商品和服务支出 + 对个人和家庭的补助 + 资本性支出"
params = { family = "经济分类" }

[message]
zh = "本年支出合计与按经济分类的各项支出之和不符：{arithmetic}"
en = "Total expenditure is not the sum of its economic classification: {arithmetic}"

[[examples.pass]]
text = "2022年本年支出合计1000万元，较上年有所增长。工资福利支出600万元，主要是人员工资。商品和服务支出320万元。资本性支出80万元。"

[[examples.fail]]
text = "2022年本年支出合计1000万元，较上年有所增长。工资福利支出600万元，主要是人员工资。商品和服务支出300万元。资本性支出80万元。"
stated = "1000万元"
'''
FAILING_TEXT = GOOD.split('[[examples.fail]]\ntext = "')[1].split('"')[0]


def rule_dir(tmp_path, text, name="SUM101.toml"):
    folder = tmp_path / "my_rules"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def error_of(tmp_path, text) -> str:
    folder = rule_dir(tmp_path, text)
    with pytest.raises(RuleFileError) as err:
        load_rules([folder], known_kinds=set(KINDS), lang="en")
    return str(err.value)


def test_a_user_rule_runs_beside_the_built_in_ones(tmp_path):
    folder = rule_dir(tmp_path, GOOD)
    report = tmp_path / "r.txt"
    report.write_text(FAILING_TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, [str(report), "--rules", str(folder), "--format", "text"])
    assert result.exit_code == 1, result.output
    assert f"{report}:1:12: SUM101 error" in result.stdout
    assert "600 + 300 + 80 = 980万元 ≠ 1,000万元" in result.stdout
    without = CliRunner().invoke(main, [str(report), "--format", "text"])
    assert "SUM101" not in without.stdout


def test_rules_listed_in_audit_toml_are_loaded_relative_to_it(tmp_path):
    rule_dir(tmp_path, GOOD)
    (tmp_path / "audit.toml").write_text('rules = ["my_rules"]\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    report = tmp_path / "sub" / "r.txt"
    report.write_text(FAILING_TEXT, encoding="utf-8")
    assert "SUM101 error" in CliRunner().invoke(main, [str(report), "--format", "text"]).stdout


def test_a_user_rule_with_a_built_in_id_replaces_it(tmp_path):
    text = (builtin_rule_dir() / "DUP001.toml").read_text(encoding="utf-8").replace(
        'severity = "error"', 'severity = "info"')
    folder = rule_dir(tmp_path, text, "DUP001.toml")
    rules = {r.id: r for r in load_rules([folder], known_kinds=set(KINDS))}
    assert rules["DUP001"].severity == "info" and rules["DUP001"].path.startswith(str(folder))


@pytest.mark.parametrize("edit,line,problem", [
    (('kind = "identity"', 'kind = "identiy"'), 5,
     "unknown kind 'identiy' (did you mean 'identity'?); known kinds: average, balance, bounded"),
    (('severity = "error"', 'severity = "eror"'), 6, "severity 'eror' is not one of error, warning, info"),
    (('summary_en =', 'sumary_en ='), 4, "unknown key 'sumary_en' (did you mean 'summary_en'?)"),
    (('id = "SUM101"', 'id = "sum7"'), 1, "id 'sum7' must be 2-4 capital letters and 3 digits, e.g. 'SUM101'"),
    (('stated = "1000万元"', 'stated = "1001万元"'), 19, "stated '1001万元' does not occur in the example's text"),
    (('stated = "1000万元"', 'note = "no figure named"'), 17,
     "a failing example needs `stated`: the figure its finding must cite"),
    (('relation = ', 'relation = \n'), 7, "not valid TOML: Invalid value (column 12)"),
    (('[message]\nzh = "本年支出合计与按经济分类的各项支出之和不符：{arithmetic}"\n', '[message]\n'), 10,
     "message: message needs a 'zh' entry (and may have 'en')"),
])
def test_a_typo_is_reported_with_file_line_and_problem(tmp_path, edit, line, problem):
    old, new = edit
    assert old in GOOD
    message = error_of(tmp_path, GOOD.replace(old, new, 1))
    assert message.startswith(f"{tmp_path / 'my_rules' / 'SUM101.toml'}:{line}: ")
    assert problem in message, message


def test_missing_examples_are_reported(tmp_path):
    without_examples = GOOD.split("[[examples.pass]]")[0]
    message = error_of(tmp_path, without_examples)
    assert message == (f"{tmp_path / 'my_rules' / 'SUM101.toml'}:1: missing the examples: every rule needs at least "
                       "one [[examples.pass]] and one [[examples.fail]] (they are its tests and its documentation)")
    no_fail = GOOD.split("[[examples.fail]]")[0]
    assert "missing [[examples.fail]]" in error_of(tmp_path, no_fail)


def test_every_problem_of_a_file_is_reported_in_line_order(tmp_path):
    text = GOOD.replace('severity = "error"', 'severity = "eror"').replace('kind = "identity"', 'kind = "identiy"')
    lines = error_of(tmp_path, text).splitlines()
    assert [int(line.split(":")[1]) for line in lines] == [5, 6]


def test_an_unknown_family_is_reported_at_its_line(tmp_path):
    folder = rule_dir(tmp_path, GOOD.replace('family = "经济分类"', 'family = "经济分内"'))
    report = tmp_path / "r.txt"
    report.write_text(FAILING_TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, [str(report), "--rules", str(folder), "--lang", "en"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"audit: {folder / 'SUM101.toml'}:8: params.family: no family '经济分内' in the "
                                    "vocabulary (did you mean '经济分类'?)")


def test_two_files_of_one_folder_with_one_id(tmp_path):
    rule_dir(tmp_path, GOOD, "a.toml")
    folder = rule_dir(tmp_path, GOOD, "b.toml")
    with pytest.raises(RuleFileError, match=r"b.toml:1: rule id SUM101 is already used by .*a.toml"):
        load_rules([folder], known_kinds=set(KINDS), lang="en")


def test_a_missing_rule_folder(tmp_path):
    with pytest.raises(RuleFileError, match="rule folder not found"):
        load_rules([tmp_path / "nope"], lang="en")


def test_the_built_in_rule_files_load_without_a_problem():
    for path in sorted(builtin_rule_dir().glob("[A-Z]*.toml")):
        load_rule_file(path, set(KINDS))


def test_the_real_command_exits_2_with_one_line_per_problem(tmp_path):
    """The installed `audit` command, in a subprocess: no traceback, file:line: problem, exit 2."""
    folder = rule_dir(tmp_path, GOOD.replace('severity = "error"', 'severity = "eror"'))
    report = tmp_path / "r.txt"
    report.write_text(FAILING_TEXT, encoding="utf-8")
    exe = shutil.which("audit", path=str(Path(sys.executable).parent)) or shutil.which("audit")
    command = [exe] if exe else [sys.executable, "-m", "auditor"]
    proc = subprocess.run([*command, str(report), "--rules", str(folder), "--lang", "en"], capture_output=True, text=True,
                          timeout=60, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr == f"audit: {folder / 'SUM101.toml'}:6: severity 'eror' is not one of error, warning, info\n"


def test_explain_runs_a_user_rule_s_examples_and_fails_when_they_misbehave(tmp_path):
    folder = rule_dir(tmp_path, GOOD)
    ok = CliRunner().invoke(main, ["explain", "SUM101", "--rules", str(folder), "--lang", "en"])
    assert ok.exit_code == 0, ok.output
    assert "finding: error 1:12 Total expenditure is not the sum" in ok.stdout
    # a passing example that in fact fails: the page says so and the exit status is 1
    broken = GOOD.replace("商品和服务支出320万元", "商品和服务支出330万元")
    folder = rule_dir(tmp_path, broken)
    bad = CliRunner().invoke(main, ["explain", "SUM101", "--rules", str(folder), "--lang", "en"])
    assert bad.exit_code == 1
    assert "✗ this example should pass but gives a finding" in bad.stdout


def test_a_well_formed_file_reads_as_the_schema_reads_it():
    """A plainly well-formed rule file is read without pydantic; the rule is the one the schema gives."""
    import tomllib

    from auditor.check import ruleschema
    from auditor.check.rulebook import _plain_rule, _validated_rule

    for path in sorted(builtin_rule_dir().glob("[A-Z]*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        plain = _plain_rule(data, str(path))
        assert plain is not None, path
        assert plain == _validated_rule(ruleschema.RuleFile.model_validate({**data, "path": str(path)})), path


@pytest.mark.parametrize("edit,problem", [
    (('summary = "', 'summary = 7\nx = "'), "summary must be a text, not 7"),
    (('kind = "identity"', 'kind = ["identity"]'), "kind must be a text, not ['identity']"),
    (('[message]\nzh', '[message]\nde = 1\nzh'), "message.de must be a text, not 1"),
    (('[[examples.pass]]\ntext', '[[examples.pass]]\nstated = 3\ntext'), "examples.pass.0.stated must be a text, not 3"),
    (('[[examples.fail]]', '[examples.bad]\n[[examples.fail]]'), "unknown key 'examples.bad'"),
    # digits the schema's \\d takes and the plain reading does not: the schema accepts the rule
    (('id = "SUM101"', 'id = "SUM\uff11\uff10\uff11"'), None),
])
def test_a_file_not_plainly_well_formed_goes_to_the_schema(tmp_path, edit, problem):
    import tomllib

    from auditor.check.rulebook import _plain_rule

    old, new = edit
    assert old in GOOD
    text = GOOD.replace(old, new, 1)
    assert _plain_rule(tomllib.loads(text), "x.toml") is None
    if problem is None:
        assert load_rule_file(rule_dir(tmp_path, text) / "SUM101.toml", set(KINDS)).id == "SUM\uff11\uff10\uff11"
    else:
        assert problem in error_of(tmp_path, text)
