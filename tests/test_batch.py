"""Folders, many files, attachments: `audit DIR`, --glob, --jobs, --with, the summary, exit codes.

In-process (click's CliRunner) and through the real command in a subprocess,
including one under a pseudo-terminal for the progress bar.
"""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import docgen
from auditor import batch
from auditor.check import default_rules
from auditor.cli import main

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds"
ERRORS_TXT = (SEEDS / "004_9b6aaad42b3395ab.txt").read_text(encoding="utf-8")  # 1 error, 1 warning
ONE_ERROR_TXT = (SEEDS / "001_73dc0bc18e462815.txt").read_text(encoding="utf-8")  # 1 error
WARNING_TXT = (SEEDS / "000_1c2316021723f4dd.txt").read_text(encoding="utf-8")  # 1 warning
CLEAN_TXT = "2023年部门预算收入500万元，其中财政拨款收入500万元。\n"
SCORES = "一级指标 | 指标分值 | 评价得分\n投入 | 50 | 48.4\n过程 | 50 | 50\n合计 | 100 | 98.4\n"


def run_cli(*args: str):
    return CliRunner().invoke(main, list(args))


def audit_subprocess(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "auditor", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=120, env={**os.environ, "COLUMNS": "200"})


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """A department's folder: reports in every format, a bad file, and files to skip."""
    root = tmp_path_factory.mktemp("county")
    docgen.write_pdf(ERRORS_TXT, root / "a_errors.pdf")
    docgen.write_docx(ONE_ERROR_TXT, root / "b_one_error.docx")
    (root / "c_clean.txt").write_text(CLEAN_TXT, encoding="gb18030")
    (root / "d_broken.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    sub = root / "2023"
    sub.mkdir()
    docgen.write_html(WARNING_TXT, sub / "e_warning.html")
    docgen.write_xlsx(SCORES, sub / "f_scores.xlsx")
    (root / "notes.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (root / ".hidden.txt").write_text(CLEAN_TXT, encoding="utf-8")
    (root / "~$b_one_error.docx").write_bytes(b"lock")
    return root


# ------------------------------------------------------------------ which files


def test_folder_walk_takes_recognised_reports_only(folder):
    names = [p.relative_to(folder).as_posix() for p in batch.collect([str(folder)])]
    assert names == ["a_errors.pdf", "b_one_error.docx", "c_clean.txt", "d_broken.pdf",
                     "2023/e_warning.html", "2023/f_scores.xlsx"]


def test_glob_narrows_a_folder(folder):
    assert [p.name for p in batch.collect([str(folder)], globs=["*.pdf"])] == ["a_errors.pdf", "d_broken.pdf"]
    assert [p.name for p in batch.collect([str(folder)], globs=["2023/*"])] == ["e_warning.html", "f_scores.xlsx"]
    with pytest.raises(batch.InputError, match=r"no reports in this folder matching \*\.xls"):
        batch.collect([str(folder)], globs=["*.xls"], lang="en")


def test_same_file_twice_is_checked_once(folder):
    one = str(folder / "c_clean.txt")
    assert len(batch.collect([one, str(folder / ".." / folder.name / "c_clean.txt")])) == 1


def test_attachments_need_exactly_one_report(folder):
    group = batch.collect([str(folder / "b_one_error.docx")], attachments=[str(folder / "2023" / "f_scores.xlsx")])
    assert len(group) == 1 and isinstance(group[0], batch.Together) and len(group[0]) == 2
    with pytest.raises(batch.InputError, match="one report"):
        batch.collect([str(folder / "c_clean.txt"), str(folder / "a_errors.pdf")], attachments=[str(folder / "x")],
                      lang="en")
    together = batch.collect([str(folder / "c_clean.txt"), str(folder / "a_errors.pdf")], together=True)
    assert len(together) == 1 and len(together[0]) == 2


# ------------------------------------------------------------------ running


def test_parallel_run_keeps_input_order_and_survives_a_bad_file(folder):
    inputs = batch.collect([str(folder)])
    rules = default_rules()
    serial = list(batch.run(inputs, rules, jobs=1, progress=False, lang="en"))
    parallel = list(batch.run(inputs, rules, jobs=2, progress=False, lang="en"))
    assert [o.path for o in parallel] == [str(p) for p in inputs] == [o.path for o in serial]
    for one, other in zip(serial, parallel):
        assert one.error == other.error
        if one.result is not None:
            assert [(f.rule, f.stated) for f in one.result.findings] == \
                   [(f.rule, f.stated) for f in other.result.findings]
    broken = [o for o in parallel if o.error]
    assert len(broken) == 1 and broken[0].path.endswith("d_broken.pdf") and "damaged PDF" in broken[0].error
    assert sum(len(o.result.findings) for o in parallel if o.result) >= 4


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the patch reaches the workers through fork")
def test_a_crashing_worker_does_not_stop_the_batch(tmp_path, monkeypatch):
    for n in range(4):
        (tmp_path / f"r{n}.txt").write_text(ONE_ERROR_TXT if n == 2 else CLEAN_TXT, encoding="utf-8")
    real = batch.audit_one

    def crash_on_r2(item, rules, vocab, **options):
        if Path(str(item)).name == "r2.txt":
            (tmp_path / "crashed").touch()
            os._exit(3)  # a library dying in native code, say
        return real(item, rules, vocab, **options)

    monkeypatch.setattr(batch, "audit_one", crash_on_r2)  # forked workers inherit it; the new pool does not
    inputs = batch.collect([str(tmp_path)])
    outcomes = list(batch.run(inputs, default_rules(), jobs=2, progress=False))
    assert [Path(o.path).name for o in outcomes] == ["r0.txt", "r1.txt", "r2.txt", "r3.txt"]
    assert (tmp_path / "crashed").exists()  # a worker did die
    assert all(o.error is None for o in outcomes)  # every file had its second chance in a fresh pool
    assert outcomes[2].result.findings


def test_summary_is_sorted_worst_first(folder):
    class Collect:
        def __init__(self):
            self.files, self.rows = [], None

        def start(self):
            pass

        def file(self, result):
            self.files.append(result.path)

        def failed(self, path, message):
            self.files.append(path)

        def summary(self, rows, totals=None):
            self.rows = rows

        def finish(self):
            pass

    inner = Collect()
    reporter = batch.summarising(inner, 6)
    reporter.start()
    for outcome in batch.run(batch.collect([str(folder)]), default_rules(), jobs=2, progress=False):
        if outcome.error:
            reporter.failed(outcome.path, outcome.error)
        else:
            reporter.file(outcome.result)
    reporter.finish()
    order = [Path(r.path).name for r in inner.rows]
    assert order[0] == "d_broken.pdf" and inner.rows[0].failure
    assert order[1:3] == ["a_errors.pdf", "b_one_error.docx"]
    assert inner.rows[1].errors == 1 and inner.rows[1].worst_rule
    assert order[3] == "e_warning.html" and inner.rows[3].warnings == 1 and inner.rows[3].errors == 0
    assert set(order[4:]) == {"c_clean.txt", "f_scores.xlsx"}


def test_no_summary_for_a_single_file(tmp_path):
    path = tmp_path / "one.txt"
    path.write_text(ERRORS_TXT, encoding="utf-8")
    result = run_cli(str(path), "--format", "text", "--lang", "en")
    assert result.exit_code == 1 and not any(line.startswith("summary:") for line in result.output.splitlines())


# ------------------------------------------------------------------ the command, in process


def test_folder_in_text_format_ends_with_a_plain_summary(folder):
    result = run_cli(str(folder), "--format", "text", "--lang", "en", "--jobs", "2")
    assert result.exit_code == 2  # a file could not be read: the worst result
    lines = result.output.splitlines()
    start = lines.index("summary: 6 files")
    summary = lines[start + 1:]
    assert "d_broken.pdf: unreadable: damaged PDF" in summary[0]
    assert "a_errors.pdf: 1 error, 1 warning" in summary[1]
    assert "Traceback" not in result.output
    # findings of a PDF say on which page they are
    assert any("a_errors.pdf:page " in line for line in lines[:start])


def test_exit_codes_follow_the_worst_result(folder, tmp_path):
    assert run_cli(str(folder / "c_clean.txt"), "--format", "text").exit_code == 0
    assert run_cli(str(folder / "a_errors.pdf"), "--format", "text").exit_code == 1
    assert run_cli(str(folder / "a_errors.pdf"), "--format", "text", "--fail-on", "never").exit_code == 0
    assert run_cli(str(folder / "2023" / "e_warning.html"), "--format", "text").exit_code == 0
    assert run_cli(str(folder / "2023" / "e_warning.html"), "--format", "text", "--fail-on", "warning").exit_code == 1
    both = run_cli(str(folder / "c_clean.txt"), str(folder / "a_errors.pdf"), "--format", "text")
    assert both.exit_code == 1


def test_json_adds_locations_beside_the_contract(folder):
    result = run_cli(str(folder / "a_errors.pdf"), str(folder / "d_broken.pdf"), "--format", "json")
    data = json.loads(result.stdout)
    assert result.exit_code == 2 and len(data) == 2
    report, broken = data
    assert broken["error"].startswith(str(folder / "d_broken.pdf")) and broken["findings"] == []
    finding = report["findings"][0]
    assert {"rule", "severity", "message", "line", "column", "start", "end", "stated", "expected",
            "evidence"} <= set(finding)
    assert set(finding["location"]) == {"page"} and finding["location"]["page"] >= 1
    assert all("page" in e["location"] for e in finding["evidence"])
    assert all("page" in fact["location"] for fact in report["facts"])


def test_rich_report_shows_places_and_the_summary_table(folder):
    result = run_cli(str(folder / "b_one_error.docx"), str(folder / "2023" / "f_scores.xlsx"),
                     "--format", "rich", "--lang", "en", "--no-color")
    assert result.exit_code == 1
    assert "¶ " in result.output  # a Word paragraph
    assert "Summary: 2 files, worst first" in result.output


def test_attachment_score_table_is_checked_against_the_report(tmp_path):
    report = docgen.write_docx("自评报告\n综上所述，部门整体支出自评得分为96.4分。", tmp_path / "report.docx")
    sheet = docgen.write_xlsx(SCORES, tmp_path / "评分表.xlsx", sheet="评分表")
    alone = run_cli(str(report), "--format", "json")
    assert alone.exit_code == 0
    result = run_cli(str(report), "--with", str(sheet), "--format", "json")
    data = json.loads(result.output)
    assert result.exit_code == 1
    finding = next(f for f in data["findings"] if f["rule"] == "SCO004")
    assert finding["location"] == {"file": "report.docx", "paragraph": 2}
    places = {e["location"].get("file") for e in finding["evidence"]}
    assert places == {"report.docx", "评分表.xlsx"}


# ------------------------------------------------------------------ the real command, in a subprocess


def test_single_bad_files_give_one_line_and_status_2(tmp_path):
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = docgen.write_docx("本年支出100万元。", tmp_path / "plain.docx")
    with open(plain, "rb") as f, open(tmp_path / "locked.docx", "wb") as out:
        OOXMLFile(f).encrypt("secret", out)
    (tmp_path / "corrupt.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<>> garbage")
    (tmp_path / "empty.xlsx").write_bytes(b"")
    (tmp_path / "mislabelled.xls").write_text("只是一段文字", encoding="utf-8")
    (tmp_path / "binary.html").write_bytes(bytes(range(256)) * 8)
    docgen.write_pdf("本年支出100万元。", tmp_path / "locked.pdf", encrypt="secret")
    names = ["locked.docx", "corrupt.pdf", "empty.xlsx", "mislabelled.xls", "binary.html", "locked.pdf"]
    procs = [subprocess.Popen([sys.executable, "-m", "auditor", name], cwd=tmp_path, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for name in names]
    for name, proc in zip(names, procs):
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 2, (name, err)
        assert out == "" and "Traceback" not in err
        lines = err.splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"audit: {name}："), (name, err)  # in Chinese by default


def test_batch_in_a_subprocess_without_a_terminal(folder):
    done = audit_subprocess(str(folder), "--format", "text", "--lang", "en", "--jobs", "2")
    assert done.returncode == 2
    # no progress bar without a terminal; the unreadable file is named on stderr too
    assert done.stderr == f"audit: {folder / 'd_broken.pdf'}: damaged PDF (data format error)\n"
    lines = done.stdout.splitlines()
    body = lines[: lines.index("summary: 6 files")]
    first = [next(n for n, line in enumerate(body) if line.startswith(f"{p}:")) for p in batch.collect([str(folder)])]
    assert first == sorted(first)  # every file reported, in input order, though checked in parallel


def test_progress_bar_on_a_terminal(folder):
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "auditor", str(folder), "--glob", "*.txt", "--glob", "2023/*",
                             "--format", "text", "--jobs", "2"],
                            stdin=slave, stdout=slave, stderr=slave, close_fds=True)
    os.close(slave)
    output = b""
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    proc.wait(timeout=60)
    os.close(master)
    text = output.decode("utf-8", "replace")
    assert proc.returncode == 0
    assert "检查中" in text and "━" in text  # the bar was drawn, labelled in the language of the run
    assert "汇总: 3 个文件" in text
