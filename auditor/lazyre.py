"""Regular expressions compiled when first used.

A module's patterns are written at its top, where they are read; compiling
them there costs every process all of them — `audit --version` and `audit
rules` too, and a report run the patterns only some inputs need (a table
layout, a config error, a PDF).  `compile` returns a stand-in that compiles on
first use and then answers from the compiled pattern's own methods, with no
cost per call after the first.  It compiles through auditor/patterncache.py:
a pattern an earlier run compiled is built from that run's result.
"""

from __future__ import annotations

import re
from typing import Any

# the methods copied onto the stand-in when it compiles (looked up directly from then on)
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner")


class LazyPattern:
    """`re.compile(source, flags)` on first use of any attribute."""

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        from auditor import patterncache

        compiled = patterncache.compile(self._source, self._flags)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        self.pattern, self.flags, self.groups, self.groupindex = (
            compiled.pattern, compiled.flags, compiled.groups, compiled.groupindex)
        return getattr(compiled, name)

    def __reduce__(self):
        # (pickled as its source, compiled or not: a compiled one holds the pattern's groupindex, a mappingproxy no
        # pickle takes — the rules and vocabulary go to every worker of a batch)
        return LazyPattern, (self._source, self._flags)

    def __repr__(self) -> str:
        return f"lazy re.compile({self._source!r})"


def compile(source: str, flags: int = 0) -> LazyPattern:  # noqa: A001 - the name says what it stands for
    return LazyPattern(source, flags)
