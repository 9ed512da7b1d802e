"""A balance rolled forward: the balance at the year's start, plus what was added, less what was paid off, is the
balance at its end.

    "当年收支结余40876万元,上年末滚存结余725577万元,年末滚存结余766453万元"   → 766453 = 725577 + 40876
    "…年末滚存结余155439.13万元(上年末滚存结余154191.00万元)" after "本年收支结余1248.13万元"
    "全市政府债务余额由年初的2478.74亿元,加上新增债券211.20亿元,扣除当年偿还本金60.85亿元,年末余额为2629.09亿元"
                                                                            → 2629.09 = 2478.74 + 211.20 − 60.85
    "年初结转结余6284.19万元,本年收支结余640.82万元,年末结转结余6925.01万元"  → 6925.01 = 6284.19 + 640.82
    "上期結存312,450元,本期收入合計684,200元,本期支出合計702,318元,本期餘絀△18,118元,本期結存294,332元"
                                                                            → 294,332 = 312,450 − 18,118 (by the net)

Read only in one sentence whose figures, from the first of these to the last, all have a role — one opening balance
(上年末 / 年初 … 余额, 结余), one closing balance (年末 … 余额, 滚存结余), and flows (当年结余, 新增, 举借, a reserve's 提取
added; 偿还, 还本, 当年缺口, 核销, 调出 / 转出 / 上解 taken away; the gross 收入 and 支出 where no net 余绌 / 结余 stands beside them) — in one unit,
the words the vocabulary's roll_* cues: another figure among them (利息, 调入 …) and the identity may not be
the whole story. A 结转和结余 with the year's income and spending is carry_over's.
"""

from __future__ import annotations

from typing import Iterator

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate, difference_claim
from auditor.extract.model import Difference, Fact
from auditor.extract.readings import Reading, clean_label, part_start
from auditor.extract.vocabulary import Vocabulary
from auditor.textsearch import last_of

_CLAUSE_BREAK = lazyre.compile(r"[,;，；]")
_SPLIT = lazyre.compile(r"其中|包括|包含|含")
_OUTSIDE = lazyre.compile(r"\([^()]*\)")  # (a bracket's words: what _SPLIT looks for must stand outside one)


def resolve(r: Reading) -> Iterator[Candidate]:
    prior: Fact | None = None  # an opening balance its sentence states alone
    for facts in r.facts_by_sentence("amount", prose_only=True):
        facts = [f for f in facts if not _in_breakdown(r, f)]
        if not facts:
            prior = None
            continue
        if len(facts) < 3 and (len(facts) == 1 or prior is None):
            # (fewer than three figures, and no opening balance said alone before two: no roll — only whether a lone
            # figure is such an opening balance is read, for the sentence after it)
            prior = facts[0] if len(facts) == 1 and _role(r, facts[0]) == "opening" else None
            continue
        roles = _shared_verbs(r, facts, [_role(r, f) for f in facts])
        opened = prior if prior is not None and "opening" not in roles \
            and _next_to(r, prior, facts[0]) and _same_fund(r, prior, facts[-1]) else None
        prior = facts[0] if len(facts) == 1 and roles[0] == "opening" else None
        via: tuple[str, ...] = ()
        if opened is not None:
            # "2023年初,预算稳定调节基金余额6414.95万元。年度执行中动用3768.80万元…,补充3271.22万元,年末余额5917.37万元。":
            # the opening balance said alone, the sentence right after it rolls it forward
            facts, roles, via = [opened, *facts], ["opening", *roles], ("the opening balance stated in the sentence before",)
        if len(facts) < 3:
            continue
        # (the gross 收入 and 支出 do not widen the stretch: before the first balance or flow they are no part of it —
        # "本年收入…,本年支出…,收支结余…,加上利息收入…,本年结余A;上年末滚存结余B,年末滚存结余C" rolls by A)
        marked = [n for n, role in enumerate(roles) if role is not None and role not in ("income", "spending")]
        if not marked:
            continue
        span = list(zip(facts[marked[0]:marked[-1] + 1], roles[marked[0]:marked[-1] + 1]))
        if any(role is None for _, role in span):
            continue  # (a figure of no role among them: not all of the story)
        figures = [f for f, _ in span]
        if any(len(_CLAUSE_BREAK.findall(_OUTSIDE.sub("", r.norm.text[a.span.end:b.span.start]))) > 1
               for a, b in zip(figures, figures[1:])):
            continue  # (a clause of no figure among them: "期初基金余额62.48亿元,减除本期短绌后,加计…" — a flow unstated)
        if _split_flow(r, span):
            continue  # ("扣除偿还到期本金52.15亿元(其中:一般债券还本31.40亿元、…)": a flow and its parts, each read as a flow)
        gross = [role for _, role in span if role in ("income", "spending")]
        if gross:
            if sorted(gross) != ["income", "spending"]:
                continue  # (income without its spending, or two of one: not the period's whole account)
            flows = [f for f, role in span if role in ("added", "taken")]
            if flows and (len(flows) > 1 or not r.vocab.cue("roll_net").search(clean_label(flows[0].label))):
                continue  # (another flow beside the gross ones: which of them the roll is by is open)
            if flows:
                # (a net 余绌 or 结余 beside them is their difference, difference_in_sentence's: the roll is by it —
                # "上期结存A,本期收入合计B,本期支出合计C,本期余绌D,本期结存E": E = A + D)
                span = [(f, role) for f, role in span if role not in ("income", "spending")]
            else:
                span = [(f, {"income": "added", "spending": "taken"}.get(role, role)) for f, role in span]
        opening = [f for f, role in span if role == "opening"]
        closing = [f for f, role in span if role == "closing"]
        added = tuple(f for f, role in span if role == "added")
        taken = tuple(f for f, role in span if role == "taken")
        if len(opening) != 1 or len(closing) != 1 or not (added or taken) or len({f.unit for f in figures}) != 1 \
                or any(f.is_bound for f in figures):
            continue
        yield difference_claim(Difference.model_construct(
            difference=closing[0], minuends=tuple(sorted((opening[0], *added), key=lambda f: f.span.start)),
            subtrahends=taken, name="年末余额",
            rate=None, base=None, rivals=(), reason="roll_forward", via=via, rejected=()))


