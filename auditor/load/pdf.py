"""PDF reports, read with pdfplumber (pdfminer.six): text and ruled tables, page by page.

Why pdfplumber and not PyMuPDF (benchmarks/pdf_libraries.py, 58 reports
written as PDFs with a CID font and with an embedded TrueType font): both read
the same characters (raw text 0.979 similar to the source for both, the same
figures found); PyMuPDF's raw text is ten times faster (2 against 21 ms a
page), but once it also looks for tables (16 ms a page) it is hardly faster
than this whole loader (22–27 ms a page, tables and line joining included,
which reads every figure and gives the .txt's findings on all 58).  PyMuPDF is
AGPL-licensed (this project is MIT) and its 2.x release pulls in onnxruntime;
pdfplumber is MIT and pure Python.

A PDF has no paragraphs, only positioned lines, so the loader rebuilds them:

* ruled tables (pdfplumber's line-based finder) become one line per row,
  cells separated by " | "; the text inside a table area is not read twice;
* a line with gaps wider than two characters is a row of a table drawn without
  rules: it is written as cells too;
* a line that runs to the right margin of a text column (at least 15
  characters wide; a page of a few lines takes the margins of the full pages)
  and is followed, without extra spacing, by a line that is not indented is a
  *wrapped* line: it is joined to the next one (across a page break too),
  without a space between Chinese characters, so "403.18" at the end of one
  line and "万元" at the start of the next stay one figure;
* a full line that ends a sentence, followed by a numbered item ("2.", "（三）"),
  ends its paragraph;
* a line that opens with "、" after a long line that ends mid-sentence continues
  it (an enumeration wrapped before its comma, e.g. by a typesetter that keeps
  "会议费" whole), even where the previous line stops short of the margin: it is
  not a heading whose numeral was lost;
* spaces a justified line puts between Chinese characters are dropped;
* a page number alone on the first or last line of a page ("- 3 -", "第3页",
  "3/12") is dropped;
* characters drawn twice to look bold are read once (pdfplumber's dedupe_chars);
* a glyph the font cannot map to a character ("(cid:123)") becomes U+FFFD, and a
  PDF that is mostly such glyphs is refused (its text cannot be read without OCR).

Locations: {"page": n}; table cells add {"table", "row", "cell"}.
A password-protected PDF (one that needs a password to open) is refused with
one line; so is a damaged one, and one without a text layer (a scan).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from auditor.load.base import Document, LoadError, Place, TextBuilder, cell_text, join_lines

_PAGE_NUMBER = re.compile(
    r"^[-—–_\s]*(?:第\s*)?\d{1,4}\s*(?:页)?\s*(?:(?:/|of|共)\s*\d{1,4}\s*页?)?[-—–_\s]*$", re.IGNORECASE)
_CID = re.compile(r"\(cid:\d+\)")
_CJK_SPACE = re.compile(r"(?<=[^\x00-\x7f]) +(?=[^\x00-\x7f])")
_ITEM = re.compile(r"^(?:[（(]?[一二三四五六七八九十]{1,3}[）)、.．]|[（(]\d{1,2}[）)]|\d{1,2}[、.．](?!\d)|[①-⑳])")
_SENTENCE_END = "。；;：:！？!?"


@dataclass
class _Line:
    text: str
    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    left: float = 0.0  # the page's text margins
    right: float = 0.0
    cells: list[str] | None = None  # a row of an unruled table: its cells


@dataclass
class _Table:
    page: int
    top: float
    rows: list[list[str | None]] = field(default_factory=list)


def load_pdf(data: bytes, path: str) -> Document:
    import pdfplumber
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except PdfminerException as exc:
        raise _error(exc, path) from None
    items: list[_Line | _Table] = []
    try:
        for number, page in enumerate(pdf.pages, start=1):
            items.extend(_page_items(_deduped(page), number))
            page.close()  # drop the page's parsed objects: memory stays flat on long reports
    except PdfminerException as exc:
        raise _error(exc, path) from None
    finally:
        pdf.close()
    _refuse_unmapped_fonts(items, path)
    _settle_margins([item for item in items if isinstance(item, _Line)])
    return _write(items, path)


def _settle_margins(lines: list[_Line]) -> None:
    """A page of a few lines says little about where the text column ends: it
    gets the margins most full pages have (the median of theirs)."""
    pages: dict[int, list[_Line]] = {}
    for line in lines:
        pages.setdefault(line.page, []).append(line)
    full = [group for group in pages.values() if len(group) >= 8]
    if not full:
        return
    rights = sorted(group[0].right for group in full)
    lefts = sorted(group[0].left for group in full)
    right, left = rights[len(rights) // 2], lefts[len(lefts) // 2]
    for group in pages.values():
        if len(group) < 8:
            for line in group:
                line.right = max(right, line.right)
                line.left = min(left, line.left)


def _deduped(page):
    """The page with characters drawn twice to look bold read once — pdfplumber's
    dedupe_chars, which costs a third of the reading time, only when needed."""
    seen: set[tuple] = set()
    for ch in page.chars:
        key = (ch["text"], round(ch["x0"]), round(ch["top"]))
        if key in seen:
            return page.dedupe_chars()
        seen.add(key)
    return page


def _refuse_unmapped_fonts(items: list, path: str) -> None:
    """A font without a ToUnicode map gives "(cid:1234)" instead of characters."""
    text = "".join(item.text for item in items if isinstance(item, _Line))
    unmapped = text.count("\ufffd")
    if text and unmapped > len(text) * 0.3:
        raise LoadError(f"{path}: this PDF's fonts do not say which characters they draw (no ToUnicode map), "
                        "so its text cannot be read; run OCR on it first")


def _error(exc: Exception, path: str) -> LoadError:
    cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
    name = type(cause).__name__
    if "Password" in name or "Encrypt" in name:
        return LoadError(f"{path}: password-protected PDF; open it with its password, save an unprotected "
                         "copy and check that")
    detail = str(cause).strip().splitlines()[0][:120] if str(cause).strip() else name
    return LoadError(f"{path}: damaged PDF ({detail})")


def _page_items(page, number: int) -> list[_Line | _Table]:
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]

    def outside(obj) -> bool:
        if obj.get("object_type") != "char" or not boxes:
            return True
        cx = (obj["x0"] + obj["x1"]) / 2
        cy = (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

    body = page.filter(outside) if boxes else page
    lines = []
    for raw in body.extract_text_lines(return_chars=True, x_tolerance=1.5):
        text = _CJK_SPACE.sub("", raw["text"]).strip()
        if "(cid:" in text:
            text = _CID.sub("\ufffd", text)
        if not text:
            continue
        sizes = sorted(c.get("size", 0) or (c["bottom"] - c["top"]) for c in raw["chars"])
        size = (sizes[len(sizes) // 2] if sizes else raw["bottom"] - raw["top"]) or 10.0
        line = _Line(text, number, raw["x0"], raw["x1"], raw["top"], raw["bottom"], size)
        cells = _gap_cells(raw["chars"], size)
        if len(cells) >= 2:
            line.cells = cells
            line.text = " | ".join(cells)
        lines.append(line)
    # page numbers alone at the top or bottom of the page
    for index in (-1, 0):
        if lines and _PAGE_NUMBER.match(lines[index].text):
            lines.pop(index)
    prose = [line for line in lines if line.cells is None] or lines
    if prose:
        left = min(line.x0 for line in prose)
        right = max(line.x1 for line in prose)
        for line in lines:
            line.left, line.right = left, right
    items: list[_Line | _Table] = list(lines)
    for table in tables:
        items.append(_Table(number, table.bbox[1], table.extract()))
    items.sort(key=lambda item: item.top)
    return items


def _gap_cells(chars: list[dict], size: float) -> list[str]:
    """A line's text cut where a gap wider than two characters stands: the
    columns of a table drawn without rules.  One piece for ordinary prose."""
    pieces: list[list[str]] = [[]]
    previous = None
    for ch in sorted(chars, key=lambda c: c["x0"]):
        if previous is not None:
            gap = ch["x0"] - previous["x1"]
            if gap > 1.8 * size:
                pieces.append([])
            elif gap > 0.25 * size and pieces[-1]:
                pieces[-1].append(" ")
        pieces[-1].append(ch["text"])
        previous = ch
    out = [_CJK_SPACE.sub("", "".join(piece)).strip() for piece in pieces]
    return [piece for piece in out if piece]


def _wraps(line: _Line, following: _Line) -> bool:
    """Does `line` continue on `following` (a wrapped line, not the end of a paragraph)?"""
    if line.cells is not None or following.cells is not None:
        return False
    em = line.size
    if line.right - line.left < 15 * em:  # no text column that wide on the page: nothing wrapped
        return False
    if line.right - line.x1 > 2.0 * em:  # ends short of the margin: the paragraph ended
        return False
    if following.x0 - following.left > 0.9 * em:  # indented: a new paragraph starts
        return False
    if line.text[-1] in _SENTENCE_END and (_ITEM.match(following.text) or following.text.startswith("、")):
        return False  # "…增加。" then "2.商品…", or "、政府采购情况": a heading that lost its numeral
    if following.page == line.page:
        gap = following.top - line.bottom
        if gap > 0.9 * em or gap < -0.5 * em:  # paragraph spacing, or not the next line down
            return False
    return True


def _continues(line: _Line, following: _Line) -> bool:
    """Does `following`, which opens with "、", continue `line`'s unfinished enumeration?"""
    if line.cells is not None or following.cells is not None or not following.text.startswith("、"):
        return False
    em = line.size
    if line.text[-1] in _SENTENCE_END or line.right - line.left < 15 * em:
        return False
    if line.right - line.x1 > 5.0 * em:  # a short line (a heading, the end of a paragraph)
        return False
    if following.page == line.page and following.top - line.bottom > 1.5 * em:
        return False
    return True


