"""auditor.patterncache: a pattern built from the cache is the pattern re.compile builds,
and the cache file is read only when it is the user's own and undamaged."""

from __future__ import annotations

import json
import os
import re

import pytest

import startprobe
from auditor import patterncache
from auditor.resources import read_private

PATTERNS = [
    (r"(?P<whole>\d+(?:\.\d+)?)\s*(?P<unit>万元|亿元|元)", 0),
    (r"[\u4e00-\u9fff]{1,10}[〔\[【]\s*(?:19|20)\d{2}\s*[〕\]】]", 0),  # a wide class and a few wide characters
    (r"(?<![\d.])(?:较|比)上年(?:增长|下降)", 0),
    (r"^\s*audit\s*:\s*ignore", re.IGNORECASE | re.MULTILINE),
    (r"(?x) \d+ # a number", 0),
]


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """An empty private cache folder and a module that has read nothing yet."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(patterncache, "_entries", None)
    monkeypatch.setattr(patterncache, "_used", set())
    monkeypatch.setattr(patterncache, "_added", True)  # save() by hand, no exit hook from a test
    return tmp_path / "cache" / "auditor"


def cache_file(folder):
    return folder / patterncache._name()


@pytest.mark.parametrize("source,flags", PATTERNS)
def test_a_pattern_from_the_cache_is_the_compiled_pattern(fresh, source, flags, monkeypatch):
    first = patterncache.compile(source, flags)
    patterncache.save()
    monkeypatch.setattr(patterncache, "_entries", None)  # as a new process: read the file
    calls = []
    monkeypatch.setattr(patterncache, "_compile", lambda *a: calls.append(a))
    again = patterncache.compile(source, flags)
    assert calls == []  # built from the file, not compiled
    plain = re.compile(source, flags)
    # patterns compare by their flags, source and program (the engine's code)
    assert first == again == plain and again.groupindex == plain.groupindex and again.groups == plain.groups
    text = "2023年项目支出1,200.5万元,较上年增长。根据财预〔2020〕10号 audit: IGNORE 12"
    assert [m.span() for m in again.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_a_damaged_file_is_not_read(fresh, monkeypatch):
    patterncache.compile(r"\d+万元")
    patterncache.save()
    path = cache_file(fresh)
    assert read_private(path.name)
    digest, body = path.read_bytes().split(b"\n", 1)
    path.write_bytes(digest + b"\n" + body[:-1] + b" " + body[-1:])  # one byte more: the same JSON, not the same file
    assert read_private(path.name) is None
    monkeypatch.setattr(patterncache, "_entries", None)
    assert patterncache.compile(r"\d+万元") == re.compile(r"\d+万元") and patterncache._entries == {
        "0:\\d+万元": patterncache.program(r"\d+万元")}  # compiled, not read


def test_an_entry_the_engine_refuses_is_compiled_again(fresh, monkeypatch):
    key = r"0:\d+万元"
    entry = patterncache.program(r"\d+万元")
    entry[1] = entry[1][:-3] + [999, 999, 999]  # a program the engine's validator rejects
    monkeypatch.setattr(patterncache, "_entries", {key: entry})
    assert patterncache.compile(r"\d+万元") == re.compile(r"\d+万元")


def test_a_file_others_can_write_is_not_read(fresh):
    patterncache.compile(r"\d+万元")
    patterncache.save()
    path = cache_file(fresh)
    assert read_private(path.name)
    os.chmod(path, 0o666)
    assert read_private(path.name) is None


def test_a_second_start_compiles_no_pattern_the_first_one_compiled(tmp_path):
    """The real command twice: the second run builds the auditor's patterns from the cache."""
    # count the programs generated (the costly step of every compilation) for the auditor's own code
    auditor_compiles = startprobe.counter(tmp_path, (
        "import os, sys\n"
        "from re import _compiler\n"
        "generated = []\n"
        "original = _compiler._code\n"
        "def counting(*args, **kwargs):\n"
        "    f = sys._getframe(1)\n"
        "    while f.f_back and os.sep + 're' + os.sep in f.f_code.co_filename: f = f.f_back\n"
        "    generated.append(os.sep + 'auditor' + os.sep in f.f_code.co_filename)\n"
        "    return original(*args, **kwargs)\n"
        "_compiler._code = counting\n"
    ), "sum(generated)")

    first = auditor_compiles()
    assert first > 50  # the lexer's terminals, the readings' and the binder's patterns …
    assert auditor_compiles() <= 10  # the few a module still compiles in place (re.sub(r"…", …))
    cached = json.loads((tmp_path / "cache" / "auditor" / patterncache._name()).read_bytes().split(b"\n", 1)[1])
    assert len(cached) >= first - 10
