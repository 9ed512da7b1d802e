"""The Python API: `auditor.check(paths, config=…)` for scripts and notebooks.

    import auditor
    run = auditor.check(["reports/"])               # honours audit.toml, like `audit reports/`
    run.findings[0]["message"]
    run.dataframe("facts")                          # every figure of every report, one table (pandas)

A `Run` keeps plain records (lists of dicts: no pandas needed); `dataframe`
turns one kind of them into a pandas DataFrame, with the optional extra
`pip install 'auditor[pandas]'`.  Rows of every kind carry the file they come
from.  Input problems raise `auditor.api.InputError` (one-line message); a file
that cannot be read in a batch is kept in `Run.errors` and the others are checked.
"""

from __future__ import annotations

from dataclasses import field
from pathlib import Path
from typing import Any, Iterable, Sequence

from auditor.batch import InputError  # noqa: F401  (re-exported: the API's input errors)
from auditor.records import dataclass

KINDS = ("findings", "facts", "relations", "files")


@dataclass
class Run:
    """The results of one `auditor.check` call: records per kind, and the full results."""

    results: list = field(default_factory=list)  # auditor.pipeline.AuditResult, one per readable input
    errors: dict[str, str] = field(default_factory=dict)  # input → why it could not be read
    lang: str = "zh"

    @property
    def findings(self) -> list[dict[str, Any]]:
        """One record per finding: file, rule, severity, message, stated, expected, place …"""
        from auditor.report.common import position

        rows = []
        for r in self.results:
            for f in r.findings:
                rows.append({"file": r.path, "rule": f.rule, "severity": f.severity, "message": f.message(self.lang),
                             "stated": f.stated, "expected": f.expected, "arithmetic": f.arithmetic_text(self.lang),
                             "line": f.line, "column": f.column,
                             "place": position(r, f.start, self.lang, f.line, f.column).short(),
                             "start": f.start, "end": f.end,
                             "evidence": [{"role": e.role, "text": e.text, "start": e.start} for e in f.evidence]})
        return rows

    @property
    def facts(self) -> list[dict[str, Any]]:
        """One record per figure read: file, text, value (exact Decimal, base unit), unit, concept, period …"""
        from auditor.report.catalogue import period_of
        from auditor.report.common import position

        rows = []
        for r in self.results:
            year = r.extraction.report_year
            for f in r.facts:
                rows.append({"file": r.path, "text": f.text, "value": f.value, "unit": f.unit,
                             "written_unit": f.written_unit, "kind": f.kind, "concept": f.concept,
                             "label": f.label, "period": period_of(f, year, self.lang) or None,
                             "scenario": f.scenario, "line": f.span.line, "column": f.span.column,
                             "place": position(r, f.span.start, self.lang, f.span.line, f.span.column).short(),
                             "start": f.span.start, "end": f.span.end})
        return rows

    @property
    def relations(self) -> list[dict[str, Any]]:
        """One record per relation checked: file, rule, verdict (holds, fails, undecided, explained),
        reason, and the figures it relates (texts and roles)."""
        from auditor.report.jsonfmt import relation_objects

        rows = []
        for r in self.results:
            for rel in relation_objects(r):
                figures = rel.pop("figures")
                rows.append({"file": r.path, **rel, "figures": [f["text"] for f in figures],
                             "roles": [f["role"] for f in figures],
                             "line": figures[0]["line"] if figures else None})
        return rows

    @property
    def files(self) -> list[dict[str, Any]]:
        """One record per input: file, counts of findings by severity, figures read, relations checked, error."""
        from auditor.batch import summary_row

        rows = []
        for r in self.results:
            s = summary_row(r)
            rows.append({"file": r.path, "errors": s.errors, "warnings": s.warnings, "infos": s.infos,
                         "facts": s.facts, "relations": s.relations, "error": None})
        rows += [{"file": path, "errors": None, "warnings": None, "infos": None, "facts": None, "relations": None,
                  "error": message} for path, message in self.errors.items()]
        return rows

    def dataframe(self, kind: str = "findings"):
        """One kind of record ("findings", "facts", "relations", "files") as a pandas DataFrame.

        Needs pandas: pip install 'auditor[pandas]'.  Values stay exact (Decimal)."""
        if kind not in KINDS:
            raise ValueError(f"no such kind {kind!r}; one of {', '.join(KINDS)}")
        try:
            import pandas
        except ImportError:
            raise ImportError("auditor's DataFrames need pandas: pip install 'auditor[pandas]'") from None
        rows = getattr(self, kind)
        columns = list(rows[0]) if rows else _EMPTY_COLUMNS[kind]
        return pandas.DataFrame(rows, columns=columns)

    def __repr__(self) -> str:
        n = sum(len(r.findings) for r in self.results)
        return f"<auditor.Run: {len(self.results)} files, {n} findings, {len(self.errors)} unreadable>"


_EMPTY_COLUMNS = {
    "findings": ["file", "rule", "severity", "message", "stated", "expected", "arithmetic", "line", "column",
                 "place", "start", "end", "evidence"],
    "facts": ["file", "text", "value", "unit", "written_unit", "kind", "concept", "label", "period", "scenario",
              "line", "column", "place", "start", "end"],
    "relations": ["file", "rule", "verdict", "reason", "via", "rejected", "note", "alternative", "finding",
                  "figures", "roles", "line"],
    "files": ["file", "errors", "warnings", "infos", "facts", "relations", "error"],
}


def check(paths: str | Path | Sequence[str | Path], config: str | Path | bool | None = None, *,
          attachments: Sequence[str | Path] = (), select: Sequence[str] = (), ignore: Sequence[str] = (),
          lang: str | None = None, jobs: int | None = None, rules: Iterable[str | Path] = ()) -> Run:
    """Check reports (files and folders) and return their findings, facts and relations.

    config: an audit.toml or pyproject.toml to read; None (default) looks for
    the nearest one above the first input, as `audit` does; False reads none.
    attachments: files checked with the one report as one document (`--with`).
    select/ignore/rules/lang: as the command's options.  jobs: worker processes
    (default: as many as the size of the work pays for).
    """
    from auditor import batch
    from auditor import config as configuration

    items = [str(paths)] if isinstance(paths, (str, Path)) else [str(p) for p in paths]
    if not items:
        raise InputError("no reports given")
    settings = configuration.resolve(lang=lang, config=config or None, start=items, rule_dirs=rules,
                                     select=select, ignore=ignore, use_config=config is not False)
    inputs = batch.collect(items, attachments=[str(a) for a in attachments], lang=settings.lang)
    run = Run(lang=settings.lang)
    for outcome in batch.run(inputs, configuration.rules_for(settings), configuration.vocabulary_for(settings),
                             jobs=jobs, progress=False, keep="all", lang=settings.lang):
        if outcome.error is not None:
            run.errors[outcome.path] = outcome.error
        else:
            run.results.append(outcome.result)
    return run
