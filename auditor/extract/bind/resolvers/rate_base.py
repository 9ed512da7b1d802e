"""A rate whose sentence states no base: the base the document gives.

    "支出1741.75万元,完成年初预算103.3%,决算数大于预算数55.93万元" → the budget
        the sentence implies, 1741.75 − 55.93 (rate_implied_budget)
    "…项目支出95万元,执行率95%" with a budget of the same subject stated elsewhere
        → that budget (rate_base_in_document); and every amount of the document
        that gives the rate within a last digit, the readings doubt looks at
"""

from __future__ import annotations

from bisect import bisect_left
from decimal import Decimal

from auditor.extract.bind.index import DocumentIndex
from auditor.extract.bind.resolvers.rate import DONE_IN_CLAUSE, OTHER_NAMED_BUDGET, SAID_OF_BUDGET, SPENT_UNNAMED, SUBJECT_UNFOUND, another_project
from auditor.extract.model import SPENT_SCENARIOS, Change, Fact, Rate
from auditor import lazyre
from auditor.extract.readings import clean_label, sentence_start
from auditor.extract.vocabulary import DONE_VERB, read_label

_DELTA_CONCEPTS = {"增减额", "预算差额"}
_LEADING_YEAR = lazyre.compile(r"^\d{4}年度?")  # (as the reading takes it off a label that is its own concept)


def resolve(index: DocumentIndex, rates: list[Rate], changes: list[Change], text: str = "",
            located: list[Change] = ()) -> list[Rate]:
    """`located`: the changes with the figure stated elsewhere each is of (change_current), when known."""
    by_sentence: dict[int, list[Change]] = {}
    for c in changes:
        if c.reference == "budget" and c.delta is not None:
            by_sentence.setdefault(c.delta.sentence, []).append(c)
    by_subject: dict[int, list[Change]] = {}  # (a change against a budget whose figure its sentence leaves unstated)
    for c in located:
        if c.reference != "budget" or c.delta is None:
            continue
        if c.current is None and c.current_elsewhere is not None:
            by_subject.setdefault(c.current_elsewhere.id, []).append(c)
        elif c.current is not None and c.current.sentence != c.delta.sentence:
            by_subject.setdefault(c.current.id, []).append(c)  # ("…348.36亿元,…。全市…收入比年初预算短收3.64亿元")
    out = []
    for r in rates:
        if r.pairs or r.summed or r.spent is not None or r.rate.is_bound or SPENT_UNNAMED in r.via:
            out.append(r)  # (… or a saving's rate beside an amount not named as spent: of what, unsaid — undecided)
        elif (not r.numerators or DONE_IN_CLAUSE in r.via) and r.base \
                and (elsewhere := _implied_elsewhere(index, r, by_subject, text)) is not None:
            # (… the amount right before it, which its clause may already have read as what was done)
            out.append(elsewhere)
        elif r.included:
            # (what was spent and what the rate says it includes: the budgets of its subject, no amount found by value)
            out.append(_in_document(index, r, text).model_copy(update={"value_pairs": ()}) if r.numerators else r)
        else:
            # (the budget a change against it implies comes first, whether or not the spent figure's
            # label names a scenario: "支出1741.75万元,完成年初预算103.3%,决算数大于预算数55.93万元")
            implied = _implied(index, r, by_sentence.get(r.rate.sentence, ()))
            if implied is r and r.numerators and _of_floor_target(index, r, text):
                out.append(r)  # (of the target its sentence states, no budget of the document: undecided)
                continue
            out.append(_in_document(index, r, text) if implied is r and r.numerators else implied)
    return _restated(out, index, text)


# the words around a rate's name that name no subject of its own ("综上,项目预算执行率为84.71%")
_SAID_AGAIN = lazyre.compile(r"^(?:综上|总体来看|总的来看|总体上|整体来看)?,?(?:本|该)?(?:项目)?(?:全年|年度|整体|总体)?|"
                             r"(?:为|是|达到?|约为)$")


