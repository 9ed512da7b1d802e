"""Rules as data: one TOML file per rule, validated into a `Rule`.

A rule file names its check *kind* (breakdown, rate, change_growth …: the
functions in auditor/check/kinds.py), its parameters, severity, messages in
Chinese and English, and one or more passing and failing examples.  The same
file is the rule's `audit explain` page and its test case.  Errors in a user's
rule file name the file, the line and the problem.
"""

from __future__ import annotations

from dataclasses import field, fields, replace
from pathlib import Path
from typing import Any, Literal

from auditor import lazyre, tomlpos
from auditor.records import dataclass
from auditor.resources import builtin_toml, data_dir

Severity = Literal["error", "warning", "info"]


# A rule is a plain frozen record: the checks read it on every relation, and a well-formed
# file becomes one without a validation library (see `load_rule_file`; the schema that
# judges every other file is auditor/check/ruleschema.py).

@dataclass(frozen=True)
class Example:
    """A passing or failing example of a rule: its test and its documentation."""

    text: str
    stated: str | None = None  # failing examples: the figure the finding must cite
    note: str = ""


@dataclass(frozen=True)
class Examples:
    """A rule's examples: at least one that passes and one that fails."""

    passing: tuple[Example, ...]  # [[examples.pass]]
    failing: tuple[Example, ...]  # [[examples.fail]]


@dataclass(frozen=True, kw_only=True)
class Rule:
    """A rule file, read (see the module docstring)."""

    id: str
    name: str
    summary: str
    summary_en: str = ""
    kind: str
    severity: Severity
    relation: str
    description: str = ""
    source: str = ""
    params: dict[str, Any] = field(default_factory=dict)
    message: dict[str, str]
    examples: Examples
    path: str = ""

    def with_severity(self, severity: Severity) -> "Rule":
        return replace(self, severity=severity)

    def with_params(self, params: dict[str, Any]) -> "Rule":
        return replace(self, params=params)


class RuleFileError(Exception):
    """A rule file that cannot be used; str() names file, line and problem (one line per problem)."""


# -- what the check kinds read: parameters and message templates -----------------------------------

_MEASURES = ("completion", "excess")


