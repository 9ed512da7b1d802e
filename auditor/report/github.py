"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

    ::error file=reports/a.txt,line=41,col=46,endColumn=52,title=CHG004 parts-changes-sum::支出各分项…

Lines and columns are those of the text; for Word, PDF and spreadsheet
files, whose lines GitHub cannot show, the place (¶ 12, page 3, 评分表!C5) is
written at the start of the message instead.  Unreadable files are errors
without a line.  See docs.github.com, "Workflow commands for GitHub Actions".
"""

from __future__ import annotations

from auditor.report import Reporter
from auditor.report.common import expected_tail, position

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    name = "github"

    def start(self) -> None:
        self.names = {r.id: r.name for r in self.rules}

    def file(self, result) -> None:
        for f in result.findings:
            where = position(result, f.start, self.lang, f.line, f.column)
            props = [f"file={_property(result.path)}"]
            message = f.message(self.lang)
            if where.line is not None:
                props.append(f"line={where.line}")
                if where.column is not None:
                    props.append(f"col={where.column}")
                    if f.end > f.start and "\n" not in result.text[f.start:f.end]:
                        props.append(f"endColumn={where.column + (f.end - f.start)}")
            elif where.place:
                message = f"{where.place}: {message}"
            message += expected_tail(f, self.lang)
            title = f"{f.rule} {self.names.get(f.rule, '')}".strip()
            props.append(f"title={_property(title)}")
            self.stream.write(f"::{LEVEL[f.severity]} {','.join(props)}::{_data(message)}\n")

    def failed(self, path: str, message: str) -> None:
        self.stream.write(f"::error file={_property(path)},title=audit::{_data(message)}\n")
