"""What several reporters share: words from the catalogue, offsets as line/column, and places.

A finding's *position* is the place a user can open: line:column in a text
file, the source line of a web page, and for Word, PDF and spreadsheets the
paragraph, page or cell (¶ 12, page 3, 评分表!C5) — never the line of the
text the auditor extracted, which the user cannot find.
"""

from __future__ import annotations

from bisect import bisect_right

from auditor import messages
from auditor.load.base import line_starts
from auditor.records import dataclass


def header(lang: str, key: str) -> str:
    return messages.text(lang, "header." + key)


def expected_tail(finding, lang: str) -> str:
    """"（应为 X）" after a message, unless the message already says what the figure should be
    (a diagnosis names the figure and its value: "（疑为 0万元 有误，应为 10万元）")."""
    if not finding.expected:
        return ""
    said = {"zh": f"应为 {finding.expected}", "en": f"should be {finding.expected}"}[lang]
    return "" if said in finding.message(lang) else messages.text(lang, "text.expected", expected=finding.expected)


def severity_word(lang: str, severity: str) -> str:
    return messages.severity(lang, severity)


def role_word(lang: str, role: str) -> str:
    return messages.role(lang, role)


class Lines:
    """Offsets of a text → 1-based (line, column), columns counted in characters."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = line_starts(text)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def line_text(self, line: int) -> str:
        start = self.starts[line - 1]
        end = self.starts[line] - 1 if line < len(self.starts) else len(self.text)
        return self.text[start:end]


@dataclass(frozen=True)
class Position:
    """Where a figure stands, as the user finds it in the original file.

    line/column: a line the user can open (a text file's line and column, a
    web page's source line); place: words for any other place (paragraph,
    page, table cell, sheet cell), '' when the line says it all.
    """

    line: int | None
    column: int | None
    place: str

    def short(self) -> str:
        """'41:46' (a text file), '120' (a web page's source line), '第12段', 'page 3 table 1 row 2 cell 3'."""
        if self.line is not None:
            return f"{self.line}:{self.column}" if self.column is not None else f"{self.line}"
        return self.place

    def words(self, lang: str) -> str:
        """'第41行第46列', 'line 120', '第12段'."""
        if self.line is not None:
            head = (messages.text(lang, "place.line_column", line=self.line, column=self.column)
                    if self.column is not None else messages.text(lang, "place.line", n=self.line))
            return f"{head} {self.place}" if self.place else head
        return self.place


def _format_of(result) -> str:
    document = getattr(result, "document", None)
    return getattr(document, "format", "txt") if document is not None else "txt"


def position(result, offset: int, lang: str, line: int | None = None, column: int | None = None) -> Position:
    """The position of `offset` in `result`'s original file (see Position).

    `line`/`column` are the finding's own, used for a plain text file.
    """
    document = getattr(result, "document", None)
    fmt = _format_of(result)
    if document is None or fmt == "txt" or not hasattr(document, "location_at"):
        if line is None and document is not None:
            line, column = Lines(document.text).position(offset)
        return Position(line, column, "")
    where = dict(document.location_at(offset))
    if not where:
        return Position(line, column, "")
    if "file" not in where and "line" in where and not any(k in where for k in ("page", "paragraph", "sheet")):
        # a web page: its source line is the one line number shown
        src_line, src_column = where.pop("line"), where.pop("column", None)
        return Position(src_line, src_column, messages.place_text(where, lang))
    return Position(None, None, messages.place_text(where, lang))


def place(result, offset: int, lead: str = "  ", lang: str = "en") -> str:
    """'  (page 3)', '  (表1 第2行 第3列)' … where a figure stands in a PDF, Word
    file, sheet or web page; '' for plain text (its line:column says it all)."""
    document = getattr(result, "document", None)
    if document is None or _format_of(result) == "txt" or not hasattr(document, "location_at"):
        return ""
    where = messages.place_text(document.location_at(offset), lang)
    return f"{lead}({where})" if where else ""
