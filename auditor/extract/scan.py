"""A fast scan that finds where the grammar needs to run.

Only paragraphs ("windows") that contain a digit are parsed.  A window is a
line, or several lines when the text was hard-wrapped (a line that does not end
a sentence runs on into the next), or a short label line followed by a line
holding only its figure ("年度预算金额 |" / "677.41万元 |").
"""

from __future__ import annotations

from collections import Counter
from typing import Iterator

from auditor import lazyre
from auditor.widths import display_width

_DIGIT = lazyre.compile(r"\d")
_SENTENCE_END = lazyre.compile(r"[。;!?:]\s*\|?\s*$")
# in hard-wrapped text a line may stop at a ';' in the middle of a list
_PARAGRAPH_END = lazyre.compile(r"[。!?]\s*\|?\s*$")
_STARTS_ITEM = lazyre.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}[、是]|\(?[一二三四五六七八九十\d]{1,3}(?:[)、]|\.(?!\d))|[\u2460-\u2487])")
_FIGURE_ONLY = lazyre.compile(r"^\s*\|?\s*-?\d[\d,]*(?:\.\d+)?\s*(?:万元|亿元|千元|元|万|%|分|人|个)?\s*\|?\s*$")
_WRAP_MIN = 30  # a hard-wrapped line is at least this long
# a heading on a line of its own ("一、收入支出决算总体情况说明") is not wrapped prose
_TITLE = lazyre.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)|第[一二三四五六七八九十]+部分)[^,。;:]*$")
_UNIT_SPLIT = lazyre.compile(r"\d\s*[万亿千]?\s*$")
_ENDS_IN_WORD = lazyre.compile(r"[\u4e00-\u9fff)]\s*$")
_STARTS_WITH_FIGURE = lazyre.compile(r"^\s*\d")
# a line that opens by going on from the sentence before it (a page may set each sentence on a line
# of its own): a list of that sentence's figure, an addition to it, a split or shares of it
_GOES_ON = lazyre.compile(r"^\s*(?:其中|加上|再加上|从[^,，。]{1,10}看|分[^,，。]{1,6}看|按[^,，。]{1,8}分|占[^,，。]{0,16}分别)")
_ENDS_STATEMENT = lazyre.compile(r"[。;；]\s*$")
_UNIT_CONTINUES = lazyre.compile(r"^\s*(?:万元|亿元|元|%|个百分点)")


