"""The lexer behind grammar/statements.lark.

Lark's own lexers need a pattern for every terminal; free prose has none.  This
lexer scans for all terminals the grammar defines (one compiled alternation,
ordered by priority) and hands over the text *between* matches as one TEXT
token, so a label such as "项目支出年初预算" arrives whole and the parser sees a
few tokens per clause instead of one per character.

Most characters of a report can start no terminal (a terminal starts with a
digit, a punctuation mark or one of a few dozen words' first characters), yet
a plain search tries every branch of the alternation, lookbehinds first, at
every position.  So the lexer works out from the terminals' own patterns which
characters each can start with (`first_characters`), jumps between such
characters with one character-class search, and there tries only the
terminals that can start with that character, in the same order: the same
tokens, found 3–4× faster.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from typing import Iterator

from lark.lexer import Lexer, Token

from auditor import lazyre, patterncache


class GapLexer(Lexer):
    def __init__(self, lexer_conf) -> None:
        terminals = [t for t in lexer_conf.terminals if t.name not in lexer_conf.ignore]
        # Higher priority first; within a priority keep the grammar's order.
        order = {t.name: i for i, t in enumerate(terminals)}
        terminals.sort(key=lambda t: (-t.priority, order[t.name]))
        self.names = [t.name for t in terminals]
        self.branches = [(t.name, t.pattern.to_regexp()) for t in terminals]
        self.dispatch = Dispatch.of(self.branches)
        self._pattern: re.Pattern[str] | None = None
        self._replay: tuple[str, list[Token]] | None = None

    @property
    def pattern(self) -> re.Pattern[str]:
        """The whole alternation (compiled when first needed: the dispatch does without it)."""
        if self._pattern is None:
            self._pattern = patterncache.compile("|".join(f"(?P<{name}>{regexp})" for name, regexp in self.branches),
                                                 re.UNICODE)
        return self._pattern

    def lex(self, data, *_parser_state) -> Iterator[Token]:
        # Lark hands a custom lexer the plain text (older versions: a LexerState).
        text = data if isinstance(data, str) else getattr(data.text, "text", data.text)
        replay, self._replay = self._replay, None
        if replay is not None and replay[0] == text:
            return iter(replay[1])
        return iter(self.tokens(text))

    def tokens(self, text: str, offset: int = 0) -> list[Token]:
        """text's tokens, their positions moved by `offset` (where text stands in a longer one)."""
        return tokenize(self.pattern if self.dispatch is None else None, text, self.dispatch, offset)

    def replay(self, text: str, tokens: list[Token]) -> None:
        """Hand over `tokens` (already read from `text`) the next time the parser asks for text's tokens."""
        self._replay = (text, tokens)


class Dispatch:
    """Where a terminal may start, and which terminals to try there.

    `guard` finds the next character any terminal can start with; `at(ch)` is one
    compiled alternation of the terminals that can start with `ch`, in priority
    order, each a named group (compiled once, when first needed): at a given
    position an alternation matches with its first branch that matches, as
    trying the terminals one by one would, in one call instead of several.
    """

    def __init__(self, branches: list[tuple[str, str, "Starts"]], guard: re.Pattern[str]) -> None:
        self.branches = branches
        self.guard = guard
        self._by_char: dict[str, tuple[re.Pattern[str], dict[int, str]]] = {}

    @classmethod
    def of(cls, branches: list[tuple[str, str]]) -> "Dispatch | None":
        """None when some terminal may start with any character (or match nothing at all)."""
        regexps = [regexp for _, regexp in branches]
        starts = analysed(regexps)
        if any(s is None for s in starts):
            return None
        guard = patterncache.compile(guard_source(regexps, starts))
        return cls([(name, regexp, s) for (name, regexp), s in zip(branches, starts)], guard)

    def at(self, ch: str) -> tuple[re.Pattern[str], dict[int, str]]:
        """The alternation to try where `ch` stands, and each branch's terminal by its group number."""
        try:
            return self._by_char[ch]
        except KeyError:
            pass
        chosen = [(name, regexp) for name, regexp, starts in self.branches if ch in starts]
        alternation = "|".join(f"(?P<{name}>{regexp})" for name, regexp in chosen) or "(?!)"  # (?!): none
        compiled = patterncache.compile(alternation, re.UNICODE)
        self._by_char[ch] = found = (compiled, {compiled.groupindex[name]: name for name, _ in chosen})
        return found


