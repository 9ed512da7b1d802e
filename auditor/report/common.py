"""What several reporters share: words in each language, and offsets as line/column."""

from __future__ import annotations

from bisect import bisect_right

from auditor.report.summary import WORDS

HEADERS = {
    "zh": {"file": "文件", "place": "位置", "line": "行", "column": "列", "rule": "规则", "severity": "级别",
           "message": "说明", "stated": "所写", "expected": "应为", "arithmetic": "算式", "evidence": "所用数字",
           "error": "无法读取"},
    "en": {"file": "File", "place": "Place", "line": "Line", "column": "Column", "rule": "Rule",
           "severity": "Severity", "message": "Message", "stated": "Stated", "expected": "Expected",
           "arithmetic": "Arithmetic", "evidence": "Figures used", "error": "Cannot read"},
}

ROLES = {
    "zh": {"total": "总额", "part": "分项", "subtracted": "减项", "numerator": "分子", "denominator": "分母",
           "rate": "比率", "share": "占比", "whole": "整体", "amount": "金额", "change": "增减额", "growth": "增长率",
           "current": "本期数", "previous": "上期数", "direction": "增减方向", "first": "首次出现", "repeat": "再次出现",
           "left": "收入总计", "right": "支出总计", "grade": "等级", "score": "得分", "weight": "分值", "row": "行"},
}


def header(lang: str, key: str) -> str:
    return HEADERS.get(lang, HEADERS["en"])[key]


def severity_word(lang: str, severity: str) -> str:
    return WORDS.get(lang, WORDS["en"])[severity]


def role_word(lang: str, role: str) -> str:
    return ROLES.get(lang, {}).get(role, role)


class Lines:
    """Offsets of a text → 1-based (line, column), columns counted in characters."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0]
        for n, ch in enumerate(text):
            if ch == "\n":
                self.starts.append(n + 1)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def line_text(self, line: int) -> str:
        start = self.starts[line - 1]
        end = self.starts[line] - 1 if line < len(self.starts) else len(self.text)
        return self.text[start:end]


def place(result, offset: int, lead: str = "  ") -> str:
    """'  (p.3)', '  (table 2 row 3 cell 4)' … where a figure stands in a PDF, Word
    file, sheet or web page; '' for plain text (its line:column says it all)."""
    document = getattr(result, "document", None)
    if document is None or getattr(document, "format", "txt") == "txt" or not hasattr(document, "describe"):
        return ""
    where = document.describe(offset)
    return f"{lead}({where})" if where else ""
