"""A running total rolled forward in prose: the total at last year's end plus what the year added is the total at
its end.

    "全年新增缴存额86.43亿元,年末缴存总额1254.67亿元,缴存余额512.38亿元(注:上年末缴存总额1168.24亿元,…)"
                                                                            → 1254.67 = 1168.24 + 86.43

A 总额 of deposits (缴存总额, 累计 …) only ever grows by the year's new amount — unlike a 余额, which withdrawals take
from, so the other figures of the sentence (a 余额 beside it) are no part of it.  Read only in one sentence with one
opening total (上年末 / 年初 X总额), one closing total (年末 X总额) and one new amount (新增 X额) of the one same
account X, no other figure of that account, all of one unit.  The cue words are the vocabulary's
(cumulative_opening, cumulative_closing, cumulative_added: each names its account as the group `account`).
"""

from __future__ import annotations

from typing import Iterator

from auditor.extract.bind.candidate import Candidate, difference_claim
from auditor.extract.model import Difference
from auditor.extract.readings import Reading, clean_label


def resolve(r: Reading) -> Iterator[Candidate]:
    cues = [r.vocab.cue(name) for name in ("cumulative_opening", "cumulative_closing", "cumulative_added")]
    for facts in r.facts_by_sentence("amount", prose_only=True):
        if len(facts) < 3:
            continue
        roles: dict[str, list] = {}
        for f in facts:
            label = clean_label(f.label)
            for role, cue in zip(("opening", "closing", "added"), cues):
                m = cue.search(label)
                if m:
                    roles.setdefault(m.group("account"), []).append((role, f))
                    break
        for account, found in roles.items():
            by_role = {role: [f for rl, f in found if rl == role] for role in ("opening", "closing", "added")}
            if any(len(fs) != 1 for fs in by_role.values()):
                continue
            opening, closing, added = (by_role[role][0] for role in ("opening", "closing", "added"))
            figures = (opening, closing, added)
            if len({f.unit for f in figures}) != 1 or any(f.is_bound for f in figures):
                continue
            # (no other total of the account in the sentence: a 缴存总额 of another kind or place)
            if any(f not in figures and account + "总额" in clean_label(f.label) for f in facts):
                continue
            yield difference_claim(Difference.model_construct(
                difference=closing, minuends=tuple(sorted((opening, added), key=lambda f: f.span.start)),
                subtrahends=(), name="年末余额", rate=None, base=None, rivals=(), reason="cumulative_total", via=(),
                rejected=()))
