"""--annotate on a workbook: the copy is the original package with only the comment parts added or
changed (comments, their VML drawing, the sheet's relationships, its <legacyDrawing>, the content
types); charts, pictures, shapes, form controls and VBA come through byte for byte."""

from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
import subprocess
import warnings
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from lxml import etree

from auditor.cli import main

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
SCORES = (("一级指标", "指标分值", "评价得分"), ("投入", 50, 48.4), ("过程", 50, 50), ("合计", 100, 97.4))  # C4: 98.4
MORE = (("一级指标", "指标分值", "评价得分"), ("决策", 40, 38.5), ("产出", 60, 55), ("合计", 100, 90.5))  # C4: 93.5
TEXT_BOX = (  # a shape openpyxl does not model (it keeps charts and pictures of a drawing only)
    '<twoCellAnchor><from><col>0</col><colOff>0</colOff><row>8</row><rowOff>0</rowOff></from>'
    '<to><col>3</col><colOff>0</colOff><row>11</row><rowOff>0</rowOff></to>'
    '<sp macro="" textlink="" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
    '<nvSpPr><cNvPr id="9" name="说明框"/><cNvSpPr txBox="1"/></nvSpPr>'
    '<spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1905000" cy="571500"/></a:xfrm>'
    '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></spPr>'
    '<txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>数据来源：财务科</a:t></a:r></a:p></txBody></sp>'
    '<clientData/></twoCellAnchor>')


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {info.filename: z.read(info) for info in z.infolist()}


def write_parts(path: Path, contents: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in contents.items():
            z.writestr(name, data)
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def png() -> io.BytesIO:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (24, 12), (200, 30, 30)).save(buffer, "PNG")
    buffer.seek(0)
    return buffer


