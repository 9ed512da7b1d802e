"""提高 / 下降 X 个百分点: a rate's change in percentage points, between two rates the sentence writes.

    "第2季经费达成率33.57%,较109年同期(38.40%)低4.83个百分点"   → 33.57 − 38.40 = −4.83
    "执行率95%,比上年的90%提高5个百分点"                         → 95 − 90 = 5
    "完成率为95%,上年为90%,同比提高5个百分点"                    → 95 − 90 = 5
    "收入增长19.9%,高于全省平均增幅(11%)8.9个百分点"             → 19.9 − 11 = 8.9
    "增幅19.9%,比全省平均增幅(11%)高8.9个百分点"                 → 19.9 − 11 = 8.9

Read only when both rates stand in the change's sentence, before it: the one compared with
right before the change (named 较… / 比…, in a bracket after such words, set in a 与…相比 frame,
or last year's), and the rate the comparison is of before that (neither compared nor last year's).
A rate in a bracket after 高于 / 低于 … (or 比 / 较 …) is the one compared with; the comparison
is of the nearest rate before it, past other such comparisons of the same rate
("…高于全省平均增幅(11%)8.9个百分点,高于州市平均增幅(14.5%)5.4个百分点").
A change whose other rate the sentence does not write ("执行率95%,比上年提高5个百分点") is
left unread; last year's rate may stand in a bracket right after a 比上年 change
("增长8.6%,增幅比上年提高3.5个百分点(2022年增长6.1%)" → 8.6 − 6.1 = 2.5; "比重为72.34%,比上年提高0.54个百分点
(2022年为71.80%)" → 72.34 − 71.80: a rate named by its year alone is of the rate before the change), and so may an
earlier stretch's, named as the comparison names it ("增长8.2%,增幅比1-10月回落0.7个百分点(1-10月增长8.9%)" → 8.2 − 8.9).
A share's 占比 compared ("占44.6%,占比较上年同期(40.7%)提高3.9个百分点") is of the share right before.
The year compared with may be said in full in its bracket, its rate last and named as the rate before the words is
("执行率95.50%,较2022年(全年预算数…、执行数…,执行率92.22%)提高3.28个百分点" → 95.50 − 92.22).

Across sentences (points_change_across_sentences, structural: it warns): last year's rate in the sentence right after, opened
by last year ("资产负债率62.6%,较上年末下降1.5个百分点。上年末,…资产负债率64.1%。" → 62.6 − 64.1), or both years' rates
in the sentence right before, a change said of "the ratio" ("…的18.39%;2022年…的17.81%。2023年比例比上年提高0.58个百分点").
Last year's rate may open that sentence by its name ("…提高12.30个百分点。上年末拨备覆盖率为174.20%。"); the two years' may be
said 分别 in the years' order ("2023年和2022年…的比例分别为78.6%和76.9%。该比例提高1.7个百分点": a bare 提高 is between them),
or the change may name the rate again ("…债务率为86.4%,2022年末为82.1%;…。债务率上升4.3个百分点"), or name it with last
year's rate in the bracket after it, this year's said under that name in the sentences before ("…优良率91.67%。与2021年
相比,…,优良率提高11.67个百分点(2021年为80%)" → 91.67 − 80).
"""

from __future__ import annotations

from typing import Iterator

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate
from auditor.extract.bind.resolvers.change import compare_frame
from auditor.extract.model import Change, Fact, year_gap
from auditor.extract.readings import LABEL_YEAR, Reading, clean_label

_UP = lazyre.compile(r"(?:提高|增加|上升|增长|升高|上涨|高出|高|多)了?$")
_DOWN = lazyre.compile(r"(?:下降|降低|减少|回落|下滑|下跌|低于|低|少)了?$")
_REACH = 10  # nodes back from the change to its two rates


def resolve(r: Reading) -> Iterator[Candidate]:
    tree = r.tree
    for node in tree.of_kind("points"):
        k = node.index
        delta = r.facts[k]
        if delta is None or k == 0:
            continue
        above = _above_bracket(r, k) or _above_named_growth(r, k)
        if above is not None:
            yield above
            continue
        word = tree[k - 1]
        if word.clause != node.clause or word.kind not in {"increase", "decrease", "words"}:
            continue
        said = (word.piece.keyword or word.piece.label).strip()
        direction = 1 if _UP.search(said) else -1 if _DOWN.search(said) else 0
        if direction == 0:
            continue
        previous, current = _rates_before(r, k - 1)
        subject = current.label if current is not None else ""
        if previous is None and current is None:
            previous, current = _from_to_rates(r, k - 1, said)
            subject = (_history_subject(r, previous) or current.label) if current is not None else ""
        if previous is None and current is None and r.vocab.cue("reference_previous").search(said):
            # ("增长8.6%,增幅比上年提高3.5个百分点(2022年增长6.1%)": last year's rate in a bracket right after the points)
            previous = _last_years_rate_after(r, k)
            current = _rate_before(r, k - 1, previous) if previous is not None else None
        stretch = None
        if previous is None and current is None:
            stretch = _stretch_compared(r, k)
            previous = _last_years_rate_after(r, k, stretch) if stretch else None
            current = _rate_before(r, k - 1, previous) if previous is not None else None
        reason, names = "points_change", {}
        if previous is None and current is None:
            current, previous, names = _listed_years_rates(r, k)
            reason, subject = "points_change_between_listed_years", names.get("subject", subject)
        if previous is None and current is None:
            reason = "points_change"
            # (the rates in the sentence after or before the change's: "…资产负债率62.6%,较上年末下降1.5个百分点。上年末,
            # …资产负债率64.1%。", "2023年…占…的18.39%;2022年…占…的17.81%。2023年比例比上年提高0.58个百分点。")
            current, previous = _last_years_rate_next_sentence(r, k, said)
            if current is None:
                current, previous, subject, names = _years_rates_sentence_before(r, k, said)
            if current is None:
                current, previous = _named_rate_said_before(r, k)
            reason = "points_change_across_sentences"
        if previous is None or current is None:
            continue
        yield Candidate(Change.model_construct(
            direction=direction, delta=delta, percent=None, current=current, previous=previous,
            subject_label=subject or current.label, reference="previous", keyword=said,
            compared_name=names.get("compared_name", stretch), current_name=names.get("current_name", ""),
            keyword_span=r.span(word.start, word.end), reason=reason, via=(), rejected=()))


