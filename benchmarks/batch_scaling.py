"""How does `audit DIR` scale with --jobs?  Wall time for a folder of 1,000 reports.

    python benchmarks/batch_scaling.py [--count 1000] [--formats txt,docx,pdf] [--jobs 1,2]

Writes COUNT reports into a temporary folder — copies of examples/seeds and
examples/corpus, each a variant (one figure changed, so no two files are the
same; every fifth one as GB18030) and, with --formats, written as .docx, .pdf …
in turn — then runs the real command, `audit DIR --format text --jobs N`, for
N = 1, 2, … up to the cores this process may use, and prints the wall time,
the speed-up over one job and the efficiency (speed-up / N), best of --repeat
runs (other work on the machine only ever slows a run down).  "machine
ceiling" is the speed-up a pure-CPU task gets with N processes at the same
time, and "cores used" the CPU time of the command and its workers over the
wall time: on a shared machine those, not N, say what the audit can reach, and
CPU s (against one job's) what running in parallel costs.  It also checks
that every run reports every file, in the same order, with the same findings.

This is a measurement, not a test: nothing fails when it is slow.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))


def make_folder(folder: Path, count: int, formats: list[str], min_chars: int = 0) -> None:
    import docgen

    sources = sorted((ROOT / "examples" / "seeds").glob("*.txt")) + sorted((ROOT / "examples" / "corpus").glob("*.txt"))
    texts = [s.read_text(encoding="utf-8") for s in sources]
    rng = random.Random(7)
    for n in range(count):
        text = texts[n % len(texts)]
        k = n
        while len(text) < min_chars:  # a longer report: the next texts appended as its later sections
            k += 1
            text += "\n\n" + texts[k % len(texts)]
        figures = list(re.finditer(r"\d+\.\d+", text))
        if figures:  # a variant: one figure's last digit changed
            m = rng.choice(figures)
            text = text[: m.end() - 1] + str((int(m.group()[-1]) + 1) % 10) + text[m.end():]
        fmt = formats[n % len(formats)]
        path = folder / f"{n // 100:02d}" / f"report_{n:04d}.{fmt}"
        path.parent.mkdir(exist_ok=True)
        if fmt == "txt":
            path.write_bytes(text.encode("gb18030" if n % 5 == 4 else "utf-8"))
        else:
            docgen.WRITERS[fmt](text, path)


def _burn(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def ceiling(jobs: int, repeat: int) -> float:
    """Wall time of a pure-CPU task split over `jobs` processes: what this machine
    gives right now (other work on it takes cores away)."""
    from concurrent.futures import ProcessPoolExecutor

    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        with ProcessPoolExecutor(jobs) as pool:
            list(pool.map(_burn, [2_000_000] * 12))
        best = min(best, time.perf_counter() - start)
    return best


def run(folder: Path, jobs: int) -> tuple[float, float, str, int]:
    """(wall seconds, CPU seconds of the command and its workers, its output, its exit status)."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "auditor", str(folder), "--format", "text", "--jobs", str(jobs),
                           "--fail-on", "never"], capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stdout, done.returncode


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--formats", default="txt", help="comma-separated: txt,docx,html,xlsx,xls,pdf")
    parser.add_argument("--jobs", default="", help="comma-separated job counts [default: 1 … cores]")
    parser.add_argument("--repeat", type=int, default=3, help="runs per job count; the best is kept")
    parser.add_argument("--min-chars", type=int, default=0,
                        help="make every report at least this long by appending further texts "
                             "(the examples are excerpts of ~1,200 characters; real reports run to 10,000–50,000)")
    args = parser.parse_args()
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    jobs_list = [int(j) for j in args.jobs.split(",")] if args.jobs else list(range(1, cores + 1))
    formats = args.formats.split(",")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "reports"
        folder.mkdir()
        t0 = time.perf_counter()
        make_folder(folder, args.count, formats, args.min_chars)
        size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
        print(f"{args.count} reports ({', '.join(formats)}), {size / 1e6:.1f} MB, written in "
              f"{time.perf_counter() - t0:.1f} s; {cores} cores\n")
        print(f"{'jobs':>4} {'wall s':>8} {'CPU s':>7} {'cores used':>10} {'files/s':>8} {'speed-up':>9} "
              f"{'efficiency':>10} {'machine ceiling':>16}")
        baseline = reference = None
        for jobs in jobs_list:
            machine = ceiling(1, args.repeat) / ceiling(jobs, args.repeat) if jobs > 1 else 1.0
            runs = [run(folder, jobs) for _ in range(args.repeat)]
            wall, cpu, _, _ = min(runs, key=lambda r: r[0])
            stdout, code = runs[0][2], runs[0][3]
            if reference is None:
                reference = stdout
            same = "" if stdout == reference else "   (output differs from the first run!)"
            baseline = baseline or wall
            speedup = baseline / wall
            print(f"{jobs:>4} {wall:8.2f} {cpu:7.2f} {cpu / wall:10.2f} {args.count / wall:8.1f} {speedup:8.2f}x "
                  f"{speedup / jobs:10.0%} {machine:15.2f}x{same}")
        summary = reference.splitlines()
        files = sum(1 for line in summary if line.startswith("  ") and str(folder) in line)
        print(f"\nsummary lists {files} of {args.count} files; exit status {code}")


if __name__ == "__main__":
    main()
