"""The whole pipeline in one pure function per input: text → findings."""

from __future__ import annotations

from dataclasses import dataclass

from auditor.check import check, default_rules
from auditor.check.rulebook import Rule
from auditor.extract import extract
from auditor.extract.model import Extraction
from auditor.extract.vocabulary import Vocabulary, default_vocabulary
from auditor.findings import Finding
from auditor.load import Document, load_document
from auditor.normalise import Normalised, normalise


@dataclass(frozen=True)
class AuditResult:
    document: Document
    normalised: Normalised
    extraction: Extraction
    findings: list[Finding]

    @property
    def path(self) -> str:
        return self.document.path

    @property
    def text(self) -> str:
        return self.document.text


def audit_document(document: Document, rules: list[Rule] | None = None,
                   vocab: Vocabulary | None = None) -> AuditResult:
    vocab = vocab or default_vocabulary()
    rules = rules if rules is not None else default_rules()
    norm = normalise(document.text)
    doc = extract(norm, vocab)
    findings = check(doc, rules, vocab)
    return AuditResult(document, norm, doc, findings)


def audit_text(text: str, path: str = "<text>", rules: list[Rule] | None = None,
               vocab: Vocabulary | None = None) -> AuditResult:
    return audit_document(Document(path=path, text=text), rules, vocab)


def audit_path(path: str, rules: list[Rule] | None = None, vocab: Vocabulary | None = None) -> AuditResult:
    return audit_document(load_document(path), rules, vocab)