def _restated(rates: list[Rate], index: DocumentIndex, text: str) -> list[Rate]:
    """"…支出231.36万元,预算执行率90.83%。…综上,项目预算执行率为84.71%": a rate of no amounts of its own, named as
    one rate of the document whose amounts give it, is that rate said again (rate_restated): the same amounts."""
    sources: dict[str, set[tuple]] = {}
    named: dict[str, int] = {}  # (how many rates of the prose go by each name: two, the rate and its restatement)
    said_at: dict[tuple[int, int], int] = {}  # (where the rate each pair gives is stated)
    for r in rates:
        if r.rate.in_table:
            continue
        named[_core(r)] = named.get(_core(r), 0) + 1
        pair = _confirmed(r)
        if pair is not None:
            sources.setdefault(_core(r), set()).add(pair)
            said_at[pair[0].id, pair[1].id] = r.rate.span.start
    if not sources:
        return rates
    out = []
    for r in rates:
        found = sources.get(_core(r), set())
        if not r.pairs and not r.numerators and not r.summed and r.excess is None and not r.rate.is_bound \
                and len(found) == 1 \
                and named[_core(r)] == 2 and not r.rate.in_table and r.name in _core(r) \
                and not any(f.kind == "amount" or (f.kind == "percent" and f.span.start < r.rate.span.start)
                            for f in index.facts_by_sentence.get(r.rate.sentence, ())) \
                and not _STANDARD_AFTER.match(text, r.rate.span.end) and SUBJECT_UNFOUND not in r.via:
            # (said again elsewhere: not in a sentence of amounts — "歲入…執行率103.2%;歲出…執行率97.4%" is
            # another subject's —, nor after another rate of its sentence — "重大水利工程资金到位率93.5%,…;投资完成率
            # 87.7%" is that subject's —, nor a scoring standard, "执行率达到100%的得满分" —, nor a rate naming a list's
            # part, "其他资金主要为…,执行率85.32%", whose amounts are not found: that part's, never the totals')
            num, base = next(iter(found))
            if another_project(text, index.vocab, r.rate, num):
                out.append(r)  # (under a heading naming another project than the one whose rate it would restate)
                continue
            if said_at[num.id, base.id] > r.rate.span.start:
                # (a rate is said again after the one it restates, 综上…: "上述资金已全部兑付到户,执行率100%。另有…项目3个,
                # 资金64万元,执行率93.75%(支出60万元)" — the first is of what stands above it, not of the project after it)
                out.append(r)
                continue
            r = r.model_copy(update={"numerators": (num,), "document_pairs": ((num, base),),
                                     "value_pairs": ((num, base),), "reason": "rate_restated"})
        out.append(r)
    return out


_STANDARD_AFTER = lazyre.compile(r"\s*(?:的|以上|以下|及以上|\(含\)|得|扣|计)")


def _core(r: Rate) -> str:
    return _SAID_AGAIN.sub("", clean_label(r.rate.label))


def _confirmed(r: Rate) -> tuple[Fact, Fact] | None:
    """The one (numerator, base) a rate's amounts give it by, when they do."""
    if r.included:
        return None  # (of its numerator and what it includes: no pair of two amounts gives it)
    pairs = [(n, d) for n, d in (*r.pairs, *r.value_pairs) if d.value > 0
             and abs(n.value / d.value * 100 - r.rate.value) <= r.rate.tolerance]
    return pairs[0] if len({(n.id, d.id) for n, d in pairs}) == 1 else None


def _of_floor_target(index: DocumentIndex, r: Rate, text: str) -> bool:
    """"亩均增收:目标值≥772元,实际完成734元,完成率95.08%": an amount before the rate in its sentence named a target
    (cue target_goal) whose bound is a floor (cue target_floor) is what the rate completes, an indicator's target — no
    budget stated elsewhere is its base (734 / 51,800 is no reading of it)."""
    if not text:
        return False
    for f in index.facts_by_sentence.get(r.rate.sentence, ()):
        if f.kind == "amount" and f.span.end <= r.rate.span.start \
                and index.vocab.cue("target_goal").search(clean_label(f.label)) \
                and index.vocab.cue("target_floor").search(text, max(0, f.span.start - 8), f.span.start):
            return True
    return False