class Starts:
    """The characters a match of a pattern can start with: some characters, ranges,
    and the categories digit / space / word (as `re` defines them for text)."""

    def __init__(self, chars: set[str], ranges: set[tuple[str, str]], categories: set[str]) -> None:
        self.chars = frozenset(chars)
        self.ranges = tuple(sorted(ranges))
        self.categories = frozenset(categories)

    @classmethod
    def of(cls, regexp: str) -> "Starts | None":
        """None when that cannot be told (any character, an empty match, a
        back-reference, case folding)."""
        try:
            from re import _constants as sre
            from re import _parser as sre_parse
        except ImportError:  # the regular expression parser is private to Python: without it, no dispatch
            return None
        chars: set[str] = set()
        ranges: set[tuple[str, str]] = set()
        categories: set[str] = set()
        try:
            nullable = _first(sre_parse.parse(regexp), (chars, ranges, categories), sre)
        except _Unknown:
            return None
        except Exception:  # a pattern this Python parses differently: no dispatch
            return None
        if nullable or not (chars or ranges or categories):
            return None
        return cls(chars, ranges, categories)

    def as_data(self) -> list:
        """What `from_data` reads back (JSON)."""
        return ["".join(sorted(self.chars)), [list(r) for r in self.ranges], sorted(self.categories)]

    @classmethod
    def from_data(cls, data) -> "Starts":
        chars, ranges, categories = data
        if not (isinstance(chars, str) and all(len(r) == 2 and all(isinstance(c, str) and len(c) == 1 for c in r)
                                               for r in ranges) and set(categories) <= {"digit", "space", "word"}):
            raise ValueError("not a first-character set")
        return cls(set(chars), {tuple(r) for r in ranges}, set(categories))

    def __contains__(self, ch: str) -> bool:
        return (ch in self.chars or any(low <= ch <= high for low, high in self.ranges)
                or ("digit" in self.categories and ch.isdecimal())  # \d
                or ("space" in self.categories and ch.isspace())  # \s
                or ("word" in self.categories and (ch.isalnum() or ch == "_")))  # \w

    def regex(self) -> str:
        """The body of a character class holding the same characters."""
        def esc(ch: str) -> str:
            return "\\" + ch if ch in "-]^\\[" else ch

        parts = [esc(c) for c in sorted(self.chars)] + [f"{esc(a)}-{esc(b)}" for a, b in self.ranges]
        parts += [{"digit": r"\d", "space": r"\s", "word": r"\w"}[c] for c in sorted(self.categories)]
        return "".join(parts)


def analysed(regexps: list[str]) -> list[Starts | None]:
    """`Starts.of` each pattern.  Telling what a pattern can start with parses it in
    Python, ~5 ms of every start for the grammar's terminals: the result is kept in
    the private cache (auditor/resources.py `read_private`: the user's own file,
    checked against its SHA-256), named by a hash of the patterns and the Python
    version — another grammar or another parser is another name."""
    from auditor.resources import read_private, write_private

    key = hashlib.sha256(repr((sys.version_info[:2], regexps)).encode()).hexdigest()[:16]
    name = f"lexer-{key}.json"
    content = read_private(name)
    if content is not None:
        try:
            cached = json.loads(content)
            if isinstance(cached, list) and len(cached) == len(regexps):
                return [Starts.from_data(c) if c is not None else None for c in cached]
        except (ValueError, TypeError):
            pass
    starts = [Starts.of(regexp) for regexp in regexps]
    write_private(name, json.dumps([s.as_data() if s is not None else None for s in starts],
                                   ensure_ascii=False).encode("utf-8"))
    return starts