# "2013~2017年", "2013年至2017年", "2021—2023年度": a span of years (two four-digit years)
_YEARS_SPAN = lazyre.compile(r"(?<!\d)((?:19|20)\d{2})\s*(?:年度?)?\s*(?:至|到|—|–|~|～|-)\s*((?:19|20)\d{2})\s*年度?")
# the words of a change between two years of the span, up to its direction word: "2017年比2013年非税占比"
_YEAR_ON_YEAR = lazyre.compile(r"((?:19|20)\d{2})\s*年度?\s*(?:比|较|与)\s*((?:19|20)\d{2})\s*年度?(?:相比)?([^\d%,，;；。]{0,12})$")


def _listed_years_rates(r: Reading, k: int) -> tuple[Fact | None, Fact | None, dict[str, str]]:
    """"2013~2017年,非税收入占一般公共预算收入的比重分别为22.5%、15.2%、17.6%、17.3%、13.2%,2017年比2013年非税占比下降了
    9.5个百分点": a change of points between two years of a span, said in the clause right after the run of rates its
    sentence lists 分别 for that span, one a year — as many rates as years, joined by 、 (nothing else between): the later
    year's rate and the earlier's, by their places in the run; (current, previous, the years' names) or Nones."""
    tree = r.tree
    none: tuple[Fact | None, Fact | None, dict[str, str]] = (None, None, {})
    text = r.norm.text
    start = tree.unit("clause", k)[0]
    comma = start if tree[start].kind == "sep" else start - 1  # (the comma that opens the clause: its first node)
    start = comma + 1
    said = _YEAR_ON_YEAR.search(text, tree[start].start, tree[k - 1].start) if start < k else None
    if said is None or said.start() != tree[start].start \
            or any(r.facts[n] is not None and tree[n].kind != "period" for n in range(start, k)):
        return none
    later, earlier = int(said.group(1)), int(said.group(2))
    # the run of rates right before the clause: 分别为 r1、r2、…, a comma between it and the change's clause
    last = comma - 1
    if last < 1 or not tree[comma].separator(",，") or tree[last].sentence != tree[k].sentence:
        return none
    run = [last]
    while run[-1] >= 2 and tree[run[-1] - 1].separator("、"):
        run.append(run[-1] - 2)
    run.reverse()
    rates = [r.facts[n] for n in run]
    if any(f is None or f.kind != "percent" or tree[n].kind != "labelled" or tree[n].piece.label.strip()
           or tree[n].depth != tree[k].depth for n, f in zip(run, rates)) \
            or run[0] == 0 or tree[run[0] - 1].kind != "fenbie":
        return none
    spans = list(_YEARS_SPAN.finditer(text, tree[tree.unit("sentence", k)[0]].start, tree[run[0]].start))
    if len(spans) != 1:
        return none
    first, end = int(spans[0].group(1)), int(spans[0].group(2))
    if end - first + 1 != len(rates) or not (first <= earlier < later <= end):
        return none
    return rates[later - first], rates[earlier - first], {"current_name": f"{later}年", "compared_name": f"{earlier}年",
                                                          "subject": said.group(3).strip()}


def _stretch_compared(r: Reading, k: int) -> str | None:
    """The earlier stretch of the year the words before the direction word of the points at node k compare with, in
    their clause ("增幅比1-10月" → "1-10月"; cue compared_stretch), or None."""
    tree = r.tree
    if k < 2 or tree[k - 2].kind != "words" or tree[k - 2].clause != tree[k].clause:
        return None
    m = r.vocab.cue("compared_stretch").search(tree[k - 2].piece.label.strip())
    return "".join(m.group(1).split()) if m else None


