"""Settings for a run: command-line options over configuration files over defaults.

Configuration is read from the first of these found walking up from the first
input's folder (the current folder for `audit rules`), or from `--config FILE`:

    audit.toml                  the whole file is the configuration
    pyproject.toml              its [tool.audit] table (a pyproject without one is skipped)

    lang = "zh"                 # message language: zh | en
    fail-on = "error"           # error | warning | info | never
    select = ["SUM", "RAT001"]  # only these rules (ID, ID prefix or rule name); default: all
    ignore = ["PLA", "STR001"]  # never these (the longer, more specific pattern wins)
    rules = ["my_rules/"]       # extra rule folders or files, relative to this file
    baseline = "audit-baseline.json"

    [severity]                  # per rule ID or ID prefix
    DUP001 = "warning"

    [params.GRD001]             # rule parameters, merged over the rule file's
    bands = { "优" = 85, "良" = 75, "中" = 60, "差" = 0 }

    [grade-bands]               # shorthand for the bands of every grade rule
    "优" = 85

    [vocabulary.concepts]       # extra synonyms (or new concepts), merged into rules/vocabulary.toml
    "公用经费" = ["办公经费"]

    [vocabulary.families."专项资金构成"]   # new totals made of parts, for identity rules
    totals = ["专项资金"]
    parts = ["中央补助资金", "省级补助资金"]

Every problem is reported as `file:line: problem` (`ConfigError`).
"""

from __future__ import annotations

from dataclasses import field
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from auditor import tomlpos
from auditor.check import default_rules
from auditor.check.kinds import KINDS
from auditor.check.rulebook import SEVERITIES, Rule, RuleFileError, load_rules
from auditor.extract.vocabulary import Vocabulary, default_vocabulary, vocabulary_data
from auditor.records import dataclass

CONFIG_FILE = "audit.toml"
PYPROJECT = "pyproject.toml"
LANGS = ("zh", "en")
FAIL_ON = ("error", "warning", "info", "never")


class ConfigError(Exception):
    """A configuration that cannot be used; str() names file, line and problem."""


# ------------------------------------------------------------------ the file


@dataclass(frozen=True)
class FileSettings:
    """What a configuration file sets, once auditor/configschema.py has validated it
    (a run without a file: these defaults)."""

    lang: str | None = None
    fail_on: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    baseline: str | None = None
    severity: Mapping[str, str] = field(default_factory=dict)
    params: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    grade_bands: Mapping[str, int | float] = field(default_factory=dict)
    concepts: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    families: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)


_KEYS = {
    (): {"lang", "fail-on", "select", "ignore", "rules", "baseline", "severity", "params", "grade-bands",
         "vocabulary"},
    ("vocabulary",): {"concepts", "families"},
}


@dataclass(frozen=True)
class Source:
    """A configuration file that was read: where, its text, and the table holding the settings."""

    path: Path
    text: str
    prefix: tuple[str, ...] = ()  # ("tool", "audit") in a pyproject.toml

    def at(self, *loc: str | int) -> str:
        return f"{self.path}:{tomlpos.line_of(self.text, loc, self.prefix)}"

    @property
    def folder(self) -> Path:
        return self.path.parent


# pydantic's error types → the catalogue's word for what the setting must be
_EXPECTED = {"string_type": "type.text", "list_type": "type.list", "dict_type": "type.table",
             "model_type": "type.table", "model_attributes_type": "type.table", "int_type": "type.whole",
             "int_parsing": "type.whole", "int_from_float": "type.whole", "float_type": "type.number",
             "float_parsing": "type.number", "bool_type": "type.bool", "bool_parsing": "type.bool"}
_TAGS = {"int": "type.number", "float": "type.number"}  # one alternative of `int | float`: a number


