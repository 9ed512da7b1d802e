"""Shares of parts named in a list, with no amounts: together they are at most all of the whole.

    "公开招标、邀请招标、竞争性谈判和询价分别占采购总规模的77.2%、0.8%、12.2%和9.8%"
        → 77.2 + 0.8 + 12.2 + 9.8 ≤ 100 % (shares_of_named_parts: the names may not be every part —
          "采购方式…分别占…的77.2%、0.8%、2.2%…" may leave some out —, but distinct parts never make more than
          the whole)
"""

from __future__ import annotations

from typing import Iterator

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate
from auditor.extract.model import SharePartition
from auditor.extract.readings import Reading

_AND = lazyre.compile(r"和|及|与|以及")
_REST = lazyre.compile(r"(?:其余|其餘|剩余|剩餘|余下|餘下)(?:的|部分)?")
_NO_SHARE = lazyre.compile(r"率|增|降|减|同比|比上年|较上年|提高|回落")  # (a rate or a change, no share of a whole)


def resolve(r: Reading) -> Iterator[Candidate]:
    yield from _shares_with_remainder(r)
    tree = r.tree
    for s in tree.of_kind("share"):
        i = s.index
        first = r.facts[i]
        if first is None or first.kind != "percent" or i == 0 or tree[i - 1].kind != "fenbie":
            continue
        percents = [first]
        k = i + 1
        while k + 1 < len(tree) and tree[k].separator("、,和及") and tree[k + 1].kind == "labelled" \
                and r.facts[k + 1] is not None and r.facts[k + 1].kind == "percent" and tree[k + 1].clause == s.clause:
            percents.append(r.facts[k + 1])
            k += 2
        names = _names_before(r, i - 1)
        if len(percents) < 2 or len(names) != len(percents) or len(set(names)) != len(names):
            continue
        yield Candidate(SharePartition.model_construct(label=s.piece.label.rstrip("的"), shares=tuple(percents),
                                                       complete=False, reason="shares_of_named_parts",
                                                       via=(), rejected=()))


def _shares_with_remainder(r: Reading) -> Iterator[Candidate]:
    """"依规定分配其中50%供地方政府…、45%供政府补助国民年金,其余5%则挹注全民健康保险准备": percentages of one whole
    that the text closes with the rest (其余/剩余 p%) — all of it, 100 %. The percentages before the rest run back in its
    sentence to the first figure of another kind; a 其中 among them nests one in another, and the reading is open."""
    tree = r.tree
    for s in tree.of_kind("labelled"):
        rest = r.facts[s.index]
        if rest is None or rest.kind != "percent" or not _REST.fullmatch(s.piece.label.strip()):
            continue
        percents = [rest]
        for k in tree.before(s.index, "sentence"):
            t, f = tree[k], r.facts[k]
            if t.kind == "qizhong":
                before = next((r.facts[j] for j in tree.before(k, "sentence") if r.facts[j] is not None), None)
                if before is not None and before.kind == "percent":
                    percents = []  # ("50%上缴中央,其中45%用于…,其余5%…": the rest of which is open)
                break  # ("分配其中50%…、45%…,其余5%…": the list's opener)
            if f is None:
                continue
            if f.kind != "percent" or t.kind != "labelled" or t.depth != s.depth or _NO_SHARE.search(t.piece.label):
                break
            percents.append(f)
            if _REST.search(t.piece.label):
                break  # ("…10%留作管理费用,…其余资金的45%分配给村集体,剩余的55%…": the rest's own partition starts here)
        if len(percents) >= 2:
            yield Candidate(SharePartition.model_construct(label="", shares=tuple(reversed(percents)), complete=True,
                                                           reason="shares_with_remainder", via=(), rejected=()))


def _names_before(r: Reading, j: int) -> list[str]:
    """The names listed right before node j ("公开招标、邀请招标、竞争性谈判和询价"), in its clause, no figure among them."""
    tree = r.tree
    names: list[str] = []
    k = j - 1
    while k >= 0 and tree[k].clause == tree[j].clause:
        t = tree[k]
        if t.kind == "words":
            names[:0] = [n for n in _AND.split(t.piece.label.strip()) if n]
        elif not t.separator("、"):
            break
        k -= 1
    return names
