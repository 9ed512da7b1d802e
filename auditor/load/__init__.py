"""Stage 1: a file on disk → a `Document` holding its text and where each piece came from.

The format is decided by the file's content (`auditor.load.sniff`), the
extension being only a hint, and each format is read by a well-kept library:

    txt    auditor.load.text    UTF-8/UTF-16/GB18030/GBK/Big5 detection (charset-normalizer as last resort)
    html   auditor.load.html    lxml: visible text, tables as "a | b | c" rows
    docx   auditor.load.docx    python-docx: paragraphs and tables in document order
    pdf    auditor.load.pdf     pypdfium2 (PDFium): characters → lines, ruled tables, paragraphs
    xlsx   auditor.load.sheets  openpyxl;   xls: xlrd — every sheet as rows

Loaders never modify the input.  Every failure is a `LoadError` whose message
is one line a user can act on; the CLI prints it and exits with status 2.
`load_together` reads a report and its attachments as one document.
"""

from __future__ import annotations

from pathlib import Path

from auditor.load.base import Document, LoadError, Place, Segment, TextBuilder, describe_place
from auditor.load.sniff import FORMAT_NAMES, sniff
from auditor.load.text import decode_text

__all__ = ["Document", "LoadError", "Place", "Segment", "TextBuilder", "describe_place", "load_bytes",
           "load_document", "load_together", "decode_text", "sniff", "REPORT_SUFFIXES", "ATTACHMENT_SEPARATOR"]

# Extensions a folder walk picks up (a file given by name is read whatever its extension).
REPORT_SUFFIXES = frozenset({".txt", ".text", ".pdf", ".docx", ".xlsx", ".xls", ".html", ".htm"})
# Written between a report and each attachment: a line no grammar rule reads,
# surrounded by enough blank lines to end any table the reader is in.
ATTACHMENT_SEPARATOR = "\n" * 8 + "—— 附件 ——" + "\n" * 8


def _read_bytes(p: Path) -> bytes:
    if not p.exists():
        raise LoadError(f"{p}: no such file")
    if p.is_dir():
        raise LoadError(f"{p}: is a folder, not a report")
    try:
        return p.read_bytes()
    except OSError as exc:
        raise LoadError(f"{p}: cannot read ({exc.strerror or exc})") from None


def load_bytes(data: bytes, path: str) -> Document:
    """Read a report from its bytes; `path` names it in messages and hints at the format."""
    if not data.strip():
        raise LoadError(f"{path}: the file is empty")
    fmt = sniff(data, path)
    try:
        document = _LOADERS[fmt](data, path)
    except LoadError:
        raise
    except MemoryError:
        raise LoadError(f"{path}: too large to read") from None
    except Exception as exc:  # a library's own error on a damaged file: one line, never a traceback
        detail = str(exc).strip().splitlines()[0][:160] if str(exc).strip() else type(exc).__name__
        raise LoadError(f"{path}: damaged or unreadable {FORMAT_NAMES[fmt]} file ({detail})") from None
    if not document.text.strip():
        hint = " (a scanned PDF has no text layer: run OCR on it first)" if fmt == "pdf" else ""
        raise LoadError(f"{path}: no text found in this {FORMAT_NAMES[fmt]} file{hint}")
    return document


def load_document(path: str | Path) -> Document:
    p = Path(path)
    return load_bytes(_read_bytes(p), str(p))


def load_together(paths: list[str | Path]) -> Document:
    """A report and its attachments as ONE document.

    The texts are joined with `ATTACHMENT_SEPARATOR`; every location keeps the
    file it came from (place["file"]), so a finding in the attachment says so.
    The document is named after the first file.
    """
    documents = [load_document(p) for p in paths]
    if len(documents) == 1:
        return documents[0]
    parts: list[str] = []
    segments: list[Segment] = []
    notes: list = []
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
        parts.append(doc.text)
        pos += len(doc.text)
    text = "".join(parts)
    return Document(path=documents[0].path, text=text, format="+".join(d.format for d in documents),
                    locations=tuple(segments), notes=tuple(notes))


def _load_txt(data: bytes, path: str) -> Document:
    text = decode_text(data, path)
    if text.startswith("\ufeff"):
        text = text[1:]
    return Document(path=path, text=text, format="txt")


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
