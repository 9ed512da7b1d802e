"""直属事业单位10个,即 A、B、C …: a count followed by the names it counts.

    "直属事业单位10个,即县国库集中支付中心、县财政信息中心、…、县经济开发区财政所。"
        → 10 units, 9 names

The names follow the count after a marker that says they are all of it (即,
分别为, 分别是, a colon), separated by 、 (the last one may be joined by 和/及),
up to the end of the sentence or sub-sentence; the stretch holds no figures and
no name is long enough to be a clause.  A list ending in 等 names only some; so may one after 包括 (names_included): fewer names
than the count is no contradiction there, more is.

The names may also come right before the count, from the start of their clause
(names_before_count): "共设办公室、法制处、研究室3个内设机构".  Where that list starts
is less certain (a verb may open the clause), so it only warns.
"""

from __future__ import annotations

import re
from typing import Iterator

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate
from auditor.extract.model import Enumeration
from auditor.extract.numbering import NUMBERED_LINE
from auditor.extract.readings import Reading

_UNITS = {"个", "家", "所", "项", "处", "座", "条", "支", "类", "批"}
_MARKER_WORDS = r"即|分别为|分别是|分别|具体为|具体是|包括|包含|:"
_INCLUDES = lazyre.compile(r"包括|包含")  # a marker that may name only some: fewer names are no contradiction
_MARKER = lazyre.compile(rf"\s*[,:]?\s*(?:{_MARKER_WORDS})\s*:?\s*")
_END = lazyre.compile(r"[。;!?\n]")
_CLOSED = lazyre.compile(r"[。!?\n]")  # a list that stops at ';' may go on after it
_BRACKETS = lazyre.compile(r"\([^()]*\)|“[^“”]*”")
_LAST_JOIN = lazyre.compile(r"以及|和|及|与")
_PARTIAL = lazyre.compile(r"等(?:等)?$|其他|其它|若干")
_NOUN = lazyre.compile(rf"[\u4e00-\u9fff]{{1,6}}(?:\([\u4e00-\u9fff]{{1,3}}\))?(?=\s*[,:]?\s*(?:{_MARKER_WORDS}))")
# after ';': "区公路养护中心内设4个科室…" — a new statement with its own count, so the list ended
_NEXT_STATEMENT = lazyre.compile(r"[^、,;。\n]{0,20}?\d+\s*[个家所项处座条支类批名人]")
_DURATION = lazyre.compile(r"\s*月")  # "3个月": months, not three things
_COUNT_RIGHT_BEFORE = lazyre.compile(r"\d\s*[个家所项处座条支类批名人][\u4e00-\u9fff]{1,6}$")  # ("3个乡镇" before "8个村")
_MAX_NAME = 24
_MAX_WRAPS = 4
_WRAP_BEFORE = lazyre.compile(r"[\u4e00-\u9fff、()“”]$")
_WRAP_AFTER = lazyre.compile(r"[\u4e00-\u9fff、()“”]")


def _wrapped(text: str, at: int) -> bool:
    """The line break at `at` falls inside a sentence (a line wrapped by extraction): the
    line ends in a name or 、 and the next line goes on with one, not with a new item."""
    return bool(_WRAP_BEFORE.search(text, max(0, at - 1), at) and _WRAP_AFTER.match(text, at + 1)
                and not NUMBERED_LINE.match(text, at + 1))


def resolve(r: Reading) -> Iterator[Candidate]:
    text = r.norm.text
    for s in r.tree.of_kind("labelled"):
        count = r.facts[s.index]
        if count is None or s.kind != "labelled" or count.kind != "count" or count.unit not in _UNITS \
                or count.is_bound or count.value < 2 or count.value > 60 or count.decimals \
                or _DURATION.match(text, count.span.end):
            continue  # (names come in whole numbers; "2.5个月" is a length of time)
        if _COUNT_RIGHT_BEFORE.search(text, max(0, count.span.start - 12), count.span.start):
            continue  # ("覆盖3个乡镇8个行政村,分别为城关镇(2个村)、…": names of which of the two counts is open)
        # "内设7个科室:办公室、…": the counted noun may stand between the count and the marker
        noun = _NOUN.match(text, count.span.end)
        m = _MARKER.match(text, noun.end() if noun else count.span.end)
        if not m:
            before = _names_before(r, count)
            if before is not None:
                yield before
            continue
        end = _END.search(text, m.end())
        wraps = 0
        while end is not None and end.group() == "\n" and wraps < _MAX_WRAPS and _wrapped(text, end.start()):
            end = _END.search(text, end.end())  # a line wrapped inside the list: the list goes on
            wraps += 1
        if end is None:
            continue  # the text ends before the list's sentence closes: an excerpt may have cut it
        if not _CLOSED.match(end.group()) and not _NEXT_STATEMENT.match(text, end.end()):
            continue  # "目标3个:A、B;C。": the list may go on past the ';' (not when a counted statement follows)
        stop = end.start() if end else len(text)
        stretch = text[m.end():stop].replace("\n", "")
        read = plain_names(stretch)
        if read is None:
            continue
        names, joined = read
        yield Candidate(Enumeration.model_construct(
            count=count, names=tuple(names), span=r.span(m.end(), stop), text=r.norm.original[m.end():stop],
            joined=joined,
            reason="names_included" if _INCLUDES.search(m.group()) else "names_after_count", via=(), rejected=()))


