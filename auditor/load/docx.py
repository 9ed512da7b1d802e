"""Word .docx files, read with python-docx: paragraphs and tables in document order.

Each paragraph is one line (a line break typed inside it, one more).  Each
table row is one line with its cells separated by " | ", the shape the table
reader (auditor.extract.tables) reads, so a score table in Word is checked
like one in text.  A merged cell is written once: a horizontal merge is one
cell, the continuation of a vertical merge an empty one (as HTML and
spreadsheets have them).  Content controls are read through, except a table
of contents (its "一、… 3" lines are not headings).  Tracked insertions are
read, deletions are not.  Not read: headers, footers, footnotes, comments,
text boxes, and numbers Word generates for numbered lists.

Locations: {"paragraph": n} (n counts the body's paragraphs from 1) and
{"table": t, "row": r, "cell": c}.
"""

from __future__ import annotations

import io

from auditor.load.base import Document, LoadError, TextBuilder, cell_text

_RUNS = ("./w:r | ./w:hyperlink/w:r | ./w:ins/w:r | ./w:smartTag/w:r | ./w:customXml/w:r"
         " | ./w:fldSimple/w:r | ./w:sdt/w:sdtContent/w:r | ./w:hyperlink/w:ins/w:r")


def load_docx(data: bytes, path: str) -> Document:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except PackageNotFoundError:
        raise LoadError(f"{path}: not a Word .docx package (the main document part is missing)") from None
    reader = _Reader()
    reader.blocks(document.element.body)
    return reader.out.build(path, "docx")


def paragraph_text(p) -> str:
    """The text of a w:p element: its runs, including tracked insertions and hyperlinks."""
    return "".join(r.text for r in p.xpath(_RUNS))


class _Reader:
    def __init__(self) -> None:
        self.out = TextBuilder()
        self.paragraphs = 0
        self.tables = 0

    def blocks(self, container) -> None:
        from docx.oxml.ns import qn

        for child in container.iterchildren():
            if child.tag == qn("w:p"):
                self.paragraphs += 1
                place = {"paragraph": self.paragraphs}
                for line in paragraph_text(child).split("\n"):
                    self.out.line(line, place)
            elif child.tag == qn("w:tbl"):
                self.table(child)
            elif child.tag == qn("w:sdt"):
                if child.xpath("./w:sdtPr/w:docPartObj/w:docPartGallery[contains(@w:val, 'Contents')]"):
                    continue  # a table of contents
                for content in child.xpath("./w:sdtContent"):
                    self.blocks(content)

    def table(self, tbl) -> None:
        self.tables += 1
        number = self.tables
        self.out.blank_line()
        for r, tr in enumerate(tbl.xpath("./w:tr | ./w:sdt/w:sdtContent/w:tr"), start=1):
            cells = []
            for c, tc in enumerate(tr.xpath("./w:tc | ./w:sdt/w:sdtContent/w:tc"), start=1):
                continued = tc.vMerge == "continue"
                text = "" if continued else cell_text(_cell_content(tc))
                cells.append((text, {"table": number, "row": r, "cell": c}))
            if any(text for text, _ in cells):
                self.out.row(cells)
        self.out.blank_line()


def _cell_content(tc) -> str:
    """A cell's paragraphs (and nested tables' cells), one per line."""
    from docx.oxml.ns import qn

    lines: list[str] = []
    for child in tc.iterchildren():
        if child.tag == qn("w:p"):
            lines.append(paragraph_text(child))
        elif child.tag == qn("w:tbl"):
            for inner in child.iter(qn("w:tc")):
                lines.append(" ".join(paragraph_text(p) for p in inner.iterchildren(qn("w:p"))))
    return "\n".join(lines)
