"""PDF reports, read with pypdfium2 (PDFium): characters and their boxes, page by page.

PDFium reads the characters and where they stand (about 2 ms a page); the
lines, tables and paragraphs are rebuilt here, because a PDF has no
paragraphs, only positioned characters and the strokes around them
(benchmarks/pdf_speed.py: ~10× faster than the pdfplumber loader this
replaces, the same findings as the .txt on the seeds and the corpus).
PDFium is BSD/Apache-licensed and ships as a wheel.

* characters are grouped into lines by their top (3 pt tolerance), sorted
  left to right, a space written where a gap is wider than 1.5 pt;
* ruled tables — a grid of horizontal and vertical strokes (lines, thin
  rectangles) — become one line per row, cells separated by " | "; the text
  inside a table area is not read twice;
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
* characters drawn twice to look bold are read once;
* a glyph the font cannot map to a character becomes U+FFFD, and a PDF that is
  mostly such glyphs is refused (its text cannot be read without OCR).

A font the PDF names without embedding it (common: 宋体) is measured with a
stand-in font of boxes (`_stand_in_fonts`), not looked up among the system's
fonts: reading text needs only the PDF's character maps and positions, the
system's CJK fonts cost 10 ms a page, and the text read no longer depends on
which fonts the machine has.

Locations: {"page": n}; table cells add {"table", "row", "cell"}.
A password-protected PDF (one that needs a password to open) is refused with
one line; so is a damaged one, and one without a text layer (a scan).
"""

from __future__ import annotations

import ctypes
import re
import struct
from dataclasses import field
from functools import lru_cache
from itertools import groupby

from auditor import lazyre
from auditor.load.base import Document, LoadError, Place, TextBuilder, cell_text, join_lines
from auditor.records import dataclass

_PAGE_NUMBER = lazyre.compile(
    r"^[-—–_\s]*(?:第\s*)?\d{1,4}\s*(?:页)?\s*(?:(?:/|of|共)\s*\d{1,4}\s*页?)?[-—–_\s]*$", re.IGNORECASE)
_CJK_SPACE = lazyre.compile(r"(?<=[^\x00-\x7f]) +(?=[^\x00-\x7f])")
_ITEM = lazyre.compile(r"^(?:[（(]?[一二三四五六七八九十]{1,3}[）)、.．]|[（(]\d{1,2}[）)]|\d{1,2}[、.．](?!\d)|[①-⑳])")
_SENTENCE_END = "。；;：:！？!?"

# Tolerances (PDF points) of the line and table readers, as pdfplumber has them.
_LINE_Y = 3.0  # characters whose tops differ by at most this (chained) share a line
_WORD_GAP = 1.5  # a wider gap between two characters of a line is a space
_CELL_WORD_GAP = 3.0  # … inside a table cell
_SNAP = 3.0  # strokes this close are one rule
_JOIN = 3.0  # collinear strokes with a gap this small are one rule
_MIN_RULE = 3.0  # shorter strokes draw no table
_CROSS = 3.0  # how near two rules must come to cross
_STRAIGHT = 0.1  # a stroke whose ends differ by less than this is horizontal (vertical)


class _Char:
    __slots__ = ("text", "x0", "x1", "top", "bottom", "index")

    def __init__(self, text: str, x0: float, x1: float, top: float, bottom: float, index: int) -> None:
        self.text, self.x0, self.x1, self.top, self.bottom, self.index = text, x0, x1, top, bottom, index


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
    import pypdfium2 as pdfium

    _stand_in_fonts()
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise _error(exc, path) from None
    items: list[_Line | _Table] = []
    try:
        for number in range(1, len(pdf) + 1):
            page = pdf[number - 1]
            try:
                items.extend(_page_items(page, number))
            finally:
                page.close()  # the page's parsed objects go: memory stays flat on long reports
    finally:
        pdf.close()
    _refuse_unmapped_fonts(items, path)
    _settle_margins([item for item in items if isinstance(item, _Line)])
    return _write(items, path)


