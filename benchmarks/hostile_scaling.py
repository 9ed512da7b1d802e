"""Do hostile shapes of input run in time linear in their size and in bounded memory? (issue 9, items 21-23)

    python benchmarks/hostile_scaling.py [--quick] [--sizes 10KB,100KB,1MB,10MB] [--shapes short_lines,...]
                                         [--format text] [--budget 600] [--profile SHAPE:SIZE]

For each shape below and each size (UTF-8 bytes), one text of that size is
written to a temporary .txt and checked by the real command, in a fresh
process of its own:

    audit FILE --format text --fail-on never --jobs 1 -o /dev/null

run in-process in that child (click's main), after a warm-up on 2 KB of
every shape, so the time is the check's and not the interpreter's start; the time
is the child's CPU time (time.process_time), so other work on a shared machine
does not count.  Each child checks the text once (checked again in one process,
a text would find the caches of its labels and cells warm, which a user's one
run never does); sizes under 1 MB are checked by 5 children, the best kept.
The child's peak resident set size is /usr/bin/time's (-f %M): the whole
process, interpreter and grammar included.

Shapes — each once took time growing with the square of its size:

  short_lines   lines of 19 characters (a column header's words and figures)
  comma         one sentence, '预算100万元，' repeated (no full stop anywhere)
  table_cells   a 自评表 flattened one cell per line, rows repeated
  qizhong       one total with a 其中 list of ever more parts, that does not add up
  shares        sentence after sentence of an amount and its 占总数的 share (every run of them
                may be the siblings of one stated total: still quadratic in their number)
  real_text     the seed and corpus reports one after another (benchmarks/_corpus.py)

Prints, per shape, seconds and seconds per MB at every size, the ratio of the
largest to the smallest time per MB (target ≤ 1.5) and the peak RSS at the
largest size (target ≤ 300 MB at 10 MB).  --quick stops at 1 MB.  A size
predicted (from the last time per MB and its growth) to take longer than
--budget seconds is skipped and said so.  --profile SHAPE:SIZE runs one case
under cProfile in this process and prints the top functions.

This is a measurement, not a test: nothing fails when it is slow; the exit
status is 1 when a target is missed, for a reader's convenience.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _corpus

ROOT = Path(__file__).resolve().parents[1]
SIZES = [10_000, 100_000, 1_000_000, 10_000_000]
QUICK_SIZES = [10_000, 100_000, 1_000_000]


def _repeat_to(size: int, unit: str, head: str = "", tail: str = "") -> str:
    """head + unit repeated until the text has about `size` UTF-8 bytes + tail."""
    n = max(1, (size - len(head.encode()) - len(tail.encode())) // len(unit.encode()))
    return head + unit * n + tail


def short_lines(size: int) -> str:
    lines = ["项目名称 预算数 执行率", "一般公共预算100万元", "1234567890123456789", "基本支出 60 项目 40"]
    unit = "\n".join(f"{line}" for line in lines) + "\n"
    return _repeat_to(size, unit)


def comma(size: int) -> str:
    return _repeat_to(size, "预算100万元，")


def table_cells(size: int) -> str:
    header = "\n".join(["项目名称", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]) + "\n"
    rows = []
    n = 0
    total = len(header.encode())
    while total < size:
        row = "\n".join([f"项目{n}", "100", "100", "90", "10", "90%", "9"]) + "\n"
        rows.append(row)
        total += len(row.encode())
        n += 1
    return "年度资金执行情况表\n" + header + "".join(rows)


def qizhong(size: int) -> str:
    n = max(1, size // 27)
    return (f"2023年支出合计{n * 10 + 5}万元，其中：" + "，".join(f"项目{i}支出10万元" for i in range(n)) + "。\n")


def shares(size: int) -> str:
    """Sentence after sentence of an amount and its share of a whole none of them names
    ("占总数的"): every run of them is a candidate for the siblings of one stated total."""
    unit = "第{i}项支出{v}.5万元，占总数的{p}.2%。"
    out, total, i = [], 0, 0
    while total < size:
        sentence = unit.format(i=i, v=100 + 3 * i, p=i % 9 + 1)
        out.append(sentence)
        total += len(sentence.encode())
        i += 1
    return "".join(out)


def real_text(size: int) -> str:
    return _corpus.document(size)


SHAPES = {"short_lines": short_lines, "comma": comma, "table_cells": table_cells, "qizhong": qizhong,
          "shares": shares, "real_text": real_text}

# Runs in a fresh interpreter: argv = root, file, format, minimum seconds of work, warm-up text
_CHILD = r"""
import contextlib, io, json, os, sys, time
root, path, fmt, min_work = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
sys.path.insert(0, root)
from auditor.cli import main

