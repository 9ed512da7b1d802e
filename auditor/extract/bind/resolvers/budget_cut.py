"""A council's cut of a budget: the amount proposed, the cut, and the amount passed (passed = proposed − cut).

    "歲出預算1,504億8,262萬4千元,刪減207萬3千元,修正通過1,504億8,055萬1千元"     → 207.3 = 1,504,8262.4 − 1,504,8055.1 (萬)
    "總預算編列2,266億569萬3千元,…,經議會決議刪減8023萬元後,今日三讀通過2265億2546萬3000元"
    "歲出預算數302億1,292萬9,000元整…。…歲出部分則修正通過,共刪除1,350萬元,歲出預算數為301億9942萬9000元"
    "債務基金原列基金來源9129億…元,…。審議結果,減列基金來源10億0601萬4千元,改列為9119億6125萬1千元"

The cut is an amount named by the cut alone (刪減, 刪除, 減列, 統刪: cue budget_cut) or by the cut and what it is of
(減列基金來源: cue budget_cut_of); what passed is the next figure of its sentence, of its unit, right after it, with
no word of refusal between them (未通過, 不予, 維持原案: cue budget_cut_refused).  What was proposed is:
- for a cut that names what it is of, the nearest amount before it in its paragraph named so ("原列基金來源");
- for a result named as passed or restated (通過, 修正後, 改列: cue budget_cut_passed), the nearest amount before the cut
  in its sentence, named as proposed (編列, 原列, …預算: cue budget_cut_proposed) — no other cut between them
  ("刪減交通局5000萬元、社會局3000萬元,通過…": a cut of several items, whose parts' sum the reading does not take);
- for a result that names a quantity of its own ("歲出預算數為…"), the nearest amount of that quantity and year before the
  cut in its paragraph.
"""

from __future__ import annotations

from typing import Iterator

from auditor.extract.bind.candidate import Candidate, difference_claim
from auditor.extract.model import Difference, Fact, period_of
from auditor.extract.readings import Reading, clean_label, part_start

_FIGURES = {"labelled", "total"}
_CUTS = {"labelled", "increase", "decrease", "words"}
_LOOK_BACK = 64


def resolve(r: Reading, read: set[int]) -> Iterator[Candidate]:
    """`read`: the ids of the differences the named differences (resolver difference) read already."""
    tree = r.tree
    cut_cue, cut_of = r.vocab.cue("budget_cut"), r.vocab.cue("budget_cut_of")
    passed_cue, refused = r.vocab.cue("budget_cut_passed"), r.vocab.cue("budget_cut_refused")
    for node in tree.of_kind(*_CUTS):
        cut = r.facts[node.index]
        if cut is None or cut.kind != "amount" or cut.is_bound or cut.in_table or cut.id in read:
            continue
        label = clean_label(cut.label)
        named = cut_of.search(label)
        if not (cut_cue.search(label) or named) or label.startswith(("其中", "包括", "含")):
            continue
        respective = _respective(r, node.index)
        if respective is not None:
            if respective is not False:
                yield respective
            continue
        k_passed = _next_figure(r, node.index)
        if k_passed is None:
            continue
        passed = r.facts[k_passed]
        if passed.kind != "amount" or passed.unit != cut.unit or passed.is_bound or tree[k_passed].kind not in _FIGURES \
                or tree[k_passed].depth != node.depth:
            continue
        passed_label = clean_label(passed.label)
        if cut_cue.search(passed_label) or cut_of.search(passed_label) \
                or refused.search(r.norm.text, cut.span.end, passed.span.start):
            continue  # (another cut, or one the council did not make: "刪減1億元未獲通過,維持原列…")
        if named:
            proposed = _named_before(r, node.index, named.group("subject"))
        elif passed_cue.search(passed_label):
            proposed = _proposed_before(r, node.index, bool(r.vocab.cue("budget_cut_net").search(_clause_before(r, cut))))
        else:
            proposed = _same_quantity_before(r, node.index, passed)
        if proposed is None or proposed.is_bound or proposed.unit != cut.unit \
                or period_of(proposed, r.report_year) != period_of(passed, r.report_year):
            continue
        if any(_runs_on(r.norm.text, f) for f in (proposed, cut, passed)):
            continue  # ("改列為3308億7692" cut off at the line's end: the figure read is a piece of it)
        yield difference_claim(Difference.model_construct(
            difference=cut, minuends=(proposed,), subtrahends=(passed,), name="减列", rate=None, base=None,
            rivals=(), reason="budget_cut", via=(), rejected=()))


