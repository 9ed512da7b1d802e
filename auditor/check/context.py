"""What every check needs besides its rule: the document, its index, and how to say
what a check found (a finding, and the outcome of the relation it checked)."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cached_property
from typing import Iterable

from auditor import lazyre
from auditor.check import doubt
from auditor.check.arithmetic import Comparison, Equation, grouped, unit_of
from auditor.check.rulebook import Rule
from auditor.extract.bind.index import DocumentIndex
from auditor.extract.bind.reasons import INFERRED_VIA
from auditor.extract.model import Bound, Extraction, Fact, Span
from auditor.extract.vocabulary import Vocabulary
from auditor.findings import Evidence, Finding, Outcome
from auditor.records import dataclass, field


@dataclass
class Context:
    """The document and vocabulary a check reads, with indexes built on first use."""

    doc: Extraction
    vocab: Vocabulary
    langs: tuple[str, ...] = ("zh", "en")
    text: str = ""  # the normalised text, for the readings doubt looks at
    # what several checks work out alike for one relation, kept for the document's checks
    # (changes.py: a change's growth figures, asked for by CHG002, CHG003 and CHG005)
    memo: dict = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def index(self) -> DocumentIndex:
        """The document's facts indexed, for the few look-ups a check's message makes."""
        return DocumentIndex(self.doc.facts, self.vocab, self.doc.report_year)

    @cached_property
    def first_share_of(self) -> dict[int, Fact]:
        """A part's id → the percent of the first share stated of it (looked up per part of every
        list: an index, not a scan of the document's shares)."""
        out: dict[int, Fact] = {}
        for s in self.doc.shares:
            if s.part is not None:
                out.setdefault(s.part.id, s.percent)
        return out

    @cached_property
    def paragraph_at(self) -> dict[int, int]:
        """Where a figure starts → its paragraph (lines that extraction wrapped are one)."""
        return {f.span.start: f.window for f in self.doc.facts if not f.in_table}

    def paragraphs(self, evidence: Iterable[Evidence]) -> int:
        """How many paragraphs the figures stand in (a table's lines, or a figure read
        outside the paragraphs, count one per line)."""
        return len({("p", self.paragraph_at[e.start]) if e.start in self.paragraph_at else ("line", e.line)
                    for e in evidence})

    @cached_property
    def doubt(self) -> doubt.Document:
        """What the alternative readings look at (auditor/check/doubt.py)."""
        return doubt.Document(self.doc.facts, self.text, tuple((t.span.start, t.span.end) for t in self.doc.tables),
                              self.doc.breakdowns, tuple(self.doc.changes))


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
        except (KeyError, IndexError, ValueError):
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
        paragraphs=ctx.paragraphs(evidence),
        difference=comparison.difference if comparison else None,
        tolerance=comparison.slack if comparison else None,
    )


def outcome(rule: Rule, relation: Bound | None, verdict: str, figures: Iterable[Evidence] = (),
            result: Finding | None = None, note: str = "", reason: str = "",
            alternative: str | None = None, equation: Equation | None = None) -> Outcome:
    """The outcome of checking `relation` (its reason and what it beat travel along)."""
    return Outcome.from_fields({  # (every field in order: an outcome for every relation each rule checks)
        "rule": rule.id, "verdict": verdict,
        "reason": (relation.reason if relation is not None else "") or reason,
        "via": tuple(relation.via) if relation is not None else (),
        "rejected": tuple(relation.rejected) if relation is not None else (),
        "figures": tuple(result.evidence if result is not None and not figures else figures),
        "note": note, "alternative": alternative, "finding": result, "equation": equation,
    })


