"""JSON Lines: one JSON object per file, written (and flushed) as soon as the file is checked.

Each line has the same keys as the `json` format's object for one file, so a
tool can read a large batch as a stream.
"""

from __future__ import annotations

import json

from auditor.report import Reporter
from auditor.report.jsonfmt import result_object


# Characters that Python's str.splitlines() (and other line readers) take for line breaks,
# which json.dumps leaves raw inside strings: escaped, so that one object stays one line.
_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


class JsonLinesReporter(Reporter):
    name = "jsonl"
    needs_facts = True

    def _write(self, obj: dict) -> None:
        self.stream.write(json.dumps(obj, ensure_ascii=False).translate(_LINE_BREAKS) + "\n")
        self.stream.flush()

    def file(self, result) -> None:
        self._write(result_object(result, self.lang))

    def failed(self, path: str, message: str) -> None:
        self._write({"file": path, "error": message, "findings": [], "facts": []})
