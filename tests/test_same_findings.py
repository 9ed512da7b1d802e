"""The same report gives the same findings whatever the file format.

Each seed report (examples/seeds/*.txt) — and a report whose score table is a
real table — is written as .docx, .html, .xlsx, .xls and .pdf here, with the
libraries people's tools use (python-docx, openpyxl, xlwt, reportlab with a CJK
font; tests/docgen.py), read back through the loaders, and audited.  The set
of (rule, stated figure) findings must equal the .txt original's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import docgen
from auditor.load import load_document
from auditor.pipeline import audit_document

SEEDS = sorted((Path(__file__).resolve().parents[1] / "examples" / "seeds").glob("*.txt"))
FORMATS = ["docx", "html", "xlsx", "xls", "pdf"]

# A score table in a real table (not text): the same scores must be read from a
# Word table, an HTML table, sheet cells and a ruled PDF grid.
SCORE_TABLE_REPORT = """某县财政局2023年部门整体支出绩效自评报告

一、基本情况
2023年部门决算支出403.18万元，其中基本支出316.84万元，项目支出86.34万元。

二、评价结论
部门整体支出绩效评分表如下：
一级指标 | 指标分值 | 评价得分
投入 | 20 | 21
过程 | 30 | 28.5
产出 | 30 | 27
效果 | 25 | 19
合计 | 100 | 96.5
经综合评价，部门整体支出自评得分为92.5分，评价等级为“优”。
"""


def findings_of(document) -> set[tuple[str, str | None]]:
    return {(f.rule, f.stated) for f in audit_document(document).findings}


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    """{(source name, format): (findings of the .txt, findings of the converted file)}."""
    folder = tmp_path_factory.mktemp("formats")
    sources = [(p.stem, load_document(p)) for p in SEEDS]
    table_txt = folder / "score_table.txt"
    table_txt.write_text(SCORE_TABLE_REPORT, encoding="utf-8")
    sources.append(("score_table", load_document(table_txt)))
    out = {}
    for name, original in sources:
        want = findings_of(original)
        for fmt in FORMATS:
            path = docgen.WRITERS[fmt](original.text, folder / f"{name}.{fmt}")
            document = load_document(path)
            assert document.format == fmt
            out[name, fmt] = (want, findings_of(document))
    return out


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("source", [p.stem for p in SEEDS] + ["score_table"])
def test_same_findings_in_every_format(converted, source, fmt):
    want, got = converted[source, fmt]
    assert got == want


def test_the_comparison_has_findings_to_compare(converted):
    every = set().union(*(want for want, _ in converted.values()))
    rules = {rule for rule, _ in every}
    assert len(every) >= 8
    # the table rules only fire when the table was read as a table
    assert {"SCO001", "SCO002", "SCO003", "SCO004"} <= rules
    table_findings, _ = converted["score_table", "pdf"]
    assert len(table_findings) >= 4
