"""Stage 4: run the rule set over a document's facts and collect findings."""

from __future__ import annotations

from functools import lru_cache

from auditor.check.context import Context
from auditor.check.kinds import KINDS
from auditor.check.rulebook import Rule, load_rules
from auditor.extract.model import Extraction
from auditor.extract.vocabulary import Vocabulary, default_vocabulary
from auditor.findings import Finding
from auditor.nogc import without_cycle_collection


def default_rules() -> list[Rule]:
    """The built-in rule set (read once per process; rules are frozen records)."""
    return list(_builtin_rules())


@lru_cache(maxsize=1)
def _builtin_rules() -> tuple[Rule, ...]:
    return tuple(load_rules(known_kinds=set(KINDS)))


def check(doc: Extraction, rules: list[Rule], vocab: Vocabulary | None = None) -> list[Finding]:
    """All findings of `rules` on `doc`, each contradiction once, in text order."""
    with without_cycle_collection():
        return _check(doc, rules, vocab or default_vocabulary())


def _check(doc: Extraction, rules: list[Rule], vocab: Vocabulary) -> list[Finding]:
    ctx = Context(doc, vocab)
    findings: list[Finding] = []
    seen: set[tuple] = set()
    for rule in rules:
        for f in KINDS[rule.kind](rule, ctx):
            key = (f.start, f.end, f.stated, f.expected)
            if key in seen:
                continue  # two rules reaching the same conclusion about one figure
            seen.add(key)
            findings.append(f)
    findings.sort(key=lambda f: (f.start, -f.rank, f.rule))
    return findings
