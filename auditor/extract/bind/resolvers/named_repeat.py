"""The amount a document (文号, 《title》) or a project names, stated twice.

    "…(保财建〔2021〕6号),市财政下达…建设经费260万元。" … "保财建〔2021〕6号下达资金280万元"
        → one document's amount with two values
    "农村公路提升改造项目预算资金120万元。" … "农村公路提升改造项目预算资金150万元。"
        → one project's budget with two values

A document's amount is the one amount its sentence states after the citation
(a 其中 list under it aside); a sentence that states several amounts after it
(what it gave each unit) names none.  A project's amount is an amount whose own
label names the project (…项目, …工程, at least six characters) and its scenario
(预算, 执行 …): the same name, scenario and year, stated in two sentences.
"""

from __future__ import annotations

import re
from collections import defaultdict

from auditor import lazyre
from auditor.textsearch import last_of
from auditor.extract.bind.index import DocumentIndex
from auditor.extract.model import Fact, Repeat
from auditor.extract.readings import clean_label

# 保财建〔2021〕6号, 怀政发[2015]8号, 《关于下达…的通知》
CITATION = lazyre.compile(r"[\u4e00-\u9fff]{1,10}[〔\[【]\s*(?:19|20)\d{2}\s*[〕\]】]\s*\d{1,4}\s*号|《[^《》]{4,60}》")
_SENTENCE_END = lazyre.compile(r"[。!?;\n]")
_SENTENCE_ENDS = "。!?;\n"  # (_SENTENCE_END's characters)
_CITATION_BRACKETS = "〔[【《"  # (a citation holds one of them)
_MONEY = lazyre.compile(r"\d[\d,.]*\s*(?:亿|万)?元")
_QIZHONG = lazyre.compile(r"其中|包括|含")
PROJECT = lazyre.compile(r"[\u4e00-\u9fff]{4,24}?(?:项目|工程)")
_GENERIC_PROJECT = lazyre.compile(r"^(?:本|该|此|全部|各|其他|其它|部门|单位|上述|以上|年度|专项)")


def resolve(index: DocumentIndex, text: str) -> list[Repeat]:
    out: list[Repeat] = []
    by_document: dict[str, list[Fact]] = defaultdict(list)
    by_project: dict[tuple, list[Fact]] = defaultdict(list)
    own = _own_project(index, text)
    for f in index.facts:
        if f.kind != "amount" or f.in_table or f.approximate or f.value == 0:
            continue
        citation = _citation_of(f, text)
        if citation is not None:
            by_document[citation].append(f)
        name = _project_of(f, index.vocab) or (own if own and _bare_project_budget(index, f)
                                  and not _other_project_said(text, f, own) else None)
        if name is not None and f.scenario is not None:
            by_project[(name, index.period_of(f), f.scenario, f.fund)].append(f)
    group = 0
    for citation, facts in by_document.items():
        out.extend(_pairs(facts, citation, "same_document_amount", group))
        group += 1
    for key, facts in by_project.items():
        out.extend(_pairs(facts, key[0], "same_project_amount", group))
        group += 1
    return out


def _pairs(facts: list[Fact], name: str, reason: str, group: int) -> list[Repeat]:
    facts = [f for n, f in enumerate(facts) if all(g.sentence != f.sentence for g in facts[:n])]
    return [Repeat.model_construct(first=facts[0], other=other, concept=name, group=group, reason=reason, via=(),
                                   rejected=()) for other in facts[1:]]


def _citation_of(f: Fact, text: str) -> str | None:
    """The document cited before `f` in its sentence, when `f` is the one amount after it."""
    start = f.span.start
    head = max(0, start - 300)
    if text.find("号", head, start) < 0 and text.find("》", head, start) < 0:
        return None  # (the cheap test first: no citation before the figure)
    # (the sentence's start from the last of its ends before the figure, and the brackets a citation holds
    # looked for before the pattern: str.rfind and str.find, not a pattern's scan of the stretch)
    begin = max(head - 1, *(text.rfind(c, head, start) for c in _SENTENCE_ENDS)) + 1
    if all(text.find(c, begin, start) < 0 for c in _CITATION_BRACKETS):
        return None
    cited = list(CITATION.finditer(text, begin, start))
    if not cited:
        return None
    last = cited[-1]
    between = text[last.end():start]
    if _MONEY.search(between):
        return None  # another amount after the citation comes first
    end = _SENTENCE_END.search(text, f.span.end)
    rest = text[f.span.end:end.start() if end else len(text)]
    more = _MONEY.search(rest)
    if more and not _QIZHONG.search(rest[:more.start()]):
        return None  # several amounts after the citation: what it gave each, not one amount
    return _document_key(last.group())


