"""A total score's change on an earlier year's, and that year's score stated before it.

    "2022年度评价得分为86.5分(良)。本次评价…总得分92分,较上年提高5.5分,评价等级为优。"  → 5.5 = 92 − 86.5
    "2022年度…自评得分为94分,财政重点评价得分为85.5分。⏎本次财政重点评价总得分91分,较上年财政重点评价得分提高5.5分"
                                                                                     → 5.5 = 91 − 85.5 (the one it names)
    "总得分92.5分。⏎…2021年度评价得分为84分,2022年度评价得分为89分,本年较上年提高3.5分,较2021年提高8.5分"
                                                                   → 3.5 = 92.5 − 89, 8.5 = 92.5 − 84
    "自评得分91分,较上年(86分)提高5分", "得分96.40分,较2022年度的94.80分提高1.60分"          → 5 = 91 − 86 (said inline)
    "本项目自评得分88.5分。⏎与2022年度自评得分91分(等级为“优秀”)相比,下降2.5分"          → 2.5 = 91 − 88.5

The change (较上年提高 / 下降 d 分) is of the total score right before it (总得分, 综合得分, 自评得分 …: cue score_total, a
project's own 评价得分, or an evaluation's by its name, cue evaluation_score) in the same clause run; or of this year's
one total score stated before it in its paragraph or the one above, when the clause says so (本年较上年…, cue
this_year); or of the score the change right before it in its sentence is of ("…,较2021年提高8.5分"). The earlier
score is the one total score of the year the change is said against (上年: the year before the report's; 较2021年:
2021), stated before the change in its paragraph or the one above; where the change names the evaluation
(较上年财政重点评价得分提高), the one of that name.  Several such scores and no name to choose, or none, and nothing is
bound.  (The change resolver reads changes of amounts and counts; a score's change, 分 against 分, is this one's.)
"""

from __future__ import annotations

from typing import Iterator

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate
from auditor.extract.bind.resolvers.score_list import own_score_name
from auditor.extract.model import Change, Fact
from auditor.extract.readings import Reading, clean_label

_YEAR = lazyre.compile(r"(20\d\d|19\d\d)")
# the words of a change's reference before its verb: "较上年财政重点评价得分", "较2021年度" (group 1: what it names after
# the year)
_REFERENCE = lazyre.compile(r"^(?:较|比|同)(?:上一?年度?|去年|前一年|(?:19|20)\d\d年度?)的?(.*)$")


def resolve(r: Reading) -> Iterator[Candidate]:
    tree = r.tree
    year = r.report_year
    if not year or not year.isdigit():
        return
    last_year = str(int(year) - 1)
    bound: dict[int, Fact] = {}  # change node → the current score it was bound to
    for s in tree.of_kind("increase", "decrease"):
        delta = r.facts[s.index]
        if delta is None or delta.kind != "score" or delta.is_bound:
            continue
        keyword = s.piece.keyword
        inline = _inline_previous(r, s.index, year)
        if inline is not None:
            previous_said, current = inline
            bound[s.index] = current
            yield Candidate(Change.model_construct(
                direction=1 if s.kind == "increase" else -1, delta=delta, percent=None, current=current,
                previous=previous_said, subject_label=current.label, reference="previous",
                keyword=r.norm.original[s.start:s.start + len(keyword)],
                keyword_span=r.span(s.start, s.start + len(keyword)),
                reason="score_change_on_last_year", via=(), rejected=()))
            continue
        words = _reference_words(r, s.index)
        said = (words + keyword) if words is not None else keyword
        named = _YEAR.search(said)
        if not r.vocab.cue("reference_previous").search(said):
            continue
        reference = _REFERENCE.match(words) if words else None
        name = _score_name(reference.group(1)) if reference else ""
        current = _score_right_before(r, s.index, skip=1 if words is not None else 0)
        if current is None:
            current = _chained(r, s.index, bound) or _this_years(r, s.index, year)
        if current is None:
            continue
        # (上年 is the year before the score's own, when it names its year: "2022年自评得分92分;2023年自评得分90.5分,较上年
        # 下降1.5分" — whatever year the report is taken to be of)
        own = current.period if current.period and current.period.isdigit() else year
        against = named.group(1) if named else str(int(own) - 1)
        if int(against) >= int(own):
            continue
        previous = [f for f in _scores_above(r, s.index)
                    if (f.period == against or (against == last_year and own == year and f.period == "previous"))
                    and (not name or _score_name(clean_label(f.label)).endswith(name))]
        if len(previous) != 1 or previous[0].is_bound or previous[0] is current:
            continue
        bound[s.index] = current
        yield Candidate(Change.model_construct(
            direction=1 if s.kind == "increase" else -1, delta=delta, percent=None, current=current,
            previous=previous[0], subject_label=current.label, reference="previous",
            keyword=r.norm.original[s.start:s.start + len(keyword)], keyword_span=r.span(s.start, s.start + len(keyword)),
            reason="score_change_on_last_year", via=(), rejected=()))


