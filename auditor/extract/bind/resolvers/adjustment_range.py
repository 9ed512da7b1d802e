"""调增 / 调减 X, 由A调整为B: an adjustment said first, then the budget it was made to, from what to what.

    "调减一般公共预算收入18133万元,由年初预算的77133万元调整为59000万元。"       → 18133 = 77133 − 59000
    "调增收入预算4.33亿元。一般公共预算总收入从第一次预算调整的137.58亿元调至141.91亿元。"  → 4.33 = 141.91 − 137.58

The adjustment opens its label (cue adjustment_said_first: 调增, 调减, 追加, 追减 — not "收入预算调减X", a change node
change.py reads) and is the first amount of its sentence.  The range is the next two amounts: in its own sentence right
after it (its clause then says nothing but 由/从 … A, cue from_figure, or names the adjustment's own subject again;
a second arrival after B leaves the range unsaid), or, where its sentence states it alone, in the
next sentence on its line, which states those two only and opens with no 其中 (a part's adjustment is no range of the
whole's: "调增332.60万元。其中:税收收入由…调整为…").  The words between A and B say only where it went (cue to_figure:
调整为, 调至 …), in no direction against the adjustment's ("调增…,…相应由A调减为B"), and B is no first of a 分别 run
("分别由A、B调整为C、D"); the adjustment's label names no arrival ("调出资金由0调增至35000万元").  Anything else and
nothing is read.  An adjustment said after its subject ("政府性基金预算收入调增6350万元", a change node) is read only
by the next sentence that names that very subject again (its range: "政府性基金预算收入从…54210万元调到60560万元").
"""

from __future__ import annotations

from typing import Iterator

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate
from auditor.extract.model import Difference, Fact
from auditor.extract.readings import Reading, clean_label

_RAISED = lazyre.compile(r"调增|追加")
# an adjustment said after its subject, its range only in the next sentence naming that subject again ("政府性基金预算收入
# 调增6350万元。政府性基金预算收入从年初预算的54210万元调到66560万元")
_SAID_AFTER = lazyre.compile(r"^(?P<subject>[\u4e00-\u9fff]{2,20}?)(?P<verb>调增|调减|追加|追减)$")
# the adjustment's label says where something went, not what was adjusted ("调出资金由0调增至35000万元": a figure arrived at)
_ARRIVED = lazyre.compile(r"(?:至|为|到)$")
# the range's own direction ("由286400万元调减为251400万元"), against the adjustment's
_RANGE_UP, _RANGE_DOWN = lazyre.compile(r"[增升加]"), lazyre.compile(r"[减降]")
_RUN_AFTER = lazyre.compile(r"\s*[、和及与]")


def resolve(r: Reading) -> Iterator[Candidate]:
    tree = r.tree
    text = r.norm.text
    first_said = r.vocab.cue("adjustment_said_first")
    from_figure, to_figure = r.vocab.cue("from_figure"), r.vocab.cue("to_figure")
    parts = r.vocab.cue("offset_parts")
    for node in tree.of_kind("labelled", "increase", "decrease"):
        x = r.facts[node.index]
        if x is None or x.kind != "amount" or x.is_bound:
            continue
        if node.kind == "labelled":
            label = clean_label(node.piece.label)
        else:
            # (a change node: "政府性基金预算收入调增6350万元", the subject the words node before it, the verb before the figure)
            before = node.index - 1
            if before < 0 or tree[before].kind != "words" or tree[before].sentence != node.sentence:
                continue
            label = clean_label(tree[before].piece.label) + text[tree[before].end:x.span.start].strip()
        m = first_said.match(label) if node.kind == "labelled" else None
        trailing = None if m is not None else _SAID_AFTER.match(label)
        if (m is None and trailing is None) or _ARRIVED.search(label):
            continue
        own = _amounts(r, tree.unit("sentence", node.index))
        if not own or own[0] is not x:
            continue
        reason = "adjustment_range"
        if len(own) >= 3 and trailing is None:
            a, b = own[1], own[2]
            if not _same_subject(r, label[m.end():], text[x.span.end:a.span.start].lstrip(",，、 ")):
                continue  # ("调增一般公共预算收入4.33亿元,一般公共预算支出由137.58亿元调整为141.00亿元": another subject's range)
            if len(own) > 3 and _ends_with(to_figure, text[b.span.end:own[3].span.start].rstrip()):
                continue  # ("…由年初预算的10.00亿元调整为9.50亿元,加上上级补助收入后调整为9.00亿元": which range is adjusted, unsaid)
        elif len(own) == 1:
            last = tree.unit("sentence", node.index)[-1]
            if last + 1 >= len(tree) or tree[last + 1].paragraph != node.paragraph:
                continue
            nxt = _amounts(r, tree.unit("sentence", last + 1))
            if len(nxt) != 2:
                continue
            a, b = nxt
            reason = "adjustment_range_next_sentence"
            opening = text[text.find("。", x.span.end) + 1:a.span.start]
            if parts.search(opening):
                continue
            if not _same_subject(r, label[m.end():] if m is not None else trailing.group("subject"), opening,
                                 named=trailing is not None):
                continue  # ("调减一般公共预算支出1800万元。预备费从…3000万元调至2000万元": a part's range, not the whole's)
        else:
            continue
        between = text[x.span.end:a.span.start]
        if "\n" in between or parts.search(between) or not from_figure.search(between.rstrip()):
            continue
        to = text[a.span.end:b.span.start].strip()
        if not to_figure.match(to) or _RUN_AFTER.match(text, b.span.end):
            continue
        raised = bool(_RAISED.search(m.group() if m is not None else trailing.group("verb")))
        if (_RANGE_DOWN if raised else _RANGE_UP).search(to):
            continue  # ("…调增…,基金预算支出相应由286400万元调减为251400万元": another subject's range, going the other way)
        if any(f.unit != x.unit or f.is_bound for f in (a, b)):
            continue
        minuend, subtrahend = (b, a) if raised else (a, b)
        yield Candidate(Difference.model_construct(
            difference=x, minuends=(minuend,), subtrahends=(subtrahend,), name="净增" if raised else "减列",
            rate=None, base=None, rivals=(), reason=reason, via=(), rejected=()))


def _same_subject(r: Reading, adjusted: str, opening: str, named: bool = False) -> bool:
    """The next sentence's subject, the words before its 由/从, is none or the adjustment's own, once the words of the
    fund, level and budget (cue adjustment_subject_filler) are dropped from both; `named` (an adjustment said after its
    subject, "政府性基金预算收入调增6350万元"): the subject named again, never none."""
    cut = max(opening.rfind("由"), opening.rfind("从"))
    subject = opening[:cut] if cut >= 0 else opening
    filler = r.vocab.cue("adjustment_subject_filler")
    said, own = filler.sub("", subject), filler.sub("", adjusted)
    if named:
        return bool(own) and said == own and bool(subject.strip())
    return not said or said == own


def _ends_with(cue, words: str) -> bool:
    """The words end with the cue (an anchored one: to_figure), tried on their last dozen characters."""
    return any(cue.match(words[k:]) for k in range(max(0, len(words) - 12), len(words)))


def _amounts(r: Reading, nodes: range) -> list[Fact]:
    return [f for k in nodes if (f := r.facts[k]) is not None and f.kind == "amount"]
