"""The `audit` command.

    audit report.txt [more files or folders]   check reports (the default command)
    audit rules                                list the rules
    audit explain RAT001                       a rule's documentation and examples
    audit facts report.txt                     the figures the auditor read

Exit status: 0 when nothing at or above --fail-on was found, 1 when something
was, 2 for usage and input errors (one line on stderr, never a traceback).
"""

from __future__ import annotations

import gc
import os
import re
import sys

import click

from auditor import __version__, lazyre
from auditor.report import format_names
from auditor.widths import WIDE, WIDE_CHARACTERS, display_width

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2

# pydantic looks for plugins among every installed package's entry points when
# it builds its first model (a scan of the environment, ~10 ms a start); the
# command has none to offer.  A user's own setting wins.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

_starting = False  # set by run(): the cycle collector waits until the modules are loaded
_run_lang: str | None = None  # the language of the run, once the settings are known (for Ctrl-C)


def run() -> None:
    """The `audit` console script: `main` with the cycle collector paused while the
    modules, rules and vocabulary load.  What they create is never garbage, yet the
    collector would walk it again and again (and once more at exit); `_loaded`
    freezes it out of every later collection and lets the collector run again."""
    global _starting
    _starting = True
    gc.disable()
    main()


def _loaded() -> None:
    global _starting
    if _starting:
        _starting = False
        gc.freeze()
        gc.enable()


class _Stopped(Exception):
    """Ctrl-C while a command ran."""


class _ExtraArguments(click.UsageError):
    """Arguments a command does not take (click's "Got unexpected extra argument"), kept as a list."""

    def __init__(self, extra: list[str], ctx: click.Context) -> None:
        self.extra = list(extra)
        super().__init__(_message("en", "usage.extra_arguments.one" if len(extra) == 1 else "usage.extra_arguments",
                                  args=" ".join(extra)), ctx)


# characters a terminal shows two columns wide (CJK, full-width forms), and the punctuation a
# Chinese line neither begins nor ends with
_NO_START, _NO_END = "，。、；：？！）］」』》”…", "（［「『《“"
# a help text's tokens: spaces, a `quoted word`, one wide character, or a run of other characters
_TOKEN = lazyre.compile(rf"\s+|`[^`]*`|[{WIDE_CHARACTERS}]|[^\s`]+?(?=\s|`|[{WIDE_CHARACTERS}]|$)")


def _fill(text: str, width: int) -> list[str]:
    """Lines of at most `width` columns: click's wrapper counts characters and breaks only at
    spaces, so Chinese help ran twice as wide as the terminal and broke inside `quoted words`."""
    tokens: list[str] = []
    for token in _TOKEN.findall(text):
        if tokens and not tokens[-1].isspace() and not token.isspace() and (
                token[0] in _NO_START or tokens[-1][-1] in _NO_END):
            tokens[-1] += token
        else:
            tokens.append(token)
    lines, line, space = [], "", False
    for token in tokens:
        if token.isspace():
            space = bool(line)
            continue
        piece = f" {token}" if space else token
        if line and display_width(line + piece) > width:
            lines.append(line)
            line = token
        else:
            line += piece
        space = False
    return [*lines, line] if line else lines


