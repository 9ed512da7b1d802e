"""One quantity stated twice: the same concept, year, scenario and funds, and the same
parent (what the figure is a part of, when narrower than the report).

    "2023年基本支出881300.39元。…2023年基本支出881300.39元" → one quantity

"商品和服务支出165247.88元,占基本支出…" and "商品和服务支出29700元,占项目支出…"
are two quantities: their parents differ.  Figures of different funds named by
their paragraphs are different quantities too, and so are figures whose sentences speak of
different levels (全区 / 区本级), or a figure named by the change made to it ("调增…83620万元").
"""

from __future__ import annotations

from auditor.extract.bind.index import DocumentIndex, fact_scope, scope_of
from auditor.extract.model import Breakdown, Repeat, Share


def resolve(index: DocumentIndex, lists: list[Breakdown], shares: list[Share], text: str,
            slipped: frozenset[int] = frozenset()) -> list[Repeat]:
    """`slipped`: figures a unit-slip reading claims (2089元 for 2089万元): UNI001's, not a
    second value of their quantity."""
    known = index.known_concepts
    as_change = index.vocab.cue("stated_as_change")
    inside = index.vocab.cue("inclusion_bracket")
    other_basis = index.vocab.cue("restated_basis")
    parents = _parents(index, lists, shares)
    groups: dict[tuple, list] = {}
    for key, facts in index.by_key.items():
        for f in facts:
            groups.setdefault((*key, parents.get(f.id)), []).append(f)
    out: list[Repeat] = []
    for group, (key, facts) in enumerate(groups.items()):
        concept = key[0]
        if concept not in known or index.vocab.cue("staged_concept").match(concept):
            continue
        # a zero says "none of it here" (a sub-category), not a restatement
        # (a figure in a "(含…)" bracket is a part of the item before it: "…(含上年结转资金92.40万元)")
        # (… nor a figure its clause restates on another scope or basis: "若不计入特别预算,总支出为…", "按权责发生制计…")
        facts = [f for f in facts if not f.in_table and f.value != 0 and f.id not in slipped
                 and not as_change.match(f.label) and not inside.search(text, max(0, f.span.start - 44), f.span.start)
                 and not other_basis.search(text, _clause_start(text, f.span.start), f.span.start)
                 and not _in_last_years_bracket(text, f.span.start)]
        first = facts[0] if facts else None
        level = _level(index, text, first) if len(facts) > 1 else None
        for other in facts[1:]:
            if first.fund and other.fund and first.fund != other.fund:
                continue  # "…一般公共预算…收入合计196.3亿元" and "…政府性基金…收入合计164.0亿元"
            if _level(index, text, other) != level:
                continue  # "全区…上级补助收入11.96亿元" and "区本级…上级补助收入11.75亿元"
            out.append(Repeat.model_construct(first=first, other=other, concept=concept, group=group,
                                              reason="same_quantity", via=(), rejected=()))
    return out


def _level(index: DocumentIndex, text: str, fact) -> str | None:
    """The level its sentence speaks of, named before the figure (全区, 区本级…), if any."""
    start = max(text.rfind(mark, 0, fact.span.start) for mark in "。\n")
    found = index.vocab.cue("level_scope").findall(text, start + 1, fact.span.start)
    return found[-1] if found else None


def _parents(index: DocumentIndex, lists: list[Breakdown], shares: list[Share]) -> dict[int, tuple]:
    """What a figure is part of, when that is narrower than the whole report."""
    top = {t for name in ("支出构成", "收入来源") if name in index.vocab.families
           for t in index.vocab.families[name].totals}
    out: dict[int, tuple] = {}
    for b in lists:
        parent = b.total.concept or b.total.label
        if parent and parent not in top:
            for p in b.parts:  # (with its funds: 一般公共预算财政拨款基本支出's 人员经费 is not 基本支出's)
                out.setdefault(p.id, (parent, fact_scope(b.total)))
    for s in shares:
        if s.part is not None and s.whole_label:
            info = index.label_concept(s.whole_label)
            parent = info.concept or info.text
            if parent and parent not in top:
                out.setdefault(s.part.id, (parent, scope_of(s.whole_label, info.concept)))
    return out


def _clause_start(text: str, at: int) -> int:
    """Where the clause before `at` opens: after the previous ',', ';' or '。' but one (the words that put a figure
    on another basis may stand a clause before it: "若不计入特别预算,总支出为…")."""
    marks = [text.rfind(c, 0, at) for c in ",;。\n"]
    last = max(marks)
    if last <= 0:
        return 0
    before = max(text.rfind(c, 0, last) for c in ",;。\n")
    return before + 1 if text[last] == "," else last + 1


_LAST_YEAR_WORDS = ("上年", "去年", "上一年", "上年度")


def _in_last_years_bracket(text: str, at: int) -> bool:
    """The figure stands in a bracket that explains a figure of last year ("上年该比例为55.59%(项目支出4819.05万元/
    总额8668.70万元)"): last year's amounts, not this year's said again."""
    opened = text.rfind("(", max(0, at - 60), at)
    if opened < 0 or text.find(")", opened, at) >= 0:
        return False
    return any(w in text[_clause_start(text, opened):opened] for w in _LAST_YEAR_WORDS)
