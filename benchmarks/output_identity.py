"""Does this checkout read every text exactly as a reference revision does — facts, every kind of
relation, findings and outcomes?

    python benchmarks/output_identity.py [--rev 8e9a923f] [--jobs N] [--sizes 10KB,100KB,1MB,3MB]
                                         [--cache DIR] [DIR_OR_FILE ...]

For a change of an algorithm (an index or a window instead of a scan) that must
leave the output as it was.  Texts: every distinct .txt of examples/ (seeds and
corpus; never sealed/), tests/ and /work/main/tests/consistent, audited with
`audit_text`; and the long documents of benchmarks/scaling.py (`_corpus.document`
at each of --sizes), read the way scaling.py reads them (normalise, extract,
check on the whole text, no segments) and with `audit_text` (segments).

Each side runs in its own interpreter with its `auditor` first on sys.path: the
reference exported with `git archive`, then this checkout.  Each text gives one
SHA-256 of `repr` of its extraction (facts and relations), findings, outcomes
and suppressed findings; the two sides' digests are compared text by text.  The
reference's digests are kept in --cache (keyed by the revision's commit and the
texts), so a second run audits only this checkout.  Exit status 1 when a text
differs (the first are listed), 0 when every one is identical.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.append(str(ROOT / "benchmarks"))  # (after the checkout a side imports its auditor from: -P runs leave it out)
from _corpus import IDENTITY_PLACES, distinct_texts, export  # noqa: E402

DEFAULT = IDENTITY_PLACES


def _parse_size(value: str) -> int:
    value = value.strip().upper().removesuffix("B")
    factor = {"K": 1_000, "M": 1_000_000}.get(value[-1:], 1)
    return int(float(value.rstrip("KM")) * factor)


# ---------------------------------------------------------------- one side (a fresh interpreter)
_state: dict = {}


def _setup() -> None:
    from auditor.check import default_rules
    from auditor.extract.vocabulary import default_vocabulary

    _state.update(rules=default_rules(), vocab=default_vocabulary())


def _digest(*parts) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(repr(part).encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def _one(item: str) -> tuple[str, str]:
    from auditor.pipeline import audit_text

    rules, vocab = _state["rules"], _state["vocab"]
    if item.startswith("document:"):  # document:SIZE:whole|segments
        sys.path.insert(0, str(ROOT / "benchmarks"))
        import _corpus

        _, size, how = item.split(":")
        text = _corpus.document(int(size))
        if how == "whole":  # as scaling.py reads it
            from auditor.check import evaluate
            from auditor.extract import extract
            from auditor.normalise import normalise

            doc = extract(normalise(text), vocab)
            findings, outcomes = evaluate(doc, rules, vocab)
            return item, _digest(doc, findings, outcomes)
        result = audit_text(text, rules=rules, vocab=vocab)
    else:
        text = Path(item).read_text(encoding="utf-8", errors="replace")
        result = audit_text(text, path=item, rules=rules, vocab=vocab)
    return item, _digest(result.extraction, result.findings, result.outcomes, result.suppressed)


def side(root: str, items_file: str, out_file: str, jobs: int) -> None:
    sys.path.insert(0, root)
    import auditor

    assert auditor.__file__.startswith(root), (auditor.__file__, root)
    from multiprocessing import Pool

    items = json.loads(Path(items_file).read_text(encoding="utf-8"))
    # (the long documents first: one each, the small texts after them in chunks)
    long = [i for i in items if i.startswith("document:")]
    short = [i for i in items if not i.startswith("document:")]
    out: dict[str, str] = {}
    with Pool(jobs, initializer=_setup) as pool:
        for k, (item, digest) in enumerate(pool.imap_unordered(_one, long, chunksize=1), 1):
            out[item] = digest
        for k, (item, digest) in enumerate(pool.imap_unordered(_one, short, chunksize=16), 1):
            out[item] = digest
            if k % 2000 == 0:
                print(f"  {root}: {k:,} of {len(short):,} texts …", file=sys.stderr, flush=True)
    Path(out_file).write_text(json.dumps(out, ensure_ascii=False, sort_keys=True), encoding="utf-8")


# ---------------------------------------------------------------- both sides
def _run_side(root: Path, items_file: Path, out_file: Path, jobs: int) -> dict[str, str]:
    env = dict(os.environ, PYTHONHASHSEED="0")
    env.pop("PYTHONPATH", None)
    subprocess.run([sys.executable, "-P", __file__, "--side", str(root), str(items_file), str(out_file),
                    "--jobs", str(jobs)], check=True, env=env, cwd=str(ROOT))
    return json.loads(out_file.read_text(encoding="utf-8"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("places", nargs="*", type=Path)
    ap.add_argument("--rev", default="8e9a923f")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--sizes", default="10KB,100KB,1MB,3MB",
                    help="long documents (benchmarks/_corpus.document), read whole and in segments; '' for none")
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "output_identity")
    ap.add_argument("--side", nargs=3, metavar=("ROOT", "ITEMS", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.side:
        side(*args.side, args.jobs)
        return
    items = [str(p) for p in distinct_texts(args.places or DEFAULT)]
    n_texts = len(items)
    for size in [_parse_size(s) for s in args.sizes.split(",") if s.strip()]:
        items += [f"document:{size}:whole", f"document:{size}:segments"]
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", args.rev], check=True, capture_output=True,
                            text=True).stdout.strip()
    key = hashlib.sha256(json.dumps([commit, items]).encode()).hexdigest()[:16]
    args.cache.mkdir(parents=True, exist_ok=True)
    cached = args.cache / f"{commit[:12]}-{key}.json"
    with tempfile.TemporaryDirectory() as tmp:
        items_file = Path(tmp) / "items.json"
        items_file.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
        if cached.exists():
            ref = json.loads(cached.read_text(encoding="utf-8"))
            print(f"reference {args.rev} ({commit[:12]}): digests from {cached}")
        else:
            ref = _run_side(export(commit, Path(tmp)), items_file, Path(tmp) / "ref.json", args.jobs)
            cached.write_text(json.dumps(ref, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        new = _run_side(ROOT, items_file, Path(tmp) / "new.json", args.jobs)
    differ = [i for i in items if ref.get(i) != new.get(i)]
    for item in differ[:20]:
        print(f"DIFFERS {item}")
    print(f"{n_texts:,} texts and {len(items) - n_texts} long documents (sizes {args.sizes or 'none'}): "
          f"facts, relations, findings and outcomes identical to {args.rev} on {len(items) - len(differ):,} "
          f"of {len(items):,}")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
