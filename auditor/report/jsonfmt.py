"""The JSON contract tools read (see README): one object per file, an array for several."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from auditor.report import Reporter


def write_indented(payload: Any, stream) -> None:
    """`json.dump(payload, stream, ensure_ascii=False, indent=2)` and a line break, byte
    for byte the same — written by orjson where it writes the same (the standard
    library's indented output runs in pure Python: 7 % of a report's time).

    orjson writes floats below 1e-4 without an exponent (0.00001, not 1e-05) and
    refuses integers beyond 64 bits and lone surrogates: such payloads go to the
    standard library.
    """
    text = _orjson_text(payload)
    if text is None:
        text = json.dumps(payload, ensure_ascii=False, indent=2)
    stream.write(text)
    stream.write("\n")


def _orjson_text(payload: Any) -> str | None:
    try:
        import orjson
    except ImportError:  # a platform without its wheel
        return None
    if not _same_in_orjson(payload):
        return None
    try:
        # dataclasses and datetimes: refused, as the standard library refuses them
        return orjson.dumps(payload, option=orjson.OPT_INDENT_2 | orjson.OPT_PASSTHROUGH_DATACLASS
                            | orjson.OPT_PASSTHROUGH_DATETIME).decode("utf-8")
    except orjson.JSONEncodeError:  # an integer beyond 64 bits, a lone surrogate …
        return None


def _same_in_orjson(value: Any) -> bool:
    """No float that Python writes with an exponent (or as NaN/Infinity) inside.  (The containers
    walked with a stack, each value's type looked at once: a batch's report holds ~10^5 values,
    a recursive call and a generator each cost more than writing them.)"""
    kind = type(value)
    if kind is float:
        return 1e-4 <= abs(value) < 1e16
    if kind is not dict and kind is not list and kind is not tuple:
        return True
    stack = [value]
    while stack:
        container = stack.pop()
        for item in (container.values() if type(container) is dict else container):
            kind = type(item)
            if kind is str:
                continue
            if kind is float:
                if not 1e-4 <= abs(item) < 1e16:
                    return False
            elif kind is dict or kind is list or kind is tuple:
                stack.append(item)
    return True


def number(value: Decimal) -> int | float | str:
    """A Decimal as a JSON number that prints with the same digits.

    A value no float or printable int holds (more than 300 digits: Python refuses
    to print an int of over 4,300, and a float becomes Infinity, which is no JSON)
    is written as a string — no report states one (auditor.normalise.MAX_DIGITS),
    and the writer must never fail on it.
    """
    if not value.is_finite() or value.adjusted() > 300:
        return str(value)
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def locator(result):
    """offset → the place in the original file (page, paragraph, table cell, sheet cell, line)."""
    document = getattr(result, "document", None)
    if document is None or not hasattr(document, "location_at"):
        return lambda offset: {}
    return document.location_at


def result_object(result, lang: str) -> dict[str, Any]:
    # Beside the contract's keys, "location" says where a figure is in the original
    # file: {"page": 3}, {"table": 1, "row": 2, "cell": 3}, {"sheet": …, "cell": "C5"}, …
    where = locator(result)
    findings = [
        {
            "rule": f.rule,
            "severity": f.severity,
            "message": f.message(lang),
            "line": f.line,
            "column": f.column,
            "start": f.start,
            "end": f.end,
            "stated": f.stated,
            "expected": f.expected,
            "location": where(f.start),
            "evidence": [
                {"text": e.text, "line": e.line, "column": e.column, "start": e.start, "end": e.end, "role": e.role,
                 "location": where(e.start)}
                for e in f.evidence
            ],
        }
        for f in result.findings
    ]
    facts = [
        {
            "concept": fact.concept,
            "value": number(fact.value),
            "unit": fact.unit,
            "text": fact.text,
            "line": fact.span.line,
            "column": fact.span.column,
            "start": fact.span.start,
            "end": fact.span.end,
            "location": where(fact.span.start),
        }
        for fact in result.extraction.facts
    ]
    figures, relations, undecided = result.checked
    out = {"file": result.path, "findings": findings, "facts": facts,
           "relations": relation_objects(result, where),
           "checked": {"figures": figures, "relations": relations, "undecided": undecided}}
    loaded = getattr(getattr(result, "document", None), "warnings", ())
    if loaded:  # read only in part (damaged bytes replaced …): said with the file it concerns
        from auditor.messages import warning

        out["warnings"] = [warning(lang, key, values) for key, values in loaded]
    return out


def relation_objects(result, where=None) -> list[dict[str, Any]]:
    """Every relation checked: its rule, verdict, reason (and what it beat), and figures."""
    where = where or locator(result)
    out = []
    for o in result.outcomes:
        out.append({
            "rule": o.rule,
            "verdict": o.verdict,
            "reason": o.reason,
            "via": list(o.via),
            "rejected": list(o.rejected),
            "note": o.note,
            "alternative": o.alternative,
            "finding": o.finding is not None,
            "figures": [{"text": e.text, "role": e.role, "line": e.line, "column": e.column, "start": e.start,
                         "end": e.end, "location": where(e.start)} for e in o.figures],
        })
    return out


class JsonReporter(Reporter):
    name = "json"
    needs_facts = True

    def start(self) -> None:
        self.objects: list[dict[str, Any]] = []

    def file(self, result) -> None:
        self.objects.append(result_object(result, self.lang))

    def failed(self, path: str, message: str) -> None:
        self.objects.append({"file": path, "error": message, "findings": [], "facts": [], "relations": []})

    def finish(self) -> None:
        write_indented(self.objects[0] if len(self.objects) == 1 else self.objects, self.stream)
