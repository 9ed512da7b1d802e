"""Run the real `audit` command in a fresh process with a probe installed first, and read
back what the probe counted: how the start-up caches are tested (a first start fills
them, a second start must not do the costly work again)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPORT = "2022年本年支出合计1000万元，其中：工资福利支出600万元，商品和服务支出300万元。"


def counter(tmp_path: Path, setup: str, count: str):
    """A function that audits a small report once, with the private cache under tmp_path,
    after running `setup`, and returns the integer `count` evaluates to at the end."""
    report = tmp_path / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    probe = (
        f"{setup}\n"
        "import runpy, sys\n"
        "sys.argv = ['audit', *sys.argv[1:]]\n"
        "try:\n"
        "    runpy.run_module('auditor', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        f"sys.stderr.write(f'\\nCOUNTED {{{count}}}\\n')\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}

    def run() -> int:
        done = subprocess.run([sys.executable, "-c", probe, str(report), "--format", "json", "--isolated"],
                              capture_output=True, text=True, timeout=120, env=env)
        assert done.returncode in (0, 1), done.stderr
        return int(done.stderr.rsplit("COUNTED ", 1)[1])

    return run
