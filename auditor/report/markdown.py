"""Markdown for tickets and merge-request comments: per file a heading and a table of its findings."""

from __future__ import annotations

from auditor.report import Reporter
from auditor import messages
from auditor.report.common import header, position, severity_word
from auditor.report.summary import count_line, total_line


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
        w(f"### {cell(result.path)}\n\n{count_line(result.findings, self.lang, getattr(result, 'checked', None))}\n\n")
        if not result.findings:
            return
        w(f"| {h('place')} | {h('rule')} | {h('severity')} | {h('stated')} | {h('expected')} | {h('message')} |\n")
        w("|---|---|---|---|---|---|\n")
        for f in result.findings:
            where = position(result, f.start, self.lang, f.line, f.column).short()
            w(f"| {cell(where)} | {f.rule} | {severity_word(self.lang, f.severity)} | {cell(f.stated)} "
              f"| {cell(f.expected)} | {cell(f.message(self.lang))} |\n")
        w("\n")

    def failed(self, path: str, message: str) -> None:
        self.stream.write(f"### {cell(path)}\n\n> {header(self.lang, 'error')}: {cell(message)}\n\n")

    def summary(self, rows, totals=None) -> None:
        """The batch's files, worst first, and the grand total."""
        totals = rows if totals is None else totals
        w = self.stream.write
        lang = self.lang
        w(f"### {cell(messages.text(lang, 'summary.title', n=len(totals)))}\n\n")
        w(f"| {messages.text(lang, 'summary.file')} | {messages.text(lang, 'summary.errors')} "
          f"| {messages.text(lang, 'summary.warnings')} | {messages.text(lang, 'summary.worst')} |\n|---|---|---|---|\n")
        for row in rows:
            if row.failure is not None:
                w(f"| {cell(row.path)} | — | — | {cell(row.failure.removeprefix(row.path + ': '))} |\n")
            else:
                w(f"| {cell(row.path)} | {row.errors} | {row.warnings} | {cell(row.worst_rule)} |\n")
        w(f"\n{cell(total_line(totals, lang))}\n")