class _Formatter(click.HelpFormatter):
    """click's help formatter, wrapping Chinese by the columns it takes (English as click does)."""

    def write_heading(self, heading: str) -> None:
        if not WIDE.search(heading):
            return super().write_heading(heading)
        self.write(f"{'':>{self.current_indent}}{heading}：\n")

    def write_text(self, text: str) -> None:
        if not WIDE.search(text):
            return super().write_text(text)
        indent = " " * self.current_indent
        paragraphs = []
        for paragraph in re.split(r"\n\s*\n", text.strip("\n")):
            if paragraph.startswith("\b\n"):  # as written, like click's \b
                paragraphs.append("\n".join(indent + line for line in paragraph[2:].splitlines()))
            else:
                paragraphs.append("\n".join(indent + line for line in
                                             _fill(paragraph, self.width - self.current_indent)))
        self.write("\n\n".join(paragraphs) + "\n")

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        if not any(WIDE.search(second) for _, second in rows):
            return super().write_dl(rows, col_max, col_spacing)
        first_col = min(max(display_width(first) for first, _ in rows), col_max) + col_spacing
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if display_width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - display_width(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = _fill(second, max(self.width - first_col - 2, 10)) or [""]
            self.write(f"{lines[0]}\n")
            for line in lines[1:]:
                self.write(f"{'':>{first_col + self.current_indent}}{line}\n")


class _Context(click.Context):
    formatter_class = _Formatter


class _Help:
    """`--help` in the language of the run (`_early_lang` on the command line as given, the way usage
    errors choose theirs): the descriptions, the option texts and click's own headings come from the
    catalogue (help.COMMAND, help.COMMAND.PARAM, help.option.PARAM); option names, metavars, choices
    and defaults are click's."""

    context_class = _Context

    def _help_name(self) -> str:
        return "audit" if isinstance(self, click.Group) else self.name

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)),
                              prefix=_message(_help_lang(ctx), "help.usage"))

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(self._description(_help_lang(ctx)))

    def _description(self, lang: str) -> str:
        return _message(lang, f"help.{self._help_name()}")

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = _help_lang(ctx)
        rows = [self._option_row(ctx, param, lang) for param in self.get_params(ctx)
                if isinstance(param, click.Option) and not param.hidden]
        if rows:
            with formatter.section(_message(lang, "help.options")):
                formatter.write_dl(rows)
        if isinstance(self, click.Group):  # click.Group.format_options, which this one stands for, lists them
            self.format_commands(ctx, formatter)

    def _option_words(self, ctx: click.Context, param: click.Option, lang: str) -> str:
        from auditor import messages

        if param is self.get_help_option(ctx):
            return _message(lang, "help.option.help")
        key = f"help.{self._help_name()}.{param.name}"
        if key not in messages.CATALOGUE[messages.language(lang)]:
            key = f"help.option.{param.name}"
        return _message(lang, key)

    def _option_row(self, ctx: click.Context, param: click.Option, lang: str) -> tuple[str, str]:
        words = self._option_words(ctx, param, lang)
        extra = param.get_help_extra(ctx)
        items = [_message(lang, "help.default", default=extra["default"])] if "default" in extra else []
        items += [extra["range"]] if "range" in extra else []
        items += [_message(lang, "help.required")] if "required" in extra else []
        return param.get_help_spec(ctx), words + _message(lang, "help.extra", items="; ".join(items)) if items else words

    def shell_complete(self, ctx: click.Context, incomplete: str):
        """Shell completion shows the same words as `--help` beside options and commands."""
        items = super().shell_complete(ctx, incomplete)
        lang = _help_lang(ctx)
        options = {name: p for p in self.get_params(ctx) if isinstance(p, click.Option)
                   for name in (*p.opts, *p.secondary_opts)}
        for item in items:
            if item.value in options:
                item.help = self._option_words(ctx, options[item.value], lang)
            elif isinstance(self, click.Group) and item.value in self.commands:
                item.help = _message(lang, f"help.{item.value}.short")
        return items


def _help_lang(ctx: click.Context) -> str:
    """The language of `--help`: the run's, as far as the command line and the configuration
    file tell it before the settings are read (the same rule as a usage error)."""
    meta = ctx.meta
    if "audit.help_lang" not in meta:
        meta["audit.help_lang"] = _early_lang(meta.get("audit.args", []))
    return meta["audit.help_lang"]