def _role(r: Reading, f: Fact) -> str | None:
    """flow_role, and what a fund's own words say of it: a balance stated at the year's start its sentence names before it
    ("2023年初,预算稳定调节基金余额…"), the fund drawn on (动用) or topped up (补充) — cues balance_drawn, balance_topped_up."""
    label = clean_label(f.label)
    role = flow_role(label, r.vocab)
    if role is not None:
        return role
    if r.vocab.cue("carried_balance_opening").match(label):
        return "opening"  # ("年初结转结余…,本年收支结余…,年末结转结余…": a 结转结余 account rolled by the year's balance)
    if r.vocab.cue("carried_balance_closing").match(label):
        return "closing"
    if r.vocab.cue("roll_balance").search(label) and not r.vocab.cue("roll_carried").search(label):
        said = r.norm.text[part_start(r.norm.text, f.span.start):f.span.start]
        if r.vocab.cue("opening_point").search(said) and not r.vocab.cue("closing_point").search(said):
            return "opening"
    if r.vocab.cue("reserve_set_aside").match(label):
        # ("贷款风险准备金年初余额118,532.40万元,本年提取32,940.65万元,…,年末余额146,473.05万元": what a reserve sets aside
        # adds to it — a 提取 of a 住房公积金 account takes from it, so only where the sentence names a reserve before it)
        text = r.norm.text
        if r.vocab.cue("reserve_named").search(text, last_of(text, "。！？!?\n", f.span.start) + 1, f.span.start):
            return "added"
    if r.vocab.cue("balance_drawn").search(label):
        return "taken"
    if r.vocab.cue("balance_topped_up").search(label):
        return "added"
    return None


def _shared_verbs(r: Reading, facts: list[Fact], roles: list[str | None]) -> list[str | None]:
    """A figure of no role of its own joined by 、 to the flow before it, whose name opens with the verb they share
    ("全年发行新增债券162.4亿元、再融资债券95.6亿元": both issued — cue roll_shared_verb), is a flow of that flow's role."""
    shared = r.vocab.cue("roll_shared_verb")
    out = list(roles)
    for n in range(1, len(facts)):
        before, f = facts[n - 1], facts[n]
        if out[n] is None and out[n - 1] in ("added", "taken") and f.unit == before.unit \
                and shared.search(clean_label(before.label)) \
                and _JOINED_RUN.fullmatch(r.norm.text, before.span.end, f.span.start):
            out[n] = out[n - 1]
    return out


