"""Fuzz of the whole pipeline and every reporter (issue 9): random text built from a report's
words, figures, units, punctuation, table-like lines and odd unicode never raises, every
machine-readable format parses (SARIF against its schema), and the same input gives the
same output.  Derandomised and modest, so the suite stays fast; benchmarks/reliability.py
runs the same idea over 10^5 inputs."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.check import default_rules
from auditor.pipeline import audit_text
from auditor.report import reporters

RULES = default_rules()
SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

WORDS = ["一般公共预算", "政府性基金", "支出", "收入", "合计", "总计", "其中", "其中：", "基本支出", "项目支出",
         "人员经费", "公用经费", "“三公”经费", "因公出国(境)费", "公务用车购置及运行费", "公务接待费", "较上年",
         "比上年", "增加", "减少", "增长", "下降", "持平", "同比", "占", "的", "比重", "执行率", "预算数", "执行数",
         "决算数", "年初预算", "调整预算", "全年预算数", "全年执行数", "分值", "得分", "自评", "总分", "优", "良",
         "分别为", "包括", "主要用于", "项目名称", "年度指标值", "实际完成值", "偏差原因", "2023年", "2022年",
         "上年", "本年", "一、", "(一)", "1.", "（1）", "第一", "约", "为", "是", "达到", "万元", "亿元", "元",
         "%", "分", "个", "人", "次", "辆", "减", "加", "=", "×", "÷", "-"]
PUNCT = list("，。；：、（）()|\n\t ％,.;:—－+\u3000") + ["\r\n", "……", "《》", "【", "】", "“", "”"]
ODD = ["\u200b", "\ufeff", "\ufffd", "\x00", "\x0c", "１２３", "①", "𠀀", "\U0001F600", "\u202e", "Ⅲ", "㎡", "\r",
       "〇", "壹佰", "\u00a0", "ﬁ", "Å", "e\u0301", "\u2028", "\x85", "٣", "𝟗"]
UNITS = ["万元", "亿元", "元", "%", "分", "个", "人", "千元", "", " 万元", "％", "个百分点"]


@st.composite
def figures(draw) -> str:
    shape = draw(st.sampled_from(["int", "dec", "sep", "huge", "tiny", "neg", "full", "exp"]))
    if shape == "int":
        n = str(draw(st.integers(0, 10**7)))
    elif shape == "dec":
        n = f"{draw(st.integers(0, 10**6))}.{draw(st.integers(0, 99)):02d}"
    elif shape == "sep":
        n = f"{draw(st.integers(0, 10**9)):,}"
    elif shape == "huge":
        n = "9" * draw(st.integers(20, 400))
    elif shape == "tiny":
        n = "0." + "0" * draw(st.integers(5, 60)) + "1"
    elif shape == "neg":
        n = f"-{draw(st.integers(0, 10**5))}"
    elif shape == "full":
        n = str(draw(st.integers(0, 10**6))).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    else:
        n = f"{draw(st.integers(1, 9))}e{draw(st.integers(1, 400))}"
    return n + draw(st.sampled_from(UNITS))


@st.composite
def table_lines(draw) -> str:
    sep = draw(st.sampled_from([" | ", "\t", "  ", "│", "\n", " "]))
    cells = draw(st.lists(st.one_of(st.sampled_from(WORDS), figures()), min_size=2, max_size=8))
    return sep.join(cells) + "\n"


pieces = st.one_of(st.sampled_from(WORDS), figures(), st.sampled_from(PUNCT), st.sampled_from(ODD), table_lines(),
                   st.text(max_size=6))
reports = st.lists(pieces, max_size=50).map("".join)


def render(fmt: str, result) -> str:
    out = io.StringIO()
    reporter = reporters()[fmt](out, lang="zh", color=False, rules=RULES)
    reporter.start()
    reporter.file(result)
    reporter.failed("other.txt", "other.txt: cannot read")
    reporter.finish()
    return out.getvalue()


def outputs(text: str) -> dict[str, str]:
    result = audit_text(text, path="fuzz/报告 1.txt", explained=True)
    return {fmt: render(fmt, result) for fmt in reporters()}


def parses(fmt: str, out: str) -> None:
    if fmt in ("json", "sarif"):
        data = json.loads(out)
        if fmt == "sarif":
            jsonschema.Draft7Validator(SCHEMA).validate(data)
    elif fmt == "jsonl":
        for line in out.splitlines():
            json.loads(line)
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(out, newline="")))
        assert rows and all(len(r) == len(rows[0]) for r in rows), rows[:3]


@settings(max_examples=30, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck))
@given(reports)
def test_any_text_is_checked_and_reported_in_every_format(text):
    first = outputs(text)
    for fmt, out in first.items():
        parses(fmt, out)
    assert outputs(text) == first  # the same input, the same output


@settings(max_examples=10, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.one_of(table_lines(), st.sampled_from(PUNCT)), min_size=5, max_size=40).map("".join))
def test_table_like_text_is_checked_and_reported(text):
    for fmt, out in outputs(text).items():
        parses(fmt, out)


def test_a_line_break_of_unicode_inside_a_figure_keeps_jsonl_one_line_per_file():
    # found by benchmarks/reliability.py: U+0085 inside a figure's text split the line for str.splitlines()
    for mark in ("\x85", "\u2028", "\u2029"):
        result = audit_text(f"支出合计100万{mark}元，其中基本支出60万{mark}元，项目支出50万{mark}元。")
        assert any(mark in e.text for f in result.findings for e in f.evidence)
        lines = render("jsonl", result).splitlines()
        assert len(lines) == 2  # the file's object and the failed one
        assert mark in json.dumps([json.loads(line) for line in lines], ensure_ascii=False)


def test_figures_far_apart_in_size_and_precision_are_checked_without_an_error():
    # found by benchmarks/reliability.py (shrunk): a difference of 51亿 and 0.0000000000000000001元
    # written to the smaller one's 19 decimals needs 30 digits; quantize raised InvalidOperation
    for text in ("公用经费支出51亿\n公用经费0.0000000000000000001元",
                 "2023年0.0000000001元2022年25千元增长0.000000000001%",  # a ratio over a tiny figure
                 "支出合计0412908255074608694639086万元，其中基本支出10.25万元、项目支出50万元。"):
        result = audit_text(text)
        assert result.outcomes
        for fmt in reporters():
            parses(fmt, render(fmt, result))


def test_a_carriage_return_inside_a_figure_keeps_a_csv_row_one_row():
    # found by benchmarks/reliability.py: "543.10\r萬元" was written unquoted, and read back as two rows
    result = audit_text("支出合计100万\r元，其中基本支出60万元，项目支出50万元。")
    assert any("\r" in e.text for f in result.findings for e in f.evidence)
    rows = list(csv.reader(io.StringIO(render("csv", result), newline="")))
    assert [len(r) for r in rows] == [12] * len(rows) and len(rows) == 1 + len(result.findings) + 1
