"""Excel cell comments (openpyxl): one comment per cell holding the findings' figures.

A cell that already has a comment keeps it; the findings are added below it.
openpyxl writes formulas without their last calculated values, so a viewer
that does not calculate again (a previewer, a phone, the auditor itself)
would show empty cells where the original showed figures: after saving, the
cached values of the original's formula cells are put back (`keep_cached_values`).
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from pathlib import Path

from auditor.annotate import AUTHOR, Written, comment_lines, in_file, without_own_notes

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"


def annotate_xlsx(result, source: Path, target: Path, lang: str) -> Written:
    import openpyxl
    from openpyxl.comments import Comment

    book = openpyxl.load_workbook(str(source))
    _drop_own_notes(book)
    by_cell: dict[tuple[str, str], list[str]] = {}
    skipped = 0
    for f in result.findings:
        if not in_file(result, f, source):
            skipped += 1
            continue
        where = result.document.location_at(f.start)
        if "sheet" not in where or "cell" not in where:
            continue
        by_cell.setdefault((where["sheet"], where["cell"]), []).append("\n".join(comment_lines(f, lang)))
    for (sheet, cell), notes in by_cell.items():
        target_cell = book[sheet][cell]
        text = "\n\n".join(notes)
        if target_cell.comment is not None and target_cell.comment.text:
            text = f"{target_cell.comment.text}\n\n{text}"
        comment = Comment(text, AUTHOR)
        comment.width, comment.height = 360, 80 + 60 * len(notes)
        target_cell.comment = comment
    book.save(str(target))
    keep_cached_values(source, target)
    return Written(sum(len(v) for v in by_cell.values()), skipped)


def _drop_own_notes(book) -> None:
    """Take the auditor's notes of an earlier run out of the cell comments it wrote."""
    from openpyxl.comments import Comment

    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                comment = cell.comment
                if comment is None or comment.author != AUTHOR:
                    continue
                left = without_own_notes(comment.text or "")
                if not left.strip():
                    cell.comment = None
                elif left != comment.text:
                    kept = Comment(left, comment.author)
                    kept.width, kept.height = comment.width, comment.height
                    cell.comment = kept


def _sheet_parts(package: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → the part holding it (xl/worksheets/sheet1.xml), from the workbook and its rels."""
    from lxml import etree

    workbook = etree.fromstring(package.read("xl/workbook.xml"))
    rels = etree.fromstring(package.read("xl/_rels/workbook.xml.rels"))
    targets = {}
    for rel in rels.iter(f"{{{_PKG_REL}}}Relationship"):
        target = rel.get("Target", "")
        targets[rel.get("Id")] = target.lstrip("/") if target.startswith("/") else \
            posixpath.normpath(posixpath.join("xl", target))
    out = {}
    for sheet in workbook.iter(f"{{{_MAIN}}}sheet"):
        part = targets.get(sheet.get(f"{{{_REL}}}id"))
        if part is not None:
            out[sheet.get("name")] = part
    return out


def _cached(xml: bytes) -> dict[str, tuple[str | None, str]]:
    """Cell reference → (type attribute, cached value) of every formula cell that has one."""
    from lxml import etree

    out = {}
    for cell in etree.fromstring(xml).iter(f"{{{_MAIN}}}c"):
        formula, value = cell.find(f"{{{_MAIN}}}f"), cell.find(f"{{{_MAIN}}}v")
        if formula is not None and value is not None and value.text:
            out[cell.get("r")] = (cell.get("t"), value.text)
    return out


def keep_cached_values(source: Path, target: Path) -> int:
    """Put the original's cached formula values back into the copy openpyxl wrote (same sheets,
    same cells); returns how many.  Only formula cells without a value in the copy are touched."""
    from lxml import etree

    with zipfile.ZipFile(source) as original:
        parts = _sheet_parts(original)
        cached = {name: _cached(original.read(part)) for name, part in parts.items() if part in original.namelist()}
    cached = {name: cells for name, cells in cached.items() if cells}
    if not cached:
        return 0
    restored = 0
    with zipfile.ZipFile(target) as copy:
        entries = [(info, copy.read(info.filename)) for info in copy.infolist()]
        copy_parts = _sheet_parts(copy)
    changed: dict[str, bytes] = {}
    contents = dict((info.filename, data) for info, data in entries)
    for name, cells in cached.items():
        part = copy_parts.get(name)
        if part not in contents:
            continue
        root = etree.fromstring(contents[part])
        touched = False
        for cell in root.iter(f"{{{_MAIN}}}c"):
            if cell.find(f"{{{_MAIN}}}f") is None or cell.get("r") not in cells:
                continue
            value = cell.find(f"{{{_MAIN}}}v")
            if value is not None and value.text:
                continue
            if value is None:
                value = etree.SubElement(cell, f"{{{_MAIN}}}v")
            kind, value.text = cells[cell.get("r")]
            if kind is None:
                cell.attrib.pop("t", None)
            else:
                cell.set("t", kind)
            restored += 1
            touched = True
        if touched:
            changed[part] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    if changed:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
            for info, data in entries:
                out.writestr(info, changed.get(info.filename, data))
        target.write_bytes(buffer.getvalue())
    return restored
