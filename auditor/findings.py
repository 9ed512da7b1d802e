"""Stage 5: findings — one frozen record per contradiction, rendered by reporters —
and the outcome of every relation checked, contradicted or not."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal


from auditor.extract.model import Fact, Record, Span

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


class Evidence(Record):
    """A figure the relation used, with its role in it (total, part, numerator …)."""

    text: str
    start: int
    end: int
    line: int
    column: int
    role: str

    @classmethod
    def of(cls, fact: Fact, role: str) -> "Evidence":
        s = fact.span
        return cls.from_fields({"text": fact.text, "start": s.start, "end": s.end, "line": s.line, "column": s.column,
                                "role": role})  # (every field in order: each relation's figures, made often)

    @classmethod
    def at(cls, span: Span, text: str, role: str) -> "Evidence":
        return cls.from_fields({"text": text, "start": span.start, "end": span.end, "line": span.line,
                                "column": span.column, "role": role})


class Finding(Record):
    """A contradiction: the rule, where, the figures and the arithmetic, and the message in each language."""

    rule: str
    severity: Severity
    messages: dict[str, str]  # language → message
    stated: str | None = None
    expected: str | None = None
    arithmetic: dict[str, str] = {}  # language → "28.09 + 385.58 = 413.67 ≠ 396.6 (差 17.07)"
    start: int
    end: int
    line: int
    column: int
    evidence: tuple[Evidence, ...] = ()
    difference: Decimal | None = None
    tolerance: Decimal | None = None
    # how many paragraphs (lines joined where extraction wrapped them) its figures stand in;
    # 0 when not known (then its evidence's lines count)
    paragraphs: int = 0

    def message(self, lang: str = "zh") -> str:
        return self.messages.get(lang) or next(iter(self.messages.values()))

    def arithmetic_text(self, lang: str = "zh") -> str:
        return self.arithmetic.get(lang) or next(iter(self.arithmetic.values()), "")

    @property
    def rank(self) -> int:
        return SEVERITY_RANK[self.severity]


Verdict = Literal["holds", "fails", "undecided", "explained"]


class Outcome(Record):
    """What checking one relation gave: it holds, it fails (with its finding), it could
    not be decided (a figure it needs is not stated), or it fails as read but another
    plausible reading of the same text explains it (`alternative`).

    `reason`, `via` and `rejected` say why the relation was bound and what it beat
    (auditor/extract/bind/reasons.py).
    """

    rule: str
    verdict: Verdict
    reason: str = ""
    via: tuple[str, ...] = ()
    rejected: tuple[str, ...] = ()
    figures: tuple[Evidence, ...] = ()
    note: str = ""
    alternative: str | None = None
    finding: Finding | None = None
    # the relation as arithmetic over its figures (auditor.check.arithmetic.Equation), for the
    # diagnosis of which figure is wrong; not part of any output
    equation: Any = None
