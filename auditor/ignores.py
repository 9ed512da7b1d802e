"""Findings a reviewer accepted inside the document itself, the way `# noqa` works in code.

A comment (a Word 批注, a spreadsheet cell comment) with a line that begins with

    audit: ignore SUM001 已与财务科核实，表中数字为准
    audit: ignore SUM001,RAT002 理由

anchored on a figure suppresses those rules' findings whose stated figure lies
under the comment.  The reason after the rule IDs is for the next reader; it
may be empty.  Loaders record where comments stand (Document.notes); this
module only matches them with findings.
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from auditor import lazyre
from auditor.findings import Finding

_IGNORE = lazyre.compile(r"^[ \t]*audit[ \t]*[:：][ \t]*ignore[ \t]+"
                     r"((?:[A-Za-z][A-Za-z0-9_-]*\d+)(?:[ \t]*[,，、][ \t]*[A-Za-z][A-Za-z0-9_-]*\d+)*)"
                     r"(?:[ \t]+(.*))?$", re.IGNORECASE | re.MULTILINE)


def parse(comment: str) -> tuple[frozenset[str], str] | None:
    """('SUM001', …), reason — or None when the comment is not an ignore comment.

    The ignore line may follow other lines: Excel starts a note with its author's name,
    and a reviewer may add the line below the auditor's own comment on a cell."""
    m = _IGNORE.search(comment)
    if m is None:
        return None
    rules = frozenset(r.strip().upper() for r in re.split(r"[,，、]", m.group(1)) if r.strip())
    return rules, (m.group(2) or "").strip()


def rules_at(notes: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, frozenset[str]]]:
    """The ignore comments among a document's notes: (start, end, rules)."""
    out = []
    for start, end, text in notes:
        parsed = parse(text)
        if parsed is not None:
            out.append((start, end, parsed[0]))
    return out


def _under(finding: Finding, start: int, end: int) -> bool:
    """The finding's stated figure lies under a comment anchored on start…end (a point comment: on it)."""
    if start == end:
        return finding.start <= start <= finding.end
    return finding.start < end and start < finding.end


def split(findings: Sequence[Finding], notes: Iterable[tuple[int, int, str]]) -> tuple[list[Finding], list[Finding]]:
    """(kept, suppressed): the findings no ignore comment covers, and those one does."""
    ignores = rules_at(notes)
    if not ignores:
        return list(findings), []
    kept, suppressed = [], []
    for f in findings:
        hit = any(f.rule.upper() in rules and _under(f, start, end) for start, end, rules in ignores)
        (suppressed if hit else kept).append(f)
    return kept, suppressed