def _shown(value: Any) -> str:
    """A value the file gave, as the problem quotes it (shortened: a whole table is no help)."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _problem(error: dict, lang: str = "zh") -> str:
    """One validation error of the file in words, in the language of the run."""
    import difflib  # only when a file has a problem

    from auditor import messages

    loc = tuple(str(p) for p in error["loc"])
    kind = error["type"]
    value = error.get("input")
    if kind == "extra_forbidden":
        known = _KEYS.get(loc[:-1], set())
        close = difflib.get_close_matches(loc[-1], sorted(known), n=1, cutoff=0.6)
        hint = (messages.text(lang, "config.did_you_mean", name=close[0]) if close else
                messages.text(lang, "config.known", names=messages.names(lang, sorted(known))) if known else "")
        return messages.text(lang, "config.unknown_setting", key=repr(".".join(loc)), hint=hint)
    if loc[:1] == ("severity",) and len(loc) == 2:
        return messages.text(lang, "config.severity_value", rule=loc[-1], choices=messages.names(lang, SEVERITIES),
                             value=_shown(value))
    if loc == ("lang",):
        return messages.text(lang, "config.lang_value", choices=messages.names(lang, LANGS), value=_shown(value))
    if loc in {("fail-on",), ("fail_on",)}:
        return messages.text(lang, "config.fail_on_value", choices=messages.names(lang, FAIL_ON), value=_shown(value))
    expected = _EXPECTED.get(kind)
    if expected and loc and loc[-1] in _TAGS:
        expected, loc = _TAGS[loc[-1]], loc[:-1]
    key = ".".join(loc)
    if expected:
        return messages.text(lang, "config.expected", key=key, expected=messages.text(lang, expected),
                             value=_shown(value))
    if kind == "missing":
        return messages.text(lang, "config.missing_key", key=key)
    if kind == "too_short":
        return messages.text(lang, "config.too_short", key=key, n=error.get("ctx", {}).get("min_length", 1))
    if kind == "empty_name":
        return messages.text(lang, "config.empty_name", name=error["ctx"]["name"])
    if messages.language(lang) == "en":  # a rarer check: pydantic's own words
        message = error["msg"].removeprefix("Value error, ")
        return f"{key}: {message}" if key else message
    return messages.text(lang, "config.unusable", key=key, value=_shown(value))


def _parse(source: Source, data: dict, lang: str = "zh") -> FileSettings:
    from auditor import configschema  # pydantic: only when there is a file to check

    try:
        parsed = configschema.File.model_validate(data)
    except configschema.ValidationError as exc:
        found = sorted({(tomlpos.line_of(source.text, error["loc"], source.prefix), _problem(error, lang))
                        for error in exc.errors()})
        raise ConfigError("\n".join(f"{source.path}:{line}: {problem}" for line, problem in found)) from None
    return FileSettings(
        lang=parsed.lang, fail_on=parsed.fail_on, select=tuple(parsed.select), ignore=tuple(parsed.ignore),
        rules=tuple(parsed.rules), baseline=parsed.baseline, severity=dict(parsed.severity),
        params={k: dict(v) for k, v in parsed.params.items()}, grade_bands=dict(parsed.grade_bands),
        concepts={k: tuple(v) for k, v in parsed.vocabulary.concepts.items()},
        families={k: v.model_dump() for k, v in parsed.vocabulary.families.items()})


def _read(path: Path, lang: str = "zh") -> tuple[str, dict]:
    import tomllib

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        from auditor import messages

        reason = messages.os_reason(lang, exc) if isinstance(exc, OSError) else messages.text(lang, "reason.not_utf8")
        raise ConfigError(messages.text(lang, "config.cannot_read", path=path, reason=reason)) from None
    try:
        return text, tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line, problem = tomlpos.syntax_error(exc, text, lang)
        from auditor import messages

        raise ConfigError(messages.text(lang, "config.not_toml", path=path, line=line, problem=problem)) from None
    except RecursionError:  # arrays or tables nested thousands deep: the parser runs out of stack
        from auditor import messages

        raise ConfigError(messages.text(lang, "cli.too_deep", path=path)) from None


def load_file(path: Path, lang: str | None = None) -> tuple[Source, FileSettings]:
    """A named configuration file: an audit.toml, or a pyproject.toml's [tool.audit].

    Its problems are in `lang` (--lang), else in the file's own `lang` once it could be read, else zh."""
    from auditor import messages

    if not path.is_file():
        raise ConfigError(messages.text(lang or "zh", "config.missing", path=path))
    text, data = _read(path, lang or "zh")
    if path.name == PYPROJECT:
        tool = data.get("tool", {})
        if "audit" not in tool:
            raise ConfigError(messages.text(lang or "zh", "config.no_tool_audit", path=path))
        source = Source(path, text, ("tool", "audit"))
        return source, _parse(source, tool["audit"], lang or _lang_of(tool["audit"]))
    source = Source(path, text)
    return source, _parse(source, data, lang or _lang_of(data))


