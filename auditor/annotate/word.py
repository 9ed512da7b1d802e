"""Word comments anchored on the stated figure (python-docx).

The loader's walk (auditor.load.docx.blocks) finds the paragraph or table cell
a finding's place names; the runs holding the figure are split at its first
and last character so that the comment covers the figure and nothing else.
"""

from __future__ import annotations

import copy
from pathlib import Path

from auditor.annotate import AUTHOR, Written, comment_lines, in_file, own_note

# run children and the characters each stands for (what python-docx's Run.text reads)
_ONE_CHAR = {"br", "cr", "noBreakHyphen", "ptab", "tab"}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _length(child) -> int:
    name = _local(child.tag)
    if name == "t":
        return len(child.text or "")
    return 1 if name in _ONE_CHAR else 0


def _trim(run, lo: int, hi: int | None) -> None:
    """Keep only the run's characters lo…hi (hi None: to the end); other content goes."""
    from docx.oxml.ns import qn

    pos = 0
    for child in list(run):
        if child.tag == qn("w:rPr"):
            continue
        n = _length(child)
        start, end = pos, pos + n
        pos = end
        inside_hi = hi is None or start < hi
        if n == 0:
            if not (lo <= start and inside_hi):
                run.remove(child)
            continue
        if end <= lo or not inside_hi:
            run.remove(child)
        elif _local(child.tag) == "t":
            a, b = max(lo, start) - start, (n if hi is None else min(hi, end) - start)
            child.text = (child.text or "")[a:b]
            child.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def _split(run, at: int):
    """Split a w:r at character `at`; returns the new run holding the rest."""
    rest = copy.deepcopy(run)
    run.addnext(rest)
    _trim(run, 0, at)
    _trim(rest, at, None)
    return rest


def _runs(p) -> list:
    from docx.oxml.ns import qn

    from auditor.load.docx import paragraph_pieces

    return [piece for piece in paragraph_pieces(p) if piece.tag == qn("w:r")]


def figure_runs(p, lo: int, hi: int) -> list:
    """The runs of paragraph `p` that hold exactly its characters lo…hi, split where needed."""
    for cut in (lo, hi):
        pos = 0
        for r in _runs(p):
            n = len(r.text)
            if pos < cut < pos + n:
                _split(r, cut - pos)
                break
            pos += n
    out, pos = [], 0
    for r in _runs(p):
        n = len(r.text)
        if n and pos < hi and lo < pos + n:
            out.append(r)
        pos += n
    return out


def _paragraph_starts(document) -> dict[tuple, int]:
    """Place → offset where the paragraph (or cell) starts in the loaded text."""
    out: dict[tuple, int] = {}
    for start, _, place in document.locations:
        key = _key(place)
        if key is not None and key not in out:
            out[key] = start
    return out


def _key(place) -> tuple | None:
    if "paragraph" in place:
        return ("paragraph", place["paragraph"])
    if "table" in place and "cell" in place:
        return ("cell", place["table"], place["row"], place["cell"])
    return None


def _in_cell(tc, figure: str, occurrence: int) -> tuple | None:
    """(w:p, lo, hi) of the figure's n-th occurrence in a cell's paragraphs."""
    from docx.oxml.ns import qn

    from auditor.load.docx import paragraph_text

    seen = 0
    for p in tc.iter(qn("w:p")):
        text = paragraph_text(p)
        at = text.find(figure)
        while at >= 0:
            if seen == occurrence:
                return p, at, at + len(figure)
            seen += 1
            at = text.find(figure, at + 1)
    return None


def _drop_own_comments(document) -> int:
    """Take out the comments an earlier run of the auditor wrote (they are written again), with
    their anchors; a reviewer's comments stay, and so does one of ours a reviewer added an
    "audit: ignore" line to (it now suppresses that finding).  Returns how many went."""
    from docx.oxml.ns import qn

    from auditor.ignores import parse

    gone = set()
    for comment in list(document.comments):
        text = comment.text or ""
        if own_note(comment.author, text) and not any(parse(line) for line in text.splitlines()):
            element = comment._comment_elm
            element.getparent().remove(element)
            gone.add(str(comment.comment_id))
    if not gone:
        return 0
    body = document.element.body
    for tag in ("w:commentRangeStart", "w:commentRangeEnd"):
        for mark in list(body.iter(qn(tag))):
            if mark.get(qn("w:id")) in gone:
                mark.getparent().remove(mark)
    for reference in list(body.iter(qn("w:commentReference"))):
        if reference.get(qn("w:id")) in gone:
            run = reference.getparent()
            run.remove(reference)
            if run.tag == qn("w:r") and all(child.tag == qn("w:rPr") for child in run):
                run.getparent().remove(run)
    return len(gone)


def annotate_docx(result, source: Path, target: Path, lang: str) -> Written:
    import docx
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

    from auditor.load.docx import blocks, paragraph_text

    document = docx.Document(str(source))
    _drop_own_comments(document)
    elements = {_key(place): element for kind, place, element in blocks(document.element.body) if kind != "table"}
    loaded = result.document
    starts = _paragraph_starts(loaded)
    text = loaded.text
    written = skipped = 0
    for f in sorted(result.findings, key=lambda f: f.start):
        if not in_file(result, f, source):
            skipped += 1
            continue
        key = _key(loaded.location_at(f.start))
        element = elements.get(key)
        if element is None:
            continue
        if key[0] == "paragraph":
            p, lo = element, f.start - starts[key]
            hi = lo + (f.end - f.start)
        else:
            figure = text[f.start:f.end]
            before = text[starts[key]:f.start]
            found = _in_cell(element, figure, before.count(figure))
            if found is None:  # the figure is spread over the cell's lines: the cell's first paragraph
                first = next(element.iter(qn("w:p")), None)
                if first is None:
                    continue
                found = (first, 0, len(paragraph_text(first)))
            p, lo, hi = found
        runs = figure_runs(p, lo, hi) or [r for r in _runs(p) if r.text]
        if not runs:
            continue
        paragraph = Paragraph(p, document._body)
        lines = comment_lines(f, lang)
        comment = document.add_comment([Run(r, paragraph) for r in runs], text=lines[0], author=AUTHOR,
                                       initials="AU")
        for line in lines[1:]:
            comment.add_paragraph(line)
        written += 1
    document.save(str(target))
    return Written(written, skipped)
