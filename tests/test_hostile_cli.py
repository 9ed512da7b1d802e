"""Hostile and broken inputs at the command line (issue 9): configuration, output files, names, batches.

Each test is a reproducer of a defect found on the command line: a planted
audit.toml applied without a word, a CSV cell a spreadsheet runs as a formula,
an output that empties its input or that a later run reads, a traceback after a
long audit, a nested file that exhausts the stack, a worker that dies.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.cli import main

BAD = "年初预算100万元,其中基本支出60万元,项目支出50万元。\n"  # one SUM001 error
GOOD = "年初预算100万元,其中基本支出60万元,项目支出40万元。\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run(*args, cwd: Path | None = None) -> "click.testing.Result":
    if cwd is None:
        return CliRunner().invoke(main, [str(a) for a in args])
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, [str(a) for a in args])
    finally:
        os.chdir(old)


def one_line(result) -> str:
    """The one line a failure prints (no traceback)."""
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("audit: "), result.stderr
    return lines[0]


# ------------------------------------------------------------------ item 2: which configuration


def test_a_configuration_found_above_the_input_is_named_and_isolated_ignores_it(tmp_path):
    config = write(tmp_path / "audit.toml", 'fail-on = "never"\nignore = ["SUM"]\n')
    report = write(tmp_path / "sub" / "r.txt", BAD)
    planted = run(report)
    assert planted.exit_code == 0  # what the planted file asks for …
    assert f"audit: 配置：{config}" in planted.stderr.splitlines()  # … but never silently
    for flag in ("--isolated", "--no-config"):
        alone = run(report, flag)
        assert alone.exit_code == 1 and "SUM001" in alone.stdout
        assert "配置" not in alone.stderr
    english = run(report, "--lang", "en", "--format", "json")
    assert f"audit: configuration: {config}" in english.stderr.splitlines()
    json.loads(english.stdout)  # the note stays off standard output


def test_isolated_applies_to_the_other_commands_and_refuses_config(tmp_path):
    write(tmp_path / "audit.toml", 'lang = "en"\n')
    report = write(tmp_path / "r.txt", BAD)
    assert "configuration" in run("facts", report).stderr
    facts = run("facts", report, "--no-config")
    assert facts.exit_code == 0 and facts.stderr == "" and "年初预算" in facts.stdout
    assert "配置" not in run("explain", "SUM001", "--isolated", cwd=tmp_path).stderr
    refused = run(report, "--isolated", "--config", tmp_path / "audit.toml")
    assert refused.exit_code == 2 and "--config" in one_line(refused)
    assert "--isolated, --no-config" in run("check", "--help").stdout


# ------------------------------------------------------------------ item 3: formulas in CSV


@pytest.mark.parametrize("name", ["=1+2.txt", "+SUM(A1).txt", "-cmd.txt", "@x.txt", "\tx.txt"])
def test_csv_cells_a_spreadsheet_would_run_are_quoted(tmp_path, name):
    write(tmp_path / name, BAD)
    result = run("--format", "csv", "--", name, cwd=tmp_path)
    rows = list(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert rows[1][0] == "'" + name


def test_csv_keeps_plain_negative_numbers_and_quotes_the_rest():
    from auditor.report.csvfmt import safe_cell

    assert safe_cell("-12.5") == "-12.5" and safe_cell("-3") == "-3" and safe_cell(-3) == -3
    assert safe_cell("+12") == "+12"
    for risky in ("=HYPERLINK(\"http://x\")", "-2+3", "+1-1", "@SUM(A1)", "-12.5万元", "\r=1", "\t1"):
        assert safe_cell(risky) == "'" + risky
    assert safe_cell("年初预算") == "年初预算" and safe_cell("") == ""


# ------------------------------------------------------------------ item 9: output files


def test_output_into_a_missing_folder_is_refused_before_the_audit(tmp_path, monkeypatch):
    report = write(tmp_path / "r.txt", BAD)
    from auditor import batch

    def no_audit(*args, **kwargs):
        raise AssertionError("the audit ran although the output cannot be written")

    monkeypatch.setattr(batch, "run", no_audit)
    for option in ("-o", "--write-baseline"):
        result = run(report, option, tmp_path / "nodir" / "out.json")
        assert result.exit_code == 2
        assert one_line(result) == f"audit: {tmp_path / 'nodir' / 'out.json'}：文件夹 {tmp_path / 'nodir'} 不存在"
    english = run(report, "-o", tmp_path / "nodir" / "out.json", "--lang", "en")
    assert "does not exist" in one_line(english)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_disk_is_one_line(tmp_path):
    report = write(tmp_path / "r.txt", BAD)
    for args in (("-o", "/dev/full", "--format", "json"), ("--write-baseline", "/dev/full")):
        done = subprocess.run([sys.executable, "-m", "auditor", str(report), *args], capture_output=True, text=True,
                              timeout=120)
        assert done.returncode == 2
        assert done.stderr.splitlines()[-1] == "audit: /dev/full：无法写入（磁盘空间不足）", done.stderr
        assert "Traceback" not in done.stderr
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "auditor", str(report)], stdout=full, stderr=subprocess.PIPE,
                              text=True, timeout=120)
    assert done.returncode == 2 and done.stderr == "audit: <stdout>：无法写入（磁盘空间不足）\n"


def test_a_failed_write_leaves_the_old_report_whole(tmp_path, monkeypatch):
    report = write(tmp_path / "r.txt", BAD)
    out = write(tmp_path / "out.json", '{"old": true}\n')
    from auditor.report import jsonfmt

    def full_disk(self):
        self.stream.write("[\n  {")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(jsonfmt.JsonReporter, "finish", full_disk)
    result = run(report, "-o", out)
    assert result.exit_code == 2 and one_line(result).endswith("无法写入（磁盘空间不足）")
    assert out.read_text(encoding="utf-8") == '{"old": true}\n'  # not half a report
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json", "r.txt"]  # no temporary file left


def test_a_new_report_is_as_readable_as_any_new_file(tmp_path):
    report = write(tmp_path / "r.txt", BAD)
    old = os.umask(0o022)
    try:
        run(report, "-o", tmp_path / "out.json")
    finally:
        os.umask(old)
    assert (tmp_path / "out.json").stat().st_mode & 0o777 == 0o644


# ------------------------------------------------------------------ item 15: never read or overwrite an input


def test_output_onto_the_input_is_refused_and_the_input_kept(tmp_path):
    report = write(tmp_path / "r.txt", BAD)
    for option in ("-o", "--write-baseline"):
        result = run(report, option, report)
        assert result.exit_code == 2 and "会覆盖正在检查的文件" in one_line(result)
        assert report.read_text(encoding="utf-8") == BAD
    os.link(report, tmp_path / "hard.txt")
    result = run(report, "-o", tmp_path / "hard.txt")  # another name of the same file
    assert result.exit_code == 2 and report.read_text(encoding="utf-8") == BAD
    both = run(report, "-o", tmp_path / "x.json", "--write-baseline", tmp_path / "x.json", "--lang", "en")
    assert both.exit_code == 2 and "are the same file" in one_line(both)


def test_output_onto_a_report_of_the_audited_folder_is_refused(tmp_path):
    folder = tmp_path / "reports"
    write(folder / "a.txt", BAD)
    other = write(folder / "b.txt", GOOD)
    result = run(folder, "-o", other)
    assert result.exit_code == 2 and "会覆盖" in one_line(result)
    assert other.read_text(encoding="utf-8") == GOOD


@pytest.mark.parametrize("name,fmt", [("report.txt", "text"), ("report.html", "html"), ("report.txt", "json"),
                                      ("report.txt", "csv"), ("report.txt", "markdown"), ("report.txt", "sarif"),
                                      ("report.txt", "jsonl"), ("report.txt", "github")])
def test_a_second_run_does_not_read_the_first_ones_output(tmp_path, name, fmt):
    folder = tmp_path / "reports"
    write(folder / "a.txt", BAD)
    write(folder / "b.txt", GOOD)
    first = run(folder, "-o", folder / name, "--format", fmt)
    second = run(folder, "-o", folder / name, "--format", fmt)
    assert first.exit_code == second.exit_code == 1
    assert (folder / name).read_bytes() and second.stderr == first.stderr  # the same two files, no note
    plain = run(folder, "--format", "json")  # another run without -o: the report is skipped, with a note
    assert plain.exit_code == 1 and [f["file"] for f in json.loads(plain.stdout)] == \
        [str(folder / "a.txt"), str(folder / "b.txt")]
    assert one_line(plain) == f"audit: 跳过 {folder / name}：这是 audit 写的报告，不是要检查的报告"
    named = run(folder / name, "--format", "json")  # named on the command line: checked as asked
    assert "跳过" not in named.stderr


def test_an_english_clean_batch_and_an_unreadable_file_are_recognised_too(tmp_path):
    folder = tmp_path / "reports"
    write(folder / "a.txt", GOOD)
    write(folder / "broken.txt", "")
    for lang in ("en", "zh"):
        run(folder, "-o", folder / f"out-{lang}.txt", "--lang", lang)
    from auditor.outfile import is_own_output

    assert is_own_output(folder / "out-en.txt") and is_own_output(folder / "out-zh.txt")
    assert not is_own_output(folder / "a.txt")


def test_no_report_of_the_examples_looks_like_an_output():
    from auditor.outfile import is_own_output

    root = Path(__file__).resolve().parent.parent / "examples"
    files = [p for d in ("seeds", "corpus") for p in (root / d).rglob("*") if p.is_file()]
    assert files and not [p for p in files if is_own_output(p)]


# ------------------------------------------------------------------ item 19: failures of a batch on stderr


def test_every_unreadable_file_of_a_batch_is_one_line_on_stderr(tmp_path):
    folder = tmp_path / "reports"
    write(folder / "a.txt", BAD)
    write(folder / "empty.txt", "")
    (folder / "bin.docx").write_bytes(b"\x00\x01")
    result = run(folder, "-o", tmp_path / "out.json")
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("audit: ")]
    assert len(errors) == 2, result.stderr
    assert errors[0].startswith(f"audit: {folder / 'bin.docx'}：")
    assert errors[1] == f"audit: {folder / 'empty.txt'}：文件是空的"  # in the language of the run (zh by default)


# ------------------------------------------------------------------ item 8: names that are not UTF-8

GBK_NAME = "预算".encode("gbk") + b".txt"  # what a zip made on Windows leaves behind


@pytest.mark.parametrize("fmt", ["json", "jsonl", "sarif", "csv", "text", "markdown", "html", "github"])
def test_a_name_that_is_not_utf8_is_written_safely_by_every_format(tmp_path, fmt):
    folder = tmp_path / "zip"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), GBK_NAME), "wb") as fh:
        fh.write(BAD.encode("utf-8"))
    (folder / "ok.txt").write_text(BAD, encoding="utf-8")
    env = {**os.environ, "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": ""}  # a strict UTF-8 standard output
    out = tmp_path / f"out.{fmt}"
    for args in ((), ("-o", str(out))):
        done = subprocess.run([sys.executable, "-m", "auditor", str(folder), "--format", fmt, *args],
                              capture_output=True, env=env, timeout=120)
        assert done.returncode == 1, done.stderr.decode("utf-8", "replace")
        assert b"Traceback" not in done.stderr
        written = out.read_bytes() if args else done.stdout
        text = written.decode("utf-8")  # valid UTF-8, whatever the name
        # the undecodable bytes, escaped (in a URI too: SARIF names files by URI)
        assert "\\xcb\\xe3.txt" in text.replace("\\\\", "\\").replace("%5C", "\\")
        if fmt in ("json", "sarif"):
            json.loads(text)
        if fmt == "jsonl":
            [json.loads(line) for line in text.splitlines()]


# ------------------------------------------------------------------ item 10: nested 20,000 deep

DEEP_TOML = "x = " + "[" * 20000 + "]" * 20000 + "\n"


def test_a_configuration_nested_20000_deep_is_one_line(tmp_path):
    config = write(tmp_path / "audit.toml", DEEP_TOML)
    report = write(tmp_path / "r.txt", BAD)
    result = run(report)
    assert result.exit_code == 2 and one_line(result) == f"audit: {config}：嵌套层次过深，无法读取"
    result = run("rules", "--config", config, "--lang", "en")
    assert result.exit_code == 2 and one_line(result) == f"audit: {config}: nested too deeply to read"


def test_a_rule_file_nested_20000_deep_is_one_line(tmp_path):
    rule = write(tmp_path / "rules" / "USR001.toml", DEEP_TOML)
    result = run(write(tmp_path / "r.txt", BAD), "--rules", tmp_path / "rules", "--isolated")
    assert result.exit_code == 2 and one_line(result) == f"audit: {rule}：嵌套层次过深，无法读取"


def test_a_baseline_nested_20000_deep_is_one_line(tmp_path):
    report = write(tmp_path / "r.txt", BAD)
    for text in ("[" * 20000 + "]" * 20000,
                 '{"format": "audit-baseline", "version": 1, "findings": ' + "[" * 20000 + "]" * 20000 + "}"):
        baseline = write(tmp_path / "b.json", text)
        result = run(report, "--baseline", baseline, "--lang", "en")
        assert result.exit_code == 2 and one_line(result) == f"audit: {baseline}: nested too deeply to read"


# ------------------------------------------------------------------ item 11: parameters and message templates


def test_a_parameter_of_the_wrong_type_is_refused_when_the_configuration_is_read(tmp_path):
    config = write(tmp_path / "audit.toml", '[params.SUM001]\nmin_parts = "x"\n')
    report = write(tmp_path / "r.txt", BAD)
    result = run(report)  # was: accepted, then every file "internal error while checking"
    assert result.exit_code == 2
    assert one_line(result) == f"audit: {config}:2: SUM001 的参数 `min_parts` 应为非负整数，而不是 'x'"
    write(tmp_path / "audit.toml", '[params.TGT001]\nmeasure = "fast"\n[params.SCO001]\nfull_marks = true\n')
    result = run(report, "--lang", "en")
    assert result.exit_code == 2 and result.stderr.splitlines() == [
        f"audit: {config}:2: parameter measure of TGT001 must be one of completion, excess, not 'fast'",
        f"{config}:4: parameter full_marks of SCO001 must be a number, not True"]
    write(tmp_path / "audit.toml", '[params.SUM001]\nmin_parts = 2\n')
    assert run(report).exit_code == 1  # a good value still works


USER_RULE = Path(__file__).resolve().parent.parent / "rules" / "SUM001.toml"


def user_rule(tmp_path, message: str) -> Path:
    text = USER_RULE.read_text(encoding="utf-8").replace('id = "SUM001"', 'id = "USR001"')
    text = text.replace('name = "', 'name = "usr-', 1)
    lines = [f'zh = "{message}"' if line.startswith("zh = ") else line for line in text.splitlines()]
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    (folder / "USR001.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("message,problem", [
    ("{", "花括号不成对"), ("总额 {stated.x}", "占位符 {stated.x} 只能是一个名称"),
    ("总额 {stated[0]}", "占位符 {stated[0]}"), ("{0}", "占位符 {0}"), ("{stated!r}", "占位符 {stated!r}")])
def test_a_message_template_that_cannot_be_filled_is_refused_when_the_rule_is_read(tmp_path, message, problem):
    folder = user_rule(tmp_path, message)
    for args in (("explain", "USR001", "--rules", folder), (write(tmp_path / "r.txt", BAD), "--rules", folder)):
        result = run(*args, "--isolated")
        assert result.exit_code == 2 and problem in one_line(result), result.stderr
        assert f"{folder / 'USR001.toml'}:" in result.stderr


def test_a_user_rule_with_placeholders_by_name_still_loads(tmp_path):
    folder = user_rule(tmp_path, "{label}不符{partial}：{arithmetic}，{{注}}")
    result = run(write(tmp_path / "r.txt", BAD), "--rules", folder, "--select", "USR", "--isolated")
    assert result.exit_code == 1 and "年初预算不符：60 + 50" in result.stdout and "{注}" in result.stdout


# ------------------------------------------------------------------ item 17: library chatter off standard output


def test_xlrd_warnings_do_not_break_json_on_standard_output(tmp_path):
    import docgen

    sheet = docgen.write_xls(BAD, tmp_path / "r.xls")
    sheet.write_bytes(sheet.read_bytes() + b"\0" * 7)  # not a whole number of sectors: xlrd warns
    for fmt in ("json", "sarif"):
        done = subprocess.run([sys.executable, "-m", "auditor", str(sheet), "--format", fmt], capture_output=True,
                              text=True, timeout=120)
        assert done.returncode == 1, done.stderr
        assert "WARNING" not in done.stdout
        json.loads(done.stdout)


def test_whatever_a_loader_prints_goes_to_stderr(tmp_path, monkeypatch):
    from auditor import batch

    real = batch.load_together

    def chatty(paths, *args, **kwargs):
        print("*** a library talking")
        return real(paths, *args, **kwargs)

    monkeypatch.setattr(batch, "load_together", chatty)
    result = run(write(tmp_path / "r.txt", BAD), "--format", "json")
    assert result.exit_code == 1 and json.loads(result.stdout)["findings"]
    assert "*** a library talking" in result.stderr


# ------------------------------------------------------------------ item 19: Ctrl-C


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_is_one_line_exit_130_and_leaves_no_half_report(tmp_path, jobs):
    import signal
    import time

    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(6000):
        (folder / f"r{n:04}.txt").write_text(BAD, encoding="utf-8")
    out = tmp_path / "out.txt"
    proc = subprocess.Popen([sys.executable, "-m", "auditor", str(folder), "-o", str(out), "--jobs", jobs,
                             "--lang", "en"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    deadline = time.monotonic() + 120
    while not any(p.name.endswith(".part") and p.stat().st_size for p in tmp_path.iterdir()):
        assert proc.poll() is None and time.monotonic() < deadline, "the batch ended before Ctrl-C"
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGINT)  # a terminal sends Ctrl-C to the whole process group
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130 and err == "audit: stopped\n", err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["many"]  # no half-written report, no temporary file


# ------------------------------------------------------------------ item 14: a worker that dies


def test_a_file_that_kills_its_worker_is_an_error_and_the_batch_goes_on(tmp_path):
    from auditor import batch

    folder = tmp_path / "reports"
    names = [f"r{n:02}.txt" for n in range(24)]
    for name in names:
        write(folder / name, BAD)
    env = {**os.environ, batch.DIE_ON: "r05.txt"}  # every worker handed r05.txt dies (tests only)
    done = subprocess.run([sys.executable, "-m", "auditor", str(folder), "--jobs", "2", "--format", "json",
                           "--lang", "en"], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    report = json.loads(done.stdout)
    assert [Path(r["file"]).name for r in report] == names  # every file, in order
    doomed = str(folder / "r05.txt")
    assert [r["file"] for r in report if r.get("error")] == [doomed]
    assert all(r["findings"] for r in report if r["file"] != doomed)  # the others were checked
    assert done.stderr == (f"audit: {doomed}: the process checking this file died "
                           f"(out of memory or a crash in a library)\n")


def test_a_worker_killed_from_outside_loses_no_file(tmp_path):
    import multiprocessing
    import signal

    from auditor import batch

    folder = tmp_path / "reports"
    for n in range(80):
        write(folder / f"r{n:02}.txt", BAD)
    inputs = batch.collect([str(folder)])
    from auditor.check import default_rules

    outcomes, killed = [], False
    for outcome in batch.run(inputs, default_rules(), jobs=2, progress=False):
        outcomes.append(outcome)
        if not killed:
            workers = multiprocessing.active_children()
            assert workers
            os.kill(workers[0].pid, signal.SIGKILL)  # as the kernel kills a process out of memory
            killed = True
    assert [o.path for o in outcomes] == [str(p) for p in inputs]
    assert all(o.error is None and o.result.findings for o in outcomes)