@lru_cache(maxsize=1)
def _stand_in_fonts() -> object:
    """Give PDFium one stand-in for every font a PDF names without embedding it; once per process.

    PDFium looks such fonts up among the system's fonts, and then reads every
    glyph's outline from them (10 ms a page for 宋体 with the Noto CJK fonts
    installed), and a result that depends on the fonts of the machine.  Reading
    text needs no outlines: where each character stands comes from the PDF.
    The stand-in (`_box_font`) has a box for every character, so PDFium still
    sees that a one-character text object has a width.  The structure and its
    callbacks must outlive every document: the cache keeps them.
    """
    import pypdfium2.raw as raw

    font = _box_font()

    def font_data(this, handle, table, buffer, size):
        if table != 0:
            return 0  # only the whole file is offered
        if buffer and size >= len(font):
            ctypes.memmove(buffer, font, len(font))
        return len(font)

    def face_name(this, handle, buffer, size):
        name = b"Box\0"
        if buffer and size >= len(name):
            ctypes.memmove(buffer, name, len(name))
        return len(name)

    callbacks = {
        "Release": lambda this: None,
        "EnumFonts": lambda this, mapper: None,
        "MapFont": lambda this, weight, italic, charset, pitch, face, exact: 1,
        "GetFont": lambda this, face: 1,
        "GetFontData": font_data,
        "GetFaceName": face_name,
        "GetFontCharset": lambda this, handle: 1,  # DEFAULT_CHARSET
        "DeleteFont": lambda this, handle: None,
    }
    fields = dict(raw.FPDF_SYSFONTINFO._fields_)
    info = raw.FPDF_SYSFONTINFO()
    info.version = 1
    for name, fn in callbacks.items():
        setattr(info, name, fields[name](fn))
    raw.FPDF_SetSystemFontInfo(ctypes.byref(info))
    return info, callbacks


