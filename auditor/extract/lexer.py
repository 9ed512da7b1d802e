"""The lexer behind grammar/statements.lark.

Lark's own lexers need a pattern for every terminal; free prose has none.  This
lexer scans for all terminals the grammar defines (one compiled alternation,
ordered by priority) and hands over the text *between* matches as one TEXT
token, so a label such as "项目支出年初预算" arrives whole and the parser sees a
few tokens per clause instead of one per character.
"""

from __future__ import annotations

import re
from typing import Iterator

from lark.lexer import Lexer, Token

_SPACE = re.compile(r"\s+")


class GapLexer(Lexer):
    def __init__(self, lexer_conf) -> None:
        terminals = [t for t in lexer_conf.terminals if t.name not in lexer_conf.ignore]
        # Higher priority first; within a priority keep the grammar's order.
        order = {t.name: i for i, t in enumerate(terminals)}
        terminals.sort(key=lambda t: (-t.priority, order[t.name]))
        self.names = [t.name for t in terminals]
        self.pattern = re.compile(
            "|".join(f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in terminals),
            re.UNICODE,
        )

    def lex(self, data, *_parser_state) -> Iterator[Token]:
        # Lark hands a custom lexer the plain text (older versions: a LexerState).
        text = data if isinstance(data, str) else getattr(data.text, "text", data.text)
        return tokenize(self.pattern, text)


# A short bracketed remark inside a name ("因公出国(境)费", "一般预算拨款(补助)") is
# part of the label, not a bracket around figures.
_GLUE = re.compile(r"[(\[【][^()\[\]【】\d,;。:]{1,6}[)\]】]")


def tokenize(pattern: re.Pattern[str], text: str) -> Iterator[Token]:
    pos = 0  # end of the last token
    search_from = 0
    while True:
        match = pattern.search(text, search_from)
        if match is None:
            break
        start = match.start()
        if match.lastgroup == "LPAR":
            glue = _GLUE.match(text, start)
            if glue:
                search_from = glue.end()
                continue
        if start > pos:
            yield from _gap(text, pos, start)
        yield Token(match.lastgroup, match.group(), start_pos=start, end_pos=match.end())
        pos = search_from = match.end()
    if pos < len(text):
        yield from _gap(text, pos, len(text))


def _gap(text: str, start: int, end: int) -> Iterator[Token]:
    """Text between terminals → one TEXT token, surrounding white space dropped."""
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        s = start + lead
        yield Token("TEXT", stripped, start_pos=s, end_pos=s + len(stripped))
