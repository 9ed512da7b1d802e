"""The one conflict policy: which proposed relations are bound.

Precedence, in this order:
1. Two proposals of the same total and the same parts are one relation: the
   first resolver's (in the order of `RESOLVERS`) is kept, the others are
   recorded as what it beat.
2. A list read from the vocabulary alone (a family without a marker) yields to
   any list of the same total that a marker or the layout states.
3. A difference read from the two figures nearest its name yields to the chain
   its sentence signs term by term (加 … 减 …) ending at the same figure.
Every dropped proposal travels with the relation it lost to, in `rejected`.
"""

from __future__ import annotations

from collections import defaultdict

from auditor.extract.bind.candidate import Candidate
from auditor.extract.bind.reasons import strength

# readings that yield to a stated list of the same total
_YIELDING = {"family_list", "three_industries"}
# readings that yield to a signed chain ending at the same figure (wherever it stands among the proposals)
_YIELDING_TO_CHAIN = {"difference_in_sentence"}


def decide(candidates: list[Candidate]) -> list[Candidate]:
    """The candidates that are bound, in proposal order, each with what it beat."""
    kept: list[Candidate] = []
    beaten: dict[int, list[str]] = defaultdict(list)  # index in kept → descriptions
    by_claim: dict[tuple, int] = {}
    stated_totals: dict[int, int] = {}  # total id → index in kept of a stated (non-yielding) list
    chains = {(c.total, c.parts) for c in candidates if c.reason == "signed_chain" and c.total is not None}
    chained = {total for total, _ in chains}
    to_chain: dict[int, list[str]] = defaultdict(list)  # chain total → descriptions of what yields to it
    chain_at: dict[int, int] = {}  # chain total → index in kept of its chain
    for cand in candidates:
        if cand.reason in _YIELDING_TO_CHAIN and chained:
            # (a difference proposed without its claim: the figure it is of)
            figure = cand.total if cand.total is not None else cand.relation.difference.id
            if figure in chained and (figure, cand.parts) not in chains:
                if figure in chain_at:
                    beaten[chain_at[figure]].append(cand.describe())
                else:
                    to_chain[figure].append(cand.describe())
                continue
        if cand.total is not None:
            claim = (cand.total, cand.parts)
            if claim in by_claim:
                beaten[by_claim[claim]].append(f"{cand.reason}: the same list")
                continue
            if cand.reason == "signed_chain":
                chain_at.setdefault(cand.total, len(kept))
                beaten[len(kept)].extend(to_chain.pop(cand.total, ()))
            if cand.reason in _YIELDING and cand.total in stated_totals:
                beaten[stated_totals[cand.total]].append(cand.describe())
                continue
            by_claim[claim] = len(kept)
            if cand.reason not in _YIELDING:
                stated_totals.setdefault(cand.total, len(kept))
        kept.append(cand)
    out = []
    for n, cand in enumerate(kept):
        if beaten.get(n):
            rel = cand.relation.model_copy(update={"rejected": tuple(cand.relation.rejected) + tuple(beaten[n])})
            cand = Candidate(rel, cand.total, cand.parts)
        out.append(cand)
    return out


__all__ = ["decide", "strength"]
