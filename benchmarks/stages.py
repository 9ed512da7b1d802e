"""Where audit_text's time goes, by stage (exclusive time: a stage's own, without the stages it calls).

    python benchmarks/stages.py [--count 100] [--min-bytes 20000] [--top 25]

Wraps the pipeline's stage functions (normalise, tables, windows, the lexer, the
LALR loop, the discourse, the readings, each resolver of the binder, each check
kind, doubt, diagnose …) with a timer, audits the reports of throughput.py
(_corpus.report) once warm, and prints each stage's share of the whole.  The
wrappers cost a little per call (~1 µs), so the shares are a guide, not a count:
benchmarks/instructions.py and throughput.py measure a change.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
import types
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _corpus

_own: dict[str, float] = defaultdict(float)
_calls: dict[str, int] = defaultdict(int)
_stack: list[float] = []  # time spent in the callees of each open stage
_empty: dict[str, float] = defaultdict(float)  # own time of the calls that returned nothing (None, [], ())


def _timed(name: str, fn):
    clock = time.process_time  # (CPU time: the machine may be shared)

    def wrapper(*args, **kwargs):
        _stack.append(0.0)
        nothing = False
        t0 = clock()
        try:
            out = fn(*args, **kwargs)
            if isinstance(out, types.GeneratorType):  # its work is done when iterated: here
                out = list(out)
                nothing = not out
                out = iter(out)
            else:
                nothing = out is None or (isinstance(out, (list, tuple, dict, set)) and not out)
            return out
        finally:
            spent = clock() - t0
            inner = _stack.pop()
            _own[name] += spent - inner
            if nothing:
                _empty[name] += spent - inner
            _calls[name] += 1
            if _stack:
                _stack[-1] += spent

    wrapper.__wrapped__ = fn
    return wrapper


def _patch(module, attr: str, name: str) -> None:
    setattr(module, attr, _timed(name, getattr(module, attr)))


def instrument() -> None:
    extract = importlib.import_module("auditor.extract")
    pipeline = importlib.import_module("auditor.pipeline")
    parse = importlib.import_module("auditor.extract.parse")
    lexer = importlib.import_module("auditor.extract.lexer")
    bind = importlib.import_module("auditor.extract.bind")  # (auditor.extract.bind is also the function's name)
    resolvers = importlib.import_module("auditor.extract.bind.resolvers")
    check = importlib.import_module("auditor.check")
    kinds = importlib.import_module("auditor.check.kinds")

    _patch(pipeline, "normalise", "normalise")
    _patch(pipeline, "evaluate", "check: other")
    _patch(pipeline, "extract", "extract: other (records, sorts)")
    for attr in ("read_tables", "windows", "figure_sentences", "place", "read_figures", "grades",
                 "table_grades", "headings", "calculations", "report_year"):
        _patch(extract, attr, f"extract: {attr}")
    _patch(extract, "parse_span", "parse: parse_span (compacting)")
    _patch(parse, "parse_window", "parse: parse_window")
    lexer.GapLexer.tokens = _timed("parse: lexer", lexer.GapLexer.tokens)
    _patch(parse, "plain_pieces", "parse: plain_pieces")
    parse._Driver.parse = _timed("parse: LALR loop", parse._Driver.parse)
    extract.table_resolver.resolve = _timed("extract: table resolver", extract.table_resolver.resolve)
    extract.bind = _timed("bind: other (arbiter, layers)", extract.bind)
    tables = importlib.import_module("auditor.extract.tables")
    for attr in ("cell_runs", "side_by_side", "read_run", "read_forms", "read_blocks", "read_family_grids",
                 "read_group_headers", "read_grids"):
        _patch(tables, attr, f"tables: {attr}")
    lines = tables.flattened_lines
    tables.flattened_lines = _timed("tables: flattened_lines", lambda text: list(lines(text)))
    bind.DocumentIndex = _timed("bind: DocumentIndex", bind.DocumentIndex)
    for name in sorted(dir(resolvers)):
        module = getattr(resolvers, name)
        if hasattr(module, "resolve") and getattr(module, "__name__", "").startswith("auditor.extract.bind.resolvers."):
            module.resolve = _timed(f"bind: {name}", module.resolve)
    for name in ("complete",):
        for mod in (resolvers.parallel_lists, resolvers.named_kinds):
            setattr(mod, name, _timed(f"bind: {mod.__name__.rsplit('.', 1)[1]}.complete", getattr(mod, name)))
    for kind, fn in list(kinds.KINDS.items()):
        kinds.KINDS[kind] = _timed(f"check: {kind}", fn)
    check.KINDS = kinds.KINDS
    for attr in ("doubt_cut_figures", "tail_noted", "cut_not_rounded", "Context"):
        _patch(check, attr, f"check: {attr}")
    check.diagnose.assign = _timed("check: diagnose", check.diagnose.assign)
    _patch(pipeline.ignores, "split", "ignores")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--min-bytes", type=int, default=20_000)
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    from auditor.check import default_rules
    from auditor.extract.vocabulary import default_vocabulary
    from auditor.pipeline import audit_text

    rules, vocab = default_rules(), default_vocabulary()
    sources = _corpus.texts()
    reports = [_corpus.report(n, args.min_bytes, sources) for n in range(args.count)]
    for text in reports[:3]:
        audit_text(text, rules=rules, vocab=vocab)  # warm: grammar, patterns, caches
    instrument()
    _own.clear()
    _calls.clear()
    t0 = time.process_time()
    for text in reports:
        audit_text(text, rules=rules, vocab=vocab)
    total = time.process_time() - t0
    size = sum(len(t.encode("utf-8")) for t in reports)
    print(f"{args.count} reports, {size / 1e6:.1f} MB, {total:.2f} s with the timers ({size / 1e6 / total:.2f} MB/s)\n")
    groups: dict[str, float] = defaultdict(float)
    for name, t in _own.items():
        groups[name.split(":")[0] if ":" in name else name] += t
    outside = total - sum(_own.values())
    print(f"{'stage':<16}{'s':>8}{'share':>8}")
    for name, t in sorted(groups.items(), key=lambda kv: -kv[1]):
        print(f"{name:<16}{t:8.2f}{t / total:8.1%}")
    print(f"{'(outside)':<16}{outside:8.2f}{outside / total:8.1%}\n")
    print(f"{'function':<44}{'s':>8}{'share':>8}{'calls':>10}{'empty':>8}")
    for name, t in sorted(_own.items(), key=lambda kv: -kv[1])[: args.top]:
        print(f"{name:<44}{t:8.2f}{t / total:8.1%}{_calls[name]:10,}{_empty[name] / total:8.1%}")
    print("\n(empty: the share of the whole spent in the calls that returned nothing — what a test that they can "
          f"find nothing could skip; all stages together: {sum(_empty.values()) / total:.1%})")


if __name__ == "__main__":
    main()
