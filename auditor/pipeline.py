"""The whole pipeline in one pure function per input: text → findings."""

from __future__ import annotations

import dataclasses
from dataclasses import field, replace
from decimal import Decimal

from auditor import ignores, lazyre
from auditor.check import default_rules, evaluate
from auditor.check.rulebook import Rule
from auditor.extract import extract
from auditor.extract.model import Extraction, Fact, Record, Span, TableRow
from auditor.extract.scan import report_year
from auditor.extract.vocabulary import Vocabulary, default_vocabulary
from auditor.findings import Evidence, Finding, Outcome
from auditor.load import Document, load_document
from auditor.nogc import without_cycle_collection
from auditor.normalise import Normalised, normalise
from auditor.records import dataclass


@dataclass(frozen=True)
class AuditResult:
    """One input audited: the document, what was read of it, the findings and every relation checked."""

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


# A text with more figures than SEGMENT_FIGURES, or more characters than SEGMENT_CHARS,
# is checked in segments of at most that many, cut at paragraph or line breaks.  The
# reading's working structures (pieces, clauses, labels, table cells) are the whole
# text's and grow with its figures: one 10 MB document needed ~700 MB at once; segment
# by segment the peak stays that of one segment (~100 MB), and the time linear.
# Relations are read within a segment: a real report states a few thousand figures.
SEGMENT_FIGURES = 30_000
SEGMENT_CHARS = 1_000_000
_FIGURE_RUN = lazyre.compile(r"\d+(?:[.,]\d+)*")


def audit_document(document: Document, rules: list[Rule] | None = None,
                   vocab: Vocabulary | None = None, explained: bool = False,
                   keep: str | None = None) -> AuditResult:
    """`explained`: also report, as info findings, the relations that fail as read but
    that another plausible reading of the text explains (auditor/check/doubt.py).

    `keep` ("findings", "facts", "all" as in `AuditResult.slim`): what a text checked in
    segments (see SEGMENT_FIGURES) keeps of each once it is checked (None: everything)."""
    vocab = vocab or default_vocabulary()
    rules = rules if rules is not None else default_rules()
    norm = normalise(document.text)
    cuts = segments(norm.text)
    if len(cuts) > 1:
        return _audit_segments(document, norm, cuts, rules, vocab, explained, keep)
    # One pause of the cycle collector for the whole text, not one for extract and one for
    # evaluate: with the collector back on between them, the figures and relations extract made
    # (all alive) were walked by a collection before the checks began and again as older objects
    # afterwards — ~5 % of the time of a report.  (A text read in segments keeps one pause a
    # segment, so the garbage of one segment does not wait for the whole text.)
    with without_cycle_collection():
        doc = extract(norm, vocab)
        findings, outcomes = evaluate(doc, rules, vocab, norm.text, explained)
        findings, suppressed = ignores.split(findings, document.notes)
        return AuditResult(document, norm, doc, findings, tuple(outcomes), suppressed)


def segments(text: str, size: int | None = None, figures: int | None = None) -> list[tuple[int, int]]:
    """[start, end) stretches that cover `text`, each of at most `size` characters and about
    `figures` figures (runs of digits), cut after a blank line, else a line break, else a
    sentence's or clause's end (。；，), else anywhere; the cut is looked for in the second
    half of what the stretch could hold."""
    size = size or SEGMENT_CHARS
    figures = figures or SEGMENT_FIGURES
    n = len(text)
    if n <= size and n < figures:  # fewer characters than the budget of figures: no need to count
        return [(0, n)]
    out: list[tuple[int, int]] = []
    start, count = 0, 0
    for m in _FIGURE_RUN.finditer(text):
        if m.start() - start >= size:
            start = _cut_by_size(text, start, m.start(), size, out)
            count = sum(1 for _ in _FIGURE_RUN.finditer(text, start, m.start()))
        count += 1
        if count > figures:
            end = _cut(text, start, m.start())
            out.append((start, end))
            start = end
            count = sum(1 for _ in _FIGURE_RUN.finditer(text, start, m.end()))
    start = _cut_by_size(text, start, n, size, out)
    out.append((start, n))
    return out


def _cut_by_size(text: str, start: int, upto: int, size: int, out: list[tuple[int, int]]) -> int:
    """Cut [start, upto) into stretches of at most `size` characters (all but the last into `out`)."""
    while upto - start > size:
        end = _cut(text, start, start + size)
        out.append((start, end))
        start = end
    return start


def _cut(text: str, start: int, limit: int) -> int:
    """Where to end a stretch that starts at `start` and may reach `limit`."""
    low = start + (limit - start) // 2
    for mark in ("\n\n", "\n", "。", ";", ",", "；", "，"):
        at = text.rfind(mark, low, limit)
        if at >= 0:
            return at + len(mark)
    return limit