def guard_source(regexps: list[str], starts: list[Starts]) -> str:
    """The guard's pattern: where any of the terminals may start, told by the first two characters.

    A character that starts a terminal often stands where none starts ("支" of 支出 beside 支出如下, a space
    before no 增 / 减 / 分 / 按 …): the guard tries it only before a character that may follow it in some
    terminal (`second_characters`) — "支(?=[出])" —, and any other starting character alone; a terminal
    whose second character cannot be told, or that may end after its first, leaves its first characters
    alone.  The same positions where a terminal matches, fewer tries where none does.  Kept in the
    private cache as `analysed` keeps the first characters (the patterns parsed in Python)."""
    from auditor.resources import read_private, write_private

    key = hashlib.sha256(repr((sys.version_info[:2], "guard", regexps)).encode()).hexdigest()[:16]
    name = f"lexer-guard-{key}.json"
    content = read_private(name)
    if content is not None:
        try:
            cached = json.loads(content)
            if isinstance(cached, str):
                return cached
        except ValueError:
            pass
    source = _guard(regexps, starts)
    write_private(name, json.dumps(source, ensure_ascii=False).encode("utf-8"))
    return source


def _guard(regexps: list[str], starts: list[Starts]) -> str:
    # each of the first characters' parts (a character, a range, a category) → what may follow it (None: anything)
    follow: dict[tuple[str, object], list | None] = {}

    def add(part: tuple[str, object], then: Starts | None) -> None:
        if part in follow and follow[part] is None:
            return
        follow[part] = None if then is None else [*follow.get(part, []), then]

    for regexp, first in zip(regexps, starts):
        pairs = second_characters(regexp)
        for one, then in pairs if pairs is not None else [(first, None)]:
            for part in [("char", c) for c in one.chars] + [("range", r) for r in one.ranges] \
                    + [("category", c) for c in one.categories]:
                add(part, then)
    alone = Starts({v for (k, v), t in follow.items() if k == "char" and t is None},
                   {v for (k, v), t in follow.items() if k == "range" and t is None},
                   {v for (k, v), t in follow.items() if k == "category" and t is None})
    branches = ["[" + alone.regex() + "]"] if alone.chars or alone.ranges or alone.categories else []
    for (kind, value), then in sorted(follow.items(), key=repr):
        if then is None:
            continue
        after = Starts(set().union(*(t.chars for t in then)), set().union(*(t.ranges for t in then)),
                       set().union(*(t.categories for t in then)))
        one = Starts({value} if kind == "char" else set(), {value} if kind == "range" else set(),
                     {value} if kind == "category" else set())
        branches.append(f"[{one.regex()}](?=[{after.regex()}])")
    return "|".join(branches) or "(?!)"


def second_characters(regexp: str) -> list[tuple[Starts, Starts | None]] | None:
    """(first characters, the characters that may follow them in a match) of each way a match of `regexp`
    can start — None for the second where the match may end after the first character and nothing tells
    what follows, or it cannot be told; None for all when the first cannot be told."""
    try:
        from re import _constants as sre
        from re import _parser as sre_parse

        return _pairs(list(sre_parse.parse(regexp)), sre, 0)
    except Exception:  # (_Unknown, a pattern this Python parses otherwise, too deep)
        return None


def _sets(items, sre) -> tuple[Starts | None, bool]:
    """What `items` may start with (None: cannot be told) and whether it may match empty."""
    chars: set[str] = set()
    ranges: set[tuple[str, str]] = set()
    categories: set[str] = set()
    try:
        nullable = _first(items, (chars, ranges, categories), sre)
    except _Unknown:
        return None, True
    return Starts(chars, ranges, categories), nullable


def _after(rest, sre) -> Starts | None:
    """What may follow a first character that `rest` of the pattern follows (None: anything)."""
    found, nullable = _sets(rest, sre)
    if found is not None and not nullable:
        return found
    # the match may end here: a look-ahead standing right here still tells the next character ("为(?=\s*\d)")
    for op, av in rest:
        if op is sre.ASSERT and av[0] == 1:
            ahead, empty = _sets(av[1], sre)
            if ahead is not None and not empty:
                return ahead
        elif op not in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
            break
    return None


