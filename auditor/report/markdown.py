"""Markdown for tickets and merge-request comments: per file a heading and a table of its findings."""

from __future__ import annotations

from auditor.report import Reporter
from auditor.report.common import header, severity_word
from auditor.report.summary import count_line


def cell(text: str | None) -> str:
    """Text that stays inside one table cell."""
    if not text:
        return ""
    return (text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", "")
            .replace("\n", " ").replace("`", "\\`").replace("<", "&lt;"))


class MarkdownReporter(Reporter):
    name = "markdown"

    def file(self, result) -> None:
        h = lambda key: header(self.lang, key)  # noqa: E731
        w = self.stream.write
        w(f"### {cell(result.path)}\n\n{count_line(result.findings, self.lang, result.checked)}\n\n")
        if not result.findings:
            return
        w(f"| {h('place')} | {h('rule')} | {h('severity')} | {h('stated')} | {h('expected')} | {h('message')} |\n")
        w("|---|---|---|---|---|---|\n")
        for f in result.findings:
            w(f"| {f.line}:{f.column} | {f.rule} | {severity_word(self.lang, f.severity)} | {cell(f.stated)} "
              f"| {cell(f.expected)} | {cell(f.message(self.lang))} |\n")
        w("\n")

    def failed(self, path: str, message: str) -> None:
        self.stream.write(f"### {cell(path)}\n\n> {header(self.lang, 'error')}: {cell(message)}\n\n")
