"""--annotate: findings written as comments into a copy of the Word or Excel file, anchored on the
stated figure; 'audit: ignore RULE 理由' comments in the document accept a finding; the original is
never touched; other inputs are refused in one line."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import docx
import openpyxl
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run

import docgen
from auditor.cli import main
from auditor.ignores import parse

SEED = (Path(__file__).resolve().parents[1] / "examples" / "seeds" / "004_9b6aaad42b3395ab.txt").read_text(
    encoding="utf-8")  # CHG004 and RAT002 in prose
SCORES = "一级指标 | 指标分值 | 评价得分\n投入 | 50 | 48.4\n过程 | 50 | 50\n合计 | 100 | 97.4\n"  # SCO002 in a table


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def anchored(document) -> dict[str, str]:
    """comment id → the text its range covers, read from the body in document order."""
    open_ranges: dict[str, list[str]] = {}
    out: dict[str, str] = {}
    for el in document.element.body.iter():
        if el.tag == qn("w:commentRangeStart"):
            open_ranges[el.get(qn("w:id"))] = []
        elif el.tag == qn("w:commentRangeEnd"):
            ident = el.get(qn("w:id"))
            out[ident] = "".join(open_ranges.pop(ident, []))
        elif el.tag == qn("w:t"):
            for pieces in open_ranges.values():
                pieces.append(el.text or "")
    return out


@pytest.fixture()
def draft(tmp_path):
    return docgen.write_docx(SEED + "\n" + SCORES, tmp_path / "草稿.docx")


def test_each_finding_becomes_a_comment_anchored_on_its_figure(draft, tmp_path):
    before = digest(draft)
    copy = tmp_path / "草稿-审核.docx"
    result = run(draft, "--annotate", copy, "--format", "json")
    assert result.exit_code == 1, result.output
    findings = json.loads(result.stdout)["findings"]
    assert {f["rule"] for f in findings} >= {"CHG004", "RAT002", "SCO002"}
    assert digest(draft) == before, "the original is never changed"
    assert f"已在 {copy} 中写入 {len(findings)} 条批注" in result.stderr

    document = docx.Document(str(copy))
    comments = {str(c.comment_id): c for c in document.comments}
    ranges = anchored(document)
    assert len(comments) == len(findings) == len(ranges)
    by_rule = {}
    for ident, comment in comments.items():
        rule = comment.text.split()[0].strip("[")
        by_rule[rule] = (comment, ranges[ident])
        assert comment.author == "audit"
    for f in findings:
        comment, figure = by_rule[f["rule"]]
        assert figure == f["stated"], f"{f['rule']}: the comment covers {figure!r}, not the stated figure"
        assert f["message"] in comment.text
        # what the figure should be, when the finding can say it ("总额或某一分项有误" cannot)
        assert (f"应为 {f['expected']}" in comment.text) if f["expected"] else "应为 None" not in comment.text
        assert f"audit: ignore {f['rule']}" in comment.text  # how to accept it
    # the text of the document is unchanged: only comment marks were added
    assert [p.text for p in document.paragraphs] == [p.text for p in docx.Document(str(draft)).paragraphs]
    again = run(copy, "--format", "json")
    assert [(f["rule"], f["stated"]) for f in json.loads(again.stdout)["findings"]] == \
           [(f["rule"], f["stated"]) for f in findings]


def test_a_figure_inside_a_run_is_split_out_and_formatting_kept(tmp_path):
    source = tmp_path / "runs.docx"
    document = docx.Document()
    p = document.add_paragraph()
    p.add_run("2020年收入合计100")
    bold = p.add_run("万元，其中财政拨款60万元，")
    bold.bold = True
    p.add_run("其他收入50万元。")
    document.save(str(source))
    copy = tmp_path / "runs-审核.docx"
    result = run(source, "--annotate", copy, "--format", "json", "--lang", "en")
    finding = json.loads(result.stdout)["findings"][0]
    assert finding["stated"] == "100万元"
    annotated = docx.Document(str(copy))
    assert list(anchored(annotated).values()) == ["100万元"]
    assert annotated.paragraphs[0].text == document.paragraphs[0].text
    assert [r.bold for r in annotated.paragraphs[0].runs if r.text == "万元"] == [True]
    assert "the total or one of the parts is wrong" in list(annotated.comments)[0].text  # no part stands out


def comment_on(document, runs, text: str) -> None:
    document.add_comment(runs, text=text, author="审核人", initials="SH")


def test_an_ignore_comment_on_the_figure_accepts_that_rule_there(draft, tmp_path):
    copy = tmp_path / "审核.docx"
    run(draft, "--annotate", copy)
    document = docx.Document(str(copy))
    # the reviewer answers the CHG004 comment: a new comment on the same figure
    target = next(p for p in document.paragraphs if "396.6万元" in p.text)
    runs = [r for r in target.runs if r.text == "396.6万元"]
    assert runs, "the annotated figure is a run of its own"
    comment_on(document, runs, "audit: ignore CHG004 已与财务科核实，以决算报表为准")
    other = next(p for p in document.paragraphs if "818.40万元" in p.text)
    comment_on(document, [r for r in other.runs if r.text == "100%"], "audit: ignore SUM001 写错了规则")
    reviewed = tmp_path / "已审.docx"
    document.save(str(reviewed))

    result = run(reviewed, "--format", "json")
    rules = [f["rule"] for f in json.loads(result.stdout)["findings"]]
    assert "CHG004" not in rules, "accepted in the document"
    assert "RAT002" in rules, "an ignore comment for another rule accepts nothing"
    assert "文档中的批注 “audit: ignore” 忽略了 1 个发现" in result.stderr


def test_xlsx_findings_become_cell_comments_and_ignore_comments_are_honoured(tmp_path):
    sheet = docgen.write_xlsx(SCORES, tmp_path / "评分表.xlsx", sheet="评分表")
    before = digest(sheet)
    copy = tmp_path / "评分表-审核.xlsx"
    result = run(sheet, "--annotate", copy, "--format", "json")
    finding = json.loads(result.stdout)["findings"][0]
    assert finding["rule"] == "SCO002" and finding["location"] == {"sheet": "评分表", "row": 4, "cell": "C4"}
    assert digest(sheet) == before
    book = openpyxl.load_workbook(copy)
    commented = [(c.coordinate, c.comment.text) for row in book["评分表"].iter_rows() for c in row if c.comment]
    assert len(commented) == 1 and commented[0][0] == "C4"
    assert "SCO002" in commented[0][1] and "应为 98.4" in commented[0][1]

    book["评分表"]["C4"].comment = openpyxl.comments.Comment("张三:\naudit: ignore SCO002 表中合计以财务数据为准", "张三")
    book.save(copy)
    again = run(copy, "--format", "json")
    assert json.loads(again.stdout)["findings"] == [] and again.exit_code == 0


def test_other_inputs_and_unsafe_targets_are_refused_in_one_line(draft, tmp_path):
    text = tmp_path / "r.txt"
    text.write_text(SEED, encoding="utf-8")
    pdf = docgen.write_pdf(SEED, tmp_path / "r.pdf")
    before = {p: digest(p) for p in (text, pdf, draft)}
    cases = [
        ((text, "--annotate", tmp_path / "r-审核.txt"), "Word .docx and Excel .xlsx"),
        ((pdf, "--annotate", tmp_path / "r-审核.pdf"), "Word .docx and Excel .xlsx"),
        ((draft, "--annotate", draft), "the file being checked"),
        ((draft, "--annotate", tmp_path / "copy.xlsx"), "must end in .docx"),
        ((draft, text, "--annotate", tmp_path / "c.docx"), "one report"),
    ]
    for args, words in cases:
        result = run(*args, "--lang", "en")
        assert result.exit_code == 2, args
        assert result.stderr.count("\n") == 1 and words in result.stderr, result.stderr
        assert result.stdout == ""
    assert {p: digest(p) for p in before} == before
    assert not (tmp_path / "c.docx").exists()


def test_the_ignore_syntax():
    assert parse("audit: ignore SUM001 已核实") == (frozenset({"SUM001"}), "已核实")
    assert parse("audit：ignore sum001，RAT002") == (frozenset({"SUM001", "RAT002"}), "")
    assert parse("王五:\naudit: ignore DUP001 两处口径不同") == (frozenset({"DUP001"}), "两处口径不同")
    assert parse("请核实 audit: ignore SUM001") is None  # not at the start of a line
    assert parse("audit: ignore") is None


def _workbook_with_cached_formulas(path: Path) -> Path:
    """A score table whose totals are formulas with the values Excel last calculated (openpyxl cannot
    write cached values: they are put into the cell XML by hand, as Excel would have saved them)."""
    import re
    import zipfile

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "评分表"
    for row in (("一级指标", "指标分值", "评价得分"), ("投入", 50, 48.4), ("过程", 50, 50)):
        sheet.append(row)
    sheet.append(("合计", "=SUM(B2:B3)", "=SUM(C2:C3)"))  # saved showing 97.4: a part changed since, unrecalculated
    sheet.append(("等级", '=IF(C4>=90,"优","良")', None))
    plain = path.with_suffix(".plain.xlsx")
    book.save(plain)
    with zipfile.ZipFile(plain) as z:
        parts = {info.filename: z.read(info.filename) for info in z.infolist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode("utf-8")
    xml, n = re.subn(r'<c r="(B4|C4|B5)"><f>(.*?)</f><v\s*/?>(?:</v>)?</c>',
                     lambda m: {"B4": '<c r="B4"><f>{}</f><v>100</v></c>', "C4": '<c r="C4"><f>{}</f><v>97.4</v></c>',
                                "B5": '<c r="B5" t="str"><f>{}</f><v>优</v></c>'}[m.group(1)].format(m.group(2)), xml)
    assert n == 3, xml
    parts["xl/worksheets/sheet1.xml"] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    plain.unlink()
    return path


def test_xlsx_copy_keeps_the_values_formula_cells_showed(tmp_path):
    sheet = _workbook_with_cached_formulas(tmp_path / "评分表.xlsx")
    assert openpyxl.load_workbook(sheet, data_only=True)["评分表"]["C4"].value == 97.4  # the fixture is right
    copy = tmp_path / "评分表-审核.xlsx"
    result = run(sheet, "--annotate", copy, "--format", "json")
    assert [f["rule"] for f in json.loads(result.stdout)["findings"]] == ["SCO002"], result.output
    shown = openpyxl.load_workbook(copy, data_only=True)["评分表"]  # what a viewer that does not calculate shows
    assert (shown["B4"].value, shown["C4"].value, shown["B5"].value) == (100, 97.4, "优")
    formulas = openpyxl.load_workbook(copy)["评分表"]
    assert formulas["C4"].value == "=SUM(C2:C3)" and formulas["B5"].value == '=IF(C4>=90,"优","良")'
    assert formulas["C4"].comment is not None and "SCO002" in formulas["C4"].comment.text
    again = run(copy, "--format", "json")  # the copy reads as the original did
    assert [f["rule"] for f in json.loads(again.stdout)["findings"]] == ["SCO002"]


def test_annotating_an_annotated_copy_does_not_repeat_the_auditors_comments(draft, tmp_path):
    first = tmp_path / "审核1.docx"
    result = run(draft, "--annotate", first, "--format", "json")
    findings = json.loads(result.stdout)["findings"]
    document = docx.Document(str(first))
    target = next(p for p in document.paragraphs if "396.6万元" in p.text)
    runs = [r for r in target.runs if r.text == "396.6万元"]
    comment_on(document, runs, "audit: ignore CHG004 已与财务科核实，以决算报表为准")  # a reviewer's answer
    comment_on(document, runs, "请财务科再看一下这个数")  # and a remark
    reviewed = tmp_path / "已审.docx"
    document.save(str(reviewed))

    second = tmp_path / "审核2.docx"
    again = run(reviewed, "--annotate", second, "--format", "json")
    left = json.loads(again.stdout)["findings"]
    assert len(left) == len(findings) - 1 and "CHG004" not in {f["rule"] for f in left}
    annotated = docx.Document(str(second))
    own = [c for c in annotated.comments if c.author == "audit"]
    theirs = sorted(c.text for c in annotated.comments if c.author != "audit")
    assert len(own) == len(left), [c.text for c in own]  # the first run's comments are not kept beside the new
    assert len({c.text for c in own}) == len(own)
    assert theirs == sorted(["audit: ignore CHG004 已与财务科核实，以决算报表为准", "请财务科再看一下这个数"])
    ranges = anchored(annotated)
    assert set(ranges) == {str(c.comment_id) for c in annotated.comments}  # no anchor left without its comment
    references = [el.get(qn("w:id")) for el in annotated.element.body.iter(qn("w:commentReference"))]
    assert sorted(references) == sorted(ranges)
    assert f"已在 {second} 中写入 {len(left)} 条批注" in again.stderr

    third = tmp_path / "审核3.docx"  # once more: the same comments, not one more of each
    run(second, "--annotate", third)
    assert sorted(c.text for c in docx.Document(str(third)).comments) == \
        sorted(c.text for c in annotated.comments)


def test_annotating_an_annotated_xlsx_does_not_repeat_the_cell_comments(tmp_path):
    sheet = docgen.write_xlsx(SCORES, tmp_path / "评分表.xlsx", sheet="评分表")
    first = tmp_path / "审核1.xlsx"
    run(sheet, "--annotate", first)
    book = openpyxl.load_workbook(first)
    book["评分表"]["A2"].comment = openpyxl.comments.Comment("请核对投入的分值", "张三")  # a reviewer's note
    book.save(first)
    second = tmp_path / "审核2.xlsx"
    run(first, "--annotate", second)
    cells = {c.coordinate: c.comment for row in openpyxl.load_workbook(second)["评分表"].iter_rows() for c in row
             if c.comment}
    assert set(cells) == {"A2", "C4"}
    assert cells["A2"].text == "请核对投入的分值"
    assert cells["C4"].text.count("[SCO002 ") == 1, cells["C4"].text  # the finding once, not once per run

    # a reviewer accepts the finding below the auditor's note: the note goes, the decision stays
    book = openpyxl.load_workbook(second)
    note = book["评分表"]["C4"].comment
    book["评分表"]["C4"].comment = openpyxl.comments.Comment(note.text + "\naudit: ignore SCO002 以财务数据为准",
                                                            note.author)
    book.save(second)
    third = tmp_path / "审核3.xlsx"
    result = run(second, "--annotate", third, "--format", "json")
    assert json.loads(result.stdout)["findings"] == []
    kept = openpyxl.load_workbook(third)["评分表"]["C4"].comment
    assert kept is not None and kept.text == "audit: ignore SCO002 以财务数据为准"
