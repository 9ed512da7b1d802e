"""Doubt before accusing: another plausible reading under which a failing relation holds.

A relation fails as the binder read it.  Before that becomes a finding, the
readings of rules/alternatives.toml are tried (cheap and local first): if one
of them makes the relation hold, the text does not contradict itself for
certain, and the outcome is "explained" (an `info` finding, shown on request)
instead of an error.

    ALT001 another-whole           another whole or base of the right concept in scope
    ALT002 sub-list                 a contiguous run of the parts (a nested item, a sibling, an overrun)
                                    (ALT001 for a sum: another amount of its base's sentence as the base)
    ALT003 missed-part              the parts plus one unused figure of the same paragraph or table
    ALT004 other-period-or-entity   the figures belong to different units, regions or years
    ALT005 cut-off-list             the list runs into the end of the text or a page break
    ALT006 garbled-figure           a figure was damaged in extraction (or a heading run into a line)
    ALT007 capped-rate              a rate written as 100 % where the amounts give more
    ALT008 wide-gap                 a miss too wide for a slip: more likely misread (a warning)
    ALT014 multiple-as-ratio        "增长2倍" meant as 2 times, not 3 times, the figure before
    ALT015 another-part             another amount of the sentence is the part a share is of
    ALT016 several-periods          the amount is count × standard for the several years or batches the text says
    ALT017 grade-set-by-rule        the text says a rule set the grade, not the score's band
    ALT018 overlapping-kinds        parts under 其中 over their total that are kinds cut two ways, not a split
    ALT019 changes-show-a-part-unnamed  parts short of their total in amount and in change, as one unnamed part is
    ALT020 netted-internal-balance  two sides' members add past the whole's by one amount, the balance adds exactly
    ALT021 netted-amount            the parts less a loss among them, or an amount the text says was netted out, make it
    ALT023 parts-stated-elsewhere   a list short of its total names some of the parts the document states elsewhere
    ALT024 figure-of-another-role   a growth after a gap / remainder / target / forecast holds of that figure
    ALT025 part-of-the-year         a standard a year, the amount of the term, quarter or months the sentence says
    ALT026 two-part-standard        a standard per household and per person: the amount is the sum of both products

Every function here is pure: the document's facts and text in, a `Found`
reading (or None) out.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left, bisect_right
from decimal import Decimal, getcontext
from functools import cached_property, lru_cache
from itertools import takewhile
from typing import Iterable

from auditor import lazyre
from auditor.check.arithmetic import Value, compare, product_value, ratio_percent, show, sum_equation, written
from auditor.check.diagnose import slip_explains
from auditor.extract.bind.reasons import EXPLICIT, LAID_OUT, REASONS, VOCABULARY
from auditor.extract.bind.lists import HEAD_UNITS, OCCURRENCE_UNITS, OTHER_MEASURE_EXACT, complementary, netted_out, \
    telling_ends
from auditor.extract.model import CHANGE_CONCEPTS, UNLISTED_VIA, Breakdown, Change, Fact
from auditor.extract.numbering import NUMBERED_LINE, YEAR_SPAN, counted, item_style
from auditor.extract.readings import clean_label
from auditor.extract.vocabulary import FUND_NAME, FUNDING_SOURCE
from auditor.load.base import line_starts, lines_above
from auditor.records import dataclass
from auditor.resources import builtin_toml, data_dir
from auditor.textsearch import last_of
from auditor.widths import display_width


@dataclass(frozen=True)
class Alternative:
    """An alternative reading as rules/alternatives.toml documents it."""

    id: str
    name: str
    applies: tuple[str, ...]
    summary: str
    summary_en: str
    description: str
    passing: tuple[str, ...]
    failing: tuple[tuple[str, str], ...]  # (text, stated figure the finding must cite)
    # "explained": the relation holds under the other reading (no finding but info);
    # "warning": the reading is doubtful, not refuted (the error becomes a warning)
    effect: str = "explained"


@lru_cache(maxsize=1)
def alternatives() -> dict[str, Alternative]:
    data = builtin_toml("alternatives.toml")
    if data is None:
        import tomllib

        with open(data_dir("rules") / "alternatives.toml", "rb") as fh:
            data = tomllib.load(fh)
    out = {}
    for a in data["alternative"]:
        out[a["id"]] = Alternative(
            id=a["id"], name=a["name"], applies=tuple(a["applies"]), summary=a["summary"],
            summary_en=a.get("summary_en", ""), description=a.get("description", "").strip(),
            passing=tuple(e["text"] for e in a["pass"]),
            failing=tuple((e["text"], e["stated"]) for e in a["fail"]),
            effect=a.get("effect", "explained"),
        )
    return out


@dataclass(frozen=True)
class Found:
    """The reading under which the relation holds."""

    alternative: str  # ALT…
    reading: dict[str, str]  # language → the arithmetic of that reading

    def describe(self, lang: str) -> str:
        alt = alternatives()[self.alternative]
        name = alt.summary if lang == "zh" else (alt.summary_en or alt.name)
        return f"{self.alternative} {name}: {self.reading.get(lang) or self.reading['zh']}"


def capped(reason: str, severity: str, accuse_from: int = VOCABULARY + 1, lines: int = 1,
           extended: bool = False) -> str:
    """Only an explicit or structural reading accuses: a relation the vocabulary infers
    (an identity across paragraphs, a quantity stated twice) or one found by looking
    through the document is at most a warning.  A check may ask for more
    (`accuse_from`): a family whose reading may be inferred accuses only when explicit.
    A reading whose figures stand on several `lines` accuses only when it is explicit and
    was not `extended` beyond its own sentence (parts taken from the following lines or
    paragraphs), or when the text is laid out that way (a table, a score list, the
    headings: reasons.LAID_OUT)."""
    spec = REASONS.get(reason)
    if spec is not None and spec.strength < accuse_from and severity == "error":
        return "warning"
    if severity == "error" and lines > 1 and reason not in LAID_OUT \
            and (extended or (spec is not None and spec.strength < EXPLICIT)):
        return "warning"
    return severity


# A relation missing by more than this share of its larger side is weighed (ALT008): a
# slip of one figure (a digit, a decimal point, a unit) explains such a miss, or a misreading
# does.  Of the errors judged at first sight on rounds 6-15, 16 of the 20 false sums, all 8
# false shares and all 3 false differences missed by more with no slip to account for it (a
# list or a whole taken from the wrong place); none of the 5 real ones did.  In all labelled
# texts, 1 real error of 14 sums (a count of devices, 2,322 against 16,954) becomes a warning.
WIDE_GAP = Decimal("0.2")


def wide_gap(equation) -> Found | None:
    """ALT008: the relation misses by more than WIDE_GAP of its larger side, and no
    one-figure slip accounts for it.  A report's own slips rarely miss so far; a list run
    into the wrong figures, or the wrong whole, does.  The reading is doubtful, not refuted:
    the finding stands as a warning."""
    if equation is None:
        return None
    gap = equation.relative_gap()
    if gap is None or gap <= WIDE_GAP or slip_explains(equation):
        return None
    share = f"{(gap * 100).quantize(Decimal(1))}%"
    return Found("ALT008", {"zh": f"相差较大一方的{share}，不像单个数字的笔误，也可能是分项、总额或基数读错了",
                            "en": f"it misses by {share} of its larger side, too far for a one-figure slip: "
                                  f"the parts, the total or the base may be misread"})


def misread_more_likely(equation) -> bool:
    """A list's or a difference's miss too wide for a slip, of a shape a misreading gives
    far more often than a report's own error: parts adding to more than their total (a list
    run on past its parts, a part counted twice) or a difference far off (the wrong pair of
    figures).  Parts short of their total (a part the report left out), or one part over
    the total alone, stay in doubt.""" 
    if equation is None or equation.kind != "linear" or len(equation.terms) < 3:
        return False
    coefficients = [c for _, c in equation.terms]
    if coefficients[0] != 1 or any(c != -1 for c in coefficients[1:]):
        return True  # (a difference: 结余 = 预算 − 支出)
    total, parts = equation.terms[0][0], [f for f, _ in equation.terms[1:]]
    # (a part above the total alone is over it whatever else was read into the list)
    return sum((c * f.value for f, c in equation.terms), Decimal(0)) < 0 \
        and all(p.value - p.tolerance <= total.value + total.tolerance for p in parts)


@dataclass(frozen=True, eq=False)
class Document:
    """What the alternatives look at: the facts, by paragraph and table, and the text."""

    facts: tuple[Fact, ...]
    text: str
    table_spans: tuple[tuple[int, int], ...] = ()
    lists: tuple[Breakdown, ...] = ()
    changes: tuple[Change, ...] = ()

    @cached_property
    def change_of(self) -> dict[int, Change]:
        """fact id → the change from last year stated of it with its amount ("财政拨款收入986.40万元,比上年增加102.30万元")."""
        out: dict[int, Change] = {}
        for c in self.changes:
            if c.current is not None and c.reference == "previous" and c.delta is not None and c.direction \
                    and c.delta.kind == c.current.kind and c.delta.unit == c.current.unit:
                out.setdefault(c.current.id, c)
        return out

    @cached_property
    def sub_parts(self) -> dict[int, set[int]]:
        """fact id → the ids of the parts of the lists it is the total of (its sub-items)."""
        out: dict[int, set[int]] = {}
        for b in self.lists:
            out.setdefault(b.total.id, set()).update(p.id for p in (*b.parts, *b.subtracted))
        return out

    @cached_property
    def carried_balances(self) -> list[Fact]:
        """The figures whose label names a balance carried in or on (_CARRIED_BALANCE), in the order of `facts`: found
        once a text, not by a walk of every figure for each 总计 asked about (quadratic in a long text)."""
        return [f for f in self.facts if _CARRIED_BALANCE.search(f.label)]

    @cached_property
    def _totals_by_unit(self) -> dict[str, tuple[list[Decimal], list[int], Decimal]]:
        """unit → the totals of the lists that add up (_adds_up) of that unit by value (ascending), their places in
        `lists`, the widest rounding."""
        out: dict[str, tuple[list[Decimal], list[int], Decimal]] = {}
        by_unit: dict[str, list[int]] = {}
        for n, b in enumerate(self.lists):
            if _may_add_up(b):
                by_unit.setdefault(b.total.unit, []).append(n)
        for unit, places in by_unit.items():
            places.sort(key=lambda n: self.lists[n].total.value)
            out[unit] = ([self.lists[n].total.value for n in places], places,
                         max(self.lists[n].total.tolerance for n in places))
        return out

    def whole_lists_near(self, total: Fact) -> list[Breakdown]:
        """The lists that add up (_adds_up) whose total is of `total`'s unit and within the two roundings of its value —
        and perhaps a few more (the test is the caller's) —, in the order of `lists`: a bisection, not a walk of every
        list of a long text for each total asked about (nor of the copies of a list that does not add up)."""
        found = self._totals_by_unit.get(total.unit)
        if found is None:
            return []
        values, places, widest = found
        margin = total.tolerance + widest
        return [self.lists[n] for n in sorted(places[bisect_left(values, total.value - margin):
                                                      bisect_right(values, total.value + margin)])]

    @cached_property
    def _places_by_concept(self) -> dict[str | None, list[int]]:
        out: dict[str | None, list[int]] = {}
        for n, f in enumerate(self.facts):
            out.setdefault(f.concept, []).append(n)
        return out

    @cached_property
    def _lists_by_total(self) -> dict[tuple, list[Breakdown]]:
        out: dict[tuple, list[Breakdown]] = {}
        for b in self.lists:
            out.setdefault((b.total.unit, b.total.value, b.total.decimals), []).append(b)
        return out

    def lists_of_total(self, total: Fact) -> list[Breakdown]:
        """The lists whose total has `total`'s unit, value and decimals, in the order of `lists` (grouped once a text: a
        look-up, not a walk of every list for each total asked about)."""
        return self._lists_by_total.get((total.unit, total.value, total.decimals), [])

    def of_concepts(self, concepts) -> list[Fact]:
        """The figures of those concepts, in the order of `facts` (the places by concept found once a text)."""
        places = self._places_by_concept
        return [self.facts[n] for n in sorted(n for c in concepts for n in places.get(c, ()))]

    @cached_property
    def fact_starts(self) -> list[int]:
        """Where each figure starts, in the order of `facts` (text order): the figures before one found by bisection."""
        return [f.span.start for f in self.facts]

    @cached_property
    def _in_text_order(self) -> bool:
        starts = self.fact_starts
        return all(a <= b for a, b in zip(starts, starts[1:]))

    def facts_starting(self, low: int, high: int) -> list[Fact] | tuple[Fact, ...]:
        """The figures that start at `low` or after and before `high`, in the order of `facts` — found by bisection
        (a look-up in a long text, not a walk of every figure); all the figures when they are not in text order."""
        if not self._in_text_order:
            return self.facts
        starts = self.fact_starts
        return self.facts[bisect_left(starts, low):bisect_left(starts, high)]

    @cached_property
    def line_starts(self) -> list[int]:
        """Where each line of the text starts: a figure's line found by bisection, not by scanning
        back through a text that may be one line of megabytes."""
        return line_starts(self.text)

    def line_start(self, offset: int) -> int:
        """The offset of the start of the line holding `offset` (as text.rfind("\n", 0, offset) + 1)."""
        starts = self.line_starts
        return starts[bisect_right(starts, offset) - 1] if offset > 0 else 0

    def table_span(self, fact: Fact) -> tuple[int, int] | None:
        """The span of the table `fact` stands in, or None (a figure of prose, or of no table known)."""
        return next(((a, b) for a, b in self.table_spans if a <= fact.span.start <= b), None) if fact.in_table else None

    def neighbours(self, fact: Fact) -> list[Fact]:
        """The figures of `fact`'s paragraph, or of its table."""
        if fact.in_table:
            span = self.table_span(fact)
            if span is None:
                return []
            return self._by_table[span]
        return self._by_window.get(fact.window, [])

    @cached_property
    def _by_table(self) -> dict[tuple[int, int], list[Fact]]:
        """Each table's figures, gathered once (not by a scan of every figure per question)."""
        in_table = [f for f in self.facts if f.in_table]
        order = sorted(range(len(in_table)), key=lambda n: in_table[n].span.start)
        starts = [in_table[n].span.start for n in order]
        out: dict[tuple[int, int], list[Fact]] = {}
        for a, b in self.table_spans:
            inside = sorted(order[bisect_left(starts, a):bisect_right(starts, b)])  # in the figures' order
            out[(a, b)] = [in_table[n] for n in inside]
        return out

    def sentence_entity(self, fact: Fact) -> str | None:
        """The last unit, region or department named in `fact`'s sentence before it: the subject
        its figures are of ("同期,市卫健委基本支出…,项目支出9,845.2万元"; "(2)…监测站:本年收入合计…;本年支出
        合计…": a clause after ";" goes on with the subject)."""
        start = self.sentence_start(fact.span.start)
        found = [m for m in _entity().finditer(self.text, start, fact.span.start)
                 if not _ACTING.match(self.text, m.end()) and not _ACTING_BEFORE.search(self.text, max(0, m.start() - 3), m.start())
                 and not _PUBLISHING.match(self.text, m.end(), fact.span.start)
                 and not self._in_closed_bracket(m.start(), fact.span.start)]
        if found:
            return found[-1].group(1)
        # ("(1)临川县水利局(本级)。本年收入合计…": the item's title, a sentence of its own, names the unit)
        line = self.text.rfind("\n", 0, fact.span.start) + 1
        stops = [at for at in (self.text.find(c, line, fact.span.start) for c in "。:：") if at >= 0]
        title = _ITEM_TITLE.match(self.text, line, min(stops) + 1) if stops else None
        return title.group(1) if title and (_entity().fullmatch(title.group(1))
                                            or _UNIT_TITLE.search(title.group(1))) else None

    def _in_closed_bracket(self, at: int, before: int) -> bool:
        """`at` stands in a bracket that closes before `before` ("…150.00万元(来源于局机关补助);本年支出…": a
        remark's unit is not the subject of what follows it)."""
        opened = last_of(self.text, "(（", at)
        if opened < 0 or max(self.text.rfind(")", opened, at), self.text.rfind("）", opened, at)) >= 0:
            return False
        closed = min((c for c in (self.text.find(")", at, before), self.text.find("）", at, before)) if c >= 0),
                     default=-1)
        return closed >= 0

    def sentence_start(self, offset: int, also: str = "") -> int:
        """Where the sentence holding `offset` starts (after 。!? or a line break, or one of `also`)."""
        return last_of(self.text, "。!?！？\n" + also, offset) + 1  # (max of rfind back to 0, in windows)

    def sentence_entities(self, concept: str | None) -> set[str]:
        """The units the sentences of the figures of `concept` name (two or more: a document of
        several units)."""
        if concept is None:
            return set()
        if concept not in self._entities_by_concept:
            self._entities_by_concept[concept] = {e for f in self.facts if f.concept == concept
                                                  for e in [self.sentence_entity(f)] if e}
        return self._entities_by_concept[concept]

    def line_labels(self, concept: str | None) -> set[str]:
        """The subjects the lines of the figures of `concept` open with ("福利彩票公益金:…", "2022年:…"; _line_label)."""
        if concept is None:
            return set()
        if concept not in self._line_labels_by_concept:
            self._line_labels_by_concept[concept] = {e for f in self.facts if f.concept == concept and not f.in_table
                                                     for e in [_line_label(self, f)] if e}
        return self._line_labels_by_concept[concept]

    @cached_property
    def _line_labels_by_concept(self) -> dict[str, set[str]]:
        return {}

    @cached_property
    def several_units(self) -> bool:
        """The sentences of the document's amounts name two units or more ("(一)…局机关。本年收入合计…", "(二)…博物馆。…"):
        a document of several units, whatever figures each states.  (The amounts are read until a second unit is named,
        not all of them: each reads its sentence from its start.)"""
        seen: set[str] = set()
        for f in self.facts:
            if f.kind == "amount":
                e = self.sentence_entity(f)
                if e and e not in seen:
                    if seen:
                        return True
                    seen.add(e)
        return False

    @cached_property
    def _entities_by_concept(self) -> dict[str, set[str]]:
        return {}

    def sentence_scope(self, fact: Fact) -> str:
        """The fund or scope its sentence names first, before the figure ("财政拨款收入、支出总计均为…";
        "一、一般公共预算:…从政府性基金预算调入资金…,收入总计…" is the 一般公共预算's), or ""."""
        start = self.sentence_start(fact.span.start, ";；")
        found = _scope_words().search(self.text, start, fact.span.start)
        return found.group() if found else ""

    def share_scope(self, fact: Fact) -> str:
        """The fund or scope the share right after `fact` names its whole in ("人员经费1359.87万元,占一般公共预算基本支出的
        93.31%"), or ""."""
        said = _SHARE_AFTER.match(self.text, fact.span.end)
        found = _scope_words().search(said.group(1)) if said else None
        return found.group() if found else ""

    def scope_heading(self, fact: Fact) -> str | None:
        """The nearest heading line above `fact` (a numbered line without figures) when it names
        whose figures follow (vocabulary scope_heading: "(一)机关本级", "(二)下属事业单位")."""
        end = self.line_start(fact.span.start)
        for _ in range(_HEADING_REACH):  # (a document without headings is not read back to its start per figure)
            if end <= 0:
                break
            start = self.line_start(end - 1)
            line = self.text[start:end - 1].strip()
            # (a chart's or table's caption opens with its number, no outline's: "图2 2023年部门支出构成" is the heading
            # "2023年部门支出构成")
            line = _CAPTION_NUMBER.sub("", line) if line[:1] in "图表" else line
            # (a bracketed note after a heading is no part of its width: "(二)使用全部资金安排的支出(含其他收入及年初结转)";
            # a short line opening with a year is a heading unnumbered: "2024年度决算")
            if (NUMBERED_LINE.match(line) or _YEAR_HEADING.match(line)) \
                    and len(_NOTE_AT_END.sub("", line)) <= _HEADING_WIDTH and not _FIGURE_IN.search(line):
                # (the words that name the scope, not the heading: "部门收支总体情况" and "部门“三公”经费支出情况"
                # are both of the 部门)
                m = _scope_heading().search(NUMBERED_LINE.sub("", line).strip(" :：。"))
                return m.group() if m else None
            end = start
        return None

    @cached_property
    def lists_of_part(self) -> dict[int, list[Breakdown]]:
        """fact id → the lists it is a part of."""
        out: dict[int, list[Breakdown]] = {}
        for b in self.lists:
            for p in b.parts:
                out.setdefault(p.id, []).append(b)
        return out

    @cached_property
    def total_of_parts(self) -> dict[frozenset[int], int]:
        """The parts' ids of each list that adds (nothing subtracted) → its total's id: the totals the text states,
        gathered once a document (ALT001's other run of a sentence asks it of every run it tries)."""
        return {frozenset(p.id for p in b.parts): b.total.id for b in self.lists if not b.subtracted}

    def around(self, fact: Fact) -> list[Fact]:
        """The figures of `fact`'s paragraph, of the paragraph before it, and of the
        paragraphs its sentences run into.  A line broken inside a sentence (wrapped by
        extraction, or after ';') splits no paragraph a reader sees; and a report that
        sets each sentence on its own line states "…收入73220万元。⏎加上补助收入…,收入合计
        231838万元" with the first addend one line up."""
        if fact.in_table:
            return self.neighbours(fact)
        out = list(self._by_window.get(fact.window, []))
        w = fact.window
        while w - 1 in self._by_window and self._continues(w):
            w -= 1
            out = self._by_window[w] + out
        if w - 1 in self._by_window and not self._heading_between(w):
            out = self._by_window[w - 1] + out
        w = fact.window
        while w + 1 in self._by_window and self._continues(w + 1):
            w += 1
            out = out + self._by_window[w]
        return out

    def passage_before(self, fact: Fact) -> list[Fact]:
        """The figures of prose `fact`'s paragraph before it and of the paragraph right above it (on the line before, or
        past one blank line — a heading between or not: "一、预算总额:…4億2,000萬元…。⏎二、预算结构:…"), in order: the
        passage a figure may take a whole stated earlier from."""
        here = self._by_window.get(fact.window, [])
        out = [f for f in here if f.span.start < fact.span.start]
        above = self._by_window.get(fact.window - 1)
        if here and above and here[0].span.line - above[-1].span.line <= _PASSAGE_LINES:
            out = above + out
        return out

    def _heading_between(self, window: int) -> bool:
        """A heading or a numbered item opens a line between paragraph `window` and the one before."""
        before, here = self._by_window[window - 1][-1], self._by_window[window][0]
        at = self.text.find("\n", before.span.end, here.span.start)
        while at >= 0:
            if NUMBERED_LINE.match(self.text, at + 1):
                return True
            at = self.text.find("\n", at + 1, here.span.start)
        return False

    def _continues(self, window: int) -> bool:
        """Paragraph `window` goes on with the sentence the paragraph before it left open."""
        before, here = self._by_window[window - 1][-1], self._by_window[window][0]
        gap = self.text[before.span.end:here.span.start]
        cut = gap.rfind("\n")
        if cut < 0:
            return True
        return not _ENDS_SENTENCE.search(gap[:cut]) and not self._heading_between(window)

    @cached_property
    def _by_window(self) -> dict[int, list[Fact]]:
        out: dict[int, list[Fact]] = {}
        for f in self.facts:
            if not f.in_table:
                out.setdefault(f.window, []).append(f)
        return out


_PASSAGE_LINES = 2  # (the paragraph above a figure's that is of its passage: on the line right before, or past a blank line)


# ------------------------------------------------------------------ sums
def _holds(total: Fact, parts: Iterable[Fact], subtracted: Iterable[Fact] = ()) -> bool:
    return _makes(total, _sum(parts, subtracted))


def _sum(parts: Iterable[Fact], subtracted: Iterable[Fact] = ()) -> Value:
    """Σ parts − Σ subtracted, with the sum of their half-widths."""
    value = Value(Decimal(0), Decimal(0))
    for p in parts:
        value = value + Value.of(p)
    for p in subtracted:
        value = value - Value.of(p)
    return value


