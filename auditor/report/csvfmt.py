"""CSV for spreadsheets: a header row, then one row per finding (and one per unreadable file).

The output starts with a UTF-8 byte-order mark so that Excel reads the Chinese
text correctly; columns keep stable English names whatever --lang is (they
are keys for tools); the cells are in the language of the run.  `place` is
where the figure stands in the original file (¶ 12, page 3, 评分表!C5), empty
for a text file (its line and column say it).

A cell that a spreadsheet would run as a formula (it begins with = + - @, a
tab or a carriage return: a file name, a message quoting the report) gets a
leading ' as OWASP advises, so opening the CSV never runs what a report's
author wrote; a plain number such as -12.5 is left as it is.
"""

from __future__ import annotations

import csv

from auditor import lazyre
from auditor.baseline import fingerprint
from auditor.report import Reporter
from auditor.report.common import place, role_word

COLUMNS = ["file", "line", "column", "place", "rule", "severity", "message", "stated", "expected", "arithmetic",
           "evidence", "fingerprint"]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = lazyre.compile(r"[+-]?\d+(\.\d+)?\Z")


def safe_cell(value):
    """`value`, with a leading ' when a spreadsheet would read it as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _PLAIN_NUMBER.match(value):
        return "'" + value
    return value


class CsvReporter(Reporter):
    name = "csv"

    def start(self) -> None:
        self.stream.write("\ufeff")
        self.writer = csv.writer(self.stream, lineterminator="\n")
        # csv quotes a cell holding "\n" (the line terminator) but not one holding a lone "\r",
        # which every reader takes for a line break: such rows are written with every cell quoted
        self.quoted = csv.writer(self.stream, lineterminator="\n", quoting=csv.QUOTE_ALL)
        self.writer.writerow(COLUMNS)

    def _row(self, cells: list) -> None:
        cells = [safe_cell(c) for c in cells]
        carriage = any(isinstance(c, str) and "\r" in c for c in cells)
        (self.quoted if carriage else self.writer).writerow(cells)

    def file(self, result) -> None:
        for f in result.findings:
            evidence = "; ".join(f"{role_word(self.lang, e.role)}={e.text}" for e in f.evidence)
            where = place(result, f.start, lead="", lang=self.lang).strip("()")
            self._row([result.path, f.line, f.column, where, f.rule, f.severity, f.message(self.lang),
                       f.stated or "", f.expected or "", f.arithmetic_text(self.lang), evidence,
                       fingerprint(f, result.text)])

    def failed(self, path: str, message: str) -> None:
        self._row([path, "", "", "", "", "error", message, "", "", "", "", ""])
