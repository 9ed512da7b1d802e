"""Is the output of this checkout identical to that of a reference git revision?

    python benchmarks/same_output.py [--rev main] [--formats json,text,...] [--documents] [--pdf] [--keep DIR]

Every speed change must leave the output as it was (issue 13).  The script
exports the reference revision with `git archive` into a temporary folder and
runs the same commands twice in this environment's Python — once with the
reference's `auditor` package first on sys.path, once with this checkout's —
then compares every output byte for byte:

  * `audit FILE --format F` for every .txt of examples/ (seeds and corpus; never sealed/) and
    every output format (json, text, jsonl, sarif, markdown, html, csv, and
    text in English);
  * `audit facts FILE` and `audit relations FILE`, `--format json` and
    `--format text`, for the same files;
  * `audit examples/seeds --jobs 1 --format F` (several files: the summary).

With --documents, the seeds are also written as .docx, .html and .xlsx (with
tests/docgen.py, once, by this checkout) and checked in json and text; --pdf
adds PDFs the same way (a change to the PDF loader changes their locations, so
they are left out by default).

Each side runs in one process (click's test runner calls the CLI in order), so
a cache that leaks state from one report to the next shows up too.  Input
files are this checkout's, so both sides read the same bytes.  Exit status 0
when everything is identical, 1 when something differs (the first lines of each
difference are printed), 2 when the reference cannot be exported.

Both sides run with the same PYTHONHASHSEED (0 unless --hashseed says
otherwise), so a difference is the code's, not the hash order's; give the
reference another one with --hashseed-ref to see whether the output depends on it.

Beside the verdict it prints each side's wall time for the whole run (one run,
noisy: a hint, not a benchmark).
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
from _corpus import export  # noqa: E402  (the reference's files)

FORMATS = ["json", "text", "jsonl", "sarif", "markdown", "html", "csv"]

# Runs in a fresh interpreter: argv[1] = source root to import auditor from,
# argv[2] = JSON list of [name, args], argv[3] = output folder.
_DRIVER = r"""
import json, sys, time
root, jobs, out = sys.argv[1], json.loads(open(sys.argv[2], encoding="utf-8").read()), sys.argv[3]
sys.path.insert(0, root)
import auditor
assert auditor.__file__.startswith(root), (auditor.__file__, root)
from click.testing import CliRunner
from auditor.cli import main
runner = CliRunner()
start = time.perf_counter()
for name, args in jobs:
    result = runner.invoke(main, args, catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        import traceback
        text = "".join(traceback.format_exception(result.exception))
    else:
        text = result.stdout + "\n--- stderr\n" + result.stderr
    with open(f"{out}/{name}", "w", encoding="utf-8", newline="") as f:
        f.write(f"exit {result.exit_code}\n{text}")
print(f"{time.perf_counter() - start:.3f}")
"""


def commands(formats: list[str], documents: list[Path]) -> list[tuple[str, list[str]]]:
    # examples/sealed is kept unread for blind scoring: never run the auditor on it
    texts = sorted(p for p in (ROOT / "examples").rglob("*.txt") if "sealed" not in p.relative_to(ROOT).parts)
    jobs: list[tuple[str, list[str]]] = []
    for path in texts:
        name = path.relative_to(ROOT / "examples").as_posix().replace("/", "__")
        rel = str(path.relative_to(ROOT))
        for fmt in formats:
            jobs.append((f"{name}.{fmt}", [rel, "--format", fmt, "--jobs", "1"]))
        if "text" in formats:
            jobs.append((f"{name}.text-en", [rel, "--format", "text", "--lang", "en", "--jobs", "1"]))
        jobs.append((f"{name}.facts-json", ["facts", rel, "--format", "json"]))
        jobs.append((f"{name}.facts-text", ["facts", rel, "--format", "text"]))
        jobs.append((f"{name}.relations-json", ["relations", rel, "--format", "json"]))
        jobs.append((f"{name}.relations-text", ["relations", rel, "--format", "text"]))
    for fmt in formats:
        jobs.append((f"seeds-folder.{fmt}", ["examples/seeds", "--format", fmt, "--jobs", "1"]))
    for path in documents:
        for fmt in ("json", "text"):
            jobs.append((f"doc__{path.name}.{fmt}", [str(path), "--format", fmt, "--jobs", "1"]))
    return jobs


def write_documents(folder: Path, suffixes: list[str]) -> list[Path]:
    sys.path.insert(0, str(ROOT / "tests"))
    import docgen

    out = []
    for src in sorted((ROOT / "examples" / "seeds").glob("*.txt")):
        text = src.read_text(encoding="utf-8")
        for suffix in suffixes:
            path = folder / f"{src.stem}.{suffix}"
            docgen.WRITERS[suffix](text, path)
            out.append(path)
    return out


def run_side(root: Path, jobs_file: Path, out: Path, hashseed: str) -> float:
    out.mkdir()
    env = {**os.environ, "PYTHONHASHSEED": hashseed}
    done = subprocess.run([sys.executable, "-c", _DRIVER, str(root), str(jobs_file), str(out)],
                          cwd=ROOT, capture_output=True, text=True, check=False, env=env)
    if done.returncode != 0:
        sys.exit(f"running {root} failed:\n{done.stderr[-3000:]}")
    return float(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rev", default="main", help="reference git revision [main]")
    parser.add_argument("--formats", default=",".join(FORMATS), help=f"output formats [{','.join(FORMATS)}]")
    parser.add_argument("--documents", action="store_true", help="also the seeds as .docx, .html and .xlsx")
    parser.add_argument("--pdf", action="store_true", help="also the seeds as .pdf")
    parser.add_argument("--keep", type=Path, help="copy both sides' outputs into this folder")
    parser.add_argument("--hashseed", default="0", help="PYTHONHASHSEED of both sides [0]")
    parser.add_argument("--hashseed-ref", default=None,
                        help="another PYTHONHASHSEED for the reference (does the output depend on it?)")
    parser.add_argument("--show", type=int, default=3, help="differences to print in full [3]")
    args = parser.parse_args()
    formats = [f for f in args.formats.split(",") if f]

    with tempfile.TemporaryDirectory(prefix="same_output-") as tmp_name:
        tmp = Path(tmp_name)
        try:
            ref = export(args.rev, tmp)
        except subprocess.CalledProcessError:
            print(f"cannot export revision {args.rev!r}", file=sys.stderr)
            sys.exit(2)
        suffixes = (["docx", "html", "xlsx"] if args.documents else []) + (["pdf"] if args.pdf else [])
        documents = []
        if suffixes:
            (tmp / "docs").mkdir()
            documents = write_documents(tmp / "docs", suffixes)
        jobs = commands(formats, documents)
        jobs_file = tmp / "jobs.json"
        jobs_file.write_text(json.dumps(jobs, ensure_ascii=False), encoding="utf-8")
        t_ref = run_side(ref, jobs_file, tmp / "before", args.hashseed_ref or args.hashseed)
        t_new = run_side(ROOT, jobs_file, tmp / "after", args.hashseed)

        differ = []
        for name, _ in jobs:
            a = (tmp / "before" / name).read_text(encoding="utf-8")
            b = (tmp / "after" / name).read_text(encoding="utf-8")
            if a != b:
                differ.append((name, a, b))
        for name, a, b in differ[: args.show]:
            print(f"--- {name}")
            diff = difflib.unified_diff(a.splitlines(), b.splitlines(), f"{args.rev}/{name}", f"work/{name}",
                                        n=1, lineterm="")
            for n, line in enumerate(diff):
                if n >= 30:
                    print("    …")
                    break
                print(f"    {line}")
        for name, _, _ in differ[args.show:]:
            print(f"--- {name} differs")
        if args.keep:
            for side in ("before", "after"):
                shutil.copytree(tmp / side, args.keep / side, dirs_exist_ok=True)
        inputs = len({a[1] if a[0] in ("facts", "relations") else a[0] for _, a in jobs})
        print(f"{len(jobs)} outputs ({len(formats)} formats, facts, relations; {inputs} inputs): "
              f"{len(jobs) - len(differ)} identical, {len(differ)} differ   "
              f"[{args.rev} {t_ref:.1f} s, this checkout {t_new:.1f} s, one run each]")
        sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
