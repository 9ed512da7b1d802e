"""The report's own self-assessment score, stated twice: in its 摘要 and in its 结论, say.

    "摘要:…自评得分94.2分,评价等级为优。" … "四、自评结论 ⏎ 综合以上情况,本项目2024年度绩效自评得分92.4分,…"
        → one quantity with two values (DUP001, reason own_score_repeated)

The two labels differ (自评得分, 本项目2024年度绩效自评得分), so the concepts of the vocabulary do not make them one
quantity: a score is the report's own when its label is nothing but a self-assessment's total — 自评得分, 自评总分,
绩效自评得分 — said of the report's subject (本项目, 本部门, 本单位, or no one), of the report's year, with nothing
else before it (cue own_score_label).  A text that speaks of another evaluation of a score anywhere (复核, 调整为, 财政
评价, 上年 …: cue own_score_other) may state two scores of one evaluation that both hold: it is left alone, and so is a
text of several units (each its own outline) and a text that names another project's score (X项目…自评得分).  Scores
of one sentence are one statement.  A report restates its score where it sums itself up: one of the two stands in a
摘要 or under a 结论 heading (cue own_score_place), and is the one the others are compared with; and none stands under a
heading that names a project of its own ("（一）市政设施维护项目": a report of several projects, each its own score).
"""

from __future__ import annotations

from auditor import lazyre
from auditor.extract.bind.index import DocumentIndex
from auditor.extract.bind.resolvers.repeat import _Units, _heading
from auditor.extract.model import Repeat
from auditor.extract.readings import clean_label

GROUP = -1  # (the pairs' group, apart from repeat.resolve's quantities: one finding)


def resolve(index: DocumentIndex, text: str) -> list[Repeat]:
    own, other = index.vocab.cue("own_score_label"), index.vocab.cue("own_score_other")
    scores = []
    for f in index.facts:
        if f.kind != "score" or f.in_table or not 0 <= f.value <= 100:
            continue
        label = clean_label(f.label)
        if "自评" in label and not own.fullmatch(label):
            if index.vocab.cue("part_score_label").search(label) or index.vocab.cue("score_weight").search(label):
                continue  # (a level's score, "产出指标自评得分47分": not the total)
            return []  # ("义务教育公用经费项目自评得分93.3分": another project's — whose is a bare 自评得分 then?)
        if not own.fullmatch(label) or (f.period and index.report_year and f.period != index.report_year):
            continue
        head = text[max(text.rfind("\n", 0, f.span.start), text.rfind("。", 0, f.span.start)) + 1:f.span.start]
        if index.vocab.cue("score_weight").search(head):
            continue  # ("1.部门决策(满分20分),自评得分18.50分": a level's score, out of its weight)
        if _ITEM_SUBJECT.match(text, text.rfind("\n", 0, f.span.start) + 1, f.span.start):
            return []  # ("1. 图书馆免费开放补助绩效自评综述:…项目自评得分为87.50分": an item's subject, one of several)
        year = _YEAR.search(label)
        if year and year.group() not in text[:text.find("\n") if "\n" in text else len(text)]:
            return []  # ("2022年度部门整体支出绩效自评得分88.20分" in a text whose title names no such year: last year's?)
        if scores and scores[-1].sentence == f.sentence:
            continue
        scores.append(f)
    # (the whole text looked at only when two scores are found: most reports state fewer)
    if len(scores) < 2 or other.search(text) or _Units(index, text).several:
        return []
    place = index.vocab.cue("own_score_place")
    headings = [_heading(text, f.span.start) for f in scores]
    summing = [bool(place.search(_line_head(text, f.span.start)) or h and place.search(h))
               for f, h in zip(scores, headings)]
    if not any(summing) or any(h and _PROJECT_HEADING.search(h) for h in headings):
        return []  # ("（一）市政设施维护项目 ⏎ …自评总分98.98分" … "（二）环卫保洁服务项目 ⏎ …自评总分97.82分": each its own)
    first = scores[summing.index(True)]
    return [Repeat.model_construct(first=first, other=f, concept="自评得分", group=GROUP,
                                   reason="own_score_repeated", via=(), rejected=()) for f in scores if f is not first]


_ITEM_SUBJECT = lazyre.compile(r"\s*(?:\d{1,2}\s*[.．、]|[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)"
                              r"\s*[^:：。,，]{2,40}[:：]")
_YEAR = lazyre.compile(r"(?:19|20)\d{2}(?=年)")


def _line_head(text: str, at: int) -> str:
    """The start of the line offset `at` stands on ("摘要:…", "综上,…"), up to it."""
    return text[text.rfind("\n", 0, at) + 1:at][:8]


# a heading that names a project (or a work) of its own: "（一）市政设施维护项目", "三、农机购置补贴项目"
_PROJECT_HEADING = lazyre.compile(r"[\u4e00-\u9fff]{2,}(?:项目|工程|资金|经费|补助)\s*$")
