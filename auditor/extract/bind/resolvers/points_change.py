"""提高 / 下降 X 个百分点: a rate's change in percentage points, between two rates the sentence writes.

    "第2季经费达成率33.57%,较109年同期(38.40%)低4.83个百分点"   → 33.57 − 38.40 = −4.83
    "执行率95%,比上年的90%提高5个百分点"                         → 95 − 90 = 5
    "完成率为95%,上年为90%,同比提高5个百分点"                    → 95 − 90 = 5
    "收入增长19.9%,高于全省平均增幅(11%)8.9个百分点"             → 19.9 − 11 = 8.9
    "增幅19.9%,比全省平均增幅(11%)高8.9个百分点"                 → 19.9 − 11 = 8.9

Read only when both rates stand in the change's sentence, before it: the one compared with
right before the change (named 较… / 比…, in a bracket after such words, set in a 与…相比 frame,
or last year's), and the rate the comparison is of before that (neither compared nor last year's).
A rate in a bracket after 高于 / 低于 … (or 比 / 较 …) is the one compared with; the comparison
is of the nearest rate before it, past other such comparisons of the same rate
("…高于全省平均增幅(11%)8.9个百分点,高于州市平均增幅(14.5%)5.4个百分点").
A change whose other rate the sentence does not write ("执行率95%,比上年提高5个百分点") is
left unread; last year's rate may stand in a bracket right after a 比上年 change
("增长8.6%,增幅比上年提高3.5个百分点(2022年增长6.1%)" → 8.6 − 6.1 = 2.5; "比重为72.34%,比上年提高0.54个百分点
(2022年为71.80%)" → 72.34 − 71.80: a rate named by its year alone is of the rate before the change), and so may an
earlier stretch's, named as the comparison names it ("增长8.2%,增幅比1-10月回落0.7个百分点(1-10月增长8.9%)" → 8.2 − 8.9).
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
        above = _above_bracket(r, k)
        if above is not None:
            yield above
            continue
        word = tree[k - 1]
        if word.clause != node.clause or word.kind not in {"increase", "decrease", "words"}:
            continue
        said = (word.piece.keyword or word.piece.label).strip()
        direction = 1 if _UP.search(said) else -1 if _DOWN.search(said) else 0
        if direction == 0:
            continue
        previous, current = _rates_before(r, k - 1)
        if previous is None and current is None and r.vocab.cue("reference_previous").search(said):
            # ("增长8.6%,增幅比上年提高3.5个百分点(2022年增长6.1%)": last year's rate in a bracket right after the points)
            previous = _last_years_rate_after(r, k)
            current = _rate_before(r, k - 1, previous) if previous is not None else None
        stretch = None
        if previous is None and current is None:
            stretch = _stretch_compared(r, k)
            previous = _last_years_rate_after(r, k, stretch) if stretch else None
            current = _rate_before(r, k - 1, previous) if previous is not None else None
        if previous is None or current is None:
            continue
        yield Candidate(Change.model_construct(
            direction=direction, delta=delta, percent=None, current=current, previous=previous,
            subject_label=current.label, reference="previous", keyword=said, compared_name=stretch,
            keyword_span=r.span(word.start, word.end), reason="points_change", via=(), rejected=()))


def _stretch_compared(r: Reading, k: int) -> str | None:
    """The earlier stretch of the year the words before the direction word of the points at node k compare with, in
    their clause ("增幅比1-10月" → "1-10月"; cue compared_stretch), or None."""
    tree = r.tree
    if k < 2 or tree[k - 2].kind != "words" or tree[k - 2].clause != tree[k].clause:
        return None
    m = r.vocab.cue("compared_stretch").search(tree[k - 2].piece.label.strip())
    return "".join(m.group(1).split()) if m else None


def _rates_before(r: Reading, i: int) -> tuple[Fact | None, Fact | None]:
    """(the rate compared with, the rate compared) before node i in its sentence, or Nones."""
    tree = r.tree
    compared = r.vocab.cue("compared_prefix")
    previous: Fact | None = None
    for j in tree.before(i, "sentence", limit=_REACH):
        t, f = tree[j], r.facts[j]
        if f is None:
            continue
        if f.kind == "amount" and t.depth > tree[i].depth:
            continue  # ("上年为6.60%(管理费用384.61万元/支出5,823.47万元),下降0.90个百分点": what a rate is of, in its bracket)
        if t.kind not in _RATE_KINDS or f.kind != "percent" or f.is_bound:
            return None, None  # another figure between: whose rates these are is open
        was = r.is_previous(f) or bool(compared.match(clean_label(f.label))) or compare_frame(r, j) is not None \
            or _bracketed_after(r, j, compared) is not None
        if previous is None:
            if not was:
                return None, None
            previous = f
        elif was:
            return None, None  # two rates compared with: which one the change is against is open
        else:
            return previous, f
    return None, None




def _last_years_rate_after(r: Reading, k: int, stretch: str | None = None) -> Fact | None:
    """The one rate of the bracket right after the points at node k, when it is last year's ("…提高3.5个百分点(2022年增长
    6.1%)"): the rate a 比上年 change of points is against — or, `stretch` given, when the bracket's words name that
    stretch ("…比1-10月回落0.7个百分点(1-10月增长8.9%)"). None when the bracket holds anything else."""
    tree = r.tree
    if k + 1 >= len(tree) or not tree[k + 1].separator("(") or tree[k + 1].depth <= tree[k].depth:
        return None
    found: Fact | None = None
    said = ""  # (the bracket's words before its rate)
    j = k + 2
    while j < len(tree) and tree[j].depth > tree[k].depth:
        t, f = tree[j], r.facts[j]
        if f is not None:
            if found is not None or f.kind != "percent" or f.is_bound or t.kind not in _RATE_KINDS \
                    or not (r.is_previous(f) if stretch is None else said == stretch):
                return None
            found = f
        elif t.kind not in {"period", "words", "sep"}:
            return None
        elif t.kind == "words":
            said += "".join(t.piece.label.split())
        j += 1
    return found


def _rate_before(r: Reading, i: int, like: Fact) -> Fact | None:
    """The nearest figure before node i in its sentence when it is a rate of `like`'s concept, this year's and not one
    compared with (only words between): the rate a change of points after it is of."""
    tree = r.tree
    compared = r.vocab.cue("compared_prefix")
    for j in tree.before(i, "sentence", limit=_REACH):
        t, f = tree[j], r.facts[j]
        if f is None:
            if t.kind in {"words", "sep"} and t.depth == tree[i].depth:
                continue
            return None
        # (last year's rate named by its year alone, "(2022年为71.80%)", is of the rate the change is said of)
        ok = t.kind in _RATE_KINDS and f.kind == "percent" and not f.is_bound \
            and (f.concept == like.concept or like.concept is None) \
            and not r.is_previous(f) and not compared.match(clean_label(f.label)) and t.depth == tree[i].depth
        return f if ok else None
    return None


def _bracketed_after(r: Reading, j: int, words) -> int | None:
    """The words node right before the bracket that holds only the figure at node j, when its
    label matches `words` (较… / 比… / 高于…): "比全省平均增幅(11%)"; else None."""
    tree = r.tree
    if j < 2 or j + 1 >= len(tree) or not tree[j - 1].separator("(") or not tree[j + 1].separator(")") \
            or tree[j - 2].kind != "words" or tree[j - 2].clause != tree[j].clause:
        return None
    return j - 2 if words.match(clean_label(tree[j - 2].piece.label)) else None


def _above_bracket(r: Reading, k: int) -> Candidate | None:
    """"增长19.9%,高于全省平均增幅(11%)8.9个百分点": the points at node k right after a bracketed
    rate that 高于 / 低于 … compares with; the rate compared is the nearest one before, past other
    comparisons of it.  None when the shape is not this one or the rate compared is open."""
    tree = r.tree
    above, below = r.vocab.cue("compared_above"), r.vocab.cue("compared_below")
    j = k - 2
    if j < 2 or not tree[k - 1].separator(")") or tree[k - 1].clause != tree[k].clause:
        return None
    other = r.facts[j]
    if other is None or other.kind != "percent" or other.is_bound or tree[j].kind not in _RATE_KINDS:
        return None
    word = _bracketed_after(r, j, above)
    direction = 1
    if word is None:
        word, direction = _bracketed_after(r, j, below), -1
    if word is None:
        return None
    current = None
    m = word - 1
    while m >= 0 and tree[m].sentence == tree[k].sentence:
        t, f = tree[m], r.facts[m]
        if f is not None and t.depth > 0 and _bracketed_after(r, m, above) is None \
                and _bracketed_after(r, m, below) is None:
            return None  # a bracketed figure of its own ("增长5.2%(同口径增长8.1%)"): which rate is compared is open
        if t.depth > 0 or t.kind in {"sep", "points"} \
                or (t.kind == "words" and (above.match(clean_label(t.piece.label))
                                           or below.match(clean_label(t.piece.label)))):
            m -= 1  # (an earlier comparison of the same rate: its bracket, its words, its points)
            continue
        if f is None:
            return None  # words between: what the comparison is of is open
        if f.kind != "percent" or f.is_bound or t.kind not in _RATE_KINDS:
            return None
        current = f
        break
    if current is None:
        return None
    said = clean_label(tree[word].piece.label)
    return Candidate(Change.model_construct(
        direction=direction, delta=r.facts[k], percent=None, current=current, previous=other,
        subject_label=current.label, reference="previous", keyword=said,
        compared_name=(above.sub("", said) if direction > 0 else below.sub("", said)) or said,
        keyword_span=r.span(tree[word].start, tree[word].end), reason="points_change", via=(), rejected=()))


# rates written as they are: a 下降 p% (decrease, growth_down) is a fall of p, its sign in the word, and
# is left unread rather than compared as +p
_RATE_KINDS = {"labelled", "share", "increase", "growth_up"}
