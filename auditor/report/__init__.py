"""Stage 6: reporters — one lifecycle (start → each file → finish), many formats.

Adding a format means adding a class to `REPORTERS`; the checker never changes.
"""

from __future__ import annotations

from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from auditor.pipeline import AuditResult


class Reporter:
    """Base reporter: collects nothing, prints nothing."""

    name = ""

    def __init__(self, stream: IO[str], lang: str = "zh", color: bool | None = None) -> None:
        self.stream = stream
        self.lang = lang
        self.color = color

    def start(self) -> None:
        pass

    def file(self, result: "AuditResult") -> None:
        raise NotImplementedError

    def failed(self, path: str, message: str) -> None:
        """A file of a batch that could not be read."""

    def finish(self) -> None:
        pass


def reporters() -> dict[str, type[Reporter]]:
    from auditor.report.jsonfmt import JsonReporter
    from auditor.report.rich import RichReporter
    from auditor.report.text import TextReporter

    return {r.name: r for r in (RichReporter, TextReporter, JsonReporter)}
