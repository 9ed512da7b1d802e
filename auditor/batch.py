"""Inputs and running: which files to check, and checking them.

`collect` turns the command line's files and folders into a list of reports;
`run` audits them and yields one `Outcome` per input, in input order.  A file
that cannot be read yields an Outcome with an error instead of stopping the
batch.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from auditor.check.rulebook import Rule
from auditor.extract.vocabulary import Vocabulary
from auditor.load import LoadError, load_document
from auditor.pipeline import AuditResult, audit_document

REPORT_SUFFIXES = {".txt", ".text"}


class InputError(Exception):
    """A command-line input that is not usable (missing, empty folder …)."""


@dataclass(frozen=True)
class Outcome:
    path: str
    result: AuditResult | None = None
    error: str | None = None


def collect(paths: tuple[str, ...] | list[str]) -> list[Path]:
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            raise InputError(f"{raw}: no such file or folder")
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in REPORT_SUFFIXES)
            if not found:
                raise InputError(f"{raw}: no reports in this folder (looked for {', '.join(sorted(REPORT_SUFFIXES))})")
            out.extend(found)
        else:
            out.append(p)
    return out


def audit_one(path: Path, rules: list[Rule], vocab: Vocabulary | None) -> Outcome:
    try:
        document = load_document(path)
    except LoadError as exc:
        return Outcome(str(path), error=str(exc))
    return Outcome(str(path), result=audit_document(document, rules, vocab))


def run(paths: list[Path], rules: list[Rule], vocab: Vocabulary | None = None) -> Iterator[Outcome]:
    for path in paths:
        yield audit_one(path, rules, vocab)
