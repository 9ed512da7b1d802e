"""Reliability over many generated and mutated inputs (issue 9): exceptions, hangs, slow
inputs, peak memory, determinism.

    python benchmarks/reliability.py [--count 100000] [--seed 1] [--workers 1] [--timeout 10]
                                     [--hang 5] [--hashseed-sample 300] [--save DIR] [--quiet]

Input number i is made by random.Random(f"{seed}:{i}") — so any one input can be
made again alone (`--only I`) — from the texts of examples/seeds and
examples/corpus (never examples/sealed):

  mutations   byte flips, truncation (mid-character too), a stretch duplicated
              many times, figures inserted (huge, tiny, negative, full-width,
              with separators, 1e400), brackets and 其中 lists nested deep,
              lines shuffled or dropped, punctuation swapped between full and
              half width, the text encoded as GB18030, Big5, UTF-16 or UTF-8
              with BOM, NUL and control characters, a table's cells run together;
  generated   text from a report's vocabulary, figures, units, punctuation,
              table-like lines and odd unicode (as tests/test_fuzz.py).

Each input goes through the loader (`load_bytes`, as `audit -` reads it), the
whole pipeline and the JSON reporter (every 10th through every reporter, the
machine-readable ones parsed), in this process, under a per-input time limit
(SIGALRM, --timeout seconds).  A loader's LoadError is a clean refusal (one line
for the user), counted, not an exception.  Every other exception is grouped
by where it was raised (the innermost auditor frame) and the first traceback
of each group printed; inputs slower than --hang seconds count as hangs; the
slowest inputs are listed.  Determinism: every 50th input is checked twice in
this process and the JSON compared; --hashseed-sample inputs are checked again
in child processes under two other PYTHONHASHSEEDs and compared byte for byte.
With --save DIR the inputs behind exceptions, hangs and differences are
written there.  --workers N splits the inputs over N processes.

Exit status 1 when anything went wrong (an exception, a hang, a difference).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import random
import resource
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SOURCES = sorted((ROOT / "examples" / "seeds").glob("*.txt")) + sorted((ROOT / "examples" / "corpus").glob("*.txt"))
MAX_BYTES = 20_000  # inputs are cut to this: the point is variety, not size (benchmarks/hostile_scaling.py)

WORDS = ["一般公共预算", "政府性基金", "支出", "收入", "合计", "总计", "其中", "其中：", "基本支出", "项目支出",
         "人员经费", "公用经费", "“三公”经费", "因公出国(境)费", "公务用车购置及运行费", "公务接待费", "较上年",
         "比上年", "增加", "减少", "增长", "下降", "持平", "同比", "占", "的", "比重", "执行率", "预算数", "执行数",
         "决算数", "年初预算", "调整预算", "全年预算数", "全年执行数", "分值", "得分", "自评", "总分", "优", "良",
         "分别为", "包括", "主要用于", "项目名称", "年度指标值", "实际完成值", "偏差原因", "2023年", "2022年",
         "上年", "本年", "一、", "(一)", "1.", "（1）", "第一", "约", "为", "是", "达到", "减", "加", "=", "×", "÷"]
PUNCT = list("，。；：、（）()|\n\t ％,.;:—－+\u3000") + ["\r\n", "……", "《》", "【", "】", "“", "”"]
ODD = ["\u200b", "\ufeff", "\ufffd", "\x00", "\x0c", "１２３", "①", "𠀀", "\U0001F600", "\u202e", "Ⅲ", "㎡", "\r",
       "〇", "壹佰", "\u00a0", "ﬁ", "e\u0301", "\u2028", "\x85", "٣", "𝟗", "\x1b[31m", "\ud7ff"]
UNITS = ["万元", "亿元", "元", "%", "分", "个", "人", "千元", "", " 万元", "％", "个百分点"]
WIDTH = str.maketrans("，。；：（）%0123456789", ",.;:()％０１２３４５６７８９")


# ------------------------------------------------------------------ inputs
def figure(rng: random.Random) -> str:
    shape = rng.choice(["int", "dec", "sep", "huge", "tiny", "neg", "full", "exp", "int", "dec"])
    if shape == "int":
        n = str(rng.randint(0, 10**7))
    elif shape == "dec":
        n = f"{rng.randint(0, 10**6)}.{rng.randint(0, 99):02d}"
    elif shape == "sep":
        n = f"{rng.randint(0, 10**12):,}"
    elif shape == "huge":
        n = "".join(rng.choice("0123456789") for _ in range(rng.choice([25, 30, 60, 400, 5000])))
    elif shape == "tiny":
        n = "0." + "0" * rng.randint(5, 80) + "1"
    elif shape == "neg":
        n = f"-{rng.randint(0, 10**5)}"
    elif shape == "full":
        n = str(rng.randint(0, 10**6)).translate(WIDTH)
    else:
        n = f"{rng.randint(1, 9)}e{rng.randint(1, 400)}"
    return n + rng.choice(UNITS)


def table_line(rng: random.Random) -> str:
    sep = rng.choice([" | ", "\t", "  ", "│", "\n", " ", ""])
    cells = [rng.choice(WORDS) if rng.random() < 0.5 else figure(rng) for _ in range(rng.randint(2, 9))]
    return sep.join(cells) + "\n"


def generated(rng: random.Random) -> str:
    out = []
    for _ in range(rng.randint(0, 400)):
        r = rng.random()
        if r < 0.4:
            out.append(rng.choice(WORDS))
        elif r < 0.6:
            out.append(figure(rng))
        elif r < 0.8:
            out.append(rng.choice(PUNCT))
        elif r < 0.88:
            out.append(table_line(rng))
        elif r < 0.95:
            out.append(rng.choice(ODD))
        else:
            out.append("".join(chr(rng.randint(1, 0x2FFFF)) for _ in range(rng.randint(1, 5)))
                       .encode("utf-8", "replace").decode("utf-8", "replace"))
    return "".join(out)


def _insert(text: str, rng: random.Random, piece: str) -> str:
    at = rng.randint(0, len(text))
    return text[:at] + piece + text[at:]


def mutate(text: str, rng: random.Random) -> tuple[str, bytes]:
    """(what was done, the input's bytes)."""
    kinds = rng.sample(MUTATIONS, k=rng.choice([1, 1, 1, 2, 3]))
    data: bytes | None = None
    for kind in kinds:
        if kind == "flip":
            raw = bytearray(data if data is not None else text.encode("utf-8"))
            for _ in range(rng.choice([1, 1, 2, 5, 50])):
                if raw:
                    raw[rng.randrange(len(raw))] ^= 1 << rng.randrange(8)
            data = bytes(raw)
        elif kind == "truncate":
            raw = data if data is not None else text.encode("utf-8")
            data = raw[:rng.randint(0, len(raw))]
        elif kind == "encode":
            enc = rng.choice(["gb18030", "gbk", "big5", "utf-16", "utf-16-le", "utf-8-sig", "utf-32"])
            data = text.encode(enc, "replace")
        elif data is not None:
            continue  # text-level mutations come before byte-level ones
        elif kind == "duplicate":
            a = rng.randrange(len(text) + 1)
            b = min(len(text), a + rng.randint(1, 400))
            text = text[:b] + text[a:b] * rng.choice([2, 10, 100]) + text[b:]
        elif kind == "figures":
            for _ in range(rng.randint(1, 30)):
                text = _insert(text, rng, figure(rng))
        elif kind == "nest":
            depth = rng.choice([10, 100, 1000, 5000])
            opener, closer = rng.choice([("(", ")"), ("（", "）"), ("【", "】"), ("其中：", "。"), ("《", "》")])
            middle = rng.choice(["", "支出100万元", "合计50万元，其中基本支出20万元、项目支出30万元"])
            text = _insert(text, rng, opener * depth + middle + closer * rng.choice([depth, 0, depth // 2]))
        elif kind == "list":
            n = rng.choice([10, 100, 2000])
            text = _insert(text, rng, "支出合计1000万元，其中：" + "、".join(f"项目{k}支出{figure(rng)}" for k in range(n)) + "。")
        elif kind == "lines":
            lines = text.split("\n")
            if rng.random() < 0.5:
                rng.shuffle(lines)
            else:
                lines = [ln for ln in lines if rng.random() < 0.7]
            text = "\n".join(lines)
        elif kind == "width":
            text = text.translate(WIDTH) if rng.random() < 0.5 else text.translate(
                {ord(b): a for a, b in zip("，。；：（）%", ",.;:()％")})
        elif kind == "control":
            for _ in range(rng.randint(1, 20)):
                text = _insert(text, rng, rng.choice(ODD + ["\x00", "\x07", "\x1f", "\x7f", "\r"]))
        elif kind == "runs":
            text = text.replace(rng.choice([" ", "\t", "|", "\n"]), "")
        elif kind == "splice":
            other = rng.choice(_texts())
            a = rng.randrange(len(text) + 1)
            text = text[:a] + other[rng.randrange(len(other) + 1):]
    kind = "+".join(kinds)
    raw = data if data is not None else text.encode("utf-8")
    return kind, raw[:MAX_BYTES]


MUTATIONS = ["flip", "truncate", "encode", "duplicate", "figures", "nest", "list", "lines", "width", "control",
             "runs", "splice"]
_TEXTS: list[str] = []


def _texts() -> list[str]:
    if not _TEXTS:
        _TEXTS.extend(p.read_text(encoding="utf-8") for p in SOURCES)
    return _TEXTS


def make_input(seed: int, i: int) -> tuple[str, bytes]:
    """Input number i: (a short description, its bytes)."""
    rng = random.Random(f"{seed}:{i}")
    if rng.random() < 0.25:
        text = generated(rng)
        if rng.random() < 0.3:
            kind, data = mutate(text, rng)
            return f"generated+{kind}", data
        return "generated", text.encode("utf-8")[:MAX_BYTES]
    text = rng.choice(_texts())
    kind, data = mutate(text, rng)
    return kind, data


# ------------------------------------------------------------------ checking
class Timeout(BaseException):
    """Raised by SIGALRM: a BaseException, so no `except Exception` in the code swallows it."""


def _on_alarm(signum, frame):
    raise Timeout()


def run_one(data: bytes, all_formats: bool = False) -> tuple[str, str]:
    """('ok' | 'refused', the JSON report) — or an exception."""
    from auditor.load import LoadError, load_bytes
    from auditor.pipeline import audit_document

    try:
        document = load_bytes(data, "input.txt")
    except LoadError as exc:
        return "refused", str(exc)
    result = audit_document(document, explained=True)
    out = _render("json", result)
    json.loads(out)
    if all_formats:
        from auditor.report import reporters

        for fmt in reporters():
            text = _render(fmt, result)
            if fmt == "sarif":
                json.loads(text)
            elif fmt == "jsonl":
                for line in text.splitlines():
                    json.loads(line)
            elif fmt == "csv":
                rows = list(csv.reader(io.StringIO(text, newline="")))
                if not rows or any(len(r) != len(rows[0]) for r in rows):
                    raise AssertionError("CSV rows of unequal width")
    return "ok", out


def _render(fmt: str, result) -> str:
    from auditor.check import default_rules
    from auditor.report import reporters

    out = io.StringIO()
    reporter = reporters()[fmt](out, lang="zh", color=False, rules=default_rules())
    reporter.start()
    reporter.file(result)
    reporter.finish()
    return out.getvalue()


def _site(exc: BaseException) -> str:
    """Where an exception was raised: its type and the innermost frame in auditor/."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "/auditor/" in f.filename.replace("\\", "/")]
    f = (ours or frames or [None])[-1]
    where = f"{Path(f.filename).relative_to(ROOT) if str(f.filename).startswith(str(ROOT)) else f.filename}:{f.lineno}" \
        if f else "?"
    return f"{type(exc).__name__} at {where}"


def work(seed: int, indices: range, timeout: float, hang: float, save: str | None, quiet: bool,
         report_every: int = 5000) -> dict:
    """Check inputs `indices`; return the tallies (picklable)."""
    from auditor.pipeline import audit_text

    audit_text("预算100万元，执行率100%。")  # grammar and rules loaded
    signal.signal(signal.SIGALRM, _on_alarm)
    stats = {"count": 0, "ok": 0, "refused": 0, "exceptions": {}, "hangs": [], "slowest": [],
             "determinism_checked": 0, "differences": [], "kinds": Counter(), "seconds": 0.0, "hash_sample": []}
    start_all = time.perf_counter()
    for i in indices:
        kind, data = make_input(seed, i)
        stats["kinds"][kind.split("+")[0]] += 1
        signal.setitimer(signal.ITIMER_REAL, timeout)
        start = time.perf_counter()
        try:
            status, out = run_one(data, all_formats=i % 10 == 0)
            stats[status] += 1
        except Timeout:
            stats["hangs"].append((i, kind, timeout))
            _save(save, f"hang-{i}", data)
            continue
        except Exception as exc:  # noqa: BLE001 — the point is to catch everything
            site = _site(exc)
            group = stats["exceptions"].setdefault(site, {"count": 0, "first": i, "kind": kind,
                                                          "traceback": traceback.format_exc(limit=-8)})
            group["count"] += 1
            _save(save, f"exception-{i}", data)
            continue
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            elapsed = time.perf_counter() - start
            stats["count"] += 1
        if elapsed > hang:
            stats["hangs"].append((i, kind, round(elapsed, 2)))
            _save(save, f"slow-{i}", data)
        stats["slowest"] = sorted([*stats["slowest"], (round(elapsed, 3), i, kind, len(data))], reverse=True)[:10]
        if i % 50 == 0 and status == "ok":
            stats["determinism_checked"] += 1
            again = run_one(data)[1]
            if again != out:
                stats["differences"].append((i, kind, "in-process re-run"))
                _save(save, f"differs-{i}", data)
        if not quiet and stats["count"] % report_every == 0:
            rate = stats["count"] / (time.perf_counter() - start_all)
            print(f"  [{os.getpid()}] {stats['count']:,} inputs, {rate:.0f}/s, "
                  f"{sum(g['count'] for g in stats['exceptions'].values())} exceptions, {len(stats['hangs'])} hangs",
                  file=sys.stderr, flush=True)
    stats["seconds"] = time.perf_counter() - start_all
    stats["peak_rss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return stats


def _save(folder: str | None, name: str, data: bytes) -> None:
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        (Path(folder) / f"{name}.txt").write_bytes(data)


_HASH_CHILD = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
sys.path.insert(0, sys.argv[1] + "/benchmarks")
import reliability
seed, indices = int(sys.argv[2]), json.loads(sys.argv[3])
outs = {}
for i in indices:
    try:
        outs[i] = reliability.run_one(reliability.make_input(seed, i)[1])[1]
    except Exception as exc:
        outs[i] = f"exception: {type(exc).__name__}"
print(json.dumps(outs))
"""


def hashseed_check(seed: int, indices: list[int]) -> list[tuple[int, str]]:
    """The JSON of each input under PYTHONHASHSEED 1 and 4242 in child processes, compared."""
    results = []
    for hashseed in ("1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": hashseed}
        done = subprocess.run([sys.executable, "-c", _HASH_CHILD, str(ROOT), str(seed), json.dumps(indices)],
                              capture_output=True, text=True, env=env, timeout=3600)
        if done.returncode:
            raise RuntimeError(done.stderr[-2000:])
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    a, b = results
    return [(int(i), "PYTHONHASHSEED 1 vs 4242") for i in a if a[i] != b[i]]


def _worker(args) -> dict:
    return work(*args)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=1, help="processes the inputs are split over [1]")
    parser.add_argument("--timeout", type=float, default=10.0, help="per-input limit in seconds [10]")
    parser.add_argument("--hang", type=float, default=5.0, help="an input slower than this counts as a hang [5]")
    parser.add_argument("--hashseed-sample", type=int, default=300,
                        help="inputs re-checked under two other PYTHONHASHSEEDs [300]")
    parser.add_argument("--save", metavar="DIR", help="write the inputs behind failures here")
    parser.add_argument("--only", type=int, metavar="I", help="make input I, check it, print what happened")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args()
    if args.only is not None:
        kind, data = make_input(args.seed, args.only)
        print(f"input {args.only}: {kind}, {len(data):,} bytes")
        start = time.perf_counter()
        status, out = run_one(data, all_formats=True)
        print(f"{status} in {time.perf_counter() - start:.2f} s\n{out[:2000]}")
        return 0
    start = time.perf_counter()
    n = args.workers
    chunks = [range(k, args.count, n) for k in range(n)]
    jobs = [(args.seed, c, args.timeout, args.hang, args.save, args.quiet) for c in chunks]
    if n == 1:
        parts = [work(*jobs[0])]
    else:
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(n) as pool:
            parts = pool.map(_worker, jobs)
    total = {"count": 0, "ok": 0, "refused": 0, "determinism_checked": 0}
    exceptions: dict[str, dict] = {}
    hangs, slowest, differences, kinds = [], [], [], Counter()
    for p in parts:
        for k in total:
            total[k] += p[k]
        for site, g in p["exceptions"].items():
            if site in exceptions:
                exceptions[site]["count"] += g["count"]
                if g["first"] < exceptions[site]["first"]:
                    exceptions[site].update(first=g["first"], kind=g["kind"], traceback=g["traceback"])
            else:
                exceptions[site] = dict(g)
        hangs += p["hangs"]
        slowest += p["slowest"]
        differences += p["differences"]
        kinds.update(p["kinds"])
    sample = random.Random(args.seed).sample(range(args.count), min(args.hashseed_sample, args.count))
    hash_diffs = hashseed_check(args.seed, sorted(sample)) if sample else []
    differences += hash_diffs
    wall = time.perf_counter() - start
    peak = max(p["peak_rss_kb"] for p in parts)
    n_exc = sum(g["count"] for g in exceptions.values())
    print(f"\nreliability: {total['count']:,} inputs (seed {args.seed}) in {wall:.0f} s with {n} worker(s)")
    print("  inputs by first mutation: " + ", ".join(f"{k} {v:,}" for k, v in sorted(kinds.items())))
    print(f"  checked: {total['ok']:,}   refused by the loader with a message: {total['refused']:,}")
    print(f"  exceptions: {n_exc} in {len(exceptions)} group(s)")
    for site, g in sorted(exceptions.items(), key=lambda kv: -kv[1]["count"]):
        print(f"\n  --- {g['count']} × {site} (first: input {g['first']}, {g['kind']}; "
              f"`--only {g['first']} --seed {args.seed}`)\n" + "    " + g["traceback"].replace("\n", "\n    "))
    print(f"  hangs (> {args.hang:g} s, or killed at {args.timeout:g} s): {len(hangs)}"
          + "".join(f"\n    input {i} ({kind}): {t} s" for i, kind, t in sorted(hangs)[:20]))
    print("  slowest inputs:" + "".join(f"\n    {t:.2f} s  input {i} ({kind}, {size:,} bytes)"
                                        for t, i, kind, size in sorted(slowest, reverse=True)[:10]))
    print(f"  peak RSS of a worker: {peak / 1024:.0f} MB")
    print(f"  determinism: {total['determinism_checked']:,} inputs re-checked in process, {len(sample)} under "
          f"two other PYTHONHASHSEEDs: {len(differences)} difference(s)"
          + "".join(f"\n    input {i} ({how})" for i, *_, how in differences[:20]))
    return 1 if n_exc or hangs or differences else 0


if __name__ == "__main__":
    sys.exit(main())