def _box_font() -> bytes:
    """A TrueType font of boxes: one em wide for every character, half an em for
    ASCII (the widths of a CJK font's own Latin letters and digits); 1000 units/em."""
    def table_sum(data: bytes) -> int:
        data += b"\0" * (-len(data) % 4)
        return sum(struct.unpack(f">{len(data) // 4}I", data)) & 0xFFFFFFFF

    def box(width: int) -> bytes:  # one contour, four on-curve points (0,-120) (0,880) (w,880) (w,-120)
        glyph = struct.pack(">hhhhhHH4B4h4h", 1, 0, -120, width, 880, 3, 0, 1, 1, 1, 1,
                            0, 0, width, 0, -120, 1000, 0, -1000)
        return glyph + b"\0" * (-len(glyph) % 4)

    glyphs = [box(1000), box(1000), box(500)]  # .notdef, full width, half width
    glyf = b"".join(glyphs)
    offsets = [0]
    for g in glyphs:
        offsets.append(offsets[-1] + len(g))
    tables = {
        # format 13: ranges of characters that share one glyph
        b"cmap": struct.pack(">HHHHI", 0, 1, 3, 10, 12)
        + struct.pack(">HHIII", 13, 0, 16 + 2 * 12, 0, 2) + struct.pack(">III", 0x20, 0x7E, 2)
        + struct.pack(">III", 0x7F, 0x10FFFF, 1),
        b"glyf": glyf,
        b"head": struct.pack(">IIIIHHqqhhhhHHhhh", 0x00010000, 0x00010000, 0, 0x5F0F3CF5, 0, 1000, 0, 0,
                             0, -120, 1000, 880, 0, 8, 2, 0, 0),
        b"hhea": struct.pack(">IhhhHhhhhhh4hhH", 0x00010000, 880, -120, 0, 1000, 0, 0, 1000, 1, 0, 0,
                             0, 0, 0, 0, 0, len(glyphs)),
        b"hmtx": struct.pack(">HhHhHh", 1000, 0, 1000, 0, 500, 0),
        b"loca": struct.pack(f">{len(offsets)}H", *(o // 2 for o in offsets)),
        b"maxp": struct.pack(">IHHHHHHHHHHHHHH", 0x00010000, len(glyphs), 4, 1, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0),
        b"name": struct.pack(">HHHHHHHHH", 0, 1, 18, 3, 1, 0x409, 1, 6, 0) + "Box".encode("utf-16-be"),
    }
    out = struct.pack(">IHHHH", 0x00010000, len(tables), 128, 3, len(tables) * 16 - 128)
    body = b""
    offset = 12 + 16 * len(tables)
    for tag, data in tables.items():
        out += struct.pack(">4sIII", tag, table_sum(data), offset + len(body), len(data))
        body += data + b"\0" * (-len(data) % 4)
    return out + body


def _error(exc: Exception, path: str) -> LoadError:
    import pypdfium2.raw as raw

    if getattr(exc, "err_code", None) in (raw.FPDF_ERR_PASSWORD, raw.FPDF_ERR_SECURITY):
        return LoadError("load.pdf_password", path=path)
    message = str(exc).strip()
    said = re.search(r"PDFium: ([^)]+)", message)  # "Failed to load document (PDFium: Data format error)."
    detail = said.group(1) if said else (message.splitlines()[0][:120] if message else type(exc).__name__)
    return LoadError("load.pdf_damaged", path=path, detail=detail.lower())


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


def _refuse_unmapped_fonts(items: list, path: str) -> None:
    """A font without a ToUnicode map draws glyphs nobody can name (U+FFFD here)."""
    text = "".join(item.text for item in items if isinstance(item, _Line))
    unmapped = text.count("\ufffd")
    if text and unmapped > len(text) * 0.3:
        raise LoadError("load.pdf_fonts", path=path)


# -- characters ----------------------------------------------------------------------


def _chars(textpage, page_top: float) -> list[_Char]:
    """The page's characters in drawing order (PDFium's own spaces and line breaks left out),
    with `top`/`bottom` measured down from the top of the page."""
    import pypdfium2.raw as raw

    handle = textpage.raw
    count = raw.FPDFText_CountChars(handle)
    if count <= 0:
        return []
    codes = _codes(handle, count)
    rect = raw.FS_RECTF()
    box = raw.FPDFText_GetLooseCharBox
    generated = raw.FPDFText_IsGenerated
    out: list[_Char] = []
    for index, code in enumerate(codes):
        if code < 0x20 or (code == 0x20 and generated(handle, index)):
            continue  # line breaks and spaces PDFium inferred: the line reader decides those
        box(handle, index, rect)
        out.append(_Char(chr(code), rect.left, rect.right, page_top - rect.top, page_top - rect.bottom, index))
    out = _joined_surrogates(out)
    # A box's left edge is the character's origin; its right edge comes from the font's
    # widths, which a font that is not embedded lacks.  Where the next character follows
    # on the same line within that box, it ends where the next one starts.
    for c, following in zip(out, out[1:]):
        if c.x0 < following.x0 < c.x1 and abs(following.top - c.top) < 1:
            c.x1 = following.x0
    _mark_unmapped(handle, out)
    return out


def _joined_surrogates(chars: list[_Char]) -> list[_Char]:
    """PDFium lists a character beyond U+FFFF (an emoji, a rare 汉字 of plane 2) as its two
    UTF-16 halves: they become one character again; a half alone becomes U+FFFD."""
    if not any("\ud800" <= c.text <= "\udfff" for c in chars):
        return chars
    out: list[_Char] = []
    for c in chars:
        previous = out[-1] if out else None
        if (previous is not None and "\udc00" <= c.text <= "\udfff" and "\ud800" <= previous.text <= "\udbff"):
            previous.text = (previous.text + c.text).encode("utf-16-le", "surrogatepass").decode("utf-16-le")
            previous.x1 = max(previous.x1, c.x1)
            continue
        out.append(c)
    for c in out:
        if "\ud800" <= c.text <= "\udfff":
            c.text = "\ufffd"
    return out


def _codes(handle, count: int) -> list[int]:
    """Every character's code point: one call for the page when PDFium's text has
    one UTF-16 unit per character, else one call per character."""
    import pypdfium2.raw as raw

    buffer = (ctypes.c_ushort * (count + 1))()
    written = raw.FPDFText_GetText(handle, 0, count, buffer)
    units = list(buffer)[: written - 1] if written > 0 else []
    if len(units) == count and not any(0xD800 <= u < 0xE000 for u in units):
        return units
    return [raw.FPDFText_GetUnicode(handle, index) for index in range(count)]


def _mark_unmapped(handle, chars: list[_Char]) -> None:
    """Glyphs whose font has no character map → U+FFFD.  A font lacks its map for all
    its glyphs, so a sample finds it; only then is every character asked."""
    import pypdfium2.raw as raw

    error = raw.FPDFText_HasUnicodeMapError
    if not any(error(handle, c.index) for c in chars[::8]):
        return
    for c in chars:
        if error(handle, c.index):
            c.text = "\ufffd"


def _deduped(chars: list[_Char]) -> list[_Char]:
    """Characters drawn twice to look bold (same character within 1 pt) read once."""
    seen = {(c.text, round(c.x0), round(c.top)) for c in chars}
    if len(seen) == len(chars):
        return chars
    kept: list[_Char] = []
    placed: dict[str, list[_Char]] = {}
    for c in chars:
        if not c.text.isspace():
            same = placed.setdefault(c.text, [])
            if any(abs(c.top - o.top) <= 1 and abs(c.x0 - o.x0) <= 1 for o in same):
                continue
            same.append(c)
        kept.append(c)
    return kept


def _text_lines(chars: list[_Char], word_gap: float) -> list[tuple[str, list[_Char]]]:
    """Characters → lines, top to bottom: (text, its characters left to right, spaces included).

    Tops within _LINE_Y of each other (chained) make one line; a line reads left
    to right, words separated by one space where a space was drawn or a gap is
    wider than `word_gap`.
    """
    if not chars:
        return []
    cluster: dict[float, int] = {}
    last = None
    n = -1
    for top in sorted({c.top for c in chars}):
        if last is None or top > last + _LINE_Y:
            n += 1
        cluster[top] = n
        last = top
    out = []
    for _, group in groupby(sorted(chars, key=lambda c: cluster[c.top]), key=lambda c: cluster[c.top]):
        words: list[list[_Char]] = []
        current: list[_Char] = []
        ordered = sorted(group, key=lambda c: c.x0)
        for c in ordered:
            if c.text.isspace():
                if current:
                    words.append(current)
                current = []
            elif current and (c.x0 < current[-1].x0 or c.x0 > current[-1].x1 + word_gap
                              or abs(c.top - current[-1].top) > _LINE_Y):
                words.append(current)
                current = [c]
            else:
                current.append(c)
        if current:
            words.append(current)
        if words:
            out.append((" ".join("".join(c.text for c in word) for word in words), ordered))
    return out


def _font_size(handle, chars: list[_Char]) -> float:
    """A line's font size: the median of its first, middle and last characters'."""
    import pypdfium2.raw as raw

    picks = {0, len(chars) // 2, len(chars) - 1}
    sizes = sorted(raw.FPDFText_GetFontSize(handle, chars[k].index) or (chars[k].bottom - chars[k].top)
                   for k in picks)
    return sizes[len(sizes) // 2] or 10.0


# -- ruled tables --------------------------------------------------------------------


def _rules(page, page_top: float) -> tuple[list[list[float]], list[list[float]]]:
    """Horizontal and vertical strokes of the page's paths (lines, rectangle sides),
    as [x0, top, x1, bottom], forms included."""
    import pypdfium2.raw as raw

    horizontal: list[list[float]] = []
    vertical: list[list[float]] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    matrix = raw.FS_MATRIX()

    def walk(count, get, parent) -> None:
        for k in range(count):
            obj = get(k)
            kind = raw.FPDFPageObj_GetType(obj)
            if kind not in (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM):
                continue
            raw.FPDFPageObj_GetMatrix(obj, matrix)
            own = _compose((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), parent)
            if kind == raw.FPDF_PAGEOBJ_FORM:
                walk(raw.FPDFFormObj_CountObjects(obj), lambda i, o=obj: raw.FPDFFormObj_GetObject(o, i), own)
                continue
            a, b, c, d, e, f = own
            start = previous = None
            for s in range(raw.FPDFPath_CountSegments(obj)):
                segment = raw.FPDFPath_GetPathSegment(obj, s)
                raw.FPDFPathSegment_GetPoint(segment, x, y)
                point = (a * x.value + c * y.value + e, page_top - (b * x.value + d * y.value + f))
                kind_of = raw.FPDFPathSegment_GetType(segment)
                if kind_of == raw.FPDF_SEGMENT_MOVETO:
                    start = point
                elif kind_of == raw.FPDF_SEGMENT_LINETO and previous is not None:
                    _stroke(previous, point, horizontal, vertical)
                previous = point
                if raw.FPDFPathSegment_GetClose(segment) and start is not None:
                    _stroke(previous, start, horizontal, vertical)
                    previous = start

    walk(raw.FPDFPage_CountObjects(page.raw), lambda i: raw.FPDFPage_GetObject(page.raw, i), (1, 0, 0, 1, 0, 0))
    return horizontal, vertical


def _compose(m, n):
    """The matrix m followed by n (PDF order: a b c d e f)."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u)


def _stroke(p, q, horizontal, vertical) -> None:
    (x0, y0), (x1, y1) = p, q
    if abs(y0 - y1) < _STRAIGHT and abs(x1 - x0) >= 1:
        horizontal.append([min(x0, x1), y0, max(x0, x1), y0])
    elif abs(x0 - x1) < _STRAIGHT and abs(y1 - y0) >= 1:
        vertical.append([x0, min(y0, y1), x0, max(y0, y1)])


def _snap(edges: list[list[float]], axis: int) -> None:
    """Rules within _SNAP of each other (chained) move to their mean position."""
    edges.sort(key=lambda e: e[axis])
    group: list[list[float]] = []
    for edge in [*edges, None]:
        if edge is not None and (not group or edge[axis] <= group[-1][axis] + _SNAP):
            group.append(edge)
            continue
        mean = sum(e[axis] for e in group) / len(group)
        for e in group:
            e[axis] = e[axis + 2] = mean
        group = [edge] if edge is not None else []


def _join(edges: list[list[float]], axis: int) -> list[list[float]]:
    """Collinear rules that (nearly) touch become one; short ones are dropped."""
    along = 1 - axis  # horizontal rules (axis 1: same top) run along x (index 0)
    out: list[list[float]] = []
    for _, group in groupby(sorted(edges, key=lambda e: (e[axis], e[along])), key=lambda e: e[axis]):
        joined: list[list[float]] = []
        for e in group:
            if joined and e[along] <= joined[-1][along + 2] + _JOIN:
                joined[-1][along + 2] = max(joined[-1][along + 2], e[along + 2])
            else:
                joined.append(list(e))
        out.extend(e for e in joined if e[along + 2] - e[along] >= _MIN_RULE)
    return out


def _tables(horizontal, vertical) -> list[list[tuple[float, float, float, float]]]:
    """Ruled tables: the cells (x0, top, x1, bottom) a grid of rules draws, one list per table
    (pdfplumber's "lines" strategy: rules cross where they come within _CROSS)."""
    if not horizontal or not vertical:
        return []
    _snap(horizontal, 1)
    _snap(vertical, 0)
    horizontal, vertical = _join(horizontal, 1), _join(vertical, 0)
    crossings: dict[tuple[float, float], tuple[set, set]] = {}
    for v in sorted(vertical, key=lambda e: (e[0], e[1])):
        for h in sorted(horizontal, key=lambda e: (e[1], e[0])):
            if v[1] <= h[1] + _CROSS and v[3] >= h[1] - _CROSS and h[0] - _CROSS <= v[0] <= h[2] + _CROSS:
                vs, hs = crossings.setdefault((v[0], h[1]), (set(), set()))
                vs.add(tuple(v))
                hs.add(tuple(h))

    def joined(p, q) -> bool:
        if p[0] == q[0] and crossings[p][0] & crossings[q][0]:
            return True
        return p[1] == q[1] and bool(crossings[p][1] & crossings[q][1])

    points = sorted(crossings)
    by_x: dict[float, list] = {}
    by_y: dict[float, list] = {}
    for p in points:
        by_x.setdefault(p[0], []).append(p)
        by_y.setdefault(p[1], []).append(p)
    cells = []
    for p in points:  # the smallest cell with p as its top left corner
        below = [q for q in by_x[p[0]] if q > p]
        right = [q for q in by_y[p[1]] if q > p]
        cell = next(((p[0], p[1], r[0], b[1]) for b in below if joined(p, b) for r in right if joined(p, r)
                     if (r[0], b[1]) in crossings and joined((r[0], b[1]), r) and joined((r[0], b[1]), b)), None)
        if cell is not None:
            cells.append(cell)
    return _group_cells(cells)


def _group_cells(cells):
    """Cells that share a corner make one table; tables top to bottom, one-cell ones dropped."""
    corner_of: dict[tuple[float, float], list[int]] = {}
    for k, (x0, top, x1, bottom) in enumerate(cells):
        for corner in ((x0, top), (x0, bottom), (x1, top), (x1, bottom)):
            corner_of.setdefault(corner, []).append(k)
    table_of = [-1] * len(cells)
    tables = []
    for k in range(len(cells)):
        if table_of[k] >= 0:
            continue
        table_of[k] = len(tables)
        members, todo = [], [k]
        while todo:
            j = todo.pop()
            members.append(cells[j])
            x0, top, x1, bottom = cells[j]
            for corner in ((x0, top), (x0, bottom), (x1, top), (x1, bottom)):
                for i in corner_of[corner]:
                    if table_of[i] < 0:
                        table_of[i] = table_of[k]
                        todo.append(i)
        tables.append(members)
    tables.sort(key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in tables if len(t) > 1]


def _table_rows(cells, chars: list[_Char]) -> list[list[str | None]]:
    """A table's text, row by row: a cell's lines joined by line breaks, None where
    a merged cell leaves no cell at a column."""
    columns = sorted({c[0] for c in cells})
    rows = []
    for _, group in groupby(sorted(cells, key=lambda c: (c[1], c[0])), key=lambda c: c[1]):
        by_x = {c[0]: c for c in group}
        present = list(by_x.values())
        box = (min(c[0] for c in present), min(c[1] for c in present),
               max(c[2] for c in present), max(c[3] for c in present))
        inside = [ch for ch in chars if _centre_in(ch, box)]
        row: list[str | None] = []
        for x in columns:
            cell = by_x.get(x)
            if cell is None:
                row.append(None)
                continue
            lines = _text_lines([ch for ch in inside if _centre_in(ch, cell)], _CELL_WORD_GAP)
            row.append("\n".join(text for text, _ in lines))
        rows.append(row)
    return rows


def _centre_in(ch: _Char, box) -> bool:
    h = (ch.x0 + ch.x1) / 2
    v = (ch.top + ch.bottom) / 2
    return box[0] <= h < box[2] and box[1] <= v < box[3]


# -- a page's lines and tables ---------------------------------------------------------


def _page_items(page, number: int) -> list[_Line | _Table]:
    page_top = page.get_mediabox()[3]
    textpage = page.get_textpage()
    try:
        chars = _deduped(_chars(textpage, page_top))
        tables = _tables(*_rules(page, page_top)) if chars else []
        boxes = [(min(c[0] for c in t), min(c[1] for c in t), max(c[2] for c in t), max(c[3] for c in t))
                 for t in tables]
        body = chars
        if boxes:
            def outside(ch: _Char) -> bool:
                cx, cy = (ch.x0 + ch.x1) / 2, (ch.top + ch.bottom) / 2
                return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

            body = [ch for ch in chars if outside(ch)]
        lines = []
        for raw_text, line_chars in _text_lines(body, _WORD_GAP):
            text = _CJK_SPACE.sub("", raw_text).strip()
            if not text:
                continue
            ink = [c for c in line_chars if not c.text.isspace()]
            size = _font_size(textpage.raw, ink)
            # a line is one em high, standing on its lowest descender (as pdfminer measures
            # characters): a box's height comes from the font's ascent, which varies
            bottom = max(c.bottom for c in ink)
            line = _Line(text, number, min(c.x0 for c in ink), max(c.x1 for c in ink), bottom - size, bottom, size)
            cells = _gap_cells(line_chars, size)
            if len(cells) >= 2:
                line.cells = cells
                line.text = " | ".join(cells)
            lines.append(line)
    finally:
        textpage.close()
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
    for cells, box in zip(tables, boxes):
        items.append(_Table(number, box[1], _table_rows(cells, chars)))
    items.sort(key=lambda item: item.top)
    return items


def _gap_cells(chars: list[_Char], size: float) -> list[str]:
    """A line's text cut where a gap wider than two characters stands: the
    columns of a table drawn without rules.  One piece for ordinary prose."""
    pieces: list[list[str]] = [[]]
    previous = None
    for ch in sorted(chars, key=lambda c: c.x0):
        if ch.text.isspace():  # a space drawn: a space, unless a column gap follows
            if pieces[-1]:
                pieces[-1].append(" ")
            continue
        if previous is not None:
            gap = ch.x0 - previous.x1
            if gap > 1.8 * size:
                pieces.append([])
            elif gap > 0.25 * size and pieces[-1]:
                pieces[-1].append(" ")
        pieces[-1].append(ch.text)
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
