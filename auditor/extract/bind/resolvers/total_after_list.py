"""A total stated after the list it sums: numbered items then 以上共计, or 分别为 … 共计(发放).

    "1.设备购置50万元;\\n2.人员培训40万元;\\n3.宣传印刷20万元。\\n以上共计120万元。"
        → 120 = 50 + 40 + 20  (total_after_items)
    "培训分别为:农民200人、干部50人、技术员30人,共计培训300人。"
        → 300 = 200 + 50 + 30  (total_after_respectively: the total may name itself)
    "中央资金125.5万元\n省级资金91.2万元\n市级资金24.6万元\n以上资金合计241.3万元。"
        → 241.3 = 125.5 + 91.2 + 24.6  (total_after_lines: a line per item, no numbers)

A 共计/合计 that opens its sentence (with nothing before it but 以上, 上述, N项 …)
right after a run of numbered items sums the items, one figure each (an item
without a figure of the total's kind leaves the list open: nothing is bound).
After 分别为 with no figure before it in its sentence, the parts are the figures
up to the 共计 that closes them.  Lines that each state one figure and nothing
else, set apart from what comes before them by a line without figures (a
heading), are the items of the 合计 line right after them.
"""

from __future__ import annotations

from typing import Iterator

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate
from auditor.extract.bind.lists import make_breakdown
from auditor.extract.bind.resolvers.numbered_items import item_runs
from auditor.extract.model import Fact
from auditor.extract.readings import OPENERS, Reading, clean_label

_LOOK = 200


def resolve(r: Reading) -> Iterator[Candidate]:
    yield from _after_items(r)
    yield from _after_respectively(r)
    yield from _after_lines(r)


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


def _after_lines(r: Reading) -> Iterator[Candidate]:
    """"中央资金125.5万元\n省级资金91.2万元\n以上资金合计216.7万元": a 合计 line right after lines of
    one figure each sums them — only when a line without figures (a heading, or the text's start)
    bounds them above, so that every item is in view; a line above them that states figures of its
    own (a total, a sentence) leaves the list's extent open, and nothing is bound."""
    tree = r.tree
    for s in tree.of_kind("total"):
        total = r.facts[s.index]
        if total is None or total.kind not in {"amount", "count"} or total.is_bound:
            continue
        if not _opens_with_total(r, s.index) or _figures_on_line(r, s.paragraph) != [s.index]:
            continue
        parts: list[Fact] = []
        line = tree.paragraph_lines[s.paragraph][0]
        p = s.paragraph - 1
        bounded = False
        while True:
            if not tree.has_paragraph(p) or tree.paragraph_lines[p][1] != line - 1:
                bounded = True  # a line without figures above the run, or the text's start
                break
            figures = _figures_on_line(r, p)
            first, last = tree.paragraph_lines[p]
            if first != last or len(figures) != 1:
                break  # a line of several figures (or wrapped over lines) above: the run's extent is open
            if any(tree[k].kind not in {"labelled", "sep"} for k in tree.paragraph_nodes(p)):
                break  # numbered items (_after_items reads them), a 其中 line, words after the figure: no plain item
            k = figures[0]
            f = r.facts[k]
            if tree[k].kind != "labelled" or tree[k].depth != 0 or f.kind != total.kind or f.unit != total.unit \
                    or f.is_bound or _SUBTOTAL.search(clean_label(f.label)):
                break
            parts.append(f)
            line, p = first, p - 1
        if not bounded or len(parts) < 2:
            continue
        made = make_breakdown(r, total, list(reversed(parts)), "合计", True, "total_after_lines")
        if made:
            yield made


_SUBTOTAL = lazyre.compile(r"其中|小计|合计|总计|共计|总额")


def _figures_on_line(r: Reading, paragraph: int) -> list[int]:
    """The nodes of a paragraph that state a figure."""
    return [k for k in r.tree.paragraph_nodes(paragraph) if r.facts[k] is not None]
