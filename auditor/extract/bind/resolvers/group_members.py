"""X中, A m a; B m b; …: the members of a group named before, each stating the measure the group's figure states.

    "…所属事业单位本年收入合计1,067.19万元、本年支出合计1,058.98万元。⏎ 所属单位中,县农机服务中心本年收入286.40万元、
     本年支出281.73万元;县农业技术推广站本年收入412.58万元、…;县动物疫病预防控制中心本年收入368.21万元、…"
        → 1,067.19 ⊇ 286.40 + 412.58 + 368.21, and 1,058.98 ⊇ the three 本年支出 (members_of_named_group)

A sentence that opens with a group (cue whole_opener: "所属单位中,") and goes on, one clause (;) for each member, with
figures named by a member and a measure: the group's own figure of that measure is the one stated before it named by
the group and the measure ("所属事业单位" + "本年收入" + 合计) — in its paragraph or the one right before.  The text
need not name every member: only parts above the group's figure are wrong.  A group whose figure names no measure
beyond its own name ("基本支出中,人员经费…") is not read here (its members are kinds, the vocabulary's identity).
"""

from __future__ import annotations

from typing import Iterator

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate
from auditor.extract.bind.lists import is_part, make_breakdown
from auditor.extract.bind.resolvers.share import names_in_full
from auditor.extract.model import Fact
from auditor.extract.readings import Reading, clean_label, sentence_start

_TOTAL_WORDS = lazyre.compile(r"(?:合计|总计|共计|总额)$")
_MEASURE = 2  # characters a measure has at least ("收入", "本年支出")
_JOINED = lazyre.compile(r"[^,;。,;()]*、[^,;。,;()、]*")  # (one 、 between two figures, no clause between)


def resolve(r: Reading) -> Iterator[Candidate]:
    tree = r.tree
    opener = r.vocab.cue("whole_opener")
    for s in tree.of_kind("words"):
        i = s.index
        if s.depth or not tree.opens_sentence(i):
            continue
        said = opener.match(r.norm.text, s.start)
        if said is None or said.end() > s.end + 1:
            continue
        group = said.group(1)
        members = _member_clauses(r, i)
        # (the opener's own sub-sentence: "一般公共预算支出中,…;政府性基金支出中,…" opens two groups)
        flat = [f for clause in members for f in clause if tree[r.node_of(f)].sub == s.sub]
        if len(flat) >= 2 and len({tree[r.node_of(f)].clause for f in flat}) == len(flat) \
                and not any(r.facts[k] is not None and r.facts[k].kind == "percent" for k in tree.unit("sentence", i)):
            # (no shares in the sentence: "财政资金中,中央财政285.93亿元,占高校资助总额29.91%" names its whole itself)
            made = _bare_group(r, i, group, flat)  # (one figure a clause: "区县中,A区42.36亿元,B区38.71亿元,…")
            if made:
                yield made
                continue
        if len(members) < 2:
            continue
        figures = _group_figures(r, i, group)
        measures = [m for _, m in figures]
        # (each clause names its member first, by a name and one of the group's measures: "县农机服务中心本年收入…、本年支出…")
        if not all(any(_names_member(clean_label(clause[0].label), m) for m in measures) for clause in members):
            continue
        for total, measure in figures:
            parts = []
            for clause in members:
                named = [f for f in clause if clean_label(f.label).endswith(measure)]
                if len(named) != 1:
                    break
                parts.append(named[0])
            else:
                made = make_breakdown(r, total, parts, "其中", False, "members_of_named_group")
                if made:
                    yield made


_FLOW_WORD = lazyre.compile(r"收入|支出")
_MEASURE_END = lazyre.compile(r"(?:收入|支出)$")  # (a member named with its measure: "A区支出62.36亿元")


