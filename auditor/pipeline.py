"""The whole pipeline in one pure function per input: text → findings."""

from __future__ import annotations

from dataclasses import dataclass

from auditor.check import default_rules, evaluate
from auditor.check.rulebook import Rule
from auditor.extract import extract
from auditor.extract.model import Extraction
from auditor.extract.vocabulary import Vocabulary, default_vocabulary
from auditor.findings import Finding, Outcome
from auditor.load import Document, load_document
from auditor.normalise import Normalised, normalise


@dataclass(frozen=True)
class AuditResult:
    document: Document
    normalised: Normalised
    extraction: Extraction
    findings: list[Finding]
    outcomes: tuple[Outcome, ...] = ()

    @property
    def path(self) -> str:
        return self.document.path

    @property
    def checked(self) -> tuple[int, int, int]:
        """(figures read, relations checked, relations that could not be decided)."""
        undecided = sum(1 for o in self.outcomes if o.verdict == "undecided")
        return len(self.extraction.facts), len(self.outcomes) - undecided, undecided

    @property
    def text(self) -> str:
        return self.document.text


def audit_document(document: Document, rules: list[Rule] | None = None,
                   vocab: Vocabulary | None = None, explained: bool = False) -> AuditResult:
    """`explained`: also report, as info findings, the relations that fail as read but
    that another plausible reading of the text explains (auditor/check/doubt.py)."""
    vocab = vocab or default_vocabulary()
    rules = rules if rules is not None else default_rules()
    norm = normalise(document.text)
    doc = extract(norm, vocab)
    findings, outcomes = evaluate(doc, rules, vocab, norm.text, explained)
    return AuditResult(document, norm, doc, findings, tuple(outcomes))


def audit_text(text: str, path: str = "<text>", rules: list[Rule] | None = None,
               vocab: Vocabulary | None = None, explained: bool = False) -> AuditResult:
    return audit_document(Document(path=path, text=text), rules, vocab, explained)


def audit_path(path: str, rules: list[Rule] | None = None, vocab: Vocabulary | None = None,
               explained: bool = False) -> AuditResult:
    return audit_document(load_document(path), rules, vocab, explained)
