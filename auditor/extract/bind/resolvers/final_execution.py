"""A final account's figure compared with the 执行数 reported to the people's congress before it.

    "收入决算数为4.86亿元,…,与执行数(4.81亿元)相比增加0.05亿元" → 4.86 − 4.81 = 0.05
    "与向市人大常委会报告的执行数相比,收入决算数增加0.14亿元(执行数152.22亿元)" → the 决算 stated before, the
        执行数 in the bracket after the change
    "…收入执行数为186.05亿元…。…收入决算数为186.42亿元…。…收入决算数较执行数增加0.37亿元" → both stated before
        (change_final_against_execution_elsewhere: a look-up, which warns at most)

The change's words compare with the 执行数 (较 / 比 / 与 … 执行数, cue compared_with_execution); its earlier term is the
执行数 figure its sentence states (in the bracket right after the change, or right after those words), else the one
执行数 of the change's subject stated before it; its later term the nearest 决算 figure before it of the subject the
change names (收入决算数 …), else of the 执行数's flow, else the nearest.  A change whose sentence already gave both
terms is left as it was.
"""

from __future__ import annotations

from bisect import bisect_left

from auditor import lazyre
from auditor.extract.bind.index import DocumentIndex
from auditor.extract.model import Change, Fact
from auditor.extract.readings import clean_label

_STRETCH_END = lazyre.compile(r"[。;；\n]")
_CLAUSE_END = lazyre.compile(r"[,，;；。\n]")
_BRACKET_AFTER = lazyre.compile(r"\s*[(（]\s*(?:执行数|执行)\s*(?:为|是)?\s*")

IN_SENTENCE, ELSEWHERE = "change_final_against_execution", "change_final_against_execution_elsewhere"


def resolve(index: DocumentIndex, changes: list[Change], text: str) -> list[Change]:
    if not text or "执行数" not in text:
        return changes
    compared = index.vocab.cue("compared_with_execution")
    out = []
    for c in changes:
        made = None
        if c.delta is not None and c.delta.kind == "amount" and c.direction and not c.delta.is_bound \
                and c.reference == "previous" and not (c.current is not None and c.previous is not None):
            made = _against_execution(index, c, text, compared)
        out.append(made or c)
    return out


def _against_execution(index: DocumentIndex, c: Change, text: str, compared) -> Change | None:
    at = c.keyword_span.start
    start = max((m.end() for m in _STRETCH_END.finditer(text, max(0, at - 160), at)), default=max(0, at - 160))
    stretch = text[start:at]
    marks = list(compared.finditer(stretch))
    if not marks:
        return None
    mark = marks[-1]
    # (no other change between the words and this one: "与执行数相比,收入增加a(执行数…),支出减少b(执行数…)" frames both)
    facts = index.facts
    starts = _starts(index)
    between = facts[bisect_left(starts, start + mark.end()):bisect_left(starts, at)]
    unit = c.delta.unit
    previous, reason = _execution_in_sentence(index, c, text, start + mark.end(), between), IN_SENTENCE
    subject = _subject(stretch, mark)
    flow = index.vocab.flow(subject) if subject else None
    if previous is None:
        previous, reason = _execution_before(index, c, start + mark.start(), flow), ELSEWHERE
    if previous is None or previous.unit != unit:
        return None
    if flow is None:
        flow = index.vocab.flow(clean_label(previous.label)) if clean_label(previous.label) else None
    current = _final_before(index, c, subject, flow, previous)
    if current is None or current.unit != unit:
        return None
    return c.model_copy(update={"current": current, "previous": previous, "reason": reason,
                                "subject_label": subject or clean_label(current.label),
                                "compared_name": "执行数", "current_name": "决算数"})


def _starts(index: DocumentIndex) -> list[int]:
    return index.memo("_fact_starts", lambda: [f.span.start for f in index.facts])


def _subject(stretch: str, mark) -> str:
    """The words naming what changed: before the 较/比/与 words in their clause ("收入决算数较执行数"), or after the frame
    they open ("与…执行数相比,收入决算数增加")."""
    head = stretch[:mark.start()]
    cut = max((m.end() for m in _CLAUSE_END.finditer(head)), default=0)
    before = clean_label(head[cut:])
    if before:
        return before
    tail = stretch[mark.end():]
    cut = max((m.end() for m in _CLAUSE_END.finditer(tail)), default=-1)
    return clean_label(tail[cut:]) if cut >= 0 else ""


def _named_execution(index: DocumentIndex, f: Fact, text: str) -> bool:
    label = clean_label(f.label)
    if label:
        return label.endswith("执行数") or bool(index.vocab.cue("bracket_named_spent").search(label + "("))
    return bool(index.vocab.cue("bracket_named_spent").search(text, max(0, f.span.start - 12), f.span.start))


def _execution_in_sentence(index: DocumentIndex, c: Change, text: str, after: int, between: list[Fact]) -> Fact | None:
    """The 执行数 the sentence states: in the bracket right after the change ("增加0.14亿元(执行数152.22亿元)"), or the
    last amount named as one between the words that compare and the change ("与执行数(4.81亿元)相比", "与…报告的执行数
    41.19亿元相比")."""
    bracket = _BRACKET_AFTER.match(text, c.delta.span.end)
    if bracket is not None:
        starts = _starts(index)
        k = bisect_left(starts, bracket.end())
        if k < len(index.facts) and index.facts[k].span.start == bracket.end() and index.facts[k].kind == "amount":
            return index.facts[k]
    named = [f for f in between if f.kind == "amount" and f is not c.delta and _named_execution(index, f, text)]
    return named[-1] if named else None


def _execution_before(index: DocumentIndex, c: Change, before: int, flow: str | None) -> Fact | None:
    """The one 执行数 of the change's flow stated before it in the text ("收入执行数为186.05亿元、支出执行数为…")."""
    executions = _memo(index, "_executions", lambda f: f.kind == "amount" and not f.is_bound
                       and clean_label(f.label).endswith("执行数"))
    found = [f for f in executions[:bisect_left(executions, before, key=_start)] if f.unit == c.delta.unit
             and (flow is None or index.vocab.flow(clean_label(f.label)) == flow)]
    return found[0] if len(found) == 1 else None


def _final_before(index: DocumentIndex, c: Change, subject: str, flow: str | None, previous: Fact) -> Fact | None:
    """The nearest 决算 figure before the change, of the subject it names (its concept), else of its flow."""
    finals = _memo(index, "_finals", lambda f: f.kind == "amount" and f.scenario == "final" and not f.is_bound)
    concept = index.label_concept(subject).concept if subject else None
    if concept in ("决算数", "决算"):
        concept = None
    nearest = flowing = None
    # (back from the change, the nearest first: stops at the first of the concept it names, or of its flow, or any)
    for k in range(bisect_left(finals, c.keyword_span.start, key=_start) - 1, -1, -1):
        f = finals[k]
        if f.unit != c.delta.unit or f is previous:
            continue
        if concept and f.concept and (concept in f.concept or f.concept in concept):
            return f
        if nearest is None:
            nearest = f
            if not concept and flow is None:
                return f
        if flow is not None and flowing is None and index.vocab.flow(clean_label(f.label)) == flow:
            flowing = f
            if not concept:
                return f
    if nearest is None:
        return None
    return flowing if flow is not None else nearest


def _start(f: Fact) -> int:
    return f.span.start


def _memo(index: DocumentIndex, name: str, keep) -> list[Fact]:
    """The index's facts `keep` keeps, in text order, worked out once a document (the changes each look back in them)."""
    return index.memo(name, lambda: [f for f in index.facts if keep(f)])