def _lang_of(table: Any) -> str:
    """The `lang` a configuration table sets, if it is a language; zh otherwise."""
    lang = table.get("lang") if isinstance(table, dict) else None
    return lang if lang in LANGS else "zh"


def peek_lang(path: str | Path | None) -> str | None:
    """The `lang` of a configuration file, or None when there is no such file or it cannot be read:
    the language of an error found before the settings are known (a usage error)."""
    if path is None:
        return None
    import tomllib

    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        table = data.get("tool", {}).get("audit") if path.name == PYPROJECT else data
        lang = table.get("lang") if isinstance(table, dict) else None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError, AttributeError, ValueError):
        return None
    return lang if lang in LANGS else None


def _is_file(path: Path) -> bool:
    """is_file() that answers False in a folder it may not look into (it raises there)."""
    try:
        return path.is_file()
    except OSError:
        return False


def find_config(start: Path) -> Path | None:
    """The nearest audit.toml, or pyproject.toml with [tool.audit], in `start` or above it."""
    try:
        start = start.resolve()
    except (OSError, RuntimeError):  # a link that loops: the input's own error says so later
        start = start.absolute()
    folder = start if start.is_dir() else start.parent
    for here in (folder, *folder.parents):
        candidate = here / CONFIG_FILE
        if _is_file(candidate):
            return candidate
        pyproject = here / PYPROJECT
        if _is_file(pyproject):
            import tomllib

            try:
                if "audit" in tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {}):
                    return pyproject
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
                continue  # not ours to complain about unless it holds our table
    return None


# ------------------------------------------------------------------ settings


@dataclass(frozen=True)
class Settings:
    """The settings of a run (see the module docstring)."""

    lang: str = "zh"
    fail_on: str = "error"
    rule_dirs: tuple[Path, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)
    params: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    grade_bands: Mapping[str, int | float] = field(default_factory=dict)
    concepts: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    families: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    baseline: Path | None = None
    source: Source | None = None  # the configuration file read, if any
    cli_select: tuple[str, ...] = ()  # patterns given on the command line (for error messages)
    cli_ignore: tuple[str, ...] = ()
    extra: dict = field(default_factory=dict)

    def origin(self, *loc: str | int) -> str:
        """`file:line` of a setting, for error messages."""
        return self.source.at(*loc) if self.source else "<settings>"


def _start_of(start: str | Path | Sequence[str | Path] | None) -> Path:
    if start is None or isinstance(start, (str, Path)):
        first = start
    else:
        first = next(iter(start), None)
    return Path(first) if first is not None else Path.cwd()


def _split_patterns(values: Iterable[str]) -> tuple[str, ...]:
    """--select SUM,RAT001 --select PLA → ('SUM', 'RAT001', 'PLA')."""
    return tuple(p.strip() for v in values for p in v.split(",") if p.strip())


def resolve(lang: str | None = None, fail_on: str | None = None, *, config: str | Path | None = None,
            start: str | Path | Sequence[str | Path] | None = None, rule_dirs: Iterable[str | Path] = (),
            select: Iterable[str] = (), ignore: Iterable[str] = (), use_config: bool = True) -> Settings:
    """The settings of a run: explicit options over the configuration file over defaults.

    `start` is the first input (or all inputs); the configuration is looked for
    from its folder upwards unless `config` names a file.  --select replaces the
    file's `select`; --ignore and --rules add to the file's.
    """
    source: Source | None = None
    parsed = FileSettings()
    if config is not None:
        source, parsed = load_file(Path(config), lang)
    elif use_config:
        found = find_config(_start_of(start))
        if found is not None:
            source, parsed = load_file(found, lang)
    here = source.folder if source else Path.cwd()
    cli_select, cli_ignore = _split_patterns(select), _split_patterns(ignore)
    return Settings(
        lang=lang or parsed.lang or "zh",
        fail_on=fail_on or parsed.fail_on or "error",
        rule_dirs=(*(here / p for p in parsed.rules), *(Path(p) for p in rule_dirs)),
        select=cli_select or parsed.select,
        ignore=(*parsed.ignore, *cli_ignore),
        severity=dict(parsed.severity),
        params={k: dict(v) for k, v in parsed.params.items()},
        grade_bands=dict(parsed.grade_bands),
        concepts=dict(parsed.concepts),
        families=dict(parsed.families),
        baseline=(here / parsed.baseline) if parsed.baseline else None,
        source=source,
        cli_select=cli_select,
        cli_ignore=cli_ignore,
    )