def _rates_before(r: Reading, i: int) -> tuple[Fact | None, Fact | None]:
    """(the rate compared with, the rate compared) before node i in its sentence, or Nones."""
    tree = r.tree
    compared = r.vocab.cue("compared_prefix")
    previous: Fact | None = None
    of_share = False
    for j in tree.before(i, "sentence", limit=_REACH):
        t, f = tree[j], r.facts[j]
        if f is None:
            continue
        if f.kind == "amount" and t.depth > tree[i].depth:
            continue  # ("上年为6.60%(管理费用384.61万元/支出5,823.47万元),下降0.90个百分点": what a rate is of, in its bracket)
        if t.kind not in _RATE_KINDS or f.kind != "percent" or f.is_bound:
            return None, None  # another figure between: whose rates these are is open
        opener = _bracketed_after(r, j, compared)
        last_in_bracket = _last_in_bracket_after(r, j, compared) if previous is None and opener is None else None
        was = r.is_previous(f) or bool(compared.match(clean_label(f.label))) or compare_frame(r, j) is not None \
            or opener is not None
        if previous is None and last_in_bracket is not None:
            # (the bracket's figures are what its rate is of: the rate compared is the first figure before its words,
            # named as the bracket's rate is — "预算执行率95.50%,较2022年(…执行率92.22%)")
            named = clean_label(f.label)
            before = next((n for n in tree.before(last_in_bracket, "sentence", limit=_REACH) if r.facts[n] is not None), None)
            g = r.facts[before] if before is not None else None
            if g is None or tree[before].kind not in _RATE_KINDS or g.kind != "percent" or g.is_bound \
                    or len(named) < 2 or not clean_label(g.label).endswith(named) or r.is_previous(g):
                return None, None
            return f, g
        if previous is None:
            if not was:
                return None, None
            previous, of_share = f, opener is not None and tree[opener].kind == "share"
        elif was:
            return None, None  # two rates compared with: which one the change is against is open
        elif of_share and t.kind != "share":
            return None, None  # (a 占比 compared, after a rate that is no share: "增长12.1%,占比较上年(…)")
        else:
            return previous, f
    return None, None




def _from_to_rates(r: Reading, i: int, said: str) -> tuple[Fact | None, Fact | None]:
    """"占比由上年度的58.4%升至59.3%,上升0.9个百分点": the rate after 由 / 从 (cue from_figure) and the one it arrives at
    right after it (升至 / 提高到 …, cue to_figure), the last figures before the change's word at node i with only
    separators between: (the rate it started from, the rate it arrived at), or Nones.  Not when the word names a subject
    of its own ("…升至59.3%,捐款占比下降1.5个百分点") or compares with something else ("比全省平均高"); a 比上年 change
    only when the rate started from is last year's."""
    tree = r.tree
    arrived = i - 1
    while arrived >= 0 and tree[arrived].kind == "sep" and tree[arrived].sentence == tree[i].sentence \
            and not tree[arrived].separator("(") and tree[arrived].depth == tree[i].depth:
        arrived -= 1
    start = arrived - 1
    while start >= 0 and r.facts[start] is None and tree[start].kind in {"words", "period"} \
            and tree[start].clause == tree[arrived].clause:
        start -= 1
    if start < 0 or arrived <= start or tree[start].sentence != tree[i].sentence \
            or not r.vocab.cue("points_of_the_history").match(said):
        return None, None
    current, previous = r.facts[arrived], r.facts[start]
    if any(f is None or f.kind != "percent" or f.is_bound or tree[n].kind not in _RATE_KINDS or tree[n].depth != tree[i].depth
           for n, f in ((arrived, current), (start, previous))):
        return None, None
    text = r.norm.text
    between = clean_label(text[previous.span.end:current.span.start])
    before = text[max(0, previous.span.start - 24):previous.span.start]
    if not r.vocab.cue("to_figure").match(between) \
            or not (r.vocab.cue("from_figure").search(before) or r.vocab.cue("from_figure_named").search(before)):
        return None, None
    if r.vocab.cue("compared_prefix").match(said) and not _year_before(r, previous, current):
        return None, None
    return previous, current


def _last_years_rate_next_sentence(r: Reading, k: int, said: str) -> tuple[Fact | None, Fact | None]:
    """"…资产负债率62.6%,较上年末下降1.5个百分点。上年末,…负债总额5,618.47亿元,资产负债率64.1%。": a 比上年 / 较上年末
    change of points at node k right after this year's rate (only separators and the compared words between), against the
    one rate of the next sentence, when that sentence is last year's (opened by 上年末 / 去年 …, cue last_years_opening, or
    by the year before the rate's), names the rate as this year's does (or by a tail of its name: "占地区生产总值比例" …
    "比例"), and restates only amounts the change's sentence names (not another region's: "上年末,全国…"):
    (this year's rate, last year's), or Nones."""
    tree = r.tree
    compared = r.vocab.cue("compared_prefix")
    j = k - 1  # (the direction word)
    against = said if compared.match(said) else ""
    if not against and j >= 1 and tree[j - 1].kind == "words" and tree[j - 1].clause == tree[k].clause \
            and compared.match(clean_label(tree[j - 1].piece.label)):
        j -= 1
        against = clean_label(tree[j].piece.label)
    if not against or not r.vocab.cue("reference_previous").search(against):
        return None, None
    current = _rate_right_before(r, j)
    if current is None:
        return None, None
    end = tree.unit("sentence", k)[-1]
    if end + 1 >= len(tree) or tree[end + 1].paragraph > tree[k].paragraph + 1:
        return None, None
    nxt = tree.unit("sentence", end + 1)
    opening = tree[nxt[0]]
    year = _year_of(r, current)
    if opening.kind == "words":
        if not r.vocab.cue("last_years_opening").match(clean_label(opening.piece.label)):
            return None, None
    elif opening.kind == "labelled":
        # ("…比上年末提高12.30个百分点。上年末拨备覆盖率为174.20%。": the sentence's first figure, named from last year's point)
        first = r.facts[opening.index]
        label = clean_label(opening.piece.label)
        if first is None or not r.is_previous(first) \
                or not any(r.vocab.cue("last_years_opening").match(label[:n]) for n in range(2, min(6, len(label)))):
            return None, None
    elif opening.kind != "period" or year is None or _year_said(opening.piece.keyword) != year - 1:
        return None, None
    named = {_name(r, f) for f in _facts_of(r, tree.unit("sentence", k)) if f.kind == "amount"}
    previous = None
    for n in nxt:
        f = r.facts[n]
        if f is None:
            continue
        if f.kind == "amount":
            if not any(_alike(_name(r, f), other) for other in named):
                return None, None  # (an amount the change's sentence does not name: another subject's year)
            continue
        if previous is not None or f.kind != "percent" or f.is_bound or tree[n].kind not in _RATE_KINDS \
                or tree[n].depth != 0:
            return None, None
        previous = f
    if previous is None or not _names_rate(_name(r, previous), _name(r, current)):
        return None, None
    return current, previous


