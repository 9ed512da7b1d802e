"""The inspection commands' output: `audit rules`, `audit explain ID`, `audit facts FILE`.

Each renders to a rich console on a terminal and to plain, stable text
otherwise (no colours, no truncation, no hard wrapping), so the output can be
read, diffed and piped.
"""

from __future__ import annotations

import json
from typing import IO, Sequence

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from auditor import messages
from auditor.check.rulebook import Rule
from auditor.report.jsonfmt import number, write_indented

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


class _Words:
    """The catalogue's "cat." words of one language, by short key (auditor.messages)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __getitem__(self, key: str) -> str:
        return messages.text(self.lang, "cat." + key)


def words(lang: str) -> _Words:
    return _Words(lang)


def summary_of(rule: Rule, lang: str) -> str:
    return rule.summary if lang == "zh" else (rule.summary_en or rule.summary)


def console(stream: IO[str] | None, tty: bool) -> Console:
    """Rich on a terminal; plain text (no colour, no wrapping) elsewhere."""
    return Console(file=stream, highlight=False, soft_wrap=not tty, force_terminal=tty or None,
                   no_color=True if not tty else None)  # NO_COLOR is honoured on a terminal


# ------------------------------------------------------------------ audit rules


def rules_listing(rules: Sequence[Rule], enabled: set[str], overridden: set[str], lang: str,
                  stream: IO[str], tty: bool, origin: str = "") -> None:
    """Every rule: ID, name, severity (after configuration), whether it runs, and what it checks."""
    w = words(lang)
    if not tty:
        width_id = max((len(r.id) for r in rules), default=2)
        width_name = max((len(r.name) for r in rules), default=4)
        states = {True: w["yes"], False: w["no"]}
        width_state = max(cell_len(v) for v in states.values())
        for r in rules:
            severity = r.severity + ("*" if r.id in overridden else "")
            state = states[r.id in enabled]
            state += " " * (width_state - cell_len(state))
            stream.write(f"{r.id:<{width_id}}  {r.name:<{width_name}}  {severity:<8}  {state}  {summary_of(r, lang)}\n")
        return
    table = Table(box=None, pad_edge=False, show_edge=False)
    for col in ("id", "name", "severity", "on", "checks"):
        table.add_column(w[col], no_wrap=col != "checks", overflow="fold")
    for r in rules:
        on = r.id in enabled
        severity = Text(r.severity + ("*" if r.id in overridden else ""), style=SEVERITY_STYLE[r.severity])
        table.add_row(Text(r.id, style="bold" if on else "dim"), Text(r.name, style="" if on else "dim"), severity,
                      Text(w["yes"] if on else w["no"], style="green" if on else "dim"), summary_of(r, lang))
    c = console(stream, tty)
    c.print(table)
    notes = [w["count"].format(n=len(rules), on=len(enabled))]
    if overridden:
        notes.append(w["overridden"])
    if origin:
        notes.append(origin)
    c.print(Text("\n" + "  ·  ".join(notes), style="dim"))


# ------------------------------------------------------------------ audit explain


def explain(rule: Rule, lang: str, stream: IO[str], tty: bool, all_rules: Sequence[Rule] | None = None,
            vocab=None) -> bool:
    """A rule's page: what it checks, why, its source, its examples and what the checker says on them.

    The examples are run through the checker, so the page shows the real
    finding; returns False when an example does not behave as documented.
    """
    from auditor.pipeline import audit_text

    w = words(lang)
    c = console(stream, tty)
    rules = list(all_rules) if all_rules else [rule]
    if rule not in rules:
        rules = [*(r for r in rules if r.id != rule.id), rule]
    c.print(Text.assemble((rule.id, "bold"), "  ", (rule.name, "bold cyan"), "  ",
                          (f"[{rule.severity}]", SEVERITY_STYLE[rule.severity])))
    c.print(Text(summary_of(rule, lang)))  # one language at a time: the other summary is `--lang`'s

    def section(title: str, body: str) -> None:
        c.print(Text(f"\n{title}", style="bold"))
        c.print(Text("  " + body.strip().replace("\n", "\n  ")))

    section(w["relation"], rule.relation)
    if rule.description.strip():
        section(w["why"], rule.description)
    if rule.source:
        section(w["source"], rule.source)
    if rule.params:
        section(w["params"], "\n".join(f"{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in rule.params.items()))
    ok = True
    for title, examples, failing in ((w["passes"], rule.examples.passing, False),
                                     (w["fails"], rule.examples.failing, True)):
        for ex in examples:
            c.print(Text(f"\n{title}" + (f"  ({ex.note})" if ex.note else ""),
                         style="bold red" if failing else "bold green"))
            c.print(Text("  " + ex.text.strip().replace("\n", "\n  ")))
            found = [f for f in audit_text(ex.text, rules=rules, vocab=vocab).findings if f.rule == rule.id]
            if failing:
                if ex.stated:
                    c.print(Text(f"  → {w['cites']} {ex.stated}", style="red"))
                hit = next((f for f in found if f.stated == ex.stated), found[0] if found else None)
                if hit is None:
                    ok = False
                    c.print(Text("  " + w["no_finding"], style="bold red"))
                else:
                    c.print(Text(f"  {w['gives']}: {hit.severity} {hit.line}:{hit.column} {hit.message(lang)}"))
            elif found:
                ok = False
                c.print(Text(f"  {w['unexpected']}: {found[0].message(lang)}", style="bold red"))
    if rule.path and not rule.path.startswith(str(_builtin())):
        c.print(Text(f"\n{w['file']}: {rule.path}", style="dim"))
    return ok


def explain_alternative(alt, lang: str, stream: IO[str], tty: bool, rules: Sequence[Rule], vocab=None) -> bool:
    """An alternative reading's page (rules/alternatives.toml): what it is, where it applies,
    and its examples run through the checker; False when one misbehaves."""
    from auditor.pipeline import audit_text

    w = words(lang)
    c = console(stream, tty)
    c.print(Text.assemble((alt.id, "bold"), "  ", (alt.name, "bold cyan")))
    c.print(Text(alt.summary if lang == "zh" else (alt.summary_en or alt.summary)))
    c.print(Text(f"\n{w['applies']}", style="bold"))
    c.print(Text("  " + ", ".join(alt.applies)))
    c.print(Text(f"\n{w['why']}", style="bold"))
    c.print(Text("  " + alt.description.strip().replace("\n", "\n  ")))
    ok = True
    doubt = alt.effect == "warning"  # a doubt does not explain the relation: it makes its error a warning
    verdict = "fails" if doubt else "explained"
    for text in alt.passing:
        c.print(Text(f"\n{w['alt_doubts' if doubt else 'alt_passes']}", style="bold green"))
        c.print(Text("  " + text.strip().replace("\n", "\n  ")))
        result = audit_text(text, rules=list(rules), vocab=vocab, explained=True)
        hit = next((o for o in result.outcomes if o.verdict == verdict and o.alternative == alt.id), None)
        errors = [f for f in result.findings if f.severity == "error"]
        if hit is None or errors:
            ok = False
            c.print(Text("  " + w["not_explained"], style="bold red"))
        else:
            c.print(Text(f"  {w['doubted' if doubt else 'explained']}: {hit.finding.message(lang)}"))
    for text, stated in alt.failing:
        c.print(Text(f"\n{w['alt_stands' if doubt else 'alt_fails']}", style="bold red"))
        c.print(Text("  " + text.strip().replace("\n", "\n  ")))
        c.print(Text(f"  → {w['cites']} {stated}", style="red"))
        hit = next((f for f in audit_text(text, rules=list(rules), vocab=vocab).findings
                    if f.severity in ("error", "warning") and f.stated == stated), None)
        if hit is None:
            ok = False
            c.print(Text("  " + w["no_finding"], style="bold red"))
        else:
            c.print(Text(f"  {w['gives']}: {hit.severity} {hit.line}:{hit.column} {hit.message(lang)}"))
    return ok


def _builtin():
    from auditor.check.rulebook import builtin_rule_dir

    return builtin_rule_dir()


# ------------------------------------------------------------------ audit facts


def period_of(fact, report_year: str | None, lang: str) -> str:
    """The period a fact is about, as the checks read it: its year when known."""
    if fact.period in (None, "current"):
        return report_year or ""
    if fact.period == "previous":
        return str(int(report_year) - 1) if report_year and report_year.isdigit() else words(lang)["previous"]
    if fact.period == "earlier":
        return str(int(report_year) - 2) if report_year and report_year.isdigit() else words(lang)["earlier"]
    return str(fact.period)


def place_of(result, fact, lang: str = "en") -> str:
    """Where the figure stands in the original file: line:column for text, else ¶ / page / cell."""
    from auditor.report.common import position

    return position(result, fact.span.start, lang, fact.span.line, fact.span.column).short()


def fact_rows(result, lang: str) -> list[dict]:
    year = result.extraction.report_year
    rows = []
    for f in result.extraction.facts:
        rows.append({
            "place": place_of(result, f, lang),
            "line": f.span.line,
            "column": f.span.column,
            "text": f.text.replace("\n", " "),
            "kind": f.kind,
            "concept": f.concept or "",
            "value": f"{f.value.normalize():f}",
            "unit": f.unit,
            "period": period_of(f, year, lang),
            "scenario": f.scenario or "",
            "label": f.label[-16:],
        })
    return rows


FACT_COLUMNS = ("place", "text", "concept", "value", "unit", "period", "scenario", "label")


def facts_listing(result, lang: str, fmt: str, stream: IO[str]) -> None:
    """The figures read from one document: rich table, tab-separated text, JSON or CSV."""
    facts_report([result], lang, fmt, stream)


def _fact_object(result, f, row: dict, lang: str) -> dict:
    year = result.extraction.report_year
    return {"text": f.text, "kind": f.kind, "concept": f.concept, "value": number(f.value), "unit": f.unit,
            "written_unit": f.written_unit, "period": period_of(f, year, lang) or None,
            "scenario": f.scenario, "label": f.label, "line": f.span.line, "column": f.span.column,
            "start": f.span.start, "end": f.span.end, "place": row["place"]}


def facts_report(results, lang: str, fmt: str, stream: IO[str]) -> None:
    """The figures read from one or many documents.

    json: one object per file (an array for several); csv: one row per figure with
    stable English column names and a `file` column (UTF-8 with a byte-order mark,
    for Excel); text: tab-separated, a file column when there are several files."""
    w = words(lang)
    results = list(results)
    if fmt == "json":
        out = [{"file": r.path, "report_year": r.extraction.report_year,
                "facts": [_fact_object(r, f, row, lang) for f, row in zip(r.extraction.facts, fact_rows(r, lang))]}
               for r in results]
        write_indented(out[0] if len(out) == 1 else out, stream)
        return
    if fmt == "csv":
        import csv

        from auditor.report.csvfmt import safe_cell  # no formula runs when the table is opened

        stream.write("\ufeff")
        writer = csv.writer(stream, lineterminator="\n")
        columns = ("file", "place", "line", "column", "text", "kind", "concept", "value", "unit", "period",
                   "scenario", "label")
        writer.writerow(columns)
        for r in results:
            for row in fact_rows(r, lang):
                writer.writerow([safe_cell(c) for c in [r.path] + [row[c] for c in columns[1:]]])
        return
    many = len(results) > 1
    if fmt == "text":
        stream.write("\t".join(([messages.text(lang, "header.file")] if many else []) + [w[c] for c in FACT_COLUMNS])
                     + "\n")
        for r in results:
            for row in fact_rows(r, lang):
                stream.write("\t".join(([r.path] if many else []) + [row[c] for c in FACT_COLUMNS]) + "\n")
        return
    c = console(stream, True)
    for r in results:
        rows = fact_rows(r, lang)
        table = Table(box=None, pad_edge=False, show_edge=False, title=r.path if many else None, title_justify="left")
        for col in FACT_COLUMNS:
            table.add_column(w[col], justify="right" if col == "value" else "left",
                             no_wrap=col in {"place", "value", "unit"}, overflow="fold")
        for row in rows:
            table.add_row(*(row[col] for col in FACT_COLUMNS))
        c.print(table)
        c.print(Text(f"\n{r.path}: " + w["facts"].format(n=len(rows)), style="dim"))


VERDICT_STYLE = {"holds": "green", "fails": "bold red", "undecided": "yellow", "explained": "cyan"}


def relations_listing(result, lang: str, fmt: str, stream: IO[str]) -> None:
    """Every relation checked in a document: rule, verdict, reason, figures (rich, text or JSON)."""
    from auditor.report.common import role_word
    from auditor.report.jsonfmt import relation_objects
    from auditor.report.summary import checked_line

    if fmt == "json":
        write_indented({"file": result.path, "relations": relation_objects(result)}, stream)
        return
    rows = []
    for o in result.outcomes:
        line = o.figures[0].line if o.figures else 0
        figures = "  ".join(f"{role_word(lang, e.role)} {e.text}" for e in o.figures)
        why = o.reason + (f" ({'; '.join(o.via)})" if o.via else "")
        if o.note:
            why += f" — {o.note}"
        if o.alternative:  # the other reading that explains it, or the doubt that made it a warning
            why += f" — {o.alternative}"
        rows.append((str(line), o.rule, messages.text(lang, "verdict." + o.verdict), why, figures, o.verdict))
    if fmt == "text":
        for line, rule, verdict, why, figures, _ in rows:
            stream.write(f"{result.path}:{line}\t{rule}\t{verdict}\t{why}\t{figures}\n")
    else:
        table = Table(box=None, pad_edge=False, show_edge=False)
        heads = [messages.text(lang, "rel." + k) for k in ("line", "rule", "verdict", "reason", "figures")]
        for n, head in enumerate(heads):
            table.add_column(head, justify="right" if n == 0 else "left", overflow="fold", no_wrap=n < 3)
        for line, rule, verdict, why, figures, key in rows:
            table.add_row(line, rule, Text(verdict, style=VERDICT_STYLE[key]), why, figures)
        c = console(stream, True)
        c.print(table)
    tail = f"{result.path}: {checked_line(result.checked, lang)}\n"
    if fmt == "text":
        stream.write(tail)
    else:
        console(stream, True).print(Text("\n" + tail.rstrip(), style="dim"))
