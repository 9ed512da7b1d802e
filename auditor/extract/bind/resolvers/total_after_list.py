"""A total stated after the list it sums: numbered items then 以上共计, or 分别为 … 共计(发放).

    "1.设备购置50万元;\\n2.人员培训40万元;\\n3.宣传印刷20万元。\\n以上共计120万元。"
        → 120 = 50 + 40 + 20  (total_after_items)
    "培训分别为:农民200人、干部50人、技术员30人,共计培训300人。"
        → 300 = 200 + 50 + 30  (total_after_respectively: the total may name itself)

A 共计/合计 that opens its sentence (with nothing before it but 以上, 上述, N项 …)
right after a run of numbered items sums the items, one figure each (an item
without a figure of the total's kind leaves the list open: nothing is bound).
After 分别为 with no figure before it in its sentence, the parts are the figures
up to the 共计 that closes them.
"""

from __future__ import annotations

from typing import Iterator

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate
from auditor.extract.bind.lists import make_breakdown
from auditor.extract.bind.resolvers.numbered_items import item_runs
from auditor.extract.readings import OPENERS, Reading, clean_label

_LOOK = 200


def resolve(r: Reading) -> Iterator[Candidate]:
    yield from _after_items(r)
    yield from _after_respectively(r)


def _opens_with_total(r: Reading, i: int) -> bool:
    """The total at node i opens its sentence, or only generic words (以上, 上述 …) stand before it."""
    tree = r.tree
    generic = r.vocab.cue("generic_total_name")
    for j in tree.before(i, "sentence"):
        t = tree[j]
        if t.kind == "item" or t.is_separator:
            continue
        if t.kind == "words" and generic.fullmatch(clean_label(t.piece.label)):
            continue
        return False
    return True


def _after_items(r: Reading) -> Iterator[Candidate]:
    tree = r.tree
    last_of = None
    for s in tree.of_kind("total"):
        total = r.facts[s.index]
        if s.kind != "total" or total is None or total.kind not in {"amount", "count"} or total.is_bound:
            continue
        if not _opens_with_total(r, s.index):
            continue
        if last_of is None:  # the runs of numbered items, once, when a total could follow one
            last_of = {run[-1]: run for run in item_runs(r)}        # the nearest item marker before the total, with no other total between
        k = s.index - 1
        while k >= 0 and s.index - k < _LOOK and tree[k].kind != "item" and tree[k].kind != "total":
            k -= 1
        run = last_of.get(k) if k >= 0 and tree[k].kind == "item" else None
        if run is None or tree[k].depth != s.depth or s.paragraph - tree[k].paragraph > 1:
            continue
        parts = []
        for start, stop in zip(run, [*run[1:], s.index]):
            found = next((r.facts[m] for m in range(start + 1, stop)
                          if r.facts[m] is not None and tree[m].kind == "labelled" and tree[m].depth == s.depth
                          and r.facts[m].kind == total.kind and r.facts[m].unit == total.unit), None)
            if found is None or found.is_bound:
                parts = []
                break
            parts.append(found)
        if len(parts) >= 2:
            made = make_breakdown(r, total, parts, "合计", True, "total_after_items")
            if made:
                yield made


_NAMED_TOTAL = lazyre.compile(r"^(?:共计|合计|总计|累计|共)[\u4e00-\u9fff]{0,4}$")


def _after_respectively(r: Reading) -> Iterator[Candidate]:
    tree = r.tree
    for s in tree.of_kind("total", "labelled"):
        total = r.facts[s.index]
        if total is None or total.kind not in {"amount", "count"} or total.is_bound:
            continue
        # "共计100万元", or "共计发放120万元": a total that names what it sums
        if s.kind != "total" and not (s.kind == "labelled" and _NAMED_TOTAL.match(clean_label(s.piece.label))):
            continue
        opener = None
        parts = []
        for j in tree.before(s.index, "sentence", limit=_LOOK):
            t = tree[j]
            if t.kind in OPENERS:
                opener = t
                break
            if t.kind == "total":
                break
            f = r.facts[j]
            if f is not None and t.kind == "labelled" and t.depth == s.depth and f.kind == total.kind \
                    and f.unit == total.unit:
                parts.append(f)
        if opener is None or opener.kind != "fenbie" or len(parts) < 2 or any(p.is_bound for p in parts):
            continue
        # a figure before 分别为 in its sentence is the list's own total (opener_list's reading)
        if any(r.facts[j] is not None and r.facts[j].kind == total.kind and r.facts[j].unit == total.unit
               for j in tree.before(opener.index, "sentence", limit=_LOOK)):
            continue
        made = make_breakdown(r, total, list(reversed(parts)), "分别为", True, "total_after_respectively")
        if made:
            yield made
