"""The `audit` command.

    audit report.txt [more files or folders]   check reports (the default command)
    audit rules                                list the rules
    audit explain RAT001                       a rule's documentation and examples
    audit facts report.txt                     the figures the auditor read

Exit status: 0 when nothing at or above --fail-on was found, 1 when something
was, 2 for usage and input errors (one line on stderr, never a traceback).
"""

from __future__ import annotations

import sys

import click

from auditor import __version__
from auditor.report import format_names

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class DefaultGroup(click.Group):
    """`audit FILE` means `audit check FILE`: the group falls back to its default command."""

    default_command = "check"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in {"--help", "-h", "--version"}:
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)


def _fail(message: str) -> None:
    click.echo(f"audit: {message}", err=True)
    sys.exit(EXIT_USAGE)


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="audit")
def main() -> None:
    """Check Chinese public-finance reports for numbers that contradict each other.

    \b
    audit report.txt              check one report (same as `audit check report.txt`)
    audit reports/                check every report in a folder
    audit report.txt --format json
    audit rules                   list the rules;  audit explain RAT001  for one rule
    audit facts report.txt        show the figures the auditor read

    Run `audit check --help` for all options of a check.
    """


@main.command("check")
@click.argument("files", nargs=-1, required=True, metavar="FILE_OR_FOLDER...")
@click.option("--format", "fmt", type=click.Choice(format_names()), default=None,
              help="Output format [default: rich on a terminal, text otherwise].")
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None,
              help="Language of the messages [default: zh, or `lang` in audit.toml].")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default=None,
              help="Exit with status 1 when a finding of this severity or worse is found [default: error].")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write the report to this file instead of standard output.")
@click.option("--color/--no-color", default=None, help="Force colours on or off (rich format).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None,
              help="Read settings from this audit.toml or pyproject.toml [default: the nearest one above the input].")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(), metavar="DIR",
              help="Also load the rule files in DIR (repeatable).")
@click.option("--select", multiple=True, metavar="IDS",
              help="Check only these rules: IDs or ID prefixes, comma-separated (replaces `select` of audit.toml).")
@click.option("--ignore", multiple=True, metavar="IDS", help="Do not check these rules (adds to `ignore` of audit.toml).")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False), default=None,
              help="Hide the findings accepted in this baseline file; show only new ones.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), default=None,
              help="Write every current finding to this baseline file (and exit 0).")
def check_command(files, fmt, lang, fail_on, output, color, config_file, rule_dirs, select, ignore,
                  baseline_file, write_baseline) -> None:
    """Check reports and list every contradiction with its numbers, arithmetic and place."""
    from auditor import baseline, batch, config
    from auditor.check.rulebook import RuleFileError
    from auditor.findings import SEVERITY_RANK
    from auditor.report import reporters

    try:
        settings = config.resolve(lang=lang, fail_on=fail_on, config=config_file, start=files,
                                  rule_dirs=rule_dirs, select=select, ignore=ignore)
        rules = config.rules_for(settings)
        vocab = config.vocabulary_for(settings)
        accepted = baseline.load_for(settings, baseline_file)
        inputs = batch.collect(files)
    except (batch.InputError, RuleFileError, config.ConfigError, baseline.BaselineError) as exc:
        _fail(str(exc))
    checked = []  # every result, before the baseline hides anything (for --write-baseline)
    stream = open(output, "w", encoding="utf-8") if output else sys.stdout
    if fmt is None:
        fmt = "rich" if stream.isatty() else "text"
    reporter = reporters()[fmt](stream, lang=settings.lang, color=color, rules=rules)
    worst = -1
    input_error = False
    try:
        reporter.start()
        for outcome in batch.run(inputs, rules, vocab):
            if outcome.error is not None:
                if len(inputs) == 1:
                    _fail(outcome.error)
                reporter.failed(outcome.path, outcome.error)
                input_error = True
                continue
            result = outcome.result
            if write_baseline:
                checked.append(result)
            if accepted is not None:
                result = accepted.apply(result)
            worst = max([worst, *(f.rank for f in result.findings)])
            reporter.file(result)
        reporter.finish()
    finally:
        if output:
            stream.close()
    if accepted is not None and accepted.hidden:
        click.echo(f"audit: {accepted.hidden} finding(s) accepted in {accepted.path} not shown", err=True)
    if input_error:
        sys.exit(EXIT_USAGE)
    if write_baseline:
        count = baseline.write(write_baseline, checked)
        click.echo(f"audit: wrote {count} finding(s) to the baseline {write_baseline}", err=True)
        sys.exit(EXIT_OK)
    threshold = SEVERITY_RANK.get(settings.fail_on)
    sys.exit(EXIT_FINDINGS if threshold is not None and worst >= threshold else EXIT_OK)


@main.command("rules")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
def rules_command(lang) -> None:
    """List every rule: ID, name, severity and what it checks."""
    from rich.console import Console
    from rich.table import Table

    from auditor.check import default_rules

    table = Table(show_lines=False, box=None, pad_edge=False)
    for col in ("ID", "name", "severity", "checks"):
        table.add_column(col, no_wrap=col != "checks")
    for rule in default_rules():
        table.add_row(rule.id, rule.name, rule.severity, rule.summary if lang == "zh" else (rule.summary_en or rule.summary))
    Console(soft_wrap=False).print(table)


@main.command("explain")
@click.argument("rule_id")
def explain_command(rule_id) -> None:
    """Show a rule's description, the relation it checks, and its examples."""
    from rich.console import Console
    from rich.text import Text

    from auditor.check import default_rules

    rules = {r.id: r for r in default_rules()}
    rule = rules.get(rule_id.upper())
    if rule is None:
        _fail(f"no rule {rule_id!r}; `audit rules` lists them")
    c = Console(highlight=False)
    c.print(Text.assemble((f"{rule.id} ", "bold"), (rule.name, "bold cyan"), f"  [{rule.severity}]"))
    c.print(rule.summary)
    if rule.summary_en:
        c.print(Text(rule.summary_en, style="dim"))
    c.print(Text.assemble(("\nRelation: ", "bold"), rule.relation))
    if rule.description.strip():
        c.print(Text(rule.description.strip()))
    if rule.source:
        c.print(Text.assemble(("Source: ", "bold"), rule.source))
    for title, examples in (("Passes", rule.examples.passing), ("Fails", rule.examples.failing)):
        for ex in examples:
            c.print(Text(f"\n{title}:" + (f"  ({ex.note})" if ex.note else ""), style="bold green" if title == "Passes" else "bold red"))
            c.print(Text("  " + ex.text.strip().replace("\n", "\n  ")))
            if ex.stated:
                c.print(Text(f"  → reported at {ex.stated}", style="red"))


@main.command("facts")
@click.argument("file")
def facts_command(file) -> None:
    """Print the figures the auditor read from FILE: concept, value, unit, period, place."""
    from rich.console import Console
    from rich.table import Table

    from auditor.load import LoadError
    from auditor.pipeline import audit_path

    try:
        result = audit_path(file)
    except LoadError as exc:
        _fail(str(exc))
    table = Table(box=None, pad_edge=False)
    for col in ("line:col", "text", "concept", "value", "unit", "period", "scenario", "label"):
        table.add_column(col)
    for f in result.extraction.facts:
        table.add_row(f"{f.span.line}:{f.span.column}", f.text.replace("\n", " "), f.concept or "",
                      f"{f.value.normalize():f}", f.unit, f.period or "", f.scenario or "", f.label[-20:])
    Console(soft_wrap=False).print(table)


if __name__ == "__main__":
    main()