def _makes(total: Fact, value: Value) -> bool:
    """compare(total, value).verdict == "ok", with the same arithmetic, without building the
    comparison (searches for the reading that makes a total ask it thousands of times)."""
    return abs(total.value - value.value) - (total.tolerance + value.tolerance) <= 0


# A list longer than this is not searched for a run of its parts that makes the total
# (there are n² runs); no list a report writes comes near it.
MAX_RUN_SEARCH = 300


def _sum_text(total: Fact, parts: list[Fact], subtracted: Iterable[Fact] = (), extra: str = "",
              relation: str = "=") -> str:
    """"a + b − c (note) = total"; `relation` "≤" for a list naming only some parts, whose rest
    need not make the total, only stay within it."""
    terms = " + ".join(written(p, total) for p in parts) + "".join(f" − {written(p, total)}" for p in subtracted)
    return f"{terms}{extra} {relation} {written(total)}"


def explain_sum(doc: Document, total: Fact, parts: list[Fact], subtracted: list[Fact] = (),
                breakdown: Breakdown | None = None, vocab=None) -> Found | None:
    """A total that its parts, as read, do not make: garbled, cut off, a sub-list, a missed part."""
    figures = [total, *parts, *subtracted]
    found = _garbled(doc, figures) or _unread_amount_among(doc, parts) or _row_numbers(total, parts)
    if found:
        return found
    short = sum((p.value for p in parts), Decimal(0)) - sum((p.value for p in subtracted), Decimal(0)) < total.value
    # (a total said after its parts closes their list, even where the text ends right after it with no full stop:
    # "…县妇幼保健院22.1万元，共计150万元" — the list is not cut off; the total's own digits are ALT006's)
    closed_by_total = bool(parts) and total.span.start >= max(p.span.end for p in parts) \
        and total.span.line == max(parts, key=lambda p: p.span.end).span.line and not total.in_table
    if short and not closed_by_total and _cut_off(doc, parts, breakdown) and not _closed_and_complete(total, parts, vocab) \
            and (breakdown is None or breakdown.reason not in ("table_row_total", "column_agreement")) \
            and not _rows_shown_complete(doc, breakdown):  # (a row's own cells are all read)
        # (… and a sum of columns the grid's other rows agree on is one of a full row of the grid: no column of it
        # can be cut off where the text ends, "2021 ⏎ 1342.78 ⏎ 1121.67 ⏎ … ⏎ 206.05" the table's last row)
        return Found("ALT005", {"zh": "清单最后一项之后文本即结束，后面的分项可能被截去",
                                "en": "the text ends right after the list's last part; the rest may be cut off"})
    one_row = all(p.span.line == total.span.line for p in parts)  # (a row's own cells: all of it is read)
    if short and not one_row and rows_go_on(doc, total, parts) \
            and (breakdown is None or breakdown.reason not in _ROWS_READ_WHOLE):
        return _ROWS_GO_ON
    found = _overlapping_kinds(doc, total, parts, subtracted, breakdown, vocab)
    if found:
        return found
    found = _sub_list(total, parts, subtracted, breakdown, vocab) or _counted_twice(doc, total, parts, subtracted) \
        or (_parallel_list(doc, total, parts) if not subtracted else None) or _several_breakdowns(doc, total, parts)
    if found:
        return found
    return _netted_internal(doc, total, parts, subtracted, vocab) or _netted_amount(doc, total, parts, subtracted) \
        or _double_count_removed(doc, total, parts, subtracted) \
        or _another_base(doc, total, parts, subtracted, breakdown) \
        or (None if _row_deduction(breakdown) else _missed_part(doc, total, parts, subtracted)) \
        or _changes_show_a_part_unnamed(doc, total, parts, subtracted, vocab) \
        or _parts_stated_elsewhere(doc, total, parts, subtracted, breakdown, vocab)


_PAST = lazyre.compile(r"previous|earlier")


def _parts_stated_elsewhere(doc: Document, total: Fact, parts: list[Fact], subtracted, breakdown: Breakdown | None,
                            vocab) -> Found | None:
    """ALT023: a list short of its total (其中 often names the main parts only) whose missing rest the document states
    elsewhere: (a) another breakdown of the same total — its value, unit and flow — that holds and holds every part of
    this list (the same figure, or one of its value, two parts at least), its other parts the rest ("收入决算表 | 合计 |
    2,686.85 | 2,607.35 | 0 | 64.00 | 0 | 15.50" above "本年收入合计2,686.85万元,其中财政拨款收入2,607.35万元…;事业收入
    64.00万元": 其他收入 15.50 is in the table); or (b) figures of the parts' vocabulary family the list does not name,
    stated anywhere in the document, one of each member, which make up what is missing ("…其中财政拨款收入…,事业收入…。
    ⋯ 其他收入21.94万元,主要是…")."""
    if subtracted or len(parts) < 2:
        return None
    listed = _sum(parts)
    if listed.value + listed.tolerance >= total.value - total.tolerance:
        return None  # (only a list short of its total: parts over it are wrong whatever else the text states)
    for b in doc.whole_lists_near(total):
        if b is breakdown or b.subtracted or len(b.parts) <= len(parts) or b.total.unit != total.unit \
                or abs(b.total.value - total.value) > b.total.tolerance + total.tolerance \
                or (vocab is not None and _opposite_flows(vocab, b.total, total)) or not _adds_up(b):
            continue
        rest = list(b.parts)
        for p in parts:
            q = next((q for q in rest if q.id == p.id), None) or next(
                (q for q in rest if q.unit == p.unit and abs(q.value - p.value) <= q.tolerance + p.tolerance), None)
            if q is None:
                break
            rest.remove(q)
        else:
            unnamed = [q for q in rest if q.value != 0]
            if not unnamed:
                continue  # (the same parts and zeros: the list is all of it, and its miss is its own)
            shown = " + ".join(written(q) for q in b.parts)
            note = "、".join(q.text for q in unnamed)
            return Found("ALT023", {
                "zh": f"{shown} = {written(b.total)}（第{b.total.span.line}行另列同一总额的全部分项，本清单未列 {note}）",
                "en": f"{shown} = {written(b.total)} (line {b.total.span.line} states all the parts of the same total; "
                      f"this list leaves out {note})"})
    if vocab is None or not total.concept or any(p.concept is None for p in parts):
        return None
    named = {p.concept for p in parts}
    families = [fam for fam in vocab.families.values() if total.concept in fam.totals and named <= fam.members]
    if not families:
        return None
    members = set().union(*(fam.members for fam in families)) - named
    used = {f.id for f in (total, *parts)}
    found: dict[str, list[Fact]] = {}
    # (the figures of those concepts, in the order of `facts`: looked up by concept, not every figure walked)
    for f in doc.of_concepts(members):
        if f.concept in members and f.id not in used and f.kind == total.kind and f.unit == total.unit \
                and not f.is_bound and f.scenario == total.scenario \
                and (f.period == total.period or f.period in (None, "current") and not _PAST.fullmatch(total.period or "")
                     or total.period in (None, "current") and not _PAST.fullmatch(f.period or "")):
            # (a year unsaid is the report's: "其他收入21.94万元" beside "2023年度…本年收入合计", not last year's)
            found.setdefault(f.concept, []).append(f)
    # (each member stated once, or its figures all of one value: "其他收入21.94万元" in prose and in a table)
    chosen = [fs[0] for fs in found.values() if len({f.value for f in fs}) == 1]
    if not chosen or len(chosen) != len(found):
        return None
    if not _makes(total, listed + _sum(chosen)):
        return None
    note = "、".join(f"{clean_label(f.label) or f.concept} {f.text}" for f in chosen)
    return Found("ALT023", {"zh": _sum_text(total, [*parts, *chosen], (), f"（加上文中另列的 {note}）"),
                            "en": _sum_text(total, [*parts, *chosen], (), f" (with {note} stated elsewhere)")})


def _row_deduction(breakdown: Breakdown | None) -> bool:
    """A score table row's 扣分 against its own 分值 and 得分 (resolvers/tables.py, _deductions): what the row lost is
    its weight less its score by definition, the three cells its header names — no figure of another row or column is a
    part it missed (ALT003 would pair any small score of the table with the gap: "| 合计 | 100 | 8.0 | 94.0 |" beside a
    row's 扣 2)."""
    return breakdown is not None and breakdown.reason == "table_rows" and breakdown.marker == "扣分" \
        and bool(breakdown.subtracted)


def _changes_show_a_part_unnamed(doc: Document, total: Fact, parts: list[Fact], subtracted, vocab) -> Found | None:
    """ALT019: every part states its change from last year, as the total does, and the parts fall short of the total
    both in amount and in change — by what one unnamed part, there last year too, would add: the list names the parts
    whose changes the text explains, not all of them ("收入预算2264.80万元,比上年增加163.45万元。其中,财政拨款收入
    986.40万元,比上年增加102.30万元,主要是…;其他收入24.00万元,比上年减少6.00万元,主要是…": 事业收入 1254.40万元, up
    67.15万元 from 1187.25万元, is not named).  A complete list with a slip misses in one of the two sums, not both; a list
    whose parts' changes make the total's change stays in doubt (an unnamed part that did not change, or a slip)."""
    if subtracted or any(f.in_table for f in (total, *parts)) or _closed_and_complete(total, parts, vocab):
        return None
    missing = Value.of(total) - _sum(parts)
    if missing.value <= missing.tolerance or slip_explains(sum_equation(total, parts)):
        return None  # (over the total, or within its rounding; or a one-figure slip that would make it)
    changes = [doc.change_of.get(f.id) for f in (total, *parts)]
    if any(c is None for c in changes):
        return None
    signed = [Value(c.direction * c.delta.value, c.delta.tolerance) for c in changes]
    changed = signed[0] - sum(signed[1:], Value(Decimal(0), Decimal(0)))
    if abs(changed.value) <= changed.tolerance:
        return None  # (the parts' changes make the total's: nothing unnamed changed — or the amounts slipped)
    before = missing - changed  # (the unnamed part last year)
    if before.value <= before.tolerance:
        return None  # (it would have been nothing or less last year: no part of both years)
    unit = total.written_unit
    gap, gap_change, last_year = (f"{show(v.value, total)}{unit}" for v in (missing, changed, before))
    zh = f"分项的金额比总额少 {gap}、增减额比总额的增减额少 {gap_change}，恰如一个未列出、上年约 {last_year} 的分项"
    en = f"the parts fall short of the total by {gap} and of its change by {gap_change}, as one unnamed part of about " \
         f"{last_year} last year would"
    return Found("ALT019", {"zh": zh, "en": en})


def _netted_internal(doc: Document, total: Fact, parts: list[Fact], subtracted, vocab) -> Found | None:
    """ALT020: a group's accounts and its members' side by side, each stating both sides and the balance between them
    ("养老基金资产总额22315.52亿元,负债总额3760.49亿元,权益总额18555.03亿元。其中:地方养老基金资产总额22229.30亿元,负债总额
    3761.90亿元,权益总额18467.40亿元;风险基金资产总额94.17亿元,负债总额6.54亿元,权益总额87.63亿元"): the members' assets
    and their liabilities both add past the group's by one amount (7.95), while the equity adds exactly — what the
    members owe each other, netted out of the group's figures (合并抵销), not a slip.  A slip misses in one sum alone, or
    breaks a balance; so one side failing alone, or the two by different amounts, stays a contradiction (cues gross_side,
    net_of_sides)."""
    if vocab is None or subtracted or len(parts) < 2 or any(f.in_table for f in (total, *parts)):
        return None
    gross, net = vocab.cue("gross_side"), vocab.cue("net_of_sides")
    if net.search(clean_label(total.label)) or not gross.search(clean_label(total.label)):
        return None
    gap = _sum(parts) - Value.of(total)
    if abs(gap.value) <= gap.tolerance:
        return None
    row = _measures_beside(doc, total, doc.sentence_start(total.span.start), _sentence_end(doc.text, total.span.end))
    if not 2 <= len(row) <= 4:
        return None
    # (each measure by the end of its name no other measure of the whole's sentence ends with: "…资产总额", "负债总额",
    # "权益总额"; "…基金收入", "支出", "结余" — a member's clause names it with the member's subject before it)
    ends = telling_ends([clean_label(f.label) for f in (total, *row)])
    if ends is None:
        return None
    end_of = dict(zip((f.id for f in (total, *row)), ends))
    clauses = [_measures_beside(doc, p, *_clause_of(doc, p)) for p in parts]
    if any(_same_measure(ends[0], [p, *clause]) is not p for p, clause in zip(parts, clauses)):
        return None  # (each part is its clause's figure of the total's measure)
    for side in row:
        name = clean_label(side.label)
        if net.search(name) or not gross.search(name):
            continue
        side_parts = [_same_measure(end_of[side.id], clause) for clause in clauses]
        if None in side_parts:
            continue
        side_gap = _sum(side_parts) - Value.of(side)
        if abs(gap.value - side_gap.value) > gap.tolerance + side_gap.tolerance:
            continue  # (the other side misses by another amount, or not at all: a slip in one of them)
        for balance in row:
            if balance is side or not net.search(clean_label(balance.label)):
                continue
            balance_parts = [_same_measure(end_of[balance.id], clause) for clause in clauses]
            if None in balance_parts or not _holds(balance, balance_parts):
                continue
            # (the balance is the difference of the two sides, for the whole and for each member)
            if not all(_difference_of_sides(b, a, s) for b, a, s in
                       zip((balance, *balance_parts), (total, *parts), (side, *side_parts))):
                continue
            shown = f"{show(abs(gap.value), total)}{total.written_unit}"
            names = [f.concept or clean_label(f.label) for f in (total, side, balance)]
            return Found("ALT020", {
                "zh": f"各分项的{names[0]}与{names[1]}之和都比合计多 {shown}，而{names[2]}在合计与各分项都相符："
                      f"是分项之间的内部往来，在合并数中抵销",
                "en": f"the members' {names[0]} and {names[1]} both add past the whole's by {shown}, while "
                      f"{names[2]} adds exactly: a balance between the members, netted out of the whole's figures"})
    return None


def _netted_amount(doc: Document, total: Fact, parts: list[Fact], subtracted) -> Found | None:
    """ALT021: a part named a loss or an impairment, taken away ("利润…其中:经营收益…,资产减值损失…"), or an amount the
    list's sentence or the one before says the merge took out ("…合并时已扣除两项基金之间的转移收支35.00亿元。⏎…支出
    3135.39亿元,其中企业职工…2790.15亿元、城乡居民…380.24亿元": the spending is net of it too), makes the total. The text
    says the figure counts against the whole: adding it is the misreading (cues loss_part, netted_before, netted_after)."""
    if total.kind != "amount" or len(parts) < 2:
        return None
    loss = _cue("loss_part")
    if not loss.search(clean_label(total.label)):
        for p in parts[1:]:
            if loss.search(clean_label(p.label)) or netted_out(doc.text, p.span.start, p.span.end, _default_vocab()):
                rest = [q for q in parts if q is not p]
                if _holds(total, rest, (*subtracted, p)):
                    return Found("ALT021", {"zh": _sum_text(total, rest, (*subtracted, p), f"（{p.text} 为减项）"),
                                            "en": _sum_text(total, rest, (*subtracted, p), f" ({p.text} taken away)")})
    used = {f.id for f in (total, *parts, *subtracted)}
    start = doc.sentence_start(total.span.start)  # (the total's sentence and the one before it)
    while start and doc.text[start - 1] in "。!?！？\n \t":
        start -= 1
    start = doc.sentence_start(start)
    end = _sentence_end(doc.text, total.span.end)
    listed = _sum(parts, subtracted)
    for f in doc.around(total):
        if f.id in used or not start <= f.span.start <= end or (f.kind, f.unit) != (total.kind, total.unit) \
                or not netted_out(doc.text, f.span.start, f.span.end, _default_vocab()):
            continue
        if _makes(total, listed - Value.of(f)):
            return Found("ALT021", {"zh": _sum_text(total, parts, (*subtracted, f), f"（减去{_where(f, total)}所写已扣除的 {f.text}）"),
                                    "en": _sum_text(total, parts, (*subtracted, f), f" (less {f.text}, netted out as {_where(f, total, 'en')} says)")})
    return None


def _double_count_removed(doc: Document, total: Fact, parts: list[Fact], subtracted) -> Found | None:
    """ALT021: a sentence of the total's paragraph, or of the note line right under its table, says a figure was taken
    out of the total as counted twice ("合计 | 4867.4 | 16435 …⏎注：人数合计已剔除同时享受多项救助的重复人员2200人。",
    cue double_count_removed), and the parts less that figure make the total: the parts overlap by it, no slip."""
    if not parts or not doc.text:
        return None
    cue = _cue("double_count_removed")
    text = doc.text
    used = {f.id for f in (total, *parts, *subtracted)}
    listed = _sum(parts, subtracted)
    for f in (*doc.neighbours(total), *_note_under_table(doc, total)):
        if f.id in used or not _same_count(doc, total, f):
            continue
        if not cue.search(text, doc.sentence_start(f.span.start), _sentence_end(text, f.span.end)):
            continue
        if _makes(total, listed - Value.of(f)):
            return Found("ALT021", {"zh": _sum_text(total, parts, (*subtracted, f), f"（减去{_where(f, total)}所写剔除的重复计算 {f.text}）"),
                                    "en": _sum_text(total, parts, (*subtracted, f), f" (less {f.text}, said to be counted twice and taken out)")})
    return None


def _note_under_table(doc: Document, total: Fact) -> list[Fact]:
    """The prose figures of the first line under the total's table (past one blank line at most): the table's note."""
    span = doc.table_span(total)
    if span is None:
        return []
    text = doc.text
    start = span[1]
    while start < len(text) and text[start] in " \t\r\n" and text.count("\n", span[1], start + 1) <= 2:
        start += 1
    if start >= len(text) or text.count("\n", span[1], start) > 2:
        return []
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    return [f for f in doc.facts_starting(start, end) if not f.in_table and start <= f.span.start < end]


def _same_count(doc: Document, total: Fact, f: Fact) -> bool:
    """`f` counts what `total` does: same kind and unit, or `total` a bare number of a table whose header line names
    `f`'s unit ("人数（人）" over a column of bare numbers, "…重复人员2200人" under it)."""
    if (f.kind, f.unit) == (total.kind, total.unit):
        return True
    span = doc.table_span(total)
    if span is None or total.kind != "number" or total.unit or f.kind != "count" or not f.unit:
        return False
    header = doc.text[doc.line_start(max(0, span[0] - 1)):span[0]]
    return f"（{f.unit}）" in header or f"({f.unit})" in header


def _default_vocab():
    from auditor.extract.vocabulary import default_vocabulary

    return default_vocabulary()


def _measures_beside(doc: Document, fact: Fact, start: int, end: int) -> list[Fact]:
    """The other figures of the fact's kind and unit between `start` and `end` (its sentence or clause)."""
    return [f for f in doc.neighbours(fact) if start <= f.span.start and f.span.end <= end and f.id != fact.id
            and (f.kind, f.unit) == (fact.kind, fact.unit) and not f.is_bound]


def _same_measure(end: str, clause: list[Fact]) -> Fact | None:
    """The one figure of a member's clause whose name ends as the measure's does."""
    found = [f for f in clause if clean_label(f.label).endswith(end)]
    return found[0] if len(found) == 1 else None


def _difference_of_sides(balance: Fact, one: Fact, other: Fact) -> bool:
    return _makes(balance, Value.of(one) - Value.of(other)) or _makes(balance, Value.of(other) - Value.of(one))


def _clause_of(doc: Document, fact: Fact) -> tuple[int, int]:
    """The clause of a list's part: from the ';' (or the sentence's start) before it to the ';' (or the sentence's end)
    after it."""
    start = max(doc.sentence_start(fact.span.start), *(doc.text.rfind(c, 0, fact.span.start) + 1 for c in ";；"))
    end = _sentence_end(doc.text, fact.span.end)
    stops = [at for at in (doc.text.find(c, fact.span.end, end) for c in ";；") if at >= 0]
    return start, min(stops, default=end)


def _sentence_end(text: str, at: int) -> int:
    ends = [e for e in (text.find(c, at) for c in "。!?！？\n") if e >= 0]
    return min(ends, default=len(text))


def _of_the_parts_own_items(doc: Document, parts: list[Fact], others: tuple[Fact, ...]) -> bool:
    """The other split's parts are the items the list's own parts are said to hold ("人员经费931.16万元,包括工资福利支出
    905.94万元和对个人和家庭的补助25.22万元;公用经费144.40万元,包括商品和服务支出87.10万元和资本性支出7.30万元"): the same
    split a level down (those items stated again count as they), no other cut of the total — it shows the part that
    is wrong, not an overlap."""
    items = set().union(*(doc.sub_parts.get(p.id, set()) for p in parts))
    if not items:
        return False
    # (… or those items stated again, by their names and amounts: "(一)工资福利支出905.94万元:…" under the sentence)
    named = [(clean_label(f.label), f.value) for f in doc.facts if f.id in items]
    return all(q.id in items or any(v == q.value and len(n) >= 2 and len(m) >= 2 and (n.endswith(m) or m.endswith(n))
                                    for n, v in named for m in [clean_label(q.label)]) for q in others)


def _overlapping_kinds(doc: Document, total: Fact, parts: list[Fact], subtracted, breakdown: Breakdown | None,
                       vocab) -> Found | None:
    """ALT018: parts under 其中 that come to more than their total and do not split it one way (complementary) are kinds
    cut two ways, which may overlap — no partition of the total — when the same total is split another way that holds,
    when they are two to four groups of people, or when two or three of them include one named by a mark an item may
    have besides its kind ("养老机构28家,其中公办养老机构19家,医养结合养老机构15家"; "资金8652万元,其中用于产业发展的资金
    5386万元,安排到脱贫村的资金4120万元")."""
    if breakdown is None or breakdown.reason not in ("qizhong_list", "dimension_split") or subtracted or vocab is None:
        return None
    value = _sum(parts)
    if value.value - value.tolerance <= total.value + total.tolerance:
        return None  # (less than the total: a list naming only some parts holds, or a part is missing)
    if complementary(parts, vocab):
        return None  # (城镇 and 乡村, 公办 and 民办 …: a split one way, whatever other split the text gives)
    ids = {p.id for p in parts}
    labels = {clean_label(p.label) for p in parts}
    values = {p.value for p in parts}
    # (another split that holds, of parts named otherwise: the same parts named again with other figures are no other
    # cut — "收入总计6049.98万元,其中…12000万元" beside the same sources that make it is a slip)
    other = next((b for b in doc.lists_of_total(total) if b is not breakdown and not b.subtracted and len(b.parts) >= 2
                  and (b.total.id == total.id or b.total.concept is not None and b.total.concept == total.concept
                       or clean_label(b.total.label)[-4:] == clean_label(total.label)[-4:])
                  and b.total.unit == total.unit and b.total.value == total.value and b.total.decimals == total.decimals
                  and not _opposite_flows(vocab, b.total, total)
                  and not ids & {p.id for p in b.parts}
                  and not any(clean_label(q.label) in labels and q.value not in values for q in b.parts)
                  and not _of_the_parts_own_items(doc, parts, b.parts)
                  and _adds_up(b)), None)
    if other is not None:
        # ("专任教师8642人,其中:小学…、初中…、高中…" making it, then "其中中小学6120人、幼儿园1240人、乡村2860人"): the total split
        # one way that holds, and cut another way here
        shown = " + ".join(written(p) for p in other.parts)
        return Found("ALT018", {"zh": f"同一总额另有一种划分成立（{shown} = {written(other.total)}），本清单是另一种划分，可以相互重叠",
                                "en": f"the same total is split another way that holds ({shown} = {written(other.total)}); "
                                      "this list cuts it another way"})
    if total.unit in HEAD_UNITS and 2 <= len(parts) <= 4 and not (OTHER_MEASURE_EXACT in breakdown.via and total.unit in OCCURRENCE_UNITS):
        # (… but not occurrences — 人次, 户次 — each counted with its own share of an amount the same parts make exactly:
        # "救助44581人次。其中,发放基本医疗救助金262.3万元,帮扶42098人次;申请…226.6万元,帮扶2483人次" adds up, whereas
        # people, 8120人 paid one subsidy and 7402人 another, may be paid both)
        # ("专任教师8642人,其中中小学6120人,幼儿园1240人,乡村2860人", "帮扶困难职工3260人次,其中在档2140、单亲420、患病1380"):
        # people counted by level and by place, by status and by cause — groups one person may be in several of
        names = "、".join(clean_label(p.label) for p in parts)
        return Found("ALT018", {"zh": f"人员按不同标准分组（{names}），同一人可属几组，不构成总数的划分",
                                "en": f"people grouped by different marks ({names}); one may be in several groups"})
    if not 2 <= len(parts) <= 3:
        return None
    # ("全市一般公共预算收入368.52亿元。其中：市本级收入96.37亿元；税收收入275.14亿元": the city level's share and the taxes of
    # all levels — a split by whose it is and a split by what it is, side by side under one 其中)
    whose, what = vocab.cue("split_by_whose"), vocab.cue("split_by_what")
    by_whose = [p for p in parts if whose.search(clean_label(p.label))]
    by_what = [p for p in parts if p not in by_whose and what.search(clean_label(p.label))]
    if by_whose and by_what:
        names = "、".join(clean_label(p.label) for p in (*by_whose, *by_what))
        return Found("ALT018", {"zh": f"分项按层级（主体）与按类别两种标准划分（{names}），可以相互重叠，不构成总额的划分",
                                "en": f"the parts split the total by level (whose) and by kind (what) at once ({names}); "
                                      "they may overlap"})
    mark = vocab.cue("overlapping_designation")
    marked = [p for p in parts if mark.search(clean_label(p.label))]
    if not marked:
        return None
    names = "、".join(clean_label(p.label) for p in marked)
    return Found("ALT018", {"zh": f"分项按不同标准划分（{names}），可以相互重叠，不构成总额的划分",
                            "en": f"the parts are kinds cut two ways ({names}); they may overlap and do not split the total"})