def _respective(r: Reading, i: int):
    """"歲入編列1,500億元刪減4億元、歲出編列1,620億元刪減6億元,分別通過1,496億元及1,614億元": cuts each right after the
    amount proposed, then 分别 what passed of each, in order — the cut at node i against the amount right before it and
    the passed figure of its rank.  None when no 分别 follows the cut in its sentence; False when one does and the
    reading is not that (as many cuts as figures passed, each cut right after an amount named as proposed)."""
    tree = r.tree
    opener = next((k for k in tree.after(i, "sentence", limit=16) if tree[k].kind == "fenbie"), None)
    if opener is None:
        return None
    after = [k for k in tree.after(opener, "sentence", limit=12) if r.facts[k] is not None]
    passed = [r.facts[k] for k in after if tree[k].clause == tree[after[0]].clause]
    cuts, proposed = [], []
    before = [k for k in tree.before(opener, "sentence", limit=32) if r.facts[k] is not None][::-1]
    for a, b in zip(before, before[1:]):
        if _is_cut(r, r.facts[b]):
            cuts.append(b)
            proposed.append(r.facts[a])
    if i not in cuts or len(cuts) != len(passed) or len(cuts) < 2:
        return False
    rank = cuts.index(i)
    cut, before_cut, after_cut = r.facts[i], proposed[rank], passed[rank]
    if not r.vocab.cue("budget_cut_proposed").search(clean_label(before_cut.label)) \
            or any(f.kind != "amount" or f.unit != cut.unit or f.is_bound for f in (before_cut, after_cut)):
        return False
    return difference_claim(Difference.model_construct(
        difference=cut, minuends=(before_cut,), subtrahends=(after_cut,), name="减列", rate=None, base=None,
        rivals=(), reason="budget_cut", via=("in the order 分别 says",), rejected=()))


def _runs_on(text: str, f: Fact) -> bool:
    """Digits go on right after the figure: it was read as a piece of a longer number."""
    return f.span.end < len(text) and text[f.span.end].isdigit()


def _next_figure(r: Reading, i: int) -> int | None:
    """The node of the first figure after node i in its sentence."""
    for k in r.tree.after(i, "sentence", limit=8):
        if r.facts[k] is not None:
            return k
    return None


def _is_cut(r: Reading, f: Fact) -> bool:
    label = clean_label(f.label)
    return bool(r.vocab.cue("budget_cut").search(label) or r.vocab.cue("budget_cut_of").search(label))


def _amounts_before(r: Reading, i: int, within: str) -> Iterator[Fact]:
    """The amounts of the unit of node i's figure before it in its `within` unit, nearest first (outside tables)."""
    tree, unit = r.tree, r.facts[i].unit
    for k in tree.before(i, within, limit=_LOOK_BACK):
        f = r.facts[k]
        if f is not None and f.kind == "amount" and f.unit == unit and not f.in_table \
                and (tree[k].kind in _FIGURES or tree[k].kind in _CUTS):
            yield f


def _named_before(r: Reading, i: int, subject: str) -> Fact | None:
    """"原列基金來源9129億…元, …。…減列基金來源10億…元": the nearest amount before the cut whose name ends with what
    the cut is of."""
    for f in _amounts_before(r, i, "paragraph"):
        if _is_cut(r, f):
            continue  # (the cut of another amount before it: "減列基金來源…,改列為…;減列基金用途…")
        if clean_label(f.label).endswith(subject):
            return f
    return None


def _proposed_before(r: Reading, i: int, net: bool = False) -> Fact | None:
    """The nearest amount before the cut in its sentence, named as the amount proposed — for a net cut (實際刪減, 共刪減:
    cue budget_cut_net), past the cuts and the amounts restored it nets ("原列200億元,經分組審查刪減3億元,嗣經大會復議,
    恢復其中1億元,實際刪減2億元,三讀通過198億元": cue budget_cut_restored; "刪減交通局預算5000萬元、社會局預算3000萬元,共刪減
    8000萬元": the items of a list of cuts)."""
    proposed, passed = r.vocab.cue("budget_cut_proposed"), r.vocab.cue("budget_cut_passed")
    restored, cut_said = r.vocab.cue("budget_cut_restored"), r.vocab.cue("budget_cut_said")
    for f in _amounts_before(r, i, "sentence"):
        label = clean_label(f.label)
        if passed.search(label):
            return None  # (what passed after another cut: "歲入共刪減…,修正後預算數是…;歲出共刪減…")
        if _is_cut(r, f) or (net and (restored.search(said := _clause_before(r, f)) or cut_said.search(said))):
            if net:
                continue
            return None  # (another cut)
        return f if proposed.search(label) else None
    return None


def _clause_before(r: Reading, f: Fact) -> str:
    """The words of f's clause before it ("實際" of "實際刪減2億元", "恢復其中" of "恢復其中1億元"), whatever nodes hold them."""
    text = r.norm.text
    return text[part_start(text, f.span.start, ",，;；。\n"):f.span.start]


def _same_quantity_before(r: Reading, i: int, passed: Fact) -> Fact | None:
    """"歲出預算數302億…元…。…共刪除1,350萬元,歲出預算數為301億…元": the nearest amount before the cut of the
    quantity the figure after it names, in its basis."""
    if not passed.concept or passed.scenario is None:
        return None
    for f in _amounts_before(r, i, "paragraph"):
        if _is_cut(r, f):
            return None
        if f.concept == passed.concept:
            return f if f.scenario == passed.scenario else None
    return None
