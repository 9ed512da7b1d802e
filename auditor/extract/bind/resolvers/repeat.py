"""One quantity stated twice: the same concept, year, scenario and funds, and the same
parent (what the figure is a part of, when narrower than the report).

    "2023年基本支出881300.39元。…2023年基本支出881300.39元" → one quantity

"商品和服务支出165247.88元,占基本支出…" and "商品和服务支出29700元,占项目支出…"
are two quantities: their parents differ.  Figures of different funds named by
their paragraphs are different quantities too, and so are figures whose sentences speak of
different levels (全区 / 区本级), or a figure named by the change made to it ("调增…83620万元").
"""

from __future__ import annotations

from auditor import lazyre
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
        # (what sets the first figure apart is read once, not once for each figure compared with it)
        first_span = _span_said(text, first) if len(facts) > 1 else ""
        first_heading = _heading(text, first.span.start) if len(facts) > 1 else None
        for other in facts[1:]:
            if first.fund and other.fund and first.fund != other.fund:
                continue  # "…一般公共预算…收入合计196.3亿元" and "…政府性基金…收入合计164.0亿元"
            if _level(index, text, other) != level:
                continue  # "全区…上级补助收入11.96亿元" and "区本级…上级补助收入11.75亿元"
            if first_span != _span_said(text, other):
                continue  # ("1949~1985年的36年…总支出36106万元" and "1976~1985年10年财政总支出22607万元": two spans of years)
            if _other_sections(first_heading, _heading(text, other.span.start)):
                # ("（一）市教育局 ⏎ …项目支出8968.00万元 ⏎ （二）市卫生健康委员会 ⏎ …5760.59万元": two units' figures;
                # "（二）“三公”经费预算安排情况 ⏎ …5.00万元 ⏎ （三）“三公”经费决算情况 ⏎ …3.84万元": a budget and its outturn)
                continue
            out.append(Repeat.model_construct(first=first, other=other, concept=concept, group=group,
                                              reason="same_quantity", via=(), rejected=()))
    return out


def _level(index: DocumentIndex, text: str, fact) -> str | None:
    """The level its sentence speaks of, named before the figure (全区, 区本级…), if any."""
    # (not a level a bracket names as included: "全镇(含镇本级和12个村级组织)基本支出…" is 全镇's)
    said = _INCLUDED.sub("", text[_sentence_start(text, fact.span.start):fact.span.start])
    found = index.vocab.cue("level_scope").findall(said)
    return found[-1] if found else None


_INCLUDED = lazyre.compile(r"\((?:含|包括|包含)[^()]*\)")
# a line that names a unit alone, a heading over its figures ("（一）市教育局", "三江镇:", "2.市交通运输局", "高新区")
# (its marker may be a part's, "第一部分  县农业农村局", or brackets, "【县交通运输局】"; its name may be followed by what the
# section tells of it, "1.县水利局部门决算情况")
_UNIT_HEADING = lazyre.compile(r"^(?:\(?[一二三四五六七八九十\d]{1,3}[)、.]\s*|第[一二三四五六七八九十\d]{1,3}部分\s*|【)?"
                               r"([\u4e00-\u9fff]{1,16}?(?:省|市|县|区|州|旗|盟|镇|乡|街道|局|委员会|"
                               r"委|办公室|办|中心|站|院|校|所|厅|部|集团|公司|基金))"
                               r"(?:】|(?:部门|单位)?(?:决算|预算)(?:情况|说明)?)?[:]?$")
_LINE_SUBJECT = lazyre.compile(r"\s*([^:,;。\d]{2,24}):")  # ("工伤保险基金:本年收入18420万元,…": the line's own heading)
_HEADING_REACH = 6  # lines back
# a span of years: a range ("1976~1985年", "2021—2024年") or a count ("10年", "36年", "五年")
_YEAR_SPAN = lazyre.compile(r"((?:19|20)\d{2}\s*[~～\-—–至到]\s*(?:(?:19|20)?\d{2})\s*年)|(?<![\d年〇零○])(\d{1,3}|[一二三四五六七八九十]{1,3})\s*(?:个)?年(?!度)")
_OUTTURN = lazyre.compile(r"决算|执行情况|完成情况|实际")
_MARKER = lazyre.compile(r"^\(?[一二三四五六七八九十\d]{1,3}[)、.]|(?:19|20)\d{2}年度?")
_FIGURE = lazyre.compile(r"\d")


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence (or line) holding offset `at` opens."""
    return max(text.rfind(mark, 0, at) for mark in "。\n") + 1


def _span_said(text: str, fact) -> str:
    """The span of years the figure's sentence names before it ("1976~1985年", "10年"), or ""."""
    found = _YEAR_SPAN.findall(text, _sentence_start(text, fact.span.start), fact.span.start)
    return "".join(found[-1]).replace(" ", "") if found else ""


def _heading(text: str, at: int) -> str | None:
    """The nearest heading line above offset `at` (a short line of no sentence and no figure), within a few lines."""
    end = text.rfind("\n", 0, at)
    own = _LINE_SUBJECT.match(text, end + 1, at)
    if own and _UNIT_HEADING.match(own.group(1)):
        return own.group(1)
    for _ in range(_HEADING_REACH):
        if end < 0:
            return None
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip()
        end = start - 1
        if line and len(line) <= 30 and "。" not in line and not _FIGURE.search(_MARKER.sub("", line)):
            return line
    return None


def _other_sections(a: str | None, b: str | None) -> bool:
    """Two headings that name two units, or a budget and an outturn: the figures under them are two quantities."""
    if not a or not b or a == b:
        return False
    unit_a, unit_b = _UNIT_HEADING.match(a), _UNIT_HEADING.match(b)
    if unit_a and unit_b and unit_a.group(1) != unit_b.group(1):
        return True
    return {_section_kind(a), _section_kind(b)} == {"budget", "outturn"}


def _section_kind(heading: str) -> str | None:
    if _OUTTURN.search(heading):
        return "outturn"
    return "budget" if "预算" in heading else None


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