def _in_document(index: DocumentIndex, r: Rate, text: str = "") -> Rate:
    stated = r.rate
    # (a completion read by its clause's words alone — its numerator an amount named by no scenario, or its name only
    # 为…预算的 — is of its subject's own budget: an amount elsewhere that gives it within its rounding holds it, but one
    # that gives it but for a last digit is no slip of it — "一般公共预算支出完成799958.51万元,为调整预算的96.9%" is not
    # of the 支出总计 824596.29 beside it, 97.01% — nor is a budget that names no subject its base: "(调整预算94.37亿元,
    # 短收2.39亿元)" is the revenue's, not the 政府性基金预算收入's)
    strict = DONE_IN_CLAUSE in r.via or SAID_OF_BUDGET in r.via
    # (… and an amount of the numerator's own scenario, or, for a rate that names its base, one named as no budget, that
    # gives it but for a last digit is no slip of it either — "地方税收收入…累计完成137.4亿元,…完成年度预算的86.6%" is not of
    # the revenue's 累计完成158.9亿元, 86.47%, the whole of its 占比86.5%)
    value_pairs = tuple((num, d) for num in r.numerators
                        for d in _bases_for(index, num, stated, slack_digits=0 if strict else 1)
                        if not (r.base is not None and _named_spent(index, d, text)) and not _of_another_year(num, d)
                        and not ((strict or (r.base is not None and d.scenario not in _BUDGET_KINDS)
                                  or (num.scenario is not None and d.scenario == num.scenario))
                                 and not _gives_within_rounding(num, d, stated)))
    num = r.numerators[0]
    # (not the numerator itself, nor an amount of its own scenario: "到位96万元,到位率80%" has no
    # base in the money received)
    budgets = index.budget_amounts  # (ascending by value: those of at least half the numerator are a tail)
    first = bisect_left(budgets, num.value * Decimal("0.5"), key=_value)
    # "公务用车…决算8.47万元,完成预算的60.50%" with no budget of 公务用车 in the text: the
    # 三公经费 budget is no base for it; "中央对地方转移支付…完成预算的98.9%": nor is the
    # budget of revenue.  A numerator that names something must find a base of the same
    # concept (or of none); one named only by scenario words ("预算执行金额") is the report's
    # own spending, and any budget may be its base.  A budget that names no subject
    # ("年初预算为34.70万元") is of the subject its own paragraph speaks of: the base of a named
    # numerator in that numerator's paragraph, or anywhere when the document states one such
    # budget (a project report's "年初预算1086.95万元" is the project's).
    # (a point of the year the numerator opens with names no subject: "截至6月底累计支出1107.4万元,执行进度45.2%" is the
    # spending of the subject the budget names, read by the words after the point — cue point_of_year_lead)
    subject = _subject_of(index, num)
    # (… and a numerator whose words name only a time, "截至112年底累計", names no subject: any budget of the
    # document may be its base, a look-up that warns at most — cue subject_only_time)
    if subject is not None and not index.vocab.cue("subject_only_time").match(subject):
        # (of its concept, or naming none: the places of both kinds in `budgets`, merged in their order)
        by_concept, bare, bare_by_window = index.budget_places
        own = by_concept.get(subject, ())
        unnamed = () if strict else bare if index.one_bare_budget else bare_by_window.get(num.window, ())
        # (a budget whose label names no subject but whose sentence gave it one — "一般公共预算支出年初预算为312,400万元,
        # 调整预算为338,650万元" — is that subject's: no base of another's, "政府性基金预算收入完成46,218万元,完成调整预算的
        # 94.6%", nor of "“三公”经费…决算为18.46万元" after a 项目支出's; its subject's own budget unstated, none is)
        unnamed = [i for i in unnamed if _of_subject(budgets[i], subject)]
        places = sorted({*own[bisect_left(own, first):], *unnamed[bisect_left(unnamed, first):]})
        candidates = [budgets[i] for i in places]
    else:
        candidates = [] if strict else budgets[first:]
    if r.base is not None:
        # (a rate that names its base — 完成调整后预算的97.86% — is of the budget of that kind whose subject its numerator
        # names, though more words name the numerator: "全市一般公共预算收入完成45.67亿元" and "年初预算一般公共预算收入
        # 44.45亿元,年中经…批准调整为46.67亿元"; of such budgets only, when the document states one)
        # (… and of the year's budget — 完成全年预算的51.20% — a budget named only 预算 is that one: "区人代会批准的一般公共
        # 预算收入预算为52.40亿元", its subject after the words that say whose it is, …的)
        year_budget = r.base == "budget_adjusted" and bool(index.vocab.cue("base_whole_year").search(stated.label))
        kinds = {r.base, "budget"} if year_budget else {r.base}
        named = [f for f in budgets[first:] if f.scenario in kinds and f not in candidates
                 and len(core := (f.concept or "").rsplit("的", 1)[-1]) >= 2 and core in (num.concept or "")]
        of_base = [f for f in [*candidates, *named] if f.scenario == r.base] \
            or [f for f in [*candidates, *named] if year_budget and f.scenario == "budget"]
        # (none of that kind stated: not the other named budget either — "完成调整预算的98.1%" is no rate of the 年初预算)
        candidates = of_base or [f for f in candidates if f.scenario != OTHER_NAMED_BUDGET.get(r.base)]
    if r.base == "budget_adjusted" and not any(f.scenario == r.base for f in candidates):
        # (none of its subject's budgets named adjusted by a scenario word: the amount said as what its subject's budget
        # was adjusted to — "(1)收入总计调整为9877万元" … "(1)收入总计10855万元,完成调整预算的109.9%")
        candidates = [*candidates, *(f for f in _adjusted_to(index, num) if f not in candidates)]
    bases = [f for f in candidates if f.id != num.id and (num.scenario is None or f.scenario != num.scenario)
             and not _bracketed_after_another(text, f, num) and not _of_another_year(num, f)]
    return r.model_copy(update={"value_pairs": value_pairs, "document_pairs": tuple((num, b) for b in bases),
                                "reason": "rate_base_in_document", "via": (*r.via, "numerator in its sentence")})


