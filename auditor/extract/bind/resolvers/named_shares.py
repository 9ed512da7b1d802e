"""Shares of parts named in a list, with no amounts: together they are at most all of the whole.

    "公开招标、邀请招标、竞争性谈判和询价分别占采购总规模的77.2%、0.8%、12.2%和9.8%"
        → 77.2 + 0.8 + 12.2 + 9.8 ≤ 100 % (shares_of_named_parts: the names may not be every part —
          "采购方式…分别占…的77.2%、0.8%、2.2%…" may leave some out —, but distinct parts never make more than
          the whole)
"""

from __future__ import annotations

import re
from typing import Iterator

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate
from auditor.extract.model import Fact, SharePartition
from auditor.extract.readings import Reading
from auditor.extract.vocabulary import PINYIN_GLOSS_AFTER_HAN

_AND = lazyre.compile(r"和|及|与|以及")


def resolve(r: Reading) -> Iterator[Candidate]:
    yield from _shares_with_remainder(r)
    yield from _structure_ratios(r)
    yield from _shares_said_after_the_names(r)
    tree = r.tree
    for s in tree.of_kind("share"):
        i = s.index
        first = r.facts[i]
        if first is None or first.kind != "percent" or i == 0 or tree[i - 1].kind != "fenbie":
            continue
        percents = _listed_percents(r, i)
        names = names_before(r, i - 1)
        if r.vocab.cue("respective_wholes").search(s.piece.label):
            continue  # ("一般债务、专项债务分别占各自限额的92.8%和94.0%": each of its own whole)
        # (two groups named may overlap — "民生支出和“三保”支出分别占79.1%和60.2%", "住户存款和定期存款分别占63.7%和49.9%":
        # two cuts of one whole; a list of three or more names a classification)
        if len(percents) < 3 or len(names) != len(percents) or len(set(names)) != len(names):
            continue
        yield Candidate(SharePartition.model_construct(label=s.piece.label.rstrip("的"), shares=tuple(percents),
                                                       complete=False, reason="shares_of_named_parts",
                                                       via=(), rejected=()))


def _listed_percents(r: Reading, i: int) -> list[Fact]:
    """The percentage at node i and those listed after it in its clause ("9.0%、36.9%、54.1%")."""
    tree = r.tree
    percents = [r.facts[i]]
    k = i + 1
    while k + 1 < len(tree) and tree[k].separator("、,和及") and tree[k + 1].kind == "labelled" \
            and r.facts[k + 1] is not None and r.facts[k + 1].kind == "percent" and tree[k + 1].clause == tree[i].clause:
        percents.append(r.facts[k + 1])
        k += 2
    return percents


def _shares_said_after_the_names(r: Reading) -> Iterator[Candidate]:
    """"第一、二、三产业增加值所占比重分别为9.0%、36.9%、54.1%": the share word, then 分别, then the shares of the parts named
    before it — all of a whole when the names are every part of a classification the vocabulary knows (the three
    industries: 100 %)."""
    tree = r.tree
    classification = r.vocab.cue("complete_classification")
    for s in tree.of_kind("share"):
        i = s.index
        if r.facts[i] is not None or i + 2 >= len(tree) or tree[i + 1].kind != "fenbie" \
                or tree[i + 2].kind != "labelled" or tree[i + 2].clause != s.clause:
            continue
        first = r.facts[i + 2]
        if first is None or first.kind != "percent" or tree[i + 2].piece.label.strip():
            continue
        percents = _listed_percents(r, i + 2)
        clause = r.norm.text[max(0, s.start - 40):s.start]
        clause = clause[max(clause.rfind(c) for c in ",，;；。\n") + 1:]
        named = classification.search(PINYIN_GLOSS_AFTER_HAN.sub("", clause))
        if named is not None and len(percents) == 3:
            yield Candidate(SharePartition.model_construct(label=named.group(), shares=tuple(percents), complete=True,
                                                           reason="shares_of_a_classification", via=(), rejected=()))


