"""Does the lexer's relation-word pre-screen (benchmarks/prescreen.py) leave every piece, fact,
relation and finding as it was?

    python benchmarks/pieces_identity.py [--full] [--jobs N] [DIR_OR_FILE ...]

With the pre-screen installed, `parse_window` reads a stretch with the plain
terminals only when none of the relation terminals matches anywhere in it
(`PreScreen.install`).  This script audits every text with it and, for every
stretch the pipeline parses, parses it a second time as `parse_window` does now
and compares the two lists of pieces field by field, the figure tokens' types,
texts and offsets included.  With --full it also audits each text a second time
without the pre-screen and compares the whole extraction (facts and every kind
of relation, as `repr` shows them), the findings and the outcomes.  (A template
for the next change of the parse: install it in `_setup` instead.)

Default texts: examples/ (seeds and corpus; never sealed/), tests/ and
/work/main/tests/consistent, each distinct text once.  Exit status 1 when anything
differs (the first differences are printed).
"""

from __future__ import annotations

import argparse
import sys
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import IDENTITY_PLACES, distinct_texts  # noqa: E402

DEFAULT = IDENTITY_PLACES


def _key(pieces) -> list[tuple]:
    return [(p.kind, p.start, p.end, p.label, p.keyword, p.copula,
             None if p.value is None else (p.value.type, str(p.value), p.value.start_pos, p.value.end_pos))
            for p in pieces]


_state: dict = {}


def _setup(full: bool) -> None:
    import auditor.extract.parse as parse
    from auditor.check import default_rules
    from auditor.extract.vocabulary import default_vocabulary
    from prescreen import PreScreen

    _state.update(rules=default_rules(), vocab=default_vocabulary(), full=full, stretches=0, cleared=0)
    window = parse.parse_window  # as it is
    screen = PreScreen()
    screen.install()
    screened = parse.parse_window

    def compared(text: str, offset: int = 0):
        new = screened(text, offset)
        old = window(text, offset)
        _state["stretches"] += 1
        _state["cleared"] += not screen.holds_relation(text)
        if _key(new) != _key(old):
            _state["differ"].append((text, _key(old), _key(new)))
        return new

    def installed(on: bool) -> None:
        parse.parse_window = compared if on else window

    installed(True)
    _state["installed"] = installed


def _check(path: str) -> tuple[str, int, int, list[str]]:
    from auditor.pipeline import audit_text

    text = Path(path).read_text(encoding="utf-8", errors="replace")
    _state["stretches"] = _state["cleared"] = 0
    _state["differ"] = []
    problems = []
    new = audit_text(text, path=path, rules=_state["rules"], vocab=_state["vocab"])
    for stretch, old, now in _state["differ"][:3]:
        problems.append(f"pieces of {stretch[:60]!r}: old {old[:4]} … new {now[:4]} …")
    stretches, cleared = _state["stretches"], _state["cleared"]
    if _state["full"]:
        _state["installed"](False)
        try:
            old = audit_text(text, path=path, rules=_state["rules"], vocab=_state["vocab"])
        finally:
            _state["installed"](True)
        for name in ("extraction", "findings", "outcomes", "suppressed"):
            if repr(getattr(old, name)) != repr(getattr(new, name)):
                problems.append(f"{name} differ")
    return path, stretches, cleared, problems


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("places", nargs="*", type=Path)
    ap.add_argument("--full", action="store_true", help="also compare facts, relations, findings and outcomes")
    ap.add_argument("--jobs", type=int, default=1)
    args = ap.parse_args()
    paths = distinct_texts(args.places or DEFAULT)
    print(f"{len(paths):,} distinct texts", flush=True)
    stretches = cleared = bad = 0
    with Pool(args.jobs, initializer=_setup, initargs=(args.full,)) as pool:
        for n, (path, s, c, problems) in enumerate(pool.imap_unordered(_check, [str(p) for p in paths], chunksize=8), 1):
            stretches += s
            cleared += c
            if problems:
                bad += 1
                if bad <= 10:
                    print(f"DIFFERS {path}:", *problems, sep="\n  ")
            if n % 2000 == 0:
                print(f"  {n:,} texts …", flush=True)
    what = "pieces, facts, relations, findings and outcomes" if args.full else "pieces"
    print(f"{stretches:,} stretches parsed, {cleared:,} of them read with the plain terminals; "
          f"{what} identical on {len(paths) - bad:,} of {len(paths):,} texts")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