def _of_another_year(num: Fact, base: Fact) -> bool:
    """The numerator and the budget looked up for it each name their year, and not the same one ("2023年…收入完成392.10亿元,
    完成年度预算的100.5%。2024年年度预算420.00亿元": 2023's completion is of 2023's budget, never of 2024's)."""
    return bool(num.period and base.period and num.period.isdigit() and base.period.isdigit()
                and len(num.period) == len(base.period) == 4 and num.period != base.period)


# "收入总计调整为", "一般公共预算支出调整到": a subject's words, then the verb of its budget's adjustment
_ADJUSTED_TO = lazyre.compile(r"^(?P<subject>[\u4e00-\u9fff]{4,}?)(?:预算)?调整(?:为|到|至|后)?$")
# the words around a subject that name no other one: a year, the whole of the place (全州, 全县), what was done
_SUBJECT_SCOPE = lazyre.compile(rf"^(?:(?:19|20)\d{{2}}年度?)?(?:全[省市州县区镇乡])?|(?:累计)?{DONE_VERB}数?$")


def _adjusted_to(index: DocumentIndex, num: Fact) -> list[Fact]:
    """The amounts, of the numerator's unit and no scenario, said as what the budget of the numerator's very subject was
    adjusted to: "收入总计调整为9877万元" for "收入总计10855万元,完成调整预算的109.9%" (its subject's words the same, past a year,
    the place as a whole and the verb of what was done — "全州一般公共预算收入完成113.75亿元" and "一般公共预算收入调整为
    108.92亿元"); a subject of fewer than four characters (收入, 支出) names none closely enough."""
    theirs = _SUBJECT_SCOPE.sub("", clean_label(num.label))
    if len(theirs) < 4:
        return []
    said = index.memo("_adjusted_to", lambda: _amounts_adjusted_to(index))
    return [f for f in said.get(theirs, ()) if f.unit == num.unit and f.id != num.id]


def _amounts_adjusted_to(index: DocumentIndex) -> dict[str, list[Fact]]:
    """Every amount of no scenario said as what a budget was adjusted to (调整为), by its subject (year, place and verb
    off), in the order of index.amounts_by_value: read once a text, not every amount again for each rate."""
    out: dict[str, list[Fact]] = {}
    for _, f in index.amounts_by_value:
        if f.scenario is not None:
            continue
        m = _ADJUSTED_TO.match(clean_label(f.label))
        if m is not None:
            out.setdefault(_SUBJECT_SCOPE.sub("", m.group("subject")), []).append(f)
    return out


def _gives_within_rounding(num: Fact, den: Fact, stated: Fact) -> bool:
    """num / den, each anywhere within its rounding, reaches the stated rate within its own (no last-digit slack, nor the
    padding of the look-up by value)."""
    bottom_low, bottom_high = den.value - den.tolerance, den.value + den.tolerance
    if bottom_low <= 0:
        return False
    low = (num.value - num.tolerance) * 100 / bottom_high
    high = (num.value + num.tolerance) * 100 / bottom_low
    return high >= stated.value - stated.tolerance and low <= stated.value + stated.tolerance