def plain_names(stretch: str) -> tuple[list[str], str] | None:
    """The names of the stretch and the word that joined the last two (和, 及 …; "" when
    none did), or None when it is not a plain list of names."""
    plain = _BRACKETS.sub("", stretch).strip().rstrip(",")
    if not plain or re.search(r"\d|,", plain) or _PARTIAL.search(plain):
        return None
    # ("中心本级及所属县动物疫病预防控制中心、县畜牧技术推广站": 本级 and the bodies under it, each a name)
    pieces = _OWN_AND_UNDER.sub(r"\1、\2", plain).split("、")
    last = _LAST_JOIN.split(pieces[-1])
    joined = ""
    if len(last) == 2 and all(len(x) >= 2 for x in last):
        joined = _LAST_JOIN.search(pieces[-1]).group()
        pieces = pieces[:-1] + last
    elif len(last) > 2:
        # ("种植业管理股及农机和农业安全生产股", "统计及调查股和综合股": a joiner inside a name too — the last two are
        # joined where the first ends as the names do)
        tail = pieces[-1]
        endings = {p[-1] for p in pieces if p}
        splits = [m for m in _LAST_JOIN.finditer(tail) if len(tail[:m.start()]) >= 2 and len(tail[m.end():]) >= 2
                  and tail[m.start() - 1] in endings]
        if len(splits) == 1:
            joined = splits[0].group()
            pieces = pieces[:-1] + [tail[:splits[0].start()], tail[splits[0].end():]]
    pieces = [p.strip() for p in pieces]
    if len(pieces) < 2 or any(len(p) < 2 or len(p) > _MAX_NAME for p in pieces):
        return None
    return pieces, joined


_OWN_AND_UNDER = lazyre.compile(r"(本级)[及和与](所属|下属|直属)")
_CLAUSE_START = lazyre.compile(r"[,。;:!?\n]")
_COUNTED_AFTER = lazyre.compile(r"[\u4e00-\u9fff]")  # "3个内设机构": the noun counted comes right after
_NOT_A_NAME_END = lazyre.compile(r"[的了在是为等和及与、]$")
_MAX_BEFORE = 300
_UNITS_BEFORE = {"个", "家", "所", "处", "座"}  # units that count named bodies (not 条, 项: "…30条" names a rule)
# "等" anywhere (a partial list: "殡葬、公墓等社会事务共8个"), a title 《…》 (no body's name)
_NOT_NAMES = lazyre.compile(r"等|《|》|共$")


def _names_before(r: Reading, count) -> Candidate | None:
    """"神经内科、肾内科2个专科": the names right before the count, back to their clause's start."""
    text = r.norm.text
    start = count.span.start
    if start == 0 or count.unit not in _UNITS_BEFORE or not _COUNTED_AFTER.match(text, count.span.end):
        return None
    if not re.match(r"[\u4e00-\u9fff)]", text[start - 1]):
        return None  # a name ends right before the count
    floor = max(0, start - _MAX_BEFORE)
    opened = floor
    depth = 0
    for k in range(start - 1, floor - 1, -1):  # the clause start, outside brackets
        ch = text[k]
        if ch == ")":
            depth += 1
        elif ch == "(" and depth == 0:
            # ("…和大坪小学(含大坪、石门2个教学点)": the count stands in a bracket — its names start inside it)
            opened = k + 1
            held = _HELD_OPENS.match(text, opened)
            opened = held.end() if held else opened
            break
        elif ch == "(":
            depth -= 1
        elif depth == 0 and _CLAUSE_START.match(ch):
            opened = k + 1
            break
    else:
        if floor > 0:
            return None  # no clause start within reach
    stretch = text[opened:start]
    plain = _BRACKETS.sub("", stretch)
    if "、" not in plain or _NOT_A_NAME_END.search(plain) or _NOT_NAMES.search(plain):
        return None
    read = plain_names(stretch)
    if read is None:
        return None
    names, joined = read
    group = None
    for group in _GROUP_AFTER_JOIN.finditer(stretch):
        pass
    if group is not None and len(names) != count.value:
        # ("由局机关本级和所属不动产登记中心、土地储备中心2个事业单位决算组成": the count is of the group 所属 opens —
        # the names before its 和 are another — unless it counts them all)
        own = plain_names(stretch[group.start(1):])
        if own is not None:
            (names, joined), opened = own, opened + group.start(1)
    return Candidate(Enumeration.model_construct(
        count=count, names=tuple(names), span=r.span(opened, start), text=r.norm.original[opened:start],
        joined=joined, reason="names_before_count", via=(), rejected=()))


_HELD_OPENS = lazyre.compile(r"(?:含|包括|包含|其中)[:]?")  # ("(含大坪、石门2个教学点)": what the bracket holds, no name)
# a group of bodies under the report's own after other names and a joiner: "局机关本级和所属A、B2个事业单位"
_GROUP_AFTER_JOIN = lazyre.compile(r"(?:以及|[和及与、])(所属|下属|直属|附属)")
