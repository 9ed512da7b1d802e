"""Instructions to audit benchmark reports in process, counted by valgrind (cachegrind).

    python benchmarks/instructions.py [--count 20] [--min-bytes 20000] [--rev REV]

Wall time on a shared machine moves by ±5 % from run to run; a speed change of
1 % needs a measure that does not.  This one runs the same script twice under
`valgrind --tool=cachegrind` — once auditing the reports, once only starting
and warming up (the grammar built, the rules and vocabulary loaded, three other
reports audited) — and prints the difference: the instructions (Ir) that
auditing the reports took, the same from run to run (PYTHONHASHSEED=0).

The reports are those of throughput.py (_corpus.report: seed and corpus texts
lengthened to --min-bytes).  With --rev the same is counted for a git revision
(exported with git archive) and the ratio printed.  Needs valgrind; about 30 s
for 20 reports.  A measurement, not a test.

Each checkout is counted with a private cache folder of its own (XDG_CACHE_HOME),
filled by one run before the counted ones: the compiled patterns, the parser and
the rules are then read from it alike in both counted runs.  The user's own cache
is shared with every other auditor run and rewritten by them (a run that compiles a
pattern the file lacks writes the file at exit): counted in it, the same code
moved by up to half a percent from one count to the next.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from _corpus import export  # noqa: E402  (the reference's files)

ROOT = Path(__file__).resolve().parents[1]

_CHILD = r"""
import sys
root, count, min_bytes = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
sys.path.insert(0, root)
sys.path.insert(0, sys.argv[4])  # (the benchmarks folder: _corpus)
import _corpus
import auditor
assert auditor.__file__.startswith(root), (auditor.__file__, root)
from auditor.check import default_rules
from auditor.extract.vocabulary import default_vocabulary
from auditor.pipeline import audit_text
sources = _corpus.texts()
warm = [_corpus.report(n, min_bytes, sources) for n in range(100, 103)]
reports = [_corpus.report(n, min_bytes, sources) for n in range(count)]
rules, vocab = default_rules(), default_vocabulary()
for text in warm + reports:
    audit_text(text, path="report.txt", rules=rules, vocab=vocab)
"""


@contextmanager
def child_runs(source: str, args: list[str]) -> Iterator[Callable[..., int]]:
    """A child script (`source`, run as `python -P child.py *args *extra`) in a folder of its own, with a private cache
    folder (XDG_CACHE_HOME) and PYTHONHASHSEED=0: yields run(*extra, counted=True), the instructions (Ir) cachegrind
    counts for one run — or, counted=False, a plain run (a warm-up that fills the cache), 0."""
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "child.py"
        script.write_text(source, encoding="utf-8")
        cache = Path(tmp) / "cache"
        cache.mkdir(mode=0o700)
        env = {**os.environ, "PYTHONHASHSEED": "0", "XDG_CACHE_HOME": str(cache)}
        child = [sys.executable, "-P", str(script), *args]
        tool = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]

        def run(*extra: str, counted: bool = True) -> int:
            done = subprocess.run([*tool, *child, *extra] if counted else [*child, *extra], capture_output=True,
                                  text=True, env=env, cwd=tmp)
            if not counted:
                if done.returncode != 0:
                    raise SystemExit(f"the warm-up run failed ({done.returncode}): {done.stderr.strip()[-500:]}")
                return 0
            m = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
            if done.returncode != 0 or m is None:
                raise SystemExit(f"valgrind failed ({done.returncode}): {done.stderr.strip()[-500:]}")
            return int(m.group(1).replace(",", ""))

        yield run


def instructions(root: Path, count: int, min_bytes: int) -> int:
    """Ir of auditing `count` reports with the auditor at `root` (start-up and warm-up taken off)."""
    # (the child reads: its auditor's root, how many reports, their least size, the benchmarks folder)
    with child_runs(_CHILD, [str(root)]) as run:
        tail = [str(min_bytes), str(ROOT / "benchmarks")]
        run(str(count), *tail, counted=False)  # (fills this checkout's own cache)
        return run(str(count), *tail) - run("0", *tail)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=20)
    parser.add_argument("--min-bytes", type=int, default=20_000)
    parser.add_argument("--rev", help="also count a git revision's auditor, and print the ratio")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed")
    here = instructions(ROOT, args.count, args.min_bytes)
    print(f"this checkout: {here:,} instructions for {args.count} reports of ≥{args.min_bytes:,} bytes")
    if args.rev:
        with tempfile.TemporaryDirectory() as tmp:
            there = instructions(export(args.rev, Path(tmp)), args.count, args.min_bytes)
        print(f"{args.rev}: {there:,} instructions; this checkout {100 * (here - there) / there:+.2f} %")


if __name__ == "__main__":
    main()