def _named_spent(index: DocumentIndex, f: Fact, text: str) -> bool:
    """`f` is named as what was done — its scenario (执行数, 决算数) or, its label left empty by a bracket, the words
    right before that bracket ("与…报告的执行数(58.90亿元)") —: no base of a rate that names a budget as its own
    ("收入决算数为152.36亿元,完成调整预算的100.2%" and, later, "…(执行数152.22亿元)": the same revenue reported earlier,
    whose ratio to the 决算 lands near the rate by chance)."""
    if f.scenario in SPENT_SCENARIOS:
        return True
    if clean_label(f.label) or not text:
        return False
    return bool(index.vocab.cue("bracket_named_spent").search(text, max(0, f.span.start - 12), f.span.start))


def _subject_of(index: DocumentIndex, num: Fact) -> str | None:
    """The subject a numerator's label names (its concept), read past a point of the year it opens with (截至6月底…):
    None when it names none."""
    if index.label_concept(num.label).concept is None:
        return None
    label = clean_label(num.label)
    lead = index.vocab.cue("point_of_year_lead").match(label)
    if lead is None:
        return num.concept
    return index.label_concept(label[lead.end():]).concept


def _of_subject(budget: Fact, subject: str) -> bool:
    """A budget its label leaves unnamed is of the numerator's subject: it names none by its reading either, or one
    name holds the other (一般公共支出 of "全县一般公共预算支出完成"; 项目支出 of a bare 支出)."""
    own, theirs = budget.concept or "", subject or ""
    if not own or own == _LEADING_YEAR.sub("", clean_label(budget.label)):
        return True  # (its concept is its own words: "年初预算1086.95万元", "总资金到位18 398.31万元")
    return own in theirs or bool(theirs) and theirs in own


# a budget in a bracket right after an amount: "支出21368万元(年度预算21560万元)" — that amount's own
_BRACKET_AFTER_AMOUNT = lazyre.compile(r"\d\s*(?:万元|亿元|千元|元|万|亿)\s*\(\s*[^()]{0,16}$")


def _bracketed_after_another(text: str, budget: Fact, num: Fact) -> bool:
    """The budget stands in a bracket right after an amount that is not the numerator: that amount's budget (the
    other subject's — "税收收入…28.64亿元(年度预算33.50亿元)…。非税收入完成6.12亿元,完成预算的91.3%")."""
    if not text:
        return False
    before = text[max(0, budget.span.start - 40):budget.span.start]
    m = _BRACKET_AFTER_AMOUNT.search(before)
    if m is None:
        return False
    owner_end = budget.span.start - len(before) + m.start() + 1  # (just after the owner's last digit)
    return not (num.span.start < owner_end <= num.span.end + 2)


def _value(f: Fact) -> Decimal:
    return f.value


def _bases_for(index: DocumentIndex, num: Fact, stated: Fact, slack_digits: int = 0) -> list[Fact]:
    """Amounts that could be the base giving `stated` for `num` (a bisect, not a scan),
    within the rounding of both and, with slack_digits, that many last-digit units."""
    margin = stated.tolerance + Decimal(slack_digits) * Decimal(1).scaleb(-stated.decimals) * stated.scale
    low_rate, high_rate = stated.value - margin, stated.value + margin
    if high_rate <= 0 or not num.value:
        # (nothing spent is 0% of any base: "因公出国(境)费支出决算为0元,完成预算的0%" pins none — not the 减少额 beside it)
        return []
    low = (num.value - num.tolerance) * 100 / high_rate
    high = (num.value + num.tolerance) * 100 / low_rate if low_rate > 0 else Decimal("Infinity")
    # the base's own rounding can only widen the range by its tolerance: pad generously
    pad = max(abs(low), abs(high)) * Decimal("0.001") if high != Decimal("Infinity") else Decimal(0)
    if high == Decimal("Infinity"):
        high = index.amounts_by_value[-1][0] if index.amounts_by_value else low
    return [f for f in index.amounts_between(low - pad, high + pad) if f is not num and not _restates(f, num)]


_BUDGET_KINDS = {"budget_initial", "budget_adjusted", "budget", "available"}


def _restates(f: Fact, num: Fact) -> bool:
    """`f` is the numerator said again, no base of its rate: the same value (within both roundings), named as no budget,
    its subject one the numerator's names or held in it — "全县地方一般公共预算收入完成3002万元,完成年初预算的100.1%"
    and, in the balance below, "全县地方一般公共预算收入3002万元": 3002 / 3002 is no completion of the initial budget,
    which the page never states."""
    if f.scenario in _BUDGET_KINDS or abs(f.value - num.value) > f.tolerance + num.tolerance:
        return False
    own, theirs = f.concept or "", num.concept or ""
    return bool(own) and bool(theirs) and (own in theirs or theirs in own)


