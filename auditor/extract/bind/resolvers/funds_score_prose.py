"""A funds score told in prose: "预算执行率为90%,该项指标分值为20分,得分16.2分".

    "执行率90%,按“得分=分值×执行率”计分,得7分" (分值 named before) → 7 = 10 × 90 % (the rule stated)

One sentence (or the paragraph's opening words) gives the three figures: the 执行率 (a percent named so),
the 分值 (a score named 分值 / 满分 / or the bracket "(分值10分)"), and the 得分 after them. The rule is
stated when the paragraph writes it ("得分=分值×执行率", "执行率×分值"), or the line after it, that says how the score
is reckoned (计分办法); else the usual convention, which warns at most (SCO006).  A banded rule of its own stated there
("达到100%的得10分,每低于100%一个百分点扣0.5分") binds nothing: it is not the product.  A sentence with more than one
of any of them binds nothing: which goes with which is open.
"""

from __future__ import annotations

from typing import Iterator

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate
from auditor.extract.model import FundsScore
from auditor.extract.readings import Reading, clean_label
from auditor.extract.tables.reader import stated_score_rule

_RATE = lazyre.compile(r"执行率$")
_WEIGHT = lazyre.compile(r"(?:分值|满分|权重)(?:为|是)?$")
_SCORE = lazyre.compile(r"(?:得分|得)(?:为|是)?$")
# what the weight's label may name besides 分值: nothing, or the execution indicator itself
_OF_EXECUTION = lazyre.compile(r"^(?:该项|该|本项|此项)?(?:指标)?$|(?:预算|资金)?执行(?:率)?(?:指标)?$")
_RULE = lazyre.compile(r"得分\s*=\s*分值\s*[×xX*]\s*(?:预算)?执行率|分值\s*[×xX*]\s*(?:预算)?执行率|(?:预算)?执行率\s*[×xX*]\s*分值")


def resolve(r: Reading) -> Iterator[Candidate]:
    tree = r.tree
    by_sentence: dict[int, list[int]] = {}
    for s in tree.of_kind("labelled"):
        if r.facts[s.index] is not None and r.facts[s.index].kind in {"percent", "score"}:
            by_sentence.setdefault(s.sentence, []).append(s.index)
    for sentence, nodes in by_sentence.items():
        rates = [k for k in nodes if r.facts[k].kind == "percent" and _RATE.search(clean_label(r.facts[k].label))]
        weights = [k for k in nodes if r.facts[k].kind == "score" and _WEIGHT.search(clean_label(r.facts[k].label))]
        scores = [k for k in nodes if r.facts[k].kind == "score" and _SCORE.search(clean_label(r.facts[k].label))]
        if len(rates) != 1 or len(weights) != 1 or len(scores) != 1 or not (weights[0] < scores[0] and rates[0] < scores[0]):
            continue
        rate, weight, score = r.facts[rates[0]], r.facts[weights[0]], r.facts[scores[0]]
        if not _OF_EXECUTION.match(_WEIGHT.sub("", clean_label(weight.label))):
            continue  # ("资金使用合规性指标分值为10分": another indicator's weight, beside the rate)
        paragraph = tree.paragraph_nodes(tree[scores[0]].paragraph)
        text = r.norm.text[tree[paragraph[0]].start:tree[paragraph[-1]].end] + _rule_line_after(r, tree[paragraph[-1]].end)
        if stated_score_rule(text) == "bands":
            continue  # ("…执行率90%,分值10分,得分5分。⏎计分办法:…每低于100%一个百分点扣0.5分": a rule of its own, not the product)
        m = _RULE.search(text)
        rule = m.group() if m else ""
        yield Candidate(FundsScore.model_construct(
            score=score, weight=weight, rate=rate, rule=rule, row="预算执行",
            reason="funds_score_stated" if rule else "funds_score_convention", via=("stated in prose",),
            rejected=()))


def _rule_line_after(r: Reading, end: int) -> str:
    """The line after the one ending the paragraph at `end`, when it states how the score is reckoned ("计分办法:预算执行率
    达到100%的得10分,每低于100%一个百分点扣0.5分"): the rule of the figures above it; else ""."""
    text = r.norm.text
    start = text.find("\n", end)
    if start < 0:
        return ""
    stop = text.find("\n", start + 1)
    line = text[start + 1:stop if stop >= 0 else len(text)]
    return "\n" + line if r.vocab.cue("scoring_rule_line").match(line.lstrip("| \t")) else ""
