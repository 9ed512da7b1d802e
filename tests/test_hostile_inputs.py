"""Hostile and broken inputs: what a local attacker or a broken file can make `audit` do.

Each case is a reproducer of a defect once found; the expectation is what a
careful user needs: no code runs that the user did not install, no traceback,
nothing of the user's changed.
"""

from __future__ import annotations

import builtins
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from auditor.resources import private_cache_dir, safe_cache_file

REPORT = "年初预算100万元,其中基本支出60万元,项目支出40万元。\n"


class _Planted:
    """A pickle that, when loaded, creates a file: proof that planted code ran."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return builtins.open, (str(self.marker), "w")


def _audit(tmp_path: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    report = tmp_path / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    full_env = {**os.environ, **env}
    return subprocess.run([sys.executable, "-m", "auditor", str(report)], capture_output=True, text=True,
                          env=full_env, timeout=120)


def test_a_pickle_planted_in_the_shared_temp_folder_never_runs(tmp_path):
    shared = tmp_path / "shared-tmp"
    shared.mkdir()
    marker = tmp_path / "pwned"
    # where earlier versions kept the parser cache, for every user alike
    (shared / "auditor-statements-grammar.cache").write_bytes(b"x\n" + pickle.dumps(_Planted(marker)))
    result = _audit(tmp_path, {"TMPDIR": str(shared), "XDG_CACHE_HOME": str(tmp_path / "cache")})
    assert result.returncode == 0, result.stderr
    assert not marker.exists()


def test_a_cache_folder_others_can_write_is_not_used(tmp_path):
    cache_root = tmp_path / "cache"
    folder = cache_root / "auditor"
    folder.mkdir(parents=True)
    os.chmod(folder, 0o777)
    marker = tmp_path / "pwned"
    for name in ("planted.lark-cache", *(f"statements-{'0' * 16}.lark-cache",)):
        (folder / name).write_bytes(b"x\n" + pickle.dumps(_Planted(marker)))
    env = {"XDG_CACHE_HOME": str(cache_root)}
    result = _audit(tmp_path, env)
    assert result.returncode == 0, result.stderr
    assert not marker.exists()
    assert not any(p.name.startswith("statements-") and p.stat().st_size > 1000 for p in folder.iterdir()), \
        "nothing is written into a folder others can write to"


def test_the_private_cache_folder_is_the_users_alone(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "c"))
    folder = private_cache_dir()
    assert folder == tmp_path / "c" / "auditor"
    assert folder.stat().st_mode & 0o777 == 0o700
    os.chmod(folder, 0o775)
    assert private_cache_dir() is None  # group-writable: refused, not repaired behind the user's back


def test_a_relative_cache_home_is_ignored(monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    assert private_cache_dir() is None


def test_a_link_or_a_foreign_file_in_place_of_the_cache_is_refused(tmp_path):
    folder = tmp_path / "auditor"
    folder.mkdir(mode=0o700)
    target = tmp_path / "elsewhere"
    target.write_bytes(b"")
    (folder / "linked").symlink_to(target)
    assert safe_cache_file(folder, "linked") is None
    (folder / "open").write_bytes(b"")
    os.chmod(folder / "open", 0o666)
    assert safe_cache_file(folder, "open") is None
    (folder / "mine").write_bytes(b"")
    os.chmod(folder / "mine", 0o600)
    assert safe_cache_file(folder, "mine") == folder / "mine"
    assert safe_cache_file(folder, "absent") == folder / "absent"


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="needs root to give a file away")
def test_a_cache_file_owned_by_another_user_is_refused(tmp_path):
    folder = tmp_path / "auditor"
    folder.mkdir(mode=0o700)
    (folder / "theirs").write_bytes(b"")
    os.chmod(folder / "theirs", 0o600)
    os.chown(folder / "theirs", 65534, 65534)
    assert safe_cache_file(folder, "theirs") is None


def test_the_parser_is_built_when_no_cache_folder_is_safe(tmp_path):
    # HOME and XDG_CACHE_HOME unusable: the audit still runs, from a parser built in memory
    result = _audit(tmp_path, {"XDG_CACHE_HOME": "not/absolute", "HOME": str(tmp_path / "missing" / "home")})
    assert result.returncode == 0, result.stderr
    assert "未发现" in result.stdout or "no " in result.stdout.lower()
