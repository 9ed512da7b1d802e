"""Run grammar/statements.lark over one window and return its statement pieces.

The parser is built once per process (LALR, cached on disk by Lark) and applies
its transformer while parsing, so no parse tree is ever built: each grammar
rule turns straight into a small `Piece` tuple.
"""

from __future__ import annotations


import hashlib
import sys
from functools import lru_cache

import lark
from lark import Lark, Token, Transformer, Tree

from auditor import lazyre
from auditor.extract.lexer import GapLexer, make_token
from auditor.extract.scan import PAGE_FURNITURE
from auditor.extract.vocabulary import PINYIN_GLOSS_AFTER_HAN
from auditor.records import dataclass
from auditor.resources import data_dir, private_cache_dir, safe_cache_file


@dataclass(slots=True)
class Piece:
    """One statement piece; offsets are relative to the window.

    Never changed once made, but a plain slotted class, not a named tuple: every stage after
    the parse reads its fields (a piece's label, keyword, value …) again and again, and the
    interpreter specialises a slot's load, not a named tuple's field getter.  Compared and
    hashed by its fields, as the named tuple was."""

    kind: str  # labelled, increase, decrease, flat, growth_up, growth_down, share,
    #            total, qizhong, fenbie, include, item, period, date, points, words, sep
    start: int
    end: int
    label: str = ""  # TEXT before the figure, or the whole of a words piece
    keyword: str = ""  # change/total/share keyword, list opener, separator, item marker
    value: Token | None = None  # the figure's token (AMOUNT, PERCENT, …)
    copula: str = ""

    def __hash__(self) -> int:
        return hash((self.kind, self.start, self.end, self.label, self.keyword, self.value, self.copula))


def _span(tokens: list) -> tuple[int, int]:
    starts = [t.start_pos for t in tokens if isinstance(t, Token)]
    ends = [t.end_pos for t in tokens if isinstance(t, Token)]
    return min(starts), max(ends)


def _split(children: list) -> tuple[str, str, Token | None, str]:
    """TEXT label, keyword, value token and copula of a shape's children."""
    label = keyword = copula = ""
    value = None
    for tok in children:
        if tok.type == "TEXT":
            label = f"{label}{tok}" if label else str(tok)
        elif tok.type == "COPULA":
            copula = str(tok)
        elif tok.type in {"AMOUNT", "PERCENT", "SCORE", "COUNT", "NUMBER"}:
            value = tok
        elif tok.type == "YEAR":
            label = f"{label}{tok}"
        else:
            keyword = str(tok)
    return label, keyword, value, copula


class _ToPieces(Transformer):
    """Grammar rule → Piece.  Terminal children arrive as Tokens."""

    def __default__(self, data, children, meta):  # every shape rule
        if data.startswith("_"):  # a rule Lark inlines into its parent
            return Tree(data, children)
        label, keyword, value, copula = _split(children)
        start, end = _span(children)
        return Piece(str(data), start, end, label, keyword, value, copula)

    # Figures and periods stay tokens; the shape around them decides what they are.
    def _token(self, children):
        return children[0]

    amount = percent = score = count = number = period = _token

    def words(self, children):
        start, end = _span(children)
        text = "".join(str(t) for t in children)
        return Piece("words", start, end, label=text)

    def start(self, children):
        out = []
        for c in children:
            if isinstance(c, Token):  # a period on its own, or a separator
                kind = "period" if c.type == "YEAR" else "sep"
                keyword = "、" if c.type == "PAUSE" else str(c)  # "和" between figures reads as "、"
                out.append(Piece(kind, c.start_pos, c.end_pos, keyword=keyword, value=c))
            else:
                out.append(c)
        return out