def _shares_with_remainder(r: Reading) -> Iterator[Candidate]:
    """"依规定分配其中50%供地方政府…、45%供政府补助国民年金,其余5%则挹注全民健康保险准备": percentages of one whole
    that the text closes with the rest (其余/剩余 p%) — all of it, 100 %. The percentages before the rest run back in its
    sentence to the first figure of another kind; a 其中 among them nests one in another, and the reading is open."""
    tree = r.tree
    rest_word, rest_named, no_share = r.vocab.cue("rest_share"), r.vocab.cue("rest_share_named"), r.vocab.cue("no_share_label")
    for s in tree.of_kind("labelled"):
        rest = r.facts[s.index]
        if rest is None or rest.kind != "percent" or not rest_word.match(s.piece.label.strip()):
            continue
        percents = [rest]
        for k in tree.before(s.index, "sentence"):
            t, f = tree[k], r.facts[k]
            if t.kind == "qizhong":
                before = next((r.facts[j] for j in tree.before(k, "sentence") if r.facts[j] is not None), None)
                if before is not None and before.kind == "percent":
                    percents = []  # ("50%上缴中央,其中45%用于…,其余5%…": the rest of which is open)
                break  # ("分配其中50%…、45%…,其余5%…": the list's opener)
            if f is None:
                continue
            if f.kind != "percent" or t.kind != "labelled" or t.depth != s.depth or no_share.search(t.piece.label):
                break
            percents.append(f)
            if rest_named.search(t.piece.label):
                break  # ("…10%留作管理费用,…其余资金的45%分配给村集体,剩余的55%…": the rest's own partition starts here)
        if len(percents) >= 2:
            yield Candidate(SharePartition.model_construct(label="", shares=tuple(reversed(percents)), complete=True,
                                                           reason="shares_with_remainder", via=(), rejected=()))


# a structure written as a ratio of percentages: "三次产业结构比为25.72:26.84:47.44", "比例由上年的10.7∶49.1∶40.2调整为…"
_RATIO_RUN = lazyre.compile(r"\d+(?:\.\d+)?(?:\s*[:∶]\s*\d+(?:\.\d+)?){1,4}")
# (the year a structure is of may stand before its terms: "由2000年的24.2∶35.0∶40.8调整到2005年的18.9∶47.4∶33.7")
# (… or be written as the shares of the industries: "三次产业增加值占地区生产总值的比重分别为23.1:23.6:53.3")
_STRUCTURE_BEFORE = lazyre.compile(r"(?:结构|比例|构成|比重)(?:比|之比)?(?:分别)?(?:由|为|是|调整为|变为|优化为)?"
                                   r"(?:上年的?|(?:19|20)\d{2}年(?:末|底)?的?|[^\d,;。]{0,6})?$")
_STRUCTURE_NEXT = lazyre.compile(r"(?:调整|变|优化|升级|转变|提升)?(?:为|到|至)[,\s]*(?:(?:19|20)\d{2}年(?:末|底)?的?)?")
_RATIO_TERM = lazyre.compile(r"\d+(?:\.\d+)?")
_RATIO_COLON = lazyre.compile(r"[:∶]")
_NEAR_HUNDRED = 5  # (a ratio whose terms are far from making 100 is no structure of percentages: 1:1:1, 3:7)


def _structure_ratios(r: Reading) -> Iterator[Candidate]:
    """A structure written as a ratio of percentages after 结构 / 比例 ("2015年三次产业结构比为25.72:26.84:47.44"): the
    terms are the shares of all the parts, 100 % — when they come near it at all (1:1:1 is a ratio, no percentages)."""
    for terms, _ in structure_ratios(r):
        yield Candidate(SharePartition.model_construct(label="", shares=tuple(terms), complete=True,
                                                       reason="structure_ratio", via=(), rejected=()))


