"""What every check needs besides its rule: the document's facts, indexed."""

from __future__ import annotations

import re

from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from decimal import Decimal

from auditor.check.arithmetic import Comparison
from auditor.check.rulebook import Rule
from auditor.extract.model import Extraction, Fact, Span
from auditor.extract.vocabulary import Vocabulary, read_label
from auditor.findings import Evidence, Finding

Key = tuple[str, str | None, str | None, tuple[str, ...]]

SCOPES = ("财政拨款", "一般公共预算", "政府性基金", "国有资本经营", "财政专户", "其他资金", "自筹", "中央", "省级", "市级",
          "州级", "县级", "区级", "本级", "上级", "专项", "非税")


_DONE = re.compile(r"(?:累计)?(?:完成|实现)$")


def named_part(label: str) -> str:
    """"地方一般公共预算收入完成": the name, without the verb that states the figure."""
    return _DONE.sub("", label)


def scope_of(label: str) -> tuple[str, ...]:
    return tuple(s for s in SCOPES if s in label)


@dataclass
class Context:
    doc: Extraction
    vocab: Vocabulary
    langs: tuple[str, ...] = ("zh", "en")
    by_key: dict[Key, list[Fact]] = field(default_factory=dict)
    _starts: dict[str, list[int]] = field(default_factory=dict)  # offsets of indexed lists, for bisect

    def __post_init__(self) -> None:
        index: dict[Key, list[Fact]] = defaultdict(list)
        for f in self.doc.facts:
            if f.kind == "amount" and f.concept and not f.approximate:
                index[self.key(f)].append(f)
        self.by_key = dict(index)

    def period_of(self, fact: Fact) -> str | None:
        year = self.doc.report_year
        if fact.period in (None, "current"):
            return year
        if fact.period == "previous":
            return str(int(year) - 1) if year else "previous"
        return fact.period

    def key(self, fact: Fact) -> Key:
        return (fact.concept or "", self.period_of(fact), fact.scenario, scope_of(fact.label))

    def unique(self, facts: list[Fact]) -> Fact | None:
        """One value for a quantity, or None when the text gives several (ambiguous)."""
        if not facts:
            return None
        first = facts[0]
        if all(abs(f.value - first.value) <= f.tolerance + first.tolerance for f in facts):
            return first
        return None

    # ---- indexes, built once: each check looks things up instead of scanning the document

    @cached_property
    def known_concepts(self) -> frozenset[str]:
        """The concepts the vocabulary names (a label it does not know is its own 'concept')."""
        return frozenset(self.vocab.concepts.values())

    @cached_property
    def amounts_by_concept(self) -> dict[str, list[Fact]]:
        out: dict[str, list[Fact]] = defaultdict(list)
        for f in self.doc.facts:
            if f.kind == "amount" and f.concept and not f.approximate:
                out[f.concept].append(f)
        return dict(out)

    def amounts_of(self, concept: str | None, near: int | None = None, reach: int = 20000) -> list[Fact]:
        """Amounts of a concept; for a concept stated very often (a compendium of many
        units), only those within `reach` characters of offset `near`."""
        facts = self.amounts_by_concept.get(concept or "", [])
        if near is None or len(facts) <= 50:
            return facts
        starts = self._starts.get(concept or "")
        if starts is None:
            starts = self._starts[concept or ""] = [f.span.start for f in facts]
        return facts[bisect_left(starts, near - reach):bisect_right(starts, near + reach)]

    @cached_property
    def amounts_by_value(self) -> list[tuple[Decimal, Fact]]:
        """Positive exact amounts sorted by value, for "which amount gives this ratio" searches."""
        return sorted(((f.value, f) for f in self.doc.facts if f.kind == "amount" and not f.approximate
                       and f.value > 0), key=lambda pair: pair[0])

    def amounts_between(self, low: Decimal, high: Decimal) -> list[Fact]:
        values = self.amounts_by_value
        start = bisect_left(values, low, key=lambda pair: pair[0])
        end = bisect_right(values, high, key=lambda pair: pair[0])
        return [f for _, f in values[start:end]]

    @cached_property
    def budget_amounts(self) -> list[Fact]:
        """Amounts whose label makes them a budget or the money received: a rate's possible base."""
        return [f for _, f in self.amounts_by_value
                if f.scenario in {"budget_initial", "budget_adjusted", "budget", "available"}]

    @cached_property
    def share_of(self) -> dict[int, Fact]:
        """part fact id → its stated share (占 p%)."""
        return {s.part.id: s.percent for s in self.doc.shares if s.part is not None}

    @cached_property
    def complete_lists(self) -> tuple:
        """Breakdowns that name every part of their total (no 减 items): what the parts'
        own changes or shares must add up to."""
        return tuple(b for b in self.doc.breakdowns if b.complete and not b.subtracted and len(b.parts) >= 2)

    @cached_property
    def breakdowns_of_part(self) -> dict[int, list]:
        out: dict[int, list] = defaultdict(list)
        for b in self.doc.breakdowns:
            for p in b.parts:
                out[p.id].append(b)
        return dict(out)

    @cached_property
    def facts_by_sentence(self) -> dict[int, list[Fact]]:
        out: dict[int, list[Fact]] = defaultdict(list)
        for f in self.doc.facts:
            out[f.sentence].append(f)
        return dict(out)

    @cached_property
    def budget_changes_by_sentence(self) -> dict[int, list]:
        """Differences against the budget ("决算数大于预算数55.93万元"), by the sentence of their amount."""
        out: dict[int, list] = defaultdict(list)
        for c in self.doc.changes:
            if c.reference == "budget" and c.delta is not None:
                out[c.delta.sentence].append(c)
        return dict(out)

    @cached_property
    def amounts_by_label_end(self) -> dict[str, list[tuple[str, Fact]]]:
        """(name, amount) by the last two characters of the name (names are matched by ending),
        in text order."""
        out: dict[str, list[tuple[str, Fact]]] = defaultdict(list)
        for f in self.doc.facts:
            if f.kind != "amount" or f.approximate:
                continue
            name = named_part(f.label)
            if len(name) >= 2:
                out[name[-2:]].append((name, f))
        return dict(out)

    def amounts_named(self, ending: str, near: int, reach: int = 20000) -> list[tuple[str, Fact]]:
        """(name, amount) whose name ends in `ending`'s last two characters, within `reach`
        characters of `near` when the name is very common."""
        pairs = self.amounts_by_label_end.get(ending[-2:], [])
        if len(pairs) <= 50:
            return pairs
        starts = self._starts.get("label-end:" + ending[-2:])
        if starts is None:
            starts = self._starts["label-end:" + ending[-2:]] = [f.span.start for _, f in pairs]
        return pairs[bisect_left(starts, near - reach):bisect_right(starts, near + reach)]

    def label_concept(self, label: str):
        return read_label(label, self.vocab)


