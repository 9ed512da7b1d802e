"""Spreadsheets: .xlsx with openpyxl, .xls with xlrd — every visible sheet as rows.

Each row is one line, its cells separated by " | " (what the table reader
reads); a row with one filled cell is just that text, so prose typed in column
A reads as prose.  Empty columns at the left of a sheet and empty cells at the
end of a row are dropped; empty rows become one blank line.  A merged range
holds its value in its first cell only (both libraries report it so).

Numbers are written as the sheet shows them: a percentage format shows
0.9408 as "94.08%", a fixed format "0.00" shows 285.6 as "285.60" (the number
of decimals is what the rounding rules read), and the General format uses the
shortest form of the value.  Formulas give the value Excel last calculated
(a sheet written by a program that never calculated it has none).

Locations: {"sheet": "评分表", "row": 5, "cell": "C5"}.  Cell comments are
not text, but each one is kept with the cell's stretch of text
(Document.notes), so that a reviewer's "audit: ignore RULE 理由" is honoured.
"""

from __future__ import annotations

import datetime as dt
import io

from auditor import lazyre
from auditor.load.base import Document, LoadError, TextBuilder, cell_text

_QUOTED = lazyre.compile(r'"[^"]*"|\[[^\]]*\]|\\.')
_DECIMALS = lazyre.compile(r"\.([0#?]+)")


def format_number(value: float | int, number_format: str | None) -> str:
    """A number as a cell with this number format displays it (digits only: no thousands commas)."""
    section = _QUOTED.sub("", (number_format or "General").split(";")[0])
    decimals_match = _DECIMALS.search(section)
    decimals = len(decimals_match.group(1)) if decimals_match else 0
    if "%" in section:
        return f"{value * 100:.{decimals}f}%"
    if decimals_match or (section.strip() not in {"", "General", "@"} and "0" in section):
        return f"{value:.{decimals}f}"
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    text = format(value, ".15g")  # Excel keeps 15 significant digits: 0.1+0.2 shows as 0.3
    if "e" in text:
        text = format(value, "f").rstrip("0").rstrip(".")
    return text


def _value_text(value, number_format: str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        return format_number(value, number_format)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    return cell_text(str(value))


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)


def _write_sheet(out: TextBuilder, title: str, rows: list[tuple[int, list[str]]]) -> None:
    """rows: (row number, cell texts from column A)."""
    used = [next((n for n, t in enumerate(cells) if t), None) for _, cells in rows]
    filled = [u for u in used if u is not None]
    if not filled:
        return
    first = min(filled)
    out.blank_line()
    for number, cells in rows:
        cells = cells[first:]
        while cells and not cells[-1]:
            cells.pop()
        if not cells:
            out.blank_line()
            continue
        out.row([(text, {"sheet": title, "row": number, "cell": f"{_column_letter(first + n + 1)}{number}"})
                 for n, text in enumerate(cells)])


def load_xlsx(data: bytes, path: str) -> Document:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except KeyError as exc:
        raise LoadError("load.xlsx_missing_part", path=path, detail=str(exc)) from None
    out = TextBuilder()
    try:
        for sheet in book.worksheets:
            if getattr(sheet, "sheet_state", "visible") != "visible":
                continue
            rows: list[tuple[int, list[str]]] = []
            for number, row in enumerate(sheet.iter_rows(), start=1):
                texts = [_value_text(getattr(c, "value", None), getattr(c, "number_format", None)) for c in row]
                real = next((c.row for c in row if getattr(c, "row", None)), None)
                rows.append((real or number, texts))
            _write_sheet(out, sheet.title, rows)
    finally:
        book.close()
    return out.build(path, "xlsx", _cell_notes(data, out))


def _cell_notes(data: bytes, out: TextBuilder) -> tuple:
    """(start, end, comment) for every commented cell that was read (read-only mode skips
    comments: the workbook is opened again only when it has any)."""
    import zipfile

    import openpyxl

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            if not any("comments" in name.rsplit("/", 1)[-1] for name in package.namelist()):
                return ()
    except zipfile.BadZipFile:
        return ()
    book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    notes = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.comment is None or not cell.comment.text:
                    continue
                span = out.span_of({"sheet": sheet.title, "row": cell.row, "cell": cell.coordinate})
                if span is not None:
                    notes.append((span[0], span[1], cell.comment.text))
    return tuple(sorted(notes))


class _Silent:
    """A log file that keeps nothing."""

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass


def load_xls(data: bytes, path: str) -> Document:
    import xlrd

    try:
        # logfile: xlrd prints "WARNING *** …" about odd files to standard output, where the
        # report goes (--format json would stop being JSON); nothing in them is for the user
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True, logfile=_Silent())
    except xlrd.XLRDError as exc:
        if "encrypt" in str(exc).lower():
            raise LoadError("load.xls_password", path=path) from None
        raise LoadError("load.xls_damaged", path=path, detail=str(exc)) from None
    out = TextBuilder()
    try:
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            if sheet.visibility != 0:
                continue
            rows: list[tuple[int, list[str]]] = []
            for r in range(sheet.nrows):
                texts = []
                for c in range(sheet.ncols):
                    cell = sheet.cell(r, c)
                    texts.append(_xls_text(book, cell))
                rows.append((r + 1, texts))
            _write_sheet(out, sheet.name, rows)
            book.unload_sheet(index)
    finally:
        book.release_resources()
    return out.build(path, "xls")


def _xls_text(book, cell) -> str:
    import xlrd

    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return ""
    if cell.ctype == xlrd.XL_CELL_TEXT:
        return cell_text(cell.value)
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return "TRUE" if cell.value else "FALSE"
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(cell.value, "#ERR")
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return _value_text(xlrd.xldate_as_datetime(cell.value, book.datemode), None)
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return format_number(cell.value, None)
    number_format = None
    try:
        number_format = book.format_map[book.xf_list[cell.xf_index].format_key].format_str
    except (IndexError, KeyError, AttributeError, TypeError):
        pass
    return format_number(cell.value, number_format)