def bases_for(index: DocumentIndex, num: Fact, stated: Fact) -> list[Fact]:
    """Amounts anywhere that give `stated` for `num` within rounding: the base a report
    may have used instead of the one its sentence names."""
    return _bases_for(index, num, stated)


_SUBJECT_GAP = lazyre.compile(r"\s*,?[^\d,;。()]*")  # (between a figure and the rate of it: its clause, no other figure)


_BETWEEN = 1  # (sentences between the rate's and the change's, at most: further on it may be of another account)
_SENTENCE_END = lazyre.compile(r"[。\n]+")


def _near(text: str, rate: Fact, delta: Fact) -> bool:
    opened = sentence_start(text, delta.span.start)
    # (the first piece: the rest of the rate's own sentence)
    return len([p for p in _SENTENCE_END.split(text[rate.span.end:opened])[1:] if p.strip()]) <= _BETWEEN
_YEAR = lazyre.compile(r"(?:19|20)\d{2}(?=年)")


def _sentence_of(text: str, f: Fact) -> str:
    start = sentence_start(text, f.span.start)
    ends = [e for e in (text.find("。", f.span.end), text.find("\n", f.span.end)) if e >= 0]
    return text[start:min(ends) if ends else len(text)]


def _same_years(text: str, rate: Fact, delta: Fact) -> bool:
    """The change's sentence names no year the rate's does not ("2024年,…完成年初预算的98.1%。回顾2023年,…比年初预算
    短收0.50亿元": last year's shortfall, no part of this year's budget)."""
    return set(_YEAR.findall(_sentence_of(text, delta))) <= set(_YEAR.findall(_sentence_of(text, rate)))


def _implied_elsewhere(index: DocumentIndex, r: Rate, by_subject: dict[int, list[Change]], text: str) -> Rate | None:
    """"全市一般公共预算收入348.36亿元,完成年初预算的99.0%,…。⏎全市一般公共预算收入比年初预算短收3.64亿元": a rate that
    names its base (年初预算), right after the figure it is of, and a change of that figure against the budget of that
    name in a later sentence (change_of_unstated_figure): the budget is the figure less the change, the rate's base."""
    if not text:
        return None
    before = [f for f in index.facts_by_sentence.get(r.rate.sentence, ()) if f.kind == "amount"
              and f.span.end <= r.rate.span.start]
    if not before:
        return None
    current = before[-1]
    if not _SUBJECT_GAP.fullmatch(text, current.span.end, r.rate.span.start):
        return None
    named = [c for c in by_subject.get(current.id, ()) if c.delta.kind == "amount" and c.delta.unit == current.unit
             and read_label(c.keyword, index.vocab).scenario == r.base
             and c.delta.span.start > r.rate.span.end and _near(text, r.rate, c.delta)
             and _same_years(text, r.rate, c.delta)]
    if len(named) != 1:
        return None
    return r.model_copy(update={"numerators": (current,), "excess": named[0], "reason": "rate_implied_budget_elsewhere"})


def _implied(index: DocumentIndex, r: Rate, budget_changes) -> Rate:
    """"支出1741.75万元…完成年初预算100%,决算数大于预算数55.93万元": the budget the
    sentence implies (1741.75 − 55.93) is the rate's base."""
    stated = r.rate
    for c in budget_changes:
        d = c.delta
        if d.kind != "amount":
            continue
        said = read_label(c.keyword, index.vocab).scenario
        if r.base and said and said != r.base and said != "budget":
            continue  # ("完成调整预算的96.6%,比年初预算增加33,279.64万元": the change is against another budget)
        # the spent figure: the one amount of the sentence, and not a budget (a budget stated
        # beside it makes the rate an ordinary one)
        amounts = [f for f in index.facts_by_sentence.get(stated.sentence, ()) if f.kind == "amount"
                   and f.concept not in _DELTA_CONCEPTS and not f.is_bound]
        if len(amounts) != 1:
            # (… or, in a longer sentence, the figure of the clause the change and the rate close, side by side:
            # "…全国财政收入为38730.62亿元,…,比预算超收3307.24亿元,完成预算的109.3%" after a bracket's 613亿元)
            amounts = _clause_figure(index.text, stated, c, amounts)
        if len(amounts) != 1 or (amounts[0].scenario or "").startswith("budget"):
            continue
        current = amounts[0]
        if current.unit != d.unit:
            continue
        if any(mark in index.text[min(d.span.end, stated.span.end):max(d.span.start, stated.span.start)] for mark in ";；"):
            continue  # ("…收入86000万元,比预算超收3000万元;支出完成预算的97.5%": the rate is of another clause's subject)
        if _names_another_subject(index, index.text, stated, current):
            # ("…收入125.6亿元,比预算超收5.6亿元,支出完成预算的96.3%", "…,其中税收收入完成预算的102.1%": the rate's own
            # clause names its subject, not the figure's)
            continue
        if current.span.start > stated.span.start:
            # (a rate is of a figure before it: "…支出比预算减少Y,执行率p%,收支相抵结余Z" — Z after the rate is no
            # spent figure of it, the rate is 支出's, whose 减少 stands in its own clause)
            continue
        return r.model_copy(update={"numerators": (current,), "excess": c, "reason": "rate_implied_budget"})
    return r