def _write(items: list[_Line | _Table], path: str) -> Document:
    out = TextBuilder()
    tables = 0
    previous: _Line | None = None
    page = 0
    for item in items:
        if isinstance(item, _Table):
            if previous is not None:
                out.write("\n")
                previous = None
            tables += 1
            out.blank_line()
            for r, row in enumerate(item.rows, start=1):
                cells = [(cell_text(text or "", wrapped=True),
                          {"page": item.page, "table": tables, "row": r, "cell": c})
                         for c, text in enumerate(row, start=1)]
                if any(text for text, _ in cells):
                    out.row(cells)
            out.blank_line()
            continue
        place: Place = {"page": item.page}
        if item.cells is not None:  # a row of an unruled table
            if previous is not None:
                out.write("\n")
            elif page and item.page != page:
                out.blank_line()
            out.row([(cell, place) for cell in item.cells])
            previous, page = None, item.page
            continue
        if previous is not None:
            if _wraps(previous, item) or _continues(previous, item):
                joined = join_lines(previous.text, item.text)
                if len(joined) > len(previous.text) + len(item.text):
                    out.write(" ")
            else:
                out.write("\n")
                if item.page == previous.page and item.top - previous.bottom > 0.9 * previous.size:
                    out.write("\n")  # paragraph spacing: keep it as a blank line
        elif page and item.page != page:
            out.blank_line()
        out.write(item.text, place)
        previous = item
        page = item.page
    if previous is not None:
        out.write("\n")
    return out.build(path, "pdf")
