"""Would a relation-word pre-screen in front of the lexer pay?  (issue 13: "run the LALR parse only
on the stretches that hold a relation word … derive the trigger words from the grammar")

    python benchmarks/prescreen.py [--count 100] [--min-bytes 20000] [--repeat 5]

The LALR parse already runs only from each relation word to the next separator
(auditor/extract/parse.py `parse_window`: a stretch whose tokens hold no relation
word is read straight off them by `plain_pieces`, five stretches in six of the
benchmark reports).  What is left of the parse stage is the lexer, and it must find
every terminal to know that a stretch is plain.  The pre-screen here asks first, with
the grammar's own relation terminals (the first terminal of each expansion of change /
growth / share / total / list_open, read from the built parser's rules, not listed by
hand), whether any of them matches anywhere in the stretch; where none does, the
stretch is lexed with the other terminals only (a smaller dispatch: fewer places to
stop, shorter alternations) and its pieces read by `plain_pieces`.

The tokens are the same by construction: the lexer takes, where it stands, the first
terminal (in priority order) that matches; a terminal that matches nowhere in the text
is never that one, so leaving it out changes no choice; where only such terminals can
start, both lexers move on by one character.  `PreScreen.install()` puts it into
`parse_window` as it would be written there; benchmarks/pieces_identity.py compares
every piece, fact, relation and finding with it and without it.

This script measures, on the stretches `extract` lexes for the benchmark reports (CPU
time, alternating the two ways, best of --repeat):

  * the lexer as it is, on every stretch;
  * the pre-screen, and the smaller lexer on the stretches it clears (the rest lexed as now);
  * the pre-screen written as one compiled alternation of the relation terminals instead;
  * the whole lexer as one compiled scan (every terminal behind the dispatch's guard, no Python step
    where no terminal matches), checked for the same tokens on every stretch;
  * audit_text on the reports with and without the pre-screen installed;

and checks that the smaller lexer's tokens equal the lexer's on every cleared stretch.
A measurement, not a test.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _corpus

RELATION_RULES = ("change", "growth", "share", "total", "list_open")


def relation_terminals(lark_parser) -> frozenset[str]:
    """The terminals a relation shape of the grammar begins with (read from the parser's rules)."""
    return frozenset(rule.expansion[0].name for rule in lark_parser.rules
                     if rule.origin.name in RELATION_RULES and rule.expansion and rule.expansion[0].is_term)


class PreScreen:
    """The lexer's terminals split in two dispatches: the relation terminals and all the others."""

    def __init__(self) -> None:
        from auditor.extract.lexer import Dispatch
        from auditor.extract.parse import _PLAIN, _gap_lexer, parser
        from auditor import patterncache

        lark_parser = parser()
        self.lexer = _gap_lexer(lark_parser)
        self.triggers = relation_terminals(lark_parser)
        # (every terminal that plain_pieces does not read is a relation terminal: the pieces stay the parser's)
        assert self.triggers == frozenset(self.lexer.names) - _PLAIN, (self.triggers, _PLAIN)
        dispatch = self.lexer.dispatch

        def subset(keep) -> Dispatch:
            branches = [(name, regexp, starts) for name, regexp, starts in dispatch.branches if keep(name)]
            guard = "[" + "".join(starts.regex() for _, _, starts in branches) + "]" if branches else "(?!)"
            return Dispatch(branches, patterncache.compile(guard))

        self.relation = subset(lambda name: name in self.triggers)
        self.others = subset(lambda name: name not in self.triggers)

    def holds_relation(self, text: str) -> bool:
        """Does a relation terminal match at some position of `text`?  (Each position where one can start.)"""
        guard, by_char, at = self.relation.guard.search, self.relation._by_char, self.relation.at
        start = 0
        while True:
            found = guard(text, start)
            if found is None:
                return False
            position = found.start()
            ch = text[position]
            entry = by_char.get(ch)
            if entry is None:
                entry = at(ch)
            if entry[0].match(text, position) is not None:
                return True
            start = position + 1

    def tokens(self, text: str, offset: int = 0):
        """text's tokens read with the other terminals when no relation terminal matches in it, else None."""
        from auditor.extract.lexer import tokenize

        return None if self.holds_relation(text) else tokenize(None, text, self.others, offset)

    def install(self):
        """parse_window with the pre-screen in front (as it would be written there); returns the undo."""
        import auditor.extract.parse as parse

        window = parse.parse_window

        def screened(text: str, offset: int = 0):
            tokens = self.tokens(text, offset)
            return parse.plain_pieces(tokens) if tokens is not None else window(text, offset)

        parse.parse_window = screened

        def undo() -> None:
            parse.parse_window = window

        return undo


def stretches(texts: list[str]) -> list[str]:
    """The strings `extract` hands to parse_window for these texts (line breaks taken out as parse_span does)."""
    import auditor.extract.parse as parse
    from auditor.extract import extract
    from auditor.extract.vocabulary import default_vocabulary
    from auditor.normalise import normalise

    out: list[str] = []
    window = parse.parse_window

    def keep(text, offset=0):
        out.append(text)
        return window(text, offset)

    parse.parse_window = keep
    try:
        vocab = default_vocabulary()
        for text in texts:
            extract(normalise(text), vocab)
    finally:
        parse.parse_window = window
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--min-bytes", type=int, default=20_000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    from auditor.check import default_rules
    from auditor.extract.vocabulary import default_vocabulary
    from auditor.pipeline import audit_text

    screen = PreScreen()
    lexer = screen.lexer
    sources = _corpus.texts()
    texts = [_corpus.report(n, args.min_bytes, sources) for n in range(args.count)]
    windows = stretches(texts)
    print(f"{args.count} reports, {sum(len(t.encode()) for t in texts) / 1e6:.1f} MB; {len(windows):,} stretches lexed, "
          f"{sum(map(len, windows)):,} characters")
    print(f"relation terminals (from the grammar's rules): {', '.join(sorted(screen.triggers))}")

    cleared = [w for w in windows if not screen.holds_relation(w)]

    def key(tokens):
        return [(t.type, str(t), t.start_pos, t.end_pos) for t in tokens]

    same = sum(key(screen.tokens(w)) == key(lexer.tokens(w)) for w in cleared)
    print(f"cleared by the pre-screen: {len(cleared):,} of {len(windows):,} stretches; the smaller lexer's tokens "
          f"identical on {same:,} of {len(cleared):,}")

    def lex_now():
        for w in windows:
            lexer.tokens(w)

    def lex_screened():
        for w in windows:
            if screen.tokens(w) is None:
                lexer.tokens(w)

    def screen_only():
        for w in windows:
            screen.holds_relation(w)

    import re

    one_pattern = re.compile("|".join(f"(?:{regexp})" for _, regexp, _ in screen.relation.branches))

    def screen_one_pattern():  # (the pre-screen as one compiled alternation: every branch tried at every place)
        for w in windows:
            one_pattern.search(w)

    # the whole lexer as one scan in C instead of the dispatch loop: the terminals in priority order behind the
    # dispatch's guard, the bracket glue (lexer._GLUE, which the loop tries after an LPAR) as a branch just before
    # LPAR — a place with no Python step, only each token is one
    from auditor.extract import lexer as lexmod

    parts = []
    for name, regexp in lexer.branches:
        if name == "LPAR":
            parts.append(f"(?P<GLUE_>{lexmod._GLUE.pattern})")
        parts.append(f"(?P<{name}>{regexp})")
    one_scan = re.compile(f"(?={lexer.dispatch.guard.pattern})(?:" + "|".join(parts) + ")")

    def scanned(text: str) -> list:
        out: list = []
        pos = 0
        for m in one_scan.finditer(text):
            name = m.lastgroup
            if name == "GLUE_":
                continue  # (a short remark in brackets: part of the label around it)
            position, end = m.span()
            if position > pos:
                lexmod._gap(out, text, pos, position)
            out.append(lexmod.make_token(name, m.group(), position, end))
            pos = end
        if pos < len(text):
            lexmod._gap(out, text, pos, len(text))
        return out

    def lex_one_scan():
        for w in windows:
            scanned(w)

    def lex_cleared_now():
        for w in cleared:
            lexer.tokens(w)

    def lex_cleared_smaller():
        from auditor.extract.lexer import tokenize

        for w in cleared:
            tokenize(None, w, screen.others)

    same = sum(key(scanned(w)) == key(lexer.tokens(w)) for w in windows)
    print(f"the lexer as one compiled scan: tokens identical on {same:,} of {len(windows):,} stretches\n")
    rules, vocab = default_rules(), default_vocabulary()

    def audit():
        for t in texts:
            audit_text(t, rules=rules, vocab=vocab)

    for t in texts[:3]:
        audit_text(t, rules=rules, vocab=vocab)
    timings: dict[str, list[float]] = {}
    steps = [("lexer as it is, every stretch", lex_now), ("pre-screen + smaller lexer, every stretch", lex_screened),
             ("  of which the pre-screen alone", screen_only), ("the pre-screen as one compiled pattern", screen_one_pattern),
             ("the whole lexer as one compiled scan", lex_one_scan),
             ("lexer as it is, cleared stretches", lex_cleared_now),
             ("smaller lexer, cleared stretches", lex_cleared_smaller)]
    for n in range(args.repeat):
        for name, fn in steps if n % 2 == 0 else steps[::-1]:
            t0 = time.process_time()
            fn()
            timings.setdefault(name, []).append(time.process_time() - t0)
    for n in range(args.repeat):
        for installed in ((False, True) if n % 2 == 0 else (True, False)):
            undo = screen.install() if installed else None
            t0 = time.process_time()
            audit()
            timings.setdefault(f"audit_text, pre-screen {'installed' if installed else 'absent'}", []).append(
                time.process_time() - t0)
            if undo:
                undo()
    base = min(timings["lexer as it is, every stretch"])
    print(f"{'CPU s, best of ' + str(args.repeat):<48}{'s':>8}{'of lexer':>10}")
    for name, ts in timings.items():
        print(f"{name:<48}{min(ts):8.3f}{min(ts) / base:10.0%}")
    now, screened = (min(timings[f"audit_text, pre-screen {w}"]) for w in ("absent", "installed"))
    print(f"\naudit_text with the pre-screen: {screened / now - 1:+.1%} CPU time (best of {args.repeat} each, "
          f"alternating; every run: absent {sorted(round(t, 2) for t in timings['audit_text, pre-screen absent'])}, "
          f"installed {sorted(round(t, 2) for t in timings['audit_text, pre-screen installed'])})")


if __name__ == "__main__":
    main()
