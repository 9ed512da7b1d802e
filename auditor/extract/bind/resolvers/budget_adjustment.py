"""A budget as adjusted: the initial budget plus what was added to it is the budget of the whole year.

    "年初预算732.79万元,年中追加23.71万元,全年预算数736.50万元"   → 736.50 = 732.79 + 23.71

Only a clause chain that states the initial budget, then nothing but additions (追加, and cuts 调减 beside them), then the
budget as adjusted (全年预算, 调整后预算) is read, in one unit: another figure between them, or a ';'
(another subject's budget may follow), and the sum may not be the whole story.  A cut or a raise in
a vote (调减, 调增: 改列 against 原列) is difference.py's.
"""

from __future__ import annotations

from typing import Iterator

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate
from auditor.extract.model import Difference
from auditor.extract.readings import Reading, clean_label

# (the funds added may be named: "年内追加自治区水利发展资金185万元", "追加中央补助资金")
_ADDED = lazyre.compile(r"(?:追加|增拨|追加安排)(?:了)?(?:[\u4e00-\u9fff]{0,12}(?:资金|预算|经费))?$")
# (after 其中 the parts are said to make the whole: a 调增 is one of them too)
_ADDED_AFTER = lazyre.compile(r"(?:追加|增拨|追加安排|调增|调剂增加)(?:了)?(?:[\u4e00-\u9fff]{0,12}(?:资金|预算|经费))?$")
_OPENS_PARTS = lazyre.compile(r"[^,;。\d]{0,3}[,:]?\s*(?:其中|包括|含)")


# a sentence that states the budget the adjustments listed before it give: "经上述调整,项目全年预算为635万元"
_AFTER_LISTED = lazyre.compile(r"(?:经|通过|经过)(?:上述|以上|前述|上列|这)[^,;。\d]{0,6}调整[^;。\d]{0,20}$")
_BACK_SENTENCES = 6  # (the adjustments listed one a line, 1. 2. 3., before the sentence that sums them up)
# (a listed adjustment names what it did anywhere in its clause: "追加省级配套资金150万元", "收回闲置资金,调减45万元";
# cues budget_adjustment_added / _raised / _cut)


def resolve(r: Reading) -> Iterator[Candidate]:
    yield from _over_sentences(r)
    cut_said = r.vocab.cue("budget_adjustment_cut")
    for facts in r.facts_by_sentence("amount", prose_only=True):
        initial = [f for f in facts if f.scenario == "budget_initial"]
        adjusted = [f for f in facts if f.scenario == "budget_adjusted"]
        if len(initial) != 1 or len(adjusted) != 1:
            continue
        first, whole = initial[0], adjusted[0]
        if first.span.start < whole.span.start:
            between = [f for f in facts if first.span.start < f.span.start < whole.span.start]
            added = [f for f in between if _ADDED.search(clean_label(f.label)) or _raise_in_clause(r, facts, f)]
            cut = [f for f in between if cut_said.search(clean_label(f.label))]
        elif _OPENS_PARTS.match(r.norm.text, whole.span.end, first.span.start):
            # "全年预算数94.40万元,其中年初预算数76.00万元、年中调增18.40万元": the whole first, its parts after 其中
            between = [f for f in facts if f.span.start > first.span.start]
            added = [f for f in between if _ADDED_AFTER.search(clean_label(f.label))]
            cut = []
            if ";" in r.norm.text[whole.span.end:max(f.span.end for f in [first, *between])]:
                continue
        else:
            continue
        figures = [first, whole, *between]
        if not added or len(added) + len(cut) != len(between) or len({f.unit for f in figures}) != 1 \
                or any(f.is_bound for f in figures) or ";" in r.norm.text[first.span.end:whole.span.start]:
            continue
        yield Candidate(Difference.model_construct(
            difference=whole, minuends=(first, *added), subtrahends=tuple(cut), name="全年预算", rate=None,
            base=None, rivals=(), reason="budget_adjustment", via=(), rejected=()))


def _raise_in_clause(r: Reading, facts, f) -> bool:
    """The clause of `f`, from the figure before it, says it was added ("，8月追加中央财政衔接推进乡村振兴补助资金60万元":
    a month between 追加 and its label), and says no cut; not a 调增, which difference.py reads with the budget it
    changes ("由年初预算590241万元调增29760万元,调整为620001万元")."""
    before = max((g.span.end for g in facts if g.span.end <= f.span.start), default=f.span.start)
    clause = r.norm.text[before:f.span.start]
    return bool(r.vocab.cue("budget_adjustment_added").search(clause)) \
        and not r.vocab.cue("budget_adjustment_cut").search(clause) and len(clause) <= 40


def _over_sentences(r: Reading) -> Iterator[Candidate]:
    """The adjustments listed in sentences of their own (a numbered line each), then a sentence that says the budget
    they give ("经上述调整,项目全年预算为635万元"): the initial budget stated before them plus the raises, less the cuts.

        "年初预算560万元。…1.4月…调增120万元;2.9月…调减45万元。经上述调整,项目全年预算为635万元" → 635 = 560 + 120 − 45

    Read only when every amount between the initial budget and the sentence is a raise or a cut, in one unit."""
    sentences = r.facts_by_sentence("amount", prose_only=True)
    raised, cut_said = r.vocab.cue("budget_adjustment_raised"), r.vocab.cue("budget_adjustment_cut")
    for n, facts in enumerate(sentences):
        adjusted = [f for f in facts if f.scenario == "budget_adjusted"]
        if len(adjusted) != 1 or any(f.scenario == "budget_initial" for f in facts):
            continue
        whole = adjusted[0]
        if facts[0] is not whole or not _AFTER_LISTED.search(r.norm.text, max(0, whole.span.start - 40),
                                                              whole.span.start):
            continue
        between: list = []
        first = None
        for earlier in reversed(sentences[max(0, n - _BACK_SENTENCES):n]):
            for f in reversed(earlier):
                if f.scenario == "budget_initial":
                    first = f
                    break
                label = clean_label(f.label)
                if bool(raised.search(label)) == bool(cut_said.search(label)):
                    between = []
                    break  # (another figure, or one that says both: no adjustment alone)
                between.append(f)
            else:
                continue
            break
        if first is None or not between:
            continue
        between.reverse()
        cut = [f for f in between if cut_said.search(clean_label(f.label))]
        added = [f for f in between if f not in cut]
        figures = [first, whole, *between]
        if not added and not cut or len({f.unit for f in figures}) != 1 or any(f.is_bound for f in figures):
            continue
        yield Candidate(Difference.model_construct(
            difference=whole, minuends=(first, *added), subtrahends=tuple(cut), name="全年预算", rate=None,
            base=None, rivals=(), reason="budget_adjustment", via=(), rejected=()))
