"""Stage 1: a file on disk → a `Document` holding its text and where each piece came from.

The format is decided by the file's content (`auditor.load.sniff`), the
extension being only a hint, and each format is read by a well-kept library:

    txt    auditor.load.text    UTF-8/UTF-16/GB18030/GBK/Big5 detection (charset-normalizer as last resort)
    html   auditor.load.html    lxml: visible text, tables as "a | b | c" rows
    docx   auditor.load.docx    python-docx: paragraphs and tables in document order
    pdf    auditor.load.pdf     pypdfium2 (PDFium): characters → lines, ruled tables, paragraphs
    xlsx   auditor.load.sheets  openpyxl;   xls: xlrd — every sheet as rows

Loaders never modify the input.  Every failure is a `LoadError`: a key of the
message catalogue and its values, rendered as one line a user can act on in the
language of the run (`LoadError.render`); the CLI prints it and exits with status 2.
Only regular files are opened (a FIFO would block, /dev/zero never ends), and
never more than `max_bytes` of them is read (DEFAULT_MAX_BYTES, `--max-size`).
What a loader could read only in part (damaged bytes replaced) is said in
`Document.warnings`.
`load_together` reads a report and its attachments as one document.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

from auditor import lazyre
from auditor.load.base import Document, LoadError, Place, Segment, TextBuilder, describe_place
from auditor.load.sniff import sniff
from auditor.load.text import decode_report, decode_text

__all__ = ["Document", "LoadError", "Place", "Segment", "TextBuilder", "describe_place", "load_bytes",
           "load_document", "load_together", "decode_text", "sniff", "REPORT_SUFFIXES", "ATTACHMENT_SEPARATOR",
           "DEFAULT_MAX_BYTES", "read_file", "parse_size", "SizeError", "show_size", "not_a_file"]

# Extensions a folder walk picks up (a file given by name is read whatever its extension).
REPORT_SUFFIXES = frozenset({".txt", ".text", ".pdf", ".docx", ".xlsx", ".xls", ".html", ".htm"})
# Written between a report and each attachment: a line no grammar rule reads,
# surrounded by enough blank lines to end any table the reader is in.
ATTACHMENT_SEPARATOR = "\n" * 8 + "—— 附件 ——" + "\n" * 8


# The largest file read (--max-size): a report is at most a few MB; 20 MB holds every real one
# with room to spare and keeps a batch's memory bounded whatever it is given.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
_UNITS = {"": 1, "b": 1, "k": 1024, "kb": 1024, "m": 1024 ** 2, "mb": 1024 ** 2, "g": 1024 ** 3, "gb": 1024 ** 3}
_SIZE = lazyre.compile(r"^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$", re.IGNORECASE)


class SizeError(ValueError):
    """A --max-size that is not a size: str() in English, render(lang) in the language of the run."""

    def __init__(self, key: str, value: str) -> None:
        self.key, self.value = key, value
        super().__init__(key, value)

    def __str__(self) -> str:
        return self.render("en")

    def render(self, lang: str) -> str:
        from auditor.messages import text

        return text(lang, self.key, value=repr(self.value))


def parse_size(text: str) -> int:
    """'20MB', '500k', '1.5G', '1048576' → bytes; SizeError (a ValueError) when it is none of these."""
    m = _SIZE.match(str(text))
    if m is None or m.group(2).lower() not in _UNITS:
        raise SizeError("size.invalid", str(text))
    size = int(float(m.group(1)) * _UNITS[m.group(2).lower()])
    if size <= 0:
        raise SizeError("size.not_positive", str(text))
    return size


def show_size(size: int, lang: str = "en") -> str:
    """20971520 → '20 MB', 1536 → '1.5 KB', 100 → '100 bytes' (auditor.messages.size)."""
    from auditor.messages import size as words

    return words(lang, size)


def too_large(name: str, limit: int) -> LoadError:
    return LoadError("load.too_large", path=name, limit=limit)


def not_a_file(mode: int) -> str | None:
    """What a path that is not a regular file is: folder, fifo, device, socket or special
    (auditor.messages "kind.*" in words); None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "special"


def _os_error(name: str, exc: OSError) -> LoadError:
    if exc.errno == errno.ELOOP:
        return LoadError("load.link_loop", path=name)
    if exc.errno == errno.ENOENT:
        return LoadError("load.no_such_file", path=name)
    return LoadError("load.cannot_read", path=name, reason=str(exc.strerror or exc), errno=exc.errno)


