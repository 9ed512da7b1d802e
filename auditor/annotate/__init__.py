"""Findings written back into a copy of the reviewed document (`audit 草稿.docx --annotate 草稿-审核.docx`).

Word files get one comment (批注) per finding, anchored on the stated figure;
spreadsheets get a cell comment on the figure's cell.  Each comment says the
rule, the message, the arithmetic and what the figure should be, and how to
accept the finding in the document itself (auditor.ignores).  The original
file is never opened for writing: the copy is written to a temporary file
beside the target and moved into place.  Other formats are refused with one
line (AnnotateError).

Annotating a copy that was annotated before (or a draft that came back with
the auditor's comments in it) does not say the same thing twice: the
auditor's own comments — author AUTHOR, first line "[RULE severity] …" — are
taken out before the findings are written again, and the reviewers' comments
stay, an "audit: ignore RULE 理由" line added to one of the auditor's own among them.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

from auditor import lazyre, messages
from auditor.findings import Finding
from auditor.records import dataclass

SUFFIXES = {"docx": ".docx", "xlsx": ".xlsx"}
# the copy of a macro-enabled workbook is one too: its package says so, and Excel opens an .xlsm
# only under that name
_KEEP_SUFFIX = {"xlsx": (".xlsm",)}
AUTHOR = "audit"  # the author of every comment the auditor writes: how it knows its own again
_OWN_FIRST_LINE = lazyre.compile(r"\[[A-Za-z][A-Za-z0-9_-]*\d+ [^\]\n]+\] ")  # "[SCO002 错误] …"


def own_note(author: str | None, text: str) -> bool:
    """Is this a comment the auditor wrote (comment_lines), not a reviewer's?"""
    return author == AUTHOR and bool(_OWN_FIRST_LINE.match(text.lstrip()))


def without_own_notes(text: str) -> str:
    """A cell comment's text without the auditor's notes in it (they are written again): what a
    reviewer wrote above them stays, and so does an "audit: ignore" line added to one of them."""
    from auditor.ignores import parse

    kept = []
    for block in re.split(r"\n[ \t]*\n", text):
        if _OWN_FIRST_LINE.match(block.lstrip()):
            kept += [line for line in block.splitlines() if parse(line) is not None]
        elif block.strip():
            kept.append(block)
    return "\n\n".join(kept)


class AnnotateError(Exception):
    """--annotate cannot be done for these inputs; str() is one line."""


@dataclass(frozen=True)
class Written:
    comments: int  # comments written
    skipped: int  # findings that stand in an attachment, not in the annotated file


def check_target(source: str | Path, target: str | Path, fmt: str, lang: str = "zh") -> None:
    """Refuse, in one line, what cannot be annotated: other formats, the original itself, a mismatched suffix."""
    source, target = Path(source), Path(target)
    if fmt not in SUFFIXES:
        raise AnnotateError(messages.load_error(lang, "annotate.format", {"path": source, "format": fmt}))
    if target.exists() and target.resolve() == source.resolve():
        raise AnnotateError(messages.text(lang, "annotate.original", path=target))
    suffix = source.suffix.lower() if source.suffix.lower() in _KEEP_SUFFIX.get(fmt, ()) else SUFFIXES[fmt]
    if target.suffix.lower() != suffix:
        raise AnnotateError(messages.load_error(lang, "annotate.suffix", {"path": target, "format": fmt,
                                                                           "suffix": suffix}))
    if target.is_dir():
        raise AnnotateError(messages.text(lang, "annotate.folder", path=target))


def comment_lines(f: Finding, lang: str) -> list[str]:
    """What a comment says: rule and message, the arithmetic if the message lacks it, the expected
    value, and how to accept the finding."""
    lines = [f"[{f.rule} {messages.severity(lang, f.severity)}] {f.message(lang)}"]
    arithmetic = f.arithmetic_text(lang)
    if arithmetic and arithmetic not in lines[0]:
        lines.append(arithmetic)
    if f.expected:
        lines.append(messages.text(lang, "annotate.expected", value=f.expected))
    lines.append(messages.text(lang, "annotate.ignore_hint", rule=f.rule))
    return lines


def annotate(result, source: str | Path, target: str | Path, lang: str = "zh") -> Written:
    """Write `result`'s findings as comments into a copy of `source` at `target`."""
    source, target = Path(source), Path(target)
    fmt = result.document.format.split("+")[0]
    check_target(source, target, fmt, lang)
    if fmt == "docx":
        from auditor.annotate.word import annotate_docx as write
    else:
        from auditor.annotate.sheets import annotate_xlsx as write
    fd, temporary = tempfile.mkstemp(prefix=".audit-", suffix=target.suffix, dir=target.parent or ".")
    os.close(fd)
    try:
        written = write(result, source, Path(temporary), lang)
        shutil.copymode(source, temporary)  # the copy is as readable as the original
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return written


def in_file(result, finding: Finding, source: Path) -> bool:
    """Does the finding's figure stand in `source` itself (not in an attachment given with --with)?"""
    return finding.start < _first_attachment(result)


def _first_attachment(result) -> int:
    """Offset where the first attachment starts (the end of the text when there is none)."""
    first = None
    for start, _, place in result.document.locations:
        name = place.get("file")
        if first is None:
            first = name
        elif name != first:
            return start
    return len(result.document.text)
