"""Plain, stable text: one line per finding (file:line:col: RULE severity message), then its arithmetic.

Meant for pipes, diffs and CI logs; no colour, no wrapping.
"""

from __future__ import annotations

from auditor.report import Reporter
from auditor.report.common import place
from auditor.report.summary import count_line




class TextReporter(Reporter):
    name = "text"

    def file(self, result) -> None:
        for f in result.findings:
            where = place(result, f.start, lead=" ")  # " (p.3)" for PDF, Word, sheets, web pages; "" for text
            self.stream.write(f"{result.path}:{f.line}:{f.column}: {f.rule} {f.severity} {f.message(self.lang)}{where}\n")
        self.stream.write(f"{result.path}: {count_line(result.findings, self.lang, result.checked)}\n")

    def failed(self, path: str, message: str) -> None:
        self.stream.write(f"{path}: error: {message}\n")

    def summary(self, rows) -> None:
        """The batch's files, worst first: one line each (auditor.batch.SummaryRow)."""
        zh = self.lang == "zh"
        self.stream.write(f"{'汇总' if zh else 'summary'}: {len(rows)} {'个文件' if zh else 'files'}\n")
        for row in rows:
            if row.failure is not None:
                reason = row.failure.removeprefix(f"{row.path}: ")
                self.stream.write(f"  {row.path}: {'无法读取' if zh else 'unreadable'}: {reason}\n")
                continue
            worst = f" {row.worst_rule}" + (f" ×{row.worst_count}" if row.worst_count > 1 else "")
            if zh:
                counts = f"{row.errors} 个错误，{row.warnings} 个警告"
            else:
                counts = f"{row.errors} error{'s' if row.errors != 1 else ''}, {row.warnings} warning{'s' if row.warnings != 1 else ''}"
            self.stream.write(f"  {row.path}: {counts}{worst if row.worst_rule else ''}\n")
