"""A relation a resolver proposes, before the arbiter decides."""

from __future__ import annotations

from auditor.extract.model import Bound
from auditor.records import dataclass


@dataclass(frozen=True, slots=True)
class Candidate:
    """`relation` carries its reason; `total` and `parts` are the fact ids it claims
    (for a list: its total and its added parts), what conflicts are judged on."""

    relation: Bound
    total: int | None = None
    parts: tuple[int, ...] = ()

    @property
    def reason(self) -> str:
        return self.relation.reason

    def describe(self) -> str:
        return f"{self.reason}: total #{self.total}, parts {list(self.parts)}" if self.total is not None \
            else self.reason
