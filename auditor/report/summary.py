"""Counting findings and files, in the words of each language (auditor.messages)."""

from __future__ import annotations

from collections import Counter
from typing import Sequence

from auditor import messages


def checked_line(checked: tuple[int, int, int] | None, lang: str) -> str:
    """"读取 120 个数字，核对 35 个关系，3 个无法判定": how much a verdict rests on."""
    if checked is None:
        return ""
    figures, relations, undecided = checked
    text = messages.text(lang, "checked.line", figures=messages.count(lang, "count.figures", figures),
                         relations=messages.count(lang, "count.relations", relations))
    return text + (messages.text(lang, "checked.undecided", n=undecided) if undecided else "")


def count_line(findings, lang: str, checked: tuple[int, int, int] | None = None) -> str:
    """'2 个错误，1 个警告' / '2 errors, 1 warning' / '未发现矛盾', then (given `checked`) how much
    was checked: "no contradictions" is said only when some relation was checked."""
    counts = Counter(f.severity for f in findings)
    tail = checked_line(checked, lang)
    after = messages.text(lang, "checked.after", tail=tail) if tail else ""
    if not findings:
        if checked is not None and checked[1] == 0:
            return messages.text(lang, "count.nothing") + messages.text(lang, "checked.paren", tail=tail)
        return messages.text(lang, "count.none") + after
    parts = [messages.count(lang, f"count.{sev}", counts[sev]) for sev in ("error", "warning", "info") if counts[sev]]
    return messages.text(lang, "count.join").join(parts) + after


def total_line(rows: Sequence, lang: str) -> str:
    """The grand total of a batch (rows: auditor.batch.SummaryRow):
    "共 N 个错误、M 个警告，涉及 K / T 个文件；读取 X 个数字，核对 Y 个关系"."""
    read = [r for r in rows if r.failure is None]
    line = messages.text(
        lang, "summary.total",
        errors=messages.count(lang, "count.error", sum(r.errors for r in read)),
        warnings=messages.count(lang, "count.warning", sum(r.warnings for r in read)),
        affected=sum(1 for r in read if r.errors or r.warnings or r.infos), files=len(rows),
        facts=sum(r.facts for r in read), relations=sum(r.relations for r in read))
    unreadable = len(rows) - len(read)
    if unreadable:
        line += messages.text(lang, "summary.total_unreadable", n=unreadable)
    return line