def _inline_previous(r: Reading, i: int, year: str) -> tuple[Fact, Fact] | None:
    """(earlier score, this year's) when the change at node i says the earlier year's score itself: right before it in
    its clause, named by the comparison's words alone ("自评得分91分,较上年(86分)提高5分", "得分96.40分,较2022年度的
    94.80分提高1.60分": this year's the total score right before that clause), or in a clause opening its sentence that
    compares with it ("与2022年度自评得分91分(等级为“优秀”)相比,下降2.5分": this year's the one total score of this year
    above, in its paragraph or the one before)."""
    tree = r.tree
    j = i - 1
    if j >= 0 and tree[j].separator(")"):
        j -= 1
    if j >= 0 and tree[j].clause == tree[i].clause and r.facts[j] is not None:
        f = r.facts[j]
        reference = _REFERENCE.match(clean_label(f.label)) if f is not None else None
        if f is None or f.kind != "score" or f.in_table or f.is_bound or not r.is_previous(f) \
                or reference is None or reference.group(1):
            return None
        first = tree.unit("clause", j).start
        for k in tree.before(first, "sentence"):
            t = tree[k]
            if t.kind == "sep" and t.depth == 0 and t.piece.keyword in ",，":
                continue
            current = r.facts[k]
            if current is None or current.kind != "score" or t.depth != 0 or current.is_bound or current.in_table \
                    or not _total_score(r, current) or r.is_previous(current):
                return None
            return f, current
        return None
    # ("与2022年度自评得分91分(…)相比,下降2.5分"): the clause before the change's opens its sentence with 与/同/和 and
    # closes with 相比 / 比较, an earlier year's total score its one score
    if j < 1 or not tree[j].separator(",，"):
        return None
    clause = [k for k in tree.unit("clause", j - 1)]
    if tree.unit("sentence", i).start != clause[0] or tree[j - 1].kind != "words" \
            or not _COMPARED_CLOSE.fullmatch(clean_label(tree[j - 1].piece.label)) \
            or tree[clause[0]].kind != "words" or not _COMPARED_OPEN.fullmatch(clean_label(tree[clause[0]].piece.label)):
        return None
    scores = [r.facts[k] for k in clause if r.facts[k] is not None and tree[k].depth == 0]
    if len(scores) != 1 or scores[0].kind != "score" or scores[0].is_bound or not r.is_previous(scores[0]) \
            or not _total_score(r, scores[0]):
        return None
    found = [f for f in _scores_above(r, clause[0]) if f.period in (None, year, "current") and not r.is_previous(f)]
    return (scores[0], found[0]) if len(found) == 1 else None


_COMPARED_OPEN = lazyre.compile(r"与|同|和|跟")
_COMPARED_CLOSE = lazyre.compile(r"相比较?|比较|对比")


def _reference_words(r: Reading, i: int) -> str | None:
    """The words right before the change at node i in its clause that say what it is against ("较上年财政重点评价得分"
    before 提高), or None."""
    tree = r.tree
    j = i - 1
    if j < 0 or tree[j].kind != "words" or tree[j].clause != tree[i].clause or tree[j].depth != tree[i].depth:
        return None
    text = clean_label(tree[j].piece.label)
    return text if _REFERENCE.match(text) else None


