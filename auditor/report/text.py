"""Plain, stable text: one line per finding, `file:place: RULE severity message (expected …)`.

The place is the one the user can open (auditor.report.common.position):
`line:column` for a text file, the source line of a web page, the paragraph,
page or cell of Word, PDF and spreadsheet files.  Meant for pipes, diffs and
logs; no colour, no wrapping.  The rule ID and the severity are written as
keys (error, warning, info — as a compiler writes them, for tools that read
the lines); every other word is in the language of the run.
"""

from __future__ import annotations

from auditor import messages
from auditor.report import Reporter
from auditor.report.common import expected_tail, position
from auditor.report.summary import count_line, total_line


class TextReporter(Reporter):
    name = "text"

    def file(self, result) -> None:
        lang = self.lang
        for f in result.findings:
            where = position(result, f.start, lang, f.line, f.column).short()
            expected = expected_tail(f, lang)
            self.stream.write(f"{result.path}:{where}: {f.rule} {f.severity} "
                              f"{f.message(lang)}{expected}\n")
        self.stream.write(f"{result.path}: {count_line(result.findings, lang, getattr(result, 'checked', None))}\n")

    def failed(self, path: str, message: str) -> None:
        self.stream.write(f"{path}: {messages.text(self.lang, 'summary.unreadable')}: {message}\n")

    def summary(self, rows, totals=None) -> None:
        """The batch's files, worst first (auditor.batch.SummaryRow), then the grand total."""
        lang = self.lang
        totals = rows if totals is None else totals
        self.stream.write(f"{messages.text(lang, 'summary.head')}: {messages.text(lang, 'summary.files', n=len(totals))}\n")
        for row in rows:
            if row.failure is not None:
                reason = row.failure.removeprefix(f"{row.path}: ")
                self.stream.write(f"  {row.path}: {messages.text(lang, 'summary.unreadable')}: {reason}\n")
                continue
            worst = f" {row.worst_rule}" + (f" ×{row.worst_count}" if row.worst_count > 1 else "")
            counts = messages.text(lang, "count.join").join(
                (messages.count(lang, "count.error", row.errors), messages.count(lang, "count.warning", row.warnings)))
            self.stream.write(f"  {row.path}: {counts}{worst if row.worst_rule else ''}\n")
        hidden = len(totals) - len(rows)
        if hidden:
            self.stream.write(f"  {messages.text(lang, 'summary.quiet', n=hidden)}\n")
        self.stream.write(total_line(totals, lang) + "\n")