def failed(rule: Rule, relation: Bound | None, result: Finding, reason: str = "",
           found: doubt.Found | None = None, equation: Equation | None = None,
           accuse_from: int | None = None, weigh: Equation | None = None, wide_dismissed: bool = False) -> Outcome:
    """A failing relation: an error or warning, unless another reading (`found`)
    explains it; a relation the vocabulary infers or a look-up found (or, when the
    check asks, any reading below `accuse_from`) warns rather than accuses; so does one
    whose miss (`weigh`, the arithmetic as read) is too wide for a slip (ALT008) — and a
    list's or difference's (`wide_dismissed`) whose wide miss a misreading explains best
    is shown only on request."""
    why = (relation.reason if relation is not None else "") or reason
    if found is not None:
        return outcome(rule, relation, "explained", result=explained_finding(result, found), reason=reason,
                       alternative=found.alternative)
    lines = result.paragraphs or len({e.line for e in result.evidence}) or 1
    extended = getattr(relation, "core", None) is not None  # a list taken on past its own sentence
    severity = doubt.capped(why, result.severity, lines=lines, extended=extended) if accuse_from is None else \
        doubt.capped(why, result.severity, accuse_from, lines, extended)
    if severity == "error" and relation is not None and any(v in INFERRED_VIA for v in relation.via):
        severity = "warning"  # (figures placed by a reading no arithmetic pinned: a run-together row split by its header)
    doubted = doubt.wide_gap(weigh) if severity in ("error", "warning") else None
    # a miss too wide for a slip warns; parts over their total or a difference far off are
    # far more often misread than misprinted (every such warning judged at first sight on
    # rounds 6-22 was false) and are shown only on request
    dismissed = doubted is not None and wide_dismissed and doubt.misread_more_likely(weigh)
    if doubted is not None and (dismissed or severity == "error"):
        severity = "info" if dismissed else "warning"
        result = _with_doubt(result, doubted)
    else:
        doubted = None
    if severity != result.severity:
        result = result.model_copy(update={"severity": severity})
    return outcome(rule, relation, "fails", result=result, reason=reason, equation=equation,
                   alternative=doubted.alternative if doubted is not None else None)


def _with_doubt(result: Finding, doubted: doubt.Found) -> Finding:
    """The finding with why its reading is in doubt (ALT008); what a figure "should be"
    is not said: under another reading it may be right."""
    messages = {lang: f"{text}（{doubted.reading['zh']}，{doubted.alternative}）" if lang == "zh"
                else f"{text} ({doubted.reading.get(lang) or doubted.reading['zh']}, {doubted.alternative})"
                for lang, text in result.messages.items()}
    return result.model_copy(update={"messages": messages, "expected": None})


def explained_finding(result: Finding, found: doubt.Found) -> Finding:
    """The finding of a relation another reading explains: info, with that reading."""
    messages = {lang: f"{text}；另一读法成立（{found.describe(lang)}）" if lang == "zh"
                else f"{text}; another reading holds ({found.describe(lang)})"
                for lang, text in result.messages.items()}
    return result.model_copy(update={"severity": "info", "messages": messages, "expected": None})


SIGN_ONLY = "the right size with the wrong sign"  # (an outcome's note: a failure no cut figure explains)


def doubt_cut_figures(ctx: Context, o: Outcome) -> Outcome:
    """Any failing relation, whatever its check: is one of its figures cut by a line break?  (Not one that fails by its
    sign alone: a break cuts a figure's digits, never gives it the other sign.)"""
    if o.verdict != "fails" or o.finding is None or o.note == SIGN_ONLY:
        return o
    f = o.finding
    needed = (f.start, f.end, f.expected) if f.expected else None
    # (each figure's value the relation needs of it, where it is a sum: a figure cut after its thousands' comma must
    # make it, joined to its head, "合计1,284,⏎465.30万元" with parts of 1,484,465.30 is no cut but a contradiction)
    values = {}
    eq = o.equation
    if eq is not None and getattr(eq, "kind", "") == "linear":
        values = {(x.span.start, x.span.end): (x, v) for x, v in eq.solutions() if v is not None}
    elif o.figures and {e.role for e in o.figures} == {"total", "part"} \
            and sum(e.role == "total" for e in o.figures) == 1:
        # (a sum's outcome that kept no equation: the total needs its parts' sum)
        at = {(x.span.start, x.span.end): x for x in ctx.doc.facts}
        found_facts = [(e.role, at.get((e.start, e.end))) for e in o.figures]
        if all(x is not None for _, x in found_facts):
            total = next(x for role, x in found_facts if role == "total")
            values = {(total.span.start, total.span.end):
                      (total, sum((x.value for role, x in found_facts if role == "part"), Decimal(0)))}
    found = doubt.cut_in_extraction(ctx.doubt, [(e.start, e.end) for e in (o.figures or o.finding.evidence)], needed,
                                    values)
    if found is None:
        return o
    return o.model_copy(update={"verdict": "explained", "finding": explained_finding(o.finding, found),
                                "alternative": found.alternative, "equation": None})