def _years_rates_sentence_before(r: Reading, k: int, said: str) -> tuple[Fact | None, Fact | None, str, dict[str, str]]:
    """"2023年…经费2614.38亿元,占一般公共预算支出14215.62亿元的18.39%;2022年…经费2486.15亿元,占一般公共预算支出
    13962.47亿元的17.81%。2023年比例比上年提高0.58个百分点。": a 比上年 change of points whose sentence states no figure
    before it and names no subject but the ratio (cue ratio_anaphor), against the two rates of the sentence before, each
    in a part of it dated by its own year — the change's (or the report's) and the year before — said alike (the words of
    their clauses) of amounts named alike (not two different wholes): (this year's rate, last year's, what the change
    is said of), or Nones."""
    tree = r.tree
    sentence = tree.unit("sentence", k)
    year, subject, against, named = None, "", said, ""
    for n in range(sentence[0], k - 1):
        t = tree[n]
        if r.facts[n] is not None:
            return None, None, "", {}
        if t.kind == "period":
            year = _year_said(t.piece.keyword)
        elif t.kind == "words":
            words = clean_label(t.piece.label)
            if r.vocab.cue("compared_prefix").match(words):
                against += words  # ("比例比上年" … "提高")
            elif r.vocab.cue("ratio_anaphor").match(words):
                subject = words
            elif not subject and not named and r.vocab.cue("rate_named_again").match(words):
                named = words  # ("…政府债务率为86.4%,2022年末为82.1%;…。债务率上升4.3个百分点": the rate by its name)
            else:
                return None, None, "", {}
        elif t.kind != "sep":
            return None, None, "", {}
    if (against != said or r.vocab.cue("compared_prefix").match(said)) \
            and not r.vocab.cue("reference_previous").search(against):
        return None, None, "", {}  # (compared with something else than last year; a bare "该比例提高…" is between the two years)
    if year is None:
        year = int(r.report_year) if r.report_year and r.report_year.isdigit() else None
    if year is None or sentence[0] == 0 or tree[sentence[0] - 1].paragraph != tree[k].paragraph:
        return None, None, "", {}
    before = tree.unit("sentence", sentence[0] - 1)
    rates = [n for n in before if r.facts[n] is not None and r.facts[n].kind == "percent"]
    if named:
        return (*_named_rates_of_years(r, rates, named, year), {})
    if len(rates) != 2 or any(r.facts[n].is_bound or tree[n].kind not in _RATE_KINDS or tree[n].depth != 0
                              for n in rates):
        return None, None, "", {}
    years = _respective_years(r, rates) if tree[rates[0]].sub == tree[rates[1]].sub \
        else [_year_said_before(r, n, "sub") for n in rates]
    if years is None or set(years) != {year, year - 1}:
        return None, None, "", {}
    said_of = [_clause_words(r, n) for n in rates]
    amounts = [[_name(r, f) for f in _facts_of(r, tree.unit("sub", n)) if f.kind == "amount"] for n in rates]
    if said_of[0] != said_of[1] or len(amounts[0]) != len(amounts[1]) \
            or not all(_alike(a, b) for a, b in zip(*amounts)):
        return None, None, "", {}
    this, last = (rates[0], rates[1]) if years[0] == year else (rates[1], rates[0])
    # (two rates said 分别 of two years are dated by the years' order, not by their labels: named so in a message)
    names = {"current_name": f"{year}年", "compared_name": f"{year - 1}年"} \
        if tree[rates[0]].sub == tree[rates[1]].sub else {}
    return r.facts[this], r.facts[last], subject or said_of[0], names


def _rate_right_before(r: Reading, i: int) -> Fact | None:
    """The rate right before node i in its sentence, only separators between: this year's, not one compared with."""
    tree = r.tree
    j = i - 1
    while j >= 0 and tree[j].kind == "sep" and tree[j].sentence == tree[i].sentence and tree[j].depth == tree[i].depth \
            and not tree[j].separator("()"):
        j -= 1
    f = r.facts[j] if j >= 0 else None
    if f is None or tree[j].sentence != tree[i].sentence or tree[j].depth != tree[i].depth or f.kind != "percent" \
            or f.is_bound or tree[j].kind not in _RATE_KINDS or r.is_previous(f) \
            or r.vocab.cue("compared_prefix").match(clean_label(f.label)):
        return None
    return f