def _opposite_flows(vocab, a: Fact, b: Fact) -> bool:
    """One total names money coming in, the other money going out ("收入预算总计10720.48万元" beside "支出预算总计
    10720.48万元"): two totals that are equal (收入总计 = 支出总计), not one total split two ways."""
    flows = {vocab.flow(clean_label(a.label)), vocab.flow(clean_label(b.label))}
    return flows == {"in", "out"}


def _adds_up(b: Breakdown) -> bool:
    """The list's parts make its stated total: none of it was cut off."""
    return not b.subtracted and compare(b.total, _sum(b.parts)).verdict == "ok"


def _may_add_up(b: Breakdown) -> bool:
    """_adds_up, or a list whose sum cannot be worked out (left to the caller's own test, which meets the same error
    only where it did before)."""
    try:
        return _adds_up(b)
    except ArithmeticError:
        return True


def _rows_shown_complete(doc: Document, breakdown: Breakdown | None) -> bool:
    """Another column of the table sums over the same rows to its total on the same line: the rows read are all the
    rows there are, though the text ends after them (a column of budgets adding up beside a column of spending that
    does not)."""
    if breakdown is None or breakdown.reason != "table_rows":
        return False
    line, lines = breakdown.total.span.line, sorted(p.span.line for p in breakdown.parts)
    return any(other is not breakdown and other.reason == "table_rows" and other.total.span.line == line
               and other.total.id != breakdown.total.id and sorted(p.span.line for p in other.parts) == lines
               and _adds_up(other) for other in doc.lists)


def _row_numbers(total: Fact, parts: list[Fact]) -> Found | None:
    """ALT006: the parts and the total are whole numbers counting up by one ("30 + 31 + 32 + 33 ≠ 34"): a 行次 or 序号
    column read as amounts."""
    run = [*parts, total]
    if len(parts) < 2 or any(f.decimals or f.written_value != int(f.written_value) for f in run):
        return None
    values = sorted(int(f.written_value) for f in run)  # ("栏次 | 1 | 2 | … | 7": the total's number first)
    if all(b - a == 1 for a, b in zip(values, values[1:])):
        shown = "、".join(str(v) for v in values)
        return Found("ALT006", {"zh": f"{shown} 逐一递增，是行次（序号）而非金额",
                                "en": f"{shown} count up by one: row numbers (行次), not amounts"})
    return None


_ENDS_SENTENCE = lazyre.compile(r"[。!?！？:：]\s*$")
_INCLUDES = lazyre.compile(r"\s*\(\s*(?:其中\s*)?(?:含|包含|包括)")


_BREAKDOWN_HEADING = lazyre.compile(r"(?m)^\s*(?:[一二三四五六七八九十]{1,2}、|[(（][一二三四五六七八九十]{1,2}[)）])?\s*"
                                    r"按[\u4e00-\u9fff]{1,8}[:：]?\s*$")


def _several_breakdowns(doc: Document, total: Fact, parts: list[Fact]) -> Found | None:
    """ALT002: a table's 合计 with two or more headings below it that each open a breakdown of it ("一、按功能科目 …
    二、按项目 …"): the same total listed two ways, its parts the rows of one heading, not of all."""
    if not parts or not total.in_table:
        return None
    last = max(p.span.end for p in parts)
    found = list(_BREAKDOWN_HEADING.finditer(doc.text, total.span.end, last))
    headings = [m.group() for m in found]
    # (parts drawn from two or more of the headings' blocks: a block's own rows are checked as its sum)
    blocks = {sum(1 for m in found if m.start() < p.span.start) for p in parts}
    if len(headings) < 2 or len(blocks) < 2:
        return None
    return Found("ALT002", {"zh": "合计下有几种分类列示（" + "、".join(h.strip() for h in headings) + "），各自构成合计",
                            "en": "the total is listed several ways below it (" + ", ".join(h.strip() for h in headings)
                                  + "), each making it on its own"})


def _runs(row: list[Fact], sizes: Iterable[int]):
    """The runs of consecutive figures of `row`, of each size in turn, in text order."""
    for size in sizes:
        for n in range(len(row) - size + 1):
            yield row[n:n + size]


def _parallel_list(doc: Document, total: Fact, parts: list[Fact]) -> Found | None:
    """ALT001: the parts' sentence lists another run of as many figures, side by side with them, that makes the total
    ("…预算分别为3.33万元、18.46万元、20.21万元,决算分别为2.72万元、15.89万元、19.08万元,…;“三公”经费合计37.69万元":
    the 决算's)."""
    if len(parts) < 2 or any(p.in_table for p in parts):
        return None
    sentence = parts[0].sentence
    ids = {p.id for p in parts}
    row = [f for f in doc.neighbours(parts[0]) if f.sentence == sentence and f.kind == total.kind
           and f.unit == total.unit and not f.is_bound and f.id != total.id]
    for run in _runs(row, (len(parts),)):
        if ids.intersection(f.id for f in run):
            continue
        if doc.total_of_parts.get(frozenset(f.id for f in run), total.id) != total.id:
            continue  # (the parts of another total the text states: "…加上…,收入总计16.79亿元;…支出14.86亿元,调出资金1.50亿元,
            # 专项债务还本支出0.43亿元,支出总计16.79亿元" — the income run makes the 收入总计 the 支出总计 balances, not this total)
        if _makes(total, _sum(run, [])):
            shown = _sum_text(total, run, (), "（同句另一组并列的数）")
            return Found("ALT001", {"zh": shown, "en": _sum_text(total, run, (), " (the other run of figures of the sentence)")})
    return None


def _counted_twice(doc: Document, total: Fact, parts: list[Fact], subtracted) -> Found | None:
    """A part whose bracket says it includes an amount another part holds too ("项目资本金26,450万元,…专项债券资金
    10,000万元;拟申请专项债券资金50,000万元(含用作资本金部分10,000万元)"): the parts less that amount make the total."""
    for q in parts:
        if not _INCLUDES.match(doc.text, q.span.end):
            continue
        close = doc.text.find(")", q.span.end)
        for f in doc.neighbours(q):
            if q.span.end < f.span.start < close and f.kind == total.kind and f.unit == total.unit \
                    and _makes(total, _sum(parts, [*subtracted, f])):
                shown = _sum_text(total, parts, [*subtracted, f], f"（{q.text} 所含的 {f.text} 已计入其他分项）")
                return Found("ALT002", {"zh": shown, "en": _sum_text(total, parts, [*subtracted, f],
                                                                     f" ({f.text} within {q.text} is counted in "
                                                                     f"another part too)")})
    return None


def _another_base(doc: Document, total: Fact, parts: list[Fact], subtracted,
                  breakdown: Breakdown | None) -> Found | None:
    """ALT001 for a sum whose first part, its base, was taken from an earlier sentence ("…收入
    124,062万元,…,税收收入111,948万元。加上…213,410万元,收入总量337,472万元"): another amount of
    that sentence, in the total's unit, with the other parts, makes the total."""
    base, rest = parts[0], parts[1:]
    if breakdown is None or breakdown.reason != "sum_after_plus" or not rest or base.sentence == rest[0].sentence:
        return None
    others = _sum(rest, subtracted)
    for f in doc.neighbours(base):
        # (of this year, and no change: "上年为110,000万元", "比上年增加14,062万元" are no base of this year's sum)
        if f.sentence == base.sentence and f.id != base.id and (f.kind, f.unit) == (total.kind, total.unit) \
                and not f.is_bound and f.period in (None, base.period) and f.concept not in CHANGE_CONCEPTS \
                and _makes(total, others + Value.of(f)):
            return Found("ALT001", {"zh": _sum_text(total, [f, *rest], subtracted, f"（以 {f.text} 为基数）"),
                                    "en": _sum_text(total, [f, *rest], subtracted, f" (from {f.text})")})
    return None


def multiple_as_ratio(stated: Fact, computed: Value) -> Found | None:
    """ALT014: a growth written as a multiple ("增长2倍") holds when read as the ratio of the two figures
    (2 times the figure before, +100 %) instead of the growth (3 times): many reports write it so."""
    if stated.written_unit != "倍" or stated.value <= 100:
        return None
    ratio = stated.model_copy(update={"value": stated.value - 100})
    if compare(ratio, computed).verdict != "ok":
        return None
    times = f"{(computed.value / 100 + 1).quantize(Decimal('0.01'))}"
    return Found("ALT014", {"zh": f"按倍数理解：为前一数字的{times}倍（增长{computed.value:.2f}%）",
                            "en": f"read as a ratio: {times} times the figure before (up {computed.value:.2f} %)"})


def explain_change_sum(doc: Document, deltas: list[Fact], breakdown: Breakdown | None, vocab=None) -> Found | None:
    """The parts' changes that do not make the total's: a damaged figure, or the list of
    parts cut off where the text ends (the missing parts' changes with it) — unless the
    parts are every member of a closed family, which no cut can have shortened."""
    found = _garbled(doc, deltas)
    if found or breakdown is None:
        return found
    parts = list(breakdown.parts)
    if _cut_off(doc, parts, breakdown) and not _closed_and_complete(breakdown.total, parts, vocab):
        return Found("ALT005", {"zh": "清单在文本截断处中断，后面分项的增减额可能被截去",
                                "en": "the list is cut off where the text ends; the other parts' changes may be lost"})
    return None


def _items_left_out(total: Fact, parts: list[Fact], subtracted, items: list[Fact], partial: bool, note_zh: str,
                    note_en: str) -> Found | None:
    """ALT002: the list without `items` (the parts of another part, listed beside it) makes its total — or, a list
    naming only some parts, stays within it."""
    rest = [p for p in parts if p not in items]
    rest_sum = _sum(rest, subtracted)
    makes = _makes(total, rest_sum)
    if not (makes or (partial and rest_sum.value - rest_sum.tolerance <= total.value + total.tolerance)):
        return None
    relation = "=" if makes else "≤"  # (a partial list's rest stays within its total)
    return Found("ALT002", {"zh": _sum_text(total, rest, subtracted, note_zh, relation),
                            "en": _sum_text(total, rest, subtracted, note_en, relation)})


def _whole_scores_given(total: Fact, parts: list[Fact]) -> list[Fact]:
    """Scores of a list that writes decimals for some ("产出指标(40分)得40分,效益指标(30分)得29分,资金管理(20分)得18.5分,
    满意度(10分)得9分,合计96.5分"): its whole scores are given, not rounded — exact to its finest decimals, as a score
    table's are (scores.py) —, so that no run of them makes a wrong total only by their rounding (40 + 29 + 18.5 = 87.5,
    ±1.55 as rounded, "makes" 86.5)."""
    if total.kind != "score" or any(p.kind != "score" for p in parts):
        return parts
    finest = max([total.decimals, *(p.decimals for p in parts)])
    if not finest:
        return parts
    return [p.model_copy(update={"decimals": finest}) if p.decimals < finest and not p.about else p for p in parts]


_NAME_TAIL = lazyre.compile(r"^(?:其中|包括|含)?[:,、]?")


def _named_under_earlier(parts: list[Fact]) -> list[Fact]:
    """The parts whose name ends with the whole name of an earlier part, a word longer ("义务教育支出" after "教育支出"):
    items of that part listed beside it."""
    names = [_NAME_TAIL.sub("", clean_label(p.label)) for p in parts]
    return [p for j, p in enumerate(parts) if any(
        len(names[i]) >= 4 and len(names[j]) > len(names[i]) and names[j].endswith(names[i]) for i in range(j))]


def _taxes_after_their_whole(parts: list[Fact], vocab) -> list[Fact]:
    """The single taxes listed right after a part that is all the taxes ("其中:税收收入12.37亿元,增长3.9%,增值税4.21亿元,
    企业所得税2.35亿元"; vocabulary tax_whole, tax_item): items of that part, written beside it with no inner 其中."""
    if vocab is None:
        return []
    whole, item = vocab.cue("tax_whole"), vocab.cue("tax_item")
    names = [_NAME_TAIL.sub("", clean_label(p.label)) for p in parts]
    for i, name in enumerate(names):
        if whole.search(name):
            run = []
            for p, n in zip(parts[i + 1:], names[i + 1:]):
                if not item.search(n) or whole.search(n):
                    break
                run.append(p)
            if run:
                return run
    return []


def _sub_list(total: Fact, parts: list[Fact], subtracted, breakdown: Breakdown | None, vocab) -> Found | None:
    partial = breakdown is not None and not breakdown.complete
    parts = _whole_scores_given(total, parts)
    # the parts a list found by going on past its own sentence are the first to doubt
    core = breakdown.core if breakdown is not None else None
    if core:
        own = parts[:core]
        makes = _holds(total, own, subtracted)
        if makes or (partial and sum(p.value for p in own) <= total.value + total.tolerance):
            relation = "=" if makes else "≤"
            return Found("ALT002", {"zh": _sum_text(total, own, subtracted, "（清单读过了本句）", relation),
                                    "en": _sum_text(total, own, subtracted, " (the list was read past its sentence)",
                                                    relation)})
    # parts of another part listed beside it: a run under a head ("旗本级75.29亿元,分项目看:税收16.81亿元,非税58.48亿元;
    # 上级转移支付…"), or items named after an earlier part ("其中:教育支出44227万元,义务教育支出23882万元,…")
    beside = []
    nested = _nested_run(parts)
    if nested is not None:
        head, inner = nested
        note = "、".join(p.text for p in inner)
        beside.append((inner, f"（{note} 是 {head.text} 的分项，不另计）", f" ({note}: the parts of {head.text})"))
    taxes = _taxes_after_their_whole(parts, vocab)
    if taxes:
        note = "、".join(p.text for p in taxes)
        beside.append((taxes, f"（{note} 是税收收入的细目，不另计）", f" ({note}: single taxes, items of the tax revenue)"))
    named = _named_under_earlier(parts)
    if named:
        note = "、".join(p.text for p in named)
        beside.append((named, f"（{note} 是前面某一分项的细目，不另计）", f" ({note}: an item of an earlier part)"))
    for items, note_zh, note_en in beside:
        found = _items_left_out(total, parts, subtracted, items, partial, note_zh, note_en)
        if found:
            return found
    marked = _marked_top_rows(parts)
    if marked is not None and not subtracted and _holds(total, marked):
        # "一、税收收入 | 405,231 ⏎ 增值税 | 158,406 ⏎ … ⏎ 二、非税收入 | 121,608 ⏎ 收入合计 | 526,839": the rows the
        # outline numbers (一、二、) are the total's; the rows under them are their items, only some of them listed
        return _levels_found(total, marked)
    levels = nested_levels(parts, total, vocab)
    if levels is not None and not subtracted:
        # "合计 | 1,600 ⏎ 一般公共服务支出 | 1,280 ⏎ 社会保障和就业支出 | 140 ⏎ 行政事业单位养老支出 | 140 …": rows
        # of a lower level (款 under 类, 项 under 款), each run under the row it makes, a single one too
        return _levels_found(total, [parts[i] for i in levels])
    closed = [fam for fam in (vocab.families.values() if vocab is not None else ())
              if total.concept and total.concept in fam.totals and not fam.open]
    # one part smaller than the part before it, leaving which the rest make the total exactly: an item of that part
    # written beside it ("第二产业增加值98.75亿元,增长7.3%,全部工业增加值45.20亿元;第三产业…")
    # (… or the first part, leaving which the rest make it exactly: a kind cut another way, named first — "其中：授予小微企业
    # 合同金额360万元,占75%;货物…100万元,工程…290万元,服务…90万元" of 480)
    for k in range(len(parts)):
        rest = [*parts[:k], *parts[k + 1:]]
        if sum(1 for p in rest if p.value != 0) >= 2 and (k == 0 or parts[k].value < parts[k - 1].value) \
                and _holds(total, rest, subtracted) \
                and (not closed or all(p.concept for p in rest)
                     and any(fam.covers([p.concept for p in rest]) for fam in closed)):
            zh, en = (f"（{parts[k].text} 与其余分项按另一标准划分，不另计）", f" ({parts[k].text}: a kind cut another way)") \
                if k == 0 else (f"（{parts[k].text} 是 {parts[k - 1].text} 的细目，不另计）",
                                f" ({parts[k].text}: an item of {parts[k - 1].text})")
            return Found("ALT002", {"zh": _sum_text(total, rest, subtracted, zh), "en": _sum_text(total, rest, subtracted, en)})
    if partial:
        return None  # a list naming only some parts fails only by excess: no run of it explains that
    if _closed_by_the_rest(total, parts, breakdown, vocab):
        return None
    for run in _runs_that_make(total, parts, subtracted):
        if closed:  # a total the vocabulary breaks down: the run must still be all of it
            plausible = all(p.concept for p in run) and any(fam.covers([p.concept for p in run]) for fam in closed)
        else:
            plausible = sum(1 for p in run if p.value != 0) >= 2
        if plausible:
            dropped = [p for p in parts if p not in run]
            note = "、".join(p.text for p in dropped)
            return Found("ALT002", {"zh": _sum_text(total, run, subtracted, f"（不计 {note}）"),
                                    "en": _sum_text(total, run, subtracted, f" (without {note})")})
    return None


def _closed_by_the_rest(total: Fact, parts: list[Fact], breakdown: Breakdown | None, vocab) -> bool:
    """A list its own sentence states under its total, three or more kinds of one thing, the last the rest of that thing
    ("车辆23辆,其中:机要通信用车1辆、应急保障用车3辆、执法执勤用车12辆、特种专业技术用车9辆、其他用车2辆"; vocabulary
    remainder_part): siblings that name all of the total, no sub-list or item of another — a run of them that happens to
    make the total (12 + 9 + 2, small counts make many) is no other reading."""
    if vocab is None or breakdown is None or breakdown.core or len(parts) < 3 \
            or any(f.in_table or f.sentence != total.sentence for f in parts):
        return False
    names = [clean_label(p.label) for p in parts]
    rest = vocab.cue("remainder_part").match(names[-1])
    kind = names[-1][rest.end():] if rest else ""
    return len(kind) >= 2 and all(n.endswith(kind) and len(n) > len(kind) and not vocab.cue("remainder_part").match(n)
                                  for n in names[:-1])


_TOP_MARK = lazyre.compile(r"^\s*[一二三四五六七八九十]+\s*[、.]")


def _marked_top_rows(parts: list[Fact]) -> list[Fact] | None:
    """The parts whose names open with an outline number of the top level (一、二、), when some parts do not:
    a list's top rows, the others the items under them."""
    marked = [p for p in parts if _TOP_MARK.match(p.label)]
    return marked if 2 <= len(marked) < len(parts) and _TOP_MARK.match(parts[0].label) else None


def _nested_run(parts: list[Fact]) -> tuple[Fact, list[Fact]] | None:
    """A part and the run of two or more parts right after it that make it: its own
    breakdown, read into the list beside it.  (Running sums: one addition per part tried.)"""
    n = min(len(parts), MAX_RUN_SEARCH)
    for i in range(n):
        head = parts[i]
        if not head.value:
            continue
        running, nonzero = Value(Decimal(0), Decimal(0)), 0
        for j in range(i + 1, n):
            if parts[j].value < 0:
                break  # (a run of parts that only add: what a part's breakdown is)
            running = running + Value.of(parts[j])
            nonzero += parts[j].value != 0
            if j > i + 1 and nonzero >= 2 and _makes(head, running):
                return head, parts[i + 1:j + 1]
            if running.value - running.tolerance > head.value + head.tolerance:
                break  # (past the part: no longer run makes it)
    return None


_LEVEL_ROWS = 40  # rows a nested reading is looked for in (a table's list; longer ones are not doubted so)
_LEVEL_READINGS = 64  # readings of one stretch of rows kept (each a list of its top rows)


def nested_levels(parts: list[Fact], total: Fact, vocab=None, heads: str = "function_class") -> list[int] | None:
    """The top rows of a list read as levels, when they make `total`: every other row stands in a
    run right under the row it makes (its children, themselves rows with children of their own),
    and some row has children.  A single child makes its row only under a head row the vocabulary
    names (`heads`: a 类 of the functional classification, or a 一级指标 of a score table, "效益指标 | 30"
    over "社会效益指标 | 30"): two rows of one value are otherwise siblings."""
    n = len(parts)
    if n < 2 or n > _LEVEL_ROWS:
        return None
    values = [Value.of(p) for p in parts]
    classes = vocab.cue(heads) if vocab is not None else None
    exclusive = heads == "function_class"  # (a 类 is under no 类; a 满意度 row may be a 一级 or a 二级 one)
    # (a table cell's label is its row's and its column's: "社会保障和就业支出基本支出"; its concept is the row's)
    is_class = [classes is not None and bool(classes.match(clean_label(p.label))
                                             or p.in_table and p.concept and classes.match(p.concept)) for p in parts]
    # (the sole 款 right under a 类, of its value, may stand over a sole 项 in turn: 住房保障支出 100 ⏎
    # 住房改革支出 100 ⏎ 住房公积金 100)
    # (in a table by 类/款/项 a 款 may stand over its sole 项 of its value too, under any 类: 人大事务 5,404,277.22
    # ⏎ 一般行政管理事务 5,404,277.22 — the rows of a score table are siblings then)
    may_have_one = [c or (n > 0 and is_class[n - 1] and values[n] == values[n - 1])
                    or (exclusive and parts[n].in_table and n + 1 < len(parts) and values[n + 1] == values[n]
                        and not is_class[n + 1])
                    for n, c in enumerate(is_class)]

    sums: dict[tuple[int, ...], Value] = {}  # the sum of some rows' values, added in their order, once
    # (when no sum of these rows needs more digits than the decimal context keeps, every sum is exact, in
    # whatever order it is added: a reading's is then its first row added to the sum of the rest, made
    # already — one addition, not one a row)
    exact = _sums_exact(values)

    def total_of(tops: tuple[int, ...]) -> Value:
        found = sums.get(tops)
        if found is None:
            rest = sums.get(tops[1:]) if exact and len(tops) > 1 else None
            found = sums[tops] = values[tops[0]] + rest if rest is not None else _total_of(values, tops)
        return found

    @lru_cache(maxsize=None)
    def is_node(a: int, e: int) -> bool:
        """Rows a..e-1 can be one node: row a alone, or over a reading of the rows under it that
        makes it.  (Asked once for each a and e, not again for every stretch a..b holding them.)"""
        return e == a + 1 or any(tops and (len(tops) > 1 or may_have_one[a])
                                 and not (exclusive and is_class[a] and any(is_class[t] for t in tops))
                                 and _makes(parts[a], total_of(tops)) for tops in readings(a + 1, e))

    @lru_cache(maxsize=None)
    def readings(a: int, b: int) -> tuple[tuple[int, ...], ...]:
        """The ways rows a..b-1 split into nodes: each a tuple of the nodes' top rows — one for each
        sum the top rows make (the fewest rows), since only that sum is asked of a reading: chains of
        equal rows (a 类 over its sole 款 over its sole 项) would otherwise multiply the readings."""
        if a == b:
            return ((),)
        out: dict[Decimal, tuple[int, ...]] = {}
        for e in range(b, a, -1):  # the node of row a spans rows a..e-1 (the widest first: kept under the cap)
            if not is_node(a, e):
                continue  # (a 类 row is no 款 of another 类 row)
            for rest in readings(e, b):
                tops = (a, *rest)
                key = total_of(tops).value
                if key not in out or len(tops) < len(out[key]):
                    out[key] = tops
                if len(out) >= _LEVEL_READINGS:
                    return tuple(out.values())
        return tuple(out.values())

    nested = [tops for tops in readings(0, n) if len(tops) < n and _makes(total, total_of(tops))]
    del is_node, readings  # (each calls the other through its closure: a cycle the collector would have to find)
    return list(min(nested, key=len)) if nested else None