def line_head(text: str, at: int) -> tuple[int, int] | None:
    """Where the line holding offset `at` starts and the first colon after that before `at` stands: the words a line
    opens with as its head ("三、本期賸餘（短絀）：預算數△56,770千元"), or None where no colon stands before `at`."""
    start = text.rfind("\n", 0, at) + 1
    colon = _HEAD_COLON.search(text, start, at)
    return None if colon is None else (start, colon.start())


_HEAD_COLON = lazyre.compile(r"[:：]")


def label_tail(label: str, size: int) -> str:
    """The last `size` characters of a label, as a message names it — not starting inside a
    figure ("017年部门预算支出总数" cut from "较2017年…"): a year or number cut there is left out."""
    if len(label) <= size:
        return label
    tail = label[-size:]
    if label[-size - 1].isdigit() and tail[0].isdigit():
        tail = re.sub(r"^[\d.]+(?:年度|年)?", "", tail)
    return tail


def diff_text(difference: Decimal, like: Fact, lang: str, decimals: int | None = None) -> str:
    """"(差 17.07万元)", "(差 3.93个百分点)": the gap, in the stated figure's unit."""
    d = like.decimals if decimals is None else decimals
    scale = 1 if like.written_unit == "倍" else like.scale  # (a multiple's gap in percentage points, as its rate)
    shown = grouped(f"{(abs(difference) / scale).quantize(Decimal(1).scaleb(-d))}")
    if like.unit == "%" and scale != 1:  # (a rate written in ‰: the gap in ‰ too)
        unit = "‰" if lang == "zh" else " per mille"
    elif like.unit == "%":
        unit = "个百分点" if lang == "zh" else " percentage points"
    else:
        unit = unit_of(like)
    return f"(差 {shown}{unit})" if lang == "zh" else f"(difference {shown}{unit})"


_PERCENT_WRITTEN = lazyre.compile(r"(-?\d+(?:\.(\d+))?)\s*[%％]$")
_TRUNCATIONS = 3  # last-digit cuts a document must show before its cutting is read as its rule
_ALL_CUT = 2  # … or fewer, when they are every rate in % the document's relations check (none of them rounds)


def cut_not_rounded(outcomes: list[Outcome]) -> list[Outcome]:
    """A document that cuts its rates after the last digit instead of rounding them (ALT010): when
    at least _TRUNCATIONS failing rates each lie within one last digit below the value computed, and no
    rate misses by a last digit the other way, those misses are the document's rule, not slips — or its
    tables' rule, when the rates of its tables alone show it (a report's prose may round what its tables,
    filled in by another hand, cut)."""
    out = _cut_in(outcomes, range(len(outcomes)))
    return _cut_in(out, [n for n, o in enumerate(out) if o.reason in _TABLE_RATES], bare=True)


_TABLE_RATES = frozenset({"table_rate", "table_rate_named", "table_change_row", "table_share", "table_share_of_column"})
_BARE_RATE = lazyre.compile(r"(-?\d+(?:\.(\d+))?)")