def _facts_of(r: Reading, nodes: range) -> list[Fact]:
    return [r.facts[n] for n in nodes if r.facts[n] is not None]


def _year_said(words: str) -> int | None:
    m = LABEL_YEAR.search(words)
    return int(m.group(1)) if m and len(m.group(1)) == 4 else None


def _year_of(r: Reading, f: Fact) -> int | None:
    """The year a rate is of: its own, else the report's."""
    if f.period and f.period.isdigit():
        return int(f.period)
    return int(r.report_year) if f.period in (None, "current") and r.report_year and r.report_year.isdigit() else None


def _named_rates_of_years(r: Reading, rates: list[int], named: str, year: int) -> tuple[Fact | None, Fact | None, str]:
    """The change names its rate ("债务率上升4.3个百分点"): of the sentence before's rates, the one of that name and the one
    right after it named by its year alone ("2023年末全市政府债务率为86.4%,2022年末为82.1%"), each in a clause dated by its
    own year — the change's and the year before; the sentence's other rates (a growth of another subject) are not of it."""
    tree = r.tree
    of_it = [n for n in rates if _name(r, r.facts[n]).endswith(named)]
    if len(of_it) != 1:
        return None, None, ""
    first = of_it[0]
    after = [n for n in rates if n > first]
    if not after or _name(r, r.facts[after[0]]) or tree[after[0]].sub != tree[first].sub:
        return None, None, ""
    pair = [first, after[0]]
    if any(r.facts[n].is_bound or tree[n].kind not in _RATE_KINDS or tree[n].depth != 0 for n in pair):
        return None, None, ""
    years = [_year_said_before(r, n, "clause") for n in pair]
    if set(years) != {year, year - 1}:
        return None, None, ""
    this, last = pair if years[0] == year else pair[::-1]
    return r.facts[this], r.facts[last], named


def _year_said_before(r: Reading, n: int, unit: str) -> int | None:
    """The year said last before node n in its unit ("clause", or "sub": the ";" part a rate is of)."""
    tree = r.tree
    for j in tree.before(n, unit):
        if tree[j].kind == "period":
            return _year_said(tree[j].piece.keyword)
    return None


def _respective_years(r: Reading, rates: list[int]) -> list[int] | None:
    """"2023年和2022年全省民生支出占…的比例分别为78.6%和76.9%": two rates right after 分别为, one clause, of the two years
    its sentence names before it, in order (and no other year); None otherwise."""
    tree = r.tree
    first = rates[0]
    if tree[first].clause != tree[rates[1]].clause or first == 0 or tree[first - 1].kind != "fenbie" \
            or any(r.facts[j] is not None for j in range(first + 1, rates[1])):
        return None
    years = [_year_said(tree[j].piece.keyword) for j in range(tree.unit("sentence", first)[0], first)
             if tree[j].kind == "period"]
    return years if len(years) == 2 and None not in years else None


def _clause_words(r: Reading, n: int) -> str:
    """The words of node n's clause up to it, without its years and figures ("占一般公共预算支出…的"): what a rate is of."""
    tree = r.tree
    said = "".join((tree[j].piece.keyword if tree[j].kind == "share" else "") + tree[j].piece.label
                   for j in range(tree.unit("clause", n)[0], n + 1) if tree[j].kind not in {"sep", "period"})
    return _unperiod(r, clean_label(said))


def _name(r: Reading, f: Fact) -> str:
    """A figure's name without the period its label says ("2022年全省国家财政性教育经费" → "全省国家财政性教育经费")."""
    return _unperiod(r, clean_label(f.label))


def _unperiod(r: Reading, label: str) -> str:
    label = r.vocab.period_words.sub("", LABEL_YEAR.sub("", label))
    return label.lstrip("度末底的")


def _alike(a: str, b: str) -> bool:
    """Two amounts named alike: one name the other's, or its tail ("全省一般公共预算教育经费" … "一般公共预算教育经费")."""
    return bool(a) and bool(b) and (a.endswith(b) or b.endswith(a))


def _names_rate(said: str, rate: str) -> bool:
    """Last year's rate named as this year's, by a tail of its name ("比例" of "占地区生产总值比例"), or by none."""
    return not said or rate.endswith(said)


def _year_before(r: Reading, start: Fact, end: Fact) -> bool:
    """The rate a history starts from is of the year before the one it arrives at (上年, or years a year apart; a year
    named alone, the year before the report's): what a 比上年 change is against."""
    gap = year_gap(start, end)
    if gap is not None:
        return gap == 1
    if start.period and start.period.isdigit():
        return bool(r.report_year) and int(start.period) == int(r.report_year) - 1
    return start.period == "previous"


def _history_subject(r: Reading, start: Fact) -> str:
    """What a "由p%升至q%" history is of: the label of the rate it starts from without its 由 / 从 words
    ("占比重由上年度的" → "占比重"); "" when the label is not such a start."""
    label = clean_label(start.label)
    for cue in ("from_figure", "from_figure_named"):
        m = r.vocab.cue(cue).search(label)
        if m is not None:
            return label[:m.start()].strip()
    return ""