@lru_cache(maxsize=1)
def parser() -> Lark:
    """The LALR parser, its tables cached in the user's private cache folder.

    Lark's cache is a pickle, so it is kept only where no other user can write
    (see `private_cache_dir`); the file name carries a hash of the grammar and
    of the Lark and Python versions, so a stale cache is never read.  Without
    a safe folder the parser is built in memory (about 0.3 s).
    """
    grammar = (data_dir("grammar") / "statements.lark").read_text(encoding="utf-8")
    options = dict(parser="lalr", lexer=GapLexer, transformer=_ToPieces(), maybe_placeholders=False)
    key = hashlib.sha256(f"{grammar}\0{lark.__version__}\0{sys.version_info[:2]}".encode()).hexdigest()[:16]
    folder = private_cache_dir()
    cache = safe_cache_file(folder, f"statements-{key}.lark-cache") if folder is not None else None
    if cache is not None:
        return Lark(grammar, cache=str(cache), **options)
    return Lark(grammar, **options)


# Tokens of a stretch that states no relation: prose, figures, periods, dates, item
# markers and separators — no change, growth, share or total word, no list opener.
# (the separators are the grammar's _separator; no statement shape holds one)
_SEPARATORS = frozenset({"COMMA", "PAUSE", "SEMI", "STOP", "COLON", "LPAR", "RPAR", "BAR"})
_PLAIN = frozenset({"TEXT", "COPULA", "AMOUNT", "PERCENT", "SCORE", "COUNT", "NUMBER", "ITEM", "DATE", "YEAR",
                    "PPOINT"}) | _SEPARATORS
_VALUES = frozenset({"AMOUNT", "PERCENT", "SCORE", "COUNT", "NUMBER"})
_ONE_TOKEN = {"ITEM": "item", "DATE": "date", "PPOINT": "points"}


def parse_window(text: str, offset: int = 0) -> list[Piece]:
    """The pieces of one window, their offsets moved by `offset`.

    Most stretches hold no relation word: for them the pieces the LALR parser
    would build are read straight off the tokens (`plain_pieces`); in the others
    the parser reads only from each relation word to the next separator
    (`_relation_stretches`), without lexing twice.  The tokens carry their final
    positions from the start, so nothing is moved afterwards."""
    lark_parser = parser()
    lexer = _gap_lexer(lark_parser)
    if lexer is None:
        pieces = lark_parser.parse(text)
        return [_shift(p, lambda k: offset + k) for p in pieces] if offset else pieces
    tokens = lexer.tokens(text, offset)
    if _PLAIN.issuperset([t.type for t in tokens]):
        return plain_pieces(tokens)
    driver = _driver(lark_parser)
    if driver is None:
        lexer.replay(text, tokens)
        return lark_parser.parse(text)
    pieces = _relation_stretches(driver, tokens)
    if pieces is None:  # not a statement the grammar knows: Lark's own parse says why
        lexer.replay(text, tokens)
        return lark_parser.parse(text)
    return pieces


class _Driver:
    """Lark's LALR loop (lark/parsers/lalr_parser_state.py `feed_token`) over a list of tokens,
    with Lark's own parse table and rule callbacks: the same shifts, reductions and pieces.

    Lark's loop runs behind four layers of calls per parse, and on each reduction hashes the
    rule (a Python `__hash__`) to find its callback and compares it with the end state (a
    Python `__eq__`); here each table entry is turned once into what it does — shift to a
    state, or reduce so many values with this callback to that rule's name.
    """

    def __init__(self, parse_table, callbacks) -> None:
        from lark.parsers.lalr_analysis import Shift

        self.start = parse_table.start_states["start"]
        self.end = parse_table.end_states["start"]
        self.token_callbacks = {name: cb for name, cb in callbacks.items() if isinstance(name, str)}
        self.actions: dict = {
            state: {name: (None, arg, 0, "") if action is Shift
                    else (callbacks[arg], arg, len(arg.expansion), arg.origin.name)
                    for name, (action, arg) in row.items()}
            for state, row in parse_table.states.items()}

    def parse(self, tokens: list[Token]) -> list[Piece] | None:
        """The pieces; None where Lark would raise (no action for a token)."""
        actions, token_callbacks, end = self.actions, self.token_callbacks, self.end
        state_stack = [self.start]
        value_stack: list = []
        for token in tokens:
            kind = token.type
            while True:
                found = actions[state_stack[-1]].get(kind)
                if found is None:
                    return None
                callback, target, size, name = found
                if callback is None:  # shift
                    state_stack.append(target)
                    value_stack.append(token_callbacks[kind](token) if kind in token_callbacks else token)
                    break
                self._reduce(state_stack, value_stack, callback, size, name)
        while True:  # the end of input: reduce until the start rule is done
            found = actions[state_stack[-1]].get("$END")
            if found is None or found[0] is None:
                return None
            callback, target, size, name = found
            self._reduce(state_stack, value_stack, callback, size, name)
            if state_stack[-1] == end:
                return value_stack[-1]

    def _reduce(self, state_stack: list, value_stack: list, callback, size: int, name: str) -> None:
        if size:
            values = value_stack[-size:]
            del state_stack[-size:]
            del value_stack[-size:]
        else:
            values = []
        value_stack.append(callback(values))
        _, state, _, _ = self.actions[state_stack[-1]][name]
        state_stack.append(state)