# ------------------------------------------------------------------ vocabulary


def vocabulary_for(settings: Settings) -> Vocabulary:
    """The built-in vocabulary, with the configuration's synonyms and families merged in."""
    if not settings.concepts and not settings.families:
        return default_vocabulary()
    data = vocabulary_data()
    if settings.families:
        data["families"] = {**data.get("families", {}), **{k: dict(v) for k, v in settings.families.items()}}
    return Vocabulary.from_toml(data, extra_concepts={k: list(v) for k, v in settings.concepts.items()})


# ------------------------------------------------------------------ rules


def _matches(rule: Rule, pattern: str) -> int:
    """How specifically `pattern` names `rule`: its length, or -1 when it does not."""
    if rule.id.startswith(pattern.upper()) or rule.name == pattern:
        return len(pattern)
    return -1


def _enabled(rule: Rule, select: Sequence[str], ignore: Sequence[str]) -> bool:
    chosen = max((_matches(rule, p) for p in select), default=0 if not select else -1)
    dropped = max((_matches(rule, p) for p in ignore), default=-1)
    return chosen >= 0 and chosen > dropped


def _check_patterns(settings: Settings, rules: list[Rule]) -> None:
    from auditor import messages

    lang = settings.lang
    problems = []
    for key, patterns, cli in (("select", settings.select, settings.cli_select),
                               ("ignore", settings.ignore, settings.cli_ignore)):
        for n, pattern in enumerate(patterns):
            if any(_matches(r, pattern) >= 0 for r in rules):
                continue
            where = f"--{key}" if pattern in cli else settings.origin(key, n)
            problems.append(f"{where}: {messages.text(lang, 'config.no_match', pattern=repr(pattern))}")
    for prefix in settings.severity:
        if not any(r.id.startswith(prefix.upper()) for r in rules):
            problems.append(f"{settings.origin('severity', prefix)}: "
                            f"{messages.text(lang, 'config.no_match_severity', pattern=repr(prefix))}")
    for rule_id in settings.params:
        if rule_id.upper() not in {r.id for r in rules}:
            problems.append(f"{settings.origin('params', rule_id)}: {messages.text(lang, 'config.no_rule', rule=repr(rule_id))}")
    if problems:
        raise ConfigError("\n".join(problems))


def _check_grade_bands(settings: Settings, rules: list[Rule]) -> None:
    from auditor import messages

    lang = settings.lang
    known = {name for r in rules if r.kind == "grade" for name in r.params.get("bands", {})}
    for name, lower in settings.grade_bands.items():
        if known and name not in known:
            grades = ", ".join(sorted(known)) if messages.language(lang) == "en" else "、".join(sorted(known))
            raise ConfigError(f"{settings.origin('grade-bands', name)}: "
                              f"{messages.text(lang, 'config.unknown_grade', name=repr(name), grades=grades)}")
        if not 0 <= lower <= 100:
            raise ConfigError(f"{settings.origin('grade-bands', name)}: "
                              f"{messages.text(lang, 'config.grade_limit', name=repr(name), lower=lower)}")