def _last_years_rate_after(r: Reading, k: int, stretch: str | None = None) -> Fact | None:
    """The one rate of the bracket right after the points at node k, when it is last year's ("…提高3.5个百分点(2022年增长
    6.1%)"): the rate a 比上年 change of points is against — or, `stretch` given, when the bracket's words name that
    stretch ("…比1-10月回落0.7个百分点(1-10月增长8.9%)"). None when the bracket holds anything else."""
    tree = r.tree
    if k + 1 >= len(tree) or not tree[k + 1].separator("(") or tree[k + 1].depth <= tree[k].depth:
        return None
    found: Fact | None = None
    said = ""  # (the bracket's words before its rate)
    j = k + 2
    while j < len(tree) and tree[j].depth > tree[k].depth:
        t, f = tree[j], r.facts[j]
        if f is not None:
            if found is not None or f.kind != "percent" or f.is_bound or t.kind not in _RATE_KINDS \
                    or not (r.is_previous(f) if stretch is None else said == stretch):
                return None
            found = f
        elif t.kind not in {"period", "words", "sep"}:
            return None
        elif t.kind == "words":
            said += "".join(t.piece.label.split())
        j += 1
    return found


def _named_rate_said_before(r: Reading, k: int) -> tuple[Fact | None, Fact | None]:
    """"…优良率91.67%。⏎与2021年相比,…,优良率提高11.67个百分点(2021年为80%)": a change that names its rate right before
    it (cue rate_named_again), last year's rate in the bracket right after it — this year's, the nearest rate named so in
    the sentences before (_NAMED_BACK of them at most), this year's and the only one of that name there."""
    previous = _last_years_rate_after(r, k)
    if previous is None:
        return None, None
    tree = r.tree
    word = tree[k - 1]
    name = _clause_words(r, k - 1)
    keyword = clean_label(word.piece.keyword or "")
    if keyword and name.endswith(keyword):
        name = name[:-len(keyword)]
    if not name or not r.vocab.cue("rate_named_again").fullmatch(name) or len(name) < 3:
        return None, None
    first_sentence = tree[k].sentence - _NAMED_BACK
    found = []
    for j in range(k - 2, -1, -1):
        t, f = tree[j], r.facts[j]
        if t.sentence < first_sentence:
            break
        if f is None or f.kind != "percent" or t.kind not in _RATE_KINDS or f.is_bound:
            continue
        if _name(r, f).endswith(name):
            found.append(f)
    current = [f for f in found if not r.is_previous(f)]
    if len(current) != 1 or len(found) != 1:
        return None, None  # (none, or more than one of that name: which the change is of is open)
    return current[0], previous


_NAMED_BACK = 4


def _rate_before(r: Reading, i: int, like: Fact) -> Fact | None:
    """The nearest figure before node i in its sentence when it is a rate of `like`'s concept, this year's and not one
    compared with (only words between): the rate a change of points after it is of."""
    tree = r.tree
    compared = r.vocab.cue("compared_prefix")
    for j in tree.before(i, "sentence", limit=_REACH):
        t, f = tree[j], r.facts[j]
        if f is None:
            if t.kind in {"words", "sep"} and t.depth == tree[i].depth:
                continue
            return None
        # (last year's rate named by its year alone, "(2022年为71.80%)", "(上年4.12%)", is of the rate the change is said of)
        ok = t.kind in _RATE_KINDS and f.kind == "percent" and not f.is_bound \
            and (f.concept == like.concept or like.concept is None or not _name(r, like)) \
            and not r.is_previous(f) and not compared.match(clean_label(f.label)) and t.depth == tree[i].depth
        return f if ok else None
    return None


def _last_in_bracket_after(r: Reading, j: int, words) -> int | None:
    """The words node right before the bracket whose last figure is the rate at node j, named (the figures before it
    being what it is of), when its label matches `words`: "执行率95.50%,较2022年(全年预算数1,865.40万元、执行数1,720.18万元,
    执行率92.22%)提高3.28个百分点" — the year compared with, its rate said in full; else None."""
    tree = r.tree
    if j + 1 >= len(tree) or not tree[j + 1].separator(")") or tree[j].kind != "labelled" \
            or not clean_label(r.facts[j].label):
        return None
    m = j - 1
    while m >= 0 and not tree[m].separator("(") and tree[m].depth >= tree[j].depth:
        m -= 1
    if m < 1 or not tree[m].separator("("):
        return None
    w = m - 2 if m >= 2 and tree[m - 1].kind == "period" else m - 1  # ("较2022年(": the year between)
    if tree[w].kind != "words" or tree[w].clause != tree[m].clause:
        return None
    if any(r.facts[n] is not None and r.facts[n].kind == "percent" for n in range(m + 1, j)):
        return None  # (another rate in the bracket: which one is compared is open)
    return w if words.match(clean_label(tree[w].piece.label)) else None


