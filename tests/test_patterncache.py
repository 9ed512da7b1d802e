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


def _built(source, flags=0):
    """The pattern compiled as `compile` compiles it (re.compile's, with the first characters it may add)."""
    return patterncache._build(source, patterncache.program(source, flags))


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
    # patterns compare by their flags, source and program (the engine's code): the same as the one compiled,
    # and re.compile's own but for the first characters the info block may name (_with_first_characters)
    assert first == again and again.groupindex == plain.groupindex and again.groups == plain.groups
    assert (again.pattern, again.flags) == (plain.pattern, plain.flags)
    parsed = re._parser.parse(source, flags)
    assert patterncache.program(source, flags)[1] == patterncache._with_first_characters(
        re._compiler._code(parsed, flags), parsed, flags | parsed.state.flags)
    text = "2023年项目支出1,200.5万元,较上年增长。根据财预〔2020〕10号 audit: IGNORE 12"
    assert [m.span() for m in again.finditer(text)] == [m.span() for m in plain.finditer(text)]


FIRST_CHARACTERS = [  # (pattern, whether its program gains a set of first characters)
    (r"(?<![\d.])(?:较|比)上年(?:增长|下降)", True),  # a look-behind first
    (r"快乐8|排列[35]|(?<![A-Za-z0-9%.=/\-])(?:福彩)?3D(?![A-Za-z0-9])|(?<![\d.])7[星乐]彩", True),
    (r"([〇○零一二三四五六七八九十]+)(?:([.．点])([〇○零一二三四五六七八九]+))?(?=\s*(?:亿|万|元|%))", True),
    (r"(?:(?<![节制])约(?:增加|减少)?|大约)\s*$", True),
    (r"[^\s|│┃]+", True),  # a negated class alone
    (r"(?:\d|[^a])x", False),  # a negated class beside another: no set
    (r"(?:a|)b", True),  # an empty branch: what follows starts it too
    (r"a?", False), (r"(?=a)", False), (r"(?<=a)\s*", False),  # may match the empty string
    (r"(?i:ab)c|d", False), (r"(?s).x", False), (r"(a)\1?b|\1", False),
    (r"万元", False), (r"[万亿]元", False),  # re._compiler's own prefix or set
]


@pytest.mark.parametrize("source,gains", FIRST_CHARACTERS)
def test_the_first_characters_find_what_re_compile_finds(source, gains):
    """A program with the set of the characters every match starts with finds the same matches, groups and
    splits as re.compile's, searched from anywhere; the set is added only where re._compiler has none."""
    try:
        plain = re.compile(source)
    except re.error:
        pytest.skip("not a pattern here")
    built = patterncache._build(source, patterncache.program(source))
    assert built is not None and (built != plain) == gains
    texts = ["快乐8 15选5 福彩3D x3D 7星彩 较上年增长 比上年下降 2较上年增长 三点五亿元 节约增加 大约 \n ab b x 1x ax",
             "".join(chr(c) for c in range(0x20, 0x7f)) + "一二三四五六七八九十〇○零 │┃| 约 万元 亿元 AbC abc aab"]
    for text in texts:
        for pos in range(0, len(text), 3):
            assert [(m.span(), m.groups()) for m in built.finditer(text, pos)] == [
                (m.span(), m.groups()) for m in plain.finditer(text, pos)]
        assert built.split(text) == plain.split(text) and built.sub("#", text) == plain.sub("#", text)


def test_a_damaged_file_is_not_read(fresh, monkeypatch):
    patterncache.compile(r"\d+万元")
    patterncache.save()
    path = cache_file(fresh)
    assert read_private(path.name)
    digest, body = path.read_bytes().split(b"\n", 1)
    path.write_bytes(digest + b"\n" + body[:-1] + b" " + body[-1:])  # one byte more: the same JSON, not the same file
    assert read_private(path.name) is None
    monkeypatch.setattr(patterncache, "_entries", None)
    assert patterncache.compile(r"\d+万元") == _built(r"\d+万元") and patterncache._entries == {
        "0:\\d+万元": patterncache.program(r"\d+万元")}  # compiled, not read


def test_an_entry_the_engine_refuses_is_compiled_again(fresh, monkeypatch):
    key = r"0:\d+万元"
    entry = patterncache.program(r"\d+万元")
    entry[1] = entry[1][:-3] + [999, 999, 999]  # a program the engine's validator rejects
    monkeypatch.setattr(patterncache, "_entries", {key: entry})
    assert patterncache.compile(r"\d+万元") == _built(r"\d+万元")


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