def _levels_found(total: Fact, tops: list[Fact]) -> Found:
    """ALT002 said of a list read by levels: its top rows make the total."""
    return Found("ALT002", {"zh": _sum_text(total, tops, (), "（其余各行是其上一行的下级科目，不另计）"),
                            "en": _sum_text(total, tops, (), " (the other rows are the lower levels of the rows above "
                                                             "them)")})


def explain_change_levels(doc: Document, changes: list[Fact], total_change: Fact, vocab=None) -> Found | None:
    """The parts' changes (signed) that do not make the total's (signed): read as levels (款 under 类,
    人员经费 and 公用经费 under 基本支出), the top rows' changes do (ALT002); or the table's rows go on
    past those read (ALT005)."""
    levels = nested_levels(changes, total_change, vocab)
    if levels is not None:
        return _levels_found(total_change, [changes[i] for i in levels])
    return _ROWS_GO_ON if rows_go_on(doc, total_change, changes) else None


def _sums_exact(values: list[Value]) -> bool:
    """Every sum of some of `values` (and of their tolerances), added from zero in any order, is exact in
    the current decimal context: no such sum has more significant digits than it keeps.  (A bound: the
    digits from the largest possible sum down to the smallest exponent among the terms and zero.)"""
    prec = getcontext().prec
    count_digits = len(str(len(values)))  # (a sum of n terms is below n times the largest)
    for terms in ([v.value for v in values], [v.tolerance for v in values]):
        if not all(d.is_finite() for d in terms):
            return False
        nonzero = [d for d in terms if d]
        if not nonzero:
            continue
        low = min(0, *(d.as_tuple().exponent for d in terms))
        high = max(d.adjusted() for d in nonzero) + count_digits
        if high - low + 1 > prec:
            return False
    return True


def _total_of(values: list[Value], rows: tuple[int, ...]) -> Value:
    out = Value(Decimal(0), Decimal(0))
    for i in rows:
        out = out + values[i]
    return out


def _runs_that_make(total: Fact, parts: list[Fact], subtracted) -> Iterable[list[Fact]]:
    """The runs of `parts` that make `total`, in the order they are tried: every stretch
    of two or more but not all of them, the list without one of its inner parts (a nested
    item read in), every other part (two table columns read across).  Each run's sum
    comes from running sums (one addition per part, not one per part of every run)."""
    n = len(parts)
    values = [Value.of(p) for p in parts]
    taken = _sum((), subtracted)  # what is taken away: −Σ values, Σ half-widths
    prefix = [Value(Decimal(0), Decimal(0))]
    for v in values:
        prefix.append(prefix[-1] + v)

    def makes(value: Decimal, tolerance: Decimal) -> bool:
        return _makes(total, Value(value + taken.value, tolerance + taken.tolerance))

    if n <= MAX_RUN_SEARCH:
        for i in range(n):
            for j in range(i + 2, n + 1):
                if (i, j) != (0, n) and makes(prefix[j].value - prefix[i].value,
                                              prefix[j].tolerance - prefix[i].tolerance):
                    yield parts[i:j]
    whole = prefix[n]
    for k in range(1, n - 1):
        if makes(whole.value - values[k].value, whole.tolerance - values[k].tolerance):
            yield parts[:k] + parts[k + 1:]
    if n >= 4:
        for run in (parts[0::2], parts[1::2]):
            if _holds(total, run, subtracted):
                yield run


def _missed_part(doc: Document, total: Fact, parts: list[Fact], subtracted) -> Found | None:
    used = {f.id for f in (total, *parts, *subtracted)}
    for p in parts:  # a part's own sub-items are inside it, not beside it
        used |= doc.sub_parts.get(p.id, set())
    seen: set[int] = set()
    pool = []
    for anchor in (total, *parts):
        for f in doc.around(anchor):
            if f.id in used or f.id in seen or f.kind != total.kind or f.unit != total.unit or f.is_bound \
                    or f.concept in CHANGE_CONCEPTS:  # ("比上年增加50.00万元": a change, no part)
                continue
            seen.add(f.id)
            pool.append(f)
    # ("(一)货物类采购300.00万元,其中:…\n(二)工程类采购…,服务类采购…,合计17367.60万元": a 合计 in a numbered item may close
    # the items before it too — the first amount of each earlier item of its numbering)
    for f in _earlier_items(doc, total):
        if f.id not in used and f.id not in seen and f.kind == total.kind and f.unit == total.unit and not f.is_bound:
            seen.add(f.id)
            pool.append(f)
    # (a 总计 holds the balance carried in or on, which a 决算 may state paragraphs later: "支出总计3676.72万元,其中基本支出
    # …、项目支出…" … "年末结转和结余225.51万元")
    if "总计" in total.label and not any(_CARRIED_BALANCE.search(p.label) for p in parts):
        for f in doc.carried_balances:
            if f.id not in used and f.id not in seen and f.kind == total.kind and f.unit == total.unit \
                    and not f.is_bound:
                seen.add(f.id)
                pool.append(f)
    # (a column of a table, each of its figures on a line of its own: a row it left out is another line — a cell beside
    # a part in its row is another column's, "| 舞蹈 | 46 | 18.62 |" no count missed by the 總計 of 項; the total's own
    # row may hold what its one child row leaves out, "卫生健康支出 | 1,541.80 | 723.17 | 818.63")
    rows = {p.span.line for p in parts} if total.in_table and all(p.in_table for p in parts) else set()
    if len(rows) == len(parts) and total.span.line not in rows:
        pool = [f for f in pool if f.span.line not in rows]
    listed = _sum(parts, subtracted)  # once, not once per candidate
    for f in pool:
        if _makes(total, listed + Value.of(f)):
            return Found("ALT003", {"zh": _sum_text(total, [f, *parts], subtracted, f"（加上{_where(f, total)}的 {f.text}）"),
                                    "en": _sum_text(total, [f, *parts], subtracted, f" (with {f.text} of {_where(f, total, 'en')})")})
    return _list_goes_on(doc, total, parts, subtracted, listed, {f.id for f in pool})


def _list_goes_on(doc: Document, total: Fact, parts: list[Fact], subtracted, listed: Value,
                  pool: set[int]) -> Found | None:
    """The list goes on in the sentence right after its last part, opened by 此外 / 另有 / 另外 / 还有 (vocabulary
    list_goes_on): "本年支出合计7,087.30万元。其中：基本支出…；项目支出…。此外，经营支出416.50万元，…；对附属单位补助支出
    150.00万元" — the parts with the amounts of that sentence, the first ones or all, make the total (a 事业单位's 经营支出,
    上缴上级支出, 对附属单位补助支出 beside 基本 and 项目)."""
    if not parts or any(f.in_table for f in (total, *parts)):
        return None
    text = doc.text
    last = max(parts, key=lambda p: p.span.end)
    stop = text.find("\n", last.span.end)
    stop = len(text) if stop < 0 else stop
    end = text.find("。", last.span.end, stop)
    if end < 0:
        return None
    m = _cue("list_goes_on").match(text[end + 1:stop])  # (a slice: the cue is anchored at its start)
    if m is None:
        return None
    opened = end + 1 + m.end()
    close = text.find("。", opened, stop)
    close = stop if close < 0 else close
    # (the amounts of that sentence the single-figure look above could take: its own kind, unit, no change)
    more = sorted((f for f in doc.facts if f.id in pool and opened <= f.span.start < close), key=lambda f: f.span.start)
    if len(more) < 2:
        return None
    running = listed
    for k, f in enumerate(more):
        running = running + Value.of(f)
        if k and _makes(total, running):
            run = more[:k + 1]
            note = "、".join(f.text for f in run)
            return Found("ALT003", {"zh": _sum_text(total, [*parts, *run], subtracted, f"（加上其后“{m.group().strip(' ,，:：')}”一句的 {note}）"),
                                    "en": _sum_text(total, [*parts, *run], subtracted,
                                                    f" (with {note} of the sentence after it, opened by {m.group().strip(' ,，:：')})")})
    return None


_CARRIED_BALANCE = lazyre.compile(r"结转|结余")


def _earlier_items(doc: Document, total: Fact) -> list[Fact]:
    """The first amount of each numbered line of the total's numbering style above the total's own item (up to the
    last line of another style), when the total stands in such an item."""
    text = doc.text
    own_start = doc.line_start(total.span.start)
    own = NUMBERED_LINE.match(text, own_start)
    if own is None:
        return []
    style = item_style(own.group().strip(" \t|"))
    out = []
    end = own_start
    for _ in range(_ITEMS_BACK):
        if end <= 0:
            break
        start = doc.line_start(end - 1)
        m = NUMBERED_LINE.match(text, start)
        if m is not None:
            if item_style(m.group().strip(" \t|")) != style:
                break  # (a heading of another level: the items above it are another list's)
            first = next((f for f in doc.facts if start <= f.span.start < end and f.kind == "amount"), None)
            if first is not None:
                out.append(first)
        end = start
    return out


_ITEMS_BACK = 20  # lines


def _where(f: Fact, total: Fact, lang: str = "zh") -> str:
    """Where the missed part stands, seen from the total."""
    if f.window == total.window or f.in_table:
        return "同段" if lang == "zh" else "the same paragraph"
    return f"第{f.span.line}行" if lang == "zh" else f"line {f.span.line}"


def _closed_and_complete(total: Fact, parts: list[Fact], vocab) -> bool:
    """The parts are every member a closed vocabulary family of the total can have
    (“三公” = 出国 + 公车 + 接待): such a list cannot go on past a cut."""
    if vocab is None:
        return False
    if len(parts) == 2 and total.in_table and _complement_sides(parts, vocab):
        return True  # (two rows named as the two sides of one whole: "城市 ⏎ 农村" under a count, 税收收入 and 非税收入)
    if not total.concept or any(p.concept is None for p in parts):
        return False
    concepts = [p.concept for p in parts]
    return any(total.concept in fam.totals and not fam.open and not fam.optional and fam.covers(concepts)
               for fam in vocab.families.values())


def _complement_sides(parts: list[Fact], vocab) -> bool:
    """The two parts' labels are the two sides of one vocabulary complement_pair (税收收入 / 非税收入, 城市 / 农村)."""
    pair = vocab.cue("complement_pair")
    sides = [pair.search(p.label.strip()) for p in parts]
    return all(sides) and sides[0].lastgroup != sides[1].lastgroup and sides[0].lastgroup[1:] == sides[1].lastgroup[1:]


def closed_family(total: Fact, parts: list[Fact], vocab) -> bool:
    """Every part a member of a closed vocabulary family of the total (“三公” = 出国 + 公车
    + 接待, and the 公车 items inside): a list the vocabulary names, not one read past its end."""
    if vocab is None or not total.concept or any(p.concept is None for p in parts):
        return False
    return any(total.concept in fam.totals and not fam.open and all(p.concept in fam.members for p in parts)
               for fam in vocab.families.values())


_PAGE_BREAK = lazyre.compile(r"^\s*(?:\f|[-—]\s*\d+\s*[-—]|第\s*\d+\s*页|\d+\s*/\s*\d+\s*$)")


_LAST_ITEM = 600  # characters of a last item the text may end inside
_OPEN_TAIL = 200  # characters an excerpt may run on after a list's last part without closing its sentence


def rows_go_on(doc: Document, total: Fact, parts: list[Fact]) -> bool:
    """A table's total row above its parts, and the line right after the last part's line a row of
    the table too (a row the reading dropped: "| 经营支出 | — | 20.00 | 20.00 | |") — not when the next table's header
    comes first ("| 一级指标 | 二级指标 | … |" under a 自评表's 资金 rows), nor when the line is a sentence in a cell
    ("| 年度总体目标 | 新建高标准农田45万亩,…。 |")."""
    if not parts or not all(p.in_table for p in parts) or total.span.start > min(p.span.start for p in parts):
        return False
    text = doc.text
    own = _header_line(text, total.span.start)
    last = max(parts, key=lambda p: p.span.start)
    # (the rows read as only some of the last part's own, under a note that not all are listed)
    own_rows = {p.id for b in doc.lists if b.total.id == last.id and UNLISTED_VIA in b.via for p in b.parts}
    end = text.find("\n", max(p.span.end for p in parts))
    for _ in range(5):  # (past blank lines, a 续表 line and the header repeated after a page's end)
        if end < 0:
            return False
        nxt = text.find("\n", end + 1)
        at, upto = end + 1, nxt if nxt >= 0 else len(text)
        line = text[at:upto].strip()
        end = nxt
        if not line or _CONTINUED.fullmatch(line) or (line.count("|") >= 2 and not re.search(r"\d", line)):
            if own is not None and _other_header(line, own):
                return False  # (another table's header: the rows after it are that table's)
            continue
        return line.count("|") >= 2 and bool(re.search(r"\d", line)) and bool(re.search(r"[\u4e00-\u9fff]", line)) \
            and not re.search(r"合\s*计|总\s*计|小\s*计", line) and not _SUB_ROW.match(line) and "。" not in line \
            and not any(at <= f.span.start < upto and f.id in own_rows for f in doc.neighbours(total))
        # (… nor a row read as one of the last part's own, some of them: "| 住房保障支出 | 927.56 | ⏎ | 住房改革支出 |
        # 864.20 |", a 款 row under its 类 row where the note says the small 款 are not listed)
    return False


def _sources_whole(parts: list[Fact]) -> bool:
    """Sources of money ending with the rest of it ("当年财政拨款 …;上年结转 …;其他资金 …"): all of them."""
    last = max(parts, key=lambda p: p.span.end)
    return bool(_THE_REST.match(clean_label(last.label))) and all(
        FUNDING_SOURCE.search(clean_label(p.label)) or p is last for p in parts)


def _bar_cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _header_line(text: str, at: int) -> str | None:
    """The header of the bar table holding offset `at`: the nearest line above it of bar cells and no digit that
    is no rule ("| --- | --- |")."""
    for _, line in lines_above(text, at, _HEADER_REACH):
        line = line.strip()
        if line.count("|") < 2:
            return None
        if re.search(r"\d", line) or not line.strip("|-: "):
            continue
        return line
    return None


_HEADER_REACH = 60  # rows above a total its header may stand


def _other_header(line: str, own: str) -> bool:
    """A line of bar cells naming columns other than the table's own header's: three names at least (a group's
    heading row names one)."""
    cells = [c for c in _bar_cells(line) if c]
    return len(cells) >= 3 and line.strip("|-: ") != "" and cells != [c for c in _bar_cells(own) if c]


_ROWS_GO_ON = Found("ALT005", {"zh": "合计行在上，其下的表格行在所读各行之后仍在继续（该行未能读出），分项可能未读全",
                               "en": "the total row stands above, and the table's rows go on past the rows read (that "
                                     "row could not be read): the parts may not all have been read"})
# (a row's own total, or a 科目 group closed by the next row of its level: no row of it lies past those read)
_ROWS_READ_WHOLE = frozenset({"table_row_total", "code_levels"})
_SUB_ROW = lazyre.compile(r"\|?\s*(?:其中|含|\(\d+\)|[①-⑳])")  # (the last part's own rows: not a part dropped)


_CONTINUED = lazyre.compile(r"[(（]?续(?:表|上表|前表)?[)）]?|续表\s*\d*")


_THE_REST = lazyre.compile(r"^(?:其中[:：]?)?(?:其[他它]|其余|剩余)(?:资金|来源|收入|支出)")


def _cut_off(doc: Document, parts: list[Fact], breakdown: Breakdown | None) -> bool:
    """The text ends (or a page breaks) right after the list's last part, before the
    list could end: its sentence is still open, or it is a list of lines or paragraphs
    (numbered items, parts on the following lines) that may go on after the cut."""
    if not parts or not doc.text:
        return False
    end = max(p.span.end for p in parts)
    last = max(parts, key=lambda p: p.span.end)
    if _sources_whole(parts):
        return False  # ("当年财政拨款 …;上年结转 …;其他资金 …": sources of money ending with the rest of it are all of them)
    if all(p.in_table for p in parts):
        # (a table row's other cells after its part, then a page break: "…931.78  750.39  181.39 ⏎ ⏎ 第 27 页 ⏎ 续表")
        line_end = doc.text.find("\n", end)
        if line_end >= 0 and _PAGE_BREAK.match(doc.text[line_end:line_end + 40]):
            end = line_end
    rest = doc.text[end:]
    tail = rest.strip(" \t\r\n。;,.、|")
    # "…9万元,科": the text stops inside the next part's name
    # (not a closed sentence after a table: "…| 171.53 | ⏎ 两种分类口径下的支出合计相同。")
    unfinished = 0 < len(tail) <= 20 and not re.search(r"[\d。!?！？\n]", tail) and not re.search(r"[。!?！？]\s*$", rest)
    # "…9万元,科⏎⏎(what the page shows next)": the line stops inside the next part's name
    line_rest = rest.split("\n", 1)[0]
    line_tail = line_rest.strip(" \t\r。;,.、|")
    cut_line = bool(re.match(r"[^\n]*\n[ \t]*\n", rest)) and line_rest.rstrip().endswith(line_tail) \
        and 0 < len(line_tail) <= 20 \
        and bool(re.search(r"[,、]\s*[\u4e00-\u9fff]{1,20}$", line_rest.rstrip())) \
        and not re.search(r"[\d。!?！？;；:：]", line_tail)
    # "…3357.17万元、东湖区…修复项目" and the text ends: the list's sentence never closes
    open_to_end = len(rest.strip()) <= _OPEN_TAIL and not re.search(r"[。!?！？|]", rest) \
        and not any(p.in_table for p in parts)
    if cut_line or open_to_end or _ends_inside(doc, parts, breakdown):
        return True
    if not (len(tail) == 0 or unfinished or _PAGE_BREAK.match(rest)):
        return False
    by_lines = len({p.window for p in parts}) > 1 or (breakdown is not None and (
        breakdown.reason in {"numbered_items", "table_rows"} or breakdown.core is not None))
    return by_lines or not re.search(r"[。!?]", rest)


def _ends_inside(doc: Document, parts: list[Fact], breakdown: Breakdown | None) -> bool:
    """A list of lines or numbered items whose last item the text ends inside: the last
    line stops mid-sentence and no further item or heading opens after the last part."""
    end = max(p.span.end for p in parts)
    rest = doc.text[end:]
    by_items = breakdown is not None and breakdown.reason in {"numbered_items", "dimension_split", "table_rows"}
    if not by_items or len(rest) > _LAST_ITEM or re.search(r"[。!?！？:：;；)）」”\"|]\s*$", doc.text):
        return False
    if breakdown.reason == "table_rows":
        # the table runs on to the cut, its 合计 row above its rows: the rows after the cut are lost
        return breakdown.total.span.start < parts[0].span.start and all(len(line) <= 60 for line in rest.split("\n")) \
            and not re.search(r"\n\s*[一二三四五六七八九十]+、", rest)
    return not any(NUMBERED_LINE.match(rest, m.end()) for m in re.finditer(r"\n", rest))


# A figure whose neighbourhood shows extraction damage: "2、7万元", "35. 3万元",
# a character lost right before it, a bare number glued to the next by 、.
_GLUED_BEFORE = lazyre.compile(r"\d(?:、|\.\s+|\s+)$")
_LOST_BEFORE = lazyre.compile(r"[?\ufffd^~]$")
_ODD_AFTER = lazyre.compile(r"^[\^~\ufffd]")
_GLUED_AFTER = lazyre.compile(r"^、\s*\d")
_LIST_OPENER_BEFORE = lazyre.compile(r"分别|各(?:为|是|自)")
_UNIT = lazyre.compile(r"[元%分万亿]")
# … but not a figure in a run of bare numbers a list opener starts, their unit written once at its end
# ("分别为87、679、341万元": each 、 separates two parts; "分别为1,754.46、1,788.16、711.35万元" groups thousands too)
_NUMBER_RUN_BEFORE = lazyre.compile(r"(?:分别|依次|各)(?:为|是|达|下达|安排|拨付)?[:]?\s*(?:\d+(?:,\d{3})*(?:\.\d+)?、\s*)+$")
_RUN_REACH = 80


def _garbled(doc: Document, figures: Iterable[Fact]) -> Found | None:
    for f in figures:
        if f.in_table or not doc.text:
            continue
        before = doc.text[max(0, f.span.start - 3):f.span.start]
        after = doc.text[f.span.end:f.span.end + 3]
        unitless = not _UNIT.search(f.text)
        glued_after = unitless and _GLUED_AFTER.match(after) and \
            not _LIST_OPENER_BEFORE.search(doc.text[max(0, f.span.start - 30):f.span.start])
        glued_before = _GLUED_BEFORE.search(before) and not (
            before.endswith("、") and _NUMBER_RUN_BEFORE.search(doc.text, max(0, f.span.start - _RUN_REACH), f.span.start))
        if glued_before or _LOST_BEFORE.search(before) or glued_after or _ODD_AFTER.match(after):
            shown = doc.text[max(0, f.span.start - 2):f.span.end + (3 if glued_after else 0)]
            return Found("ALT006", {"zh": f"“{shown}”在提取时可能受损", "en": f"“{shown}” may have been damaged in extraction"})
    return None


# an amount whose unit extraction or a typo damaged, so the reading took no figure there:
# "③…支付71.01万地,资金执行率30%" (万 followed by what no unit of money, people or land is)
# (a line break may cut it too: "71⏎.01万地")
# (the character before its first digit looked at from that digit: a pattern that opens with a lookbehind is tried at
# every position)
_UNREAD_AMOUNT = lazyre.compile(r"\d(?<![\d.]\d)\d*(?:[ \t]*\n?[ \t]*\.\d+)?\s*[万亿]"
                                r"(?![元人户亩吨株头只台件个次名所座套辆平公千米])(?=[\u4e00-\u9fff])")


def _unread_amount_among(doc: Document, parts: list[Fact]) -> Found | None:
    """An amount between a list's first and last part that was not read as a figure, its
    unit damaged: the list may be missing that part (ALT006)."""
    if len(parts) < 2 or not doc.text or any(p.in_table for p in parts):
        return None
    start, end = min(p.span.start for p in parts), max(p.span.end for p in parts)
    m = _UNREAD_AMOUNT.search(doc.text, start, end)
    if m is None:
        return None
    shown = doc.text[m.start():m.end() + 1].replace("\n", "⏎")
    return Found("ALT006", {"zh": f"清单中的“{shown}”单位受损，未读作分项", "en": f"“{shown}” in the list has a damaged unit and was not read as a part"})


