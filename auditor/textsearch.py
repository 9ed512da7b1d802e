"""Searches back through a long text that do not scan all of it."""

from __future__ import annotations

_FIRST_WINDOW = 128


def last_of(text: str, chars: str, end: int) -> int:
    """max(text.rfind(c, 0, end) for c in chars): where the last of the single characters `chars` before `end`
    stands, -1 if none does.  Searched back in windows that grow fourfold, so that a character the text never holds
    (a "！" in a report of "。") costs a window, not a scan back to the text's start at each call — what made the
    checks of a long text quadratic."""
    if end < 0:  # (rfind's end counted from the text's end: as it does)
        return max(text.rfind(c, 0, end) for c in chars)
    hi = min(end, len(text))
    width = _FIRST_WINDOW
    while hi > 0:
        lo = hi - width if hi > width else 0
        found = max(text.rfind(c, lo, hi) for c in chars)
        if found >= 0:
            return found
        hi = lo
        width <<= 2
    return max(text.rfind(c, 0, 0) for c in chars)  # (-1; an empty `chars` fails as before)
