"""A total followed, without a marker, by every member of its vocabulary family.

    "2020年支出1241.76万元,商品和服务支出791.68万元、对个人和家庭的补助228.02万元、资本性支出222.06万元"

Members named by a change ("主要是增加基本支出8362万元、项目支出1900万元") are the changes, no parts.
"""

from __future__ import annotations

from typing import Iterator

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate
from auditor.extract.bind.lists import adds_up, family_complete, make_breakdown
from auditor.extract.model import Fact
from auditor.extract.readings import OPENERS, Reading, clean_label


def resolve(r: Reading) -> Iterator[Candidate]:
    tree = r.tree
    as_change = r.vocab.cue("stated_as_change")
    for s in tree.of_kind("labelled"):
        f = r.facts[s.index]
        if f is None or s.kind != "labelled" or f.kind != "amount":
            continue
        families = r.vocab.families_of_total(f.concept)
        if not families:
            continue
        family = families[0]
        parts: list[Fact] = []
        for k in tree.after(s.index, "sentence"):
            t = tree[k]
            if t.kind in OPENERS:
                break
            g = r.facts[k]
            if g is None or t.kind != "labelled" or g.kind != "amount":
                continue
            if as_change.match(clean_label(g.label)):
                break  # "比上年增加10262万元,主要是增加基本支出8362万元、项目支出1900万元": the changes
            if g.concept in family.members and g.concept not in {p.concept for p in parts}:
                parts.append(g)
            else:
                break
        if any(_other_period(f, p) for p in parts):
            continue  # ("上年末…债务余额221.01亿元,本年末一般债务86.84亿元、专项债务140.17亿元": another year's parts)
        whole = next((g for g in (r.facts[k] for k in tree.before(s.index, "sentence"))
                      if g is not None and g.kind == "amount" and g.concept in family.totals and adds_up(g, parts)), None) \
            if len(parts) >= 2 and not adds_up(f, parts) else None
        if whole is not None:
            # ("支出合计3256.80万元,其中:基本支出…,项目支出1150.40万元;工资福利支出…,商品和服务支出…,资本性支出…": the members make
            # the total before — another cut of it, not the last part's own list)
            continue
        if len(parts) >= 2 and family_complete(r, f, parts):
            made = make_breakdown(r, f, parts, "family", True, "family_list")
            if made:
                yield made


_LAST_YEAR = {"上年", "previous"}
_THIS_YEAR_WORD = lazyre.compile(r"(?<!上)(?:本年|当年|今年|年末|年底)")


def _other_period(total: Fact, part: Fact) -> bool:
    """The part is of another year than the total: both name a year and they differ, or the total is last
    year's and the part's words say this year's (or the other way round)."""
    if total.period and part.period and total.period != part.period:
        return True
    if total.period in _LAST_YEAR and not part.period and _THIS_YEAR_WORD.search(part.label):
        return True
    return part.period in _LAST_YEAR and not total.period and bool(_THIS_YEAR_WORD.search(total.label))
