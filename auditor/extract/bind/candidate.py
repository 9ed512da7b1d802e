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


def difference_claim(relation) -> Candidate:
    """A Difference proposed with the figures it claims (its difference; its minuends and, negated, its subtrahends):
    two readings of one sentence's arithmetic with the same figures in the same roles are one relation."""
    parts = tuple(sorted(f.id for f in relation.minuends)) + tuple(sorted(-f.id - 1 for f in relation.subtrahends))
    return Candidate(relation, relation.difference.id, parts)