def _bare_group(r: Reading, i: int, group: str, members: list[Fact]):
    """"全市…收入203.40亿元,其中市本级88.40亿元,区县115.00亿元。⏎区县中,A区42.36亿元,B区38.71亿元,…": a group named by
    a figure of the sentence right before (in its paragraph or on the line above) whose name is the group's alone, and
    members one figure a clause, each named by a member alone, in the group's unit — some of it (more is wrong)."""
    tree = r.tree
    start = tree.unit("sentence", i).start
    if start == 0:
        return None
    previous = [r.facts[k] for k in tree.unit("sentence", start - 1)
                if r.facts[k] is not None and tree[k].kind == "labelled" and r.facts[k].kind == "amount"]
    if not previous or not _adjacent(r, r.node_of(previous[-1]), i):
        return None
    named = [f for f in previous if clean_label(f.label) == group]
    if len(named) != 1 or named[0].is_bound or r.is_previous(named[0]):
        return None
    total = named[0]
    if any(f.unit != total.unit or f.scale != total.scale or f.value > total.value
           or not clean_label(f.label) or group in clean_label(f.label) for f in members):
        return None  # (members in the group's unit, none above it, each named apart from the group)
    # (the members' measure the group's: "全市…收入203.40亿元,其中…区县115.00亿元。区县中,A区支出62.36亿元,…" names
    # the districts' spending, no part of their revenue — a measure a member names is the one its group's sentence says)
    text = r.norm.text
    opened = sentence_start(text, total.span.start)
    said = set(_FLOW_WORD.findall(text, opened, total.span.end))
    if said and any((m := _MEASURE_END.search(clean_label(f.label))) and m.group() not in said for f in members):
        return None
    family_members = {m for family in r.vocab.families.values() for m in family.members}
    if any(f.concept in family_members for f in members):
        return None  # ("基本支出中,人员经费…;公用经费…": kinds named by what they are, the vocabulary's identity, not members)
    return make_breakdown(r, total, members, "其中", False, "members_of_named_group", ("the group named alone",))


def _adjacent(r: Reading, k: int | None, i: int) -> bool:
    """Node k stands in node i's paragraph, or on the line right above it."""
    tree = r.tree
    if k is None:
        return False
    a, b = tree[k].paragraph, tree[i].paragraph
    return a == b or a == b - 1 and tree.paragraph_lines.get(a, (0, -9))[1] + 1 == tree.paragraph_lines.get(b, (0, 0))[0]


def _member_clauses(r: Reading, i: int) -> list[list[Fact]]:
    """The labelled amounts of each clause (;) of the sentence node i opens, at its own level; none when one is last
    year's (a comparison, no member's figure of the group's year)."""
    tree = r.tree
    clauses: dict[int, list[Fact]] = {}
    for k in tree.unit("sentence", i):
        if k > i and tree[k].depth == tree[i].depth and is_part(r, tree[k]) and r.facts[k].kind == "amount":
            if r.is_previous(r.facts[k]):
                return []
            clauses.setdefault(tree[k].sub, []).append(r.facts[k])
    return list(clauses.values())


def _names_member(label: str, measure: str) -> bool:
    """A figure named by a member (some words) and then the measure."""
    return label.endswith(measure) and len(label) > len(measure) + 1


def _group_figures(r: Reading, i: int, group: str) -> list[tuple[Fact, str]]:
    """The figures stated before node i, in its paragraph or the one right before, named by the group and a measure
    (合计 aside) — or by a measure alone, right after (、) one so named in its clause ("所属事业单位本年收入合计…、本年支出
    合计…") —, each with its measure: the nearest of each measure, of this period."""
    tree = r.tree
    paragraph = tree[i].paragraph
    nodes = [k for k in tree.paragraph_nodes(paragraph) if k < i]
    above = paragraph - 1
    if tree.has_paragraph(above) and tree.paragraph_lines.get(above, (0, -9))[1] + 1 \
            == tree.paragraph_lines.get(paragraph, (0, 0))[0]:
        nodes = [*tree.paragraph_nodes(above), *nodes]
    out: dict[str, Fact] = {}
    named: Fact | None = None  # the last figure named by the group (the next, after 、, may name the measure alone)
    for k in nodes:
        f = r.facts[k]
        if f is None or f.kind != "amount" or tree[k].kind not in ("labelled", "total") or f.is_bound or r.is_previous(f):
            continue
        core = _TOTAL_WORDS.sub("", clean_label(f.label))
        measure = _measure_after(core, group)
        if not measure and named is not None and _JOINED.fullmatch(r.norm.text, named.span.end, f.span.start) \
                and len(core) >= _MEASURE and group not in core:
            measure = core  # (the group named once for the measures after it)
        named = f if measure else None
        if measure:
            out[measure] = f
    return [(f, m) for m, f in out.items()]


def _measure_after(core: str, group: str) -> str:
    """What the name says after naming the group ("所属事业单位本年收入" of 所属单位: "本年收入"), or ''."""
    for cut in range(len(group), len(core) - _MEASURE + 1):
        head = core[:cut]
        if head.endswith(group) or len(group) >= 4 and names_in_full(head, group):
            return core[cut:]
    return ""