_JOINED_RUN = lazyre.compile(r"\s*[、和及][^,;。、:\d()]{1,16}")  # (the joiner, then the figure's own name)


def _same_fund(r: Reading, opening: Fact, last: Fact) -> bool:
    """The sentence after an opening balance said alone names no fund or account but the one whose balance it is
    ("…预算稳定调节基金余额12,630.45万元。政府债务偿债准备金当年动用…": the 偿债准备金's flows, not the 稳定调节基金's)."""
    named = r.vocab.cue("fund_named")
    own = set(named.findall(clean_label(opening.label)))
    text = r.norm.text[opening.span.end:last.span.end]
    return all(name in own for name in named.findall(text))


def _paragraph(r: Reading, f: Fact) -> int | None:
    k = r.node_of(f)
    return r.tree[k].paragraph if k is not None else None


def _next_to(r: Reading, opening: Fact, first: Fact) -> bool:
    """The sentence of `first` follows the opening balance's in its paragraph, or opens the line right after the opening's
    line, the opening's sentence its paragraph's last ("2023年初,…余额A。⏎年度执行中动用…")."""
    here, there = _paragraph(r, opening), _paragraph(r, first)
    if here is None or there is None:
        return False
    if here == there:
        return first.sentence == opening.sentence + 1
    tree, lines = r.tree, r.tree.paragraph_lines
    if there != here + 1 or lines.get(here, (0, -9))[1] + 1 != lines.get(there, (0, 0))[0]:
        return False
    k, m = r.node_of(opening), r.node_of(first)
    return tree[tree.unit("paragraph", k).stop - 1].sentence == opening.sentence \
        and tree[tree.unit("paragraph", m).start].sentence == first.sentence


def _in_breakdown(r: Reading, f: Fact) -> bool:
    """A figure in a bracket that opens with 其中 / 含 / 包括 right after a figure: that figure's parts, no flow of the roll
    ("动用2,820.00万元(其中年初预算动用1,800.00万元、预算调整动用1,020.00万元)")."""
    k = r.node_of(f)
    if k is None or r.tree[k].depth == 0:
        return False
    text = r.norm.text
    start = text.rfind("(", 0, f.span.start)
    return start >= 0 and ")" not in text[start:f.span.start] and bool(_BREAKDOWN.match(text, start + 1)) \
        and bool(_AFTER_FIGURE.search(text, max(0, start - 4), start))


_BREAKDOWN = lazyre.compile(r"\s*(?:其中|含|包括|包含)")
_AFTER_FIGURE = lazyre.compile(r"(?:\d|元|亿|万)\s*$")


def flow_role(label: str, vocab: Vocabulary) -> str | None:
    """What a figure so labelled is in a balance's account: opening, closing, added or taken (None: none of them) —
    by the vocabulary's roll_* cues."""
    cue = vocab.cue
    if cue("roll_carried").search(label) or cue("roll_not_flow").search(label):
        return None  # (结转和结余: carry_over's, with the year's income and spending; a 限额 or 利息 moves no principal)
    if cue("roll_opening").search(label) and cue("roll_balance").search(label):
        return "opening"
    if cue("roll_closing").search(label):
        return "closing"
    if cue("roll_taken").search(label):
        return "taken"
    if cue("roll_added").search(label):
        return "added"
    if cue("roll_gross_income").search(label):
        return "income"
    if cue("roll_gross_spending").search(label):
        return "spending"
    return None


def _split_flow(r: Reading, span: list[tuple[Fact, str]]) -> bool:
    """The stretch splits a figure into parts (其中, 含, figures in a bracket) — only a bracket holding the opening
    balance alone is its own ("年末滚存结余155439.13万元(上年末滚存结余154191.00万元)")."""
    if _SPLIT.search(_OUTSIDE.sub("", r.norm.text[span[0][0].span.start:span[-1][0].span.end])):
        return True  # (a bracket of a figure's parts is set aside before: _in_breakdown)
    depths = [r.tree[r.node_of(f)].depth for f, _ in span]
    return any(depth > min(depths) and role != "opening" for depth, (_, role) in zip(depths, span))
