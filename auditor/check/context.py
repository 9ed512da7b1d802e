"""What every check needs besides its rule: the document's facts, indexed."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from auditor.check.arithmetic import Comparison
from auditor.check.rulebook import Rule
from auditor.extract.model import Extraction, Fact, Span
from auditor.extract.vocabulary import Vocabulary, read_label
from auditor.findings import Evidence, Finding

Key = tuple[str, str | None, str | None, tuple[str, ...]]

SCOPES = ("财政拨款", "一般公共预算", "政府性基金", "国有资本经营", "财政专户", "其他资金", "自筹", "中央", "省级", "市级",
          "州级", "县级", "区级", "本级", "上级", "专项", "非税")


def scope_of(label: str) -> tuple[str, ...]:
    return tuple(s for s in SCOPES if s in label)


@dataclass
class Context:
    doc: Extraction
    vocab: Vocabulary
    langs: tuple[str, ...] = ("zh", "en")
    by_key: dict[Key, list[Fact]] = field(default_factory=dict)

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

    def concept_values(self, concept: str, period: str | None, scenario: str | None = None) -> list[Fact]:
        out = []
        for (c, p, s, _), facts in self.by_key.items():
            if c == concept and p == period and (scenario is None or s == scenario):
                out.extend(facts)
        return out

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