def _audit_segments(document: Document, norm, cuts, rules, vocab, explained: bool, keep: str | None) -> AuditResult:
    """A long text checked segment by segment; offsets, lines and fact ids as in the whole."""
    year = report_year(norm.text)
    facts: list[Fact] = []
    relations: dict[str, list] = {}
    findings: list[Finding] = []
    outcomes: list[Outcome] = []
    n_facts = n_windows = n_sentences = 0
    checked = [0, 0, 0]
    for start, end in cuts:
        # (one pause of the cycle collector a segment, for its extraction, checks and move into the whole: with it on
        # while the segment's records are copied, each collection walked every record kept of the segments before —
        # the moves of a 2 MB text took a sixth of its time, and more a segment the longer the text)
        with without_cycle_collection():
            part = norm.segment(start, end)
            doc = extract(part, vocab, year=year)
            found, done = evaluate(doc, rules, vocab, part.text, explained)
            undecided = sum(1 for o in done if o.verdict == "undecided")
            checked = [checked[0] + len(doc.facts), checked[1] + len(done) - undecided, checked[2] + undecided]
            shift = _Shift(start, n_facts, n_windows, n_sentences)
            findings.extend(shift(f) for f in found)
            if keep in (None, "all", "facts"):
                outcomes.extend(shift(replace(o, equation=None)) for o in done)
                facts.extend(shift(f) for f in doc.facts)
            if keep in (None, "all"):
                for f in dataclasses.fields(Extraction):
                    if f.name not in ("facts", "report_year"):
                        relations.setdefault(f.name, []).extend(shift(r) for r in getattr(doc, f.name))
            n_facts += _next_id(doc)
            n_windows = max([n_windows, *(f.window + n_windows + 1 for f in doc.facts)])
            n_sentences = max([n_sentences, *(f.sentence + n_sentences + 1 for f in doc.facts)])
            del doc, found, done, part, shift
    outcomes.sort(key=lambda o: (o.figures[0].start if o.figures else -1, o.rule))
    extraction = Extraction.model_construct(facts=tuple(facts), report_year=year,
                                            **{k: tuple(v) for k, v in relations.items()})
    findings, suppressed = ignores.split(findings, document.notes)
    counts = {} if keep in (None, "all", "facts") else {"checked": tuple(checked)}
    return AuditResult(document, norm, extraction, findings, tuple(outcomes), suppressed, counts)


def _next_id(doc: Extraction) -> int:
    """One more than the largest fact id of an extraction (its facts, then its calculations' figures)."""
    top = max((f.id for f in doc.facts), default=-1)
    stack = [side for c in doc.calculations for side in c.sides]
    while stack:
        op = stack.pop()
        if op is None:
            continue
        if op.figure is not None:
            top = max(top, op.figure.id)
        stack.extend((op.left, op.right))
    return top + 1


_PLAIN_TYPES = frozenset({str, int, float, bool, Decimal, type(None)})  # (exactly these: _Shift._PLAIN's own classes)
_new_object, _set_attribute = object.__new__, object.__setattr__
_PLANS: dict[type, tuple] = {}  # a record's class → its _plan


def _plan(record: Record) -> tuple:
    """How _Shift moves a record of this class: its field names, and which moves of its own apply (offsets, a Fact's
    numbers, a row's grade span)."""
    names = record.field_names()
    return (names, isinstance(record, (Span, Evidence, Finding)), isinstance(record, Fact),
            isinstance(record, TableRow))


class _Shift:
    """A segment's records moved into the whole document: offsets by the segment's start,
    fact ids, paragraph and sentence numbers by those of the segments before it.  Records
    shared between relations stay shared (one copy each)."""

    _PLAIN = (str, int, float, bool, Decimal, type(None))

    def __init__(self, offset: int, ids: int, windows: int, sentences: int) -> None:
        self.offset, self.ids, self.windows, self.sentences = offset, ids, windows, sentences
        self.memo: dict[int, tuple[object, object]] = {}  # id → (record, its move): the record held, so its id stays its own

    def __call__(self, obj):
        if isinstance(obj, self._PLAIN):
            return obj
        done = self.memo.get(id(obj))
        if done is not None:
            return done[1]
        if isinstance(obj, Record):
            plan = _PLANS.get(obj.__class__)
            if plan is None:
                plan = _PLANS[obj.__class__] = _plan(obj)
            names, spanned, fact, row = plan
            fields = obj.__dict__  # (a record's fields are its own attributes: read as getattr would, without its lookup)
            changes = {}
            plain = _PLAIN_TYPES
            for name in names:
                value = fields[name]
                if value.__class__ in plain:
                    continue  # (most fields: what self(value) gives back unmoved, without a call each)
                moved = self(value)
                if moved is not value:
                    changes[name] = moved
            if spanned:
                changes["start"], changes["end"] = fields["start"] + self.offset, fields["end"] + self.offset
            if fact:
                changes["id"] = fields["id"] + self.ids
                changes["window"] = fields["window"] + self.windows
                changes["sentence"] = fields["sentence"] + self.sentences
            if row and obj.grade_span is not None:
                changes["grade_span"] = (obj.grade_span[0] + self.offset, obj.grade_span[1] + self.offset)
            if changes:  # (model_copy, its check of the names aside: each is a field of the record's)
                out = _new_object(obj.__class__)
                copied = dict(fields)
                copied.update(changes)
                _set_attribute(out, "__dict__", copied)
            else:
                out = obj
        elif type(obj) is tuple:
            items = [self(x) for x in obj]
            out = obj if all(a is b for a, b in zip(items, obj)) else tuple(items)
        elif type(obj) is list:
            out = [self(x) for x in obj]
        elif type(obj) is dict:
            out = {k: self(v) for k, v in obj.items()}
        else:
            out = obj  # anything else holds no offsets
        self.memo[id(obj)] = (obj, out)
        return out


def audit_text(text: str, path: str = "<text>", rules: list[Rule] | None = None,
               vocab: Vocabulary | None = None, explained: bool = False) -> AuditResult:
    return audit_document(Document(path=path, text=text), rules, vocab, explained)


def audit_path(path: str, rules: list[Rule] | None = None, vocab: Vocabulary | None = None,
               explained: bool = False) -> AuditResult:
    return audit_document(load_document(path), rules, vocab, explained)
