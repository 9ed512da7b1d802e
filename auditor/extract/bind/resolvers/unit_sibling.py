"""An amount in 元 among amounts in 万元 of one list: its unit slipped, by magnitude.

    "项目资金分别用于:设备购置120万元、人员培训85元、宣传印刷60万元。" → 85元 is 85万元?

A list the text opens (其中, 分别为, 包括 …) whose figures are all in 万元 but one in
元, written with digits of the same size as its siblings', when no relation checks
the list's arithmetic (a list with a total is SUM001's, which names a unit slip
when undoing it makes the sum hold).  Only an inference: it may warn, never accuse.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from auditor.extract.bind.candidate import Candidate
from auditor.extract.model import Breakdown, UnitSlip
from auditor.extract.readings import OPENERS, Reading, clean_label

_TEN_THOUSAND = Decimal(10000)
_MIN_SIBLINGS = 2
_LOOK = 200  # pieces a list runs across at most: the reading stays linear in the text


def resolve(r: Reading, lists: list[Breakdown]) -> Iterator[Candidate]:
    tree = r.tree
    in_lists = {f.id for b in lists for f in (b.total, *b.parts, *b.subtracted)}
    per_unit = r.vocab.cue("per_unit")
    for s in tree.of_kind(*OPENERS):
        if s.kind not in OPENERS:
            continue
        run = []
        for k in tree.after(s.index, "sentence", limit=_LOOK):
            t = tree[k]
            if t.kind in OPENERS or t.kind == "total" or t.depth < s.depth:
                break
            f = r.facts[k]
            if f is not None and t.kind == "labelled" and f.kind == "amount" and t.depth == s.depth:
                run.append(f)
        if any(f.id in in_lists for f in run) or any(f.is_bound for f in run):
            continue
        yuan = [f for f in run if f.scale == 1]
        wan = [f for f in run if f.scale == _TEN_THOUSAND]
        if len(yuan) != 1 or len(wan) < _MIN_SIBLINGS or len(yuan) + len(wan) != len(run):
            continue
        odd = yuan[0]
        if per_unit.search(clean_label(odd.label)) or odd.value == 0:
            continue  # "每人200元" is a standard, not a sibling amount
        digits = [f.written_value for f in wan]
        if not (min(digits) / 10 <= odd.written_value <= max(digits) * 10):
            continue  # digits of another size: an amount that small may well be in 元
        yield Candidate(UnitSlip.model_construct(slipped=odd, others=tuple(wan), concept=odd.label[-12:],
                                                 reason="unit_unlike_siblings", via=(), rejected=()))
