"""Stage 6: reporters — one lifecycle (start → each file / failed → finish), many formats.

Adding a format means adding a module with a `Reporter` subclass and naming it
in `FORMATS`; the checker never changes.  A reporter receives each file's
result as soon as it is checked (`file`), each unreadable input (`failed`),
and writes or flushes what it still holds in `finish`.
"""

from __future__ import annotations

import importlib
from typing import IO, TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    from auditor.check.rulebook import Rule
    from auditor.pipeline import AuditResult

# format name → "module:Class"; imported only when reporters() is called
FORMATS = {
    "rich": "auditor.report.rich:RichReporter",
    "text": "auditor.report.text:TextReporter",
    "json": "auditor.report.jsonfmt:JsonReporter",
    "jsonl": "auditor.report.jsonl:JsonLinesReporter",
    "sarif": "auditor.report.sarif:SarifReporter",
    "markdown": "auditor.report.markdown:MarkdownReporter",
    "html": "auditor.report.htmlfmt:HtmlReporter",
    "csv": "auditor.report.csvfmt:CsvReporter",
    "github": "auditor.report.github:GithubReporter",
}


class Reporter:
    """Base reporter: collects nothing, prints nothing."""

    name = ""
    needs_facts = False  # whether results must keep their facts (workers then send them back)

    def __init__(self, stream: IO[str], lang: str = "zh", color: bool | None = None,
                 rules: Sequence["Rule"] = ()) -> None:
        self.stream = stream
        self.lang = lang
        self.color = color
        self.rules = list(rules)  # the rules that ran (for formats that describe them, e.g. SARIF)

    def start(self) -> None:
        pass

    def file(self, result: "AuditResult") -> None:
        raise NotImplementedError

    def failed(self, path: str, message: str) -> None:
        """A file of a batch that could not be read."""

    # A reporter may also have `summary(rows, totals)`: the batch's auditor.batch.SummaryRow
    # rows worst first (the listed ones; `totals`: every file, for the grand total), before finish.

    def finish(self) -> None:
        pass


def format_names() -> list[str]:
    return list(FORMATS)


def reporter(name: str) -> type[Reporter]:
    """One output format's reporter; only its module is imported."""
    module, cls = FORMATS[name].split(":")
    return getattr(importlib.import_module(module), cls)


def reporters() -> dict[str, type[Reporter]]:
    """Every output format, by name."""
    out = {}
    for name, target in FORMATS.items():
        module, cls = target.split(":")
        out[name] = getattr(importlib.import_module(module), cls)
    return out
