"""Every input format, read from real files written by the libraries people's tools use.

Each loader: the text it reads, the places it records (page, paragraph, table
cell, sheet cell, source line), what it leaves out (web chrome, page numbers),
and one clear line — never a traceback — for an empty, damaged, encrypted or
mislabelled file.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

import docgen
from auditor.load import (ATTACHMENT_SEPARATOR, Document, LoadError, load_bytes, load_document,
                          load_together, sniff)
from auditor.load.sheets import format_number
from auditor.load.text import decode_text

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds"
TRADITIONAL = (SEEDS / "002_468a5c4df19732a8.txt").read_text(encoding="utf-8")
SIMPLIFIED = (SEEDS / "004_9b6aaad42b3395ab.txt").read_text(encoding="utf-8")

SCORE_REPORT = """部门整体支出绩效评价报告

2023年部门决算支出403.18万元，其中基本支出316.84万元，项目支出86.34万元。
一级指标 | 指标分值 | 评价得分
投入 | 20 | 18.4
过程 | 30 | 30
合计 | 50 | 48.4
综上所述，部门整体支出自评得分为48.4分。
"""


def squeeze(text: str) -> str:
    return "".join(text.split())


def one_line_error(exc: LoadError, path: Path) -> str:
    message = str(exc)
    assert "\n" not in message and message.startswith(str(path)), message
    assert "Traceback" not in message
    return message


# ------------------------------------------------------------------ text


@pytest.mark.parametrize("codec, text", [
    ("utf-8", SIMPLIFIED), ("utf-8-sig", SIMPLIFIED), ("gb18030", SIMPLIFIED), ("gbk", SIMPLIFIED),
    ("utf-16", SIMPLIFIED), ("utf-16-le", SIMPLIFIED), ("utf-16-be", SIMPLIFIED),
    ("utf-8", TRADITIONAL), ("cp950", TRADITIONAL), ("big5hkscs", TRADITIONAL),
])
def test_text_in_every_encoding_offices_use(codec, text):
    data = text.encode(codec, errors="ignore")  # (a few symbols Big5/GBK lack are dropped)
    expected = data.decode(codec).lstrip("\ufeff")
    document = load_bytes(data, "report.txt")
    assert document.format == "txt"
    assert document.text == expected


def test_big5_bytes_are_not_read_as_gb18030():
    # Big5 byte pairs are valid GBK pairs: decoding as GB18030 "succeeds" into nonsense.
    for source in (TRADITIONAL[200:260], "預算執行率達94.08%，項目支出86.34萬元。", "部門整體支出績效評價報告"):
        data = source.encode("cp950")
        data.decode("gb18030")  # the trap: this does not fail
        assert decode_text(data, "x.txt") == source


def test_short_gbk_text_and_truncated_utf8():
    assert decode_text("预算执行率".encode("gbk"), "x") == "预算执行率"
    assert decode_text("预算执行率".encode("utf-8")[:-1], "x") == "预算执行"  # cut mid-character


def test_text_locations_are_line_and_column():
    document = load_bytes("第一行\n第二行：预算100万元\n".encode("gb18030"), "r.txt")
    offset = document.text.index("100")
    assert document.location_at(offset) == {"line": 2, "column": 7}
    assert document.location_at(0) == {"line": 1, "column": 1}


# ------------------------------------------------------------------ html


def test_html_keeps_visible_text_and_drops_chrome(tmp_path):
    path = docgen.write_html(SCORE_REPORT, tmp_path / "r.html")
    text = load_document(path).text
    assert "2023年部门决算支出403.18万元" in text
    for chrome in ("123.45", "执行率 88%", "500万元", "50万元", "备案号", "您现在的位置", "政府信息公开", "99万元"):
        assert chrome not in text, chrome
    assert "投入 | 20 | 18.4" in text.splitlines()
    assert "合计 | 50 | 48.4" in text.splitlines()


def test_html_line_breaks_declared_charset_and_source_lines(tmp_path):
    page = ("<html><head><meta http-equiv='Content-Type' content='text/html; charset=gb2312'></head>\n"
            "<body>\n<div>支出合计<br>100万元</div>\n<p>上年\n支出</p><ul><li>甲</li><li>乙</li></ul>\n"
            "<table><tr><td>项目</td><td>金额<br>（万元）</td></tr>\n<tr><td>合计</td><td>100</td></tr></table>"
            "</body></html>")
    path = tmp_path / "gbk.htm"
    path.write_bytes(page.encode("gbk"))
    document = load_document(path)
    lines = [line for line in document.text.splitlines() if line]
    assert lines[:5] == ["支出合计", "100万元", "上年支出", "甲", "乙"]  # <br>, blocks; a line break between 汉字 vanishes
    assert "项目 | 金额（万元）" in lines and "合计 | 100" in lines
    at = document.location_at(document.text.index("100万元"))
    assert at == {"line": 3}
    cell = document.location_at(document.text.index("合计 | 100") + len("合计 | "))
    assert cell == {"line": 7, "table": 1, "row": 2, "cell": 2}


def test_page_wrapped_in_a_form_and_article_headers_are_kept(tmp_path):
    page = ("<html><body><form id='form1' method='post'><input type='hidden' value='x'>"
            "<header class='top'><a href='/'>首页</a> <a href='/gk'>信息公开</a></header>"
            "<article><header class='article-header'><h1>2023年度部门决算说明</h1></header>"
            "<div class='content'><p>2023年支出合计100万元。</p></div></article>"
            "<div class='footer'>主办：某县财政局 地址：某路1号</div></form></body></html>")
    path = tmp_path / "aspx.html"
    path.write_text(page, encoding="utf-8")
    lines = [line for line in load_document(path).text.splitlines() if line]
    assert lines[:2] == ["2023年度部门决算说明", "2023年支出合计100万元。"]
    assert "首页" not in "".join(lines)


def test_preformatted_report_keeps_its_lines():
    page = "<html><body><h1>决算说明</h1><pre>一、收入\n  本年收入100万元，\n  其中：财政拨款80万元。\n</pre></body></html>"
    document = load_bytes(page.encode("utf-8"), "posted.html")
    assert "一、收入\n  本年收入100万元，\n  其中：财政拨款80万元。\n" in document.text
    assert document.location_at(document.text.index("80万元")) == {"line": 3, "column": 10}


def test_layout_table_is_read_as_blocks(tmp_path):
    prose = "".join(f"<p>第{n}段：本年度预算支出{n}00万元，较上年增长{n}%，主要用于保障机构正常运转。</p>" for n in range(1, 9))
    path = tmp_path / "layout.html"
    path.write_text(f"<html><body><table><tr><td>{prose}</td></tr></table></body></html>", encoding="utf-8")
    lines = [line for line in load_document(path).text.splitlines() if line]
    assert lines[0].startswith("第1段") and lines[1].startswith("第2段") and "|" not in "".join(lines)


# ------------------------------------------------------------------ docx


def test_docx_paragraphs_and_tables_in_order(tmp_path):
    path = docgen.write_docx(SCORE_REPORT, tmp_path / "r.docx")
    document = load_document(path)
    assert document.format == "docx"
    lines = [line for line in document.text.splitlines() if line]
    assert lines.index("一级指标 | 指标分值 | 评价得分") == lines.index("投入 | 20 | 18.4") - 1
    assert lines.index("合计 | 50 | 48.4") < lines.index("综上所述，部门整体支出自评得分为48.4分。")
    assert document.location_at(document.text.index("403.18")) == {"paragraph": 3}
    offset = document.text.index("18.4")
    assert document.location_at(offset) == {"table": 1, "row": 2, "cell": 3}
    assert document.describe(offset) == "table 1 row 2 cell 3"


def test_docx_merged_cells_are_written_once(tmp_path):
    import docx

    doc = docx.Document()
    table = doc.add_table(rows=3, cols=3)
    for r, row in enumerate([["产出", "数量", "10"], ["", "质量", "9"], ["合计", "", "19"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(0, 0).merge(table.cell(1, 0))  # vertical: 产出 spans two rows
    table.cell(2, 0).merge(table.cell(2, 1))  # horizontal: 合计 spans two columns
    path = tmp_path / "merged.docx"
    doc.save(path)
    rows = [line for line in load_document(path).text.splitlines() if line]
    assert rows == ["产出 | 数量 | 10", " | 质量 | 9", "合计 | 19"]


# ------------------------------------------------------------------ spreadsheets


def test_number_formats_show_what_the_sheet_shows():
    assert format_number(0.9408, "0.00%") == "94.08%"
    assert format_number(0.5, "0%") == "50%"
    assert format_number(285.6, "0.00") == "285.60"
    assert format_number(1234.5, "#,##0.00_ ;[Red]-#,##0.00") == "1234.50"
    assert format_number(0.1 + 0.2, "General") == "0.3"
    assert format_number(100.0, "General") == "100"
    assert format_number(98.4, None) == "98.4"


@pytest.mark.parametrize("fmt", ["xlsx", "xls"])
def test_spreadsheet_rows_cells_and_places(tmp_path, fmt):
    path = docgen.WRITERS[fmt](SCORE_REPORT.replace("18.4\n", "18.40\n").replace("| 48.4\n", "| 48.40\n"),
                               tmp_path / f"r.{fmt}", sheet="评分表")
    document = load_document(path)
    assert document.format == fmt
    lines = [line for line in document.text.splitlines() if line]
    assert "投入 | 20 | 18.40" in lines and "合计 | 50 | 48.40" in lines  # written as numbers, shown as formatted
    offset = document.text.index("18.40")
    assert document.location_at(offset) == {"sheet": "评分表", "row": 5, "cell": "C5"}
    assert document.describe(offset) == "评分表!C5"


def test_xlsx_sheets_hidden_sheets_and_blank_left_columns(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    first = book.active
    first.title = "收支"
    first["B2"], first["C2"] = "项目", "金额"
    first["B3"], first["C3"] = "合计", 100
    first["C3"].number_format = "0.00"
    hidden = book.create_sheet("隐藏")
    hidden["A1"] = "不应读到"
    hidden.sheet_state = "hidden"
    second = book.create_sheet("说明")
    second["A1"] = "本年支出100.00万元。"
    path = tmp_path / "book.xlsx"
    book.save(path)
    document = load_document(path)
    lines = [line for line in document.text.splitlines() if line]
    assert lines == ["项目 | 金额", "合计 | 100.00", "本年支出100.00万元。"]
    assert document.location_at(document.text.index("本年")) == {"sheet": "说明", "row": 1, "cell": "A1"}


# ------------------------------------------------------------------ pdf


def test_pdf_pages_tables_and_rejoined_lines(tmp_path):
    long = "本单位2023年度部门决算支出合计为403.18万元，" * 6  # wraps over several lines
    text = "\n".join(["报告", "", long, "", SCORE_REPORT] + ["", "说明：第二页的内容，支出86.34万元。"] * 40)
    path = docgen.write_pdf(text, tmp_path / "r.pdf")
    document = load_document(path)
    assert document.format == "pdf"
    assert squeeze(long) in squeeze(document.text)
    assert long.strip() in document.text  # one line again: a figure cut by the margin is whole
    lines = document.text.splitlines()
    assert "投入 | 20 | 18.4" in lines and "合计 | 50 | 48.4" in lines
    assert not any(line.strip().startswith("- ") and line.strip().endswith(" -") for line in lines)  # page numbers
    offset = document.text.index("18.4")
    assert document.location_at(offset) == {"page": 1, "table": 1, "row": 2, "cell": 3}
    pages = {place["page"] for _, _, place in document.locations}
    assert len(pages) >= 2
    assert document.location_at(len(document.text) - 3)["page"] == max(pages)


# ------------------------------------------------------------------ content, not extension


def test_format_comes_from_the_content(tmp_path):
    docx_named_pdf = docgen.write_docx("本年支出100万元。", tmp_path / "real.docx").read_bytes()
    (tmp_path / "named.pdf").write_bytes(docx_named_pdf)
    assert load_document(tmp_path / "named.pdf").format == "docx"
    html_named_xls = tmp_path / "export.xls"  # what many web systems export as "Excel"
    html_named_xls.write_text("<html><body><table><tr><td>合计</td><td>100</td></tr></table></body></html>",
                              encoding="utf-8")
    assert load_document(html_named_xls).format == "html"
    assert sniff(b"%PDF-1.7\n...", "x.txt") == "pdf"
    assert sniff("<!DOCTYPE html><p>x</p>".encode(), "x.txt") == "html"
    assert sniff("本年支出100万元".encode(), "x.html") == "txt"


# ------------------------------------------------------------------ bad files


def _encrypted(tmp_path, fmt: str) -> Path:
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = docgen.WRITERS[fmt]("本年支出100万元。", tmp_path / f"plain.{fmt}")
    target = tmp_path / f"locked.{fmt}"
    with open(plain, "rb") as f, open(target, "wb") as out:
        OOXMLFile(f).encrypt("secret", out)
    return target


def _encrypted_xls(tmp_path) -> Path:
    """An .xls whose workbook stream says it is encrypted: the record after BOF
    becomes a FILEPASS record of the same length (what Excel writes when a
    password is set; no tool on PyPI writes encrypted .xls)."""
    import struct

    import olefile

    path = docgen.write_xls("合计 | 100\n", tmp_path / "locked.xls")
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        name = "Workbook" if ole.exists("Workbook") else "Book"
        data = bytearray(ole.openstream(name).read())
        _, length = struct.unpack_from("<HH", data, 0)
        struct.pack_into("<H", data, 4 + length, 0x002F)  # FILEPASS
        ole.write_stream(name, bytes(data))
    return path


def bad_files(tmp_path: Path) -> list[tuple[str, Path, str]]:
    """(kind, file, a word its message must hold) for every format."""
    out = []
    for fmt, writer in docgen.WRITERS.items():
        good = writer(SIMPLIFIED, tmp_path / f"good.{fmt}").read_bytes()
        (tmp_path / f"empty.{fmt}").write_bytes(b"")
        out.append(("empty", tmp_path / f"empty.{fmt}", "empty"))
        (tmp_path / f"truncated.{fmt}").write_bytes(good[: len(good) // 3] if fmt != "html" else b"\x00\xff" * 99)
        out.append(("damaged", tmp_path / f"truncated.{fmt}", "damaged" if fmt != "html" else "binary"))
        if fmt != "html":
            (tmp_path / f"mislabelled.{fmt}").write_text("这不是文件，是一段文字。", encoding="utf-8")
            out.append(("mislabelled", tmp_path / f"mislabelled.{fmt}", "plain text"))
            (tmp_path / f"image.{fmt}").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
            out.append(("mislabelled", tmp_path / f"image.{fmt}", "PNG"))
    out.append(("encrypted", docgen.write_pdf("本年支出100万元。", tmp_path / "locked.pdf", encrypt="secret"),
                "password"))
    out.append(("encrypted", _encrypted(tmp_path, "docx"), "password"))
    out.append(("encrypted", _encrypted(tmp_path, "xlsx"), "password"))
    out.append(("encrypted", _encrypted_xls(tmp_path), "password"))
    scan = tmp_path / "scan.pdf"
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(scan))
    c.rect(10, 10, 100, 100)
    c.save()
    out.append(("no text", scan, "OCR"))
    broken_xml = io.BytesIO()
    with zipfile.ZipFile(tmp_path / "good.docx") as src, zipfile.ZipFile(broken_xml, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, b"<w:document><broken" if item.filename == "word/document.xml" else src.read(item))
    (tmp_path / "broken.docx").write_bytes(broken_xml.getvalue())
    out.append(("damaged", tmp_path / "broken.docx", "damaged"))
    (tmp_path / "script.html").write_text("<html><script>var a = '100万元'</script><nav>首页</nav></html>",
                                          encoding="utf-8")
    out.append(("no text", tmp_path / "script.html", "no text"))
    (tmp_path / "legacy.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    out.append(("damaged", tmp_path / "legacy.doc", "damaged"))
    return out


def test_every_bad_file_gives_one_clear_line(tmp_path):
    cases = bad_files(tmp_path)
    kinds = {(kind, path.suffix) for kind, path, _ in cases}
    for fmt in (".pdf", ".docx", ".xlsx", ".xls", ".html"):
        assert ("empty", fmt) in kinds and ("damaged", fmt) in kinds
    for fmt in (".pdf", ".docx", ".xlsx", ".xls"):
        assert ("encrypted", fmt) in kinds and ("mislabelled", fmt) in kinds
    for kind, path, word in cases:
        with pytest.raises(LoadError) as caught:
            load_document(path)
        message = one_line_error(caught.value, path)
        assert word.lower() in message.lower(), (kind, message)


# ------------------------------------------------------------------ attachments


def test_report_and_attachment_are_one_document_with_places_per_file(tmp_path):
    report = docgen.write_docx("自评报告\n部门整体支出自评得分为48.4分。", tmp_path / "report.docx")
    sheet = docgen.write_xlsx(SCORE_REPORT.split("\n", 3)[3], tmp_path / "评分表.xlsx", sheet="评分表")
    document = load_together([report, sheet])
    assert document.path == str(report) and ATTACHMENT_SEPARATOR in document.text
    assert document.location_at(document.text.index("48.4分")) == {"file": "report.docx", "paragraph": 2}
    at = document.location_at(document.text.index("18.4"))
    assert at == {"file": "评分表.xlsx", "sheet": "评分表", "row": 2, "cell": "C2"}
    assert document.describe(document.text.index("18.4")) == "评分表.xlsx 评分表!C2"
    notes = tmp_path / "说明.txt"
    notes.write_text("说明\n另有支出100万元。\n", encoding="gbk")
    combined = load_together([sheet, notes])
    assert combined.location_at(combined.text.index("100万元")) == {"file": "说明.txt", "line": 2, "column": 5}


def test_location_at_between_and_beyond_segments():
    document = Document("x", "ab | cd", "xlsx", ((0, 2, {"cell": "A1"}), (5, 7, {"cell": "B1"})))
    assert document.location_at(3)["cell"] == "A1"  # the separator belongs to the cell before it
    assert document.location_at(6)["cell"] == "B1"
    assert Document("x", "ab\ncd", "html").location_at(1) == {}  # a loader that recorded nothing
    assert Document("x", "ab\ncd").location_at(4) == {"line": 2, "column": 2}  # text: computed


def test_pdf_glyphs_drawn_twice_are_read_once(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "bold.pdf"
    c = canvas.Canvas(str(path))
    c.setFont(docgen._cid_font(), 12)
    for dx in (0, 0.3):  # fake bold: the heading drawn twice, a hair apart
        c.drawString(72 + dx, 760, "一、部门决算支出403.18万元")
    c.drawString(72, 740, "二、项目支出86.34万元")
    c.save()
    lines = [line for line in load_document(path).text.splitlines() if line]
    assert lines == ["一、部门决算支出403.18万元", "二、项目支出86.34万元"]


def test_pdf_one_character_lines_and_cells_are_read(tmp_path):
    """A text object of one character, in a font the PDF does not embed: PDFium
    measures it with a stand-in font, and a glyph it could not measure would be
    dropped (the last "金" of a wrapped paragraph, a lone "0" in a cell)."""
    from reportlab.pdfgen import canvas

    path = tmp_path / "single.pdf"
    c = canvas.Canvas(str(path))
    c.setFont(docgen._cid_font(), 12)
    c.drawString(72, 760, "本年支出合计403.18万元，其中基本支出316.84万元，项目支出86.34万")
    c.drawString(72, 744, "元")
    c.drawString(72, 720, "结转")
    c.drawString(200, 720, "0")
    c.save()
    lines = [line for line in load_document(path).text.splitlines() if line]
    assert lines == ["本年支出合计403.18万元，其中基本支出316.84万元，项目支出86.34万元", "结转 | 0"]


def test_pdf_character_beyond_the_basic_plane_is_one_character(tmp_path):
    """PDFium lists 🔍 (U+1F50D) as its two UTF-16 halves; a lone half would make the
    text unencodable (OpenCC refused it)."""
    path = docgen.write_pdf("查看相关推荐🔍发送关键词，支出100万元。", tmp_path / "emoji.pdf")
    text = load_document(path).text
    assert "推荐🔍发送" in text
    text.encode("utf-8")


def test_pdf_without_character_maps_is_refused():
    from auditor.load.pdf import _Line, _refuse_unmapped_fonts

    readable = [_Line("部门决算支出\ufffd万元", 1, 0, 100, 0, 10, 10)]
    _refuse_unmapped_fonts(readable, "ok.pdf")  # one unmapped glyph: read the rest
    with pytest.raises(LoadError, match="OCR"):
        _refuse_unmapped_fonts([_Line("\ufffd" * 20 + "12", 1, 0, 100, 0, 10, 10)], "cid.pdf")


def test_pdf_table_without_rules_is_read_as_rows(tmp_path):
    from reportlab.pdfgen import canvas

    from auditor.pipeline import audit_document

    path = tmp_path / "unruled.pdf"
    c = canvas.Canvas(str(path))
    c.setFont(docgen._cid_font(), 11)
    c.drawString(72, 780, "部门整体支出绩效评分表")
    rows = [("一级指标", "指标分值", "评价得分"), ("投入", "20", "18.4"), ("过程", "80", "78"), ("合计", "100", "98.4")]
    for n, row in enumerate(rows):
        for x, cell in zip((72, 260, 380), row):
            c.drawString(x, 750 - 20 * n, cell)
    c.drawString(72, 650, "综上，部门整体支出自评得分为96.4分。")
    c.save()
    document = load_document(path)
    lines = [line for line in document.text.splitlines() if line]
    assert lines[1:5] == ["一级指标 | 指标分值 | 评价得分", "投入 | 20 | 18.4", "过程 | 80 | 78", "合计 | 100 | 98.4"]
    assert lines[0] == "部门整体支出绩效评分表" and lines[5].startswith("综上")
    # read as a score table: its total is compared with the score in the prose
    assert {(f.rule, f.stated) for f in audit_document(document).findings} >= {("SCO002", "98.4"), ("SCO004", "96.4分")}


def test_a_pdf_line_opening_with_a_comma_continues_its_sentence(tmp_path):
    """'、培训费…' at the start of a PDF line is the rest of an enumeration, not a heading whose numeral
    was lost (it gave STR001 warnings the .txt did not give); a real lost numeral after a sentence stays one."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from auditor.pipeline import audit_path, audit_text

    font = docgen._cid_font()
    path = tmp_path / "wrapped.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont(font, 10.5)
    lines = [
        (72, "一、部门收支情况"),
        (72, "本年收入合计500万元，其中财政拨款收入480万元，其他收入20万元，较上年增加36万元，增长7.76%。"),
        (72, "本年支出合计500万元，主要用于保障机构正常运转和完成各项业务工作，包括办公费、印刷费"),  # 4 em short
        (72, "、会议费、培训费和差旅费等日常公用支出，以及信息化建设等项目支出。本年结余结转为零。"),
        (72, "二、三公经费情况"),
        (72, "三公经费支出合计12万元，比上年减少3万元，主要是严格执行中央八项规定精神，压减公务接待。"),
        (72, "、政府采购情况"),
        (72, "本年政府采购支出合计86万元，其中货物类采购60万元，服务类采购26万元，均按规定程序执行。"),
    ]
    y = 780
    for x, text in lines:
        c.drawString(x, y, text)
        y -= 15
    c.save()
    document = load_document(path)
    assert "办公费、印刷费、会议费、培训费" in document.text
    assert "\n、政府采购情况" in document.text  # after a finished sentence: a heading that lost its numeral
    as_typed = "\n".join(text for _, text in lines[:2]) + lines[2][1] + lines[3][1] + "\n" + \
        "\n".join(text for _, text in lines[4:]) + "\n"
    from_pdf = [f.message("zh") for f in audit_path(str(path)).findings if f.rule == "STR001"]
    assert from_pdf == [f.message("zh") for f in audit_text(as_typed).findings if f.rule == "STR001"]