def read_file(p: str | Path, max_bytes: int | None = None) -> bytes:
    """The bytes of a regular file, refused when larger than `max_bytes`.

    Why so careful: a FIFO blocks the reader forever and /dev/zero never ends,
    so only a regular file is opened (checked again on the open descriptor, in
    case the path changed in between), and at most max_bytes + 1 bytes are
    read, so a file that grows while it is read cannot exhaust memory either.
    """
    name = str(p)
    limit = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    try:
        info = os.stat(p)
    except OSError as exc:
        raise _os_error(name, exc) from None
    kind = not_a_file(info.st_mode)
    if kind == "folder":
        raise LoadError("load.folder", path=name)
    if kind is not None:
        raise LoadError("load.not_a_file", path=name, kind=kind)
    if info.st_size > limit:
        raise too_large(name, limit)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(p, flags)
    except OSError as exc:
        raise _os_error(name, exc) from None
    try:
        kind = not_a_file(os.fstat(fd).st_mode)
        if kind is not None:
            raise LoadError("load.not_a_file", path=name, kind=kind)
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise _os_error(name, exc) from None
    finally:
        os.close(fd)
    if total > limit:
        raise too_large(name, limit)
    return b"".join(chunks)


def load_bytes(data: bytes, path: str) -> Document:
    """Read a report from its bytes; `path` names it in messages and hints at the format."""
    if not data.strip():
        raise LoadError("load.empty", path=path)
    fmt = sniff(data, path)
    try:
        document = _LOADERS[fmt](data, path)
    except LoadError:
        raise
    except MemoryError:
        raise LoadError("load.memory", path=path) from None
    except Exception as exc:  # a library's own error on a damaged file: one line, never a traceback
        detail = str(exc).strip().splitlines()[0][:160] if str(exc).strip() else type(exc).__name__
        raise LoadError("load.damaged", path=path, format=fmt, detail=detail) from None
    if not document.text.strip():
        raise LoadError("load.no_text_pdf" if fmt == "pdf" else "load.no_text", path=path, format=fmt)
    return document


def load_document(path: str | Path, max_bytes: int | None = None) -> Document:
    p = Path(path)
    return load_bytes(read_file(p, max_bytes), str(p))


def load_together(paths: list[str | Path], max_bytes: int | None = None) -> Document:
    """A report and its attachments as ONE document.

    The texts are joined with `ATTACHMENT_SEPARATOR`; every location keeps the
    file it came from (place["file"]), so a finding in the attachment says so.
    The document is named after the first file.
    """
    documents = [load_document(p, max_bytes) for p in paths]
    if len(documents) == 1:
        return documents[0]
    parts: list[str] = []
    segments: list[Segment] = []
    notes: list = []
    warnings: list = []
    pos = 0
    for n, doc in enumerate(documents):
        if n:
            parts.append(ATTACHMENT_SEPARATOR)
            pos += len(ATTACHMENT_SEPARATOR)
        name = Path(doc.path).name
        locations = doc.locations or (text_lines(doc.text) if doc.format == "txt" else ((0, len(doc.text), {}),))
        for start, end, place in locations:
            segments.append((pos + start, pos + end, {"file": name, **place}))
        notes.extend((pos + start, pos + end, note) for start, end, note in doc.notes)
        warnings.extend(doc.warnings)
        parts.append(doc.text)
        pos += len(doc.text)
    text = "".join(parts)
    return Document(path=documents[0].path, text=text, format="+".join(d.format for d in documents),
                    locations=tuple(segments), notes=tuple(notes), warnings=tuple(warnings))


def _load_txt(data: bytes, path: str) -> Document:
    text, damage = decode_report(data, path)
    if text.startswith("\ufeff"):
        text = text[1:]
    return Document(path=path, text=text, format="txt", warnings=damage_warnings(damage, path))


def damage_warnings(damage, path: str) -> tuple:
    """The one warning of a text read with damaged bytes replaced (see decode_report)."""
    if damage is None:
        return ()
    encoding, count = damage
    return (("warn.damaged_bytes", {"path": path, "n": count, "encoding": encoding}),)


def text_lines(text: str) -> tuple[Segment, ...]:
    """One segment per line: {"line": n, "column": 1} (columns advance within the line)."""
    segments: list[Segment] = []
    pos = 0
    for number, line in enumerate(text.split("\n"), start=1):
        segments.append((pos, pos + len(line) + 1, {"line": number, "column": 1}))
        pos += len(line) + 1
    return tuple(segments)


def _load_html(data: bytes, path: str) -> Document:
    from auditor.load.html import load_html

    return load_html(data, path)


def _load_docx(data: bytes, path: str) -> Document:
    from auditor.load.docx import load_docx

    return load_docx(data, path)


def _load_pdf(data: bytes, path: str) -> Document:
    from auditor.load.pdf import load_pdf

    return load_pdf(data, path)


def _load_xlsx(data: bytes, path: str) -> Document:
    from auditor.load.sheets import load_xlsx

    return load_xlsx(data, path)


def _load_xls(data: bytes, path: str) -> Document:
    from auditor.load.sheets import load_xls

    return load_xls(data, path)


_LOADERS = {"txt": _load_txt, "html": _load_html, "docx": _load_docx, "pdf": _load_pdf,
            "xlsx": _load_xlsx, "xls": _load_xls}
