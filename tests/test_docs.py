"""docs/rules.md is run, top to bottom: its titled file blocks are written, its console blocks executed."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from click.testing import CliRunner

from auditor.cli import main

DOC = Path(__file__).resolve().parents[1] / "docs" / "rules.md"
BLOCK = re.compile(r'^```(\w*)(?: title="([^"]+)")?\n(.*?)^```', re.S | re.M)


def commands(body: str) -> list[tuple[str, list[str]]]:
    """`$ command` lines, each with the output lines shown under it."""
    out: list[tuple[str, list[str]]] = []
    for line in body.splitlines():
        if line.startswith("$ "):
            out.append((line[2:].split("  #")[0].strip(), []))
        elif out:
            out[-1][1].append(line)
    return out


def matches(want: str, got: str) -> bool:
    return got.startswith(want[:-1]) if want.endswith("…") else got == want


def test_every_console_block_of_rules_md_runs_as_shown(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    ran = written = 0
    for lang, title, body in BLOCK.findall(DOC.read_text(encoding="utf-8")):
        if title:
            path = tmp_path / title
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(body, encoding="utf-8")
            written += 1
            continue
        if lang != "console":
            continue
        for command, expected in commands(body):
            argv = shlex.split(command)
            assert argv[0] == "audit"
            result = CliRunner().invoke(main, argv[1:])
            assert result.exit_code in (0, 1), f"$ {command}\n{result.output}"
            if argv[1] == "explain":
                assert result.exit_code == 0, f"an example of the documented rule misbehaves:\n{result.output}"
            got = result.stdout.splitlines()
            assert len(got) >= len(expected), f"$ {command}\n{result.output}"
            for want, line in zip(expected, got):
                assert matches(want, line), f"$ {command}\nexpected: {want}\ngot:      {line}"
            ran += 1
    assert written >= 8 and ran >= 6  # the walk-through really happened


def test_the_severity_example_passes_the_run(tmp_path, monkeypatch):
    """The page says: with DUP001 lowered to a warning, the run exits 0."""
    monkeypatch.chdir(tmp_path)
    for lang, title, body in BLOCK.findall(DOC.read_text(encoding="utf-8")):
        if title and title.startswith("severity/"):
            (tmp_path / title).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / title).write_text(body, encoding="utf-8")
    result = CliRunner().invoke(main, ["severity/report.txt", "--format", "text"])
    assert result.exit_code == 0, result.output
    assert "DUP001 warning" in result.stdout
    strict = CliRunner().invoke(main, ["severity/report.txt", "--format", "text", "--fail-on", "warning"])
    assert strict.exit_code == 1
