"""The schema of a rule file, in pydantic: the judge of any file that is not plainly well formed.

`rulebook.load_rule_file` reads a file whose keys are all known and whose values
are all of their exact types straight into a `Rule`; every other file is
validated here, so each problem is reported in pydantic's terms (which
`rulebook._problem` puts into words).  Imported only then: pydantic's model
machinery costs a start of `audit` more than the whole check of a report.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import PydanticCustomError

__all__ = ["RuleFile", "ValidationError"]


class ExampleFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    text: str
    stated: str | None = Field(None, description="failing examples: the figure the finding must cite")
    note: str = ""


class ExamplesFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    passing: tuple[ExampleFile, ...] = Field(alias="pass", min_length=1)
    failing: tuple[ExampleFile, ...] = Field(alias="fail", min_length=1)


class RuleFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[A-Z]{2,4}\d{3}$")
    name: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    summary: str
    summary_en: str = ""
    kind: str
    severity: Literal["error", "warning", "info"]
    relation: str
    description: str = ""
    source: str = ""
    params: dict[str, Any] = {}
    message: dict[str, str]
    examples: ExamplesFile
    path: str = ""

    @field_validator("message")
    @classmethod
    def _has_zh(cls, value: dict[str, str]) -> dict[str, str]:
        if "zh" not in value:  # worded by rulebook._problem, in the language of the run
            raise PydanticCustomError("message_zh", "message needs a 'zh' entry (and may have 'en')")
        return value
