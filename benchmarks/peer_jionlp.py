"""Extraction only: auditor against its nearest peer, jionlp's `extract_money`.

    pip install jionlp        # into the venv, for this benchmark only (not a dependency)
    python benchmarks/peer_jionlp.py [--count 1000] [--min-bytes 20000] [--repeat 2]

Runs on the same texts as throughput.py (see _corpus.py: --count reports,
each at least --min-bytes UTF-8 bytes), read and decoded once beforehand, and
times, best of --repeat,

    auditor     auditor.extract.extract(auditor.normalise.normalise(text))
                (every figure — money, %, scores, counts — typed, bound to
                concepts and relations; no rule checks)
    jionlp      jionlp.ner.extract_money(text)  (default: with_parsing=True,
                each amount parsed to a value), and with_parsing=False

and prints MB/s for each and how many times faster auditor is, against the
target of issue 5: auditor ≥ 6× faster than jionlp.  As a sanity check it
lists, on a few texts, how many money figures each finds (auditor: facts in
元) and a few figures only one of them found.

If jionlp cannot be imported, it says so and measures auditor only.
This is a measurement, not a test: nothing fails when it is slow.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _corpus

TARGET = 6.0


def load_jionlp():
    try:
        with contextlib.redirect_stdout(io.StringIO()):  # it prints a banner on import
            import jionlp
        jionlp.ner.extract_money("预算资金100万元。")  # lazy dictionaries loaded
        return jionlp, None
    except Exception as exc:  # noqa: BLE001 — not installed, or broken on this Python
        return None, f"{type(exc).__name__}: {exc}"


def auditor_money(text: str) -> list[tuple[int, int, str]]:
    from auditor.extract import extract
    from auditor.normalise import normalise

    return [(f.span.start, f.span.end, f.text) for f in extract(normalise(text)).facts if f.unit == "元"]


def jionlp_money(jionlp, text: str) -> list[tuple[int, int, str]]:
    return [(m["offset"][0], m["offset"][1], m["text"]) for m in jionlp.ner.extract_money(text)]


def overlaps(a: tuple[int, int, str], others: list[tuple[int, int, str]]) -> bool:
    return any(a[0] < b[1] and b[0] < a[1] for b in others)


def sanity(jionlp, sources: list[tuple[str, str]]) -> None:
    print("\nmoney figures found (auditor: facts in 元; overlapping spans count as the same figure)")
    print(f"{'text':<44} {'KB':>5} {'auditor':>8} {'jionlp':>7} {'both':>5}")
    rng = random.Random(3)
    only_a, only_j = [], []
    for name, text in sources:
        a = auditor_money(text)
        j = jionlp_money(jionlp, text)
        both = sum(1 for x in a if overlaps(x, j))
        print(f"{name:<44} {len(text.encode()) / 1000:5.1f} {len(a):8} {len(j):7} {both:5}")
        only_a += [(name, x[2]) for x in a if not overlaps(x, j)]
        only_j += [(name, x[2]) for x in j if not overlaps(x, a)]
    for who, items in (("only auditor", only_a), ("only jionlp", only_j)):
        sample = rng.sample(items, min(8, len(items)))
        print(f"{who}: {len(items)}" + (", e.g. " + ", ".join(repr(t) for _, t in sample) if sample else ""))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--min-bytes", type=int, default=20_000, help="0: the natural sizes of the excerpts")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()

    jionlp, problem = load_jionlp()
    with tempfile.TemporaryDirectory() as tmp:
        paths = _corpus.make_folder(Path(tmp) / "reports", args.count, args.min_bytes)
        docs = [p.read_bytes().decode("utf-8") for p in paths]
    size = sum(len(t.encode("utf-8")) for t in docs)
    print(f"{args.count} texts, {_corpus.mb(size):.1f} MB ({size / args.count / 1000:.1f} KB each on average), "
          f"decoded in memory; one core; best of {args.repeat}")

    from auditor.extract import extract
    from auditor.normalise import normalise
    extract(normalise("预算100万元，执行率100%。"))  # grammar built

    def run_auditor():
        return sum(len(extract(normalise(t)).facts) for t in docs)

    rows = [("auditor extract(normalise(text))",) + _corpus.best_of(run_auditor, args.repeat)]
    if jionlp is None:
        print(f"\njionlp is not available ({problem}); install it with `pip install jionlp` "
              "to compare.  auditor only:")
    else:
        def run_jionlp(parsing: bool):
            return sum(len(jionlp.ner.extract_money(t, with_parsing=parsing)) for t in docs)
        try:
            rows.append(("jionlp extract_money(text)",) + _corpus.best_of(lambda: run_jionlp(True), args.repeat))
            rows.append(("jionlp ... with_parsing=False",) + _corpus.best_of(lambda: run_jionlp(False), args.repeat))
        except Exception as exc:  # noqa: BLE001 — whatever it is, say so and go on
            print(f"\njionlp failed while extracting ({type(exc).__name__}: {exc}); auditor only:")
    print(f"\n{'':<36} {'seconds':>8} {'MB/s':>8}  found")
    for name, t, found in rows:
        what = "facts (all kinds)" if name.startswith("auditor") else "money figures"
        print(f"{name:<36} {t:8.2f} {_corpus.mb(size) / t:8.2f}  {found:,} {what}")
    if len(rows) > 1:
        ours = rows[0][1]
        for name, t, _ in rows[1:]:
            speedup = t / ours
            verdict = "meets" if speedup >= TARGET else f"misses by {TARGET / speedup:.1f}x"
            print(f"auditor vs {name}: {speedup:.2f}x as fast   target >= {TARGET:.0f}x   ({verdict})")
        texts = _corpus.texts()
        names = [p.stem for p in _corpus.SOURCES]
        picks = [0, 2, 4, 10, 25, 40]  # three seeds, three corpus reports
        sanity(jionlp, [(names[i], texts[i]) for i in picks if i < len(texts)])


if __name__ == "__main__":
    main()