# a number a line break cut in two: "完成预算的9⏎9.2%", "年度资金总额 … 100.00% 1⏎0"
# (a next line opening with an item marker, "1.稅課…", "2、", or a row's 科目 code, "2010101 行政运行", continues no number;
# nor does one opening with a date or a stretch of months, "1-9月,…", "4月 13.02 …", "2024年…")
# (nor a row's number under a 序号 column, a space before the row's name: "…15 15⏎2 产出 数量 新植乔木 …")
_CUT_AFTER = lazyre.compile(r"[ \t]*\n[ \t]*(?!\d{1,2}[.、．](?!\d))(?!\d{3}(?:\d{2}){0,2}\s+[\u4e00-\u9fff])"
                            r"(?!\d{1,4}(?:\s*[-—–~至]\s*\d{1,2})?\s*[年月日])(?!\d{1,2}[ \t][\u4e00-\u9fff]{2})[\d.．%]")
_WHOLE_GROUPED = lazyre.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_GROUPED_LINE_NEXT = lazyre.compile(r"[ \t]*\n[ \t\u3000]*\d{1,3}(?:,\d{3})+(?:\.\d+)?(?:[ \t\u3000]|$)", re.M)
_GROUPED_LINE_END = lazyre.compile(r"(?:^|(?<=[ \t\u3000|]))\d{1,3}(?:,\d{3})+(?:\.\d+)?[ \t\u3000]*$")
_TOTAL_ROW_LINE = lazyre.compile(r"[ \t|\u3000]*(?:总\s*分|合\s*计|总\s*计|得分合计)(?![\u4e00-\u9fff])")
# (… or a line ending in a figure's first thousands-groups and their comma: "支出合计1,284,⏎465.30万元" — the figure read
# after the break is its tail only)
_CUT_BEFORE = lazyre.compile(r"(?:[\d.．]|\d{1,3}(?:,\d{3})*,)[ \t]*\n[ \t]*$")
_BARE_NUMBER = lazyre.compile(r"^\s*[\d.,%]*\s*$")


def _ends_cut(text: str, line_start: int, start: int) -> bool:
    """The text ends on a figure where its line is unfinished: in prose, right after the
    words that name it ("完成率为8"); in a table whose rows end with "|", a row without it;
    in a table whose rows end with a figure, a row narrower than the row of figures above it; in a
    table of cells one per line whose figures group their thousands, a last cell of three digits or
    fewer, no group ("860" of "860,000")."""
    line = _BOX_BAR.sub("|", text[line_start:].rstrip())  # (a box-drawn grid's │ is a bar too)
    previous = _BOX_BAR.sub("|", _line_above(text, line_start))
    if "|" not in line:
        # (a table of cells one per line whose last cell, a figure alone on its line, ends the text)
        return (start > 0 and "\u4e00" <= text[start - 1] <= "\u9fff") or (
            bool(_GROUP_HEAD.fullmatch(line.strip())) and bool(_GROUPED.fullmatch(previous.strip())))
    # a row that does not close as the one above does, or stops short of where it ends
    if previous.endswith("|") and not line.endswith("|"):
        return True
    return previous[-1:].isdigit() and previous.count("|") == line.count("|") \
        and display_width(line) < display_width(previous)


def _line_above(text: str, line_start: int) -> str:
    """The last non-blank line before the line starting at `line_start` (without copying the text)."""
    end = line_start - 1
    while end > 0:
        begin = text.rfind("\n", 0, end) + 1
        if text[begin:end].strip():
            return text[begin:end].rstrip()
        end = begin - 1
    return ""


_BOX_BAR = lazyre.compile(r"[│┃║]")
_GROUP_HEAD = lazyre.compile(r"\d{1,3}")
_GROUPED = lazyre.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def cut_in_extraction(doc: Document, spans: Iterable[tuple[int, int]],
                      needed: tuple[int, int, str] | None = None, values=None) -> Found | None:
    """A figure of the relation that extraction may have cut (PDF and web extraction wrap
    lines anywhere, inside a number too; an excerpt stops anywhere): it ends a line that
    holds more than the figure, with no unit after it, and the next line opens with a
    digit; it opens a line and the line before, holding more than a number, ends with
    one; or the text ends on it, with no unit after it.
    Every check's failing relation is tried against this before it accuses."""
    text = doc.text
    for start, end in spans:
        if not text or end > len(text) or start >= end:
            continue
        line_start = doc.line_start(start)
        cut = None
        if text[end - 1].isdigit() and not text[end:].strip() and _ends_cut(text, line_start, start) \
                and not _TWO_DECIMALS.search(text, start, end):
            # (a figure written to two decimals, "总分 | 100 | 97.88" closing a table, is whole: reports write no more)
            cut = (start, end)  # the text ends on the figure: an excerpt may have cut it ("85.75%" as "8")
        elif text[end - 1].isdigit() and _CUT_AFTER.match(text, end) and text[line_start:start].strip() \
                and not (_TWO_DECIMALS.search(text, start, end) and _TOTAL_ROW_LINE.match(text, line_start)) \
                and not (_WHOLE_GROUPED.fullmatch(text, start, end) and _GROUPED_LINE_NEXT.match(text, end)):
            # (… unless it closes a table's total row written to two decimals: "总分　　100　99.25⏎156座大棚…" — a
            # total is whole, as at the text's end)
            # (… nor a figure with its thousands grouped ending a statement's row, the next row opening with another so
            # written: "其他開支   87,654   90,123⏎        2,311,098   2,222,220" — two whole figures, no digits torn off)
            cut = (start, text.find("\n", end) + 2)
        elif _CUT_BEFORE.search(text, max(0, start - 8), start):
            prev_start = doc.line_start(line_start - 1) if line_start > 0 else text.rfind("\n", 0, -1) + 1
            # (… nor a figure with its thousands grouped opening a statement's unnamed row, the row above ending with
            # another so written: "遞延收入 276,912 266,044⏎365,864 333,876" — two whole figures, as above)
            if not _BARE_NUMBER.match(text[prev_start:line_start - 1]) \
                    and not (_WHOLE_GROUPED.fullmatch(text, start, end)
                             and _GROUPED_LINE_END.search(text, prev_start, line_start - 1)):
                cut = (line_start - 3, end)
                head = _GROUPED_HEAD_CUT.search(text, max(0, line_start - 16), line_start)
                if head is not None and (
                        values and (start, end) in values
                        and not _joined_makes_it(head.group(1), text[start:end], *values[(start, end)])
                        or needed is not None and needed[:2] == (start, end)
                        and not _may_open(head.group(1) + text[start:end], needed[2])):
                    cut = None  # (the head and the figure joined are not what the relation needs: no cut explains it)
        if cut is not None and cut[0] == start and needed is not None and needed[:2] == (start, end) \
                and not _may_open(text[start:end], needed[2]):
            # ("总分 | | 100 | 80" ending the text, its rows adding to 100: a figure cut there is the first digits of
            # what it stands for — 80 opens no 100, so no cut makes the relation hold)
            cut = None
        if cut is not None:
            shown = text[max(0, cut[0]):cut[1]].replace("\n", "⏎")
            return Found("ALT006", {"zh": f"“{shown}”中的数字可能被换行或文本末尾截断",
                                    "en": f"a figure in “{shown}” may have been cut by a line break or where the "
                                          f"text ends"})
    return None


_GROUPED_HEAD_CUT = lazyre.compile(r"(?<![\d,.])(\d{1,3}(?:,\d{3})*),[ \t]*\n[ \t]*$")
_NUMERAL = lazyre.compile(r"\d[\d,]*(?:\.\d+)?")


def _joined_makes_it(head: str, written: str, fact, value) -> bool:
    """Does the figure joined to the thousands-groups before its line break ("1,284," and "465.30万元") make the value
    the relation needs of it?  (Unknown: yes.)"""
    m = _NUMERAL.search(written)
    if m is None:
        return True
    try:
        shown = Decimal(m.group().replace(",", ""))
        joined = Decimal(head.replace(",", "") + m.group().replace(",", "").split(".")[0].rjust(3, "0")
                         + ("." + m.group().split(".")[1] if "." in m.group() else ""))
    except Exception:
        return True
    if not shown:
        return True
    scale = fact.value / shown
    return abs(joined * scale - value) <= 2 * fact.tolerance + abs(scale)


def _may_open(written: str, expected: str) -> bool:
    """Could the figure as written be the first digits of the value the relation needs (a figure cut after them)?
    Unknown (no digits to compare) counts as yes."""
    digits = _DIGITS_ONLY.sub("", written)
    wanted = _DIGITS_ONLY.sub("", expected.split("(")[0].split("（")[0])
    if not digits or not wanted:
        return True
    return wanted.lstrip("0").startswith(digits.lstrip("0")) or not digits.lstrip("0")


_DIGITS_ONLY = lazyre.compile(r"[^\d]")


# ---------------------------------------------------------------- ratios
_SCENARIO_TAIL = lazyre.compile(r"(?:执行数?|完成数?|决算数?|预算数?|实际|支出数|数)$")


def _name_core(label: str) -> str:
    return _SCENARIO_TAIL.sub("", clean_label(label))


def explain_share(doc: Document, stated: Fact, part: Fact, tried: list[Fact], whole_label: str,
                  named_before: Iterable[Fact] = (), labels_before: Iterable[str] = (),
                  inherited: bool = False) -> Found | None:
    """占 X 的 p%: another whole of the right concept, in the part's paragraph or of a tried whole's concept;
    for a bare 占 p%, the whole a share before it in its sentence names (`named_before`), or a figure of the
    paragraph named as those shares name their whole (`labels_before`: "增值税…,占税收的49.16%;…个人所得税…,占12.43%");
    for a bare 占 p% that took its whole from a sibling share (`inherited`), the passage's wider whole
    (_passage_whole)."""
    found = _garbled(doc, [stated, part, *tried[:1]])
    if found:
        return found
    found = _whole_of_another_unit(doc, part, tried)
    if found:
        return found
    tried_ids = {w.id for w in tried}
    # "占比69.48%(占授予中小企业合同金额)": a bracket after the share names its whole
    said = _WHOLE_IN_BRACKET.match(doc.text, stated.span.end)
    if said is not None:
        name = clean_label(said.group(1))
        for f in doc.neighbours(part):
            if f.id != part.id and f.kind == "amount" and f.unit == part.unit and not f.is_bound \
                    and len(name) >= 3 and name in clean_label(f.label) + "金额" and _ratio_holds(stated, part, f):
                return _ratio_found("ALT001", stated, part, f)
    # "岁入1,834亿元、岁出1,886亿元,其中岁入以税课收入1,184亿元为大宗(占64.6%)": the part's own words name the
    # whole it is of
    own = clean_label(part.label)
    for f in doc.neighbours(part):
        if f.id not in tried_ids and f.id != part.id and f.kind == "amount" and f.unit == part.unit \
                and not f.is_bound and f.concept and len(f.concept) >= 2 and own.startswith(f.concept) \
                and own != f.concept and _ratio_holds(stated, part, f):
            return _ratio_found("ALT001", stated, part, f)
    for w in named_before:
        if w.id not in tried_ids and w.id != part.id and w.unit == part.unit and _ratio_holds(stated, part, w):
            return _ratio_found("ALT001", stated, part, w)
    if inherited:
        whole = _passage_whole(doc, stated, part, tried)
        if whole is not None:
            return _ratio_found("ALT001", stated, part, whole)
    concepts = {w.concept for w in tried if w.concept}
    for label in [whole_label] if whole_label else list(dict.fromkeys(labels_before)) or [""]:
        core = _name_core(label.rstrip("之"))
        for f in doc.neighbours(part):
            if f.id in tried_ids or f.id == part.id or f.kind != "amount" or f.is_bound or f.unit != part.unit:
                continue
            # ("(含总预算29,640亿元及特别预算…),…占总预算岁出之26.59%": a figure named in a bracket of what a total holds)
            held = _HELD.sub("", clean_label(f.label))
            name = _name_core(f.label)
            # (… or said short, without its 收入 / 支出: "占税收的" of 税收收入)
            named = (len(core) >= 2 and (name.endswith(core) or name.endswith((core + "收入", core + "支出")))) \
                or (f.concept in concepts) or _abbreviates(name, core) or _abbreviates(core, name) \
                or (len(core) >= 4 and name != core and len(os.path.commonprefix([core[::-1], name[::-1]])) >= 4) \
                or (len(held) >= 3 and held != clean_label(f.label) and core.startswith(held))
            if named and _ratio_holds(stated, part, f):
                return _ratio_found("ALT001", stated, part, f)
    # "中央补助款50.48亿元,包括一般性补助款17.56亿元、计划型补助款32.91亿元,占岁入总额16.58%": the share
    # after a list's last part is the whole list's (ALT011)
    # (… or of a whole the share names, stated elsewhere in the paragraph: "县本级政府债务余额158.93亿元,其中一般债务…、专项
    # 债务97.88亿元,占全县债务余额的76.49%")
    for b in doc.lists_of_part.get(part.id, ()):
        if len(b.parts) >= 2 and b.parts[-1].id == part.id and b.total.span.start < part.span.start:
            whole = next((w for w in [*tried, *_wholes_named_before(doc, stated, part, whole_label)]
                          if w.id != b.total.id and _ratio_holds(stated, b.total, w)), None)
            if whole is not None:
                return _ratio_found("ALT011", stated, b.total, whole)
    # "(一)群众体育130.21万元,占总数的58.09%。(二)竞技体育93.93万元,占总数的41.91%": the whole is
    # what the listed parts add up to, not the figure the list hangs from
    for b in doc.lists_of_part.get(part.id, ()):
        if len(b.parts) >= 2 and not b.subtracted:
            computed = ratio_percent(Value.of(part), _sum(b.parts))
            if computed is not None and compare(stated, computed).verdict == "ok":
                terms = " + ".join(written(p, part) for p in b.parts)
                text = f"{written(part)} / ({terms}) = {written(stated)}%"
                return Found("ALT001", {"zh": f"{text}（以各分项之和为整体）", "en": f"{text} (of the parts' sum)"})
            # the text ends inside the list: the parts' whole sum is not known, only that it is at
            # least what the parts read so far make
            if stated.value > 0 and not _adds_up(b) and _cut_off(doc, list(b.parts), b):
                implied = part.value * 100 / stated.value
                if implied >= _sum(b.parts).value - _sum(b.parts).tolerance:
                    return Found("ALT005", {"zh": f"清单在文本截断处中断，所写占比对应的整体 {written(part)} / "
                                                 f"{written(stated)}% 不小于已读分项之和",
                                            "en": f"the list is cut off where the text ends; the whole the share "
                                                  f"implies ({written(part)} / {written(stated)}%) is at least "
                                                  f"the parts read so far"})
    return _another_part(doc, stated, part, tried)


def _whole_of_another_unit(doc: Document, part: Fact, tried: list[Fact]) -> Found | None:
    """ALT004: in a document of several units, every whole looked up by name stands in a sentence that names a unit
    the part's sentence does not ("…项目支出开展绩效自评,…资金1,408.60万元,占一般公共预算项目支出总额的89.5%" and, under
    所属单位收支情况, "(一)桐江市林业局机关。…项目支出991.41万元"): one unit's figure, not the whole the share is of."""
    if not tried or not doc.several_units:  # (the document-wide look-up last: it names every amount's unit)
        return None
    # (the part's own line names no unit: the whole document's figure — not "晋城市…其中,民生支出104.6亿元,占…" beside
    # "忻州市…128.01亿元", where the share is 晋城市's and its whole may be stated in its own line)
    line = doc.line_start(part.span.start)
    if doc.sentence_entity(part) or any(True for _ in _entity().finditer(doc.text, line, part.span.start)):
        return None
    names = {doc.sentence_entity(w) for w in tried}
    if None in names:
        return None
    named = "、".join(sorted(names))
    return Found("ALT004", {"zh": f"所找到的整体是{named}的数字，与未点明单位（整体）的分项不是同一范围",
                            "en": f"the whole found is a figure of {named}, not of the whole the part is of"})


def _passage_whole(doc: Document, stated: Fact, part: Fact, tried: list[Fact]) -> Fact | None:
    """A bare 占 p% read as of the whole a sibling share named, where it does not hold there: a wider whole stated
    before it in its passage — its paragraph, or the line of figures right above it — of which it holds ("本校114年度
    预算数4億2,000萬元…。⏎二、预算结构:经常门3億元,占71.43%,其中人事费…,占经常门86.67%;资本门1億2,000萬元,占28.57%":
    of the 4億2,000萬元 the passage opened with, not of the 经常门 人事费's share named)."""
    if stated.in_table or not tried:
        return None
    widest = max(w.value for w in tried)
    facts = doc.passage_before(stated)
    tried_ids = {w.id for w in tried}
    return next((f for f in reversed(facts) if f.kind == "amount" and f.unit == part.unit and not f.is_bound
                 and f.id != part.id and f.id not in tried_ids and f.value > widest
                 and f.concept not in CHANGE_CONCEPTS and _ratio_holds(stated, part, f)), None)


def _wholes_named_before(doc: Document, stated: Fact, part: Fact, whole_label: str) -> list[Fact]:
    """The amounts stated shortly before a share, in prose, named as the whole the share names (its name's end, or
    that name said short)."""
    core = _name_core(whole_label.rstrip("之")) if whole_label else ""
    if len(core) < 2:
        return []
    return [f for f in doc.facts_starting(stated.span.start - _NAMED_WHOLE_REACH, stated.span.start)
            if 0 < stated.span.start - f.span.start <= _NAMED_WHOLE_REACH and not f.in_table
            and f.kind == "amount" and f.unit == part.unit and not f.is_bound
            and (_name_core(f.label).endswith(core) or _abbreviates(core, _name_core(f.label)))]


def _another_part(doc: Document, stated: Fact, part: Fact, tried: list[Fact]) -> Found | None:
    """ALT015: another amount of the sentence, before the share, is the part it is of ("10年财政总支出22607万元,年平均
    2260.7万元,是同期财政收入9117万元的2.48倍": of the 22607, not of the average right before it)."""
    around = [f for f in doc.neighbours(stated) if f.sentence == stated.sentence and f.span.end <= stated.span.start]
    # ("…比2015年提高4.3个百分点(2015年税收收入29.61亿元,一般公共预算收入41.08亿元,占比72.1%)": a part and its whole
    # stated together after the last rate before the share, in its clause run)
    after_rate = list(takewhile(lambda g: g.kind != "percent", reversed(around)))[::-1]
    # ("…支出累计1592.34亿元,其中教育支出累计370.81亿元,年均92.70亿元,占一般公共预算支出的23.3%": the whole first)
    for p in after_rate:
        for w in after_rate:
            if p.kind == w.kind == "amount" and p.unit == w.unit and not (p.is_bound or w.is_bound) \
                    and (p.id, w.id) != (part.id, tried[0].id if tried else None) and p.value < w.value \
                    and _ratio_holds(stated, p, w):
                return _ratio_found("ALT001", stated, p, w)
    if not tried:
        return None
    whole = tried[0]
    for n, f in enumerate(around):
        if f.id in (part.id, whole.id) or f.kind != part.kind or f.unit != part.unit or f.is_bound:
            continue
        if any(g.kind == "percent" for g in around[n + 1:]):
            continue  # ("出国费7.8万元,占45.7%;公车费7.5万元,占46.0%": a figure with a share of its own is not this one's)
        if _ratio_holds(stated, f, whole):
            return _ratio_found("ALT015", stated, f, whole)
    return None


_NAMED_WHOLE_REACH = 600  # characters before a share where the whole it names may be stated (the section's head)
_TWO_DECIMALS = lazyre.compile(r"\.\d{2}$")
_HELD = lazyre.compile(r"^(?:含|包含|包括)")
# a numbered item titled before a colon ("2.校舍维修改造项目:全年下达资金…"): group 1 its number, group 2 its title
_TITLED_ITEM = lazyre.compile(r"\s*((?:[(（]\s*)?[0-9一二三四五六七八九十]{1,3}\s*(?:[)）]|[、.．]))\s*([^:：,，;；。\d]{2,30}?)\s*[:：]")
# … whose title names a project, a fund or a unit (not a topic: "1.收入情况:")
_ITEM_NAMED = lazyre.compile(r"(?:项目|工程|专项|资金|经费|基金|计划|行动|局|院|校|所|队|处|站|中心|公司|机关)$")
# a bracket right before a figure saying what it holds or leaves out: "其他收入(含上级补助收入)102.28万元"
_HOLDS_BEFORE = lazyre.compile(r"[（(](?:含|包含|包括|不含|不包括|扣除)[^()（）\d]{1,20}[)）]\s*(?:为|是|共|计|达)?\s*$")
# the whole a share right after a figure names: "…万元,占一般公共预算基本支出的93.31%" (group 1)
_SHARE_AFTER = lazyre.compile(r"\s*[,，、]?\s*(?:占|佔)([^,，;；。%()（）\d]{2,30}?)的?(?:比例|比重)?(?:为|是)?\s*\d")
_WHOLE_IN_BRACKET = lazyre.compile(r"\s*\(\s*占([^()]{2,30}?)(?:的比例|的比重)?\s*\)")


_PLACE_HEADS = frozenset("省市县区乡镇州旗")
_YEAR_HEAD = lazyre.compile(r"^(?:19|20)\d{2}年(?:度|末|底|初)?")


def _abbreviates(short: str, name: str) -> bool:
    """"区本级支出" for "区本级一般公共预算支出": the same head and ending, the middle left out ("本级支出" for "县本级一般公共
    预算支出": the place before the head left out too)."""
    name = _YEAR_HEAD.sub("", name)
    if name[:1] in _PLACE_HEADS and short[:1] not in _PLACE_HEADS:
        name = name[1:]
    if len(short) < 4 or len(short) >= len(name) or short[:2] != name[:2] or short[-2:] != name[-2:]:
        return False
    rest = iter(name)
    return all(ch in rest for ch in short)


# a bracket right after a rate that names what it is of ("支出率85.89%(按含上年结转215.40万元的可用资金计算)",
# "结余率14.11%(结余资金与可用资金之比…)", "支出率85.95%(占实际下达数)", "到位率70.00%(按县级配套计算)")
_BASE_NAMED_AFTER = lazyre.compile(r"\s*\(\s*(?:按|以|占|即)?[^()]{0,40}?(?:计算|测算|之比|为基数|为分母|口径)[^()]*\)|"
                                   r"\s*\(\s*占[^()]{1,20}\)")
# … and the name of that base: "按已拨付资金计算" → 已拨付资金, "占实际下达数" → 实际下达数
_BASE_NAME = lazyre.compile(r"(?:按|以|占|与)(?P<name>[\u4e00-\u9fff]{2,16}?)(?:计算|测算|之比|为基数|为分母|口径|\)|$)")
_BASE_WORDS = lazyre.compile(r"^(?:含[^的]*的)|(?:资金|金额|数|额)$")


def _base_named_after(doc: Document, stated: Fact, tried: list[Fact]) -> Found | None:
    """ALT001: the rate says in a bracket after it what it is of — a base the reading did not take (one it took, its name
    in the bracket, leaves the miss as it is)."""
    m = _BASE_NAMED_AFTER.match(doc.text, stated.span.end)
    if m is None:
        return None
    said = m.group().strip()
    named = _BASE_NAME.search(said)
    core = _BASE_WORDS.sub("", named.group("name")) if named else ""
    if len(core) >= 2 and any(core[-2:] in clean_label(t.label) for t in tried):
        return None
    return Found("ALT001", {"zh": f"比率后的括号写明了它的基数{said}，与所读的基数不同",
                            "en": f"the bracket after the rate names its base {said}, not the one read"})