# a rate's clause, up to the rate: the words naming its subject, then its name (完成预算的, 为调整预算的, 达到年初预算的)
_RATE_CLAUSE_SUBJECT = lazyre.compile(r"(?P<subject>[\u4e00-\u9fff]*?)(?:累计|全年)?(?:完成|实现|执行|为|达到?|占)(?:了)?"
                                      r"[\u4e00-\u9fff]{0,8}?预算(?:数)?的?\s*$")


def _names_another_subject(index: DocumentIndex, text: str, stated: Fact, current: Fact) -> bool:
    """The rate's own clause (after the last comma before it) names a subject before its name, one the figure's label
    does not hold once the words that name no subject are dropped (cue rate_clause_no_subject: 其中, 全市 …): the rate is
    that subject's ("…收入125.6亿元,比预算超收5.6亿元,支出完成预算的96.3%"; "其中税收收入完成预算的102.1%"), not the
    figure's whose change against the budget stands beside it."""
    if not text:
        return False
    start = max(text.rfind(mark, 0, stated.span.start) for mark in ",，;；。:：\n")
    m = _RATE_CLAUSE_SUBJECT.search(text, start + 1, stated.span.start)
    if m is None:
        return False
    subject = index.vocab.cue("rate_clause_no_subject").sub("", m.group("subject"))
    return bool(subject) and subject not in clean_label(current.label)


# the words between a change against the budget and the rate it is beside, in one clause each: a comma, and the
# rate's own name ("比预算超收3307.24亿元,完成预算的109.3%", "为预算的108.7%,较年初预算超收1.17亿元")
_SIDE_BY_SIDE = lazyre.compile(r"^\s*[,，]\s*[^,，;；。:：()（）\d]{0,14}$")


def _clause_figure(text: str, stated: Fact, c: Change, amounts: list[Fact]) -> list[Fact]:
    """The one figure a change against the budget is of (`c.current`, its clause's own), where the change and the rate
    stand side by side, one comma apart, after it, and no other figure but changes lies between it and them: the
    figure both are of — the other amounts of the sentence (a bracket's, another clause's after a ';') are not."""
    current, d = c.current, c.delta
    if current is None or not text or current.is_bound or current.sentence != stated.sentence \
            or current.span.start > min(d.span.start, stated.span.start):
        return []
    first, second = (d, stated) if d.span.start < stated.span.start else (stated, d)
    gap = text[first.span.end:second.span.start]
    if second is d:
        # (the change's own words before its figure stand in the gap: "…108.7%,较年初预算超收" + 1.17亿元)
        gap = gap[:len(gap) - len(c.keyword)] if gap.endswith(c.keyword) else gap
    if not _SIDE_BY_SIDE.search(gap):
        return []
    last = max(d.span.end, stated.span.end)
    if any(f is not current and f.concept not in _DELTA_CONCEPTS and current.span.start < f.span.start < last
           and not _in_open_bracket(text[current.span.end:f.span.start]) for f in amounts):
        return []  # (… a bracket's aside excepted: "中央财政总收入21232.31亿元(已扣除…历史陈欠613亿元)")
    return [current]


def _in_open_bracket(before: str) -> bool:
    """Whether the words before a figure leave a bracket open (the figure an aside of the one before the bracket)."""
    return before.count("(") + before.count("（") > before.count(")") + before.count("）")
