"""Plain, stable text: one line per finding (file:line:col: RULE severity message), then its arithmetic.

Meant for pipes, diffs and CI logs; no colour, no wrapping.
"""

from __future__ import annotations

from auditor.report import Reporter
from auditor.report.summary import count_line


class TextReporter(Reporter):
    name = "text"

    def file(self, result) -> None:
        for f in result.findings:
            self.stream.write(f"{result.path}:{f.line}:{f.column}: {f.rule} {f.severity} {f.message(self.lang)}\n")
        self.stream.write(f"{result.path}: {count_line(result.findings, self.lang)}\n")

    def failed(self, path: str, message: str) -> None:
        self.stream.write(f"{path}: error: {message}\n")
