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
    from re import _compiler, _constants, _parser
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
    code = _compiler._code(parsed, flags)
    return [flags | state.flags, _with_first_characters(code, parsed, flags | state.flags), state.groups - 1,
            dict(state.groupdict), names]


# ---------------------------------------------------------------- where a search may stop
# The engine's search jumps over the characters no match can start with when the program's
# info block names them (a literal prefix, or a set of first characters): then it tries the
# pattern only where such a character stands.  re._compiler finds that set only when the
# pattern opens with a literal, a class or an alternation of literals; a pattern that opens
# with a look-behind ("(?<![\d.])7[星乐]彩|…"), a group repeated ("[一二三]+…") or an
# alternation of words is tried at every position of the text, each branch in turn.  Here the
# characters a match can start with are read from the whole pattern (past zero-width
# assertions, into groups, repeats and alternations, as the lexer's dispatch reads its
# terminals) and written into the info block: the same matches — no match starts
# elsewhere —, found by the engine's own character test between the places worth a try.

def _with_first_characters(code: list[int], parsed, flags: int) -> list[int]:
    """`code` with a set of first characters in its info block, when it has neither that nor a literal
    prefix and the pattern tells which characters every match starts with; else `code` as it is."""
    try:
        if (code[0] != _constants.INFO or code[2] != 0 or code[3] == 0
                or flags & (_constants.SRE_FLAG_IGNORECASE | _constants.SRE_FLAG_LOCALE)):
            return code
        sets: list[list] = []
        if _first_sets(parsed.data, sets):
            return code  # it can match the empty string
        negated = [s for s in sets if s and s[0][0] is _constants.NEGATE]
        if not sets or (negated and len(sets) > 1):
            return code  # a negated class can stand only alone
        charset = [item for s in sets for item in s]
        charset, hascased = _compiler._optimize_charset(charset)
        if hascased:
            return code
        info = [_constants.INFO, 0, _constants.SRE_INFO_CHARSET, code[3], code[4]]
        _compiler._compile_charset(charset, flags, info)
        info[1] = len(info) - 1
        return info + code[1 + code[1]:]
    except Exception:  # internals not as expected: the program as re compiles it
        return code


class _AnyStart(Exception):
    """A match may start with a character no set here names."""


def _first_sets(sequence, sets: list[list]) -> bool:
    """Add the classes (lists of the parser's set items) that what `sequence` matches can start
    with to `sets`; True when it can match the empty string."""
    c = _constants
    for op, av in sequence:
        if op is c.LITERAL:
            sets.append([(c.LITERAL, av)])
            return False
        if op is c.IN:
            if any(item is c.NEGATE for item, _ in av[1:]):
                raise _AnyStart
            sets.append(list(av))
            return False
        if op is c.BRANCH:
            if not any([_first_sets(branch, sets) for branch in av[1]]):
                return False
            continue
        if op is c.SUBPATTERN or op is c.ATOMIC_GROUP:
            if op is c.SUBPATTERN:
                _group, add_flags, del_flags, inner = av
                if add_flags or del_flags:
                    raise _AnyStart  # other flags inside (case, ASCII …): no set told here
            else:
                inner = av
            if not _first_sets(inner, sets):
                return False
            continue
        if op is c.MAX_REPEAT or op is c.MIN_REPEAT or op is c.POSSESSIVE_REPEAT:
            low, _high, inner = av
            if not _first_sets(inner, sets) and low > 0:
                return False
            continue
        if op is c.ASSERT or op is c.ASSERT_NOT or op is c.AT:
            continue  # zero width: what follows starts the match
        raise _AnyStart  # any character, a back-reference, a conditional group …
    return True


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
             _sre.MAXGROUPS, "first characters")  # (programs with the first characters of _with_first_characters)
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
