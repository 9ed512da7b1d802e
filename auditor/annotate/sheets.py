"""Excel cell comments (openpyxl): one comment per cell holding the findings' figures.

A cell that already has a comment keeps it; the findings are added below it.
openpyxl writes formulas without their last calculated values: Excel and
LibreOffice calculate them again when the copy is opened (and saved).
"""

from __future__ import annotations

from pathlib import Path

from auditor.annotate import Written, comment_lines, in_file


def annotate_xlsx(result, source: Path, target: Path, lang: str) -> Written:
    import openpyxl
    from openpyxl.comments import Comment

    book = openpyxl.load_workbook(str(source))
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
        comment = Comment(text, "audit")
        comment.width, comment.height = 360, 80 + 60 * len(notes)
        target_cell.comment = comment
    book.save(str(target))
    return Written(sum(len(v) for v in by_cell.values()), skipped)