def _whole(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and v >= 0


def _number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _texts(v) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


# parameter → (test, the catalogue's word for what it must be); a kind reads these by name, and a
# wrong type would fail only while checking, as "internal error" on every file
PARAM_TYPES = {
    "min_parts": (_whole, "type.int"),
    "reasons": (_texts, "type.texts"),
    "exclude_reasons": (_texts, "type.texts"),
    "left": (_texts, "type.texts"),
    "right": (_texts, "type.texts"),
    "ignore": (_texts, "type.texts"),
    "family": (lambda v: isinstance(v, str), "type.text"),
    "measure": (lambda v: v in _MEASURES, "type.choice"),
    "full_marks": (_number, "type.number"),
    "bands": (lambda v: isinstance(v, dict) and all(_number(x) for x in v.values()), "type.bands"),
}


def param_problems(params: dict, lang: str = "zh") -> list[tuple[str, str]]:
    """(key, what it must be) for every parameter of a known name whose value a check cannot use."""
    from auditor import messages

    out = []
    for key, value in params.items():
        test, word = PARAM_TYPES.get(key, (None, ""))
        if test is not None and not test(value):
            out.append((key, messages.text(lang, word, choices=messages.names(lang, _MEASURES))))
    return out


def template_problem(template: str, lang: str = "zh") -> str | None:
    """Why a message template cannot be filled in (a lone brace, {a.b}, {0}, {x!r}), or None.

    A finding's message is the template with its placeholders filled in by name;
    anything else would fail while checking, or in `audit explain`.
    """
    import string

    from auditor import messages

    try:
        fields = list(string.Formatter().parse(template))
    except ValueError:
        return messages.text(lang, "template.braces")
    for _, name, spec, conversion in fields:
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            shown = name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
            return messages.text(lang, "template.field", field=shown)
    return None


SEVERITIES = ("error", "warning", "info")
_FIELDS = {
    "rule": {f.name for f in fields(Rule)} - {"path"},
    "examples": {"pass", "fail"},
    "example": {f.name for f in fields(Example)},
}
_REQUIRED = {"id", "name", "summary", "kind", "severity", "relation", "message", "examples"}
_TEXTS = ("id", "name", "summary", "summary_en", "kind", "severity", "relation", "description", "source")
# what the schema's patterns accept, in their plainest (ASCII) form
_ID = lazyre.compile(r"[A-Z]{2,4}[0-9]{3}")
_NAME = lazyre.compile(r"[a-z][a-z0-9-]*")


def _plain_rule(data: dict, path: str) -> Rule | None:
    """The rule of a plainly well-formed file — every key known, every required one there,
    every value of exactly its type (as tomllib returns them) and within the schema — or
    None: then pydantic judges it (auditor/check/ruleschema.py).  Never more lenient than
    the schema, so a file reads the same either way."""
    if not (data.keys() <= _FIELDS["rule"] and data.keys() >= _REQUIRED):
        return None
    if not all(type(data[key]) is str for key in _TEXTS if key in data):
        return None
    if not (_ID.fullmatch(data["id"]) and _NAME.fullmatch(data["name"]) and data["severity"] in SEVERITIES):
        return None
    params, message, examples = data.get("params", {}), data["message"], data["examples"]
    if not (type(params) is dict and all(type(k) is str for k in params)):
        return None
    if not (type(message) is dict and "zh" in message and all(type(k) is str and type(v) is str
                                                              for k, v in message.items())):
        return None
    if not (type(examples) is dict and examples.keys() == _FIELDS["examples"]):
        return None
    both = []
    for which in ("pass", "fail"):
        listed = examples[which]
        if not (type(listed) is list and listed and all(
                type(e) is dict and "text" in e and e.keys() <= _FIELDS["example"]
                and all(type(v) is str for v in e.values()) for e in listed)):
            return None
        both.append(tuple(Example(**e) for e in listed))
    return Rule(**{key: data[key] for key in _TEXTS if key in data}, params=dict(params), message=dict(message),
                examples=Examples(*both), path=path)


def _validated_rule(model) -> Rule:
    """The `Rule` of a file the schema accepted (a `ruleschema.RuleFile`)."""
    def examples(listed) -> tuple[Example, ...]:
        return tuple(Example(e.text, e.stated, e.note) for e in listed)

    values = {f.name: getattr(model, f.name) for f in fields(Rule) if f.name != "examples"}
    return Rule(**values, examples=Examples(examples(model.examples.passing), examples(model.examples.failing)))


def _suggest(word: str, choices, lang: str = "zh") -> str:
    import difflib  # only when a file has a problem

    from auditor import messages

    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return messages.text(lang, "config.did_you_mean", name=close[0]) if close else ""


def _problem(error: dict, lang: str = "zh") -> str:
    """One validation error of a rule file in words a rule author can act on."""
    from auditor import messages
    from auditor.config import _problem as setting_problem

    loc = tuple(error["loc"])
    key = ".".join(str(p) for p in loc)
    last = str(loc[-1]) if loc else ""
    kind = error["type"]
    value = error.get("input")
    if kind == "extra_forbidden":
        level = ("example" if len(loc) >= 3 and loc[0] == "examples" else
                 "examples" if loc[:1] == ("examples",) else "rule")
        return messages.text(lang, "rule.unknown_key", key=repr(key), hint=_suggest(last, _FIELDS[level], lang))
    if kind == "missing":
        if loc == ("examples",):
            return messages.text(lang, "rule.no_examples")
        if loc[:1] == ("examples",) and len(loc) == 2:
            return messages.text(lang, "rule.missing_examples", which=last)
        return messages.text(lang, "rule.missing_key", key=key)
    if kind == "too_short" and loc[:1] == ("examples",):
        return messages.text(lang, "rule.too_few_examples", which=last)
    if loc == ("severity",):
        return messages.text(lang, "rule.severity", value=repr(value), choices=messages.names(lang, SEVERITIES))
    if loc == ("id",) and kind == "string_pattern_mismatch":
        return messages.text(lang, "rule.id", value=repr(value))
    if loc == ("name",) and kind == "string_pattern_mismatch":
        return messages.text(lang, "rule.name", value=repr(value))
    if kind == "message_zh":
        return messages.text(lang, "rule.message_zh", key=key)
    return setting_problem(error, lang)  # a value of the wrong type: worded as in audit.toml


def load_rule_file(path: Path, known_kinds: set[str] | None = None, lang: str = "zh",
                   data: dict | None = None) -> Rule:
    """One rule file, validated; every problem found is reported, each with its line.

    `data`: the file already parsed (a built-in rule: auditor.resources.builtin_toml);
    its text is then read only to tell the line of a problem."""
    from auditor import messages

    source = _source(path, lang) if data is None else None
    if data is None:
        data = _parsed(path, source, lang)

    def line(loc) -> int:
        nonlocal source
        if source is None:
            source = _source(path, lang)
        return tomlpos.line_of(source, loc)

    problems: list[tuple[int, str]] = []
    rule = _plain_rule(data, str(path))
    if rule is None:
        from auditor.check import ruleschema

        try:
            rule = _validated_rule(ruleschema.RuleFile.model_validate({**data, "path": str(path)}))
        except ruleschema.ValidationError as exc:
            for error in exc.errors():
                problems.append((line(error["loc"]), _problem(error, lang)))
    kind = data.get("kind")
    if known_kinds is not None and isinstance(kind, str) and kind not in known_kinds:
        problems.append((line(["kind"]),
                         messages.text(lang, "rule.unknown_kind", kind=repr(kind), hint=_suggest(kind, known_kinds, lang),
                                       kinds=messages.names(lang, sorted(known_kinds)))))
    if rule is not None:
        for key, expected in param_problems(rule.params, lang):
            problems.append((line(["params", key]),
                             param_line(lang, rule.id, key, expected, rule.params[key])))
        for which, template in rule.message.items():
            why = template_problem(template, lang)
            if why is not None:
                problems.append((line(["message", which]), _template_line(lang, which, why)))
        for n, example in enumerate(rule.examples.failing):
            if not example.stated:
                problems.append((line(["examples", "fail", n]),
                                 messages.text(lang, "rule.needs_stated")))
            elif example.stated not in example.text:
                problems.append((line(["examples", "fail", n, "stated"]),
                                 messages.text(lang, "rule.stated_absent", stated=repr(example.stated))))
    if problems:
        problems.sort()
        raise RuleFileError("\n".join(f"{path}:{line}: {problem}" for line, problem in problems))
    assert rule is not None
    return rule


def _source(path: Path, lang: str) -> str:
    """A rule file's text (RuleFileError when it cannot be read)."""
    from auditor import messages

    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = messages.os_reason(lang, exc) if isinstance(exc, OSError) else messages.text(lang, "reason.not_utf8")
        raise RuleFileError(messages.text(lang, "rule.cannot_read", path=path, reason=reason)) from None


def _parsed(path: Path, source: str, lang: str) -> dict:
    """A rule file's TOML (RuleFileError, with the line, when it is not TOML)."""
    import tomllib

    from auditor import messages

    try:
        return tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        line, problem = tomlpos.syntax_error(exc, source, lang)
        raise RuleFileError(messages.text(lang, "config.not_toml", path=path, line=line, problem=problem)) from None
    except RecursionError:  # nested thousands deep: the parser runs out of stack
        raise RuleFileError(messages.text(lang, "cli.too_deep", path=path)) from None


def param_line(lang: str, rule_id: str, key: str, expected: str, value) -> str:
    """A parameter of the wrong type, in words (the caller puts `file:line: ` in front)."""
    from auditor import messages

    return messages.text(lang, "cli.param_type", rule=rule_id, param=key, expected=expected, value=repr(value))


def _template_line(lang: str, which: str, why: str) -> str:
    from auditor import messages

    return messages.text(lang, "cli.template", which=which, problem=why)


# data files that live beside the rules but are not rules
NOT_RULES = {"vocabulary.toml", "alternatives.toml"}


def builtin_rule_dir() -> Path:
    return data_dir("rules")


def load_rules(extra_dirs: list[Path] | None = None, known_kinds: set[str] | None = None,
               lang: str = "zh") -> list[Rule]:
    """Built-in rules, then rules from `extra_dirs` (folders or single rule files).

    A rule from a later folder with the ID of an earlier one replaces it (a team
    can redefine a built-in rule); two files of one folder with the same ID are
    an error.
    """
    by_id: dict[str, Rule] = {}
    for folder in [builtin_rule_dir(), *(extra_dirs or [])]:
        if folder.is_file() and folder.suffix == ".toml":
            paths = [folder]
        elif folder.is_dir():
            paths = sorted(p for p in folder.glob("*.toml") if p.name not in NOT_RULES)
        else:
            from auditor import messages

            raise RuleFileError(messages.text(lang, "rule.folder_missing", folder=folder))
        here: dict[str, Path] = {}
        errors: list[str] = []
        builtin = folder == builtin_rule_dir()
        for path in paths:
            try:
                rule = load_rule_file(path, known_kinds, lang, builtin_toml(path.name) if builtin else None)
            except RuleFileError as exc:
                errors.append(str(exc))
                continue
            if rule.id in here:
                from auditor import messages

                errors.append(messages.text(lang, "rule.duplicate_id", path=path, rule=rule.id, other=here[rule.id]))
                continue
            here[rule.id] = path
            by_id[rule.id] = rule
        if errors:
            raise RuleFileError("\n".join(errors))
    return sorted(by_id.values(), key=lambda r: r.id)
