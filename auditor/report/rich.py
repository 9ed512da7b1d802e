"""The terminal report: a summary line, then each finding with its place, the
sentence with the figures it used highlighted, and the arithmetic."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from auditor.report import Reporter
from auditor.report.common import place
from auditor.report.summary import count_line

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
ROLE_STYLE = "bold black on yellow"
PRIMARY_STYLE = "bold white on red"
CONTEXT = 24  # characters of context around the figures


def excerpt(text: str, line_start: int, line_end: int, spans: list[tuple[int, int, bool]]) -> Text:
    """One line of the report, cut down to the figures and a little context, figures highlighted."""
    spans = sorted(spans)
    clusters: list[list[tuple[int, int, bool]]] = []
    for span in spans:
        if clusters and span[0] - clusters[-1][-1][1] <= CONTEXT:
            clusters[-1].append(span)
        else:
            clusters.append([span])
    out = Text()
    for n, cluster in enumerate(clusters):
        lo = max(line_start, cluster[0][0] - CONTEXT // 2)
        hi = min(line_end, cluster[-1][1] + CONTEXT // 2)
        if lo > line_start or n:
            out.append("…", style="dim")
        pos = lo
        for start, end, primary in cluster:
            if start < pos:
                continue
            out.append(text[pos:start].replace("\n", " "))
            out.append(text[start:end].replace("\n", " "), style=PRIMARY_STYLE if primary else ROLE_STYLE)
            pos = end
        out.append(text[pos:hi].replace("\n", " "))
    if clusters and min(line_end, clusters[-1][-1][1] + CONTEXT // 2) < line_end:
        out.append("…", style="dim")
    return out


class RichReporter(Reporter):
    name = "rich"

    def start(self) -> None:
        force = None if self.color is None else self.color
        self.console = Console(file=self.stream, force_terminal=force, no_color=self.color is False,
                               highlight=False, soft_wrap=False)

    def file(self, result) -> None:
        c = self.console
        findings = result.findings
        worst = max((f.rank for f in findings), default=-1)
        head_style = "bold red" if worst == 2 else "yellow" if worst == 1 else "green"
        c.print(Text.assemble((result.path, "bold"), "  ", (count_line(findings, self.lang, result.checked), head_style)))
        text = result.text
        for f in findings:
            c.print()
            c.print(Text.assemble(
                (f" {f.rule} ", "reverse " + STYLE[f.severity]), " ",
                (f.severity, STYLE[f.severity]), "  ",
                (f"{result.path}:{f.line}:{f.column}", "dim"),
                (place(result, f.start), "bold cyan"),
            ))
            c.print(Text("  " + f.message(self.lang)))
            by_line: dict[int, list[tuple[int, int, bool]]] = {}
            by_line.setdefault(f.line, []).append((f.start, f.end, True))
            for e in f.evidence:
                if (e.start, e.end) != (f.start, f.end):
                    by_line.setdefault(e.line, []).append((e.start, e.end, False))
            grid = Table.grid(padding=(0, 1))
            grid.add_column(justify="right", style="dim", no_wrap=True)
            grid.add_column(overflow="fold")
            for line in sorted(by_line)[:4]:
                line_start = text.rfind("\n", 0, by_line[line][0][0]) + 1
                line_end = text.find("\n", line_start)
                line_end = len(text) if line_end == -1 else line_end
                label = place(result, min(by_line[line])[0]).strip(" ()") or str(line)
                grid.add_row(f"  {label:>5} │", excerpt(text, line_start, line_end, by_line[line]))
            c.print(grid)
            arithmetic = f.arithmetic_text(self.lang)
            if arithmetic:
                c.print(Text("        " + arithmetic, style="bold"))
        c.print()

    def failed(self, path: str, message: str) -> None:
        self.console.print(Text.assemble((path, "bold"), "  ", (message, "red")))

    def summary(self, rows) -> None:
        """The batch's files, worst first (auditor.batch.SummaryRow)."""
        words = SUMMARY_WORDS.get(self.lang, SUMMARY_WORDS["en"])
        table = Table(title=words["title"].format(n=len(rows)), title_justify="left", title_style="bold")
        table.add_column(words["file"], overflow="fold")
        table.add_column(words["errors"], justify="right")
        table.add_column(words["warnings"], justify="right")
        table.add_column(words["worst"], overflow="fold")
        for row in rows:
            if row.failure is not None:
                table.add_row(Text(row.path, style="bold"), Text("—", style="red"), Text("—", style="red"),
                              Text(row.failure.removeprefix(f"{row.path}: "), style="red"))
                continue
            worst = f"{row.worst_rule} ×{row.worst_count}" if row.worst_count > 1 else row.worst_rule
            table.add_row(row.path, Text(str(row.errors), style="bold red" if row.errors else "dim"),
                          Text(str(row.warnings), style="yellow" if row.warnings else "dim"),
                          Text(worst, style="bold red" if row.errors else "yellow" if row.warnings else "dim"))
        self.console.print(table)


SUMMARY_WORDS = {
    "zh": {"title": "汇总：{n} 个文件（最严重的在前）", "file": "文件", "errors": "错误", "warnings": "警告",
           "worst": "最严重的规则 / 无法读取的原因"},
    "en": {"title": "Summary: {n} files, worst first", "file": "file", "errors": "errors", "warnings": "warnings",
           "worst": "worst rule / why unreadable"},
}
