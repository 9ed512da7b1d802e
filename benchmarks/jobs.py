"""--jobs on a small batch: what a worker sends back, and -j1 against -j2 (issue 12, item 8).

    python benchmarks/jobs.py [FOLDER]   (default: examples/)

Prints the pickled size of a whole result against the slim result a worker
sends back (AuditResult.slim, for a reporter without facts and for json), and
the best of 5 wall times of `audit FOLDER --format text` with -j1, -j2 and the
default job count (chosen from the size of the work).  A measurement, not a test.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def sizes(folder: Path) -> None:
    from auditor.pipeline import audit_path

    full = findings = facts = text = 0
    paths = sorted(p for p in folder.rglob("*.txt"))
    for p in paths:
        r = audit_path(str(p))
        full += len(pickle.dumps(r))
        findings += len(pickle.dumps(r.slim("findings")))
        facts += len(pickle.dumps(r.slim("facts")))
        text += p.stat().st_size
    print(f"{len(paths)} reports, {text / 1024:.0f} KB of text")
    print(f"pickled per report: whole result {full / len(paths) / 1024:.1f} KB, slim {findings / len(paths) / 1024:.1f} KB"
          f" (with facts {facts / len(paths) / 1024:.1f} KB)")


def timed(args: list[str], runs: int = 5) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "auditor", *args], capture_output=True, check=False)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "examples"
    sizes(folder)
    from auditor import batch

    inputs = batch.collect([str(folder)])
    print(f"default jobs for this folder: {batch.default_jobs(inputs)} (of {batch.usable_cores()} cores)")
    results = {}
    for label, extra in (("-j1", ["--jobs", "1"]), ("-j2", ["--jobs", "2"]), ("default", [])):
        results[label] = timed([str(folder), "--format", "text", *extra])
        print(f"audit {folder.name}/ {label:8s} best of 5: {results[label]:.2f} s")
    print(f"-j2 / -j1: {results['-j2'] / results['-j1']:.2f}")


if __name__ == "__main__":
    main()
