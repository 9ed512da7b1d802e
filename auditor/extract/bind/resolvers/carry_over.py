"""A year's carry-over: what was left at its start, plus what came in, less what went out, is
what is left at its end.

    "年初财政拨款结转和结余84.38万元,本年财政拨款收入2,075.11万元,本年财政拨款支出2,117.46万元,
     年末财政拨款结转和结余42.03万元"                  → 42.03 = 84.38 + 2,075.11 − 2,117.46

    "2022年初结转和结余92.35万元,加上本年收入1468.20万元,扣除本年支出1497.81万元,年末结转和结余62.74万元"
                                                       → 62.74 = 92.35 + 1468.20 − 1497.81 (the arithmetic in words)
    "财政拨款收入总计5506.84万元,其中年初财政拨款结转和结余386.20万元,本年财政拨款收入5120.64万元;财政拨款支出
     总计5506.84万元,其中本年财政拨款支出5233.19万元,年末财政拨款结转和结余273.65万元"
                                                       → 273.65 = 386.20 + 5120.64 − 5233.19 (the two 总计 the
                                                         four make up stand beside them: they add no flow)

A sentence that states the year's income, its spending and the 结转和结余 at its end, but not the one at its start, takes
that one from before it in the document — the one 结转和结余 stated at the year's start within a few paragraphs, as
"2023年初,本部门结转和结余资金184.36万元。⏎ 2023年本年收入2,361.08万元,本年支出2,297.51万元,年末结转和结余247.93万元。"
states it (`stated_opening`, reason carry_over_stated: found by looking through the document, at most a warning).

Only a sentence that states exactly these four amounts (besides the 收入总计 / 支出总计 they make up), in one unit
and of one funds (all four named 财政拨款, or none), is read: a 结余分配, an 提取 or another figure beside them, and
the identity may not be the whole story.
"""

from __future__ import annotations

from typing import Iterator

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate
from auditor.extract.bind.index import DocumentIndex
from auditor.extract.bind.resolvers.repeat import point_of
from auditor.extract.model import Difference, Fact
from auditor.extract.readings import Reading, clean_label
from auditor.textsearch import last_of

_OPENING = lazyre.compile(r"(?:年初|上年)[^,;。]{0,10}结转(?:和|及)?结余$")
_CLOSING = lazyre.compile(r"(?:年末|期末)[^,;。]{0,10}结转(?:和|及)?结余$")
# ("加本年财政拨款收入…,减本年财政拨款支出…": the arithmetic said in words)
# (the funds may be named before the year: "财政拨款本年收入4,987.35万元,财政拨款本年支出4,960.12万元")
_FUNDS_NAMED = r"(?:一般公共预算|政府性基金|国有资本经营)?财政拨款"  # (a funds' money named by it: "财政拨款", "一般公共预算财政拨款")
_INCOME = lazyre.compile(rf"^(?:加上?)?(?:{_FUNDS_NAMED})?(?:本年|当年|本年度)[^,;。]{{0,12}}收入(?:合计)?$")
_SPENDING = lazyre.compile(rf"^(?:减去?|扣除|减除)?(?:{_FUNDS_NAMED})?(?:本年|当年|本年度)[^,;。]{{0,12}}支出(?:合计)?$")
# a grand total of the account, which the opening balance and the year's income (or the year's spending and the closing
# balance) make up: beside the four, no flow of its own ("财政拨款收入总计…,其中年初…结转和结余…,本年财政拨款收入…")
_GRAND_TOTAL = lazyre.compile(r"(?<!本年)(?<!当年)(?:收入|支出)总计$")
_ROLES = (_OPENING, _INCOME, _SPENDING, _CLOSING)
_ROLE_CUES = ("carry_over_opening", "carry_over_received", "carry_over_spent", "carry_over_closing")


