"""提高 / 下降 X 个百分点: a rate's change in percentage points, between two rates the sentence writes.

    "第2季经费达成率33.57%,较109年同期(38.40%)低4.83个百分点"   → 33.57 − 38.40 = −4.83
    "执行率95%,比上年的90%提高5个百分点"                         → 95 − 90 = 5
    "完成率为95%,上年为90%,同比提高5个百分点"                    → 95 − 90 = 5

Read only when both rates stand in the change's sentence, before it: the one compared with
right before the change (named 较… / 比…, in a bracket after such words, set in a 与…相比 frame,
or last year's), and the rate the comparison is of before that (neither compared nor last year's).
A change whose other rate the sentence does not write ("执行率95%,比上年提高5个百分点") is
left unread.
"""

from __future__ import annotations

from typing import Iterator

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate
from auditor.extract.bind.resolvers.change import compare_frame
from auditor.extract.model import Change, Fact
from auditor.extract.readings import Reading, clean_label

_UP = lazyre.compile(r"(?:提高|增加|上升|增长|升高|上涨|高出|高|多)了?$")
_DOWN = lazyre.compile(r"(?:下降|降低|减少|回落|下滑|下跌|低于|低|少)了?$")
_REACH = 10  # nodes back from the change to its two rates


def resolve(r: Reading) -> Iterator[Candidate]:
    tree = r.tree
    for node in tree.of_kind("points"):
        k = node.index
        delta = r.facts[k]
        if delta is None or k == 0:
            continue
        word = tree[k - 1]
        if word.clause != node.clause or word.kind not in {"increase", "decrease", "words"}:
            continue
        said = (word.piece.keyword or word.piece.label).strip()
        direction = 1 if _UP.search(said) else -1 if _DOWN.search(said) else 0
        if direction == 0:
            continue
        previous, current = _rates_before(r, k - 1)
        if previous is None or current is None:
            continue
        yield Candidate(Change.model_construct(
            direction=direction, delta=delta, percent=None, current=current, previous=previous,
            subject_label=current.label, reference="previous", keyword=said,
            keyword_span=r.span(word.start, word.end), reason="points_change", via=(), rejected=()))


def _rates_before(r: Reading, i: int) -> tuple[Fact | None, Fact | None]:
    """(the rate compared with, the rate compared) before node i in its sentence, or Nones."""
    tree = r.tree
    compared = r.vocab.cue("compared_prefix")
    previous: Fact | None = None
    for j in tree.before(i, "sentence", limit=_REACH):
        t, f = tree[j], r.facts[j]
        if f is None:
            continue
        if t.kind not in {"labelled", "share"} or f.kind != "percent" or f.is_bound:
            return None, None  # another figure between: whose rates these are is open
        was = r.is_previous(f) or bool(compared.match(clean_label(f.label))) or compare_frame(r, j) is not None
        if previous is None:
            if not was:
                return None, None
            previous = f
        elif was:
            return None, None  # two rates compared with: which one the change is against is open
        else:
            return previous, f
    return None, None