@lru_cache(maxsize=1)
def _driver(lark_parser: Lark) -> _Driver | None:
    """The fused loop over this parser's table; None when Lark keeps it elsewhere than expected."""
    inner = getattr(getattr(getattr(lark_parser, "parser", None), "parser", None), "parser", None)
    table, callbacks = getattr(inner, "parse_table", None), getattr(inner, "callbacks", None)
    if table is None or not isinstance(callbacks, dict) or "start" not in getattr(table, "start_states", {}):
        return None
    return _Driver(table, callbacks)


@lru_cache(maxsize=1)  # (found once: every window asks)
def _gap_lexer(lark_parser: Lark) -> GapLexer | None:
    """The parser's GapLexer instance (Lark keeps a custom lexer inside a wrapper); None if not found."""
    lexer = getattr(getattr(lark_parser, "parser", None), "lexer", None)
    for _ in range(3):
        if isinstance(lexer, GapLexer):
            return lexer
        lexer = getattr(lexer, "lexer", None)
    return None


def _relation_stretches(driver: _Driver, tokens: list[Token]) -> list[Piece] | None:
    """The pieces of tokens with relation words, the LALR loop run only from each relation word
    to the next separator.  No statement shape of the grammar holds a separator, and a relation
    word (change, growth, share, total, list opener) always begins one: so the tokens before it
    are pieces of their own, read straight off (`plain_pieces`), and the loop reads only the
    shape the word begins and what follows it up to a separator.  None where the loop refuses."""
    out: list[Piece] = []
    plain_from = k = 0
    n = len(tokens)
    while k < n:
        if tokens[k].type in _PLAIN:
            k += 1
            continue
        end = k + 1
        while end < n and tokens[end].type not in _SEPARATORS:
            end += 1
        read = driver.parse(tokens[k:end])
        if read is None:
            return None
        out += plain_pieces(tokens[plain_from:k])
        out += read
        plain_from = k = end
    out += plain_pieces(tokens[plain_from:])
    return out


