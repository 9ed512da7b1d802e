"""Write a text report as .docx, .html, .xlsx, .xls and .pdf — real files, made by
the libraries people's tools use — so the loaders can be tested on them.

A line with cells separated by " | " (at least two cells) is a table row;
consecutive rows form a real table in every format.  Every other line is a
paragraph (an empty line an empty paragraph) — except in HTML, where lines
between empty lines form one <p>, separated by <br>, as a web page has them.  Table cells that look like
numbers are written to spreadsheets as numbers with the number format that
displays them as written ("94.08%" as 0.9408 with "0.00%").
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from pathlib import Path

_NUMBER = re.compile(r"^-?\d+(?:\.(\d+))?(%?)$")


def blocks(text: str) -> list[tuple[str, object]]:
    """[("p", line) | ("table", [[cell, ...], ...])] in order."""
    out: list[tuple[str, object]] = []
    for line in text.split("\n"):
        cells = [c.strip() for c in line.split(" | ")]
        if " | " in line and len(cells) >= 2:
            if out and out[-1][0] == "table":
                out[-1][1].append(cells)
            else:
                out.append(("table", [cells]))
        else:
            out.append(("p", line))
    return out


def write_docx(text: str, path: Path) -> Path:
    import docx

    document = docx.Document()
    for kind, content in blocks(text):
        if kind == "p":
            document.add_paragraph(content)
        else:
            width = max(len(r) for r in content)
            table = document.add_table(rows=len(content), cols=width)
            table.style = "Table Grid"
            for r, row in enumerate(content):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
    document.save(path)
    return path


def write_html(text: str, path: Path, encoding: str = "utf-8", chrome: bool = True) -> Path:
    body: list[str] = []
    lines: list[str] = []  # the lines of the paragraph being written

    def end_paragraph() -> None:
        if lines:
            body.append("<p>" + "<br>\n".join(html.escape(line.strip()) for line in lines) + "</p>")
            lines.clear()

    for kind, content in blocks(text):
        if kind == "p":
            if content.strip():
                lines.append(content)
            else:
                end_paragraph()
        else:
            end_paragraph()
            rows = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>\n"
                           for row in content)
            body.append(f"<table border=\"1\">\n{rows}</table>")
    end_paragraph()
    nav = ("<nav><a href='/'>首页</a> | <a href='/gk'>政府信息公开</a> | <a href='/x'>2019年预算100万元</a></nav>"
           "<div class='breadcrumb'>您现在的位置：<a href='/'>首页</a> &gt; <a href='/cz'>财政预决算</a></div>"
           if chrome else "")
    footer = ("<footer>主办单位：某县人民政府办公室 联系电话：0731-12345678 备案号：湘ICP备05000000号</footer>"
              if chrome else "")
    page = (f"<!DOCTYPE html>\n<html><head><meta charset=\"{encoding}\"><title>报告 2023年 99万元</title>\n"
            "<style>p { margin: 0 } .x::after { content: '50万元' }</style>\n"
            "<script>var total = '123.45万元'; document.title = '执行率 88%';</script></head>\n"
            f"<body>{nav}\n<div class=\"article\">\n" + "\n".join(body) + f"\n</div>\n{footer}\n"
            "<script>console.log('合计 500万元')</script></body></html>\n")
    path.write_bytes(page.encode(encoding))
    return path


def _number_cell(text: str):
    """(value, number format) for a cell that is a number, else None."""
    m = _NUMBER.match(text)
    if not m:
        return None
    decimals = len(m.group(1) or "")
    fmt = "0" + ("." + "0" * decimals if decimals else "")
    if m.group(2):
        return float(text[:-1]) / 100, fmt + "%"
    value = float(text) if decimals else int(text)
    return value, fmt


def write_xlsx(text: str, path: Path, sheet: str = "报告") -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    r = 0
    for kind, content in blocks(text):
        rows = [[content]] if kind == "p" else content
        for row in rows:
            r += 1
            for c, cell in enumerate(row, start=1):
                number = _number_cell(cell) if kind == "table" else None
                target = ws.cell(row=r, column=c)
                if number:
                    target.value, target.number_format = number
                elif cell:
                    target.value = cell
    book.save(path)
    return path


def write_xls(text: str, path: Path, sheet: str = "报告") -> Path:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet(sheet)
    styles: dict[str, object] = {}
    r = -1
    for kind, content in blocks(text):
        rows = [[content]] if kind == "p" else content
        for row in rows:
            r += 1
            for c, cell in enumerate(row):
                number = _number_cell(cell) if kind == "table" else None
                if number:
                    value, fmt = number
                    style = styles.setdefault(fmt, xlwt.easyxf(num_format_str=fmt))
                    ws.write(r, c, value, style)
                elif cell:
                    ws.write(r, c, cell)
    book.save(str(path))
    return path


@lru_cache(maxsize=1)
def _cid_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return "STSong-Light"


def write_pdf(text: str, path: Path, font: str | None = None, encrypt: str | None = None) -> Path:
    """Paragraphs wrap at the margin (as in any real PDF); tables are ruled grids
    as wide as the text, their cells' text wrapped inside the cells."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font = font or _cid_font()
    style = ParagraphStyle("body", fontName=font, fontSize=10.5, leading=15, wordWrap="CJK")
    cell_style = ParagraphStyle("cell", fontName=font, fontSize=8, leading=10, wordWrap="CJK")
    story = []
    for kind, content in blocks(text):
        if kind == "p":
            if content.strip():
                story.append(Paragraph(html.escape(content.strip()), style))
            else:
                story.append(Spacer(1, 6))
        else:
            width = max(len(r) for r in content)
            rows = [[Paragraph(html.escape(c), cell_style) for c in row] + [""] * (width - len(row))
                    for row in content]
            table = Table(rows, colWidths=[(A4[0] - 50 * mm) / width] * width, hAlign="LEFT")
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
            story.append(Spacer(1, 6))
            story.append(table)
            story.append(Spacer(1, 6))
    kwargs = {"encrypt": encrypt} if encrypt else {}
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=25 * mm, rightMargin=25 * mm,
                            topMargin=20 * mm, bottomMargin=20 * mm, **kwargs)
    doc.build(story, onLaterPages=_page_number, onFirstPage=_page_number)
    return path


def _page_number(canvas, doc) -> None:
    canvas.setFont("Helvetica", 9)
    canvas.drawCentredString(105 * 2.8346, 10 * 2.8346, f"- {doc.page} -")


WRITERS = {"docx": write_docx, "html": write_html, "xlsx": write_xlsx, "xls": write_xls, "pdf": write_pdf}