def structure_ratios(r: Reading) -> Iterator[tuple[list[Fact], bool]]:
    """The terms of each structure written as a ratio of percentages, and whether it is the structure of another
    time than the text's own ("由上年的10.7∶49.1∶40.2调整为…": the first is last year's)."""
    text = r.norm.text
    at: dict[int, Fact] | None = None  # (the figures by where they start: gathered at the first structure — most texts state none)
    last_end = -1  # (where the last structure ended: "由上年的10.7∶49.1∶40.2调整为9.9∶48.6∶41.5" states two)
    for m in ratio_runs(text):
        # (the words before it as a reader sees them: a mirror site's pinyin glosses left out — "結(jié)構(gòu)由上年的")
        words = PINYIN_GLOSS_AFTER_HAN.sub("", text[max(0, m.start() - 40):m.start()])
        before = _STRUCTURE_BEFORE.search(words[-14:])
        between = PINYIN_GLOSS_AFTER_HAN.sub("", text[last_end:m.start()]) if last_end >= 0 else None
        if not before and not (between is not None and _STRUCTURE_NEXT.fullmatch(between)):
            continue
        last_end = m.end()
        starts = [m.start() + n.start() for n in _RATIO_TERM.finditer(m.group())]
        if at is None:
            at = {f.span.start: f for f in r.facts if f is not None and f.kind in {"number", "percent"}}
        terms = [at.get(k) for k in starts]
        if len(terms) < 3 or None in terms or abs(sum(t.value for t in terms) - 100) > _NEAR_HUNDRED:
            continue
        earlier = bool(before) and bool(_FROM.search(before.group())) or bool(_STRUCTURE_NEXT.match(text, m.end()))
        yield terms, earlier


_FROM = lazyre.compile(r"由|上年|上一年|去年")  # (a structure it changed from)


def ratio_runs(text: str) -> Iterator[re.Match[str]]:
    """The matches of _RATIO_RUN.finditer(text), tried only where a ratio can start.  Most of a text's digits
    start none, yet the scan tries each (and backtracks through the rest of its number).  A ratio's first term
    ends with a digit, then a colon, then a digit (white space around the colon aside); it starts in the digits
    and points right before that digit — the only places tried, left to right, as the scan would reach them."""
    at = 0
    for colon in _colons(text):
        digit = colon - 1
        while digit >= at and text[digit].isspace():  # (\s: white space, as str.isspace tells; \d: str.isdecimal)
            digit -= 1
        if digit < at or not text[digit].isdecimal():
            continue
        after = colon + 1
        while after < len(text) and text[after].isspace():
            after += 1
        if after == len(text) or not text[after].isdecimal():
            continue
        first = digit  # (a ratio that starts further back runs through digits and points only)
        while first > at and (text[first - 1].isdecimal() or text[first - 1] == "."):
            first -= 1
        for start in range(first, digit + 1):
            m = _RATIO_RUN.match(text, start)
            if m is not None:
                yield m
                at = m.end()
                break
        else:
            at = digit + 1


def _colons(text: str) -> Iterator[int]:
    """Where each colon of a ratio (: or ∶) stands, in order (str.find, several times faster than a pattern's
    scan, when the text writes no ∶)."""
    if "∶" in text:
        yield from (m.start() for m in _RATIO_COLON.finditer(text))
        return
    k = text.find(":")
    while k >= 0:
        yield k
        k = text.find(":", k + 1)


def names_before(r: Reading, j: int) -> list[str]:
    """The names listed right before node j ("公开招标、邀请招标、竞争性谈判和询价"), in its clause, no figure among them."""
    tree = r.tree
    names: list[str] = []
    k = j - 1
    while k >= 0 and tree[k].clause == tree[j].clause:
        t = tree[k]
        if t.kind == "words":
            names[:0] = [n for n in _AND.split(t.piece.label.strip()) if n]
        elif not t.separator("、"):
            break
        k -= 1
    return names
