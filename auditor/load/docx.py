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

Comments (批注) are not part of the text, but where they are anchored is kept
(Document.notes) so that a reviewer's "audit: ignore RULE 理由" is honoured
(auditor.ignores); a comment inside a table cell covers the whole cell.

Locations: {"paragraph": n} (n counts the body's paragraphs from 1) and
{"table": t, "row": r, "cell": c}.  `blocks` walks the body in the same order
for auditor.annotate, so a place read here finds its paragraph or cell there.
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
        raise LoadError("load.docx_no_main", path=path) from None
    reader = _Reader()
    reader.blocks(document.element.body)
    return reader.out.build(path, "docx", _notes(document, reader.marks))


def _notes(document, marks: dict[str, list[int]]) -> tuple:
    """(start, end, text) of every comment anchored in the body."""
    if not marks:
        return ()
    texts = {str(c.comment_id): c.text for c in document.comments}
    out = []
    for ident, (start, end) in marks.items():
        if ident in texts and start >= 0:
            out.append((start, max(start, end), texts[ident]))
    return tuple(sorted(out))


def blocks(container, start: int = 0):
    """The body's paragraphs and table cells in reading order, numbered as the loader numbers them:
    ("paragraph", {"paragraph": n}, w:p) and ("cell", {"table": t, "row": r, "cell": c}, w:tc)."""
    from docx.oxml.ns import qn

    counters = {"paragraph": 0, "table": 0}

    def walk(node):
        for child in node.iterchildren():
            if child.tag == qn("w:p"):
                counters["paragraph"] += 1
                yield "paragraph", {"paragraph": counters["paragraph"]}, child
            elif child.tag == qn("w:tbl"):
                counters["table"] += 1
                number = counters["table"]
                yield "table", {"table": number}, child
                for r, tr in enumerate(child.xpath("./w:tr | ./w:sdt/w:sdtContent/w:tr"), start=1):
                    for c, tc in enumerate(tr.xpath("./w:tc | ./w:sdt/w:sdtContent/w:tc"), start=1):
                        yield "cell", {"table": number, "row": r, "cell": c}, tc
            elif child.tag == qn("w:sdt"):
                if child.xpath("./w:sdtPr/w:docPartObj/w:docPartGallery[contains(@w:val, 'Contents')]"):
                    continue  # a table of contents
                for content in child.xpath("./w:sdtContent"):
                    yield from walk(content)

    yield from walk(container)


_MARKS = _RUNS + " | .//w:commentRangeStart | .//w:commentRangeEnd | .//w:commentReference"


def paragraph_pieces(p):
    """A w:p's runs and comment marks in document order (runs as `paragraph_text` reads them)."""
    return p.xpath(_MARKS)


def paragraph_text(p) -> str:
    """The text of a w:p element: its runs, including tracked insertions and hyperlinks."""
    return "".join(r.text for r in p.xpath(_RUNS))


class _Reader:
    def __init__(self) -> None:
        self.out = TextBuilder()
        self.marks: dict[str, list[int]] = {}  # comment id → [start, end] offsets
        self.row_cells: list = []
        self.in_table = False

    def blocks(self, body) -> None:
        for kind, place, element in blocks(body):
            if kind == "cell":
                if self.row_cells and self.row_cells[-1][1]["row"] != place["row"]:
                    self.flush_row()
                continued = element.vMerge == "continue"
                self.row_cells.append(("" if continued else cell_text(_cell_content(element)), place, element))
                continue
            self.end_table()
            if kind == "table":
                self.in_table = True
                self.out.blank_line()
            else:
                self.paragraph(element, place)
        self.end_table()

    def end_table(self) -> None:
        if self.in_table:
            self.flush_row()
            self.out.blank_line()
            self.in_table = False

    def paragraph(self, p, place) -> None:
        from docx.oxml.ns import qn

        pos = self.out.pos
        for piece in paragraph_pieces(p):
            if piece.tag == qn("w:r"):
                pos += len(piece.text)
                continue
            ident = piece.get(qn("w:id"))
            if piece.tag == qn("w:commentRangeStart"):
                self.marks.setdefault(ident, [pos, pos])[0] = pos
            elif piece.tag == qn("w:commentRangeEnd"):
                self.marks.setdefault(ident, [-1, pos])[1] = pos
            elif ident not in self.marks:  # a comment with no range: anchored where it stands
                self.marks[ident] = [pos, pos]
        for line in paragraph_text(p).split("\n"):
            self.out.line(line, place)

    def flush_row(self) -> None:
        from docx.oxml.ns import qn

        cells, self.row_cells = self.row_cells, []
        if not any(text for text, _, _ in cells):
            return
        self.out.row([(text, place) for text, place, _ in cells])
        for _, place, tc in cells:  # a comment inside a cell covers the cell
            for mark in tc.iter(qn("w:commentRangeStart"), qn("w:commentReference")):
                span = self.out.span_of(place)
                if span is not None:
                    self.marks[mark.get(qn("w:id"))] = list(span)


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
