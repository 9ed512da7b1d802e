"""Instructions a MB to read one long document, by size: scaling.py's size curve without the machine's noise.

    python benchmarks/size_instructions.py [--sizes 10KB,100KB,1MB] [--rev REV]

For each size, the document of scaling.py (`_corpus.document`) is read as
scaling.py reads it — normalise, extract, check, on the whole text, no segments —
under `valgrind --tool=cachegrind` (instructions, Ir), once with the reading and
once without (start-up, warm-up and making the document), PYTHONHASHSEED=0, each
checkout with a private cache folder filled by a run before the counted ones (as
instructions.py).  Prints the difference a MB; with --rev the same for a git
revision (git archive) and the ratio.  Linear in work means the same Ir a MB at
every size — the time a MB may still grow with memory (cache misses, page faults),
which instructions do not count.  Slow: about 50× the reading's own time (a 10 MB
document, ~15 s, is ~10 minutes a checkout).  A measurement, not a test.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import export  # noqa: E402
from instructions import child_runs  # noqa: E402
from scaling import parse_size  # noqa: E402

_CHILD = r"""
import sys
root, size, benchmarks = sys.argv[1], int(sys.argv[2]), sys.argv[3]
sys.path.insert(0, root)
sys.path.insert(0, benchmarks)
import _corpus
import auditor
assert auditor.__file__.startswith(root), (auditor.__file__, root)
from auditor.check import default_rules, evaluate
from auditor.extract import extract
from auditor.extract.vocabulary import default_vocabulary
from auditor.normalise import normalise
from auditor.pipeline import audit_text
rules, vocab = default_rules(), default_vocabulary()
audit_text("预算100万元，执行率100%。", rules=rules, vocab=vocab)
text = _corpus.document(size)
if len(sys.argv) > 4:
    doc = extract(normalise(text), vocab)
    evaluate(doc, rules, vocab)
"""


def instructions(root: Path, size: int) -> int:
    """Ir of reading the document of `size` with the auditor at `root` (all else taken off)."""
    with child_runs(_CHILD, [str(root), str(size), str(ROOT / "benchmarks")]) as run:
        run("read", counted=False)  # (fills the cache)
        return run("read") - run()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10KB,100KB,1MB", help="document sizes, e.g. 10KB,1MB,10MB")
    parser.add_argument("--rev", help="also count a git revision's auditor, and print the ratio")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed")
    import _corpus

    with tempfile.TemporaryDirectory() as tmp:
        ref = export(args.rev, Path(tmp)) if args.rev else None
        print(f"{'size':>10} {'this checkout G Ir/MB':>22}" + (f" {args.rev + ' G Ir/MB':>22} {'ratio':>7}" if ref else ""))
        for size in [parse_size(s) for s in args.sizes.split(",") if s.strip()]:
            mb = len(_corpus.document(size).encode("utf-8")) / 1e6
            here = instructions(ROOT, size) / mb / 1e9
            line = f"{size:>10,} {here:22.3f}"
            if ref is not None:
                there = instructions(ref, size) / mb / 1e9
                line += f" {there:22.3f} {here / there:7.4f}"
            print(line, flush=True)


if __name__ == "__main__":
    main()
