"""Item markers and numerals: (1) 1、 1. ① ⑴ (一) 一、 一是, 十二, and runs of numbered items."""

from __future__ import annotations

from auditor import lazyre

_CN_DIGITS = {c: i + 1 for i, c in enumerate("一二三四五六七八九")}

# A line that opens a heading or a list item: "四、", "(三)", "3.", "3、", "第三".
NUMBERED_LINE = lazyre.compile(r"(?m)^[ \t|]*(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十\d]{1,3}\)|\d{1,2}[.、](?!\d)|第[一二三四五六七八九十\d]{1,3}[章节部条])")


def chinese_number(cn: str) -> int | None:
    """一 … 九十九 → 1 … 99; anything else → None."""
    if not cn:
        return None
    if cn == "十":
        return 10
    if cn.startswith("十"):
        rest = _CN_DIGITS.get(cn[1:], None) if len(cn) == 2 else None
        return 10 + rest if rest else None
    if len(cn) == 1:
        return _CN_DIGITS.get(cn)
    if len(cn) == 2 and cn[1] == "十":
        return _CN_DIGITS.get(cn[0], 0) * 10 or None
    if len(cn) == 3 and cn[1] == "十":
        a, b = _CN_DIGITS.get(cn[0]), _CN_DIGITS.get(cn[2])
        return a * 10 + b if a and b else None
    return None


# a column or row named by a year alone: 2023年, 112年度 (a Taiwanese 民国 year); group 1 the year
YEAR_NAME = lazyre.compile(r"^((?:19|20)\d{2}|1[0-4]\d)年度?$")
# a year said anywhere in words, "2022年", "2023 年度": group 1 the year
YEAR_SAID = lazyre.compile(r"((?:19|20)\d{2})\s*年")
# a span of years, its first and last year in groups 1 and 2: "1958~1965年", "2019年至2024年", "2016—2020年"
YEAR_SPAN = lazyre.compile(r"(?<!\d)((?:19|20)\d{2})\s*年?\s*(?:[—–\-~～]+|至|到)\s*((?:19|20)\d{2})\s*年")


def counted(word: str) -> int | None:
    """"36", "五", "十二", "两": the count a text writes (两 as a count, never an item's number)."""
    if word.isdigit():
        return int(word)
    return 2 if word == "两" else chinese_number(word)


_MARKER_MARKS = lazyre.compile(r"[()、是]")
_DIGITS = lazyre.compile(r"\d+")


def item_number(marker: str) -> int | None:
    """The number an item marker stands for: "(3)" → 3, "③" → 3, "三是" → 3."""
    m = _DIGITS.search(marker)
    if m:
        return int(m.group())
    if "\u2460" <= marker[0] <= "\u2473":
        return ord(marker[0]) - 0x2460 + 1
    if "\u2474" <= marker[0] <= "\u2487":
        return ord(marker[0]) - 0x2474 + 1
    cn = _MARKER_MARKS.sub("", marker)
    return chinese_number(cn)


_CHINESE_IN_BRACKETS = lazyre.compile(r"\([一二三四五六七八九十]")


BULLET = "——"


def item_style(marker: str) -> str:
    """Markers of one style number one list: "(1)", "(一)", "1、", "1.", "①", "⑴", "一、", "一是";
    "——" bullets, unnumbered, make a list of their own."""
    if marker == BULLET:
        return BULLET
    if marker.startswith("("):
        return "(一)" if _CHINESE_IN_BRACKETS.match(marker) else "(1)"
    if marker[0] in "0123456789":  # not str.isdigit(): ① counts as a digit there
        return "1" + marker[-1]
    if "\u2460" <= marker[0] <= "\u2473":
        return "①"
    if "\u2474" <= marker[0] <= "\u2487":
        return "⑴"
    return "一" + marker[-1]


def numbered_runs(markers: list[tuple[int, str, int]], max_gap: int = 3) -> list[list[int]]:
    """Runs numbered 1, 2, 3 … close together, from (index, marker, paragraph) of one style
    (bullets: on consecutive paragraphs).

    A run needs at least two items; items more than `max_gap` paragraphs apart
    belong to different lists.
    """
    runs: list[list[int]] = []
    current: list[tuple[int, int, int]] = []  # (index, number, paragraph)
    for index, marker, paragraph in markers:
        n = item_number(marker) if marker != BULLET else None
        if marker == BULLET:  # (bullets on lines one after another: one list; a line between ends it)
            if current and paragraph - current[-1][2] == 1:
                current.append((index, current[-1][1] + 1, paragraph))
                continue
            if len(current) >= 2:
                runs.append([c[0] for c in current])
            current = [(index, 1, paragraph)]
            continue
        if n == 1:
            if len(current) >= 2:
                runs.append([c[0] for c in current])
            current = [(index, 1, paragraph)]
        elif current and n == current[-1][1] + 1 and paragraph - current[-1][2] <= max_gap:
            current.append((index, n, paragraph))
        else:
            if len(current) >= 2:
                runs.append([c[0] for c in current])
            current = []
    if len(current) >= 2:
        runs.append([c[0] for c in current])
    return runs


# an outline's markers at the start of a label, shallow to deep: 一、 › (一) › 1. › (1) › ①
OUTLINE_MARKER = lazyre.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}[、.．]|\([一二三四五六七八九十]{1,3}\)|\d{1,2}[、.．](?!\d)|"
                                r"\(\d{1,2}\)|[\u2460-\u2473])")
_DEPTH = {"一、": 0, "一.": 0, "一．": 0, "(一)": 1, "1.": 2, "1、": 2, "1．": 2, "(1)": 3, "①": 4}


def outline_depth(label: str) -> int | None:
    """How deep in an outline a label's marker stands (一、 0, (一) 1, 1. 2, (1) 3, ① 4), or None."""
    m = OUTLINE_MARKER.match(label)
    return _DEPTH.get(item_style(m.group().strip())) if m else None