def _pairs(items: list, sre, depth: int) -> list[tuple[Starts, Starts | None]]:
    if depth > 40:
        raise _Unknown
    for k, (op, av) in enumerate(items):
        rest = items[k + 1:]
        if op is sre.LITERAL or op is sre.IN:
            first, _ = _sets([(op, av)], sre)
            if first is None:
                raise _Unknown
            return [(first, _after(rest, sre))]
        if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
            continue
        if op is sre.BRANCH:
            return [pair for branch in av[1] for pair in _pairs(list(branch) + rest, sre, depth + 1)]
        if op is sre.SUBPATTERN:
            _group, add_flags, _del_flags, inner = av
            if add_flags & sre.SRE_FLAG_IGNORECASE:
                raise _Unknown
            return _pairs(list(inner) + rest, sre, depth + 1)
        if op is getattr(sre, "ATOMIC_GROUP", None):
            return _pairs(list(av) + rest, sre, depth + 1)
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
            low, high, inner = av
            again = [(op, (max(low - 1, 0), high if high == sre.MAXREPEAT else high - 1, inner))] if high != 1 else []
            pairs = _pairs(list(inner) + again + rest, sre, depth + 1)
            return pairs + _pairs(rest, sre, depth + 1) if low == 0 else pairs
        raise _Unknown
    raise _Unknown  # (the empty match)


def first_characters(regexp: str) -> str | None:
    """The body of a character class that holds every character a match of `regexp`
    can start with, or None when that cannot be told."""
    starts = Starts.of(regexp)
    return starts.regex() if starts is not None else None


class _Unknown(Exception):
    """Any character may start the match."""


_CATEGORIES = {"CATEGORY_DIGIT": "digit", "CATEGORY_SPACE": "space", "CATEGORY_WORD": "word"}


def _first(sequence, out: tuple[set, set, set], sre) -> bool:
    """Add what `sequence` can start with to `out` (characters, ranges, categories);
    True when it can match empty."""
    chars, ranges, categories = out
    for op, av in sequence:
        if op is sre.LITERAL:
            chars.add(chr(av))
            return False
        if op is sre.IN:
            for item, value in av:
                if item is sre.LITERAL:
                    chars.add(chr(value))
                elif item is sre.RANGE:
                    ranges.add((chr(value[0]), chr(value[1])))
                elif item is sre.CATEGORY and str(value) in _CATEGORIES:
                    categories.add(_CATEGORIES[str(value)])
                else:  # NEGATE, a negated category …
                    raise _Unknown
            return False
        if op is sre.BRANCH:
            if not any([_first(branch, out, sre) for branch in av[1]]):
                return False
            continue
        if op is sre.SUBPATTERN:
            _group, add_flags, _del_flags, inner = av
            if add_flags & sre.SRE_FLAG_IGNORECASE:
                raise _Unknown
            if not _first(inner, out, sre):
                return False
            continue
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
            low, _high, inner = av
            if not _first(inner, out, sre) and low > 0:
                return False
            continue
        if op is getattr(sre, "ATOMIC_GROUP", None):
            if not _first(av, out, sre):
                return False
            continue
        if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
            continue  # zero width: the next element starts the match
        raise _Unknown  # ANY, NOT_LITERAL, GROUPREF …
    return True


def _make_token():
    """A Token constructor without Lark's argument checks (a tenth of the lexing time):
    the same eight slots set to the same values, or Lark's own if its Token changed."""
    slots = ("type", "start_pos", "value", "line", "column", "end_line", "end_column", "end_pos")
    if getattr(Token, "__slots__", None) != slots:
        return lambda kind, value, start, end: Token(kind, value, start_pos=start, end_pos=end)
    new = str.__new__

    def token(kind: str, value: str, start: int, end: int) -> Token:
        inst = new(Token, value)
        inst.type = kind
        inst.start_pos = start
        inst.value = value
        inst.line = inst.column = inst.end_line = inst.end_column = None
        inst.end_pos = end
        return inst

    return token


make_token = _make_token()
# the fast constructor when Lark's Token has the slots it sets (the lexer's loop then sets them itself)
_fast_token = make_token if getattr(Token, "__slots__", None) == (
    "type", "start_pos", "value", "line", "column", "end_line", "end_column", "end_pos") else None


# A short bracketed remark inside a name ("因公出国(境)费", "一般预算拨款(补助)") is
# part of the label, not a bracket around figures.
_GLUE = lazyre.compile(r"[(\[【][^()\[\]【】\d,;。:]{1,6}[)\]】]")