class _Command(_Help, click.Command):
    """A command whose usage errors keep what their words need (`_usage_words`): the context
    (click leaves it out of a few) and the arguments as given (the value a parameter refused)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        given = list(args)
        ctx.meta.setdefault("audit.args", [self.name, *given])  # for `--help` (`_help_lang`)
        allow = ctx.allow_extra_args
        ctx.allow_extra_args = True  # refused below, as an error of its own rather than a sentence
        try:
            rest = super().parse_args(ctx, args)
        except click.UsageError as exc:
            if exc.ctx is None:
                exc.ctx = ctx
            exc.given = given
            raise
        finally:
            ctx.allow_extra_args = allow
        if rest and not allow and not ctx.resilient_parsing:
            raise _ExtraArguments(rest, ctx)
        return rest


class DefaultGroup(_Help, click.Group):
    """`audit FILE` means `audit check FILE`: the group falls back to its default command.

    Usage errors are one line on stderr ("audit: …"), exit status 2, in the language of the run
    as far as the command line and the configuration file tell it (`_early_lang`).
    """

    default_command = "check"
    command_class = _Command

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta["audit.args"] = list(args)  # the language of `--help` (`_help_lang`)
        helped = [word for n, word in enumerate(args) if not (
            word == "--lang" or word.startswith("--lang=") or (n and args[n - 1] == "--lang"))]
        if helped and set(helped) <= {"--help", "-h"}:  # `audit --lang en --help`: this help, in English
            args = helped
        elif args and args[0] not in self.commands and args[0] not in {"--help", "-h", "--version"}:
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)

    # `audit report.txt` and friends, aligned, each with its words in the catalogue
    EXAMPLES = (("audit report.txt", "help.example.one"), ("audit reports/", "help.example.folder"),
                ("audit report.txt --format json", "help.example.json"), ("audit rules", "help.example.rules"),
                ("audit facts report.txt", "help.example.facts"))

    def _description(self, lang: str) -> str:
        width = max(len(command) for command, _ in self.EXAMPLES) + 2
        examples = "\n".join(f"{command:<{width}}{_message(lang, key)}" for command, key in self.EXAMPLES)
        return f"{_message(lang, 'help.audit')}\n\n\b\n{examples}\n\n{_message(lang, 'help.audit.more')}"

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = _help_lang(ctx)
        rows = [(name, _message(lang, f"help.{name}.short")) for name in self.list_commands(ctx)
                if not self.commands[name].hidden]
        if rows:
            with formatter.section(_message(lang, "help.commands")):
                formatter.write_dl(rows)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:  # past click, which would print an empty line first
            raise _Stopped() from None

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        given = list(args) if args is not None else sys.argv[1:]
        try:
            code = super().main(args, prog_name or "audit", complete_var, standalone_mode=False, **extra)
        except click.UsageError as exc:
            lang = _early_lang(given)
            command = exc.ctx.command_path if exc.ctx is not None else "audit"
            click.echo(f"audit: {_usage_words(exc, lang)}{_message(lang, 'usage.see_help', command=command)}",
                       err=True)
            sys.exit(EXIT_USAGE)
        except click.ClickException as exc:
            click.echo(f"audit: {exc.format_message()}", err=True)
            sys.exit(exc.exit_code)
        except (click.exceptions.Abort, _Stopped):  # Ctrl-C: one line, no traceback, the shell's code for it
            click.echo(f"audit: {_message(_run_lang or _early_lang(given), 'cli.stopped')}", err=True)
            sys.exit(130)
        sys.exit(code or 0)


def _early_lang(args: list[str]) -> str:
    """The language of an error found before the settings are known (a usage error, Ctrl-C while
    loading): --lang as given, else the `lang` of the configuration file the run would read, else zh."""
    from pathlib import Path

    from auditor import config

    words, after = (args[:args.index("--")], args[args.index("--") + 1:]) if "--" in args else (args, [])
    lang = config_file = None
    for n, word in enumerate(words):  # the last one counts, as in click
        following = words[n + 1] if n + 1 < len(words) else None
        if word == "--lang":
            lang = following
        elif word.startswith("--lang="):
            lang = word.partition("=")[2]
        elif word == "--config":
            config_file = following
        elif word.startswith("--config="):
            config_file = word.partition("=")[2]
    if lang in config.LANGS:
        return lang
    if "--isolated" in words or "--no-config" in words:
        return "zh"
    if config_file is not None:
        return config.peek_lang(config_file) or "zh"
    command = main.commands.get(words[0]) if words else None
    body = words[1:] if command is not None else words
    command = command or main.commands[DefaultGroup.default_command]
    valued = {name for p in command.params if isinstance(p, click.Option) and not p.is_flag and not p.count
              for name in (*p.opts, *p.secondary_opts)}
    positional, skip = [], False
    for word in body:
        if skip:
            skip = False
        elif word in valued:
            skip = True
        elif not word.startswith("-") or word == "-":
            positional.append(word)
    files = [w for w in (*positional, *after) if w != "-"] if command.name in ("check", "facts", "relations") else []
    try:
        found = config.find_config(Path(files[0]) if files else Path.cwd())
    except (OSError, ValueError):  # a name the system refuses: no configuration to tell the language
        return "zh"
    return config.peek_lang(found) or "zh"


def _usage_words(exc: click.UsageError, lang: str) -> str:
    """A usage error in the language of the run: click's common ones in the catalogue's words
    (no such option, a missing argument, a value refused), a rarer one as click says it."""
    from auditor import messages

    def words(key: str, **values) -> str:
        return messages.text(lang, key, **values)

    english = messages.language(lang) == "en"
    if isinstance(exc, click.exceptions.NoArgsIsHelpError):
        return words("usage.no_arguments")
    if isinstance(exc, click.NoSuchOption):
        possible = sorted(exc.possibilities or [])
        hint = (words("usage.did_you_mean", choice=possible[0]) if len(possible) == 1 else
                words("usage.did_you_mean_one_of", choices=messages.names(lang, possible, quote=True))
                if possible else "")
        return words("usage.no_such_option", option=exc.option_name) + hint
    if isinstance(exc, _ExtraArguments):
        shown = " ".join(exc.extra) if english else messages.names(lang, exc.extra)
        return messages.warning(lang, "usage.extra_arguments", {"n": len(exc.extra), "args": shown})
    if isinstance(exc, click.BadOptionUsage):  # a flag given a value, or an option given none
        param = next((p for p in (exc.ctx.command.params if exc.ctx else [])
                      if exc.option_name in (*p.opts, *p.secondary_opts)), None)
        flag = isinstance(param, click.Option) and (param.is_flag or param.count)
        return words("usage.takes_no_value" if flag else "usage.requires_value", option=exc.option_name)
    param = getattr(exc, "param", None)
    if isinstance(exc, click.MissingParameter) and param is not None:
        if isinstance(param, click.Argument):
            return words("usage.missing_argument", name=param.make_metavar(exc.ctx) if exc.ctx else param.name)
        return words("usage.missing_option", name=param.opts[0])
    if isinstance(exc, click.BadParameter) and param is not None:
        option = param.opts[0] if isinstance(param, click.Option) else (
            param.make_metavar(exc.ctx) if exc.ctx else param.name)
        if isinstance(exc.__cause__, ValueError) and hasattr(exc.__cause__, "render"):  # --max-size
            return words("usage.invalid_because", option=option, problem=exc.__cause__.render(lang))
        value = _given_value(exc)
        kind = param.type
        if isinstance(kind, click.Choice):
            return words("usage.invalid_choice", option=option, value=repr(value),
                         choices=messages.names(lang, kind.choices, quote=True))
        if isinstance(kind, click.types.IntParamType):
            try:
                number = int(value)
            except (TypeError, ValueError):
                return words("usage.invalid_int", option=option, value=repr(value))
            low = getattr(kind, "min", None)
            if low is not None and number < low:
                return words("usage.int_min", option=option, value=repr(value), min=low)
        if isinstance(kind, click.Path) and isinstance(value, str):
            if os.path.isdir(value) and not kind.dir_okay:
                return words("usage.is_folder", option=option, value=repr(value))
            if kind.readable and os.path.exists(value) and not os.access(value, os.R_OK):
                return words("usage.not_readable", option=option, value=repr(value))
            if kind.writable and os.path.exists(value) and not os.access(value, os.W_OK):
                return words("usage.not_writable", option=option, value=repr(value))
        if english:
            return exc.format_message()
        return words("usage.invalid_value", option=option, value=repr(value))
    return exc.format_message() if english else words("usage.other", problem=exc.format_message())


def _given_value(exc: click.BadParameter):
    """The value a parameter refused, as the command line gave it (click keeps only its words)."""
    given, ctx, param = getattr(exc, "given", None), exc.ctx, exc.param
    if given is None or ctx is None or param is None:
        return None
    try:
        values, _, _ = ctx.command.make_parser(ctx).parse_args(args=list(given))
    except click.UsageError:
        return None
    value = values.get(param.name)
    if isinstance(value, (list, tuple)):
        return value[-1] if value else None
    return value


def _fail(message: str) -> None:
    click.echo(f"audit: {message}", err=True)
    sys.exit(EXIT_USAGE)


def _note(lang: str, key: str, **values) -> None:
    """A note on stderr, in the language of the run."""
    from auditor import messages

    click.echo(f"audit: {messages.text(lang, key, **values)}", err=True)


# -o report.html picks the format when --format is not given
SUFFIX_FORMATS = {".html": "html", ".htm": "html", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
                  ".sarif": "sarif", ".csv": "csv", ".md": "markdown", ".markdown": "markdown", ".txt": "text"}


def _size_option(ctx, param, value) -> int:
    """--max-size: '20MB', '500KB', '1GB' or bytes (a refused one is worded by `_usage_words`)."""
    from auditor.load import SizeError, parse_size

    try:
        return parse_size(value)
    except SizeError as exc:
        raise click.BadParameter(str(exc), ctx, param) from exc


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="audit")
def main() -> None:
    """The group of commands; `audit FILE` is `audit check FILE` (help: help.audit in the catalogue)."""


@main.command("check")
@click.argument("files", nargs=-1, required=True, metavar="FILE_OR_FOLDER...")
@click.option("--format", "fmt", type=click.Choice(format_names()), default=None)
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None)
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default=None)
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None)
@click.option("--annotate", "annotate_to", type=click.Path(dir_okay=False), default=None, metavar="COPY")
@click.option("--quiet", "-q", is_flag=True)
@click.option("--explained", is_flag=True)
@click.option("--color/--no-color", default=None)
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None)
@click.option("--isolated", "--no-config", "isolated", is_flag=True)
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(), metavar="DIR")
@click.option("--select", multiple=True, metavar="IDS")
@click.option("--ignore", multiple=True, metavar="IDS")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False), default=None)
@click.option("--write-baseline", type=click.Path(dir_okay=False), default=None)
@click.option("--with", "attachments", multiple=True, type=click.Path(dir_okay=False), metavar="FILE")
@click.option("--together", is_flag=True)
@click.option("--glob", "globs", multiple=True, metavar="PATTERN")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None)
@click.option("--progress/--no-progress", default=None)
@click.option("--max-size", default="20MB", show_default=True, metavar="SIZE", callback=_size_option)
def check_command(files, fmt, lang, fail_on, output, annotate_to, quiet, explained, color, config_file, isolated,
                  rule_dirs, select, ignore, baseline_file, write_baseline, attachments, together, globs, jobs,
                  progress, max_size) -> None:
    """Check reports (help: help.check and help.check.* in the catalogue)."""
    from pathlib import Path

    from auditor import baseline, batch, config
    from auditor.check.rulebook import RuleFileError
    from auditor.findings import SEVERITY_RANK
    from auditor.report import reporter as reporter_for
    from auditor.report.summary import count_line, total_line

    from auditor import outfile

    _check_isolated(lang, config_file, isolated)
    try:
        settings = config.resolve(lang=lang, fail_on=fail_on, config=config_file,
                                  start=[f for f in files if f != "-"] or None,
                                  rule_dirs=rule_dirs, select=select, ignore=ignore, use_config=not isolated)
        rules = config.rules_for(settings)
        vocab = config.vocabulary_for(settings)
        _announce_config(settings)  # once it is known to be usable (a problem in it names it anyway)
        accepted = baseline.load_for(settings, baseline_file)
        inputs = batch.collect(files, globs=globs, attachments=attachments, together=together,
                               lang=settings.lang, max_bytes=max_size)
        # every file the run writes is checked before anything is read: no traceback after a long audit
        targets = [("-o", output), ("--annotate", annotate_to), ("--write-baseline", write_baseline)]
        if annotate_to is not None:  # its own checks first: they say what --annotate needs
            annotate_source = _annotate_source(inputs, annotate_to, settings.lang)
        inputs = _guard_outputs(inputs, files, targets, settings.lang)
    except (batch.InputError, RuleFileError, config.ConfigError, baseline.BaselineError, outfile.OutputError) as exc:
        _fail(str(exc))
    lang = settings.lang
    if fmt is None and output:
        fmt = SUFFIX_FORMATS.get(Path(output).suffix.lower())
    checked = []  # every result, before the baseline hides anything (for --write-baseline)
    target = outfile.Atomic(output) if output else None
    try:
        stream = target.open() if target else sys.stdout
    except OSError as exc:
        _fail(outfile.cannot_write(output, exc, lang))
    if fmt is None:
        fmt = "rich" if stream.isatty() else "text"
    reporter_class = reporter_for(fmt)
    reporter = reporter_class(stream, lang=lang, color=color, rules=rules)
    reporter = batch.summarising(reporter, len(inputs), quiet=quiet)  # several files: a summary, worst first
    worst = -1
    input_error = False
    shown = suppressed = 0
    annotated = None
    _loaded()
    try:
        reporter.start()
        for outcome in batch.run(inputs, rules, vocab, jobs=jobs, progress=progress,
                                 keep="facts" if getattr(reporter_class, "needs_facts", False) else "findings", lang=lang,
                                 explained=explained, max_bytes=max_size):
            if outcome.error is not None:
                if len(inputs) == 1:
                    _fail(outcome.error)
                click.echo(f"audit: {outcome.error}", err=True)  # the report may go to a file: say it here too
                reporter.failed(outcome.path, outcome.error)
                input_error = True
                continue
            result = outcome.result
            suppressed += len(result.suppressed)
            if write_baseline:
                checked.append(result)
            if accepted is not None:
                result = accepted.apply(result)
            shown += len(result.findings)
            worst = max([worst, *(f.rank for f in result.findings)])
            reporter.file(result)
            if annotate_to is not None:
                annotated = result
        reporter.finish()
        if target:
            target.commit()
        else:
            stream.flush()
    except OSError as exc:  # a full disk, a closed pipe: one line, and no half-written report
        _write_failed(target, output, exc, lang)
    finally:
        if target:
            target.discard()
    if annotated is not None:
        from auditor.annotate import AnnotateError, annotate

        try:
            written = annotate(annotated, annotate_source, annotate_to, lang)
        except AnnotateError as exc:
            _fail(str(exc))
        except OSError as exc:
            _fail(outfile.cannot_write(annotate_to, exc, lang))
        _note(lang, "note.annotated", n=written.comments, path=annotate_to)
        if written.skipped:
            _note(lang, "note.annotated_skipped", n=written.skipped)
    if suppressed:
        _note(lang, "note.suppressed", n=suppressed)
    if accepted is not None and accepted.hidden:
        if shown == 0:
            _note(lang, "note.no_new_findings", n=accepted.hidden, path=accepted.path)
        else:
            _note(lang, "note.baseline_hidden", n=accepted.hidden, path=accepted.path)
    if output:  # the report went to a file: the terminal still hears how it went
        rows = reporter.rows
        line = total_line(rows, lang) if len(rows) > 1 else (
            f"{rows[0].path}: {count_line(annotated.findings if annotated else [], lang)}"
            if rows and annotated is not None else total_line(rows, lang))
        click.echo(f"{line}\n{_message(lang, 'summary.written', path=output)}", err=True)
    if write_baseline:
        try:
            count = baseline.write(write_baseline, checked)
        except OSError as exc:
            _fail(outfile.cannot_write(write_baseline, exc, lang))
        _note(lang, "note.baseline_written", n=count, path=write_baseline)
        sys.exit(EXIT_USAGE if input_error else EXIT_OK)
    if input_error:
        sys.exit(EXIT_USAGE)
    threshold = SEVERITY_RANK.get(settings.fail_on)
    sys.exit(EXIT_FINDINGS if threshold is not None and worst >= threshold else EXIT_OK)


def _write_failed(target, output, exc: OSError, lang: str) -> None:
    """A report that could not be written: one line, exit 2.  Standard output is pointed at
    /dev/null first, or Python would try to flush it once more on the way out and complain."""
    from auditor import outfile

    if target is None:
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
        except (OSError, ValueError, AttributeError):
            pass
        if isinstance(exc, BrokenPipeError):  # `audit … | head`: the reader has all it wanted
            sys.exit(EXIT_USAGE)
    _fail(outfile.cannot_write(output or "<stdout>", exc, lang))


def _guard_outputs(inputs, files, targets, lang: str):
    """The inputs without the reports audit wrote (a note for each), after refusing any
    target that cannot be written or that would overwrite an input (outfile.OutputError)."""
    from pathlib import Path

    from auditor import outfile

    for option, path in targets:
        if path:
            why = outfile.problem(path, lang)
            if why is not None:
                raise outfile.OutputError(why)
    kept, skipped = outfile.guard(inputs, list(files), targets, lang)
    own = [path for _, path in targets if path]
    for path in skipped:
        if not any(outfile.same_file(path, Path(o)) for o in own):  # the run's own -o file goes without saying
            _note(lang, "cli.skipped_own", path=path)
    if not kept:
        raise outfile.OutputError(_message(lang, "cli.nothing_left"))
    return kept

def _message(lang: str, key: str, **values) -> str:
    from auditor import messages

    return messages.text(lang, key, **values)


def _annotate_source(inputs, target: str, lang: str):
    """The file --annotate copies: the one report checked (its attachments stay as they are)."""
    from auditor import batch
    from auditor.annotate import AnnotateError, check_target
    from auditor.load import LoadError, sniff

    if inputs and isinstance(inputs[0], batch.Stdin):
        raise batch.InputError(_message(lang, "input.annotate_stdin"))
    if len(inputs) != 1:
        raise batch.InputError(_message(lang, "input.annotate_many", n=len(inputs)))
    item = inputs[0]
    source = item[0] if isinstance(item, batch.Together) else item
    try:
        fmt = sniff(source.read_bytes(), str(source))
    except OSError as exc:
        from auditor.messages import os_reason

        raise batch.InputError(_message(lang, "load.cannot_read", path=source, reason=os_reason(lang, exc))) from None
    except LoadError as exc:
        raise batch.InputError(exc.render(lang)) from None
    try:
        check_target(source, target, fmt, lang)
    except AnnotateError as exc:
        raise batch.InputError(str(exc)) from None
    return source


def _check_isolated(lang, config_file, isolated) -> None:
    if isolated and config_file is not None:
        from auditor.config import peek_lang

        _fail(_message(lang or peek_lang(config_file) or "zh", "cli.isolated_and_config"))


def _announce_config(settings) -> None:
    """Which configuration file applies, on stderr: one found in a parent folder is never applied silently."""
    global _run_lang
    _run_lang = settings.lang
    if settings.source is not None:
        _note(settings.lang, "cli.config", path=settings.source.path.resolve())


def _inspection_settings(lang, config_file, rule_dirs=(), start=None, isolated=False, announce=True):
    """Settings and every rule for `audit rules/explain/facts` (errors: one line, exit 2)."""
    from auditor import config
    from auditor.check.rulebook import RuleFileError

    _check_isolated(lang, config_file, isolated)
    try:
        settings = config.resolve(lang=lang, config=config_file, start=start, rule_dirs=rule_dirs,
                                  use_config=not isolated)
        rules = config.all_rules(settings)
        if announce:
            _announce_config(settings)
        return settings, rules
    except (config.ConfigError, RuleFileError) as exc:
        _fail(str(exc))


_LANG = click.option("--lang", type=click.Choice(["zh", "en"]), default=None)
_CONFIG = click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None)
_ISOLATED = click.option("--isolated", "--no-config", "isolated", is_flag=True)
_RULES = click.option("--rules", "rule_dirs", multiple=True, type=click.Path(), metavar="DIR")


@main.command("rules")
@_LANG
@_CONFIG
@_ISOLATED
@_RULES
def rules_command(lang, config_file, isolated, rule_dirs) -> None:
    """List the rules (help: help.rules in the catalogue)."""
    from auditor import config
    from auditor.report.catalogue import rules_listing

    # the listing names its configuration itself
    settings, rules = _inspection_settings(lang, config_file, rule_dirs, isolated=isolated, announce=False)
    enabled = {r.id for r in rules if config.is_enabled(settings, r)}
    overridden = {r.id for r in rules if config.severity_overridden(settings, r)}
    rules_listing(rules, enabled, overridden, settings.lang, sys.stdout, sys.stdout.isatty(),
                  origin=config.describe(settings))


@main.command("explain")
@click.argument("rule_id")
@_LANG
@_CONFIG
@_ISOLATED
@_RULES
def explain_command(rule_id, lang, config_file, isolated, rule_dirs) -> None:
    """A rule's documentation, its examples checked (help: help.explain in the catalogue)."""
    from auditor import config
    from auditor.report.catalogue import explain

    settings, rules = _inspection_settings(lang, config_file, rule_dirs, isolated=isolated)
    from auditor.check.doubt import alternatives

    readings = {a.id: a for a in alternatives().values()} | {a.name: a for a in alternatives().values()}
    alt = readings.get(rule_id.upper()) or readings.get(rule_id)
    if alt is not None:  # ALT001 …: a reading doubt tries before a failing relation becomes an error
        from auditor.report.catalogue import explain_alternative

        ok = explain_alternative(alt, settings.lang, sys.stdout, sys.stdout.isatty(),
                                 [r for r in rules if config.is_enabled(settings, r)], config.vocabulary_for(settings))
        sys.exit(EXIT_OK if ok else EXIT_FINDINGS)
    by_key = {r.id: r for r in rules} | {r.name: r for r in rules}
    rule = by_key.get(rule_id.upper()) or by_key.get(rule_id)
    if rule is None:
        import difflib

        names = sorted(by_key)
        nearest = difflib.get_close_matches(rule_id.upper(), [n.upper() for n in names], n=1, cutoff=0.5)
        if nearest:
            match = next(n for n in names if n.upper() == nearest[0])
            _fail(_message(settings.lang, "cat.nearest", rule=rule_id, nearest=match))
        _fail(_message(settings.lang, "cat.no_rule", rule=rule_id))
    ok = explain(rule, settings.lang, sys.stdout, sys.stdout.isatty(), all_rules=rules,
                 vocab=config.vocabulary_for(settings))
    sys.exit(EXIT_OK if ok else EXIT_FINDINGS)


