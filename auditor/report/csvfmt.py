"""CSV for spreadsheets: a header row, then one row per finding (and one per unreadable file).

The output starts with a UTF-8 byte-order mark so that Excel reads the Chinese
text correctly; columns keep stable English names whatever --lang is.
"""

from __future__ import annotations

import csv

from auditor.baseline import fingerprint
from auditor.report import Reporter

COLUMNS = ["file", "line", "column", "rule", "severity", "message", "stated", "expected", "arithmetic",
           "evidence", "fingerprint"]


class CsvReporter(Reporter):
    name = "csv"

    def start(self) -> None:
        self.stream.write("\ufeff")
        self.writer = csv.writer(self.stream, lineterminator="\n")
        self.writer.writerow(COLUMNS)

    def file(self, result) -> None:
        for f in result.findings:
            evidence = "; ".join(f"{e.role}={e.text}" for e in f.evidence)
            self.writer.writerow([result.path, f.line, f.column, f.rule, f.severity, f.message(self.lang),
                                  f.stated or "", f.expected or "", f.arithmetic_text(self.lang), evidence,
                                  fingerprint(f, result.text)])

    def failed(self, path: str, message: str) -> None:
        self.writer.writerow([path, "", "", "", "error", message, "", "", "", "", ""])