def _next_match(pattern: re.Pattern[str] | None, dispatch: Dispatch | None, text: str,
                start: int) -> tuple[str, re.Match[str]] | None:
    """(terminal, match) of pattern.search(text, start), trying only where and what the dispatch allows."""
    if dispatch is None:
        match = pattern.search(text, start)
        return (match.lastgroup, match) if match is not None else None
    guard, at = dispatch.guard.search, dispatch.at
    while True:
        found = guard(text, start)
        if found is None:
            return None
        position = found.start()
        candidates, names = at(text[position])
        match = candidates.match(text, position)
        if match is not None:
            return names[match.lastindex], match  # the branch's own group closes last
        start = position + 1


def tokenize(pattern: re.Pattern[str] | None, text: str, dispatch: Dispatch | None = None,
             offset: int = 0) -> list[Token]:
    """The tokens of `text`: the terminals `pattern` finds (or `dispatch`, if given) and TEXT
    between them; positions are moved by `offset`.  (A list built in place: a generator and a
    nested one per gap cost a tenth of the lexing.)"""
    if dispatch is not None and make_token is _fast_token:
        return _tokenize_dispatched(text, dispatch, offset)
    out: list[Token] = []
    pos = 0  # end of the last token
    search_from = 0
    while True:
        found = _next_match(pattern, dispatch, text, search_from)
        if found is None:
            break
        name, match = found
        start = match.start()
        if name == "LPAR":
            glue = _GLUE.match(text, start)
            if glue:
                search_from = glue.end()
                continue
        if start > pos:
            _gap(out, text, pos, start, offset)
        end = match.end()
        out.append(make_token(name, match.group(), start + offset, end + offset))
        pos = search_from = end
    if pos < len(text):
        _gap(out, text, pos, len(text), offset)
    return out


def _tokenize_dispatched(text: str, dispatch: Dispatch, offset: int) -> list[Token]:
    """`tokenize` with the dispatch, `_next_match`, `_gap` and `make_token` written out in the
    loop (used where Lark's Token has the slots `make_token` sets): the same tokens, without
    three Python calls per token."""
    out: list[Token] = []
    append = out.append
    guard = dispatch.guard.search
    by_char = dispatch._by_char
    at = dispatch.at
    glue_match = _GLUE.match
    new = str.__new__
    pos = 0  # end of the last token
    search_from = 0
    while True:
        found = guard(text, search_from)
        if found is None:
            break
        position = found.start()
        ch = text[position]
        entry = by_char.get(ch)
        if entry is None:
            entry = at(ch)
        candidates, names = entry
        match = candidates.match(text, position)
        if match is None:
            search_from = position + 1
            continue
        name = names[match.lastindex]  # the branch's own group closes last
        if name == "LPAR":
            glue = glue_match(text, position)
            if glue:
                search_from = glue.end()
                continue
        if position > pos:  # the text between terminals: one TEXT token, white space around it dropped
            chunk = text[pos:position]
            stripped = chunk.strip()
            if stripped:
                s = pos + len(chunk) - len(chunk.lstrip()) + offset
                tok = new(Token, stripped)
                tok.type = "TEXT"
                tok.start_pos = s
                tok.value = stripped
                tok.line = tok.column = tok.end_line = tok.end_column = None
                tok.end_pos = s + len(stripped)
                append(tok)
        end = match.end()
        value = match.group()
        tok = new(Token, value)
        tok.type = name
        tok.start_pos = position + offset
        tok.value = value
        tok.line = tok.column = tok.end_line = tok.end_column = None
        tok.end_pos = end + offset
        append(tok)
        pos = search_from = end
    if pos < len(text):
        _gap(out, text, pos, len(text), offset)
    return out


def _gap(out: list[Token], text: str, start: int, end: int, offset: int = 0) -> None:
    """Text between terminals → one TEXT token (added to `out`), surrounding white space dropped."""
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        s = start + len(chunk) - len(chunk.lstrip()) + offset
        out.append(make_token("TEXT", stripped, s, s + len(stripped)))