def explain_rate(doc: Document, stated: Fact, num: Fact, tried: list[Fact], budgets: Iterable[Fact] = (),
                 capped: bool = True) -> Found | None:
    """A rate its sentence's amounts do not give: another base of the paragraph, or a
    budget of the numerator's subject stated elsewhere (templates use different bases)."""
    found = _garbled(doc, [stated, num]) or _base_named_after(doc, stated, tried)
    if found:
        return found
    if capped and tried and stated.value == 100 and all(_exceeds_whole(num, f) for f in tried):
        computed = ratio_percent(Value.of(num), Value.of(tried[0]))
        shown = f"{written(num)} / {written(tried[0], num)} = {computed.value:.2f}% > 100%"
        return Found("ALT007", {"zh": f"{shown}（封顶记为100%）", "en": f"{shown} (capped at 100 %)"})
    tried_ids = {f.id for f in tried}
    pool = [f for f in doc.neighbours(num) if f.scenario in _BASES]
    pool += [f for f in budgets if f.concept and f.concept == num.concept]
    for f in pool:
        if f.id in tried_ids or f.id == num.id or f.kind != "amount" or f.is_bound or f.unit != num.unit:
            continue
        if base_of_another_rate(doc, stated, tried, f):
            continue
        if _ratio_holds(stated, num, f):
            return _ratio_found("ALT001", stated, num, f)
    # "第一季执行12.35亿元,第二季18.62亿元,…,首三季累计执行44.54亿元,执行率24.9%": the amount right before the
    # rate is its numerator, a budget of the paragraph its base
    before = [f for f in doc.neighbours(stated) if f.sentence == stated.sentence and f.kind == "amount"
              and f.unit == num.unit and f.span.end <= stated.span.start and not f.is_bound]
    if before and before[-1].id != num.id:
        last = before[-1]
        # (its base a budget of the paragraph, or named in the sentence: "(以本期特別預算歲出1792.85億元為基數)")
        said = [f for f in doc.neighbours(stated) if f.sentence == stated.sentence and f.span.start > stated.span.start]
        for f in [*pool, *said]:
            if f.id != last.id and f.kind == "amount" and f.unit == last.unit and not f.is_bound \
                    and _ratio_holds(stated, last, f):
                return _ratio_found("ALT001", stated, last, f)
    # "货物、工程、服务类采购预算分别为72.64万元、91.81万元、99.10万元,…节约资金65.81万元,资金节约率24.97%": the base is the
    # items' budgets added up, a run of the paragraph's figures
    row = [f for f in doc.neighbours(num) if f.kind == "amount" and f.unit == num.unit and not f.is_bound
           and f.id != num.id and f.span.end <= stated.span.start]
    for run in _runs(row, range(2, 6)) if len(row) <= 12 else ():
        computed = ratio_percent(Value.of(num), _sum(run))
        if computed is not None and compare(stated, computed).verdict == "ok":
            text = f"{written(num)} / ({' + '.join(written(f, num) for f in run)}) = {written(stated)}%"
            return Found("ALT001", {"zh": f"{text}（以各项之和为基数）", "en": f"{text} (of the items added up)"})
    # "年初预算2,950万元,…完成预算的97.79%,…年中追加预算200万元": the budget as adjusted, the
    # initial one plus what was added to it, is the base
    # (… or said beside the base, in its paragraph: "年初预算…,其中:基本支出2,915.70万元,项目支出1,946.65万元。年中追加预算
    # 613.20万元(均为项目支出)…" over "项目支出2,315.32万元,执行率90.45%" a paragraph down)
    added = [f for f in doc.neighbours(num) if f.kind == "amount" and f.unit == num.unit and not f.is_bound
             and _ADDED.search(f.label) and f.id not in tried_ids]
    for base in tried:
        near_base = [f for f in doc.neighbours(base) if f.kind == "amount" and f.unit == num.unit and not f.is_bound
                     and _ADDED.search(f.label) and f.id not in tried_ids and f not in added] \
            if base.kind == "amount" and not base.in_table and base.window != num.window else []
        for a in [*added, *near_base]:
            if base.kind != "amount" or base.unit != num.unit:
                continue
            found = _of_base_plus(num, base, a, stated, "以年初预算加追加的调整后预算为基数",
                                  "of the budget as adjusted: the initial one plus the addition")
            if found is not None:
                return found
    # "年初预算1,000.00万元,其中:基本支出600.00万元,项目支出400.00万元。年中追加预算80.00万元(其中项目支出50.00万元、
    # 基本支出30.00万元)" over "项目支出427.50万元,执行率95.00%": the base's category's share of the addition, said in
    # the addition's sentence after it, adjusts that base (427.50 / (400 + 50))
    # (… the base, when the rate's amount names its category and the base read is the whole budget, the budget's part of
    # that category said before the addition: "基本支出全年支出610.10万元,执行率96.84%" → 610.10 / (600 + 30))
    own_kind = _CATEGORY_IN.search(num.label)
    for base, a in _category_bases(doc, num, tried, added, own_kind.group(1) if own_kind else None):
        kind = _category_name(base.label)
        for p in doc.neighbours(a):
            if p.sentence != a.sentence or p.span.start <= a.span.start or p.kind != "amount" or p.unit != num.unit \
                    or p.is_bound or p.id in tried_ids or p.id == num.id or _category_name(p.label) != kind:
                continue
            found = _of_base_plus(num, base, p, stated, f"以年初预算加追加中{kind}的调整后预算为基数",
                                  f"of the budget as adjusted: the initial one plus the addition's {kind}")
            if found is not None:
                return found
    # "省级资金280万元于12月下旬才下达,…实际到位资金1120万元,到位率80%": an amount of no scenario that the rate
    # leaves out of its numerator — the money still due — makes its base with the numerator
    for base in tried:
        if base.kind == "amount" and base.unit == num.unit and base.scenario is None and stated.value < 100 \
                and base is not num and base.span.start < num.span.start \
                and _STILL_DUE.search(doc.text, base.span.end, base.span.end + 20):
            computed = ratio_percent(Value.of(num), Value.of(num) + Value.of(base))
            if computed is not None and compare(stated, computed).verdict == "ok":
                text = f"{written(num)} / ({written(num)} + {written(base, num)}) = {written(stated)}%"
                return Found("ALT001", {"zh": f"{text}（{base.text}未计入分子，与之合为基数）",
                                        "en": f"{text} ({base.text} left out of the numerator makes the base with it)"})
    return None


def base_of_another_rate(doc: Document, stated: Fact, tried: list[Fact], base: Fact) -> bool:
    """"年初预算5,620.00万元,年中调整预算6,384.50万元,…完成年初预算的109.04%,完成调整预算的95.98%": a rate naming its base's
    budget (调整预算), the base read of that budget, is not of the other budget (年初预算) another rate of its sentence is
    said to be of — the sentence sets the two bases apart, each rate naming its own."""
    own = stated.scenario
    return bool(own in _NAMED_BUDGETS and base.scenario in _NAMED_BUDGETS and base.scenario != own
                and any(t.scenario == own for t in tried)
                and any(g.kind == "percent" and g.id != stated.id and g.sentence == stated.sentence
                        and g.scenario == base.scenario for g in doc.neighbours(stated)))


_NAMED_BUDGETS = frozenset({"budget_initial", "budget_adjusted"})
_ADDED = lazyre.compile(r"追加|调增|增加预算")
# the category a budget's or an addition's part is of, its name ending the label ("其中项目支出" → 项目支出)
_CATEGORY = lazyre.compile(r"(基本支出|项目支出|人员经费|公用经费|人员支出|公用支出|工资福利支出|商品和服务支出)(?:为|合计)?$")


_CATEGORY_IN = lazyre.compile(r"(基本支出|项目支出|人员经费|公用经费|人员支出|公用支出|工资福利支出|商品和服务支出)")



def _of_base_plus(num: Fact, base: Fact, added: Fact, stated, zh: str, en: str) -> Found | None:
    """ALT001 when the rate is the numerator over a base plus an addition (the budget as adjusted), with the reading named."""
    computed = ratio_percent(Value.of(num), Value.of(base) + Value.of(added))
    if computed is None or compare(stated, computed).verdict != "ok":
        return None
    text = f"{written(num)} / ({written(base, num)} + {written(added, num)}) = {written(stated)}%"
    return Found("ALT001", {"zh": f"{text}（{zh}）", "en": f"{text} ({en})"})

def _category_bases(doc: Document, num: Fact, tried: list[Fact], added: list[Fact], own_kind: str | None):
    """(base, addition) pairs: a budget of a category (a base tried, or a budget of the rate's amount's own category said
    before an addition) and an addition near it or near the rate's amount."""
    seen = set()
    for base in tried:
        if base.kind != "amount" or base.unit != num.unit:
            continue
        near = [f for f in doc.neighbours(base) if f.kind == "amount" and _ADDED.search(f.label) and f.unit == num.unit
                and not f.is_bound]
        for a in {f.id: f for f in [*added, *near]}.values():
            bases = [base] if _category_name(base.label) else []
            if own_kind:
                bases += [f for f in doc.neighbours(a) if f.kind == "amount" and f.unit == num.unit and not f.is_bound
                          and f.span.end <= a.span.start and f.id != num.id and _category_name(f.label) == own_kind]
            for b in bases:
                if (b.id, a.id) not in seen:
                    seen.add((b.id, a.id))
                    yield b, a


def _category_name(label: str) -> str | None:
    m = _CATEGORY.search(label.strip(" :：,，、()（）"))
    return m.group(1) if m else None
_STILL_DUE = lazyre.compile(r"未到位|未下达|才下达|尚未|未拨付|滞后|延迟|推迟")  # (money said not yet arrived)


def _exceeds_whole(num: Fact, den: Fact) -> bool:
    return den.kind == num.kind and den.unit == num.unit and den.value > 0 and num.value > den.value + den.tolerance


_BASES = {"budget", "budget_initial", "budget_adjusted", "available"}


def _ratio_holds(stated: Fact, num: Fact, den: Fact) -> bool:
    computed = ratio_percent(Value.of(num), Value.of(den))
    return computed is not None and compare(stated, computed).verdict == "ok"


def _ratio_found(alt: str, stated: Fact, num: Fact, den: Fact) -> Found:
    text = f"{written(num)} / {written(den, num)} = {written(stated)}%"
    return Found(alt, {"zh": f"{text}（第{den.span.line}行的 {den.text}）",
                       "en": f"{text} ({den.text} on line {den.span.line})"})


# ------------------------------------------------------------- entities
def entity_of(fact: Fact) -> str | None:
    """The unit, region or department named before a figure ("县教育局", "晋城市"): the
    [cues] entity pattern of rules/vocabulary.toml."""
    m = _entity().search(fact.label)
    return m.group(1) if m else None


_HEADING_REACH = 200  # lines
# a unit named as the one acting on the figures ("根据县财政局批复,本单位…", "经县审计局审计确认"), not their subject
_ACTING = lazyre.compile(r"(?:批复|审计|批准|下达|核定|确认|审核|印发|通知|要求|安排|拨付)")
_ACTING_BEFORE = lazyre.compile(r"(?:根据|经|按照|依据|由|报)$")
# a unit that publishes a document whose words follow ("…、中民慈善捐助信息中心今天在北京发布的《二00八年度中国慈善捐助报告》
# 称,二00八年中国接收…共计一千零七十亿元"): the publisher, not the subject of the figures the document states
_PUBLISHING = lazyre.compile(r"[^。,，;；]{0,12}?(?:发布|公布|出版|印发)的?《[^《》]{1,40}》(?:称|显示|指出|表明)")
_HEADING_WIDTH = 24  # characters: a longer numbered line is a sentence, not a heading
_NOTE_AT_END = lazyre.compile(r"\([^()]*\)$")
_CAPTION_NUMBER = lazyre.compile(r"^(?:图表|图|表)\s*\d{1,2}(?:[-－.．]\d{1,2})?(?![\d.%万亿元])\s*")
_YEAR_HEADING = lazyre.compile(r"(?:19|20)\d{2}年度?[^\d,;。]{0,12}$")
_ITEM_TITLE = lazyre.compile(r"\s*(?:[(（]\s*[0-9一二三四五六七八九十]+\s*[)）]|[0-9一二三四五六七八九十]+\s*[、.．])\s*"
                             r"([\u4e00-\u9fff]{2,20}?)\s*(?:[(（][^()（）]{1,6}[)）])?\s*[。:：]$")
# (an item's title names a unit by any such ending: "(五)建安市地方海事所。", "(三)…管理处。")
_UNIT_TITLE = lazyre.compile(r"..(?:所|队|处|室|会|社|园|场|组|公司|机关)$")
_FIGURE_IN = lazyre.compile(r"\d[\d,.]*\s*(?:万|亿|元|%)")


def _cue(name: str):
    """A cue of the vocabulary (rules/vocabulary.toml [cues]), for the readings doubt looks at."""
    from auditor.extract.vocabulary import default_vocabulary

    return default_vocabulary().cue(name)


def _scope_words():
    return _cue("sentence_scope")


def _scope_heading():
    return _cue("scope_heading")


def _entity():
    return _cue("entity")


def explain_repeat(doc: Document, first: Fact, other: Fact, restated: bool = False,
                   in_place: bool = False) -> Found | None:
    """One quantity stated twice with two values: are they two quantities after all?
    (`restated`: the same digits are not the reason the two were paired — not a unit slip; `in_place`: the second
    restates the first in a bracket right after it, so it is of the first's unit, year and scope — only a figure
    damaged in extraction may explain them.)"""
    found = _garbled(doc, [first, other])
    if found or in_place:
        return found
    a, b = entity_of(first), entity_of(other)
    if not (a and b and a != b):  # ("市教育局基本支出…,项目支出…。同期,市卫健委基本支出…,项目支出…")
        a, b = doc.sentence_entity(first), doc.sentence_entity(other)
    if a and b and a != b:
        return Found("ALT004", {"zh": f"{a}与{b}的数字，不是同一数量", "en": f"figures of {a} and of {b}, not one quantity"})
    funds = _two_funds(doc, first, other)
    if funds:
        # ("基金资产总额30145.61亿元" of the 全国社会保障基金 and, after "此外,…基本养老保险基金(下称养老基金)…", "养老基金资产
        # 总额22315.52亿元,负债总额3760.49亿元": two funds' accounts)
        a, b = funds
        return Found("ALT004", {"zh": f"{a}与{b}的数字，不是同一数量", "en": f"figures of {a} and of {b}, not one quantity"})
    if bool(a) != bool(b) and (len(doc.sentence_entities(first.concept)) >= 2 or doc.several_units):
        # a document of several units ("(1)…分局(本级):本年收入合计…", "(2)…监测站:本年收入合计…"):
        # a figure its sentence says is one unit's is no second value of the whole's
        named = a or b
        return Found("ALT004", {"zh": f"{named}的数字与未点明单位（整体）的数字，不是同一数量",
                                "en": f"a figure of {named} and one naming no unit (the whole), not one quantity"})
    # ("2025年支出预算1508.66万元,其中:⏎基本支出1120.46万元;…2024年支出预算1529.05万元,其中:⏎基本支出1076.30万元": parts of
    # two lists whose totals are of two years are those years' figures)
    years = [{b.total.period for b in doc.lists_of_part.get(f.id, ()) if b.total.period and b.total.period.isdigit()}
             for f in (first, other)]
    if len(years[0]) == len(years[1]) == 1 and years[0] != years[1] and not (first.period or other.period):
        left, right = next(iter(years[0])), next(iter(years[1]))
        return Found("ALT004", {"zh": f"分别是{left}年与{right}年总额的分项，不是同一数量",
                                "en": f"parts of the {left} and of the {right} total, not one quantity"})
    left, right = doc.sentence_scope(first), doc.sentence_scope(other)
    if left != right:
        # "2021年度财政拨款收入、支出总计均为15589.79万元" and "2021年度收入、支出总计均为19350.88万元"
        names = "与".join(f"“{x or '全部'}”" for x in (left, right))
        return Found("ALT004", {"zh": f"分别属于{names}口径，不是同一数量",
                                "en": f"figures of two scopes ({left or 'all'}, {right or 'all'}), not one quantity"})
    left, right = doc.scope_heading(first), doc.scope_heading(other)
    # (one under "六、一般公共预算财政拨款基本支出决算情况说明", the other under a heading naming no funds:
    # that fund's figures, not all funds')
    if left != right and ((left and right) or FUND_NAME.search(left or right or "")):
        return Found("ALT004", {"zh": f"分别在“{left}”与“{right}”标题下，不是同一数量",
                                "en": f"under the headings “{left}” and “{right}”, not one quantity"})
    # ("其他收入21.85万元" and "其他收入(含上级补助收入)102.28万元": a bracket saying what one of them holds or leaves out
    # names another scope)
    held = [m.group() if m else "" for m in (_HOLDS_BEFORE.search(doc.text, max(0, f.span.start - 30), f.span.start)
                                             for f in (first, other))]
    if held[0] != held[1]:
        shown = "与".join(f"“{clean_label(f.label)}{h}”" for f, h in zip((first, other), held))
        return Found("ALT004", {"zh": f"{shown}口径不同，不是同一数量",
                                "en": f"“{first.label}{held[0]}” and “{other.label}{held[1]}” are of two scopes, not one quantity"})
    # ("1.义务教育薄弱环节改善与能力提升项目:…结转下年54.37万元。⏎2.校舍维修改造项目:…结转下年71.15万元。": the items
    # of one numbered list, each titled, are two projects' figures)
    titles = [_TITLED_ITEM.match(doc.text, doc.line_start(f.span.start)) for f in (first, other)]
    if all(titles) and titles[0].group(1) != titles[1].group(1) and titles[0].group(2) != titles[1].group(2) \
            and all(_ITEM_NAMED.search(t.group(2)) for t in titles) \
            and doc.line_start(first.span.start) != doc.line_start(other.span.start):
        left, right = titles[0].group(2), titles[1].group(2)
        return Found("ALT004", {"zh": f"分别是“{left}”与“{right}”两项的数字，不是同一数量",
                                "en": f"figures of two items, “{left}” and “{right}”, not one quantity"})
    scopes = _list_scopes(doc, first, other)
    if scopes:
        left, right = scopes
        return Found("ALT004", {"zh": f"分别是“{left}”与“{right}”的分项，不是同一数量",
                                "en": f"parts of “{left}” and of “{right}”, not one quantity"})
    if restated and _close_in_one_paragraph(doc, first, other):
        # "合计财政总收入4109121万元…其中:鄞州区…合计财政总收入3239317万元", "营业部分…总支出…;
        # 非营业部分…总支出": a report restates one quantity in another paragraph, not a sentence on
        return Found("ALT004", {"zh": "同一段中先后写出、数值不同：是两个范围（其中一部分、另一单位或另一部分）的数字",
                                "en": "two values in one paragraph: figures of two scopes (a part of it, another "
                                      "unit or part), not one quantity restated"})
    # (a unit slip's two mentions were paired by their words with a closing 数 / 额 set aside — "全年执行数" and "项目全年
    # 执行" —: so are they compared here)
    # (the words naming the one year both were read as of are no qualifier: "2023年“三公”经费支出" and "全年“三公”经费
    # 支出" in a report on 2023 are one quantity's)
    left, right = _qualifiers(*_without_year(doc.text, first, other), closing=not restated)
    if left and right and left not in right and right not in left:
        # "福彩公益金总收入" / "体彩公益金总收入": one concept, named for two funds
        return Found("ALT004", {"zh": f"“{left}…”与“{right}…”的数字，不是同一数量",
                                "en": f"figures of “{left}…” and of “{right}…”, not one quantity"})
    subjects = _line_subjects(doc, first, other)
    if subjects:
        # ("福利彩票公益金:…本年收入4218.62万元" / "体育彩票公益金:…本年收入2386.45万元"; "2022年:…" / "2023年:…";
        # "城乡居民基本养老保险基金收入合计…,支出合计…" / "城乡居民基本医疗保险基金收入合计…,支出合计…")
        left, right = subjects
        if not right:
            return Found("ALT004", {"zh": f"“{left}”的数字与未点明范围（整体）的数字，不是同一数量",
                                    "en": f"a figure of “{left}” and one naming no subject (the whole), not one quantity"})
        return Found("ALT004", {"zh": f"“{left}”与“{right}”的数字，不是同一数量",
                                "en": f"figures of “{left}” and of “{right}”, not one quantity"})
    return None


def _line_subjects(doc: Document, first: Fact, other: Fact) -> tuple[str, str] | None:
    """The two subjects that lead the figures' lines, when they differ: a label the line (or a sentence in it) opens
    with before a colon, scoping the figures after it ("福利彩票公益金:上年结转…" / "体育彩票公益金:…", "2022年:…" /
    "2023年:…"; cue line_subject, not a topic, line_topic) — both lines so labelled —, or, neither, two headings of one
    level the lines stand under (_heading_subject), else, neither so labelled, the
    words the first figure of each figure's sentence (up to a ;) puts before a concept the two share ("城乡居民基本养老保险
    基金收入合计…,支出合计…" / "城乡居民基本医疗保险基金收入合计…,支出合计…": the 支出合计 continue those subjects)."""
    labels = [_line_label(doc, f) for f in (first, other)]
    if not any(labels):
        # (neither labelled by a colon: lines each opening with a quoted name, its figures' subject — "“春蕾助学专项基金”年初
        # 余额…,本年支出468.95万元…" / "“银龄关爱专项基金”年初余额…,本年支出617.42万元…", "(一)“爱心书屋”项目…" / "(二)“营养
        # 午餐”项目…": two funds' or projects' figures; cue line_quoted_subject)
        quoted = [_cue("line_quoted_subject").match(doc.text, doc.line_start(f.span.start), f.span.start)
                  for f in (first, other)]
        if all(quoted) and doc.line_start(first.span.start) != doc.line_start(other.span.start):
            a, b = (m.group(1) for m in quoted)
            if a != b:
                return a, b
        # (neither line labelled: the headings of one level each stands under, "(一)福利彩票公益金" / "(二)体育彩票公益金")
        heads = [_heading_subject(doc, f) for f in (first, other)]
        if heads[0] and heads[1] and heads[0][0] == heads[1][0]:
            a, b = heads[0][1], heads[1][1]
            if a not in b and b not in a:
                return a, b
    if all(labels):
        a, b = labels
        return (a, b) if a not in b and b not in a else None
    if any(labels):
        # (one line labelled, where the text's lines label the concept's figures with two subjects or more: the
        # labelled is its subject's, the other their whole's — "两项合计本年收入6605.07万元" after them —, unless the
        # other's sentence names that subject: "义务教育薄弱环节改善项目结转下年46.20万元" after "1.义务教育薄弱环节改善
        # 项目:…结转下年44.20万元")
        label, bare = (labels[0], other) if labels[0] else (labels[1], first)
        if doc.text.find(label, doc.sentence_start(bare.span.start), bare.span.start) >= 0:
            return None
        return (label, "") if len(doc.line_labels(first.concept)) >= 2 else None
    leads = [_sentence_lead(doc, f) for f in (first, other)]
    if leads[0] is None or leads[1] is None or leads[0].id == leads[1].id or leads[0].concept != leads[1].concept \
            or not leads[0].concept:
        return None
    left, right = _qualifiers(*_without_year(doc.text, *leads))
    return (left, right) if left and right and left not in right and right not in left else None


def _line_label(doc: Document, fact: Fact) -> str | None:
    """The subject label that opens the last sentence of `fact`'s line starting with one before it (cue line_subject)."""
    text, start, found = doc.text, doc.line_start(fact.span.start), None
    at = start
    while at < fact.span.start:
        m = _cue("line_subject").match(text, at, fact.span.start)
        if m and not _cue("line_topic").search(m.group(1).strip()):
            found = m.group(1).strip()
        stops = [i for i in (text.find(c, at, fact.span.start) for c in "。!?") if i >= 0]
        if not stops:
            break
        at = min(stops) + 1
    return found