def lines_of(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, end excluding the newline."""
    out = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def wrap_width(text: str, spans: list[tuple[int, int]]) -> int | None:
    """The width a PDF or print layout wrapped the text at, if it was hard-wrapped.

    Wrapped text has many lines of (almost) the same width; text with one
    paragraph per line has lines of every length.
    """
    # a line of fewer than 15 characters is narrower than 30 columns: not measured
    widths = [w for w in (display_width(line) for line in (text[a:b].strip() for a, b in spans) if len(line) >= 15)
              if w >= 30]
    if len(widths) < 4:
        return None
    # the widest width that many lines come close to (a page's right margin): the lines
    # of each width counted once, then summed over the five widths up to it
    per_width = Counter(widths)
    best, count = max(((c, sum(per_width.get(x, 0) for x in range(c - 4, c + 1))) for c in per_width),
                      key=lambda pair: (pair[1], pair[0]))
    if count < 3 or count < 0.3 * len(widths):
        return None
    return best


# a line holding only a page number ("- 3 -", "— 3 —", "第3页 共12页"), or a running header ending with one after
# a run of spaces ("XX县农业农村局2023年度部门决算说明      - 3 -"): a page's furniture, which a sentence cut by the
# page break reads on across
PAGE_FURNITURE = lazyre.compile(r"(?m)^[ \t]*(?:[^\n]*?[^\s\-—–~\d][ \t]{2,})?(?:[-—–~]{1,3}[ \t]?\d{1,3}[ \t]?[-—–~]{1,3}|"
                                r"第[ \t]*\d{1,3}[ \t]*页(?:[ \t]*[,/]?[ \t]*共[ \t]*\d{1,3}[ \t]*页)?|"
                                r"共[ \t]*\d{1,3}[ \t]*页[ \t]*第[ \t]*\d{1,3}[ \t]*页)[ \t]*$")


# the last character of a line of page furniture, white space aside (PAGE_FURNITURE ends with a dash or 页): the
# cheap test before the pattern
_FURNITURE_ENDS = frozenset("-—–~页")


def _continues(line: str, on_page: str, nxt: str, wrap_min: int | None) -> bool:
    """Does `nxt` continue the paragraph `line` belongs to?  (What the next line starts
    with is asked first: a match at its start is cheap, a search for the end of `line` is not.)"""
    if _UNIT_CONTINUES.match(nxt) and _UNIT_SPLIT.search(line):
        return True  # "…项目支出300万" / "元。"
    if _TITLE.match(line) or "://" in line or not nxt.strip() or _STARTS_ITEM.match(nxt):
        return False  # a heading, a link, a blank line, a new item
    if _GOES_ON.match(nxt) and _ENDS_STATEMENT.search(line) and _DIGIT.search(line):
        return True  # "…955.84亿元。⏎其中:…", "…2416460万元。⏎加上…": a sentence that cannot stand alone
    if wrap_min and _STARTS_WITH_FIGURE.match(nxt) and _ENDS_IN_WORD.search(line):
        return True  # in wrapped text a label may end a line and its figure start the next
    if wrap_min:
        shown = on_page.strip()
        # (a width is between one and two columns a character: measured only when the length does not tell)
        wide_enough = len(shown) >= wrap_min or (2 * len(shown) >= wrap_min and display_width(shown) >= wrap_min)
        return wide_enough and not _PARAGRAPH_END.search(line)
    return len(line.strip()) >= _WRAP_MIN and not _SENTENCE_END.search(line)


def windows(text: str, skip: set[int] | None = None, original: str | None = None) -> list[tuple[int, int]]:
    """Windows (start, end) worth parsing; `skip` holds line numbers (0-based) read as tables.

    Widths are measured on the original text (full-width digits are two columns
    wide on the page they came from, one in the normalised text).
    """
    skip = skip or set()
    spans = lines_of(text)
    page = original if original is not None else text
    width = wrap_width(page, spans)
    wrap_min = int(width * 0.6) if width else None  # paragraphs end with 。 or ：, not with a short line
    out: list[tuple[int, int]] = []
    # each line's text, and as it stands on the page, cut once (not again for every question)
    lines = [text[a:b] for a, b in spans]
    on_page = lines if page is text else [page[a:b] for a, b in spans]
    n = len(spans)
    i = 0
    while i < n:
        line = lines[i]
        if i in skip or not line:  # (an empty line holds no window, and no line continues into it)
            i += 1
            continue
        start, end = spans[i]
        j = i
        # hard-wrapped prose: join while a long line does not end its sentence,
        # and always where a figure's unit went to the next line ("300万" / "元。")
        while j + 1 < n and j + 1 not in skip:
            if not lines[j + 1]:
                break  # (an empty line: _continues refuses it, and it is no page furniture)
            if _continues(lines[j], on_page[j], lines[j + 1], wrap_min):
                j += 1
            elif j + 2 < n and j + 2 not in skip and lines[j + 1].rstrip(" \t")[-1:] in _FURNITURE_ENDS \
                    and PAGE_FURNITURE.match(lines[j + 1]) \
                    and _continues(lines[j], on_page[j], lines[j + 2], wrap_min):
                j += 2  # a sentence cut by a page break reads on across the page's furniture
            else:
                break
        # a short label line whose figure stands alone on the next line
        if (
            j == i
            and j + 1 < n
            and j + 1 not in skip
            and 0 < len(line.strip(" |")) <= 24
            and not _DIGIT.search(line)
            and _FIGURE_ONLY.match(lines[j + 1])
        ):
            j += 1
        w_start, w_end = start, spans[j][1]
        if _DIGIT.search(text, w_start, w_end):
            out.append((w_start, w_end))
        elif j == i and out and i > 0 and out[-1][1] == spans[i - 1][1] and _OPENER_LINE.fullmatch(line):
            out[-1] = (out[-1][0], w_end)  # ("…2214万元。⏎其中:⏎…": the opener ends the total's window)
        i = j + 1
    return out


_STOP = lazyre.compile(r"[。!?]")


def figure_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The stretches of a window worth parsing: its sentences that hold a digit,
    adjacent ones merged (a sentence without a figure states no relation).  (A sentence
    ends just after each 。!?, the last one at the window's end: found by the stops, one
    step a sentence.)"""
    out: list[tuple[int, int]] = []
    a = start
    for b in _sentence_ends(text, start, end):
        if _DIGIT.search(text, a, b):
            if out and out[-1][1] == a:
                out[-1] = (out[-1][0], b)
            else:
                out.append((a, b))
        a = b
    if a < end and (_DIGIT.search(text, a, end) or out and out[-1][1] == a and _OPENER_LINE.match(text, a, end)):
        # (… and "…468.74万元。其中:" ending the window: the opener of the parts on the next lines)
        if out and out[-1][1] == a:
            out[-1] = (out[-1][0], end)
        else:
            out.append((a, end))
    return out


def _sentence_ends(text: str, start: int, end: int) -> Iterator[int]:
    """Just after each 。!? of text[start:end], in order: _STOP's matches' ends — found with str.find when the
    stretch writes no ! or ? (most do not), several times faster than the pattern's scan."""
    if text.find("!", start, end) >= 0 or text.find("?", start, end) >= 0:
        yield from (m.end() for m in _STOP.finditer(text, start, end))
        return
    k = text.find("。", start, end)
    while k >= 0:
        yield k + 1
        k = text.find("。", k + 1, end)


# a list's opener ending its line, its parts on the lines after it ("单位支出为468.74万元。其中:⏎基本支出…⏎项目支出…")
_OPENER_LINE = lazyre.compile(r"\s*(?:其中|具体(?:情况)?如下|如下|分别(?:是|为))\s*:\s*$")


_TITLE_YEAR = lazyre.compile(r"((?:19|20)\d{2})\s*年(?:度)?[^\n。]{0,30}?(?:报告|说明|自评|评价|决算|预算|自评表)")
_ANY_YEAR = lazyre.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")


# (its year may follow it in a bracket: "项目支出绩效自评表(2023年度)")
_TITLE_LINE = lazyre.compile(r"(?:报告|说明|自评表|评价表|情况|公开|决算|预算)\s*[)）]?"
                             r"(?:\s*[(（]\s*(?:19|20)\d{2}\s*年度?\s*[)）])?\s*\|?\s*$")


_CLOSED_LINE = lazyre.compile(r"[。!?:：;；|]\s*$|^\s*$")


def report_year(text: str) -> str | None:
    """The year a report is about: its title's year, else the most frequent year."""
    head = text[:3000]
    previous = ""
    for line in head.split("\n")[:60]:
        if _TITLE_LINE.search(line) and len(line.strip()) <= 60:
            # a title wrapped over two lines ("…2020年财政预算执行情⏎况及2021年财政预算(草案)报告")
            # is about the year its first line names
            title = previous + line if previous and len(previous.strip()) <= 60 and not _CLOSED_LINE.search(previous) \
                and not _TITLE_LINE.search(previous) else line
            m = _TITLE_YEAR.search(title) or _ANY_YEAR.search(title)
            if m:
                return m.group(1)
        previous = line
    m = _TITLE_YEAR.search(head)
    if m:
        return m.group(1)
    years = Counter(m.group(1) for m in _ANY_YEAR.finditer(text))
    if not years:
        return None
    top = max(years.values())
    return max(y for y, n in years.items() if n == top)  # ties: the latest year discussed
