"""Where a key stands in a TOML source, and TOML syntax errors as `line, problem`.

`tomllib` returns plain dicts without positions; error messages about a user's
rule or configuration file still have to name the line.  `line_of` re-reads the
source line by line, tracking the current `[table]` / `[[array.of.tables]]`,
and returns the line whose key path shares the longest prefix with the path a
validator complained about (`("examples", "fail", 0, "stated")`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from auditor import lazyre

if TYPE_CHECKING:
    import tomllib

_KEY = r'(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|\'[^\']*\')'
_DOTTED = rf"{_KEY}(?:\s*\.\s*{_KEY})*"
_HEADER = lazyre.compile(rf"^\s*(\[\[?)\s*({_DOTTED})\s*\]\]?\s*(?:#.*)?$")
_KEYVAL = lazyre.compile(rf"^\s*({_DOTTED})\s*=")
_PART = lazyre.compile(_KEY)
_AT = lazyre.compile(r"\s*\(at line (\d+), column (\d+)\)|\s*\(at end of document\)")


def _split(dotted: str) -> tuple[str, ...]:
    return tuple(p[1:-1] if p[0] in "\"'" else p for p in _PART.findall(dotted))


def line_of(source: str, loc: Sequence[str | int], prefix: Sequence[str] = ()) -> int:
    """1-based line of the key at `prefix + loc` (or of its nearest enclosing key)."""
    want = tuple(str(p) for p in (*prefix, *loc))
    best_line, best_len = 0, 0
    table: tuple[str, ...] = ()
    seen_arrays: dict[tuple[str, ...], int] = {}
    fence: str | None = None  # inside a multi-line string
    for n, line in enumerate(source.splitlines(), 1):
        if fence:
            if line.count(fence) % 2 == 1:
                fence = None
            continue
        header = _HEADER.match(line)
        if header:
            path = _split(header.group(2))
            if header.group(1) == "[[":
                index = seen_arrays.get(path, -1) + 1
                seen_arrays[path] = index
                table = (*path, str(index))
            else:
                table = path
            full = table
        else:
            keyval = _KEYVAL.match(line)
            if not keyval:
                continue
            full = (*table, *_split(keyval.group(1)))
            for quote in ('"""', "'''"):
                if line.count(quote) % 2 == 1:
                    fence = quote
        common = 0
        for a, b in zip(full, want):
            if a != b:
                break
            common += 1
        if common > best_len and common >= len(prefix):
            best_line, best_len = n, common
    if best_line:
        return best_line
    # nothing under `prefix`: point at the nearest enclosing table, if any
    return line_of(source, tuple(prefix)) if prefix else 1


def syntax_error(exc: tomllib.TOMLDecodeError, source: str, lang: str = "en") -> tuple[int, str]:
    """(line, problem) of a TOML syntax error, without tomllib's '(at line …)' suffix, in `lang`."""
    from auditor import messages

    text = str(exc)
    match = _AT.search(text)
    problem = messages.parser_problem(lang, "toml", _AT.sub("", text).strip())
    if match and match.group(1):
        return int(match.group(1)), messages.text(lang, "toml.column", problem=problem, column=match.group(2))
    return max(1, len(source.splitlines())), problem