def _heading_subject(doc: Document, fact: Fact) -> tuple[str, str] | None:
    """The heading line `fact` stands under, as (its outline style, its subject): the nearest line above that is a heading
    of its own — an outline number and a name, no figure ("(一)福利彩票公益金" / "(二)体育彩票公益金") — scopes the lines
    under it until the next heading, as a "label:" opening the line does; not a topic ("一、总体情况": cue line_topic),
    which says nothing of whose figures follow."""
    if fact.in_table:
        return None
    end = doc.line_start(fact.span.start)
    for _ in range(_HEADING_REACH):
        if end <= 0:
            return None
        start = doc.line_start(end - 1)
        line = doc.text[start:end - 1].strip()
        number = NUMBERED_LINE.match(line)
        if number and not _FIGURE_IN.search(line):
            name = line[number.end():].strip(" :：。")
            if len(_NOTE_AT_END.sub("", line)) > _HEADING_WIDTH or len(name) < 2 or _cue("line_topic").search(name):
                return None
            # (the style of the number, "(一)" or "一、" or "1.": headings of one level are written alike)
            style = re.sub(r"[一二三四五六七八九十]+", "一", re.sub(r"\d+", "1", number.group().strip(" \t|")))
            return style, name
        end = start
    return None


def _sentence_lead(doc: Document, fact: Fact) -> Fact | None:
    """The first figure of `fact`'s sentence (up to a ;) when it is another amount before it, on its line."""
    if fact.in_table:
        return None
    opened = max(doc.sentence_start(fact.span.start, ";；"), doc.line_start(fact.span.start))
    k = bisect_left(doc.fact_starts, opened)
    lead = doc.facts[k] if k < len(doc.facts) else None
    if lead is None or lead.id == fact.id or lead.span.start >= fact.span.start or lead.in_table \
            or lead.kind != "amount":
        return None
    return lead


def _two_funds(doc: Document, first: Fact, other: Fact) -> tuple[str, str] | None:
    """The two funds the figures are of, when they are two (cue fund_entity): each named as its figure's subject, the bare
    基金 standing for the fund named before it — the one a figure's label named last, else any the other figure's is,
    written earlier in the text; a fund and the short name a bracket gives it ("基本养老保险基金(下称养老基金)") are one."""
    named = [_fund_subject(doc, f) for f in (first, other)]
    if None in named:
        return None
    for n, f in enumerate((first, other)):
        if named[n] == "基金":  # (the bare word: the fund named before it)
            earlier = doc.facts[:bisect_left(doc.fact_starts, f.span.start)]
            before = next((x for x in (_fund_named(g) for g in reversed(earlier) if not g.in_table)
                           if x and x != "基金"), None)
            if before is not None:
                named[n] = before
            elif named[1 - n] != "基金" and doc.text.find(named[1 - n], 0, f.span.start) >= 0:
                return None  # (the other fund was named before it: the bare word may stand for it)
    a, b = named
    if a == b or "基金" not in (a, b) and (_fund_alias(doc.text, a, b) or _fund_alias(doc.text, b, a)):
        return None
    return a, b


def _fund_subject(doc: Document, fact: Fact) -> str | None:
    """The fund a figure is of: named before its concept in its label ("养老基金资产总额" → 养老基金, "基金负债总额" → the bare
    基金) or — a label naming its concept alone — in the label of the figure before it in its sentence that names its
    subject ("养老基金资产总额22315.52亿元,负债总额3760.49亿元": the 负债 is the 养老基金's too)."""
    own = _fund_named(fact)
    if own is not None or fact.in_table:
        return own
    if not fact.concept or clean_label(fact.label) != fact.concept:
        return None
    k = bisect_left(doc.fact_starts, fact.span.start)
    for g in reversed(doc.facts[:k]):
        if g.sentence != fact.sentence or g.window != fact.window or g.in_table:
            return None
        named = _fund_named(g)
        if named is not None:
            return named
        if not g.concept or clean_label(g.label) != g.concept:
            return None  # (a figure naming a subject of its own, no fund: the subject goes no further back)
    return None


def _fund_named(fact: Fact) -> str | None:
    label = clean_label(fact.label)
    if not fact.concept or not label.endswith(fact.concept) or len(label) == len(fact.concept):
        return None
    m = _cue("fund_entity").match(label[:-len(fact.concept)])
    return m.group(1) if m else None


def _fund_alias(text: str, name: str, short: str) -> bool:
    """`short` is the name a bracket right after `name` gives it ("基本养老保险基金(下称养老基金)")."""
    alias = _cue("fund_alias")
    at = text.find(name)
    while at >= 0:
        m = alias.match(text, at + len(name))
        if m and text.startswith(short, m.end()):
            return True
        at = text.find(name, at + 1)
    return False


_YEAR_WRITTEN = lazyre.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")


def _without_year(text: str, first: Fact, other: Fact) -> tuple[str, str]:
    """The two labels without the words that name the whole year both figures were read as of (a year written out
    only when it is that year: "2024年" is no word of a figure read as of 2023) — unless either sentence names a part
    or a point of the year before its figure (上半年, 1—6月, 年末): then "全年" is what sets the other apart."""
    labels = (first.label, other.label)
    for f in (first, other):
        opened = max(text.rfind(mark, max(0, f.span.start - 200), f.span.start) for mark in "。\n") + 1
        said = text[opened:f.span.start]
        if any(_cue(name).search(said) for name in ("part_of_year", "opening_point", "closing_point", "month_end_point")):
            return labels
        if any(year != f.period for year in _YEAR_WRITTEN.findall(said)):
            return labels  # ("2022年因更新…车辆,…当年“三公”经费43.15万元": 当年 is the year its sentence named)
    year, own = _cue("whole_year"), _cue("own_unit_only")
    # (… and a label naming nothing but the unit itself and its verb, "本部门2024年安排" of a glossary entry, no
    # qualifier at all: the term it defines is the figure's concept)
    return tuple("" if own.match(clean_label(f.label)) else
                 year.sub(lambda m, f=f: m.group() if m.group(1) and m.group(1) != f.period else "", f.label)
                 for f in (first, other))


def _list_scopes(doc: Document, first: Fact, other: Fact) -> tuple[str, str] | None:
    """Two parts of two lists whose totals are one concept of two values, named for two scopes
    ("基本支出2,101.60万元,其中:人员经费…" and "财政拨款基本支出2,046.00万元,其中:人员经费…"):
    the labels of the totals."""
    for x in doc.lists_of_part.get(first.id, []):
        for y in doc.lists_of_part.get(other.id, []):
            if x.total.id == y.total.id or x.total.concept is None or x.total.concept != y.total.concept \
                    or x.total.value == y.total.value:
                continue
            left, right = _qualifiers(x.total.label, y.total.label)
            # (a scope the words name — a fund, 财政拨款, a unit —, not a year or a total word: "全年支出合计"
            # and "2023年度支出合计" are one quantity)
            left_scope = _scope_words().findall(left) or _entity().findall(left)
            right_scope = _scope_words().findall(right) or _entity().findall(right)
            if left_scope != right_scope:
                return clean_label(x.total.label), clean_label(y.total.label)
    return None


def _close_in_one_paragraph(doc: Document, first: Fact, other: Fact) -> bool:
    """Two figures of one paragraph of prose, at most two sentences apart (a page stored
    as one long line is one paragraph: figures far apart in it may well be one quantity)."""
    if first.window != other.window or first.in_table or other.in_table:
        return False
    earlier, later = (first, other) if first.span.start <= other.span.start else (other, first)
    return len(_SENTENCE_END.findall(doc.text, earlier.span.end, later.span.start)) <= 2


_SENTENCE_END = lazyre.compile(r"[。！？!?]")


def _qualifiers(a: str, b: str, closing: bool = False) -> tuple[str, str]:
    """What two labels say before their common ending ("福" and "体" of "…彩公益金总收入"); `closing`: with a closing
    数 / 额 of either set aside first ("全年执行数" and "项目全年执行": "" and "项目")."""
    a, b = clean_label(a), clean_label(b)
    if closing:
        a, b = _CLOSING_WORD.sub("", a) or a, _CLOSING_WORD.sub("", b) or b
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return a[:len(a) - n], b[:len(b) - n]


_CLOSING_WORD = re.compile(r"(?:数|额|金额|数额)$")


def explain_heading_gap(text: str, start: int, end: int, numerals: list[str], head: tuple[int, int] | None = None,
                        vocab=None) -> Found | None:
    """一、 → 三、 where "二、部门预算单位构成" stands inside a line between them: extraction ran
    the heading into the line before, its number is not missing.  head: where the words before the first heading of
    the run stand (its title: "…部门决算说明(节选)" — an excerpt, whose sections may skip by design; cue excerpt_said)."""
    if head is not None and vocab is not None:
        said = vocab.cue("excerpt_said").search(text, *head)
        if said:
            return Found("ALT005", {"zh": f"文中标明为节选（“{said.group().strip()}”），标题编号可能跳过未选的部分",
                                    "en": f"the text says it is an excerpt (“{said.group().strip()}”): its headings may "
                                          f"skip the sections left out"})
    between = text[start:end]
    # (the cheap test first, for each pattern: the words any match holds — what stands between two headings
    # may be most of the text, and these patterns try a match at every character of it)
    inside = [m for m in numerals if f"{m}、" in between and re.search(rf"[^\n\s][ \t\u3000]*{m}、\s*\S", between)]
    if inside and len(inside) == len(numerals):
        shown = "、".join(numerals)
        return Found("ALT006", {"zh": f"{shown}、写在一行中间（标题在提取时并入了上一行）",
                                "en": f"{shown}、 stands inside a line (the heading was run into the line before)"})
    if ("…" in between or "⋯" in between or "..." in between) and _ELLIPSIS_LINE.search(between):
        # ("三、…\n……\n六、…": a line of dots stands for the lines left out)
        return Found("ALT005", {"zh": "两标题之间有一行省略号（文中略去了部分内容）",
                                "en": "a line of dots between the headings (the text leaves lines out)"})
    said = _LEFT_OUT.search(between) if "略" in between or "列示" in between or "节选" in between \
        or "公开" in between else None
    if said:  # "(第五項…,本節錄從略。)": the text says it leaves the section out
        return Found("ALT005", {"zh": f"文中说明该部分从略（“{said.group().strip()}”）",
                                "en": f"the text says the section is left out (“{said.group().strip()}”)"})
    # ("(注:第三部分“一般公共预算支出情况”涉及涉密事项,已按规定不予公开。)": a note elsewhere names the section left out)
    for m in numerals:
        note = re.search(rf"第{m}部分[^。\n]{{0,40}}?(?:从略|略去|省略|不予公开|不公开|未公开)", text)
        if note:
            return Found("ALT005", {"zh": f"文中说明该部分从略（“{note.group().strip()}”）",
                                    "en": f"the text says the section is left out (“{note.group().strip()}”)"})
    return None


_ELLIPSIS_LINE = lazyre.compile(r"(?:^|\n)[ \t\u3000]*(?:…|⋯|\.{3})+[ \t\u3000]*(?:\n|$)")
_LEFT_OUT = lazyre.compile(r"[^。\n]{0,20}(?:从略|略去|省略|不再列示|未列示|节选|不予公开|不公开|未公开|(?<![策战])略[。)）])")


def explain_identity(doc: Document, total: Fact, parts: list[Fact]) -> Found | None:
    """An identity of figures gathered across the document: of different units?"""
    found = _garbled(doc, [total, *parts])
    if found:
        return found
    names = {e for e in (entity_of(f) for f in (total, *parts)) if e}
    if len(names) > 1:
        return Found("ALT004", {"zh": "、".join(sorted(names)) + "的数字，不是同一单位的分项",
                                "en": "figures of " + ", ".join(sorted(names)) + ", not one unit's parts"})
    # the parts' sentence naming a scope the total's does not ("基本支出2,101.60万元。一般公共预算财政拨款基本支出中,
    # 人员经费…,公用经费…"): the parts of that fund's share (a total named for a fund over parts said without it
    # are that fund's parts: checked)
    own, of_parts = doc.sentence_scope(total), {doc.sentence_scope(f) for f in parts}
    # (… or each part's share naming the whole it is of in that scope: "人员经费1359.87万元,占一般公共预算基本支出的93.31%;
    # 公用经费97.56万元,占一般公共预算基本支出的6.69%" are parts of the 一般公共预算's 基本支出, not of all funds')
    of_shares = {doc.share_scope(f) for f in parts}
    if own not in of_shares and "" not in of_shares and len(of_shares) == 1:
        of_parts = of_shares
    if any(x and x != own for x in of_parts):
        named = "、".join(sorted(x for x in {own, *of_parts} if x))
        return Found("ALT004", {"zh": f"总额与分项分属不同口径（{named}），不是同一口径的分项",
                                "en": f"the total and the parts are of different scopes ({named}), not one scope's parts"})
    found = _parallel_list(doc, total, parts)
    if found:
        return found
    # ("基本支出10730.55万元…。一般公共预算基本支出预算10367.18万元,…分别为9547.20万元和819.98万元": another figure of
    # the total's concept, of a narrower scope, is what the parts make)
    made = _sum(parts)
    scope = doc.sentence_scope(total)
    for f in doc.facts if len(parts) >= 2 else ():  # (not a balance's one figure against the other)
        # (of another scope than the total's: the total said again, unchanged, is no other reading of a slip in it)
        if f.id != total.id and f.concept == total.concept and f.kind == total.kind and f.unit == total.unit \
                and not f.is_bound and compare(f, made).verdict == "ok" and doc.sentence_scope(f) not in ("", scope):
            shown = _sum_text(f, parts, (), f"（第{f.span.line}行的 {f.text}）")
            return Found("ALT001", {"zh": shown, "en": _sum_text(f, parts, (), f" ({f.text} on line {f.span.line})")})
    # ("本年支出合计5,541.47万元…项目支出…;基本支出…;另有经营支出186.40万元": a part the identity does not name)
    return _missed_part(doc, total, parts, ())


def explain_balance(doc: Document, income: Fact, spending: Fact, vocab=None) -> Found | None:
    """收入总计 ≠ 支出总计 by exactly a figure the paragraph states ("收支相抵,结转下年14263万元"):
    the balance is written out, not broken."""
    found = explain_identity(doc, spending, [income]) or _missed_part(doc, income, [spending], ())
    if found is None:
        # ("收入总计481342万元,减支出总计473796万元,财政滚存结余7546万元": the totals said again beside the balance)
        again = [f for f in doc.facts if f.id not in (income.id, spending.id) and f.kind == income.kind
                 and f.value in (income.value, spending.value) and f.unit == income.unit]
        for f in again:
            found = _missed_part(doc, f, [spending], ()) if f.value == income.value else _missed_part(doc, income, [f], ())
            if found is not None:
                break
    if found is None:
        # ("收入总计为519719万元,…。支出总计为514485万元,…。⏎收入总计减去支出总计,结转下年5234万元。": the balance said in the
        # lines right after the totals)
        found = _balance_after(doc, income, spending, vocab)
    return found


# money carried on ("结转下年", "年终结转下年支出", "结转资金", "年终结余"), not what was carried in (上年结转: carried_balance)
_CARRIED_ON = lazyre.compile(r"结转|结余|结存")


def _balance_after(doc: Document, income: Fact, spending: Fact, vocab) -> Found | None:
    """The gap of two totals is a balance (结余, 结转下年) stated within four lines after the later of them."""
    if vocab is None:
        return None
    after = max(income.span.end, spending.span.end)
    carried_in = vocab.cue("carried_balance")
    # (more than four line breaks between `after` and a figure: the figure stands past the fifth break after `after` —
    # found once, not counted again over the text for each figure)
    fifth = after - 1
    for _ in range(5):
        fifth = doc.text.find("\n", fifth + 1)
        if fifth < 0:
            break
    for f in doc.facts:
        if f.span.start < after or 0 <= fifth < f.span.start:
            continue
        if f.kind != income.kind or f.unit != income.unit or f.is_bound \
                or not _CARRIED_ON.search(clean_label(f.label)) or carried_in.search(clean_label(f.label)):
            continue
        if _makes(income, Value.of(spending) + Value.of(f)):
            return Found("ALT003", {"zh": _sum_text(income, [spending, f], (), f"（加上其后所写的 {f.text}）"),
                                    "en": _sum_text(income, [spending, f], (), f" (with {f.text}, stated after them)")})
    return None


# --------------------------------------------------------------- changes
def explain_change(doc: Document, stated: Fact, delta: Fact | None, current: Fact | None, direction: int,
                   growth: bool, keyword: str = "", role_other: Fact | None = None) -> Found | None:
    """较上年增加 d、增长 p% that the figure read as the changed one does not give: a
    damaged figure, or another figure of the paragraph named like it ("支出100万元。
    基本支出60万元。支出较上年增加20万元,增长25%": of 支出, not of 基本支出), or the total of a
    list the figure is a part of (a change stated after the list may be of its total)."""
    found = _garbled(doc, [f for f in (stated, delta, current) if f is not None])
    if found or current is None or delta is None:
        return found
    found = _of_the_other_role(stated, delta, role_other, direction) if growth else None
    if found:
        return found
    between = doc.text[current.span.end:stated.span.start] if current.span.end <= stated.span.start else keyword
    if growth and _REPORT_YEAR_CHANGE.search(between) and current.period and current.period.isdigit():
        # "2019年总收入1262.92万元,本年度增加了446.19万元,增加35.33%": which year is 本年度 depends on
        # the year the report is about, read from its title; the figure names its own year, and the
        # rate says it is the base
        computed = ratio_percent(Value(abs(delta.value), delta.tolerance), Value.of(current)) \
            if current.value > 0 else None
        if computed is not None and compare(stated, computed).verdict == "ok":
            return Found("ALT004", {"zh": f"{current.text}（{current.period}年）若为上年数，增幅成立",
                                    "en": f"with {current.text} ({current.period}) as last year's figure, the "
                                          f"growth holds"})
    tail = (current.concept or current.label)[-2:]
    # the totals of the lists the figure is a part of: "三公经费35.60万元。其中:因公出国(境)费3.00万元;
    # …。与上年相比减少4.40万元,下降11.00%" — the change after the list may be the total's
    totals = {b.total.id for b in doc.lists_of_part.get(current.id, ())}
    for f in doc.around(current):
        if f.id in {current.id, delta.id, stated.id} or f.kind != current.kind or f.unit != current.unit \
                or f.is_bound or f.span.start > stated.span.start:
            continue
        if not (f.concept == current.concept or (len(tail) == 2 and (f.concept or f.label).endswith(tail))
                or f.id in totals):
            continue
        if growth:
            base = Value.of(f) - Value(delta.value * direction, delta.tolerance)
            computed = ratio_percent(Value(abs(delta.value), delta.tolerance), base) if base.value > 0 else None
            holds = computed is not None and compare(stated, computed).verdict == "ok"
        else:
            holds = False
        if holds:
            return Found("ALT001", {"zh": f"以第{f.span.line}行的 {f.text} 为本年数，增幅成立",
                                    "en": f"with {f.text} (line {f.span.line}) as the current figure, the growth holds"})
    return None


def _of_the_other_role(stated: Fact, delta: Fact, other: Fact | None, direction: int) -> Found | None:
    """ALT024: the change was said right after a figure named a gap, a remainder, a target or a forecast (结转下年,
    剩余, 相差, 预计 …: cue figure_role_other), read as of the sentence's own amount instead — and with that figure as the
    current one the growth holds ("当年收到财政拨款860.00万元,支出791.20万元,结转下年68.80万元,较上年增加12.30万元,增长
    21.8%": the carry-over's growth, 12.30 / 56.50)."""
    if other is None or other.unit != delta.unit:
        return None
    base = Value.of(other) - Value(delta.value * direction, delta.tolerance)
    computed = ratio_percent(Value(abs(delta.value), delta.tolerance), base) if base.value > 0 else None
    if computed is None or compare(stated, computed).verdict != "ok":
        return None
    name = clean_label(other.label) or other.text
    return Found("ALT024", {"zh": f"以“{name}”{other.text} 为本年数，增幅成立",
                            "en": f"with {other.text} ({name}) as the current figure, the growth holds"})


_REPORT_YEAR_CHANGE = re.compile(r"本年|今年|当年|當年")  # (a keyword as written may be traditional)


def explain_list_total_change(doc: Document, current: Fact, previous: Fact, delta: Fact,
                              direction: int) -> Found | None:
    """A change read of a list's last part that holds for the list's total ("財政儲備7,333億元,其中…
    5,116億元,未來基金2,217億元,較上年的8,345億元減少1,012億元": of the 7,333, not of the 2,217)."""
    for b in doc.lists_of_part.get(current.id, ()):
        total = b.total
        if total.unit != previous.unit or total.span.start > previous.span.start:
            continue
        stated = delta.model_copy(update={"value": delta.value * direction})
        if compare(stated, Value.of(total) - Value.of(previous)).verdict == "ok":
            return Found("ALT001", {"zh": f"以清单总额 {total.text} 为本年数，增减成立",
                                    "en": f"with the list's total {total.text} as the current figure, the change holds"})
    return None


def explain_list_total_growth(doc: Document, stated: Fact, current: Fact, previous: Fact) -> Found | None:
    """A growth rate read of a list's last part that holds for the list's total ("“三公”经费支出14.99万元,其中…
    公务接待费4.10万元,较上年的18.65万元下降19.62%": (14.99 − 18.65) / 18.65, not of the 4.10)."""
    for b in doc.lists_of_part.get(current.id, ()):
        total = b.total
        if total.unit != previous.unit or total.span.start > previous.span.start or previous.value <= 0:
            continue
        moved = Value.of(total) - Value.of(previous)
        computed = ratio_percent(Value(abs(moved.value), moved.tolerance), Value.of(previous))
        if computed is not None and compare(stated, computed).verdict == "ok":
            return Found("ALT001", {"zh": f"以清单总额 {total.text} 为本年数，增幅成立",
                                    "en": f"with the list's total {total.text} as the current figure, the growth holds"})
    return None


_COMPARED_NAME = lazyre.compile(r"(?:较|比|相较于?|与)\s*([\u4e00-\u9fff]{2,12}?)\s*(?:相比|相较|比较)?\s*[,，]?\s*"
                               r"(?:增加|减少|增长|下降|提高|降低|上升|节约|超出|多|少)[了]?\s*$")


def _compared_by_name(doc: Document, anchor: Fact, previous: Fact | None) -> str:
    """The name of the figure read as compared with, when the change's own clause names it so ("经审定的结算金额为444.6
    万元,较中标金额减少5%" with 中标金额468万元 read): the text says which figure is its base, no other pair is a reading
    of it ("" when the clause names none, or another)."""
    if previous is None or not doc.text or not previous.label:
        return ""
    m = _COMPARED_NAME.search(doc.text, max(0, anchor.span.start - 30), anchor.span.start)
    name = clean_label(previous.label)
    return name if m is not None and m.group(1) == name else ""


