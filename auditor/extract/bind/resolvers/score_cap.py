"""A score said with its full marks in prose: the score is at most the full marks.

    "产出指标满分50分,得49分"                  → 49 ≤ 50
    "(一)项目立项(满分5分,得5分)"              → 5 ≤ 5
    "绩效目标合理性本项目满分3分,得3分"         → 3 ≤ 3
    "效益指标得28.5分(满分30分)"               → 28.5 ≤ 30

The full marks are a score labelled 满分 / 分值 / 权重 / 标准分 (cue score_weight) and the score is the figure right
after it, labelled 得 alone (实得, 得分 …: cue score_got), nothing but a comma between them ("满分20分得18分" too); or
the score first and the full marks in a bracket opened right after it.  Not read: a figure between them or any other
word (a 其中, a deduction: "满分10分,扣1分,得9分" is score_deduction's); a paragraph that speaks of bonus points
(cue score_bonus: "加分", "附加分", "奖励2分", "额外计入的1.5分" — a score may then pass its marks) or of a score on
another scale (cue score_rescaled: "得96.3分(百分制)", "按10%权重折算为9.26分"); and full marks said of each item
(cue score_per_item: "每项满分2分,得9分", "三项各满分5分,得14.2分" — the score may be of all the items).
"""

from __future__ import annotations

from typing import Iterator

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate
from auditor.extract.model import ScoreCap
from auditor.extract.readings import Reading, clean_label

_BETWEEN = lazyre.compile(r"\s*[,，、]?\s*")  # (what may stand between the full marks and the 得 of the score)
_NAMED_GOT = lazyre.compile(r"(?:得|得分|实得|计得|评得)$")  # ("效益指标得28.5分(满分30分)": what is scored, then 得)
_BRACKETED_MARKS = lazyre.compile(r"\s*[(（]\s*(?:满分|分值|标准分)\s*(?:为)?\s*")  # ("得28.5分(满分30分)")


def resolve(r: Reading) -> Iterator[Candidate]:
    tree, text = r.tree, r.norm.text
    got, weighted, bonus = r.vocab.cue("score_got"), r.vocab.cue("score_weight"), r.vocab.cue("score_bonus")
    rescaled, per_item = r.vocab.cue("score_rescaled"), r.vocab.cue("score_per_item")
    uncapped: dict[int, bool] = {}  # (the start of a line → it speaks of bonus points or of another scale)
    for node in tree.of_kind("labelled", "total"):
        score = r.facts[node.index]
        if score is None or score.kind != "score" or score.is_bound:
            continue
        label = clean_label(score.label)
        bare, named = got.fullmatch(label), _NAMED_GOT.search(label)
        if not bare and not named:
            continue
        before = _nearest(r, tree.before(node.index, "sentence"))
        after = _nearest(r, tree.after(node.index, "sentence"))
        weight = None
        if bare and before is not None and before.kind == "score" and _full_marks(before, weighted) \
                and _BETWEEN.fullmatch(_between(text, before, score)):
            weight = before  # ("满分50分,得49分")
        elif after is not None and after.kind == "score" \
                and _BRACKETED_MARKS.fullmatch(text, score.span.end, after.span.start) \
                and text.startswith((")", "）"), after.span.end):
            weight = after  # ("得28.5分(满分30分)")
        if weight is None or not weight.value:
            continue
        line = text.rfind("\n", 0, score.span.start) + 1
        if line not in uncapped:  # (searched once a line, not once a score)
            paragraph = _paragraph(text, score)
            uncapped[line] = bool(bonus.search(paragraph) or rescaled.search(paragraph))
        if uncapped[line]:
            continue  # (a bonus may pass the marks; a score on another scale is converted, not capped)
        name = clean_label(weight.label) if weight is before else _NAMED_GOT.sub("", label)
        if weight is before and per_item.search(weighted.sub("", name)):
            continue  # ("每项满分2分,得9分": the marks of each item, the score of all)
        yield Candidate(ScoreCap.model_construct(score=score, weight=weight, row=weighted.sub("", name).strip(),
                                                 reason="score_within_full_marks", via=(), rejected=()))


def _nearest(r: Reading, indices):
    for k in indices:
        if r.facts[k] is not None:
            return r.facts[k]
    return None


def _full_marks(f, weighted) -> bool:
    """A score labelled as full marks, the label ending in the word ("产出指标满分", "本项目满分")."""
    m = None
    for m in weighted.finditer(clean_label(f.label)):
        pass
    return m is not None and m.end() == len(clean_label(f.label))


def _between(text: str, weight, score) -> str:
    """The text between the full marks and the score's label ("," of "满分50分,得49分")."""
    start = score.span.start - len(score.label) if text.endswith(score.label, 0, score.span.start) else score.span.start
    return text[weight.span.end:start]


def _paragraph(text: str, f) -> str:
    """The paragraph (line) of a figure."""
    end = text.find("\n", f.span.end)
    return text[text.rfind("\n", 0, f.span.start) + 1:end if end >= 0 else len(text)]
