"""How wide text stands on a page or a terminal: East Asian wide and full-width
characters (CJK, kana, Hangul, full-width forms) take two columns."""

from __future__ import annotations

from auditor import lazyre

WIDE_CHARACTERS = ("\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff"
                   "\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6")
WIDE = lazyre.compile(f"[{WIDE_CHARACTERS}]")
_WIDE_RUN = lazyre.compile(f"[{WIDE_CHARACTERS}]+")


def display_width(text: str) -> int:
    """Columns `text` takes: wide characters count two.  (Every character once, plus the
    wide ones: what removing the runs of wide characters takes away — one replacement per
    run, not a list of every wide character.)"""
    return 2 * len(text) - len(_WIDE_RUN.sub("", text))