@main.command("facts")
@click.argument("files", nargs=-1, required=True, metavar="FILE_OR_FOLDER...")
@click.option("--format", "fmt", type=click.Choice(["rich", "text", "json", "csv"]), default=None)
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None)
@click.option("--with", "attachments", multiple=True, type=click.Path(dir_okay=False), metavar="FILE")
@click.option("--glob", "globs", multiple=True, metavar="PATTERN")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None)
@_LANG
@_CONFIG
@_ISOLATED
def facts_command(files, fmt, output, attachments, globs, jobs, lang, config_file, isolated) -> None:
    """The figures read (help: help.facts and help.facts.* in the catalogue)."""
    from pathlib import Path

    from auditor import batch, config
    from auditor.report.catalogue import facts_report

    from auditor import outfile

    settings, _ = _inspection_settings(lang, config_file, start=[f for f in files if f != "-"] or None,
                                       isolated=isolated)
    try:
        inputs = batch.collect(files, globs=globs, attachments=attachments, lang=settings.lang)
        inputs = _guard_outputs(inputs, files, [("-o", output)], settings.lang)
    except (batch.InputError, outfile.OutputError) as exc:
        _fail(str(exc))
    _loaded()
    if fmt is None and output:
        fmt = {".csv": "csv", ".json": "json", ".txt": "text", ".tsv": "text"}.get(Path(output).suffix.lower())
    target = outfile.Atomic(output, newline="") if output else None
    try:
        stream = target.open() if target else sys.stdout
    except OSError as exc:
        _fail(outfile.cannot_write(output, exc, settings.lang))
    if fmt is None:
        fmt = "rich" if stream.isatty() else "text"
    results, failed = [], False
    try:
        for outcome in batch.run(inputs, rules=[], vocab=config.vocabulary_for(settings), jobs=jobs, keep="facts",
                                 lang=settings.lang):
            if outcome.error is not None:
                if len(inputs) == 1:
                    _fail(outcome.error)
                click.echo(f"audit: {outcome.error}", err=True)
                failed = True
                continue
            results.append(outcome.result)
        facts_report(results, settings.lang, fmt, stream)
        if target:
            target.commit()
        else:
            stream.flush()
    except OSError as exc:
        _write_failed(target, output, exc, settings.lang)
    finally:
        if target:
            target.discard()
    sys.exit(EXIT_USAGE if failed else EXIT_OK)


@main.command("relations")
@click.argument("file")
@click.option("--format", "fmt", type=click.Choice(["rich", "text", "json"]), default=None)
@_LANG
@_CONFIG
@_ISOLATED
@_RULES
def relations_command(file, fmt, lang, config_file, isolated, rule_dirs) -> None:
    """Every relation checked in one file (help: help.relations in the catalogue)."""
    from auditor import batch, config
    from auditor.load import LoadError, load_document
    from auditor.pipeline import audit_document
    from auditor.report.catalogue import relations_listing

    settings, rules = _inspection_settings(lang, config_file, rule_dirs, start=file, isolated=isolated)
    try:
        document = batch.printable_document(load_document(file))
    except LoadError as exc:
        _fail(batch.printable(exc.render(settings.lang)))
    result = audit_document(document, rules=[r for r in rules if config.is_enabled(settings, r)],
                            vocab=config.vocabulary_for(settings))
    if fmt is None:
        fmt = "rich" if sys.stdout.isatty() else "text"
    relations_listing(result, settings.lang, fmt, sys.stdout)


if __name__ == "__main__":
    main()