def once(p):
    start = time.process_time()  # CPU seconds: other work on a shared machine does not count
    with contextlib.redirect_stderr(io.StringIO()):
        try:
            main(["check", p, "--format", fmt, "--fail-on", "never", "--jobs", "1", "-o", os.devnull],
                 standalone_mode=False)
        except SystemExit as exc:
            if exc.code not in (0, None):
                raise RuntimeError(f"audit exited with {exc.code}")
    return time.process_time() - start

warm = os.path.join(os.path.dirname(path), "warm.txt")
with open(warm, "w", encoding="utf-8") as f:
    f.write(sys.argv[5])
once(warm)
best, spent, runs = float("inf"), 0.0, 0
while runs < 1 or (spent < min_work and runs < 50):
    t = once(path)
    best, spent, runs = min(best, t), spent + t, runs + 1
print(json.dumps({"seconds": best, "runs": runs}))
"""


def warm_up() -> str:
    """What the child checks first: 2 KB of every shape, so that what a process does once
    (patterns compiled on first use, the grammar, the rules) is not counted in the smallest size."""
    return "\n\n".join(make(2_000) for make in SHAPES.values())


def measure(text: str, fmt: str, min_work: float, root: Path = ROOT) -> tuple[float, int, int]:
    """(best CPU seconds, runs, peak RSS in KB) of checking `text` in a child process.

    The peak is /usr/bin/time's (%M) where it exists: a child forked straight from this
    process starts as a copy of it, and wait4's ru_maxrss would count this process's
    memory (the texts it built) as the child's; /usr/bin/time forks from its own small
    process.  Without it, wait4's figure is an upper bound."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "report.txt"
        path.write_bytes(text.encode("utf-8"))
        out_path, err_path, rss_path = Path(tmp) / "out", Path(tmp) / "err", Path(tmp) / "rss"
        command = [sys.executable, "-c", _CHILD, str(root), str(path), fmt, str(min_work), warm_up()]
        timer = Path("/usr/bin/time")
        if timer.exists():
            command = [str(timer), "-o", str(rss_path), "-f", "%M", *command]
        with open(out_path, "wb") as out, open(err_path, "wb") as err:
            child = subprocess.Popen(command, stdout=out, stderr=err)
            _, status, usage = os.wait4(child.pid, 0)
            child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode:
            raise RuntimeError(err_path.read_text("utf-8", "replace")[-2000:])
        result = json.loads(out_path.read_text().strip().splitlines()[-1])
        peak = int(rss_path.read_text().split()[-1]) if rss_path.exists() else usage.ru_maxrss
        return result["seconds"], result["runs"], peak


def parse_size(value: str) -> int:
    value = value.strip().upper().removesuffix("B")
    factor = {"K": 1_000, "M": 1_000_000, "G": 1_000_000_000}.get(value[-1:], 1)
    return int(float(value.rstrip("KMG")) * factor)


