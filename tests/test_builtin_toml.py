"""auditor.resources.builtin_toml: the built-in rules folder read once per installation, as tomllib reads it."""

from __future__ import annotations

import shutil
import tomllib

import pytest

import startprobe
from auditor import resources

RULES = resources.data_dir("rules")


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """An empty private cache folder, nothing read yet."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(resources, "_builtin_json", None)
    return tmp_path / "cache" / "auditor"


def test_every_file_reads_as_tomllib_reads_it_first_and_from_the_cache(fresh, monkeypatch):
    names = sorted(p.name for p in RULES.glob("*.toml"))
    assert "vocabulary.toml" in names and "alternatives.toml" in names and len(names) > 30
    expected = {n: tomllib.loads((RULES / n).read_text(encoding="utf-8")) for n in names}
    first = {n: resources.builtin_toml(n) for n in names}
    assert [p.name for p in fresh.glob("rules-*.json")]  # kept
    monkeypatch.setattr(resources, "_builtin_json", None)  # as a new process
    monkeypatch.setattr(resources, "_as_json", lambda source: pytest.fail("parsed again"))
    again = {n: resources.builtin_toml(n) for n in names}
    # repr tells 1 from 1.0 and a list from a tuple, where == would not
    assert repr(first) == repr(again) == repr(expected)


def test_each_call_gives_new_objects(fresh):
    vocabulary = resources.builtin_toml("vocabulary.toml")
    vocabulary["concepts"].clear()
    assert resources.builtin_toml("vocabulary.toml")["concepts"]


def test_an_edited_folder_is_read_again(fresh, tmp_path, monkeypatch):
    copy = tmp_path / "rules"
    shutil.copytree(RULES, copy)
    monkeypatch.setattr(resources, "data_dir", lambda name: copy)
    assert resources.builtin_toml("SUM001.toml")["severity"] == "error"
    text = (copy / "SUM001.toml").read_text(encoding="utf-8")
    (copy / "SUM001.toml").write_text(text.replace('severity = "error"', 'severity = "warning"'), encoding="utf-8")
    monkeypatch.setattr(resources, "_builtin_json", None)
    assert resources.builtin_toml("SUM001.toml")["severity"] == "warning"
    (copy / "SUM001.toml").write_text("id = [", encoding="utf-8")  # not TOML: the caller reads it and says so
    monkeypatch.setattr(resources, "_builtin_json", None)
    assert resources.builtin_toml("SUM001.toml") is None


def test_a_second_start_parses_no_builtin_file(tmp_path):
    """The real command twice: the second run reads the rules and the vocabulary from the cache."""
    parsed = startprobe.counter(tmp_path, (
        "import tomllib\n"
        "parsed = []\n"
        "original = tomllib.loads\n"
        "tomllib.loads = lambda *a, **k: parsed.append(1) or original(*a, **k)\n"
    ), "len(parsed)")

    assert parsed() > 30  # every rule file, the vocabulary
    assert parsed() == 0
