"""Settings for a run: command-line options over configuration files over defaults."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from auditor.check import default_rules
from auditor.check.rulebook import Rule
from auditor.extract.vocabulary import Vocabulary, default_vocabulary


@dataclass(frozen=True)
class Settings:
    lang: str = "zh"
    fail_on: str = "error"
    rule_dirs: tuple[Path, ...] = ()
    extra: dict = field(default_factory=dict)


def resolve(lang: str = "zh", fail_on: str = "error") -> Settings:
    return Settings(lang=lang, fail_on=fail_on)


def rules_for(settings: Settings) -> list[Rule]:
    return default_rules()


def vocabulary_for(settings: Settings) -> Vocabulary:
    return default_vocabulary()