def finding(
    rule: Rule,
    ctx: Context,
    *,
    primary: Fact | None = None,
    span: Span | None = None,
    stated: str | None,
    expected: str | None,
    arithmetic: dict[str, str],
    evidence: list[Evidence],
    comparison: Comparison | None = None,
    fields: dict[str, str] | None = None,
) -> Finding:
    """A finding of `rule`, its message rendered in every language."""
    severity = rule.severity
    if comparison is not None and comparison.verdict == "minor" and severity == "error":
        severity = "warning"
    values = {"stated": stated or "", "expected": expected or "", **(fields or {})}
    messages = {}
    for lang in ctx.langs:
        template = rule.message.get(lang) or rule.message["zh"]
        values["arithmetic"] = arithmetic.get(lang) or arithmetic.get("zh", "")
        try:
            messages[lang] = template.format(**values)
        except (KeyError, IndexError):
            messages[lang] = template
    where = span or (primary.span if primary else None)
    assert where is not None, "a finding needs a place"
    return Finding.model_construct(
        rule=rule.id,
        severity=severity,
        messages=messages,
        stated=stated,
        expected=expected,
        arithmetic=arithmetic,
        start=where.start,
        end=where.end,
        line=where.line,
        column=where.column,
        evidence=tuple(evidence),
        difference=comparison.difference if comparison else None,
        tolerance=comparison.slack if comparison else None,
    )


def diff_text(difference: Decimal, like: Fact, lang: str, decimals: int | None = None) -> str:
    d = like.decimals if decimals is None else decimals
    shown = (abs(difference) / like.scale).quantize(Decimal(1).scaleb(-d))
    unit = "个百分点" if like.unit == "%" and lang == "zh" else (" points" if like.unit == "%" else "")
    return f"(差 {shown}{unit})" if lang == "zh" else f"(difference {shown}{unit})"
