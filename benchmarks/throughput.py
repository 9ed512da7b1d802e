"""Throughput of one job on a folder of 1,000 reports, against the physical floor.

    python benchmarks/throughput.py [--count 1000] [--min-bytes 20000] [--repeat 2] [--skip-cli]

Writes --count reports into a temporary folder (see _corpus.py: seed and
corpus texts, each lengthened to at least --min-bytes UTF-8 bytes by appending
the following texts, one figure changed; --min-bytes 0 keeps the natural
~2.8 KB excerpts) and measures, best of --repeat,

    floor      read every file, decode it, and find every number+unit token
               with one compiled regex, \\d+(?:\\.\\d+)?\\s*(?:万元|亿元|元|%|分)
    in-process read every file, decode it, auditor.pipeline.audit_text(text)
               (normalise → extract → check; one process, warm grammar, the
               rules and vocabulary loaded once and passed in, as the CLI does)
    CLI        audit DIR --jobs 1 --format json --fail-on never -o /dev/null
               (the real command: start-up, loaders with encoding detection,
               the JSON report)

and prints MB/s (10^6 bytes of files per second) for each and the ratio to
the floor against the target of issue 5: ≤ 5× the floor.

This is a measurement, not a test: nothing fails when it is slow.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _corpus

TARGET = 5.0


def in_process(paths: list[Path]) -> int:
    from auditor.check import default_rules
    from auditor.extract.vocabulary import default_vocabulary
    from auditor.pipeline import audit_text

    rules, vocab = default_rules(), default_vocabulary()  # loaded once, as the CLI does
    findings = 0
    for p in paths:
        findings += len(audit_text(p.read_bytes().decode("utf-8"), path=str(p), rules=rules, vocab=vocab).findings)
    return findings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--min-bytes", type=int, default=20_000, help="0: the natural sizes of the excerpts")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--skip-cli", action="store_true", help="measure the floor and audit_text only")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "reports"
        paths = _corpus.make_folder(folder, args.count, args.min_bytes)
        size = _corpus.folder_bytes(paths)
        print(f"{args.count} reports, {_corpus.mb(size):.1f} MB ({size / args.count / 1000:.1f} KB each on average, "
              f"UTF-8 .txt); one core; best of {args.repeat}\n")

        _corpus.floor_scan(paths)  # files in the page cache for everybody
        rows = []
        t, tokens = _corpus.best_of(lambda: _corpus.floor_scan(paths), max(args.repeat, 5))
        rows.append(("floor: compiled regex scan", t, f"{tokens:,} number+unit tokens"))

        from auditor.pipeline import audit_text
        audit_text("预算100万元，执行率100%。")  # grammar built, rules loaded: the steady state
        t, findings = _corpus.best_of(lambda: in_process(paths), args.repeat)
        rows.append(("in-process audit_text", t, f"{findings:,} findings"))

        if not args.skip_cli:
            def cli():
                wall, done = _corpus.run_cli([str(folder), "--jobs", "1", "--format", "json", "--fail-on", "never",
                                              "-o", "/dev/null"])
                if done.returncode != 0:
                    print(f"audit exited with {done.returncode}: {done.stderr.strip()[:300]}")
                return wall
            t, _ = _corpus.best_of(cli, args.repeat)
            rows.append(("CLI: audit DIR --jobs 1 --format json", t, "start-up included"))

    floor = rows[0][1]
    print(f"{'':<40} {'seconds':>8} {'MB/s':>8} {'x floor':>8}")
    for name, t, note in rows:
        print(f"{name:<40} {t:8.2f} {_corpus.mb(size) / t:8.2f} {t / floor:8.1f}   {note}")
    for name, t, _ in rows[1:]:
        ratio = t / floor
        verdict = "meets" if ratio <= TARGET else f"misses by {ratio / TARGET:.0f}x"
        print(f"{name}: {ratio:.0f}x the floor   target <= {TARGET:.0f}x   ({verdict})")


if __name__ == "__main__":
    main()