_CITING_VERB = lazyre.compile(r"^(?:按照|根据|依据|依照|参照|通过|经|按|据|依|以|和|及|与|由|对|在|将|用|下达|印发|文件)+")


_OPENING = lazyre.compile(r"[\[【]")
_CLOSING = lazyre.compile(r"[\]】]")


def _document_key(citation: str) -> str:
    """"按照保财建[2021]6号" → "保财建〔2021〕6号": the document, whoever cites it how."""
    key = re.sub(r"\s+", "", citation)
    if key.startswith("《"):
        return key
    key = _OPENING.sub("〔", _CLOSING.sub("〕", key))
    return _CITING_VERB.sub("", key)


def _project_of(f: Fact, vocab) -> str | None:
    """The project an amount's own label names (…项目, …工程), at least six characters — not budget words alone
    ("年初预算安排项目资金" under each of several projects' headings is that one's money, no name shared by them)."""
    label = clean_label(f.label)
    if "项目" not in label and "工程" not in label:
        return None  # (the cheap test first: PROJECT ends on one of them, and most labels hold neither)
    names = [m.group() for m in PROJECT.finditer(label)]
    if not names:
        return None
    name = re.sub(r"^(?:年度?|度)", "", names[-1])
    if len(name) < 6 or _GENERIC_PROJECT.match(name) or vocab.cue("generic_project_name").match(name):
        return None
    return name


def _bare_project_budget(index: DocumentIndex, f: Fact) -> bool:
    """The amount's label names the project only as "项目" ("2023年项目预算", "本项目年初预算"): the report's own."""
    label = index.vocab.cue("period_prefix").sub("", clean_label(f.label))
    return f.scenario in _BUDGETS and bool(index.vocab.cue("own_project_amount").match(label))


def _other_project_said(text: str, f: Fact, own: str) -> bool:
    """The figure's sentence names, before it, another project than the report's own — a sub-project or a part of it
    under an inline heading ("（一）农村厕所改造子项目：项目预算460.00万元" in a report on 农村人居环境整治提升项目): its bare
    "项目预算" is that project's, not the title's."""
    begin = last_of(text, _SENTENCE_ENDS, f.span.start) + 1
    other = _project_name(text[begin:f.span.start])
    return other is not None and other != own and own not in other


_BUDGETS = frozenset({"budget", "budget_initial", "budget_adjusted"})
_SHORT_LINE = 40  # characters: a longer line is prose, not a title or heading


def _own_project(index: DocumentIndex, text: str) -> str | None:
    """The one project a report is of: the project its title (first line) names, in a title that reports on it
    ("2023年度市级公共文化服务体系建设项目绩效自评报告"), when no heading of the text names another project (a report of
    several projects names each in its own heading, and a bare "项目预算" under one is that one's)."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if not lines or len(lines[0]) > _SHORT_LINE * 2 or "。" in lines[0]:
        return None
    title = lines[0]
    report = index.vocab.cue("project_report_title").search(title)
    if report is None:
        return None
    own = _project_name(title[:report.start() + 2])  # (the name up to its 项目 / 工程)
    if own is None:
        return None
    for line in lines[1:]:
        if len(line) <= _SHORT_LINE and "。" not in line:
            other = _project_name(line)
            if other is not None and other != own and own not in other and other not in own:
                return None
    return own


def _project_name(words: str) -> str | None:
    names = [m.group() for m in PROJECT.finditer(words)]
    if not names:
        return None
    name = re.sub(r"^(?:\d{2,4}\s*年度?|年度?|度)", "", names[-1])
    return None if len(name) < 6 or _GENERIC_PROJECT.match(name) else name
