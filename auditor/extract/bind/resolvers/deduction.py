"""扣除…后: an amount, what is taken from it, and what is left, said in one sentence.

    "本期賸餘決算數34億2,779萬7千元,如扣除…各類經費共21億8,051萬3千元(不含…10億2,503萬4千元)後,
     賸餘數將為12億4,748萬4千元"                        → 12.47484 = 34.27797 − 21.80513
    "全县一般公共预算收入12.5亿元,扣除留抵退税1.2亿元后为11.3亿元"  → 11.3 = 12.5 − 1.2

The figure taken away opens with a deduction cue (扣除, 剔除, 减去 …: cue deduction); what is
left is the first amount after its 后, and the whole is the amount before the cue in the
sentence, with those added to it (加计, 连同, 加上), and no other. What is left must name no other thing than the whole (its label says nothing
beyond 后为 …, or shares a word with the whole's): "扣除…后,可用财力11.3亿元" may count
other money. A figure in a bracket of the deduction (不含…) is not taken away.
"""

from __future__ import annotations

from typing import Iterator

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate, difference_claim
from auditor.extract.model import Difference
from auditor.extract.readings import Reading, clean_label

_AMOUNTS = {"labelled", "total"}
_AFTER = lazyre.compile(r"^(?:后|後)")
_FILLER = lazyre.compile(r"^(?:后|後)?(?:的)?(?:则|将|仍|尚|还|实际|净)?(?:剩余|结余|余额|余|剩|有)?(?:将)?(?:为|是|达)?")


def resolve(r: Reading) -> Iterator[Candidate]:
    tree = r.tree
    cue = r.vocab.cue("deduction")
    for node in tree.of_kind("labelled", "words"):
        if not cue.match(clean_label(node.piece.label)):
            continue
        taken, after = [], None
        for k in range(node.index, len(tree)):
            t = tree[k]
            if t.sentence != node.sentence:
                break
            if t.depth > node.depth:
                continue  # (不含…: what the deduction leaves out)
            f = r.facts[k]
            label = clean_label(t.piece.label)
            if k > node.index and _AFTER.match(label):
                after = k
                break
            if f is not None and t.kind in _AMOUNTS and f.kind == "amount":
                taken.append(f)
            elif f is not None:
                break  # (a rate or a change before 后: another statement)
        if after is None or not taken:
            continue
        left = _left(r, after, node.sentence)
        wholes = _wholes(r, node.index)
        if left is None or not wholes or left.is_bound:
            continue
        if any(f.unit != left.unit for f in (*wholes, *taken)):
            continue
        rest = _FILLER.sub("", clean_label(left.label))
        if rest and not any(_shares_word(rest, clean_label(w.label)) for w in wholes):
            continue  # ("扣除…后,可用财力…": what is left names a quantity of its own)
        yield difference_claim(Difference.model_construct(
            difference=left, minuends=tuple(wholes), subtrahends=tuple(taken), name="扣除后的数", rate=None, base=None,
            rivals=(), reason="deduction", via=(), rejected=()))


def _left(r: Reading, after: int, sentence: int):
    """The amount said after 后: the 后 node's own, or the next one in its clause or the next."""
    tree = r.tree
    for k in range(after, min(after + 3, len(tree))):
        t, f = tree[k], r.facts[k]
        if t.sentence != sentence:
            return None
        if f is not None:
            return f if t.kind in _AMOUNTS and f.kind == "amount" and t.depth == tree[after].depth else None
    return None


def _wholes(r: Reading, cue_at: int) -> list:
    """What the deduction is taken from: the one amount before it in its sentence (outside brackets), or a
    first amount and those added to it ("本期賸餘X,加計Y,減除Z後,W": W = X + Y − Z); [] when the sentence
    holds other amounts too ("A开支X,B开支Y,扣除…后": a sum the text does not say) or starts with an addend
    whose base stands in the sentence before."""
    tree = r.tree
    plus = r.vocab.cue("together_with")
    found = []
    for k in range(cue_at - 1, -1, -1):
        t, f = tree[k], r.facts[k]
        if t.sentence != tree[cue_at].sentence:
            break
        if t.depth > tree[cue_at].depth or f is None:
            continue
        if t.kind not in _AMOUNTS or f.kind != "amount":
            return []
        found.append(f)
    found.reverse()
    if not found or plus.match(clean_label(found[0].label)):
        return []
    if any(not plus.match(clean_label(f.label)) for f in found[1:]):
        return []
    return found


def _shares_word(a: str, b: str) -> bool:
    """Two labels with a two-character word in common (賸余数 and 本期賸余决算数)."""
    return any(a[i:i + 2] in b for i in range(len(a) - 1))
