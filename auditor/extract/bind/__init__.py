"""Bind the relations the text states: resolvers propose, one arbiter decides.

    Reading (the text's structure, every figure read)
      → layer 1: lists (其中 / 分别为 / brackets / numbered items / families /
                 合计 / score lists) and changes          → arbiter
      → layer 2: lists that need layer 1 (a paragraph's dimension split),
                 numbered change lists                     → arbiter
      → layer 3: rates and shares, which need every list  → arbiter

Each resolver is a pure function of the reading and of the relations decided
in the layers before it; nothing else is shared.  Every relation names its
reason (bind/reasons.py) and what it beat.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from auditor.extract.bind.arbiter import decide
from auditor.extract.bind.candidate import Candidate
from auditor.extract.bind.resolvers import (bracket_list, change, change_list, dimension_list, family_list,
                                            numbered_items, opener_list, rate, score_list, share, total_after)
from auditor.extract.model import Breakdown, Change, ChangeList, Rate, Share
from auditor.extract.readings import Reading

# layer 1 lists, in precedence order (the arbiter keeps the first of two identical lists)
LIST_RESOLVERS = (opener_list, bracket_list, numbered_items, family_list, total_after, score_list)


@dataclass
class Relations:
    breakdowns: list[Breakdown] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    change_lists: list[ChangeList] = field(default_factory=list)
    rates: list[Rate] = field(default_factory=list)
    shares: list[Share] = field(default_factory=list)


def bind(r: Reading) -> Relations:
    lists = _relations(decide([c for resolver in LIST_RESOLVERS for c in resolver.resolve(r)]))
    changes = _relations(decide(list(change.resolve(r))))
    keyword_at = {node.start: node.index for node in r.tree.nodes if node.kind in change.DIRECTIONS}
    change_at = {keyword_at[c.keyword_span.start]: c for c in changes}
    lists += _relations(decide(list(dimension_list.resolve(r, lists))))
    change_lists = _relations(decide(list(change_list.resolve(r, change_at))))
    rates = _relations(decide(list(rate.resolve(r, lists))))
    shares = _relations(decide(list(share.resolve(r))))
    return Relations(lists, changes, change_lists, rates, shares)


def _relations(candidates: list[Candidate]) -> list:
    return [c.relation for c in candidates]
