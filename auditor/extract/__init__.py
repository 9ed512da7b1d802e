"""Stage 3: normalised text → typed facts and the relations the text states.

    scan (find windows with figures, tables, the report year)
      → parse (grammar/statements.lark, one cached LALR parser)
      → discourse (the one structure: paragraph › sentence › clause › bracket › piece)
      → readings (every figure as a fact: label, concept, period, scenario, fund)
      → bind (resolvers propose relations with reasons, one arbiter decides)
      → tables, headings, grades, written-out arithmetic (grammar/formula.lark)
"""

from __future__ import annotations

from auditor.extract.bind import bind
from auditor.extract.bind.resolvers import tables as table_resolver
from auditor.extract.discourse import place
from auditor.extract.formulas import calculations
from auditor.extract.model import Extraction
from auditor.extract.parse import parse_span
from auditor.extract.readings import POINTS, read_figures, scores_listed_under
from auditor.extract.scan import figure_sentences, report_year, windows
from auditor.extract.structure import grades, headings, table_grades
from auditor.extract.tables import read_tables
from auditor.extract.vocabulary import Vocabulary, default_vocabulary
from auditor.nogc import without_cycle_collection
from auditor.normalise import Normalised


def extract(norm: Normalised, vocab: Vocabulary | None = None, year: str | None = "") -> Extraction:
    """year: the report year when known (a segment of a long document has the whole one's); "" to find it."""
    with without_cycle_collection():
        return _extract(norm, vocab or default_vocabulary(), year)


def _extract(norm: Normalised, vocab: Vocabulary, year: str | None = "") -> Extraction:
    norm = _digit_names(norm, vocab)
    if year == "":
        year = report_year(norm.text)
    table_result = read_tables(norm, vocab)
    # (and the text a flattened line holds after the table read on it: TableResult.tails)
    spans = sorted([*windows(norm.text, table_result.lines, norm.original), *table_result.tails])
    parsed = [[piece for start, end in figure_sentences(norm.text, w_start, w_end)
               for piece in parse_span(norm.text, start, end)]
              for w_start, w_end in spans]
    tree = place(parsed, lambda offset: norm.line_col(offset)[0])
    reading = read_figures(norm, vocab, year, tree, first_id=len(table_result.facts))
    # (a change in percentage points is a figure only of its points change: no percent of anything, it
    # stays out of the document's facts and of every look-up over them)
    facts = sorted([*table_result.facts, *(f for f in reading.facts if f is not None and f.written_unit != POINTS)],
                   key=lambda f: f.span.start)
    table = table_resolver.resolve(table_result.tables, vocab)
    bound = bind(reading, facts, table.breakdowns, table.changes)
    return Extraction.model_construct(
        facts=tuple(facts),
        breakdowns=tuple([*table.breakdowns, *bound.breakdowns]),
        changes=tuple(bound.changes),
        change_lists=tuple(bound.change_lists),
        rates=tuple(bound.rates),
        shares=tuple([*bound.shares, *table.shares]),
        tables=tuple(table_result.tables),
        grades=tuple(sorted([*grades(norm, facts, vocab, year, scores_listed_under(tree, reading.facts, year, norm.text)),
                             *table_grades(norm, table_result.tables)],
                            key=lambda g: g.span.start)),
        headings=tuple(headings(norm)),
        calculations=tuple(calculations(norm, first_id=len(facts))),
        report_year=year,
        identities=tuple(bound.identities),
        partitions=tuple(bound.partitions),
        repeats=tuple(bound.repeats),
        differences=tuple([*table.differences, *bound.differences]),
        products=tuple(bound.products),
        averages=tuple(bound.averages),
        months_payable=tuple(bound.months_payable),
        compound_growths=tuple([*bound.compound_growths, *table.compound_growths]),
        targets=tuple([*bound.targets, *table.targets]),
        enumerations=tuple(bound.enumerations),
        unit_slips=tuple(bound.unit_slips),
        named_repeats=tuple(bound.named_repeats),
        table_rates=tuple(table.rates),
        funds_scores=tuple([*table.funds_scores, *bound.funds_scores]),
        indicator_scores=tuple(table.indicators),
        score_sums=tuple(table.score_sums),
        score_caps=tuple(bound.score_caps),
    )


_CAPITAL_DIGITS = str.maketrans("0123456789", "零壹贰叁肆伍陆柒捌玖")


def _digit_names(norm: Normalised, vocab: Vocabulary) -> Normalised:
    """Names whose digits are part of the name (lottery games: 快乐8, 排列3, 3D; vocabulary digit_name) with those digits
    written as capital numerals, one character for one: no figure starts inside a name — "快乐815.67亿元" is the game
    快乐8's 15.67亿元, and "排列3、排列5分别销售…" states no figures 3 and 5.  The labels read say 快乐捌."""
    found = list(vocab.cue("digit_name").finditer(norm.text))
    if not found:
        return norm
    text = norm.text
    pieces, at = [], 0
    for m in found:
        pieces += [text[at:m.start()], m.group().translate(_CAPITAL_DIGITS)]
        at = m.end()
    return norm.rewritten("".join(pieces) + text[at:])


_ARABIC_DIGITS = str.maketrans("零壹贰叁肆伍陆柒捌玖", "0123456789")


def digit_names_restored(message: str, vocab: Vocabulary) -> str:
    """`message` with the names _digit_names wrote in capital numerals written back as the report has them (快乐捌 →
    快乐8): a finding speaks of the game the reader knows.  Capitals outside such a name (壹佰万元) stay."""
    if not any(c in "零壹贰叁肆伍陆柒捌玖" for c in message):
        return message
    digits = message.translate(_ARABIC_DIGITS)  # (one character for one: offsets agree)
    pieces, at = [], 0
    for m in vocab.cue("digit_name").finditer(digits):
        if m.group() != message[m.start():m.end()]:
            pieces += [message[at:m.start()], m.group()]
            at = m.end()
    return "".join(pieces) + message[at:] if pieces else message
