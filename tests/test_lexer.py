"""The lexer's first-character dispatch finds exactly the tokens a plain search finds.

The dispatch (auditor/extract/lexer.py) skips positions where no terminal can
start and tries only the terminals that can start with the character there; a
character class it left out, or a terminal it tried out of order, would change
a token.  Both ways are run on every line of the examples and on random text
made of the characters the terminals care about.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.extract.lexer import GapLexer, first_characters, tokenize
from auditor.extract.parse import parser
from auditor.normalise import normalise

ROOT = Path(__file__).resolve().parents[1]


def _lexer() -> GapLexer:
    found = [v for v in vars(parser().parser).values() if isinstance(v, GapLexer)]
    if not found:  # Lark keeps the lexer one level down (its lexer configuration)
        found = [v for obj in vars(parser().parser).values() for v in getattr(obj, "__dict__", {}).values()
                 if isinstance(v, GapLexer)]
    assert found, "the statement parser has no GapLexer"
    return found[0]


LEXER = _lexer()


def _tokens(text: str, dispatch) -> list[tuple[str, str, int, int]]:
    return [(t.type, str(t), t.start_pos, t.end_pos) for t in tokenize(LEXER.pattern, text, dispatch)]


def test_every_terminal_has_a_first_character_class():
    assert LEXER.dispatch is not None
    assert first_characters(r"(?<![\d.])\d+\s*万") == r"\d"
    assert first_characters(r"(?:(?<=[。;])|^)\s*(?:分|按)") is not None
    assert first_characters(r"a*") is None  # may match empty
    assert first_characters(r"[^a]b") is None  # any character but one
    assert first_characters(r"(?i:abc)") is None  # case folding


def test_dispatch_finds_the_same_tokens_on_every_example_line():
    lines = [line for path in sorted((ROOT / "examples").rglob("*.txt"))
             for line in normalise(path.read_text(encoding="utf-8")).text.split("\n") if line.strip()]
    assert len(lines) > 1500
    for line in lines:
        assert _tokens(line, LEXER.dispatch) == _tokens(line, None), line


ALPHABET = "0123456789.,%‰-—~:;。!?()[]【】|、 \n年月日号万亿千元分个人项次为是达约计共有占比较上去同比增加减少下降长幅合总其中别包括分类按从来看情况其他和及与以余多"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=80))
def test_dispatch_finds_the_same_tokens_on_random_text(text):
    assert _tokens(text, LEXER.dispatch) == _tokens(text, None)


def test_tokens_are_lark_tokens_with_every_slot_set():
    from lark import Token

    from auditor.extract.lexer import make_token

    made, lark_made = make_token("AMOUNT", "12万元", 3, 8), Token("AMOUNT", "12万元", start_pos=3, end_pos=8)
    assert type(made) is Token and made == lark_made
    assert all(getattr(made, slot) == getattr(lark_made, slot) for slot in Token.__slots__)


def test_the_kept_first_character_analysis_is_the_computed_one(tmp_path, monkeypatch):
    """Dispatch.of reads what each terminal can start with from the private cache after the
    first start: the same sets, and nothing is parsed again; a damaged file is not used."""
    from auditor.extract import lexer
    from auditor.extract.lexer import Starts, analysed

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    regexps = [regexp for _, regexp in LEXER.branches] + [".*"]  # one that can start anywhere: None
    computed = [Starts.of(r) for r in regexps]
    first = analysed(regexps)
    monkeypatch.setattr(lexer.Starts, "of", classmethod(lambda cls, regexp: pytest.fail("analysed again")))
    again = analysed(regexps)

    def shown(starts):
        return [s.as_data() if s is not None else None for s in starts]

    assert shown(first) == shown(again) == shown(computed) and computed[-1] is None
    assert [s.regex() for s in again[:-1]] == [s.regex() for s in computed[:-1]]
    (cache,) = (tmp_path / "cache" / "auditor").glob("lexer-*.json")
    cache.write_bytes(cache.read_bytes() + b" ")  # damaged: not read, analysed again
    with pytest.raises(pytest.fail.Exception, match="analysed again"):
        analysed(regexps)


FIGURE_ALPHABET = list("0123456789012345678901234567,,..- %‰亿万千百元兆余多人户件个次项名台家条辆套场篇本份所处批类座"
                       "张间册卷吨亩公里米平方年月日号至到~—分之等左右") + ["\u00a0", "\u2009", "\u3000", "个百分点", "万元",
                                                                        "亿元", "平方米", "人次", "万平方米", "千米"]


@pytest.mark.parametrize("name", ["AMOUNT", "COUNT"])
@settings(max_examples=2000, deadline=None)
@given(text=st.lists(st.sampled_from(FIGURE_ALPHABET), max_size=24).map("".join), at=st.integers(0, 3))
def test_a_figure_terminal_s_look_ahead_refuses_only_what_its_shapes_refuse(name, text, at):
    """AMOUNT and COUNT open with a look-ahead (grammar/statements.lark) that only says what every one
    of their shapes needs — the characters a figure is written with, then a unit's first character —
    so that a figure of another kind is given up at once: with or without it, the same match."""
    import re

    pattern = dict(LEXER.branches)[name]
    assert pattern.startswith("(?=") and pattern.endswith(")")
    look_ahead_end = pattern.index("])") + 2
    without = pattern[look_ahead_end:]
    assert without.startswith("(?:")
    with_it, bare = re.compile(pattern), re.compile(without[3:-1])
    at = min(at, len(text))
    a, b = with_it.match(text, at), bare.match(text, at)
    assert (a and a.group()) == (b and b.group()), (text, at)


# the look-aheads in front of AMOUNT's rarer shapes (grammar/statements.lark): what each shape needs
AMOUNT_SHAPE_LOOK_AHEADS = (r"(?=[\d,\s兆]*亿)", r"(?=[\d,\s]*万\s*\d)", r"(?=\d[千百])")


@settings(max_examples=3000, deadline=None)
@given(text=st.lists(st.sampled_from(FIGURE_ALPHABET), max_size=24).map("".join), at=st.integers(0, 3))
def test_amount_s_shape_look_aheads_refuse_only_what_their_shapes_refuse(text, at):
    """Each of AMOUNT's shapes but the last stands behind a look-ahead for what it needs (an 亿 or 兆, a 万
    before a digit, a 千 / 百 right after the first digit), so that a common "2,921.7万元" passes the others at
    a glance: with or without the look-aheads, the same match."""
    import re

    pattern = dict(LEXER.branches)["AMOUNT"]
    assert all(guard in pattern for guard in AMOUNT_SHAPE_LOOK_AHEADS)
    bare = pattern
    for guard in AMOUNT_SHAPE_LOOK_AHEADS:
        bare = bare.replace(guard, "")
    with_them, without = re.compile(pattern), re.compile(bare)
    at = min(at, len(text))
    a, b = with_them.match(text, at), without.match(text, at)
    assert (a and a.group()) == (b and b.group()), (text, at)


def test_the_guard_tells_a_terminal_s_start_by_its_first_two_characters():
    """The guard (lexer.guard_source) tries a starting character only before a character that may follow it in
    some terminal; one that may end a match, or whose next character cannot be told, stands alone."""
    import re

    from auditor.extract.lexer import Starts, guard_source, second_characters

    (first, then), = second_characters(r"为(?=\s*(?:约|为)?\s*\d)")  # (a look-ahead right after it: what follows)
    assert first.chars == {"为"} and then is not None and then.categories == {"space", "digit"}
    assert second_characters(r"支出如下")[0][1].chars == {"出"}
    assert second_characters(r"分(?:别|类)?")[0][1] is None  # (may end after 分)
    assert second_characters(r"[^a]b") is None
    regexps = [r"支出如下", r"(?<=[,;])\s*约?增(?=\s*\d)", r"分(?:别|类)?"]
    guard = re.compile(guard_source(regexps, [Starts.of(r) for r in regexps]))
    assert [m.start() for m in re.finditer(guard, "支付 支出如下, 增5 分")] == [3, 8, 9, 12]