def _check_families(rules: list[Rule], vocab: Vocabulary, lang: str = "zh") -> None:
    """An identity rule names a vocabulary family; a misspelt one would silently check nothing."""
    from auditor import messages

    problems = []
    for rule in rules:
        if rule.kind != "identity":
            continue
        family = rule.params.get("family")
        if family in vocab.families or family in vocab.balances:
            continue
        line = 1
        if rule.path:
            try:
                line = tomlpos.line_of(Path(rule.path).read_text(encoding="utf-8"), ["params", "family"])
            except OSError:
                pass
        import difflib  # only when a rule names no family

        close = difflib.get_close_matches(str(family), sorted(vocab.families), n=1, cutoff=0.5)
        hint = messages.text(lang, "config.did_you_mean", name=close[0]) if close else ""
        families = (", ".join(sorted(vocab.families)) if messages.language(lang) == "en" else
                    "、".join(sorted(vocab.families)))
        problems.append(f"{rule.path or rule.id}:{line}: " + messages.text(
            lang, "config.no_family", family=repr(family), hint=hint, families=families))
    if problems:
        raise RuleFileError("\n".join(problems))


def _param_problems(settings: Settings, rule: Rule, params: dict) -> list[str]:
    """The parameters the configuration gives a rule must be of the type its check reads: `min_parts
    = "x"` would otherwise pass here and fail every file as an internal error."""
    from auditor.check.rulebook import param_line, param_problems

    problems = []
    for key, expected in param_problems(params, settings.lang):
        if key in settings.params.get(rule.id, settings.params.get(rule.id.lower(), {})):
            where = settings.origin("params", rule.id if rule.id in settings.params else rule.id.lower(), key)
        elif key == "bands" and rule.kind == "grade" and settings.grade_bands:
            where = settings.origin("grade-bands")
        else:  # a rule file's own parameters were checked when it was read
            where = rule.path or rule.id
        problems.append(f"{where}: {param_line(settings.lang, rule.id, key, expected, params[key])}")
    return problems


def all_rules(settings: Settings) -> list[Rule]:
    """Every rule (built-in and the configuration's), with its configured severity and parameters."""
    if settings.rule_dirs:
        rules = load_rules(list(settings.rule_dirs), known_kinds=set(KINDS), lang=settings.lang)
    else:
        rules = default_rules()
    _check_patterns(settings, rules)
    _check_grade_bands(settings, rules)
    _check_families(rules, vocabulary_for(settings), settings.lang)
    out, problems = [], []
    for rule in rules:
        params = dict(rule.params)
        params.update(settings.params.get(rule.id, settings.params.get(rule.id.lower(), {})))
        if rule.kind == "grade" and settings.grade_bands:
            params["bands"] = {**params.get("bands", {}), **settings.grade_bands}
        if params != rule.params:
            problems.extend(_param_problems(settings, rule, params))
            rule = rule.with_params(params)
        overrides = [(len(p), sev) for p, sev in settings.severity.items() if rule.id.startswith(p.upper())]
        if overrides:
            rule = rule.with_severity(max(overrides)[1])
        out.append(rule)
    if problems:
        raise ConfigError("\n".join(sorted(problems, key=_file_line)))
    return out


def _file_line(problem: str) -> tuple[str, int]:
    """'audit.toml:12: …' → ('audit.toml', 12): problems of one file in line order."""
    where = problem.split(": ", 1)[0]
    path, _, line = where.rpartition(":")
    return (path, int(line)) if line.isdigit() else (where, 0)


def severity_overridden(settings: Settings, rule: Rule) -> bool:
    return any(rule.id.startswith(p.upper()) for p in settings.severity)


def is_enabled(settings: Settings, rule: Rule) -> bool:
    return _enabled(rule, settings.select, settings.ignore)


def rules_for(settings: Settings) -> list[Rule]:
    """The rules a run checks: all rules, selected and ignored as configured."""
    return [r for r in all_rules(settings) if is_enabled(settings, r)]


def describe(settings: Settings) -> str:
    """One line saying where the settings came from, for `audit rules`."""
    from auditor import messages

    if settings.source:
        return messages.text(settings.lang, "cli.config", path=settings.source.path)
    return messages.text(settings.lang, "config.defaults")


__all__ = ["ConfigError", "Settings", "all_rules", "find_config", "is_enabled", "resolve", "rules_for",
           "vocabulary_for"]