def load_quietly(path: Path):
    """openpyxl opens the file and has nothing to warn about."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return openpyxl.load_workbook(path)


def comments(book) -> dict[tuple[str, str], str]:
    return {(sheet.title, c.coordinate): c.comment.text for sheet in book.worksheets for row in sheet.iter_rows()
            for c in row if c.comment is not None}


def changes(before: dict[str, bytes], after: dict[str, bytes]) -> tuple[set, set, set]:
    """(changed, added, removed) part names."""
    return ({n for n in before if n in after and after[n] != before[n]}, set(after) - set(before),
            set(before) - set(after))


def note_shapes(vml: bytes) -> list[tuple[int, int]]:
    """(row, column) of each note shape in a VML drawing (the auditor's output is well-formed XML)."""
    x = "{urn:schemas-microsoft-com:office:excel}"
    root = etree.fromstring(vml)
    return sorted((int(d.findtext(f"{x}Row")), int(d.findtext(f"{x}Column"))) for d in root.iter(f"{x}ClientData")
                  if d.get("ObjectType") == "Note")


def shape_blocks(vml: bytes) -> set[int]:
    o = "{urn:schemas-microsoft-com:office:office}"
    return {int(n) for idmap in etree.fromstring(vml).iter(f"{o}idmap") for n in idmap.get("data").split(",")}


def sheet_children(xml: bytes) -> list[str]:
    return [etree.QName(el).localname for el in etree.fromstring(xml)]


def relationships(contents: dict[str, bytes], rels: str) -> dict[str, tuple[str, str]]:
    root = etree.fromstring(contents[rels])
    return {r.get("Id"): (r.get("Type").rsplit("/", 1)[-1], r.get("Target")) for r in root.iter(f"{PKG}Relationship")}


def score_book():
    """A workbook whose one sheet, 评分表, holds SCORES (its 合计 score is wrong)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "评分表"
    for row in SCORES:
        sheet.append(row)
    return book, sheet


def rich_workbook(path: Path) -> Path:
    """Three sheets: a score table with a chart, a picture, a text box, a table and data validation;
    a second score table; a sheet of prose."""
    from openpyxl.chart import BarChart, Reference
    from openpyxl.drawing.image import Image
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.table import Table

    book, first = score_book()
    chart = BarChart()
    chart.add_data(Reference(first, min_col=3, min_row=1, max_row=3), titles_from_data=True)
    first.add_chart(chart, "E2")
    first.add_image(Image(png()), "E20")
    first.add_table(Table(displayName="评分", ref="A1:C4"))
    validation = DataValidation(type="decimal", operator="between", formula1="0", formula2="100")
    validation.add("C2:C3")
    first.add_data_validation(validation)
    second = book.create_sheet("附表")
    for row in MORE:
        second.append(row)
    book.create_sheet("说明")["A1"] = "本表为示例"
    plain = path.with_suffix(".plain.xlsx")
    book.save(plain)
    contents = parts(plain)
    plain.unlink()
    drawing = contents["xl/drawings/drawing1.xml"].decode("utf-8")
    contents["xl/drawings/drawing1.xml"] = drawing.replace("</wsDr>", TEXT_BOX + "</wsDr>").encode("utf-8")
    return write_parts(path, contents)


def test_the_copy_is_the_original_package_plus_the_comment_parts(tmp_path):
    source = rich_workbook(tmp_path / "评分表.xlsx")
    before, original = parts(source), digest(source)
    copy = tmp_path / "评分表-审核.xlsx"
    result = run(source, "--annotate", copy, "--format", "json")
    findings = json.loads(result.stdout)["findings"]
    assert [(f["rule"], f["location"]["sheet"], f["location"]["cell"]) for f in findings] == \
        [("SCO002", "评分表", "C4"), ("SCO002", "附表", "C4")], result.output
    assert digest(source) == original

    after = parts(copy)
    changed, added, removed = changes(before, after)
    assert changed == {"[Content_Types].xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
                       "xl/worksheets/_rels/sheet1.xml.rels"}
    assert added == {"xl/comments1.xml", "xl/comments2.xml", "xl/drawings/vmlDrawing1.vml",
                     "xl/drawings/vmlDrawing2.vml", "xl/worksheets/_rels/sheet2.xml.rels"}
    assert removed == set()
    assert list(after)[:len(before)] == list(before), "the original's parts keep their order"

    # the sheets changed by one element only, where the schema wants it
    for part in ("xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"):
        inserted = re.findall(rb"<legacyDrawing [^>]*/>", after[part])
        assert len(inserted) == 1 and after[part].replace(inserted[0], b"") == before[part]
    assert sheet_children(after["xl/worksheets/sheet1.xml"])[-4:] == \
        ["pageMargins", "drawing", "legacyDrawing", "tableParts"]
    assert sheet_children(after["xl/worksheets/sheet2.xml"])[-2:] == ["pageMargins", "legacyDrawing"]
    # the relationships point at the new parts, the old ones as they were
    rels = relationships(after, "xl/worksheets/_rels/sheet1.xml.rels")
    assert {k: v for k, v in rels.items() if k in relationships(before, "xl/worksheets/_rels/sheet1.xml.rels")} == \
        relationships(before, "xl/worksheets/_rels/sheet1.xml.rels")
    legacy = etree.fromstring(after["xl/worksheets/sheet1.xml"]).find(f"{MAIN}legacyDrawing").get(f"{REL}id")
    assert rels[legacy] == ("vmlDrawing", "../drawings/vmlDrawing1.vml")
    assert ("comments", "../comments1.xml") in rels.values()
    assert note_shapes(after["xl/drawings/vmlDrawing1.vml"]) == [(3, 2)]
    assert shape_blocks(after["xl/drawings/vmlDrawing1.vml"]).isdisjoint(
        shape_blocks(after["xl/drawings/vmlDrawing2.vml"])), "each drawing its own shape IDs"

    book = load_quietly(copy)
    notes = comments(book)
    assert set(notes) == {("评分表", "C4"), ("附表", "C4")}
    assert "[SCO002 " in notes["评分表", "C4"] and "应为 98.4" in notes["评分表", "C4"]
    assert "应为 93.5" in notes["附表", "C4"]
    assert book["评分表"]["C4"].comment.author == "audit"
    assert len(book["评分表"]._charts) == 1 and len(book["评分表"]._images) == 1
    assert "数据来源：财务科".encode() in after["xl/drawings/drawing1.xml"]

    again = run(copy, "--format", "json")  # the copy reads as the original did
    assert json.loads(again.stdout)["findings"] == findings


def test_annotating_the_copy_again_gives_the_same_package(tmp_path):
    source = rich_workbook(tmp_path / "评分表.xlsx")
    first, second = tmp_path / "审核1.xlsx", tmp_path / "审核2.xlsx"
    run(source, "--annotate", first)
    run(first, "--annotate", second)
    assert parts(second) == parts(first)


def test_an_existing_comment_keeps_its_text_and_formatting_and_the_findings_go_below(tmp_path):
    book, sheet = score_book()
    sheet["C4"].comment = openpyxl.comments.Comment("请核对合计", "张三")
    sheet["A2"].comment = openpyxl.comments.Comment("投入含追加预算", "李四")
    source = tmp_path / "已审.xlsx"
    book.save(source)
    contents = parts(source)
    comments_part = next(n for n in contents if re.search(r"comments?\d*\.xml$", n.split("/")[-1]))
    xml = contents[comments_part].decode("utf-8")  # as Excel writes a note: the author in bold, then the text
    xml, n = re.subn(r'(<comment ref="C4"[^>]*>)<text><t>请核对合计</t></text>',
                     r'\1<text><r><rPr><b/><sz val="9"/><rFont val="宋体"/></rPr><t>张三:</t></r>'
                     r'<r><rPr><sz val="9"/><rFont val="宋体"/></rPr><t xml:space="preserve">\n请核对合计</t></r></text>',
                     xml)
    assert n == 1, xml
    contents[comments_part] = xml.encode("utf-8")
    write_parts(source, contents)
    before = parts(source)

    copy = tmp_path / "已审-审核.xlsx"
    result = run(source, "--annotate", copy)
    assert result.exit_code == 1, result.output
    after = parts(copy)
    changed, added, removed = changes(before, after)
    vml = next(n for n in before if n.endswith(".vml"))
    assert changed == {comments_part} and not added and not removed, "the note shapes were there already"
    assert note_shapes(after[vml]) == [(1, 0), (3, 2)]

    notes = comments(load_quietly(copy))
    assert notes["评分表", "A2"] == "投入含追加预算"
    assert notes["评分表", "C4"].startswith("张三:\n请核对合计\n\n[SCO002 ")
    runs = etree.fromstring(after[comments_part]).find(f".//{MAIN}comment[@ref='C4']/{MAIN}text")
    assert [r.find(f"{MAIN}rPr/{MAIN}b") is not None for r in runs] == [True, False, False], \
        "the reviewer's runs stay; the findings are not bold"
    assert runs[2].find(f"{MAIN}rPr/{MAIN}rFont").get("val") == "宋体"

    # the same again: the reviewer's words stay once, the finding once
    second = tmp_path / "已审-审核2.xlsx"
    run(copy, "--annotate", second)
    text = comments(load_quietly(second))["评分表", "C4"]
    assert text.count("请核对合计") == 1 and text.count("[SCO002 ") == 1, text
    assert parts(second)[comments_part] == after[comments_part], "the same words in the same runs"


def test_when_the_figure_is_put_right_the_auditors_note_goes_with_its_parts(tmp_path):
    book, sheet = score_book()
    source = tmp_path / "评分表.xlsx"
    book.save(source)
    first = tmp_path / "审核1.xlsx"
    run(source, "--annotate", first)
    fixed = tmp_path / "已改.xlsx"
    shutil.copy(first, fixed)
    contents = parts(fixed)
    contents["xl/worksheets/sheet1.xml"], n = re.subn(rb'(<c r="C4"[^>]*><v>)97\.4\d*<', rb"\g<1>98.4<",
                                                      contents["xl/worksheets/sheet1.xml"])
    assert n == 1
    write_parts(fixed, contents)

    second = tmp_path / "审核2.xlsx"
    result = run(fixed, "--annotate", second)
    assert result.exit_code == 0, result.output
    assert comments(load_quietly(second)) == {}
    original, after = parts(source), parts(second)
    assert set(after) == set(original), "the comment parts are gone, the sheet's .rels with them"
    changed, _, _ = changes(original, after)
    assert changed == {"xl/worksheets/sheet1.xml"}  # the figure put right, nothing else
    assert after["xl/worksheets/sheet1.xml"] == contents["xl/worksheets/sheet1.xml"].replace(
        re.search(rb"<legacyDrawing [^>]*/>", contents["xl/worksheets/sheet1.xml"]).group(0), b"")
    assert b"legacyDrawing" not in after["xl/worksheets/sheet1.xml"]
    assert b"comments" not in after["[Content_Types].xml"]


def test_a_sheet_with_form_controls_gets_its_notes_in_the_same_drawing(tmp_path):
    book, sheet = score_book()
    source = tmp_path / "控件.xlsx"
    book.save(source)
    contents = parts(source)
    # as Excel writes a button: its ID in o:spid, in the drawing's block 2 (the workbook's second VML)
    checkbox = (b'<xml xmlns:v="urn:schemas-microsoft-com:vml"\n xmlns:o="urn:schemas-microsoft-com:office:office"\n'
                b' xmlns:x="urn:schemas-microsoft-com:office:excel">\n <o:shapelayout v:ext="edit">\n'
                b'  <o:idmap v:ext="edit" data="2"/>\n </o:shapelayout><v:shapetype id="_x0000_t201" '
                b'coordsize="21600,21600" o:spt="201"\n  path="m,l,21600r21600,l21600,xe">\n'
                b'  <v:stroke joinstyle="miter"/>\n </v:shapetype><v:shape id="Button_x0020_1" o:spid="_x0000_s2049"'
                b' type="#_x0000_t201"\n  style=\'position:absolute;margin-left:200pt;margin-top:2pt;width:60pt;\n'
                b'  height:15pt;z-index:1;mso-wrap-style:tight\' o:button="t" fillcolor="buttonFace [67]">\n'
                b'  <v:textbox style=\'mso-direction-alt:auto\' o:singleclick="f">\n   <div style=\'text-align:center\'>'
                b'<font face="\xe5\xae\x8b\xe4\xbd\x93" size="220" color="#000000">\xe6\xb1\x87\xe6\x80\xbb</font></div>\n'
                b'  </v:textbox>\n  <x:ClientData ObjectType="Button">\n   <x:Anchor>\n'
                b'    4, 0, 0, 2, 5, 0, 1, 0</x:Anchor>\n   <x:AutoFill>False</x:AutoFill>\n'
                b'   <x:FmlaMacro>[0]!Sum_Click</x:FmlaMacro>\n  </x:ClientData>\n </v:shape></xml>')
    contents["xl/drawings/vmlDrawing1.vml"] = checkbox
    contents["xl/worksheets/_rels/sheet1.xml.rels"] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats'
        b'.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/></Relationships>')
    contents["xl/worksheets/sheet1.xml"] = contents["xl/worksheets/sheet1.xml"].replace(
        b"</worksheet>", b'<legacyDrawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
                         b' r:id="rId7"/></worksheet>')
    contents["[Content_Types].xml"] = contents["[Content_Types].xml"].replace(
        b"</Types>", b'<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.'
                     b'vmlDrawing"/></Types>')
    before = parts(write_parts(source, contents))

    copy = tmp_path / "控件-审核.xlsx"
    run(source, "--annotate", copy)
    after = parts(copy)
    changed, added, removed = changes(before, after)
    assert changed == {"[Content_Types].xml", "xl/drawings/vmlDrawing1.vml", "xl/worksheets/_rels/sheet1.xml.rels"}
    assert added == {"xl/comments1.xml"} and not removed
    vml = after["xl/drawings/vmlDrawing1.vml"]
    assert vml.startswith(checkbox[:checkbox.index(b' data="2"')]) and checkbox[checkbox.index(b"<v:shape "):-6] in vml
    assert b'ObjectType="Button"' in vml and note_shapes(vml) == [(3, 2)]
    assert re.findall(rb"_x0000_s\d+", vml) == [b"_x0000_s2049", b"_x0000_s2050"] and shape_blocks(vml) == {2}
    assert sheet_children(after["xl/worksheets/sheet1.xml"]).count("legacyDrawing") == 1
    assert "[SCO002 " in comments(load_quietly(copy))["评分表", "C4"]


@pytest.mark.filterwarnings("ignore:Unknown extension:UserWarning")  # openpyxl reading the sheet to check it
def test_legacy_drawing_goes_before_controls_and_extensions_and_uses_the_sheets_prefix(tmp_path):
    """A sheet as Excel writes it: r: declared on the root, form controls inside mc:AlternateContent,
    an extension list at the end; <legacyDrawing> belongs before both (CT_Worksheet)."""
    book, sheet = score_book()
    source = tmp_path / "excel.xlsx"
    book.save(source)
    contents = parts(source)
    xml = contents["xl/worksheets/sheet1.xml"]
    xml = xml.replace(b"<worksheet ", b'<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
                                      b'relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-'
                                      b'compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.'
                                      b'microsoft.com/office/spreadsheetml/2009/9/ac" ', 1)
    xml = xml.replace(b"</worksheet>", (
        b'<mc:AlternateContent><mc:Choice Requires="x14"><controls><mc:AlternateContent><mc:Choice Requires="x14">'
        b'<control shapeId="1025" r:id="rId9" name="Check Box 1"/></mc:Choice></mc:AlternateContent></controls>'
        b'</mc:Choice></mc:AlternateContent><extLst><ext uri="{00000000-0000-0000-0000-000000000000}"/></extLst>'
        b'</worksheet>'))
    contents["xl/worksheets/sheet1.xml"] = xml
    write_parts(source, contents)

    copy = tmp_path / "excel-审核.xlsx"
    run(source, "--annotate", copy)
    annotated = parts(copy)["xl/worksheets/sheet1.xml"]
    inserted = re.findall(rb"<legacyDrawing [^>]*/>", annotated)
    assert len(inserted) == 1 and re.fullmatch(rb'<legacyDrawing r:id="rId\d+"/>', inserted[0]), inserted
    assert annotated.replace(inserted[0], b"") == xml
    assert sheet_children(annotated)[-4:] == ["pageMargins", "legacyDrawing", "AlternateContent", "extLst"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl says it would drop the extension: the auditor does not
        assert "[SCO002 " in comments(openpyxl.load_workbook(copy))["评分表", "C4"]


def test_a_macro_workbook_keeps_its_vba_and_its_suffix(tmp_path):
    book, sheet = score_book()
    plain = tmp_path / "plain.xlsx"
    book.save(plain)
    contents = parts(plain)
    vba = bytes(range(256)) * 8  # stands for the compiled project: copied, never read
    contents["xl/vbaProject.bin"] = vba
    contents["[Content_Types].xml"] = contents["[Content_Types].xml"].replace(
        b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        b"application/vnd.ms-excel.sheet.macroEnabled.main+xml"
    ).replace(b"</Types>", b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>')
    contents["xl/_rels/workbook.xml.rels"] = contents["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Id="rId99" Type="http://schemas.microsoft.com/office/2006/relationships/'
                             b'vbaProject" Target="vbaProject.bin"/></Relationships>')
    source = write_parts(tmp_path / "宏.xlsm", contents)

    refused = run(source, "--annotate", tmp_path / "宏-审核.xlsx", "--lang", "en")
    assert refused.exit_code == 2 and "must end in .xlsm" in refused.stderr
    copy = tmp_path / "宏-审核.xlsm"
    result = run(source, "--annotate", copy)
    assert result.exit_code == 1, result.output
    after = parts(copy)
    assert after["xl/vbaProject.bin"] == vba and after["xl/_rels/workbook.xml.rels"] == contents[
        "xl/_rels/workbook.xml.rels"]
    assert b"macroEnabled" in after["[Content_Types].xml"]
    assert "[SCO002 " in comments(load_quietly(copy))["评分表", "C4"]


def fods_annotations(path: Path) -> dict[tuple[str, int, int], str]:
    """(sheet, row, column) → the text of each cell annotation in a flat OpenDocument spreadsheet."""
    ns = {"office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
          "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0"}
    t = "{%s}" % ns["table"]
    out = {}
    for table in etree.parse(str(path)).iterfind(".//table:table", ns):
        r = 0
        for row in table.iter(f"{t}table-row"):
            if next(row.iterancestors(f"{t}table")) is not table:  # a chart's own data table
                continue
            c = 0
            for cell in row:
                if etree.QName(cell).localname not in ("table-cell", "covered-table-cell"):
                    continue
                note = cell.find("office:annotation", ns)
                if note is not None:
                    out[(table.get(f"{t}name"), r, c)] = "\n".join(
                        "".join(p.itertext()) for p in note.iterfind("{*}p"))
                c += int(cell.get(f"{t}number-columns-repeated", "1"))
            r += int(row.get(f"{t}number-rows-repeated", "1"))
    return out


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_reads_the_copy_with_its_notes_chart_and_picture(tmp_path):
    source = rich_workbook(tmp_path / "评分表.xlsx")
    copy = tmp_path / "评分表-审核.xlsx"
    run(source, "--annotate", copy)
    done = subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/lo",
                           "--convert-to", "fods", "--outdir", str(tmp_path / "out"), str(copy)],
                          capture_output=True, text=True, timeout=180)
    converted = tmp_path / "out" / "评分表-审核.fods"
    assert done.returncode == 0 and converted.exists(), done.stderr
    notes = fods_annotations(converted)
    assert set(notes) == {("评分表", 3, 2), ("附表", 3, 2)}
    assert "[SCO002 " in notes["评分表", 3, 2] and "应为 93.5" in notes["附表", 3, 2]
    frames = etree.parse(str(converted)).findall(".//{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}frame")
    assert len(frames) >= 2  # the chart and the picture
    assert "数据来源：财务科" in converted.read_text(encoding="utf-8")  # and the text box


def test_parts_edited_as_text_keep_every_other_byte():
    """The relationships and content types are edited as text: an entry inserted or taken out, the
    rest as written, in the root's own prefix; an empty root opens; a UTF-16 part becomes UTF-8."""
    from auditor.annotate.sheets import _append_child, _remove_children

    rels = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.'
            b'openxmlformats.org/package/2006/relationships">\r\n  <Relationship Id="rId1" Type="t" Target="a.xml" />'
            b"\r\n</Relationships>")
    added = _append_child(rels, "r", lambda p: f'<{p}Relationship Id="rId2" Type="t" Target="b.xml"/>')
    assert added == rels.replace(b"</Relationships>", b'<Relationship Id="rId2" Type="t" Target="b.xml"/>'
                                                      b"</Relationships>")
    assert _remove_children(added, "r", lambda el: el.attrs["Id"] == "rId2") == rels
    assert _append_child(b'<p:Types xmlns:p="u" />', "t", lambda p: f"<{p}Default/>") == \
        b'<p:Types xmlns:p="u" ><p:Default/></p:Types>'
    wide = rels.decode("utf-8").replace("UTF-8", "UTF-16").encode("utf-16")
    converted = _append_child(wide, "r", lambda p: f'<{p}Relationship Id="rId2" Type="t" Target="b.xml"/>')
    assert etree.fromstring(converted).getchildren()[-1].get("Target") == "b.xml"
    assert converted.startswith(b"<?xml version='1.0' encoding='UTF-8'")
