"""CSV for spreadsheets: a header row, then one row per finding (and one per unreadable file).

The output starts with a UTF-8 byte-order mark so that Excel reads the Chinese
text correctly; columns keep stable English names whatever --lang is (they
are keys for tools); the cells are in the language of the run.  `place` is
where the figure stands in the original file (¶ 12, page 3, 评分表!C5), empty
for a text file (its line and column say it).
"""

from __future__ import annotations

import csv

from auditor.baseline import fingerprint
from auditor.report import Reporter
from auditor.report.common import place, role_word

COLUMNS = ["file", "line", "column", "place", "rule", "severity", "message", "stated", "expected", "arithmetic",
           "evidence", "fingerprint"]


class CsvReporter(Reporter):
    name = "csv"

    def start(self) -> None:
        self.stream.write("\ufeff")
        self.writer = csv.writer(self.stream, lineterminator="\n")
        self.writer.writerow(COLUMNS)

    def file(self, result) -> None:
        for f in result.findings:
            evidence = "; ".join(f"{role_word(self.lang, e.role)}={e.text}" for e in f.evidence)
            where = place(result, f.start, lead="", lang=self.lang).strip("()")
            self.writer.writerow([result.path, f.line, f.column, where, f.rule, f.severity, f.message(self.lang),
                                  f.stated or "", f.expected or "", f.arithmetic_text(self.lang), evidence,
                                  fingerprint(f, result.text)])

    def failed(self, path: str, message: str) -> None:
        self.writer.writerow([path, "", "", "", "", "error", message, "", "", "", "", ""])
