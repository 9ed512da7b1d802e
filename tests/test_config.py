"""audit.toml and [tool.audit]: found upward from the input, rules selected/ignored/re-graded, vocabulary extended."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from auditor import config
from auditor.check import default_rules
from auditor.cli import main

RULES = {r.id: r for r in default_rules()}
GRADE_FAIL = RULES["GRD001"].examples.failing[0].text  # 88.4分 with grade 优
DUP_FAIL = RULES["DUP001"].examples.failing[0].text
SUM_FAIL = RULES["SUM001"].examples.failing[0].text  # an explicit 其中 list: an error


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


# ------------------------------------------------------------------ discovery


def test_audit_toml_is_found_in_a_folder_above_the_input(tmp_path):
    cfg = write(tmp_path / "audit.toml", 'lang = "en"\n')
    report = write(tmp_path / "a" / "b" / "report.txt", "x")
    settings = config.resolve(start=report)
    assert settings.source.path == cfg
    assert settings.lang == "en"


def test_the_nearest_configuration_wins_and_pyproject_needs_a_tool_audit_table(tmp_path):
    write(tmp_path / "audit.toml", 'lang = "en"\n')
    write(tmp_path / "a" / "pyproject.toml", '[project]\nname = "x"\n')  # no [tool.audit]: skipped
    near = write(tmp_path / "a" / "b" / "pyproject.toml", '[tool.audit]\nfail-on = "warning"\n')
    settings = config.resolve(start=tmp_path / "a" / "b" / "report.txt")
    assert settings.source.path == near and settings.fail_on == "warning" and settings.lang == "zh"
    settings = config.resolve(start=tmp_path / "a" / "report.txt")
    assert settings.source.path == tmp_path / "audit.toml"


def test_explicit_options_win_over_the_file(tmp_path):
    write(tmp_path / "audit.toml", 'lang = "en"\nfail-on = "never"\nselect = ["SUM"]\nignore = ["SUM001"]\n')
    settings = config.resolve(lang="zh", fail_on="error", start=tmp_path / "r.txt", select=["RAT,CHG"], ignore=["RAT004"])
    assert (settings.lang, settings.fail_on) == ("zh", "error")
    assert settings.select == ("RAT", "CHG")  # --select replaces
    assert settings.ignore == ("SUM001", "RAT004")  # --ignore adds


def test_config_option_names_a_file_and_a_missing_one_is_an_error(tmp_path):
    cfg = write(tmp_path / "elsewhere.toml", 'ignore = ["PLA"]\n')
    assert config.resolve(config=cfg).ignore == ("PLA",)
    with pytest.raises(config.ConfigError, match="no such configuration file"):
        config.resolve(config=tmp_path / "missing.toml", lang="en")


# ------------------------------------------------------------------ rules


def ids(**settings):
    return {r.id for r in config.rules_for(config.Settings(**settings))}


def test_select_and_ignore_by_id_prefix_and_name():
    every = set(RULES)
    assert ids() == every
    assert ids(ignore=("PLA", "STR001")) == every - {"PLA001", "PLA002", "STR001"}
    assert ids(select=("SUM",)) == {i for i in every if i.startswith("SUM")}
    assert ids(select=("repeated-figure",)) == {"DUP001"}
    # the more specific pattern wins, whichever list it is in
    assert ids(select=("SUM001",), ignore=("SUM",)) == {"SUM001"}
    assert ids(select=("SUM",), ignore=("SUM001",)) == {i for i in every if i.startswith("SUM")} - {"SUM001"}


def test_severity_overrides_by_id_and_prefix_longest_wins():
    rules = {r.id: r for r in config.rules_for(config.Settings(severity={"SUM": "info", "SUM002": "warning"}))}
    assert rules["SUM001"].severity == "info"
    assert rules["SUM002"].severity == "warning"
    assert rules["DUP001"].severity == RULES["DUP001"].severity


def test_severity_override_changes_the_findings_and_the_exit_status(tmp_path):
    report = write(tmp_path / "r.txt", SUM_FAIL)
    assert run(report, "--format", "text").exit_code == 1
    write(tmp_path / "audit.toml", '[severity]\nSUM001 = "warning"\n')
    result = run(report, "--format", "text")
    assert result.exit_code == 0, result.output
    assert "SUM001 warning" in result.stdout


def test_grade_bands_and_params_override_the_rule(tmp_path):
    report = write(tmp_path / "r.txt", GRADE_FAIL)
    assert "GRD001" in run(report, "--format", "text").stdout
    write(tmp_path / "audit.toml", '[grade-bands]\n"优" = 85\n')
    assert "GRD001" not in run(report, "--format", "text").stdout
    write(tmp_path / "audit.toml", '[params.GRD001]\nbands = { "优" = 85, "良" = 80, "中" = 60, "差" = 0 }\n')
    assert "GRD001" not in run(report, "--format", "text").stdout
    rule = next(r for r in config.rules_for(config.resolve(start=report)) if r.id == "GRD001")
    assert rule.params["bands"]["优"] == 85


def test_extra_synonyms_are_merged_into_the_vocabulary(tmp_path):
    # 公用经费 written as 办公经费: unknown until the configuration says so
    text = "本年基本支出246.79万元。人员经费179.17万元。办公经费76.62万元。"
    report = write(tmp_path / "r.txt", text)
    assert "SUM003" not in run(report, "--format", "text").stdout
    write(tmp_path / "audit.toml", '[vocabulary.concepts]\n"公用经费" = ["办公经费"]\n')
    settings = config.resolve(start=report)
    assert config.vocabulary_for(settings).concepts["办公经费"] == "公用经费"
    result = run(report, "--format", "text")
    assert "SUM003" in result.stdout, result.output


def test_lang_from_the_configuration(tmp_path):
    report = write(tmp_path / "r.txt", DUP_FAIL)
    write(tmp_path / "audit.toml", 'lang = "en"\n')
    assert "is stated with another value" in run(report, "--format", "text").stdout
    assert "数值不同" in run(report, "--format", "text", "--lang", "zh").stdout


# ------------------------------------------------------------------ mistakes


def test_configuration_mistakes_name_file_line_and_problem(tmp_path):
    cfg = write(tmp_path / "audit.toml", 'lang = "en"\nignroe = ["PLA"]\n\n[severity]\nDUP001 = "warn"\n')
    with pytest.raises(config.ConfigError) as err:
        config.resolve(config=cfg)
    lines = str(err.value).splitlines()
    assert lines == [f"{cfg}:2: unknown setting 'ignroe' (did you mean 'ignore'?)",
                     f"{cfg}:5: severity of DUP001 must be one of error, warning, info, not 'warn'"]


def test_patterns_that_match_no_rule_are_errors_with_their_line(tmp_path):
    cfg = write(tmp_path / "audit.toml", 'select = ["SUM"]\n\nignore = ["PLX"]\n[severity]\nDUX001 = "warning"\n')
    settings = config.resolve(config=cfg, ignore=["QQQ"], lang="en")
    with pytest.raises(config.ConfigError) as err:
        config.rules_for(settings)
    assert str(err.value).splitlines() == [
        f"{cfg}:3: 'PLX' matches no rule (`audit rules` lists them)",
        "--ignore: 'QQQ' matches no rule (`audit rules` lists them)",
        f"{cfg}:5: 'DUX001' matches no rule",
    ]


def test_mistakes_in_pyproject_point_into_the_tool_audit_table(tmp_path):
    py = write(tmp_path / "pyproject.toml",
               '[project]\nname = "x"\n\n[tool.audit]\nlang = "fr"\n\n[tool.audit.severity]\nSUM001 = "fatal"\n')
    with pytest.raises(config.ConfigError) as err:
        config.resolve(start=tmp_path / "r.txt", lang="en")
    assert str(err.value).splitlines() == [f"{py}:5: lang must be one of zh, en, not 'fr'",
                                           f"{py}:8: severity of SUM001 must be one of error, warning, info, not 'fatal'"]


def test_toml_syntax_error_in_the_configuration(tmp_path):
    cfg = write(tmp_path / "audit.toml", 'lang = "en"\nignore = ["PLA"\n')
    with pytest.raises(config.ConfigError, match=rf"^{cfg}:\d+: not valid TOML: "):
        config.resolve(config=cfg, lang="en")


def test_cli_reports_a_configuration_mistake_in_one_line_with_exit_2(tmp_path):
    report = write(tmp_path / "r.txt", DUP_FAIL)
    write(tmp_path / "audit.toml", 'ignore = ["ZZZ"]\n')
    result = run(report, "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr == f"audit: {tmp_path / 'audit.toml'}:1: 'ZZZ' matches no rule (`audit rules` lists them)\n"
    assert result.stdout == ""


def test_unknown_grade_in_grade_bands(tmp_path):
    cfg = write(tmp_path / "audit.toml", '[grade-bands]\n"优秀" = 85\n')
    with pytest.raises(config.ConfigError, match=r"audit.toml:2: unknown grade '优秀'"):
        config.rules_for(config.resolve(config=cfg, lang="en"))


def test_select_and_ignore_on_the_command_line(tmp_path):
    report = write(tmp_path / "r.txt", f"{GRADE_FAIL}\n{DUP_FAIL}\n")
    both = run(report, "--format", "text").stdout
    assert "GRD001" in both and "DUP001" in both
    only = run(report, "--format", "text", "--select", "GRD,SUM").stdout
    assert "GRD001" in only and "DUP001" not in only
    ignored = run(report, "--format", "text", "--ignore", "repeated-figure").stdout
    assert "GRD001" in ignored and "DUP001" not in ignored
    typo = run(report, "--select", "GRX", "--lang", "en")
    assert typo.exit_code == 2 and typo.stderr == "audit: --select: 'GRX' matches no rule (`audit rules` lists them)\n"