def _bracketed_after(r: Reading, j: int, words) -> int | None:
    """The words node right before the bracket that holds only the figure at node j, when its
    label matches `words` (较… / 比… / 高于…): "比全省平均增幅(11%)"; else None."""
    tree = r.tree
    if j < 2 or j + 1 >= len(tree) or not tree[j - 1].separator("(") or not tree[j + 1].separator(")") \
            or tree[j - 2].clause != tree[j].clause:
        return None
    if tree[j - 2].kind == "share":
        # ("…占44.6%,占比较上年同期(40.7%)提高3.9个百分点": the 占比 of the share before, compared — only a piece that
        # opens its clause, naming no subject of its own: "乐透数字型占比较上年同期(…)" is another's)
        if r.facts[j - 2] is not None or not (j == 2 or tree[j - 3].kind == "sep"):
            return None
    elif tree[j - 2].kind != "words":
        return None
    return j - 2 if words.match(clean_label(tree[j - 2].piece.label)) else None


def _above_bracket(r: Reading, k: int) -> Candidate | None:
    """"增长19.9%,高于全省平均增幅(11%)8.9个百分点": the points at node k right after a bracketed
    rate that 高于 / 低于 … compares with; the rate compared is the nearest one before, past other
    comparisons of it.  None when the shape is not this one or the rate compared is open."""
    tree = r.tree
    above, below = r.vocab.cue("compared_above"), r.vocab.cue("compared_below")
    j = k - 2
    if j < 2 or not tree[k - 1].separator(")") or tree[k - 1].clause != tree[k].clause:
        return None
    other = r.facts[j]
    if other is None or other.kind != "percent" or other.is_bound or tree[j].kind not in _RATE_KINDS:
        return None
    word = _bracketed_after(r, j, above)
    direction = 1
    if word is None:
        word, direction = _bracketed_after(r, j, below), -1
    if word is None:
        return None
    current = None
    m = word - 1
    while m >= 0 and tree[m].sentence == tree[k].sentence:
        t, f = tree[m], r.facts[m]
        if f is not None and t.depth > 0 and _bracketed_after(r, m, above) is None \
                and _bracketed_after(r, m, below) is None:
            return None  # a bracketed figure of its own ("增长5.2%(同口径增长8.1%)"): which rate is compared is open
        if t.depth > 0 or t.kind in {"sep", "points"} \
                or (t.kind == "words" and (above.match(clean_label(t.piece.label))
                                           or below.match(clean_label(t.piece.label)))):
            m -= 1  # (an earlier comparison of the same rate: its bracket, its words, its points)
            continue
        if f is None:
            return None  # words between: what the comparison is of is open
        if f.kind != "percent" or f.is_bound or t.kind not in _RATE_KINDS:
            return None
        current = f
        break
    if current is None or (tree[word].kind == "share" and tree[m].kind != "share"):
        return None
    said = clean_label(tree[word].piece.label)
    return Candidate(Change.model_construct(
        direction=direction, delta=r.facts[k], percent=None, current=current, previous=other,
        subject_label=current.label, reference="previous", keyword=said,
        compared_name=(above.sub("", said) if direction > 0 else below.sub("", said)) or said,
        keyword_span=r.span(tree[word].start, tree[word].end), reason="points_change", via=(), rejected=()))


# rates written as they are: a 下降 p% (decrease, growth_down) is a fall of p, its sign in the word, and
# is left unread rather than compared as +p
_RATE_KINDS = {"labelled", "share", "increase", "growth_up"}


_GROWTH_WORD = lazyre.compile(r"^(?:增速|增幅|增长率|增长幅度|增长速度)$")
_NAMED_GROWTH_BACK = 3  # sentences before the comparison's own where the growth it names may stand