def _score_right_before(r: Reading, i: int, skip: int = 0) -> Fact | None:
    """The total score right before node i in its sentence, nothing but separators between (and the `skip` nodes
    right before i: the words of its reference)."""
    tree = r.tree
    for j in tree.before(i, "sentence"):
        if j > i - 1 - skip:
            continue
        t = tree[j]
        if t.kind == "sep" and t.depth == tree[i].depth:
            continue
        if t.kind == "words" and t.depth == tree[i].depth and _GRADE_SAID.fullmatch(clean_label(t.piece.label)):
            continue  # ("2023年度自评得分93分,等级为优,较上年提高5分": the score's grade said between)
        fact = r.facts[j]
        if fact is None or fact.kind != "score" or t.depth != tree[i].depth or fact.is_bound \
                or not _total_score(r, fact) or r.is_previous(fact):
            return None
        return fact
    return None


# a score's grade said in a clause of its own after it ("等级为优", "评价等级为“良好”", "自评等级:优")
_GRADE_SAID = lazyre.compile(r"(?:(?:自评|评价|绩效)?(?:等级|等次)(?:为|是|:)?)[“\"]?(?:优秀|优|良好|良|中等|中|合格|及格|差|较差)[”\"]?")


def _chained(r: Reading, i: int, bound: dict[int, Fact]) -> Fact | None:
    """The score of the change right before node i in its sentence, separators between ("本年较上年提高3.5分,较2021年提高
    8.5分": both of this year's)."""
    tree = r.tree
    for j in tree.before(i, "sentence"):
        if tree[j].kind == "sep" and tree[j].depth == tree[i].depth:
            continue
        return bound.get(j)
    return None


def _this_years(r: Reading, i: int, year: str) -> Fact | None:
    """This year's one total score, stated before node i in its paragraph or the one above, when the words opening the
    change's clause name this year ("本年较上年提高3.5分")."""
    tree = r.tree
    j = i - 1
    if j < 0 or tree[j].kind != "words" or tree[j].clause != tree[i].clause \
            or not r.vocab.cue("this_year").fullmatch(clean_label(tree[j].piece.label)):
        return None
    found = [f for f in _scores_above(r, j) if f.period in (None, year, "current") and not r.is_previous(f)]
    return found[0] if len(found) == 1 else None


def _scores_above(r: Reading, i: int) -> list[Fact]:
    """The total scores outside tables before node i in its paragraph and in the paragraph right above it."""
    tree = r.tree
    here = tree[i].paragraph
    nodes = list(tree.before(i, "paragraph"))
    first = tree.unit("paragraph", i).start
    if first > 0 and tree[first - 1].paragraph == here - 1:
        nodes.extend(reversed(tree.unit("paragraph", first - 1)))
    return [f for f in (r.facts[j] for j in nodes)
            if f is not None and f.kind == "score" and not f.in_table and _total_score(r, f)]


def _total_score(r: Reading, fact: Fact) -> bool:
    """A total score by its name: 总得分, 综合得分 … (cue score_total), an evaluation's own (评价得分, 自评得分), or one by
    the evaluation's name (财政重点评价得分: cue evaluation_score)."""
    label = _YEAR_WORDS.sub("", clean_label(fact.label))
    return bool(r.vocab.cue("score_total").search(label) or own_score_name(label)
                or r.vocab.cue("evaluation_score").search(_score_name(label)))


def _score_name(label: str) -> str:
    """A score's name, its year's words taken off wherever they stand ("该项目2021年度评价得分" → "该项目评价得分")."""
    return _ANY_YEAR.sub("", label)


_YEAR_WORDS = lazyre.compile(r"^(?:(?:19|20)\d\d年度?|上年度?|去年)")
_ANY_YEAR = lazyre.compile(r"(?:19|20)\d\d年度?|上一?年度?|去年")
