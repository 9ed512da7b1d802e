"""Stretches without a relation word skip the LALR parser: the pieces must be the parser's.

`auditor.extract.parse.plain_pieces` reads the pieces of a stretch that holds
only prose, figures, periods, dates, item markers and separators straight off
its tokens.  Here the LALR parser reads the same tokens (handed over with
`GapLexer.replay`, so both see exactly the same input) and both must agree —
on every figure sentence of the examples and on random token sequences.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from lark import Token

from auditor.extract.parse import _PLAIN, _gap_lexer, parse_window, parser, plain_pieces
from auditor.extract.scan import figure_sentences, windows
from auditor.normalise import normalise

ROOT = Path(__file__).resolve().parents[1]
LEXER = _gap_lexer(parser())


def _lalr(text: str, tokens: list[Token]):
    LEXER.replay(text, tokens)
    return parser().parse(text)


def test_the_parser_has_the_gap_lexer():
    assert LEXER is not None


def test_plain_stretches_of_the_examples_read_as_the_parser_reads_them():
    plain = 0
    for path in sorted((ROOT / "examples").rglob("*.txt"))[:80]:
        text = normalise(path.read_text(encoding="utf-8")).text
        for w_start, w_end in windows(text):
            for start, end in figure_sentences(text, w_start, w_end):
                stretch = text[start:end].replace("\n", "")
                tokens = list(LEXER.tokens(stretch))
                if _PLAIN.issuperset(t.type for t in tokens):
                    plain += 1
                    assert plain_pieces(tokens) == _lalr(stretch, tokens), stretch
                else:
                    assert parse_window(stretch) == parser().parse(stretch), stretch
    assert plain > 500


TYPES = sorted(_PLAIN)


@st.composite
def token_runs(draw):
    """Any sequence of plain tokens (TEXT never twice in a row: the lexer merges gaps)."""
    return _tokens(draw(st.lists(st.sampled_from(TYPES), max_size=12)))


_SAMPLE = {"TEXT": "支出", "COPULA": "为", "PAUSE": "、", "COMMA": ",", "YEAR": "2023年",
           "QIZHONG": "其中", "TOTAL": "合计", "CHANGE_UP": "增加", "SHARE": "占"}


def _tokens(kinds: list[str]) -> list[Token]:
    """Tokens of those kinds, each with a sample text, one space apart (TEXT never twice in a row)."""
    tokens, pos, previous = [], 0, None
    for kind in kinds:
        if kind == "TEXT" and previous == "TEXT":
            continue
        value = _SAMPLE.get(kind, "12")
        tokens.append(Token(kind, value, start_pos=pos, end_pos=pos + len(value)))
        pos += len(value) + 1
        previous = kind
    return tokens


@settings(max_examples=400, deadline=None)
@given(token_runs())
def test_plain_pieces_of_any_token_sequence_are_the_parsers(tokens):
    text = "x" * (tokens[-1].end_pos if tokens else 0)
    assert plain_pieces(tokens) == _lalr(text, tokens)


ALL_TYPES = sorted({t.name for t in parser().terminals} | {"TEXT"})


@st.composite
def any_token_runs(draw):
    """Any sequence of the grammar's terminals, relation words too (TEXT never twice in a row)."""
    return _tokens(draw(st.lists(st.sampled_from(ALL_TYPES), max_size=14)))


def _lark_or_none(tokens: list[Token]):
    """Lark's own pieces of the tokens; None where its loop raises."""
    from lark.exceptions import LarkError

    text = "x" * (tokens[-1].end_pos if tokens else 0)
    try:
        return _lalr(text, tokens)
    except (LarkError, AssertionError):
        return None


@settings(max_examples=600, deadline=None)
@given(any_token_runs())
def test_the_fused_lalr_loop_reads_any_token_sequence_as_lark_does(tokens):
    """auditor/extract/parse.py `_Driver` runs Lark's parse table itself: the same pieces, and
    no pieces (None) exactly where Lark's own loop raises."""
    from auditor.extract.parse import _driver

    assert _driver(parser()).parse(tokens) == _lark_or_none(tokens)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(ALL_TYPES), max_size=20).map(_tokens))
def test_the_lalr_loop_run_from_each_relation_word_to_the_next_separator_reads_as_lark_does(tokens):
    """parse.py `_relation_stretches` runs the loop only from each relation word to the next
    separator and reads the tokens before it straight off: the pieces of Lark's parse of the
    whole run, and None exactly where Lark raises."""
    from auditor.extract.parse import _driver, _relation_stretches

    assert _relation_stretches(_driver(parser()), tokens) == _lark_or_none(tokens)


def test_the_separators_are_the_grammars():
    """The stretches are cut at the grammar's own separators (its rule _separator)."""
    from auditor.extract.parse import _SEPARATORS

    assert {r.expansion[0].name for r in parser().rules if r.origin.name == "_separator"} == _SEPARATORS