def resolve(r: Reading) -> Iterator[Candidate]:
    for facts in r.facts_by_sentence("amount"):
        if len(facts) < 4:
            continue  # (the cheap test first: four amounts at least, before each label is read)
        facts = [f for f in facts if not _GRAND_TOTAL.search(_dated(clean_label(f.label)))]
        # (a fund's money moved out to another account in the year, named by the fund's own words, goes out with its
        # spending: "上年结转2,136.10万元,本年收入14,210.00万元,调出资金500.00万元,本年支出13,827.52万元,年末结转2,018.58万元")
        moved = [f for f in facts if r.vocab.cue("carry_over_moved_out").search(_dated(_clause_words(r, f)))]
        if len(facts) == 5 and len(moved) == 1:
            facts = [f for f in facts if f is not moved[0]]
        else:
            moved = []
        if len(facts) != 4:
            continue
        labels = [clean_label(f.label).removeprefix("和").removeprefix("及") for f in facts]
        dated = [_dated(label) for label in labels]
        words = [_dated(_clause_words(r, f)) for f in facts]
        roles = []
        for pattern, cue in zip(_ROLES, _ROLE_CUES):
            # (… or a fund's own words: "上年结转…,本年下达…,本年支出…,结转下年…" — cues carry_over_*)
            said = r.vocab.cue(cue)
            found = [f for f, label, own in zip(facts, dated, words) if pattern.search(label) or said.search(own)]
            if len(found) != 1:
                break
            roles.append(found[0])
        if len(roles) != 4 or len({f.id for f in roles}) != 4 or len({f.unit for f in roles}) != 1 \
                or len({_funds(f.label) for f in roles}) != 1 or any(f.is_bound for f in roles):
            continue
        # (a 结余分配, 提取 or another fund's income in the paragraph: the four may not be all of it)
        start = r.norm.text.rfind("\n", 0, roles[0].span.start) + 1
        end = r.norm.text.find("\n", roles[-1].span.end)
        if any(not moved or not _moved_words(r, m.start(), moved[0])
               for m in _OTHER_FLOWS.finditer(r.norm.text, start, end if end >= 0 else len(r.norm.text))):
            continue
        opening, income, spending, closing = roles
        if moved and (moved[0].unit != closing.unit or moved[0].is_bound
                      or not (opening.span.start < moved[0].span.start < closing.span.start)):
            continue  # (moved out between the two balances, in their unit)
        yield Candidate(Difference.model_construct(
            difference=closing, minuends=(opening, income), subtrahends=(spending, *moved), name="结余",
            rate=None, base=None, rivals=(), reason="carry_over", via=(), rejected=()))


def _moved_words(r: Reading, at: int, moved: Fact) -> bool:
    """The words at `at` are those that name the money moved out (`moved`): "调出资金" right before its figure."""
    return at < moved.span.start and r.vocab.cue("carry_over_moved_out").search(
        _SAID_COPULA.sub("", r.norm.text[at:moved.span.start].strip())) is not None


def _clause_words(r: Reading, f: Fact) -> str:
    """The words of `f`'s clause before it, as written ("本年下达8,615.27万元": 本年下达, where the label read lost the 达 to
    a copula), without a copula after them."""
    text = r.norm.text
    start = last_of(text, ",;:。\n", f.span.start) + 1
    return _SAID_COPULA.sub("", text[start:f.span.start].strip())


_SAID_COPULA = lazyre.compile(r"(?:为|是|共|计)$")


# (the year only: "2022年初结转和结余" is 年初's, "2023年度年初…" the year's)
_YEAR = lazyre.compile(r"^(?:19|20)\d{2}(?:年度?(?![初末底]))?")
_FUNDS = lazyre.compile(r"一般公共预算|政府性基金|国有资本经营|财政拨款")
_OTHER_FLOWS = lazyre.compile(r"结余分配|提取|调入|调出|缴回|上缴|调整|其他收入|政府性基金|国有资本经营")


def _funds(label: str) -> tuple[str, ...]:
    """The funds a label names (一般公共预算财政拨款 is not all 财政拨款)."""
    return tuple(m.group() for m in _FUNDS.finditer(label))


def _dated(label: str) -> str:
    """The label without the year it opens with ("2023年度年初…" → "年初…", "2022年初…" → "年初…")."""
    return _YEAR.sub("", label)


_REACH = 3  # lines between the opening balance and the sentence of the year's flows
_BALANCE = lazyre.compile(r"结转(?:和|及)?结余(?:资金)?$")
_NOT_OPENING = lazyre.compile(r"(?:年末|期末|年底)")
_HEADING = lazyre.compile(r"\n\s*(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+[部分章节])")


def stated_opening(index: DocumentIndex, text: str) -> list[Difference]:
    """年末结转和结余 = 年初 + 本年收入 − 本年支出, where the sentence of the year's flows and its closing balance does not
    state the opening one and a sentence shortly before it does (the balance its sentence states at the year's start:
    年初 in its label, or said before it in its sentence, "2023年初,本部门结转和结余资金184.36万元")."""
    out = []
    adjusted = None  # (whether the document says its opening balance adjusted: one scan of it, at the first sentence)
    for prose in index.facts_by_sentence.values():
        if len(prose) < 3 or any(f.in_table for f in prose):
            continue  # (the cheap test first)
        facts = [f for f in prose if f.kind == "amount" and not _GRAND_TOTAL.search(_dated(clean_label(f.label)))]
        if len(facts) != 3:
            continue
        labels = [_dated(clean_label(f.label).removeprefix("和").removeprefix("及")) for f in facts]
        roles = []
        for pattern in (_INCOME, _SPENDING, _CLOSING):
            found = [f for f, label in zip(facts, labels) if pattern.search(label)]
            if len(found) != 1:
                break
            roles.append(found[0])
        if len(roles) != 3 or len({f.id for f in roles}) != 3 or any(_OPENING.search(label) for label in labels) \
                or len({f.unit for f in roles}) != 1 or len({_funds(f.label) for f in roles}) != 1 \
                or any(f.is_bound for f in roles):
            continue
        income, spending, closing = roles
        start = text.rfind("\n", 0, facts[0].span.start) + 1
        end = text.find("\n", facts[-1].span.end)
        if _OTHER_FLOWS.search(text, start, end if end >= 0 else len(text)):
            continue
        if adjusted is None:
            adjusted = index.vocab.cue("opening_balance_adjusted").search(text) is not None
        if adjusted:
            continue  # ("年初结转和结余调减8.25万元": the opening balance looked up is not the one the year went on from)
        opening = index.unique(_openings(index, text, closing, start))
        if opening is None:
            continue
        out.append(Difference.model_construct(
            difference=closing, minuends=(opening, income), subtrahends=(spending,), name="结余", rate=None, base=None,
            rivals=(), reason="carry_over_stated",
            via=("the 结转和结余 at the year's start, stated before the sentence of the year's flows",), rejected=()))
    return out


