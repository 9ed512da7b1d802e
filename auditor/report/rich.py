"""The terminal report: a summary line, then each finding with its place, the
sentence with the figures it used highlighted, and the arithmetic."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from collections import Counter

from auditor import messages
from auditor.report import Reporter
from auditor.report.common import position, severity_word
from auditor.report.summary import count_line, total_line

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
    """Each file is rendered as it arrives and printed at the end, worst file first,
    then the batch's summary table and grand total."""

    name = "rich"

    def start(self) -> None:
        # NO_COLOR (no-color.org) is honoured unless --color/--no-color says otherwise
        force = None if self.color is None else self.color
        self.console = Console(file=self.stream, force_terminal=force, no_color=True if self.color is False else None,
                               highlight=False, soft_wrap=False)
        self.rendered: list[tuple[tuple, int, str]] = []

    def _keep(self, order: tuple, rendered: str) -> None:
        self.rendered.append((order, len(self.rendered), rendered))

    def file(self, result) -> None:
        findings = result.findings
        counts = Counter(f.severity for f in findings)
        with self.console.capture() as capture:
            self._render(result)
        self._keep((True, -counts["error"], -counts["warning"], -counts["info"]), capture.get())

    def _render(self, result) -> None:
        c = self.console
        lang = self.lang
        findings = result.findings
        worst = max((f.rank for f in findings), default=-1)
        head_style = "bold red" if worst == 2 else "yellow" if worst == 1 else "green"
        c.print(Text.assemble((result.path, "bold"), "  ", (count_line(findings, lang, getattr(result, "checked", None)), head_style)))
        text = result.text
        for f in findings:
            c.print()
            where = position(result, f.start, lang, f.line, f.column)
            c.print(Text.assemble(
                (f" {f.rule} ", "reverse " + STYLE[f.severity]), " ",
                (severity_word(lang, f.severity), STYLE[f.severity]), "  ",
                (f"{result.path}:{where.short()}" if where.line is not None else result.path, "dim"),
                ((f"  {where.place}" if where.place else ""), "bold cyan"),
            ))
            c.print(Text("  " + f.message(lang)))
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
                label = position(result, min(by_line[line])[0], lang, line).short()
                grid.add_row(f"  {label:>5} │", excerpt(text, line_start, line_end, by_line[line]))
            c.print(grid)
            arithmetic = f.arithmetic_text(lang)
            if arithmetic:
                c.print(Text("        " + arithmetic, style="bold"))
            if f.expected:
                key = "rich.stated_expected" if f.stated else "rich.expected"
                c.print(Text("        " + messages.text(lang, key, stated=f.stated, expected=f.expected),
                             style="bold green"))
        c.print()

    def failed(self, path: str, message: str) -> None:
        with self.console.capture() as capture:
            self.console.print(Text.assemble((path, "bold"), "  ", (message, "red")))
        self._keep((False,), capture.get())

    def summary(self, rows, totals=None) -> None:
        """The batch's files, worst first (auditor.batch.SummaryRow), and the grand total."""
        lang = self.lang
        totals = rows if totals is None else totals
        w = lambda key, **v: messages.text(lang, "summary." + key, **v)  # noqa: E731
        table = Table(title=w("title", n=len(totals)), title_justify="left", title_style="bold")
        table.add_column(w("file"), overflow="fold")
        table.add_column(w("errors"), justify="right")
        table.add_column(w("warnings"), justify="right")
        table.add_column(w("worst"), overflow="fold")
        for row in rows:
            if row.failure is not None:
                table.add_row(Text(row.path, style="bold"), Text("—", style="red"), Text("—", style="red"),
                              Text(row.failure.removeprefix(f"{row.path}: "), style="red"))
                continue
            worst = f"{row.worst_rule} ×{row.worst_count}" if row.worst_count > 1 else row.worst_rule
            table.add_row(row.path, Text(str(row.errors), style="bold red" if row.errors else "dim"),
                          Text(str(row.warnings), style="yellow" if row.warnings else "dim"),
                          Text(worst, style="bold red" if row.errors else "yellow" if row.warnings else "dim"))
        self.summary_parts = (table, len(totals) - len(rows), total_line(totals, lang))

    def finish(self) -> None:
        for _, _, rendered in sorted(self.rendered, key=lambda item: (item[0], item[1])):
            self.stream.write(rendered)
        parts = getattr(self, "summary_parts", None)
        if parts is not None:
            table, hidden, total = parts
            if table.rows:
                self.console.print(table)
            if hidden:
                self.console.print(Text(messages.text(self.lang, "summary.quiet", n=hidden), style="dim"))
            self.console.print(Text(total, style="bold"))
        self.stream.flush()
