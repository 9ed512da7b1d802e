"""The schema of audit.toml / [tool.audit], in pydantic.

Imported only when a configuration file is read (`config.load_file`): a run
without one never pays for pydantic's model machinery.  `config._problem` puts
the errors into words.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import PydanticCustomError

__all__ = ["File", "ValidationError"]


class Family(BaseModel):
    model_config = ConfigDict(extra="forbid")
    totals: list[str] = Field(min_length=1)
    parts: list[str] = Field(min_length=1)
    optional: list[str] = []
    alternatives: dict[str, list[str]] = {}
    open: bool = False


class Vocabulary(BaseModel):
    model_config = ConfigDict(extra="forbid")
    concepts: dict[str, list[str]] = {}
    families: dict[str, Family] = {}

    @field_validator("concepts")
    @classmethod
    def _no_empty(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for name, synonyms in value.items():
            if not name.strip() or any(not s.strip() for s in synonyms):  # worded by config._problem
                raise PydanticCustomError("empty_name", "concept {name}: names and synonyms must not be empty",
                                          {"name": repr(name)})
        return value


class File(BaseModel):
    """The schema of audit.toml / [tool.audit]."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    lang: Literal["zh", "en"] | None = None
    fail_on: Literal["error", "warning", "info", "never"] | None = Field(None, alias="fail-on")
    select: list[str] = []
    ignore: list[str] = []
    rules: list[str] = []
    baseline: str | None = None
    severity: dict[str, Literal["error", "warning", "info"]] = {}
    params: dict[str, dict[str, Any]] = {}
    grade_bands: dict[str, int | float] = Field({}, alias="grade-bands")
    vocabulary: Vocabulary = Vocabulary()