# the year's flows named in words, without their figures, in a sentence of its two balances: "加上年初结转和结余92.14万元,
# 减去本年支出后,年末结转和结余126.44万元" (the 本年收入 and 本年支出 it goes on from stated before it)
_FUNDS_FLOW = lazyre.compile(rf"{_FUNDS_NAMED}(?:收入|支出)(?:合计)?")
_FLOWS_IN_WORDS = lazyre.compile(r"(?:加上?|减去?|扣除|减除)(?:本年|当年|本年度)[^,;。\d]{0,8}(?:收入|支出)(?:合计)?(?:后|[,;。])")


def stated_flows(index: DocumentIndex, text: str) -> list[Difference]:
    """年末结转和结余 = 年初 + 本年收入 − 本年支出, where the sentence of the two balances says the year's flows in words,
    without their figures ("加上年初结转和结余92.14万元,减去本年支出后,年末结转和结余126.44万元"), and the document states
    before it one 本年收入(合计) and one 本年支出(合计) of the balances' funds and unit (reason carry_over_flows_stated:
    found by looking through the document, at most a warning).  A 结余分配, 提取 or another account moved in the document,
    or the opening balance said to be adjusted (调减, 更正: cue opening_balance_adjusted), and the three need not be all of
    it: nothing is read."""
    out = []
    other = None  # (whether the document moves other accounts or adjusts its opening balance: one scan of it, as needed)
    for prose in index.facts_by_sentence.values():
        if len(prose) < 2 or any(f.in_table for f in prose):
            continue
        facts = [f for f in prose if f.kind == "amount" and not _GRAND_TOTAL.search(_dated(clean_label(f.label)))]
        if len(facts) != 2 or any(f.is_bound for f in facts) or facts[0].unit != facts[1].unit:
            continue
        labels = [_dated(clean_label(f.label).removeprefix("和").removeprefix("及")) for f in facts]
        if not (_OPENING.search(labels[0]) and _CLOSING.search(labels[1])) \
                or _funds(facts[0].label) != _funds(facts[1].label):
            continue
        opening, closing = facts
        start = text.rfind("\n", 0, opening.span.start) + 1
        if not _FLOWS_IN_WORDS.search(text, start, closing.span.start):
            continue
        if other is None:
            other = index.vocab.cue("carry_over_other_accounts").search(text) is not None \
                or index.vocab.cue("opening_balance_adjusted").search(text) is not None
        if other:
            continue
        flows = []
        funds = _funds(closing.label)
        for pattern, words in ((_INCOME, "收入"), (_SPENDING, "支出")):
            # (a funds' balances go on from that funds' income and spending, named by it without 本年: "2023年度财政拨款
            # 收入2,690.35万元,财政拨款支出2,671.04万元。加上年初财政拨款结转和结余…")
            found = [f for f in index.amounts_holding(words)
                     if f.span.start < start and not f.in_table and not f.is_bound and f.unit == closing.unit
                     and not index.is_previous(f) and _funds(f.label) == funds
                     and (pattern.search(_dated(clean_label(f.label)))
                          or funds and _FUNDS_FLOW.fullmatch(_dated(clean_label(f.label))) and words in f.label)]
            flows.append(index.unique(found))
        income, spending = flows
        if income is None or spending is None:
            continue
        out.append(Difference.model_construct(
            difference=closing, minuends=(opening, income), subtrahends=(spending,), name="结余", rate=None, base=None,
            rivals=(), reason="carry_over_flows_stated",
            via=("the year's income and spending, named in words, stated before the sentence of its balances",),
            rejected=()))
    return out


def _openings(index: DocumentIndex, text: str, closing: Fact, before: int) -> list[Fact]:
    """The 结转和结余 balances of the closing one's funds stated at the year's start in the lines right before `before`."""
    out = []
    for f in index.amounts_holding("结余"):
        if f.span.start >= before:
            break
        label = _dated(clean_label(f.label))
        if f.in_table or f.is_bound or f.unit != closing.unit or not _BALANCE.search(label) \
                or _NOT_OPENING.search(label) or _funds(f.label) != _funds(closing.label):
            continue
        if not _OPENING.search(label) and point_of(index, text, f) != "opening":
            continue
        if text.count("\n", f.span.end, before) > _REACH or _HEADING.search(text, f.span.end, before):
            continue
        out.append(f)
    return out
