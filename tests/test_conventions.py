"""Conventions users expect of a command-line tool (issue 12, item 6), and a batch you can read (item 2)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "seeds"
ERRORS = SEEDS / "004_9b6aaad42b3395ab.txt"  # 1 error, 1 warning
WARNING = SEEDS / "000_1c2316021723f4dd.txt"  # 1 warning
CLEAN = "2023年部门预算收入500万元，其中财政拨款收入500万元。\n"


def run(*args, **kwargs):
    return CliRunner().invoke(main, [str(a) for a in args], **kwargs)


def audit(*args, stdin: bytes | None = None, env: dict | None = None, cwd: Path | None = None):
    return subprocess.run([sys.executable, "-m", "auditor", *map(str, args)], input=stdin, capture_output=True,
                          timeout=120, cwd=cwd, env={**os.environ, "COLUMNS": "200", **(env or {})})


@pytest.fixture()
def folder(tmp_path):
    (tmp_path / "a_clean.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "b_warning.txt").write_bytes(WARNING.read_bytes())
    (tmp_path / "c_errors.txt").write_bytes(ERRORS.read_bytes())
    (tmp_path / "d_clean.txt").write_text(CLEAN, encoding="utf-8")
    return tmp_path


# ------------------------------------------------------------------ item 6


def test_a_dash_reads_the_report_from_standard_input():
    proc = audit("-", "--format", "json", stdin=ERRORS.read_bytes())
    assert proc.returncode == 1, proc.stderr
    data = json.loads(proc.stdout)
    assert data["file"] == "<stdin>" and {f["rule"] for f in data["findings"]} == {"CHG004", "RAT002"}
    gb = audit("-", "--format", "text", stdin=ERRORS.read_text(encoding="utf-8").encode("gb18030"))
    assert gb.returncode == 1 and b"<stdin>:41:46: CHG004" in gb.stdout


@pytest.mark.parametrize("suffix,check", [
    (".html", lambda text: text.startswith("<!DOCTYPE html>")),
    (".json", lambda text: json.loads(text)["findings"]),
    (".sarif", lambda text: json.loads(text)["version"] == "2.1.0"),
    (".csv", lambda text: text.startswith("\ufefffile,line,column,place,rule")),
    (".md", lambda text: text.startswith("### ")),
])
def test_the_output_files_extension_picks_the_format(tmp_path, suffix, check):
    out = tmp_path / f"report{suffix}"
    result = run(ERRORS, "-o", out)
    assert result.exit_code == 1 and result.stdout == ""
    assert check(out.read_text(encoding="utf-8"))
    # a report written to a file still tells the terminal how it went
    assert f"1 个错误" in result.stderr and f"报告已写入 {out}" in result.stderr
    explicit = run(ERRORS, "-o", out, "--format", "text")
    assert out.read_text(encoding="utf-8").startswith(f"{ERRORS}:41:46: CHG004"), explicit.stderr


def test_no_color_is_honoured_unless_colour_is_forced():
    coloured = audit(ERRORS, "--format", "rich", "--color", env={"NO_COLOR": ""})
    assert b"\x1b[" in coloured.stdout
    plain = audit(ERRORS, "--format", "rich", env={"NO_COLOR": "1", "FORCE_COLOR": "", "TERM": "xterm"})
    assert b"\x1b[" not in plain.stdout and b"CHG004" in plain.stdout
    forced = audit(ERRORS, "--format", "rich", "--color", env={"NO_COLOR": "1"})
    assert b"\x1b[" in forced.stdout, "--color is the user's explicit wish"
    from auditor.report.rich import RichReporter
    import io

    reporter = RichReporter(io.StringIO(), color=None)
    os.environ["NO_COLOR"] = "1"
    try:
        reporter.start()
        assert reporter.console.no_color, "no explicit choice: NO_COLOR wins"
    finally:
        del os.environ["NO_COLOR"]


def test_github_annotations():
    result = run(ERRORS, "--format", "github")
    lines = result.stdout.splitlines()
    assert len(lines) == 2 and result.exit_code == 1
    m = re.fullmatch(r"::error file=([^,]+),line=(\d+),col=(\d+),endColumn=(\d+),title=CHG004 [^:]+::(.*)", lines[0])
    assert m and m.group(1) == str(ERRORS) and (m.group(2), m.group(3)) == ("41", "46")
    assert int(m.group(4)) - int(m.group(3)) == len("396.6万元")
    assert "%25" in lines[1] and "%" not in lines[1].replace("%25", "")  # the data is escaped


def test_pre_commit_hook_runs_audit_on_reports():
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    fields = dict(re.findall(r"^\s*-?\s*(id|entry|language|files):\s*(.+)$", hooks, re.M))
    assert fields["id"] == "audit" and fields["language"] == "python"
    assert fields["entry"].split()[0] == "audit"
    files = re.compile(fields["files"])
    assert all(files.search(name) for name in ("a.docx", "b.pdf", "c.xlsx", "d.txt", "e.html", "f.xls"))
    assert not files.search("setup.py")


def test_shell_completion_is_documented_and_works():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "_AUDIT_COMPLETE=bash_source audit" in readme and "_AUDIT_COMPLETE=zsh_source" in readme
    script = audit(env={"_AUDIT_COMPLETE": "bash_source"})
    assert script.returncode == 0 and b"_audit_completion()" in script.stdout


def test_explain_suggests_the_nearest_rule():
    result = run("explain", "SUM01")
    assert result.exit_code == 2 and result.stderr == "audit: 没有规则 SUM01；是不是 SUM001？（`audit rules` 列出全部规则）\n"
    assert "did you mean RAT001?" in run("explain", "rat01", "--lang", "en").stderr


def test_facts_of_a_folder_with_attachments_as_csv(tmp_path, folder):
    import docgen

    out = tmp_path / "figures.csv"
    result = run("facts", folder, "-o", out)
    assert result.exit_code == 0, result.output
    rows = out.read_text(encoding="utf-8").lstrip("\ufeff").splitlines()
    assert rows[0].startswith("file,place,line,column,text,kind,concept,value,unit")
    assert {row.split(",")[0] for row in rows[1:]} == {str(folder / n) for n in
                                                      ("a_clean.txt", "b_warning.txt", "c_errors.txt", "d_clean.txt")}
    report = docgen.write_docx("综上所述，部门整体支出自评得分为96.4分。", tmp_path / "r.docx")
    sheet = docgen.write_xlsx("一级指标 | 指标分值 | 评价得分\n投入 | 50 | 48.4\n合计 | 100 | 98.4\n",
                              tmp_path / "评分表.xlsx", sheet="评分表")
    both = run("facts", report, "--with", sheet, "--format", "json")
    data = json.loads(both.stdout)
    assert {f["text"] for f in data["facts"]} >= {"96.4分", "48.4", "98.4"}
    assert any(f["place"].startswith("评分表.xlsx 评分表!C") for f in data["facts"])


@pytest.mark.parametrize("args", [["--bogus"], ["--format", "yaml"], ["--jobs", "0"], []])
def test_usage_errors_are_one_line(args):
    proc = audit(*(args or ["check"]), *([ERRORS] if args else []))
    assert proc.returncode == 2
    err = proc.stderr.decode()
    assert err.count("\n") == 1 and err.startswith("audit: ") and "--help" in err, err
    assert proc.stdout == b""


def test_a_baseline_that_accepts_everything_says_no_new_findings(tmp_path):
    accepted = tmp_path / "accepted.json"
    assert run(ERRORS, "--write-baseline", accepted).exit_code == 0
    result = run(ERRORS, "--baseline", accepted, "--format", "text", "--lang", "en")
    assert result.exit_code == 0
    assert f"audit: no new findings (the baseline {accepted} accepts all 2)" in result.stderr


def test_the_readme_test_command_prints_the_summary_line():
    import tomllib

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = re.search(r"^```sh\n[^\n]*\n([^\n]*)\n", readme, re.M).group(1)
    quiet = command.count("-q") + str(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"]
                                      ["ini_options"].get("addopts", "")).count("-q")
    assert quiet <= 1, "-q twice hides pytest's summary line"


# ------------------------------------------------------------------ item 2


def test_a_batch_ends_with_the_grand_total_worst_first(folder):
    result = run(folder, "--format", "text", "--jobs", "1")
    lines = result.stdout.splitlines()
    assert lines[-1] == "共 1 个错误、2 个警告，涉及 2 / 4 个文件；" + lines[-1].split("；")[1]
    assert re.fullmatch(r"读取 \d+ 个数字，核对 \d+ 个关系", lines[-1].split("；")[1])
    summary = lines[lines.index("汇总: 4 个文件") + 1:-1]
    assert [line.split(":")[0].strip() for line in summary] == \
           [str(folder / n) for n in ("c_errors.txt", "b_warning.txt", "a_clean.txt", "d_clean.txt")]
    english = run(folder, "--format", "text", "--lang", "en").stdout.splitlines()[-1]
    assert re.fullmatch(r"1 error, 2 warnings in 2 of 4 files; \d+ figures read, \d+ relations checked", english)


def test_quiet_lists_only_files_with_findings(folder):
    result = run(folder, "--format", "text", "--quiet")
    out = result.stdout
    assert "a_clean.txt" not in out and "d_clean.txt" not in out
    assert f"{folder / 'c_errors.txt'}:41:46: CHG004" in out and "b_warning.txt" in out
    assert "（另有 2 个文件未发现矛盾，未列出）" in out
    assert "涉及 2 / 4 个文件" in out.splitlines()[-1], "the total counts every file"
    rich = run(folder, "--format", "rich", "-q", "--no-color").stdout
    assert "a_clean.txt" not in rich and "涉及 2 / 4 个文件" in rich


def test_rich_lists_the_worst_file_first(folder):
    out = run(folder, "--format", "rich", "--no-color", "--jobs", "2").stdout
    first = {n: out.index(str(folder / n)) for n in ("a_clean.txt", "b_warning.txt", "c_errors.txt")}
    assert first["c_errors.txt"] < first["b_warning.txt"] < first["a_clean.txt"]


def test_summary_with_output_file(folder, tmp_path):
    out = tmp_path / "all.html"
    result = run(folder, "-o", out)
    assert result.exit_code == 1 and result.stdout == ""
    assert "共 1 个错误、2 个警告，涉及 2 / 4 个文件" in result.stderr
    page = out.read_text(encoding="utf-8")
    assert 'id="index"' in page and "共 1 个错误" in page
    rows = re.findall(r'<tr class="([^"]+)" data-path="([^"]+)"', page)
    assert [Path(p).name for _, p in rows] == ["c_errors.txt", "b_warning.txt", "a_clean.txt", "d_clean.txt"]
    assert [k for k, _ in rows] == ["sev-error", "sev-warning", "clean", "clean"]
    assert "@media print" in page