def plain_pieces(tokens: list[Token]) -> list[Piece]:
    """What grammar/statements.lark makes of tokens without relation words, as its LALR
    parser reads them (a shift wins over a reduce): TEXT? COPULA? value is a labelled
    figure, TEXT COPULA? or a lone COPULA is prose, and each other token a piece of its own."""
    out: list[Piece] = []
    append = out.append
    n = len(tokens)
    i = 0
    while i < n:
        tok = tokens[i]
        kind = tok.type
        i += 1
        if kind == "TEXT" or kind == "COPULA" or kind in _VALUES:
            label = copula = ""
            last = tok  # the shape's last token so far
            if kind == "TEXT":
                label = str(tok)
                if i < n and tokens[i].type == "COPULA":
                    last = tokens[i]
                    copula = str(last)
                    i += 1
            elif kind == "COPULA":
                copula = str(tok)
            if last.type in _VALUES:
                value = last
            elif i < n and tokens[i].type in _VALUES:
                value = tokens[i]
                i += 1
            else:  # no figure: prose
                append(Piece("words", tok.start_pos, last.end_pos, label + copula, "", None, ""))
                continue
            append(Piece("labelled", tok.start_pos, value.end_pos, label, "", value, copula))
        elif kind in _ONE_TOKEN:
            append(Piece(_ONE_TOKEN[kind], tok.start_pos, tok.end_pos, "", str(tok), None, ""))
        elif kind == "YEAR":
            append(Piece("period", tok.start_pos, tok.end_pos, "", str(tok), tok, ""))
        else:  # a separator
            append(Piece("sep", tok.start_pos, tok.end_pos, "", "、" if kind == "PAUSE" else str(tok), tok, ""))
    return out


# a line ending as page furniture ends (a page number between dashes, or 页): the cheap test before PAGE_FURNITURE
_PAGE_NUMBER_END = lazyre.compile(r"(?:\d[ \t]?[-—–~]|页)[ \t]*(?:\n|$)")


def parse_span(text: str, start: int, end: int) -> list[Piece]:
    """Parse text[start:end]; pieces and their figure tokens carry offsets into `text`.

    Line breaks inside a window (hard-wrapped text: "合\n计600万元", "项目支出300万\n元")
    and pinyin glosses (mirror sites print "预(yù)算执行率(lǜ)") are taken out before
    parsing so that words and figures split by them are read whole; offsets are mapped
    back to the original positions.
    """
    window = text[start:end]
    dropped = {k for m in PINYIN_GLOSS_AFTER_HAN.finditer(window) for k in range(m.start(), m.end())} \
        if "(" in window else set()
    if "\n" in window and _PAGE_NUMBER_END.search(window):
        # a page's furniture where a page break cut the sentence ("…财政拨款收入\nXX局决算说明      - 3 -\n150.00万元"):
        # its page number is no figure, and the sentence reads on across it
        dropped |= {k for m in PAGE_FURNITURE.finditer(window) for k in range(m.start(), m.end())}
    if "\n" not in window and not dropped:
        return parse_window(window, start)
    if dropped:
        keep = [k for k, ch in enumerate(window) if ch != "\n" and k not in dropped]
        compact = "".join(window[k] for k in keep)
    else:  # line breaks only: the kept positions run by run, without a loop over every character
        keep = []
        at = 0
        for line in window.split("\n"):
            keep.extend(range(at, at + len(line)))
            at += len(line) + 1
        compact = window.replace("\n", "")

    return _placed(parse_window(compact), start, keep, len(window))


def _placed(pieces: list[Piece], start: int, keep: list[int], size: int) -> list[Piece]:
    """The pieces of a compacted window (its k-th character is the window's keep[k]-th) with their
    offsets, and their figure tokens', moved into the text: a start to where its character stands
    (the window's end past the last), an end to just after the character before it.  (What `_shift`
    does with a function for each, written out: a window with line breaks has many pieces.)"""
    out: list[Piece] = []
    append = out.append
    kept = len(keep)
    for p in pieces:
        value = p.value
        if value is not None:
            a, b = value.start_pos, value.end_pos
            value = make_token(value.type, str(value), start + (keep[a] if a < kept else size),
                               start + keep[b - 1] + 1 if b else start)
        a, b = p.start, p.end
        append(Piece(p.kind, start + (keep[a] if a < kept else size), start + keep[b - 1] + 1 if b else start,
                     p.label, p.keyword, value, p.copula))
    return out


def _shift(piece: Piece, place, end_of=None) -> Piece:
    end_of = end_of or place
    value = piece.value
    if value is not None:
        value = make_token(value.type, str(value), place(value.start_pos), end_of(value.end_pos))
    return Piece(piece.kind, place(piece.start), end_of(piece.end), piece.label, piece.keyword, value, piece.copula)