def _cut_in(outcomes: list[Outcome], among, bare: bool = False) -> list[Outcome]:
    """cut_not_rounded over the outcomes numbered `among` (`bare`: a table's rates written without "%" too)."""
    among = list(among)
    cut, other = [], any(_rounded_up(outcomes[n]) for n in among)
    for n in among:
        o = outcomes[n]
        f = o.finding
        if o.verdict != "fails" or f is None or f.difference is None or f.stated is None:
            continue
        m = _PERCENT_WRITTEN.search(f.stated) or (_BARE_RATE.fullmatch(f.stated.strip()) if bare
                                                  else None)  # (a table's column of rates, "85.95" under 完成率(%))
        if m is None:
            continue
        last = Decimal(1).scaleb(-len(m.group(2) or ""))
        slack = f.tolerance or Decimal(0)
        # (difference = stated − computed, signed as written: a cut leaves |stated| at most |computed|)
        shown = f.difference if not m.group(1).startswith("-") else -f.difference
        if -last - slack < shown <= slack:
            cut.append(n)
        elif abs(f.difference) - slack <= last:
            other = True  # a last-digit miss upwards: the document rounds (or slipped)
    if other or len(cut) < _TRUNCATIONS and not (len(cut) >= _ALL_CUT and len(cut) == _rates_checked(outcomes, among)):
        return outcomes
    found = doubt.Found("ALT010", {"zh": f"本文件的比率截断而非四舍五入（{len(cut)}处末位均为截断）",
                                   "en": f"the document cuts its rates instead of rounding them ({len(cut)} last digits "
                                         f"all cut)"})
    out = list(outcomes)
    for n in cut:
        o = out[n]
        out[n] = o.model_copy(update={"verdict": "explained", "finding": explained_finding(o.finding, found),
                                      "alternative": found.alternative, "equation": None})
    return out


# the kinds of check whose relation is a total of parts: what a note on 尾差 speaks of
_TOTAL_OF_PARTS = frozenset({"breakdown", "identity", "shares_total", "change_parts", "funds_sources"})


def tail_noted(outcomes: list[Outcome], kind_of: dict[str, str], ctx: Context) -> list[Outcome]:
    """A document that says its parts and totals may differ in the last digit ("因四舍五入，分项之和与合计数
    可能存在尾差", "按万元截位列示") (ALT012): a total of parts that misses by no more than one last digit of
    each of its figures (each rounded or cut from an unrounded value) is what the note warns of, not a slip."""
    if not any(o.verdict == "fails" and kind_of.get(o.rule) in _TOTAL_OF_PARTS for o in outcomes):
        return outcomes  # (no total of parts missed: no note to look for in the whole text)
    note = ctx.vocab.cue("tail_difference_note").search(ctx.text)
    if note is None:
        return outcomes
    out = list(outcomes)
    start = max(ctx.text.rfind(c, 0, note.start()) for c in "。；;\n(（")
    said = ctx.text[start + 1:note.end()].strip()[-30:]
    found = doubt.Found("ALT012", {"zh": f"文中注明“{said}”", "en": f"the document notes “{said}”"})
    for n, o in enumerate(out):
        f = o.finding
        if o.verdict != "fails" or f is None or f.difference is None or not f.tolerance \
                or kind_of.get(o.rule) not in _TOTAL_OF_PARTS:
            continue
        # (every figure's half-width is half its last digit: one last digit each is twice the slack)
        if abs(f.difference) <= 2 * f.tolerance:
            out[n] = o.model_copy(update={"verdict": "explained", "finding": explained_finding(f, found),
                                          "alternative": found.alternative, "equation": None})
    return out


def _rates_checked(outcomes: list[Outcome], among) -> int:
    """How many of the outcomes numbered `among` check a rate written in % ("马场镇…为预算的102.6%,同比增长12.3%(上年…)":
    two, both cut — the document's every rate)."""
    return sum(1 for n in among if outcomes[n].verdict in ("holds", "fails", "explained")
               and any(e.text.rstrip().endswith(("%", "％")) for e in outcomes[n].figures))


def _rounded_up(o: Outcome) -> bool:
    """A rate that holds, written above every value its figures allow (71.43% for 5000.00 / 7000.00,
    71.428…%): the document rounds, it does not cut."""
    eq = o.equation
    if o.verdict != "holds" or eq is None or getattr(eq, "kind", "") != "ratio" or len(eq.terms) != 3:
        return False
    (rate, _), (num, _), (den, _) = eq.terms
    if rate.kind != "percent" or den.value - den.tolerance <= 0:
        return False
    high = (abs(num.value) + num.tolerance) / (den.value - den.tolerance) * 100
    return abs(rate.value) > high
