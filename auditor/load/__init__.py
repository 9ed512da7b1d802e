"""Stage 1: a file on disk → a `Document` holding its decoded text.

Loaders never modify the input.  Every failure is a `LoadError` whose message
is one line a user can act on; the CLI prints it and exits with status 2.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from auditor.load.text import decode_text


class LoadError(Exception):
    """A file that cannot be read as a report; str() is a one-line explanation."""


@dataclass(frozen=True)
class Document:
    path: str
    text: str
    format: str = "txt"
    # format-specific places: offset → (page/paragraph/table-cell description); filled by loaders
    locations: tuple = field(default=(), repr=False)


TEXT_SUFFIXES = {".txt", ".text", ".md", ""}


def load_document(path: str | Path) -> Document:
    p = Path(path)
    if not p.exists():
        raise LoadError(f"{p}: no such file")
    if p.is_dir():
        raise LoadError(f"{p}: is a folder, not a report")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise LoadError(f"{p}: cannot read ({exc.strerror or exc})") from None
    if not data.strip():
        raise LoadError(f"{p}: the file is empty")
    text = decode_text(data, str(p))
    return Document(path=str(p), text=text, format="txt")
