"""Does the auditor scale linearly with document size, and how does a batch scale with jobs?

    python benchmarks/scaling.py [--max-size 10MB] [--budget 900] [--count 1000] [--min-bytes 20000]
                                 [--jobs 1,2] [--repeat 2] [--skip-sizes] [--skip-jobs]

(1) Document size.  One document of 1 KB, 10 KB, 100 KB, 1 MB, 10 MB (UTF-8
bytes, up to --max-size): the seed and corpus texts one after another, each
copy with one figure changed, cut at a line break.  Each is audited in this
process with a warm grammar — normalise, extract, check timed separately —
best of several runs for small sizes (at least ~2 s of work), one run from
1 MB up.  Prints the time per MB for each size and the ratio of the largest
to the smallest per-MB time: linear means ≈ 1.  The documents differ in how
many figures a MB holds (10 KB is the first source, one sparse report: about
4,300 facts a MB against 12,400 from 1 MB up), so it also prints the time per
1,000 facts and its ratio from 10 KB up: what grows with size, not with content.  When the time per MB grows so
that the next size would take longer than --budget seconds, the remaining
sizes are skipped (and the script says so); the prediction assumes the last
growth of the time per MB goes on, which underestimates a worse-than-quadratic
curve — --max-size is the sure limit.

(2) Jobs.  A folder of --count reports (see _corpus.py) through the real
command, `audit DIR --jobs N --format jsonl --fail-on never -o /dev/null`, for
N = 1, 2, … up to the cores this process may use, best of --repeat: wall time,
speed-up over one job, efficiency, and the machine ceiling (the speed-up a
pure-CPU task gets with N processes right now — borrowed from
batch_scaling.py; on a shared machine that, not N, is reachable).

This is a measurement, not a test: nothing fails when it is slow.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _corpus

SIZES = [1_000, 10_000, 100_000, 1_000_000, 10_000_000]


def parse_size(value: str) -> int:
    value = value.strip().upper().removesuffix("B")
    factor = {"K": 1_000, "M": 1_000_000, "G": 1_000_000_000}.get(value[-1:], 1)
    return int(float(value.rstrip("KMG")) * factor)


def stages(text: str) -> tuple[float, float, float, int, int]:
    from auditor.check import check, default_rules
    from auditor.extract import extract
    from auditor.extract.vocabulary import default_vocabulary
    from auditor.normalise import normalise

    from auditor.nogc import without_cycle_collection

    vocab, rules = default_vocabulary(), default_rules()
    t0 = time.perf_counter()
    norm = normalise(text)
    t1 = time.perf_counter()
    # (one pause of the cycle collector for extract and check together, as audit_document makes: with it back on
    # between them, a collection walked every figure and relation extract had made before the checks began — work
    # the tool does not do)
    with without_cycle_collection():
        doc = extract(norm, vocab)
        t2 = time.perf_counter()
        findings = check(doc, rules, vocab)
        t3 = time.perf_counter()
    return t1 - t0, t2 - t1, t3 - t2, len(doc.facts), len(findings)


def by_size(max_size: int, budget: float) -> None:
    from auditor.pipeline import audit_text

    audit_text("预算100万元，执行率100%。")  # grammar built, rules loaded
    print("(1) document size — one document, in-process, warm; seconds per MB (10^6 bytes)\n")
    print(f"{'size':>10} {'facts':>8} {'findings':>8} {'runs':>4} {'total s':>9} {'s/MB':>7} "
          f"{'normalise':>9} {'extract':>8} {'check':>7} {'ms/1k facts':>11}")
    per_mb: list[tuple[int, float]] = []
    per_fact: list[tuple[int, float]] = []  # (the documents differ in figures per MB: a short one is one sparse report)
    for size in [s for s in SIZES if s <= max_size]:
        if per_mb:
            last = per_mb[-1][1]
            growth = last / per_mb[-2][1] if len(per_mb) > 1 else 1.0
            predicted = last * growth * size / 1e6
            if predicted > budget:
                print(f"{size / 1e6:9.3f}M   skipped: predicted {predicted:.0f} s at {last * max(growth, 1):.1f} s/MB "
                      f"> --budget {budget:.0f} s")
                continue
        text = _corpus.document(size)
        n_bytes = len(text.encode("utf-8"))
        best, runs, spent = None, 0, 0.0
        while runs < 1 or (n_bytes < 1_000_000 and spent < 2.0 and runs < 200):
            r = stages(text)
            total = sum(r[:3])
            spent += total
            runs += 1
            if best is None or total < sum(best[:3]):
                best = r
        total = sum(best[:3])
        mbs = n_bytes / 1e6
        per_mb.append((size, total / mbs))
        per_fact.append((size, total * 1e6 / max(best[3], 1)))
        print(f"{n_bytes:10,} {best[3]:8,} {best[4]:8,} {runs:4} {total:9.3f} {total / mbs:7.2f} "
              f"{best[0] / mbs:9.3f} {best[1] / mbs:8.2f} {best[2] / mbs:7.3f} {per_fact[-1][1]:11.1f}")
    if len(per_mb) > 1:
        ratio = per_mb[-1][1] / per_mb[0][1]
        fastest = min(per_mb, key=lambda r: r[1])
        print(f"\ntime per MB, largest ({per_mb[-1][0]:,} B) / smallest ({per_mb[0][0]:,} B): {ratio:.2f}   "
              f"(linear ≈ 1)")
        print(f"time per MB, largest / fastest ({fastest[0]:,} B): {per_mb[-1][1] / fastest[1]:.2f}")
        from_10k = [r for r in per_fact if r[0] >= 10_000]
        if len(from_10k) > 1:
            print(f"time per 1,000 facts, largest / {from_10k[0][0]:,} B: {from_10k[-1][1] / from_10k[0][1]:.2f}   "
                  f"(max / min from 10 KB up: {max(r[1] for r in from_10k) / min(r[1] for r in from_10k):.2f})")


def by_jobs(count: int, min_bytes: int, jobs_list: list[int], repeat: int) -> None:
    from batch_scaling import ceiling

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "reports"
        paths = _corpus.make_folder(folder, count, min_bytes)
        size = _corpus.folder_bytes(paths)
        print(f"\n(2) jobs — {count} reports, {_corpus.mb(size):.1f} MB; `audit DIR --jobs N --format jsonl`; "
              f"{_corpus.cores()} cores; best of {repeat}\n")
        print(f"{'jobs':>4} {'wall s':>8} {'MB/s':>7} {'files/s':>8} {'speed-up':>9} {'efficiency':>10} "
              f"{'machine ceiling':>16}")
        baseline = None
        for jobs in jobs_list:
            machine = ceiling(1, repeat) / ceiling(jobs, repeat) if jobs > 1 else 1.0

            def once(jobs=jobs):
                wall, done = _corpus.run_cli([str(folder), "--jobs", str(jobs), "--format", "jsonl",
                                              "--fail-on", "never", "-o", "/dev/null"])
                if done.returncode != 0:
                    print(f"audit exited with {done.returncode}: {done.stderr.strip()[:300]}")
                return wall

            wall, _ = _corpus.best_of(once, repeat)
            baseline = baseline or wall
            speedup = baseline / wall
            print(f"{jobs:4} {wall:8.2f} {_corpus.mb(size) / wall:7.2f} {count / wall:8.1f} {speedup:8.2f}x "
                  f"{speedup / jobs:10.0%} {machine:15.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--max-size", type=parse_size, default=10_000_000, help="largest document, e.g. 1MB [10MB]")
    parser.add_argument("--budget", type=float, default=900.0,
                        help="skip a document size predicted to take longer than this many seconds")
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--min-bytes", type=int, default=20_000)
    parser.add_argument("--jobs", default="", help="comma-separated job counts [default: 1 … cores]")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--skip-sizes", action="store_true")
    parser.add_argument("--skip-jobs", action="store_true")
    args = parser.parse_args()
    if not args.skip_sizes:
        by_size(args.max_size, args.budget)
    if not args.skip_jobs:
        jobs = [int(j) for j in args.jobs.split(",")] if args.jobs else list(range(1, _corpus.cores() + 1))
        by_jobs(args.count, args.min_bytes, jobs, args.repeat)


if __name__ == "__main__":
    main()
