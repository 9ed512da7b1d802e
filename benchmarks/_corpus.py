"""Shared helpers of the speed benchmarks: the texts they read and the folders they write.

Every benchmark reads the same material: the 5 seed reports (examples/seeds)
and the real reports of the development corpus (examples/corpus), ~2.8 KB
each on average.  `make_folder` writes COUNT of them into a folder — each a
*variant* (one decimal figure's last digit changed, so no two files are the
same), optionally lengthened to at least MIN_BYTES by appending the next texts
as later sections (real reports run to 10–50 KB) — always as UTF-8 .txt.

`floor_scan` is the physical floor the benchmarks compare against: read the
same files, decode them and find every number+unit token with one compiled
regular expression.

Nothing here measures anything by itself; see the scripts beside it.
"""

from __future__ import annotations

import hashlib
import os
import random
import re
import subprocess
import sys
import tarfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "examples" / "seeds").glob("*.txt")) + sorted((ROOT / "examples" / "corpus").glob("*.txt"))

# the floor: every number+unit token, nothing else
TOKEN = re.compile(r"\d+(?:\.\d+)?\s*(?:万元|亿元|元|%|分)")
_DECIMAL = re.compile(r"\d+\.\d+")


def export(rev: str, folder: Path) -> Path:
    """A git revision's files (git archive), unpacked into folder/ref: the reference a benchmark compares with."""
    archive = folder / "ref.tar"
    with open(archive, "wb") as f:
        subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", rev], check=True, stdout=f)
    with tarfile.open(archive) as tar:
        tar.extractall(folder / "ref", filter="data")
    return folder / "ref"


def texts() -> list[str]:
    """The seed and corpus texts, in a fixed order (seeds first)."""
    return [p.read_text(encoding="utf-8") for p in SOURCES]


def cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def variant(text: str, rng: random.Random) -> str:
    """The text with one decimal figure's last digit changed (so no two copies are equal)."""
    figures = list(_DECIMAL.finditer(text))
    if not figures:
        return text
    m = rng.choice(figures)
    return text[: m.end() - 1] + str((int(m.group()[-1]) + 1) % 10) + text[m.end():]


def report(n: int, min_bytes: int = 0, sources: list[str] | None = None, rng: random.Random | None = None) -> str:
    """Report number n: source text n (mod the number of sources), lengthened by the
    following sources until it has at least min_bytes UTF-8 bytes, then made a variant."""
    sources = sources if sources is not None else texts()
    rng = rng or random.Random(n)
    text = sources[n % len(sources)]
    k = n
    while len(text.encode("utf-8")) < min_bytes:
        k += 1
        text += "\n\n" + sources[k % len(sources)]
    return variant(text, rng)


def make_folder(folder: Path, count: int, min_bytes: int = 0) -> list[Path]:
    """Write `count` reports as UTF-8 .txt into folder/NN/report_NNNNN.txt (100 per subfolder)."""
    sources = texts()
    rng = random.Random(7)
    paths = []
    for n in range(count):
        path = folder / f"{n // 100:03d}" / f"report_{n:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(report(n, min_bytes, sources, rng).encode("utf-8"))
        paths.append(path)
    return paths


def document(size: int, seed: int = 11) -> str:
    """One long document of about `size` UTF-8 bytes: the sources one after another
    (each a variant, so repeats are not identical), cut at the last line break before `size`."""
    sources = texts()
    rng = random.Random(seed)
    parts, total, k = [], 0, 0
    while total < size:
        part = variant(sources[k % len(sources)], rng) + "\n\n"
        parts.append(part)
        total += len(part.encode("utf-8"))
        k += 1
    data = "".join(parts).encode("utf-8")[:size]
    cut = data.rfind(b"\n")
    data = data[: cut + 1] if cut > size // 2 else data
    return data.decode("utf-8", errors="ignore")


def folder_bytes(paths: list[Path]) -> int:
    return sum(p.stat().st_size for p in paths)


def floor_scan(paths: list[Path]) -> int:
    """The floor: read, decode, and find every number+unit token.  Returns the token count."""
    found = 0
    for p in paths:
        text = p.read_bytes().decode("utf-8")
        for _ in TOKEN.finditer(text):
            found += 1
    return found


def best_of(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    """Best wall time of `repeat` calls (other work on the machine only ever slows a run down)."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def audit_command() -> list[str]:
    """The real `audit` console script of this environment (as a user runs it)."""
    script = Path(sys.executable).with_name("audit")
    return [str(script)] if script.exists() else [sys.executable, "-m", "auditor"]


def run_cli(args: list[str], **kwargs) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    done = subprocess.run([*audit_command(), *args], check=False, capture_output=True, text=True, **kwargs)
    return time.perf_counter() - start, done


def mb(n_bytes: int) -> float:
    return n_bytes / 1e6

# every distinct text an identity check reads (never a sealed round's): seeds, corpus, tests (the golden cases, the
# consistent texts)
IDENTITY_PLACES = [ROOT / "examples" / "seeds", ROOT / "examples" / "corpus", ROOT / "tests"]


def distinct_texts(places: list[Path]) -> list[Path]:
    """The .txt files under `places` (or the files given), each content once, outside any sealed round."""
    seen: set[str] = set()
    out = []
    for place in places:
        for path in [place] if place.is_file() else sorted(place.rglob("*.txt")):
            if "sealed" in path.parts:
                continue
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            if digest not in seen:
                seen.add(digest)
                out.append(path)
    return out