def explain_other_pair(doc: Document, delta: Fact | None, percent: Fact | None, read: tuple[Fact | None, Fact | None],
                       direction: int) -> Found | None:
    """ALT004: two other figures of the change's sentence (a bracket after it too: "比上年增收12.39亿元、增长4.5%(预算数…,
    上年决算数274.25亿元)"), or of the sentence before it, give the change as stated
    — its amount and its rate both, in its direction ("预算31.45万元,决算28.03万元,…。较上年决算13.35万元增加14.68万元":
    of the 决算, not the 预算; "分别为830.02万元(上年751.05万元)、496.03万元(上年639.43万元),分别增长10.51%和下降
    22.43%": the first pair's rate, not the second's).  Several figures of one quantity (years, budget and actual)
    leave which two a change compares open."""
    anchor = percent or delta
    unit_of_pair = next((f.unit for f in (*read, delta) if f is not None and f.kind == "amount"), None)
    if anchor is None or anchor.in_table or direction == 0 or unit_of_pair is None:
        return None
    here = doc.sentence_start(anchor.span.start)
    start = doc.sentence_start(here - 1) if here > 0 else 0
    pool = [f for f in doc.neighbours(anchor) if f.kind == "amount" and not f.is_bound and f.unit == unit_of_pair
            and start <= f.span.start and (f.span.end <= anchor.span.start or f.sentence == anchor.sentence)
            and (delta is None or f.id != delta.id)]
    if len(pool) > 12:
        return None  # (a paragraph of many figures: some pair fits nearly any change)
    signed = delta.model_copy(update={"value": delta.value * direction}) if delta is not None else None
    # (a sibling of the figure read, in a list of parts, is another subject, not the same quantity said otherwise:
    # "其中基本支出600万元,项目支出400万元,比上年的500万元增加100万元" is said of the 项目支出)
    siblings = {p.id for f in read if f is not None for b in doc.lists_of_part.get(f.id, ()) for p in b.parts
                if p.id != f.id}
    read_current, read_previous = (f.id if f is not None else None for f in read)
    named = _compared_by_name(doc, anchor, read[1])
    for cur in pool:
        if cur.id in siblings:
            continue
        for prev in pool:
            if named and clean_label(prev.label) != named:
                continue  # ("较中标金额减少15%" with 中标金额 read: another figure is no base the text names)
            # (the figures read, each in the other's role, are the other direction: CHG003's, no other reading)
            if cur.id == prev.id or prev.id in siblings \
                    or (cur.id, prev.id) in ((read_current, read_previous), (read_previous, read_current)):
                continue
            if not _gives_change(Value.of(cur), Value.of(prev), signed, percent, direction):
                continue
            return Found("ALT004", {"zh": f"以第{cur.span.line}行的 {cur.text} 为本期数、{prev.text} 为比较数，增减成立",
                                    "en": f"with {cur.text} (line {cur.span.line}) as the current figure and "
                                          f"{prev.text} as the one compared with, the change holds"})
    # ("…2022年分别为62.68万元、84.99万元、73.69万元,2023年分别为…,2023年合计319.92万元,增长44.52%": the total read is
    # compared with last year's items added up, a run of the sentence's figures)
    current = read[0]
    if current is None or current.id not in {f.id for f in pool} or named:
        return None
    before = [f for f in pool if f.span.end <= current.span.start and f.id not in siblings]
    for run in _runs(before, range(2, 6)):
        made = _sum(run)
        if made.value <= 0 or not _gives_change(Value.of(current), made, signed, percent, direction):
            continue
        terms = " + ".join(written(f) for f in run)
        return Found("ALT004", {"zh": f"以 {terms} 之和为比较数，增减成立",
                                "en": f"with {terms} added up as the figure compared with, the change holds"})
    return None


def _gives_change(current: Value, previous: Value, signed: Fact | None, percent: Fact | None, direction: int) -> bool:
    """current − previous moves in `direction` by the change stated (`signed`, its amount with the direction's sign)
    and at the rate stated (`percent`, of `previous`), each when stated."""
    moved = current - previous
    if moved.value == 0 or (moved.value > 0) != (direction > 0):
        return False
    if signed is not None and compare(signed, moved).verdict != "ok":
        return False
    if percent is None:
        return True
    rate = ratio_percent(Value(abs(moved.value), moved.tolerance), previous) if previous.value > 0 else None
    return rate is not None and compare(percent, rate).verdict == "ok"


def explain_delta(doc: Document, delta: Fact, current: Fact, previous: Fact, direction: int) -> Found | None:
    """A table's change cell that writes no unit of its own and is not current − previous, but
    is the growth of previous to current in % (a "同比增减" column under "单位：亿元、%"); the caller
    asks first that no other row of the column states an amount (changes._amounts_column)."""
    if not delta.in_table or _OWN_UNIT.search(delta.text) or previous.value <= 0:
        return None
    rate = ratio_percent(Value.of(current) - Value.of(previous), Value.of(previous))
    written_rate = direction * delta.value / delta.scale  # (the cell's digits, the column's money unit taken off)
    if abs(written_rate - rate.value) > Decimal(1).scaleb(-delta.decimals) / 2 + rate.tolerance:
        return None
    return Found("ALT009", {"zh": f"按增幅理解：({current.text} − {previous.text}) / {previous.text} = "
                                  f"{rate.value:.2f}%，与 {delta.text} 相符",
                            "en": f"read as a growth rate: ({current.text} − {previous.text}) / {previous.text} = "
                                  f"{rate.value:.2f}%, as {delta.text} writes"})


_OWN_UNIT = lazyre.compile(r"[万亿元%]")


# ------------------------------------------------------------ differences
def _difference_holds(diff: Fact, plus: Iterable[Fact], minus: Iterable[Fact]) -> bool:
    return _holds(diff, plus, minus)  # a difference is a sum with its subtrahends taken away


def _difference_text(diff: Fact, plus: list[Fact], minus: list[Fact], extra: str = "") -> str:
    terms = " + ".join(written(p, diff) for p in plus) + "".join(f" − {written(m, diff)}" for m in minus)
    return f"{terms}{extra} = {written(diff)}"


def _named_as(doc: Document, f: Fact, diff: Fact) -> bool:
    """Is f named by the very words the difference is ("因此有500亿元的赤字" beside "因此有700亿元的赤字"), or named after
    it as a result as the difference is ("…因此有359亿元的盈余,…;上年度则有99亿元的盈余"): another result stated as it
    is, not one of its terms?"""
    named = clean_label(diff.label)
    if named and clean_label(f.label) == named:
        return True
    after = _RESULT_AFTER.match(doc.text, diff.span.end)
    return after is not None and _RESULT_AFTER.match(doc.text, f.span.end) is not None


_RESULT_AFTER = lazyre.compile(r"\s*(?:的)?(?:财政|综合)?(?:赤字|盈余|差短|短绌)")


def explain_difference(doc: Document, diff: Fact, plus: list[Fact], minus: list[Fact],
                       rivals: Iterable[Fact] = (), of_stocks: bool = False) -> Found | None:
    """审减 / 结余 / 节约 / 超支 its figures do not give: a figure damaged in extraction, a
    rival of the same role further back in the sentence meant instead (预算 rather than
    到位资金), one of two added figures (收入, 上年结转) not meant, or one more figure of the
    sentence taken away ("预算200,支出150,退回30,结余20").  `of_stocks`: the difference is a stock's change, said to
    be its flows' net ("余额…较上年末的129.71亿元增加18.65亿元,主要是新增…26.30亿元、偿还…7.65亿元"): the stock now
    and then always give it, no other pair of its sentence's figures explains the flows."""
    found = _garbled(doc, [diff, *plus, *minus])
    if found:
        return found
    for rival in rivals:
        for n in range(len(plus) + len(minus)):
            trial_plus, trial_minus = list(plus), list(minus)
            if n < len(plus):
                trial_plus[n] = rival
            else:
                trial_minus[n - len(plus)] = rival
            if _difference_holds(diff, trial_plus, trial_minus):
                shown = _difference_text(diff, trial_plus, trial_minus)
                return Found("ALT001", {"zh": f"{shown}（第{rival.span.line}行的 {rival.text}）",
                                        "en": f"{shown} ({rival.text} on line {rival.span.line})"})
    if len(plus) > 1:
        for p in plus:
            if _difference_holds(diff, [p], minus):
                return Found("ALT002", {"zh": _difference_text(diff, [p], minus, "（只计其中一项）"),
                                        "en": _difference_text(diff, [p], minus, " (one of the added figures)")})
    used = {f.id for f in (diff, *plus, *minus)}
    if len(plus) == 1 and minus:
        # "上年结余26.37亿元,上级补助收入14.64亿元,…,债务转贷收入1.34亿元;支出19.31亿元,年终结余23.04亿元":
        # every source listed before the figure taken away, not the last one alone
        before = [f for f in doc.neighbours(diff) if f.sentence == diff.sentence and f.kind == diff.kind
                  and f.unit == diff.unit and not f.is_bound and f.span.start < plus[0].span.start
                  and f.id not in used]
        # (… back to a figure named as the difference is, another result stated before it — "2023年度开支5,000亿元,收入
        # 4,500亿元,因此有500亿元的赤字;2022年度开支4,800亿元,…因此有700亿元的赤字": the year before's deficit, no source)
        last = max((n for n, f in enumerate(before) if _named_as(doc, f, diff)), default=-1)
        before = before[last + 1:]
        running = _sum(plus[:1], minus)  # grows by one figure a step, not summed again
        for n in range(len(before) - 1, -1, -1):
            running = running + Value.of(before[n])
            if _makes(diff, running):
                run = [*before[n:], plus[0]]
                shown = _difference_text(diff, run, minus)
                return Found("ALT003", {"zh": f"{shown}（计入同句前面的各项）",
                                        "en": f"{shown} (with the earlier figures of the sentence)"})
    if len(plus) == 1:
        # "共下达…补助资金5600万元。…已拨付…4,825.30万元,…实际支出3,917.62万元,资金结余1,682.38万元": the money
        # at the head of a chain (下达 → 拨付 → 支出) stated earlier in the paragraph is what is left of
        for f in doc.neighbours(diff):
            if f.id not in used and f.kind == diff.kind and f.unit == diff.unit and not f.is_bound \
                    and f.span.start < plus[0].span.start and _difference_holds(diff, [f], minus):
                shown = _difference_text(diff, [f], minus)
                return Found("ALT001", {"zh": f"{shown}（第{f.span.line}行的 {f.text}）",
                                        "en": f"{shown} ({f.text} on line {f.span.line})"})
    if len(plus) == 1 and len(minus) == 1 and not of_stocks:
        # "中央资金749.54万元已支出742.02万元,省级资金167.85万元已支出137.76万元;年末中央、省级资金分别结余7.52万元、
        # 30.09万元": another pair of the sentence's figures in the same roles (an earlier subject's) is what is left
        earlier = [f for f in doc.neighbours(diff) if f.sentence == diff.sentence and f.id not in used
                   and f.kind == diff.kind and f.unit == diff.unit and not f.is_bound and f.span.end <= diff.span.start]
        for a, p in enumerate(earlier):
            if p.scenario != plus[0].scenario:
                continue
            for m in earlier[a + 1:]:
                if plus[0].span.end <= p.span.start and minus[0].span.start > diff.span.start:
                    continue  # (a pair said between the minuend and the difference, the one taken away after them, is
                    # that difference's own making, no other subject's: "原列438億9,100萬元,分組審查刪減1億2,000萬元,
                    # 大會決議回復8,000萬元,實際刪減4,000萬元,修正通過432億5,100萬元" — the net cut of the cut and restoration)
                if m.scenario == minus[0].scenario and _difference_holds(diff, [p], [m]):
                    shown = _difference_text(diff, [p], [m])
                    return Found("ALT001", {"zh": f"{shown}（同句另一对数字）",
                                            "en": f"{shown} (another pair of the sentence's figures)"})
    for f in doc.neighbours(diff):
        if f.id in used or f.kind != diff.kind or f.unit != diff.unit or f.is_bound or f.sentence != diff.sentence \
                or _named_as(doc, f, diff):
            continue  # (nor another result named as it is: "…因此有500亿元的赤字;2022年度…因此有700亿元的赤字")
        for more_plus, more_minus in (([], [f]), ([f], [])):
            if _difference_holds(diff, [*plus, *more_plus], [*minus, *more_minus]):
                shown = _difference_text(diff, [*plus, *more_plus], [*minus, *more_minus])
                return Found("ALT003", {"zh": f"{shown}（计入同句的 {f.text}）",
                                        "en": f"{shown} (with {f.text} of the same sentence)"})
    return None


# ---------------------------------------------------------------- products
def explain_product(doc: Document, product: Fact, count: Fact, standard: Fact,
                    rivals: Iterable[Fact] = ()) -> Found | None:
    """户数 × 标准 ≠ 金额 as read: a figure damaged in extraction, or another count of that
    unit (or another amount) of the sentence the product is of."""
    found = _garbled(doc, [product, count, standard])
    if found:
        return found
    for rival in rivals:
        n, amount = (rival, product) if rival.kind == count.kind else (count, rival)
        if compare(amount, product_value(n, standard)).verdict == "ok":
            text = f"{written(n)} × {written(standard)} = {written(amount)}"
            return Found("ALT001", {"zh": f"{text}（第{rival.span.line}行的 {rival.text}）",
                                    "en": f"{text} ({rival.text} on line {rival.span.line})"})
    # another amount of the paragraph is the product ("村级组织运转经费96.00万元,为全镇12个村每村安排8万元;
    # 安排村干部…432.00万元": the count and standard tell of the amount before them, not the next one)
    value = product_value(count, standard)
    for amount in doc.neighbours(product):
        if amount.kind == "amount" and amount.id not in (product.id, standard.id) \
                and compare(amount, value).verdict == "ok":
            text = f"{written(count)} × {written(standard)} = {written(amount)}"
            return Found("ALT001", {"zh": f"{text}（同段的 {amount.text}）", "en": f"{text} ({amount.text} of the same paragraph)"})
    # the sentence says the amount is a share or a part of the year of count × standard ("中央承担80%", "按70%预拨",
    # "自7月起发放", "秋季学期")
    start = min(product.span.start, count.span.start, standard.span.start)
    start = max(doc.text.rfind(c, 0, start) for c in "。\n") + 1
    end = max(product.span.end, count.span.end, standard.span.end)
    stop = min((i for i in (doc.text.find(c, end) for c in "。\n") if i >= 0), default=len(doc.text))
    yearly = bool(_PER_YEAR_LABEL.search(clean_label(standard.label))
                  or _PER_YEAR_AFTER.match(doc.text, standard.span.end, standard.span.end + 12))
    monthly = bool(_PER_MONTH_LABEL.search(clean_label(standard.label))
                   or _PER_MONTH_AFTER.match(doc.text, standard.span.end, standard.span.end + 12))
    said = next((m for m in _PART_OF_PRODUCT.finditer(doc.text, start, stop)
                 if not ((yearly or monthly) and _PERIOD_OF_YEAR.fullmatch(m.group()))), None)
    # (a quarter, a term or a half of a standard a year is so much of the year: ALT025 below, not any part; of a
    # standard a month, so many months, counted by the product's reading)
    if said is not None:
        return Found("ALT013", {"zh": f"句中写明“{said.group()}”：金额只是数量×标准的一部分",
                                "en": f"the sentence says “{said.group()}”: the amount is only part of count × standard"})
    # the sentence (or the one before) says the amount is of several years or batches ("补发2023年、2024年两年的直补资金",
    # "分两批…两批共发放", "2019年至2024年,…六年间累计发放"): count × standard × that many
    before = max(doc.text.rfind(c, 0, max(0, start - 1)) for c in "。\n") + 1
    for times, words in _periods_said(doc.text[before:stop]):
        if compare(product, Value(value.value * times, value.tolerance * times)).verdict == "ok":
            text = f"{written(count)} × {written(standard)} × {times} = {written(product)}"
            return Found("ALT016", {"zh": f"{text}（句中写明“{words}”）", "en": f"{text} (the sentence says “{words}”)"})
    # a standard a year (每生每年, 元/人·年, 元/生·学年) and an amount of a shorter period the sentence names ("本学期拨付",
    # "本季度发放", "补发10-12月", "1-6月累计发放"): count × standard × that part of the year
    if yearly:
        for part, words in _parts_of_year(doc.text[start:stop]):
            if compare(product, Value(value.value * part, value.tolerance * part)).verdict == "ok":
                text = f"{written(count)} × {written(standard)} × {_fraction(part)} = {written(product)}"
                return Found("ALT025", {"zh": f"{text}（标准按年，句中写明“{words}”）",
                                        "en": f"{text} (a standard a year, the sentence says “{words}”)"})
    # a standard of two parts, per household and per person ("按每户300元、每人100元的标准…100户274人"): the amount is
    # the sum of the two products
    found = _two_part_product(doc, product, doc.text[start:stop])
    if found:
        return found
    return None


# a standard a year: "每人每年600元", "每生每学年", "标准720元/生·年", "300元/人/年"
_PER_YEAR_LABEL = lazyre.compile(r"每[\u4e00-\u9fff]{0,2}?每?学?年(?!度?[末底])")
_PER_YEAR_AFTER = lazyre.compile(r"(?:万?元)?\s*/\s*[\u4e00-\u9fff]{1,2}\s*[·.•/]\s*学?年")
_MONTH_RANGE = lazyre.compile(r"(?<![\d.年])(\d{1,2})\s*(?:月份?)?\s*[-—–~～至到]\s*(\d{1,2})\s*月")
_MONTHS_TO = lazyre.compile(r"截[至止]\s*(?:\d{4}\s*年\s*)?(\d{1,2})\s*月(?:底|末|份)")
_TERM = lazyre.compile(r"学期")
_QUARTER = lazyre.compile(r"(?:本|当|该|[一二三四1-4])季度?(?!度?末)|季度")
_HALF = lazyre.compile(r"[上下]半年")
_PER_MONTH_LABEL = lazyre.compile(r"每[\u4e00-\u9fff]{0,2}?每?(?:个)?月")
_PER_MONTH_AFTER = lazyre.compile(r"(?:万?元)?\s*/\s*[\u4e00-\u9fff]{1,2}\s*[·.•/]\s*月")
_PERIOD_OF_YEAR = lazyre.compile(r"[一二三四]季度|(?:春季|秋季)学期|下半年|上半年")


def _parts_of_year(text: str) -> list[tuple[Decimal, str]]:
    """The parts of a year a sentence says its amount is of: a term (学期: a half), a quarter (本季度, 当季: a quarter), a
    half year, months N-M or up to the end of month N (so many twelfths)."""
    out: list[tuple[Decimal, str]] = []
    for m in _MONTH_RANGE.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        if 1 <= a <= b <= 12 and b - a < 11:
            out.append((Decimal(b - a + 1) / 12, m.group()))
    for m in _MONTHS_TO.finditer(text):
        if 1 <= int(m.group(1)) < 12:
            out.append((Decimal(int(m.group(1))) / 12, m.group()))
    for pattern, part in ((_TERM, Decimal(1) / 2), (_QUARTER, Decimal(1) / 4), (_HALF, Decimal(1) / 2)):
        m = pattern.search(text)
        if m:
            out.append((part, m.group()))
    return out


def _fraction(part: Decimal) -> str:
    for d in (2, 4, 12):
        n = part * d
        if n == n.to_integral():
            return f"{int(n)}/{d}"
    return str(part)


# a standard of two parts: "每户300元、每人100元", the counts "100户274人"
_STANDARD_PER = lazyre.compile(r"每(户|人)\s*(\d+(?:\.\d+)?)\s*元|(\d+(?:\.\d+)?)\s*元\s*/\s*(户|人)")
_COUNT_OF = lazyre.compile(r"(?<![\d.每/])(\d+)\s*(户|人)(?![/·均])")


def _two_part_product(doc: Document, product: Fact, sentence: str) -> Found | None:
    """"按每户300元、每人100元的标准…100户274人…发放57400元": one standard per household and one per person, each unit
    counted once in the sentence, and the amount is the sum of the two products."""
    rates: dict[str, Decimal] = {}
    for m in _STANDARD_PER.finditer(sentence):
        unit, figure = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        if unit in rates:
            return None
        rates[unit] = Decimal(figure)
    if len(rates) != 2:
        return None
    counts: dict[str, list[Decimal]] = {}
    for m in _COUNT_OF.finditer(sentence):
        counts.setdefault(m.group(2), []).append(Decimal(m.group(1)))
    if any(len(counts.get(u, ())) != 1 for u in rates):
        return None
    total = sum(counts[u][0] * rates[u] for u in rates)
    if compare(product, Value(total, Decimal(0))).verdict != "ok":
        return None
    text = " + ".join(f"{counts[u][0]}{u} × {rates[u]}元" for u in rates) + f" = {written(product)}"
    return Found("ALT026", {"zh": f"{text}（两部分标准）", "en": f"{text} (a standard of two parts)"})


_PERIODS = lazyre.compile(r"(?<![\d.第])([两二三四五六七八九十]|[2-9]|1[0-9])\s*个?\s*(?:年|批|期|学期|季度|次)(?!\d)")


def _periods_said(text: str) -> list[tuple[int, str]]:
    """How many years or batches a text says its amount is of: "两年", "分两批", "六年间", "2019年至2024年" (6)."""
    out = [(counted(m.group(1)), m.group()) for m in _PERIODS.finditer(text)]
    out += [(int(m.group(2)) - int(m.group(1)) + 1, m.group()) for m in YEAR_SPAN.finditer(text)
            if 1 < int(m.group(2)) - int(m.group(1)) + 1 <= 20]
    return out


_PART_OF_PRODUCT = lazyre.compile(r"(?:承担|分担|负担|补助|预拨|拨付|下达|按)[^。,;]{0,8}?\d{1,3}(?:\.\d+)?%|\d{1,3}(?:\.\d+)?%"
                                  r"[^。,;]{0,6}?(?:承担|分担|预拨|补助)|[1-9]\s*[:：]\s*[1-9]\s*(?:比例)?分担|各承担一半|"
                                  r"承担一半|剩余\d{1,3}%|自\d{1,2}月(?:份)?起|[一二三四]季度|(?:春季|秋季)学期|下半年|上半年")


# ----------------------------------------------------------------- targets
def explain_target(doc: Document, stated: Fact, done: Fact, goal: Fact) -> Found | None:
    """A completion or excess rate its figures do not give: a figure damaged in extraction."""
    return _garbled(doc, [stated, done, goal])


# ------------------------------------------------------------ named items
def explain_names(doc: Document, count: Fact, names: list[str], joined: str) -> Found | None:
    """A count the names listed after it do not make: the last two names, joined by 和/及,
    are one name ("县财政信息和技术中心"), or the count was damaged in extraction."""
    found = _garbled(doc, [count])
    if found:
        return found
    if joined and count.value == len(names) - 1:
        one = f"{names[-2]}{joined}{names[-1]}"
        return Found("ALT002", {"zh": f"“{one}”是一个名称，共 {len(names) - 1} 个",
                                "en": f"“{one}” is one name: {len(names) - 1} in all"})
    return None


def explain_figure(doc: Document, fact: Fact) -> Found | None:
    """A single figure out of bounds (占比 880%): was it damaged in extraction?"""
    return _garbled(doc, [fact]) or _glued_cell_rate(doc, fact)


# a rate run together with the cells of its row: its first digits right after the row's name (a CJK character, or
# it and one space: "签约服务费拨付及时率 10100%100%10"), the next cell's figure glued right after its "%", no space
# or | between ("时效指标监测完成及时率1095%96.2%10": 分值 10 | 年度指标值 95% | 实际完成值 96.2% | 得分 10) — not a
# rate of prose followed by a space and a year ("比重为125% 2024年将…")
_GLUED_CELL_BEFORE = lazyre.compile(r"[\u4e00-\u9fff][ \t]?$")
_GLUED_CELL_AFTER = lazyre.compile(r"^\d")
_GLUED_SCORE_DIGITS = 3  # the cell before the rate is a score: 1–3 digits
_SPLIT_RATE = lazyre.compile(r"(?:0|[1-9]\d*)(?:\.\d+)?")


def _glued_cell_rate(doc: Document, fact: Fact) -> Found | None:
    """A rate above 100 % whose digits run together with the cells of its row, as a flattened 指标 row leaves them
    (分值 | 年度指标值 | 实际完成值 | 得分 glued: "质量指标网点验收合格率15100%100%15"): its first digits may be the cell
    before it (the 分值 15, the rate 100%). Where some split of its digits leaves a rate of at most 100 %, the row does
    not say the rate passes 100 % (ALT006); a rate no split brings to 100 % stands, and so does one right after
    another rate's "%" ("…95%196%10": the cell before it ended there), and so does one of prose ("比重为125% 2024年":
    a space after it, no cell glued)."""
    if not doc.text or fact.kind != "percent" or not fact.text.endswith("%"):
        return None
    start, end = fact.span.start, fact.span.end
    if not _GLUED_CELL_BEFORE.search(doc.text[max(0, start - 2):start]) or \
            not _GLUED_CELL_AFTER.match(doc.text[end:end + 1]):
        return None
    digits = fact.text[:-1].rstrip()
    if not digits or "," in digits:
        return None
    head = digits.split(".")[0]
    for cut in range(1, min(len(head), _GLUED_SCORE_DIGITS + 1)):
        before, rest = digits[:cut], digits[cut:]
        if _SPLIT_RATE.fullmatch(before) and _SPLIT_RATE.fullmatch(rest) and Decimal(rest) <= 100:
            shown = f"{before} | {rest}%"
            return Found("ALT006", {"zh": f"“{fact.text}”可能是同一行粘连的两格（{shown}）",
                                    "en": f"“{fact.text}” may be two cells of one row run together ({shown})"})
    return None
