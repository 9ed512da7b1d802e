"""What one `audit REPORT` start loads: only what the input and the format need.

A start of the command is a fixed cost on every file a user or an editor
checks; libraries that this input or this format does not use must not be
imported (speed is measured by benchmarks/cli_startup.py, not here).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

# run the command in a fresh interpreter and list the top-level modules it imported
_PROBE = """
import json, runpy, sys
sys.argv = ["audit", *sys.argv[1:]]
try:
    runpy.run_module("auditor", run_name="__main__")
except SystemExit:
    pass
sys.stderr.write("\\nMODULES " + json.dumps(sorted({m.split(".")[0] for m in sys.modules})) + "\\n")
"""

# pydantic validates rule and configuration files only when one is not plainly well formed;
# the other libraries read other input formats or write other output formats
NOT_FOR_A_TEXT_REPORT = {"pydantic", "pydantic_core", "rich", "docx", "pypdfium2", "openpyxl", "xlrd", "lxml",
                         "bs4", "olefile"}


def imported(*args: str) -> set[str]:
    done = subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, timeout=120)
    marker = done.stderr.rindex("MODULES ")
    return set(json.loads(done.stderr[marker + len("MODULES "):]))


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_checking_a_text_report_imports_no_library_it_does_not_use(tmp_path, fmt):
    report = tmp_path / "r.txt"
    report.write_text("2022年本年支出合计1000万元，其中：工资福利支出600万元，商品和服务支出300万元。", encoding="utf-8")
    modules = imported(str(report), "--format", fmt, "--isolated")
    assert "auditor" in modules and "lark" in modules
    assert modules.isdisjoint(NOT_FOR_A_TEXT_REPORT), modules & NOT_FOR_A_TEXT_REPORT


def test_a_configuration_file_is_still_validated_by_its_schema(tmp_path):
    (tmp_path / "audit.toml").write_text('fail-on = "sometimes"\n', encoding="utf-8")
    report = tmp_path / "r.txt"
    report.write_text("预算100万元。", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "auditor", str(report)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.startswith(f"audit: {tmp_path / 'audit.toml'}:1: `fail-on` 应为 `error`、`warning`、`info`、`never` 之一")
