"""Peak memory of one job on batches of 1,000, 5,000 and 10,000 reports: does it stay flat?

    python benchmarks/memory.py [--counts 1000,5000,10000] [--min-bytes 0] [--formats jsonl[,json]]
                                [--trace | --no-trace] [--trace-count 10000]

Writes max(--counts) reports into a temporary folder (see _corpus.py; by
default the natural ~2.8 KB excerpts, so 10,000 reports run in minutes; use
--min-bytes 20000 for report-sized files), 100 per subfolder, and runs the real
command on the first COUNT of them (the subfolders named on the command line)

    audit SUBFOLDERS --jobs 1 --format jsonl --fail-on never -o /dev/null

printing the child's peak resident set size (ru_maxrss from wait4, the same
figure `/usr/bin/time -f %M` prints) and wall time.  Flat means the peak at
the largest count ≈ the peak at the smallest.  `--format json` collects every
result before writing by design; add it with --formats jsonl,json to see the
difference.

If the jsonl peak grows by more than 10 % (or with --trace), it runs the same
command in-process under tracemalloc on --trace-count reports (3,000: tracing
slows the run ~15x), takes a snapshot after the first third and after the
last file and prints the source lines whose live allocations grew most
between them — where the memory goes.

This is a measurement, not a test: nothing fails when memory grows.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _corpus


def peak_rss(args: list[str]) -> tuple[int, float, int]:
    """Run the audit command; its peak RSS in KB (wait4's ru_maxrss), wall seconds, exit status."""
    start = time.perf_counter()
    child = subprocess.Popen([*_corpus.audit_command(), *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    child.stderr.close()
    return usage.ru_maxrss, wall, child.returncode


def subfolders(folder: Path, count: int) -> list[str]:
    return [str(folder / f"{i:03d}") for i in range((count + 99) // 100)]


def trace(folder: Path, count: int, first: int) -> None:
    """The jsonl command in this process under tracemalloc: which lines hold more after `count` files than after `first`."""
    import tracemalloc

    from auditor.cli import main as cli_main
    from auditor.report.jsonl import JsonLinesReporter

    snapshots: dict[int, tracemalloc.Snapshot] = {}
    seen = [0]
    original = JsonLinesReporter.file

    def counting(self, result):  # wraps the reporter in this process only; the code is unchanged
        original(self, result)
        seen[0] += 1
        if seen[0] in (first, count):
            snapshots[seen[0]] = tracemalloc.take_snapshot()

    JsonLinesReporter.file = counting
    print(f"\ntracemalloc: `audit` in this process on {count} reports (jsonl), snapshots after file {first} and {count}")
    tracemalloc.start(8)
    start = time.perf_counter()
    try:
        cli_main([*subfolders(folder, count), "--jobs", "1", "--format", "jsonl", "--fail-on", "never",
                  "-o", os.devnull], standalone_mode=False)
    except SystemExit:
        pass
    finally:
        JsonLinesReporter.file = original
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"({time.perf_counter() - start:.0f} s; traced peak {traced_peak / 1e6:.1f} MB)")
    if first not in snapshots or count not in snapshots:
        print("the snapshots were not taken (fewer files reported than expected)")
        return
    ignore = [tracemalloc.Filter(False, tracemalloc.__file__), tracemalloc.Filter(False, __file__)]
    a, b = snapshots[first].filter_traces(ignore), snapshots[count].filter_traces(ignore)
    total = sum(s.size for s in b.statistics("filename")) - sum(s.size for s in a.statistics("filename"))
    print(f"live Python allocations grew by {total / 1e6:+.2f} MB between file {first} and file {count}; "
          f"largest growth by line:")
    for stat in b.compare_to(a, "lineno")[:12]:
        frame = stat.traceback[0]
        print(f"  {stat.size_diff / 1e6:+8.3f} MB {stat.count_diff:+8,} blocks  {frame.filename}:{frame.lineno}")
    print("largest growth by call path (innermost 4 frames):")
    for stat in b.compare_to(a, "traceback")[:3]:
        print(f"  {stat.size_diff / 1e6:+8.3f} MB {stat.count_diff:+8,} blocks")
        for line in stat.traceback.format(limit=4):
            print(f"      {line}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--counts", default="1000,5000,10000")
    parser.add_argument("--min-bytes", type=int, default=0, help="0: the natural sizes of the excerpts")
    parser.add_argument("--formats", default="jsonl", help="comma-separated: jsonl, json …")
    parser.add_argument("--trace", action=argparse.BooleanOptionalAction, default=None,
                        help="tracemalloc run [default: when the jsonl peak grows by more than 10 %%]")
    parser.add_argument("--trace-count", type=int, default=3000,
                        help="files in the traced run (tracemalloc slows the run ~15x) [3000]")
    args = parser.parse_args()
    counts = sorted(int(c) for c in args.counts.split(","))
    formats = args.formats.split(",")

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "reports"
        t0 = time.perf_counter()
        paths = _corpus.make_folder(folder, counts[-1], args.min_bytes)
        print(f"{counts[-1]:,} reports written ({_corpus.mb(_corpus.folder_bytes(paths)):.1f} MB, "
              f"{time.perf_counter() - t0:.0f} s); `audit SUBFOLDERS --jobs 1 --format F -o /dev/null`\n")
        print(f"{'format':>6} {'reports':>8} {'MB':>6} {'peak RSS MB':>12} {'wall s':>7}  vs smallest")
        peaks: dict[str, list[int]] = {}
        for fmt in formats:
            for count in counts:
                size = _corpus.folder_bytes(paths[:count])
                kb, wall, code = peak_rss([*subfolders(folder, count), "--jobs", "1", "--format", fmt,
                                           "--fail-on", "never", "-o", "/dev/null"])
                peaks.setdefault(fmt, []).append(kb)
                note = "" if code == 0 else f"   (exit status {code})"
                print(f"{fmt:>6} {count:8,} {_corpus.mb(size):6.1f} {kb / 1000:12.1f} {wall:7.1f}  "
                      f"{kb / peaks[fmt][0]:.2f}x{note}", flush=True)
        for fmt, values in peaks.items():
            growth = values[-1] / values[0]
            print(f"{fmt}: peak at {counts[-1]:,} / peak at {counts[0]:,} = {growth:.2f}  "
                  f"({(values[-1] - values[0]) / 1000:+.1f} MB; flat ≈ 1.00)")
        grows = "jsonl" in peaks and peaks["jsonl"][-1] > 1.10 * peaks["jsonl"][0]
        if args.trace or (args.trace is None and grows):
            traced = min(args.trace_count, counts[-1])
            trace(folder, traced, min(counts[0], traced // 3))


if __name__ == "__main__":
    main()
