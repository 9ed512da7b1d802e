"""The whole pipeline in one pure function per input: text → findings."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from auditor import ignores
from auditor.check import default_rules, evaluate
from auditor.check.rulebook import Rule
from auditor.extract import extract
from auditor.extract.model import Extraction, Fact
from auditor.extract.vocabulary import Vocabulary, default_vocabulary
from auditor.findings import Finding, Outcome
from auditor.load import Document, load_document
from auditor.normalise import Normalised, normalise


@dataclass(frozen=True)
class AuditResult:
    document: Document
    normalised: Normalised | None
    extraction: Extraction
    findings: list[Finding]
    outcomes: tuple[Outcome, ...] = ()  # every relation checked, with its verdict and reason
    # findings a reviewer's "audit: ignore RULE" comment in the document accepted (auditor.ignores)
    suppressed: list[Finding] = field(default_factory=list)
    # a slim result (see `slim`) keeps `checked` here when it drops the facts or the outcomes
    counts: dict = field(default_factory=dict)

    @property
    def path(self) -> str:
        return self.document.path

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def facts(self) -> tuple[Fact, ...]:
        return self.extraction.facts

    @property
    def checked(self) -> tuple[int, int, int]:
        """(figures read, relations checked, relations that could not be decided)."""
        if "checked" in self.counts:
            return self.counts["checked"]
        undecided = sum(1 for o in self.outcomes if o.verdict == "undecided")
        return len(self.extraction.facts), len(self.outcomes) - undecided, undecided

    @property
    def fact_count(self) -> int:
        return self.checked[0]

    @property
    def relation_count(self) -> int:
        return self.checked[1]

    def slim(self, keep: str = "findings") -> "AuditResult":
        """What a reporter needs, for sending back from a worker process: the document
        (text, places, comments), the findings and `checked`; keep="facts" also keeps the
        facts and the outcomes (`json`, `jsonl`, `audit facts` show them), keep="all" the
        whole extraction (the Python API)."""
        doc = self.document
        document = Document(path=doc.path, text=doc.text, format=doc.format, locations=doc.locations,
                            notes=doc.notes, warnings=doc.warnings)  # without the offset indexes cached on the original
        if keep == "all":
            extraction = self.extraction
        else:
            extraction = Extraction.model_construct(facts=self.extraction.facts if keep == "facts" else (),
                                                    report_year=self.extraction.report_year)
        return replace(self, document=document, normalised=None, extraction=extraction,
                       outcomes=self.outcomes if keep != "findings" else (), counts={"checked": self.checked})


def audit_document(document: Document, rules: list[Rule] | None = None,
                   vocab: Vocabulary | None = None, explained: bool = False) -> AuditResult:
    """`explained`: also report, as info findings, the relations that fail as read but
    that another plausible reading of the text explains (auditor/check/doubt.py)."""
    vocab = vocab or default_vocabulary()
    rules = rules if rules is not None else default_rules()
    norm = normalise(document.text)
    doc = extract(norm, vocab)
    findings, outcomes = evaluate(doc, rules, vocab, norm.text, explained)
    findings, suppressed = ignores.split(findings, document.notes)
    return AuditResult(document, norm, doc, findings, tuple(outcomes), suppressed)


def audit_text(text: str, path: str = "<text>", rules: list[Rule] | None = None,
               vocab: Vocabulary | None = None, explained: bool = False) -> AuditResult:
    return audit_document(Document(path=path, text=text), rules, vocab, explained)


def audit_path(path: str, rules: list[Rule] | None = None, vocab: Vocabulary | None = None,
               explained: bool = False) -> AuditResult:
    return audit_document(load_document(path), rules, vocab, explained)
