"""Compiled regular expressions kept between runs, in the user's private cache folder.

Python compiles a regular expression in Python code (`re._parser`,
`re._compiler`): the ~250 patterns one report needs cost every start of
`audit` more than checking the report itself (a character class of Chinese
characters alone costs ~1 ms).  What that compilation produces is data: the
program the matching engine runs (a list of integers) and the pattern's
groups.  `compile` keeps that data, per Python build, in one JSON file beside
the parser cache, and the next process builds the same pattern from it with
the constructor `re.compile` itself ends in (`_sre.compile`, which checks the
program before it accepts it).

The file is trusted as little as the parser cache (auditor/resources.py,
`read_private`): a folder only the user can write, a regular file only the
user can write, never a link.  It is JSON, so loading it runs no code; its
first line is a SHA-256 of the rest (a damaged file is not read), and its name
carries a hash of the Python build and of the engine's program format
(another Python never reads it).  A Python without these internals, an entry the engine refuses, a folder
that is not safe: the pattern is compiled as `re.compile` compiles it — the
cache only ever saves time.
"""

from __future__ import annotations

import atexit
import binascii
import hashlib
import json
import re
import sys
from array import array
from typing import Any

from auditor.resources import read_private, write_private

try:
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - another Python: compile as re.compile does
    _sre = None
# the array type whose items are the engine's code words
_WORD = next((t for t in "IL" if array(t).itemsize == getattr(_sre, "CODESIZE", 0)), None)

_DEBUG = int(re.DEBUG)  # (an int: a RegexFlag would take enum's slow path on every compile)

# entries beyond this many: the file keeps only those this process used (old versions' patterns go)
MAX_ENTRIES = 2000

# [flags, program, groups - 1, group index {name: number}, names by number]; in the file the
# program (thousands of integers for a class of Chinese characters) is its machine words in
# base64, which JSON reads as one string
Entry = list

_entries: dict[str, Entry] | None = None  # the file's entries, once read
_used: set[str] = set()
_added = False


def compile(source: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 - it stands for re.compile
    """`re.compile(source, flags)`, built from the cache when it holds the pattern."""
    flags = int(flags)
    if _WORD is None or not isinstance(source, str) or flags & _DEBUG:
        return re.compile(source, flags)
    entries = _load()
    key = f"{flags}:{source}"
    entry = entries.get(key)
    if entry is not None:
        pattern = _build(source, entry)
        if pattern is not None:
            _used.add(key)
            return pattern
    pattern, entry = _compile(source, flags)
    if entry is not None:
        _add(key, entry)
    return pattern


def program(source: str, flags: int = 0) -> Entry:
    """The entry `compile` keeps for a pattern: what the engine is given (for tests and checks)."""
    parsed = _parser.parse(source, flags)
    state = parsed.state
    names: list[str | None] = [None] * state.groups
    for name, number in state.groupdict.items():
        names[number] = name
    return [flags | state.flags, _compiler._code(parsed, flags), state.groups - 1, dict(state.groupdict), names]


def _compile(source: str, flags: int) -> tuple[re.Pattern[str], Entry | None]:
    """The pattern, compiled as re._compiler.compile does, and its entry (None: not kept)."""
    try:
        entry = program(source, flags)
    except re.error:
        raise
    except Exception:  # internals not as expected: compile as re.compile does, keep nothing
        return re.compile(source, flags), None
    pattern = _build(source, entry)
    return (pattern, entry) if pattern is not None else (re.compile(source, flags), None)


def _build(source: str, entry: Entry) -> re.Pattern[str] | None:
    try:
        flags, code, groups, groupindex, names = entry
        if isinstance(code, str):
            code = array(_WORD, binascii.a2b_base64(code)).tolist()
        return _sre.compile(source, flags, code, groups, groupindex, tuple(names))
    except Exception:  # a damaged entry: the engine refused it
        return None


def _stored(entry: Entry) -> Entry:
    """The entry as the file keeps it: the program as base64."""
    flags, code, groups, groupindex, names = entry
    if not isinstance(code, str):
        code = binascii.b2a_base64(array(_WORD, code).tobytes(), newline=False).decode("ascii")
    return [flags, code, groups, groupindex, names]


def _name() -> str:
    build = (sys.version, sys.implementation.cache_tag, sys.byteorder, _sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT,
             _sre.MAXGROUPS)
    return f"regex-{hashlib.sha256(repr(build).encode()).hexdigest()[:16]}.json"


def _load() -> dict[str, Entry]:
    global _entries
    if _entries is None:
        _entries = _read(read_private(_name()))
    return _entries


def _read(content: bytes | None) -> dict[str, Entry]:
    """The entries of the cache file's content; empty when there is none or it is not JSON."""
    if content is None:
        return {}
    try:
        entries = json.loads(content)
    except ValueError:
        return {}
    return entries if isinstance(entries, dict) else {}


def _add(key: str, entry: Entry) -> None:
    global _added
    assert _entries is not None
    _entries[key] = entry
    _used.add(key)
    if not _added:
        _added = True
        atexit.register(save)


def save() -> None:
    """Write the entries (at exit, when this process compiled a pattern the file did not hold)."""
    if not _added or _entries is None:
        return
    entries: dict[str, Any] = {k: _stored(v) for k, v in _entries.items()
                               if len(_entries) <= MAX_ENTRIES or k in _used}
    write_private(_name(), json.dumps(entries, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