def _above_named_growth(r: Reading, k: int) -> Candidate | None:
    """"…全省财政支出完成1245.01亿元,比上年同期增加172.02亿元,增长16.03%。其中民生支出完成1023.65亿元,增长19.67%,高于财政支出
    增速3.64个百分点" (19.67 − 16.03): the points at node k right after 高于 / 低于 X 增速 (增幅, 增长率), no rate of its own in a
    bracket — X's growth stated before, in its sentence or the few before it, the one growth rate whose words (from its
    sentence's start, or the growth before it there) name X; the rate compared is the nearest one before the words, past
    other comparisons of it (as _above_bracket reads it).  A look-up (it warns at most): None when X names no subject
    (a period, a plan, a mean: cue growth_named_not_subject), or none or more than one growth rate names it."""
    tree = r.tree
    above, below = r.vocab.cue("compared_above"), r.vocab.cue("compared_below")
    if k < 3 or tree[k - 1].kind != "growth_up" or r.facts[k - 1] is not None \
            or not _GROWTH_WORD.match((tree[k - 1].piece.keyword or "").strip()):
        return None
    word = k - 2
    if tree[word].kind != "words" or tree[word].clause != tree[k].clause or tree[k - 1].clause != tree[k].clause:
        return None
    said = clean_label(tree[word].piece.label)
    direction = 1 if above.match(said) else -1 if below.match(said) else 0
    if direction == 0:
        return None
    name = (above if direction > 0 else below).sub("", said).strip()
    if len(name) < 2 or r.vocab.cue("growth_named_not_subject").search(name):
        return None
    # the rate compared: the nearest before the words, past earlier comparisons of the same rate
    current, m = None, word - 1
    while m >= 0 and tree[m].sentence == tree[k].sentence:
        t, f = tree[m], r.facts[m]
        if t.kind in {"sep", "points", "growth_up"} and (f is None or t.kind == "points") \
                or (t.kind == "words" and (above.match(clean_label(t.piece.label))
                                           or below.match(clean_label(t.piece.label)))):
            m -= 1
            continue
        if f is None or f.kind != "percent" or f.is_bound or t.kind not in {"increase", "growth_up"} or t.depth:
            return None
        current = f
        break
    if current is None:
        return None
    text = r.norm.text
    found: list[Fact | None] = []
    leads: list[str] = []  # (the words leading to every growth looked at: the place's subject shared with another's)
    place = _PLACE_NAME.fullmatch(name) is not None
    lead_start = None
    first_sentence = tree[k].sentence - _NAMED_GROWTH_BACK
    # (from the first node of the sentence three before, sentence by sentence back — not every node from the text's
    # start for every comparison: quadratic in a long text)
    begin = tree.unit("sentence", k)[0]
    while begin > 0 and tree[begin - 1].sentence >= first_sentence:
        begin = tree.unit("sentence", begin - 1)[0]
    for j in range(begin, m):
        t, f = tree[j], r.facts[j]
        if t.sentence < first_sentence:
            continue
        if lead_start is None or t.sentence != tree[lead_start].sentence:
            lead_start = tree.unit("sentence", j)[0]
        if f is None or f.kind != "percent" or t.kind not in {"increase", "growth_up", "decrease", "growth_down"}:
            continue
        lead = text[tree[lead_start].start:t.start]
        listed = "分别" in text[tree[lead_start].start:f.span.start]
        lead_start = j + 1  # (the next growth's words begin after this one)
        if listed:
            # ("全市财政支出和财政收入分别增长8.0%和5.2%": a 分别 list's growths, each of one of its names by place — which
            # one a name's is not read here: nothing is, of the names it lists)
            if name in lead:
                return None
            continue
        if _names_subject(name, lead, place):
            # (a fall, or a rate bound already: named so, but not one to compare as written — nothing read)
            found.append(f if t.kind in {"increase", "growth_up"} and not f.is_bound else None)
        else:
            leads.append(lead)
    if len(found) != 1 or found[0] is None:
        return None
    if place:
        # ("全国一般公共预算收入增长6.7%,其中税收收入增长5.1%。我市税收收入增长9.2%,高于全国增幅4.1个百分点": the place's growth
        # of the compared rate's own subject, 税收收入, may be the one meant — which is open: nothing read)
        said_before = text[tree[tree.unit("sentence", m)[0]].start:tree[m].start]
        said_before = _LAST_CLAUSE.search(said_before).group()
        subject = _SUBJECT_TRIM.sub("", _PLACE_PREFIX.sub("", said_before.strip()))
        if len(subject) < 2 or any(subject in lead and not _ANY_PLACE.search(lead) for lead in leads):
            return None
    return Candidate(Change.model_construct(
        direction=direction, delta=r.facts[k], percent=None, current=current, previous=found[0],
        subject_label=current.label, reference="previous", keyword=said, compared_name=name,
        keyword_span=r.span(tree[word].start, tree[word].end), reason="points_change_named_growth", via=(), rejected=()))


# the words between a growth's subject and its rate that name no other subject: amounts, 完成/实现, a comparison with the
# year before ("全省财政支出完成1245.01亿元,比上年同期增加172.02亿元,增长16.03%")
_SUBJECT_TO_GROWTH = lazyre.compile(
    r"(?:[\s,，、:：()（）]|[0-9０-９.,，%]+|完成|实现|累计|共计|合计|共|达到|达|为|亿元|万元|元|亿|万|同比|比上年同期|比上年|较上年同期"
    r"|较上年|比去年同期|较去年同期|上年同期|同期|增加|增收|增支|比|较)*")
# a place named for its growth ("高于全国增幅"): the growth of a subject said after it ("全国一般公共预算收入同比增长6.7%")
_PLACE_NAME = lazyre.compile(r"(?:全国|全省|全市|全区|全县|全州|全盟|地方|中央|我国|本省|本市)")
_ANY_PLACE = lazyre.compile(r"(?:全国|全省|全市|全区|全县|全州|地方|中央|我国|[我本](?:省|市|区|县|州))(?!级)")
_PLACE_PREFIX = lazyre.compile(r"^(?:[我本全](?:国|省|市|区|县|州))")
_SUBJECT_TRIM = lazyre.compile(r"(?:增幅|增速|增长率)?(?:同比|比上年|较上年)?(?:增长|增幅)?$")
_LAST_CLAUSE = lazyre.compile(r"[^,，;；:：]*$")


def _names_subject(name: str, lead: str, place: bool) -> bool:
    """Do the words leading to a growth ("1-5月份,全省财政支出完成1245.01亿元,比上年同期增加172.02亿元,") name `name` as the
    growth's subject — its last words before the amounts and the comparison with the year before, not a word inside
    another subject's ("占全市财政收入的比重为30%,园区财政收入"), nor the first of a 分别 list's names ("财政支出和财政收入分别")?
    A place (全国) names the subject said right after it ("全国一般公共预算收入同比")."""
    at = lead.rfind(name)
    if at < 0:
        return False
    rest = lead[at + len(name):]
    if place:
        rest = _PLACE_SUBJECT.sub("", rest, count=1)
    return _SUBJECT_TO_GROWTH.fullmatch(rest) is not None


_PLACE_SUBJECT = lazyre.compile(r"^[\u4e00-\u9fff]{1,12}?(?:收入|支出)")