def profile(spec: str, top: int = 30) -> None:
    import cProfile
    import pstats

    sys.path.insert(0, str(ROOT))
    from auditor.pipeline import audit_text

    shape, size = spec.split(":")
    text = SHAPES[shape](parse_size(size))
    audit_text("预算100万元，执行率100%。")
    prof = cProfile.Profile()
    start = time.perf_counter()
    prof.enable()
    audit_text(text)
    prof.disable()
    print(f"{shape} {len(text.encode()):,} B: {time.perf_counter() - start:.2f} s under cProfile")
    pstats.Stats(prof).sort_stats(os.environ.get("SORT", "tottime")).print_stats(top)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="sizes up to 1 MB only")
    parser.add_argument("--sizes", default="", help="comma-separated sizes, e.g. 10KB,1MB")
    parser.add_argument("--shapes", default=",".join(SHAPES), help="comma-separated: " + ", ".join(SHAPES))
    parser.add_argument("--format", default="text",
                        help="output format the child writes [text]; json holds every fact until the end by design")
    parser.add_argument("--budget", type=float, default=600.0,
                        help="skip a size predicted to take longer than this many seconds [600]")
    parser.add_argument("--profile", metavar="SHAPE:SIZE", help="profile one case in-process instead")
    parser.add_argument("--root", type=Path, default=ROOT,
                        help="check with the auditor package of this checkout (e.g. /work/main, for a before/after)")
    args = parser.parse_args()
    if args.profile:
        profile(args.profile)
        return 0
    sizes = [parse_size(s) for s in args.sizes.split(",")] if args.sizes else (QUICK_SIZES if args.quick else SIZES)
    shapes = [s.strip() for s in args.shapes.split(",") if s.strip()]
    print(f"{args.root}: `audit FILE --format {args.format} --jobs 1 -o /dev/null` in a child process, warm; "
          f"time per MB (10^6 bytes); peak RSS of the child\n")
    print(f"{'shape':<12} {'bytes':>11} {'kids':>4} {'seconds':>9} {'s/MB':>7} {'peak RSS MB':>11}")
    summary, missed = [], False
    for shape in shapes:
        per_mb: list[tuple[int, float, int]] = []
        for size in sizes:
            if len(per_mb) >= 1:
                last = per_mb[-1][1]
                growth = max(1.0, last / per_mb[-2][1]) if len(per_mb) > 1 else 1.0
                predicted = last * growth * size / 1e6
                if predicted > args.budget:
                    print(f"{shape:<12} {size:>11,}  skipped: predicted {predicted:.0f} s > --budget {args.budget:.0f}")
                    continue
            text = SHAPES[shape](size)
            n_bytes = len(text.encode("utf-8"))
            # one run per fresh child (a repeat in one process would find the per-text caches warm,
            # which a user's one run never does); small sizes: the best of 5 children
            trials = [measure(text, args.format, 0.0, args.root) for _ in range(5 if n_bytes < 1_000_000 else 1)]
            seconds, runs, peak_kb = min(t[0] for t in trials), len(trials), max(t[2] for t in trials)
            del text
            per_mb.append((n_bytes, seconds / (n_bytes / 1e6), peak_kb))
            print(f"{shape:<12} {n_bytes:>11,} {runs:>4} {seconds:>9.3f} {per_mb[-1][1]:>7.2f} {peak_kb / 1024:>11.0f}",
                  flush=True)
        if len(per_mb) > 1:
            rates = [r[1] for r in per_mb]
            ratio = max(rates) / min(rates)
            top = per_mb[-1]
            summary.append((shape, ratio, top[0], top[2]))
            missed |= ratio > 1.5 or (top[0] >= 9_000_000 and top[2] / 1024 > 300)
    print(f"\n{'shape':<12} {'s/MB max/min':>12} {'largest bytes':>14} {'peak RSS MB':>11}   (targets: ≤ 1.5, ≤ 300 MB at 10 MB)")
    for shape, ratio, n_bytes, peak_kb in summary:
        flag = "" if ratio <= 1.5 else "  time per MB grows"
        if n_bytes >= 9_000_000 and peak_kb / 1024 > 300:
            flag += "  memory over 300 MB"
        print(f"{shape:<12} {ratio:>12.2f} {n_bytes:>14,} {peak_kb / 1024:>11.0f}{flag}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
