"""Rules as data: one TOML file per rule, validated into a `Rule`.

A rule file names its check *kind* (breakdown, rate, change_growth …: the
functions in auditor/check/kinds.py), its parameters, severity, messages in
Chinese and English, and one or more passing and failing examples.  The same
file is the rule's `audit explain` page and its test case.  Errors in a user's
rule file name the file, the line and the problem.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from auditor.resources import data_dir

Severity = Literal["error", "warning", "info"]


class Example(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    text: str
    stated: str | None = Field(None, description="failing examples: the figure the finding must cite")
    note: str = ""


class Examples(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    passing: tuple[Example, ...] = Field(alias="pass", min_length=1)
    failing: tuple[Example, ...] = Field(alias="fail", min_length=1)


class Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[A-Z]{2,4}\d{3}$")
    name: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    summary: str
    summary_en: str = ""
    kind: str
    severity: Severity
    relation: str
    description: str = ""
    source: str = ""
    params: dict[str, Any] = {}
    message: dict[str, str]
    examples: Examples
    path: str = ""

    @field_validator("message")
    @classmethod
    def _has_zh(cls, value: dict[str, str]) -> dict[str, str]:
        if "zh" not in value:
            raise ValueError("message needs a 'zh' entry (and may have 'en')")
        return value

    def with_severity(self, severity: Severity) -> "Rule":
        return self.model_copy(update={"severity": severity})


class RuleFileError(Exception):
    """A rule file that cannot be used; str() names file, line and problem."""


def _line_of(source: str, key: str) -> int:
    """Best-effort line of a key in a TOML source, for error messages."""
    top = key.split(".")[0]
    for n, line in enumerate(source.splitlines(), 1):
        if re.match(rf"\s*(\[+\s*)?{re.escape(top)}\b", line):
            return n
    return 1


def load_rule_file(path: Path, known_kinds: set[str] | None = None) -> Rule:
    source = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        line = match.group(1) if match else "?"
        raise RuleFileError(f"{path}:{line}: not valid TOML: {exc}") from None
    try:
        rule = Rule.model_validate({**data, "path": str(path)})
    except ValidationError as exc:
        first = exc.errors()[0]
        key = ".".join(str(p) for p in first["loc"])
        line = _line_of(source, key) if first["loc"] else 1
        problem = first["msg"]
        if first["type"] == "extra_forbidden":
            problem = f"unknown key {key!r}"
        elif first["type"] == "missing":
            problem = f"missing key {key!r}"
        else:
            problem = f"{key}: {problem}"
        raise RuleFileError(f"{path}:{line}: {problem}") from None
    if known_kinds is not None and rule.kind not in known_kinds:
        line = _line_of(source, "kind")
        raise RuleFileError(
            f"{path}:{line}: unknown kind {rule.kind!r} (known: {', '.join(sorted(known_kinds))})")
    return rule


def builtin_rule_dir() -> Path:
    return data_dir("rules")


def load_rules(extra_dirs: list[Path] | None = None, known_kinds: set[str] | None = None) -> list[Rule]:
    """Built-in rules, then rules from `extra_dirs` (a later file with the same ID replaces it)."""
    by_id: dict[str, Rule] = {}
    for folder in [builtin_rule_dir(), *(extra_dirs or [])]:
        if not folder.is_dir():
            raise RuleFileError(f"{folder}: rule folder not found")
        for path in sorted(folder.glob("*.toml")):
            if path.name == "vocabulary.toml":
                continue
            rule = load_rule_file(path, known_kinds)
            by_id[rule.id] = rule
    return sorted(by_id.values(), key=lambda r: r.id)
