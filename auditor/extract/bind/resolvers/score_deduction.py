"""扣 d 分,得 s 分 after an indicator's 分值: the score is the weight less what was deducted.

    "该指标分值10分,…预算执行率93.80%,按“执行率×分值”计分扣0.62分,得9.38分。"  → 9.38 = 10 − 0.62
    "1.立项依据充分性(3分):部分佐证材料缺失,扣1.5分,得1.5分。"                  → 1.5 = 3 − 1.5
    "分值20分,因档案不全扣2分,因进度滞后扣1分,得17分。"                         → 17 = 20 − 2 − 1

The score follows right after the last deduction, labelled 得 alone (实得, 得分, 计得 …; cue score_got); the
deductions are the scores labelled 扣 (扣除, 扣减; cue score_deducted) right before it; the weight is the
one score before them in the sentence that is labelled 分值 / 权重 / 满分 (cue score_weight), or the score in
brackets right after the name that opens the sentence ("立项依据充分性(3分):").  Any other score between
the weight and the 得 (a score said of another indicator, a 得分 already given), or no weight in the
sentence ("评价情况:…扣1分,得5分", its weight on the line above), and nothing is bound.  A deduction that says it
is the whole one taken (共扣, 实扣: cue score_deducted_total) is the only one, the deductions before it its parts
or its rule ("每个扣0.5分,共扣1.5分,得3.50分" → 3.5 = 5 − 1.5); a deduction per item or a cap without such a total
after it ("每标段扣1分,最多扣3分": cue score_deducted_rule) is no deduction taken, and nothing is bound.
"""

from __future__ import annotations

from typing import Iterator

from auditor.extract.bind.candidate import Candidate, difference_claim
from auditor.extract.model import Difference
from auditor.extract.readings import Reading, clean_label


def resolve(r: Reading) -> Iterator[Candidate]:
    tree = r.tree
    deducted, scored, weighted = r.vocab.cue("score_deducted"), r.vocab.cue("score_got"), \
        r.vocab.cue("score_weight")
    total, rule = r.vocab.cue("score_deducted_total"), r.vocab.cue("score_deducted_rule")
    for node in tree.of_kind("labelled", "total"):
        score = r.facts[node.index]
        if score is None or score.kind != "score" or score.is_bound or not scored.fullmatch(clean_label(score.label)):
            continue
        deductions = []
        weight = None
        total_taken = False  # (the nearest deduction says it is all that was taken: 共扣, 实扣)
        for k in tree.before(node.index, "sub"):
            t, f = tree[k], r.facts[k]
            if f is None:
                continue
            if f.kind != "score":
                if deductions and f.kind in {"amount", "percent", "count"}:
                    continue  # (what the deduction is for: "分值10分,…执行率93.80%,按执行率×分值计分扣0.62分")
                break
            label = clean_label(f.label)
            if t.depth == 0 and t.kind in {"labelled", "total"} and deducted.search(label):
                if total_taken:
                    continue  # (the parts of a 共扣 said after them, or the rule they follow: "每个扣0.5分,共扣1.5分")
                if rule.search(label):
                    break  # ("每标段扣1分,最多扣3分,实扣2分" without its 实扣: a rule, not what was taken)
                if deductions and not _adjacent(r, k, deductions[-1]):
                    break
                deductions.append(f)  # (the deductions stand right before the score, one after another)
                total_taken = len(deductions) == 1 and bool(total.search(label))
                continue
            if deductions and (t.depth == 0 and weighted.search(clean_label(f.label)) or _named_bracket(r, k)):
                weight = f
            break
        if weight is None or not deductions:
            continue
        yield difference_claim(Difference.model_construct(
            difference=score, minuends=(weight,), subtrahends=tuple(reversed(deductions)), name="得分", rate=None,
            base=None, rivals=(), reason="score_after_deduction", via=(), rejected=()))


def _adjacent(r: Reading, k: int, later) -> bool:
    """No figure stands between node k and the fact `later` (a deduction read before)."""
    for j in r.tree.after(k, "sub"):
        if r.facts[j] is not None:
            return r.facts[j] is later
    return False


def _named_bracket(r: Reading, k: int) -> bool:
    """Node k is a score in brackets right after the name that opens its sentence: "1.立项依据充分性(3分):"."""
    t = r.tree[k]
    if t.depth != 1 or clean_label(r.facts[k].label):
        return False
    return all(r.facts[j] is None for j in r.tree.before(k, "sentence"))
